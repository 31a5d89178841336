"""Coded segments: codings joined with their source, code path, coder and text.

This is what a researcher means by "the excerpts of a code": the basis of the
``codings`` listing, retrieval views and excerpt exports. Each source's text is
read once, however many of its codings are listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, select

from qualcode.ids import CodeId, CodingId, SourceId
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.records import Code


@dataclass(slots=True)
class CodedSegment:
    """One coding with everything needed to show or cite it.

    Read-only by convention, not frozen: a frozen dataclass sets each of its 17 fields
    through ``object.__setattr__``, a third of what listing one code's excerpts cost.
    """

    id: CodingId
    source_id: SourceId
    source: str
    code_id: CodeId
    code: str
    coder: str
    start: int
    end: int
    text: str
    valence: str | None
    magnitude: str | None
    period: str | None
    event_date: date | None
    weight: str | None
    note: str
    source_kind: str = "interview"
    source_date: date | None = None
    """The source's kind and collection date (a citation names them)."""


def code_paths(project: Project, codes: Iterable[Code] | None = None) -> dict[int, str]:
    """``Parent/Child`` path of every code, by id (of ``codes``, as ``project.codes.all()``
    lists them, when the caller has them)."""
    paths: dict[int, str] = {}
    for c in codes if codes is not None else project.codes.all():  # parents first
        paths[c.id] = f"{paths[c.parent_id]}/{c.name}" if c.parent_id is not None else c.name
    return paths


_C = t.coding.c
SEGMENT_COLUMNS = (
    _C.id, _C.source_id, _C.code_id, t.coder.c.name, _C.start_pos, _C.end_pos, t.source.c.name,
    _C.valence, _C.magnitude, _C.period, _C.event_date, _C.weight, _C.note, t.source.c.kind,
    t.source.c.date_collected,
)  # fmt: skip
"""The columns of :func:`segment_rows`: coding id, source id, code id, coder name, start, end
(in the order of :data:`qualcode.analysis.corpus.CodingTuple`'s first six, so the passage
rule reads the rows as they are), source name, valence, magnitude, period, event date, weight,
note, source kind, source date: the facts of a :class:`CodedSegment` but its text and path."""


@cache
def _segments_query(by_source: bool, by_code: bool, by_coder: bool) -> Select[Any]:
    """The statement of :func:`segment_rows` for the filters given, built once for each: an
    export of one code spends less in SQLite than in building its statement."""
    q = (
        select(*SEGMENT_COLUMNS)
        .join(t.source, t.source.c.id == _C.source_id)
        .join(t.coder, t.coder.c.id == _C.coder_id)
        .order_by(t.source.c.name, _C.start_pos, _C.end_pos, _C.id)
    )
    if by_source:
        q = q.where(_C.source_id.in_(bindparam("sources", expanding=True)))
    if by_code:
        q = q.where(_C.code_id.in_(bindparam("codes", expanding=True)))
    if by_coder:
        q = q.where(t.coder.c.name.in_(bindparam("coders", expanding=True)))
    return q


def segment_rows(
    project: Project,
    *,
    sources: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
    coders: Sequence[str] | None = None,
) -> Sequence[Any]:
    """The codings :func:`coded_segments` lists, as rows of :data:`SEGMENT_COLUMNS` in the same
    order (source name, then position): what a caller building its own record of each coding
    (an excerpt export) reads, without a :class:`CodedSegment` made for each first."""
    q = _segments_query(sources is not None, codes is not None, coders is not None)
    params: dict[str, list[Any]] = {}
    if sources is not None:
        params["sources"] = list(sources)
    if codes is not None:
        params["codes"] = list(codes)
    if coders is not None:
        params["coders"] = list(coders)
    with project.reading() as conn:
        return conn.execute(q, params).all()


def coded_segments(
    project: Project,
    *,
    sources: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
    coders: Sequence[str] | None = None,
    texts: dict[int, str] | None = None,
    all_codes: Iterable[Code] | None = None,
) -> list[CodedSegment]:
    """Codings (filtered by source ids, code ids and coder names) with their text.

    ``texts`` (source id to text), when given, is used and completed with every source
    text read, so a caller that needs them too does not read them again; ``all_codes``
    (``project.codes.all()``) saves reading the codes again.
    """
    rows = segment_rows(project, sources=sources, codes=codes, coders=coders)
    paths = code_paths(project, all_codes)
    if texts is None:
        texts = {}
    texts.update(project.sources.texts({r[1] for r in rows} - texts.keys()))
    return [
        CodedSegment(
            id=CodingId(r[0]),
            source_id=SourceId(r[1]),
            source=r[6],
            code_id=CodeId(r[2]),
            code=paths.get(r[2], "?"),
            coder=r[3],
            start=r[4],
            end=r[5],
            text=texts[r[1]][r[4] : r[5]],
            valence=r[7],
            magnitude=r[8],
            period=r[9],
            event_date=r[10],
            weight=r[11],
            note=r[12],
            source_kind=r[13],
            source_date=r[14],
        )
        for r in rows
    ]
