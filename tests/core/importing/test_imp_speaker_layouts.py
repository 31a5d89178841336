"""Speaker-turn layouts of real Indonesian transcripts, built as Word files with python-docx.

Each layout is generated from one script of an interview (questions, answers
of several paragraphs) so every test checks the same facts: the right turns,
speakers in order, continuation paragraphs with the last speaker, the
header (also as a metadata table) on the informant's case.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qualcode.project import Project
from qualcode.sources.extract import extract_file
from qualcode.sources.importing import import_file, turns
from qualcode.sources.turns import detect_turns

# (speaker role, paragraphs): the interviewer asks, the informant answers at length.
LONG_ANSWER = [
    "Jadi begini, SOP kami susun sejak 2019.",
    "Setelah itu kami sosialisasikan ke semua bidang.",
    "Tapi memang belum semua pegawai paham.",
]
SCRIPT: list[tuple[str, list[str]]] = [
    ("q", ["Selamat pagi, Bu. Bagaimana pelaksanaan SOP pelayanan di dinas ini?"]),
    ("a", LONG_ANSWER),
    ("q", ["Apa kendala utamanya?"]),
    ("a", ["SDM aparatur masih kurang.", "Anggaran juga terbatas."]),
]
META = [
    ("Kode Informan", "IK-2"),
    ("Jabatan", "Kepala Bidang Pelayanan"),
    ("Instansi", "Dinas Kependudukan"),
    ("Tanggal", "12 Maret 2024"),
    ("Lokasi", "Kantor Disdukcapil"),
]
ONE_SPEAKER = "Kode Informan: IK-5\nJabatan: Staf\n\nI: Ya, betul.\nLalu kami rapat.\nI: Sudah.\n"
ANSWER_TEXT = "Tapi memang belum semua pegawai paham."


def _bold(paragraph: Any, text: str) -> None:
    paragraph.add_run(text).bold = True


def _meta_table(document: Any, columns: int = 2) -> None:
    if columns == 2:
        table = document.add_table(rows=len(META), cols=2)
        for row, (key, value) in zip(table.rows, META, strict=True):
            row.cells[0].text, row.cells[1].text = key, value
    else:  # Key | : | Value
        table = document.add_table(rows=len(META), cols=3)
        for row, (key, value) in zip(table.rows, META, strict=True):
            row.cells[0].text, row.cells[1].text, row.cells[2].text = key, ":", value


def _save(document: Any, path: Path) -> Path:
    document.save(path)
    return path


def bold_label_paragraphs(path: Path, q: str = "PEWAWANCARA", a: str = "NARASUMBER") -> Path:
    """Label as a bold paragraph of its own, answer in the following paragraphs, metadata table."""
    from docx import Document

    document = Document()
    document.add_paragraph("TRANSKRIP WAWANCARA")
    _meta_table(document)
    document.add_paragraph("")
    for role, paragraphs in SCRIPT:
        _bold(document.add_paragraph(), q if role == "q" else a)
        for text in paragraphs:
            document.add_paragraph(text)
    return _save(document, path)


def plain_label_lines(path: Path) -> Path:
    """Label on a line of its own without bold ("Peneliti" / "Informan 1"), text header."""
    from docx import Document

    document = Document()
    for key, value in META:
        document.add_paragraph(f"{key}: {value}")
    document.add_paragraph("")
    for role, paragraphs in SCRIPT:
        document.add_paragraph("Peneliti" if role == "q" else "Informan 1")
        for text in paragraphs:
            document.add_paragraph(text)
    return _save(document, path)


def bold_run_labels(path: Path) -> Path:
    """The label in a bold run at the start of the paragraph, no colon."""
    from docx import Document

    document = Document()
    _meta_table(document, columns=3)
    for role, paragraphs in SCRIPT:
        first = document.add_paragraph()
        _bold(first, "Pewawancara" if role == "q" else "Narasumber")
        first.add_run(" " + paragraphs[0])
        for text in paragraphs[1:]:
            document.add_paragraph(text)
    return _save(document, path)


def colon_labels(path: Path, q: str = "P", a: str = "I") -> Path:
    """Colon labels ("P:", "I:", "Peneliti:", "Informan 2:") with continuation paragraphs."""
    from docx import Document

    document = Document()
    for key, value in META:
        document.add_paragraph(f"{key}: {value}")
    for role, paragraphs in SCRIPT:
        document.add_paragraph(f"{q if role == 'q' else a}: {paragraphs[0]}")
        for text in paragraphs[1:]:
            document.add_paragraph(text)
    return _save(document, path)


def timestamps_before(path: Path) -> Path:
    """A timestamp before a bold label paragraph: "[00:01:05] PEWAWANCARA"."""
    from docx import Document

    document = Document()
    _meta_table(document)
    for i, (role, paragraphs) in enumerate(SCRIPT):
        label = document.add_paragraph()
        label.add_run(f"[00:0{i}:05] ")
        _bold(label, "PEWAWANCARA" if role == "q" else "NARASUMBER")
        for text in paragraphs:
            document.add_paragraph(text)
    return _save(document, path)


def timestamps_after(path: Path) -> Path:
    """A timestamp after the label on its own line: "Informan (00:01:05)"."""
    from docx import Document

    document = Document()
    _meta_table(document)
    for i, (role, paragraphs) in enumerate(SCRIPT):
        document.add_paragraph(f"{'Peneliti' if role == 'q' else 'Informan'} (00:0{i}:05)")
        for text in paragraphs:
            document.add_paragraph(text)
    return _save(document, path)


def speaker_table(path: Path) -> Path:
    """A Waktu | Pembicara | Ucapan table, answers of several paragraphs in one cell."""
    from docx import Document

    document = Document()
    _meta_table(document)
    document.add_paragraph("")
    table = document.add_table(rows=len(SCRIPT) + 1, cols=3)
    table.rows[0].cells[0].text = "Waktu"
    table.rows[0].cells[1].text = "Pembicara"
    table.rows[0].cells[2].text = "Ucapan"
    for i, (row, (role, paragraphs)) in enumerate(zip(table.rows[1:], SCRIPT, strict=True)):
        row.cells[0].text = f"00:0{i}:05"
        row.cells[1].text = "Peneliti" if role == "q" else "Informan"
        row.cells[2].text = "\n".join(paragraphs)
    return _save(document, path)


LAYOUTS: dict[str, Callable[[Path], Path]] = {
    "bold-label-paragraph": bold_label_paragraphs,
    "plain-label-line": plain_label_lines,
    "bold-run-label": bold_run_labels,
    "p-i-colon": colon_labels,
    "peneliti-informan-n": lambda p: colon_labels(p, "Peneliti", "Informan 2"),
    "timestamp-before-label": timestamps_before,
    "timestamp-after-label": timestamps_after,
    "speaker-table": speaker_table,
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_layout_gives_four_turns_with_continuations(tmp_path: Path, layout: str) -> None:
    x = extract_file(LAYOUTS[layout](tmp_path / f"{layout}.docx"))
    found = detect_turns(x.text, x.blocks)
    assert [t.role for t in found] == ["interviewer", "participant"] * 2, [
        (t.speaker, x.text[t.start : t.end]) for t in found
    ]
    answer = x.text[found[1].content_start : found[1].end]
    assert answer.startswith("Jadi begini") and answer.endswith(ANSWER_TEXT)
    question = x.text[found[2].content_start : found[2].end]
    assert question == "Apa kendala utamanya?"
    assert "Kepala Bidang" not in "".join(x.text[t.start : t.end] for t in found)


@pytest.mark.parametrize("layout", ["timestamp-before-label", "timestamp-after-label"])
def test_timestamps_are_kept_on_the_turn(tmp_path: Path, layout: str) -> None:
    x = extract_file(LAYOUTS[layout](tmp_path / "t.docx"))
    assert [t.seconds for t in detect_turns(x.text, x.blocks)] == [5, 65, 125, 185]


def test_bold_label_transcript_imports_turns_speakers_and_case_attributes(
    project: Project, tmp_path: Path
) -> None:
    result = import_file(project, bold_label_paragraphs(tmp_path / "W2.docx"))
    assert result.turns == 4 and result.notice is None
    assert result.speakers == {"PEWAWANCARA": "Interviewer", "NARASUMBER": "IK-2"}
    stored = turns(project, result.source.id)
    assert [(s.speaker, s.role) for s in stored][:2] == [
        ("PEWAWANCARA", "interviewer"),
        ("NARASUMBER", "participant"),
    ]
    case = project.cases.find("IK-2")
    values = project.attributes.values("case")[case.id]
    assert values["Jabatan"] == "Kepala Bidang Pelayanan"
    assert values["Instansi"] == "Dinas Kependudukan"
    assert values["Lokasi"] == "Kantor Disdukcapil"
    assert values["Kode Informan"] == "IK-2"
    assert str(values["Tanggal"]) == "2024-03-12"
    assert result.attributes["Jabatan"] == "Kepala Bidang Pelayanan"
    project.undo()
    assert not project.sources.all()
    assert project.attributes.all("case") == [] and project.attributes.values("case") == {}


def test_existing_case_value_is_kept_and_reported(project: Project, tmp_path: Path) -> None:
    case = project.cases.create("IK-2", kind="informant").result
    attr = project.attributes.define("Jabatan").result
    project.attributes.set_value(attr.id, "Sekretaris Dinas", case_id=case.id)
    result = import_file(project, bold_label_paragraphs(tmp_path / "W2.docx"))
    assert project.attributes.values("case")[case.id]["Jabatan"] == "Sekretaris Dinas"
    assert any("Sekretaris Dinas" in w for w in result.warnings)


def test_emphasis_and_headings_are_not_speakers(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("CATATAN LAPANGAN")
    for text in ("Kesimpulan", "Pertama", "Hasil observasi di kantor camat."):
        _bold(document.add_paragraph(), text)
        document.add_paragraph("Pelayanan berjalan lambat karena antrean panjang.")
    x = extract_file(_save(document, tmp_path / "notes.docx"))
    assert detect_turns(x.text, x.blocks) == []


def test_no_turns_in_an_interview_is_reported(project: Project, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Informan: Ibu R. (IK-9)")
    document.add_paragraph("Jabatan: Staf")
    for _, paragraphs in SCRIPT:
        for text in paragraphs:
            document.add_paragraph(text)
    result = import_file(project, _save(document, tmp_path / "W9.docx"))
    assert result.turns == 0
    assert result.notice is not None and "no speaker turns" in str(result.notice)
    assert any("no speaker turns" in w for w in result.warnings)
    assert project.attributes.values("case")[project.cases.find("IK-9").id]["Jabatan"] == "Staf"


def test_one_speaker_only_is_reported_as_unsure(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "W5.txt"
    path.write_text(ONE_SPEAKER, "utf-8")
    result = import_file(project, path, kind="interview")
    assert result.notice is not None and "only one speaker" in str(result.notice)


def test_cli_import_prints_the_notice(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from qualcode.cli.main import cli

    project_path = tmp_path / "p.qcp"
    runner = CliRunner()
    assert runner.invoke(cli, ["new", str(project_path)]).exit_code == 0
    path = tmp_path / "W5.txt"
    path.write_text(ONE_SPEAKER, "utf-8")
    out = runner.invoke(cli, ["source", "add", str(project_path), str(path), "--kind", "interview"])
    assert out.exit_code == 0, out.output
    assert "warning: W5.txt: only one speaker" in out.output


def test_header_fields_fill_attributes_the_project_already_has(
    project: Project, tmp_path: Path
) -> None:
    place = project.attributes.define("Tempat").result
    when = project.attributes.define("Tanggal Wawancara", type="date").result
    result = import_file(project, bold_label_paragraphs(tmp_path / "W2.docx"))
    values = project.attributes.values("case")[project.cases.find("IK-2").id]
    assert values[place.name] == "Kantor Disdukcapil"
    assert str(values[when.name]) == "2024-03-12"
    assert "Lokasi" not in values and "Tanggal" not in values
    assert result.attributes["Tempat"] == "Kantor Disdukcapil"


def test_header_attributes_can_be_left_to_a_sheet(project: Project, tmp_path: Path) -> None:
    import_file(project, bold_label_paragraphs(tmp_path / "W2.docx"), header_attributes=False)
    assert project.attributes.all("case") == []
