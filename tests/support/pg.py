"""A throwaway PostgreSQL server for the tests: one per test session, one database per test.

``PG_TEST_URL`` (a superuser URL such as ``postgresql+psycopg://me@127.0.0.1:5432/postgres``)
points the tests at a running server instead. Otherwise the server is made with ``initdb``
into a temporary folder and started with ``pg_ctl`` on 127.0.0.1 and a free port, with
``fsync=off`` (a test server need not survive a power cut). ``initdb`` refuses to run as
root, so as root the server runs as the ``postgres`` user (or ``PG_TEST_OS_USER``).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

SUPERUSER = "qctest"


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest Debian version first."""
    candidates: list[Path] = []
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).resolve().parent)
    candidates.append(Path("/usr/local/bin"))
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += [Path(p) for p in versions]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """A PostgreSQL server the tests may create and drop databases on.

    CREATE DATABASE costs about half a second, so a worker thread keeps a few
    databases ready (copied from a template holding QualCode's empty schema) and
    drops used ones in the background: a test then waits for none of it.
    """

    SPARE = 2

    def __init__(
        self,
        admin_url: URL,
        data_dir: Path | None = None,
        bindir: Path | None = None,
        os_user: str | None = None,
    ) -> None:
        self.admin_url = admin_url
        self.data_dir = data_dir
        self.bindir = bindir
        self.os_user = os_user
        self._counter = itertools.count()
        self._prefix = f"qc_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._template: str | None = None
        self._ready: queue.Queue[str] = queue.Queue()
        self._jobs: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def _exec(self, sql: str) -> None:
        with self._engine.connect() as conn:
            conn.exec_driver_sql(sql)

    def _name(self) -> str:
        return f"{self._prefix}_{next(self._counter)}"

    def url_of(self, name: str) -> str:
        """The URL of database ``name`` on this server, as a string."""
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def new_database(self) -> str:
        """Create an empty database and return its URL as a string."""
        name = self._name()
        self._exec(f'CREATE DATABASE "{name}"')
        return self.url_of(name)

    def schema_database(self) -> str:
        """A fresh database holding QualCode's empty schema (no project stamped yet)."""
        if self._template is None:
            from qualcode.store.models import Base

            self._template = self._name()
            self._exec(f'CREATE DATABASE "{self._template}"')
            engine = create_engine(self.url_of(self._template), poolclass=NullPool)
            try:
                Base.metadata.create_all(engine)
            finally:
                engine.dispose()
            self._worker = threading.Thread(target=self._work, daemon=True)
            self._worker.start()
            for _ in range(self.SPARE):
                self._jobs.put(("create", ""))
        self._jobs.put(("create", ""))
        return self.url_of(self._ready.get(timeout=120))

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            kind, name = job
            try:
                if kind == "create":
                    name = self._name()
                    self._exec(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
                    self._ready.put(name)
                else:
                    self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception:  # a failed drop leaves a database on a throwaway server
                if kind == "create":
                    raise

    def drop_database(self, url: str) -> None:
        """Drop a database made here (in the background), disconnecting any client left."""
        name = make_url(url).database or ""
        if self._worker is not None:
            self._jobs.put(("drop", name))
        else:
            self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Drop what is left and stop a server this module started."""
        if self._worker is not None:
            self._jobs.put(None)
            self._worker.join(timeout=60)
            while not self._ready.empty():
                self._exec(f'DROP DATABASE IF EXISTS "{self._ready.get()}" WITH (FORCE)')
            if self._template:
                self._exec(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._engine.dispose()
        if self.data_dir is None or self.bindir is None:
            return
        _run(
            [str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "immediate"],
            self.os_user,
            check=False,
        )
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def _run(cmd: list[str], os_user: str | None, *, check: bool = True) -> None:
    if os_user:
        cmd = ["runuser", "-u", os_user, "--", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")


def start_server() -> PgServer:
    """Start a fresh server (or use ``PG_TEST_URL``); raises LookupError without binaries."""
    env_url = os.environ.get("PG_TEST_URL")
    if env_url:
        return PgServer(admin_url=make_url(env_url))
    bindir = find_binaries()
    if bindir is None:
        raise LookupError(
            "no PostgreSQL server binaries (initdb, pg_ctl) found on PATH, in /usr/local/bin "
            "or /usr/lib/postgresql/*/bin; install Debian's 'postgresql' package or set "
            "PG_TEST_URL"
        )
    os_user: str | None = None
    root = Path(tempfile.mkdtemp(prefix="qualcode-pg-"))
    if os.geteuid() == 0:
        os_user = os.environ.get("PG_TEST_OS_USER", "postgres")
        pw = pwd.getpwnam(os_user)
        os.chown(root, pw.pw_uid, pw.pw_gid)
    os.chmod(root, 0o700)
    data = root / "data"
    _run(
        [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
         "-E", "UTF8", "--locale=C", "--no-sync"],
        os_user,
    )  # fmt: skip
    # The test superuser connects without a password; any other role needs one
    # (so the docs' .pgpass/PGPASSWORD recipe is really exercised).
    (data / "pg_hba.conf").write_text(
        "local all all trust\n"
        f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n"
    )
    for attempt in range(5):
        port = _free_port()
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        try:
            _run(
                [str(bindir / "pg_ctl"), "start", "-w", "-t", "30", "-D", str(data),
                 "-l", str(root / "server.log"), "-o", opts],
                os_user,
            )  # fmt: skip
            break
        except RuntimeError:
            if attempt == 4:
                log = (root / "server.log").read_text(errors="replace")[-2000:]
                shutil.rmtree(root, ignore_errors=True)
                raise RuntimeError(f"PostgreSQL did not start:\n{log}") from None
    url = URL.create("postgresql+psycopg", username=SUPERUSER, host="127.0.0.1", port=port,
                     database="postgres")  # fmt: skip
    return PgServer(admin_url=url, data_dir=data, bindir=bindir, os_user=os_user)
