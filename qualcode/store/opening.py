"""Opening a project's storage: check a file before writing to it, connect, upgrade.

What :class:`qualcode.project.Project` does before it has a project: read a file's
schema version without writing to it (telling a non-project, a damaged project and
a failed read apart), find the password of an encrypted file, connect with a clear
message for an unreachable server, turn storage failures into typed errors, and run
the pending schema upgrades.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select

import qualcode
from qualcode.errors import PasswordRequiredError, ProjectDamagedError, ProjectError, QualCodeError
from qualcode.failures import explain
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import migrations, sequences
from qualcode.store import tables as t
from qualcode.store.cipher import SQLITE_MAGIC
from qualcode.store.engine import WRITE, sqlite_connect


def stamp_new(conn: Connection, title: str) -> None:
    """Write a new project's facts: schema version, GUID, title, creation time and version."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        insert(t.project_info),
        [
            {"key": "schema_version", "value": str(migrations.SCHEMA_VERSION)},
            {"key": "project_guid", "value": str(uuid.uuid4())},
            {"key": "title", "value": title},
            {"key": "created_at", "value": now},
            {"key": "created_with", "value": f"QualCode {qualcode.__version__}"},
        ],
    )


def cipher_password(path: Path, password: str | None) -> str | None:
    """The password to open ``path`` with: None for a plain file; for an encrypted one the
    given password, else ``QUALCODE_PASSWORD`` or the keyring's, checked (reads only)."""
    from qualcode.store import cipher

    if not path.is_file() or not cipher.is_encrypted(path):
        return None
    if not password:
        from qualcode.credentials import project_password

        password = project_password(path)
    if not password:
        raise PasswordRequiredError(path=str(path))
    cipher.check_password(path, password)
    return password


def check_file(path: Path, password: str | None = None) -> int:
    """The schema version of the project file at ``path``, read without writing to it.

    Tells apart a file that is not a project, a damaged project and a failure
    to read (a full disk), so none of them is reported as another.
    """
    if not path.is_file():
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    if password is not None:
        from qualcode.store import cipher

        version = cipher.read_version(path, password)
        if version is None:
            raise ProjectError(
                QT_TRANSLATE_NOOP("errors", "{path} is not a QualCode project."), path=str(path)
            )
        return version
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise ProjectError(
                QT_TRANSLATE_NOOP("errors", "{path} is not a QualCode project."), path=str(path)
            )
    try:
        conn = sqlite_connect(path, read_only=True)
        try:
            row = conn.execute(
                "SELECT value FROM project_info WHERE key = 'schema_version'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise explain(exc, path) or ProjectError(
                QT_TRANSLATE_NOOP("errors", "{path} cannot be read: {reason}"),
                path=str(path),
                reason=str(exc),
            ) from exc
        row = None
    except sqlite3.DatabaseError as exc:
        raise ProjectDamagedError(path=str(path), reason=str(exc)) from exc
    if row is None:
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a QualCode project."), path=str(path)
        )
    try:
        found = int(str(row[0]).strip())
    except ValueError:
        found = 0
    if found < 1:
        raise ProjectDamagedError(
            path=str(path), reason=f"schema_version {str(row[0])[:40]!r} is not a version number"
        )
    return found


@contextmanager
def explained(location: str | Path) -> Iterator[None]:
    """Turn a storage failure (full disk, busy or damaged file) into its typed error."""
    try:
        yield
    except QualCodeError:
        raise
    except Exception as exc:
        error = explain(exc, location)
        if error is None:
            raise
        raise error from exc


def connect(engine: Engine, location: str) -> Connection:
    """Connect, turning an unreachable server or a refused login into a clear message."""
    from sqlalchemy.exc import OperationalError

    try:
        return engine.connect()
    except OperationalError as exc:
        if engine.dialect.name == "sqlite":
            raise
        lines = [line.strip() for line in str(exc.orig or exc).splitlines() if line.strip()]
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "Cannot connect to {path}: {reason}"),
            path=location,
            reason=" ".join(lines) or type(exc).__name__,
        ) from exc


def schema_lock(conn: Connection) -> None:
    """On PostgreSQL, hold the schema lock until this transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(sequences.MIGRATION_LOCK)))


def upgrade_in(conn: Connection, found: int) -> None:
    """Upgrade a server database in one transaction (PostgreSQL has transactional DDL)."""
    for version in migrations.pending(found):
        migrations.MIGRATIONS[version](conn)
        migrations.write_version(conn, version)


def upgrade(engine: Engine, found: int) -> None:
    """Upgrade a file step by step, one transaction per schema version."""
    for version in migrations.pending(found):
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            migrations.MIGRATIONS[version](conn)
            migrations.write_version(conn, version)
