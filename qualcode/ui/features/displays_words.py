"""Words of the display form: display types, field labels and choice lists (``displays``).

Kept apart from the form so the form stays a layout; the translation context
of every entry is ``displays``, as the form's own strings.
"""

from __future__ import annotations

from qualcode.i18n import QT_TRANSLATE_NOOP

TYPES: dict[str, str] = {
    "matrix": QT_TRANSLATE_NOOP("displays", "Coding matrix (codes × cases)"),
    "framework": QT_TRANSLATE_NOOP("displays", "Framework matrix (cases × themes, summaries)"),
    "checklist": QT_TRANSLATE_NOOP("displays", "Checklist matrix (components × informants)"),
    "role_ordered": QT_TRANSLATE_NOOP("displays", "Role-ordered matrix"),
    "time_ordered": QT_TRANSLATE_NOOP("displays", "Time-ordered matrix"),
    "clustered": QT_TRANSLATE_NOOP("displays", "Conceptually clustered matrix"),
    "case_ordered": QT_TRANSLATE_NOOP("displays", "Case-ordered meta-matrix"),
    "effects": QT_TRANSLATE_NOOP("displays", "Effects matrix"),
    "cooccurrence": QT_TRANSLATE_NOOP("displays", "Code co-occurrence"),
    "factors": QT_TRANSLATE_NOOP("displays", "Supporting and inhibiting factors"),
    "coverage": QT_TRANSLATE_NOOP("displays", "Data coverage (gaps in the evidence)"),
    "event_listing": QT_TRANSLATE_NOOP("displays", "Event listing (domains × event dates)"),
    "explanatory_effects": QT_TRANSLATE_NOOP("displays", "Explanatory effects matrix"),
    "contrast_table": QT_TRANSLATE_NOOP("displays", "Contrast table (extreme cases)"),
    "predictor_outcome": QT_TRANSLATE_NOOP("displays", "Predictor–outcome matrix"),
    "case_dynamics": QT_TRANSLATE_NOOP("displays", "Case dynamics matrix"),
    "contact_summary": QT_TRANSLATE_NOOP("displays", "Contact summary form"),
}
"""Every ready-made display of :mod:`qualcode.analysis.displays`, in menu order."""

CODES_LABEL = {
    "framework": QT_TRANSLATE_NOOP("displays", "T&hemes"),
    "factors": QT_TRANSLATE_NOOP("displays", "Dime&nsions"),
    "effects": QT_TRANSLATE_NOOP("displays", "Outcome&s"),
    "clustered": QT_TRANSLATE_NOOP("displays", "Group&s (each with its sub-codes)"),
    "explanatory_effects": QT_TRANSLATE_NOOP("displays", "I&nterventions"),
    "case_dynamics": QT_TRANSLATE_NOOP("displays", "Problems (&demands)"),
    "predictor_outcome": QT_TRANSLATE_NOOP("displays", "&Predictors"),
}
ATTR_LABEL = {
    "role_ordered": QT_TRANSLATE_NOOP("displays", "Role attribute"),
    "case_ordered": QT_TRANSLATE_NOOP("displays", "Order cases by"),
    "effects": QT_TRANSLATE_NOOP("displays", "Compare groups of"),
    "contrast_table": QT_TRANSLATE_NOOP("displays", "Outcome"),
    "predictor_outcome": QT_TRANSLATE_NOOP("displays", "Outcome"),
}
MHS_MORE = {"event_listing", "explanatory_effects", "contrast_table", "predictor_outcome",
            "case_dynamics", "contact_summary"}  # fmt: skip
"""Displays of :mod:`qualcode.analysis.displays_mhs`: checked codes are their main axis."""
ALL = set(TYPES)
FIELDS: dict[str, set[str]] = {
    "codes": ALL - {"checklist"},
    "variable": {"checklist"},
    "attr": {"role_ordered", "case_ordered", "effects", "contrast_table", "predictor_outcome"},
    "rank": {"role_ordered"},
    "descending": {"case_ordered", "predictor_outcome"},
    "case_kind": {"framework", "clustered", "case_ordered"},
    "cutoff": {"effects"},
    "bucket": {"time_ordered", "event_listing"},
    "time_field": {"time_ordered", "effects"},
    "show_empty": ALL,
    "op": {"cooccurrence", "explanatory_effects", "case_dynamics"},
    "distance": {"cooccurrence"},
}
"""Which type shows which field (rows, columns, count, cells and filters: every type)."""

CELLS = {
    "count": QT_TRANSLATE_NOOP("displays", "Counts"),
    "excerpts": QT_TRANSLATE_NOOP("displays", "Excerpts"),
    "summary": QT_TRANSLATE_NOOP("displays", "Summaries"),
    "rating": QT_TRANSLATE_NOOP("displays", "Ratings"),
}
OPS = {
    "and": QT_TRANSLATE_NOOP("displays", "overlap"),
    "near": QT_TRANSLATE_NOOP("displays", "near"),
    "same_turn": QT_TRANSLATE_NOOP("displays", "in the same turn"),
    "not": QT_TRANSLATE_NOOP("displays", "without"),
}
BUCKETS = {
    "month": QT_TRANSLATE_NOOP("displays", "month"),
    "quarter": QT_TRANSLATE_NOOP("displays", "quarter (triwulan)"),
    "year": QT_TRANSLATE_NOOP("displays", "year"),
    "value": QT_TRANSLATE_NOOP("displays", "period as coded"),
}
TIME_FIELDS = {
    "period": QT_TRANSLATE_NOOP("displays", "the coding's period (else event date, source date)"),
    "event_date": QT_TRANSLATE_NOOP("displays", "the event date (else period, source date)"),
    "source_date": QT_TRANSLATE_NOOP("displays", "the source's date (interview date)"),
    "coding": QT_TRANSLATE_NOOP("displays", "the coding's own period or event date"),
    "event": QT_TRANSLATE_NOOP("displays", "the coding's event date"),
}
"""Time fields of time-ordered and effects displays, with their fallbacks
(:mod:`qualcode.analysis.periods`); case attributes are added per project."""
