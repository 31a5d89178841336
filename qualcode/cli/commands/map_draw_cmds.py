"""``qualcode map context-chart|causal-network|annotate|evidence``: MHS maps drawn from the data.

The map is drafted by the core (:mod:`qualcode.analysis.map_builders`) and
stored as one undoable step; ``map show``, ``map export`` and the app's canvas
then treat it like any concept map.
"""

from __future__ import annotations

from typing import Any

import click

from qualcode.cli.commands.map_cmds import map_group
from qualcode.cli.common import coder_option, emit_json, open_project, project_argument
from qualcode.cli.display_options import code_ids


def register(cli: click.Group) -> None:
    """The commands join the ``map`` group (registered by ``map_cmds``)."""
    for command in (context_chart, causal_network, annotate, evidence):
        map_group.add_command(command)


@click.command("context-chart")
@project_argument
@click.argument("name")
@click.option("--root", help="Only this case and the cases below it.")
@click.option("--group-by", help="Case attribute whose values group cases without a parent.")
@click.option("--role", help="Case attribute shown with each case (default: Jabatan).")
@click.option("--rank", help="Numeric case attribute ordering a level (low first).")
@click.option("--relation", help="Case attribute naming other cases to link to (e.g. Atasan).")
@click.option("--include-interviewers", is_flag=True, help="Keep interviewer/moderator cases.")
@coder_option
def context_chart(
    project: str,
    name: str,
    root: str | None,
    group_by: str | None,
    role: str | None,
    rank: str | None,
    relation: str | None,
    include_interviewers: bool,
    coder: str | None,
) -> None:
    """Draw a context chart of the cases as new map NAME (undoable; edit it in the app)."""
    from qualcode.analysis.map_builders import context_chart as plan_chart

    with open_project(project, coder) as p:
        plan = plan_chart(
            p, root=root, group_by=group_by, role=role, rank=rank, relation=relation,
            include_interviewers=include_interviewers,
        )  # fmt: skip
        record = p.maps.generate(name, plan).result
    assert record is not None
    click.echo(f"Created map {name}: {len(record.nodes)} boxes, {len(record.links)} links")


def _pair(p: Any, text: str) -> tuple[int, int, str | None]:
    """``Cause->Effect`` or ``Cause->Effect:+``/``:-`` (code names or paths)."""
    body, sign = text, None
    if text.endswith((":+", ":-")):
        body, sign = text[:-2], text[-1]
    cause, arrow, effect = body.partition("->")
    if not arrow or not cause.strip() or not effect.strip():
        raise click.BadParameter(f"'{text}': use CAUSE->EFFECT or CAUSE->EFFECT:+ / :-")
    return p.codes.find(cause.strip()).id, p.codes.find(effect.strip()).id, sign


@click.command("causal-network")
@project_argument
@click.argument("name")
@click.option("--codes", help="Variables (codes, comma-separated; default: the codebook's "
              "causal relations, else the top-level codes).")  # fmt: skip
@click.option("--link", "links", multiple=True, metavar="CAUSE->EFFECT[:+|:-]",
              help="A directed arrow, optionally with its sign (repeat).")  # fmt: skip
@click.option("--events", help="Codes whose dated codings become event boxes.")
@click.option("--max-events", default=20, show_default=True, type=int)
@click.option(
    "--relation",
    "op",
    default="same_turn",
    show_default=True,
    type=click.Choice(["same_turn", "and", "near"]),
    help="How codings of cause and effect must meet to count as evidence.",
)
@click.option("--distance", default=0, type=int, help="Characters apart for --relation near.")
@coder_option
def causal_network(
    project: str,
    name: str,
    codes: str | None,
    links: tuple[str, ...],
    events: str | None,
    max_events: int,
    op: str,
    distance: int,
    coder: str | None,
) -> None:
    """Draw a causal network as new map NAME: arrows with sign, strength and evidence."""
    from qualcode.analysis.map_builders import causal_network as plan_network

    with open_project(project, coder) as p:
        plan = plan_network(
            p, codes=code_ids(p, codes), links=[_pair(p, x) for x in links],
            events=code_ids(p, events), op=op, distance=distance, max_events=max_events,
        )  # fmt: skip
        record = p.maps.generate(name, plan).result
    assert record is not None
    cited = sum(1 for lk in record.links if lk.evidence)
    click.echo(
        f"Created map {name}: {len(record.nodes)} boxes, {len(record.links)} arrows "
        f"({cited} with evidence)"
    )


@click.command("annotate")
@project_argument
@click.argument("name")
@click.argument("link_id", type=int)
@click.option("--sign", help="+ or - (empty clears).")
@click.option("--strength", help="strong, moderate or weak (empty clears).")
@click.option("--evidence", help="Coding ids the arrow rests on, comma-separated (empty clears).")
@click.option("--add-evidence", "add", help="Cite these coding ids as well (comma-separated).")
@click.option("--remove-evidence", "remove", help="Stop citing these coding ids.")
@click.option("--label", help="Words on the arrow.")
@coder_option
def annotate(
    project: str,
    name: str,
    link_id: int,
    sign: str | None,
    strength: str | None,
    evidence: str | None,
    add: str | None,
    remove: str | None,
    label: str | None,
    coder: str | None,
) -> None:
    """Set the sign, strength, evidence or words of arrow LINK_ID on map NAME (undoable).

    `map evidence NAME --candidates LINK_ID` lists the codings the arrow could cite.
    """
    ids = None if evidence is None else _coding_ids(evidence, "--evidence")
    with open_project(project, coder) as p:
        record = p.maps.get(p.maps.find(name))
        if link_id not in {lk.id for lk in record.links}:
            raise click.BadParameter(f"map '{record.name}' has no link {link_id}")
        p.maps.annotate_link(
            link_id, sign=sign, strength=strength, evidence=ids, label=label,
            add_evidence=_coding_ids(add or "", "--add-evidence"),
            remove_evidence=_coding_ids(remove or "", "--remove-evidence"),
        )  # fmt: skip
        done = next(lk for lk in p.maps.get(record.id).links if lk.id == link_id)
    click.echo(f"Updated link {link_id}; evidence: {', '.join(map(str, done.evidence)) or '-'}")


def _coding_ids(text: str, option: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError as exc:
        raise click.BadParameter(f"{option} takes coding ids, e.g. 12,15") from exc


@click.command("evidence")
@project_argument
@click.argument("name")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option(
    "--candidates", "link_id", type=int,
    help="List instead the codings arrow LINK_ID could cite (of the codes, cases and sources "
    "it joins); * marks those it cites.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def evidence(project: str, name: str, language: str, link_id: int | None, as_json: bool) -> None:
    """List each arrow of map NAME with its sign, strength and cited evidence."""
    from qualcode.analysis.map_builders import link_evidence, link_words

    with open_project(project, read_only=True) as p:
        record = p.maps.get(p.maps.find(name), language)
        if link_id is not None:
            _candidates(p, record, link_id, as_json)
            return
        rows = link_evidence(p, record)
    if as_json:
        emit_json(
            [
                {
                    "link": r.link.id, "from": r.source, "to": r.target,
                    "relation": r.link.relation, "sign": r.link.sign,
                    "strength": r.link.strength, "missing": r.missing,
                    "evidence": [{"coding": e.coding_id, "citation": c, "text": e.text}
                                 for e, c in r.cited],
                }
                for r in rows
            ]
        )  # fmt: skip
        return
    for r in rows:
        click.echo(f"#{r.link.id} {r.source} -> {r.target}  [{link_words(r.link, language)}]")
        for e, cited in r.cited:
            click.echo(f"    {e.coding_id}: ({cited}) \u201c{' '.join(e.text.split())}\u201d")
        if r.missing:
            click.echo(f"    ! {r.missing} cited coding(s) deleted since")


def _candidates(p: Any, record: Any, link_id: int, as_json: bool) -> None:
    """The codings an arrow could cite, marked when it cites them."""
    from qualcode.analysis.map_builders import arrow_candidates, citation

    link = next((lk for lk in record.links if lk.id == link_id), None)
    if link is None:
        raise click.BadParameter(f"map '{record.name}' has no link {link_id}")
    rows = arrow_candidates(p, record, link)
    if as_json:
        emit_json(
            [
                {"coding": e.coding_id, "cited": e.coding_id in link.evidence, "code": e.code,
                 "citation": citation(e), "text": e.text}
                for e in rows
            ]
        )  # fmt: skip
        return
    for e in rows:
        mark = "*" if e.coding_id in link.evidence else " "
        click.echo(f"{mark} {e.coding_id}: [{e.code}] ({citation(e)}) {' '.join(e.text.split())}")
    if not rows:
        click.echo("No codings of the codes, cases or sources this arrow joins.")
