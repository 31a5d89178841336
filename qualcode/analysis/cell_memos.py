"""Where memos on display cells sit in a display as it is now, and which cells vanished.

A memo on a cell stores the cell's row and column keys. When the data or the
spec changes, a saved display can lose that row or column; the memo is kept
and reported as on a cell "no longer in the display". This module is the one
place that decides it (``Display.find`` of the display run on the data now),
for exports, the Displays pane, the Memos pane and ``qualcode memo list``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from qualcode.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.coding.memos import MemoTarget
    from qualcode.project import Project
    from qualcode.records import Memo

CellKey = tuple[str, str]


def place_cell_memos(
    display: Display, on: dict[CellKey | None, list[Memo]]
) -> tuple[dict[tuple[int, int], list[Memo]], list[tuple[CellKey, Memo]]]:
    """The cell memos of ``on`` (``project.memos.on_display``) by the (row, column) index of
    their cell in ``display``, and those whose cell the display no longer has."""
    placed: dict[tuple[int, int], list[Memo]] = {}
    gone: list[tuple[CellKey, Memo]] = []
    for key, memos in on.items():
        if key is None:
            continue
        try:
            where = display.find(*key)
        except KeyError:
            gone.extend((key, m) for m in memos)
            continue
        placed.setdefault(where, []).extend(memos)
    return placed, gone


def gone_cell_memos(
    project: Project,
    targets: Mapping[int, MemoTarget],
    *,
    cancel: Callable[[], bool] | None = None,
) -> set[int]:
    """Ids of the memos written on a display cell that vanished from its saved display.

    ``targets`` is ``project.memos.targets(memos)``. Each saved display holding
    one of these memos is run once on the data now; ``cancel()`` is checked
    between displays.
    """
    from qualcode.analysis.engine import check_cancel

    on_cells = {mid for mid, tg in targets.items() if tg.kind == "cell" and tg.id is not None}
    out: set[int] = set()
    for display_id in sorted({int(targets[mid].id or 0) for mid in on_cells}):
        if cancel is not None:
            check_cancel(cancel)
        try:
            display = project.displays.run(display_id)
        except (NotFoundError, ValidationError):
            continue  # a display that no longer builds: the Displays pane says why
        _placed, gone = place_cell_memos(display, project.memos.on_display(display_id))
        out.update(m.id for _key, m in gone if m.id in on_cells)
    return out


def has_cell_memos(targets: Mapping[int, MemoTarget]) -> bool:
    """Whether any of these memos is written on a display cell (so may have vanished)."""
    return any(tg.kind == "cell" for tg in targets.values())
