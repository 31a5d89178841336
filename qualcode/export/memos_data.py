"""Memos and journal entries gathered for export, grouped as a reader looks for them.

One home for how memos appear outside the project: the project report (Word and
HTML) and the memo export both use :func:`collect_memos`. Grouped ``by="code"``:
project memos first, then each code in codebook order with the memos on it and
on its codings (with the quoted passage), then sources, cases, conclusions, and
the research journal last in date order. Grouped ``by="date"``: one group per day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from qualcode.analysis.engine import Display
    from qualcode.coding.memos import MemoTarget
    from qualcode.export.table import TableNote
    from qualcode.project import Project
    from qualcode.records import Memo


@dataclass(frozen=True, slots=True)
class MemoEntry:
    """One memo as an export shows it, already in the export's language."""

    memo_id: int
    title: str
    kind: str
    author: str
    day: str
    about: str
    quote: str
    text: str


@dataclass
class MemoGroup:
    """A heading and the memos under it."""

    heading: str
    entries: list[MemoEntry] = field(default_factory=list)


def collect_memos(
    project: Project,
    language: str = "id",
    *,
    by: str = "code",
    kinds: Sequence[str] | None = None,
) -> list[MemoGroup]:
    """The project's memos (optionally only some kinds) as groups for an export."""
    language = check_language(language)
    memos = project.memos.find(kinds=kinds)
    if not memos:
        return []
    targets = project.memos.targets(memos)
    authors = project.memos.authors()
    codes = project.codes.all()
    code_of_coding: dict[int, int] = {int(c.id): int(c.code_id) for c in project.codings.list()}

    def entry(m: Memo) -> MemoEntry:
        tg = targets[m.id]
        return MemoEntry(
            memo_id=m.id,
            title=m.title,
            kind=label(f"kind_{m.kind}", language),
            author=authors.get(m.coder_id or -1, ""),
            day=format_date(m.created_at.date() if m.created_at else None, language),
            about=_about(tg, language),
            quote=tg.quote,
            text=m.text,
        )

    ordered = sorted(memos, key=lambda m: (m.created_at is None, m.created_at, m.id))
    if by == "date":
        groups: dict[str, MemoGroup] = {}
        for m in ordered:
            e = entry(m)
            groups.setdefault(e.day, MemoGroup(e.day)).entries.append(e)
        return list(groups.values())
    by_code: dict[int, MemoGroup] = {
        c.id: MemoGroup(f"{label('code', language)}: {c.label(language)}") for c in codes
    }
    project_group = MemoGroup(label("on_project", language))
    other: dict[str, MemoGroup] = {}
    journal = MemoGroup(label("journal", language))
    for m in ordered:
        tg = targets[m.id]
        e = entry(m)
        if m.kind == "journal" and tg.kind == "project":
            journal.entries.append(e)
        elif tg.kind == "project":
            project_group.entries.append(e)
        elif tg.kind == "code" and tg.id in by_code:
            by_code[tg.id].entries.append(e)
        elif tg.kind == "coding" and code_of_coding.get(tg.id or -1) in by_code:
            by_code[code_of_coding[tg.id or -1]].entries.append(e)
        else:
            key = "source" if tg.kind == "source" else tg.kind
            other.setdefault(key, MemoGroup(label(_plural(key), language))).entries.append(e)
    groups_out = [project_group, *by_code.values(), *other.values(), journal]
    return [g for g in groups_out if g.entries]


def _plural(kind: str) -> str:
    return {
        "source": "sources", "case": "cases", "coding": "codings", "display": "displays",
        "cell": "displays", "unlinked": "memos_unlinked",
    }.get(kind, kind)  # fmt: skip


def _about(target: MemoTarget, language: str) -> str:
    if target.kind == "project":
        return label("project", language)
    if target.kind == "unlinked":
        return f"{label('unlinked', language)}: {target.name}"
    return f"{label(target.kind, language)}: {target.name}"


def memo_note(m: Memo, author: str, language: str) -> str:
    """One memo on one line for a note beside an excerpt or under a table.

    ``Title: text (author, 3 Mei 2024)``; paragraphs are joined by spaces.
    """
    text = " ".join(m.text.split())
    if m.title:
        text = f"{m.title}: {text}" if text else m.title
    when = format_date(m.created_at.date() if m.created_at else None, language)
    who = ", ".join(x for x in (author, when) if x)
    return f"{text} ({who})" if who else text


def display_notes(
    project: Project,
    display: Display,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    header: Callable[[str], str],
    language: str,
) -> tuple[list[TableNote], dict[tuple[int, int], tuple[str, ...]]]:
    """Memos on a saved display and its cells as notes under its table, and each cell's marks.

    ``row_labels``/``col_labels`` are the table's labels by the display's row and
    column index (pseudonyms when asked); ``header`` names a stored row or column
    label the same way. A memo on a cell the display no longer has (its row or
    column went when the data or the spec changed) is still printed, marked so.
    """
    from qualcode.analysis.cell_memos import place_cell_memos
    from qualcode.export.table import TableNote

    if display.saved_id is None:
        return [], {}
    on = project.memos.on_display(display.saved_id)
    if not on:
        return [], {}
    authors = project.memos.authors()

    def text(m: Memo) -> str:
        return memo_note(m, authors.get(m.coder_id or -1, ""), language)

    notes = [TableNote("", "", text(m)) for m in on.get(None, [])]
    marks: dict[tuple[int, int], tuple[str, ...]] = {}
    placed, gone = place_cell_memos(display, on)
    where = {m.id: rc for rc, ms in placed.items() for m in ms}
    cell_memos = [m for ms in placed.values() for m in ms] + [m for _k, m in gone]
    targets = project.memos.targets(cell_memos)
    for n, m in enumerate(sorted(cell_memos, key=lambda memo: memo.id), 1):
        mark = f"M{n}"
        if m.id not in where:  # the cell vanished when the data or the spec changed
            tg = targets[m.id]
            about = f"{header(tg.row_label)} × {header(tg.col_label)} "
            about += f"({label('cell_gone', language)})"
            notes.append(TableNote(mark, about, text(m)))
            continue
        r, c = where[m.id]
        marks[(r, c)] = (*marks.get((r, c), ()), mark)
        notes.append(TableNote(mark, f"{row_labels[r]} × {col_labels[c]}", text(m)))
    return notes, marks
