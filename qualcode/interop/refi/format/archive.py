"""Open a ``.qdpx`` (zip) or a bare ``.qde`` safely and hand out its parts.

The zip guards themselves live in :mod:`qualcode.safezip` (shared with .docx/.odt).

A ``.qdpx`` comes from another computer and is untrusted: entries that would escape
a folder (``../``, absolute paths, drive letters) are refused even though nothing is
extracted to disk, and declared sizes, expansion ratios and entry counts are bounded
before anything is decompressed (zipfile stops reading at the declared size and
checks the CRC, so the declared sizes hold).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Self

from qualcode.errors import ImportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.safezip import ArchiveLimits, check_archive

__all__ = ["DEFAULT_LIMITS", "ArchiveLimits", "ProjectPackage", "open_package"]


DEFAULT_LIMITS = ArchiveLimits()


def _fail(template: str, **params: object) -> ImportFailedError:
    return ImportFailedError(template, **params)


class ProjectPackage:
    """The ``.qde`` bytes of a project and access to its internal source files."""

    def __init__(
        self,
        display_name: str,
        qde_name: str,
        qde: bytes,
        *,
        zip_file: zipfile.ZipFile | None = None,
        internal: dict[str, zipfile.ZipInfo] | None = None,
        folder_files: dict[str, Path] | None = None,
        limits: ArchiveLimits = DEFAULT_LIMITS,
        prefix: str = "",
    ) -> None:
        self.display_name = display_name
        self.qde_name = qde_name
        self.qde = qde
        self.is_archive = zip_file is not None
        self._zip = zip_file
        self._internal = internal or {}
        self._folder_files = folder_files or {}
        self._limits = limits
        self._prefix = prefix

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the zip file."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def read_internal(self, filename: str) -> bytes | None:
        """Bytes of the internal file ``filename`` (case-insensitive), or ``None`` if absent."""
        key = PurePosixPath(filename.replace("\\", "/")).name.lower()
        if not key:
            return None
        info = self._internal.get(key)
        if info is not None and self._zip is not None:
            return _read_entry(self._zip, info, self._limits, self.display_name)
        path = self._folder_files.get(key)
        if path is not None:
            size = path.stat().st_size
            if size > self._limits.max_entry_bytes:
                raise _fail(
                    QT_TRANSLATE_NOOP("errors", "{file}: {entry} is too large ({size} bytes)."),
                    file=self.display_name,
                    entry=filename,
                    size=size,
                )
            return path.read_bytes()
        return None

    def read_folder(self, folder: str) -> dict[str, bytes]:
        """Every file of the archive under ``folder`` (e.g. ``qualcode/``), by member name."""
        if self._zip is None:
            return {}
        out: dict[str, bytes] = {}
        for info in self._zip.infolist():
            name = info.filename.replace("\\", "/")
            if info.is_dir() or not name.startswith(self._prefix + folder):
                continue
            out[name[len(self._prefix) :]] = _read_entry(
                self._zip, info, self._limits, self.display_name
            )
        return out


def _read_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ArchiveLimits, display: str
) -> bytes:
    try:
        with zf.open(info) as handle:
            data = handle.read(limits.max_entry_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, RuntimeError) as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("errors", "{file}: cannot read {entry} ({reason})."),
            file=display,
            entry=info.filename,
            reason=str(exc),
        ) from exc
    if len(data) > limits.max_entry_bytes:
        raise _fail(
            QT_TRANSLATE_NOOP("errors", "{file}: {entry} is too large ({size} bytes)."),
            file=display,
            entry=info.filename,
            size=len(data),
        )
    return data


def _find_qde(names: list[str], display: str) -> tuple[str, str]:
    """(qde entry name, folder prefix) — the single ``*.qde`` at the root (or in one folder)."""
    root = [n for n in names if "/" not in n and n.lower().endswith(".qde")]
    prefix = ""
    if not root:
        nested = [n for n in names if n.count("/") == 1 and n.lower().endswith(".qde")]
        if len({n.split("/")[0] for n in nested}) == 1:
            root, prefix = nested, nested[0].split("/")[0] + "/"
    if len(root) > 1:
        preferred = [n for n in root if PurePosixPath(n).name.lower() == "project.qde"]
        if len(preferred) == 1:
            return preferred[0], prefix
        raise _fail(
            QT_TRANSLATE_NOOP(
                "errors", "{file}: the archive holds several project files ({names})."
            ),
            file=display,
            names=", ".join(root),
        )
    if not root:
        raise _fail(
            QT_TRANSLATE_NOOP(
                "errors", "{file}: no project file (.qde) found; this is not a REFI-QDA project."
            ),
            file=display,
        )
    return root[0], prefix


def _index_internal(infos: list[zipfile.ZipInfo], prefix: str) -> dict[str, zipfile.ZipInfo]:
    """Lower-case file name → entry, for files in ``sources/`` (any case) or at the root."""
    in_sources: dict[str, zipfile.ZipInfo] = {}
    at_root: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename.replace("\\", "/")
        if prefix and not name.startswith(prefix):
            continue
        parts = name[len(prefix) :].split("/")
        if len(parts) == 2 and parts[0].lower() == "sources" and parts[1]:
            in_sources.setdefault(parts[1].lower(), info)
        elif len(parts) == 1:
            at_root.setdefault(parts[0].lower(), info)
    return at_root | in_sources


def _folder_sources(qde_path: Path) -> dict[str, Path]:
    """Files of a ``sources`` folder next to a bare ``.qde`` (unzipped project)."""
    found: dict[str, Path] = {}
    for child in qde_path.parent.iterdir():
        if child.is_dir() and child.name.lower() == "sources":
            for item in child.iterdir():
                if item.is_file():
                    found.setdefault(item.name.lower(), item)
    return found


def open_package(path: str | Path, limits: ArchiveLimits = DEFAULT_LIMITS) -> ProjectPackage:
    """Open a ``.qdpx`` archive or a bare ``.qde`` file (decided by content, not name)."""
    path = Path(path)
    display = path.name
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
        is_zip = magic.startswith(b"PK")
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("errors", "{file}: cannot be opened ({reason})."),
            file=display,
            reason=str(exc),
        ) from exc
    if not is_zip:
        if size > limits.max_xml_bytes:
            raise _fail(
                QT_TRANSLATE_NOOP("errors", "{file}: {entry} is too large ({size} bytes)."),
                file=display,
                entry=display,
                size=size,
            )
        return ProjectPackage(
            display,
            display,
            path.read_bytes(),
            folder_files=_folder_sources(path),
            limits=limits,
        )
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(
            QT_TRANSLATE_NOOP("errors", "{file}: not a valid zip archive ({reason})."),
            file=display,
            reason=str(exc),
        ) from exc
    try:
        check_archive(zf, limits, display)
        infos = zf.infolist()
        qde_name, prefix = _find_qde([i.filename for i in infos if not i.is_dir()], display)
        qde_info = zf.getinfo(qde_name)
        if qde_info.file_size > limits.max_xml_bytes:
            raise _fail(
                QT_TRANSLATE_NOOP("errors", "{file}: {entry} is too large ({size} bytes)."),
                file=display,
                entry=qde_name,
                size=qde_info.file_size,
            )
        qde = _read_entry(zf, qde_info, limits, display)
        internal = _index_internal(infos, prefix)
        internal.pop(PurePosixPath(qde_name).name.lower(), None)
    except BaseException:
        zf.close()
        raise
    return ProjectPackage(
        display, qde_name, qde, zip_file=zf, internal=internal, limits=limits, prefix=prefix
    )
