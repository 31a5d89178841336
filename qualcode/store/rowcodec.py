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


def pack(entries: list[Any]) -> bytes:
    """Serialise and compress a list of change entries."""
    raw = json.dumps(entries, default=_default, separators=(",", ":"), ensure_ascii=False)
    return zlib.compress(raw.encode("utf-8"), 1)


def unpack(blob: bytes) -> list[Any]:
    """Inverse of :func:`pack`."""
    entries: list[Any] = json.loads(zlib.decompress(blob).decode("utf-8"), object_hook=_hook)
    return entries
