"""Folder names with URI-special and non-ASCII characters work on every entry point.

A ``#`` or ``?`` in a folder name once made SQLite open a different file
(``Skripsi `` or ``q``): every path must reach SQLite as a plain path or an
escaped URI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qualcode.cli.main import cli
from qualcode.lock import ProjectLock, read_owner
from qualcode.project import Project
from qualcode.store import backup

FOLDERS = [
    "Skripsi #2",
    "q?r",
    "100% selesai",
    "dua  spasi ",
    "Wawancara Kepala Desa – Bapak Sutrisno",
    "Penelitian 😀 emoji",
    "a%20b#c?d=e&f",
]


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def only_expected_files(root: Path, folder: Path) -> None:
    """Nothing was created beside the folder (a truncated name such as ``Skripsi ``)."""
    assert [p.name for p in root.iterdir()] == [folder.name]


@pytest.mark.parametrize("name", FOLDERS)
def test_new_then_every_command_opens_it(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    project = folder / "baru.qdaproj"
    assert "Created" in run("new", str(project)).output
    assert project.is_file() and project.stat().st_size > 0
    only_expected_files(tmp_path, folder)

    transcript = tmp_path / "w.txt"
    transcript.write_text("Pelayanan publik di desa sangat lambat.\n", encoding="utf-8")
    run("source", "add", str(project), str(transcript))
    transcript.unlink()
    run("code", "add", str(project), "Pelayanan")
    assert "Pelayanan" in run("code", "list", str(project)).output
    assert "sources" in run("info", str(project)).output.lower()
    assert "lambat" in run("search", str(project), "lambat").output
    run("words", str(project))
    run("history", str(project))
    run("export", "excerpts", str(project), str(folder / "ekspor #1.xlsx"))
    run("refi", "export", str(project), str(folder / "proyek ?.qdpx"))
    copy = folder / "salinan %.qdaproj"
    run("refi", "import", str(folder / "proyek ?.qdpx"), str(copy))
    assert "lambat" in run("search", str(copy), "lambat").output
    run("undo", str(project))
    only_expected_files(tmp_path, folder)


@pytest.mark.parametrize("name", ["Skripsi #2", "q?r", "Penelitian 😀 emoji"])
def test_demo_in_odd_folder(tmp_path: Path, name: str) -> None:
    project = tmp_path / name / "s.qdaproj"
    assert "Built" in run("demo", str(project)).output
    info = run("info", str(project)).output
    assert "is not a QualCode project" not in info
    run("display", str(project), "coverage")
    run("agreement", str(project), "--coders", "peneliti,pembimbing")
    only_expected_files(tmp_path, project.parent)


@pytest.mark.parametrize("name", FOLDERS)
def test_open_backup_lock_read_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name / "p.qdaproj"
    Project.create(path, coder="ana").close()
    with Project.open(path, coder="ana") as project:  # makes a rolling backup
        project.codes.create("A")
        with Project.open(path, read_only=True) as reader:
            assert [c.name for c in reader.codes.all()] == ["A"]
    copies = backup.list_backups(path)
    assert copies and all(p.stat().st_size > 0 for p in copies)
    made = backup.make_backup(path, reason="manual")
    with Project.open(made, read_only=True) as old:
        assert old.info().codes == 1
    lock = ProjectLock(path, "budi")
    lock.acquire()
    try:
        owner = read_owner(path)
        assert owner is not None and owner.user == "budi"
    finally:
        lock.release()
    only_expected_files(tmp_path, path.parent)
