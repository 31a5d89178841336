"""Core ``Table`` objects of the analysis tables."""

from __future__ import annotations

from sqlalchemy import Table

from qualcode.store import models as m

saved_display: Table = m.SavedDisplay.__table__  # type: ignore[assignment]
cell_summary: Table = m.CellSummary.__table__  # type: ignore[assignment]
cell_rating: Table = m.CellRating.__table__  # type: ignore[assignment]
conclusion: Table = m.Conclusion.__table__  # type: ignore[assignment]
conclusion_evidence: Table = m.ConclusionEvidence.__table__  # type: ignore[assignment]
conclusion_display: Table = m.ConclusionDisplay.__table__  # type: ignore[assignment]
conclusion_memo: Table = m.ConclusionMemo.__table__  # type: ignore[assignment]
review_comment: Table = m.ReviewComment.__table__  # type: ignore[assignment]
effect_type: Table = m.EffectType.__table__  # type: ignore[assignment]
member_check: Table = m.MemberCheck.__table__  # type: ignore[assignment]
decision_rule: Table = m.DecisionRule.__table__  # type: ignore[assignment]

ALL = (
    saved_display,
    cell_summary,
    cell_rating,
    conclusion,
    conclusion_evidence,
    conclusion_display,
    conclusion_memo,
    review_comment,
    effect_type,
    member_check,
    decision_rule,
)
