"""Conclusions feature: the claims pane and the commands that link evidence to a claim.

"Link … as supporting/contradicting" takes the coding at the cursor of the
document view — or, when the Excerpts pane was the last of the two to have
the focus, the excerpts selected there — asks which claim they back (a filterable
list of every claim, or a new one) and links them in one undoable operation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.features.conclusions_pane import ConclusionsPane
from qualcode.ui.features.conclusions_words import flat
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, writable


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


def selected_excerpts(window: Any) -> list[int]:
    """Coding ids of the excerpts selected in the Excerpts pane (empty when none)."""
    retrieval = getattr(window, "retrieval", None)
    return retrieval.selected_coding_ids() if retrieval is not None else []


def _evidence(window: Any) -> tuple[list[int], bool]:
    """The codings a Link command acts on, and whether they come from the Excerpts pane."""
    if window.project is None:
        return [], False
    watch = getattr(_pane(window), "focus_watch", None)
    if watch is not None and watch.excerpts_last:
        chosen = selected_excerpts(window)
        if chosen:
            return chosen, True
    return list(window.workspace.codings_at_cursor()), False


def evidence_codings(window: Any) -> list[int]:
    """The codings a Link command acts on: the selected excerpts or those at the cursor."""
    return _evidence(window)[0]


def _can_link(window: Any) -> bool:
    return writable(window) and bool(evidence_codings(window))


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


def choose_claim(window: Any, stance: str, count: int) -> int | str | None:
    """Ask which claim ``count`` excerpts back: a conclusion id, ``"new"``, or None."""

    claims = sorted(window.project.conclusions.all(), key=lambda c: c.modified_at, reverse=True)
    current = _pane(window).current_id()
    claims.sort(key=lambda c: c.id != current)  # the claim shown in the pane first
    if stance == "supporting":
        question = (
            Q.translate("ConclusionsPane", "Which conclusion does this excerpt support?")
            if count == 1
            else Q.translate("ConclusionsPane", "Which conclusion do these {n} excerpts support?")
        )
    else:
        question = (
            Q.translate("ConclusionsPane", "Which conclusion does this excerpt contradict?")
            if count == 1
            else Q.translate(
                "ConclusionsPane", "Which conclusion do these {n} excerpts contradict?"
            )
        )
    answer = dialogs.choose_item(
        window,
        Q.translate("ConclusionsPane", "Link evidence"),
        question.format(n=count),
        [(flat(c.text, 120), c.id) for c in claims],
        allow_new=Q.translate("ConclusionsPane", "New conclusion…"),
    )
    if answer is dialogs.NEW_ITEM:
        return "new"
    return answer if isinstance(answer, int) else None


def link_here(window: Any, stance: str) -> int | None:
    """Link the coding(s) at the cursor or the selected excerpts to a claim; returns its id.

    Several excerpts selected in the Excerpts pane are linked together, in one undo step.
    """

    ids, from_excerpts = _evidence(window)
    if not ids or window.project is None:
        return None
    if not from_excerpts:
        ids = _pick_coding(window, ids)
        if not ids:
            return None
    pane = _pane(window)
    target = choose_claim(window, stance, len(ids))
    if target is None:
        return None
    run = window.dispatcher.run
    if target != "new":
        if run(window.project.conclusions.link_evidence, target, ids, stance, origin=pane) is None:
            return None
    else:
        text = dialogs.get_text(
            window,
            Q.translate("ConclusionsPane", "New conclusion"),
            Q.translate("ConclusionsPane", "Conclusion:"),
        )
        if not text:
            return None
        made = run(window.project.conclusions.create, text, origin=pane, **{stance: ids})
        if made is None:
            return None
        target = made.result.id
    assert isinstance(target, int)
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
            enabled=writable,
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
