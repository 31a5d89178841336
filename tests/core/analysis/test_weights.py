"""Weighted counts: a cell sums its codings' evidence weights by the documented rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.engine import build_display
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.analysis.weights import weight_value
from qualcode.cli.main import cli
from qualcode.export.display_adapter import table_from_display


@pytest.mark.parametrize(
    ("text", "value"),
    [(None, 1), ("", 1), ("kuat", 3), ("Strong", 3), ("tinggi", 3), ("sedang", 2),
     ("moderate", 2), ("lemah", 1), ("low", 1), ("2", 2), ("2,5", 3), ("0.4", 0),
     ("-3", 0), ("entah", 1)],
)  # fmt: skip
def test_weight_words_and_numbers(text: str | None, value: int) -> None:
    assert weight_value(text) == value


def test_weighted_cells_sum_weights_and_say_so(study) -> None:
    p, st = study
    p.codings.set_attributes(st.c["c2"], weight="kuat")  # Anggaran, W1 (I1)
    p.codings.set_attributes(st.c["c8"], weight="2")  # Anggaran, W2 turn I3
    p.codings.set_attributes(st.c["c4"], weight="lemah")  # Staf, W1
    spec = DisplaySpec.make(
        "matrix", Dim.of("codes", ids=[st.code["Anggaran"], st.code["Staf"]]),
        Dim.of("cases"), measure="weighted",
    )  # fmt: skip
    weighted = build_display(p, spec)
    plain = build_display(p, spec.with_(measure="codings"))
    cols = {h.label: i for i, h in enumerate(weighted.columns)}
    # Anggaran: I1 has c2 (3; c13 is budi's, not counted), I3 has c8 (2); Staf: I1 c4 (1)
    assert weighted.counts[0][cols["I1"]] == 3 and plain.counts[0][cols["I1"]] == 1
    assert weighted.counts[0][cols["I3"]] == 2
    assert weighted.counts[1][cols["I1"]] == 1 == plain.counts[1][cols["I1"]]
    table = table_from_display(weighted, project=p, language="id")
    assert "bobot bukti" in table.about.values()
    assert any("kuat/tinggi = 3" in str(v) for v in table.about.values())
    # a ready-made display takes the measure too (aggregated codes, excerpts cells)
    factors = build_display(p, ready_spec(p, "factors", measure="weighted"))
    assert sum(map(sum, factors.counts)) > sum(
        map(sum, build_display(p, ready_spec(p, "factors")).counts)
    )


def test_cli_weighted_measure(study, tmp_path: Path) -> None:
    p, st = study
    p.codings.set_attributes(st.c["c2"], weight="kuat")
    p.close()
    path = str(tmp_path / "study.qdaproj")
    result = CliRunner().invoke(
        cli, ["display", path, "matrix", "--codes", "Anggaran", "--measure", "weighted"]
    )
    assert result.exit_code == 0, result.output
    assert "strong/high = 3" in result.output
    row = next(line for line in result.output.splitlines() if line.startswith("Sumber daya/"))
    header = next(line for line in result.output.splitlines() if " I1 " in f" {line} ")
    at = header.split().index("I1")
    assert row.removeprefix("Sumber daya/Anggaran").split()[at] == "3"
