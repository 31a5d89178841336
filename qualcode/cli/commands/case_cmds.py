"""``qualcode case ...``: cases (informants, organisations, sites) and their attributes."""

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
from qualcode.cli.export_guard import guarded, pseudonymise_options


def register(cli: click.Group) -> None:
    """Add the ``case`` group to ``cli``."""
    cli.add_command(case)


@click.group()
def case() -> None:
    """Create and list cases and set their attributes."""


@case.command("add")
@project_argument
@click.argument("name")
@click.option(
    "--kind",
    type=click.Choice(["informant", "organisation", "site", "group", "other"]),
    default="informant",
    show_default=True,
)
@click.option("--parent", metavar="NAME", help="Parent case (e.g. the informant's OPD).")
@click.option("--description", default="")
@coder_option
def add(
    project: str, name: str, kind: str, parent: str | None, description: str, coder: str | None
) -> None:
    """Create a case NAME."""
    with open_project(project, coder) as p:
        parent_id = p.cases.find(parent).id if parent else None
        p.cases.create(name, kind=kind, parent_id=parent_id, description=description)
    click.echo(f"Created case {name}")


@case.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List cases with their attribute values."""
    with open_project(project, read_only=True) as p:
        cases = p.cases.all()
        names = {c.id: c.name for c in cases}
    if as_json:
        emit_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "kind": c.kind,
                    "parent": names.get(c.parent_id) if c.parent_id else None,
                    "description": c.description,
                    "attributes": c.attributes,
                }
                for c in cases
            ]
        )
        return
    emit_table(
        [
            [c.id, c.name, c.kind, "; ".join(f"{k}={v}" for k, v in c.attributes.items())]
            for c in cases
        ],
        ["id", "case", "kind", "attributes"],
    )


@case.command("set")
@project_argument
@click.argument("name")
@click.argument("attribute")
@click.argument("value")
@click.option(
    "--type",
    "attr_type",
    type=click.Choice(["text", "number", "date", "category"]),
    default="text",
    help="Type of the attribute if it does not exist yet.",
)
@coder_option
def set_(
    project: str, name: str, attribute: str, value: str, attr_type: str, coder: str | None
) -> None:
    """Set ATTRIBUTE of case NAME to VALUE (defining the attribute if needed)."""
    from qualcode.errors import NotFoundError

    with open_project(project, coder) as p, p.undo_group("Set attribute value"):
        target = p.cases.find(name)
        try:
            attr = p.attributes.find(attribute, owner="case")
        except NotFoundError:
            created = p.attributes.define(attribute, owner="case", type=attr_type).result
            assert created is not None
            attr = created
        p.attributes.set_value(attr.id, value, case_id=target.id)
    click.echo(f"{name}: {attribute} = {value}")


@case.command("import-sheet")
@project_argument
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--key", metavar="COLUMN", help="Column naming the case (default: Kode/Code/Case...)."
)
@click.option(
    "--dry-run", is_flag=True, help="Only list what would change; the project is not touched."
)
@json_option
@coder_option
def import_sheet(
    project: str, file: str, key: str | None, dry_run: bool, as_json: bool, coder: str | None
) -> None:
    """Import a classification sheet (.xlsx/.csv, one row per case) as case attributes."""
    from qualcode.cases.casesheet import import_case_sheet, preview_case_sheet

    if dry_run:
        with open_project(project, coder, read_only=True) as p:
            report = preview_case_sheet(p, file, key=key)
    else:
        with open_project(project, coder) as p:
            report = import_case_sheet(p, file, key=key)
    if as_json:
        emit_json(
            {
                "key": report.key,
                "created_cases": report.created_cases,
                "defined_attributes": report.defined_attributes,
                "updated_values": report.updated_values,
                "unchanged_values": report.unchanged_values,
                "skipped": [{"row": row, "reason": why} for row, why in report.skipped],
                "changes": [
                    {
                        "row": v.row,
                        "case": v.case,
                        "attribute": v.attribute,
                        "old": v.old,
                        "new": v.new,
                    }
                    for v in report.planned
                ],
                "dry_run": dry_run,
            }
        )
        return
    if dry_run:
        click.echo("Dry run: nothing was changed. The import would do this:")
        for v in report.planned:
            before = "(empty)" if v.old is None else v.old
            click.echo(f"  row {v.row}: {v.case} · {v.attribute}: {before} -> {v.new}")
    click.echo(f"Cases named by column '{report.key}'.")
    click.echo(f"  new cases: {len(report.created_cases)} {', '.join(report.created_cases)}")
    click.echo(f"  new attributes: {', '.join(report.defined_attributes) or '-'}")
    click.echo(f"  values set: {report.updated_values} (unchanged: {report.unchanged_values})")
    for row, why in report.skipped:
        click.echo(f"  skipped row {row}: {why}")


@case.command("export-sheet")
@project_argument
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--key", default="Case", show_default=True, help="Header of the case column.")
@pseudonymise_options
def export_sheet(project: str, out: str, key: str, pseudonymise: bool, accept_leaks: bool) -> None:
    """Write cases and their attributes to OUT (.xlsx or .csv)."""
    from qualcode.cases.casesheet import export_case_sheet

    with open_project(project, read_only=True) as p:
        count = guarded(
            p, out, pseudonymise, accept_leaks, lambda path: export_case_sheet(p, path, key=key)
        )
    click.echo(f"Wrote {count} cases to {out}")
