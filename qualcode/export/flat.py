"""Coded excerpts as one flat table (one row per coding) for pivot tables, Excel and CSV."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qualcode.export.selection import ExportExcerpt
from qualcode.text.labels import label

# Attributes that name a person: left out of a pseudonymised table.
NAME_ATTRIBUTES = ("nama", "name", "nama lengkap", "full name", "nama informan")


def excerpt_table(
    excerpts: Sequence[ExportExcerpt], language: str, *, pseudonymise: bool = False
) -> tuple[list[str], list[list[Any]], list[str]]:
    """(headers, rows, column kinds) with every attribute of source, case and coding.

    Column kinds are ``text``, ``long`` (wrapped, wide), ``date``, ``number``,
    so writers can format columns without knowing their meaning.
    """
    case_attrs: dict[str, None] = {}
    source_attrs: dict[str, None] = {}
    for e in excerpts:
        case_attrs.update(dict.fromkeys(e.case_attributes))
        source_attrs.update(dict.fromkeys(e.source_attributes))
    if pseudonymise:
        case_attrs = {k: None for k in case_attrs if k.casefold() not in NAME_ATTRIBUTES}

    def lab(key: str) -> str:
        return label(key, language)

    fixed = {lab(k).casefold() for k in ("no", "code", "code_path", "source", "source_kind",
             "date", "case", "coder", "valence", "note", "excerpt", "citation")}  # fmt: skip

    def case_col(name: str) -> str:  # "Kode" (an informant code) must not look like the code
        return f"{lab('case')}: {name}" if name.casefold() in fixed else name

    columns: list[tuple[str, str]] = [
        (lab("no"), "number"),
        (lab("code"), "text"),
        (lab("code_path"), "text"),
        (lab("source"), "text"),
        (lab("source_kind"), "text"),
        (lab("date"), "date"),
        (lab("case"), "text"),
        *((case_col(name), "text") for name in case_attrs),
        *((f"{lab('source')}: {name}", "text") for name in source_attrs),
        (lab("coder"), "text"),
        (lab("valence"), "text"),
        (lab("magnitude"), "text"),
        (lab("period"), "text"),
        (lab("event_date"), "date"),
        (lab("weight"), "text"),
        (lab("note"), "long"),
        (lab("paragraph"), "number"),
        (lab("start"), "number"),
        (lab("end"), "number"),
        (lab("excerpt"), "long"),
        (lab("citation"), "long"),
        (lab("other_codes"), "text"),
        ("ID", "number"),
    ]
    rows = []
    for i, e in enumerate(excerpts, 1):
        rows.append(
            [
                i,
                e.code,
                " / ".join(e.code_path),
                e.source,
                label(e.source_kind, language),
                e.source_date,
                e.case,
                *(e.case_attributes.get(n) for n in case_attrs),
                *(e.source_attributes.get(n) for n in source_attrs),
                e.coder,
                label(e.valence, language) if e.valence else None,
                e.magnitude,
                e.period,
                e.event_date,
                e.weight,
                e.note or None,
                e.paragraph,
                e.start,
                e.end,
                e.text,
                e.citation,
                ", ".join(e.other_codes) or None,
                e.coding_id,
            ]
        )
    return [c[0] for c in columns], rows, [c[1] for c in columns]
