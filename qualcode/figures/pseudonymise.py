"""Figures under pseudonymisation: every drawn text through the identity register.

A PNG or PDF keeps its labels as pixels or glyphs, so the file-level leak check of
:mod:`qualcode.export.leaks` cannot read them. Figures are therefore rewritten as
drawn objects (titles, tick labels, legends, annotations, cell values) before they
are saved, and checked by rendering the same figure as SVG with text kept as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.export.leaks import Leak, scan_bytes
from qualcode.export.pseudonymise import Pseudonymiser

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def pseudonymise_figure(fig: Figure, engine: Pseudonymiser) -> None:
    """Replace every register entry in the texts of ``fig`` (in place)."""
    from matplotlib.text import Text

    if not engine:
        return
    fig.canvas.draw()  # tick labels exist only once the formatters have run
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = [t.get_text() for t in axis.get_ticklabels()]
            masked = [engine.apply(text) for text in labels]
            if masked != labels:  # fixed labels: a formatter would bring the names back
                axis.set_ticks(axis.get_ticklocs(), labels=masked)
    for artist in fig.findobj(Text):
        assert isinstance(artist, Text)
        text = artist.get_text()
        masked_text = engine.apply(text)
        if masked_text != text:
            artist.set_text(masked_text)


def figure_leaks(fig: Figure, engine: Pseudonymiser) -> list[Leak]:
    """Register entries still in the drawn figure (read from an SVG with text as text)."""
    import io

    import matplotlib

    if not engine:
        return []
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return scan_bytes("figure", buf.getvalue(), engine)
