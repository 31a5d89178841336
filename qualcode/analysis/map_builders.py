"""Context charts and causal networks (Miles, Huberman & Saldaña) drafted on the map canvas.

Both are read from the project into a :class:`MapPlan` (boxes, arrows and a
first layout) that ``project.maps.generate`` stores as ONE undoable
operation; the researcher then moves, relabels, links and unlinks on the canvas
like on any concept map.

Context chart (MHS ch. 8): the cases as the organisation sees them. Boxes are
cases (labelled with their role attribute, e.g. Jabatan); a case sits under its
parent case (informant → OPD → site) or, without a parent, under a box for its
value of a grouping attribute (e.g. Instansi or Sektor). Arrows "is part of"
follow that hierarchy; an optional relation attribute (a case attribute whose
value names other cases, e.g. Atasan) adds arrows labelled with the attribute.
Within a level cases are ordered by a rank attribute (low value first: rank 1
is the head). Interviewer and moderator cases are left out unless asked for.

Causal network (MHS ch. 10): boxes are variables (codes, with their sub-codes)
and, optionally, events (dated codings of event codes, oldest first, at most
``max_events``). Directed arrows are the researcher's cause → effect pairs and
the codebook's relations between the chosen codes. Each arrow cites its
evidence: the codings of both codes that stand in the chosen relation (same
speaker turn by default) among the codings the project's coder scope counts.

* **sign** — given by the researcher; otherwise ``+`` when the evidence codings
  of cause and effect lean the same way (both mostly supporting or both mostly
  inhibiting), ``-`` when they lean opposite ways, none when either has no
  majority valence.
* **strength** — how many sources attest the arrow: 3 or more *strong*, 2
  *moderate*, 1 *weak*; an arrow with no evidence keeps no strength (it is the
  researcher's claim only and is drawn as such).

An event's arrows go to the variables coded with it (same relation), citing the
event coding and its partners. The layout flows left to right: events, then
variables layered so that every cause stands left of its effects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.analysis.corpus import CodingTuple
    from qualcode.project import Project

SIGNS = ("+", "-")
STRENGTHS = ("strong", "moderate", "weak")
STRONG_SOURCES, MODERATE_SOURCES = 3, 2
X_STEP, Y_STEP = 220.0, 120.0


@dataclass(frozen=True, slots=True)
class PlanLink:
    """An arrow of a plan between two of its nodes (indices into ``MapPlan.nodes``)."""

    source: int
    target: int
    relation: str
    label: str = ""
    sign: str | None = None
    strength: str | None = None
    evidence: tuple[int, ...] = ()


@dataclass
class MapPlan:
    """Nodes ``(kind, ref_id, label, x, y)`` and arrows a generated map starts with."""

    nodes: list[tuple[str, int | None, str, float, float]] = field(default_factory=list)
    links: list[PlanLink] = field(default_factory=list)


def strength_of(sources: int) -> str | None:
    """The documented strength rule: how many sources attest an arrow."""
    if sources >= STRONG_SOURCES:
        return "strong"
    if sources >= MODERATE_SOURCES:
        return "moderate"
    return "weak" if sources >= 1 else None


def check_sign(sign: str | None) -> str | None:
    """``+``, ``-`` or none (empty); anything else is refused."""
    sign = (sign or "").strip() or None
    if sign is not None and sign not in SIGNS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A sign is + or -, not '{value}'."), value=sign
        )
    return sign


def check_strength(strength: str | None) -> str | None:
    """``strong``, ``moderate``, ``weak`` or none (empty)."""
    strength = (strength or "").strip().lower() or None
    if strength is not None and strength not in STRENGTHS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A strength is one of {allowed}, not '{value}'."),
            allowed=", ".join(STRENGTHS),
            value=strength,
        )
    return strength


# -- context chart ---------------------------------------------------------------------------
def context_chart(
    project: Project,
    *,
    root: str | None = None,
    group_by: str | None = None,
    role: str | None = None,
    rank: str | None = None,
    relation: str | None = None,
    include_interviewers: bool = False,
) -> MapPlan:
    """The cases as boxes under their parents (or their ``group_by`` value), ranked."""
    from qualcode.sources.speakers import INTERVIEWER_CASE, MODERATOR_CASE

    for name in (group_by, role, rank, relation):
        if name is not None:
            project.attributes.find(name, "case")  # a clear error for an unknown attribute
    if role is None:
        role = _default_role(project)
    with project.reading() as conn:
        cases = {
            int(r.id): (str(r.name), str(r.kind), r.parent_id)
            for r in conn.execute(select(t.cases.c.id, t.cases.c.name, t.cases.c.kind,
                                         t.cases.c.parent_id))
        }  # fmt: skip
        attrs: dict[int, dict[str, str]] = {}
        a, v = t.attribute.c, t.attribute_value.c
        for case_id, name, value in conn.execute(
            select(v.case_id, a.name, v.value)
            .join(t.attribute, a.id == v.attribute_id)
            .where(a.owner == "case", v.case_id.is_not(None))
        ):
            attrs.setdefault(int(case_id), {})[str(name)] = str(value)
    skip = {INTERVIEWER_CASE.casefold(), MODERATOR_CASE.casefold()}
    keep = {
        cid
        for cid, (name, kind, _p) in cases.items()
        if include_interviewers or (kind != "interviewer" and name.casefold() not in skip)
    }
    if root is not None:
        top = project.cases.find(root).id
        keep &= _descendants(cases, top) | {top}
    plan = MapPlan()
    index: dict[str, int] = {}
    parent: dict[str, str | None] = {}
    for cid in keep:
        name, _kind, parent_id = cases[cid]
        role_value = attrs.get(cid, {}).get(role, "") if role else ""
        index[f"c{cid}"] = len(plan.nodes)
        plan.nodes.append(("case", cid, f"{name} \u2014 {role_value}" if role_value else "", 0, 0))
        if parent_id is not None and parent_id in keep:
            parent[f"c{cid}"] = f"c{parent_id}"
        elif group_by and attrs.get(cid, {}).get(group_by):
            group = attrs[cid][group_by]
            if f"g{group}" not in index:
                index[f"g{group}"] = len(plan.nodes)
                plan.nodes.append(("note", None, group, 0, 0))
                parent[f"g{group}"] = None
            parent[f"c{cid}"] = f"g{group}"
        else:
            parent[f"c{cid}"] = None
    for child, up in parent.items():
        if up is not None:
            plan.links.append(PlanLink(index[child], index[up], "part_of"))
    if relation:
        by_name = {cases[c][0].casefold(): c for c in keep}
        for cid in keep:
            for other in (attrs.get(cid, {}).get(relation) or "").split(","):
                target = by_name.get(other.strip().casefold())
                if target is not None and target != cid:
                    plan.links.append(
                        PlanLink(index[f"c{cid}"], index[f"c{target}"], "associated", relation)
                    )

    def order(key: str) -> tuple[float, str]:
        if key.startswith("g"):
            return (0.0, key[1:].casefold())
        cid = int(key[1:])
        value = attrs.get(cid, {}).get(rank or "", "")
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            number = float("inf")
        return (number, cases[cid][0].casefold())

    _tree_layout(plan, index, parent, order)
    return plan


def _default_role(project: Project) -> str | None:
    from qualcode.analysis.displays import _role_attribute

    try:
        return _role_attribute(project)
    except ValidationError:
        return None


def _descendants(cases: dict[int, tuple[str, str, Any]], top: int) -> set[int]:
    out: set[int] = set()
    frontier = [top]
    while frontier:
        current = frontier.pop()
        for cid, (_n, _k, parent_id) in cases.items():
            if parent_id == current and cid not in out:
                out.add(cid)
                frontier.append(cid)
    return out


def _tree_layout(
    plan: MapPlan, index: dict[str, int], parent: dict[str, str | None], order: Any
) -> None:
    """Top-down tree: leaves side by side, a parent centred over its children."""
    children: dict[str | None, list[str]] = {}
    for key, up in parent.items():
        children.setdefault(up, []).append(key)
    for kids in children.values():
        kids.sort(key=order)
    slot = [0.0]
    place: dict[str, tuple[float, float]] = {}

    def walk(key: str, depth: int) -> float:
        kids = children.get(key, [])
        if not kids:
            x = slot[0]
            slot[0] += X_STEP
        else:
            xs = [walk(k, depth + 1) for k in kids]
            x = (xs[0] + xs[-1]) / 2
        place[key] = (x, depth * Y_STEP)
        return x

    for top in children.get(None, []):
        walk(top, 0)
    for key, (x, y) in place.items():
        kind, ref, label, _x, _y = plan.nodes[index[key]]
        plan.nodes[index[key]] = (kind, ref, label, x, y)


# -- causal network ---------------------------------------------------------------------------
def causal_network(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    links: Sequence[tuple[int, int, str | None]] = (),
    events: Sequence[int] | None = None,
    op: str = "same_turn",
    distance: int = 0,
    max_events: int = 20,
    filters: dict[str, Any] | None = None,
) -> MapPlan:
    """Variables, events and cause → effect arrows with sign, strength and cited evidence."""
    from qualcode.analysis.displays import top_level_codes
    from qualcode.analysis.engine import _pairs, compute
    from qualcode.analysis.scope import merges, scope_for, scoped_spec

    known = {c.id for c in project.codes.all()}
    for cause, effect, _given in links:
        if cause == effect:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A cause and its effect must be different codes.")
            )
    chosen = list(dict.fromkeys(codes)) if codes else []
    wanted = [(a, b, check_sign(s)) for a, b, s in links]
    book = _codebook_links(project)
    if not chosen:
        causal = [x for a, b, rel in book if rel == "causes" for x in (a, b)]
        chosen = list(dict.fromkeys(causal)) or top_level_codes(project)
    for a, b, _s in wanted:
        for x in (a, b):
            if x not in chosen:
                chosen.append(x)
    event_codes = list(dict.fromkeys(events or []))
    for cid in [*chosen, *event_codes]:
        if cid not in known:
            project.codes.get(cid)  # the typed "no such code" error
    if not chosen:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A causal network needs codes."))
    arrows: dict[tuple[int, int], tuple[str, str | None]] = {}
    for a, b, rel in book:
        if a in chosen and b in chosen and a != b:
            arrows.setdefault((a, b), (rel, None))
    for a, b, s in wanted:
        arrows[(a, b)] = ("causes", s)
    axis_codes = list(dict.fromkeys([*chosen, *event_codes]))
    dim = Dim.of("codes", ids=axis_codes, aggregate=True)
    spec = DisplaySpec.make(
        "cooccurrence", dim, dim, filters=filters,
        options={"relation": {"op": op, "distance": distance}},
    )  # fmt: skip
    spec = scoped_spec(spec, scope_for(project, spec))
    corpus, rows, _cols, _ids = compute(project, spec)
    assert rows.code_map is not None
    key_of = {h.key: i for i, h in enumerate(rows.headers)}
    code_keys = {
        code: {axis_codes[key_of[k]] for k in keys} for code, keys in rows.code_map.items()
    }
    evidence: dict[tuple[int, int], set[int]] = {}
    partners: dict[int, dict[int, set[int]]] = {}
    event_set = set(event_codes)
    for group in _pairs(corpus, corpus.placed, op, distance, None, merges(spec)):
        for left, right in group:
            both: list[tuple[CodingTuple, CodingTuple]] = [(left, right), (right, left)]
            for one, other in both:
                for cp in code_keys.get(one[2], ()):
                    for cq in code_keys.get(other[2], ()):
                        if cp != cq:
                            evidence.setdefault((cp, cq), set()).update((one[0], other[0]))
                            if cp in event_set and cq in chosen:
                                partners.setdefault(one[0], {}).setdefault(cq, set()).add(other[0])
    by_id = {c[0]: c for c in corpus.placed}
    plan = MapPlan()
    index: dict[int, int] = {}
    event_rows = _events(project, corpus.placed, code_keys, event_set, max_events)
    for code in chosen:
        index[code] = len(plan.nodes)
        plan.nodes.append(("code", code, "", 0, 0))
    for (a, b), (rel, sign) in arrows.items():
        found = sorted(evidence.get((a, b), set()))
        plan.links.append(
            PlanLink(
                index[a], index[b], rel, "",
                sign if sign is not None else _sign(found, by_id, code_keys, a, b),
                strength_of(len({by_id[i][1] for i in found})),
                tuple(found),
            )
        )  # fmt: skip
    event_index: list[int] = []
    for coding_id, label in event_rows:
        event_index.append(len(plan.nodes))
        plan.nodes.append(("event", coding_id, label, 0, 0))
        for var, ids in sorted(partners.get(coding_id, {}).items()):
            found = sorted({coding_id, *ids})
            plan.links.append(
                PlanLink(event_index[-1], index[var], "precedes", "", None, None, tuple(found))
            )
    _flow_layout(plan, [index[c] for c in chosen], event_index)
    return plan


def _codebook_links(project: Project) -> list[tuple[int, int, str]]:
    from qualcode.analysis.maps import RELATIONS

    cl = t.code_link.c
    with project.reading() as conn:
        rows = conn.execute(
            select(cl.from_code_id, cl.to_code_id, cl.relation).where(cl.to_code_id.is_not(None))
        ).all()
    return [(int(a), int(b), r if r in RELATIONS else "associated") for a, b, r in rows]


def _lean(ids: list[int], by_id: dict[int, Any], codes: set[int]) -> str | None:
    votes = Counter(by_id[i][6] for i in ids if by_id[i][2] in codes and by_id[i][6])
    votes.pop("neutral", None)
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return str(top[0][0])


def _sign(
    found: list[int], by_id: dict[int, Any], code_keys: dict[int, set[int]], a: int, b: int
) -> str | None:
    """``+`` when cause and effect evidence lean the same way, ``-`` when opposite."""
    of_a = {code for code, keys in code_keys.items() if a in keys}
    of_b = {code for code, keys in code_keys.items() if b in keys}
    lean_a, lean_b = _lean(found, by_id, of_a), _lean(found, by_id, of_b)
    if lean_a is None or lean_b is None:
        return None
    return "+" if lean_a == lean_b else "-"


def _events(
    project: Project,
    placed: list[Any],
    code_keys: dict[int, set[int]],
    event_codes: set[int],
    limit: int,
) -> list[tuple[int, str]]:
    """Dated codings of the event codes, oldest first: (coding id, "date: words")."""
    from qualcode.analysis.excerpts import source_texts

    dated = [
        c
        for c in placed
        if event_codes.intersection(code_keys.get(c[2], ())) and (c[9] is not None or c[8])
    ]
    dated.sort(key=lambda c: (str(c[9] or c[8]), c[1], c[4]))
    dated = dated[: max(0, int(limit))]
    texts = source_texts(project, {c[1] for c in dated})
    out = []
    for c in dated:
        words = " ".join(texts.get(c[1], "")[c[4] : c[5]].split())
        words = words if len(words) <= 60 else words[:59] + "\u2026"
        out.append((int(c[0]), f"{c[9] or c[8]}: {words}"))
    return out


def _flow_layout(plan: MapPlan, variables: list[int], events: list[int]) -> None:
    """Left to right: events first, then each variable one layer right of its latest cause."""
    layer = {n: 0 for n in variables}
    edges = [
        (lk.source, lk.target) for lk in plan.links if lk.source in layer and lk.target in layer
    ]
    for _ in range(len(variables)):  # longest path; a cycle stops after n rounds
        changed = False
        for a, b in edges:
            if layer[b] < layer[a] + 1 and layer[a] + 1 < len(variables):
                layer[b] = layer[a] + 1
                changed = True
        if not changed:
            break
    offset = 1 if events else 0
    rows: Counter[int] = Counter()
    for n in variables:
        kind, ref, label, _x, _y = plan.nodes[n]
        col = layer[n] + offset
        plan.nodes[n] = (kind, ref, label, col * X_STEP, rows[col] * Y_STEP)
        rows[col] += 1
    for i, n in enumerate(events):
        kind, ref, label, _x, _y = plan.nodes[n]
        plan.nodes[n] = (kind, ref, label, 0.0, i * Y_STEP)


# -- reading an arrow's evidence ---------------------------------------------------------------
STRENGTH_WORDS = {
    "strong": {"id": "kuat", "en": "strong"},
    "moderate": {"id": "sedang", "en": "moderate"},
    "weak": {"id": "lemah", "en": "weak"},
}
EVIDENCE_WORDS = {"id": "bukti", "en": "evidence"}


def link_words(link: Any, language: str = "id") -> str:
    """An arrow's sign, strength and number of cited codings, e.g. ``+ · kuat · 5 bukti``."""
    parts = [link.sign] if link.sign else []
    if link.strength:
        parts.append(STRENGTH_WORDS.get(link.strength, {}).get(language, link.strength))
    if link.evidence:
        parts.append(f"{len(link.evidence)} {EVIDENCE_WORDS.get(language, 'evidence')}")
    return " \u00b7 ".join(parts)


@dataclass(frozen=True, slots=True)
class CitedLink:
    """An arrow with its end labels, its evidence as excerpts with citations, deleted ones."""

    link: Any
    source: str
    target: str
    cited: list[tuple[Any, str]]
    missing: int


def link_evidence(project: Project, record: Any) -> list[CitedLink]:
    """Each arrow of a map with the excerpts it cites (a deleted coding is counted, not shown)."""
    from qualcode.analysis.excerpts import excerpts_by_id

    labels = {n.id: n.label for n in record.nodes}
    found = excerpts_by_id(project, sorted({i for lk in record.links for i in lk.evidence}))
    out = []
    for lk in record.links:
        cited = [(found[i], citation(found[i])) for i in lk.evidence if i in found]
        missing = sum(1 for i in lk.evidence if i not in found)
        out.append(CitedLink(lk, labels.get(lk.source, "?"), labels.get(lk.target, "?"),
                             cited, missing))  # fmt: skip
    return out


def citation(e: Any) -> str:
    """How an arrow cites an excerpt: its cases, source and offsets."""
    who = ", ".join(e.cases)
    return (
        f"{who}; {e.source}, {e.start}\u2013{e.end}"
        if who
        else f"{e.source}, {e.start}\u2013{e.end}"
    )


def arrow_candidates(project: Project, record: Any, link: Any) -> list[Any]:
    """Codings an arrow could cite, as excerpts in source and text order.

    The rule: codings of the arrow's code ends (with their sub-codes), narrowed
    to its case ends (with the cases under them) and its source ends; an event
    end is its own coding. Ends that are notes, memos or conclusions add nothing,
    so an arrow between two notes has no candidates (cite excerpts directly).
    """
    from qualcode.analysis.corpus import load_corpus
    from qualcode.analysis.excerpts import make_excerpts

    ends = [n for n in record.nodes if n.id in (link.source, link.target) and not n.missing]
    kinds = ("code", "case", "source", "event")
    of = {kind: {n.ref_id for n in ends if n.kind == kind} for kind in kinds}
    if not (of["code"] or of["case"] or of["source"]):
        return _excerpts_of(project, sorted(of["event"]))
    sources = set(of["source"]) or None
    cases: set[int] = set()
    if of["case"]:
        with project.reading() as conn:
            parents = dict(conn.execute(select(t.cases.c.id, t.cases.c.parent_id)).all())
            cases = {c for c in parents if _under(c, of["case"], parents)}
            cl = t.case_link.c
            linked = {r[0] for r in conn.execute(select(cl.source_id).where(cl.case_id.in_(cases)))}
        sources = linked if sources is None else sources & linked
    filters = {"codes": sorted(of["code"])} if of["code"] else {}
    corpus = load_corpus(project, filters, only_sources=sources)
    if of["case"]:
        corpus.codings = [c for c in corpus.codings if cases.intersection(corpus.cases_of(c))]
    found = make_excerpts(project, corpus, corpus.codings)
    events = _excerpts_of(project, sorted(of["event"] - set(found)))
    return sorted([*found.values(), *events], key=lambda e: (e.source.casefold(), e.start,
                                                             e.end, e.coding_id))  # fmt: skip


def _under(case_id: int, tops: set[int], parents: dict[int, int | None]) -> bool:
    """Whether ``case_id`` is one of ``tops`` or sits below one of them."""
    seen: set[int] = set()
    cur: int | None = case_id
    while cur is not None and cur not in seen:
        if cur in tops:
            return True
        seen.add(cur)
        cur = parents.get(cur)
    return False


def _excerpts_of(project: Project, ids: list[int]) -> list[Any]:
    from qualcode.analysis.excerpts import excerpts_by_id

    return list(excerpts_by_id(project, ids).values())
