"""GUIDs as REFI-QDA writes them: either case, optional braces.

Inside one imported project every reference is rewritten to one spelling (braces
stripped, case kept): its target's own, or for a target defined later in the file
(notes follow the sources) the one its first reference used, until the definition
is read. So foreign GUIDs survive a round trip and plain string equality works for
the database mapper.
"""

from __future__ import annotations

import hashlib
import re
import uuid

_GUID_RE = re.compile(
    r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$"
)

#: Namespace of :func:`stable_guid` when the caller gives no project UUID.
QUALCODE_NAMESPACE = uuid.UUID("6f1d3c8e-2b7a-5c4e-9a1f-0d2e3b4c5a69")


def new_guid() -> str:
    """A fresh random GUID (lower case, no braces)."""
    return str(uuid.uuid4())


def stable_guid(namespace_key: str, project_uuid: str | uuid.UUID | None = None) -> str:
    """A GUID that is the same every time for the same project and object key.

    Exporting the same project twice must give the same GUIDs, so that another tool
    can recognise its objects again: ``uuid5(project_uuid, namespace_key)`` with a key
    such as ``"code:42"``.
    """
    if project_uuid is None:
        namespace = QUALCODE_NAMESPACE
    elif isinstance(project_uuid, uuid.UUID):
        namespace = project_uuid
    else:
        namespace = uuid.UUID(project_uuid.strip().strip("{}"))
    return str(uuid.uuid5(namespace, namespace_key))


class StableGuids:
    """:func:`stable_guid` for many keys of one project: ``uuid5`` without the UUID objects.

    An export derives hundreds of thousands of GUIDs (one per selection); hashing
    from a prepared SHA-1 state and formatting the hex directly is several times
    faster than ``str(uuid.uuid5(...))`` and gives the same strings.
    """

    def __init__(self, namespace: uuid.UUID = QUALCODE_NAMESPACE) -> None:
        self._state = hashlib.sha1(namespace.bytes, usedforsecurity=False)

    def __call__(self, key: str) -> str:
        state = self._state.copy()
        state.update(key.encode("utf-8"))
        digest = bytearray(state.digest()[:16])
        digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
        digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
        h = digest.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def is_guid(value: str) -> bool:
    """True when ``value`` is a GUID as the schema accepts it (braces optional)."""
    return bool(_GUID_RE.match(value.strip()))


def guid_key(value: str) -> str:
    """The comparison key of a GUID: lower case, no braces, no spaces."""
    return value.strip().strip("{}").lower()


def is_guid_key(value: str) -> bool:
    """Whether ``value`` is a GUID in its :func:`guid_key` form: :func:`are_guid_keys`
    for one value (a third of a pattern match's cost, met once per note and object)."""
    return value.isascii() and value.encode("ascii").translate(_HEX_MARK) == _ONE_GUID_SHAPE


def are_guid_keys(values: list[str]) -> bool:
    """Whether every value is a GUID in its :func:`guid_key` form (36 characters,
    hyphens at 8, 13, 18 and 23, the rest lower-case hex), for hundreds at once: all of
    them joined, each hex digit mapped to one byte no ASCII text holds, and compared
    with the expected shape repeated; three passes in C over the whole (one pattern
    match per value costs ten times as much)."""
    if not values:
        return False
    lines = "\n".join(values)
    if len(lines) != 37 * len(values) - 1 or not lines.isascii():
        return False
    return lines.encode("ascii").translate(_HEX_MARK) == (_GUID_SHAPE * len(values))[:-1]


_HEX_MARK = bytes.maketrans(b"0123456789abcdef", b"\x80" * 16)
_ONE_GUID_SHAPE = b"-".join(b"\x80" * n for n in (8, 4, 4, 4, 12))
_GUID_SHAPE = _ONE_GUID_SHAPE + b"\n"


class GuidTable:
    """Maps every GUID spelling met in one file to one canonical spelling.

    A value that is not a GUID at all (some exporters write other identifiers) is
    replaced by a deterministic UUID derived from it, so references still resolve
    and the written file stays valid; ``replaced`` counts them for the report.
    """

    def __init__(self) -> None:
        self._canon: dict[str, str] = {}
        self._respelled = 0  # keys remembered under another spelling than their own
        self.replaced = 0

    def canon(self, value: str | None) -> str | None:
        """Canonical spelling of ``value`` (``None`` or empty stays ``None``)."""
        if value is None:
            return None
        found = self._canon.get(value)  # already in key form: one look-up
        if found is not None:
            return found
        if is_guid_key(value):  # the usual spelling: its own key
            self._canon[value] = value
            return value
        if not value.strip():
            return None
        key = guid_key(value)
        found = self._canon.get(key)
        if found is not None:
            return found
        match = _GUID_RE.match(value.strip())
        if match:
            spelled = match.group(1)
        else:
            spelled = str(uuid.uuid5(QUALCODE_NAMESPACE, "foreign-id:" + key))
            self.replaced += 1
        self._canon[key] = spelled
        self._respelled += spelled != key
        return spelled

    def define(self, value: str | None) -> tuple[str, str | None]:
        """Canonical spelling of an object's own GUID, which wins over references read
        before it: (spelling, the earlier spelling it replaces or None)."""
        if value:
            found = self._canon.get(value)
            if found == value:  # met before, spelled the same
                return value, None
            if found is None and is_guid_key(value):  # canonical, never met
                self._canon[value] = value
                return value, None
        guid, _missing = self.canon_or_new(value)
        match = _GUID_RE.match((value or "").strip())
        if match is None or match.group(1) == guid:
            return guid, None
        self._canon[guid_key(guid)] = match.group(1)
        self._respelled += 1  # at most an extra check when it is the key itself
        return match.group(1), guid

    def canon_unreferenced(self, value: str | None) -> tuple[str, bool]:
        """:meth:`canon_or_new` for a GUID nothing refers to by a respelling (a coding, a
        selection: hundreds of thousands in a large project): a GUID already in canonical
        form is returned without being remembered."""
        if value:
            found = self._canon.get(value)
            if found is not None:
                return found, False
            if is_guid_key(value):  # its own key, and no other spelling was met
                return value, False
        return self.canon_or_new(value)

    def as_written(self, owned: list[str], referenced: list[str]) -> bool:
        """Whether every GUID given is already its own canonical spelling, so that
        :meth:`canon_unreferenced` of ``owned`` and :meth:`canon` of ``referenced``
        would give each back unchanged; if so, ``referenced`` are remembered as
        :meth:`canon` remembers them. One check for a whole source's selections, codings
        and references (hundreds), instead of one look-up and one match each."""
        values = owned + referenced
        if values and not are_guid_keys(values):
            return False
        known = self._canon
        if self._respelled and any(known[v] != v for v in known.keys() & values):
            return False  # another spelling of one of them was met
        known.update(zip(referenced, referenced, strict=True))
        return True

    def canon_or_new(self, value: str | None) -> tuple[str, bool]:
        """Canonical spelling, or a new GUID when missing (second item: was missing)."""
        found = self.canon(value)
        if found is None:
            return new_guid(), True
        return found, False
