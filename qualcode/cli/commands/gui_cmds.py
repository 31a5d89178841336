"""``qualcode gui [PROJECT]``: start the desktop app."""

from __future__ import annotations

import os
import sys

import click


def register(cli: click.Group) -> None:
    """Add ``gui`` to ``cli``."""
    cli.add_command(gui)


@click.command()
@click.argument("project", required=False, metavar="[PROJECT]", type=click.Path(dir_okay=False))
@click.option(
    "--review",
    is_flag=True,
    help="Open PROJECT for review: comment and check-code without changing the student's work.",
)
def gui(project: str | None, review: bool) -> None:
    """Open the desktop app (optionally on PROJECT, a .qdaproj file)."""
    if _no_screen():
        click.echo(
            "There is no screen to open a window on (DISPLAY is not set). Run qualcode gui in a "
            "desktop session; every feature is also available through the other qualcode commands.",
            err=True,
        )
        sys.exit(2)
    try:
        from qualcode.ui.shell.app import run
    except ImportError as exc:  # PySide6 missing: the CLI still works
        click.echo(f"The desktop app needs PySide6 ({exc}).", err=True)
        sys.exit(2)
    sys.exit(run(project, review=review))


def _no_screen() -> bool:
    """True on Linux/BSD without X11 or Wayland, where Qt would abort with a cryptic message."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
