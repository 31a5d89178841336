"""Shared pieces of the command line: opening projects, options, output."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import click

from qualcode.errors import QualCodeError

F = TypeVar("F", bound=Callable[..., Any])


def coder_option[F: Callable[..., Any]](fn: F) -> F:
    """``--coder NAME``: who acts (else the settings' coder, else the OS user)."""
    return click.option(
        "--coder",
        envvar="QUALCODE_CODER",
        metavar="NAME",
        help="Who is coding (default: your settings' coder, else your user name).",
    )(fn)


def json_option[F: Callable[..., Any]](fn: F) -> F:
    """``--json``: print machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)


def project_argument[F: Callable[..., Any]](fn: F) -> F:
    """The PROJECT argument: a ``.qdaproj`` file or a database URL."""
    return click.argument("project", metavar="PROJECT")(fn)


@contextmanager
def open_project(
    target: str, coder: str | None = None, *, read_only: bool = False, reading: bool = False
) -> Iterator[Any]:
    """Open a project for one command.

    A command that writes keeps the rolling backups like the app (a copy at most
    every quarter of an hour, so a script's loop does not copy on each command);
    one that only reads opens read-only, so it works while the app has the
    project open. ``reading`` is for commands that only read but keep a cache in
    the project (the search index): they write it when the project is free and
    read beside whoever holds it otherwise. A project in an older format is
    upgraded first (that needs the write lock once, and makes a backup copy).
    """
    from qualcode.errors import OlderSchemaError, ProjectBusyError, ProjectLockedError
    from qualcode.project import Project

    password = project_password(target)
    try:
        if reading:  # write if free (the search index is saved), else read beside the holder
            try:
                project = Project.open(target, coder=coder, backups=False, password=password)
            except (ProjectLockedError, ProjectBusyError):
                project = Project.open(
                    target, coder=coder, read_only=True, backups=False, password=password
                )
        else:
            project = Project.open(
                target, coder=coder, read_only=read_only, backups=not read_only,
                password=password,
            )  # fmt: skip
    except OlderSchemaError:
        Project.open(target, coder=coder, backups=False, password=password).close()
        project = Project.open(
            target, coder=coder, read_only=True, backups=False, password=password
        )
    for warning in project.warnings:
        click.echo(f"Warning: {warning.message}", err=True)
    try:
        yield project
    finally:
        project.close()


def project_password(target: str) -> str | None:
    """The password of an encrypted project file: the keyring's or ``QUALCODE_PASSWORD``
    (then None: the core finds it again), else typed at a hidden prompt in a terminal; a
    script without either gets the clear "is encrypted" error. None for a plain project."""
    from qualcode.errors import PasswordRequiredError
    from qualcode.project import Project

    try:
        Project.check_password(target)
    except PasswordRequiredError:
        if not interactive():
            raise
        return str(click.prompt(f"Password for {target}", hide_input=True, err=True))
    return None


def interactive() -> bool:
    """Whether a password may be asked for (a terminal; scripts use QUALCODE_PASSWORD)."""
    return sys.stdin.isatty()


def new_password(target: str) -> str:
    """A new project password: ``QUALCODE_PASSWORD`` in scripts, else typed twice."""
    import os

    from qualcode.credentials import PASSWORD_ENV

    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not interactive():
        raise click.UsageError(f"type the password in a terminal or set {PASSWORD_ENV}")
    value = click.prompt(
        f"New password for {target}", hide_input=True, confirmation_prompt=True, err=True
    )
    return str(value)


def to_jsonable(value: Any) -> Any:
    """Convert records, dates and paths into JSON-friendly values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def emit_json(value: Any) -> None:
    """Print ``value`` as JSON on stdout."""
    click.echo(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2))


def emit_table(rows: list[list[Any]], headers: list[str]) -> None:
    """Print rows as a plain aligned table."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            click.echo("  ".join("-" * w for w in widths))


class QualCodeGroup(click.Group):
    """A click group that turns core errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QualCodeError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            sys.exit(1)
        except Exception as exc:
            # A full disk or a busy file outside a project operation (an export).
            from qualcode.failures import explain

            error = explain(exc)
            if error is None:
                raise
            click.echo(f"Error: {error.message}", err=True)
            sys.exit(1)
