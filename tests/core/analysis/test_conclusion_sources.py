"""A claim's sources (display, row, column, cell, memo) in the core, the CLI and the
conclusions export (Word and HTML, Indonesian and English)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from qualcode.analysis.conclusion_sources import claim_sources
from qualcode.analysis.displays import ready_spec
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from qualcode.export.conclusions_export import export_conclusions


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _setup(p, st):
    saved = p.displays.save("Kerangka", ready_spec(p, "framework")).result.id
    key = (str(st.case["I2"]), str(st.code["Komunikasi"]))
    p.cells.set_summary(saved, *key, "Kebijakan belum jelas, sosialisasi timpang.",
                        [st.c["c6"], st.c["c7"]])  # fmt: skip
    claim = p.conclusions.create(
        "Komunikasi kebijakan belum efektif.", supporting=[st.c["c6"], st.c["c7"]],
        contradicting=[st.c["c1"]],
    ).result.id  # fmt: skip
    return saved, key, claim


def test_sources_resolve_to_labels_and_cell_summaries(study) -> None:
    p, st = study
    saved, key, claim = _setup(p, st)
    p.conclusions.link_display(claim, saved, *key)
    p.conclusions.link_display(claim, saved, key[0], None)
    p.conclusions.link_display(claim, saved, None, key[1])
    p.conclusions.link_display(claim, saved)
    memo = p.memos.create("Sosialisasi hanya lewat rapat.", title="Catatan analitis").result.id
    p.conclusions.link_memo(claim, memo)
    found = claim_sources(p, p.conclusions.get(claim))
    assert [s.kind for s in found] == ["cell", "row", "column", "display", "memo"]
    cell = found[0]
    assert (cell.display_name, cell.row_label, cell.col_label) == ("Kerangka", "I2", "Komunikasi")
    assert cell.summary == "Kebijakan belum jelas, sosialisasi timpang." and not cell.gone
    assert found[4].memo_title == "Catatan analitis"
    with pytest.raises(ValidationError):
        p.conclusions.link_display(claim, saved, *key)  # the same link twice
    link = p.conclusions.get(claim).displays[1].id
    p.conclusions.unlink_display(claim, link)
    assert [s.kind for s in claim_sources(p, p.conclusions.get(claim))][:2] == ["cell", "column"]
    p.undo()
    assert len(p.conclusions.get(claim).displays) == 4
    with pytest.raises(NotFoundError):
        p.conclusions.unlink_display(claim, 999)
    # a key the display no longer has is flagged, not dropped
    p.conclusions.link_display(claim, saved, "nope", key[1])
    assert claim_sources(p, p.conclusions.get(claim))[-2].gone


@pytest.mark.parametrize(("language", "suffix"), [("id", ".docx"), ("en", ".html")])
def test_export_conclusions_shows_the_linked_cell(study, tmp_path: Path, language, suffix):
    p, st = study
    saved, key, claim = _setup(p, st)
    p.conclusions.link_display(claim, saved, *key)
    out = tmp_path / f"k{suffix}"
    assert export_conclusions(p, out, language=language) == 1
    if suffix == ".docx":
        text = "\n".join(par.text for par in docx.Document(str(out)).paragraphs)
    else:
        text = out.read_text(encoding="utf-8").replace("&#x27;", "'")
    assert "Komunikasi kebijakan belum efektif." in text
    cell = {"id": "sel I2 × Komunikasi", "en": "cell I2 × Komunikasi"}[language]
    assert f"Display “Kerangka”, {cell}: Kebijakan belum jelas, sosialisasi timpang." in text
    assert "“Informasi kebijakan belum jelas.” (I2" in text
    assert "“Sosialisasi aplikasi sudah dilakukan.” (I1" in text  # contradicting
    warning = {
        "id": "⚠ 1 kutipan yang bertentangan belum ditanggapi",
        "en": "⚠ 1 contradicting excerpt(s) are not addressed",
    }[language]
    assert warning in text
    assert {"id": "Bukti pendukung", "en": "Supporting evidence"}[language] in text


def test_cli_links_and_exports(study, tmp_path: Path) -> None:
    p, st = study
    _, _, claim = _setup(p, st)
    path = str(p.path)
    p.close()
    run("conclusion", "link-display", path, str(claim), "Kerangka", "--row", "I2",
        "--col", "Komunikasi")  # fmt: skip
    run("conclusion", "link-display", path, str(claim), "Kerangka", "--col", "Disposisi")
    shown = run("conclusion", "show", path, str(claim))
    assert "cell I2 × Komunikasi: Kebijakan belum jelas" in shown
    assert "column Disposisi" in shown
    out = tmp_path / "k.docx"
    assert "Wrote 1 conclusions" in run("export", "conclusions", path, str(out))
    text = "\n".join(par.text for par in docx.Document(str(out)).paragraphs)
    assert "sel I2 × Komunikasi" in text
