"""Conclusion strength at a glance: badges for the Conclusions list, and two review checks.

Kept apart from :mod:`qualcode.analysis.verification` (which computes the
evidence facts) so the list's badges and these checks can change on their own:

* :func:`default_role_attribute` — the case attribute that *groups* informants:
  among attributes where some value is shared by two or more cases, the first
  whose name says it is a role grouping (Jenis Informan, Sektor, Unsur...,
  :data:`ROLE_WORDS`), else the one with the fewest values that is not a
  demographic (Jenis Kelamin, Usia...). An attribute with one value per
  informant (often Jabatan) would make "silent roles" list every other
  informant, so it is chosen only when nothing groups better.
* :func:`unlinked_contradictions` — codings that contradict a claim but are
  not linked to it: codings of the codes its supporting evidence uses, with the
  opposite valence (supporting ↔ inhibiting). A *verified* claim with such
  codings and no linked contradicting evidence is flagged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.analysis.verification import Verification, verify
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

OPPOSITE = {"supporting": "inhibiting", "inhibiting": "supporting"}
ROLE_WORDS = ("jenis informan", "informant type", "sektor", "sector", "unsur", "peran", "role",
              "kelompok", "group", "kategori", "category", "stakeholder")  # fmt: skip
"""Words naming an attribute that groups informants, most telling first."""
NOT_ROLES = ("kelamin", "gender", "sex", "usia", "umur", "age", "tanggal", "date", "waktu",
             "time", "tempat", "place", "nama", "name", "kode", "code")  # fmt: skip
"""Attributes that group people but are not roles (demographics, interview logistics)."""


@dataclass(frozen=True, slots=True)
class Strength:
    """What the Conclusions list shows for one claim."""

    conclusion_id: int
    informants: int
    sources: int
    source_kinds: int
    warnings: tuple[str, ...]
    unlinked_contradicting: tuple[int, ...]
    verified_with_unlinked_contradictions: bool
    facts: Verification


def default_role_attribute(project: Project) -> str | None:
    """The case attribute whose values group informants (see the module docstring)."""
    a, v = t.attribute.c, t.attribute_value.c
    with project.reading() as conn:
        rows = conn.execute(
            select(a.name, v.value)
            .join_from(t.attribute_value, t.attribute, a.id == v.attribute_id)
            .where(a.owner == "case", a.type.in_(("text", "category")), v.case_id.is_not(None))
        ).all()
    per: dict[str, Counter[str]] = {}
    for name, value in rows:
        if value not in (None, ""):
            per.setdefault(str(name), Counter())[str(value)] += 1
    grouping = [n for n, c in per.items() if len(c) >= 2 and max(c.values()) >= 2]
    for word in ROLE_WORDS:
        named = sorted(n for n in grouping if word in n.lower())
        if named:
            return named[0]
    plain = [n for n in grouping if not any(w in n.lower() for w in NOT_ROLES)]
    if plain:
        return min(plain, key=lambda n: (len(per[n]), n))
    spread = [n for n, c in per.items() if len(c) >= 2]
    return min(spread, key=lambda n: (len(per[n]), n)) if spread else None


def unlinked_contradictions(project: Project, conclusion_id: int) -> tuple[int, ...]:
    """Codings of the claim's supporting codes with the opposite valence, not linked to it."""
    record = project.conclusions.get(conclusion_id)
    linked = {e.coding_id for e in record.evidence}
    c = t.coding.c
    with project.reading() as conn:
        support = conn.execute(
            select(c.code_id, c.valence).where(c.id.in_(list(record.supporting)))
        ).all()
        valences = Counter(val for _code, val in support if val in OPPOSITE)
        if not valences:
            return ()
        against = OPPOSITE[valences.most_common(1)[0][0]]
        codes = sorted({code for code, _val in support})
        found = conn.execute(
            select(c.id).where(c.code_id.in_(codes), c.valence == against).order_by(c.id)
        ).all()
    return tuple(int(i) for (i,) in found if int(i) not in linked)


def strength(project: Project, conclusion_id: int, role_attribute: str | None) -> Strength:
    """Badges of one claim: informants, sources, source kinds, warnings, unlinked contradictions."""
    facts = verify(project, conclusion_id, role_attribute=role_attribute)
    record = project.conclusions.get(conclusion_id)
    unlinked = unlinked_contradictions(project, conclusion_id)
    flagged = record.status == "verified" and bool(unlinked) and not record.contradicting
    return Strength(
        conclusion_id=conclusion_id,
        informants=len(facts.cases),
        sources=len(facts.sources),
        source_kinds=len(facts.source_kinds),
        warnings=facts.warnings,
        unlinked_contradicting=unlinked,
        verified_with_unlinked_contradictions=flagged,
        facts=facts,
    )
