"""Weighted counts: a display cell counting each coding by its evidence ``weight``.

A coding may carry a weight (``qualcode coding set --weight``, REFI-QDA
"Weight"): how strongly the passage evidences its code. With the ``weighted``
measure a cell is the sum of its codings' weights instead of their number, by
one documented rule:

* a number ("2", "0.5", "3,0") counts as that number rounded to a whole number
  (half up; never below 0);
* words count 3 for strong (kuat, tinggi, high, strong), 2 for moderate
  (sedang, medium, moderate) and 1 for weak (lemah, rendah, low, weak);
* a coding without a weight, or with another word, counts 1 — as in a plain
  count, so weighting only ever adds emphasis the researcher recorded.

Passages coded by several coders count once, with the largest weight among
their codings (the passage rule of :mod:`qualcode.analysis.scope`).
"""

from __future__ import annotations

from math import floor
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.analysis.corpus import Corpus
    from qualcode.analysis.engine import CellIds
    from qualcode.project import Project

WEIGHT_WORDS = {
    "strong": 3, "kuat": 3, "tinggi": 3, "high": 3, "sangat kuat": 3,
    "moderate": 2, "medium": 2, "sedang": 2, "cukup": 2,
    "weak": 1, "lemah": 1, "rendah": 1, "low": 1,
}  # fmt: skip


def weight_value(text: str | None) -> int:
    """The whole-number weight of a coding's ``weight`` text (see the module's rule)."""
    if text is None or not text.strip():
        return 1
    word = " ".join(text.strip().casefold().split())
    if word in WEIGHT_WORDS:
        return WEIGHT_WORDS[word]
    try:
        number = float(word.replace(",", "."))
    except ValueError:
        return 1
    return max(0, floor(number + 0.5))


def coding_weights(project: Project, ids: set[int]) -> dict[int, int]:
    """The weight of each coding id, read once."""
    from qualcode.store.recorder import chunks

    out: dict[int, int] = {}
    c = t.coding.c
    with project.reading() as conn:
        for part in chunks(sorted(ids)):
            for cid, text in conn.execute(select(c.id, c.weight).where(c.id.in_(part))):
                out[int(cid)] = weight_value(text)
    return out


def weighted_counts(
    project: Project, corpus: Corpus, ids: CellIds, n_rows: int, n_cols: int
) -> list[list[int]]:
    """Per cell, the sum of its codings' weights (a merged passage: its largest weight)."""
    members = corpus.passage_members
    wanted = {m for cell in ids.values() for i in cell for m in members.get(i, [i])}
    weights = coding_weights(project, wanted)
    counts = [[0] * n_cols for _ in range(n_rows)]
    for (r, c), cell in ids.items():
        counts[r][c] = sum(max(weights.get(m, 1) for m in members.get(i, [i])) for i in cell)
    return counts
