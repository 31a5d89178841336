"""``qualcode memo ...``: analytic memos and the research journal from the command line."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from qualcode.cli.common import (
    coder_option,
    emit_json,
    emit_table,
    json_option,
    open_project,
    project_argument,
)
from qualcode.coding.memos import TARGET_KINDS
from qualcode.records import MEMO_KINDS

ON_HELP = (
    "What the memo is about: project (default), code:NAME, source:NAME, case:NAME, "
    "coding:ID, conclusion:ID, display:NAME (a saved display) or cell:DISPLAY:ROW:COL "
    "(one cell; row and column by label or key). Write a ':' inside a name as '\\:'; "
    "an unescaped one is accepted when only one reading names an existing cell."
)


def register(cli: click.Group) -> None:
    """Add the ``memo`` group to ``cli``."""
    cli.add_command(memo)


@click.group()
def memo() -> None:
    """Write, list, search and export memos and journal entries."""


def _resolve_on(p: Any, on: str) -> tuple[str, int | None, tuple[str, str] | None]:
    kind, _, rest = on.partition(":")
    kind = kind.strip().lower()
    if kind == "project" and not rest:
        return "project", None, None
    if kind == "code" and rest:
        return "code", p.codes.find(rest).id, None
    if kind == "source" and rest:
        return "source", p.sources.find(rest).id, None
    if kind == "case" and rest:
        return "case", p.cases.find(rest).id, None
    if kind in ("coding", "conclusion") and rest.strip().isdigit():
        return kind, int(rest), None
    if kind == "display" and rest:
        return "display", p.displays.find(rest.replace("\\:", ":")).id, None
    if kind == "cell" and rest:
        display_id, row, col = _resolve_cell(p, rest)
        return "cell", display_id, (row, col)
    raise click.BadParameter(f"'{on}': {ON_HELP}", param_hint="--on")


def _resolve_cell(p: Any, text: str) -> tuple[int, str, str]:
    """DISPLAY:ROW:COL, with '\\:' for a colon inside a name, or the one reading that fits."""
    from qualcode.analysis.cells import cell_keys
    from qualcode.errors import NotFoundError

    parts = [x.replace("\x00", ":") for x in text.replace("\\:", "\x00").split(":")]
    if len(parts) < 3:
        raise click.BadParameter(f"'cell:{text}': {ON_HELP}", param_hint="--on")
    readings = []
    for i in range(1, len(parts) - 1):
        for j in range(i + 1, len(parts)):
            readings.append((":".join(parts[:i]), ":".join(parts[i:j]), ":".join(parts[j:])))
    if len(readings) == 1:
        name, row, col = readings[0]
        return p.displays.find(name).id, row, col
    fits = []
    for name, row, col in readings:
        try:
            saved = p.displays.find(name)
            cell_keys(p.displays.run(saved.id), row, col)
        except NotFoundError:
            continue
        fits.append((saved.id, row, col))
    if len(fits) != 1:
        why = "no reading names a cell" if not fits else "several readings name a cell"
        raise click.BadParameter(
            f"'cell:{text}': {why}; write a ':' inside a name as '\\:'", param_hint="--on"
        )
    return fits[0]


def _memo_json(
    m: Any, target: Any, authors: dict[int, str], gone: set[int] | None = None
) -> dict[str, Any]:
    cell: dict[str, Any] = {}
    if target.row_key is not None:
        cell = {"row_key": target.row_key, "column_key": target.col_key}
        if gone is not None:
            cell["cell_gone"] = m.id in gone
    return {
        "id": m.id,
        "kind": m.kind,
        "title": m.title,
        "text": m.text,
        "author": authors.get(m.coder_id) if m.coder_id is not None else None,
        "created": m.created_at,
        "modified": m.modified_at,
        "on": {
            "kind": target.kind, "id": target.id, "name": target.name, "quote": target.quote,
            **cell,
        },
    }  # fmt: skip


def _coder_names(p: Any) -> dict[int, str]:
    return dict(p.memos.authors())


def _gone(p: Any, targets: dict[int, Any]) -> set[int]:
    """Memos on a display cell their saved display no longer has (the one rule)."""
    from qualcode.analysis.cell_memos import gone_cell_memos, has_cell_memos

    return gone_cell_memos(p, targets) if has_cell_memos(targets) else set()


def _on_text(target: Any, gone: bool) -> str:
    text = target.kind + (f": {target.name}" if target.name else "")
    return f"{text} ({GONE})" if gone else text


GONE = "cell no longer in the display"


@memo.command("add")
@project_argument
@click.argument("text")
@click.option("--on", "on", default="project", show_default=True, help=ON_HELP)
@click.option("--title", default="", help="A short title.")
@click.option("--kind", type=click.Choice(MEMO_KINDS), default=None,
              help="Kind of memo (default: analytic; journal with --journal).")  # fmt: skip
@click.option("--journal", is_flag=True, help="A dated entry of the project's research journal.")
@coder_option
@json_option
def add(project: str, text: str, on: str, title: str, kind: str | None, journal: bool,
        coder: str | None, as_json: bool) -> None:  # fmt: skip
    """Write a memo (TEXT) on the project or on a code, source, case, coding, conclusion,
    saved display or display cell."""
    if journal and on != "project":
        raise click.UsageError("A journal entry is written on the project (leave out --on).")
    with open_project(project, coder) as p:
        target, target_id, cell = _resolve_on(p, on)
        made = p.memos.create(
            text, title=title, kind=kind or ("journal" if journal else "analytic"),
            target=target, target_id=target_id, cell=cell,
        ).result  # fmt: skip
        assert made is not None
        where = p.memos.targets([made])[made.id]
        authors = _coder_names(p)
    if as_json:
        emit_json(_memo_json(made, where, authors))
        return
    click.echo(f"Added memo {made.id}" + (f" on {where.kind} {where.name}" if where.name else ""))


@memo.command("list")
@project_argument
@click.option("--kind", "kinds", multiple=True, type=click.Choice(MEMO_KINDS),
              help="Only memos of this kind (repeatable).")  # fmt: skip
@click.option("--on", "target", type=click.Choice(TARGET_KINDS),
    help="Only memos on this kind of item (unlinked: their display was deleted).")  # fmt: skip
@click.option("--author", help="Only memos written by this coder.")
@click.option("--search", "words", help="Only memos containing all these words.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Written on or after YYYY-MM-DD.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Written on or before YYYY-MM-DD.")
@json_option
def list_(project: str, kinds: tuple[str, ...], target: str | None, author: str | None,
          words: str | None, since: Any, until: Any, as_json: bool) -> None:  # fmt: skip
    """List memos and journal entries, filtered by kind, target, author, words and date.

    A memo on a display cell the saved display no longer has (its row or column
    went when the data changed) is marked "cell no longer in the display".
    """
    with open_project(project, read_only=True) as p:
        memos = p.memos.find(
            kinds=list(kinds) or None, target=target, coder=author, text=words,
            since=_day(since), until=_day(until),
        )  # fmt: skip
        targets = p.memos.targets(memos)
        authors = _coder_names(p)
        gone = _gone(p, targets)
    if as_json:
        emit_json([_memo_json(m, targets[m.id], authors, gone) for m in memos])
        return
    rows = [
        [
            m.id,
            _day(m.created_at),
            m.kind,
            authors.get(m.coder_id or -1, "-"),
            _on_text(targets[m.id], m.id in gone),
            m.title or (m.text.splitlines()[0][:60] if m.text else ""),
        ]
        for m in memos
    ]
    emit_table(rows, ["id", "date", "kind", "author", "on", "title"])  # fmt: skip


@memo.command("show")
@project_argument
@click.argument("memo_id", type=int)
@json_option
def show(project: str, memo_id: int, as_json: bool) -> None:
    """Show one memo with what it is written on."""
    with open_project(project, read_only=True) as p:
        m = p.memos.get(memo_id)
        target = p.memos.targets([m])[m.id]
        authors = _coder_names(p)
        gone = _gone(p, {m.id: target})
    if as_json:
        emit_json(_memo_json(m, target, authors, gone))
        return
    click.echo(f"#{m.id} {m.title or '(untitled)'}  [{m.kind}]")
    about = f", about {target.kind} {target.name}" if target.name else ""
    if m.id in gone:
        about += f" ({GONE})"
    click.echo(f"  by {authors.get(m.coder_id or -1, '-')} on {_day(m.created_at)}{about}")
    if target.quote:
        click.echo(f"  quote: “{target.quote}”")
    click.echo()
    click.echo(m.text)


@memo.command("edit")
@project_argument
@click.argument("memo_id", type=int)
@click.option("--text", help="The new text.")
@click.option("--title", help="The new title.")
@click.option("--kind", type=click.Choice(MEMO_KINDS), help="The new kind.")
@coder_option
def edit(project: str, memo_id: int, text: str | None, title: str | None, kind: str | None,
         coder: str | None) -> None:  # fmt: skip
    """Change a memo's text, title or kind (undoable)."""
    if text is None and title is None and kind is None:
        raise click.UsageError("Give --text, --title or --kind.")
    with open_project(project, coder) as p:
        p.memos.update(memo_id, text=text, title=title, kind=kind)
    click.echo(f"Edited memo {memo_id}")


@memo.command("link")
@project_argument
@click.argument("memo_id", type=int)
@click.option("--on", "on", required=True,
              help="display:NAME or cell:DISPLAY:ROW:COL (as for 'memo add').")  # fmt: skip
@coder_option
def link(project: str, memo_id: int, on: str, coder: str | None) -> None:
    """Put memo MEMO_ID (on the project, or on another display or cell) on a saved display
    or one of its cells (undoable). In team mode a coder links their own memos."""
    with open_project(project, coder) as p:
        target, display_id, cell = _resolve_on(p, on)
        if target not in ("display", "cell") or display_id is None:
            raise click.BadParameter(f"'{on}': give display:NAME or cell:DISPLAY:ROW:COL",
                                     param_hint="--on")  # fmt: skip
        made = p.memos.link_display(memo_id, display_id, cell).result
        assert made is not None
        where = p.memos.targets([made])[made.id]
    click.echo(f"Linked memo {memo_id} to {where.kind} {where.name}")


@memo.command("unlink")
@project_argument
@click.argument("memo_id", type=int)
@coder_option
def unlink(project: str, memo_id: int, coder: str | None) -> None:
    """Take memo MEMO_ID off its display or cell; it stays as a memo on the project."""
    with open_project(project, coder) as p:
        p.memos.unlink_display(memo_id)
    click.echo(f"Unlinked memo {memo_id}; it is now on the project")


@memo.command("delete")
@project_argument
@click.argument("memo_id", type=int)
@coder_option
def delete(project: str, memo_id: int, coder: str | None) -> None:
    """Delete a memo (undoable)."""
    with open_project(project, coder) as p:
        p.memos.delete(memo_id)
    click.echo(f"Deleted memo {memo_id}")


@memo.command("export")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--by", type=click.Choice(["code", "date"]), default="code", show_default=True,
              help="Group by what the memos are about, or list them by date.")  # fmt: skip
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(MEMO_KINDS),
              help="Only memos of this kind (repeatable).")  # fmt: skip
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Replace every identity register entry (names, posts, places).")  # fmt: skip
@click.option("--accept-leaks", is_flag=True, help="Write even if register entries remain.")
def export(project: str, out: str, by: str, language: str, kinds: tuple[str, ...],
           pseudonymise: bool, accept_leaks: bool) -> None:  # fmt: skip
    """Write the memos (and journal) to a Word document (.docx) or web page (.html)."""
    from qualcode.cli.commands.export_cmds import _guarded
    from qualcode.export.memos_docx import export_memos

    with open_project(project, read_only=True) as p:
        n = _guarded(
            p, out, pseudonymise, accept_leaks,
            lambda path: export_memos(p, path, by=by, language=language,
                                      kinds=list(kinds) or None),
        )  # fmt: skip
    click.echo(f"Wrote {n} memo(s) to {out}")


def _day(value: Any) -> date | None:
    if value is None:
        return None
    return value.date() if hasattr(value, "date") else value
