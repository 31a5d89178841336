"""The analysis engine's ``Display`` as a neutral :class:`~qualcode.export.table.Table`.

Kept apart from the writers so they never depend on the engine: any display
the engine builds (matrix, framework, checklist, role-ordered...) exports
through the same Excel, Word, CSV and HTML writers. Given the project, quotes
are cited like excerpt exports ("I1 — Kasi ..., Diskominfo, 27 Mei 2019, par. 3").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.cases.attribution import AttributionStyle, Attributor
from qualcode.export.table import CellContent, Quote, Table
from qualcode.text.labels import check_language, format_date, label
from qualcode.text.lines import Lines

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
    "event_listing": {"id": "Matriks daftar peristiwa", "en": "Event listing"},
    "explanatory_effects": {"id": "Matriks efek eksplanatori", "en": "Explanatory effects matrix"},
    "contrast_table": {"id": "Tabel kontras", "en": "Contrast table"},
    "predictor_outcome": {"id": "Matriks prediktor–hasil", "en": "Predictor–outcome matrix"},
    "case_dynamics": {"id": "Matriks dinamika kasus", "en": "Case dynamics matrix"},
    "contact_summary": {"id": "Formulir ringkasan kontak", "en": "Contact summary form"},
}


def table_from_display(
    display: Display,
    *,
    project: Project | None = None,
    title: str | None = None,
    language: str = "id",
    style: AttributionStyle | None = None,
    drafts: str = "mark",
    memos: bool = True,
) -> Table:
    """Counts, excerpts, summaries and ratings of ``display`` as a ``Table``.

    With ``project`` and ``memos``, the memos on a saved display and its cells
    become notes under the table, each memo's cell marked ("M1").

    A cell with a summary cites exactly the evidence the researcher chose for it
    (links to deleted codings are flagged); a drafted summary is marked as a
    draft, or left out (the cell then shows its excerpts) when ``drafts`` is "omit".
    """
    from qualcode.analysis.effect_types import effect_word

    language = check_language(language)
    spec = display.spec
    cite = Citer(project, style or AttributionStyle(), language) if project else None
    chosen = _chosen_evidence(display, project, drafts)
    cells = []
    for r in range(len(display.rows)):
        row = []
        for c in range(len(display.columns)):
            key = (r, c)
            quotes = [*display.excerpts.get(key, [])]
            if key in display.quotes:
                quotes.append(display.quotes[key])
            summary = display.summaries.get(key)
            if summary is not None and summary.draft and drafts == "omit":
                summary = None
            if summary is not None:
                quotes = [chosen[i] for i in summary.coding_ids if i in chosen]
            row.append(
                CellContent(
                    count=display.counts[r][c],
                    excerpts=tuple(
                        Quote(e.text, cite(e) if cite else _plain_citation(e)) for e in quotes
                    ),
                    summary=_summary_text(summary, language),
                    rating=_rating(
                        display.ratings.get(key), display.rating_basis.get(key), language
                    ),
                    tag=(
                        f"[{effect_word(display.cell_effects[key], language)}]"
                        if key in display.cell_effects
                        else None
                    ),
                    share=_share(display, key, language),
                )
            )
        cells.append(row)
    about: dict[str, Any] = {
        label("kind", language): TYPE_TITLES.get(spec.type, {}).get(language, spec.type),
        label("count", language): label(spec.measure, language),
        label("rows", language): _dim(spec.rows, language),
        label("columns", language): _dim(spec.columns, language),
    }
    if spec.cell == "rating":
        about[label("rating_rule", language)] = label("rating_rule_text", language)
    if spec.measure == "weighted":
        about[label("weight_rule", language)] = label("weight_rule_text", language)
    if display.row_effects:
        about[label("effect_types", language)] = label("effect_types_text", language)
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
    if display.shares is not None:
        about[label("coverage_share", language)] = label("coverage_share_text", language)
    if display.hidden:
        about[label("hidden_empty", language)] = ", ".join(display.hidden)
    if display.time is not None:  # the time field and where a fallback placed codings
        from qualcode.analysis.periods import field_word

        about[label("time_field", language)] = field_word(display.time.field, language)
        time_notes = display.time_notes(language)
        if time_notes:
            about[label("time_fallbacks", language)] = time_notes
    name = title or TYPE_TITLES.get(spec.type, {}).get(language, spec.type)
    rows = _labels(display.rows, spec.rows, cite, language)
    for r, kind in display.row_effects.items():  # an effects matrix: each row's type
        rows[r] = f"{rows[r]} ({effect_word(kind, language)})"
    cols = _labels(display.columns, spec.columns, cite, language)
    notes: list[Any] = []
    if memos and cite is not None and project is not None:
        from dataclasses import replace

        from qualcode.export.memos_data import display_notes

        notes, marks = display_notes(project, display, rows, cols, cite.header, language)
        for (r, c), m in marks.items():
            cells[r][c] = replace(cells[r][c], memo_marks=m)
    rules: tuple[str, ...] = ()
    if display.rules:  # the display's decision-rule log, printed under the table
        rules = (label("decision_rules", language), *(r.line() for r in display.rules))
    table = Table(name, rows, cols, cells, about, notes=tuple(notes), rules=rules)
    if cite is not None and cite.attributor.style.pseudonymise:
        # cases were ordered by real name; order them by pseudonym (I1, I2, ... F1)
        order = _pseudonym_order(display.rows, rows, cite)
        corder = _pseudonym_order(display.columns, cols, cite)
        table = table.reordered(order, corder)
    return table


def _share(display: Display, key: tuple[int, int], language: str) -> str | None:
    """A coverage cell's percent of the text, in the export's number format (``12,5%``)."""
    if display.shares is None or key not in display.shares:
        return None
    text = f"{display.shares[key]:.1f}%"
    return text.replace(".", ",") if language == "id" else text


def _chosen_evidence(display: Display, project: Project | None, drafts: str) -> dict[int, Any]:
    """Excerpts of every coding a shown summary cites, by coding id."""
    if drafts not in ("mark", "omit"):
        raise ValueError(f"drafts is 'mark' or 'omit', not {drafts!r}")
    ids = sorted({i for s in display.summaries.values() for i in s.coding_ids})
    if project is not None:
        from qualcode.analysis.excerpts import excerpts_by_id

        return excerpts_by_id(project, ids)
    known = {e.coding_id: e for cell in display.excerpts.values() for e in cell}
    return {i: known[i] for i in ids if i in known}


def _summary_text(summary: Any, language: str) -> str | None:
    """The summary as exported: marked when a draft, with deleted evidence flagged."""
    if summary is None:
        return None
    text = summary.text.strip()
    if summary.draft:
        text = f"[{label('draft', language)}] {text}"
    for i in getattr(summary, "missing", ()):
        text += f" [{label('deleted_coding', language).format(id=i)}]"
    return text.strip() or None


def _labels(headers: list[Any], dim: Any, cite: Citer | None, language: str) -> list[str]:
    """Header labels in the export's language; case names become pseudonyms when asked."""
    if dim.kind == "valence":
        return [label(h.key, language) if h.key in VALENCE_KEYS else h.label for h in headers]
    if dim.kind == "period":
        from qualcode.analysis.periods import key_label

        return [key_label(h.key, language) for h in headers]
    if cite is not None:
        return [cite.header(h.label) for h in headers]
    return [h.label for h in headers]


VALENCE_KEYS = ("supporting", "inhibiting", "neutral", "none")


def _pseudonym_order(headers: list[Any], labels: list[str], cite: Citer) -> list[int] | None:
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
    # a case kind or time bucket is a word of ours (translated); a name is the user's own
    detail = [str(dim.get("name"))] if dim.get("name") else []
    detail += [label(str(dim.get(k)), language) for k in ("case_kind", "bucket") if dim.get(k)]
    return f"{words} ({', '.join(detail)})" if detail else words


RATING_WORDS = {
    "absent": ("tidak ada", "absent"),
    "inadequate": ("kurang", "inadequate"),
    "partly": ("sebagian", "partly"),
    "adequate": ("memadai", "adequate"),
    "not_mentioned": ("tidak disebut", "not mentioned"),
}


def rating_word(value: str, language: str) -> str:
    """A rating in the export's language ("tidak disebut / not mentioned" for an empty cell)."""
    pair = RATING_WORDS.get(value)
    return value if pair is None else pair[0 if language == "id" else 1]


def _rating(value: str | None, basis: Any, language: str) -> str | None:
    """``sebagian (+2/−1)``; an override reads ``memadai* (diubah peneliti; aturan: kurang —
    reason)`` so the rule's rating and the researcher's stay visible side by side."""
    if value is None:
        return None
    text = rating_word(value, language)
    if basis is None:
        return text
    if basis.supporting or basis.inhibiting:
        text += f" (+{basis.supporting}/\u2212{basis.inhibiting})"
    if basis.override:
        why = f"{label('overridden', language)}; {label('rule_said', language)}: "
        why += rating_word(basis.computed, language)
        if basis.reason:
            why += f" \u2014 {basis.reason}"
        text = text.replace(rating_word(value, language), rating_word(value, language) + "*", 1)
        text += f" [{why}]"
    return text


def _plain_citation(e: Any) -> str:
    who = ", ".join(e.cases)
    return f"{who}; {e.source}" if who else e.source


class Citer:
    """Cites engine excerpts like excerpt exports, reading each source's line breaks once."""

    def __init__(self, project: Project, style: AttributionStyle, language: str) -> None:
        self.project = project
        cases = project.cases.all()
        self.by_name = {c.name: c for c in cases}
        self.attributor = Attributor(cases, style, language)
        self.sources = {s.id: s for s in project.sources.all()}
        self.lines: dict[int, Lines] = {}

    def header(self, text: str) -> str:
        """A row or column label: a case's name becomes its pseudonym when pseudonymising."""
        case = self.by_name.get(text)
        return self.attributor.case_name(case) if case is not None else text

    def __call__(self, e: Any) -> str:
        lines = self.lines.get(e.source_id)
        if lines is None:
            lines = self.lines[e.source_id] = Lines(self.project.sources.text(e.source_id))
        known = [self.by_name[n] for n in e.cases if n in self.by_name]
        # ranged links (a speaker's turn) come after whole-source links: prefer the last informant
        fallback = known[-1] if known else None
        case = next((c for c in reversed(known) if c.kind == "informant"), fallback)
        src = self.sources.get(e.source_id)
        return self.attributor.cite(
            case,
            source=e.source,
            source_date=src.date_collected if src else None,
            paragraph=lines.of(e.start),
            speaker=e.speaker,
            coder=e.coder,
        )
