"""``qualcode conclusion link-display|unlink-display|link-memo|show`` and
``qualcode export conclusions``: where a claim came from, and the claims as a document."""

from __future__ import annotations

import click

from qualcode.cli.commands.analysis_cmds import conclusion
from qualcode.cli.commands.export_cmds import LANGUAGE, _style, export
from qualcode.cli.common import coder_option, emit_json, json_option, open_project, project_argument


def register(cli: click.Group) -> None:
    """Add the commands to the ``conclusion`` and ``export`` groups."""
    for command in (link_display, unlink_display, link_memo, show):
        conclusion.add_command(command)
    export.add_command(export_conclusions)


@click.command("link-display")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("display_name", metavar="DISPLAY")
@click.option("--row", help="A row of the display (label or key).")
@click.option("--col", help="A column of the display (label or key).")
@coder_option
def link_display(
    project: str, conclusion_id: int, display_name: str, row: str | None, col: str | None,
    coder: str | None,
) -> None:  # fmt: skip
    """Link a conclusion to a saved display, one of its rows or columns, or one cell (both)."""
    from qualcode.analysis.cells import cell_keys

    with open_project(project, coder) as p:
        saved = p.displays.find(display_name)
        row_key = col_key = None
        if row is not None or col is not None:
            display = p.displays.run(saved.id)
            any_row, any_col = display.rows[0].key, display.columns[0].key
            row_key, col_key = cell_keys(display, row or any_row, col or any_col)
            row_key = row_key if row is not None else None
            col_key = col_key if col is not None else None
        p.conclusions.link_display(conclusion_id, saved.id, row_key, col_key)
    click.echo(f"Linked conclusion {conclusion_id} to {saved.name}")


@click.command("unlink-display")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("link_id", type=int)
@coder_option
def unlink_display(project: str, conclusion_id: int, link_id: int, coder: str | None) -> None:
    """Remove display link LINK_ID (see ``conclusion show``) from a conclusion."""
    with open_project(project, coder) as p:
        p.conclusions.unlink_display(conclusion_id, link_id)
    click.echo("Display link removed")


@click.command("link-memo")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("memo_id", type=int)
@coder_option
def link_memo(project: str, conclusion_id: int, memo_id: int, coder: str | None) -> None:
    """Link an existing memo to a conclusion."""
    with open_project(project, coder) as p:
        p.conclusions.link_memo(conclusion_id, memo_id)
    click.echo(f"Linked memo {memo_id}")


@click.command("show")
@project_argument
@click.argument("conclusion_id", type=int)
@click.option("--language", type=LANGUAGE, default="en", show_default=True)
@json_option
def show(project: str, conclusion_id: int, language: str, as_json: bool) -> None:
    """A conclusion with its sources (displays, cells, memos) and evidence."""
    from qualcode.analysis.conclusion_sources import claim_sources
    from qualcode.export.conclusions_export import source_line

    with open_project(project, read_only=True) as p:
        rec = p.conclusions.get(conclusion_id)
        sources = claim_sources(p, rec)
    if as_json:
        emit_json({"conclusion": rec, "sources": sources})
        return
    click.echo(f"[{rec.id}] {rec.text} ({rec.status})")
    for s in sources:
        click.echo(f"  from ({s.kind} link {s.link_id}): {source_line(s, language)}")
    for e in rec.evidence:
        click.echo(f"  {e.stance}: coding {e.coding_id}" + (f" — {e.note}" if e.note else ""))


@click.command("conclusions")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--language", type=LANGUAGE, default="id", show_default=True)
@click.option("--pseudonymise", "--pseudonymize", is_flag=True, help="Cite cases by pseudonym.")
@click.option("--status", type=click.Choice(["tentative", "verified", "rejected"]))
@click.option("--role", default="Jabatan", show_default=True, help="Role attribute of cases.")
def export_conclusions(
    project: str, out: str, language: str, pseudonymise: bool, status: str | None, role: str
) -> None:
    """Write the conclusions with their sources, cited evidence and verification to OUT
    (.docx or .html)."""
    from qualcode.export.conclusions_export import export_conclusions as write

    with open_project(project, read_only=True) as p:
        n = write(p, out, language=language, style=_style(pseudonymise, None, None),
                  role_attribute=role, status=status)  # fmt: skip
    click.echo(f"Wrote {n} conclusions to {out}")
