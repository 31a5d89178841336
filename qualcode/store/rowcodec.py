"""Encode row images for the undo history.

Undo steps store the rows an operation changed as JSON (never pickle: a project
file may come from anyone). Values JSON cannot hold are tagged: dates,
datetimes and bytes. Steps are zlib-compressed.
"""

from __future__ import annotations

import base64
import json
import zlib
from datetime import date, datetime
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"cannot store {type(value).__name__} in undo history")


def _hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        ((key, value),) = obj.items()
        if key == "$dt":
            return datetime.fromisoformat(value)
        if key == "$d":
            return date.fromisoformat(value)
        if key == "$b":
            return base64.b64decode(value)
    return obj


_CHUNK = 1 << 20  # characters (or bytes, a multiple of 3 for base64) written at a time


def pack(entries: list[Any]) -> bytes:
    """Serialise and compress a list of change entries.

    Streamed: a long text or file is escaped, base64-encoded and compressed a
    megabyte at a time, and a long list of rows row by row, so recording an
    undo step never holds a second copy of it as one JSON document.
    """
    packer = Packer()
    for entry in entries:
        packer.add(entry)
    return packer.finish()


class Packer:
    """:func:`pack` one entry at a time: the same blob, built while the entries come.

    A bulk operation (importing a whole project) keeps its row images this way,
    compressed, instead of as dictionaries until the end.
    """

    def __init__(self) -> None:
        self._compressor = zlib.compressobj(1)
        self._parts: list[bytes] = []
        self._pending: list[str] = []
        self._size = 0
        self.count = 0
        self._key_forms: dict[tuple[str, str], tuple[str, str]] = {}

    def _out(self, text: str) -> None:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._parts.append(self._compressor.compress("".join(self._pending).encode("utf-8")))
            self._pending.clear()
            self._size = 0

    def add(self, entry: Any, *, keys_only: bool | None = None) -> None:
        """Append one entry (``keys_only``: whether it is a keys-only insert, when the
        caller knows; else it is checked row by row)."""
        self._out("," if self.count else "[")
        if keys_only if keys_only is not None else _keys_only(entry):
            self._out(_dumps(entry))  # keys only (a bulk import): small whatever the count
        else:
            _write(entry, self._out)
        self.count += 1

    def add_keys(self, table: str, key: str, ids: list[int]) -> None:
        """:meth:`add` of the keys-only insert entry ``["i", table, [{key: id}, ...]]``
        written from the ids (200k codings imported: no dictionary per row)."""
        self._out("," if self.count else "[")
        forms = self._key_forms.get((table, key))
        if forms is None:  # a thousand sources, one key each: the forms are made once
            row = _dumps({key: 0})[:-2].replace("%", "%%") + "%d}"  # {"id":%d}
            forms = self._key_forms[(table, key)] = (f'["i",{_dumps(table)},[', row)
        head, row = forms
        self._out(f"{head}{','.join(map(row.__mod__, ids))}]]")
        self.count += 1

    def finish(self) -> bytes:
        """The packed list; the packer is done after this."""
        self._out("]" if self.count else "[]")
        self._flush()
        self._parts.append(self._compressor.flush())
        data = b"".join(self._parts)
        self._parts = []
        return data


def _keys_only(entry: Any) -> bool:
    """An insert entry whose rows are only their integer keys (``keys_only`` inserts)."""
    return (
        isinstance(entry, list)
        and len(entry) == 3
        and entry[0] == "i"
        and isinstance(entry[2], list)
        and all(
            isinstance(row, dict) and len(row) == 1 and type(next(iter(row.values()))) is int
            for row in entry[2]
        )
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_default, separators=(",", ":"), ensure_ascii=False)


_ITEMS = 256  # a list longer than this is written item by item (200k speaker turns)


def _big(value: Any) -> bool:
    if isinstance(value, str | bytes | bytearray | memoryview):
        return len(value) > _CHUNK
    if isinstance(value, dict):
        return any(_big(v) for v in value.values())
    if isinstance(value, list | tuple):
        return len(value) > _ITEMS or any(_big(v) for v in value)
    return False


def _write(value: Any, out: Any) -> None:
    """Write ``value`` as :func:`_dumps` would, in chunks where it is large."""
    if not _big(value):
        out(_dumps(value))
    elif isinstance(value, str):
        out('"')
        for i in range(0, len(value), _CHUNK):
            out(_dumps(value[i : i + _CHUNK])[1:-1])
        out('"')
    elif isinstance(value, bytes | bytearray | memoryview):
        view = memoryview(value)
        step = _CHUNK - _CHUNK % 3
        out('{"$b":"')
        for i in range(0, len(view), step):
            out(base64.b64encode(view[i : i + step]).decode("ascii"))
        out('"}')
    elif isinstance(value, dict):
        out("{")
        for n, (key, item) in enumerate(value.items()):
            out(("," if n else "") + _dumps({key: 0})[1:-3] + ":")
            _write(item, out)
        out("}")
    else:
        out("[")
        for n, item in enumerate(value):
            if n:
                out(",")
            _write(item, out)
        out("]")


def unpack(blob: bytes) -> list[Any]:
    """Inverse of :func:`pack`."""
    entries: list[Any] = json.loads(zlib.decompress(blob).decode("utf-8"), object_hook=_hook)
    return entries
