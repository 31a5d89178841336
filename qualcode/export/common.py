"""Progress, cancellation and all-or-nothing file writing shared by every exporter."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from qualcode.errors import CancelledError, ExportFailedError
from qualcode.fileio import atomic_output  # noqa: F401 - re-exported for exporters
from qualcode.i18n import QT_TRANSLATE_NOOP

ProgressFn = Callable[[int, int], object]
CancelFn = Callable[[], bool]


class Steps:
    """Counts work done, reports it and stops the export when the user cancels."""

    def __init__(
        self, total: int, progress: ProgressFn | None = None, cancel: CancelFn | None = None
    ) -> None:
        self.total = max(total, 0)
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        """Raise :class:`CancelledError` if the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise CancelledError()

    def step(self, n: int = 1) -> None:
        """One more unit done: check for cancel, then report."""
        self.check()
        self.done += n
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        """Report completion (the last call ``progress`` sees is ``total, total``)."""
        if self._progress is not None:
            self._progress(self.total, self.total)


def check_suffix(path: str | os.PathLike[str], allowed: tuple[str, ...]) -> str:
    """The lower-case suffix of ``path`` if it is one of ``allowed``."""
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: can only export to {allowed}."),
            file=str(path),
            allowed=", ".join(allowed),
        )
    return suffix
