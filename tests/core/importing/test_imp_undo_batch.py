"""Undo of an import, batch import (folders, failures, progress, cancel)."""

from __future__ import annotations

from pathlib import Path

from qualcode.project import Project
from qualcode.sources import importing
from qualcode.sources.batch import collect_files, import_many
from qualcode.sources.importing import import_file, turns
from support.snapshots import snapshot


def test_undo_removes_source_turns_links_and_new_cases(
    project: Project, interview_file: Path, fgd_file: Path
) -> None:
    import_file(project, interview_file)
    project.cases.create("Bu Sari")
    before = snapshot(project)
    result = import_file(project, fgd_file)
    assert result.cases_created == ["Moderator", "Pak Darto"]
    after = snapshot(project)
    assert len(after["case_link"]) == len(before["case_link"]) + 6
    assert project.undo_label() == "Import source"
    project.undo()
    assert snapshot(project) == before
    assert [c.name for c in project.cases.all()] == ["Bu Sari", "IK-1", "Interviewer"]
    project.redo()
    assert snapshot(project) == after
    source = project.sources.find("FGD1")
    assert [t.speaker for t in turns(project, source.id)].count("Bu Sari") == 2


def test_delete_source_removes_its_turns(project: Project, fgd_file: Path) -> None:
    source = import_file(project, fgd_file).source
    project.sources.delete(source.id)
    assert project.cases.links() == []
    assert len(project.cases.all()) == 3  # cases stay: they may appear in other sources


def _folder(tmp_path: Path, builders, lines) -> Path:
    root = tmp_path / "data"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    builders[".txt"](root / "a_first.txt", lines)
    bad = root / "b_broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    builders[".docx"](root / "sub" / "c_third.docx", ["P: Apa?", "I: Ya, begitu."])
    builders[".md"](root / "d_fourth.md", ["Pewawancara: Kenapa?", "Narasumber: Karena."])
    (root / "notes.xyz").write_text("ignored: unsupported extension")
    (root / ".hidden" / "e.txt").write_text("P: no\nI: hidden")
    (root / "~$lock.docx").write_bytes(b"owner")
    return root


def test_collect_files_is_recursive_and_keeps_supported_only(
    tmp_path: Path, builders, lines
) -> None:
    root = _folder(tmp_path, builders, lines)
    names = [p.relative_to(root).as_posix() for p in collect_files([root])]
    assert names == ["a_first.txt", "b_broken.docx", "d_fourth.md", "sub/c_third.docx"]


def test_batch_with_a_bad_file_in_the_middle(
    project: Project, tmp_path: Path, builders, lines
) -> None:
    root = _folder(tmp_path, builders, lines)
    calls: list[tuple[int, int, str]] = []
    batch = import_many(project, [root], progress=lambda *a: calls.append(a))
    assert [r.status for r in batch.results] == ["imported", "failed", "imported", "imported"]
    failed = batch.failed[0]
    assert failed.file == "b_broken.docx" and "b_broken.docx" in failed.error
    assert not batch.cancelled
    assert sorted(s.name for s in project.sources.all()) == ["a_first", "c_third", "d_fourth"]
    assert calls == [
        (0, 4, "a_first.txt"), (1, 4, "b_broken.docx"), (2, 4, "d_fourth.md"),
        (3, 4, "c_third.docx"), (4, 4, ""),
    ]  # fmt: skip
    # Each file is its own undo step.
    project.undo()
    assert sorted(s.name for s in project.sources.all()) == ["a_first", "d_fourth"]


def test_cancel_stops_between_files(project: Project, tmp_path: Path, builders, lines) -> None:
    root = _folder(tmp_path, builders, lines)
    seen: list[str] = []
    batch = import_many(
        project,
        [root],
        progress=lambda done, total, name: seen.append(name),
        cancel=lambda: len(seen) >= 2,
    )
    assert batch.cancelled
    assert [r.file for r in batch.results] == ["a_first.txt", "b_broken.docx"]
    assert batch.not_started == ["d_fourth.md", ["sub", "c_third.docx"][-1]]
    assert [s.name for s in project.sources.all()] == ["a_first"]


def test_batch_passes_options_and_reports_duplicates(
    project: Project, interview_file: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(interview_file.read_bytes())
    batch = importing.import_many(project, [interview_file, copy], kind="other")
    assert [r.status for r in batch.results] == ["imported", "skipped"]
    assert batch.imported[0].source.kind == "other"
    assert batch.skipped[0].duplicate_of == "W1_Kasi"
