"""``qualcode chart`` and ``qualcode cluster``: figures for Bab IV (PNG, SVG, PDF)."""

from __future__ import annotations

from typing import Any

import click

from qualcode.cli.common import emit_json, json_option, open_project, project_argument
from qualcode.cli.export_guard import guarded, pseudonymise_options

FIGURE_TYPES = ("hierarchy", "compare")


def register(cli: click.Group) -> None:
    """Add ``chart`` and ``cluster`` to ``cli``."""
    cli.add_command(chart)
    cli.add_command(cluster_cmd)


def _display(
    p: Any, type_: str, codes: str | None, rows: str | None, cols: str | None, variable: str | None
) -> Any:
    """Build the display a chart draws: a saved one (``saved:NAME``) or a ready-made type."""
    from qualcode.analysis.displays import customised_spec
    from qualcode.analysis.engine import build_display

    if type_.startswith("saved:"):
        record = p.displays.find(type_.partition(":")[2])
        return build_display(p, record.spec, saved_id=record.id)
    ids = [p.codes.find(n.strip()).id for n in codes.split(",")] if codes else None
    params: dict[str, Any] = {}
    if ids and type_ == "factors":
        params["dimensions"] = ids
    elif ids:
        params["codes"] = ids
    if type_ == "checklist":
        if not variable:
            raise click.UsageError("checklist needs --variable CODE")
        params["variable"] = p.codes.find(variable).id
    if type_ == "case_ordered" and "order_by" not in params:
        params["order_by"] = "Peringkat"
    if type_ == "role_ordered":
        params["role"] = "Jabatan"
    spec = customised_spec(p, type_, params, rows=rows, columns=cols)
    return build_display(p, spec)


@click.command("chart")
@project_argument
@click.argument("type_", metavar="TYPE")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["auto", "bar", "stacked", "grouped", "heatmap"]),
    default="auto",
    show_default=True,
    help="The chart; auto chooses per display.",
)
@click.option("--codes", help="Codes (names or paths, comma-separated) for the code axis.")
@click.option("--rows", help="Row dimension (as for display).")
@click.option("--cols", help="Column dimension (as for display).")
@click.option("--variable", help="Checklist: the code whose sub-codes are the components.")
@click.option(
    "--size-by",
    type=click.Choice(["passages", "sources"]),
    default="passages",
    show_default=True,
    help="hierarchy: what sizes the rectangles.",
)
@click.option("--cases", "case_pair", nargs=2, metavar="A B", help="compare: two cases.")
@click.option("--sources", "source_pair", nargs=2, metavar="A B", help="compare: two sources.")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@pseudonymise_options
@click.option(
    "--width",
    "width_cm",
    type=float,
    default=12.0,
    show_default=True,
    help="Width in centimetres the figure is drawn for.",
)
def chart(
    project: str,
    type_: str,
    out: str,
    kind: str,
    codes: str | None,
    rows: str | None,
    cols: str | None,
    variable: str | None,
    size_by: str,
    case_pair: tuple[str, str] | None,
    source_pair: tuple[str, str] | None,
    language: str,
    pseudonymise: bool,
    accept_leaks: bool,
    width_cm: float,
) -> None:
    """Draw TYPE to OUT (.png at 300 dpi, .svg or .pdf).

    TYPE is a display type (matrix, factors, coverage, cooccurrence, checklist,
    framework, time_ordered, role_ordered, case_ordered, clustered, effects),
    saved:NAME for a saved display, hierarchy (a treemap of the codebook) or
    compare (--cases A B or --sources A B: the codes they share and do not share).
    """
    from qualcode.figures.style import check_format

    check_format(out)
    with open_project(project, read_only=True) as p:
        if type_ == "hierarchy":
            from qualcode.figures.hierarchy import draw_hierarchy

            fig = draw_hierarchy(p, size_by=size_by, language=language)
        elif type_ == "compare":
            from qualcode.figures.hierarchy import compare_codes, draw_comparison

            if bool(case_pair) == bool(source_pair):
                raise click.UsageError("compare needs --cases A B or --sources A B")
            what, pair = ("cases", case_pair) if case_pair else ("sources", source_pair)
            assert pair is not None
            fig = draw_comparison(compare_codes(p, what, *pair, language), language)
        else:
            from qualcode.figures.charts import display_chart

            display = _display(p, type_, codes, rows, cols, variable)
            fig = display_chart(
                p,
                display,
                kind=kind,
                language=language,
                pseudonymise=pseudonymise,
                width_cm=width_cm,
            )
        guarded(p, out, pseudonymise, accept_leaks, figure=fig)
    click.echo(f"Wrote {out}")


@click.command("cluster")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False), required=False)
@click.option("--by", type=click.Choice(["coding", "words"]), default="coding", show_default=True)
@click.option(
    "--items", type=click.Choice(["codes", "sources", "cases"]), default="codes", show_default=True
)
@click.option(
    "--measure",
    type=click.Choice(["jaccard", "sorensen", "pearson"]),
    help="Similarity (coding: jaccard, sorensen, pearson; words: pearson, jaccard).",
)
@click.option(
    "--view",
    type=click.Choice(["both", "tree", "map"]),
    default="both",
    show_default=True,
    help="Dendrogram, 2-D map, or both.",
)
@click.option("--coder", "coders", multiple=True, metavar="NAME", help="Only these coders.")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@pseudonymise_options
@json_option
def cluster_cmd(
    project: str,
    out: str | None,
    by: str,
    items: str,
    measure: str | None,
    view: str,
    coders: tuple[str, ...],
    language: str,
    pseudonymise: bool,
    accept_leaks: bool,
    as_json: bool,
) -> None:
    """Cluster codes, sources or cases by coding or word similarity; draw to OUT (.png/.svg/.pdf).

    With --json, print the similarity matrix (and the items left out for lack of data).
    """
    from qualcode.figures.cluster import cluster, draw_cluster, similarity
    from qualcode.figures.style import check_format

    if out is None and not as_json:
        raise click.UsageError("Give OUT (a .png, .svg or .pdf file) or --json.")
    if out:
        check_format(out)
    with open_project(project, read_only=True) as p:
        sim = similarity(
            p, by=by, items=items, measure=measure, coders=list(coders) or None, language=language
        )
        result = cluster(sim)
        if out:
            fig = draw_cluster(result, language, view)
            guarded(p, out, pseudonymise, accept_leaks, figure=fig)
    if as_json:
        emit_json(
            {
                "by": sim.by,
                "items": sim.items,
                "measure": sim.measure,
                "labels": sim.labels,
                "matrix": [[round(float(v), 6) for v in row] for row in sim.matrix],
                "left_out": sim.left_out,
            }
        )
    if out:
        click.echo(f"Wrote {out}", err=as_json)
