"""Plain CSV and Excel writers for displays (styled Excel comes later).

A cell is written as its count, or as its excerpts / summary / rating when the
display shows those, so the file reads like the matrix on screen.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import ExportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display


def cell_text(display: Display, r: int, c: int) -> str | int:
    """What one cell shows as plain text (or a number for counts)."""
    cell = display.spec.cell
    key = (r, c)
    if cell == "excerpts":
        return "\n".join(
            f"[{e.source} {e.start}-{e.end}{', ' + ', '.join(e.cases) if e.cases else ''}] {e.text}"
            for e in display.excerpts.get(key, [])
        )
    if cell == "summary":
        s = display.summaries.get(key)
        return "" if s is None else (s.text + (" [draft]" if s.draft else ""))
    if cell == "rating":
        quote = display.quotes.get(key)
        rating = display.ratings.get(key, "")
        return f"{rating}: \u201c{quote.text}\u201d ({quote.source})" if quote else rating
    return display.counts[r][c]


def table(display: Display) -> list[list[str | int]]:
    """The display as rows of plain values, headers first."""
    out: list[list[str | int]] = [[""] + [h.label for h in display.columns]]
    for r, h in enumerate(display.rows):
        out.append([h.label] + [cell_text(display, r, c) for c in range(len(display.columns))])
    return out


def write_display(display: Display, path: str | Path) -> Path:
    """Write the display to ``.csv`` or ``.xlsx`` (chosen by the file's suffix)."""
    target = Path(path)
    rows = table(display)
    try:
        if target.suffix.lower() == ".csv":
            with open(target, "w", newline="", encoding="utf-8-sig") as fh:
                csv.writer(fh).writerows(rows)
        elif target.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            wb = Workbook()
            ws = wb.active
            ws.title = display.spec.type[:31]
            for row in rows:
                ws.append(row)
            wb.save(target)
        else:
            raise ExportFailedError(
                QT_TRANSLATE_NOOP("errors", "{file}: write .csv or .xlsx."), file=target.name
            )
    except OSError as exc:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file} could not be written ({reason})."),
            file=target.name,
            reason=str(exc),
        ) from exc
    return target
