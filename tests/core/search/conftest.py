"""The sample study, built and indexed once per test session; tests that change it copy it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.project import Project


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample study with its search index built (closed, so the file is complete)."""
    from qualcode.app.demo import build_demo
    from qualcode.search.index import open_index

    path = tmp_path_factory.mktemp("sample") / "s.qdaproj"
    build_demo(path, coder="peneliti")
    with Project.open(path, coder="peneliti", backups=False) as p:
        open_index(p)
    return path


@pytest.fixture
def sample(sample_file: Path, tmp_path: Path) -> Iterator[Project]:
    """A private writable copy of the indexed sample study."""
    target = tmp_path / "copy.qdaproj"
    shutil.copy(sample_file, target)
    p = Project.open(target, coder="peneliti", backups=False)
    try:
        yield p
    finally:
        p.close()


@pytest.fixture(scope="module")
def shared(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """One writable copy per test module, for tests that only read."""
    target = tmp_path_factory.mktemp("shared") / "s.qdaproj"
    shutil.copy(sample_file, target)
    p = Project.open(target, coder="peneliti", backups=False)
    try:
        yield p
    finally:
        p.close()
