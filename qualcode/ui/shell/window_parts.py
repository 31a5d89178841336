"""Parts of the main window that need no translation context of their own: layout memory,
the status words for team roles and lock messages, and small widget helpers.

Kept apart so ``main_window.py`` stays one readable class (messages here name their
translation context, "MainWindow", explicitly).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from qualcode.errors import QualCodeError
from qualcode.settings import config_dir

STATE_VERSION = 1
"""Version of the saved dock/toolbar state (bump when docks are renamed)."""


def window_settings() -> QSettings:
    """Window geometry and dock layout, kept next to ``settings.json``."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


class LayoutMemory:
    """Remembers window geometry, docks and toolbars between sessions (a MainWindow mixin)."""

    docks: dict[str, Any]
    project: Any
    _docks_shown: dict[str, bool] | None

    def _restore_layout(self) -> None:
        store = window_settings()
        geometry = store.value("geometry")
        state = store.value("state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, STATE_VERSION)
            if self.project is None:  # the start page keeps the restored panes for later
                self._docks_shown = {k: _meant_visible(d) for k, d in self.docks.items()}
                for dock in self.docks.values():
                    dock.hide()

    def save_layout(self) -> None:
        """Remember window geometry, docks and toolbars for the next session."""
        store = window_settings()
        hidden = self._docks_shown
        if hidden is not None:  # the start page hides the panes; remember them as they were
            for key, shown in hidden.items():
                self.docks[key].setVisible(shown)
        store.setValue("geometry", self.saveGeometry())
        store.setValue("state", self.saveState(STATE_VERSION))
        store.sync()
        if hidden is not None:
            for dock in self.docks.values():
                dock.hide()


def menu_text(text: str) -> str:
    """A name shown in a menu, button or toolbar: "&" doubled so it is shown, not a mnemonic."""
    return text.replace("&", "&&")


def scrolled(widget: QWidget) -> QScrollArea:
    """A pane inside a frameless scroll area: a small screen scrolls the pane instead of
    growing the window past the screen (every dock's minimum size stays small)."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'pane'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setMinimumSize(120, 80)
    return area


def made_codings(changes: Any) -> list[int]:
    """Ids of the codings an operation (not an undo or redo) returns: the ones just made."""
    if changes.undo or changes.redo:
        return []
    found: list[int] = []
    pending = [changes.result]
    while pending:
        item = pending.pop(0)
        if isinstance(item, (list, tuple)):
            pending.extend(item)
        elif hasattr(item, "code_id") and hasattr(item, "start"):
            found += [int(item.id)] if item.id in changes.coding_ids else []
    return found


def _meant_visible(dock: QDockWidget) -> bool:
    """Whether a dock is to be shown: not hidden on purpose (an unshown window's docks
    report hidden until the window is shown)."""
    explicit = dock.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    return not (dock.isHidden() and explicit)


def _role_label(role: str) -> str:
    """A team role in the interface language."""
    labels = {
        "owner": QCoreApplication.translate("MainWindow", "owner"),
        "coder": QCoreApplication.translate("MainWindow", "coder"),
        "reviewer": QCoreApplication.translate("MainWindow", "reviewer (read and comment)"),
    }
    return labels.get(role, role)


def _msg(exc: QualCodeError) -> str:
    from qualcode.ui.i18n import translate_error

    text = translate_error(exc)
    params = getattr(exc, "params", {})
    if {"user", "host", "since"} <= set(params):
        when = QDateTime.fromString(str(params["since"]), Qt.DateFormat.ISODate).toLocalTime()
        owner = QCoreApplication.translate("MainWindow", "{user} on {host}, since {when}").format(
            user=params["user"],
            host=params["host"],
            when=QLocale().toString(when, QLocale.FormatType.LongFormat)
            if when.isValid()
            else params["since"],
        )
        template = QCoreApplication.translate("errors", exc.template_text)
        text = template.format(**{**params, "owner": owner})
    return (
        text
        + "\n\n"
        + QCoreApplication.translate(
            "MainWindow",
            "Open it for review (comments and your own check codings only) or read-only?",
        )
    )
