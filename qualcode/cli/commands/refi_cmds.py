"""``qualcode refi ...``: REFI-QDA project (.qdpx) and codebook (.qdc) exchange."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from qualcode.cli.common import coder_option, emit_json, json_option, open_project
from qualcode.cli.export_guard import guarded, pseudonymise_options


def register(cli: click.Group) -> None:
    """Add the ``refi`` group to ``cli``."""
    cli.add_command(refi)


@click.group()
def refi() -> None:
    """Exchange projects and codebooks with NVivo, ATLAS.ti, MAXQDA... (REFI-QDA)."""


def _emit(report: Any, as_json: bool) -> None:
    if as_json:
        emit_json(report.to_dict())
    else:
        for line in report.lines():
            click.echo(line)


@refi.command("export")
@click.argument("project", metavar="PROJECT")
@click.argument("out", metavar="OUT.qdpx", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pseudonymise", "--pseudonymize", is_flag=True,
              help="Replace every identity register entry in sources, names and notes "
              "(selections move with the text; original documents are left out); the file "
              "is checked for leaks.")  # fmt: skip
@click.option(
    "--accept-leaks",
    is_flag=True,
    help="Write the file even if register entries remain in it (they are listed).",
)
@click.option("--with-identity-register", is_flag=True,
              help="Carry the identity register along (for a supervisor or a second coder "
              "who must pseudonymise too). Never with --pseudonymise.")  # fmt: skip
@click.option(
    "--positions",
    type=click.Choice(["spec", "nvivo"]),
    default="spec",
    show_default=True,
    help="How selection positions count characters: 'spec' in Unicode code points (the "
    "REFI-QDA standard; ATLAS.ti, MAXQDA, QualCoder), 'nvivo' in UTF-16 code units "
    "(NVivo and readers that follow it; an emoji counts 2).",
)
@json_option
def export(
    project: str, out: Path, pseudonymise: bool, accept_leaks: bool,
    with_identity_register: bool, positions: str, as_json: bool,
) -> None:  # fmt: skip
    """Export PROJECT as a REFI-QDA project file OUT.qdpx."""
    from qualcode.interop.refi.format.identity import add_register
    from qualcode.interop.refi.project.exporter import export_qdpx

    if pseudonymise and with_identity_register:
        raise click.UsageError("--with-identity-register would undo --pseudonymise")
    if pseudonymise and positions == "nvivo":
        # The pseudonymiser moves selections in code points; NVivo positions count UTF-16.
        raise click.UsageError("--pseudonymise writes spec positions: leave out --positions nvivo")
    with open_project(project, read_only=True) as p:

        def write(path: Path) -> object:
            report = export_qdpx(p, path, positions=positions)
            if with_identity_register:
                add_register(path, p)
            return report

        report = guarded(p, out, pseudonymise, accept_leaks, write)
    _emit(report, as_json)


@refi.command("export-codebook")
@click.argument("project", metavar="PROJECT")
@click.argument("out", metavar="OUT.qdc", type=click.Path(dir_okay=False, path_type=Path))
@pseudonymise_options
@json_option
def export_codebook(
    project: str, out: Path, pseudonymise: bool, accept_leaks: bool, as_json: bool
) -> None:
    """Export the codes and code sets of PROJECT as a REFI-QDA codebook OUT.qdc."""
    from qualcode.interop.refi.project.exporter import export_qdc

    with open_project(project, read_only=True) as p:
        report = guarded(p, out, pseudonymise, accept_leaks, lambda path: export_qdc(p, path))
    _emit(report, as_json)


@refi.command("import")
@click.argument(
    "file", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.argument("project", metavar="PROJECT")
@coder_option
@json_option
def import_(file: Path, project: str, coder: str | None, as_json: bool) -> None:
    """Import FILE (.qdpx, .qde or .qdc) into PROJECT; creates PROJECT if it does not exist.

    Into an existing project the import merges: codes already there are matched
    by GUID, then by path; sources, cases and coders by GUID, then by name. The
    whole import is one step that undo takes back. The report lists what could
    not be imported.
    """
    from qualcode.interop.refi.project.importer import import_refi, import_refi_as_new
    from qualcode.store.engine import is_url

    if not is_url(project) and not Path(project).exists():
        report = import_refi_as_new(file, project, coder=coder)
    else:
        with open_project(project, coder) as p:
            report = import_refi(file, p)
    _emit(report, as_json)
