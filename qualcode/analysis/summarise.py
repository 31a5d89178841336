"""Extractive helpers for cells: draft summaries and best quotes (ratings: :mod:`ratings`).

Drafts are extractive on purpose: the researcher writes the summary; the tool
only proposes the sentences most central to the cell. A sentence's centrality
is the sum of its word overlap (Jaccard similarity of content-word sets) with
every other sentence of the cell, so sentences that say what the others say
rank first and outliers rank last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qualcode.analysis.excerpts import Excerpt

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_STOP = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "itu",
        "ini",
        "dengan",
        "untuk",
        "pada",
        "adalah",
        "sudah",
        "belum",
        "masih",
        "juga",
        "karena",
        "jadi",
        "ya",
        "eee",
        "nah",
        "gitu",
        "kami",
        "kita",
        "mereka",
        "saya",
        "bapak",
        "ibu",
        "akan",
        "ada",
        "tidak",
        "bisa",
        "atau",
        "dalam",
        "oleh",
        "sebagai",
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "are",
        "was",
        "were",
        "that",
        "this",
        "for",
        "with",
        "on",
        "as",
        "be",
        "it",
        "by",
        "at",
        "or",
        "not",
    ]
)


def words(text: str) -> frozenset[str]:
    """Content words of ``text``: lower-cased, three letters or more, stopwords removed."""
    return frozenset(
        w
        for w in (m.group().casefold() for m in _WORD.finditer(text))
        if len(w) > 2 and w not in _STOP
    )


def sentences(text: str) -> list[str]:
    """Sentences (or lines) of ``text``, stripped, empty ones dropped."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def centrality(bags: Sequence[frozenset[str]]) -> list[float]:
    """Sum of Jaccard similarities of each bag with every other bag."""
    scores = [0.0] * len(bags)
    for i, a in enumerate(bags):
        for j in range(i + 1, len(bags)):
            b = bags[j]
            union = len(a | b)
            if union:
                sim = len(a & b) / union
                scores[i] += sim
                scores[j] += sim
    return scores


def draft_summary(excerpts: Iterable[Excerpt], max_sentences: int = 3) -> tuple[str, list[int]]:
    """The most central sentences of a cell's excerpts, in text order, and their coding ids."""
    units: list[tuple[str, int]] = []
    seen: set[str] = set()
    for e in excerpts:
        for s in sentences(e.text):
            if s.casefold() not in seen:
                seen.add(s.casefold())
                units.append((s, e.coding_id))
    if not units:
        return "", []
    scores = centrality([words(s) for s, _ in units])
    ranked = sorted(range(len(units)), key=lambda i: (-scores[i], i))[:max_sentences]
    chosen = sorted(ranked)
    text = " ".join(units[i][0] for i in chosen)
    ids = list(dict.fromkeys(units[i][1] for i in chosen))
    return text, ids


def best_quote(cell: Sequence[Excerpt], levels: Mapping[str, int] | None = None) -> Excerpt | None:
    """The cell's best illustrative quote.

    "Best" = (1) its magnitude matches the cell's rating (it illustrates the
    rating), then (2) most representative: highest centrality among the cell's
    excerpts, then (3) quotable: 15–60 words preferred, nearest that range
    otherwise, then (4) first in source order.
    """
    from qualcode.analysis.ratings import RATINGS, level, rate

    if not cell:
        return None
    target = RATINGS.index(rate([(e.magnitude, e.valence) for e in cell], levels).computed)
    scores = centrality([words(e.text) for e in cell])

    def length_penalty(e: Excerpt) -> int:
        n = len(_WORD.findall(e.text))
        return 0 if 15 <= n <= 60 else (15 - n if n < 15 else n - 60)

    order = sorted(
        range(len(cell)),
        key=lambda i: (
            level(cell[i].magnitude, cell[i].valence, levels) != target,
            -round(scores[i], 9),
            length_penalty(cell[i]),
            i,
        ),
    )
    return cell[order[0]]
