"""Conclusions feature: the claims pane and the commands that link evidence to a claim.

"Link … as supporting/contradicting" takes the coding at the cursor of the
document view — or, when the Excerpts pane was the last of the two to have
the focus, the excerpt selected there — asks which claim it backs (or writes a
new one) and links it in one undoable operation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui import dialogs
from qualcode.ui.commands import Command
from qualcode.ui.features import Feature
from qualcode.ui.features.conclusions_pane import ConclusionsPane
from qualcode.ui.features.conclusions_words import flat

MAX_CHOICES = 12
"""At most this many claims are offered as buttons (the most recently changed ones)."""


class _FocusWatch(QObject):
    """Remembers whether the document or the Excerpts table last had the focus."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.excerpts_last = False
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_focus)  # type: ignore[attr-defined]

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        try:
            table = getattr(getattr(self.window_, "retrieval", None), "table", None)
            editor = self.window_.workspace.view.editor
            if table is not None and (new is table or table.isAncestorOf(new)):
                self.excerpts_last = True
            elif new is editor or editor.isAncestorOf(new):
                self.excerpts_last = False
        except RuntimeError:  # the window is being destroyed
            return


def _pane(window: Any) -> ConclusionsPane:
    return window.panes["conclusions"]


def _build_pane(window: Any) -> ConclusionsPane:
    pane = ConclusionsPane(window)
    pane.focus_watch = _FocusWatch(window)  # type: ignore[attr-defined]
    return pane


def selected_excerpt(window: Any) -> int | None:
    """Coding id of the excerpt selected in the Excerpts pane, if any."""
    retrieval = getattr(window, "retrieval", None)
    if retrieval is None:
        return None
    row = retrieval.table.currentRow()
    shown = getattr(retrieval, "shown", [])
    if 0 <= row < len(shown) and retrieval.table.selectionModel().isRowSelected(row):
        return int(shown[row][0].id)
    return None


def evidence_codings(window: Any) -> list[int]:
    """The codings a Link command acts on: the selected excerpt or those at the cursor."""
    if window.project is None:
        return []
    watch = getattr(_pane(window), "focus_watch", None)
    if watch is not None and watch.excerpts_last:
        chosen = selected_excerpt(window)
        if chosen is not None:
            return [chosen]
    return list(window.workspace.codings_at_cursor())


def _can_link(window: Any) -> bool:
    return (
        window.project is not None
        and not window.project.read_only
        and bool(evidence_codings(window))
    )


def _pick_coding(window: Any, ids: list[int]) -> list[int] | None:
    """Ask which of several codings at the cursor to link (or all of them)."""
    if len(ids) == 1:
        return ids
    project = window.project
    paths = {cid: project.codes.path_text(project.codings.get(cid).code_id) for cid in ids}
    options = [paths[c] for c in ids] + [
        Q.translate("ConclusionsPane", "All {n} codings").format(n=len(ids))
    ]
    answer = dialogs.choose(
        window,
        Q.translate("ConclusionsPane", "Link evidence"),
        Q.translate("ConclusionsPane", "Several codings cover the cursor. Which one?"),
        options,
    )
    if answer is None:
        return None
    return ids if answer == len(ids) else [ids[answer]]


def link_here(window: Any, stance: str) -> int | None:
    """Link the coding(s) at the cursor or the selected excerpt to a claim; returns its id."""
    from qualcode.analysis.conclusions import create_conclusion, link_evidence, list_conclusions

    ids = evidence_codings(window)
    if not ids or window.project is None:
        return None
    ids = _pick_coding(window, ids)
    if not ids:
        return None
    pane = _pane(window)
    claims = sorted(list_conclusions(window.project), key=lambda c: c.modified_at, reverse=True)
    claims = claims[:MAX_CHOICES]
    current = pane.current_id()
    claims.sort(key=lambda c: c.id != current)  # the claim shown in the pane first
    question = (
        Q.translate("ConclusionsPane", "Which conclusion does this excerpt support?")
        if stance == "supporting"
        else Q.translate("ConclusionsPane", "Which conclusion does this excerpt contradict?")
    )
    options = [flat(c.text, 80) for c in claims] + [
        Q.translate("ConclusionsPane", "New conclusion…")
    ]
    answer = dialogs.choose(
        window, Q.translate("ConclusionsPane", "Link evidence"), question, options
    )
    if answer is None:
        return None
    run = window.dispatcher.run
    if answer < len(claims):
        target = claims[answer].id
        if run(link_evidence, window.project, target, ids, stance, origin=pane) is None:
            return None
    else:
        text = dialogs.get_text(
            window,
            Q.translate("ConclusionsPane", "New conclusion"),
            Q.translate("ConclusionsPane", "Conclusion:"),
        )
        if not text:
            return None
        made = run(create_conclusion, window.project, text, origin=pane, **{stance: ids})
        if made is None:
            return None
        target = made.result.id
    window.show_pane("conclusions")
    pane.reload()
    pane.select(target)
    window.statusBar().showMessage(
        Q.translate("ConclusionsPane", "Linked as supporting evidence.")
        if stance == "supporting"
        else Q.translate("ConclusionsPane", "Linked as contradicting evidence."),
        5000,
    )
    return target


def new_conclusion(window: Any) -> int | None:
    """Show the pane and write a new claim."""
    window.show_pane("conclusions")
    return _pane(window).new_conclusion()


def _writable(window: Any) -> bool:
    return window.project is not None and not window.project.read_only


FEATURE = Feature(
    key="conclusions",
    title=QT_TRANSLATE_NOOP("panes", "Conclusions"),
    pane=_build_pane,
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "conclusion.new",
            QT_TRANSLATE_NOOP("commands", "New &conclusion…"),
            "analysis",
            new_conclusion,
            enabled=_writable,
            tip=QT_TRANSLATE_NOOP("commands", "Write a claim and collect its evidence"),
        ),
        Command(
            "conclusion.link.supporting",
            QT_TRANSLATE_NOOP(
                "commands", "Link the coding at the cursor to a conclusion as &supporting…"
            ),
            "analysis",
            lambda w: link_here(w, "supporting"),
            enabled=_can_link,
            tip=QT_TRANSLATE_NOOP(
                "commands",
                "The coding at the cursor, or the excerpt chosen in the Excerpts pane, "
                "backs a conclusion",
            ),
        ),
        Command(
            "conclusion.link.contradicting",
            QT_TRANSLATE_NOOP(
                "commands", "Link the coding at the cursor to a conclusion as c&ontradicting…"
            ),
            "analysis",
            lambda w: link_here(w, "contradicting"),
            enabled=_can_link,
            tip=QT_TRANSLATE_NOOP(
                "commands",
                "The coding at the cursor, or the excerpt chosen in the Excerpts pane, "
                "is negative evidence for a conclusion",
            ),
        ),
    ),
)
