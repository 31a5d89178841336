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
    from qualcode.coding.memos import MemoTarget
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
    return {"source": "sources", "case": "cases", "coding": "codings"}.get(kind, kind)


def _about(target: MemoTarget, language: str) -> str:
    if target.kind == "project":
        return label("project", language)
    return f"{label(target.kind, language)}: {target.name}"
