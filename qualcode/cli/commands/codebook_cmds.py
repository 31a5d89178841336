"""``qualcode codebook ...``: list and show codebooks, load one into a project, export it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from qualcode.cli.common import coder_option, emit_json, emit_table, json_option, open_project
from qualcode.cli.export_guard import guarded, pseudonymise_options
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

LANGUAGE = click.Choice(["en", "id"])


def register(cli: click.Group) -> None:
    """Add the ``codebook`` group to ``cli``."""
    cli.add_command(codebook)


@click.group()
def codebook() -> None:
    """Theory-driven codebooks: list, show, load into a project, export."""


@codebook.command("list")
@json_option
def list_(as_json: bool) -> None:
    """List the shipped codebooks."""
    from qualcode.codebooks.files import shipped_codebooks

    books = shipped_codebooks()
    rows = [
        {
            "id": b.id,
            "title": b.title.get("en", ""),
            "version": b.version,
            "codes": len(b.code_ids()),
            "sets": len(b.sets),
            "reference": b.reference.citation() if b.reference else "",
            "file": b.source,
        }
        for b in books
    ]
    if as_json:
        emit_json(rows)
        return
    emit_table(
        [[r["id"], r["version"], r["codes"], r["sets"], r["title"]] for r in rows],
        ["id", "version", "codes", "sets", "title"],
    )


@codebook.command("show")
@click.argument("name", metavar="ID|FILE")
@click.option("--language", type=LANGUAGE, default="en", show_default=True)
@json_option
def show(name: str, language: str, as_json: bool) -> None:
    """Show a codebook's code tree with short definitions."""
    from qualcode.codebooks.files import codebook_to_data, find_codebook

    book = find_codebook(name)
    if as_json:
        emit_json(codebook_to_data(book))
        return
    click.echo(f"{book.id} {book.version}: {book.title.get(language) or book.title['en']}")
    if book.reference:
        click.echo(f"Reference: {book.reference.citation()}")
    for path, code in book.iter_codes():
        flag = " (optional)" if code.optional else ""
        short = code.text("short", language) if code.short else ""
        label = code.text("label", language)
        click.echo(f"{'  ' * len(path)}{code.id}  {label}{flag}" + (f" — {short}" if short else ""))
    for code_set in book.sets:
        members = ", ".join(code_set.codes)
        label = code_set.label.get(language) or code_set.label["en"]
        click.echo(f"Set {code_set.id} ({label}): {members}")


@codebook.command("load")
@click.argument("project", metavar="PROJECT")
@click.argument("name", metavar="ID|FILE")
@click.option("--skip-optional", is_flag=True, help="Leave out codes marked optional.")
@click.option(
    "--language",
    type=LANGUAGE,
    help="Language of code names, and of a table's texts (default: id).",
)
@coder_option
@json_option
def load(
    project: str, name: str, skip_optional: bool, language: str | None, coder: str | None,
    as_json: bool,
) -> None:  # fmt: skip
    """Load a codebook into PROJECT (re-loading merges by code id).

    ID is a shipped codebook; FILE a codebook .yaml or a codebook table drafted in Excel,
    CSV or Word (.xlsx, .csv, .docx; see docs/codebook-format.md).
    """
    from qualcode.codebooks.project import load_codebook_into

    with open_project(project, coder) as p:
        report = load_codebook_into(p, name, language=language, skip_optional=skip_optional)
    if as_json:
        emit_json({k: v for k, v in report.__dict__.items() if k != "changes"})
        return
    click.echo(f"Codebook {report.codebook} ({report.language})")
    click.echo(f"created: {len(report.created)}")
    click.echo(f"updated: {len(report.updated)}")
    click.echo(f"unchanged: {len(report.unchanged)}")
    click.echo(f"conflicts: {len(report.conflicts)}")
    for conflict in report.conflicts:
        click.echo(
            f"  {conflict.code} ({conflict.path}) {conflict.field}: kept "
            f"{conflict.project_value!r}, file has {conflict.file_value!r}"
        )
    if report.removed_from_file:
        click.echo(f"no longer in the file (kept): {', '.join(report.removed_from_file)}")
    if report.skipped_optional:
        click.echo(f"optional codes skipped: {', '.join(report.skipped_optional)}")


@codebook.command("export")
@click.argument("project", metavar="PROJECT")
@click.argument("out", metavar="OUT.(yaml|xlsx|docx)", type=click.Path(dir_okay=False))
@click.option("--codebook", "codebook_id", metavar="ID", help="Only the codes of this codebook.")
@click.option("--language", type=LANGUAGE, help="Language of names and texts.")
@pseudonymise_options
def export(
    project: str, out: str, codebook_id: str | None, language: str | None,
    pseudonymise: bool, accept_leaks: bool,
) -> None:  # fmt: skip
    """Export the project's codebook as YAML, an Excel sheet or a Word table."""
    from qualcode.codebooks.export import export_codebook_yaml
    from qualcode.codebooks.office import export_codebook_docx, export_codebook_xlsx

    suffix = Path(out).suffix.lower()
    if suffix not in (".yaml", ".yml", ".xlsx", ".docx"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Export to .yaml, .xlsx or .docx, not '{name}'."),
            name=out,
        )

    def write(p: Any, path: Any) -> Path:
        if suffix == ".xlsx":
            return export_codebook_xlsx(p, path, codebook_id, language=language)
        if suffix == ".docx":
            return export_codebook_docx(p, path, codebook_id, language=language or "id")
        return export_codebook_yaml(p, path, codebook_id, language=language)

    with open_project(project, read_only=True) as p:
        guarded(p, out, pseudonymise, accept_leaks, lambda path: write(p, path))
    click.echo(f"Wrote {out}")
