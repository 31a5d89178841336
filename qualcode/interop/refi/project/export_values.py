"""Values for the REFI-QDA export: timestamps, typed attribute values, file names, texts
of the loaded codebooks in their other languages. Split from :mod:`.exporter` to keep it small."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import String, type_coerce

from qualcode.codebooks.project import DEFAULT_LANGUAGE
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import TRANSLATED_FIELDS


def typed_value(attr_type: str, stored: str | None, var_type: m.VariableType) -> Any:
    from qualcode.cases.attributes import typed

    value = typed(attr_type, stored)
    if value is None:
        return None
    if var_type is m.VariableType.FLOAT:
        return float(value)  # type: ignore[arg-type]
    if var_type is m.VariableType.INTEGER:
        return int(value)  # type: ignore[arg-type]
    return value if isinstance(value, dt.date) else str(value)


def original_name(name: str, original_name: str | None, data: bytes) -> str:
    if original_name:
        return Path(original_name).name
    if data.startswith(b"%PDF"):
        return name + ".pdf"
    if data.startswith(b"PK"):
        return name + ".docx"
    if data.startswith(b"{\\rtf"):
        return name + ".rtf"
    return name + ".bin"


def translations(baselines: Iterable[str]) -> dict[tuple[str, str], dict[str, str]]:
    """``{(codebook, code id): {"Definition (en)": ...}}``: a loaded codebook's texts in
    the languages other than the one the project uses, for the code descriptions."""
    from qualcode.codebooks.baseline import book_from_json
    from qualcode.codebooks.model import iter_codes

    out: dict[tuple[str, str], dict[str, str]] = {}
    for value in baselines:
        try:
            data = json.loads(value)
            book = book_from_json(data["codebook"])
        except (ValueError, KeyError, TypeError):
            continue  # a damaged baseline: the codes still export with their own texts
        used = data.get("language", DEFAULT_LANGUAGE)
        for _path, code in iter_codes(book.codes):
            texts: dict[str, str] = {}
            for key, field_name in TRANSLATED_FIELDS:
                for lang, text in sorted(getattr(code, field_name).items()):
                    if lang != used and text:
                        texts[f"{key} ({lang})"] = text
            out[(book.id, code.id)] = texts
    return out


def unless(value: str, default: str) -> str | None:
    """``value``, or None when it is the default (keeps descriptions quiet)."""
    return None if value == default else value


def by_id(row: Any) -> int:
    return int(row.id)


def raw_time(column: Any) -> Any:
    """``column`` as the driver gives it: SQLite's text is parsed by :func:`utc` in C,
    several times faster than the generic DateTime conversion on 200k codings."""
    return type_coerce(column, String).label(column.name)


def utc(value: dt.datetime | str | None) -> dt.datetime | None:
    """A stored timestamp (naive UTC) as an aware one, so files say ``Z``."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def parse_iso(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


NO_ATTRIBUTES = (None, None, None, None, None, "")  # CODING_FIELDS of a plain coding


def has_attributes(values: Iterable[Any]) -> bool:
    """A coding carries attributes worth a note (any of CODING_FIELDS set)."""
    return any(v is not None and v != "" for v in values)
