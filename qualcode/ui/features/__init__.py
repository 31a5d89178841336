"""Features that bring a pane and commands to the main window.

Each module named in :data:`FEATURE_MODULES` defines ``FEATURE: Feature``. The
main window builds one dock per pane, adds the feature's commands to the
command table (menus, shortcuts, palette) and hands every pane the open project
and each change set, so a feature never has to touch the window's own code.

A pane is a ``QWidget`` with two methods:

- ``set_project(project | None)``: show a newly opened project (None: closed);
- ``on_changes(changes)``: redraw what the ``ChangeSet``'s flags touch.

A feature command lands at the end of its menu, or right after the command
named by its ``after`` (e.g. ``after="import.casesheet"`` in the File menu);
``menu="export"`` puts it in File › Export.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from qualcode.ui.shell.commands import Command

if TYPE_CHECKING:
    from qualcode.changes import ChangeSet
    from qualcode.project import Project
    from qualcode.ui.shell.main_window import MainWindow as Window


class Pane(Protocol):
    """What the window asks of a feature's pane (a ``QWidget``)."""

    def set_project(self, project: Project | None) -> None:
        """Show a newly opened project (None: closed)."""

    def on_changes(self, changes: ChangeSet[Any]) -> None:
        """Redraw what the change set's flags touch."""


FEATURE_MODULES: list[str] = [
    "displays",
    "conclusions",
    "maps",
    "figures",
    "agreement",
    "review",
    "speakers",
    "case_sheet",
    "memos",
    "history",
    "search",
    "exports",
    "identity",
    "team_live",
    "backups",
]
"""Modules under ``qualcode.ui.features``, in the order their panes and commands appear."""


@dataclass(frozen=True)
class Feature:
    """A pane and/or commands contributed to the main window."""

    key: str
    """Dock key (``window.docks[key]``, ``window.panes[key]``) and object-name suffix."""
    title: str = ""
    """Dock title, English, marked with ``QT_TRANSLATE_NOOP("panes", ...)``."""
    pane: Callable[[Window], Pane] | None = None
    """Builds the pane for a main window (None: commands only)."""
    area: Literal["left", "right", "bottom"] | None = "bottom"
    """Dock area; None for a pane without a dock (a QObject that only listens, e.g. a poller)."""
    tab_with: str | None = None
    """Dock key to share a tab group with (e.g. ``"retrieval"``)."""
    commands: tuple[Command, ...] = field(default_factory=tuple)


class ReloadWhenShown:
    """Mixin for a pane whose ``reload()`` reads much: ``_refresh()`` reloads now when the
    pane is visible, else once it is next shown. ``reload()`` must clear ``_dirty``."""

    _dirty = False

    def _refresh(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()  # type: ignore[attr-defined]
        else:
            self._dirty = True

    def showEvent(self, event: Any) -> None:
        if self._dirty:
            self.reload()  # type: ignore[attr-defined]
        super().showEvent(event)  # type: ignore[misc]


def features() -> list[Feature]:
    """Every installed feature, in menu order."""
    out = []
    for name in FEATURE_MODULES:
        module = importlib.import_module(f"qualcode.ui.features.{name}")
        out.append(module.FEATURE)
    return out
