"""Import many files (or whole folders) with progress, cancel and per-file errors.

Each file is its own undo step; a file that fails is reported (which file and
why) and leaves the project unchanged for that file, while the others go on.
The UI runs :func:`import_many` on a worker thread: ``progress(done, total,
current_name)`` is called before each file and once at the end, and
``cancel()`` is checked between files (never inside one).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.errors import QualCodeError
from qualcode.sources.extract import SUPPORTED_EXTENSIONS
from qualcode.sources.importing import ImportResult, import_file

if TYPE_CHECKING:
    from qualcode.project import Project

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Per-file results in input order, and whether the user cancelled."""

    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    not_started: list[str] = field(default_factory=list)

    @property
    def imported(self) -> list[ImportResult]:
        """Files that became sources."""
        return [r for r in self.results if r.status == "imported"]

    @property
    def skipped(self) -> list[ImportResult]:
        """Duplicates that were skipped."""
        return [r for r in self.results if r.status == "skipped"]

    @property
    def failed(self) -> list[ImportResult]:
        """Files that could not be imported, each with its error."""
        return [r for r in self.results if r.status == "failed"]


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to import: given files as they are, folders searched recursively.

    Inside folders only supported extensions are taken (hidden files and Office
    lock files ``~$...`` are ignored), sorted by path; a file named directly is
    kept even if unsupported, so its import fails with a clear message.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not p.name.startswith("~$")
            ]
            out.extend(sorted(found))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def import_many(
    project: Project,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    **options: Any,
) -> BatchResult:
    """Import files and folders one by one; ``options`` go to :func:`import_file`."""
    files = collect_files(paths)
    total = len(files)
    results: list[ImportResult] = []
    for done, path in enumerate(files):
        if cancel is not None and cancel():
            return BatchResult(results, True, [p.name for p in files[done:]])
        if progress is not None:
            progress(done, total, path.name)
        try:
            results.append(import_file(project, path, **options))
        except Exception as exc:  # one bad file must not stop the batch
            message = exc.message if isinstance(exc, QualCodeError) else f"{path.name}: {exc!r}"
            results.append(ImportResult(path.name, "failed", error=message))
    if progress is not None:
        progress(total, total, "")
    return BatchResult(results)
