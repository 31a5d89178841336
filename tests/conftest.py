"""Fixtures shared by every test: an isolated settings folder and fresh projects.

``project`` runs each test twice: on a project file (SQLite) and on a fresh database
of a throwaway PostgreSQL server (``tests/support/pg.py``). Without PostgreSQL
binaries the PostgreSQL runs are skipped, except under ``CI=true`` where they fail.
Tests that need a file (locks, backups, kill -9) use ``project_path``/``file_project``.
"""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def sample_study_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample study built by ``qualcode demo``, once per test process (read it,
    or copy it before writing)."""
    from support.sample_reference import sample_project_path

    return sample_project_path(tmp_path_factory)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """Where a test's project file goes."""
    return tmp_path / "study.qdaproj"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One PostgreSQL server for the whole session (or ``PG_TEST_URL``'s)."""
    from support.pg import start_server

    try:
        server = start_server()
    except LookupError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is required on CI: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: object) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    url = pg_server.new_database()  # type: ignore[attr-defined]
    try:
        yield url
    finally:
        pg_server.drop_database(url)  # type: ignore[attr-defined]


@pytest.fixture
def file_project(project_path: Path) -> Iterator[Project]:
    """A fresh project file opened for writing by coder "ana" (SQLite only)."""
    p = Project.create(project_path, coder="ana")
    try:
        yield p
    finally:
        p.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def project(request: pytest.FixtureRequest, project_path: Path) -> Iterator[Project]:
    """A fresh, empty project opened for writing by coder "ana", on each engine."""
    target: str | Path = project_path
    if request.param == "postgresql":
        server = request.getfixturevalue("pg_server")
        target = server.schema_database()
        request.addfinalizer(lambda: server.drop_database(str(target)))
    p = Project.create(target, coder="ana")
    try:
        yield p
    finally:
        p.close()
