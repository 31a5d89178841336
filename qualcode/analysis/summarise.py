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


VALENCE_GROUPS = (("supporting", "(+) "), (None, ""), ("inhibiting", "(\u2212) "))
"""Draft lines in order: supporting points, then unmarked or neutral ones, then inhibiting."""
_FILLERS = ("itu kan", "nah", "ya ", "jadi gini", "eee", "hmm", "oh ", "lewat apa", "gitu")
_MIN_WORDS = 3
_NEAR_DUPLICATE = 0.75


def whole(sentence: str) -> bool:
    """A sentence fit for a summary: complete (not a lower-case fragment), not a question,
    not an opening filler, at least three words."""
    text = sentence.strip()
    folded = text.casefold()
    return (
        len(_WORD.findall(text)) >= _MIN_WORDS
        and not text.endswith("?")
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“'(")
        and not folded.startswith(_FILLERS)
    )


def draft_summary(excerpts: Iterable[Excerpt], max_sentences: int = 3) -> tuple[str, list[int]]:
    """A draft of a cell: its most central whole sentences and the codings they come from.

    Sentences are whole (see :func:`whole`; a cell of fragments only gets its longest
    statement) and never repeated (a near-duplicate
    of a chosen sentence is skipped); every code in the cell is represented by
    its most central sentence (so ``max_sentences`` may be exceeded for that);
    one sentence a line, grouped by valence: ``(+)`` supporting first, unmarked ones, then
    ``(−)`` inhibiting.
    """
    units: list[tuple[str, Excerpt]] = []
    seen: set[str] = set()
    for e in excerpts:
        for s in sentences(e.text):
            if s.casefold() not in seen:
                seen.add(s.casefold())
                units.append((s, e))
    if not units:
        return "", []
    bags = [words(s) for s, _ in units]
    scores = centrality(bags)
    ranked = [i for i in sorted(range(len(units)), key=lambda i: (-scores[i], i))
              if whole(units[i][0])]  # fmt: skip
    if not ranked:  # only fragments: the longest statement, else the longest sentence
        statements = [i for i in range(len(units)) if not units[i][0].endswith("?")]
        pool = statements or list(range(len(units)))
        ranked = [max(pool, key=lambda i: (len(_WORD.findall(units[i][0])), -i))]
    chosen: list[int] = []

    def take(i: int) -> None:
        if i in chosen:
            return
        for j in chosen:
            union = len(bags[i] | bags[j])
            if union and len(bags[i] & bags[j]) / union >= _NEAR_DUPLICATE:
                return
        chosen.append(i)

    for code in dict.fromkeys(units[i][1].code_id for i in ranked):
        take(next(i for i in ranked if units[i][1].code_id == code))
    for i in ranked:
        if len(chosen) >= max_sentences:
            break
        take(i)
    lines: list[str] = []
    for valence, mark in VALENCE_GROUPS:
        group = sorted(i for i in chosen if _group(units[i][1].valence) == valence)
        lines.extend(mark + units[i][0] for i in group)
    ids = list(dict.fromkeys(units[i][1].coding_id for i in sorted(chosen)))
    return "\n".join(lines), ids


def _group(valence: str | None) -> str | None:
    return valence if valence in ("supporting", "inhibiting") else None


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
