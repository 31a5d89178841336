"""Encrypted project files (SQLCipher 4): connect, check a password, back up, convert.

An encrypted project is the same SQLite schema in a file SQLCipher encrypts page
by page (AES-256, HMAC per page): its first bytes are random, not "SQLite format
3", and neither the file, its WAL, nor its backups contain readable text. The
driver is ``sqlcipher3`` from the ``sqlcipher3-wheels`` distribution, which has
wheels for Linux, Windows and macOS (``sqlcipher3-binary`` has Linux wheels
only). Passwords come from the caller (a prompt, the keyring or
``QUALCODE_PASSWORD``, see :mod:`qualcode.credentials`) and are never stored in
a file or in settings.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from qualcode.errors import ProjectError, WrongPasswordError
from qualcode.i18n import QT_TRANSLATE_NOOP

SQLITE_MAGIC = b"SQLite format 3\x00"


def dbapi() -> ModuleType:
    """The SQLCipher DB-API module (``sqlcipher3.dbapi2``)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Encrypted projects need the sqlcipher3-wheels package "
                "(pip install sqlcipher3-wheels).",
            )
        ) from None
    return dbapi2


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """True for a file that looks like an encrypted database: not plain SQLite, whole pages
    (SQLCipher writes 4 KB pages), and not a zip, PDF or text file."""
    target = Path(path)
    try:
        size = target.stat().st_size
        with open(target, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if len(head) < 16 or head == SQLITE_MAGIC or size % 512:
        return False
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return False  # text (a random salt is printable once in ten million)
    return not head.startswith((b"PK\x03\x04", b"%PDF", b"\xef\xbb\xbf"))


def _quote(password: str) -> str:
    if not password or "\x00" in password:
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "A project password cannot be empty."))
    return "'" + password.replace("'", "''") + "'"


def connect(
    path: str | os.PathLike[str], password: str, *, read_only: bool = False, timeout: float = 10
) -> Any:
    """A SQLCipher connection to the file at ``path`` (a plain path), keyed with ``password``."""
    module = dbapi()
    conn = module.connect(os.fspath(path), check_same_thread=False, timeout=timeout)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error, not a log
        conn.execute(f"PRAGMA key = {_quote(password)}")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def check_password(path: str | os.PathLike[str], password: str) -> None:
    """Raise :class:`WrongPasswordError` unless ``password`` opens ``path`` (reads only)."""
    module = dbapi()
    try:
        conn = connect(path, password, read_only=True)
    except module.DatabaseError:
        raise WrongPasswordError(path=os.fspath(path)) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        raise WrongPasswordError(path=os.fspath(path)) from None
    finally:
        conn.close()


def read_version(path: str | os.PathLike[str], password: str) -> int | None:
    """The schema version stored in an encrypted project, or None if it holds none."""
    module = dbapi()
    check_password(path, password)
    conn = connect(path, password, read_only=True)
    try:
        row = conn.execute("SELECT value FROM project_info WHERE key = 'schema_version'").fetchone()
    except module.DatabaseError:
        return None
    finally:
        conn.close()
    return int(row[0]) if row else None


def backup(source: Path, target: Path, password: str) -> None:
    """Copy an encrypted project with the online backup API; the copy has the same key."""
    src = connect(source, password, read_only=True)
    try:
        dst = connect(target, password)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in sorted(names)}


def convert(path: Path, *, old: str | None, new: str | None) -> None:
    """Re-write the project at ``path`` with key ``new`` (None: plain SQLite) from key ``old``.

    The copy is written beside the file, checked (integrity, every table's row count),
    and only then replaces the original, so a failure leaves the original as it was.
    """
    module = dbapi()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".qdaproj", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        if old is None:
            src = module.connect(os.fspath(path), check_same_thread=False)
        else:
            src = connect(path, old)
        try:
            expected = _counts(src)
            src.execute(
                f"ATTACH DATABASE ? AS converted KEY {_quote(new) if new else chr(39) * 2}",
                (os.fspath(tmp),),
            )
            src.execute("SELECT sqlcipher_export('converted')")
            version = src.execute("PRAGMA main.user_version").fetchone()[0]
            src.execute(f"PRAGMA converted.user_version = {int(version)}")
            src.execute("DETACH DATABASE converted")
        finally:
            src.close()
        check = connect(tmp, new) if new else module.connect(os.fspath(tmp))
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok" or _counts(check) != expected:
                raise ProjectError(
                    QT_TRANSLATE_NOOP(
                        "errors", "The converted copy of {path} did not check out; "
                        "the project was not changed."
                    ),
                    path=os.fspath(path),
                )  # fmt: skip
        finally:
            check.close()
        if new is None and is_encrypted(tmp):
            raise ProjectError(
                QT_TRANSLATE_NOOP("errors", "The converted copy of {path} did not check out; "
                                  "the project was not changed."),
                path=os.fspath(path),
            )  # fmt: skip
        os.chmod(tmp, os.stat(path).st_mode & 0o777)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
