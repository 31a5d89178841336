"""Verifying a conclusion: is it backed by enough, varied and representative evidence?

Miles, Huberman & Saldaña's tactics for testing conclusions, made countable:
triangulation by source and by method (distinct sources and source kinds),
representativeness (how much rests on one voluble informant), negative
evidence (is there contradicting evidence, and was each piece addressed with a
note or a memo), and coverage by role (which roles say nothing about it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.analysis.corpus import ID, SRC, load_codings
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

NO_CASE = "(no case)"
CONTEXT = "verification"
"""Translation context of the warnings (the app and exports translate the templates)."""
NO_SUPPORT = QT_TRANSLATE_NOOP("verification", "No supporting evidence is linked.")
ONE_INFORMANT = QT_TRANSLATE_NOOP(
    "verification", "All supporting evidence comes from one informant."
)
DOMINANT = QT_TRANSLATE_NOOP(
    "verification", "{share} of the supporting evidence comes from {name}."
)
ONE_SOURCE = QT_TRANSLATE_NOOP(
    "verification", "Only one source backs this conclusion (no triangulation by source)."
)
ONE_KIND = QT_TRANSLATE_NOOP(
    "verification", "Only one kind of source backs it (no triangulation by method)."
)
UNADDRESSED = QT_TRANSLATE_NOOP("verification", "{n} contradicting excerpt(s) are not addressed.")
MISSING = QT_TRANSLATE_NOOP("verification", "{n} linked excerpt(s) no longer exist.")


@dataclass(frozen=True, slots=True)
class Verification:
    """Evidence facts about one conclusion, with plain-language warnings."""

    conclusion_id: int
    supporting: int
    contradicting: int
    missing: tuple[int, ...]  # linked coding ids that no longer exist
    cases: tuple[str, ...]
    sources: tuple[str, ...]
    source_kinds: tuple[str, ...]
    coders: tuple[str, ...]
    top_case: str | None
    top_case_share: float
    contradicting_addressed: bool
    unaddressed: tuple[int, ...]
    role_attribute: str | None
    roles_heard: tuple[str, ...]
    silent_roles: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())
    """The warnings in English (the command line)."""
    warning_items: tuple[tuple[str, dict[str, Any]], ...] = field(default=())
    """The same warnings as (template, parameters): translate the template, then fill it."""

    @property
    def triangulated_sources(self) -> bool:
        """At least two sources back the conclusion."""
        return len(self.sources) >= 2

    @property
    def triangulated_methods(self) -> bool:
        """At least two kinds of source (interview, observation, document...) back it."""
        return len(self.source_kinds) >= 2


def verify(
    project: Project,
    conclusion_id: int,
    *,
    role_attribute: str | None = "Jabatan",
    dominance: float = 0.5,
) -> Verification:
    """Compute the evidence facts of a conclusion.

    ``role_attribute`` is the case attribute whose values count as roles (None
    skips the silent-role check); ``dominance`` is the share of supporting
    evidence from one informant above which a warning is raised.
    """
    record = project.conclusions.get(conclusion_id)
    corpus = load_codings(project, [e.coding_id for e in record.evidence])
    by_id = corpus.by_id()
    missing = tuple(e.coding_id for e in record.evidence if e.coding_id not in by_id)
    support = [by_id[i] for i in record.supporting if i in by_id]
    contra = [by_id[i] for i in record.contradicting if i in by_id]

    per_case: Counter[str] = Counter()
    for c in support:
        for case in corpus.cases_of(c) or ():
            per_case[corpus.case_names[case]] += 1
    top_case, top_n = per_case.most_common(1)[0] if per_case else (None, 0)
    share = top_n / len(support) if support else 0.0

    sources = sorted({corpus.sources[c[SRC]][0] for c in support})
    kinds = sorted({corpus.sources[c[SRC]][1] for c in support})
    coders = sorted({corpus.coders.get(c[3], "?") for c in support})

    notes = {e.coding_id: e.note for e in record.evidence}
    with project.reading() as conn:
        memo_on = {
            r[0]
            for r in conn.execute(
                select(t.memo.c.coding_id).where(t.memo.c.coding_id.in_([c[ID] for c in contra]))
            )
        }
    unaddressed = tuple(
        c[ID] for c in contra if not notes.get(c[ID], "").strip() and c[ID] not in memo_on
    )

    heard: list[str] = []
    silent: list[str] = []
    if role_attribute:
        allowed = corpus.attr_allowed.get(("case", role_attribute), [])
        values = list(allowed) + sorted(
            {a[role_attribute] for a in corpus.case_attrs.values() if role_attribute in a}
            - set(allowed)
        )
        voiced = {
            corpus.case_attrs.get(case, {}).get(role_attribute)
            for c in support + contra
            for case in corpus.cases_of(c)
        }
        heard = [v for v in values if v in voiced]
        silent = [v for v in values if v not in voiced]

    items: list[tuple[str, dict[str, Any]]] = []
    if not support:
        items.append((NO_SUPPORT, {}))
    if len(per_case) == 1:
        items.append((ONE_INFORMANT, {}))
    elif support and share > dominance:
        items.append((DOMINANT, {"share": f"{share:.0%}", "name": top_case}))
    if support and len(sources) < 2:
        items.append((ONE_SOURCE, {}))
    if support and len(kinds) < 2:
        items.append((ONE_KIND, {}))
    if unaddressed:
        items.append((UNADDRESSED, {"n": len(unaddressed)}))
    if missing:
        items.append((MISSING, {"n": len(missing)}))
    warnings = [template.format(**params) for template, params in items]

    return Verification(
        conclusion_id=conclusion_id,
        supporting=len(support),
        contradicting=len(contra),
        missing=missing,
        cases=tuple(sorted(per_case)),
        sources=tuple(sources),
        source_kinds=tuple(kinds),
        coders=tuple(coders),
        top_case=top_case,
        top_case_share=round(share, 4),
        contradicting_addressed=not unaddressed,
        unaddressed=unaddressed,
        role_attribute=role_attribute,
        roles_heard=tuple(heard),
        silent_roles=tuple(silent),
        warnings=tuple(warnings),
        warning_items=tuple(items),
    )
