"""``dump_codebook`` writes readable YAML that loads back to an equal codebook."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.codebooks.files import (
    Codebook,
    CodebookCode,
    CodeLink,
    CodeSet,
    Reference,
    dump_codebook,
    load_codebook,
    parse_codebook,
    save_codebook,
)


def sample_book(definition: str = "First line.\nSecond line.", label: str = "Alpha") -> Codebook:
    child = CodebookCode(
        id="A.1",
        label={"en": "Alpha one", "id": "Alfa satu"},
        definition={"en": "Child."},
        optional=True,
        color="#99AABB",
    )
    return Codebook(
        id="sample",
        title={"en": "Sample: a test", "id": "Contoh"},
        version="1.10",
        reference=Reference(authors=("A. Author", "B. Author"), year="1980", work="Work"),
        description={"en": "About.", "id": "Tentang."},
        codes=(
            CodebookCode(
                id="A",
                label={"en": label, "id": "Alfa"},
                short={"en": "Short.", "id": "Pendek."},
                definition={"en": definition, "id": "Definisi."},
                when_to_use={"en": "Use."},
                when_not_to_use={"id": "Jangan."},
                example='Kata informan: "ya begitu", # bukan komentar',
                color="#112233",
                links=(
                    CodeLink(target="sample:A.1", relation="narrower"),
                    CodeLink(target="other:X.1", note="A note."),
                ),
                children=(child,),
            ),
        ),
        sets=(CodeSet(id="S", label={"en": "Set", "id": "Set"}, codes=("A", "A.1")),),
    )


def test_round_trip_and_readable_layout() -> None:
    book = sample_book()
    text = dump_codebook(book, header="Sample codebook\nsecond header line")
    assert parse_codebook(text, "sample.yaml") == book
    lines = text.splitlines()
    assert lines[:2] == ["# Sample codebook", "# second header line"]
    assert lines[2] == "id: sample"
    assert "version: '1.10'" in lines  # stays text, not the number 1.1
    assert "languages: [en, id]" in lines
    assert "  year: 1980" in lines
    assert "      en: |-" in lines  # multi-line definition as a block scalar
    assert "    codes: [A, A.1]" in lines
    # Field order inside a code: id and label first, children last.
    code_keys = [
        line.strip().split(":")[0]
        for line in lines
        if line.startswith("    ") and not line.startswith("     ")
    ]
    first_code = code_keys[: code_keys.index("children") + 1]
    assert first_code[:2] == ["label", "short"]
    assert (
        first_code.index("definition") < first_code.index("example") < first_code.index("maps_to")
    )


def test_yaml_lookalike_scalars_stay_text() -> None:
    for label in ("yes", "No", "1.0", "null", "~", "#123", "- item", "a: b", "'quoted'"):
        book = sample_book(label=label)
        assert parse_codebook(dump_codebook(book), "x.yaml") == book


def test_save_and_load_file(tmp_path: Path) -> None:
    book = sample_book()
    path = save_codebook(book, tmp_path / "sample.yaml")
    loaded = load_codebook(path)
    assert loaded == book
    assert loaded.source == str(path)


# Any text a researcher may type or paste, including control characters and the line
# breaks YAML treats specially (CR, NEL, LS, PS) and a stray byte-order mark.
texts = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",))
        | st.sampled_from(["\n", "\t", " ", "#", ":", "-", "'", '"', "|", ">", "\r", "\x85"])
        | st.sampled_from(["\u2028", "\u2029", "\ufeff"]),
        min_size=1,
        max_size=200,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=150, deadline=None)
@given(definition=texts, label=texts)
def test_any_text_round_trips(definition: str, label: str) -> None:
    book = sample_book(definition=definition, label=label)
    assert parse_codebook(dump_codebook(book), "x.yaml") == book
