"""Where a conclusion came from: the displays, rows, columns, cells and memos it is linked to.

A link to a saved display names its row and/or column by key; this resolves the
keys to the labels a reader sees (re-running each linked display once) and
brings the cell's summary along, so the app, the command line and the
conclusions export show the same sources. A key the display no longer has (its
data or spec changed) is flagged ``gone``, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qualcode.errors import NotFoundError

if TYPE_CHECKING:
    from qualcode.analysis.conclusions import ConclusionRecord
    from qualcode.analysis.engine import Display
    from qualcode.project import Project


@dataclass(frozen=True, slots=True)
class ClaimSource:
    """One source of a claim: a saved display or a part of it, or a memo."""

    kind: str  # display | row | column | cell | memo
    link_id: int  # the display link's id, or the memo's id
    display_id: int | None = None
    display_name: str = ""
    row_key: str | None = None
    col_key: str | None = None
    row_label: str = ""
    col_label: str = ""
    summary: str = ""
    draft: bool = False
    memo_title: str = ""
    memo_text: str = ""
    gone: bool = False


def link_kind(row_key: str | None, col_key: str | None) -> str:
    """What a display link points at: the display, a row, a column or one cell."""
    if row_key is not None and col_key is not None:
        return "cell"
    if row_key is not None:
        return "row"
    return "column" if col_key is not None else "display"


def claim_sources(project: Project, record: ConclusionRecord) -> list[ClaimSource]:
    """The claim's display links (resolved to labels and cell summaries), then its memos."""
    out: list[ClaimSource] = []
    built: dict[int, Display | None] = {}
    for link in record.displays:
        if link.display_id not in built:
            try:
                built[link.display_id] = project.displays.run(link.display_id)
            except NotFoundError:
                built[link.display_id] = None
        display = built[link.display_id]
        out.append(_display_source(project, link, display))
    memos = {m.id: m for m in project.memos.all()} if record.memo_ids else {}
    for memo_id in record.memo_ids:
        memo = memos.get(memo_id)  # type: ignore[call-overload]
        out.append(
            ClaimSource(
                "memo", memo_id, memo_title=getattr(memo, "title", ""),
                memo_text=getattr(memo, "text", ""), gone=memo is None,
            )
        )  # fmt: skip
    return out


def _display_source(project: Project, link: Any, display: Display | None) -> ClaimSource:
    kind = link_kind(link.row_key, link.col_key)
    if display is None:
        return ClaimSource(kind, link.id, link.display_id, row_key=link.row_key,
                           col_key=link.col_key, gone=True)  # fmt: skip
    name = project.displays.get(link.display_id).name
    rows = {h.key: h.label for h in display.rows}
    cols = {h.key: h.label for h in display.columns}
    gone = (link.row_key is not None and link.row_key not in rows) or (
        link.col_key is not None and link.col_key not in cols
    )
    summary, draft = "", False
    if kind == "cell" and not gone:
        found = display.summaries.get(display.find(link.row_key, link.col_key))
        if found is not None:
            summary, draft = found.text, found.draft
    return ClaimSource(
        kind, link.id, link.display_id, name, link.row_key, link.col_key,
        rows.get(link.row_key or "", link.row_key or ""),
        cols.get(link.col_key or "", link.col_key or ""), summary, draft, gone=gone,
    )  # fmt: skip
