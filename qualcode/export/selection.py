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
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.analysis import placement
from qualcode.analysis.placement import Span
from qualcode.analysis.scope import CoderScope, Passages, passages, resolve
from qualcode.cases.attribution import AttributionStyle, Attributor
from qualcode.export.context import context
from qualcode.records import Case, Code
from qualcode.text.labels import check_language, label
from qualcode.text.lines import Lines

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
    memos: bool = False
    """Print the memos written on each excerpt's coding beside it."""
    code_memos: bool = False
    """Print the memos written on each code (under its heading; a column in tables)."""


@dataclass(slots=True)
class ExportExcerpt:
    """One coding ready to print: text, context, citation and all its facts.

    Read-only by convention, not frozen: a frozen dataclass sets each of its 30 fields
    through ``object.__setattr__``, which made building the 200k excerpts of a large
    project cost more than writing them to CSV.
    """

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
    memos: tuple[str, ...] = ()
    """Memos on the coding (every coding of a passage), each ``Title: text (author, date)``."""
    code_memos: tuple[str, ...] = ()
    """Memos on the excerpt's code, when the options ask for them."""


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
    memos: tuple[str, ...] = ()
    """Memos on the code, when the options ask for them."""

    @property
    def count(self) -> int:
        """Excerpts directly under this code."""
        return sum(len(g.excerpts) for g in self.groups)


def selected_codes(project: Project, flt: ExcerptFilter) -> list[Code]:
    """The codes the filter names (with their sub-trees when asked), in tree order."""
    return _selected(project.codes.all(), flt)


def _selected(codes: list[Code], flt: ExcerptFilter) -> list[Code]:
    if flt.codes is None:
        return codes
    keep = set(_selected_ids([(c.id, c.parent_id) for c in codes], flt))
    return [c for c in codes if c.id in keep]


def _selected_ids(tree: Sequence[tuple[int, int | None]], flt: ExcerptFilter) -> list[int]:
    """Ids of the codes the filter names (with their sub-trees when asked), in the order of
    ``tree``: (id, parent id) pairs in tree order."""
    if flt.codes is None:
        return [cid for cid, _ in tree]
    wanted = set(flt.codes)
    if flt.include_children:
        children: dict[int | None, list[int]] = {}
        for cid, parent in tree:
            children.setdefault(parent, []).append(cid)
        stack = list(wanted)
        while stack:
            kids = children.get(stack.pop(), [])
            wanted.update(kids)
            stack.extend(kids)
    return [cid for cid, _ in tree if cid in wanted]


def _codes_for(
    project: Project, flt: ExcerptFilter, options: ExcerptOptions
) -> tuple[list[Code], list[Code]]:
    """The codes the filter selects and the codes the excerpts need (with their parents, for
    paths), both in tree order. A few codes of a large tree are read with their parents only,
    unless other codes on the same text are shown (their labels come from the whole tree)."""
    if flt.codes is None or options.show_other_codes:
        everything = project.codes.all()
        return _selected(everything, flt), everything
    needed = project.codes.lineage(flt.codes, children=flt.include_children)
    wanted = set(_selected_ids([(c.id, c.parent_id) for c in needed], flt))
    return [c for c in needed if c.id in wanted], needed


def select_excerpts(
    project: Project,
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    steps: Steps | None = None,
) -> list[ExportExcerpt]:
    """The excerpts ``flt`` selects, in code-tree order, then source name and position."""
    with project.snapshot():  # codes, segments, texts and cases read from one moment
        return _select_excerpts(project, flt, options, steps)


def _select_excerpts(
    project: Project, flt: ExcerptFilter | None, options: ExcerptOptions | None, steps: Steps | None
) -> list[ExportExcerpt]:
    from qualcode.coding.retrieval import segment_rows

    flt = flt or ExcerptFilter()
    options = options or ExcerptOptions()
    language = check_language(options.language)
    codes, all_codes = _codes_for(project, flt, options)
    by_id: dict[int, Code] = {c.id: c for c in all_codes}
    # Only what the excerpts touch is read: one code of a large project is a few hundred
    # excerpts in a few hundred of its sources and cases.
    source_ids: list[int] | None = None
    if flt.source_kinds is not None:
        kinds_wanted = set(flt.source_kinds)
        source_ids = [s.id for s in project.sources.all() if s.kind in kinds_wanted]
    if flt.sources is not None:
        source_ids = [i for i in flt.sources if source_ids is None or i in set(source_ids)]
    scope = excerpt_scope(project, flt)
    rows = segment_rows(
        project,
        sources=source_ids,
        codes=None if flt.codes is None else [c.id for c in codes],
        coders=scope.filter_value(),
    )
    if flt.valences is not None:
        valences = set(flt.valences)
        rows = [r for r in rows if r[_VALENCE] in valences]
    if flt.codings is not None:
        chosen = set(flt.codings)
        rows = [r for r in rows if r[_ID] in chosen]
    used = {r[_SOURCE] for r in rows}
    texts = project.sources.texts(used)
    whole_of: dict[int, list[int]] = {}  # each source's cases linked to all of it
    spans_of: dict[int, list[Span]] = {}  # and those linked to stretches (speaker turns)
    linked: set[int] = set()
    for lk in project.cases.links(sources=used):
        linked.add(lk.case_id)
        if lk.start is None:
            whole_of.setdefault(lk.source_id, []).append(lk.case_id)
        elif lk.end is not None:
            spans_of.setdefault(lk.source_id, []).append((lk.start, lk.end, lk.case_id, lk.speaker))
    if options.attribution.pseudonymise:  # pseudonyms number every case of the project
        cases: dict[int, Case] = {c.id: c for c in project.cases.all()}
    else:
        cases = {c.id: c for c in project.cases.many(linked)}
    attributor = Attributor(cases.values(), options.attribution, language)
    source_attrs = project.attributes.values("source")
    labels: dict[int, str] = {c.id: c.label(language) for c in by_id.values()}
    code_facts: dict[int, tuple[str, tuple[str, ...], str]] = {}  # filled as excerpts come
    order: dict[int, int] = {c.id: i for i, c in enumerate(codes)}
    kinds = {cid: c.kind for cid, c in cases.items()}
    named: dict[int | None, str] = dict(attributor.case_names().items())  # or pseudonyms
    # The records were read for this selection alone: their attribute dicts are the excerpts'.
    shared: dict[int | None, dict[str, Any]] = {cid: c.attributes for cid, c in cases.items()}
    case_filter = _CaseFilter(flt, cases)
    filtering = case_filter.active

    # Passages join codings of different coders: with one coder there are none to join.
    several = scope.unit == "passages" and len({r[_CODER] for r in rows}) > 1
    merged = _passages(rows) if several else None
    coding_notes = _memo_notes(project, "coding", language) if options.memos else {}
    code_notes = _memo_notes(project, "code", language) if options.code_memos else {}
    with_context = bool(options.context_chars or options.context_sentences)
    out: list[ExportExcerpt] = []
    per_source: dict[int, list[Any]] = {}
    for r in rows:
        if merged is not None and merged.of(r[_ID]) != r[_ID]:
            continue  # another coding stands for this passage
        per_source.setdefault(r[_SOURCE], []).append(r)
    for sid, segs in per_source.items():
        src = segs[0]  # the source's name, kind and date come with each of its codings
        src_name, src_kind, src_date = src[_SOURCE_NAME], src[_SOURCE_KIND], src[_SOURCE_DATE]
        text = texts[sid]
        lines = Lines(text)
        whole_ids = whole_of.get(sid, [])
        spans = spans_of.get(sid)
        place = _Placer(whole_ids, spans, kinds) if spans else None
        citers: dict[tuple[int | None, str | None, str], Callable[[int | None], str]] = {}
        src_attrs = source_attrs.get(sid) or {}  # read for this selection alone, like cases
        overlaps = _Overlaps(project, sid) if options.show_other_codes else None
        if place is None:  # linked only as a whole: the same cases for every excerpt
            case_ids = placement.cases_of(whole_ids, (), 0, 0)
            main, speaker = placement.main_case(whole_ids, (), 0, 0, kinds), None
            shown = not filtering or case_filter(case_ids)
            case_name, case_names = named.get(main, ""), tuple(map(named.__getitem__, case_ids))
            attrs = shared.get(main) or {}
        for seg in segs:
            if steps is not None:
                steps.check()
            (coding_id, _sid, code_id, coder, start, end, _name, valence, magnitude, period,
             event_date, weight, note, _kind, _date) = seg  # fmt: skip
            members: list[int] | None = None  # the codings of a passage of several
            if merged is not None and coding_id in merged.members:
                members = merged.members[coding_id]
                start, end, coder = _passage_of(coding_id, merged)
            if place is not None:
                case_ids = place.cases(start, end)
                shown = not filtering or case_filter(case_ids)
                main, speaker = place.main(start, end), place.speaker(start, end)
                case_name = named.get(main, "")
                case_names = tuple(map(named.__getitem__, case_ids))
                attrs = shared.get(main) or {}
            if not shown:
                continue
            paragraph = lines.of(start)
            if with_context:
                before, after = context(
                    text, start, end, options.context_chars, options.context_sentences
                )
            else:
                before = after = ""
            key = (main, speaker, coder)
            cite = citers.get(key)
            if cite is None:
                cite = citers[key] = attributor.citer(
                    cases.get(main) if main is not None else None,
                    source=src_name,
                    source_date=src_date,
                    speaker=speaker,
                    coder=coder,
                )
            code = code_facts.get(code_id)  # its label, path and colour
            if code is None:
                code = code_facts[code_id] = (
                    labels[code_id],
                    _path(by_id, labels, code_id),
                    by_id[code_id].color,
                )
            other_codes = (
                overlaps.codes(start, end, code_id, coding_id, labels)
                if overlaps is not None
                else ()
            )
            memos = _notes(coding_notes, members or [coding_id]) if coding_notes else ()
            out.append(  # by position, in the order of its fields (faster than keywords)
                ExportExcerpt(
                    coding_id, sid, src_name, src_kind, src_date,  # the coding and its source
                    code_id, *code,  # its code
                    coder, start, end, paragraph, text[start:end], before, after,
                    main, case_name, case_names, cite(paragraph),  # case and citation
                    valence, magnitude, period, event_date, weight, note,
                    other_codes, attrs, src_attrs, memos, code_notes.get(code_id, ()),
                )
            )  # fmt: skip
    folded = {sid: segs[0][_SOURCE_NAME].casefold() for sid, segs in per_source.items()}
    out.sort(key=lambda e: (order.get(e.code_id, 0), folded[e.source_id], e.start, e.end))
    return out


# Positions in a row of ``retrieval.SEGMENT_COLUMNS``.
_ID, _SOURCE, _CODE, _CODER, _START, _END, _SOURCE_NAME, _VALENCE = range(8)
_SOURCE_KIND, _SOURCE_DATE = 13, 14


def excerpt_scope(project: Project, flt: ExcerptFilter | None = None) -> CoderScope:
    """The coders an excerpt selection counts: the filter's, else the project's analysis coders."""
    flt = flt or ExcerptFilter()
    return resolve(project, flt.coders, unit=flt.unit)


def _passages(rows: Sequence[Any]) -> Passages:
    """Codings (rows of ``retrieval.SEGMENT_COLUMNS``, whose first six columns are a coding
    tuple's) grouped by the passage rule (the coder's name stands in for the coder id)."""
    return passages(rows)


def _passage_of(rep: int, merged: Passages) -> tuple[int, int, str]:
    """The range of the passage ``rep`` stands for, and every coder of it."""
    members = merged.members[rep]
    start = min(merged.codings[m][4] for m in members)
    end = max(merged.codings[m][5] for m in members)
    coders = ", ".join(dict.fromkeys(str(merged.codings[m][3]) for m in members))
    return start, end, coders


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
    code_notes = _memo_notes(project, "code", language) if options.code_memos else {}
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
                memos=code_notes.get(code.id, ()),
            )
        )
    return sections


# -- helpers ------------------------------------------------------------------------------
def _memo_notes(project: Project, target: str, language: str) -> dict[int, tuple[str, ...]]:
    """The memos on every coding (or code), by its id, as one-line notes in date order."""
    from qualcode.export.memos_data import memo_note

    authors = project.memos.authors()
    out: dict[int, tuple[str, ...]] = {}
    for m in project.memos.all(target):
        on = m.coding_id if target == "coding" else m.code_id
        if on is not None:
            note = memo_note(m, authors.get(m.coder_id or -1, ""), language)
            out[int(on)] = (*out.get(int(on), ()), note)
    return out


def _notes(notes: Mapping[int, tuple[str, ...]], members: list[int]) -> tuple[str, ...]:
    """The memo notes of every coding of a passage, in coding order."""
    return tuple(n for m in sorted(members) for n in notes.get(m, ()))


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


class _Placer:
    """Cases, main case and speaker of stretches of a source linked to cases by stretches
    (speaker turns, sections) too: :mod:`placement`'s rule over its sorted turns."""

    def __init__(self, whole: list[int], spans: list[Span], kinds: Mapping[int, str]) -> None:
        self.whole = whole
        self.spans = sorted(spans)
        self.kinds = kinds

    def cases(self, start: int, end: int) -> tuple[int, ...]:
        return placement.cases_of(self.whole, self.spans, start, end)

    def main(self, start: int, end: int) -> int | None:
        return placement.main_case(self.whole, self.spans, start, end, self.kinds)

    def speaker(self, start: int, end: int) -> str | None:
        return placement.speaker_of(self.spans, start, end)


class _CaseFilter:
    """Whether an excerpt's cases pass the filter's cases and case attributes."""

    def __init__(self, flt: ExcerptFilter, cases: Mapping[int, Case]) -> None:
        self.active = flt.cases is not None or bool(flt.case_attributes)
        self.allowed = set(flt.cases) if flt.cases is not None else None
        self.wanted = [
            (name.casefold(), {v.casefold() for v in values})
            for name, values in flt.case_attributes.items()
        ]
        self.cases = cases
        self.passing: dict[int, bool] = {}

    def __call__(self, case_ids: Sequence[int]) -> bool:
        if not self.active:
            return True
        return any(self._passes(cid) for cid in case_ids)

    def _passes(self, cid: int) -> bool:
        found = self.passing.get(cid)
        if found is None:
            found = self.allowed is None or cid in self.allowed
            if found:
                attrs = {k.casefold(): v for k, v in self.cases[cid].attributes.items()}
                found = all(_as_text(attrs.get(n)) in values for n, values in self.wanted)
            self.passing[cid] = found
        return found


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

    def codes(
        self, start: int, end: int, code_id: int, coding_id: int, labels: Mapping[int, str]
    ) -> tuple[str, ...]:
        i = bisect_left(self.starts, end) - 1
        found: dict[int, None] = {}
        while i >= 0 and self.starts[i] > start - self.span - 1:
            s, e, code, cid = self.rows[i]
            if e > start and s < end and code != code_id and cid != coding_id:
                found[code] = None
            i -= 1
        return tuple(sorted((labels[c] for c in found), key=str.casefold))
