"""The analysis engine's ``Display`` as a neutral :class:`~qualcode.export.table.Table`.

Kept apart from the writers so they never depend on the engine: any display
the engine builds (matrix, framework, checklist, role-ordered...) exports
through the same Excel, Word, CSV and HTML writers. Given the project, quotes
are cited like excerpt exports ("I1 — Kasi ..., Diskominfo, 27 Mei 2019, par. 3").
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.export.attribution import AttributionStyle, Attributor
from qualcode.export.labels import check_language, format_date, label
from qualcode.export.table import CellContent, Quote, Table

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project

TYPE_TITLES = {
    "matrix": {"id": "Matriks pengodean", "en": "Coding matrix"},
    "framework": {"id": "Matriks kerangka (framework)", "en": "Framework matrix"},
    "checklist": {"id": "Matriks checklist", "en": "Checklist matrix"},
    "role_ordered": {"id": "Matriks menurut jabatan", "en": "Role-ordered matrix"},
    "time_ordered": {"id": "Matriks menurut waktu", "en": "Time-ordered matrix"},
    "clustered": {"id": "Matriks berkelompok konseptual", "en": "Conceptually clustered matrix"},
    "case_ordered": {"id": "Matriks menurut kasus", "en": "Case-ordered matrix"},
    "effects": {"id": "Matriks efek", "en": "Effects matrix"},
    "cooccurrence": {"id": "Ko-okurensi kode", "en": "Code co-occurrence"},
    "factors": {"id": "Faktor pendukung dan penghambat", "en": "Supporting and inhibiting factors"},
    "coverage": {"id": "Cakupan data", "en": "Data coverage"},
}


def table_from_display(
    display: Display,
    *,
    project: Project | None = None,
    title: str | None = None,
    language: str = "id",
    style: AttributionStyle | None = None,
) -> Table:
    """Counts, excerpts, summaries and ratings of ``display`` as a ``Table``."""
    language = check_language(language)
    spec = display.spec
    cite = _Citer(project, style or AttributionStyle(), language) if project else None
    cells = []
    for r in range(len(display.rows)):
        row = []
        for c in range(len(display.columns)):
            key = (r, c)
            quotes = [*display.excerpts.get(key, [])]
            if key in display.quotes:
                quotes.append(display.quotes[key])
            summary = display.summaries.get(key)
            row.append(
                CellContent(
                    count=display.counts[r][c],
                    excerpts=tuple(
                        Quote(e.text, cite(e) if cite else _plain_citation(e)) for e in quotes
                    ),
                    summary=getattr(summary, "text", None) or None,
                    rating=_rating(display.ratings.get(key), language),
                )
            )
        cells.append(row)
    about: dict[str, Any] = {
        label("kind", language): spec.type,
        label("count", language): label(spec.measure, language),
        label("rows", language): _dim(spec.rows, language),
        label("columns", language): _dim(spec.columns, language),
    }
    filters = {k: v for k, v in spec.filters}
    if filters:
        about[label("filters", language)] = filters
    about[label("built", language)] = format_date(date.today(), language)
    if display.scope is not None:  # whose codings the counts rest on (coder scope)
        about[label("coders_counted", language)] = ", ".join(display.coders_counted)
        about[label("count_unit", language)] = label(f"unit_{display.scope.unit}", language)
    elif project is not None:
        coders = sorted({e.coder for q in display.excerpts.values() for e in q})
        if coders:
            about[label("coders", language)] = coders
    name = title or TYPE_TITLES.get(spec.type, {}).get(language, spec.type)
    rows = _labels(display.rows, spec.rows, cite, language)
    cols = _labels(display.columns, spec.columns, cite, language)
    table = Table(name, rows, cols, cells, about)
    if cite is not None and cite.attributor.style.pseudonymise:
        # cases were ordered by real name; order them by pseudonym (I1, I2, ... F1)
        order = _pseudonym_order(display.rows, rows, cite)
        corder = _pseudonym_order(display.columns, cols, cite)
        table = table.reordered(order, corder)
    return table


def _labels(headers: list[Any], dim: Any, cite: _Citer | None, language: str) -> list[str]:
    """Header labels in the export's language; case names become pseudonyms when asked."""
    if dim.kind == "valence":
        return [label(h.key, language) if h.key in VALENCE_KEYS else h.label for h in headers]
    if cite is not None:
        return [cite.header(h.label) for h in headers]
    return [h.label for h in headers]


VALENCE_KEYS = ("supporting", "inhibiting", "neutral", "none")


def _pseudonym_order(headers: list[Any], labels: list[str], cite: _Citer) -> list[int] | None:
    if not headers or not all(h.label in cite.by_name for h in headers):
        return None
    return sorted(range(len(labels)), key=lambda i: _natural(labels[i]))


def _natural(text: str) -> list[Any]:
    import re

    return [int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", text)]


DIM_WORDS = {
    "codes": ("kode", "codes"),
    "code_groups": ("kelompok kode", "code groups"),
    "cases": ("kasus", "cases"),
    "attribute": ("atribut", "attribute"),
    "sources": ("sumber", "sources"),
    "source_kind": ("jenis sumber", "source kinds"),
    "source_attribute": ("atribut sumber", "source attribute"),
    "coders": ("pengode", "coders"),
    "period": ("periode", "period"),
    "valence": ("valensi", "valence"),
    "total": ("total", "total"),
}


def _dim(dim: Any, language: str) -> str:
    """``kasus (informant)``, ``atribut (Jabatan)``: the axis in words, with its main choice."""
    words = DIM_WORDS.get(dim.kind, (dim.kind, dim.kind))[0 if language == "id" else 1]
    detail = [str(dim.get(k)) for k in ("name", "case_kind", "bucket") if dim.get(k)]
    return f"{words} ({', '.join(detail)})" if detail else words


def _rating(value: str | None, language: str) -> str | None:
    if value is None:
        return None
    words = {"absent": "tidak ada", "partly": "sebagian", "adequate": "memadai"}
    return words.get(value, value) if language == "id" else value


def _plain_citation(e: Any) -> str:
    who = ", ".join(e.cases)
    return f"{who}; {e.source}" if who else e.source


class _Citer:
    """Cites engine excerpts like excerpt exports, reading each source's line breaks once."""

    def __init__(self, project: Project, style: AttributionStyle, language: str) -> None:
        self.project = project
        cases = project.cases.all()
        self.by_name = {c.name: c for c in cases}
        self.attributor = Attributor(cases, style, language)
        self.sources = {s.id: s for s in project.sources.all()}
        self.lines: dict[int, list[int]] = {}

    def header(self, text: str) -> str:
        """A row or column label: a case's name becomes its pseudonym when pseudonymising."""
        case = self.by_name.get(text)
        return self.attributor.case_name(case) if case is not None else text

    def __call__(self, e: Any) -> str:
        lines = self.lines.get(e.source_id)
        if lines is None:
            text = self.project.sources.text(e.source_id)
            lines = self.lines[e.source_id] = [i for i, ch in enumerate(text) if ch == "\n"]
        known = [self.by_name[n] for n in e.cases if n in self.by_name]
        # ranged links (a speaker's turn) come after whole-source links: prefer the last informant
        fallback = known[-1] if known else None
        case = next((c for c in reversed(known) if c.kind == "informant"), fallback)
        src = self.sources.get(e.source_id)
        return self.attributor.cite(
            case,
            source=e.source,
            source_date=src.date_collected if src else None,
            paragraph=bisect_right(lines, e.start - 1) + 1,
            speaker=e.speaker,
            coder=e.coder,
        )
