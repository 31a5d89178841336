"""Intercoder agreement: percent agreement, Cohen's kappa and Krippendorff's alpha.

Every code is a separate binary judgement (has the code / has not) made by
every coder on every unit of the sources all coders coded:

* character level: a unit is one character of a source's text;
* segment level: a unit is a speaker turn (a case link range with a speaker),
  or a paragraph (a non-blank line) in a source without turns; a coder marks a
  segment with a code when one of their codings of that code overlaps it.

Cohen's kappa (two coders) is ``(po - pe) / (1 - pe)`` with ``pe`` from each
coder's *own* marginals: ``pe = pA·pB + (1 - pA)(1 - pB)``. Krippendorff's
alpha (nominal, any number of coders) is ``1 - (n - 1)·o01 / (n0·n1)`` from the
coincidence matrix of the binary values. The "overall" figures pool every
(unit, code) judgement. Characters are counted by interval arithmetic, never
one by one, so 200k codings take well under a second.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select

from qualcode.analysis.corpus import CODE, CODER, END, SRC, START, Corpus, load_corpus
from qualcode.analysis.engine import check_cancel
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.sources.batch import Progress

LEVELS = ("character", "segment")
Hist = dict[int, float]  # coder bitmask -> units (characters or segments)


@dataclass(frozen=True, slots=True)
class CodeAgreement:
    """Agreement on one code (or pooled over all codes for ``code_id`` None)."""

    code_id: int | None
    code: str
    units: float
    percent_agreement: float | None
    kappa: float | None
    alpha: float | None
    coded: dict[str, float]  # units each coder marked
    ac1: float | None = None  # Gwet's AC1
    psa: float | None = None  # positive specific agreement
    ci: dict[str, tuple[float, float]] = field(default_factory=dict)  # 95% bootstrap intervals


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A stretch where coders differ on a code."""

    source_id: int
    source: str
    start: int
    end: int
    code_id: int
    code: str
    coders_with: tuple[str, ...]
    coders_without: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Agreement figures per code, pooled, and the list of disagreements."""

    coders: tuple[str, ...]
    level: str
    source_ids: tuple[int, ...]
    codes: tuple[CodeAgreement, ...]
    overall: CodeAgreement
    disagreements: tuple[Disagreement, ...]
    scope: str = "sources"  # "sample" (the check sample), "sources" (every coder coded) or "chosen"
    scope_text: str = ""  # the scope in words, for methods sections and outputs
    unit: str = ""  # the unit in words
    units: int = 0  # segments (turns/paragraphs) the figures are computed over
    sample: dict[str, Any] | None = None  # how the check sample was drawn
    partially_coded: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (source, who coded it)
    per_source: tuple[tuple[str, CodeAgreement], ...] = ()  # pooled figures per source


# -- statistics on a histogram of coder patterns ----------------------------------------
def percent_agreement(hist: Hist, m: int) -> float | None:
    """Share of units on which all ``m`` coders agree."""
    total = sum(hist.values())
    if not total:
        return None
    full = (1 << m) - 1
    return (hist.get(0, 0) + hist.get(full, 0)) / total


def cohen_kappa(hist: Hist) -> float | None:
    """Cohen's kappa of two coders (bits 1 and 2); None when undefined (pe = 1)."""
    total = sum(hist.values())
    if not total:
        return None
    both, only_a, only_b = hist.get(3, 0), hist.get(1, 0), hist.get(2, 0)
    neither = hist.get(0, 0)
    po = (both + neither) / total
    pa, pb = (both + only_a) / total, (both + only_b) / total
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1:
        return None
    return (po - pe) / (1 - pe)


def krippendorff_alpha(hist: Hist, m: int) -> float | None:
    """Krippendorff's alpha (nominal) of binary values, every coder rating every unit."""
    if m < 2:
        return None
    o01 = n0 = n1 = 0.0
    for mask, weight in hist.items():
        ones = bin(mask).count("1")
        zeros = m - ones
        o01 += weight * ones * zeros / (m - 1)
        n1 += weight * ones
        n0 += weight * zeros
    n = n0 + n1
    if n0 == 0 or n1 == 0:
        return None
    return 1 - (n - 1) * o01 / (n0 * n1)


# -- units --------------------------------------------------------------------------------
def atoms(intervals: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Split (start, end, coder bit) intervals into stretches with one coder bitmask each."""
    if len(intervals) == 1:  # the common case: one coding of this code in this source
        return list(intervals)
    events = []
    for a, b, bit in intervals:
        events.append((a, 1, bit))
        events.append((b, -1, bit))
    events.sort()
    depth: dict[int, int] = defaultdict(int)
    mask, prev, out = 0, None, []
    for pos, delta, bit in events:
        if prev is not None and pos > prev and mask:
            out.append((prev, pos, mask))
        depth[bit] += delta
        mask = mask | bit if depth[bit] > 0 else mask & ~bit
        prev = pos
    return out


_LINE = re.compile(r"[^\n]+")


def segments(corpus: Corpus, source_id: int, text: str) -> list[tuple[int, int]]:
    """Speaker turns of a source, or its non-blank lines when it has no turns."""
    turns = sorted({(lk[0], lk[1]) for lk in corpus.range_links.get(source_id, ()) if lk[3]})
    if turns:
        return turns
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


# -- the report ---------------------------------------------------------------------------
def agreement(
    project: Project,
    coders: Sequence[str],
    *,
    level: str = "character",
    sources: Sequence[int] | None = None,
    codes: Sequence[int] | None = None,
    over: str = "auto",
    disagreement_limit: int | None = 1000,
    intervals: bool = True,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> AgreementReport:
    """Agreement between ``coders`` (names) over the check sample or the sources all coded.

    ``over``: ``"sample"`` (the project's check sample; an error without one),
    ``"sources"`` (the sources every compared coder coded) or ``"auto"`` (the
    sample when the project has one). Explicit ``sources`` narrow either.
    ``intervals`` adds 95% bootstrap intervals (units resampled, fixed seed).
    ``cancel()`` is checked per source (raising :class:`CancelledError`, no
    report); ``progress(sources done, sources in scope, "")`` is reported then.
    """
    from qualcode.analysis.check_sample import check_sample

    check_cancel(cancel)
    if level not in LEVELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Agreement is measured per {allowed}, not '{value}'."),
            allowed=", ".join(LEVELS),
            value=level,
        )
    if over not in OVER:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Agreement is computed over {allowed}, not '{value}'."),
            allowed=", ".join(OVER),
            value=over,
        )
    names = list(dict.fromkeys(coders))
    if len(names) < 2:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Agreement needs at least two coders."))
    sample = check_sample(project) if over != "sources" else None
    if over == "sample" and sample is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "This project has no check sample: draw one first.")
        )
    corpus = _load(project, names, sources, codes)
    check_cancel(cancel)
    by_name = {v: k for k, v in corpus.coders.items()}
    for n in names:
        if n not in by_name:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no coder named '{name}'."), name=n
            )
    bit = {by_name[n]: 1 << i for i, n in enumerate(names)}
    m = len(names)
    per_source: dict[int, set[int]] = defaultdict(set)
    for c in corpus.codings:
        per_source[c[SRC]].add(c[CODER])
    partial = tuple(
        (corpus.sources[s][0], tuple(corpus.coders[x] for x in sorted(who, key=bit.__getitem__)))
        for s, who in sorted(per_source.items(), key=lambda kv: corpus.sources[kv[0]][0])
        if 0 < len(who) < m
    )
    sample_units = sample.by_source() if sample is not None else None
    if sample_units is not None:
        scope = sorted(s for s in sample_units if sources is None or s in set(sources))
        kind = "sample"
    elif sources is None:
        scope = sorted(s for s, who in per_source.items() if len(who) == m)
        kind = "sources"
    else:
        scope = sorted(sources)
        kind = "chosen"
    in_scope = set(scope)
    rank = {cid: i for i, cid in enumerate(corpus.code_order)}
    code_ids = list(codes) if codes is not None else sorted(
        {c[CODE] for c in corpus.codings if c[SRC] in in_scope}, key=rank.__getitem__
    )  # fmt: skip
    grouped: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    inside = _in_sample(sample_units) if sample_units is not None else None
    for c in corpus.codings:
        if c[SRC] in in_scope and (inside is None or inside(c[SRC], c[START], c[END])):
            grouped[(c[SRC], c[CODE])].append((c[START], c[END], bit[c[CODER]]))

    texts = _texts(project, scope) if sample_units is None else {}  # a sample lists its units
    check_cancel(cancel)
    units = _Units(corpus, scope, texts, sample_units, level)
    code_index = {code: k for k, code in enumerate(code_ids)}
    cells: dict[tuple[int, int, int], float] = defaultdict(float)  # (code, block, mask) -> units
    stretches: list[tuple[int, int, int, int, int]] = []  # source, start, end, code, mask
    everyone = (1 << m) - 1
    step = _Steps(len(scope), progress, cancel)
    current = None
    for (sid, code), found in grouped.items():
        if sid != current:
            current = sid
            step.next()
        k = code_index.get(code)
        if k is None:
            continue
        if level == "character":
            pieces = found if len(found) == 1 else atoms(found)
            for block, a, b, mask in units.characters(sid, pieces):
                cells[(k, block, mask)] += b - a
                if mask != everyone:
                    stretches.append((sid, a, b, code, mask))
        else:
            for block, a, b, mask in units.segments(sid, found):
                cells[(k, block, mask)] += 1
                if mask != everyone:
                    stretches.append((sid, a, b, code, mask))
    step.finish()

    sizes = np.asarray(units.sizes, dtype=float)
    patterns = 1 << m
    hists = np.zeros((len(code_ids), patterns))
    for (k, _block, mask), w in cells.items():
        hists[k, mask] += w
    hists[:, 0] = sizes.sum() - hists[:, 1:].sum(axis=1)
    pooled = hists.sum(axis=0)
    ci_codes: list[dict[str, tuple[float, float]]] = [{} for _ in code_ids]
    ci_pooled: dict[str, tuple[float, float]] = {}
    if intervals and len(sizes) > 1:
        ci_pooled, ci_codes = _intervals(cells, sizes, len(code_ids), m)
    per_code = _all_figures(code_ids, corpus, hists, names, m, ci_codes)
    overall = _figures(None, "(all codes)", pooled, names, m, ci_pooled)
    breakdown = _per_source(cells, units, scope, len(code_ids), m, names, corpus)
    stretches.sort(key=itemgetter(0, 3, 1, 2))
    merged = _merge(stretches)
    merged.sort(key=lambda s: (corpus.sources[s[0]][0], s[1], s[2], s[3]))
    if disagreement_limit is not None:
        merged = merged[:disagreement_limit]
    disagreements = tuple(
        Disagreement(
            sid,
            corpus.sources[sid][0],
            a,
            b,
            code,
            corpus.code_path(code),
            tuple(n for i, n in enumerate(names) if mask >> i & 1),
            tuple(n for i, n in enumerate(names) if not mask >> i & 1),
        )
        for sid, a, b, code, mask in merged
    )
    return AgreementReport(
        tuple(names),
        level,
        tuple(scope),
        per_code,
        overall,
        disagreements,
        scope=kind,
        scope_text=_scope_text(kind, sample, len(scope), names),
        unit=UNIT_TEXT[level],
        units=units.count,
        sample=sample.to_dict() | {"description": sample.describe()} if sample else None,
        partially_coded=partial,
        per_source=breakdown,
    )


def _in_sample(units: dict[int, list[tuple[int, int]]]) -> Callable[[int, int, int], bool]:
    """Whether a range overlaps a sampled unit: codings outside the sample never count, so
    they are not grouped or placed at all (on a 20 % sample, most codings)."""
    spans = {sid: sorted(found) for sid, found in units.items()}
    ends = {sid: list(accumulate((b for _a, b in found), max)) for sid, found in spans.items()}

    def inside(sid: int, start: int, end: int) -> bool:
        found = ends.get(sid)
        if not found:
            return False
        i = bisect_right(found, start)  # the first unit ending after start (ends: running max)
        return i < len(found) and spans[sid][i][0] < end

    return inside


def _load(
    project: Project, names: list[str], sources: Sequence[int] | None, codes: Sequence[int] | None
) -> Corpus:
    """The project's facts and the compared coders' codings as (id, source, code, coder,
    start, end) tuples: the fields agreement reads, far cheaper than full coding tuples."""
    from qualcode.analysis.corpus import coding_conditions

    corpus = load_corpus(project, {"codes": []})
    c = t.coding.c
    query = (
        select(c.id, c.source_id, c.code_id, c.coder_id, c.start_pos, c.end_pos)
        .where(*coding_conditions({"coders": names, "sources": sources}, codes))
        .order_by(c.source_id, c.start_pos, c.end_pos, c.id)
    )
    with project.reading() as conn:
        result = conn.execute(query)
        raw = getattr(result, "cursor", None)
        # plain integer columns: the driver's tuples as they come, no per-row Row objects
        # (200k rows: about a third of the load)
        rows = raw.fetchall() if raw is not None else result.all()
        corpus.codings = [tuple(r) for r in rows]
    return corpus


OVER = ("auto", "sample", "sources")
UNIT_TEXT = {
    "character": "characters (within speaker turns or paragraphs)",
    "segment": "speaker turns, or paragraphs in sources without turns",
}


def _scope_text(kind: str, sample: Any, n_sources: int, names: list[str]) -> str:
    if kind == "sample":
        return f"the check sample ({sample.describe()})"
    if kind == "sources":
        return f"the {n_sources} sources coded by every compared coder ({', '.join(names)})"
    return f"{n_sources} chosen sources"


class _Units:
    """The units of each source in scope and the blocks they fall in.

    A block is what the bootstrap resamples: one segment (speaker turn or
    paragraph). Over the check sample only its units count; over whole sources
    the characters outside every segment (headers, blank lines) form one more
    block per source at the character level, so every character counts.
    """

    def __init__(
        self,
        corpus: Corpus,
        scope: Sequence[int],
        texts: dict[int, str],
        sample: dict[int, list[tuple[int, int]]] | None,
        level: str,
    ) -> None:
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.first: dict[int, int] = {}
        self.rest: dict[int, int] = {}  # source -> its block of characters outside segments
        self.sizes: list[float] = []
        self.count = 0
        self.block_source: list[int] = []
        for sid in scope:
            spans = sample[sid] if sample is not None else segments(corpus, sid, texts.get(sid, ""))
            self.spans[sid] = spans
            self.first[sid] = len(self.sizes)
            self.count += len(spans)
            for a, b in spans:
                self.sizes.append(float(b - a) if level == "character" else 1.0)
                self.block_source.append(sid)
            if level == "character" and sample is None:
                inside = sum(b - a for a, b in spans)
                self.rest[sid] = len(self.sizes)
                self.sizes.append(float(corpus.sources[sid][3] - inside))
                self.block_source.append(sid)
        self._ends = {sid: [b for _, b in spans] for sid, spans in self.spans.items()}

    def characters(
        self, sid: int, pieces: Sequence[tuple[int, int, int]]
    ) -> Iterator[tuple[int, int, int, int]]:
        """(block, start, end, mask) of each atom's part in a unit (and the rest block)."""
        spans, ends, first = self.spans[sid], self._ends[sid], self.first[sid]
        rest = self.rest.get(sid)
        for a, b, mask in pieces:
            covered = 0
            i = bisect_right(ends, a)
            while i < len(spans) and spans[i][0] < b:
                x, y = max(a, spans[i][0]), min(b, spans[i][1])
                if y > x:
                    covered += y - x
                    yield first + i, x, y, mask
                i += 1
            if rest is not None and covered < b - a:
                yield rest, a, a + (b - a - covered), mask

    def segments(
        self, sid: int, found: Sequence[tuple[int, int, int]]
    ) -> Iterator[tuple[int, int, int, int]]:
        """(block, start, end, mask) of each unit a coding of this code overlaps."""
        spans, ends, first = self.spans[sid], self._ends[sid], self.first[sid]
        masks: dict[int, int] = defaultdict(int)
        for x, y, cb in found:
            i = bisect_right(ends, x)
            while i < len(spans) and spans[i][0] < y:
                masks[i] |= cb
                i += 1
        for i, mask in masks.items():
            yield first + i, spans[i][0], spans[i][1], mask


def _intervals(
    cells: dict[tuple[int, int, int], float], sizes: Any, n_codes: int, m: int
) -> tuple[dict[str, tuple[float, float]], list[dict[str, tuple[float, float]]]]:
    """Bootstrap intervals, pooled and per code, with the same resampled units for all.

    Each replicate draws the units with replacement; a unit's weight is how often
    it was drawn, so a replicate's histograms are the weighted sums of the units'
    rows: one sparse product per batch of replicates for every code at once.
    """
    from scipy.sparse import csr_matrix

    from qualcode.analysis.agreement_stats import BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, percentile

    units = len(sizes)
    patterns = 1 << m
    keys = list(cells)
    rows = np.fromiter((b for _k, b, _m in keys), dtype=np.int64, count=len(keys))
    cols = np.fromiter((k * patterns + mask for k, _b, mask in keys), dtype=np.int64,
                       count=len(keys))  # fmt: skip
    vals = np.fromiter(cells.values(), dtype=float, count=len(keys))
    matrix = csr_matrix((vals, (rows, cols)), shape=(units, n_codes * patterns)).T.tocsr()
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    reps = np.zeros((BOOTSTRAP_REPLICATES, n_codes, patterns))
    done = 0
    while done < BOOTSTRAP_REPLICATES:
        size = min(100, BOOTSTRAP_REPLICATES - done)
        draws = rng.integers(0, units, size=(size, units))
        offsets = (np.arange(size) * units)[:, None]
        counts = np.bincount((draws + offsets).ravel(), minlength=size * units)
        weights = counts.reshape(size, units).astype(float)
        part = (matrix @ weights.T).T.reshape(size, n_codes, patterns)
        part[:, :, 0] = (weights @ sizes)[:, None] - part[:, :, 1:].sum(axis=2)
        reps[done : done + size] = part
        done += size
    per_code = percentile(np.moveaxis(reps, 1, 0), m)
    pooled = percentile(reps.sum(axis=1), m)
    return pooled[0] if pooled else {}, per_code


def _per_source(
    cells: dict[tuple[int, int, int], float],
    units: _Units,
    scope: Sequence[int],
    n_codes: int,
    m: int,
    names: list[str],
    corpus: Corpus,
) -> tuple[tuple[str, CodeAgreement], ...]:
    """Pooled figures of each source (its units × every code)."""
    hists: dict[int, Any] = {sid: np.zeros(1 << m) for sid in scope}
    for (_k, block, mask), w in cells.items():
        hists[units.block_source[block]][mask] += w
    size: defaultdict[int, float] = defaultdict(float)
    for block, sid in enumerate(units.block_source):
        size[sid] += units.sizes[block]
    from qualcode.analysis.agreement_stats import as_float, coefficients

    order = sorted(scope, key=lambda s: corpus.sources[s][0])
    if not order:
        return ()
    stacked = np.stack([hists[sid] for sid in order])
    stacked[:, 0] = np.array([size[sid] * n_codes for sid in order]) - stacked[:, 1:].sum(axis=1)
    figures = coefficients(stacked, m)
    out = []
    for g, sid in enumerate(order):
        h = stacked[g]
        out.append((corpus.sources[sid][0], CodeAgreement(
            code_id=None,
            code=corpus.sources[sid][0],
            units=float(h.sum()),
            percent_agreement=as_float(figures["percent_agreement"][g]),
            kappa=as_float(figures["kappa"][g]) if m == 2 else None,
            alpha=as_float(figures["alpha"][g]),
            coded={n: float(sum(h[x] for x in range(len(h)) if x >> i & 1))
                   for i, n in enumerate(names)},
            ac1=as_float(figures["ac1"][g]),
            psa=as_float(figures["psa"][g]),
        )))  # fmt: skip
    return tuple(out)


class _Steps:
    """Cancel checks and progress as the grouped codings (in source order) reach each source."""

    def __init__(
        self, total: int, progress: Progress | None, cancel: Callable[[], bool] | None
    ) -> None:
        self.total, self.done = total, 0
        self._progress, self._cancel = progress, cancel

    def next(self) -> None:
        """The loop reached the next source: stop if cancelled, else report."""
        check_cancel(self._cancel)
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total, "")
        self.done += 1

    def finish(self) -> None:
        """Every source is done."""
        check_cancel(self._cancel)
        if self._progress is not None:
            self._progress(self.total, self.total, "")


def _all_figures(
    code_ids: list[int],
    corpus: Corpus,
    hists: Any,
    names: list[str],
    m: int,
    cis: list[dict[str, tuple[float, float]]],
) -> tuple[CodeAgreement, ...]:
    """Figures of every code, the coefficients computed for all codes at once."""
    from qualcode.analysis.agreement_stats import as_float, coefficients

    if not code_ids:
        return ()
    figures = coefficients(hists, m)
    coded = [hists[:, [mask for mask in range(1 << m) if mask >> i & 1]].sum(axis=1)
             for i in range(m)]  # fmt: skip
    return tuple(
        CodeAgreement(
            code_id=code,
            code=corpus.code_path(code),
            units=float(hists[k].sum()),
            percent_agreement=as_float(figures["percent_agreement"][k]),
            kappa=as_float(figures["kappa"][k]) if m == 2 else None,
            alpha=as_float(figures["alpha"][k]),
            coded={n: float(coded[i][k]) for i, n in enumerate(names)},
            ac1=as_float(figures["ac1"][k]),
            psa=as_float(figures["psa"][k]),
            ci=cis[k],
        )
        for k, code in enumerate(code_ids)
    )


def _figures(
    code: int | None,
    label: str,
    hist: Any,
    names: list[str],
    m: int,
    ci: dict[str, tuple[float, float]],
) -> CodeAgreement:
    from qualcode.analysis.agreement_stats import as_float, coefficients

    h = np.asarray(hist, dtype=float)
    figures = coefficients(h, m)
    coded = {n: float(sum(h[mask] for mask in range(len(h)) if mask >> i & 1))
             for i, n in enumerate(names)}  # fmt: skip
    return CodeAgreement(
        code_id=code,
        code=label,
        units=float(h.sum()),
        percent_agreement=as_float(figures["percent_agreement"]),
        kappa=as_float(figures["kappa"]) if m == 2 else None,
        alpha=as_float(figures["alpha"]),
        coded=coded,
        ac1=as_float(figures["ac1"]),
        psa=as_float(figures["psa"]),
        ci=ci,
    )


def _merge(stretches: list[tuple[int, int, int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """Join touching stretches of the same source, code and coder pattern."""
    out: list[tuple[int, int, int, int, int]] = []
    for s in stretches:
        if (
            out
            and out[-1][0] == s[0]
            and out[-1][3] == s[3]
            and out[-1][4] == s[4]
            and out[-1][2] == s[1]
        ):
            last = out[-1]
            out[-1] = (last[0], last[1], s[2], last[3], last[4])
        else:
            out.append(s)
    return out


def _texts(project: Project, source_ids: Sequence[int]) -> dict[int, str]:
    sc = t.source_content.c
    with project.reading() as conn:
        rows = conn.execute(select(sc.source_id, sc.text).where(sc.source_id.in_(list(source_ids))))
        return {r[0]: r[1] for r in rows}
