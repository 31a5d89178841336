"""``qualcode team``: share a project on a PostgreSQL server, with roles and safe passwords."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from qualcode.cli.common import emit_json, emit_table, json_option

if TYPE_CHECKING:
    from qualcode.team.sync import CopyReport

MEMBER_PASSWORD_ENV = "QUALCODE_MEMBER_PASSWORD"
"""Where ``add-member`` takes a new member's password from in scripts (else it asks)."""
LOGIN_PASSWORD_ENV = "QUALCODE_PASSWORD"
"""Where ``login`` takes your password from in scripts (else it asks)."""


def register(cli: click.Group) -> None:
    """Add the ``team`` command group to ``cli``."""
    cli.add_command(team)


@click.group()
def team() -> None:
    """Share a project on a PostgreSQL server (see docs/team-server.md).

    URLs look like postgresql+psycopg://USER@HOST:5432/DATABASE. Leave the password
    out: it is read from PGPASSWORD, the keyring ('qualcode team login') or ~/.pgpass.
    """


@team.command()
@click.argument("file", metavar="FILE.qdaproj")
@click.argument("url", metavar="URL")
@click.option("--force", is_flag=True, help="Replace a project already on the server.")
@json_option
def push(file: str, url: str, force: bool, as_json: bool) -> None:
    """Copy the project FILE to the (empty) database URL, history included.

    On a database with team roles the copied tables are secured again at once. An
    encrypted FILE is opened with its password from the keyring or QUALCODE_PASSWORD,
    else asked for in a terminal.
    """
    from qualcode.cli.common import project_password
    from qualcode.team import roles as team_roles
    from qualcode.team import sync as core

    report = core.push(file, url, force=force, password=project_password(file))
    secured = team_roles.setup_roles(url) if team_roles.is_set_up(url) else None
    if as_json:
        emit_json({**_asdict(report), "roles_applied": secured is not None})
        return
    _print(report)
    if secured is not None:
        click.echo(f"Team roles applied to {len(secured.tables)} tables.")


@team.command()
@click.argument("url", metavar="URL")
@click.argument("file", metavar="FILE.qdaproj")
@click.option("--force", is_flag=True, help="Replace an existing FILE.")
@json_option
def pull(url: str, file: str, force: bool, as_json: bool) -> None:
    """Copy the project at URL into a new project FILE, history included.

    Replacing an encrypted FILE (--force) keeps it encrypted with its password (from the
    keyring or QUALCODE_PASSWORD, else asked for in a terminal).
    """
    from pathlib import Path

    from qualcode.cli.common import project_password
    from qualcode.team import sync as core

    password = project_password(file) if Path(file).is_file() else None
    report = core.pull(url, file, force=force, password=password)
    if as_json:
        emit_json(report)
        return
    _print(report)


def _asdict(report: CopyReport) -> dict[str, object]:
    return {"source": report.source, "target": report.target, "rows": report.rows}


def _print(report: CopyReport) -> None:
    click.echo(f"Copied {report.total} rows from {report.source} to {report.target}.")


# -- roles ------------------------------------------------------------------------------------


@team.command("setup-roles")
@click.argument("url", metavar="URL")
@json_option
def setup_roles(url: str, as_json: bool) -> None:
    """Create the owner/coder/reviewer roles of the database URL and secure its tables.

    Run it as the server's administrator once (it may create roles), and again
    after 'team push --force' or an upgrade of QualCode that adds tables.
    """
    from qualcode.team import roles as team_roles

    report = team_roles.setup_roles(url)
    if as_json:
        emit_json(report)
        return
    for role, group in report.groups.items():
        state = "created" if group in report.created else "exists"
        click.echo(f"{role:<9} {group} ({state})")
    click.echo(f"Secured {len(report.tables)} tables of {report.database}.")


@team.command("add-member")
@click.argument("url", metavar="URL")
@click.argument("db_user", metavar="DBUSER")
@click.option(
    "--role", type=click.Choice(["owner", "coder", "reviewer"]), required=True,
    help="owner: everything; coder: own codings and memos; reviewer: comments.",
)  # fmt: skip
@click.option("--coder", "coder", metavar="NAME", help="The coder name (default: DBUSER).")
@click.option(
    "--set-password/--keep-password", default=None,
    help="Give an existing login a new password (a new login always gets one).",
)  # fmt: skip
@click.option("--no-password", is_flag=True, help="Create the login without a password.")
def add_member(
    url: str, db_user: str, role: str, coder: str | None, set_password: bool | None,
    no_password: bool,
) -> None:  # fmt: skip
    """Create login DBUSER (or update it) as a member of the team at URL.

    The password is asked for, or read from the QUALCODE_MEMBER_PASSWORD
    variable; it is sent to the server as a SCRAM verifier, never in clear.
    """
    from qualcode.team import roles as team_roles

    wants = (set_password or not _login_exists(url, db_user)) and not no_password
    password = (
        _password(MEMBER_PASSWORD_ENV, f"Password for {db_user}", confirm=True) if wants else None
    )
    member = team_roles.add_member(url, db_user, role, coder=coder, password=password)
    click.echo(f"{member.db_user} is now {member.role} (coder {member.coder}).")


def _login_exists(url: str, db_user: str) -> bool:
    from sqlalchemy import text

    from qualcode.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": db_user}
            ).first()
    finally:
        engine.dispose()
    return found is not None


@team.command("remove-member")
@click.argument("url", metavar="URL")
@click.argument("db_user", metavar="DBUSER")
def remove_member(url: str, db_user: str) -> None:
    """Take DBUSER out of the team at URL (the login itself is kept)."""
    from qualcode.team import roles as team_roles

    if team_roles.remove_member(url, db_user):
        click.echo(f"{db_user} is no longer a member.")
    else:
        click.echo(f"{db_user} was not a member.")


@team.command()
@click.argument("url", metavar="URL")
@json_option
def members(url: str, as_json: bool) -> None:
    """List the logins of the team at URL, their coder names and roles."""
    from qualcode.team import roles as team_roles

    found = team_roles.members(url)
    if as_json:
        emit_json(found)
        return
    emit_table(
        [[m.db_user, m.coder, m.role or "(none)"] for m in found], ["Login", "Coder", "Role"]
    )


# -- passwords ---------------------------------------------------------------------------------


@team.command()
@click.argument("url", metavar="URL")
@click.option("--no-check", is_flag=True, help="Store the password without trying it.")
def login(url: str, no_check: bool) -> None:
    """Keep your password for URL in the operating system's keyring.

    QualCode then opens URL (without a password in it) on this computer.
    """
    from qualcode import credentials
    from qualcode.store.engine import project_url

    bare = project_url(credentials.strip_password(url))
    password = _password(LOGIN_PASSWORD_ENV, f"Password for {bare.username}", confirm=False)
    if not no_check:
        _try(bare.set(password=password).render_as_string(hide_password=False))
    name = credentials.store_password(bare, password)
    click.echo(f"Password for {name} stored in the keyring.")


def _try(url: str) -> None:
    """Connect once with the typed password (a wrong one fails here, not later)."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from qualcode.errors import ProjectError
    from qualcode.i18n import QT_TRANSLATE_NOOP
    from qualcode.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[-1] if exc.orig else str(exc)
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "Cannot sign in: {reason}"), reason=reason
        ) from None
    finally:
        engine.dispose()


@team.command()
@click.argument("url", metavar="URL")
def logout(url: str) -> None:
    """Remove your password for URL from the keyring."""
    from qualcode import credentials

    if credentials.forget_password(credentials.strip_password(url)):
        click.echo("Password removed from the keyring.")
    else:
        click.echo("No password for this URL was in the keyring.")


def _password(env: str, prompt: str, *, confirm: bool) -> str:
    """A password from ``env`` (scripts) or typed at a hidden prompt (never an argument)."""
    value = os.environ.get(env)
    if value:
        return value
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=confirm))
