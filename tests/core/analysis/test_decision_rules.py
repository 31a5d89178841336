"""The decision-rule log of a saved display: dated entries, undoable, under every export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import ready_spec
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from qualcode.export.display_adapter import table_from_display
from support.snapshots import snapshot


def test_rules_are_dated_kept_with_the_display_and_exported(study) -> None:
    p, _st = study
    saved = p.displays.save("Ceklis", ready_spec(p, "checklist")).result
    assert saved is not None
    before = snapshot(p)
    late = p.decision_rules.add(saved.id, "FGD: satu suara per peserta.", "2024-06-02").result
    early = p.decision_rules.add(saved.id, "Memadai bila >= 2 informan.", "2024-06-01").result
    today = p.decision_rules.add(saved.id, "Dokumen dihitung sebagai triangulasi.").result
    assert late and early and today and today.decided_on == date.today()
    assert [r.id for r in p.decision_rules.of(saved.id)] == [early.id, late.id, today.id]
    shown = p.displays.run(saved.id)
    assert [r.text for r in shown.rules][:2] == [early.text, late.text]
    assert shown.to_dict()["decision_rules"][0] == {
        "date": "2024-06-01", "text": early.text, "author": "ana"}  # fmt: skip
    table = table_from_display(shown, project=p, language="id")
    assert table.rules[0] == "Aturan keputusan:"
    assert table.rules[1] == "2024-06-01 \u2014 Memadai bila >= 2 informan. (ana)"
    assert table_from_display(shown, project=p, language="en").rules[0] == "Decision rules:"
    assert table.transposed().rules == table.rules == table.without_empty().rules
    p.decision_rules.edit(late.id, decided_on="2024-05-30")
    assert p.decision_rules.of(saved.id)[0].id == late.id
    with pytest.raises(ValidationError, match="needs some text"):
        p.decision_rules.add(saved.id, "  ")
    with pytest.raises(ValidationError, match="not a date"):
        p.decision_rules.edit(late.id, decided_on="30/05/2024")
    with pytest.raises(NotFoundError):
        p.decision_rules.delete(99999)
    with pytest.raises(NotFoundError):
        p.decision_rules.add(99999, "x")
    p.decision_rules.delete(today.id)
    for _ in range(5):
        p.undo()
    assert snapshot(p) == before
    p.decision_rules.add(saved.id, "x")
    p.displays.delete(saved.id)
    assert p.decision_rules.of(saved.id) == []


def test_cli_logs_rules_and_exports_them_under_the_table(study, tmp_path: Path) -> None:
    import docx

    p, _st = study
    p.displays.save("Ceklis", ready_spec(p, "checklist"))
    p.close()
    path = str(tmp_path / "study.qdaproj")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    run("decision-rule", "add", path, "Ceklis", "Memadai bila >= 2 informan.", "--date",
        "2024-06-01", "--coder", "ana")  # fmt: skip
    assert "Memadai bila >= 2 informan." in run("decision-rule", "list", path, "Ceklis")
    out = tmp_path / "ceklis.docx"
    run("export", "display", path, "saved:Ceklis", str(out))
    texts = [para.text for para in docx.Document(str(out)).paragraphs]
    at = texts.index("Aturan keputusan:")
    assert texts[at + 1] == "\u2022 2024-06-01 \u2014 Memadai bila >= 2 informan. (ana)"
    html = tmp_path / "ceklis.html"
    run("export", "display", path, "saved:Ceklis", str(html))
    assert "<li>2024-06-01 \u2014 Memadai bila &gt;= 2 informan. (ana)</li>" in html.read_text(
        encoding="utf-8"
    )
    bad = CliRunner().invoke(cli, ["decision-rule", "delete", path, "77"])
    assert bad.exit_code != 0 and "no decision rule" in bad.output
