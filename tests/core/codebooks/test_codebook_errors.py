"""Malformed codebook files give an error that names the file and the exact line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qualcode.codebooks import parse as codebook_parse
from qualcode.codebooks.files import (
    Codebook,
    CodebookCode,
    CodebookError,
    CodeLink,
    check_links,
    load_codebook,
    parse_codebook,
)
from qualcode.errors import NotFoundError, ValidationError


@pytest.fixture(
    autouse=True,
    params=[yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)],
    ids=["pyyaml", "libyaml"],
)
def _loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines must be right with libyaml (used when present) and with pure-Python PyYAML."""
    monkeypatch.setattr(codebook_parse, "_LOADER", request.param)


# A valid codebook; the tests below break one line of it at a time.
VALID = """\
id: demo
title: {en: Demo, id: Demo}
version: 1
codes:
  - id: A
    label: {en: Alpha, id: Alfa}
    color: "#336699"
    definition: {en: First code.}
    children:
      - id: A.1
        label: {en: Alpha one, id: Alfa satu}
        definition: {en: Child code.}
  - id: B
    label: {en: Beta, id: Beta}
    definition: {en: Second code.}
    maps_to: [A.1]
sets:
  - id: S
    label: {en: Set, id: Set}
    codes: [A, B]
"""


def replace_line(text: str, number: int, new: str) -> str:
    """``text`` with its 1-based line ``number`` replaced by ``new``."""
    lines = text.splitlines()
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


def error_of(text: str, name: str = "demo.yaml") -> CodebookError:
    with pytest.raises(CodebookError) as info:
        parse_codebook(text, name)
    return info.value


def test_valid_text_parses() -> None:
    book = parse_codebook(VALID, "demo.yaml")
    assert book.code_ids() == ["A", "A.1", "B"]
    assert book.code("B") is not None
    assert book.code("B").links == (CodeLink(target="demo:A.1", relation="maps_to"),)
    assert book.version == "1"


def test_yaml_syntax_error_names_line() -> None:
    err = error_of(replace_line(VALID, 11, "        label: {en: Alpha one, id: Alfa satu"))
    assert err.line == 12  # PyYAML notices the unclosed flow mapping on the next line
    assert err.file == "demo.yaml"
    assert "not valid YAML" in str(err)
    assert str(err).startswith("demo.yaml, line 12:")


def test_unknown_key_names_line() -> None:
    err = error_of(replace_line(VALID, 15, "    definiton: {en: Second code.}"))
    lines = {problem.line for problem in err.problems}
    assert err.line == 13  # the code without 'definition' starts on line 13 ...
    assert 15 in lines  # ... and the misspelt key is on line 15
    unknown = next(p for p in err.problems if p.line == 15)
    assert "unknown key 'definiton'" in str(unknown)
    assert "code 'B'" in str(unknown)


def test_unknown_key_alone() -> None:
    err = error_of(replace_line(VALID, 7, '    colour: "#336699"'))
    assert err.line == 7
    assert len(err.problems) == 1
    assert "unknown key 'colour'" in str(err)


def test_duplicate_code_id_names_line() -> None:
    err = error_of(replace_line(VALID, 13, "  - id: A.1"))
    assert err.line == 13
    assert "'A.1' is used twice (first on line 10)" in str(err)


def test_bad_colour_names_line() -> None:
    err = error_of(replace_line(VALID, 7, '    color: "#33669"'))
    assert err.line == 7
    assert "colour '#33669'" in str(err)


def test_unquoted_colour_is_explained() -> None:
    err = error_of(replace_line(VALID, 7, "    color: #336699"))
    assert err.line == 7
    assert "quotes" in str(err)


def test_missing_id_label_names_line() -> None:
    err = error_of(replace_line(VALID, 14, "    label: {en: Beta}"))
    assert err.line == 14
    assert "has no 'id' text" in str(err)
    assert "code 'B'" in str(err)


def test_dangling_set_member_names_line() -> None:
    text = VALID.replace("    codes: [A, B]", "    codes:\n      - A\n      - C")
    err = error_of(text)
    assert err.line == 22
    assert "set 'S' lists code 'C'" in str(err)


def test_dangling_internal_link_names_line() -> None:
    err = error_of(replace_line(VALID, 16, "    maps_to: [A.2]"))
    assert err.line == 16
    assert "'demo:A.2'" in str(err)


def test_unknown_relation_names_line() -> None:
    text = replace_line(VALID, 16, "    maps_to:\n      - {target: A.1, relation: causes}")
    err = error_of(text)
    assert err.line == 17
    assert "relation 'causes'" in str(err)


def test_missing_required_key_names_mapping_line() -> None:
    err = error_of(replace_line(VALID, 3, "# no version"))
    assert err.line == 1
    assert "has no 'version'" in str(err)


def test_duplicate_key_names_second_line() -> None:
    err = error_of(replace_line(VALID, 7, '    color: "#336699"\n    label: {en: Again, id: Lagi}'))
    assert err.line == 8
    assert "key 'label' is written twice" in str(err)


def test_undeclared_language_names_line() -> None:
    err = error_of(replace_line(VALID, 8, "    definition: {en: First code., fr: Premier.}"))
    assert err.line == 8
    assert "language 'fr'" in str(err)


def test_bad_code_id_names_line() -> None:
    err = error_of(replace_line(VALID, 13, "  - id: B with spaces"))
    assert err.line == 13
    assert "not a valid code id" in str(err)


def test_all_problems_are_collected_in_line_order() -> None:
    text = replace_line(VALID, 7, '    color: "red"')
    text = replace_line(text, 14, "    label: {en: Beta}")
    err = error_of(text)
    assert [p.line for p in err.problems] == [7, 14]
    assert isinstance(err, ValidationError)


def test_empty_file() -> None:
    err = error_of("# only a comment\n")
    assert err.line == 1


def test_load_codebook_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(replace_line(VALID, 7, '    color: "#GGGGGG"'), encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert info.value.file == str(path)
    assert info.value.line == 7
    with pytest.raises(NotFoundError):
        load_codebook(tmp_path / "missing.yaml")


def test_check_links_reports_cross_codebook_problems() -> None:
    target = parse_codebook(VALID, "demo.yaml")
    source = Codebook(
        id="other",
        title={"en": "Other", "id": "Lain"},
        version="1",
        source="other.yaml",
        codes=(
            CodebookCode(
                id="X",
                label={"en": "X", "id": "X"},
                definition={"en": "x"},
                links=(CodeLink(target="demo:A.1"), CodeLink(target="demo:Z", line=9)),
            ),
            CodebookCode(
                id="Y",
                label={"en": "Y", "id": "Y"},
                definition={"en": "y"},
                links=(CodeLink(target="absent:Q", line=12),),
            ),
        ),
    )
    problems = check_links([target, source])
    assert len(problems) == 2
    assert problems[0].startswith("other.yaml:9:")
    assert "has no code 'Z'" in problems[0]
    assert "codebook 'absent' is not loaded" in problems[1]
    assert check_links([target, source], ignore_missing_codebooks=True) == problems[:1]
    duplicate = check_links([target, target])
    assert len(duplicate) == 1 and "also used" in duplicate[0]


def test_tab_indent_and_unquoted_colon_get_hints() -> None:
    tab = error_of(replace_line(VALID, 3, "\tversion: 1"))
    assert tab.line == 3 and "not tabs" in str(tab)
    colon = error_of(
        replace_line(VALID, 8, "    definition: {en: First code.}\n    example: Note: here")
    )
    assert colon.line == 9 and "must be quoted" in str(colon)


def test_missing_label_language_in_block_style_points_at_label_key() -> None:
    text = replace_line(VALID, 14, "    label:\n      en: Beta")
    err = error_of(text)
    assert err.line == 14
    assert "has no 'id' text" in str(err)
