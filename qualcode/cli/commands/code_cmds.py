"""``qualcode code ...``: the code tree."""

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
    """Add the ``code`` group to ``cli``."""
    cli.add_command(code)


@click.group()
def code() -> None:
    """Create, list, rename, move, merge and delete codes."""


@code.command("add")
@project_argument
@click.argument("name")
@click.option("--parent", metavar="NAME", help="Parent code (name or Parent/Child path).")
@click.option("--color", metavar="#RRGGBB", help="Colour of the code.")
@click.option("--description", default="", help="Definition of the code.")
@coder_option
def add(
    project: str, name: str, parent: str | None, color: str | None, description: str,
    coder: str | None,
) -> None:  # fmt: skip
    """Create a code NAME."""
    with open_project(project, coder) as p:
        parent_id = p.codes.find(parent).id if parent else None
        created = p.codes.create(
            name, parent_id=parent_id, color=color, description=description
        ).result
        assert created is not None
        click.echo(f"Created code {p.codes.path_text(created.id)} (id {created.id})")


@code.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List the code tree with counts of codings and sources."""
    with open_project(project, read_only=True) as p:
        codes = p.codes.all()
        counts = p.codes.counts()
        paths = {c.id: c.name for c in codes}
        for c in codes:  # parents come first, so their paths are ready
            if c.parent_id is not None:
                paths[c.id] = f"{paths[c.parent_id]}/{c.name}"
    if as_json:
        emit_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "path": paths[c.id],
                    "parent_id": c.parent_id,
                    "color": c.color,
                    "description": c.description,
                    "labels": c.labels,
                    "codebook": c.codebook,
                    "codebook_code": c.codebook_code,
                    "codings": counts.get(c.id, (0, 0))[0],
                    "sources": counts.get(c.id, (0, 0))[1],
                }
                for c in codes
            ]
        )
        return
    emit_table(
        [[c.id, paths[c.id], c.color, *counts.get(c.id, (0, 0))] for c in codes],
        ["id", "code", "colour", "codings", "sources"],
    )


@code.command("rename")
@project_argument
@click.argument("code_name", metavar="CODE")
@click.argument("new_name")
@coder_option
def rename(project: str, code_name: str, new_name: str, coder: str | None) -> None:
    """Rename CODE to NEW_NAME."""
    with open_project(project, coder) as p:
        p.codes.rename(p.codes.find(code_name).id, new_name)
        click.echo(f"Renamed {code_name} to {new_name}")


@code.command("recolor")
@project_argument
@click.argument("code_name", metavar="CODE")
@click.argument("color", metavar="#RRGGBB")
@coder_option
def recolor(project: str, code_name: str, color: str, coder: str | None) -> None:
    """Give CODE a new colour."""
    with open_project(project, coder) as p:
        p.codes.recolor(p.codes.find(code_name).id, color)
        click.echo(f"Recoloured {code_name}")


@code.command("move")
@project_argument
@click.argument("code_name", metavar="CODE")
@click.option("--parent", metavar="NAME", help="New parent (omit to move to the top level).")
@click.option("--position", type=int, help="Position among the new siblings (0 = first).")
@coder_option
def move(
    project: str, code_name: str, parent: str | None, position: int | None, coder: str | None
) -> None:
    """Move CODE (with its sub-codes) under another code or to the top level."""
    with open_project(project, coder) as p:
        target = p.codes.find(code_name)
        parent_id = p.codes.find(parent).id if parent else None
        p.codes.move(target.id, parent_id, position)
        click.echo(f"Moved {code_name} under {parent or 'the top level'}")


@code.command("delete")
@project_argument
@click.argument("code_name", metavar="CODE")
@click.option("--yes", is_flag=True, help="Delete even if review comments are about it.")
@coder_option
def delete(project: str, code_name: str, yes: bool, coder: str | None) -> None:
    """Delete CODE with its sub-codes and codings (undo restores them)."""
    with open_project(project, coder) as p:
        target = p.codes.find(code_name)
        threads = p.review.on_code_tree([target.id, *p.codes.descendants(target.id)])
        if threads and not yes:
            click.confirm(
                f"{len(threads)} review comment thread(s) are about this code or its codings "
                "(they keep the quoted text). Delete anyway?",
                abort=True,
            )
        changes = p.codes.delete(target.id)
        click.echo(
            f"Deleted {code_name}: {len(changes.ids('code'))} code(s), "
            f"{len(changes.ids('coding'))} coding(s)"
        )


@code.command("merge")
@project_argument
@click.argument("sources", nargs=-1, required=True, metavar="CODE...")
@click.option("--into", "into", required=True, metavar="CODE", help="The code that remains.")
@coder_option
def merge(project: str, sources: tuple[str, ...], into: str, coder: str | None) -> None:
    """Merge CODE... into another code: codings move, exact duplicates collapse."""
    with open_project(project, coder) as p:
        target = p.codes.find(into)
        ids = [p.codes.find(name).id for name in sources]
        p.codes.merge(ids, target.id)
        click.echo(f"Merged {', '.join(sources)} into {into}")


@code.command("split")
@project_argument
@click.argument("code_name", metavar="CODE")
@click.argument("coding_ids", nargs=-1, required=True, type=int, metavar="CODING_ID...")
@click.option("--into", "new_name", required=True, metavar="NAME", help="Name of the new code.")
@click.option("--sibling", is_flag=True, help="Make the new code a sibling, not a sub-code.")
@coder_option
def split(
    project: str, code_name: str, coding_ids: tuple[int, ...], new_name: str, sibling: bool,
    coder: str | None,
) -> None:  # fmt: skip
    """Move codings of CODE to a new code NAME (a sub-code of CODE unless --sibling)."""
    with open_project(project, coder) as p:
        created = p.codes.split(
            p.codes.find(code_name).id, list(coding_ids), new_name, as_child=not sibling
        ).result
        assert created is not None
        click.echo(
            f"Split {len(coding_ids)} coding(s) of {code_name} into "
            f"{p.codes.path_text(created.id)} (id {created.id})"
        )
