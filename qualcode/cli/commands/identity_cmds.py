"""``qualcode identity ...``: the identity register that pseudonymised exports replace."""

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

KIND = click.Choice(["name", "nickname", "post", "institution", "place", "phone", "person",
                     "other"])  # fmt: skip


def register(cli: click.Group) -> None:
    """Add the ``identity`` group to ``cli``."""
    cli.add_command(identity)


@click.group()
def identity() -> None:
    """The identity register: names, posts, institutions and places that identify informants,
    each with the text that replaces it in exports made with --pseudonymise."""


@identity.command("list")
@project_argument
@json_option
def list_(project: str, as_json: bool) -> None:
    """List the register, longest entry first."""
    with open_project(project, read_only=True) as p:
        entries = p.identities.all()
        cases = {c.id: c.name for c in p.cases.all()}
        marked = p.identities.identifying_attributes()
    if as_json:
        emit_json(
            {
                "entries": [
                    {"id": e.id, "text": e.text, "kind": e.kind, "replacement": e.replacement,
                     "case": cases.get(e.case_id) if e.case_id else None, "origin": e.origin}
                    for e in entries
                ],
                "identifying_attributes": marked,
            }
        )  # fmt: skip
        return
    emit_table(
        [[e.id, e.text, e.kind, e.replacement, cases.get(e.case_id, "") if e.case_id else ""]
         for e in entries],
        ["id", "text", "kind", "replacement", "case"],
    )  # fmt: skip
    if marked:
        click.echo("Identifying attributes: " + ", ".join(f"{k} ({v})" for k, v in marked.items()))


@identity.command("add")
@project_argument
@click.argument("text")
@click.option("--kind", type=KIND, default="name", show_default=True)
@click.option("--replacement", help="Text that replaces it (default: the case's pseudonym for a "
              "name, else a placeholder such as [jabatan]).")  # fmt: skip
@click.option("--case", "case_name", metavar="NAME", help="The case this fact belongs to.")
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@coder_option
def add(
    project: str, text: str, kind: str, replacement: str | None, case_name: str | None,
    language: str, coder: str | None,
) -> None:  # fmt: skip
    """Add TEXT to the register."""
    with open_project(project, coder) as p:
        case_id = p.cases.find(case_name).id if case_name else None
        entry = p.identities.add(
            text, kind=kind, replacement=replacement, case_id=case_id, language=language
        ).result
    assert entry is not None
    click.echo(f"Added '{entry.text}' → '{entry.replacement}'")


@identity.command("edit")
@project_argument
@click.argument("text")
@click.option("--kind", type=KIND)
@click.option("--replacement")
@click.option("--new-text", help="Correct the entry's text.")
@coder_option
def edit(
    project: str, text: str, kind: str | None, replacement: str | None, new_text: str | None,
    coder: str | None,
) -> None:  # fmt: skip
    """Change the kind, replacement or text of the entry TEXT."""
    with open_project(project, coder) as p:
        entry = p.identities.find(text)
        p.identities.update(entry.id, text=new_text, kind=kind, replacement=replacement)
    click.echo(f"Updated '{new_text or entry.text}'")


@identity.command("remove")
@project_argument
@click.argument("texts", nargs=-1, required=True)
@coder_option
def remove(project: str, texts: tuple[str, ...], coder: str | None) -> None:
    """Remove the entries TEXTS from the register (one undo step)."""
    with open_project(project, coder) as p:
        ids = [p.identities.find(text).id for text in texts]
        p.identities.remove(ids)
    click.echo(f"Removed {len(ids)} entr{'y' if len(ids) == 1 else 'ies'}")


@identity.command("mark")
@project_argument
@click.argument("attribute")
@click.option("--kind", type=KIND, default="name", show_default=True)
@click.option("--unmark", is_flag=True, help="The attribute no longer identifies anyone.")
@coder_option
def mark(project: str, attribute: str, kind: str, unmark: bool, coder: str | None) -> None:
    """Mark the case ATTRIBUTE identifying: `fill` adds its values to the register."""
    with open_project(project, coder) as p:
        p.identities.mark_attribute(attribute, None if unmark else kind)
    click.echo(f"{attribute}: {'not identifying' if unmark else kind}")


@identity.command("fill")
@project_argument
@click.option("--language", type=click.Choice(["id", "en"]), default="id", show_default=True)
@coder_option
def fill(project: str, language: str, coder: str | None) -> None:
    """Add the values of every identifying attribute of every case to the register."""
    with open_project(project, coder) as p:
        added = p.identities.fill(language).result
    click.echo(f"Added {added} entr{'y' if added == 1 else 'ies'}")
