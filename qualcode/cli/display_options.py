"""The options that describe a display, shared by ``qualcode display`` and ``qualcode export``.

One home for turning command-line words (code names, ``KEY=VALUES`` filters,
``LABEL=CODES`` groups) into a display's parameters, so building a display on
screen and exporting it accept exactly the same options.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from qualcode.analysis.displays import READY

DISPLAY_TYPES = tuple(READY)
LIST_FILTERS = ("sources", "source_kinds", "cases", "coders", "codes", "valence", "magnitude")
OPTION_NAMES = (
    "rows", "cols", "codes", "filters", "measure", "cell", "variable", "role", "rank",
    "groups", "role_groups", "attribute", "cutoff", "op", "distance", "ascending",
    "conclusion_column", "conclusion_row", "level", "outcome", "extremes", "short_run",
    "long_run", "coping", "results", "sources", "coders", "unit", "bucket", "time_field",
    "no_fallback", "show_empty",
)  # fmt: skip


def display_options[F: Callable[..., Any]](fn: F) -> F:
    """Add the display-describing options to a command (collected by :func:`spec_from_options`)."""
    options = [
        click.option(
            "--rows",
            help="Row dimension: codes, codes:NAMES, children:CODE, cases, "
            "cases:KIND, attribute:NAME, sources, source_kind, coders, valence, "
            "period:month|quarter|year[:FIELD], total.",
        ),
        click.option("--cols", help="Column dimension (same forms as --rows)."),
        click.option("--codes", help="Codes (names or paths, comma-separated) for the code axis."),
        click.option(
            "--filter",
            "filters",
            multiple=True,
            metavar="KEY=VALUES",
            help="codes=, sources=, source_kinds=, cases=, coders=, valence=, "
            "magnitude=, attribute:NAME=, period_from=, period_to=.",
        ),
        click.option(
            "--measure",
            type=click.Choice(["codings", "sources", "cases", "chars", "weighted"]),
            help="What a cell counts; weighted: the sum of the codings' evidence weights "
            "(strong 3, moderate 2, weak 1, a number as itself, none 1).",
        ),
        click.option("--cell", type=click.Choice(["count", "excerpts", "summary", "rating"])),
        click.option(
            "--variable",
            help="Checklist: the code whose sub-codes are the components "
            "(default: the first code with sub-codes).",
        ),
        click.option("--role", help="Role-ordered/effects: the role attribute (default Jabatan)."),
        click.option(
            "--rank",
            help="Attribute ordering roles or cases (case_ordered default: "
            "the first numeric case attribute).",
        ),
        click.option("--ascending", is_flag=True, help="Case-ordered: low to high."),
        click.option(
            "--role-group",
            "role_groups",
            multiple=True,
            metavar="LABEL=PATTERNS",
            help="Role-ordered: gather role values matching patterns (comma-separated, "
            "* wildcards) into one role, e.g. 'Kasi=Kepala Seksi*' (repeat).",
        ),
        click.option(
            "--group",
            "groups",
            multiple=True,
            metavar="LABEL=CODES",
            help="Clustered: a group of codes (repeat).",
        ),
        click.option("--attribute", help="Effects: group attribute."),
        click.option("--cutoff", help="Effects: early/late cutoff date (YYYY-MM-DD)."),
        click.option(
            "--time-field",
            help="Time-ordered and effects (early/late): where a coding's time comes from: "
            "period (default; falls back to the event date, then the source's date, and each "
            "row says so), event_date (then period, source date), source_date, auto, coding "
            "(period or event date only), event (event date only), source, attribute:NAME or "
            "source_attribute:NAME.",
        ),
        click.option("--op", type=click.Choice(["and", "near", "not", "same_turn"]), default="and"),
        click.option("--distance", type=int, default=0, help="NEAR: characters between codings."),
        click.option(
            "--conclusion-column",
            metavar="LABEL",
            help="Add a column for your conclusion, e.g. 'Kesimpulan'.",
        ),
        click.option(
            "--conclusion-row",
            metavar="LABEL",
            help="Add a row for your conclusion, e.g. 'Kesimpulan'.",
        ),
        click.option(
            "--bucket",
            type=click.Choice(["month", "quarter", "year", "value"]),
            help="Time-ordered / event listing: periods by month, quarter, year, or as coded.",
        ),
        click.option(
            "--no-fallback",
            is_flag=True,
            help="Time-ordered: use the chosen time field only (no fallback).",
        ),
        click.option(
            "--show-empty",
            is_flag=True,
            help="Show case and role headers that hold no data at all (Interviewer, "
            "Moderator); hidden by default.",
        ),
        click.option("--level", help="Event listing: the case attribute holding the level."),
        click.option("--outcome", help="Contrast table / predictor-outcome: outcome attribute."),
        click.option(
            "--extremes",
            type=click.IntRange(1, 50),
            default=2,
            show_default=True,
            help="Contrast table: how many highest and lowest cases.",
        ),
        click.option("--short-run", help="Explanatory effects: short-run effect codes."),
        click.option("--long-run", help="Explanatory effects: long-run consequence codes."),
        click.option("--coping", help="Case dynamics: codes of how problems were coped with."),
        click.option("--results", help="Case dynamics: codes of the results."),
        click.option(
            "--source",
            "sources",
            multiple=True,
            metavar="NAME",
            help="Contact summary: a contact (source) to summarise (repeat).",
        ),
        click.option(
            "--coders",
            "coders",
            metavar="NAMES",
            help="Count only these coders (comma-separated); default: the project's "
            "analysis coders, else everyone.",
        ),
        click.option(
            "--unit",
            type=click.Choice(["passages", "codings"]),
            default="passages",
            show_default=True,
            help="Count passages (overlapping codings of one code by different coders once) "
            "or every coding (per-coder view).",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def code_ids(p: Any, names: str | None) -> list[int] | None:
    """Ids of comma-separated code names or paths (None when none are given)."""
    if not names:
        return None
    return [p.codes.find(n.strip()).id for n in names.split(",") if n.strip()]


def parse_filters(p: Any, items: tuple[str, ...]) -> dict[str, Any]:
    """``--filter key=v1,v2`` pairs; names of codes, sources and cases become ids."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"'{item}' is not KEY=VALUE", param_hint="--filter")
        values = [v.strip() for v in value.split(",") if v.strip()]
        if key.startswith("attribute:"):
            out.setdefault("attribute", {})[key.split(":", 1)[1]] = values
        elif key == "codes":
            out["codes"] = [p.codes.find(v).id for v in values]
        elif key == "sources":
            out["sources"] = [p.sources.find(v).id for v in values]
        elif key == "cases":
            out["cases"] = [p.cases.find(v).id for v in values]
        elif key in LIST_FILTERS:
            out[key] = values
        elif key in ("period_from", "period_to"):
            out[key] = value
        else:
            raise click.BadParameter(f"unknown filter '{key}'", param_hint="--filter")
    return out


def spec_from_options(p: Any, type_: str, opts: dict[str, Any]) -> Any:
    """The :class:`DisplaySpec` of ready-made display ``type_`` as the options describe it."""
    from qualcode.analysis.displays import customised_spec

    if type_ not in READY:
        raise click.BadParameter(
            f"'{type_}': use {', '.join(DISPLAY_TYPES)} or saved:NAME", param_hint="TYPE"
        )
    get = opts.get
    flt = parse_filters(p, tuple(get("filters") or ()))
    if get("coders"):
        flt["coders"] = [c.strip() for c in str(get("coders")).split(",") if c.strip()]
    params: dict[str, Any] = {
        "filters": flt or None,
        "codes": code_ids(p, get("codes")),
    }
    if get("variable"):
        params["variable"] = p.codes.find(get("variable")).id
    if type_ in ("matrix", "coverage", "checklist") and get("cols"):
        params["columns"] = get("cols")
    if type_ == "role_ordered":
        params.update(role=get("role"), rank=get("rank"))
        if get("role_groups"):
            params["groups"] = {
                label.strip(): [x.strip() for x in patterns.split(",") if x.strip()]
                for label, _, patterns in (g.partition("=") for g in opts["role_groups"])
            }
    if type_ == "case_ordered":
        params.update(order_by=get("rank"), descending=not get("ascending"))
    if type_ == "effects":
        params.update(group=get("attribute") or get("role"), cutoff=get("cutoff"))
        if get("time_field"):
            params["time_field"] = get("time_field")
    if type_ == "clustered" and get("groups"):
        params["groups"] = {
            label.strip(): code_ids(p, names) or []
            for label, _, names in (g.partition("=") for g in opts["groups"])
        }
    if type_ == "cooccurrence":
        params.update(op=get("op") or "and", distance=get("distance") or 0)
    if type_ == "time_ordered":
        params.update(bucket=get("bucket"), field=get("time_field"))
        if get("no_fallback"):
            params["fallback"] = False
    params.update(_mhs_params(p, type_, opts))
    spec = customised_spec(
        p,
        type_,
        params,
        rows=get("rows"),
        columns=get("cols"),
        measure=get("measure"),
        cell=get("cell"),
        conclusion_column=get("conclusion_column"),
        conclusion_row=get("conclusion_row"),
    )
    if get("unit") and get("unit") != "passages":
        spec = spec.with_(options={**dict(spec.options), "unit": get("unit")})
    if get("show_empty"):
        spec = spec.with_(options={**dict(spec.options), "show_empty": True})
    return spec


def _mhs_params(p: Any, type_: str, opts: dict[str, Any]) -> dict[str, Any]:
    """Parameters of the displays of :mod:`qualcode.analysis.displays_mhs`."""
    get = opts.get
    if type_ == "event_listing":
        return {"level": get("level"), "bucket": get("bucket")}
    if type_ == "contrast_table":
        return {"outcome": get("outcome") or get("rank"), "extremes": get("extremes") or 2}
    if type_ == "predictor_outcome":
        return {"outcome": get("outcome") or get("rank"), "descending": not get("ascending")}
    if type_ == "explanatory_effects":
        return {"short_run": code_ids(p, get("short_run")),
                "long_run": code_ids(p, get("long_run")),
                "op": get("op") if get("op") != "and" else "same_turn",
                "distance": get("distance") or 0}  # fmt: skip
    if type_ == "case_dynamics":
        return {"coping": code_ids(p, get("coping")), "results": code_ids(p, get("results")),
                "op": get("op") if get("op") != "and" else "same_turn",
                "distance": get("distance") or 0}  # fmt: skip
    if type_ == "contact_summary" and get("sources"):
        return {"sources": [p.sources.find(n).id for n in opts["sources"]]}
    return {}
