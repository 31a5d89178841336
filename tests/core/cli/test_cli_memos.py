"""Memos and the research journal from the command line, and in every report."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def _project(tmp_path: Path) -> str:
    path = str(tmp_path / "p.qdaproj")
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis", "Sosialisasi belum merata di desa.").result
        parent = p.codes.create("Komunikasi").result
        assert src and parent
        code = p.codes.create("Transmisi", parent_id=parent.id).result
        assert code
        p.codings.apply(src.id, 0, 11, code.id)
    return path


def test_memo_on_a_code_reaches_the_report(tmp_path: Path) -> None:
    path = _project(tmp_path)
    run("memo", "add", path, "--on", "code:Komunikasi/Transmisi", "--title", "Pola",
        "Sosialisasi hanya lewat grup WhatsApp pejabat.", "--coder", "ana")  # fmt: skip
    run("memo", "add", path, "--journal", "Wawancara W1 selesai; informan lelah.", "--coder", "ana")
    listed = json.loads(run("memo", "list", path, "--json"))
    assert [(m["kind"], m["on"]["kind"], m["on"]["name"]) for m in listed] == [
        ("analytic", "code", "Transmisi"),
        ("journal", "project", ""),
    ]
    assert [m["title"] for m in json.loads(run("memo", "list", path, "--search", "whatsapp",
                                               "--json"))] == ["Pola"]  # fmt: skip
    assert (
        json.loads(run("memo", "list", path, "--kind", "journal", "--json"))[0]["author"] == "ana"
    )
    docx = tmp_path / "r.docx"
    run("export", "report", path, str(docx))
    body = _docx_text(docx)
    assert "Sosialisasi hanya lewat grup WhatsApp pejabat." in body
    assert "Memo dan Jurnal Penelitian" in body and "Wawancara W1 selesai" in body
    html = tmp_path / "r.html"
    run("export", "report", path, str(html))
    assert "Sosialisasi hanya lewat grup WhatsApp pejabat." in html.read_text(encoding="utf-8")


def test_memo_on_a_coding_quotes_it_and_exports_by_code_or_date(tmp_path: Path) -> None:
    path = _project(tmp_path)
    run("memo", "add", path, "--on", "coding:1", "Kata kunci: merata.", "--coder", "ana")
    shown = json.loads(run("memo", "show", path, "1", "--json"))
    assert shown["on"]["quote"] == "Sosialisasi" and shown["on"]["kind"] == "coding"
    out = tmp_path / "memo.docx"
    assert "Wrote 1 memo" in run("memo", "export", path, str(out), "--by", "code")
    assert "Kode: Transmisi" in _docx_text(out) and "Kata kunci: merata." in _docx_text(out)
    run("memo", "export", path, str(out), "--by", "date", "--language", "en")
    assert "Memos and Research Journal" in _docx_text(out)
    run("memo", "edit", path, "1", "--text", "Direvisi.", "--coder", "ana")
    assert json.loads(run("memo", "show", path, "1", "--json"))["text"] == "Direvisi."
    run("memo", "delete", path, "1", "--coder", "ana")
    assert json.loads(run("memo", "list", path, "--json")) == []


def test_bad_target_is_a_clear_error(tmp_path: Path) -> None:
    path = _project(tmp_path)
    result = CliRunner().invoke(cli, ["memo", "add", path, "--on", "kode:X", "teks"])
    assert result.exit_code != 0 and "code:NAME" in result.output
    result = CliRunner().invoke(cli, ["memo", "add", path, "--on", "code:Tidak ada", "teks"])
    assert result.exit_code != 0 and "Traceback" not in result.output
