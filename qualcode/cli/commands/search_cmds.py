"""``qualcode search``, ``words`` and ``autocode``: finding text from the shell."""

from __future__ import annotations

import click

from qualcode.cli.common import (
    coder_option,
    emit_json,
    emit_table,
    json_option,
    open_project,
    project_argument,
)
from qualcode.text.query import DEFAULT_MODE

MODES = ("exact", "words", "any", "lemma", "wildcard", "fuzzy", "regex")


def register(cli: click.Group) -> None:
    """Add the search commands to ``cli``."""
    cli.add_command(search_cmd)
    cli.add_command(words_cmd)
    cli.add_command(autocode_cmd)


def _scope(source: tuple[str, ...], case: tuple[str, ...], code: tuple[str, ...]) -> object:
    from qualcode.search.scope import Scope

    return Scope(sources=list(source) or None, cases=list(case) or None, codes=list(code) or None)


@click.command("search", context_settings={"ignore_unknown_options": True})
@project_argument
@click.argument("query", required=False)
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default=DEFAULT_MODE,
    show_default=True,
    help="lemma: every form of a word (sosialisasi finds disosialisasikan); words: as typed.",
)
@click.option("--source", multiple=True, metavar="NAME", help="Only this source (repeatable).")
@click.option("--case", multiple=True, metavar="NAME", help="Only text of this case (repeatable).")
@click.option("--code", multiple=True, metavar="NAME", help="Only text coded with this code.")
@click.option(
    "--threshold", type=float, default=80.0, show_default=True, help="Fuzzy: minimum score."
)
@click.option("--case-sensitive", is_flag=True, help="Match upper/lower case exactly.")
@click.option("--limit", type=int, default=None, metavar="N", help="At most N hits.")
@click.option("--context", type=int, default=40, show_default=True, help="Characters each side.")
@click.option(
    "--rebuild-index",
    is_flag=True,
    help="Rebuild the project's search index from the texts first (QUERY may be left out).",
)
@json_option
def search_cmd(
    project: str,
    query: str | None,
    mode: str,
    source: tuple[str, ...],
    case: tuple[str, ...],
    code: tuple[str, ...],
    threshold: float,
    case_sensitive: bool,
    limit: int | None,
    context: int,
    rebuild_index: bool,
    as_json: bool,
) -> None:
    """Search PROJECT for QUERY; print keyword-in-context hits.

    Works while the project is open in the app. A QUERY starting with '-' may
    follow '--' (qualcode search P -- -an), like any argument.
    """
    from qualcode.search.search import search

    if query is None and not rebuild_index:
        raise click.UsageError("Missing argument 'QUERY'.")
    with open_project(project, reading=True) as p:
        if rebuild_index:
            _rebuild(p)
        if query is None:
            return
        hits = search(
            p, query, mode, scope=_scope(source, case, code),  # type: ignore[arg-type]
            case_sensitive=case_sensitive, threshold=threshold, context=context, limit=limit,
        )  # fmt: skip
        _warn(p)
    if as_json:
        emit_json(hits)
        return
    for h in hits:
        who = f" [{h.speaker or h.case}]" if (h.speaker or h.case) else ""
        click.echo(f"{h.source}:{h.start}-{h.end}{who}  {h.left}[{h.text}]{h.right}")
    click.echo(f"{len(hits)} hit(s)", err=True)


def _rebuild(p: object) -> None:
    """Rebuild the stored index; say so when this client may not rewrite it."""
    from qualcode.search.index import may_write_index, rebuild_index

    report = rebuild_index(p)  # type: ignore[arg-type]
    if may_write_index(p):  # type: ignore[arg-type]
        click.echo(f"Search index rebuilt ({report.added} source(s)).", err=True)
    else:
        click.echo(
            f"Indexed {report.added} source(s) on this computer; the project's stored index "
            "was left as it is (it is read-only here, or only a team owner may rewrite it).",
            err=True,
        )
    _warn(p)


def _warn(p: object) -> None:
    """Print what opening the search index found (an altered team index)."""
    from qualcode.search.index import index_warnings

    for warning in index_warnings(p):  # type: ignore[arg-type]
        click.echo(f"Warning: {warning}", err=True)


@click.command("words")
@project_argument
@click.option(
    "--by", type=click.Choice(("lemma", "key", "form")), default="lemma", show_default=True
)
@click.option("--top", type=int, default=50, show_default=True)
@click.option("--group", "group_by", metavar="BY", help="source, case, code or attribute:NAME.")
@click.option("--source", multiple=True, metavar="NAME")
@click.option("--case", multiple=True, metavar="NAME")
@click.option("--code", multiple=True, metavar="NAME")
@click.option("--xlsx", type=click.Path(dir_okay=False), help="Also save the table to this .xlsx.")
@click.option(
    "--cloud", type=click.Path(dir_okay=False), help="Also draw a word cloud (.png/.svg)."
)
@json_option
def words_cmd(
    project: str,
    by: str,
    top: int,
    group_by: str | None,
    source: tuple[str, ...],
    case: tuple[str, ...],
    code: tuple[str, ...],
    xlsx: str | None,
    cloud: str | None,
    as_json: bool,
) -> None:
    """Word frequency of PROJECT (stop words removed)."""
    from qualcode.search.words import export_xlsx, word_cloud, word_frequencies

    with open_project(project, reading=True) as p:
        rows = word_frequencies(
            p, by="form" if by == "form" else "key", scope=_scope(source, case, code),  # type: ignore[arg-type]
            group_by=group_by, top=top,
        )  # fmt: skip
        _warn(p)
    if xlsx:
        export_xlsx(rows, xlsx)
    if cloud:
        word_cloud(rows, cloud)
    if as_json:
        emit_json(rows)
        return
    if group_by:
        emit_table(
            [[r.group, r.word, r.count, r.sources] for r in rows],
            ["group", "word", "count", "sources"],
        )
    else:
        emit_table([[r.word, r.count, r.sources] for r in rows], ["word", "count", "sources"])


@click.command("autocode")
@project_argument
@click.option("--code", "code_name", required=True, metavar="NAME", help="The code to apply.")
@click.option("--query", metavar="Q", help="Code search hits for Q.")
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default=DEFAULT_MODE,
    show_default=True,
    help="lemma: every form of a word (sosialisasi finds disosialisasikan); words: as typed.",
)
@click.option("--speaker", metavar="CASE", help="Code every turn of this case.")
@click.option("--like", metavar="CODE", help="Suggest passages similar to this code's codings.")
@click.option("--guide", type=click.Path(exists=True, dir_okay=False), help="Interview guide file.")
@click.option("--unit", type=click.Choice(("hit", "sentence", "paragraph", "turn")), default="hit",
              show_default=True)  # fmt: skip
@click.option("--threshold", type=float, default=80.0, show_default=True)
@click.option("--top", type=int, default=50, show_default=True, help="--like: suggestions.")
@click.option("--source", multiple=True, metavar="NAME")
@click.option("--case", multiple=True, metavar="NAME")
@click.option("--apply", "do_apply", is_flag=True, help="Code all candidates (else only preview).")
@json_option
@coder_option
def autocode_cmd(
    project: str,
    code_name: str,
    query: str | None,
    mode: str,
    speaker: str | None,
    like: str | None,
    guide: str | None,
    unit: str,
    threshold: float,
    top: int,
    source: tuple[str, ...],
    case: tuple[str, ...],
    do_apply: bool,
    as_json: bool,
    coder: str | None,
) -> None:
    """Preview auto-coding with a code; with --apply, code the candidates (one undo step)."""
    from qualcode.errors import ValidationError
    from qualcode.i18n import QT_TRANSLATE_NOOP
    from qualcode.search import autocode as ac

    chosen = [x for x in (query, speaker, like, guide) if x]
    if len(chosen) != 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give exactly one of --query, --speaker, --like, --guide.")
        )
    with open_project(project, coder, reading=not do_apply) as p:
        if query:
            preview = ac.preview_search(
                p, code_name, query, mode, unit=unit, scope=_scope(source, case, ()),  # type: ignore[arg-type]
                threshold=threshold,
            )  # fmt: skip
        elif speaker:
            preview = ac.preview_speaker(p, code_name, speaker)
        elif like:
            from qualcode.search.similar import preview_like

            preview = preview_like(
                p, code_name, profile=like, unit="turn" if unit == "turn" else "sentence",
                top=top, scope=_scope(source, case, ()),  # type: ignore[arg-type]
            )  # fmt: skip
        else:
            assert guide is not None
            preview = ac.preview_guide(p, code_name, ac.read_guide(guide), threshold=threshold)
        applied = None
        if do_apply:
            changes = ac.apply(p, preview)
            applied = len(changes.result or [])
        _warn(p)
    if as_json:
        emit_json({"code": preview.code, "candidates": preview.candidates, "applied": applied})
        return
    for i, c in enumerate(preview.candidates):
        mark = "=" if c.coded else " "
        snippet = " ".join(c.text.split())
        click.echo(f"{i:4d}{mark} {c.score:5.1f}  {c.source}:{c.start}-{c.end}  {snippet[:100]}")
    click.echo(f"{len(preview)} candidate(s) for {preview.code}", err=True)
    if applied is not None:
        click.echo(f"Coded {applied} new range(s); undo with 'qualcode undo'.", err=True)
    elif preview.candidates:
        click.echo("Preview only: add --apply to code them.", err=True)
