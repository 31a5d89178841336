"""Effects matrices: rows and cells typed direct / meta / side (default direct, undoable,
exported), and early/late read from a chosen time field."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.engine import build_display
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from qualcode.export.display_adapter import table_from_display
from support.snapshots import snapshot


def test_rows_are_direct_until_typed_and_cells_follow_their_row(study) -> None:
    p, st = study
    saved = p.displays.save("Efek", ready_spec(p, "effects", group="OPD")).result
    assert saved is not None
    shown = p.displays.run(saved.id)
    assert set(shown.row_effects.values()) == {"direct"} and not shown.cell_effects
    before = snapshot(p)
    K, S = str(st.code["Komunikasi"]), str(st.code["Sumber daya"])
    p.effects.set_type(saved.id, S, None, "side")
    p.effects.set_type(saved.id, K, "Bappeda", "meta")
    p.effects.set_type(saved.id, S, "Diskominfo", "side")  # same as its row: not marked
    shown = p.displays.run(saved.id)
    rows = {h.key: i for i, h in enumerate(shown.rows)}
    cols = {h.key: i for i, h in enumerate(shown.columns)}
    assert shown.row_effects[rows[S]] == "side" and shown.row_effects[rows[K]] == "direct"
    assert shown.cell_effects == {(rows[K], cols["Bappeda"]): "meta"}
    grid = shown.to_dict()["effect_types"]
    assert grid[rows[K]][cols["Bappeda"]] == "meta" and grid[rows[S]][cols["Bappeda"]] == "side"
    table = table_from_display(shown, project=p, language="id")
    assert table.row_labels[rows[S]].endswith("(efek samping)")
    assert table.row_labels[rows[K]].endswith("(efek langsung)")
    assert table.cells[rows[K]][cols["Bappeda"]].tag == "[meta-efek]"
    assert "efek langsung kecuali" in str(table.about)
    english = table_from_display(shown, project=p, language="en")
    assert english.row_labels[rows[S]].endswith("(side effect)")
    with pytest.raises(ValidationError, match="effect"):
        p.effects.set_type(saved.id, S, None, "indirect")
    framework = p.displays.save("Kerangka", ready_spec(p, "framework")).result
    assert framework is not None
    with pytest.raises(ValidationError, match="Only effects matrices"):
        p.effects.set_type(framework.id, S, None, "side")
    with pytest.raises(NotFoundError):
        p.effects.clear_type(saved.id, K, None)
    for _ in range(4):
        p.undo()
    assert snapshot(p) == before
    # deleting the display takes its types along
    p.effects.set_type(saved.id, S, None, "side")
    p.displays.delete(saved.id)
    assert p.effects.types(saved.id) == {}


def test_early_late_from_a_chosen_time_field(study) -> None:
    p, st = study

    # c10 (Staf, O1 of 2024-03-20) has its own period 2024-03; the rest only source dates
    def early_late(field: str) -> list[int]:
        spec = ready_spec(p, "effects", outcomes=[st.code["Staf"]], cutoff="2024-03-15",
                          time_field=field)  # fmt: skip
        return build_display(p, spec).counts[0]

    # a period is early only when it ends before the cutoff (analysis/periods.py): March 2024
    # does not end before 15 March, so c10 is late by its own period as by its source date
    assert early_late("auto") == [1, 1]  # W1 (Jan, source date) early; c10 "2024-03" late
    assert early_late("source") == [1, 1]  # c4 W1 early, c10 O1 (Mar 20) late
    assert early_late("period") == [1, 1]  # c10 by its period, W1 falls back to its source date
    assert early_late("coding") == [0, 1]  # the codings' own times only: c10
    assert early_late("event") == [0, 0]
    with pytest.raises(ValidationError, match="time field"):
        early_late("interview")


def test_cli_types_effects_and_reads_time_field(study, tmp_path: Path) -> None:
    p, _st = study
    p.close()
    path = str(tmp_path / "study.qdaproj")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    run("display", path, "effects", "--cutoff", "2024-03-01", "--time-field", "source",
        "--save", "Efek")  # fmt: skip
    run("cell", "effect", path, "Efek", "Sumber daya", "side")
    run("cell", "effect", path, "Efek", "Komunikasi", "meta", "--col", "late")
    out = tmp_path / "efek.html"
    run("export", "display", path, "saved:Efek", str(out))
    html = out.read_text(encoding="utf-8")
    assert "Sumber daya (efek samping)" in html and "[meta-efek]" in html
    run("cell", "uneffect", path, "Efek", "Komunikasi", "--col", "late")
    bad = CliRunner().invoke(cli, ["cell", "uneffect", path, "Efek", "Komunikasi"])
    assert bad.exit_code != 0 and "no effect type" in bad.output
