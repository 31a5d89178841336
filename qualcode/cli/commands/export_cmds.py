"""``qualcode export excerpts|report|display``: Word, Excel, CSV and HTML a thesis can use."""

from __future__ import annotations

from typing import Any

import click

from qualcode.cli.common import coder_option, open_project, project_argument

LANGUAGE = click.Choice(["id", "en"])
GROUPS = click.Choice(["code-case", "code-kind", "code-source", "code"])
KINDS = click.Choice(["interview", "focus-group", "observation", "document", "other"])
VALENCES = click.Choice(["supporting", "inhibiting", "neutral"])


def register(cli: click.Group) -> None:
    """Add ``export`` to ``cli``."""
    cli.add_command(export)


@click.group()
def export() -> None:
    """Export coded excerpts, displays and project reports (.docx, .xlsx, .csv, .html).

    CSV files are UTF-8 with a byte-order mark, so Excel shows Indonesian text right.
    """


def _style(pseudonymise: bool, fields: str | None, separator: str | None) -> Any:
    from qualcode.export.attribution import FIELDS, AttributionStyle

    kwargs: dict[str, Any] = {"pseudonymise": pseudonymise}
    if fields:
        chosen = tuple(f.strip() for f in fields.split(",") if f.strip())
        bad = [f for f in chosen if f not in FIELDS and not f.startswith("attr:")]
        if bad:
            raise click.BadParameter(
                f"unknown part {', '.join(bad)} (use {', '.join(FIELDS)}, attr:NAME)",
                param_hint="--cite",
            )
        kwargs["fields"] = chosen
    if separator is not None:
        kwargs["separator"] = separator
    return AttributionStyle(**kwargs)


def _progress(label: str) -> Any:
    """A progress callback that prints a percentage to stderr now and then."""
    last = [-1]

    def report(done: int, total: int) -> None:
        pct = 100 if total == 0 else done * 100 // total
        if pct // 10 != last[0] // 10:
            last[0] = pct
            click.echo(f"\r{label}: {pct}%", nl=pct == 100, err=True)

    return report


@export.command("excerpts")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--code", "codes", multiple=True, metavar="NAME",
              help="Code name or Parent/Child path (repeat); with its sub-codes.")  # fmt: skip
@click.option("--no-children", is_flag=True, help="Only the named codes, not their sub-codes.")
@click.option("--case", "cases", multiple=True, metavar="NAME", help="Only these cases (repeat).")
@click.option("--attribute", "attributes", multiple=True, metavar="NAME=VALUE",
              help="Only cases whose attribute has this value (repeat).")  # fmt: skip
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only these sources.")
@click.option("--kind", "kinds", multiple=True, type=KINDS, help="Only these source kinds.")
@click.option("--coder", "coders", multiple=True, metavar="NAME", help="Only these coders.")
@click.option("--valence", "valences", multiple=True, type=VALENCES, help="Only this valence.")
@click.option("--group-by", type=GROUPS, default="code-case", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Cite cases by their Kode attribute or as 'Informan N'.")  # fmt: skip
@click.option("--language", type=LANGUAGE, default="id", show_default=True)
@click.option("--context", type=int, default=0, metavar="N",
              help="Show N characters of text before and after each excerpt (grey).")  # fmt: skip
@click.option("--context-sentences", type=int, default=0, metavar="N",
              help="Show N sentences before and after instead.")  # fmt: skip
@click.option("--other-codes", is_flag=True, help="List the other codes on each excerpt.")
@click.option("--no-code-path", is_flag=True, help="Leave out the code chip under quotes.")
@click.option("--no-note", is_flag=True, help="Leave out coding notes and valence.")
@click.option("--cite", "cite_fields", metavar="PARTS",
              help="Citation parts in order, comma-separated: case,role,organisation,date,"
              "position,source,speaker,coder,attr:NAME.")  # fmt: skip
@click.option("--separator", help="Between citation parts (default ', ').")
@click.option("--title", help="Document title.")
@click.option("--quiet", is_flag=True, help="No progress output.")
def excerpts(
    project: str, out: str, codes: tuple[str, ...], no_children: bool, cases: tuple[str, ...],
    attributes: tuple[str, ...], sources: tuple[str, ...], kinds: tuple[str, ...],
    coders: tuple[str, ...], valences: tuple[str, ...], group_by: str, pseudonymise: bool,
    language: str, context: int, context_sentences: int, other_codes: bool, no_code_path: bool,
    no_note: bool, cite_fields: str | None, separator: str | None, title: str | None,
    quiet: bool,
) -> None:  # fmt: skip
    """Export coded excerpts to OUT (.docx, .xlsx or .csv)."""
    from qualcode.export.excerpts import export_excerpts
    from qualcode.export.selection import ExcerptFilter, ExcerptOptions

    case_attributes: dict[str, list[str]] = {}
    for item in attributes:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"expected NAME=VALUE, got '{item}'", param_hint="--attribute")
        case_attributes.setdefault(name.strip(), []).append(value.strip())
    options = ExcerptOptions(
        language=language, group_by=group_by,
        attribution=_style(pseudonymise, cite_fields, separator),
        context_chars=context, context_sentences=context_sentences,
        show_code_path=not no_code_path, show_note=not no_note,
        show_other_codes=other_codes, title=title,
    )  # fmt: skip
    with open_project(project, read_only=True) as p:
        flt = ExcerptFilter(
            codes=[p.codes.find(c).id for c in codes] if codes else None,
            include_children=not no_children,
            cases=[p.cases.find(c).id for c in cases] if cases else None,
            case_attributes=case_attributes,
            sources=[p.sources.find(s).id for s in sources] if sources else None,
            source_kinds=list(kinds) or None,
            coders=list(coders) or None,
            valences=list(valences) or None,
        )
        n = export_excerpts(p, out, flt, options, progress=None if quiet else _progress(out))
    click.echo(f"Wrote {n} excerpts to {out}")


def _displays(p: Any, names: tuple[str, ...], language: str, style: Any) -> list[Any]:
    from qualcode.analysis.displays import build_ready
    from qualcode.analysis.saved import find_saved, run_saved
    from qualcode.export.display_adapter import table_from_display

    tables = []
    for name in names:
        if name.startswith("saved:"):
            record = find_saved(p, name[6:])
            display = run_saved(p, record.id)
            title: str | None = record.name
        else:
            display, title = build_ready(p, name), None
        tables.append(
            table_from_display(display, project=p, title=title, language=language, style=style)
        )
    return tables


@export.command("report")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--language", type=LANGUAGE, default="id", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Show cases by their Kode attribute or as 'Informan N'.")  # fmt: skip
@click.option(
    "--display",
    "displays",
    multiple=True,
    metavar="TYPE|saved:NAME",
    help="Include a ready-made display (matrix, factors, coverage...) or a saved one.",
)
@click.option("--no-excerpts", is_flag=True, help="Leave out the coded excerpts.")
@click.option("--quiet", is_flag=True, help="No progress output.")
@coder_option
def report(
    project: str, out: str, language: str, pseudonymise: bool, displays: tuple[str, ...],
    no_excerpts: bool, quiet: bool, coder: str | None,
) -> None:  # fmt: skip
    """Export a project report to OUT (.docx or .html): summary, sources, cases, codebook,
    displays and coded excerpts."""
    from qualcode.export.excerpts import export_report
    from qualcode.export.selection import ExcerptOptions

    style = _style(pseudonymise, None, None)
    options = ExcerptOptions(language=language, attribution=style)
    with open_project(project, coder, read_only=True) as p:
        tables = _displays(p, displays, language, style)
        export_report(
            p, out, options, tables=tuple(tables), include_excerpts=not no_excerpts,
            progress=None if quiet else _progress(out),
        )  # fmt: skip
    click.echo(f"Wrote {out}")


@export.command("review")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--pseudonymise", is_flag=True, help="Replace case names with pseudonyms.")
def review_cmd(project: str, out: str, language: str, pseudonymise: bool) -> None:
    """The review report (.docx or .html): every comment thread by target, for the bimbingan log."""
    from qualcode.export.review_report import write_review_docx, write_review_html

    write = write_review_html if out.lower().endswith((".html", ".htm")) else write_review_docx
    with open_project(project, read_only=True) as p:
        write(p, out, language=language, pseudonymise=pseudonymise)
    click.echo(f"Wrote {out}")


@export.command("display")
@project_argument
@click.argument("type_", metavar="TYPE")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--codes", help="Codes (names or paths, comma-separated) for the code axis.")
@click.option("--cols", help="Column dimension: cases, attribute:NAME, sources, source_kind...")
@click.option("--rows", help="Row dimension (same forms as --cols).")
@click.option("--cell", type=click.Choice(["count", "excerpts", "summary", "rating"]))
@click.option("--measure", type=click.Choice(["codings", "sources", "cases", "chars"]))
@click.option("--variable", help="Checklist: the code whose sub-codes are the components.")
@click.option("--language", type=LANGUAGE, default="id", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True, help="Cite cases by pseudonym.")
@click.option("--title", help="Title of the table.")
@coder_option
def display_cmd(
    project: str, type_: str, out: str, codes: str | None, cols: str | None, rows: str | None,
    cell: str | None, measure: str | None, variable: str | None, language: str,
    pseudonymise: bool, title: str | None, coder: str | None,
) -> None:  # fmt: skip
    """Build display TYPE (matrix, framework, factors... or saved:NAME) and write OUT
    (.docx, .xlsx, .csv or .html)."""
    from qualcode.analysis.displays import customised_spec
    from qualcode.analysis.engine import build_display
    from qualcode.export.common import check_suffix
    from qualcode.export.display_adapter import table_from_display

    suffix = check_suffix(out, (".docx", ".xlsx", ".csv", ".html"))
    style = _style(pseudonymise, None, None)
    with open_project(project, coder, read_only=True) as p:
        if type_.startswith("saved:"):
            table = _displays(p, (type_,), language, style)[0]
        else:
            params: dict[str, Any] = {}
            if codes:
                ids = [p.codes.find(n.strip()).id for n in codes.split(",") if n.strip()]
                params["dimensions" if type_ == "factors" else "codes"] = ids
            if cols and type_ in ("matrix", "coverage", "checklist"):
                params["columns"] = cols
            if type_ == "checklist":
                if not variable:
                    raise click.UsageError("checklist needs --variable CODE")
                params["variable"] = p.codes.find(variable).id
            spec = customised_spec(
                p, type_, params, rows=rows, columns=cols, measure=measure, cell=cell
            )
            table = table_from_display(
                build_display(p, spec), project=p, title=title, language=language, style=style
            )
    _write_table(table, out, suffix, language)
    click.echo(f"Wrote {out}")


def _write_table(table: Any, out: str, suffix: str, language: str) -> None:
    if suffix == ".xlsx":
        from qualcode.export.tables_xlsx import write_tables_xlsx

        write_tables_xlsx([table], out, language=language)
    elif suffix == ".docx":
        from qualcode.export.tables_docx import write_tables_docx

        write_tables_docx([table], out, language=language)
    elif suffix == ".csv":
        from qualcode.export.csv_out import write_table_csv

        write_table_csv(table, out)
    else:
        from qualcode.export.html_report import write_table_html

        write_table_html(table, out, language=language)
