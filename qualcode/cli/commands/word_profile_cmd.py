"""``--profile`` and ``--chapter`` on every command that writes Word documents.

Registered after the other command modules, it adds the two options to every
``qualcode export ...`` command and to ``codebook export`` and ``memo export``,
and runs the command inside :func:`qualcode.export.profile.using_profile`, so
every Word output (excerpts, displays, report, codebook, memos, transcripts)
follows the same thesis guide and no command can forget it.
"""

from __future__ import annotations

import functools
from typing import Any

import click

from qualcode.export.profile import SHIPPED

TARGETS = {"export": None, "codebook": ("export",), "memo": ("export",)}


def register(cli: click.Group) -> None:
    """Give the Word-writing commands of ``cli`` the thesis-profile options."""
    for group_name, only in TARGETS.items():
        group = cli.commands.get(group_name)
        if not isinstance(group, click.Group):
            continue
        for name, command in group.commands.items():
            if only is None or name in only:
                add_profile_options(command)


def add_profile_options(command: click.Command) -> None:
    """Add ``--profile``/``--chapter`` to ``command`` and apply them while it runs."""
    if any(p.name == "profile" for p in command.params):
        return
    command.params.append(
        click.Option(
            ["--profile"],
            metavar="NAME|FILE",
            help=f"Thesis profile for Word output: {', '.join(SHIPPED)} (default) or a .yaml file.",
        )
    )
    command.params.append(
        click.Option(
            ["--chapter"],
            type=click.IntRange(min=1),
            help="Chapter number: headings 4.1, 4.1.1 and captions 'Tabel 4.1'.",
        )
    )
    callback = command.callback
    assert callback is not None

    @functools.wraps(callback)
    def run(*args: Any, profile: str | None = None, chapter: int | None = None, **kw: Any) -> Any:
        from qualcode.export.profile import load_profile, using_profile

        with using_profile(load_profile(profile, chapter=chapter)):
            return callback(*args, **kw)

    command.callback = run
