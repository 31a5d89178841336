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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

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
    disagreement_limit: int | None = 1000,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> AgreementReport:
    """Agreement between ``coders`` (names) on the sources every one of them coded.

    ``cancel()`` is checked per source (raising :class:`CancelledError`, no
    report); ``progress(sources done, sources in scope, "")`` is reported then.
    """
    check_cancel(cancel)
    if level not in LEVELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Agreement is measured per {allowed}, not '{value}'."),
            allowed=", ".join(LEVELS),
            value=level,
        )
    names = list(dict.fromkeys(coders))
    if len(names) < 2:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Agreement needs at least two coders."))
    corpus = load_corpus(project, {"coders": names, "sources": sources, "codes": codes,
                                   "descendants": False})  # fmt: skip
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
    if sources is None:
        scope = sorted(s for s, who in per_source.items() if len(who) == m)
    else:
        scope = sorted(sources)
    in_scope = set(scope)
    rank = {cid: i for i, cid in enumerate(corpus.code_order)}
    code_ids = list(codes) if codes is not None else sorted(
        {c[CODE] for c in corpus.codings if c[SRC] in in_scope}, key=rank.__getitem__
    )  # fmt: skip
    grouped: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for c in corpus.codings:
        if c[SRC] in in_scope:
            grouped[(c[SRC], c[CODE])].append((c[START], c[END], bit[c[CODER]]))

    hists: dict[int, Hist] = {k: defaultdict(float) for k in code_ids}
    stretches: list[tuple[int, int, int, int, int]] = []  # source, start, end, code, mask
    everyone = (1 << m) - 1
    step = _Steps(len(scope), progress, cancel)
    current = None
    if level == "character":
        total_units = float(sum(corpus.sources[s][3] for s in scope))
        for (sid, code), intervals in grouped.items():
            if sid != current:
                current = sid
                step.next()
            hist = hists.get(code)
            if hist is None:
                continue
            # most groups hold one coding: it is its own atom
            for a, b, mask in intervals if len(intervals) == 1 else atoms(intervals):
                hist[mask] += b - a
                if mask != everyone:
                    stretches.append((sid, a, b, code, mask))
        for h in hists.values():
            h[0] += total_units - sum(h.values())
    else:
        texts = _texts(project, scope)
        check_cancel(cancel)
        segs = {sid: segments(corpus, sid, texts[sid]) for sid in scope}
        total_units = float(sum(len(v) for v in segs.values()))
        for (sid, code), intervals in grouped.items():
            if sid != current:
                current = sid
                step.next()
            if code not in hists:
                continue
            units = segs[sid]
            ends = [b for _, b in units]
            masks: dict[int, int] = defaultdict(int)
            for x, y, cb in intervals:
                i = bisect_right(ends, x)
                while i < len(units) and units[i][0] < y:
                    masks[i] |= cb
                    i += 1
            for i, mask in masks.items():
                hists[code][mask] += 1
                if mask != everyone:
                    stretches.append((sid, units[i][0], units[i][1], code, mask))
        for h in hists.values():
            h[0] += total_units - sum(h.values())

    step.finish()
    per_code = tuple(
        _figures(code, corpus.code_path(code), hists[code], names, m) for code in code_ids
    )
    pooled: Hist = defaultdict(float)
    for h in hists.values():
        for mask, w in h.items():
            pooled[mask] += w
    overall = _figures(None, "(all codes)", pooled, names, m)
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
    return AgreementReport(tuple(names), level, tuple(scope), per_code, overall, disagreements)


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


def _figures(code: int | None, label: str, hist: Hist, names: list[str], m: int) -> CodeAgreement:
    coded = {n: sum(w for mask, w in hist.items() if mask >> i & 1) for i, n in enumerate(names)}
    return CodeAgreement(
        code_id=code,
        code=label,
        units=sum(hist.values()),
        percent_agreement=percent_agreement(hist, m),
        kappa=cohen_kappa(hist) if m == 2 else None,
        alpha=krippendorff_alpha(hist, m),
        coded=coded,
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
