"""Word output a student pastes into Bab IV: profile, numbering, captions, contents, rendering."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from qualcode.cli.main import cli
from qualcode.errors import ValidationError
from qualcode.export.profile import load_profile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _instructions(doc: docx.document.Document) -> str:
    body = doc.element.body
    return " ".join(t.text or "" for t in body.iter(f"{W}instrText"))


def test_appendix_of_all_codes_with_chapter_numbering(
    sample_study_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "lampiran.docx"
    run(
        "export",
        "excerpts",
        str(sample_study_file),
        str(out),
        "--all-codes",
        "--chapter",
        "4",
        "--language",
        "id",
        "--quiet",
    )
    doc = docx.Document(str(out))
    heading1 = doc.styles["Heading 1"].element
    num = heading1.find(f"{W}pPr/{W}numPr")
    assert num is not None and num.find(f"{W}ilvl").get(qn("w:val")) == "1"
    numbering = doc.part.numbering_part.element
    levels = numbering.findall(f".//{W}abstractNum/{W}lvl")
    texts = {lvl.get(qn("w:ilvl")): lvl.find(f"{W}lvlText").get(qn("w:val")) for lvl in levels}
    assert texts.get("1") == "%1.%2" and texts.get("2") == "%1.%2.%3"
    starts = [
        lvl.find(f"{W}start").get(qn("w:val")) for lvl in levels if lvl.get(qn("w:ilvl")) == "0"
    ]
    assert "4" in starts
    assert 'TOC \\o "1-2"' in _instructions(doc)
    # the contents heading derives from Heading 1 but takes no number: the first code is 4.1
    toc = next(p for p in doc.paragraphs if p.style.name == "TOC Heading")
    assert toc._p.find(f"{W}pPr/{W}numPr/{W}numId").get(qn("w:val")) == "0"
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.paragraph_format.line_spacing == 1.5
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Komunikasi" in headings and "Sumber daya" in headings  # every code in one file
    assert not any(re.match(r"\d", h) for h in headings)  # numbers are Word's, not typed


def test_tables_have_seq_captions_continued_and_the_thesis_note(
    sample_study_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.docx"
    run(
        "export",
        "report",
        str(sample_study_file),
        str(out),
        "--display",
        "factors",
        "--display",
        "matrix",
        "--no-excerpts",
        "--chapter",
        "4",
        "--quiet",
    )
    doc = docx.Document(str(out))
    assert _instructions(doc).count("SEQ Tabel") >= 4  # summary, sources, cases, two displays
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Tabel 4.")]
    numbers = [int(re.match(r"Tabel 4\.(\d+)", c).group(1)) for c in captions]  # type: ignore[union-attr]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 4
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Sumber: data primer")]
    assert notes and not any("matrix" in p.text or "Jenis:" in p.text for p in doc.paragraphs)


def test_apa_profile_and_a_profile_file(sample_study_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.docx"
    run(
        "export",
        "display",
        str(sample_study_file),
        "factors",
        str(out),
        "--profile",
        "apa",
        "--language",
        "en",
    )
    doc = docx.Document(str(out))
    assert doc.styles["Normal"].paragraph_format.line_spacing == 2
    assert any(p.text.startswith("Note. Data from interviews") for p in doc.paragraphs)
    mine = tmp_path / "kampus.yaml"
    mine.write_text("name: Kampus X\nline_spacing: 2\nfont: Arial\n", encoding="utf-8")
    run("export", "display", str(sample_study_file), "factors", str(out), "--profile", str(mine))
    assert docx.Document(str(out)).styles["Normal"].font.name == "Arial"
    mine.write_text("name: x\nspacing: 3\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid"):
        load_profile(mine)
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "display",
            str(sample_study_file),
            "factors",
            str(out),
            "--profile",
            "tidak-ada",
        ],
    )
    assert result.exit_code != 0 and "indonesia-s2" in result.output


def _pdf_text(docx_path: Path, tmp_path: Path) -> str:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    pdf = tmp_path / (docx_path.stem + ".pdf")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_render_check_with_libreoffice(sample_study_file: Path, tmp_path: Path) -> None:
    """Excerpts, matrix, factors, report and codebook rendered to PDF read right."""
    files = {
        "excerpts": ["export", "excerpts", str(sample_study_file), "--code", "Komunikasi"],
        "matrix": [],
        "factors": [],
        "report": ["export", "report", str(sample_study_file), "--no-excerpts", "--display",
                   "factors"],
        "codebook": ["codebook", "export", str(sample_study_file)],
    }  # fmt: skip
    for name, args in files.items():
        out = tmp_path / f"{name}.docx"
        if name == "codebook":
            command = [*args, str(out)]
        elif name in ("matrix", "factors"):
            command = [
                "export",
                "display",
                str(sample_study_file),
                name,
                str(out),
                "--chapter",
                "4",
            ]
        else:
            command = [*args[:3], str(out), *args[3:], "--chapter", "4"]
        run(*command)
        text = _pdf_text(out, tmp_path)
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        assert any(re.fullmatch(r"\d+", ln) for ln in lines), f"{name}: no page number"
        if name in ("matrix", "factors", "report"):
            assert re.search(r"Tabel 4\.\d+", text), f"{name}: no 'Tabel 4.n' caption"
        if name == "matrix":
            words = re.split(r"[\s/∕\u200b]+", " ".join(lines))
            for word in ("Konsistensi", "Fragmentasi", "Kewenangan"):  # long label words
                assert word in words, f"matrix: '{word}' broken across lines"
        if name == "codebook":
            assert "Buku Kode" in text and "Tabel 1" in text
