"""Live updates: other coders' work appears without reopening the project.

Every :data:`INTERVAL_MS` a worker thread asks the project for audit entries
newer than the last one seen (:func:`qualcode.team.sync.poll_changes`, one indexed
query). When coders other than this window's made changes, the poller turns
them into a change set (:func:`qualcode.team.sync.remote_activity`) and sends it
through the dispatcher like a local change, so every pane redraws what it
touched, and the status bar says who did what ("ana coded 3 passages"). The
window's own changes are skipped: its panes have already redrawn them.

This works for a project on a database server and for a project file another
process writes to (e.g. opened read-only while a colleague codes).
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.shell.commands import Command

INTERVAL_MS = 2000
"""How often to poll; the query is one index lookup on the audit log."""


class LivePoller(QObject):
    """Polls the open project for other coders' changes and broadcasts them."""

    _polled = Signal(object, object, object)  # generation, ChangePoll | None, activity | error

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("teamLive")
        self.window = window
        self.project: Any = None
        self.token: int | None = None
        self.last_message = ""
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll_now)
        self._polled.connect(self._deliver)

    # -- the pane protocol ---------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Start polling ``project`` from its current state (None stops)."""
        self._generation += 1
        self.timer.stop()
        self._join()
        self.project = project
        self.token = None
        self._failed = False
        if project is None:
            return
        try:
            self.token = project.changes_since(None).token
        except Exception:  # an unreachable server: the first tick tries again
            self.token = None
        self.timer.start()

    def on_changes(self, changes: Any) -> None:
        """Nothing to redraw: this window's own changes need no poll."""

    # -- polling -----------------------------------------------------------------------
    @Slot()
    def poll_now(self) -> None:
        """Start one poll on a worker thread (skipped while the previous one runs)."""
        if self.project is None or (self._thread is not None and self._thread.is_alive()):
            return
        project, token, generation = self.project, self.token, self._generation
        self._thread = threading.Thread(
            target=self._work, args=(project, token, generation), daemon=True, name="team-live"
        )
        self._thread.start()

    def _work(self, project: Any, token: int | None, generation: int) -> None:
        from qualcode.team.sync import poll_changes, remote_activity

        if project.closed:
            return
        try:
            poll = poll_changes(project, token)
            activity = None
            if token is not None:
                others = poll.by_others(project.coder)
                activity = remote_activity(project, others) if others else None
        except Exception as exc:  # reported in the status bar; polling goes on
            self._polled.emit(generation, None, exc)
            return
        self._polled.emit(generation, poll, activity)

    @Slot(object, object, object)
    def _deliver(self, generation: int, poll: Any, outcome: Any) -> None:
        if generation != self._generation or self.project is None:
            return  # a poll of a project since closed or replaced
        if poll is None:
            if not self._failed:
                self._failed = True
                self._show(self.tr("Cannot check for other coders' changes: {error}").format(
                    error=str(outcome)))  # fmt: skip
            return
        self._failed = False
        self.token = poll.token
        if outcome is not None and not outcome.empty:
            self.window.dispatcher.changed.emit(outcome.changes, self)
            self._show(self.describe(outcome))
        if poll.more:
            QTimer.singleShot(0, self.poll_now)

    def describe(self, activity: Any) -> str:
        """One status line: who coded or changed how much."""
        parts = []
        for coder in sorted(activity.operations):
            coded = activity.coded.get(coder, 0)
            if coded == 1:
                parts.append(self.tr("{coder} coded a passage").format(coder=coder))
            elif coded:
                parts.append(self.tr("{coder} coded {n} passages").format(coder=coder, n=coded))
            elif activity.operations[coder] == 1:
                parts.append(self.tr("{coder} made a change").format(coder=coder))
            else:
                parts.append(
                    self.tr("{coder} made {n} changes").format(
                        coder=coder, n=activity.operations[coder]
                    )
                )
        return "; ".join(parts)

    def _show(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 8000)

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


SERVER_PROMPT = QT_TRANSLATE_NOOP(
    "LivePoller",
    "Server address, e.g. postgresql+psycopg://sari@lab.example.ac.id/thesis\n"
    "(leave the password out: it comes from 'qualcode team login' or ~/.pgpass)",
)


def open_server_project(window: Any) -> bool:
    """Ask for a team server's address and open the project there."""
    from PySide6.QtCore import QCoreApplication

    from qualcode.ui.shell import dialogs

    url = dialogs.get_text(
        window,
        QCoreApplication.translate("LivePoller", "Open a team project"),
        QCoreApplication.translate("LivePoller", SERVER_PROMPT),
    )
    if not url:
        return False
    if not url.startswith(("postgresql", "postgres://")):
        window.dispatcher.show_error(
            ValidationError(
                QT_TRANSLATE_NOOP("errors", "{url} is not a PostgreSQL server address."), url=url
            )
        )
        return False
    return bool(window.open_path(url))


FEATURE = Feature(
    key="team_live",
    pane=lambda window: LivePoller(window),
    area=None,
    commands=(
        Command(
            "project.open_server",
            QT_TRANSLATE_NOOP("commands", "Open a &team project on a server…"),
            "file",
            open_server_project,
            after="project.open",
            tip=QT_TRANSLATE_NOOP(
                "commands", "Open a project kept on a PostgreSQL server, to code with your team"
            ),
        ),
    ),
)
