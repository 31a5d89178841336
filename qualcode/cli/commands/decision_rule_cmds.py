"""``qualcode decision-rule add|list|edit|delete``: the dated decision rules kept with a saved
display (MHS), printed under every export of it."""

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


def register(cli: click.Group) -> None:
    """Add the ``decision-rule`` group to ``cli``."""
    cli.add_command(decision_rule)


@click.group("decision-rule")
def decision_rule() -> None:
    """Decision rules of saved displays: how cells were filled and judged, dated."""


@decision_rule.command("add")
@project_argument
@click.argument("display_name", metavar="DISPLAY")
@click.argument("text")
@click.option("--date", "on", help="When it was decided (YYYY-MM-DD; default today).")
@coder_option
def add(project: str, display_name: str, text: str, on: str | None, coder: str | None) -> None:
    """Write decision rule TEXT into saved display DISPLAY's log."""
    with open_project(project, coder) as p:
        rule = p.decision_rules.add(p.displays.find(display_name).id, text, on).result
    assert rule is not None
    click.echo(f"Rule {rule.id}: {rule.line()}")


@decision_rule.command("list")
@project_argument
@click.argument("display_name", metavar="DISPLAY")
@json_option
def list_(project: str, display_name: str, as_json: bool) -> None:
    """List saved display DISPLAY's decision rules, oldest first."""
    with open_project(project, read_only=True) as p:
        rules = p.decision_rules.of(p.displays.find(display_name).id)
    if as_json:
        emit_json(rules)
        return
    emit_table(
        [[r.id, r.decided_on.isoformat(), r.author, r.text] for r in rules],
        ["id", "date", "by", "rule"],
    )


@decision_rule.command("edit")
@project_argument
@click.argument("rule_id", type=int)
@click.option("--text", help="The new wording.")
@click.option("--date", "on", help="The new date (YYYY-MM-DD).")
@coder_option
def edit(project: str, rule_id: int, text: str | None, on: str | None, coder: str | None) -> None:
    """Reword or redate decision rule RULE_ID."""
    if text is None and on is None:
        raise click.UsageError("give --text and/or --date")
    with open_project(project, coder) as p:
        p.decision_rules.edit(rule_id, text, on)
    click.echo(f"Rule {rule_id} changed")


@decision_rule.command("delete")
@project_argument
@click.argument("rule_id", type=int)
@coder_option
def delete(project: str, rule_id: int, coder: str | None) -> None:
    """Remove decision rule RULE_ID (undoable)."""
    with open_project(project, coder) as p:
        p.decision_rules.delete(rule_id)
    click.echo(f"Rule {rule_id} deleted")
