"""Whole coded transcripts: every coding named beside its text, numbered lines, renders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project

SOURCE = "W1 Kepala Diskominfo"


def _rows(path: Path) -> list[tuple[str, str, str]]:
    table = docx.Document(str(path)).tables[0]
    return [tuple(c.text for c in row.cells) for row in table.rows[1:]]  # type: ignore[misc]


def test_every_coding_is_named_next_to_its_text(sample_study_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    result = CliRunner().invoke(
        cli, ["export", "transcript", str(sample_study_file), SOURCE, str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    by_number = {int(no): (text, margin) for no, text, margin in rows}
    with Project.open(sample_study_file, read_only=True) as p:
        src = p.sources.find(SOURCE)
        body = p.sources.text(src.id)
        codes = {c.id: c for c in p.codes.all()}
        codings = p.codings.in_source(src.id)
        assert codings
        for c in codings:
            line = body.count("\n", 0, c.start) + 1
            text, margin = by_number[line]
            assert codes[c.code_id].label("id") in margin, (c, margin)
            first_line = body[c.start : c.end].split("\n")[0].strip()
            assert first_line in text
    # Lines keep the numbers citations use, blank lines included in the count.
    assert [int(r[0]) for r in rows] == sorted(int(r[0]) for r in rows)
    assert max(int(r[0]) for r in rows) == body.count("\n") + 1 or body.endswith("\n")


def test_html_and_pseudonymised_speakers(sample_study_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    result = CliRunner().invoke(
        cli, ["export", "transcript", str(sample_study_file), SOURCE, str(out), "--pseudonymise",
              "--language", "en"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<mark" in html and "Coded transcript" in html
    with Project.open(sample_study_file, read_only=True) as p:
        src = p.sources.find(SOURCE)
        named = {p.cases.get(lk.case_id).name for lk in p.cases.links(source_id=src.id)}
    assert named and not any(f"<strong>{n}:</strong>" in html for n in named)


def test_unknown_source_is_a_clear_error(sample_study_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "transcript", str(sample_study_file), "W99", str(tmp_path / "x.docx")]
    )
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_renders_with_libreoffice(sample_study_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    result = CliRunner().invoke(
        cli, ["export", "transcript", str(sample_study_file), SOURCE, str(out)]
    )
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert SOURCE in text and "Komunikasi" in text


def test_pseudonymised_transcript_names_nobody(sample_study_file: Path, tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "p.docx"
    result = CliRunner().invoke(
        cli, ["export", "transcript", str(sample_study_file), SOURCE, str(out), "--pseudonymise"]
    )
    assert result.exit_code == 0, result.output
    with Project.open(sample_study_file, read_only=True) as p:
        entries = [e.text for e in p.identities.all()]
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert entries and not any(f">{e}<" in body for e in entries if len(e) > 3)
