"""More Miles, Huberman & Saldaña displays, built by the same engine as the others.

=======================  =============================================  ====================
type                     rows × columns                                 cells
=======================  =============================================  ====================
event_listing            levels (a case attribute) or domains × event   dated events
                         periods (the coding's own date, never the      (excerpts)
                         interview's)
explanatory_effects      interventions (cause codes) × short-run        related excerpts +
                         effects, long-run consequences, explanation    researcher's text
contrast_table           the extreme cases (highest and lowest on an    excerpts
                         outcome attribute) × codes
predictor_outcome        cases ordered by an outcome (its value shown)  excerpts
                         × predictor codes
case_dynamics            demands/problems × how coped with, results,    related excerpts +
                         underlying issues                              researcher's text
contact_summary          main themes + salient points + new questions   excerpts + text
                         × contacts (sources)
=======================  =============================================  ====================

Columns and rows "the researcher writes" (an explanation, underlying issues,
salient points, a conclusion) are headers that hold no codings
(:data:`qualcode.analysis.axes.NOTE_KEY`); their cells take summaries like any
other cell of a saved display. Causal networks and context charts are drawn, not
tabulated: :mod:`qualcode.analysis.map_builders` drafts them onto the concept-map canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from qualcode.analysis.spec import Dim, DisplaySpec

if TYPE_CHECKING:
    from qualcode.project import Project

EXPLANATION = "Penjelasan"
UNDERLYING = "Isu mendasar"
SALIENT = "Hal yang menonjol"
NEW_QUESTIONS = "Pertanyaan baru"
SHORT_RUN = "Efek jangka pendek"
LONG_RUN = "Konsekuensi jangka panjang"
COPING = "Cara mengatasi"
RESULTS = "Hasil"


def _tops(project: Project) -> list[int]:
    from qualcode.analysis.displays import top_level_codes

    return top_level_codes(project)


def _codes(codes: Sequence[int] | None, project: Project) -> Dim:
    return Dim.of("codes", ids=list(codes) if codes else _tops(project), aggregate=True)


def _groups(parts: dict[str, Sequence[int] | None]) -> dict[str, list[int]]:
    return {label: list(ids) for label, ids in parts.items() if ids}


def event_listing_spec(
    project: Project,
    *,
    level: str | None = None,
    codes: Sequence[int] | None = None,
    bucket: str = "year",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Event listing: levels (a case attribute such as nasional–provinsi–kota–OPD) or
    domains (codes) × periods of the events themselves; undated codings are left out."""
    rows = Dim.of("attribute", name=level) if level else _codes(codes, project)
    cols = Dim.of("period", bucket=bucket, field="coding", dated_only=True)
    flt = dict(filters or {})
    if level and codes:
        flt["codes"] = list(codes)
    return DisplaySpec.make("event_listing", rows, cols, filters=flt or None, cell="excerpts")


def explanatory_effects_spec(
    project: Project,
    *,
    causes: Sequence[int] | None = None,
    short_run: Sequence[int] | None = None,
    long_run: Sequence[int] | None = None,
    op: str = "same_turn",
    distance: int = 0,
    explanation: str = EXPLANATION,
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Explanatory effects matrix: interventions × the effects coded with them (same turn,
    overlapping or near) in the short and long run, and the researcher's explanation."""
    groups = _groups({SHORT_RUN: short_run or _tops(project), LONG_RUN: long_run})
    return DisplaySpec.make(
        "explanatory_effects",
        _codes(causes, project),
        Dim.of("code_groups", groups=groups, extra=[explanation]),
        filters=filters,
        cell="excerpts",
        options={"relation": {"op": op, "distance": distance}},
    )


def contrast_table_spec(
    project: Project,
    *,
    outcome: str | None = None,
    extremes: int = 2,
    codes: Sequence[int] | None = None,
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Contrast table: the ``extremes`` highest and lowest cases on an outcome × codes."""
    from qualcode.analysis.displays import _rank_attribute

    rows = Dim.of(
        "cases",
        order_by=outcome or _rank_attribute(project),
        descending=True,
        extremes=max(1, int(extremes)),
        show_value=True,
        rollup=True,
    )
    return DisplaySpec.make(
        "contrast_table", rows, _codes(codes, project), filters=filters, cell="excerpts"
    )


def predictor_outcome_spec(
    project: Project,
    *,
    outcome: str | None = None,
    predictors: Sequence[int] | None = None,
    descending: bool = True,
    conclusion: str | None = None,
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Predictor–outcome matrix: cases ordered by an outcome (its value in the row) ×
    predictor codes, with an optional column for the researcher's conclusion."""
    from qualcode.analysis.displays import _rank_attribute

    rows = Dim.of(
        "cases",
        order_by=outcome or _rank_attribute(project),
        descending=descending,
        ranked_only=True,
        show_value=True,
        rollup=True,
    )
    cols = Dim.of(
        "codes",
        ids=list(predictors) if predictors else _tops(project),
        aggregate=True,
        extra=[conclusion] if conclusion else None,
    )
    return DisplaySpec.make("predictor_outcome", rows, cols, filters=filters, cell="excerpts")


def case_dynamics_spec(
    project: Project,
    *,
    problems: Sequence[int] | None = None,
    coping: Sequence[int] | None = None,
    results: Sequence[int] | None = None,
    op: str = "same_turn",
    distance: int = 0,
    underlying: str = UNDERLYING,
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Case dynamics matrix: demands/problems (forces for change) × how they were coped with
    and the results (coded with them), and the underlying issues the researcher names."""
    groups = _groups({COPING: coping or _tops(project), RESULTS: results})
    return DisplaySpec.make(
        "case_dynamics",
        _codes(problems, project),
        Dim.of("code_groups", groups=groups, extra=[underlying]),
        filters=filters,
        cell="excerpts",
        options={"relation": {"op": op, "distance": distance}},
    )


def contact_summary_spec(
    project: Project,
    *,
    sources: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Contact summary form: for each contact (source), the main themes / target questions
    (codes, with what was said) and the salient points and new questions to write."""
    rows = Dim.of(
        "codes",
        ids=list(codes) if codes else _tops(project),
        aggregate=True,
        extra=[SALIENT, NEW_QUESTIONS],
    )
    cols = Dim.of("sources", ids=list(sources) if sources else None)
    return DisplaySpec.make("contact_summary", rows, cols, filters=filters, cell="excerpts")


MHS_READY: dict[str, Callable[..., DisplaySpec]] = {
    "event_listing": event_listing_spec,
    "explanatory_effects": explanatory_effects_spec,
    "contrast_table": contrast_table_spec,
    "predictor_outcome": predictor_outcome_spec,
    "case_dynamics": case_dynamics_spec,
    "contact_summary": contact_summary_spec,
}
"""The displays of this module by type (registered with the others in ``displays.READY``)."""

CODE_PARAMS = {
    "event_listing": "codes",
    "explanatory_effects": "causes",
    "contrast_table": "codes",
    "predictor_outcome": "predictors",
    "case_dynamics": "problems",
    "contact_summary": "codes",
}
"""The parameter naming each display's main code axis (what ``--codes`` sets)."""
