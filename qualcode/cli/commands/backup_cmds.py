"""``qualcode backups list|restore``: the automatic backup copies of a project file."""

from __future__ import annotations

import click

from qualcode.cli.common import coder_option, emit_json, emit_table, json_option, project_argument


def register(cli: click.Group) -> None:
    """Add the ``backups`` group to ``cli``."""
    cli.add_command(backups)


@click.group()
def backups() -> None:
    """List and restore the automatic backup copies of a project file.

    Copies are made when the project is opened for writing (at most every 15
    minutes), before a format upgrade and before a restore; they live in the
    PROJECT.backups folder beside the file.
    """


@backups.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List the backups of PROJECT, newest first; the number names one for restore."""
    from qualcode.project import Project

    found = Project.backups(project)
    if as_json:
        emit_json(found)
        return
    if not found:
        click.echo("No backups yet.")
        return
    rows = [
        [
            b.number,
            b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            b.reason,
            f"{b.size / 1024:.0f} KB",
            b.path.name,
        ]
        for b in found
    ]
    emit_table(rows, ["#", "made", "why", "size", "file"])


@backups.command("restore")
@project_argument
@click.argument("which", metavar="[WHICH]", required=False)
@coder_option
def restore(project: str, which: str | None, coder: str | None) -> None:
    """Replace PROJECT with backup WHICH (its number or file name; default: the newest).

    The project must be closed everywhere. Its current file is kept as a
    'before-restore' backup, so a restore can be taken back the same way.
    """
    from qualcode.project import Project

    chosen = Project.restore_backup(project, which, coder=coder)
    when = chosen.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    click.echo(f"Restored {project} from the backup made {when} ({chosen.path.name}).")
    click.echo("The replaced file was kept in the backups folder.")
