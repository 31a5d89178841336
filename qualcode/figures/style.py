"""One look for every figure: size, font, palette, and saving to PNG, SVG or PDF."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.errors import ValidationError
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CM = 1 / 2.54
WIDTH_CM = 12.0
"""A figure is drawn to be readable at this width on an A4 page (text width ~14–16 cm)."""
FONTS = ["Times New Roman", "Liberation Serif", "Nimbus Roman", "DejaVu Serif"]
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
"""Okabe & Ito's palette, distinguishable with every common colour-vision deficiency."""
VALENCE_COLORS = {
    "supporting": "#0072B2",
    "inhibiting": "#D55E00",
    "neutral": "#999999",
    "none": "#DDDDDD",
}
FORMATS = ("png", "svg", "pdf")


def new_figure(
    width_cm: float = WIDTH_CM, height_cm: float = 8.0, font: str | None = None
) -> Figure:
    """A matplotlib figure in the thesis style (no pyplot state, no GUI backend)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_cm * CM, height_cm * CM), dpi=100, layout="constrained")
    fonts = [font, *FONTS] if font else FONTS
    matplotlib.rcParams.update(
        {
            "font.family": "serif",
            "font.serif": fonts,
            "font.size": 8,
            "axes.titlesize": 9,
            "axes.labelsize": 8,
            "svg.fonttype": "none",  # text stays text: searchable, editable, crisp
            "pdf.fonttype": 42,
        }
    )
    return fig


def check_format(path: str | os.PathLike[str]) -> str:
    """The image format of ``path`` from its suffix, or a clear error."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A figure is saved as .png, .svg or .pdf, not '{suffix}'."),
            suffix=Path(path).suffix or str(path),
        )
    return suffix


def figure_bytes(fig: Figure, fmt: str = "png", dpi: int = 300) -> bytes:
    """The figure as PNG (``dpi``), SVG or PDF bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi, metadata=_metadata(fmt))
    return buf.getvalue()


def save_figure(fig: Figure, path: str | os.PathLike[str], dpi: int = 300) -> None:
    """Write the figure to ``path`` (.png at ``dpi``, .svg, .pdf), all or nothing."""
    fmt = check_format(path)
    data = figure_bytes(fig, fmt, dpi)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def _metadata(fmt: str) -> dict[str, Any]:
    # No creation date: the same project gives byte-identical SVG and PDF files.
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None}
    return {}


def shorten(text: str, limit: int = 38) -> str:
    """A label cut to ``limit`` characters (full names go in the table, not the axis)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
