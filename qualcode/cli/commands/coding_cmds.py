"""``qualcode coding ...`` and ``qualcode codings``: apply, change and list codings."""

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
from qualcode.records import VALENCES

VALENCE = click.Choice(VALENCES)


def register(cli: click.Group) -> None:
    """Add ``coding`` and ``codings`` to ``cli``."""
    cli.add_command(coding)
    cli.add_command(codings)


@click.group()
def coding() -> None:
    """Apply, remove, resize and recode codings."""


@coding.command("add")
@project_argument
@click.option("--source", required=True, metavar="NAME", help="Source name (or id).")
@click.option("--start", required=True, type=int, help="First character (0-based).")
@click.option("--end", required=True, type=int, help="One past the last character.")
@click.option("--code", "code_names", required=True, multiple=True, metavar="NAME",
              help="Code name or path; repeat to apply several codes.")  # fmt: skip
@click.option("--valence", type=VALENCE, help="Supporting or inhibiting factor.")
@click.option("--magnitude", help="Magnitude or rating (e.g. high, +, 3).")
@click.option("--period", help="Period or event the passage is about.")
@click.option("--note", default="", help="A note on this coding.")
@coder_option
@json_option
def add(
    project: str, source: str, start: int, end: int, code_names: tuple[str, ...],
    valence: str | None, magnitude: str | None, period: str | None, note: str,
    coder: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Code characters START..END of a source with one or more codes."""
    with open_project(project, coder) as p:
        src = p.sources.find(source)
        ids = [p.codes.find(name).id for name in code_names]
        created = p.codings.apply_many(
            src.id, start, end, ids, valence=valence, magnitude=magnitude, period=period,
            note=note,
        ).result or []  # fmt: skip
    if as_json:
        emit_json(created)
    else:
        click.echo(f"Coded {src.name} {start}-{end} with {', '.join(code_names)}")


@coding.command("remove")
@project_argument
@click.argument("coding_ids", nargs=-1, required=True, type=int, metavar="ID...")
@click.option("--allow-others", is_flag=True, help="Also change codings other coders made.")
@click.option("--yes", is_flag=True, help="Remove even codings that review comments are about.")
@coder_option
def remove(
    project: str, coding_ids: tuple[int, ...], allow_others: bool, yes: bool, coder: str | None
) -> None:
    """Remove codings by id (asks before removing commented ones unless --yes)."""
    with open_project(project, coder) as p:
        threads = p.review.on_targets("coding", list(coding_ids))
        if threads and not yes:
            click.confirm(
                f"{len(threads)} review comment thread(s) are about these codings (they keep "
                "the quoted text). Remove anyway?",
                abort=True,
            )
        p.codings.remove(list(coding_ids), allow_others=allow_others)
    click.echo(f"Removed {len(coding_ids)} coding(s)")


@coding.command("resize")
@project_argument
@click.argument("coding_id", type=int, metavar="ID")
@click.option("--start", required=True, type=int)
@click.option("--end", required=True, type=int)
@click.option("--allow-others", is_flag=True, help="Also change codings other coders made.")
@coder_option
def resize(
    project: str, coding_id: int, start: int, end: int, allow_others: bool, coder: str | None
) -> None:
    """Move the boundaries of a coding."""
    with open_project(project, coder) as p:
        p.codings.resize(coding_id, start, end, allow_others=allow_others)
    click.echo(f"Coding {coding_id} now covers {start}-{end}")


@coding.command("recode")
@project_argument
@click.argument("coding_ids", nargs=-1, required=True, type=int, metavar="ID...")
@click.option("--code", "code_name", required=True, metavar="NAME", help="The new code.")
@click.option("--allow-others", is_flag=True, help="Also change codings other coders made.")
@coder_option
def recode(
    project: str, coding_ids: tuple[int, ...], code_name: str, allow_others: bool,
    coder: str | None,
) -> None:  # fmt: skip
    """Give codings another code."""
    with open_project(project, coder) as p:
        p.codings.recode(list(coding_ids), p.codes.find(code_name).id, allow_others=allow_others)
    click.echo(f"Recoded {len(coding_ids)} coding(s) to {code_name}")


@coding.command("set")
@project_argument
@click.argument("coding_id", type=int, metavar="ID")
@click.option("--valence", type=VALENCE)
@click.option("--magnitude")
@click.option("--period")
@click.option("--event-date", metavar="YYYY-MM-DD")
@click.option("--weight", help="Evidence weight (e.g. strong, weak).")
@click.option("--note")
@coder_option
def set_(
    project: str, coding_id: int, valence: str | None, magnitude: str | None,
    period: str | None, event_date: str | None, weight: str | None, note: str | None,
    coder: str | None,
) -> None:  # fmt: skip
    """Set per-coding attributes (only the options given change)."""
    given = {
        k: v
        for k, v in {
            "valence": valence, "magnitude": magnitude, "period": period,
            "event_date": event_date, "weight": weight, "note": note,
        }.items()
        if v is not None
    }  # fmt: skip
    if not given:
        raise click.UsageError("Give at least one attribute to set.")
    with open_project(project, coder) as p:
        p.codings.set_attributes(coding_id, **given)
    click.echo(f"Updated coding {coding_id}")


@click.command()
@project_argument
@click.option("--source", "source_names", multiple=True, metavar="NAME", help="Only this source.")
@click.option("--code", "code_names", multiple=True, metavar="NAME", help="Only this code.")
@click.option("--coder", "coder_names", multiple=True, metavar="NAME", help="Only this coder.")
@json_option
def codings(
    project: str, source_names: tuple[str, ...], code_names: tuple[str, ...],
    coder_names: tuple[str, ...], as_json: bool,
) -> None:  # fmt: skip
    """List codings with the text they cover."""
    from qualcode.coding.retrieval import coded_segments

    with open_project(project, read_only=True) as p:
        segments = coded_segments(
            p,
            sources=[p.sources.find(n).id for n in source_names] or None,
            codes=[p.codes.find(n).id for n in code_names] or None,
            coders=list(coder_names) or None,
        )
    if as_json:
        emit_json(segments)
        return
    emit_table(
        [[s.id, s.source, s.start, s.end, s.code, s.coder, _short(s.text)] for s in segments],
        ["id", "source", "start", "end", "code", "coder", "text"],
    )


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@coding.command("invivo")
@project_argument
@click.option("--source", required=True, metavar="NAME", help="Source name (or id).")
@click.option("--start", required=True, type=int, help="First character (0-based).")
@click.option("--end", required=True, type=int, help="One past the last character.")
@click.option("--parent", metavar="CODE", help="Put the new code under this code.")
@coder_option
@json_option
def invivo(
    project: str, source: str, start: int, end: int, parent: str | None, coder: str | None,
    as_json: bool,
) -> None:  # fmt: skip
    """Code START..END in vivo: with a code named with the informant's own words (in quotes)."""
    with open_project(project, coder) as p:
        src = p.sources.find(source)
        parent_id = p.codes.find(parent).id if parent else None
        result = p.codings.in_vivo(src.id, start, end, parent_id=parent_id).result
        assert result is not None
        new_code, new_coding = result
        path = p.codes.path_text(new_code.id)
    if as_json:
        emit_json({"code": new_code, "coding": new_coding})
    else:
        click.echo(f"Coded {src.name} {start}-{end} in vivo with {path} (code id {new_code.id})")
