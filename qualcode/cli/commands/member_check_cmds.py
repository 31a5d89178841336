"""``qualcode conclusion member-check``, ``qualcode case member-check`` and ``qualcode
member-checks``: where member checking of a claim or an informant stands (MHS tactic 13)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from qualcode.cli.commands.analysis_cmds import conclusion
from qualcode.cli.commands.case_cmds import case
from qualcode.cli.common import (
    coder_option,
    emit_json,
    emit_table,
    json_option,
    open_project,
    project_argument,
)

STATUS = click.Choice(["not_asked", "sent", "confirmed", "disputed"])


def register(cli: click.Group) -> None:
    """Add ``member-check`` to ``conclusion`` and ``case``, and ``member-checks``."""
    conclusion.add_command(conclusion_check)
    case.add_command(case_check)
    cli.add_command(member_checks)


def _options[F: Callable[..., Any]](fn: F) -> F:
    for option in reversed(
        (
            click.option("--note", default="", help="What was sent, what the informant said."),
            click.option("--date", "on", help="When (YYYY-MM-DD)."),
        )
    ):
        fn = option(fn)
    return fn


@click.command("member-check")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("status", type=STATUS)
@_options
@coder_option
def conclusion_check(
    project: str, conclusion_id: int, status: str, note: str, on: str | None, coder: str | None
) -> None:
    """Record the member check of conclusion CONCLUSION_ID: sent, confirmed, disputed."""
    with open_project(project, coder) as p:
        p.member_checks.set("conclusion", conclusion_id, status, note=note, checked_on=on)
    click.echo(f"Conclusion {conclusion_id}: {status.replace('_', ' ')}")


@click.command("member-check")
@project_argument
@click.argument("name")
@click.argument("status", type=STATUS)
@_options
@coder_option
def case_check(
    project: str, name: str, status: str, note: str, on: str | None, coder: str | None
) -> None:
    """Record the member check of informant (case) NAME: sent, confirmed, disputed."""
    with open_project(project, coder) as p:
        p.member_checks.set("case", p.cases.find(name).id, status, note=note, checked_on=on)
    click.echo(f"{name}: {status.replace('_', ' ')}")


@click.command("member-checks")
@project_argument
@json_option
def member_checks(project: str, as_json: bool) -> None:
    """List the member checks of conclusions and informants."""
    with open_project(project, read_only=True) as p:
        claims = {c.id: c.text for c in p.conclusions.all()}
        cases = {c.id: c.name for c in p.cases.all()}
        rows = [
            {"target": target, "id": i, "name": names[i], "status": r.status, "note": r.note,
             "date": r.checked_on.isoformat() if r.checked_on else None, "by": r.author}
            for target, names in (("conclusion", claims), ("case", cases))
            for i, r in sorted(p.member_checks.all(target).items()) if i in names
        ]  # fmt: skip
    if as_json:
        emit_json(rows)
        return
    emit_table(
        [[r["target"], r["name"][:60], r["status"], r["date"] or "", r["note"][:60]]
         for r in rows],
        ["of", "what", "status", "date", "note"],
    )  # fmt: skip
