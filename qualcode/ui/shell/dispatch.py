"""The one dispatcher between the UI and the core (Anki's ``CollectionOp``, made small).

Widgets never call a changing core function directly: they ask the dispatcher.
Quick operations (apply a code) run synchronously; slow ones (imports) run on
a worker thread behind a progress dialog with Cancel. A :class:`QualCodeError`
becomes a translated message instead of a traceback. Every ``ChangeSet`` the
project broadcasts, from whatever thread, is re-emitted once as
:attr:`Dispatcher.changed` on the GUI thread with the widget that started it,
so each view redraws only what the flags touch and skips its own changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from qualcode.errors import CancelledError, QualCodeError
from qualcode.failures import explain
from qualcode.ui.i18n import translate_error

Progress = Callable[[int, int, str], None]
"""``progress(done, total, message)``: report from a worker; ``total`` 0 means unknown."""


class Task(QObject):
    """A slow core call running on a worker thread; ``done`` carries result and error."""

    done = Signal(object, object)  # result, error (QualCodeError or None)
    progressed = Signal(int, int, str)

    def __init__(self, fn: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False

    def cancel(self) -> None:
        """Ask the worker to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether Cancel was pressed."""
        return self._cancel.is_set()

    def run(self) -> None:
        """Worker-thread body: call ``fn(progress=, cancel=)`` and report."""
        try:
            self.result = self._fn(progress=self.progressed.emit, cancel=self._cancel.is_set)
        except QualCodeError as exc:
            self.error = exc
        except Exception as exc:  # shown to the user, not swallowed
            self.error = explain(exc) or exc


class _Worker(QThread):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


class Dispatcher(QObject):
    """Runs core operations for the UI and broadcasts what they changed."""

    changed = Signal(object, object)  # ChangeSet, origin (the widget that asked, or None)
    error_shown = Signal(str)
    _relay = Signal(object, object)

    def __init__(self, window: QWidget | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._project: Any = None
        self._unsubscribe: Callable[[], None] | None = None
        self._origins: dict[int, object] = {}
        self._tasks: list[tuple[_Worker, Task, QProgressDialog | None]] = []
        self.last_error: str | None = None
        self._relay.connect(self._deliver)

    # -- project ---------------------------------------------------------------------------
    @property
    def project(self) -> Any:
        """The open ``Project`` (or None)."""
        return self._project

    def attach(self, project: Any) -> None:
        """Listen to ``project`` (None detaches)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._project = project
        if project is not None:
            self._unsubscribe = project.subscribe(self._on_change)

    def _on_change(self, changes: Any) -> None:
        # Called on the thread that ran the operation; the signal queues across threads.
        self._relay.emit(changes, self._origins.get(threading.get_ident()))

    @Slot(object, object)
    def _deliver(self, changes: Any, origin: object) -> None:
        self.changed.emit(changes, origin)

    # -- quick operations -----------------------------------------------------------------
    def run(self, fn: Callable[..., Any], *args: Any, origin: object = None, **kwargs: Any) -> Any:
        """Run a quick core call now; on a ``QualCodeError`` show it and return None."""
        ident = threading.get_ident()
        previous = self._origins.get(ident)
        self._origins[ident] = origin
        try:
            return fn(*args, **kwargs)
        except QualCodeError as exc:
            self.show_error(exc)
            return None
        except Exception as exc:
            error = explain(exc)  # a full disk outside an operation (an export)
            if error is None:
                raise
            self.show_error(error)
            return None
        finally:
            if previous is None:
                self._origins.pop(ident, None)
            else:
                self._origins[ident] = previous

    def show_error(self, err: BaseException) -> None:
        """Tell the user what went wrong, in their language, without blocking."""
        text = translate_error(err) if isinstance(err, QualCodeError) else str(err)
        self.last_error = text
        self.error_shown.emit(text)
        if self._window is None or isinstance(err, CancelledError):
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("QualCode"), text, QMessageBox.StandardButton.Ok
        )
        box.setParent(self._window, Qt.WindowType.Dialog)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- slow operations ---------------------------------------------------------------------
    def run_task(
        self,
        title: str,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        origin: object = None,
        show_progress: bool = True,
    ) -> Task:
        """Run ``fn(progress=, cancel=)`` on a worker thread behind a progress dialog.

        ``on_done(result)`` runs on the GUI thread when it succeeds; errors are
        shown (a cancelled task is reported quietly in the status bar).
        """
        task = Task(fn)
        worker = _Worker(task)
        dialog: QProgressDialog | None = None
        if show_progress:
            dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self._window)
            dialog.setObjectName("taskProgress")
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(task.cancel)
            task.progressed.connect(lambda d, n, m, dlg=dialog: _show_progress(dlg, d, n, m))
        entry = (worker, task, dialog)

        def wrapped_run() -> None:
            ident = threading.get_ident()
            self._origins[ident] = origin
            try:
                task.run()
            finally:
                self._origins.pop(ident, None)

        worker.run = wrapped_run  # type: ignore[method-assign]

        def finish() -> None:
            self._tasks.remove(entry)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            worker.deleteLater()
            task.finished = True
            if task.error is not None:
                self.show_error(task.error)
            elif on_done is not None:
                on_done(task.result)
            task.done.emit(task.result, task.error)

        worker.finished.connect(finish)
        self._tasks.append(entry)
        worker.start()
        return task

    def progress_dialog(self, task: Task) -> QProgressDialog | None:
        """The progress dialog of a running task (None once it has finished)."""
        return next((d for _w, t, d in self._tasks if t is task), None)

    @property
    def busy(self) -> bool:
        """Whether a slow task is running (closing the project waits for it)."""
        return bool(self._tasks)

    def wait_all(self) -> None:
        """Cancel and wait for running tasks (on close)."""
        for worker, task, _dialog in list(self._tasks):
            task.cancel()
            worker.wait()


def _show_progress(dialog: QProgressDialog, done: int, total: int, message: str) -> None:
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total else 0)
    if message:
        dialog.setLabelText(message)
