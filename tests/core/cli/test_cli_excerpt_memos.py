"""Memos beside excerpts: `export excerpts --memos/--code-memos` in Word, Excel, CSV and the
HTML report, read back from the files, pseudonymised when asked."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project

TEXT = "Pak Ujang bilang sosialisasi belum merata di desa.\nAnggaran kurang."


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _project(tmp_path: Path) -> str:
    path = str(tmp_path / "p.qdaproj")
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis", TEXT).result
        code = p.codes.create("Transmisi").result
        other = p.codes.create("Anggaran").result
        assert src and code and other
        coding = p.codings.apply(src.id, 0, 50, code.id).result
        p.codings.apply(src.id, 51, 66, other.id)
        assert coding
        p.memos.create("Pak Ujang ragu-ragu saat menjawab.", title="Nada", target="coding",
                       target_id=coding.id)  # fmt: skip
        p.memos.create("Transmisi = penyampaian kebijakan.", title="Definisi", target="code",
                       target_id=code.id)  # fmt: skip
        p.identities.add("Pak Ujang", kind="person", replacement="[Informan 1]")
    return path


def test_excerpt_memos_in_word(tmp_path: Path) -> None:
    path = _project(tmp_path)
    out = tmp_path / "e.docx"
    run("export", "excerpts", path, str(out), "--memos", "--code-memos", "--language", "en")
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    quote = next(i for i, t in enumerate(text) if "sosialisasi belum merata" in t)
    after = "\n".join(text[quote : quote + 5])
    assert "Memo: Nada: Pak Ujang ragu-ragu saat menjawab. (ana," in after
    heading = next(i for i, t in enumerate(text) if t == "Transmisi")
    assert text[heading + 1].startswith("Code memos: Definisi: Transmisi = penyampaian")
    plain = tmp_path / "plain.docx"
    run("export", "excerpts", path, str(plain), "--language", "en")
    assert "ragu-ragu" not in "\n".join(p.text for p in docx.Document(str(plain)).paragraphs)


def test_excerpt_memos_as_columns_in_excel_and_csv(tmp_path: Path) -> None:
    path = _project(tmp_path)
    run("export", "excerpts", path, str(tmp_path / "e.xlsx"), "--memos", "--code-memos",
        "--language", "en")  # fmt: skip
    ws = openpyxl.load_workbook(str(tmp_path / "e.xlsx")).worksheets[0]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    head = rows[0]
    memo_col, code_col = head.index("Coding memos"), head.index("Code memos")
    by_code = {r[head.index("Code")]: r for r in rows[1:]}
    assert by_code["Transmisi"][memo_col].startswith("Nada: Pak Ujang ragu-ragu")
    assert by_code["Transmisi"][code_col].startswith("Definisi: Transmisi = penyampaian")
    assert by_code["Anggaran"][memo_col] is None
    run("export", "excerpts", path, str(tmp_path / "e.csv"), "--memos", "--language", "en")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert "Code memos" not in table[0]
    assert table[0]["Coding memos"].startswith("Nada: Pak Ujang ragu-ragu")


def test_excerpt_memos_pseudonymised(tmp_path: Path) -> None:
    path = _project(tmp_path)
    out = tmp_path / "e.docx"
    run("export", "excerpts", path, str(out), "--memos", "--pseudonymise")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Pak Ujang" not in text and "[Informan 1] ragu-ragu" in text
    run("export", "excerpts", path, str(tmp_path / "e.csv"), "--memos", "--pseudonymise")
    body = (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert "Pak Ujang" not in body and "[Informan 1] ragu-ragu" in body


def test_report_html_prints_memos_beside_excerpts(tmp_path: Path) -> None:
    path = _project(tmp_path)
    out = tmp_path / "r.html"
    run("export", "report", path, str(out), "--memos", "--code-memos", "--language", "en")
    html = out.read_text(encoding="utf-8")
    excerpts = html[html.index('id="excerpts"') : html.index('id="memos"')]
    assert "<b>Memo:</b> Nada: Pak Ujang ragu-ragu" in excerpts
    assert "<b>Code memos:</b> Definisi: Transmisi" in excerpts


def test_a_passage_coded_by_two_coders_carries_both_coders_memos(tmp_path: Path) -> None:
    from qualcode.export.selection import ExcerptFilter, ExcerptOptions, select_excerpts

    path = str(tmp_path / "p.qdaproj")
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1", TEXT).result
        code = p.codes.create("Transmisi").result
        assert src and code
        first = p.codings.apply(src.id, 0, 40, code.id).result
        assert first
        p.memos.create("Catatan Ana.", target="coding", target_id=first.id)
    with Project.open(path, coder="budi") as p:
        second = p.codings.apply(src.id, 10, 50, code.id).result
        assert second
        p.memos.create("Catatan Budi.", target="coding", target_id=second.id)
        flt = ExcerptFilter(coders=["ana", "budi"])
        (passage,) = select_excerpts(p, flt, ExcerptOptions(memos=True))
        assert [m.split(" (")[0] for m in passage.memos] == ["Catatan Ana.", "Catatan Budi."]
        (one,) = [e for e in select_excerpts(p, flt, ExcerptOptions()) if e]
        assert one.memos == ()  # only when asked
