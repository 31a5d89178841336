"""``qualcode outliers``: the cases whose code profile deviates most from the others', with
the codes that drive it and excerpts as evidence (MHS tactics 6 and 7)."""

from __future__ import annotations

import click

from qualcode.cli.common import emit_json, json_option, open_project, project_argument
from qualcode.cli.display_options import code_ids


def register(cli: click.Group) -> None:
    """Add ``outliers`` to ``cli``."""
    cli.add_command(outliers_cmd)


@click.command("outliers")
@project_argument
@click.option("--codes", help="Codes of the profile (default: the top-level codes).")
@click.option(
    "--cases",
    "case_kind",
    default="informant",
    show_default=True,
    help="Which kind of case to compare (an OPD holds its informants' codings).",
)
@click.option(
    "--threshold",
    default=2.0,
    show_default=True,
    type=float,
    help="Flag a case when a code's |z| reaches this.",
)
@click.option(
    "--min-codings",
    default=5,
    show_default=True,
    type=int,
    help="Leave out cases with fewer coded passages.",
)
@click.option("--evidence", default=3, show_default=True, type=int, help="Excerpts shown per case.")
@json_option
def outliers_cmd(
    project: str, codes: str | None, case_kind: str, threshold: float, min_codings: int,
    evidence: int, as_json: bool,
) -> None:  # fmt: skip
    """Rank cases by how far their share of each code lies from the other cases' (z-scores)."""
    from qualcode.analysis.outliers import outliers

    with open_project(project, read_only=True) as p:
        view = outliers(
            p, codes=code_ids(p, codes), case_kind=case_kind or None, threshold=threshold,
            min_codings=min_codings, evidence=evidence,
        )  # fmt: skip
    if as_json:
        emit_json(view)
        return
    click.echo(
        f"{len(view.cases)} cases over {len(view.codes)} codes; flagged when |z| >= "
        f"{view.threshold:g}" + (f"; left out (< {view.min_codings} passages): "
                                  f"{', '.join(view.left_out)}" if view.left_out else "")
    )  # fmt: skip
    for o in view.cases:
        mark = "!" if o.flagged else " "
        drivers = ", ".join(
            f"{d.code} {d.z:+.1f} ({d.share:.0%} vs {d.mean:.0%})" for d in o.drivers
        )
        click.echo(f"{mark} {o.case}  deviation {o.deviation:.2f}  ({o.passages} passages)")
        click.echo(f"    {drivers}")
        for e in o.evidence:
            click.echo(
                f"    [{o.evidence_code}] ({e.source}) \u201c{' '.join(e.text.split())}\u201d"
            )
