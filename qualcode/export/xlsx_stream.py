"""Large sheets streamed with XlsxWriter: rows go to disk as they are written, formats shared.

openpyxl keeps every cell as an object and a style per cell (a 5,000-excerpt table
is 125k of them); XlsxWriter writes each row as it comes with a handful of shared
formats, about three times faster on the same table (``benchmarks/bench_excerpts``).
The look is the one :mod:`qualcode.export.xlsx_common` defines for openpyxl sheets:
same header, fonts, widths, print setup and "About" sheet, so both read back alike.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from qualcode.export.xlsx_common import FONT, HEADER_FILL, TITLE_SIZE, plain

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd h:mm:ss"  # what openpyxl gives a datetime it is handed
# XlsxWriter adds Excel's cell padding (5 px at 7 px per digit) to a width; openpyxl writes
# the number as given. Taking the padding off keeps columns exactly as wide as before.
_PADDING = 5 / 7


def workbook(path: str | os.PathLike[str]) -> Any:
    """A streaming workbook that never turns text into formulas, links or numbers."""
    import xlsxwriter

    return xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )


def close(wb: Any) -> None:
    """Write the workbook out; a failing disk raises its own ``OSError`` (XlsxWriter wraps it
    in ``FileCreateError``), so "disk full" is reported as for every other export."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        wb.close()
    except FileCreateError as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise


def discard(wb: Any) -> None:
    """Close a workbook whose export failed or was cancelled (its row files in the temp folder
    go away); the file itself is thrown away by the caller."""
    import contextlib

    with contextlib.suppress(Exception):
        wb.close()


def header_format(wb: Any) -> Any:
    """The header cells of :func:`qualcode.export.xlsx_common.header_style`."""
    return wb.add_format(
        {
            "font_name": FONT,
            "bold": True,
            "bg_color": f"#{HEADER_FILL}",
            "pattern": 1,
            "text_wrap": True,
            "valign": "vcenter",
            "align": "center",
            "border": 1,
            "border_color": "#8EA9DB",
        }
    )


class CellFormats:
    """The shared formats of body cells: wrapped or not, with a date format or not."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.cache: dict[tuple[bool, str | None], Any] = {}

    def get(self, wrap: bool, number_format: str | None = None) -> Any:
        key = (wrap, number_format)
        found = self.cache.get(key)
        if found is None:
            spec: dict[str, Any] = {"valign": "top"}
            if wrap:
                spec["text_wrap"] = True
            if number_format:
                spec["num_format"] = number_format
            found = self.cache[key] = self.wb.add_format(spec)
        return found


def write_cell(
    ws: Any, row: int, col: int, value: Any, formats: CellFormats, wrap: bool, day: bool = False
) -> None:
    """One value as openpyxl stores it: text as text, numbers, dates with a date format
    (``day``: a date column, where a date and time shows only its date)."""
    if isinstance(value, str) and value:
        ws.write_string(row, col, value, formats.get(wrap))
    elif value is None or value == "":  # an empty cell, as openpyxl leaves it
        ws.write_blank(row, col, None, formats.get(wrap))
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, formats.get(wrap))
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, formats.get(wrap))
    elif isinstance(value, datetime | date):
        timed = isinstance(value, datetime) and not day
        pattern = DATETIME_FORMAT if timed else DATE_FORMAT
        ws.write_datetime(row, col, value, formats.get(wrap, pattern))
    else:
        ws.write_string(row, col, str(plain(value)), formats.get(wrap))


def set_widths(ws: Any, widths: list[float]) -> None:
    """Column widths in characters from column A, as openpyxl's ``set_widths`` writes them."""
    for i, width in enumerate(widths):
        ws.set_column(i, i, width - _PADDING if width >= 1 else width)


def print_setup(ws: Any, title_rows: int | None = None) -> None:
    """A4 landscape, fitted to the page width, the header row on every page."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(0)
    if title_rows is not None:
        ws.repeat_rows(0, title_rows - 1)


def write_about(wb: Any, name: str, title: str, items: dict[str, Any]) -> None:
    """The "About" sheet of :func:`qualcode.export.xlsx_common.write_about`."""
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, title, wb.add_format({"font_name": FONT, "bold": True,
                                                 "font_size": TITLE_SIZE}))  # fmt: skip
    key = wb.add_format({"font_name": FONT, "bold": True, "valign": "top", "text_wrap": True})
    formats = CellFormats(wb)
    for r, (k, value) in enumerate(items.items(), 2):
        ws.write_string(r, 0, str(k), key)
        write_cell(ws, r, 1, plain(value), formats, wrap=True)
    set_widths(ws, [28, 90])
    print_setup(ws)
