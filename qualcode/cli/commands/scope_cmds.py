"""``qualcode analysis-coders`` and ``check-sample``: whose codings count, and the check sample."""

from __future__ import annotations

import click

from qualcode.cli.common import coder_option, emit_json, json_option, open_project


def register(cli: click.Group) -> None:
    """Add the coder-scope command to ``cli``."""
    cli.add_command(analysis_coders_cmd)
    cli.add_command(check_sample_cmd)


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


@click.command("check-sample")
@click.argument("project")
@click.option("--draw", "fraction", type=float, metavar="FRACTION",
              help="Draw FRACTION of the units (e.g. 0.2) at random.")  # fmt: skip
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--no-stratify", is_flag=True, help="One pool instead of per source.")
@click.option("--add", "listed", multiple=True, metavar="SOURCE=N,M",
              help="List units by hand: turn/paragraph numbers (from 1); repeat.")  # fmt: skip
@click.option("--coders", "check_coders", metavar="NAMES",
              help="Who codes the sample, comma-separated (researcher, supervisor).")  # fmt: skip
@click.option("--clear", is_flag=True, help="Remove the check sample.")
@json_option
@coder_option
def check_sample_cmd(
    project: str, fraction: float | None, seed: int, no_stratify: bool, listed: tuple[str, ...],
    check_coders: str | None, clear: bool, as_json: bool, coder: str | None,
) -> None:  # fmt: skip
    """Show, draw or list the check sample the second coder re-codes for agreement."""
    from qualcode.analysis.check_sample import (
        check_sample,
        clear_check_sample,
        draw_check_sample,
        set_check_sample,
        source_units,
    )

    if sum(bool(x) for x in (fraction is not None, listed, clear)) > 1:
        raise click.UsageError("use one of --draw, --add or --clear")
    who = [c.strip() for c in check_coders.split(",") if c.strip()] if check_coders else []
    writing = fraction is not None or bool(listed) or clear
    with open_project(project, coder, read_only=not writing) as p:
        if fraction is not None:
            draw_check_sample(p, fraction, seed=seed, stratified=not no_stratify, coders=who)
        elif listed:
            units = []
            for item in listed:
                name, sep, numbers = item.partition("=")
                if not sep:
                    raise click.BadParameter(
                        f"expected SOURCE=N,M, got '{item}'", param_hint="--add"
                    )
                sid = p.sources.find(name.strip()).id
                spans = source_units(p, [sid])[sid]
                for n in (int(x) for x in numbers.split(",") if x.strip()):
                    if not 1 <= n <= len(spans):
                        raise click.BadParameter(
                            f"{name.strip()} has {len(spans)} units, not {n}", param_hint="--add"
                        )
                    units.append((sid, *spans[n - 1]))
            set_check_sample(p, units, coders=who)
        elif clear:
            clear_check_sample(p)
        sample = check_sample(p)
        names = {s.id: s.name for s in p.sources.all()}
    if as_json:
        emit_json(sample.to_dict() if sample else None)
    elif sample is None:
        click.echo("No check sample.")
    else:
        click.echo(f"Check sample: {sample.describe()}")
        if sample.coders:
            click.echo(f"Coded by: {', '.join(sample.coders)}")
        for sid, spans in sample.by_source().items():
            click.echo(f"  {names.get(sid, sid)}: {len(spans)} units")
