"""Which coded excerpts an export contains, and everything needed to print and cite them.

:func:`select_excerpts` applies an :class:`ExcerptFilter` (codes or a whole code
tree, cases, case attributes, sources, source kinds, coders, valence) and
resolves, once per source, the case each excerpt belongs to, its paragraph
number, its surrounding context and the other codes on the same text.
Paragraph numbers count lines of the stored text, as the document view does,
so a reader can find the quote again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.analysis import placement
from qualcode.analysis.placement import Span
from qualcode.analysis.scope import CoderScope, Passages, passages, resolve
from qualcode.cases.attribution import AttributionStyle, Attributor
from qualcode.export.context import context
from qualcode.records import Case, CaseLink, Code, Source
from qualcode.text.labels import check_language, label

if TYPE_CHECKING:
    from qualcode.export.common import Steps
    from qualcode.project import Project

GROUPINGS = ("code-case", "code-kind", "code-source", "code")


@dataclass(frozen=True, slots=True)
class ExcerptFilter:
    """What to export; ``None`` means no restriction. Case attribute values match as text."""

    codes: Sequence[int] | None = None
    include_children: bool = True
    cases: Sequence[int] | None = None
    case_attributes: Mapping[str, Sequence[str]] = field(default_factory=dict)
    sources: Sequence[int] | None = None
    source_kinds: Sequence[str] | None = None
    coders: Sequence[str] | None = None
    valences: Sequence[str] | None = None
    codings: Sequence[int] | None = None
    """Only these codings (the excerpts a researcher selected in the Excerpts pane)."""
    unit: str = "passages"
    """``passages``: one excerpt per passage (see :mod:`qualcode.analysis.scope`);
    ``codings``: one per coding (the per-coder view)."""


@dataclass(frozen=True, slots=True)
class ExcerptOptions:
    """How excerpts are grouped, cited and decorated."""

    language: str = "id"
    group_by: str = "code-case"
    attribution: AttributionStyle = field(default_factory=AttributionStyle)
    context_chars: int = 0
    context_sentences: int = 0
    show_code_path: bool = True
    show_note: bool = True
    show_other_codes: bool = False
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ExportExcerpt:
    """One coding ready to print: text, context, citation and all its facts."""

    coding_id: int
    source_id: int
    source: str
    source_kind: str
    source_date: date | None
    code_id: int
    code: str
    code_path: tuple[str, ...]
    code_color: str
    coder: str
    start: int
    end: int
    paragraph: int
    text: str
    before: str
    after: str
    case_id: int | None
    case: str
    cases: tuple[str, ...]
    citation: str
    valence: str | None
    magnitude: str | None
    period: str | None
    event_date: date | None
    weight: str | None
    note: str
    other_codes: tuple[str, ...]
    case_attributes: dict[str, Any]
    source_attributes: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExcerptGroup:
    """Excerpts under one sub-heading (a case, a source kind or a source)."""

    title: str
    excerpts: tuple[ExportExcerpt, ...]


@dataclass(frozen=True, slots=True)
class CodeSection:
    """One code's heading (at its depth in the tree) and its groups of excerpts."""

    code_id: int
    title: str
    path: tuple[str, ...]
    depth: int
    color: str
    description: str
    groups: tuple[ExcerptGroup, ...]

    @property
    def count(self) -> int:
        """Excerpts directly under this code."""
        return sum(len(g.excerpts) for g in self.groups)


def selected_codes(project: Project, flt: ExcerptFilter) -> list[Code]:
    """The codes the filter names (with their sub-trees when asked), in tree order."""
    codes = project.codes.all()
    if flt.codes is None:
        return codes
    wanted = set(flt.codes)
    if flt.include_children:
        children: dict[int | None, list[int]] = {}
        for c in codes:
            children.setdefault(c.parent_id, []).append(c.id)
        stack = list(wanted)
        while stack:
            kids = children.get(stack.pop(), [])
            wanted.update(kids)
            stack.extend(kids)
    return [c for c in codes if c.id in wanted]


def select_excerpts(
    project: Project,
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    steps: Steps | None = None,
) -> list[ExportExcerpt]:
    """The excerpts ``flt`` selects, in code-tree order, then source name and position."""
    from qualcode.coding.retrieval import coded_segments

    flt = flt or ExcerptFilter()
    options = options or ExcerptOptions()
    language = check_language(options.language)
    codes = selected_codes(project, flt)
    by_id: dict[int, Code] = {c.id: c for c in project.codes.all()}
    sources: dict[int, Source] = {s.id: s for s in project.sources.all()}
    source_ids = [
        s.id
        for s in sources.values()
        if (flt.sources is None or s.id in set(flt.sources))
        and (flt.source_kinds is None or s.kind in set(flt.source_kinds))
    ]
    scope = excerpt_scope(project, flt)
    segments = coded_segments(
        project, sources=source_ids, codes=[c.id for c in codes], coders=scope.filter_value()
    )
    if flt.valences is not None:
        segments = [s for s in segments if s.valence in set(flt.valences)]
    if flt.codings is not None:
        chosen = set(flt.codings)
        segments = [s for s in segments if s.id in chosen]
    cases: dict[int, Case] = {c.id: c for c in project.cases.all()}
    attributor = Attributor(cases.values(), options.attribution, language)
    links: dict[int, list[CaseLink]] = {}
    for link in project.cases.links():
        links.setdefault(link.source_id, []).append(link)
    source_attrs = project.attributes.values("source")
    labels: dict[int, str] = {c.id: c.label(language) for c in by_id.values()}
    paths = {cid: _path(by_id, labels, cid) for cid in by_id}
    order: dict[int, int] = {c.id: i for i, c in enumerate(codes)}

    merged = _passages(segments) if scope.unit == "passages" else None
    out: list[ExportExcerpt] = []
    per_source: dict[int, list[Any]] = {}
    for seg in segments:
        if merged is not None and merged.of(seg.id) != seg.id:
            continue  # another coding stands for this passage
        per_source.setdefault(seg.source_id, []).append(seg)
    for sid, segs in per_source.items():
        src = sources[sid]
        text = project.sources.text(sid)
        lines = [i for i, ch in enumerate(text) if ch == "\n"]
        overlaps = _Overlaps(project, sid) if options.show_other_codes else None
        for seg in segs:
            if steps is not None:
                steps.check()
            coder = seg.coder
            if merged is not None and seg.id in merged.members:
                seg, coder = _as_passage(seg, merged, text)
            case_ids = _cases_of(links.get(sid, []), seg.start, seg.end)
            if not _case_filter(flt, case_ids, cases):
                continue
            main = _main_case(links.get(sid, []), seg.start, seg.end, cases)
            paragraph = bisect_right(lines, seg.start - 1) + 1 if seg.start else 1
            before, after = context(
                text, seg.start, seg.end, options.context_chars, options.context_sentences
            )
            case = cases.get(main) if main is not None else None
            others = overlaps.codes(seg, labels) if overlaps is not None else ()
            out.append(
                ExportExcerpt(
                    coding_id=seg.id,
                    source_id=sid,
                    source=src.name,
                    source_kind=src.kind,
                    source_date=src.date_collected,
                    code_id=seg.code_id,
                    code=labels[seg.code_id],
                    code_path=paths[seg.code_id],
                    code_color=by_id[seg.code_id].color,
                    coder=coder,
                    start=seg.start,
                    end=seg.end,
                    paragraph=paragraph,
                    text=seg.text,
                    before=before,
                    after=after,
                    case_id=main,
                    case=attributor.case_name(case) if case is not None else "",
                    cases=tuple(attributor.case_name(cases[c]) for c in case_ids),
                    citation=attributor.cite(
                        case,
                        source=src.name,
                        source_date=src.date_collected,
                        paragraph=paragraph,
                        speaker=_speaker(links.get(sid, []), seg.start, seg.end),
                        coder=coder,
                    ),
                    valence=seg.valence,
                    magnitude=seg.magnitude,
                    period=seg.period,
                    event_date=seg.event_date,
                    weight=seg.weight,
                    note=seg.note,
                    other_codes=others,
                    case_attributes=dict(case.attributes) if case is not None else {},
                    source_attributes=dict(source_attrs.get(sid, {})),
                )
            )
    out.sort(key=lambda e: (order.get(e.code_id, 0), e.source.casefold(), e.start, e.end))
    return out


def excerpt_scope(project: Project, flt: ExcerptFilter | None = None) -> CoderScope:
    """The coders an excerpt selection counts: the filter's, else the project's analysis coders."""
    flt = flt or ExcerptFilter()
    return resolve(project, flt.coders, unit=flt.unit)


def _passages(segments: Sequence[Any]) -> Passages:
    """Segments grouped by the passage rule (the coder's name stands in for the coder id)."""
    return passages(
        [
            (s.id, s.source_id, s.code_id, s.coder, s.start, s.end, None, None, None, None)
            for s in segments
        ]
    )


def _as_passage(seg: Any, merged: Passages, text: str) -> tuple[Any, str]:
    """The representative segment stretched over its passage, and every coder of it."""
    from dataclasses import replace

    members = merged.members[seg.id]
    start = min(merged.codings[m][4] for m in members)
    end = max(merged.codings[m][5] for m in members)
    coders = ", ".join(dict.fromkeys(str(merged.codings[m][3]) for m in members))
    return replace(seg, start=start, end=end, text=text[start:end]), coders


def group_excerpts(
    project: Project,
    excerpts: Sequence[ExportExcerpt],
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
) -> list[CodeSection]:
    """Sections per code in tree order (codes without excerpts below them are left out)."""
    flt = flt or ExcerptFilter()
    options = options or ExcerptOptions()
    language = check_language(options.language)
    codes = selected_codes(project, flt)
    by_code: dict[int, list[ExportExcerpt]] = {}
    for e in excerpts:
        by_code.setdefault(e.code_id, []).append(e)
    parent: dict[int, int | None] = {c.id: c.parent_id for c in project.codes.all()}
    alive: set[int] = set()
    for cid in by_code:
        cur: int | None = cid
        while cur is not None and cur not in alive:
            alive.add(cur)
            cur = parent.get(cur)
    selected = {c.id for c in codes}
    all_codes: dict[int, Code] = {c.id: c for c in project.codes.all()}
    labels = {cid: c.label(language) for cid, c in all_codes.items()}
    sections = []
    for code in codes:
        if code.id not in alive:
            continue
        depth = 0
        cur = code.parent_id
        while cur is not None and cur in selected:
            depth += 1
            cur = parent.get(cur)
        sections.append(
            CodeSection(
                code_id=code.id,
                title=labels[code.id],
                path=_path(all_codes, labels, code.id),
                depth=depth,
                color=code.color,
                description=code.description,
                groups=tuple(_groups(by_code.get(code.id, []), options.group_by, language)),
            )
        )
    return sections


# -- helpers ------------------------------------------------------------------------------
def _path(codes: Mapping[int, Code], labels: Mapping[int, str], code_id: int) -> tuple[str, ...]:
    parts = []
    cur: int | None = code_id
    while cur is not None and cur in codes:
        parts.append(labels[cur])
        cur = codes[cur].parent_id
    return tuple(reversed(parts))


def _natural(text: str) -> list[Any]:
    return [int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", text)]


def _groups(items: list[ExportExcerpt], group_by: str, language: str) -> list[ExcerptGroup]:
    if group_by == "code" or not items:
        return [ExcerptGroup("", tuple(items))] if items else []
    buckets: dict[str, list[ExportExcerpt]] = {}
    for e in items:
        if group_by == "code-kind":
            key = e.source_kind
        elif group_by == "code-source":
            key = e.source
        else:  # a document has no informant: its own name heads its group
            key = e.case or e.source
        buckets.setdefault(key, []).append(e)
    if group_by == "code-kind":
        from qualcode.records import SOURCE_KINDS

        keys = sorted(buckets, key=lambda k: SOURCE_KINDS.index(k) if k in SOURCE_KINDS else 99)
        return [ExcerptGroup(label(k, language), tuple(buckets[k])) for k in keys]
    uncased = {e.source for e in items if not e.case}
    keys = sorted(buckets, key=lambda k: (k in uncased, _natural(k)))
    return [ExcerptGroup(k, tuple(buckets[k])) for k in keys]


def _whole(links: list[CaseLink]) -> list[int]:
    return [lk.case_id for lk in links if lk.start is None]


def _spans(links: list[CaseLink]) -> list[Span]:
    return [
        (lk.start, lk.end, lk.case_id, lk.speaker)
        for lk in links
        if lk.start is not None and lk.end is not None
    ]


def _cases_of(links: list[CaseLink], start: int, end: int) -> list[int]:
    return list(placement.cases_of(_whole(links), _spans(links), start, end))


def _main_case(
    links: list[CaseLink], start: int, end: int, cases: Mapping[int, Case]
) -> int | None:
    kinds = {cid: c.kind for cid, c in cases.items()}
    return placement.main_case(_whole(links), _spans(links), start, end, kinds)


def _speaker(links: list[CaseLink], start: int, end: int) -> str | None:
    return placement.speaker_of(_spans(links), start, end)


def _case_filter(flt: ExcerptFilter, case_ids: list[int], cases: Mapping[int, Case]) -> bool:
    if flt.cases is None and not flt.case_attributes:
        return True
    allowed = set(flt.cases) if flt.cases is not None else None
    for cid in case_ids:
        if allowed is not None and cid not in allowed:
            continue
        attrs = {k.casefold(): v for k, v in cases[cid].attributes.items()}
        if all(
            _as_text(attrs.get(name.casefold())) in {v.casefold() for v in values}
            for name, values in flt.case_attributes.items()
        ):
            return True
    return False


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, date):
        value = value.isoformat()
    return "" if value is None else str(value).casefold()


class _Overlaps:
    """Codings of one source sorted by start, to find the other codes on an excerpt fast."""

    def __init__(self, project: Project, source_id: int) -> None:
        codings = project.codings.in_source(source_id)
        rows = sorted((c.start, c.end, c.code_id, c.id) for c in codings)
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.span = max((r[1] - r[0] for r in rows), default=0)

    def codes(self, seg: Any, labels: Mapping[int, str]) -> tuple[str, ...]:
        i = bisect_left(self.starts, seg.end) - 1
        found: dict[int, None] = {}
        while i >= 0 and self.starts[i] > seg.start - self.span - 1:
            s, e, code, cid = self.rows[i]
            if e > seg.start and s < seg.end and code != seg.code_id and cid != seg.id:
                found[code] = None
            i -= 1
        return tuple(sorted((labels[c] for c in found), key=str.casefold))
