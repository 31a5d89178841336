"""Condensing an opened cell: its chosen evidence, accepting a draft, overriding a rating.

A mixin of :class:`~qualcode.ui.features.displays.DisplaysPane`. Each action is
one core operation of ``project.cells`` run through the dispatcher; the pane
redraws from the change it reports. Texts use the pane's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features.displays_model import RATINGS, translated
from qualcode.ui.shell import dialogs

TEXT_CELLS = ("summary", "excerpts", "rating")
"""Cell contents a researcher condenses (summaries with evidence) in a saved display."""
RATING_CHOICES = ("adequate", "partly", "inadequate", "absent", "not_mentioned")
RULE = QT_TRANSLATE_NOOP("DisplaysPane", "Rule: {rating} ({supporting}+ / {inhibiting}− codings)")


def text_cells(display: Any) -> bool:
    """Whether the display's cells hold words a summary can condense."""
    return display is not None and display.spec.cell in TEXT_CELLS


class CellCondense:
    """Evidence, draft acceptance and rating overrides of the opened cell."""

    display: Any
    project: Any
    current: tuple[int, int] | None
    window_: Any
    model: Any
    cell: Any
    writable: bool
    _summary_target: Any  # DisplayStore's: (saved id, cell keys), saving the display first
    reload_summaries: Any  # DisplayStore's

    def toggle_evidence(self, coding_id: int, chosen: bool) -> None:
        """Tick or untick an excerpt as evidence of the cell's summary."""
        target = self._summary_target()
        if target is None:
            self.show_cell_extras()
            return
        saved_id, keys = target
        add, remove = ([coding_id], []) if chosen else ([], [coding_id])
        changes = self.window_.dispatcher.run(
            self.project.cells.choose_evidence, saved_id, *keys, add=add, remove=remove,
            origin=self,
        )  # fmt: skip
        if changes is None:
            self.show_cell_extras()
        else:
            self.reload_summaries()

    def accept_draft(self) -> None:
        """Accept the opened cell's drafted summary as the researcher's own."""
        target = self._summary_target()
        if target is None:
            return
        saved_id, keys = target
        if self.window_.dispatcher.run(self.project.cells.accept, saved_id, *keys, origin=self):
            self.reload_summaries()

    def rate_cell(self) -> None:
        """Override the rule's rating of the opened checklist cell (asks which, and why)."""
        target = self._summary_target()
        if target is None:
            return
        saved_id, keys = target
        words = [translated(RATINGS[r]) for r in RATING_CHOICES]
        title = QCoreApplication.translate("DisplaysPane", "Rate the cell")
        question = QCoreApplication.translate(
            "DisplaysPane", "Your rating of this cell (the rule's stays on record):"
        )
        chosen = dialogs.choose(self.cell, title, question, words)
        if chosen is None:
            return
        reason = dialogs.get_text(
            self.cell,
            QCoreApplication.translate("DisplaysPane", "Rate the cell"),
            QCoreApplication.translate("DisplaysPane", "Reason:"),
        )
        self.window_.dispatcher.run(
            self.project.cells.rate, saved_id, *keys, RATING_CHOICES[chosen], reason or "",
            origin=self,
        )  # fmt: skip
        self.reload_ratings()

    def unrate_cell(self) -> None:
        """Drop the override: the rule rates the opened cell again."""
        target = self._summary_target()
        if target is None:
            return
        saved_id, keys = target
        self.window_.dispatcher.run(self.project.cells.clear_rating, saved_id, *keys, origin=self)
        self.reload_ratings()

    def link_conclusion(self) -> None:
        """Link a conclusion (or a new one) to the opened cell, its row or column, or the
        whole display (the display is saved first)."""
        from qualcode.ui.features.conclusions_words import flat

        target = self._summary_target()
        if target is None:
            return
        saved_id, (row_key, col_key) = target
        title = QCoreApplication.translate("DisplaysPane", "Link to conclusion")
        parts = [
            QCoreApplication.translate("DisplaysPane", "This cell"),
            QCoreApplication.translate("DisplaysPane", "This row"),
            QCoreApplication.translate("DisplaysPane", "This column"),
            QCoreApplication.translate("DisplaysPane", "The whole display"),
        ]
        question = QCoreApplication.translate(
            "DisplaysPane", "Which part of the display is the conclusion drawn from?"
        )
        part = dialogs.choose(self.cell, title, question, parts)
        if part is None:
            return
        keys = [(row_key, col_key), (row_key, None), (None, col_key), (None, None)][part]
        claims = sorted(self.project.conclusions.all(), key=lambda c: c.modified_at, reverse=True)
        answer = dialogs.choose_item(
            self.window_, title, QCoreApplication.translate("DisplaysPane", "Which conclusion?"),
            [(flat(c.text, 120), c.id) for c in claims],
            allow_new=QCoreApplication.translate("DisplaysPane", "New conclusion…"),
        )  # fmt: skip
        run = self.window_.dispatcher.run
        if answer is dialogs.NEW_ITEM:
            text = dialogs.get_text(
                self.cell, title, QCoreApplication.translate("DisplaysPane", "Conclusion:")
            )
            if text:
                run(self.project.conclusions.create, text, display_id=saved_id,
                    row_key=keys[0], col_key=keys[1], origin=self)  # fmt: skip
        elif isinstance(answer, int):
            run(self.project.conclusions.link_display, answer, saved_id, *keys, origin=self)

    def reload_ratings(self) -> None:
        """Re-read the researcher's overrides (after a change, an undo, a colleague)."""
        from qualcode.analysis.excerpts import apply_ratings

        d = self.display
        if d is None or d.spec.cell != "rating" or self.project is None:
            return
        apply_ratings(self.project, d)
        self.model.refresh_summaries()
        self.show_cell_extras()

    def show_cell_extras(self) -> None:
        """The opened cell's evidence ticks and rating line."""
        d = self.display
        if d is None or self.current is None or not text_cells(d):
            self.cell.show_evidence(None, editable=False)
            self.cell.show_rating(None, overridden=False, editable=False)
            return
        summary = d.summaries.get(self.current)
        chosen = set(summary.coding_ids) if summary is not None else set()
        self.cell.show_evidence(chosen, editable=self.writable)
        basis = d.rating_basis.get(self.current)
        if d.spec.cell != "rating" or basis is None:
            self.cell.show_rating(None, overridden=False, editable=False)
            return
        text = QCoreApplication.translate("DisplaysPane", RULE).format(
            rating=translated(RATINGS[basis.computed]), supporting=basis.supporting,
            inhibiting=basis.inhibiting,
        )  # fmt: skip
        if basis.override:
            text += "\n" + QCoreApplication.translate(
                "DisplaysPane", "Set by {author}: {rating}"
            ).format(author=basis.author, rating=translated(RATINGS[basis.override]))
            if basis.reason:
                text += f" \u2014 {basis.reason}"
        self.cell.show_rating(text, overridden=bool(basis.override), editable=self.writable)
