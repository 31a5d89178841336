"""Project-level commands: new, info, undo, redo, history."""

from __future__ import annotations

from datetime import datetime

import click

from qualcode.cli.common import (
    coder_option,
    emit_json,
    emit_table,
    json_option,
    open_project,
    project_argument,
)


def register(cli: click.Group) -> None:
    """Add the project commands to ``cli``."""
    cli.add_command(new)
    cli.add_command(info)
    cli.add_command(undo)
    cli.add_command(redo)
    cli.add_command(history)


@click.command()
@project_argument
@click.option("--title", help="Project title (default: the file name).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.option("--encrypt", is_flag=True,
              help="Encrypt the file (SQLCipher). The password is typed twice, or taken from "
              "QUALCODE_PASSWORD in scripts; it is never a command-line argument.")  # fmt: skip
@click.option("--remember", is_flag=True, help="Keep the password in the system keyring.")
@coder_option
def new(
    project: str, title: str | None, force: bool, encrypt: bool, remember: bool,
    coder: str | None,
) -> None:  # fmt: skip
    """Create a new, empty project."""
    from qualcode.cli.common import new_password
    from qualcode.project import Project

    password = new_password(project) if encrypt else None
    with Project.create(project, coder=coder, title=title, overwrite=force, password=password) as p:
        click.echo(f"Created {p.location}" + (" (encrypted)" if p.encrypted else ""))
    if password is not None and remember:
        from qualcode.credentials import remember_project_password

        remember_project_password(project, password)
        click.echo("The password is kept in the system keyring.")


@click.command()
@project_argument
@json_option
def info(project: str, as_json: bool) -> None:
    """Show counts and facts about a project."""
    with open_project(project, read_only=True) as p:
        summary = p.info()
    if as_json:
        emit_json(summary)
        return
    for key in ("title", "path", "schema_version", "sources", "cases", "codes", "codings", "memos"):
        click.echo(f"{key:>15}: {getattr(summary, key)}")


def _replay(project: str, coder: str | None, *, undo_: bool) -> None:
    with open_project(project, coder) as p:
        changes = p.undo() if undo_ else p.redo()
    if changes is None:
        click.echo("Nothing to undo." if undo_ else "Nothing to redo.")
    else:
        click.echo(f"{'Undid' if undo_ else 'Redid'}: {changes.label}")


@click.command()
@project_argument
@coder_option
def undo(project: str, coder: str | None) -> None:
    """Undo the last operation (the history is kept in the project)."""
    _replay(project, coder, undo_=True)


@click.command()
@project_argument
@coder_option
def redo(project: str, coder: str | None) -> None:
    """Redo the last undone operation."""
    _replay(project, coder, undo_=False)


@click.command()
@project_argument
@click.option("--limit", default=30, show_default=True, help="How many entries.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]),
              help="Only entries from this date (UTC) on.")  # fmt: skip
@click.option("--coder", "by", metavar="NAME", help="Only this coder's entries.")
@json_option
def history(
    project: str, limit: int, since: datetime | None, by: str | None, as_json: bool
) -> None:
    """Show the audit trail: who did what, when, and what it touched (newest first)."""
    from qualcode.changes_since import history as read_history

    with open_project(project, read_only=True) as p:
        entries = read_history(p, since=since, coder=by, limit=limit)
    if as_json:
        emit_json(entries)
        return
    rows = []
    for e in entries:
        parts = []
        for x in e.touched[:3]:
            quote = f"“{x.quote}”" if x.quote else ""
            parts.append(" ".join(v for v in (x.change, x.code, x.source, quote, x.text) if v))
        extra = f" (+{len(e.touched) - 3})" if len(e.touched) > 3 else ""
        rows.append(
            [e.at.strftime("%Y-%m-%d %H:%M:%S"), e.coder, e.label, "; ".join(parts) + extra]
        )
    emit_table(rows, ["when (UTC)", "coder", "operation", "touched"])
