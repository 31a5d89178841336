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

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool

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
    # Built, not parsed: a folder named "a#b" or "c?d" stays one path (connections are
    # opened by :func:`_connector` from the path itself, never from this URL).
    return URL.create("sqlite+pysqlite", database=str(Path(target).resolve()))


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
        from qualcode.team_roles import install_denial_translation

        connect_args = {"application_name": "qualcode"}
        password = password_for_connect(url)  # the OS keyring's, kept out of the URL
        if password:
            connect_args["password"] = password
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        install_denial_translation(engine)  # a refused change -> RoleDeniedError
        return engine
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    path = Path(target).resolve()
    module: Any
    if password is None:
        import sqlite3 as module
    else:
        from qualcode.store.cipher import dbapi

        module = dbapi()
    engine = create_engine(
        url,
        module=module,
        creator=_connector(path, read_only=read_only, password=password),
        poolclass=QueuePool,
    )
    _configure_sqlite(engine, read_only=read_only)
    return engine


def _connector(path: Path, *, read_only: bool, password: str | None) -> Any:
    """The ``creator`` of a project engine: opens the file by its plain path."""

    def connect() -> Any:
        if password is not None:
            from qualcode.store.cipher import connect as cipher_connect

            return cipher_connect(path, password, read_only=read_only)
        import sqlite3

        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        return conn

    return connect


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite's own
        # implicit transactions would defer the write lock and skip DDL).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
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
