"""The check sample: the units a second coder re-codes for the intercoder check.

Methods chapters report agreement over the part of the data the check coder
actually coded (O'Connor & Joffe 2020: 10–25 % of the units, drawn at random or
stratified by source). A project holds one check sample: a list of units —
speaker turns, or paragraphs (non-blank lines) in a source without turns, the
same units as segment-level agreement — drawn reproducibly (a fraction, a seed,
optionally stratified by source) or listed by hand. It is stored in
``project_info`` as JSON and changed by one undoable operation.

Drawing: units of every source with text, in source-id and text order. Stratified,
each source gives ``round(fraction × its units)`` (at least one) chosen by
``random.Random(f"{seed}:{source id}")``; otherwise ``round(fraction × all
units)`` are chosen from the pool by ``random.Random(seed)``. The same project,
fraction and seed always give the same sample.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.changes import ChangeSet
    from qualcode.project import Project

CHECK_SAMPLE_KEY = "check_sample"
Unit = tuple[int, int, int]  # source id, start, end


@dataclass(frozen=True, slots=True)
class CheckSample:
    """The units of the check sample and how they were chosen."""

    units: tuple[Unit, ...]
    method: str  # "random", "stratified" or "manual"
    fraction: float | None = None
    seed: int | None = None
    coders: tuple[str, ...] = field(default=())  # who re-coded it (informative)

    def by_source(self) -> dict[int, list[tuple[int, int]]]:
        """Unit ranges per source, in text order."""
        out: dict[int, list[tuple[int, int]]] = {}
        for sid, a, b in sorted(self.units):
            out.setdefault(sid, []).append((a, b))
        return out

    def describe(self) -> str:
        """How the sample was drawn, in one English phrase."""
        n, sources = len(self.units), len({u[0] for u in self.units})
        if self.method == "manual":
            return f"{n} units in {sources} sources, chosen by hand"
        how = "stratified by source" if self.method == "stratified" else "simple random"
        return (
            f"{n} units in {sources} sources, {how}, {self.fraction:.0%} of units, seed {self.seed}"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (units as [source id, start, end])."""
        return {
            "method": self.method,
            "fraction": self.fraction,
            "seed": self.seed,
            "coders": list(self.coders),
            "units": [list(u) for u in self.units],
        }


def check_sample(project: Project) -> CheckSample | None:
    """The project's check sample, or None."""
    with project.reading() as conn:
        raw = conn.execute(
            select(t.project_info.c.value).where(t.project_info.c.key == CHECK_SAMPLE_KEY)
        ).scalar()
    if not raw:
        return None
    data = json.loads(raw)
    return CheckSample(
        units=tuple((int(s), int(a), int(b)) for s, a, b in data.get("units", [])),
        method=str(data.get("method", "manual")),
        fraction=data.get("fraction"),
        seed=data.get("seed"),
        coders=tuple(data.get("coders") or ()),
    )


def source_units(
    project: Project, source_ids: Iterable[int] | None = None
) -> dict[int, list[tuple[int, int]]]:
    """The agreement units of each source: speaker turns, else non-blank lines."""
    from qualcode.analysis.agreement import segments
    from qualcode.analysis.corpus import load_corpus

    corpus = load_corpus(project, {"codes": []})
    wanted = sorted(corpus.sources) if source_ids is None else sorted(set(source_ids))
    sc = t.source_content.c
    with project.reading() as conn:
        texts = dict(conn.execute(select(sc.source_id, sc.text)).all())
    return {sid: segments(corpus, sid, texts.get(sid) or "") for sid in wanted}


def draw_units(
    units: dict[int, list[tuple[int, int]]], fraction: float, seed: int, stratified: bool
) -> list[Unit]:
    """The reproducible draw (see the module docstring)."""
    if not 0 < fraction <= 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A check sample is a fraction above 0 and at most 1, not {value}."
            ),
            value=fraction,
        )
    if stratified:
        out: list[Unit] = []
        for sid in sorted(units):
            pool = units[sid]
            if not pool:
                continue
            k = max(1, round(fraction * len(pool)))
            picked = random.Random(f"{seed}:{sid}").sample(range(len(pool)), k)
            out.extend((sid, *pool[i]) for i in sorted(picked))
        return out
    everything = [(sid, a, b) for sid in sorted(units) for a, b in units[sid]]
    k = max(1, round(fraction * len(everything))) if everything else 0
    return sorted(random.Random(seed).sample(everything, k))


def draw_check_sample(
    project: Project,
    fraction: float,
    *,
    seed: int = 1,
    stratified: bool = True,
    coders: Sequence[str] = (),
) -> ChangeSet[CheckSample]:
    """Draw and store the check sample (replacing any earlier one): one undoable operation."""
    units = draw_units(source_units(project), fraction, seed, stratified)
    sample = CheckSample(
        tuple(units), "stratified" if stratified else "random", fraction, seed, tuple(coders)
    )
    return _store(project, sample)


def set_check_sample(
    project: Project, units: Iterable[Unit], *, coders: Sequence[str] = ()
) -> ChangeSet[CheckSample]:
    """Store a check sample listed by hand (units must be agreement units of their source)."""
    wanted = sorted(set(units))
    known = source_units(project, {u[0] for u in wanted})
    bad = [u for u in wanted if (u[1], u[2]) not in set(known.get(u[0], []))]
    if bad:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Not a speaker turn or paragraph of its source: {units}."),
            units=", ".join(f"{s}:{a}-{b}" for s, a, b in bad[:5]),
        )
    return _store(project, CheckSample(tuple(wanted), "manual", coders=tuple(coders)))


def units_coded_by(project: Project, coder: str) -> list[Unit]:
    """The units a coder's codings touch: the check sample a check coder actually re-coded."""
    from qualcode.analysis.corpus import END, SRC, START, load_corpus

    corpus = load_corpus(project, {"coders": [coder]})
    rows: list[Any] = list(corpus.codings)  # tuples indexed by field constants
    ranges = [(int(c[SRC]), int(c[START]), int(c[END])) for c in rows]
    spans = source_units(project, {sid for sid, _, _ in ranges})
    out: set[Unit] = set()
    for sid, start, end in ranges:
        for a, b in spans.get(sid, []):
            if a < end and b > start:
                out.add((sid, a, b))
    return sorted(out)


def clear_check_sample(project: Project) -> ChangeSet[None]:
    """Remove the check sample (agreement then runs over the sources every coder coded)."""
    with project.operation(
        "analysis.check_sample", QT_TRANSLATE_NOOP("operations", "Clear check sample")
    ) as op:
        op.delete_where(t.project_info, t.project_info.c.key == CHECK_SAMPLE_KEY)
        op.note(check_sample=None)
    return op.changeset


def _store(project: Project, sample: CheckSample) -> ChangeSet[CheckSample]:
    value = json.dumps(sample.to_dict(), ensure_ascii=False)
    with project.operation(
        "analysis.check_sample", QT_TRANSLATE_NOOP("operations", "Set check sample")
    ) as op:
        op.delete_where(t.project_info, t.project_info.c.key == CHECK_SAMPLE_KEY)
        op.insert(t.project_info, {"key": CHECK_SAMPLE_KEY, "value": value})
        op.note(check_sample=sample.describe())
        op.result = sample
    return op.changeset
