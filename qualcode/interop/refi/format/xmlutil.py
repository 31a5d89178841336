"""Small helpers shared by the project and codebook readers and writers."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from qualcode.interop.refi.format.model import Code, VariableType, VariableValueType
from qualcode.interop.refi.format.safexml import local_name

if TYPE_CHECKING:
    from lxml import etree

_RGB_RE = re.compile(r"^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Direct children called ``name`` (any namespace, or none)."""
    found: Iterator[etree._Element] = element.iterchildren("{*}" + name)
    return found


def child(element: etree._Element, name: str) -> etree._Element | None:
    """First direct child called ``name``, or ``None``."""
    return next(element.iterchildren("{*}" + name), None)


def child_text(element: etree._Element, name: str) -> str:
    """Text of the first child called ``name`` ("" when absent or empty)."""
    found = child(element, name)
    return (found.text or "") if found is not None else ""


@functools.lru_cache(maxsize=20_000)  # a project's stamps repeat (to the second, 200k codings)
def parse_datetime(value: str | None) -> dt.datetime | None:
    """An ``xsd:dateTime`` as a datetime, ``None`` when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def format_datetime(value: dt.datetime) -> str:
    """A datetime as ``xsd:dateTime`` (aware values in UTC with ``Z``), to the second."""
    if value.tzinfo is not None:
        if value.tzinfo is not dt.UTC:
            value = value.astimezone(dt.UTC)
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (  # noqa: UP031 - 3x faster than strftime
            value.year, value.month, value.day, value.hour, value.minute, value.second,
        )  # fmt: skip
    return value.replace(microsecond=0).isoformat()


def parse_bool(value: str | None, default: bool) -> bool:
    """An ``xsd:boolean``; ``default`` when absent or unreadable."""
    if value is None:
        return default
    low = value.strip().lower()
    if low in ("true", "1"):
        return True
    if low in ("false", "0"):
        return False
    return default


def clean_color(value: str | None) -> str | None:
    """A colour the schema accepts (``#rgb``/``#rrggbb``), else ``None``."""
    if value is None:
        return None
    value = value.strip()
    return value if _RGB_RE.match(value) else None


_VALUE_ELEMENTS: dict[str, VariableType] = {
    "TextValue": VariableType.TEXT,
    "BooleanValue": VariableType.BOOLEAN,
    "IntegerValue": VariableType.INTEGER,
    "FloatValue": VariableType.FLOAT,
    "DateValue": VariableType.DATE,
    "DateTimeValue": VariableType.DATETIME,
}
VALUE_ELEMENT_OF = {kind: name for name, kind in _VALUE_ELEMENTS.items()}


class BadValueError(ValueError):
    """A variable value that cannot be read as its declared type."""


def parse_value(element: etree._Element) -> tuple[VariableType, VariableValueType]:
    """Read one ``TextValue``/``IntegerValue``/... element; raises ``BadValueError``."""
    kind = _VALUE_ELEMENTS.get(local_name(element))
    if kind is None:
        raise BadValueError(local_name(element))
    text = element.text or ""
    try:
        if kind is VariableType.TEXT:
            return kind, text
        raw = text.strip()
        if not raw:
            return kind, None
        if kind is VariableType.BOOLEAN:
            low = raw.lower()
            if low not in ("true", "false", "1", "0"):
                raise BadValueError(raw)
            return kind, low in ("true", "1")
        if kind is VariableType.INTEGER:
            return kind, int(raw)
        if kind is VariableType.FLOAT:
            return kind, float(Decimal(raw))
        if kind is VariableType.DATE:
            return kind, dt.date.fromisoformat(raw[:10])
        return kind, dt.datetime.fromisoformat(raw)
    except (ValueError, InvalidOperation) as exc:
        raise BadValueError(raw) from exc


def value_kind(value: VariableValueType, declared: VariableType) -> VariableType:
    """Which value element to write for ``value`` (a variable's declared type wins)."""
    if value is None:
        return declared
    if isinstance(value, bool):
        return VariableType.BOOLEAN
    if isinstance(value, int):
        return VariableType.INTEGER
    if isinstance(value, float):
        return VariableType.FLOAT
    if isinstance(value, dt.datetime):
        return VariableType.DATETIME
    if isinstance(value, dt.date):
        return VariableType.DATE
    return VariableType.TEXT


def format_value(value: VariableValueType) -> str:
    """A value as the text of its XSD type."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def parse_code_tree(
    element: etree._Element,
    canon: Callable[[str | None], tuple[str, bool]],
    note_refs: Callable[[etree._Element], tuple[str, ...]],
    on_problem: Callable[[str, str], None],
) -> Code:
    """One ``Code`` element and its children (project and codebook share the shape).

    ``canon`` returns (guid, was_missing); ``on_problem(kind, code_name)`` records
    a repaired attribute for the report.
    """
    guid, missing = canon(element.get("guid"))
    name = element.get("name")
    if name is None:
        name = ""
        on_problem("code-name", guid)
    if missing:
        on_problem("code-guid", name)
    raw_color = element.get("color")
    color = clean_color(raw_color)
    if raw_color is not None and color is None:
        on_problem("code-color", name)
    kids = tuple(
        parse_code_tree(sub, canon, note_refs, on_problem) for sub in children(element, "Code")
    )
    return Code(
        guid=guid,
        name=name,
        is_codable=parse_bool(element.get("isCodable"), True),
        color=color,
        description=child_text(element, "Description"),
        note_guids=note_refs(element),
        children=kids,
    )
