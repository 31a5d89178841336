"""Project-level commands: new, info, undo, redo, history."""

from __future__ import annotations

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
@json_option
def history(project: str, limit: int, as_json: bool) -> None:
    """Show the audit trail: who did what, when (newest first)."""
    with open_project(project, read_only=True) as p:
        entries = p.audit_log(limit=limit)
    if as_json:
        emit_json(entries)
        return
    emit_table(
        [[e.at.strftime("%Y-%m-%d %H:%M:%S"), e.coder, e.label, e.op] for e in entries],
        ["when (UTC)", "coder", "operation", "op"],
    )
