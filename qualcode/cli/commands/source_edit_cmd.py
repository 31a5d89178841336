"""``qualcode source edit``: correct a transcript after coding, codings carried across."""

from __future__ import annotations

from typing import Any

import click

from qualcode.cli.common import coder_option, emit_json, json_option, open_project, project_argument


def register(cli: click.Group) -> None:
    """Add ``source edit``, ``coding flagged``, ``coding reviewed`` to their groups."""
    source, coding = cli.commands["source"], cli.commands["coding"]
    assert isinstance(source, click.Group) and isinstance(coding, click.Group)
    source.add_command(edit_cmd)
    coding.add_command(flagged_cmd)
    coding.add_command(reviewed_cmd)


@click.command("flagged")
@project_argument
@json_option
def flagged_cmd(project: str, as_json: bool) -> None:
    """List codings whose text was corrected after coding (to review)."""
    with open_project(project, read_only=True) as p:
        rows = []
        names = {s.id: s.name for s in p.sources.all()}
        codes = {c.id: c.name for c in p.codes.all()}
        for c in p.codings.flagged():
            text = p.sources.text(c.source_id)[c.start : c.end]
            rows.append({"id": c.id, "source": names[c.source_id], "code": codes[c.code_id],
                         "start": c.start, "end": c.end, "text": text, "flag": c.flag})  # fmt: skip
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        click.echo(f"#{r['id']} {r['source']} [{r['start']}:{r['end']}] {r['code']}: {r['text']!r}")
    if not rows:
        click.echo("No codings to review.")


@click.command("reviewed")
@project_argument
@click.argument("coding_ids", nargs=-1, required=True, type=int, metavar="ID...")
@coder_option
def reviewed_cmd(project: str, coding_ids: tuple[int, ...], coder: str | None) -> None:
    """Mark codings whose text was corrected as reviewed (clears the flag; undoable)."""
    with open_project(project, coder) as p:
        p.codings.mark_reviewed(list(coding_ids))
    click.echo(f"Marked {len(coding_ids)} coding(s) reviewed")


def _change_json(ch: Any, codes: dict[int, str]) -> dict[str, Any]:
    return {
        "coding": ch.id,
        "code": codes.get(ch.code_id or -1),
        "old": [ch.old_start, ch.old_end],
        "new": [ch.new_start, ch.new_end],
        "old_text": ch.old_text,
        "new_text": ch.new_text,
    }


def _print_plan(plan: Any, codes: dict[int, str], applied: bool) -> None:
    head = "Edited" if applied else "Would edit"
    click.echo(
        f"{head} '{plan.source_name}': {plan.changed_stretches} changed stretch(es), "
        f"{plan.old_length} -> {plan.new_length} characters; "
        f"{plan.codings_kept} coding(s) keep their text."
    )
    if plan.flagged:
        click.echo("Text changed inside these codings (kept, flagged 'edited' for review):")
        for ch in plan.flagged:
            click.echo(
                f"  #{ch.id} {codes.get(ch.code_id, '?')}: {ch.old_text!r} -> {ch.new_text!r}"
            )
    if plan.removed:
        click.echo("Codings whose text is deleted (removed with the edit):")
        for ch in plan.removed:
            click.echo(f"  #{ch.id} {codes.get(ch.code_id, '?')}: {ch.old_text!r}")
    moved_turns = [ch for ch in plan.turns if ch.fate != "removed"]
    gone_turns = [ch for ch in plan.turns if ch.fate == "removed"]
    if moved_turns or gone_turns:
        click.echo(f"Speaker turns: {len(moved_turns)} moved, {len(gone_turns)} removed.")


@click.command("edit")
@project_argument
@click.argument("source_name", metavar="SOURCE")
@click.option(
    "--replace",
    nargs=2,
    metavar="OLD NEW",
    help="Replace the text OLD by NEW (every occurrence, or the first --count).",
)
@click.option("--count", type=click.IntRange(min=1), help="Replace only the first N occurrences.")
@click.option(
    "--from-file",
    "from_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A whole revised version of the source (.txt, .docx, ... as on import).",
)
@click.option("--dry-run", is_flag=True, help="Show what would happen; change nothing.")
@click.option("--yes", is_flag=True, help="Apply even when codings would be removed.")
@coder_option
@json_option
def edit_cmd(
    project: str,
    source_name: str,
    replace: tuple[str, str] | None,
    count: int | None,
    from_file: str | None,
    dry_run: bool,
    yes: bool,
    coder: str | None,
    as_json: bool,
) -> None:
    """Correct the text of SOURCE after coding (undoable).

    Codings follow their text: those whose own text changed are kept and
    flagged for review, those whose text is deleted entirely are listed and
    removed with the edit (pass --yes to allow that). Speaker turns and the
    search index follow too.
    """
    from qualcode.text.diff import replace_text

    if (replace is None) == (from_file is None):
        raise click.UsageError("Give either --replace OLD NEW or --from-file FILE.")
    with open_project(project, coder, read_only=dry_run) as p:
        src = p.sources.find(source_name)
        old = p.sources.text(src.id)
        if replace is not None:
            new, n = replace_text(old, replace[0], replace[1], count=count)
            if n == 0:
                raise click.ClickException(f"'{replace[0]}' does not occur in '{src.name}'.")
        else:
            from qualcode.sources.extract import extract_file

            new = extract_file(from_file or "").text
        plan = p.sources.preview_edit(src.id, new)
        codes = {c.id: c.name for c in p.codes.all()}
        if plan.removed and not (yes or dry_run):
            _print_plan(plan, codes, applied=False)
            raise click.ClickException(
                f"{len(plan.removed)} coding(s) would be removed; run again with --yes to apply."
            )
        if not dry_run:
            applied = p.sources.edit_text(src.id, new).result
            assert applied is not None
            plan = applied
    if as_json:
        emit_json(
            {
                "source": plan.source_name,
                "applied": not dry_run,
                "changed_stretches": plan.changed_stretches,
                "length_before": plan.old_length,
                "length_after": plan.new_length,
                "kept": plan.codings_kept,
                "flagged": [_change_json(ch, codes) for ch in plan.flagged],
                "removed": [_change_json(ch, codes) for ch in plan.removed],
            }
        )
        return
    _print_plan(plan, codes, applied=not dry_run)
