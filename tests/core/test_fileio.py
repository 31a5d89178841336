"""Atomic output: all or nothing, with the permissions of a normally created file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from qualcode.errors import ExportFailedError
from qualcode.fileio import atomic_output


def test_written_file_has_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "out.txt") as tmp:
            tmp.write_text("isi")
    finally:
        os.umask(old)
    target = tmp_path / "out.txt"
    assert target.read_text() == "isi"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("lama")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_text("setengah")
        raise RuntimeError("cancelled")
    assert target.read_text() == "lama"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with (
        pytest.raises(ExportFailedError, match="folder does not exist"),
        atomic_output(tmp_path / "nope" / "out.txt"),
    ):
        pass
