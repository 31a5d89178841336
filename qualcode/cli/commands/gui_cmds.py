"""``qualcode gui [PROJECT]``: start the desktop app."""

from __future__ import annotations

import sys

import click


def register(cli: click.Group) -> None:
    """Add ``gui`` to ``cli``."""
    cli.add_command(gui)


@click.command()
@click.argument("project", required=False, metavar="[PROJECT]", type=click.Path(dir_okay=False))
def gui(project: str | None) -> None:
    """Open the desktop app (optionally on PROJECT, a .qdaproj file)."""
    try:
        from qualcode.ui.app import run
    except ImportError as exc:  # PySide6 missing: the CLI still works
        click.echo(f"The desktop app needs PySide6 ({exc}).", err=True)
        sys.exit(2)
    sys.exit(run(project))
