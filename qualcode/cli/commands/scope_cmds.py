"""``qualcode analysis-coders``: the coders every analysis counts by default."""

from __future__ import annotations

import click

from qualcode.cli.common import coder_option, emit_json, json_option, open_project


def register(cli: click.Group) -> None:
    """Add the coder-scope command to ``cli``."""
    cli.add_command(analysis_coders_cmd)


@click.command("analysis-coders")
@click.argument("project")
@click.option("--set", "names", metavar="NAMES",
              help="Coder names, comma-separated (not the check coder).")  # fmt: skip
@click.option("--all", "everyone", is_flag=True, help="Count every coder again.")
@json_option
@coder_option
def analysis_coders_cmd(
    project: str, names: str | None, everyone: bool, as_json: bool, coder: str | None
) -> None:
    """Show or set whose codings displays, excerpts and conclusions count by default."""
    from qualcode.analysis.corpus import coders
    from qualcode.analysis.scope import analysis_coders, set_analysis_coders

    if names is not None and everyone:
        raise click.UsageError("use --set NAMES or --all, not both")
    writing = names is not None or everyone
    with open_project(project, coder, read_only=not writing) as p:
        if writing:
            set_analysis_coders(p, None if everyone else names.split(",") if names else None)
        current = analysis_coders(p)
        every = coders(p)
    if as_json:
        emit_json({"analysis_coders": current, "coders": every})
    elif current:
        click.echo("Analysis coders: " + ", ".join(current))
    else:
        click.echo("Analysis coders: every coder (" + ", ".join(every) + ")")
