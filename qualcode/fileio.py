"""Writing files safely: all or nothing, with ordinary permissions."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from qualcode.errors import ExportFailedError, QualCodeError
from qualcode.i18n import QT_TRANSLATE_NOOP


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to ``path`` only if the block succeeds.

    A cancelled or failed export never leaves a half-written file, an older file
    at ``path`` survives until the new one is complete, and the result gets the
    permissions a normally created file would (temporary files are private).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: the folder does not exist."), file=str(target)
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise _failed(target, exc, 0) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        written = tmp.stat().st_size if tmp.exists() else 0
        tmp.unlink(missing_ok=True)
        raise _failed(target, exc, written) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _failed(target: Path, exc: OSError, written: int) -> QualCodeError:
    """The error for a failed write: a full disk says how much to free."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        from qualcode.failures import disk_full

        # The file was cut short after ``written`` bytes: ask for twice that.
        return disk_full(target.parent, 2 * written)
    return ExportFailedError(
        QT_TRANSLATE_NOOP("errors", "{file} could not be written ({reason})."),
        file=str(target),
        reason=str(exc),
    )
