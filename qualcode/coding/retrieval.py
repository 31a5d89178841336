"""Coded segments: codings joined with their source, code path, coder and text.

This is what a researcher means by "the excerpts of a code": the basis of the
``codings`` listing, retrieval views and excerpt exports. Each source's text is
read once, however many of its codings are listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

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
    c = t.coding.c
    q = (
        select(
            c.id,
            c.source_id,
            t.source.c.name,
            c.code_id,
            t.coder.c.name,
            c.start_pos,
            c.end_pos,
            c.valence,
            c.magnitude,
            c.period,
            c.event_date,
            c.weight,
            c.note,
            t.source.c.kind,
            t.source.c.date_collected,
        )
        .join(t.source, t.source.c.id == c.source_id)
        .join(t.coder, t.coder.c.id == c.coder_id)
        .order_by(t.source.c.name, c.start_pos, c.end_pos, c.id)
    )
    if sources is not None:
        q = q.where(c.source_id.in_(list(sources)))
    if codes is not None:
        q = q.where(c.code_id.in_(list(codes)))
    if coders is not None:
        q = q.where(t.coder.c.name.in_(list(coders)))
    paths = code_paths(project, all_codes)
    with project.reading() as conn:
        rows = conn.execute(q).all()
    if texts is None:
        texts = {}
    texts.update(project.sources.texts({r[1] for r in rows} - texts.keys()))
    return [
        CodedSegment(
            id=CodingId(r[0]),
            source_id=SourceId(r[1]),
            source=r[2],
            code_id=CodeId(r[3]),
            code=paths.get(r[3], "?"),
            coder=r[4],
            start=r[5],
            end=r[6],
            text=texts[r[1]][r[5] : r[6]],
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
