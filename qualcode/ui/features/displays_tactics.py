"""MHS tactics on the opened display: typing an effects matrix's effects (direct, meta, side)
and the display's decision-rule log.

A mixin of :class:`~qualcode.ui.features.displays.DisplaysPane`. Each action is
one core operation run through the dispatcher; the pane redraws from the change
it reports. Texts use the pane's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from qualcode.ui.features.displays_model import EFFECTS, translated
from qualcode.ui.shell import dialogs

EFFECT_DISPLAYS = ("effects", "explanatory_effects")


class CellTactics:
    """Effect types of the opened effects-matrix cell."""

    display: Any
    project: Any
    current: tuple[int, int] | None
    window_: Any
    model: Any
    cell: Any
    writable: bool
    _summary_target: Any  # DisplayStore's: (saved id, cell keys), saving the display first
    ensure_saved: Any  # DisplayStore's: the saved id, saving the display first (or None)
    rules: Any  # the pane's label under the display

    def show_effect_type(self) -> None:
        """The opened cell's effect type on its button (effects matrices only)."""
        d = self.display
        if d is None or self.current is None or d.spec.type not in EFFECT_DISPLAYS:
            self.cell.show_effect(None, editable=False)
            return
        r, _c = self.current
        kind = d.cell_effects.get(self.current, d.row_effects.get(r))
        words = translated(EFFECTS[kind]) if kind else None
        self.cell.show_effect(words, editable=self.writable and kind is not None)

    def type_effect(self) -> None:
        """Type the opened cell, or its row, as a direct, meta or side effect (or the default)."""
        target = self._summary_target()
        if target is None:
            return
        saved_id, (row_key, col_key) = target
        title = QCoreApplication.translate("DisplaysPane", "Effect type")
        part = dialogs.choose(
            self.cell,
            title,
            QCoreApplication.translate("DisplaysPane", "Type which part?"),
            [
                QCoreApplication.translate("DisplaysPane", "This row"),
                QCoreApplication.translate("DisplaysPane", "This cell only"),
            ],
        )
        if part is None:
            return
        kinds = list(EFFECTS)
        words = [translated(EFFECTS[k]) for k in kinds]
        words.append(
            QCoreApplication.translate("DisplaysPane", "As the row (a row: direct, the default)")
        )
        chosen = dialogs.choose(
            self.cell,
            title,
            QCoreApplication.translate(
                "DisplaysPane",
                "Direct: what the intervention aimed at; meta: broader effects beyond its "
                "aims; side: unintended effects.",
            ),
            words,
        )
        if chosen is None:
            return
        col = col_key if part == 1 else None
        run = self.window_.dispatcher.run
        if chosen < len(kinds):
            run(self.project.effects.set_type, saved_id, row_key, col, kinds[chosen], origin=self)
        elif (row_key, col or "") in self.project.effects.types(saved_id):
            run(self.project.effects.clear_type, saved_id, row_key, col, origin=self)
        self.reload_effects()

    def reload_effects(self) -> None:
        """Re-read the researcher's effect types (after a change, an undo, a colleague)."""
        from qualcode.analysis.effect_types import apply_effect_types

        d = self.display
        if d is None or self.project is None or d.spec.type not in EFFECT_DISPLAYS:
            return
        apply_effect_types(self.project, d)
        self.model.layoutChanged.emit()  # row headers and typed cells
        self.show_effect_type()

    def edit_rules(self) -> None:
        """The display's decision rules (the display is saved first): add, reword, delete."""
        from qualcode.ui.features.displays_rules import DecisionRulesDialog

        if self.display is None:
            return
        saved_id = self.display.saved_id
        if saved_id is None and self.writable:
            saved_id = self.ensure_saved()
        if saved_id is None:
            return

        def run(fn: Any, *args: Any) -> Any:
            return self.window_.dispatcher.run(fn, *args, origin=self)

        dialog = DecisionRulesDialog(self.cell, self.project, saved_id, run, writable=self.writable)
        dialog.exec()
        self.reload_rules()

    def reload_rules(self) -> None:
        """Re-read the display's decision rules (after a change, an undo, a colleague)."""
        d = self.display
        if d is None or self.project is None:
            return
        d.rules = self.project.decision_rules.of(d.saved_id) if d.saved_id is not None else []
        self.show_rules()

    def show_rules(self) -> None:
        """The decision rules under the display (hidden when it has none)."""
        d = self.display
        rules = d.rules if d is not None else []
        self.rules.setVisible(bool(rules))
        self.rules.setText(
            QCoreApplication.translate("DisplaysPane", "Decision rules: {rules}").format(
                rules="; ".join(r.line() for r in rules)
            )
        )
