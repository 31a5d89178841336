"""Whose codings count and the passage rule (issue #14), on a project built by the CLI.

W1 = "Sosialisasi sudah dilakukan di semua desa.\\nAnggaran kurang.\\n" (60 characters).
ana codes Transmisi on 0-42; budi codes Transmisi on 0-20 (the same passage: one passage,
0-42) and Anggaran on 25-42 (overlapping ana's Transmisi only: a different coder's code on
the passage, a disagreement, not a co-occurrence).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.scope import Passages, passages, resolve, set_analysis_coders
from qualcode.cli.main import cli
from qualcode.errors import ValidationError
from qualcode.project import Project

TEXT = "Sosialisasi sudah dilakukan di semua desa.\nAnggaran kurang.\n"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def cells(path: Path, kind: str, *extra: str) -> list[list[int]]:
    out = json.loads(run("display", str(path), kind, "--json", *extra))
    return out["cells"]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    path = tmp_path / "p.qdaproj"
    src = tmp_path / "W1.txt"
    src.write_text(TEXT, encoding="utf-8")
    run("new", str(path), "--coder", "ana")
    run("source", "add", str(path), str(src), "--coder", "ana")
    run("code", "add", str(path), "Transmisi", "--coder", "ana")
    run("code", "add", str(path), "Anggaran", "--coder", "ana")
    for start, end, code, coder in [(0, 42, "Transmisi", "ana"), (0, 20, "Transmisi", "budi"),
                                    (25, 42, "Anggaran", "budi")]:  # fmt: skip
        run("coding", "add", str(path), "--source", "W1", "--start", str(start), "--end",
            str(end), "--code", code, "--coder", coder)  # fmt: skip
    return path


def test_default_matrix_counts_the_passage_once(built: Path) -> None:
    # Transmisi: ana 0-42 and budi 0-20 are one passage; Anggaran: budi's one coding
    assert cells(built, "matrix", "--cols", "sources") == [[1], [1]]
    # the per-coding view keeps both Transmisi codings
    assert cells(built, "matrix", "--cols", "sources", "--unit", "codings") == [[2], [1]]
    # a coders axis is the per-coder view: one Transmisi coding each
    assert cells(built, "matrix", "--cols", "coders") == [[1, 1], [0, 1]]


def test_coders_option_changes_the_counts(built: Path) -> None:
    assert cells(built, "matrix", "--cols", "sources", "--coders", "ana") == [[1], [0]]
    assert cells(built, "matrix", "--cols", "sources", "--coders", "budi") == [[1], [1]]
    out = json.loads(run("display", str(built), "matrix", "--cols", "sources", "--coders", "ana",
                         "--json"))  # fmt: skip
    assert out["scope"] == {"coders": ["ana"], "origin": "explicit", "unit": "passages",
                            "counted": ["ana"]}  # fmt: skip


def test_cooccurrence_needs_one_coder_and_counts_pairs_once(built: Path) -> None:
    # budi's Anggaran overlaps only ana's Transmisi (budi's ends at 20): 0
    assert cells(built, "cooccurrence") == [[0, 0], [0, 0]]
    # ana applies Anggaran too (same range as budi's: one Anggaran passage): one pair, 1 not 2
    run("coding", "add", str(built), "--source", "W1", "--start", "25", "--end", "42",
        "--code", "Anggaran", "--coder", "ana")  # fmt: skip
    assert cells(built, "cooccurrence") == [[0, 1], [1, 0]]
    assert cells(built, "cooccurrence", "--coders", "budi") == [[0, 0], [0, 0]]
    # near, 5 characters: budi's Transmisi 0-20 and Anggaran 25-42 are 5 apart: still one
    # pair of passages (ana's pair and budi's pair join the same two passages)
    assert cells(built, "cooccurrence", "--op", "near", "--distance", "5") == [[0, 1], [1, 0]]


def test_project_setting_names_the_analysis_coders(built: Path) -> None:
    assert "every coder" in run("analysis-coders", str(built))
    run("analysis-coders", str(built), "--set", "budi")
    out = json.loads(run("display", str(built), "matrix", "--cols", "sources", "--json"))
    assert out["cells"] == [[1], [1]]
    assert out["scope"]["origin"] == "project" and out["scope"]["counted"] == ["budi"]
    text = run("display", str(built), "matrix", "--cols", "sources")
    assert "Coders counted: budi (project's analysis coders)" in text
    # an explicit choice wins over the setting
    assert cells(built, "matrix", "--cols", "sources", "--coders", "ana") == [[1], [0]]
    run("analysis-coders", str(built), "--all")
    assert json.loads(run("analysis-coders", str(built), "--json"))["analysis_coders"] is None


def test_unknown_coder_is_refused_and_nothing_changes(built: Path) -> None:
    with Project.open(built, coder="ana") as p:
        with pytest.raises(ValidationError):
            set_analysis_coders(p, ["nobody"])
        assert resolve(p).origin == "all"
        with pytest.raises(ValidationError):
            resolve(p, ["nobody"])


def test_passages_join_through_other_coders_only() -> None:
    def c(i: int, coder: int, a: int, b: int, code: int = 1) -> tuple:  # type: ignore[type-arg]
        return (i, 1, code, coder, a, b, None, None, None, None)

    # 1 (x) overlaps 2 (y) overlaps 3 (x): one passage 0-30, shown as 1
    found: Passages = passages([c(1, 1, 0, 10), c(2, 2, 5, 20), c(3, 1, 15, 30)])
    assert found.members == {1: [1, 2, 3]} and found.tuples[1][4:6] == (0, 30)
    # one coder's overlapping codings stay apart; another code never joins
    assert passages([c(1, 1, 0, 10), c(2, 1, 5, 20)]).members == {}
    assert passages([c(1, 1, 0, 10), c(2, 2, 5, 20, code=2)]).members == {}
    # touching (end == start) is not overlapping
    assert passages([c(1, 1, 0, 10), c(2, 2, 10, 20)]).members == {}


def test_setting_the_analysis_coders_is_one_undo_step(built: Path) -> None:
    with Project.open(built, coder="ana") as p:
        changes = set_analysis_coders(p, ["ana"])
        assert changes.touched and p.undo_label() == changes.label
        assert resolve(p).coders == ("ana",)
        p.undo()
        assert resolve(p).origin == "all"
        p.redo()
        assert resolve(p).coders == ("ana",) and resolve(p).origin == "project"


def test_excerpt_export_prints_a_passage_once(built: Path, tmp_path: Path) -> None:
    from qualcode.export.excerpts_docx import describe_filter
    from qualcode.export.selection import ExcerptFilter, select_excerpts

    with Project.open(built, coder="ana", read_only=True) as p:
        found = select_excerpts(p)
        transmisi = [e for e in found if e.code == "Transmisi"]
        assert [(e.start, e.end, e.coder, e.text) for e in transmisi] == [
            (0, 42, "ana, budi", TEXT[0:42])
        ]
        per_coding = select_excerpts(p, ExcerptFilter(unit="codings"))
        assert len([e for e in per_coding if e.code == "Transmisi"]) == 2
        only_budi = select_excerpts(p, ExcerptFilter(coders=["budi"]))
        assert [(e.code, e.start, e.end) for e in only_budi] == [
            ("Transmisi", 0, 20), ("Anggaran", 25, 42)]  # fmt: skip
        lines = describe_filter(p, ExcerptFilter(), "en")
        assert "Coders counted: ana, budi" in lines
        assert any(line.startswith("Counting unit: passages") for line in lines)
    out = tmp_path / "x.csv"
    run("export", "excerpts", str(built), str(out), "--coders", "ana", "--quiet")
    assert "budi" not in out.read_text(encoding="utf-8-sig")


def test_exported_display_table_states_its_coders(built: Path) -> None:
    from qualcode.analysis.displays import build_ready
    from qualcode.export.display_adapter import table_from_display

    with Project.open(built, coder="ana", read_only=True) as p:
        table = table_from_display(build_ready(p, "matrix", columns="sources"), language="en")
    assert table.about["Coders counted"] == "ana, budi"
    assert table.about["Counting unit"].startswith("passages")
