"""``qualcode cell effect|uneffect``: type an effects matrix's rows or cells as direct, meta or
side effects (MHS), each an undoable step; the types show in ``display --json`` and exports."""

from __future__ import annotations

import click

from qualcode.cli.commands.cell_cmds import cell
from qualcode.cli.common import coder_option, open_project, project_argument


def register(cli: click.Group) -> None:
    """The commands join the ``cell`` group."""
    cell.add_command(effect)
    cell.add_command(uneffect)


def _keys(p: object, name: str, row: str, col: str | None) -> tuple[int, str, str | None]:
    from qualcode.analysis.cells import cell_keys

    saved = p.displays.find(name)  # type: ignore[attr-defined]
    display = p.displays.run(saved.id)  # type: ignore[attr-defined]
    if col is None:
        rk, _ck = cell_keys(display, row, display.columns[0].key)
        return saved.id, rk, None
    rk, ck = cell_keys(display, row, col)
    return saved.id, rk, ck


@click.command("effect")
@project_argument
@click.argument("display_name", metavar="DISPLAY")
@click.argument("row", metavar="ROW")
@click.argument("kind", type=click.Choice(["direct", "meta", "side"]))
@click.option("--col", help="Type only this cell (default: the whole row).")
@coder_option
def effect(
    project: str, display_name: str, row: str, kind: str, col: str | None, coder: str | None
) -> None:
    """Type ROW of saved effects matrix DISPLAY (or one cell, --col) as direct, meta or side
    effects; rows are direct until typed."""
    with open_project(project, coder) as p:
        display_id, rk, ck = _keys(p, display_name, row, col)
        p.effects.set_type(display_id, rk, ck, kind)
    click.echo(f"{row}{' × ' + col if col else ''}: {kind}")


@click.command("uneffect")
@project_argument
@click.argument("display_name", metavar="DISPLAY")
@click.argument("row", metavar="ROW")
@click.option("--col", help="The cell's column (default: the row's own type).")
@coder_option
def uneffect(project: str, display_name: str, row: str, col: str | None, coder: str | None) -> None:
    """Drop a row's type (direct again) or a cell's (it follows its row)."""
    with open_project(project, coder) as p:
        display_id, rk, ck = _keys(p, display_name, row, col)
        p.effects.clear_type(display_id, rk, ck)
    click.echo("Effect type removed")
