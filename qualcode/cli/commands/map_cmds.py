"""``qualcode map ...``: concept maps — list, show, build from the command line, export."""

from __future__ import annotations

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
from qualcode.cli.export_guard import guarded, pseudonymise_options

ITEM_HELP = "code:NAME, case:NAME, source:NAME, memo:ID, conclusion:ID or note:TEXT."


def register(cli: click.Group) -> None:
    """Add the ``map`` group to ``cli``."""
    cli.add_command(map_group)


@click.group("map")
def map_group() -> None:
    """Concept maps of codes, cases, memos and conclusions with labelled links."""


def _item(p: Any, spec: str) -> tuple[str, int | None, str]:
    kind, _, rest = spec.partition(":")
    kind = kind.strip().lower()
    if not rest.strip():
        raise click.BadParameter(f"'{spec}': use {ITEM_HELP}")
    if kind == "code":
        return "code", p.codes.find(rest).id, ""
    if kind == "case":
        return "case", p.cases.find(rest).id, ""
    if kind == "source":
        return "source", p.sources.find(rest).id, ""
    if kind in ("memo", "conclusion") and rest.strip().isdigit():
        return kind, int(rest), ""
    if kind == "note":
        return "note", None, rest
    raise click.BadParameter(f"'{spec}': use {ITEM_HELP}")


def _node_id(record: Any, ref: str) -> int:
    """A node named by its id (``#3``/``3``) or by its label."""
    key = ref.lstrip("#")
    for n in record.nodes:
        if key.isdigit() and n.id == int(key):
            return int(n.id)
    matches = [n.id for n in record.nodes if n.label.casefold() == ref.casefold()]
    if len(matches) != 1:
        raise click.BadParameter(f"no single node '{ref}' on map '{record.name}'")
    return int(matches[0])


@map_group.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List the maps with their numbers of nodes and links."""
    with open_project(project, read_only=True) as p:
        maps = [p.maps.get(i) for i, _n in p.maps.all()]
    rows = [
        {"id": m.id, "name": m.name, "nodes": len(m.nodes), "links": len(m.links)} for m in maps
    ]
    if as_json:
        emit_json(rows)
    else:
        emit_table(
            [[r["id"], r["name"], r["nodes"], r["links"]] for r in rows],
            ["id", "name", "nodes", "links"],
        )


@map_group.command("new")
@project_argument
@click.argument("name")
@coder_option
def new(project: str, name: str, coder: str | None) -> None:
    """Create an empty map called NAME."""
    with open_project(project, coder) as p:
        p.maps.create(name)
    click.echo(f"Created map {name}")


@map_group.command("add")
@project_argument
@click.argument("name")
@click.argument("items", nargs=-1, required=True, metavar="ITEM...")
@click.option(
    "--at",
    "positions",
    multiple=True,
    metavar="X,Y",
    help="Where to put each item (in order); default: a row.",
)
@coder_option
def add(
    project: str, name: str, items: tuple[str, ...], positions: tuple[str, ...], coder: str | None
) -> None:
    """Put ITEMs on map NAME: code:X, case:X, source:X, memo:ID, conclusion:ID or note:TEXT."""
    with open_project(project, coder) as p:
        map_id = p.maps.find(name)
        placed = []
        for i, spec in enumerate(items):
            kind, ref, label = _item(p, spec)
            if i < len(positions):
                x, _, y = positions[i].partition(",")
                xy = (float(x), float(y))
            else:
                xy = (160.0 * (i % 5), 120.0 * (i // 5))
            placed.append((kind, ref, label, *xy))
        p.maps.add_nodes(map_id, placed)
    click.echo(f"Added {len(items)} item(s) to {name}")


@map_group.command("link")
@project_argument
@click.argument("name")
@click.argument("source")
@click.argument("target")
@click.option(
    "--relation",
    default="associated",
    show_default=True,
    help="associated, causes, supports, contradicts, part_of, precedes, maps_to.",
)
@click.option("--label", default="", help="Words on the arrow (default: the relation).")
@coder_option
def link(
    project: str, name: str, source: str, target: str, relation: str, label: str, coder: str | None
) -> None:
    """Draw an arrow on map NAME from node SOURCE to node TARGET (by label or #id)."""
    with open_project(project, coder) as p:
        record = p.maps.get(p.maps.find(name))
        p.maps.link(_node_id(record, source), _node_id(record, target), relation, label)
    click.echo(f"Linked {source} -> {target}")


@map_group.command("show")
@project_argument
@click.argument("name")
@json_option
def show(project: str, name: str, as_json: bool) -> None:
    """Show a map's nodes and links."""
    with open_project(project, read_only=True) as p:
        record = p.maps.get(p.maps.find(name))
    if as_json:
        emit_json(
            {
                "id": record.id,
                "name": record.name,
                "nodes": [
                    {
                        "id": n.id,
                        "kind": n.kind,
                        "ref": n.ref_id,
                        "label": n.label,
                        "x": n.x,
                        "y": n.y,
                        "missing": n.missing,
                    }
                    for n in record.nodes
                ],
                "links": [
                    {
                        "id": lk.id,
                        "from": lk.source,
                        "to": lk.target,
                        "relation": lk.relation,
                        "label": lk.label,
                    }
                    for lk in record.links
                ],
            }
        )
        return
    labels = {n.id: n.label for n in record.nodes}
    click.echo(record.name)
    for n in record.nodes:
        click.echo(f"  #{n.id} [{n.kind}] {n.label}" + (" (deleted)" if n.missing else ""))
    for lk in record.links:
        click.echo(f"  {labels[lk.source]} --{lk.label or lk.relation}--> {labels[lk.target]}")


@map_group.command("export")
@project_argument
@click.argument("name")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@pseudonymise_options
def export(
    project: str, name: str, out: str, language: str, pseudonymise: bool, accept_leaks: bool
) -> None:
    """Draw map NAME to OUT (.svg, .png at 300 dpi, or .pdf)."""
    from qualcode.figures.concept_map import draw_map
    from qualcode.figures.style import check_format

    check_format(out)
    with open_project(project, read_only=True) as p:
        record = p.maps.get(p.maps.find(name), language)
        guarded(p, out, pseudonymise, accept_leaks, figure=draw_map(record, language))
    click.echo(f"Wrote {out}")


@map_group.command("delete")
@project_argument
@click.argument("name")
@coder_option
def delete(project: str, name: str, coder: str | None) -> None:
    """Delete map NAME (undoable)."""
    with open_project(project, coder) as p:
        p.maps.delete(p.maps.find(name))
    click.echo(f"Deleted map {name}")
