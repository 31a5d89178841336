"""Coverage: percent of each text coded (union of passages), parents rolled up, no fake gaps,
empty interviewer columns hidden unless asked for — in core, JSON, CLI and exports alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.coverage import union
from qualcode.analysis.displays import build_ready
from qualcode.analysis.engine import build_display
from qualcode.cli.main import cli
from qualcode.export.display_adapter import table_from_display
from qualcode.project import Project

W1 = "0123456789" * 10  # 100 characters
W2 = "abcdefghij" * 20  # 200 characters


@pytest.fixture
def study(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """Parent P (never coded itself) > A, B. I1 = all of W1; W2's turns: I2 [0, 100), the
    Interviewer [100, 200) (never coded).

    ana: A W1 [0, 20) and [10, 30); B W1 [50, 60); A W2 [0, 50). budi (check coder): A W1
    [0, 20), which joins both of ana's A codings in W1 into one passage [0, 30).
    """
    path = tmp_path / "c.qdaproj"
    ids: dict[str, int] = {}
    with Project.create(path, coder="ana") as p:
        ids["W1"] = p.sources.add_text("W1", W1).result.id
        ids["W2"] = p.sources.add_text("W2", W2).result.id
        ids["P"] = p.codes.create("P").result.id
        ids["A"] = p.codes.create("A", parent_id=ids["P"]).result.id
        ids["B"] = p.codes.create("B", parent_id=ids["P"]).result.id
        for name in ("I1", "I2", "Interviewer"):
            ids[name] = p.cases.create(name).result.id
        p.cases.link(ids["I1"], ids["W1"])
        p.cases.link(ids["I2"], ids["W2"], 0, 100, speaker="I2")
        p.cases.link(ids["Interviewer"], ids["W2"], 100, 200, speaker="P")
        p.codings.apply(ids["W1"], 0, 20, ids["A"])
        p.codings.apply(ids["W1"], 10, 30, ids["A"])
        p.codings.apply(ids["W1"], 50, 60, ids["B"])
        p.codings.apply(ids["W2"], 0, 50, ids["A"])
    with Project.open(path, coder="budi") as p:
        p.codings.apply(ids["W1"], 0, 20, ids["A"])
    return path, ids


def _grid(d: object, grid: object) -> dict[tuple[str, str], object]:
    return {
        (h.label, v.label): grid[r][c]  # type: ignore[index]
        for r, h in enumerate(d.rows)  # type: ignore[attr-defined]
        for c, v in enumerate(d.columns)  # type: ignore[attr-defined]
    }


def test_union_counts_overlaps_once() -> None:
    assert union([(1, 0, 20), (1, 10, 30), (1, 50, 60), (2, 0, 5)]) == 45
    assert union([]) == 0


def test_coverage_by_source_percent_and_rollup(study: tuple[Path, dict[str, int]]) -> None:
    path, _ids = study
    with Project.open(path, coder="ana", read_only=True) as p:
        d = build_ready(p, "coverage")
        # by hand: A in W1 is one passage [0, 30) = 30 of 100; B 10 of 100; P (A ∪ B) 40 of
        # 100 and 2 passages; A in W2 [0, 50) = 50 of 200 = 25 %
        assert _grid(d, d.counts) == {
            ("P", "W1"): 2, ("P", "W2"): 1, ("P/A", "W1"): 1, ("P/A", "W2"): 1,
            ("P/B", "W1"): 1, ("P/B", "W2"): 0,
        }  # fmt: skip
        assert d.shares is not None
        assert _grid(d, [[d.shares.get((r, c), 0.0) for c in range(2)] for r in range(3)]) == {
            ("P", "W1"): 40.0, ("P", "W2"): 25.0, ("P/A", "W1"): 30.0, ("P/A", "W2"): 25.0,
            ("P/B", "W1"): 10.0, ("P/B", "W2"): 0.0,
        }  # fmt: skip
        data = d.to_dict()
        assert data["percent"] == [[40.0, 25.0], [30.0, 25.0], [10.0, 0.0]]
        # the only gap is B in W2: the parent, coded through its sub-codes, is none
        assert data["missing"] == [[2, 1]]
        table = table_from_display(d, language="id")
        assert table.cells[0][0].count_text == "2 (40,0%)"
        assert table.value(1, 0) == "1 (30,0%)"
        assert table_from_display(d, language="en").cells[1][1].count_text == "1 (25.0%)"
        # counting every coding (the per-coder view) sees budi's check coding as well
        codings = build_display(p, d.spec.with_(options={"unit": "codings"}))
        assert _grid(codings, codings.counts)[("P/A", "W1")] == 3
        assert codings.shares is not None and codings.shares[(1, 0)] == 30.0


def test_coverage_by_case_hides_the_empty_interviewer(study: tuple[Path, dict[str, int]]) -> None:
    path, _ids = study
    with Project.open(path, coder="ana", read_only=True) as p:
        d = build_ready(p, "coverage", columns="cases")
        assert [h.label for h in d.columns] == ["I1", "I2"]
        assert d.hidden == ["Interviewer"]
        assert d.to_dict()["hidden_empty"] == ["Interviewer"]
        # I1's text is all of W1 (100); I2's is W2 [0, 100): A covers 50 of it
        assert d.shares == {(0, 0): 40.0, (0, 1): 50.0, (1, 0): 30.0, (1, 1): 50.0,
                            (2, 0): 10.0}  # fmt: skip
        shown = build_display(p, d.spec.with_(options={"show_empty": True}))
        assert [h.label for h in shown.columns] == ["I1", "I2", "Interviewer"]
        assert [row[2] for row in shown.counts] == [0, 0, 0]
        assert shown.hidden == []
        about = table_from_display(d, language="en").about
        assert about["Not shown (no data)"] == "Interviewer"
        # the same rule in the SQL-counted matrix: the drill-down still finds each cell
        m = build_ready(p, "matrix", columns="cases")
        assert [h.label for h in m.columns] == ["I1", "I2"]
        assert m.counts == [[2, 1], [1, 1], [1, 0]]
        assert len(m.cell_codings(0, 1)) == 1


def test_cli_coverage_json_and_show_empty(study: tuple[Path, dict[str, int]]) -> None:
    path, _ids = study
    run = CliRunner().invoke(cli, ["display", str(path), "coverage", "--cols", "cases", "--json"],
                             catch_exceptions=False)  # fmt: skip
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert data["columns"] == ["I1", "I2"]
    assert data["percent"] == [[40.0, 50.0], [30.0, 50.0], [10.0, 0.0]]
    run = CliRunner().invoke(
        cli, ["display", str(path), "coverage", "--cols", "cases", "--show-empty", "--json"],
        catch_exceptions=False)  # fmt: skip
    assert json.loads(run.output)["columns"] == ["I1", "I2", "Interviewer"]
