"""``qualcode team push/pull``: move a project between a file and a PostgreSQL server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from qualcode.cli.common import emit_json, json_option

if TYPE_CHECKING:
    from qualcode.team import CopyReport


def register(cli: click.Group) -> None:
    """Add the ``team`` command group to ``cli``."""
    cli.add_command(team)


@click.group()
def team() -> None:
    """Share a project on a PostgreSQL server (see docs/team-server.md).

    URLs look like postgresql+psycopg://USER@HOST:5432/DATABASE. Leave the password
    out: it is read from ~/.pgpass or the PGPASSWORD variable.
    """


@team.command()
@click.argument("file", metavar="FILE.qdaproj")
@click.argument("url", metavar="URL")
@click.option("--force", is_flag=True, help="Replace a project already on the server.")
@json_option
def push(file: str, url: str, force: bool, as_json: bool) -> None:
    """Copy the project FILE to the (empty) database URL, history included."""
    from qualcode import team as core

    report = core.push(file, url, force=force)
    _print(report, as_json)


@team.command()
@click.argument("url", metavar="URL")
@click.argument("file", metavar="FILE.qdaproj")
@click.option("--force", is_flag=True, help="Replace an existing FILE.")
@json_option
def pull(url: str, file: str, force: bool, as_json: bool) -> None:
    """Copy the project at URL into a new project FILE, history included."""
    from qualcode import team as core

    report = core.pull(url, file, force=force)
    _print(report, as_json)


def _print(report: CopyReport, as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    click.echo(f"Copied {report.total} rows from {report.source} to {report.target}.")
