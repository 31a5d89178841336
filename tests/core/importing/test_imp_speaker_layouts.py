"""Speaker-turn layouts of real Indonesian transcripts, built as Word files with python-docx.

Each layout is generated from one script of an interview (questions, answers
of several paragraphs) so every test checks the same facts: the right turns,
speakers in order, continuation paragraphs with the last speaker, the
header (also as a metadata table) on the informant's case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.sources.extract import extract_file
from qualcode.sources.importing import import_file, turns
from qualcode.sources.turns import detect_turns
from support.transcript_layouts import (
    ANSWER_TEXT,
    LAYOUTS,
    ONE_SPEAKER,
    SCRIPT,
    bold,
    bold_label_paragraphs,
    save,
)


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
        bold(document.add_paragraph(), text)
        document.add_paragraph("Pelayanan berjalan lambat karena antrean panjang.")
    x = extract_file(save(document, tmp_path / "notes.docx"))
    assert detect_turns(x.text, x.blocks) == []


def test_no_turns_in_an_interview_is_reported(project: Project, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Informan: Ibu R. (IK-9)")
    document.add_paragraph("Jabatan: Staf")
    for _, paragraphs in SCRIPT:
        for text in paragraphs:
            document.add_paragraph(text)
    result = import_file(project, save(document, tmp_path / "W9.docx"))
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


@pytest.mark.parametrize(
    ("label", "case"),
    [("Informan 3", "Informan 3"), ("IK-1", "IK-1"), ("Informan", "wawancara_dinas"),
     ("Narasumber", "wawancara_dinas"), ("Bu Rina", "Bu Rina")],
)  # fmt: skip
def test_a_numbered_informant_label_names_the_case_a_bare_role_word_does_not(
    project: Project, tmp_path: Path, label: str, case: str
) -> None:
    path = tmp_path / "wawancara_dinas.txt"
    path.write_text(
        f"Pewawancara: Bagaimana pelaksanaan program smart city?\n"
        f"{label}: Sudah berjalan sejak 2021, tetapi SDM masih kurang.\n"
        f"Pewawancara: Apa kendala utamanya?\n"
        f"{label}: Anggaran terbatas.\n",
        encoding="utf-8",
    )
    result = import_file(project, path)
    assert result.speakers == {"Pewawancara": "Interviewer", label: case}
