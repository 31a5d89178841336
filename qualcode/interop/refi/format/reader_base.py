"""Shared state and helpers of the project reader: GUIDs, users, notes, values, files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.archive import ProjectPackage
from qualcode.interop.refi.format.guids import GuidTable
from qualcode.interop.refi.format.model import (
    Coding,
    ReportMessage,
    Severity,
    Variable,
    VariableValue,
    report,
)
from qualcode.interop.refi.format.safexml import local_name
from qualcode.interop.refi.format.selections import SelectionBuilder
from qualcode.interop.refi.format.xmlutil import (
    BadValueError,
    child,
    children,
    parse_datetime,
    parse_value,
)

if TYPE_CHECKING:
    from lxml import etree

#: Reads a ``relative://``/``absolute://`` source (uri, project basePath) → bytes or None.
ExternalResolver = Callable[[str, str], bytes | None]

#: Parsed stamps remembered by :meth:`ReaderBase.stamp` before the memory is cleared.
_STAMPS_KEPT = 8192


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode a plain-text source: UTF-8 (spec), UTF-16 with BOM, else a guess.

    Returns (text, guessed encoding or None). A UTF-8 BOM is kept as ``\\ufeff`` so
    position models can account for it.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
        return str(best), best.encoding


class ReaderBase:
    """State shared by the reader parts; one instance reads one project."""

    def __init__(
        self,
        package: ProjectPackage,
        root: etree._Element,
        resolve_external: ExternalResolver | None,
    ) -> None:
        self.package = package
        self.root = root
        self.resolve_external = resolve_external
        self.guids = GuidTable()
        self.messages: list[ReportMessage] = []
        self.problems: Counter[str] = Counter()
        self.users_seen: dict[str, None] = {}
        self.origin = root.get("origin") or ""
        self.base_path = root.get("basePath") or ""
        self.note_guids: set[str] = set()
        self.notes_read = False
        self.early_note_refs: Counter[str] = Counter()
        self.code_guids: set[str] = set()
        self.variables: dict[str, Variable] = {}
        self.selections = SelectionBuilder(self.origin)
        self.user_spelling: dict[str, str] = {}
        self.local_names: dict[object, str] = {}  # tag -> local name (see local_name_of)
        self.stamps: dict[str, dt.datetime | None] = {}  # see :meth:`stamp`

    # -- small helpers ------------------------------------------------------------
    def warn(self, kind: str, template: str, /, **params: object) -> None:
        self.messages.append(report(kind, template, Severity.WARNING, **params))

    def info(self, kind: str, template: str, /, **params: object) -> None:
        self.messages.append(report(kind, template, Severity.INFO, **params))

    def canon(self, value: str | None) -> tuple[str, bool]:
        guid, missing = self.guids.canon_or_new(value)
        if missing:
            self.problems["missing-guid"] += 1
        return guid, missing

    def user(self, value: str | None) -> str | None:
        if value is None:
            return None
        found = self.user_spelling.get(value)  # a few users, met on every coding
        if found is not None:
            return found
        guid = self.guids.canon(value)
        if guid is not None:
            self.users_seen.setdefault(guid, None)
            self.user_spelling[value] = guid
        return guid

    def note_refs(self, element: etree._Element, tag: str = "NoteRef") -> tuple[str, ...]:
        """The notes ``element`` refers to; before the notes are read (they come after the
        sources in the file), every reference is kept and checked once they are."""
        return self.note_ref_list(children(element, tag))

    def note_ref_list(self, refs: Iterable[etree._Element]) -> tuple[str, ...]:
        """:meth:`note_refs` of the given ``NoteRef`` elements."""
        out: list[str] = []
        for ref in refs:
            guid = self.guids.canon(ref.get("targetGUID"))
            if guid is None:
                self.problems["dangling-note"] += 1
            elif not self.notes_read:
                self.early_note_refs[guid] += 1
                out.append(guid)
            elif guid in self.note_guids:
                out.append(guid)
            else:
                self.problems["dangling-note"] += 1
        return tuple(out)

    def load_file(self, uri: str | None) -> bytes | None:
        """Bytes of an ``internal://``, bare, ``relative://`` or ``absolute://`` path."""
        if not uri:
            return None
        uri = uri.strip()
        low = uri.lower()
        if low.startswith("internal://"):
            return self.package.read_internal(uri[len("internal://") :])
        if low.startswith(("relative://", "absolute://")):
            if self.resolve_external is None:
                return None
            return self.resolve_external(uri, self.base_path)
        if "://" in uri:
            return None
        return self.package.read_internal(uri)

    def load_text(self, element: etree._Element) -> str | None:
        """The plain text of a TextSource-shaped element, or None when unavailable."""
        content = child(element, "PlainTextContent")
        if content is not None:
            return content.text or ""
        data = self.load_file(element.get("plainTextPath"))
        if data is None:
            return None
        text, guessed = decode_text(data)
        if guessed:
            self.warn(
                "text-encoding",
                QT_TRANSLATE_NOOP(
                    "refi", "{source}: the text is not UTF-8; read it as {encoding}."
                ),
                source=element.get("name") or element.get("plainTextPath"),
                encoding=guessed,
            )
        return text

    # -- sections -------------------------------------------------------------------
    def values(self, element: etree._Element) -> tuple[VariableValue, ...]:
        out: list[VariableValue] = []
        for vv in children(element, "VariableValue"):
            ref = child(vv, "VariableRef")
            guid = self.guids.canon(ref.get("targetGUID")) if ref is not None else None
            if guid not in self.variables:
                self.problems["dangling-variable"] += 1
                continue
            value_elements = [c for c in vv if local_name(c).endswith("Value")]
            if not value_elements:
                out.append(VariableValue(guid, None))
                continue
            try:
                _, value = parse_value(value_elements[0])
            except BadValueError:
                self.problems["bad-value"] += 1
                continue
            out.append(VariableValue(guid, value))
        return tuple(out)

    def codings(self, element: etree._Element, fallback_user: str | None) -> tuple[Coding, ...]:
        return self.coding_list(children(element, "Coding"), fallback_user)

    def coding_list(
        self, elements: Iterable[etree._Element], fallback_user: str | None
    ) -> tuple[Coding, ...]:
        """The ``Coding`` elements given, each child looked at once (200k in a project)."""
        out: list[Coding] = []
        canon, own, names = self.guids.canon, self.guids.canon_unreferenced, self.local_names
        user, code_guids, spelling = self.user, self.code_guids, self.user_spelling
        stamps, stamp = self.stamps, self.stamp
        for coding in elements:
            ref: etree._Element | None = None
            notes: list[etree._Element] = []
            for item in coding:
                name = names.get(item.tag) or self.local_name_of(item.tag)
                if name == "CodeRef":
                    if ref is None:
                        ref = item
                elif name == "NoteRef":
                    notes.append(item)
            code = canon(ref.get("targetGUID")) if ref is not None else None
            if code is None or code not in code_guids:
                self.problems["dangling-code"] += 1
                continue
            get = coding.get
            guid, missing = own(get("guid"))
            if missing:
                self.problems["missing-guid"] += 1
            created, creator = get("creationDateTime"), get("creatingUser")
            out.append(
                Coding(
                    guid,
                    code,
                    (spelling.get(creator) or user(creator) if creator else None) or fallback_user,
                    (stamps.get(created) or stamp(created)) if created else None,
                    self.note_ref_list(notes) if notes else (),
                )
            )
        return tuple(out)

    def stamp(self, value: str) -> dt.datetime | None:
        """:func:`parse_datetime` of ``value``, remembered in :attr:`stamps`: a file's
        codings and selections share a few thousand stamps (to the second), and parsing
        one costs about as much as reading the rest of a coding. The memory is bounded."""
        if len(self.stamps) >= _STAMPS_KEPT:
            self.stamps.clear()
        found = self.stamps[value] = parse_datetime(value)
        return found

    def local_name_of(self, tag: object) -> str:
        """:func:`local_name` of a tag, remembered in :attr:`local_names` (the few tags
        of a file are met hundreds of thousands of times); ``"-"`` for a comment."""
        name = tag[tag.rfind("}") + 1 :] if isinstance(tag, str) else "-"
        self.local_names[tag] = name
        return name
