"""Excel building blocks: header rows, widths, frozen panes, filters and an "About" sheet."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

HEADER_FILL = "D9E2F3"
FONT = "Calibri"  # Excel's default: set it, or bold cells fall back to another face
TITLE_SIZE = 13
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of ``[]:*?/\\``)."""
    base = " ".join(_BAD_SHEET_CHARS.sub(" ", title).split()).strip("'") or "Sheet"
    base = base[:31]
    name, n = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def header_style() -> dict[str, Any]:
    """Font, fill, alignment and border of header cells (objects are shared, not copied)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="8EA9DB")
    return {
        "font": Font(name=FONT, bold=True),
        "fill": PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL),
        "alignment": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "border": Border(bottom=thin, top=thin, left=thin, right=thin),
    }


def body_border() -> Any:
    """Thin light-grey lines around body cells."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="BFBFBF")
    return Border(bottom=thin, top=thin, left=thin, right=thin)


def style_cell(cell: Any, style: dict[str, Any]) -> None:
    """Apply a style dict from :func:`header_style`."""
    for key, value in style.items():
        setattr(cell, key, value)


def set_widths(ws: Any, widths: Iterable[float]) -> None:
    """Column widths in characters, from column A."""
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def width_for(values: Iterable[Any], minimum: float = 6, maximum: float = 60) -> float:
    """A column width that fits the longest short value (long texts wrap)."""
    longest = 0
    for v in values:
        if v is None:
            continue
        text = v.isoformat() if isinstance(v, date | datetime) else str(v)
        longest = max(longest, max((len(line) for line in text.splitlines()), default=0))
    return max(minimum, min(maximum, longest + 2))


def write_about(ws: Any, title: str, items: dict[str, Any]) -> None:
    """A two-column description of how a sheet was built (spec, filters, date, coders)."""
    from openpyxl.styles import Alignment, Font

    ws["A1"] = title
    ws["A1"].font = Font(name=FONT, bold=True, size=TITLE_SIZE)
    row = 3
    top = Alignment(vertical="top", wrap_text=True)
    for key, value in items.items():
        ws.cell(row=row, column=1, value=str(key)).font = Font(name=FONT, bold=True)
        ws.cell(row=row, column=1).alignment = top
        cell = ws.cell(row=row, column=2, value=plain(value))
        cell.alignment = top
        row += 1
    set_widths(ws, [28, 90])


def plain(value: Any) -> Any:
    """A value Excel can hold: lists and dicts become readable text."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return ", ".join(str(plain(v)) for v in value)
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if value is None or isinstance(value, int | float | date | datetime):
        return value
    return str(value)


def internal_link(cell: Any, sheet: str, ref: str) -> None:
    """Make ``cell`` jump to ``ref`` on ``sheet`` (a location link, not an external file)."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{ref}")
    cell.style = "Hyperlink"
