"""Coded excerpts as one flat table (one row per coding) for pivot tables, Excel and CSV."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from qualcode.export.selection import ExportExcerpt
from qualcode.text.labels import label

# Attributes that name a person: left out of a pseudonymised table.
NAME_ATTRIBUTES = ("nama", "name", "nama lengkap", "full name", "nama informan")


def excerpt_table(
    excerpts: Sequence[ExportExcerpt],
    language: str,
    *,
    pseudonymise: bool = False,
    memos: bool = False,
    code_memos: bool = False,
) -> tuple[list[str], list[list[Any]], list[str]]:
    """(headers, rows, column kinds) with every attribute of source, case and coding.

    ``memos``/``code_memos`` add columns with the memos on each coding and on its
    code (several memos separated by blank lines).

    Column kinds are ``text``, ``long`` (wrapped, wide), ``date``, ``number``,
    so writers can format columns without knowing their meaning.
    """
    headers, rows, kinds = excerpt_rows(
        excerpts, language, pseudonymise=pseudonymise, memos=memos, code_memos=code_memos
    )
    return headers, list(rows), kinds


def excerpt_rows(
    excerpts: Sequence[ExportExcerpt],
    language: str,
    *,
    pseudonymise: bool = False,
    memos: bool = False,
    code_memos: bool = False,
) -> tuple[list[str], Iterator[list[Any]], list[str]]:
    """:func:`excerpt_table` with its rows made one at a time, for streaming writers."""
    case_attrs: dict[str, None] = {}
    source_attrs: dict[str, None] = {}
    seen_case: set[int] = set()  # excerpts of one case or source share their attribute dicts
    seen_source: set[int] = set()
    for e in excerpts:
        if id(e.case_attributes) not in seen_case:
            seen_case.add(id(e.case_attributes))
            case_attrs.update(dict.fromkeys(e.case_attributes))
        if id(e.source_attributes) not in seen_source:
            seen_source.add(id(e.source_attributes))
            source_attrs.update(dict.fromkeys(e.source_attributes))
    if pseudonymise:
        case_attrs = {k: None for k in case_attrs if k.casefold() not in NAME_ATTRIBUTES}

    def lab(key: str) -> str:
        return label(key, language)

    fixed = {lab(k).casefold() for k in ("no", "code", "code_path", "source", "source_kind",
             "date", "case", "coder", "valence", "note", "excerpt", "citation", "memos_coding",
             "memos_code")}  # fmt: skip

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
        *([(lab("memos_coding"), "long")] if memos else []),
        *([(lab("memos_code"), "long")] if code_memos else []),
        ("ID", "number"),
    ]
    rows = _rows(excerpts, language, case_attrs, source_attrs, memos, code_memos)
    return [c[0] for c in columns], rows, [c[1] for c in columns]


def _rows(
    excerpts: Sequence[ExportExcerpt],
    language: str,
    case_attrs: Iterable[str],
    source_attrs: Iterable[str],
    memos: bool = False,
    code_memos: bool = False,
) -> Iterator[list[Any]]:
    """One row per excerpt; labels of kinds and valences looked up once."""
    case_names = list(case_attrs)
    source_names = list(source_attrs)
    kinds: dict[str, str] = {}
    valences: dict[str, str] = {}
    for i, e in enumerate(excerpts, 1):
        kind = kinds.get(e.source_kind)
        if kind is None:
            kind = kinds[e.source_kind] = label(e.source_kind, language)
        valence = None
        if e.valence:
            valence = valences.get(e.valence)
            if valence is None:
                valence = valences[e.valence] = label(e.valence, language)
        cattrs, sattrs = e.case_attributes, e.source_attributes
        yield [
            i,
            e.code,
            " / ".join(e.code_path),
            e.source,
            kind,
            e.source_date,
            e.case,
            *[cattrs.get(n) for n in case_names],
            *[sattrs.get(n) for n in source_names],
            e.coder,
            valence,
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
            *(["\n\n".join(e.memos) or None] if memos else []),
            *(["\n\n".join(e.code_memos) or None] if code_memos else []),
            e.coding_id,
        ]
