"""``qualcode cell ...``: condensed cells of saved displays (summaries, evidence, ratings).

A cell is named by its saved display and its row and column, each given by
label (``I3``, ``Sumber daya``) or by key (as ``display --json`` lists them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from qualcode.cli.common import coder_option, emit_json, json_option, open_project, project_argument


def register(cli: click.Group) -> None:
    """Add ``cell`` to ``cli``."""
    cli.add_command(cell)


@click.group()
def cell() -> None:
    """Condensed cells of saved displays: summaries, their evidence, drafts, ratings."""


def _ids(text: str | None) -> list[int]:
    try:
        return [int(x) for x in (text or "").split(",") if x.strip()]
    except ValueError:
        raise click.BadParameter(f"'{text}': coding ids are numbers, comma-separated") from None


def _locate(p: Any, name: str, row: str, col: str) -> tuple[Any, Any, str, str]:
    """The saved display, its current build, and the cell's (row key, column key)."""
    from qualcode.analysis.cells import cell_keys

    saved = p.displays.find(name)
    display = p.displays.run(saved.id)
    return saved, display, *cell_keys(display, row, col)


def _cell_args[F: Callable[..., Any]](fn: F) -> F:
    for arg in reversed(
        (
            click.argument("display_name", metavar="DISPLAY"),
            click.argument("row", metavar="ROW"),
            click.argument("col", metavar="COL"),
        )
    ):
        fn = arg(fn)
    return fn


@cell.command("show")
@project_argument
@_cell_args
@json_option
def show(project: str, display_name: str, row: str, col: str, as_json: bool) -> None:
    """Show a cell: its rating, summary (draft or accepted), chosen evidence and codings."""
    from qualcode.analysis.excerpts import cell_excerpts, excerpts_by_id

    with open_project(project, read_only=True) as p:
        saved, display, rk, ck = _locate(p, display_name, row, col)
        r, c = display.find(rk, ck)
        summary = p.cells.summary(saved.id, rk, ck)
        evidence = excerpts_by_id(p, list(summary.coding_ids)) if summary else {}
        codings = cell_excerpts(p, display, r, c)
        basis = display.rating_basis.get((r, c))
    out: dict[str, Any] = {
        "display": saved.name, "row": display.rows[r].label, "column": display.columns[c].label,
        "row_key": rk, "column_key": ck, "count": display.counts[r][c],
        "rating": display.ratings.get((r, c)),
        "rating_rule": None if basis is None else basis.computed,
        "rating_reason": None if basis is None else basis.reason,
        "summary": None if summary is None else summary.text,
        "draft": None if summary is None else summary.draft,
        "evidence": [] if summary is None else list(summary.coding_ids),
        "missing": [] if summary is None else list(summary.missing),
        "codings": [{"id": e.coding_id, "source": e.source, "cases": list(e.cases),
                     "text": e.text} for e in codings],
    }  # fmt: skip
    if as_json:
        emit_json(out)
        return
    click.echo(f"{out['display']}: {out['row']} × {out['column']} ({out['count']} codings)")
    if out["rating"]:
        line = f"rating: {out['rating']}"
        if basis is not None and basis.override:
            line += f" (set by {basis.author}; rule: {basis.computed}"
            line += f" — {basis.reason})" if basis.reason else ")"
        click.echo(line)
    if summary is not None:
        click.echo("summary (DRAFT, not accepted):" if summary.draft else "summary:")
        click.echo(f"  {summary.text}")
        for i in summary.coding_ids:
            e = evidence.get(i)
            mark = f"[{i}] DELETED" if e is None else f"[{i}] {e.source}: “{e.text}”"
            click.echo(f"  evidence {mark}")
    chosen = set(summary.coding_ids) if summary else set()
    click.echo("codings in the cell (* = chosen evidence):")
    for item in out["codings"]:
        star = "*" if item["id"] in chosen else " "
        click.echo(f" {star}[{item['id']}] {item['source']}: “{item['text']}”")


@cell.command("set")
@project_argument
@_cell_args
@click.argument("text", required=False)
@click.option("--evidence", help="Exactly these coding ids as the evidence (comma-separated).")
@click.option("--add", help="Add these coding ids to the evidence.")
@click.option("--remove", help="Remove these coding ids from the evidence.")
@coder_option
def set_cmd(
    project: str, display_name: str, row: str, col: str, text: str | None,
    evidence: str | None, add: str | None, remove: str | None, coder: str | None,
) -> None:  # fmt: skip
    """Write a cell's summary TEXT and/or choose the codings it rests on."""
    if text is None and evidence is None and not add and not remove:
        raise click.UsageError("give TEXT, --evidence, --add or --remove")
    with open_project(project, coder) as p:
        saved, _, rk, ck = _locate(p, display_name, row, col)
        if text is not None or evidence is not None:
            old = p.cells.summary(saved.id, rk, ck)
            new_text = text if text is not None else (old.text if old else "")
            ids = _ids(evidence) if evidence is not None else None
            p.cells.set_summary(saved.id, rk, ck, new_text, ids)
        if add or remove:
            p.cells.choose_evidence(saved.id, rk, ck, add=_ids(add), remove=_ids(remove))
        done = p.cells.summary(saved.id, rk, ck)
    assert done is not None
    click.echo(f"Cell summary saved; evidence: {', '.join(map(str, done.coding_ids)) or '-'}")


@cell.command("accept")
@project_argument
@_cell_args
@coder_option
def accept(project: str, display_name: str, row: str, col: str, coder: str | None) -> None:
    """Accept a cell's drafted summary as your own."""
    with open_project(project, coder) as p:
        saved, _, rk, ck = _locate(p, display_name, row, col)
        p.cells.accept(saved.id, rk, ck)
    click.echo("Draft accepted")


@cell.command("clear")
@project_argument
@_cell_args
@coder_option
def clear(project: str, display_name: str, row: str, col: str, coder: str | None) -> None:
    """Remove a cell's summary and its chosen evidence."""
    with open_project(project, coder) as p:
        saved, _, rk, ck = _locate(p, display_name, row, col)
        p.cells.clear_summary(saved.id, rk, ck)
    click.echo("Cell summary removed")


@cell.command("autofill")
@project_argument
@click.argument("display_name", metavar="DISPLAY")
@click.option("--row", help="Only this row (with --col: only this cell).")
@click.option("--col", help="Only this column.")
@click.option("--sentences", type=click.IntRange(1, 20), default=3, show_default=True)
@coder_option
def autofill(
    project: str, display_name: str, row: str | None, col: str | None, sentences: int,
    coder: str | None,
) -> None:  # fmt: skip
    """Draft summaries of a saved display's cells (drafts stay marked until accepted)."""
    from qualcode.analysis.cells import cell_keys

    with open_project(project, coder) as p:
        saved = p.displays.find(display_name)
        cells = None
        if row or col:
            display = p.displays.run(saved.id)
            rows = [row] if row else [h.key for h in display.rows]
            cols = [col] if col else [h.key for h in display.columns]
            cells = [cell_keys(display, r, c) for r in rows for c in cols]
        drafted = p.cells.autofill(saved.id, cells=cells, max_sentences=sentences).result
    click.echo(f"Drafted {drafted} cell summar{'y' if drafted == 1 else 'ies'}")


@cell.command("rate")
@project_argument
@_cell_args
@click.argument(
    "rating",
    type=click.Choice(["absent", "inadequate", "partly", "adequate", "not_mentioned"]),
)
@click.option("--reason", default="", help="Why the rule's rating does not fit.")
@coder_option
def rate(
    project: str, display_name: str, row: str, col: str, rating: str, reason: str,
    coder: str | None,
) -> None:  # fmt: skip
    """Override the rule's rating of a checklist cell."""
    with open_project(project, coder) as p:
        saved, _, rk, ck = _locate(p, display_name, row, col)
        p.cells.rate(saved.id, rk, ck, rating, reason)
    click.echo(f"Rated {rating}")


@cell.command("unrate")
@project_argument
@_cell_args
@coder_option
def unrate(project: str, display_name: str, row: str, col: str, coder: str | None) -> None:
    """Drop your rating override: the rule rates the cell again."""
    with open_project(project, coder) as p:
        saved, _, rk, ck = _locate(p, display_name, row, col)
        p.cells.clear_rating(saved.id, rk, ck)
    click.echo("Rating override removed")
