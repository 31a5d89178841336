"""``qualcode export excerpts|report|display``: Word, Excel, CSV and HTML a thesis can use."""

from __future__ import annotations

from typing import Any

import click

from qualcode.cli.common import coder_option, open_project, project_argument
from qualcode.cli.display_options import DISPLAY_TYPES, display_options, spec_from_options
from qualcode.cli.export_guard import guarded as _guarded
from qualcode.records import SOURCE_KINDS, VALENCES

LANGUAGE = click.Choice(["id", "en"])
GROUPS = click.Choice(["code-case", "code-kind", "code-source", "code"])
KINDS = click.Choice(SOURCE_KINDS)
VALENCE = click.Choice(VALENCES)


def register(cli: click.Group) -> None:
    """Add ``export`` to ``cli``."""
    cli.add_command(export)


@click.group()
def export() -> None:
    """Export coded excerpts, displays and project reports (.docx, .xlsx, .csv, .html).

    CSV files are UTF-8 with a byte-order mark, so Excel shows Indonesian text right.
    """


def _style(pseudonymise: bool, fields: str | None, separator: str | None) -> Any:
    from qualcode.cases.attribution import FIELDS, AttributionStyle

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


accept_leaks_option = click.option(
    "--accept-leaks", is_flag=True,
    help="Write the file even if register entries remain in it (they are listed).",
)  # fmt: skip


@export.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--project", "project", required=True, metavar="PROJECT",
              help="The project whose identity register to look for.")  # fmt: skip
def check(file: str, project: str) -> None:
    """Scan FILE (.docx, .xlsx, .csv, .html, .qdpx...) for every identity register entry of
    PROJECT; exit code 1 if any is found."""
    from qualcode.export.leaks import describe, scan_file
    from qualcode.export.pseudonymise import Pseudonymiser

    with open_project(project, read_only=True) as p:
        engine = Pseudonymiser.for_project(p)
    leaks = scan_file(file, engine)
    if leaks:
        click.echo(f"{file}: {len(leaks)} identifying text(s) found:\n{describe(leaks, 200)}")
        raise SystemExit(1)
    click.echo(f"{file}: none of the {len(engine.entries)} register entries found")


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
@click.option("--coder", "--coders", "coders", multiple=True, metavar="NAMES",
              help="Only these coders (repeat or comma-separate); default: the project's "
              "analysis coders, else everyone.")  # fmt: skip
@click.option("--unit", type=click.Choice(["passages", "codings"]), default="passages",
              show_default=True, help="One excerpt per passage (overlapping codings of one "
              "code by different coders) or per coding.")  # fmt: skip
@click.option("--valence", "valences", multiple=True, type=VALENCE, help="Only this valence.")
@click.option("--group-by", type=GROUPS, default="code-case", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Cite cases by their Kode attribute or as 'Informan N' and replace every "
              "identity register entry; the file is checked for leaks.")  # fmt: skip
@accept_leaks_option
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
@click.option("--all-codes", is_flag=True,
              help="One appendix (lampiran) of every code, grouped by code then case.")  # fmt: skip
@click.option("--quiet", is_flag=True, help="No progress output.")
def excerpts(
    project: str, out: str, codes: tuple[str, ...], no_children: bool, cases: tuple[str, ...],
    attributes: tuple[str, ...], sources: tuple[str, ...], kinds: tuple[str, ...],
    coders: tuple[str, ...], unit: str, valences: tuple[str, ...], group_by: str,
    pseudonymise: bool, accept_leaks: bool, language: str, context: int,
    context_sentences: int, other_codes: bool,
    no_code_path: bool, no_note: bool, cite_fields: str | None, separator: str | None,
    title: str | None, all_codes: bool, quiet: bool,
) -> None:  # fmt: skip
    """Export coded excerpts to OUT (.docx, .xlsx or .csv); --all-codes for the appendix."""
    from qualcode.export.excerpts import export_excerpts
    from qualcode.export.selection import ExcerptFilter, ExcerptOptions

    if all_codes and codes:
        raise click.UsageError("--all-codes exports every code: leave out --code.")
    if all_codes and title is None:
        title = "Lampiran: Kutipan Terkode" if language == "id" else "Appendix: Coded Excerpts"
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
            coders=[n.strip() for c in coders for n in c.split(",") if n.strip()] or None,
            valences=list(valences) or None,
            unit=unit,
        )
        n = _guarded(
            p, out, pseudonymise, accept_leaks,
            lambda path: export_excerpts(
                p, path, flt, options, progress=None if quiet else _progress(out)
            ),
        )  # fmt: skip
    click.echo(f"Wrote {n} excerpts to {out}")


def _displays(
    p: Any, names: tuple[str, ...], language: str, style: Any, drafts: str = "mark"
) -> list[Any]:
    from qualcode.analysis.displays import build_ready
    from qualcode.export.display_adapter import table_from_display

    tables = []
    for name in names:
        if name.startswith("saved:"):
            record = p.displays.find(name[6:])
            display = p.displays.run(record.id)
            title: str | None = record.name
        else:
            display, title = build_ready(p, name), None
        tables.append(
            table_from_display(
                display, project=p, title=title, language=language, style=style, drafts=drafts
            )
        )
    return tables


@export.command("report")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--language", type=LANGUAGE, default="id", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Show cases by their Kode attribute or as 'Informan N' and replace every "
              "identity register entry; the file is checked for leaks.")  # fmt: skip
@accept_leaks_option
@click.option(
    "--display",
    "displays",
    multiple=True,
    metavar="TYPE|saved:NAME",
    help="Include a ready-made display (matrix, factors, coverage...) or a saved one.",
)
@click.option("--no-excerpts", is_flag=True, help="Leave out the coded excerpts.")
@click.option("--charts", is_flag=True, help="Draw each display's chart under its table.")
@click.option("--quiet", is_flag=True, help="No progress output.")
@coder_option
def report(
    project: str, out: str, language: str, pseudonymise: bool, accept_leaks: bool,
    displays: tuple[str, ...], no_excerpts: bool, charts: bool, quiet: bool, coder: str | None,
) -> None:  # fmt: skip
    """Export a project report to OUT (.docx or .html): summary, sources, cases, codebook,
    displays and coded excerpts."""
    from qualcode.export.excerpts import export_report
    from qualcode.export.selection import ExcerptOptions

    style = _style(pseudonymise, None, None)
    options = ExcerptOptions(language=language, attribution=style)
    with open_project(project, coder, read_only=True) as p:
        tables = _displays(p, displays, language, style)
        _guarded(
            p, out, pseudonymise, accept_leaks,
            lambda path: export_report(
                p, path, options, tables=tuple(tables), include_excerpts=not no_excerpts,
                charts=charts, progress=None if quiet else _progress(out),
            ),
        )  # fmt: skip
    click.echo(f"Wrote {out}")


@export.command("review")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Pseudonyms for cases and every identity register entry.")  # fmt: skip
@click.option("--accept-leaks", is_flag=True, help="Write even if register entries remain.")
def review_cmd(project: str, out: str, language: str, pseudonymise: bool,
               accept_leaks: bool) -> None:  # fmt: skip
    """The review report (.docx or .html): every comment thread by target, for the bimbingan log."""
    from qualcode.export.review_report import write_review_docx, write_review_html

    write = write_review_html if out.lower().endswith((".html", ".htm")) else write_review_docx
    with open_project(project, read_only=True) as p:
        _guarded(
            p, out, pseudonymise, accept_leaks,
            lambda path: write(p, path, language=language, pseudonymise=pseudonymise),
        )  # fmt: skip
    click.echo(f"Wrote {out}")


@export.command(
    "display",
    help=f"Build display TYPE ({', '.join(DISPLAY_TYPES)} or saved:NAME) and write OUT "
    "(.docx, .xlsx, .csv or .html).",
)
@project_argument
@click.argument("type_", metavar="TYPE")
@click.argument("out", type=click.Path(dir_okay=False))
@display_options
@click.option("--language", type=LANGUAGE, default="id", show_default=True)
@click.option(
    "--pseudonymise",
    "--pseudonymize",
    is_flag=True,
    help="Cite cases by pseudonym and replace every identity register entry.",
)
@accept_leaks_option
@click.option("--title", help="Title of the table.")
@click.option("--drafts", type=click.Choice(["mark", "omit"]), default="mark", show_default=True,
              help="Drafted cell summaries: marked as drafts, or left out.")  # fmt: skip
@click.option("--chart", is_flag=True, help="Word: add the display's chart below the table.")
@coder_option
def display_cmd(
    project: str, type_: str, out: str, language: str, pseudonymise: bool,
    accept_leaks: bool, title: str | None, drafts: str, chart: bool, coder: str | None,
    **opts: Any,
) -> None:  # fmt: skip
    from qualcode.analysis.engine import build_display
    from qualcode.export.common import check_suffix
    from qualcode.export.display_adapter import table_from_display
    from qualcode.export.display_file import TABLE_SUFFIXES, write_table_file

    suffix = check_suffix(out, TABLE_SUFFIXES)
    if chart and suffix != ".docx":
        raise click.UsageError("--chart puts the chart in a Word file: write a .docx.")
    style = _style(pseudonymise, None, None)
    with open_project(project, coder, read_only=True) as p:
        if type_.startswith("saved:"):
            table = _displays(p, (type_,), language, style, drafts)[0]
        else:
            spec = spec_from_options(p, type_, opts)
            table = table_from_display(
                build_display(p, spec), project=p, title=title, language=language, style=style
            )
        _guarded(
            p, out, pseudonymise, accept_leaks,
            lambda path: write_table_file(table, path, language=language, charts=chart),
        )  # fmt: skip
    click.echo(f"Wrote {out}")
