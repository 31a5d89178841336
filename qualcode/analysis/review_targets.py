"""What a review comment is about: checking a target and keeping a snapshot of it.

One home for the rule "which targets exist and what they look like": the
review manager checks a new thread's target here (a cell's row and column must
exist in the display), stores the snapshot this module takes, and every reader
(Review pane, review report, merge) asks :func:`where` how to present a thread,
falling back to the snapshot once the target is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis import tables as at
from qualcode.errors import NotFoundError, QualCodeError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.analysis.review import Comment
    from qualcode.analysis.spec import DisplaySpec
    from qualcode.project import Project

TARGETS = ("cell", "conclusion", "code", "coding", "excerpt", "summary")
QUOTE_LIMIT = 2000
"""Characters of quoted text kept in a snapshot."""


@dataclass(frozen=True, slots=True)
class Where:
    """A thread's target for people: kind, names, place and quoted text.

    ``exists`` is False once the target was deleted (the fields then come from
    the snapshot taken when the thread started).
    """

    kind: str
    exists: bool
    code: str = ""
    source: str = ""
    paragraph: int = 0
    quote: str = ""
    display: str = ""
    row: str = ""
    column: str = ""


def paragraph_number(text: str, offset: int) -> int:
    """1-based paragraph (line) holding ``offset``: the number the document margin shows."""
    return text.count("\n", 0, offset) + 1


def _missing(target: str, target_id: int) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
        target=target,
        id=target_id,
    )


def _text_of(conn: Connection, source_id: int) -> tuple[str, str]:
    """(name, plain text) of a source."""
    name = conn.execute(select(t.source.c.name).where(t.source.c.id == source_id)).scalar()
    sc = t.source_content.c
    text = conn.execute(select(sc.text).where(sc.source_id == source_id)).scalar()
    if name is None or text is None:
        raise _missing("source", source_id)
    return str(name), str(text)


def _code_path(conn: Connection, code_id: int) -> str:
    c = t.code.c
    names: list[str] = []
    current: int | None = code_id
    while current is not None and len(names) < 50:
        row = conn.execute(select(c.name, c.parent_id).where(c.id == current)).first()
        if row is None:
            if not names:
                raise _missing("code", code_id)
            break
        names.append(str(row[0]))
        current = row[1]
    return " / ".join(reversed(names))


def _excerpt(conn: Connection, source_id: int, start: int, end: int) -> dict[str, Any]:
    name, text = _text_of(conn, source_id)
    return {"source": name, "source_id": source_id, "start": start, "end": end,
            "paragraph": paragraph_number(text, start),
            "quote": text[start:end][:QUOTE_LIMIT]}  # fmt: skip


def _cell(
    project: Project, spec: DisplaySpec, saved_id: int | None, row_key: str, col_key: str
) -> dict[str, Any]:
    """Labels of a display cell; :class:`ValidationError` if the row or column does not exist."""
    from qualcode.analysis.engine import build_display

    display = build_display(project, spec, saved_id=saved_id)
    rows = {h.key: h.label for h in display.rows}
    cols = {h.key: h.label for h in display.columns}
    if row_key not in rows or col_key not in cols:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The display has no cell at row '{row}' and column '{column}'."
            ),
            row=row_key,
            column=col_key,
        )
    return {"row": rows[row_key], "column": cols[col_key]}


def check_and_snapshot(
    project: Project,
    conn: Connection,
    target: str,
    target_id: int,
    row_key: str | None,
    col_key: str | None,
    spec: DisplaySpec | None,
) -> dict[str, Any]:
    """Check that a new thread's target exists and return its snapshot."""
    if target not in TARGETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Comments can be on {allowed}, not '{value}'."),
            allowed=", ".join(TARGETS),
            value=target,
        )
    if target == "code":
        return {"code": _code_path(conn, target_id)}
    if target == "coding":
        c = t.coding.c
        row = conn.execute(
            select(c.source_id, c.code_id, c.start_pos, c.end_pos).where(c.id == target_id)
        ).first()
        if row is None:
            raise _missing("coding", target_id)
        return {"code": _code_path(conn, row[1]), **_excerpt(conn, row[0], row[2], row[3])}
    if target == "excerpt":
        try:
            start, end = int(row_key or ""), int(col_key or "")
        except ValueError:
            start, end = -1, -1
        name, text = _text_of(conn, target_id)
        if not 0 <= start < end <= len(text):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "An excerpt comment needs a range inside {source}."),
                source=name,
            )
        return _excerpt(conn, target_id, start, end)
    if target == "conclusion":
        cc = at.conclusion.c
        claim = conn.execute(select(cc.text).where(cc.id == target_id)).scalar()
        if claim is None:
            raise _missing("conclusion", target_id)
        return {"quote": str(claim)[:QUOTE_LIMIT]}
    if target == "summary":
        s, d = at.cell_summary.c, at.saved_display.c
        summary = conn.execute(
            select(s.text, s.row_key, s.col_key, d.name, d.id)
            .join_from(at.cell_summary, at.saved_display, d.id == s.display_id)
            .where(s.id == target_id)
        ).first()
        if summary is None:
            raise _missing("summary", target_id)
        from qualcode.analysis.spec import DisplaySpec

        shown = int(summary[4])
        labels = _cell(project, DisplaySpec.from_dict(_spec_dict(conn, shown)), shown,
                       str(summary[1]), str(summary[2]))  # fmt: skip
        return {"quote": str(summary[0])[:QUOTE_LIMIT], "display": summary[3],
                "display_id": shown, **labels}  # fmt: skip
    # A cell: of a saved display (target_id) or of an unsaved one (target_id 0 + spec).
    if row_key is None or col_key is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A comment on a cell needs its row and column keys.")
        )
    from qualcode.analysis.spec import DisplaySpec

    if target_id:
        d = at.saved_display.c
        saved_name = conn.execute(select(d.name).where(d.id == target_id)).scalar()
        if saved_name is None:
            raise _missing("saved display", target_id)
        cell_spec = DisplaySpec.from_dict(_spec_dict(conn, target_id))
        return {"display": saved_name, **_cell(project, cell_spec, target_id, row_key, col_key)}
    if spec is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A comment on an unsaved display needs its spec.")
        )
    return {"display": spec.type, "spec": spec.to_dict(),
            **_cell(project, spec, None, row_key, col_key)}  # fmt: skip


def _spec_dict(conn: Connection, display_id: int) -> dict[str, Any]:
    d = at.saved_display.c
    value = conn.execute(select(d.spec).where(d.id == display_id)).scalar_one()
    return dict(value)


def note_of(context: dict[str, Any]) -> dict[str, Any]:
    """The snapshot's human facts for the audit entry (no display spec)."""
    keep = ("code", "source", "paragraph", "quote", "display", "row", "column")
    return {k: (v[:200] if isinstance(v, str) else v) for k, v in context.items() if k in keep}


def where(conn: Connection, comment: Comment) -> Where:
    """What ``comment`` is about now; the snapshot when the target is gone."""
    snap = dict(comment.context or {})
    try:
        fresh = _fresh(conn, comment)
        exists = True
    except QualCodeError:
        fresh, exists = {}, False
    merged = {**snap, **fresh}
    return Where(
        kind=comment.target,
        exists=exists,
        code=str(merged.get("code", "")),
        source=str(merged.get("source", "")),
        paragraph=int(merged.get("paragraph", 0) or 0),
        quote=str(merged.get("quote", "")),
        display=str(merged.get("display", "")),
        row=str(merged.get("row", comment.row_key or "")),
        column=str(merged.get("column", comment.col_key or "")),
    )


def _fresh(conn: Connection, comment: Comment) -> dict[str, Any]:
    """The target's current facts (cheap ones only: no display is rebuilt)."""
    kind, tid = comment.target, comment.target_id
    if kind == "code":
        return {"code": _code_path(conn, tid)}
    if kind == "coding":
        c = t.coding.c
        row = conn.execute(
            select(c.source_id, c.code_id, c.start_pos, c.end_pos).where(c.id == tid)
        ).first()
        if row is None:
            raise _missing("coding", tid)
        return {"code": _code_path(conn, row[1]), **_excerpt(conn, row[0], row[2], row[3])}
    if kind == "excerpt":
        return _excerpt(conn, tid, int(comment.row_key or 0), int(comment.col_key or 0))
    if kind == "conclusion":
        cc = at.conclusion.c
        text = conn.execute(select(cc.text).where(cc.id == tid)).scalar()
        if text is None:
            raise _missing("conclusion", tid)
        return {"quote": str(text)[:QUOTE_LIMIT]}
    if kind == "summary":
        s = at.cell_summary.c
        text = conn.execute(select(s.text).where(s.id == tid)).scalar()
        if text is None:
            raise _missing("summary", tid)
        return {"quote": str(text)[:QUOTE_LIMIT]}
    if tid:
        d = at.saved_display.c
        name = conn.execute(select(d.name).where(d.id == tid)).scalar()
        if name is None:
            raise _missing("saved display", tid)
        return {"display": name}
    return {}
