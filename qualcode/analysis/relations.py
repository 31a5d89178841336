"""Boolean and proximity relations between codings of two codes.

* ``and``: the two ranges overlap (share at least one character);
* ``near``: they overlap or the gap between them is at most ``distance`` characters;
* ``same_turn``: both overlap one speaker turn (a case link range with a speaker) or,
  in a source without turns (a document, field notes), one paragraph (a non-blank
  line): the units agreement uses (:meth:`~qualcode.analysis.corpus.Corpus.units_of`);
* ``not``: used by callers as "a coding of A with no ``and`` partner of B".

Pairs are found per source with a sweep over codings sorted by start, so the
cost grows with the number of actually overlapping codings, not with n².
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from qualcode.analysis.corpus import CODE, END, ID, SRC, START, CodingTuple, Corpus
from qualcode.analysis.spec import RELATIONS
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

Pair = tuple[CodingTuple, CodingTuple]


def check_relation(op: str) -> str:
    """Validate a relation name."""
    if op not in RELATIONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown relation '{op}' (use {allowed})."),
            op=op,
            allowed=", ".join(RELATIONS),
        )
    return op


def pairs(
    corpus: Corpus, codings: Iterable[CodingTuple], op: str, distance: int = 0
) -> Iterator[Pair]:
    """Unordered pairs of codings of different codes that stand in relation ``op``."""
    check_relation(op)
    if op == "same_turn":
        yield from _same_turn(corpus, codings)
        return
    # a stays active while c could still be near it: gap = c.start - a.end <= distance
    slack = distance + 1 if op == "near" else 0
    ordered = sorted(codings, key=lambda c: (c[SRC], c[START], c[END], c[ID]))
    for _, group in groupby(ordered, key=lambda c: c[SRC]):
        active: list[CodingTuple] = []
        for c in group:
            start = c[START]
            active = [a for a in active if a[END] + slack > start]
            for a in active:
                if a[CODE] != c[CODE]:
                    yield (a, c)
            active.append(c)


def _same_turn(corpus: Corpus, codings: Iterable[CodingTuple]) -> Iterator[Pair]:
    by_turn: dict[tuple[object, ...], list[CodingTuple]] = {}
    for c in codings:
        for unit in corpus.units_of(c):
            by_turn.setdefault(unit, []).append(c)
    seen: set[tuple[int, int]] = set()
    for members in by_turn.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a[CODE] == b[CODE]:
                    continue
                key = (min(a[ID], b[ID]), max(a[ID], b[ID]))
                if key not in seen:
                    seen.add(key)
                    yield (a, b)


def partners(
    corpus: Corpus,
    left: list[CodingTuple],
    right: list[CodingTuple],
    op: str,
    distance: int = 0,
) -> dict[int, set[int]]:
    """For each coding of ``left``: ids of ``right`` codings related to it (``not``: ``and``)."""
    base = "and" if op == "not" else op
    left_ids = {c[ID] for c in left}
    right_ids = {c[ID] for c in right}
    merged = {c[ID]: c for c in left}
    merged.update({c[ID]: c for c in right})
    out: dict[int, set[int]] = {i: set() for i in left_ids}
    for a, b in pairs(corpus, merged.values(), base, distance):
        if a[ID] in left_ids and b[ID] in right_ids:
            out[a[ID]].add(b[ID])
        if b[ID] in left_ids and a[ID] in right_ids:
            out[b[ID]].add(a[ID])
    return out


def keep_related(
    corpus: Corpus,
    left: list[CodingTuple],
    right: list[CodingTuple],
    op: str,
    distance: int = 0,
) -> list[CodingTuple]:
    """Codings of ``left`` related to some coding of ``right`` (or, for ``not``, to none)."""
    found = partners(corpus, left, right, op, distance)
    if op == "not":
        return [c for c in left if not found[c[ID]]]
    return [c for c in left if found[c[ID]]]
