"""Engines for project databases: a SQLite file (the default) or a server URL.

SQLite is configured for durability first (nothing coded is ever lost): WAL
journal with ``synchronous=FULL`` so a committed operation survives a power
cut, foreign keys on, and write transactions that take the write lock up front
(``BEGIN IMMEDIATE``) so two processes never deadlock on a lock upgrade.

PostgreSQL (``postgresql+psycopg://user@host/db``) uses the server's defaults
(READ COMMITTED; unique indexes and row locks arbitrate between clients). A URL
without a password lets libpq find it in ``~/.pgpass`` or ``PGPASSWORD``; a
password never leaves this module (:func:`public_location` strips it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_S = 10.0
"""How long SQLite waits for another process's write before the project is reported busy."""

LOCK_TIMEOUT_S = 15.0
"""How long a team server session waits for a lock before the server is reported busy."""
STATEMENT_TIMEOUT_S = 600.0
"""The longest one statement may run on a team server (a push of a big project included)."""

WRITE = {"qualcode_write": True}
"""Execution options for a connection that will write (``BEGIN IMMEDIATE`` on SQLite)."""


def is_url(target: str | Path) -> bool:
    """True if ``target`` names a database server rather than a project file."""
    return isinstance(target, str) and "://" in target


def project_url(target: str | Path, *, read_only: bool = False) -> URL:
    """The SQLAlchemy URL for a project file path or a database URL."""
    if is_url(target):
        url = make_url(str(target))
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")  # the driver QualCode ships with
        return url
    return make_url("sqlite+pysqlite://")  # the file is opened by sqlite_connect, never parsed


def sqlite_uri(path: Path, *, mode: str = "ro") -> str:
    """A ``file:`` URI for ``path`` with every special character (``#``, ``?``, ``%``) escaped.

    The one place a path becomes a SQLite URI: an unescaped ``#`` or ``?`` in a
    folder name would silently open (or create) a different file.
    """
    return f"file:{quote(path.resolve().as_posix(), safe='/')}?mode={mode}"


def sqlite_connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open the project file at ``path`` itself: read-only through an escaped URI.

    A connection waits :data:`BUSY_TIMEOUT_S` for another process's write to end.
    """
    timeout = BUSY_TIMEOUT_S
    if read_only:
        return sqlite3.connect(sqlite_uri(path), uri=True, timeout=timeout, check_same_thread=False)
    return sqlite3.connect(path.resolve(), timeout=timeout, check_same_thread=False)


def public_location(target: str | Path) -> str:
    """How a project is named to users and in settings: a URL loses its password."""
    if not is_url(target):
        return str(target)
    url = make_url(str(target))
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query={k: v for k, v in url.query.items() if k != "password"},
    )
    return bare.render_as_string(hide_password=False)


def is_postgresql(conn_or_engine: Any) -> bool:
    """True for a PostgreSQL connection or engine."""
    return bool(conn_or_engine.dialect.name == "postgresql")


def make_engine(
    target: str | Path, *, read_only: bool = False, password: str | None = None
) -> Engine:
    """Create an engine for a project with the pragmas and transaction rules above.

    A project file with a ``password`` is an encrypted (SQLCipher) file; see
    :mod:`qualcode.store.cipher`.
    """
    url = project_url(target, read_only=read_only)
    if url.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            from qualcode.errors import ProjectError
            from qualcode.i18n import QT_TRANSLATE_NOOP

            raise ProjectError(
                QT_TRANSLATE_NOOP(
                    "errors", "PostgreSQL projects need the psycopg package (pip install psycopg)."
                )
            ) from None
        from qualcode.credentials import password_for_connect
        from qualcode.store.server import install_denial_translation

        # A member holding a lock (or a runaway query) must not freeze everyone: waits
        # end with SQLSTATE 55P03/57014, which qualcode.failures calls "the server is busy".
        connect_args = {
            "application_name": "qualcode",
            "options": f"-c lock_timeout={int(LOCK_TIMEOUT_S * 1000)} "
            f"-c statement_timeout={int(STATEMENT_TIMEOUT_S * 1000)}",
        }
        password = password_for_connect(url)  # the OS keyring's, kept out of the URL
        if password:
            connect_args["password"] = password
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        install_denial_translation(engine)  # a refused change -> RoleDeniedError
        return engine
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    path = Path(target).resolve()
    if password is not None:  # an encrypted project: SQLCipher keyed before anything else
        from qualcode.store.cipher import connect as cipher_connect
        from qualcode.store.cipher import dbapi

        engine = create_engine(
            url,
            module=dbapi(),  # its errors are the dialect's errors (IntegrityError...)
            creator=lambda: cipher_connect(
                path, password, read_only=read_only, timeout=BUSY_TIMEOUT_S
            ),
            poolclass=QueuePool,
        )
        _configure_sqlite(engine, read_only=read_only)
        return engine
    # A creator opens the plain path: no URL parsing can misread a folder name.
    engine = create_engine(
        url,
        creator=lambda: sqlite_connect(path, read_only=read_only),
        poolclass=QueuePool,  # a file, not the in-memory database the bare URL names
    )
    _configure_sqlite(engine, read_only=read_only)
    return engine


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite's own
        # implicit transactions would defer the write lock and skip DDL).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        # A larger page cache keeps the coding indexes of big projects in memory.
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA temp_store=MEMORY")
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            # Checkpoint every 16 MB of WAL rather than 4 MB: coding stays smooth,
            # and closing the project checkpoints everything back into the file.
            cur.execute("PRAGMA wal_autocheckpoint=4000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("qualcode_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def checkpoint(engine: Engine) -> None:
    """Fold the WAL back into the project file, so a copied file is complete."""
    if engine.url.get_backend_name() != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
