"""A codebook as JSON, for the baseline a project keeps of each loaded codebook.

The YAML writer and reader are pure Python and slow for a value that only QualCode reads,
so the copy kept in ``project_info`` is the dataclasses as JSON. Source lines are dropped.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from qualcode.codebooks.model import Codebook, CodebookCode, CodeLink, CodeSet, Reference

_DROP = ("line", "source")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _DROP
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def book_to_json(book: Codebook) -> dict[str, Any]:
    """The codebook as JSON-ready dicts and lists."""
    return dict(_plain(book))


def _code(data: dict[str, Any]) -> CodebookCode:
    return CodebookCode(
        **{
            **data,
            "links": tuple(CodeLink(**link) for link in data["links"]),
            "children": tuple(_code(child) for child in data["children"]),
        }
    )


def book_from_json(data: dict[str, Any]) -> Codebook:
    """The codebook :func:`book_to_json` wrote."""
    ref = data.get("reference")
    return Codebook(
        **{
            **data,
            "codes": tuple(_code(c) for c in data["codes"]),
            "languages": tuple(data["languages"]),
            "reference": Reference(**{**ref, "authors": tuple(ref["authors"])}) if ref else None,
            "sets": tuple(CodeSet(**{**s, "codes": tuple(s["codes"])}) for s in data["sets"]),
        }
    )


def dumps(book: Codebook, **extra: Any) -> str:
    """JSON text of the codebook with ``extra`` keys beside it (e.g. the language)."""
    return json.dumps({**extra, "codebook": book_to_json(book)}, ensure_ascii=False)
