"""Server passwords: never in a project, a URL we keep, or the settings file.

A database URL is kept (recent projects, ``project.location``) without its
password: :func:`strip_password` removes it from the user part and from a
``?password=`` query. To connect, libpq finds the password itself in
``PGPASSWORD``, ``~/.pgpass`` or the file ``PGPASSFILE`` names; on top of that
``qualcode team login URL`` can keep it in the operating system's keyring
(the optional ``keyring`` package). The order is: a password typed into the
URL, then ``PGPASSWORD``, then the keyring, then the ``.pgpass`` file.

A machine without a keyring (a headless server, CI) simply has no keyring
passwords: every lookup degrades to "none stored" and libpq's own sources apply.
This module imports neither SQLAlchemy nor keyring at import time (the settings
module and the UI use :func:`strip_password`).
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from qualcode.errors import ProjectError
from qualcode.i18n import QT_TRANSLATE_NOOP

SERVICE = "qualcode-postgresql"
"""The keyring service name under which QualCode keeps server passwords."""

DEFAULT_PORT = 5432


class CredentialsError(ProjectError):
    """A password could not be stored or removed (no keyring on this machine)."""

    template = QT_TRANSLATE_NOOP(
        "errors",
        "No keyring is available on this computer ({reason}). Put the password in a "
        ".pgpass file instead (see docs/team-server.md).",
    )


def strip_password(location: str) -> str:
    """``location`` without a password (a file path is returned unchanged).

    Pure string work so the settings file (and the UI) can use it without SQLAlchemy.
    """
    if "://" not in location:
        return location
    parts = urlsplit(location)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{hostport}"
    query = parts.query
    if query:
        pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "password"]
        query = urlencode(pairs)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def account(url: Any) -> str | None:
    """The keyring user name of a server URL: ``USER@HOST:PORT/DATABASE``.

    ``url`` is a string or a SQLAlchemy ``URL``; None when it names no user or host.
    """
    if isinstance(url, str):
        parts = urlsplit(url)
        user = unquote(parts.username or "")
        host, port = parts.hostname or "", parts.port
        database = unquote(parts.path.lstrip("/"))
    else:
        user, host, port, database = url.username or "", url.host or "", url.port, url.database
    if not user or not host:
        return None
    return f"{quote(user, safe='')}@{host}:{port or DEFAULT_PORT}/{database or ''}"


def _keyring() -> Any | None:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def keyring_status() -> str | None:
    """None when a usable keyring backend exists, else why not (for messages)."""
    keyring = _keyring()
    if keyring is None:
        return "the keyring package is not installed"
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend configuration
        return str(exc)
    if getattr(backend, "priority", 1) <= 0:
        return f"no keyring backend ({type(backend).__module__})"
    return None


def stored_password(url: Any) -> str | None:
    """The keyring's password for ``url``'s account, or None (never raises)."""
    name = account(url)
    keyring = _keyring()
    if name is None or keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, name)
    except Exception:  # NoKeyringError, a locked or broken backend: fall back to libpq
        return None
    return value or None


def store_password(url: Any, password: str) -> str:
    """Keep ``password`` for ``url``'s account in the keyring; returns the account name."""
    name = account(url)
    if name is None:
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "The URL {url} names no user and host."),
            url=strip_password(str(url)),
        )
    keyring = _keyring()
    reason = keyring_status()
    if keyring is None or reason is not None:
        raise CredentialsError(reason=reason or "unknown")
    try:
        keyring.set_password(SERVICE, name, password)
    except Exception as exc:
        raise CredentialsError(reason=str(exc)) from None
    return name


def forget_password(url: Any) -> bool:
    """Remove ``url``'s password from the keyring; False if none was stored."""
    name = account(url)
    keyring = _keyring()
    if name is None or keyring is None:
        return False
    try:
        if keyring.get_password(SERVICE, name) is None:
            return False
        keyring.delete_password(SERVICE, name)
    except Exception:
        return False
    return True


def password_for_connect(url: Any) -> str | None:
    """The password QualCode should hand to libpq for ``url`` (a SQLAlchemy URL).

    None leaves libpq to its own sources: the URL already has a password, or
    ``PGPASSWORD`` is set, or the keyring holds none (then ``.pgpass`` applies).
    """
    if getattr(url, "password", None) or os.environ.get("PGPASSWORD"):
        return None
    if "password" in getattr(url, "query", {}):
        return None
    return stored_password(url)


# -- encrypted project files ------------------------------------------------------------------
PROJECT_SERVICE = "qualcode-project"
"""The keyring service under which QualCode keeps encrypted projects' passwords."""
PASSWORD_ENV = "QUALCODE_PASSWORD"
"""For scripts: the password of the encrypted project a command opens (as PGPASSWORD)."""


def _project_account(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(path))


def project_password(path: str | os.PathLike[str]) -> str | None:
    """The password for the encrypted project at ``path``: ``QUALCODE_PASSWORD``, else the
    keyring's (never raises; None when neither has one)."""
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(PROJECT_SERVICE, _project_account(path))
    except Exception:  # no backend, a locked keyring: the caller prompts
        return None
    return value or None


def remember_project_password(path: str | os.PathLike[str], password: str) -> None:
    """Keep the password of the project at ``path`` in the operating system's keyring."""
    keyring = _keyring()
    reason = keyring_status()
    if keyring is None or reason is not None:
        raise CredentialsError(reason=reason or "unknown")
    try:
        keyring.set_password(PROJECT_SERVICE, _project_account(path), password)
    except Exception as exc:
        raise CredentialsError(reason=str(exc)) from None


def forget_project_password(path: str | os.PathLike[str]) -> bool:
    """Remove the project's password from the keyring; False if none was stored."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        if keyring.get_password(PROJECT_SERVICE, _project_account(path)) is None:
            return False
        keyring.delete_password(PROJECT_SERVICE, _project_account(path))
    except Exception:
        return False
    return True
