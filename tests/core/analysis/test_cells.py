"""Condensed cells the researcher controls: ratings by rule and override, summaries with
chosen evidence, drafts, and links to deleted codings — in the core, the CLI and exports."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.ratings import rate, rating
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from qualcode.export.display_adapter import table_from_display
from qualcode.export.tables_docx import write_tables_docx


# -- the rating rule -------------------------------------------------------------------
def test_an_inhibiting_high_magnitude_coding_never_rates_adequate() -> None:
    assert rating(["high"], valences=["inhibiting"]) == "inadequate"
    assert rating(["tinggi"], valences=["inhibiting"]) == "inadequate"
    words = ["high", "tinggi", "medium", "low", None, "memadai", "sangat kurang"]
    valences = ["supporting", "inhibiting", None, "neutral"]
    pairs = list(itertools.product(words, valences))
    for n in range(3):
        for others in itertools.combinations_with_replacement(pairs, n):
            cell = [("tinggi", "inhibiting"), *others]
            assert rate(cell).computed != "adequate", cell


def test_rating_words_and_uncoded_cells() -> None:
    assert rating(["sangat kurang"]) == "inadequate"
    assert rating(["Sangat  Kurang"]) == "inadequate"
    assert rating([None]) == "partly"  # present, strength unknown
    assert rating([None], valences=["inhibiting"]) == "inadequate"
    assert rating(["low"], valences=["inhibiting"]) == "partly"
    assert rating([]) == "not_mentioned"
    basis = rate([("high", "supporting")] * 3 + [(None, "inhibiting")])
    assert (basis.computed, basis.supporting, basis.inhibiting, basis.capped) == (
        "partly", 3, 1, True)  # fmt: skip


# -- overrides ---------------------------------------------------------------------------
def _checklist(p, st):
    spec = ready_spec(p, "checklist", variable=st.code["Komunikasi"])
    return p.displays.save("Ceklis", spec).result.id


def _export_cells(p, display, language="id", drafts="mark"):
    table = table_from_display(display, project=p, language=language, drafts=drafts)
    return table, {(rl, cl): table.cells[r][c]
                   for r, rl in enumerate(table.row_labels)
                   for c, cl in enumerate(table.column_labels)}  # fmt: skip


def test_an_override_sticks_undoes_and_exports(study) -> None:
    p, st = study
    saved = _checklist(p, st)
    row, col = str(st.code["Transmisi"]), str(st.case["I2"])
    before = p.displays.run(saved)
    cell = before.find(row, col)
    assert before.ratings[cell] == "inadequate"  # c7: inhibiting, medium
    p.cells.rate(saved, row, col, "partly", "I2 menyebut sosialisasi berjalan di OPD")
    after = p.displays.run(saved)
    basis = after.rating_basis[cell]
    assert after.ratings[cell] == "partly"
    assert (basis.computed, basis.override, basis.author) == ("inadequate", "partly", "ana")
    _, cells = _export_cells(p, after)
    text = cells[("Transmisi", "I2")].rating
    assert text.startswith("sebagian*") and "aturan: kurang" in text and "I2 menyebut" in text
    table, _ = _export_cells(p, after, "en")
    assert "inhibiting" in table.about["Rating rule"]
    # re-rating replaces; undo restores each step; the display goes back to the rule
    p.cells.rate(saved, row, col, "adequate")
    assert p.displays.run(saved).ratings[cell] == "adequate"
    p.undo()
    assert p.displays.run(saved).ratings[cell] == "partly"
    p.undo()
    assert p.displays.run(saved).ratings[cell] == "inadequate"
    p.redo()
    p.cells.clear_rating(saved, row, col)
    assert p.displays.run(saved).ratings[cell] == "inadequate"
    with pytest.raises(NotFoundError):
        p.cells.clear_rating(saved, row, col)
    with pytest.raises(ValidationError):
        p.cells.rate(saved, row, col, "excellent")


def test_uncoded_cells_read_not_mentioned(study) -> None:
    p, st = study
    display = p.displays.run(_checklist(p, st))
    _, cells = _export_cells(p, display)
    assert cells[("Transmisi", "I3")].rating == "tidak disebut"
    _, cells = _export_cells(p, display, "en")
    assert cells[("Transmisi", "I3")].rating == "not mentioned"


# -- summaries, evidence, drafts -----------------------------------------------------------
def _framework(p):
    return p.displays.save("Kerangka", ready_spec(p, "framework")).result.id


def test_a_summary_cites_exactly_its_chosen_evidence(study, tmp_path: Path) -> None:
    p, st = study
    saved = _framework(p)
    key = (str(st.case["I2"]), str(st.code["Komunikasi"]))
    p.cells.set_summary(saved, *key, "Kebijakan belum jelas bagi pelaksana.", [st.c["c6"]])
    _, cells = _export_cells(p, p.displays.run(saved))
    cell = cells[("I2", "Komunikasi")]
    assert cell.summary == "Kebijakan belum jelas bagi pelaksana."
    assert [q.text for q in cell.excerpts] == ["Informasi kebijakan belum jelas."]
    # add evidence from another cell, remove the first: the export follows the choice
    p.cells.choose_evidence(saved, *key, add=[st.c["c8"]], remove=[st.c["c6"]])
    assert p.cells.summary(saved, *key).coding_ids == (st.c["c8"],)
    table, cells = _export_cells(p, p.displays.run(saved))
    assert [q.text for q in cells[("I2", "Komunikasi")].excerpts] == ["Anggaran desa terbatas."]
    with pytest.raises(ValidationError):
        p.cells.choose_evidence(saved, *key, remove=[st.c["c1"]])
    with pytest.raises(NotFoundError):
        p.cells.choose_evidence(saved, *key, add=[99999])
    write_tables_docx([table], tmp_path / "k.docx")
    body = "\n".join(c.text for row in docx.Document(tmp_path / "k.docx").tables[0].rows
                     for c in row.cells)  # fmt: skip
    assert "Anggaran desa terbatas." in body and "Sosialisasi kurang merata." not in body


def test_a_draft_is_marked_in_the_export_until_accepted(study, tmp_path: Path) -> None:
    p, st = study
    saved = _framework(p)
    p.cells.autofill(saved)
    key = (str(st.case["I2"]), str(st.code["Komunikasi"]))
    table, cells = _export_cells(p, p.displays.run(saved))
    assert cells[("I2", "Komunikasi")].summary.startswith("[DRAF, belum diterima] (\u2212) ")
    write_tables_docx([table], tmp_path / "d.docx")
    body = "\n".join(c.text for row in docx.Document(tmp_path / "d.docx").tables[0].rows
                     for c in row.cells)  # fmt: skip
    assert "[DRAF, belum diterima]" in body
    _, omitted = _export_cells(p, p.displays.run(saved), drafts="omit")
    assert omitted[("I2", "Komunikasi")].summary is None
    assert len(omitted[("I2", "Komunikasi")].excerpts) == 2  # the cell's own excerpts
    p.cells.accept(saved, *key)
    assert not p.cells.summary(saved, *key).draft
    _, cells = _export_cells(p, p.displays.run(saved), "en")
    assert not cells[("I2", "Komunikasi")].summary.startswith("[DRAFT")
    with pytest.raises(ValidationError):
        p.cells.accept(saved, *key)


def test_a_summary_whose_coding_is_deleted_is_flagged(study) -> None:
    p, st = study
    saved = _framework(p)
    key = (str(st.case["I2"]), str(st.code["Komunikasi"]))
    p.cells.set_summary(saved, *key, "Dua kendala.", [st.c["c6"], st.c["c7"]])
    assert p.cells.summary(saved, *key).missing == ()
    p.codings.remove([st.c["c7"]])
    summary = p.cells.summary(saved, *key)
    assert summary.missing == (st.c["c7"],) and summary.coding_ids == (st.c["c6"], st.c["c7"])
    _, cells = _export_cells(p, p.displays.run(saved))
    cell = cells[("I2", "Komunikasi")]
    assert f"[pengodean {st.c['c7']} telah dihapus]" in cell.summary
    assert [q.text for q in cell.excerpts] == ["Informasi kebijakan belum jelas."]


def test_summaries_on_every_text_display(study) -> None:
    """Role-ordered (and any excerpt display) cells take summaries once saved."""
    p, _st = study
    spec = ready_spec(p, "role_ordered", role="Jabatan")
    saved = p.displays.save("Peran", spec).result.id
    display = p.displays.run(saved)
    r, c = display.find("Kadis", str(display.columns[0].key))
    p.cells.set_summary(saved, "Kadis", display.columns[0].key, "Kadis: sosialisasi jalan.")
    again = p.displays.run(saved)
    assert again.summaries[(r, c)].text == "Kadis: sosialisasi jalan."


# -- the command line ------------------------------------------------------------------------
def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cell_commands(study) -> None:
    p, st = study
    path = str(p.path)
    _framework(p)
    _checklist(p, st)
    p.close()
    assert "Drafted" in run("cell", "autofill", path, "Kerangka", "--row", "I2",
                            "--col", "Komunikasi")  # fmt: skip
    shown = json.loads(run("cell", "show", path, "Kerangka", "I2", "Komunikasi", "--json"))
    assert shown["draft"] is True and shown["evidence"] == [st.c["c6"], st.c["c7"]]
    run("cell", "accept", path, "Kerangka", "I2", "Komunikasi")
    run("cell", "set", path, "Kerangka", "I2", "Komunikasi", "--remove", str(st.c["c7"]))
    run("cell", "set", path, "Kerangka", "I1", "Disposisi", "Komitmen kuat.",
        "--evidence", str(st.c["c3"]))  # fmt: skip
    shown = json.loads(run("cell", "show", path, "Kerangka", "I2", "Komunikasi", "--json"))
    assert (shown["draft"], shown["evidence"]) == (False, [st.c["c6"]])
    assert "Komitmen kuat." in run("cell", "show", path, "Kerangka", "I1", "Disposisi")
    run("cell", "rate", path, "Ceklis", "Transmisi", "I2", "partly", "--reason", "dicek ulang")
    shown = json.loads(run("cell", "show", path, "Ceklis", "Transmisi", "I2", "--json"))
    assert (shown["rating"], shown["rating_rule"]) == ("partly", "inadequate")
    run("cell", "unrate", path, "Ceklis", "Transmisi", "I2")
    result = CliRunner().invoke(cli, ["cell", "show", path, "Kerangka", "I9", "Komunikasi"])
    assert result.exit_code == 1 and "no cell 'I9'" in result.output
