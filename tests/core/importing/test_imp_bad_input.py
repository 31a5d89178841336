"""Bad input leaves the project exactly as it was, with a clear message naming the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from qualcode.errors import ImportFailedError, ValidationError
from qualcode.project import Project
from qualcode.sources import importing
from qualcode.sources.importing import import_file
from support.snapshots import snapshot


def _docx_bytes(tmp_path: Path, builders) -> bytes:
    return builders[".docx"](tmp_path / "ok.docx", ["P: Apa?", "I: Ya."]).read_bytes()


def _corrupt_docx(tmp_path: Path, builders) -> Path:
    path = tmp_path / "rusak.docx"
    data = _docx_bytes(tmp_path, builders)
    path.write_bytes(data[: len(data) // 2])
    return path


def _zip_not_docx(tmp_path: Path, builders) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foto/catatan.txt", "bukan dokumen word")
    path = tmp_path / "arsip.docx"
    path.write_bytes(buffer.getvalue())
    return path


def _huge(tmp_path: Path, builders) -> Path:
    path = tmp_path / "besar.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing written
    return path


def _binary_txt(tmp_path: Path, builders) -> Path:
    path = tmp_path / "foto.txt"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _empty(tmp_path: Path, builders) -> Path:
    path = tmp_path / "kosong.txt"
    path.write_bytes(b"")
    return path


def _old_word(tmp_path: Path, builders) -> Path:
    path = tmp_path / "lama.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_corrupt_docx, r"rusak\.docx"),
        (_zip_not_docx, r"arsip\.docx.*not a Word document"),
        (_huge, r"besar\.txt.*200\.0 MB.*limit is 100\.0 MB"),
        (_binary_txt, r"foto\.txt.*not text"),
        (_empty, r"kosong\.txt.*empty"),
        (_old_word, r"lama\.doc.*\.docx first"),
    ],
)
def test_bad_file_is_refused_and_project_unchanged(
    project: Project, interview_file: Path, tmp_path: Path, builders, make, message: str
) -> None:
    import_file(project, interview_file)
    before = snapshot(project)
    path = make(tmp_path, builders)
    with pytest.raises(ImportFailedError, match=message):
        import_file(project, path)
    assert snapshot(project) == before
    assert project.undo_label() == "Import source"


def test_duplicate_is_skipped_with_warning_or_refused(
    project: Project, interview_file: Path, tmp_path: Path
) -> None:
    first = import_file(project, interview_file)
    before = snapshot(project)
    copy = tmp_path / "salinan.txt"
    copy.write_bytes(interview_file.read_bytes())
    skipped = import_file(project, copy)
    assert skipped.status == "skipped" and skipped.duplicate_of == "W1_Kasi"
    assert skipped.source == first.source
    assert "salinan.txt is already in the project as 'W1_Kasi'" in skipped.warnings[0]
    assert snapshot(project) == before
    with pytest.raises(ImportFailedError, match="already in the project"):
        import_file(project, copy, on_duplicate="error")
    assert snapshot(project) == before
    again = import_file(project, copy, on_duplicate="import")
    assert again.status == "imported" and again.source.name == "salinan"
    # A name clash with a different file gets a numbered name instead of failing.
    clash = tmp_path / "sub"
    clash.mkdir()
    other = clash / "W1_Kasi.txt"
    other.write_text("P: Lain?\nI: Lain.\n")
    assert import_file(project, other).source.name == "W1_Kasi (2)"
    # A name the caller gives must be free: a clear error, nothing written.
    third = clash / "lain.txt"
    third.write_text("P: Lagi?\nI: Lagi.\n")
    before = snapshot(project)
    with pytest.raises(ValidationError, match="already exists"):
        import_file(project, third, name="W1_Kasi")
    assert snapshot(project) == before


def test_bad_kind_is_refused_before_anything(project: Project, interview_file: Path) -> None:
    before = snapshot(project)
    with pytest.raises(ValidationError, match="Source kind"):
        import_file(project, interview_file, kind="survey")
    assert snapshot(project) == before


def test_failure_inside_the_operation_rolls_everything_back(
    project: Project, interview_file: Path, fgd_file: Path, monkeypatch
) -> None:
    import_file(project, interview_file)
    before = snapshot(project)
    calls = []

    def broken(project, op, plan, created):
        calls.append(plan.case)
        if len(calls) == 2:
            raise ValidationError("boom")
        return real(project, op, plan, created)

    real = importing._case
    monkeypatch.setattr(importing, "_case", broken)
    with pytest.raises(ValidationError, match="boom"):
        import_file(project, fgd_file)
    assert snapshot(project) == before
