"""Verifying a conclusion: is it backed by enough, varied and representative evidence?

Miles, Huberman & Saldaña's tactics for testing conclusions, made countable:
triangulation by source and by method (distinct sources and source kinds),
representativeness (how much rests on one voluble informant), negative
evidence (is there contradicting evidence, and was each piece addressed with a
note or a memo), and coverage by role (which roles say nothing about it).

Evidence counts passages (:mod:`qualcode.analysis.scope`: two coders' codings
of one code on overlapping text are one piece of evidence). An informant's
voice is the informant cases of an excerpt (:mod:`qualcode.analysis.placement`)
without the interviewer or moderator: a coding spanning a question and its
answer is the informant's. Shares are taken over the excerpts that have an
informant; documents and observations are triangulation, so they clear the
one-informant warning; a tie for the largest share is reported as a tie.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.analysis import placement
from qualcode.analysis.corpus import ID, SRC, CodingTuple, load_codings
from qualcode.analysis.scope import passages
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
DOMINANT_TIED = QT_TRANSLATE_NOOP(
    "verification", "{share} of the supporting evidence comes from each of {names} (tied)."
)
ONE_SOURCE = QT_TRANSLATE_NOOP(
    "verification", "Only one source backs this conclusion (no triangulation by source)."
)
ONE_KIND = QT_TRANSLATE_NOOP(
    "verification", "Only one kind of source backs it (no triangulation by method)."
)
UNADDRESSED = QT_TRANSLATE_NOOP("verification", "{n} contradicting excerpt(s) are not addressed.")
MISSING = QT_TRANSLATE_NOOP("verification", "{n} linked excerpt(s) no longer exist.")
DISPUTED = QT_TRANSLATE_NOOP("verification", "Member check: the conclusion was disputed.")
INFORMANTS_DISPUTED = QT_TRANSLATE_NOOP(
    "verification", "Member check: {names} disputed their account."
)


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
    supporting_codings: int = 0  # linked codings; ``supporting`` counts their passages
    top_cases: tuple[str, ...] = ()  # every informant tied for the largest share
    voiced: int = 0  # supporting passages with an informant (the base of the shares)
    corroborating_kinds: tuple[str, ...] = ()  # document/observation kinds among the support
    member_check: Any = None  # the conclusion's MemberCheckRecord
    informant_checks: tuple[tuple[str, str], ...] = ()  # (informant, status) behind the support

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
    linked = [by_id[i] for i in record.supporting if i in by_id]
    found = passages(linked)
    support = [c for c in linked if found.of(c[ID]) == c[ID]]  # one per passage
    members = {c[ID]: [by_id[m] for m in found.members.get(c[ID], [c[ID]])] for c in support}
    contra = [by_id[i] for i in record.contradicting if i in by_id]
    spans = [(lk[0], lk[1], lk[2], lk[3]) for links in corpus.range_links.values() for lk in links]
    asking = placement.interviewer_cases(corpus.case_names, spans)

    def voices(c: CodingTuple) -> set[int]:
        return {
            case
            for m in members.get(c[ID], [c])
            for case in corpus.cases_of(m)
            if case not in asking and corpus.case_kinds.get(case) == "informant"
        }

    per_case: Counter[str] = Counter()
    voiced = 0
    for c in support:
        heard_here = voices(c)
        voiced += bool(heard_here)
        for case in heard_here:
            per_case[corpus.case_names[case]] += 1
    top_n = max(per_case.values(), default=0)
    top_cases = sorted(name for name, n in per_case.items() if n == top_n) if top_n else []
    top_case = top_cases[0] if top_cases else None
    share = top_n / voiced if voiced else 0.0
    corroborating = sorted(
        {corpus.sources[c[SRC]][1] for c in support} & {"document", "observation"}
    )

    sources = sorted({corpus.sources[c[SRC]][0] for c in support})
    kinds = sorted({corpus.sources[c[SRC]][1] for c in support})
    coders = sorted({corpus.coders.get(c[3], "?") for c in linked})

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
        spoken = {
            corpus.case_attrs.get(case, {}).get(role_attribute)
            for c in support + contra
            for case in corpus.cases_of(c)
            if case not in asking
        }
        heard = [v for v in values if v in spoken]
        silent = [v for v in values if v not in spoken]

    items: list[tuple[str, dict[str, Any]]] = []
    if not support:
        items.append((NO_SUPPORT, {}))
    if len(per_case) == 1 and not corroborating:
        items.append((ONE_INFORMANT, {}))
    elif len(per_case) > 1 and share > dominance:
        if len(top_cases) > 1:
            items.append((DOMINANT_TIED, {"share": f"{share:.0%}", "names": ", ".join(top_cases)}))
        else:
            items.append((DOMINANT, {"share": f"{share:.0%}", "name": top_cases[0]}))
    if support and len(sources) < 2:
        items.append((ONE_SOURCE, {}))
    if support and len(kinds) < 2:
        items.append((ONE_KIND, {}))
    if unaddressed:
        items.append((UNADDRESSED, {"n": len(unaddressed)}))
    if missing:
        items.append((MISSING, {"n": len(missing)}))
    member = project.member_checks.get("conclusion", conclusion_id)
    by_case = project.member_checks.all("case")
    case_ids = {name: cid for cid, name in corpus.case_names.items()}
    informant_checks = tuple(
        (name, by_case[case_ids[name]].status if case_ids.get(name) in by_case else "not_asked")
        for name in sorted(per_case)
    )
    if member.status == "disputed":
        items.append((DISPUTED, {}))
    disputing = [name for name, status in informant_checks if status == "disputed"]
    if disputing:
        items.append((INFORMANTS_DISPUTED, {"names": ", ".join(disputing)}))
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
        supporting_codings=len(linked),
        top_cases=tuple(top_cases),
        voiced=voiced,
        corroborating_kinds=tuple(corroborating),
        member_check=member,
        informant_checks=informant_checks,
    )
