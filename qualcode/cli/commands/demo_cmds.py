"""``qualcode demo``: build the bundled sample study without opening a window."""

from __future__ import annotations

import sys

import click

from qualcode.cli.common import coder_option, emit_json, json_option, project_argument


def register(cli: click.Group) -> None:
    """Add the ``demo`` command to ``cli``."""
    cli.add_command(demo)


@click.command()
@project_argument
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@coder_option
def demo(project: str, force: bool, as_json: bool, coder: str | None) -> None:
    """Build the sample study (Kabupaten Sukamaju, fictional) into PROJECT."""
    from qualcode.app.demo import build_demo

    show = sys.stdout.isatty() and not as_json

    def progress(done: int, total: int, name: str) -> None:
        if show:
            click.echo(f"[{done}/{total}] {name[:60]:<60}\r", err=True, nl=False)

    summary = build_demo(project, overwrite=force, progress=progress, coder=coder)
    if show:
        click.echo(" " * 72 + "\r", err=True, nl=False)
    if as_json:
        emit_json(summary)
        return
    click.echo(f"Built {summary.project.path}: {summary.project.title}")
    kinds = ", ".join(f"{n} {k}" for k, n in summary.sources_by_kind.items())
    click.echo(f"  sources:    {summary.project.sources} ({kinds})")
    click.echo(f"  cases:      {summary.cases}")
    click.echo(f"  turns:      {summary.turns}")
    click.echo(f"  codes:      {summary.project.codes}")
    click.echo(f"  codings:    {summary.project.codings} by {summary.project.coders} coder(s)")
    attrs = ", ".join(f"{n} ({t})" for n, t in summary.attributes.items())
    click.echo(f"  attributes: {len(summary.attributes)}: {attrs}")
    for warning in summary.warnings:
        click.echo(f"  warning: {warning}")
