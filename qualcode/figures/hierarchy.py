"""Hierarchy chart (a treemap of the codebook) and comparison diagram (two cases or sources).

Treemap: each top-level code is a rectangle sized by its passages (codings,
own and sub-codes') or by the number of sources it occurs in, split into its
sub-codes' rectangles (squarified layout, Bruls et al. 2000), in the codes'
own colours. Comparison: the codes only one of two cases (or sources) has, and
the codes both share, in three columns like NVivo's comparison diagram.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qualcode.errors import ValidationError
from qualcode.figures.style import new_figure, shorten
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from qualcode.project import Project

Rect = tuple[float, float, float, float]  # x, y, width, height


def squarify(sizes: Sequence[float], rect: Rect) -> list[Rect]:
    """Rectangles for ``sizes`` (in order) filling ``rect``, as square as possible."""
    x, y, w, h = rect
    total = sum(sizes)
    if not sizes or total <= 0 or w <= 0 or h <= 0:
        return [(x, y, 0.0, 0.0) for _ in sizes]
    scaled = [s * w * h / total for s in sizes]
    out: list[Rect] = []
    row: list[float] = []
    rest = list(scaled)

    def worst(items: list[float], side: float) -> float:
        s = sum(items)
        return max(max(side * side * r / (s * s), s * s / (side * side * r)) for r in items)

    while rest:
        side = min(w, h)
        item = rest[0]
        if not row or worst([*row, item], side) <= worst(row, side):
            row.append(item)
            rest.pop(0)
            continue
        x, y, w, h = _lay(row, x, y, w, h, out)
        row = []
    if row:
        _lay(row, x, y, w, h, out)
    return out


def _lay(
    row: list[float], x: float, y: float, w: float, h: float, out: list[Rect]
) -> tuple[float, float, float, float]:
    s = sum(row)
    if w >= h:  # a column on the left
        cw = s / h
        cy = y
        for r in row:
            out.append((x, cy, cw, r / cw))
            cy += r / cw
        return x + cw, y, w - cw, h
    rh = s / w  # a row at the top
    cx = x
    for r in row:
        out.append((cx, y, r / rh, rh))
        cx += r / rh
    return x, y + rh, w, h - rh


_WORDS = {
    "passages": {"id": "pengodean", "en": "codings"},
    "sources": {"id": "sumber", "en": "sources"},
    "hierarchy": {"id": "Hierarki kode", "en": "Code hierarchy"},
    "only": {"id": "Hanya", "en": "Only"},
    "both": {"id": "Keduanya", "en": "Both"},
}


def draw_hierarchy(
    project: Project, *, size_by: str = "passages", language: str = "id", font: str | None = None
) -> Figure:
    """The codebook as a treemap sized by passages or sources (own + sub-codes)."""
    if size_by not in ("passages", "sources"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Size the hierarchy by passages or sources, not '{v}'."),
            v=size_by,
        )
    codes = project.codes.all()
    counts = {int(k): v for k, v in project.codes.counts().items()}
    children: dict[int | None, list[int]] = {}
    for c in codes:
        children.setdefault(c.parent_id, []).append(int(c.id))
    by_id = {int(c.id): c for c in codes}

    def own(cid: int) -> float:
        n, k = counts.get(cid, (0, 0))
        return float(n if size_by == "passages" else k)

    def total(cid: int) -> float:
        return own(cid) + sum(total(k) for k in children.get(cid, []))

    top = [c for c in children.get(None, []) if total(c) > 0]
    top.sort(key=total, reverse=True)
    fig = new_figure(14.0, 10.0, font)
    ax = fig.add_subplot()
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 70)
    ax.invert_yaxis()
    ax.axis("off")
    for cid, (x, y, w, h) in zip(
        top, squarify([total(c) for c in top], (0, 0, 100, 70)), strict=True
    ):
        parent = by_id[cid]
        frame = ax.add_patch(_box(x, y, w, h, parent.color, 1.6))
        kids = [k for k in children.get(cid, []) if total(k) > 0]
        kids.sort(key=total, reverse=True)
        parts = [*([own(cid)] if own(cid) else []), *(total(k) for k in kids)]
        names = [*([None] if own(cid) else []), *kids]
        inner = (x + 0.6, y + 4.0, max(w - 1.2, 0), max(h - 4.6, 0))
        for kid, (kx, ky, kw, kh) in zip(names, squarify(parts, inner), strict=True):
            if kid is None or kw * kh <= 0:
                continue
            box = ax.add_patch(_box(kx, ky, kw, kh, by_id[kid].color, 0.5, alpha=0.55))
            if kw > 7 and kh > 4:
                text = ax.text(
                    kx + 0.5,
                    ky + 0.5,
                    f"{shorten(by_id[kid].label(language), int(kw * 0.8))}\n{int(total(kid))}",
                    fontsize=5.5,
                    va="top",
                )
                text.set_clip_path(box)
        if w > 8:
            text = ax.text(
                x + 0.6,
                y + 0.6,
                f"{shorten(parent.label(language), int(w * 0.6))} ({int(total(cid))})",
                fontsize=7,
                va="top",
                weight="bold",
            )
            text.set_clip_path(frame)
    fig.suptitle(f"{_WORDS['hierarchy'][language]} ({_WORDS[size_by][language]})", fontsize=9)
    return fig


def _box(x: float, y: float, w: float, h: float, color: str, lw: float, alpha: float = 0.3) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, facecolor=color, alpha=alpha, edgecolor="white", linewidth=lw)


@dataclass(frozen=True)
class Comparison:
    """The codes two cases (or sources) have: only the first, both, only the second."""

    first: str
    second: str
    only_first: list[str]
    both: list[str]
    only_second: list[str]


def compare_codes(
    project: Project, kind: str, first: str, second: str, language: str = "id"
) -> Comparison:
    """Which codes occur for ``first`` and ``second`` (cases or sources, by name)."""
    from qualcode.analysis import corpus as cp

    corpus = cp.load_corpus(project)
    labels = {int(c.id): c.label(language) for c in project.codes.all()}
    if kind == "cases":
        ka, kb = project.cases.find(first), project.cases.find(second)
        names_ab = (ka.name, kb.name)
        ca = {c[cp.CODE] for c in corpus.codings if ka.id in corpus.cases_of(c)}
        cb = {c[cp.CODE] for c in corpus.codings if kb.id in corpus.cases_of(c)}
    elif kind == "sources":
        sa, sb = project.sources.find(first), project.sources.find(second)
        names_ab = (sa.name, sb.name)
        ca = {c[cp.CODE] for c in corpus.codings if c[cp.SRC] == sa.id}
        cb = {c[cp.CODE] for c in corpus.codings if c[cp.SRC] == sb.id}
    else:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Compare two cases or two sources, not '{v}'."), v=kind
        )
    order = {cid: i for i, cid in enumerate(corpus.code_order)}

    def names(ids: set[int]) -> list[str]:
        return [labels[i] for i in sorted(ids, key=lambda i: order.get(i, 0))]

    return Comparison(*names_ab, names(ca - cb), names(ca & cb), names(cb - ca))


def draw_comparison(cmp: Comparison, language: str = "id", font: str | None = None) -> Figure:
    """Two items, their own codes on the outside and shared codes in the middle, joined by lines."""
    rows = max(len(cmp.only_first), len(cmp.both), len(cmp.only_second), 1)
    fig = new_figure(15.0, min(4.0 + 0.45 * rows, 22.0), font)
    ax = fig.add_subplot()
    ax.set_xlim(0, 100)
    ax.set_ylim(rows + 2, -1.5)
    ax.axis("off")
    hubs = {"a": (22, rows / 2), "b": (78, rows / 2)}
    for key, name, color in (("a", cmp.first, "#0072B2"), ("b", cmp.second, "#D55E00")):
        x, y = hubs[key]
        ax.text(
            x,
            y,
            shorten(name, 24),
            ha="center",
            va="center",
            fontsize=8,
            weight="bold",
            bbox={"boxstyle": "round,pad=0.4", "fc": color, "ec": "none", "alpha": 0.25},
        )
    columns = (
        (4, cmp.only_first, ("a",)),
        (50, cmp.both, ("a", "b")),
        (96, cmp.only_second, ("b",)),
    )
    for x, names, joins in columns:
        top = (rows - len(names)) / 2
        for i, name in enumerate(names):
            y = top + i + 0.5
            for j in joins:
                hx, hy = hubs[j]
                ax.plot([hx, x], [hy, y], color="#999999", linewidth=0.4, zorder=0)
            ax.text(
                x,
                y,
                shorten(name, 26),
                ha="center",
                va="center",
                fontsize=6.5,
                bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#999999", "lw": 0.4},
            )
    heads = (
        f"{_WORDS['only'][language]} {shorten(cmp.first, 18)}",
        _WORDS["both"][language],
        f"{_WORDS['only'][language]} {shorten(cmp.second, 18)}",
    )
    for (x, _n, _j), head in zip(columns, heads, strict=True):
        ax.text(x, -1.0, head, ha="center", fontsize=7, style="italic")
    return fig
