"""Memos on saved displays and their cells: linking, naming, CLI, unlinking on delete."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import ready_spec
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from support.snapshots import snapshot


def _display(p: Any, name: str = "Kerangka") -> int:
    return int(p.displays.save(name, ready_spec(p, "framework")).result.id)


def run(*args: str, ok: bool = True) -> Any:
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_memos_on_a_display_and_a_cell_name_what_they_are_on(study: Any) -> None:
    p, st = study
    d = _display(p)
    on_display = p.memos.create("Kerangka belum memuat observasi.", target="display",
                                target_id=d).result  # fmt: skip
    on_cell = p.memos.create("Hanya satu kutipan.", target="cell", target_id=d,
                             cell=("I1", str(st.code["Komunikasi"]))).result  # fmt: skip
    targets = p.memos.targets([on_display, on_cell])
    assert (targets[on_display.id].kind, targets[on_display.id].name) == ("display", "Kerangka")
    cell = targets[on_cell.id]
    assert (cell.kind, cell.id, cell.name) == ("cell", d, "Kerangka — I1 × Komunikasi")
    assert (cell.row_key, cell.col_key) == (str(st.case["I1"]), str(st.code["Komunikasi"]))
    assert [m.id for m in p.memos.find(target="cell")] == [on_cell.id]
    assert [m.id for m in p.memos.all("display", d)] == [on_display.id]
    assert p.memos.all("project") == []  # neither counts as a memo on the project
    on = p.memos.on_display(d)
    assert [m.id for m in on[None]] == [on_display.id]
    assert [m.id for m in on[(cell.row_key, cell.col_key)]] == [on_cell.id]
    p.displays.rename(d, "Kerangka final")  # names follow the display
    assert p.memos.targets([on_cell])[on_cell.id].name == "Kerangka final — I1 × Komunikasi"


def test_bad_cell_or_display_is_refused_and_changes_nothing(study: Any) -> None:
    p, _st = study
    d = _display(p)
    before = snapshot(p)
    with pytest.raises(NotFoundError):
        p.memos.create("x", target="cell", target_id=d, cell=("I9", "Komunikasi"))
    with pytest.raises(NotFoundError):
        p.memos.create("x", target="display", target_id=d + 100)
    with pytest.raises(ValidationError):
        p.memos.create("x", target="cell", target_id=d)
    assert snapshot(p) == before


def test_deleting_the_display_keeps_its_memos_unlinked_and_undo_links_them_again(
    study: Any,
) -> None:
    p, _st = study
    d = _display(p)
    memo = p.memos.create("Sel kosong: data hilang?", target="cell", target_id=d,
                          cell=("I3", "Disposisi")).result  # fmt: skip
    whole = p.memos.create("Catatan display.", target="display", target_id=d).result
    p.displays.delete(d)
    targets = p.memos.targets([memo, whole])
    assert (targets[memo.id].kind, targets[memo.id].id) == ("unlinked", None)
    assert targets[memo.id].name == "Kerangka — I3 × Disposisi"
    assert (targets[whole.id].kind, targets[whole.id].name) == ("unlinked", "Kerangka")
    assert p.memos.get(memo.id).text == "Sel kosong: data hilang?"
    assert {m.id for m in p.memos.find(target="unlinked")} == {memo.id, whole.id}
    p.undo()
    assert p.memos.targets([memo])[memo.id].kind == "cell"
    assert [m.id for m in p.memos.on_display(d)[None]] == [whole.id]


def test_cli_adds_lists_and_shows_memos_on_displays_and_cells(study: Any) -> None:
    p, st = study
    _display(p, "Faktor: awal")  # a colon in the display's name
    path = str(p.path)
    p.close()
    run("memo", "add", path, "--on", "display:Faktor: awal", "Ringkas.", "--coder", "ana")
    run("memo", "add", path, "--on", "cell:Faktor: awal:I2:Komunikasi", "Tak jelas.",
        "--coder", "ana")  # fmt: skip
    run("memo", "add", path, "--on", "cell:Faktor\\: awal:I3:Sumber daya", "Desa.",
        "--coder", "ana")  # fmt: skip
    listed = json.loads(run("memo", "list", path, "--on", "cell", "--json").output)
    assert [m["on"]["name"] for m in listed] == [
        "Faktor: awal — I2 × Komunikasi",
        "Faktor: awal — I3 × Sumber daya",
    ]
    assert listed[0]["on"]["row_key"] == str(st.case["I2"])
    shown = run("memo", "show", path, str(listed[1]["id"])).output
    assert "cell Faktor: awal — I3 × Sumber daya" in shown
    bad = run("memo", "add", path, "--on", "cell:Faktor: awal:I9:Disposisi", "x", ok=False)
    assert bad.exit_code != 0 and "Traceback" not in bad.output
