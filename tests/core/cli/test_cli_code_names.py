"""--code takes a name (which may contain "/"), a path as displayed, or an id; a wrong one
gets "did you mean"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.coding.code_match import resolve_code
from qualcode.errors import NotFoundError, ValidationError
from qualcode.project import Project


@pytest.fixture
def study(sample_study_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "study.qdaproj"
    shutil.copy(sample_study_file, copy)
    return copy


def _source(study: Path) -> str:
    with Project.open(study, coder="peneliti", read_only=True) as p:
        return next(s.name for s in p.sources.all() if s.kind == "interview")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "code",
    [
        "Komunikasi/Transmisi (penyaluran/sosialisasi)",
        "Komunikasi / Transmisi (penyaluran/sosialisasi)",
        "Transmisi (penyaluran/sosialisasi)",
        "transmisi (penyaluran∕sosialisasi)",
    ],
)
def test_coding_add_with_the_code_as_displayed(study: Path, code: str) -> None:
    code_out, out = _run("coding", "add", str(study), "--source", _source(study),
                         "--start", "0", "--end", "20", "--code", code)  # fmt: skip
    assert code_out == 0, out
    with Project.open(study, coder="peneliti", read_only=True) as p:
        target = p.codes.find("Komunikasi/Transmisi (penyaluran/sosialisasi)")
        assert target.name == "Transmisi (penyaluran\u2215sosialisasi)"
        assert any((c.start, c.end, c.code_id) == (0, 20, target.id) for c in p.codings.list())


def test_ids_and_suggestions(study: Path) -> None:
    with Project.open(study, coder="peneliti", read_only=True) as p:
        staff = p.codes.find("Staf / SDM aparatur")
        assert p.codes.find(str(staff.id)).id == staff.id
        assert p.codes.find(f"#{staff.id}").id == staff.id
    code_out, out = _run("coding", "add", str(study), "--source", _source(study),
                         "--start", "0", "--end", "20", "--code", "Transmsi")  # fmt: skip
    assert code_out != 0
    assert "Did you mean" in out and "Komunikasi/Transmisi (penyaluran/sosialisasi)" in out
    assert "Traceback" not in out


def test_names_first_then_paths_then_ids() -> None:
    from types import SimpleNamespace as C

    codes = [
        C(id=1, parent_id=None, name="A", labels={}, short="", description=""),
        C(id=2, parent_id=1, name="B\u2215C", labels={}, short="", description=""),
        C(id=3, parent_id=None, name="B", labels={}, short="", description=""),
        C(id=4, parent_id=3, name="C", labels={}, short="", description=""),
        C(id=5, parent_id=None, name="7", labels={}, short="", description=""),
        C(id=7, parent_id=3, name="Dup", labels={}, short="", description=""),
        C(id=8, parent_id=1, name="Dup", labels={}, short="", description=""),
    ]
    assert resolve_code("B/C", codes).id == 2  # a name with "/" wins over the path B → C
    assert resolve_code("A/B/C", codes).id == 2
    assert resolve_code("b / c", codes).id == 2
    assert resolve_code("7", codes).id == 5  # a name that looks like an id is a name
    assert resolve_code("4", codes).id == 4
    assert resolve_code("A/Dup", codes).id == 8
    with pytest.raises(ValidationError, match="A/Dup"):
        resolve_code("Dup", codes)
    with pytest.raises(NotFoundError):
        resolve_code("99", codes)


def test_default_search_finds_affixed_forms(study: Path) -> None:
    code_lemma, default = _run("search", str(study), "sosialisasi", "--json")
    code_words, words = _run("search", str(study), "sosialisasi", "--mode", "words", "--json")
    assert code_lemma == code_words == 0
    import json

    forms = {h["text"].lower() for h in json.loads(default)}
    assert len(json.loads(default)) > len(json.loads(words))
    assert any(f != "sosialisasi" and "sosialisasi" in f for f in forms), forms
