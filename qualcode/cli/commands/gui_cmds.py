"""``qualcode gui``: the desktop app."""

from __future__ import annotations

import importlib.util
import sys

import click


def register(cli: click.Group) -> None:
    """Add ``gui`` to ``cli``."""
    cli.add_command(gui)


@click.command()
@click.argument("project", required=False, metavar="[PROJECT]")
def gui(project: str | None) -> None:
    """Open the desktop app (optionally on PROJECT)."""
    if importlib.util.find_spec("qualcode.ui.app") is None:
        click.echo(
            "The desktop app is not built yet; every feature is available through the "
            "other qualcode commands (see qualcode --help).",
            err=True,
        )
        sys.exit(2)
    from qualcode.ui.app import run  # pragma: no cover - exercised by the UI tests

    sys.exit(run(project))
