"""``qualcode source ...`` and ``qualcode turns``: import, list, show and delete sources."""

from __future__ import annotations

import sys
from typing import Any

import click

from qualcode.cli.common import (
    coder_option,
    emit_json,
    emit_table,
    json_option,
    open_project,
    project_argument,
)
from qualcode.records import SOURCE_KINDS

KINDS = list(SOURCE_KINDS)


def register(cli: click.Group) -> None:
    """Add the ``source`` group and the ``turns`` command to ``cli``."""
    cli.add_command(source)
    cli.add_command(turns_cmd)


@click.group()
def source() -> None:
    """Import, list, show and delete sources (transcripts, notes, documents)."""


def _result_json(r: Any) -> dict[str, Any]:
    return {
        "file": r.file,
        "status": r.status,
        "source": r.source.name if r.source else None,
        "id": r.source.id if r.source else None,
        "kind": r.source.kind if r.source else None,
        "language": r.source.language if r.source else None,
        "date": r.source.date_collected if r.source else None,
        "turns": r.turns,
        "speakers": r.speakers,
        "cases_created": r.cases_created,
        "header": r.header,
        "warnings": r.warnings,
        "error": r.error,
    }


def _print_result(r: Any) -> None:
    if r.status == "failed":
        click.echo(f"FAILED   {r.file}: {r.error}")
        return
    if r.status == "skipped":
        click.echo(f"skipped  {r.file}")
    else:
        s = r.source
        date = s.date_collected.isoformat() if s.date_collected else "-"
        click.echo(
            f"imported {r.file} as '{s.name}' ({s.kind}, {s.language or '?'}, {date}), "
            f"{r.turns} turns"
        )
        if r.speakers:
            click.echo("  speakers: " + ", ".join(f"{k} → {v}" for k, v in r.speakers.items()))
        if r.cases_created:
            click.echo("  new cases: " + ", ".join(r.cases_created))
        for key, value in r.header.items():
            click.echo(f"  {key}: {value}")
    for warning in r.warnings:
        click.echo(f"  warning: {warning}")


@source.command("add")
@project_argument
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--kind", type=click.Choice(KINDS), help="Source kind (default: guessed).")
@click.option("--language", type=click.Choice(["id", "en"]), help="Language (default: detected).")
@click.option("--no-turns", is_flag=True, help="Do not detect speaker turns.")
@json_option
@coder_option
def add(
    project: str,
    files: tuple[str, ...],
    kind: str | None,
    language: str | None,
    no_turns: bool,
    as_json: bool,
    coder: str | None,
) -> None:
    """Import FILES (and folders, recursively) into PROJECT, one undo step per file."""
    from qualcode.sources.batch import import_many

    show = sys.stdout.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show:
            end = "\n" if done == total else "\r"
            click.echo(f"[{done}/{total}] {name[:60]:<60}", err=True, nl=False)
            click.echo(end, err=True, nl=False)

    with open_project(project, coder) as p:
        batch = import_many(
            p, files, progress=progress, kind=kind, language=language, detect_turns=not no_turns
        )
    if as_json:
        emit_json([_result_json(r) for r in batch.results])
    else:
        for r in batch.results:
            _print_result(r)
        click.echo(
            f"{len(batch.imported)} imported, {len(batch.skipped)} skipped, "
            f"{len(batch.failed)} failed"
        )
    if batch.failed:
        sys.exit(1)


@source.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List the sources of PROJECT."""
    with open_project(project, read_only=True) as p:
        sources = p.sources.all()
    if as_json:
        emit_json(
            [
                {
                    "id": s.id,
                    "name": s.name,
                    "kind": s.kind,
                    "language": s.language,
                    "date": s.date_collected,
                    "length": s.length,
                    "file": s.original_name,
                }
                for s in sources
            ]
        )
        return
    emit_table(
        [[s.id, s.name, s.kind, s.language, s.date_collected, s.length] for s in sources],
        ["id", "name", "kind", "lang", "date", "length"],
    )


@source.command("show")
@project_argument
@click.argument("name")
@click.option("--text", "with_text", is_flag=True, help="Print the whole text too.")
@json_option
def show(project: str, name: str, with_text: bool, as_json: bool) -> None:
    """Show a source's facts, header fields and speakers (and its text with --text)."""
    from qualcode.sources.importing import turns

    with open_project(project, read_only=True) as p:
        s = p.sources.find(name)
        count = len(turns(p, s.id))
        text = p.sources.text(s.id) if with_text else None
    if as_json:
        out: dict[str, Any] = {
            "id": s.id, "name": s.name, "kind": s.kind, "language": s.language,
            "date": s.date_collected, "length": s.length, "file": s.original_name,
            "sha256": s.sha256, "turns": count, "meta": s.meta,
        }  # fmt: skip
        if text is not None:
            out["text"] = text
        emit_json(out)
        return
    click.echo(f"{s.name}  ({s.kind}, {s.language or '?'}, {s.date_collected or '-'})")
    click.echo(f"  file: {s.original_name or '-'}  length: {s.length}  turns: {count}")
    for key, value in s.meta.items():
        if key.startswith("header.") or key in ("speakers", "interviewer_speakers"):
            click.echo(f"  {key}: {value}")
    if text is not None:
        click.echo()
        click.echo(text)


@source.command("delete")
@project_argument
@click.argument("name")
@coder_option
def delete(project: str, name: str, coder: str | None) -> None:
    """Delete a source with its codings and case links (undoable)."""
    with open_project(project, coder) as p:
        s = p.sources.find(name)
        p.sources.delete(s.id)
    click.echo(f"Deleted source {s.name}")


@click.command("turns")
@project_argument
@click.argument("source_name", metavar="SOURCE")
@json_option
def turns_cmd(project: str, source_name: str, as_json: bool) -> None:
    """List the speaker turns of SOURCE (speaker, case, start, end)."""
    from qualcode.sources.importing import turns

    with open_project(project, read_only=True) as p:
        s = p.sources.find(source_name)
        found = turns(p, s.id)
    rows = [
        {"speaker": x.speaker, "case": x.case, "start": x.start, "end": x.end, "role": x.role}
        for x in found
    ]
    if as_json:
        emit_json(rows)
        return
    emit_table(
        [[r["speaker"], r["case"], r["start"], r["end"], r["role"]] for r in rows],
        ["speaker", "case", "start", "end", "role"],
    )
