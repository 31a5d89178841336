"""``qualcode set ...``: code sets (clusters of codes) and source sets (e.g. all interviews).

Sets travel with REFI-QDA projects and codebooks; here they can be made and
edited by hand. Members are named like everywhere else in the CLI: codes by
name or path, sources by name.
"""

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
    """Add the ``set`` group to ``cli``."""
    cli.add_command(set_)


def _members(fn: click.decorators.FC) -> click.decorators.FC:
    fn = click.option(
        "--source", "sources", multiple=True, metavar="NAME", help="A source (repeatable)."
    )(fn)
    return click.option(
        "--code", "codes", multiple=True, metavar="CODE", help="A code name or path (repeatable)."
    )(fn)


@click.group("set")
def set_() -> None:
    """Code sets and source sets: list, create, edit, add and remove members, delete."""


@set_.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List sets with their codes and sources."""
    with open_project(project, read_only=True) as p:
        sets = p.sets.all()
        code_names = {c.id: p.codes.path_text(c.id) for c in p.codes.all()}
        source_names = {s.id: s.name for s in p.sources.all()}
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "description": s.description,
            "codes": [code_names[c] for c in s.code_ids],
            "sources": [source_names[x] for x in s.source_ids],
        }
        for s in sets
    ]
    if as_json:
        emit_json(rows)
        return
    emit_table(
        [[r["id"], r["name"], "; ".join(r["codes"]), "; ".join(r["sources"])] for r in rows],
        ["id", "set", "codes", "sources"],
    )


@set_.command("create")
@project_argument
@click.argument("name")
@_members
@click.option("--description", default="")
@coder_option
def create(
    project: str, name: str, codes: tuple[str, ...], sources: tuple[str, ...], description: str,
    coder: str | None,
) -> None:  # fmt: skip
    """Create a set NAME, optionally with its first codes and sources."""
    with open_project(project, coder) as p:
        p.sets.create(
            name,
            code_ids=[p.codes.find(c).id for c in codes],
            source_ids=[p.sources.find(s).id for s in sources],
            description=description,
        )
    click.echo(f"Created set {name}")


@set_.command("add")
@project_argument
@click.argument("name")
@_members
@coder_option
def add(
    project: str, name: str, codes: tuple[str, ...], sources: tuple[str, ...], coder: str | None
) -> None:
    """Add codes and sources to the set NAME (members already in it are kept once)."""
    _change_members(project, name, codes, sources, coder, remove=False)


@set_.command("remove")
@project_argument
@click.argument("name")
@_members
@coder_option
def remove(
    project: str, name: str, codes: tuple[str, ...], sources: tuple[str, ...], coder: str | None
) -> None:
    """Take codes and sources out of the set NAME (they stay in the project)."""
    _change_members(project, name, codes, sources, coder, remove=True)


def _change_members(project: str, name: str, codes: tuple[str, ...], sources: tuple[str, ...],
                    coder: str | None, *, remove: bool) -> None:  # fmt: skip
    """Add members to a set or take them out (one undoable step), and say what it holds now."""
    with open_project(project, coder) as p:
        found = p.sets.find(name)
        change = p.sets.remove if remove else p.sets.add
        after = change(
            found.id,
            code_ids=[p.codes.find(c).id for c in codes],
            source_ids=[p.sources.find(s).id for s in sources],
        ).result
    assert after is not None
    click.echo(f"Set {after.name}: {len(after.code_ids)} codes, {len(after.source_ids)} sources")


@set_.command("edit")
@project_argument
@click.argument("name")
@click.option("--rename", "new_name", metavar="NAME", help="A new name for the set.")
@click.option("--description", default=None, help="A new description.")
@coder_option
def edit(
    project: str, name: str, new_name: str | None, description: str | None, coder: str | None
) -> None:
    """Rename the set NAME or change its description."""
    with open_project(project, coder) as p:
        after = p.sets.update(p.sets.find(name).id, name=new_name, description=description).result
    assert after is not None
    click.echo(f"Set {after.name} saved")


@set_.command("delete")
@project_argument
@click.argument("name")
@coder_option
def delete(project: str, name: str, coder: str | None) -> None:
    """Delete the set NAME (its codes and sources stay)."""
    with open_project(project, coder) as p:
        p.sets.delete(p.sets.find(name).id)
    click.echo(f"Deleted set {name}")
