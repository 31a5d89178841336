"""Typing the effects of an effects matrix: direct, meta or side effects (MHS ch. 10).

Miles, Huberman & Saldaña sort what an intervention brought about into
**direct** effects (what it aimed at), **meta**-effects (broader effects beyond
its immediate aims) and **side** effects (unintended ones). Only the researcher
can tell which is which, so every row of an effects matrix is *direct* until
the researcher types it otherwise; a single cell may be typed apart from its
row (e.g. a side effect seen only late). Types are kept per saved display,
keyed like cell summaries, and each change is one undoable operation.

Applies to the ``effects`` and ``explanatory_effects`` displays; a row or
column the researcher writes (a conclusion, an explanation) is never typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import models as m
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project

EFFECT_KINDS = ("direct", "meta", "side")
DEFAULT_KIND = "direct"
EFFECT_DISPLAYS = ("effects", "explanatory_effects")
ROW = ""  # the column key of a whole row's type
_t: Any = m.EffectType.__table__

EFFECT_WORDS = {
    "direct": {"id": "efek langsung", "en": "direct effect"},
    "meta": {"id": "meta-efek", "en": "meta-effect"},
    "side": {"id": "efek samping", "en": "side effect"},
}


@dataclass(frozen=True, slots=True)
class EffectTypeRecord:
    """The researcher's type for a row (``col_key`` "") or one cell of a saved display."""

    row_key: str
    col_key: str
    kind: str
    author: str


def effect_word(kind: str, language: str = "id") -> str:
    """``efek samping`` / ``side effect``."""
    return EFFECT_WORDS.get(kind, {}).get(language, kind)


def check_kind(kind: str) -> str:
    """direct, meta or side."""
    kind = (kind or "").strip().lower()
    if kind not in EFFECT_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An effect is one of {allowed}, not '{value}'."),
            allowed=", ".join(EFFECT_KINDS),
            value=kind,
        )
    return kind


class EffectTypeManager:
    """Reads and operations on the effect types of saved effects matrices."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def types(self, display_id: int) -> dict[tuple[str, str], EffectTypeRecord]:
        """The researcher's types by (row key, column key; "" for a whole row)."""
        with self._p.reading() as conn:
            rows = conn.execute(select(_t).where(_t.c.display_id == display_id)).all()
        return {
            (r.row_key, r.col_key): EffectTypeRecord(r.row_key, r.col_key, r.kind, r.author)
            for r in rows
        }

    def set_type(
        self, display_id: int, row_key: str, col_key: str | None, kind: str
    ) -> ChangeSet[EffectTypeRecord]:
        """Type a row (``col_key`` None) or one cell as direct, meta or side effects."""
        kind = check_kind(kind)
        row_key, col_key = str(row_key), str(col_key or ROW)
        with self._p.operation(
            "display.effect_type", QT_TRANSLATE_NOOP("operations", "Set effect type")
        ) as op:
            _require_effects(op.conn, display_id)
            where = (
                (_t.c.display_id == display_id)
                & (_t.c.row_key == row_key)
                & (_t.c.col_key == col_key)
            )
            found = op.conn.execute(select(_t.c.id).where(where)).scalar()
            values = {"kind": kind, "author": op.coder, "modified_at": utcnow()}
            if found is None:
                op.insert(
                    _t, {"display_id": display_id, "row_key": row_key, "col_key": col_key, **values}
                )
            else:
                op.update(_t, found, values)
            op.note(display=display_id, row=row_key, column=col_key, kind=kind)
            op.result = EffectTypeRecord(row_key, col_key, kind, op.coder)
        return op.changeset

    def clear_type(self, display_id: int, row_key: str, col_key: str | None) -> ChangeSet[None]:
        """Drop a row's or cell's type: the row is direct again, the cell follows its row."""
        row_key, col_key = str(row_key), str(col_key or ROW)
        with self._p.operation(
            "display.effect_type_clear", QT_TRANSLATE_NOOP("operations", "Clear effect type")
        ) as op:
            gone = op.delete_where(
                _t,
                (_t.c.display_id == display_id)
                & (_t.c.row_key == row_key)
                & (_t.c.col_key == col_key),
            )
            if not gone:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "That row or cell has no effect type set.")
                )
            op.note(display=display_id, row=row_key, column=col_key)
        return op.changeset


def _require_effects(conn: Any, display_id: int) -> None:
    from qualcode.analysis.saved import require

    spec = require(conn, display_id)._mapping["spec"]
    if (spec or {}).get("type") not in EFFECT_DISPLAYS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only effects matrices type their effects.")
        )


def apply_effect_types(project: Project, display: Display) -> None:
    """Each row's and cell's type (direct unless the researcher typed it), for effects matrices."""
    from qualcode.analysis.axes import NOTE_KEY

    display.row_effects.clear()
    display.cell_effects.clear()
    if display.spec.type not in EFFECT_DISPLAYS:
        return
    own = project.effects.types(display.saved_id) if display.saved_id is not None else {}
    for r, rh in enumerate(display.rows):
        if rh.key.startswith(NOTE_KEY):
            continue
        row_kind = own[(rh.key, ROW)].kind if (rh.key, ROW) in own else DEFAULT_KIND
        display.row_effects[r] = row_kind
        for c, ch in enumerate(display.columns):
            if ch.key.startswith(NOTE_KEY):
                continue
            cell = own.get((rh.key, ch.key))
            if cell is not None and cell.kind != row_kind:
                display.cell_effects[(r, c)] = cell.kind
