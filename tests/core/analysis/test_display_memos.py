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


def test_link_an_existing_memo_move_it_and_unlink_it(study: Any) -> None:
    p, st = study
    d = _display(p)
    memo = p.memos.create("Pola di sel ini.").result
    on_code = p.memos.create("Tentang kode.", target="code", target_id=st.code["Komunikasi"]).result
    assert memo is not None and on_code is not None
    before = snapshot(p)
    p.memos.link_display(memo.id, d, ("I2", "Komunikasi"))
    tg = p.memos.targets([memo])[memo.id]
    assert (tg.kind, tg.row_label, tg.col_label) == ("cell", "I2", "Komunikasi")
    assert p.undo_label() == "Link memo to display"
    p.memos.link_display(memo.id, d)  # moved to the whole display
    assert p.memos.targets([memo])[memo.id].kind == "display"
    assert set(p.memos.on_display(d)) == {None}
    p.memos.unlink_display(memo.id)
    assert p.memos.targets([memo])[memo.id].kind == "project"
    assert p.undo_label() == "Unlink memo from display"
    with pytest.raises(ValidationError, match="not on a display"):
        p.memos.unlink_display(memo.id)
    with pytest.raises(ValidationError, match="written on a code"):
        p.memos.link_display(on_code.id, d)
    with pytest.raises(NotFoundError):
        p.memos.link_display(memo.id, d, ("I9", "Komunikasi"))
    with pytest.raises(NotFoundError):
        p.memos.link_display(999999, d)
    p.undo()
    p.undo()
    p.undo()
    assert snapshot(p) == before
    # a memo left unlinked by deleting its display can be put on another one
    other = _display(p, "Lain")
    p.memos.link_display(memo.id, d)
    p.displays.delete(d)
    assert p.memos.targets([memo])[memo.id].kind == "unlinked"
    p.memos.link_display(memo.id, other)
    assert p.memos.targets([memo])[memo.id].name == "Lain"


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
    # an existing memo is put on a cell, moved to the display, and taken off again
    made = json.loads(run("memo", "add", path, "Lepas.", "--json", "--coder", "ana").output)
    out = run("memo", "link", path, str(made["id"]), "--on", "cell:Faktor\\: awal:I2:Sumber daya",
              "--coder", "ana").output  # fmt: skip
    assert "Linked memo" in out and "I2 × Sumber daya" in out
    run("memo", "link", path, str(made["id"]), "--on", "display:Faktor: awal", "--coder", "ana")
    shown = json.loads(run("memo", "show", path, str(made["id"]), "--json").output)
    assert shown["on"]["kind"] == "display"
    assert "on the project" in run("memo", "unlink", path, str(made["id"]), "--coder", "ana").output
    for args in (["unlink", path, str(made["id"])],
                 ["link", path, str(made["id"]), "--on", "code:Komunikasi"]):  # fmt: skip
        bad = run("memo", *args, ok=False)
        assert bad.exit_code != 0 and "Traceback" not in bad.output


def _export_project(study: Any) -> tuple[str, Any]:
    p, st = study
    d = _display(p, "Kerangka")
    p.memos.create("Kerangka awal, belum ada observasi.", title="Catatan", target="display",
                   target_id=d)  # fmt: skip
    p.memos.create("Pak Ujang menolak menjawab soal anggaran.", title="Sel kosong",
                   target="cell", target_id=d, cell=("I3", "Komunikasi"))  # fmt: skip
    p.identities.add("Pak Ujang", kind="person", replacement="[Informan 3]")
    path = str(p.path)
    p.close()
    return path, st


def test_display_exports_print_cell_memos_under_the_table(study: Any, tmp_path: Any) -> None:
    import csv

    import docx
    import openpyxl

    path, _st = _export_project(study)
    for suffix in ("docx", "xlsx", "html", "csv"):
        run("export", "display", path, "saved:Kerangka", str(tmp_path / f"k.{suffix}"),
            "--language", "en")  # fmt: skip
    doc = docx.Document(str(tmp_path / "k.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "Memos:" in paragraphs
    assert any(t.startswith("[M1] I3 × Komunikasi: Sel kosong: Pak Ujang menolak")
               for t in paragraphs)  # fmt: skip
    assert "Catatan: Kerangka awal, belum ada observasi. (ana," in "\n".join(paragraphs)
    marked = [
        run.text.strip()
        for row in doc.tables[0].rows
        for cell in row.cells
        for para in cell.paragraphs
        for run in para.runs
        if run.font.superscript
    ]
    assert marked and set(marked) == {"M1"}
    wb = openpyxl.load_workbook(str(tmp_path / "k.xlsx"))
    ws = wb.worksheets[0]
    comments = [c.comment.text for row in ws.iter_rows() for c in row if c.comment]
    assert len(comments) == 1 and "Pak Ujang menolak" in comments[0]
    column_a = [c.value for c in ws["A"] if c.value]
    assert "Memos" in column_a
    assert any(str(v).startswith("[M1] I3 × Komunikasi: Sel kosong") for v in column_a)
    html = (tmp_path / "k.html").read_text(encoding="utf-8")
    assert "<sup>M1</sup>" in html and "Pak Ujang menolak" in html
    with open(tmp_path / "k.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert ["[M1] I3 × Komunikasi", rows[-1][1]] == rows[-1][:2]
    assert "Pak Ujang menolak" in rows[-1][1]
    run("export", "display", path, "saved:Kerangka", str(tmp_path / "bare.docx"), "--no-memos")
    bare = "\n".join(x.text for x in docx.Document(str(tmp_path / "bare.docx")).paragraphs)
    assert "Pak Ujang" not in bare


def test_pseudonymised_display_export_hides_names_in_cell_memos(study: Any, tmp_path: Any) -> None:
    import docx

    path, _st = _export_project(study)
    out = tmp_path / "k.docx"
    run("export", "display", path, "saved:Kerangka", str(out), "--pseudonymise")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Pak Ujang" not in text and "[Informan 3] menolak" in text
    assert "I3 ×" not in text  # the cell is named by the case's pseudonym too


def test_memo_on_a_cell_gone_from_the_display_is_still_exported(study: Any, tmp_path: Any) -> None:
    import docx

    p, st = study
    d = _display(p)
    p.memos.create("Sel ini hilang nanti.", target="cell", target_id=d,
                   cell=("I3", "Disposisi"))  # fmt: skip
    p.cases.delete(st.case["I3"])  # the row goes
    path = str(p.path)
    p.close()
    run("export", "display", path, "saved:Kerangka", str(tmp_path / "k.docx"), "--language", "en")
    text = "\n".join(x.text for x in docx.Document(str(tmp_path / "k.docx")).paragraphs)
    assert "[M1] I3 × Disposisi (cell no longer in the display): Sel ini hilang nanti." in text


def test_memo_list_and_show_flag_a_memo_whose_cell_vanished(study: Any) -> None:
    """The rule exports use (the display run now has no such row or column) flags the memo in
    ``memo list`` (text and JSON) and ``memo show``; undoing the change clears the flag."""
    from qualcode.analysis.cell_memos import gone_cell_memos

    p, st = study
    d = _display(p)
    kept = p.memos.create("Tetap.", target="cell", target_id=d, cell=("I2", "Komunikasi")).result
    lost = p.memos.create("Hilang.", target="cell", target_id=d, cell=("I3", "Disposisi")).result
    whole = p.memos.create("Seluruh display.", target="display", target_id=d).result
    assert kept is not None and lost is not None and whole is not None
    memos = [kept, lost, whole]
    assert gone_cell_memos(p, p.memos.targets(memos)) == set()
    p.cases.delete(st.case["I3"])  # the row goes
    assert gone_cell_memos(p, p.memos.targets(memos)) == {lost.id}
    p.undo()
    assert gone_cell_memos(p, p.memos.targets(memos)) == set()
    p.redo()
    path = str(p.path)
    p.close()
    listed = {m["id"]: m for m in json.loads(run("memo", "list", path, "--json").output)}
    assert listed[lost.id]["on"]["cell_gone"] is True
    assert listed[kept.id]["on"]["cell_gone"] is False
    assert "cell_gone" not in listed[whole.id]["on"]
    lines = run("memo", "list", path).output.splitlines()
    (flagged,) = [x for x in lines if "cell no longer in the display" in x]
    assert "Hilang." in flagged and "I3 × Disposisi" in flagged
    assert "cell no longer in the display" in run("memo", "show", path, str(lost.id)).output
    assert "no longer" not in run("memo", "show", path, str(kept.id)).output


def test_report_and_memo_export_say_what_display_memos_are_on(study: Any, tmp_path: Any) -> None:
    import docx

    path, _st = _export_project(study)
    run("export", "report", path, str(tmp_path / "r.docx"), "--language", "en",
        "--display", "saved:Kerangka")  # fmt: skip
    text = "\n".join(x.text for x in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "Display cell: Kerangka — I3 × Komunikasi" in text
    assert "Display: Kerangka" in text
    assert "[M1] I3 × Komunikasi: Sel kosong: Pak Ujang menolak" in text  # under the table
    run("export", "report", path, str(tmp_path / "r.html"), "--display", "saved:Kerangka")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<sup>M1</sup>" in html and "<b>[M1] I3 × Komunikasi:</b>" in html
    run("memo", "export", path, str(tmp_path / "m.docx"), "--language", "en")
    text = "\n".join(x.text for x in docx.Document(str(tmp_path / "m.docx")).paragraphs)
    assert "Data Displays" in text and "Display cell: Kerangka — I3 × Komunikasi" in text
