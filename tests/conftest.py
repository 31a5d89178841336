"""Fixtures shared by every test: an isolated settings folder and fresh projects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.project import Project


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's settings."""
    monkeypatch.setenv("QUALCODE_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("QUALCODE_CODER", raising=False)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """Where a test's project file goes."""
    return tmp_path / "study.qdaproj"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """A fresh, empty project opened for writing by coder "ana"."""
    p = Project.create(project_path, coder="ana")
    try:
        yield p
    finally:
        p.close()
