"""Schema versions and the migrations between them.

A new project gets the current schema from the models and is stamped with
:data:`SCHEMA_VERSION`. An older project is upgraded one version at a time,
each step in its own transaction, after a backup copy was made. A project from
a newer QualCode is refused before anything touches it.

Rules for a new migration: bump :data:`SCHEMA_VERSION`, register a function for
the new number that writes its DDL explicitly (never from the current models,
which keep changing), and add a project made by the previous version under
``tests/data/projects/`` so the tests open it.

A version that several areas change at once is assembled from *steps*: each
area writes its own module in :mod:`qualcode.store.schema_steps` with a function
decorated ``@step(VERSION, "name")``; the migration to that version runs its
steps in name order inside the version's one transaction. Areas then never
edit each other's DDL, and ``tests/core/store/test_schema_upgrade.py`` checks
that an upgraded project has exactly the tables, columns and indexes of a new
one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from sqlalchemy import Connection, inspect, text

SCHEMA_VERSION = 2
"""The schema this version of QualCode writes."""

Migration = Callable[[Connection], None]
MIGRATIONS: dict[int, Migration] = {}
"""Upgrade functions keyed by the version they upgrade *to*."""

STEPS: dict[int, dict[str, Migration]] = {}
"""Named DDL steps of a version assembled from several areas (see :func:`step`)."""


def migration(version: int) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the upgrade from ``version - 1`` to ``version``."""

    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise RuntimeError(f"two migrations to schema {version}")
        MIGRATIONS[version] = fn
        return fn

    return register


def step(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the step ``name`` of the upgrade to ``version``."""

    def register(fn: Migration) -> Migration:
        steps = STEPS.setdefault(version, {})
        if name in steps:
            raise RuntimeError(f"two steps named {name!r} in the migration to schema {version}")
        steps[name] = fn
        if version not in MIGRATIONS:
            MIGRATIONS[version] = lambda conn: _run_steps(version, conn)
        return fn

    return register


def _run_steps(version: int, conn: Connection) -> None:
    for name in sorted(STEPS.get(version, {})):
        STEPS[version][name](conn)


@migration(2)
def _to_v2(conn: Connection) -> None:
    """Schema 2: the steps of every area that changed in this release."""
    _run_steps(2, conn)


def _load_steps() -> None:
    """Import every module of :mod:`qualcode.store.schema_steps` so its steps register."""
    from qualcode.store import schema_steps

    for info in pkgutil.iter_modules(schema_steps.__path__):
        importlib.import_module(f"{schema_steps.__name__}.{info.name}")


def read_version(conn: Connection) -> int | None:
    """The schema version stored in a project, or None if it is not a QualCode project."""
    # A failed statement aborts a PostgreSQL transaction: look before reading there.
    if conn.dialect.name != "sqlite" and not inspect(conn).has_table("project_info"):
        return None
    try:
        row = conn.execute(
            text("SELECT value FROM project_info WHERE key = 'schema_version'")
        ).first()
    except Exception:
        return None
    if row is None:
        return None
    try:
        return int(row[0])
    except ValueError:
        return None


def write_version(conn: Connection, version: int) -> None:
    """Stamp the project with ``version``."""
    conn.execute(
        text("UPDATE project_info SET value = :v WHERE key = 'schema_version'"),
        {"v": str(version)},
    )


def pending(found: int, target: int | None = None) -> list[int]:
    """The migration numbers to run to go from ``found`` to ``target`` (default: current)."""
    target = SCHEMA_VERSION if target is None else target
    _load_steps()
    missing = [v for v in range(found + 1, target + 1) if v not in MIGRATIONS]
    if missing:
        raise RuntimeError(f"no migration registered to schema {missing[0]}")
    return list(range(found + 1, target + 1))
