"""``data_dir``: the override, then the installed copy, then the checkout's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode import resources
from qualcode.app.demo import SAMPLE_DIR
from qualcode.codebooks.files import codebooks_dir
from qualcode.resources import CODEBOOKS_DIR_ENV, DataFolderMissing, data_dir

ROOT = Path(__file__).resolve().parents[3]


def test_checkout_uses_the_top_level_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CODEBOOKS_DIR_ENV, raising=False)
    assert data_dir("codebooks") == ROOT / "codebooks" == codebooks_dir()
    assert SAMPLE_DIR == ROOT / "sample_transcripts"


def test_installed_copy_wins_over_the_folder_beside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "qualcode"
    (package / "data" / "codebooks").mkdir(parents=True)
    (tmp_path / "site-packages" / "codebooks").mkdir()
    monkeypatch.setattr(resources, "package_root", lambda: package)
    monkeypatch.delenv(CODEBOOKS_DIR_ENV, raising=False)
    assert data_dir("codebooks") == package / "data" / "codebooks"
    # Not installed: the checkout layout, beside the package.
    assert data_dir("sample_transcripts") == tmp_path / "site-packages" / "sample_transcripts"


def test_override_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CODEBOOKS_DIR_ENV, str(tmp_path))
    assert data_dir("codebooks") == tmp_path


def test_unknown_folder() -> None:
    with pytest.raises(DataFolderMissing):
        data_dir("secrets")
