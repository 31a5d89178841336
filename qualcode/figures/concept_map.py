"""A concept map drawn for a thesis figure (SVG/PNG/PDF): boxes where the researcher put them,
arrows labelled with their relation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.analysis.map_builders import link_words
from qualcode.figures.style import new_figure, shorten

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from qualcode.analysis.maps import ConceptMapRecord

RELATION_WORDS = {
    "associated": {"id": "terkait", "en": "associated with"},
    "causes": {"id": "menyebabkan", "en": "causes"},
    "supports": {"id": "mendukung", "en": "supports"},
    "contradicts": {"id": "bertentangan", "en": "contradicts"},
    "part_of": {"id": "bagian dari", "en": "is part of"},
    "precedes": {"id": "mendahului", "en": "precedes"},
    "maps_to": {"id": "dipetakan ke", "en": "maps to"},
}


def draw_map(record: ConceptMapRecord, language: str = "id", font: str | None = None) -> Figure:
    """The map as a figure; positions are the canvas's (y grows downwards)."""
    nodes = {n.id: n for n in record.nodes}
    if nodes:
        xs = [n.x for n in nodes.values()]
        ys = [n.y for n in nodes.values()]
        span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    else:
        xs, ys, span_x, span_y = [0.0], [0.0], 1.0, 1.0
    width = 16.0
    height = min(max(6.0, width * (span_y + 120) / (span_x + 240)), 22.0)
    fig = new_figure(width, height, font)
    ax = fig.add_subplot()
    ax.set_xlim(min(xs) - 120, max(xs) + 120)
    ax.set_ylim(max(ys) + 60, min(ys) - 60)
    ax.axis("off")
    boxes = {}
    for n in nodes.values():
        text = shorten(n.label, 28) + (" (×)" if n.missing else "")
        boxes[n.id] = ax.text(
            n.x,
            n.y,
            text,
            ha="center",
            va="center",
            fontsize=7,
            zorder=3,
            weight="bold" if n.kind == "code" else "normal",
            bbox={
                "boxstyle": "round,pad=0.4",
                "fc": n.color,
                "alpha": 0.35,
                "ec": n.color,
                "lw": 0.8,
            },
        )
    fig.canvas.draw()  # the boxes get their sizes, so arrows can end at their edges
    for link in record.links:
        a, b = nodes.get(link.source), nodes.get(link.target)
        if a is None or b is None:
            continue
        ax.annotate(
            "",
            xy=(b.x, b.y),
            xytext=(a.x, a.y),
            zorder=2,
            arrowprops={
                "arrowstyle": "-|>",
                "color": "#555555",
                "lw": 0.8,
                "patchA": boxes[a.id].get_bbox_patch(),
                "patchB": boxes[b.id].get_bbox_patch(),
                "shrinkA": 2,
                "shrinkB": 2,
                "linestyle": "--" if link.relation == "contradicts" or link.sign == "-" else "-",
            },
        )
        words = link.label or RELATION_WORDS.get(link.relation, {}).get(language, link.relation)
        extra = link_words(link, language)  # a causal arrow's sign, strength and evidence
        words = f"{words} ({extra})" if extra else words
        ax.text(
            (a.x + b.x) / 2,
            (a.y + b.y) / 2,
            words,
            fontsize=6,
            ha="center",
            va="center",
            style="italic",
            color="#333333",
            zorder=4,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
        )
    fig.suptitle(record.name, fontsize=9)
    return fig
