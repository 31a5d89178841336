"""``qualcode review merge`` and ``qualcode compare``: supervision round trips between copies."""

from __future__ import annotations

import click

from qualcode.cli.common import coder_option, emit_json, emit_table, json_option, open_project


def register(cli: click.Group) -> None:
    """Add ``review`` to ``cli``."""
    cli.add_command(review)
    cli.add_command(compare_cmd)


@click.group()
def review() -> None:
    """Supervision round trips (bimbingan)."""


@review.command("merge")
@click.argument("student", type=click.Path(dir_okay=False, exists=True))
@click.argument("reviewed", type=click.Path(dir_okay=False, exists=True))
@coder_option
@json_option
def merge(student: str, reviewed: str, coder: str | None, as_json: bool) -> None:
    """Bring REVIEWED's comments, replies, resolutions and check codings into STUDENT."""
    from qualcode.analysis.review_merge import merge_review

    with open_project(student, coder) as p:
        report = merge_review(p, reviewed).result
    assert report is not None
    if as_json:
        emit_json(report)
        return
    click.echo(
        f"Merged {report.comments} comment(s), {report.replies} reply(ies), "
        f"{report.resolutions} resolution(s), {report.codings} check coding(s)"
    )
    for conflict in report.conflicts:
        click.echo(f"Conflict: {conflict}")


@click.command("compare")
@click.argument("old", type=click.Path(dir_okay=False, exists=True))
@click.argument("new", type=click.Path(dir_okay=False, exists=True))
@json_option
def compare_cmd(old: str, new: str, as_json: bool) -> None:
    """List codes, codings, summaries and conclusions added/changed/removed from OLD to NEW."""
    from qualcode.analysis.compare import compare

    found = compare(old, new)
    if as_json:
        emit_json(found)
        return
    emit_table(
        [[d.kind, d.change, d.name, (d.new or d.old)[:80]] for d in found],
        ["kind", "change", "what", "text"],
    )
