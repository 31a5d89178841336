"""Memos on the shown display and on its cells, from the table's context menus.

A mixin of :class:`~qualcode.ui.features.displays.DisplaysPane`. Right-clicking a
cell offers "Memo on this cell…" (and the display's memo) and "Put an existing memo
on this cell…"; right-clicking a row or column header, the same for the display. A
memo belongs to a saved display, so an unsaved one is named and saved first. Each
action is one core operation (``project.memos.create`` / ``link_display``); cells
with memos are marked in the table (a note corner and the memos in the tooltip) and
the Memos pane lists them by what they are on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu

from qualcode.analysis.cell_memos import place_cell_memos
from qualcode.team.roles import role_of
from qualcode.ui.shell import dialogs


class DisplayMemos:
    """Writing memos on the display and its cells; marking cells that have memos."""

    display: Any
    project: Any
    window_: Any
    model: Any
    table: Any
    writable: bool
    save_spec: Any  # DisplayStore's
    _show_title: Any  # the pane's

    def setup_memo_menus(self) -> None:
        """Context menus on the cells and on both headers."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._cell_menu)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            header.customContextMenuRequested.connect(
                lambda pos, h=header: self._display_menu(h.mapToGlobal(pos))
            )

    def memo_menu(self, cell: tuple[int, int] | None) -> QMenu:
        """The menu of a cell (``None``: of the display): new memos, and the Memos pane."""
        menu = QMenu(self.table)
        enabled = self.display is not None and self.writable
        if cell is not None:
            act = menu.addAction(QCoreApplication.translate("DisplaysPane", "Memo on this cell…"))
            act.setObjectName("memo_cell")
            act.setEnabled(enabled)
            act.triggered.connect(lambda: self.write_memo(cell))
        act = menu.addAction(QCoreApplication.translate("DisplaysPane", "Memo on this display…"))
        act.setObjectName("memo_display")
        act.setEnabled(enabled)
        act.triggered.connect(lambda: self.write_memo(None))
        if cell is not None:
            act = menu.addAction(
                QCoreApplication.translate("DisplaysPane", "Put an existing memo on this cell…")
            )
            act.setObjectName("memo_link_cell")
            act.setEnabled(enabled)
            act.triggered.connect(lambda: self.link_memo(cell))
        act = menu.addAction(
            QCoreApplication.translate("DisplaysPane", "Put an existing memo on this display…")
        )
        act.setObjectName("memo_link_display")
        act.setEnabled(enabled)
        act.triggered.connect(lambda: self.link_memo(None))
        if self.display is not None and self.display.saved_id is not None:
            show = menu.addAction(QCoreApplication.translate("DisplaysPane", "Show memos"))
            show.setObjectName("memo_show")
            show.triggered.connect(self._show_memos_pane)
        return menu

    def _cell_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        cell = (index.row(), index.column()) if index.isValid() else None
        self.memo_menu(cell).exec(self.table.viewport().mapToGlobal(pos))

    def _display_menu(self, at: QPoint) -> None:
        self.memo_menu(None).exec(at)

    def write_memo(self, cell: tuple[int, int] | None) -> None:
        """Ask for a memo's text and write it on the display or one cell (saved first)."""
        d = self.display
        if not self._saved_for_memos():
            return
        if cell is None:
            where = QCoreApplication.translate("DisplaysPane", "Memo on the display")
        else:
            r, c = cell
            where = QCoreApplication.translate("DisplaysPane", "Memo on {row} × {column}").format(
                row=d.rows[r].label, column=d.columns[c].label
            )
        text = dialogs.get_multiline_text(
            self.table, where, QCoreApplication.translate("DisplaysPane", "Memo:")
        )
        if not text:
            return
        if cell is None:
            self.window_.dispatcher.run(
                self.project.memos.create, text, target="display", target_id=d.saved_id,
                origin=self,
            )  # fmt: skip
        else:
            keys = (d.rows[cell[0]].key, d.columns[cell[1]].key)
            self.window_.dispatcher.run(
                self.project.memos.create, text, target="cell", target_id=d.saved_id, cell=keys,
                origin=self,
            )  # fmt: skip
        self.reload_memos()

    def _saved_for_memos(self) -> bool:
        """Whether the shown display is saved (an unsaved one is named and saved first)."""
        d = self.display
        if d is None or self.project is None or not self.writable:
            return False
        if d.saved_id is None:
            self.save_spec(
                reason=QCoreApplication.translate(
                    "DisplaysPane", "Memos are kept with a saved display. Name it:"
                )
            )
        return d.saved_id is not None

    def link_memo(self, cell: tuple[int, int] | None) -> None:
        """Put an existing memo (on the project, or on another display or cell) on the display
        or one cell: one core operation. In team mode a coder picks among their own memos."""
        d = self.display
        if not self._saved_for_memos():
            return
        keys = None if cell is None else (d.rows[cell[0]].key, d.columns[cell[1]].key)
        memos = self.project.memos.find()
        targets = self.project.memos.targets(memos)
        authors = self.project.memos.authors()
        own_only = self.project.review_mode or role_of(self.project) not in (None, "owner")
        items: list[tuple[str, object]] = []
        for m in reversed(memos):  # newest first
            tg = targets[m.id]
            here = tg.id == d.saved_id and (tg.row_key, tg.col_key) == (keys or (None, None))
            if tg.kind not in ("project", "display", "cell", "unlinked") or here:
                continue
            author = authors.get(m.coder_id or -1, "")
            if own_only and author != self.project.coder:
                continue
            title = m.title or (m.text.strip().splitlines() or [""])[0][:80]
            on = (
                QCoreApplication.translate("DisplaysPane", "on the project")
                if tg.kind == "project"
                else tg.name
            )
            items.append((f"{title} \u2014 {on} ({author})" if author else f"{title} \u2014 {on}",
                          m.id))  # fmt: skip
        title = QCoreApplication.translate("DisplaysPane", "Put a memo here")
        if not items:
            dialogs.inform(
                self.table,
                title,
                QCoreApplication.translate(
                    "DisplaysPane",
                    "No memo can be put here: write one on the project (or on a display) first.",
                ),
            )
            return
        chosen = dialogs.choose_item(
            self.table,
            title,
            QCoreApplication.translate(
                "DisplaysPane", "Memo (one on another display or cell moves here):"
            ),
            items,
        )
        if chosen is None:
            return
        self.window_.dispatcher.run(
            self.project.memos.link_display, int(str(chosen)), d.saved_id, keys, origin=self
        )
        self.reload_memos()

    def reload_memos(self) -> None:
        """Mark the cells of the shown saved display that have memos."""
        d = self.display
        if d is None or d.saved_id is None or self.project is None:
            self.model.set_memos({}, [])
            self.model.missing_memos = 0
            return
        on = self.project.memos.on_display(d.saved_id)
        cells, gone = place_cell_memos(d, on)
        self.model.missing_memos = len(gone)  # cells the display no longer has: in the title
        self.model.set_memos(cells, on.get(None, []))
        self._show_title()

    def _show_memos_pane(self) -> None:
        pane = self.window_.show_pane("memos")
        if pane is not None:
            pane.show_target("cell" if self.model.memo_cells else "display")
