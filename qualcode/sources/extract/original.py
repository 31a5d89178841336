"""An imported file's original bytes, read again from disk when they are stored.

A very large plain-text transcript is decoded once; holding its bytes until
the source is written would keep a second copy of the whole file in memory.
:class:`OriginalFile` remembers the file's path, size and checksum instead and
streams the bytes into the project (see :mod:`qualcode.store.large`),
checking that they are still the bytes that were decoded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.model import fail

_CHUNK = 1 << 20

REREAD_FROM = 8 * 1024 * 1024
"""Plain-text files from this size on keep their original as an :class:`OriginalFile`."""


@dataclass(frozen=True, slots=True)
class OriginalFile:
    """The original bytes of ``path``: ``size`` bytes whose SHA-256 is ``sha256``."""

    path: Path
    size: int
    sha256: str

    def chunks(self) -> Iterator[bytes]:
        """The file's bytes a megabyte at a time; ImportFailedError if the file changed."""
        digest = hashlib.sha256()
        read = 0
        try:
            with self.path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    read += len(chunk)
                    if read > self.size:
                        break
                    digest.update(chunk)
                    yield chunk
        except OSError as exc:
            raise self._changed() from exc
        if read != self.size or digest.hexdigest() != self.sha256:
            raise self._changed()

    def read(self) -> bytes:
        """The whole file (checked like :meth:`chunks`)."""
        return b"".join(self.chunks())

    def _changed(self) -> Exception:
        return fail(
            self.path.name,
            QT_TRANSLATE_NOOP(
                "errors",
                "Cannot import {file}: the file changed while it was being imported; "
                "import it again.",
            ),
        )
