"""Cluster analysis like NVivo's: codes, sources or cases grouped by coding or word similarity.

Similarity between two items (documented for a methods chapter in docs/analysis.md):

By coding (``by="coding"``)
    ``jaccard``: |A ∩ B| / |A ∪ B| and ``sorensen``: 2|A ∩ B| / (|A| + |B|), where
    for codes A and B are the coded *passages* (source lines, the unit paragraph
    numbers count) each code covers, and for sources or cases the sets of codes
    applied to them. ``pearson``: Pearson's r between count vectors — for codes
    the number of codings per source, for sources and cases the number of
    codings per code.
By words (``by="words"``)
    Pearson's r (or ``jaccard`` on the sets of words) between the word-frequency
    vectors of the items' text: a source's or case's text, a code's coded text.
    Words are the search index's lemmas, stop words removed.

Items are joined by average linkage (UPGMA) on distance 1 − similarity
(scipy); the 2-D map places items by classical multidimensional scaling of
the same distances.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qualcode.errors import ValidationError
from qualcode.figures.style import new_figure, shorten
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.text.lines import line_breaks

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.figure import Figure

    from qualcode.project import Project

ITEMS = ("codes", "sources", "cases")
MEASURES = {"coding": ("jaccard", "sorensen", "pearson"), "words": ("pearson", "jaccard")}


@dataclass(frozen=True)
class Similarity:
    """Items, their pairwise similarity and how it was measured."""

    by: str
    items: str
    measure: str
    ids: list[int]
    labels: list[str]
    matrix: np.ndarray
    left_out: list[str]
    """Items with nothing to compare (no codings, no words), not clustered."""


def similarity(
    project: Project,
    *,
    by: str = "coding",
    items: str = "codes",
    measure: str | None = None,
    coders: Sequence[str] | None = None,
    language: str = "id",
) -> Similarity:
    """Pairwise similarity of the project's codes, sources or cases (see module docstring)."""
    if by not in MEASURES or items not in ITEMS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Cluster by coding or words, over codes, sources or cases.")
        )
    measure = measure or MEASURES[by][0]
    if measure not in MEASURES[by]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Clustering by {by} measures {allowed}, not '{measure}'."),
            by=by,
            allowed=", ".join(MEASURES[by]),
            measure=measure,
        )
    features = (
        _coding_features(project, items, measure, coders, language)
        if by == "coding"
        else _word_features(project, items, coders, language)
    )
    kept = [(i, lab, f) for i, lab, f in features if f]
    left_out = [lab for _i, lab, f in features if not f]
    vectors = [f for _i, _lab, f in kept]
    kind = "sets" if measure in ("jaccard", "sorensen") else "counts"
    matrix = _matrix(vectors, measure, kind)
    return Similarity(
        by,
        items,
        measure,
        [i for i, _l, _f in kept],
        [lab for _i, lab, _f in kept],
        matrix,
        left_out,
    )


def _matrix(vectors: list[Counter[Any]], measure: str, kind: str) -> np.ndarray:
    import numpy as np

    n = len(vectors)
    out = np.eye(n)
    if kind == "sets":
        sets = [set(v) for v in vectors]
        for i in range(n):
            for j in range(i + 1, n):
                inter = len(sets[i] & sets[j])
                if measure == "jaccard":
                    value = inter / len(sets[i] | sets[j])
                else:
                    value = 2 * inter / (len(sets[i]) + len(sets[j]))
                out[i, j] = out[j, i] = value
        return out
    keys = sorted({k for v in vectors for k in v}, key=str)
    index = {k: i for i, k in enumerate(keys)}
    dense = np.zeros((n, len(keys)))
    for r, v in enumerate(vectors):
        for k, count in v.items():
            dense[r, index[k]] = count
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(dense) if n > 1 else np.ones((1, 1))
    corr = np.nan_to_num(np.atleast_2d(corr), nan=0.0)
    np.fill_diagonal(corr, 1.0)
    return corr


def _coding_features(
    project: Project, items: str, measure: str, coders: Sequence[str] | None, language: str
) -> list[tuple[int, str, Counter[Any]]]:
    from qualcode.analysis import corpus as cp

    corpus = cp.load_corpus(project, {"coders": list(coders)} if coders else None)
    if items == "codes":
        lines: dict[int, list[int]] = {}
        if measure != "pearson":
            texts = project.sources.texts({c[cp.SRC] for c in corpus.codings})
            lines = {sid: line_breaks(text) for sid, text in texts.items()}
        feats: dict[int, Counter[Any]] = {}
        for c in corpus.codings:
            f = feats.setdefault(c[cp.CODE], Counter())
            if measure == "pearson":
                f[c[cp.SRC]] += 1
            else:
                first = bisect.bisect_left(lines[c[cp.SRC]], c[cp.START]) + 1
                last = bisect.bisect_left(lines[c[cp.SRC]], max(c[cp.END] - 1, c[cp.START])) + 1
                for line in range(first, last + 1):
                    f[(c[cp.SRC], line)] += 1
        labels = {int(c.id): c.label(language) for c in project.codes.all()}
        return [(cid, labels[cid], feats.get(cid, Counter())) for cid in corpus.code_order]
    if items == "sources":
        feats = {}
        for c in corpus.codings:
            feats.setdefault(c[cp.SRC], Counter())[c[cp.CODE]] += 1
        return [(s.id, s.name, feats.get(s.id, Counter())) for s in project.sources.all()]
    feats = {}
    for c in corpus.codings:
        for case in corpus.cases_of(c):
            feats.setdefault(case, Counter())[c[cp.CODE]] += 1
    return [(k.id, k.name, feats.get(k.id, Counter())) for k in project.cases.all()]


def _word_features(
    project: Project, items: str, coders: Sequence[str] | None, language: str
) -> list[tuple[int, str, Counter[Any]]]:
    """Lemma counts per item from the search index, stop words removed (word frequency's rule)."""
    from qualcode.search.words import word_frequencies

    group = {"sources": "source", "cases": "case", "codes": "code"}[items]
    counts: dict[str, Counter[Any]] = {}
    for row in word_frequencies(project, by="key", group_by=group):
        counts.setdefault(row.group or "", Counter())[row.word] = row.count
    if items == "sources":
        return [(s.id, s.name, counts.get(s.name, Counter())) for s in project.sources.all()]
    if items == "cases":
        return [(k.id, k.name, counts.get(k.name, Counter())) for k in project.cases.all()]
    return [
        (c.id, c.label(language), counts.get(project.codes.path_text(c.id, "/"), Counter()))
        for c in project.codes.all()
    ]


@dataclass(frozen=True)
class Clustering:
    """A similarity, its average-linkage tree and 2-D map coordinates."""

    similarity: Similarity
    linkage: np.ndarray
    coords: np.ndarray


def cluster(sim: Similarity) -> Clustering:
    """Average linkage on 1 − similarity, and a classical MDS map of the same distances."""
    import numpy as np
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    n = len(sim.labels)
    if n < 2:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Clustering needs at least two items with data; found {n}."
            ),
            n=n,
        )
    dist = np.clip(1.0 - sim.matrix, 0.0, None)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    # Classical MDS: double-centre the squared distances, keep the two largest axes.
    j = np.eye(n) - np.ones((n, n)) / n
    b = -0.5 * j @ (dist**2) @ j
    values, vectors = np.linalg.eigh(b)
    order = np.argsort(values)[::-1][:2]
    coords = vectors[:, order] * np.sqrt(np.clip(values[order], 0.0, None))
    if coords.shape[1] < 2:
        coords = np.column_stack([coords, np.zeros(n)])
    return Clustering(sim, tree, coords)


_TITLES = {
    "codes": {"id": "Kode", "en": "Codes"},
    "sources": {"id": "Sumber", "en": "Sources"},
    "cases": {"id": "Kasus", "en": "Cases"},
    "coding": {"id": "kemiripan pengodean", "en": "coding similarity"},
    "words": {"id": "kemiripan kata", "en": "word similarity"},
    "distance": {"id": "Jarak (1 − kemiripan)", "en": "Distance (1 − similarity)"},
    "map": {"id": "Peta dua dimensi (MDS)", "en": "Two-dimensional map (MDS)"},
}


def draw_cluster(
    result: Clustering, language: str = "id", view: str = "both", font: str | None = None
) -> Figure:
    """A dendrogram (``view="tree"``), a 2-D map (``"map"``) or both side by side."""
    from scipy.cluster.hierarchy import dendrogram

    sim = result.similarity
    n = len(sim.labels)
    labels = [shorten(lab, 30) for lab in sim.labels]
    both = view == "both"
    height = min(4.0 + 0.42 * n, 22.0)
    fig = new_figure(16.0 if both else 12.0, height, font)
    axes = fig.subplots(1, 2, width_ratios=[3, 2]) if both else [fig.add_subplot()]
    title = f"{_TITLES[sim.items][language]} — {_TITLES[sim.by][language]} ({sim.measure})"
    fig.suptitle(title, fontsize=9)
    if view in ("tree", "both"):
        ax = axes[0]
        dendrogram(
            result.linkage,
            labels=labels,
            orientation="right",
            ax=ax,
            color_threshold=0,
            above_threshold_color="#0072B2",
            leaf_font_size=7,
        )
        ax.set_xlabel(_TITLES["distance"][language])
        ax.spines[["top", "right", "left"]].set_visible(False)
    if view in ("map", "both"):
        ax = axes[-1]
        xy = result.coords
        ax.scatter(xy[:, 0], xy[:, 1], s=14, color="#D55E00")
        for (x, y), lab in zip(xy, labels, strict=True):
            ax.annotate(lab, (x, y), fontsize=6, xytext=(3, 2), textcoords="offset points")
        ax.set_title(_TITLES["map"][language], fontsize=8)
        ax.set_xticks([])
        ax.set_yticks([])
    return fig
