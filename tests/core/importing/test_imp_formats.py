"""Every supported format imported into a project: source, text, original, turns, cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.sources.importing import import_file, turns

FORMATS = [".docx", ".odt", ".pdf", ".rtf", ".html", ".srt", ".vtt", ".txt", ".md"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_each_format_becomes_a_source_with_turns(
    project: Project, tmp_path: Path, builders, lines, suffix: str
) -> None:
    path = builders[suffix](tmp_path / f"wawancara{suffix}", lines)
    result = import_file(project, path)
    assert result.status == "imported"
    source = result.source
    assert source is not None and source.name == "wawancara"
    assert source.original_name == path.name
    assert project.sources.original(source.id) == path.read_bytes()
    text = project.sources.text(source.id)
    assert "Anggaran kurang, koordinasi antar OPD juga lemah." in text
    assert source.meta["format"] == suffix[1:]
    found = turns(project, source.id)
    assert [t.speaker for t in found] == ["P", "I", "P", "I"]
    assert result.turns == 4
    # Subtitles carry no header: the informant case is then named after the source.
    informant = "wawancara" if suffix in (".srt", ".vtt") else "IK-1"
    assert {t.case for t in found} == {"Interviewer", informant}
    assert [t.role for t in found] == ["interviewer", "participant"] * 2
    assert text[found[-1].start : found[-1].end].endswith(
        "I: Anggaran kurang, koordinasi antar OPD juga lemah."
    )
    assert source.kind == "interview"
    assert source.meta["interviewer_speakers"] == ["P"]
    assert source.meta["speakers"] == {"P": "Interviewer", "I": informant}


def test_header_fields_date_language_and_meta(project: Project, interview_file: Path) -> None:
    result = import_file(project, interview_file)
    source = result.source
    assert source is not None
    assert result.header["informant_code"] == "IK-1"
    assert result.header["place"] == "Kantor Diskominfo Kukar"
    assert source.meta["header.position"] == "Kasi Pengembangan Ekosistem E-Government"
    assert source.date_collected.isoformat() == "2019-05-27"
    assert source.language == "id"
    assert source.meta["encoding"] == "utf-8"
    assert result.cases_created == ["Interviewer", "IK-1"]
    informant = project.cases.find("IK-1")
    assert informant.kind == "informant"
    assert project.cases.find("Interviewer").kind == "other"
    assert len(project.cases.links(case_id=informant.id)) == 2


def test_given_kind_name_language_and_date_win(project: Project, interview_file: Path) -> None:
    import datetime as dt

    source = import_file(
        project, interview_file, kind="other", name="Wawancara  satu", language="en",
        date_collected=dt.date(2020, 1, 2),
    ).source  # fmt: skip
    assert source is not None
    assert (source.kind, source.name, source.language) == ("other", "Wawancara satu", "en")
    assert source.date_collected == dt.date(2020, 1, 2)


def test_focus_group_gives_one_case_per_participant(project: Project, fgd_file: Path) -> None:
    result = import_file(project, fgd_file)
    source = result.source
    assert source is not None and source.kind == "focus-group"
    assert result.cases_created == ["Moderator", "Pak Darto", "Bu Sari"]
    found = turns(project, source.id)
    assert [(t.speaker, t.case) for t in found][:3] == [
        ("Moderator", "Moderator"), ("Pak Darto", "Pak Darto"), ("Bu Sari", "Bu Sari"),
    ]  # fmt: skip
    assert sum(t.case == "Pak Darto" for t in found) == 2
    assert source.meta["interviewer_speakers"] == ["Moderator"]


def test_existing_cases_are_linked_not_duplicated(project: Project, fgd_file: Path) -> None:
    darto = project.cases.create("pak darto").result
    assert darto is not None
    result = import_file(project, fgd_file)
    assert "Pak Darto" not in result.cases_created
    assert len(project.cases.links(case_id=darto.id)) == 2
    assert len(project.cases.all()) == 3


def test_speaker_map_links_only_mapped_labels(project: Project, fgd_file: Path) -> None:
    result = import_file(project, fgd_file, speakers={"Moderator": "moderator", "Pak Darto": "F1"})
    assert result.speakers == {"Moderator": "Moderator", "Pak Darto": "F1"}
    assert any("Bu Sari" in w for w in result.warnings)
    assert result.turns == 4
    assert result.cases_created == ["Moderator", "F1"]


def test_kind_guess_rules(project: Project, tmp_path: Path) -> None:
    notes = tmp_path / "O1.txt"
    notes.write_text("CATATAN LAPANGAN\nD: Ruang sepi.\nKP: Perlu dicek.\nD: Hujan.\nKP: Ok.\n")
    doc = tmp_path / "D1.txt"
    doc.write_text("PERATURAN BUPATI\nPasal 1: Dalam peraturan ini yang dimaksud dengan.\n")
    written = tmp_path / "W8.txt"
    written.write_text("Informan: YP (I8)\nJabatan: Kasi Data\n\nJawaban tertulis tanpa giliran.\n")
    o = import_file(project, notes)
    d = import_file(project, doc)
    w = import_file(project, written)
    assert (o.source.kind, o.turns) == ("observation", 0)
    assert (d.source.kind, d.turns) == ("document", 0)
    assert w.source.kind == "interview" and w.turns == 0
    # A header-named informant without turns is linked to the whole source.
    (link,) = project.cases.links(source_id=w.source.id)
    assert (project.cases.get(link.case_id).name, link.start, link.end) == ("I8", None, None)


def test_no_turn_detection_or_linking_when_asked(project: Project, interview_file: Path) -> None:
    result = import_file(project, interview_file, detect_turns=False, kind="interview")
    assert result.turns == 0 and result.speakers == {}
    # Without turns, the header's informant is linked to the whole source.
    (link,) = project.cases.links()
    assert (project.cases.get(link.case_id).name, link.start, link.speaker) == ("IK-1", None, None)
    other = interview_file.with_name("copy.txt")
    other.write_text(interview_file.read_text() + "\nP: Terima kasih.\n")
    unlinked = import_file(project, other, link_speakers=False)
    assert unlinked.turns == 0 and unlinked.speakers == {} and unlinked.cases_created == []
    assert turns(project, unlinked.source.id) == []
    assert len(project.cases.links()) == 1


def test_forced_encoding_re_reads_plain_text(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "W6.txt"
    data = "Pewawancara: Café?\r\nNarasumber: André bilang ya.\r\n".encode("cp1252")
    path.write_bytes(data)
    source = import_file(project, path, encoding="windows-1252").source
    assert source is not None
    assert "André" in project.sources.text(source.id)
    assert project.sources.original(source.id) == data
    assert source.meta["encoding"] == "cp1252"
