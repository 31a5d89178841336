"""A chart for every display: bar, stacked bar by valence, grouped bar, heat map with values.

The chart reads the same :class:`~qualcode.export.table.Table` the Word and
Excel exports write (one rule for how a display becomes a table, so a chart
counts exactly what its table counts, pseudonyms and language included). Rows
and columns with no codings at all are left out: a chart of 58 codes of which
12 are used shows the 12.

``kind="auto"`` chooses per display: supporting/inhibiting factors → stacked
bars by valence; a single column → bars; time-ordered with few codes → grouped
bars; everything else (code × case matrices, co-occurrence, coverage, the text
displays by the number of codings behind each cell) → a heat map with values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qualcode.errors import ValidationError
from qualcode.figures.style import OKABE_ITO, VALENCE_COLORS, WIDTH_CM, new_figure, shorten
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from qualcode.export.table import Table

KINDS = ("auto", "bar", "stacked", "grouped", "heatmap")
VALENCE_KEYS = ("supporting", "inhibiting", "neutral", "none")
_AXIS = {
    "count": {"id": "Jumlah pengodean", "en": "Number of codings"},
    "no_data": {"id": "Tidak ada data untuk digambar", "en": "No data to draw"},
}


@dataclass(frozen=True)
class ChartData:
    """The numbers of a chart: non-empty rows and columns of a display's counts."""

    title: str
    rows: list[str]
    columns: list[str]
    column_keys: list[str]
    values: list[list[int]]


def chart_data(table: Table, column_keys: list[str] | None = None) -> ChartData:
    """Counts of ``table`` with empty rows and columns dropped (labels kept in order)."""
    counts = [[c.count or 0 for c in row] for row in table.cells]
    keys = column_keys or _valence_keys(table.column_labels)
    keep_r = [r for r, row in enumerate(counts) if any(row)]
    keep_c = [c for c in range(len(table.column_labels)) if any(row[c] for row in counts)]
    return ChartData(
        title=table.title,
        rows=[table.row_labels[r] for r in keep_r],
        columns=[table.column_labels[c] for c in keep_c],
        column_keys=[keys[c] for c in keep_c],
        values=[[counts[r][c] for c in keep_c] for r in keep_r],
    )


def _valence_keys(labels: list[str]) -> list[str]:
    """Column keys read back from labels: translated valences become their keys (for colours)."""
    from qualcode.text.labels import LANGUAGES, label

    names = {label(v, lang): v for v in VALENCE_KEYS for lang in LANGUAGES}
    return [names.get(lab, str(i)) for i, lab in enumerate(labels)]


def table_chart(table: Table, language: str = "id", kind: str = "auto") -> Figure:
    """The chart of an exported display table (its type is in the table's notes)."""
    from qualcode.text.labels import label

    display_type = str(table.about.get(label("kind", language), ""))
    return draw_chart(table, display_type, kind=kind, language=language)


def choose_kind(display_type: str, data: ChartData) -> str:
    """The chart a display gets by default (see the module docstring)."""
    if display_type == "factors":
        return "stacked"
    if len(data.columns) == 1:
        return "bar"
    if display_type == "time_ordered" and len(data.columns) <= 6:
        return "grouped"
    return "heatmap"


def draw_chart(
    table: Table,
    display_type: str,
    *,
    kind: str = "auto",
    language: str = "id",
    column_keys: list[str] | None = None,
    width_cm: float = WIDTH_CM,
    font: str | None = None,
    colors: dict[str, str] | None = None,
) -> Figure:
    """The chart of a display's table. ``column_keys`` (valences, code ids) pick colours;
    ``colors`` maps a row or column label to a colour (codes' own colours)."""
    if kind not in KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A chart is one of {allowed}, not '{kind}'."),
            allowed=", ".join(KINDS),
            kind=kind,
        )
    data = chart_data(table, column_keys)
    if kind == "auto":
        kind = choose_kind(display_type, data)
    if not data.rows:
        fig = new_figure(width_cm, 3.0, font)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, _AXIS["no_data"][language], ha="center", va="center")
        return fig
    if kind == "heatmap":
        return _heatmap(data, language, width_cm, font)
    return _bars(data, kind, language, width_cm, font, colors or {})


def _series_colors(data: ChartData, colors: dict[str, str]) -> list[str]:
    out = []
    for i, (label, key) in enumerate(zip(data.columns, data.column_keys, strict=True)):
        out.append(VALENCE_COLORS.get(key) or colors.get(label) or OKABE_ITO[i % len(OKABE_ITO)])
    return out


def _bars(
    data: ChartData,
    kind: str,
    language: str,
    width_cm: float,
    font: str | None,
    colors: dict[str, str],
) -> Figure:
    """Horizontal bars, one row per category: stacked, grouped or a single series."""
    import numpy as np

    n_rows, n_cols = len(data.rows), len(data.columns)
    per_row = 0.55 if kind != "grouped" else 0.35 + 0.22 * n_cols
    height = min(3.0 + per_row * n_rows, 22.0)
    fig = new_figure(width_cm, height, font)
    ax = fig.add_subplot()
    values = np.array(data.values, dtype=float)
    y = np.arange(n_rows)
    series = _series_colors(data, colors)
    if kind == "bar" and n_cols > 1:
        values = values.sum(axis=1, keepdims=True)
        series = [colors.get(r, OKABE_ITO[0]) for r in data.rows]
    if kind == "grouped" and n_cols > 1:
        h = 0.8 / n_cols
        for c in range(n_cols):
            ax.barh(
                y - 0.4 + h * (c + 0.5),
                values[:, c],
                height=h,
                color=series[c],
                label=data.columns[c],
                edgecolor="white",
                linewidth=0.4,
            )
    elif values.shape[1] == 1:
        bars = ax.barh(
            y,
            values[:, 0],
            color=series if kind == "bar" else series[0],
            edgecolor="white",
            linewidth=0.4,
        )
        ax.bar_label(bars, fmt="%d", padding=2, fontsize=7)
    else:
        left = np.zeros(n_rows)
        for c in range(n_cols):
            ax.barh(
                y,
                values[:, c],
                left=left,
                color=series[c],
                label=data.columns[c],
                edgecolor="white",
                linewidth=0.4,
            )
            left += values[:, c]
        for i, total in enumerate(left):
            ax.text(total, i, f" {int(total)}", va="center", fontsize=7)
    ax.set_yticks(y, [shorten(leaf(r)) for r in data.rows])
    ax.invert_yaxis()
    ax.set_xlabel(_AXIS["count"][language])
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    if values.shape[1] > 1 and kind != "bar":
        fig.legend(frameon=False, fontsize=7, loc="outside lower center", ncol=min(n_cols, 3))
    return fig


def _heatmap(data: ChartData, language: str, width_cm: float, font: str | None) -> Figure:
    """Cells shaded by count (a single-hue scale that prints in grey), values written in."""
    import numpy as np

    if len(data.columns) > max(len(data.rows), 12):
        # The long axis goes down the page, where labels can be read.
        data = ChartData(
            data.title,
            data.columns,
            data.rows,
            [str(i) for i in range(len(data.rows))],
            [list(col) for col in zip(*data.values, strict=True)],
        )
    n_rows, n_cols = len(data.rows), len(data.columns)
    height = min(3.5 + 0.42 * n_rows, 22.0)
    fig = new_figure(width_cm, height, font)
    ax = fig.add_subplot()
    values = np.array(data.values, dtype=float)
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(
        range(n_cols),
        [shorten(leaf(c), 22) for c in data.columns],
        rotation=55,
        ha="right",
        rotation_mode="anchor",
        fontsize=7,
    )
    ax.set_yticks(range(n_rows), [shorten(leaf(r)) for r in data.rows], fontsize=7)
    if n_rows * n_cols <= 900:
        top = values.max() or 1
        for r in range(n_rows):
            for c in range(n_cols):
                v = int(values[r, c])
                if v:
                    ax.text(
                        c,
                        r,
                        str(v),
                        ha="center",
                        va="center",
                        fontsize=6,
                        color="white" if values[r, c] > top * 0.6 else "black",
                    )
    bar = fig.colorbar(image, ax=ax, shrink=0.6, pad=0.02)
    bar.set_label(_AXIS["count"][language])
    bar.ax.tick_params(labelsize=6)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def leaf(label: str) -> str:
    """The last part of a code path ("Sumber daya/Anggaran" → "Anggaran") for an axis."""
    return label.rsplit("/", 1)[-1].strip() or label


def column_keys(display: Any) -> list[str]:
    """The keys of a built display's columns (valences for factors, code ids for codes)."""
    return [str(h.key) for h in display.columns]


def display_chart(
    project: Any,
    display: Any,
    *,
    kind: str = "auto",
    language: str = "id",
    pseudonymise: bool = False,
    width_cm: float = WIDTH_CM,
    font: str | None = None,
) -> Figure:
    """The chart of a built display, labelled as its exported table is (pseudonyms too)."""
    from qualcode.cases.attribution import AttributionStyle
    from qualcode.export.display_adapter import table_from_display

    table = table_from_display(
        display,
        project=project,
        language=language,
        style=AttributionStyle(pseudonymise=pseudonymise),
    )
    colors: dict[str, str] = {}
    by_id = {str(c.id): c.color for c in project.codes.all()}
    for dim, headers, labels in (
        (display.spec.rows, display.rows, table.row_labels),
        (display.spec.columns, display.columns, table.column_labels),
    ):
        if dim.kind == "codes":
            for h, lab in zip(headers, labels, strict=False):
                if str(h.key) in by_id:
                    colors[lab] = by_id[str(h.key)]
    return draw_chart(
        table,
        display.spec.type,
        kind=kind,
        language=language,
        column_keys=column_keys(display),
        width_cm=width_cm,
        font=font,
        colors=colors,
    )
