"""``qualcode display|agreement|conclusion|comment``: displays, agreement, claims and review."""

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
from qualcode.cli.display_options import DISPLAY_TYPES, display_options, spec_from_options
from qualcode.cli.export_guard import guarded, pseudonymise_options


def register(cli: click.Group) -> None:
    """Add the analysis commands to ``cli``."""
    cli.add_command(display)
    cli.add_command(agreement_cmd)
    cli.add_command(conclusion)
    cli.add_command(comment)


def _ids(text: str | None) -> list[int]:
    return [int(x) for x in (text or "").split(",") if x.strip()]


def _code_ids(p: Any, names: str | None) -> list[int] | None:
    from qualcode.cli.display_options import code_ids

    return code_ids(p, names)


@click.command("display", help=f"Build display TYPE: {', '.join(DISPLAY_TYPES)}.")
@project_argument
@click.argument("type_", metavar="TYPE", type=click.Choice(DISPLAY_TYPES))
@display_options
@click.option("--save", "save_as", metavar="NAME", help="Save the display's spec under NAME.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    help="Write .xlsx, .docx, .csv or .html (as `qualcode export display` does).",
)
@click.option(
    "--language",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of the file written with --out.",
)
@pseudonymise_options
@json_option
@coder_option
def display(
    project: str,
    type_: str,
    save_as: str | None,
    language: str,
    out: str | None,
    pseudonymise: bool,
    accept_leaks: bool,
    as_json: bool,
    coder: str | None,
    **opts: Any,
) -> None:
    from qualcode.analysis.engine import build_display

    if (pseudonymise or accept_leaks) and not out:
        raise click.UsageError("--pseudonymise and --accept-leaks apply to the file: add --out.")
    with open_project(project, coder, read_only=save_as is None) as p:
        spec = spec_from_options(p, type_, opts)
        saved_id = p.displays.save(save_as, spec).result.id if save_as else None
        result = build_display(p, spec, saved_id=saved_id)
        if out:
            from qualcode.cases.attribution import AttributionStyle
            from qualcode.export.display_file import write_display_file

            style = AttributionStyle(pseudonymise=True) if pseudonymise else None
            guarded(
                p, out, pseudonymise, accept_leaks,
                lambda path: write_display_file(
                    result, path, project=p, title=save_as, language=language, style=style
                ),
            )  # fmt: skip
    if out:
        click.echo(f"Wrote {out}")
    elif as_json:
        emit_json(result.to_dict())
    else:
        from qualcode.export.csv_out import table_rows
        from qualcode.export.display_adapter import table_from_display

        headers, grid = table_rows(table_from_display(result, language="en"))
        emit_table([[str(v) for v in row] for row in grid], [str(h) for h in headers])
        if result.scope is not None:
            click.echo(result.scope.describe(result.coders_counted))
        if result.spec.measure == "weighted":
            from qualcode.text.labels import label

            click.echo(label("weight_rule_text", "en"))
        if result.time is not None:
            click.echo(f"Ordered by: {result.time.field}.")
            for line in result.time_notes("en"):
                click.echo(line)


@click.command("agreement")
@project_argument
@click.option("--coders", help="Two or more coder names, comma-separated (default: the coders "
              "the check sample names).")  # fmt: skip
@click.option("--level", type=click.Choice(["character", "segment"]), default="character",
              show_default=True)  # fmt: skip
@click.option("--over", type=click.Choice(["auto", "sample", "sources"]), default="auto",
              show_default=True, help="The check sample, or the sources every coder coded "
              "(auto: the sample when there is one).")  # fmt: skip
@click.option("--codes", help="Limit to these codes (names, comma-separated).")
@click.option("--limit", type=int, default=50, show_default=True, help="Disagreements to list.")
@click.option("--methods", is_flag=True, help="Print the methods-section paragraph instead.")
@click.option("--language", type=click.Choice(["en", "id"]), default="en", show_default=True)
@json_option
def agreement_cmd(project: str, coders: str | None, level: str, over: str, codes: str | None,
                  limit: int, methods: bool, language: str, as_json: bool) -> None:  # fmt: skip
    """Agreement between coders: percent agreement, kappa, alpha, AC1, specific agreement."""
    from qualcode.analysis.agreement import agreement
    from qualcode.analysis.check_sample import check_sample

    with open_project(project, read_only=True) as p:
        names = [c.strip() for c in coders.split(",")] if coders else None
        if names is None:
            sample = check_sample(p)
            names = list(sample.coders) if sample is not None else []
            if len(names) < 2:
                raise click.UsageError("name the coders to compare: --coders A,B")
        report = agreement(p, names, level=level, over=over, codes=_code_ids(p, codes),
                           disagreement_limit=limit)  # fmt: skip
    if methods:
        from qualcode.analysis.methods_text import methods_paragraph

        click.echo(methods_paragraph(report, language))
        return
    if as_json:
        emit_json(report)
        return

    def fmt(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    click.echo(f"Over {report.scope_text}; unit: {report.unit}.")
    emit_table(
        [[a.code, f"{a.units:g}", fmt(a.percent_agreement), fmt(a.kappa), fmt(a.alpha),
          fmt(a.ac1), fmt(a.psa)] for a in (*report.codes, report.overall)],
        ["code", "units", "agreement", "kappa", "alpha", "AC1", "PSA"],
    )  # fmt: skip
    ci = report.overall.ci
    if ci:
        click.echo("95% CI (all codes): " + "; ".join(
            f"{k} {lo:.3f}–{hi:.3f}" for k, (lo, hi) in ci.items()))  # fmt: skip
    if report.per_source:
        click.echo("")
        emit_table(
            [[name, f"{a.units:g}", fmt(a.percent_agreement), fmt(a.kappa), fmt(a.alpha)]
             for name, a in report.per_source],
            ["source", "units", "agreement", "kappa", "alpha"],
        )  # fmt: skip
    for source, who in report.partially_coded:
        click.echo(f"not compared (coded by {', '.join(who)} only): {source}")
    if report.disagreements:
        click.echo("")
        emit_table(
            [[d.source, d.start, d.end, d.code, ",".join(d.coders_with)]
             for d in report.disagreements],
            ["source", "start", "end", "code", "coded by"],
        )  # fmt: skip


@click.group()
def conclusion() -> None:
    """Conclusions (claims), their evidence and verification."""


@conclusion.command("add")
@project_argument
@click.argument("text")
@click.option("--status", type=click.Choice(["tentative", "verified", "rejected"]),
              default="tentative", show_default=True)  # fmt: skip
@click.option("--support", help="Supporting coding ids, comma-separated.")
@click.option("--contradict", help="Contradicting coding ids, comma-separated.")
@click.option("--display", "display_name", help="Saved display the conclusion came from.")
@coder_option
def conclusion_add(
    project: str,
    text: str,
    status: str,
    support: str | None,
    contradict: str | None,
    display_name: str | None,
    coder: str | None,
) -> None:
    """Write a conclusion TEXT."""

    with open_project(project, coder) as p:
        display_id = p.displays.find(display_name).id if display_name else None
        made = p.conclusions.create(
            text,
            status=status,
            supporting=_ids(support),
            contradicting=_ids(contradict),
            display_id=display_id,
        ).result
    assert made is not None
    click.echo(f"Created conclusion {made.id}")


@conclusion.command("link")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("coding_ids", nargs=-1, type=int, required=True)
@click.option("--contradicting", is_flag=True, help="Link as contradicting (negative) evidence.")
@click.option("--note", default="", help="How this evidence was addressed.")
@coder_option
def conclusion_link(
    project: str,
    conclusion_id: int,
    coding_ids: tuple[int, ...],
    contradicting: bool,
    note: str,
    coder: str | None,
) -> None:
    """Link codings to conclusion CONCLUSION_ID as evidence."""

    stance = "contradicting" if contradicting else "supporting"
    with open_project(project, coder) as p:
        p.conclusions.link_evidence(conclusion_id, list(coding_ids), stance, note)
    click.echo(f"Linked {len(coding_ids)} coding(s) as {stance} evidence")


@conclusion.command("status")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("status", type=click.Choice(["tentative", "verified", "rejected"]))
@coder_option
def conclusion_status(project: str, conclusion_id: int, status: str, coder: str | None) -> None:
    """Set a conclusion's status."""

    with open_project(project, coder) as p:
        p.conclusions.edit(conclusion_id, status=status)
    click.echo(f"Conclusion {conclusion_id}: {status}")


@conclusion.command("verify")
@project_argument
@click.argument("conclusion_id", type=int)
@click.option("--role", help="Role attribute of cases (default: the one grouping informants).")
@json_option
def conclusion_verify(project: str, conclusion_id: int, role: str | None, as_json: bool) -> None:
    """How well conclusion CONCLUSION_ID is backed: informants, sources, methods, roles."""
    from qualcode.analysis.strength import default_role_attribute, strength
    from qualcode.analysis.verification import verify

    with open_project(project, read_only=True) as p:
        role = role or default_role_attribute(p)
        v = verify(p, conclusion_id, role_attribute=role)
        s = strength(p, conclusion_id, role)
    if as_json:
        emit_json(v)
        return
    if s.verified_with_unlinked_contradictions:
        click.echo(f"WARNING: verified, but {len(s.unlinked_contradicting)} codings with the "
                   "opposite valence are not linked as contradicting evidence")  # fmt: skip
    click.echo(f"supporting: {v.supporting} passages ({v.supporting_codings} codings)  "
               f"contradicting: {v.contradicting}")  # fmt: skip
    click.echo(f"coders: {', '.join(v.coders) or '-'}")
    click.echo(f"informants ({len(v.cases)}): {', '.join(v.cases)}")
    click.echo(f"sources ({len(v.sources)}): {', '.join(v.sources)}")
    click.echo(f"source kinds: {', '.join(v.source_kinds)}")
    click.echo(f"largest share from one informant: {v.top_case_share:.0%} ({v.top_case})")
    click.echo(f"silent roles ({v.role_attribute or '-'}): {', '.join(v.silent_roles) or '-'}")
    click.echo(f"member check: {v.member_check.words('en')}")
    if v.informant_checks:
        checks = ", ".join(f"{name} ({status.replace('_', ' ')})" for name, status in
                           v.informant_checks)  # fmt: skip
        click.echo(f"informants' member checks: {checks}")
    for w in v.warnings:
        click.echo(f"! {w}")


@conclusion.command("list")
@project_argument
@click.option("--status", type=click.Choice(["tentative", "verified", "rejected"]))
@json_option
def conclusion_list(project: str, status: str | None, as_json: bool) -> None:
    """List conclusions with their evidence counts."""

    with open_project(project, read_only=True) as p:
        found = p.conclusions.all(status)
    if as_json:
        emit_json(found)
        return
    emit_table(
        [[c.id, c.status, len(c.supporting), len(c.contradicting), c.text] for c in found],
        ["id", "status", "supporting", "contradicting", "conclusion"],
    )


@click.group()
def comment() -> None:
    """Supervisor review comments."""


def _target(p: Any, on: str) -> tuple[str, int, str | None, str | None]:
    kind, _, rest = on.partition(":")
    if kind == "cell":
        name, row_key, col_key = rest.rsplit(":", 2)
        return "cell", p.displays.find(name).id, row_key, col_key
    if kind == "code":
        return "code", p.codes.find(rest).id, None, None
    if kind in ("conclusion", "coding"):
        return kind, int(rest), None, None
    raise click.BadParameter(f"'{on}': use conclusion:ID, code:NAME, coding:ID or "
                             "cell:DISPLAY:ROW_KEY:COL_KEY", param_hint="--on")  # fmt: skip


@comment.command("add")
@project_argument
@click.option("--on", "on", required=True,
              help="conclusion:ID, code:NAME, coding:ID or cell:DISPLAY:ROW:COL.")  # fmt: skip
@click.argument("text")
@coder_option
def comment_add(project: str, on: str, text: str, coder: str | None) -> None:
    """Comment TEXT on a target."""
    with open_project(project, coder) as p:
        target, target_id, row_key, col_key = _target(p, on)
        made = p.review.add(target, target_id, text, row_key=row_key, col_key=col_key).result
    assert made is not None
    click.echo(f"Added comment {made.id}")


@comment.command("reply")
@project_argument
@click.argument("comment_id", type=int)
@click.argument("text")
@coder_option
def comment_reply(project: str, comment_id: int, text: str, coder: str | None) -> None:
    """Reply TEXT in the thread of COMMENT_ID."""
    with open_project(project, coder) as p:
        p.review.reply(comment_id, text)
    click.echo(f"Replied to comment {comment_id}")


@comment.command("resolve")
@project_argument
@click.argument("comment_id", type=int)
@coder_option
def comment_resolve(project: str, comment_id: int, coder: str | None) -> None:
    """Mark the thread of COMMENT_ID resolved."""
    with open_project(project, coder) as p:
        p.review.resolve(comment_id)
    click.echo(f"Resolved comment {comment_id}")


@comment.command("list")
@project_argument
@click.option("--all", "show_all", is_flag=True, help="Include resolved comments.")
@click.option("--summary", is_flag=True, help="Open/resolved counts by area instead.")
@json_option
def comment_list(project: str, show_all: bool, summary: bool, as_json: bool) -> None:
    """List open comment threads (or a review summary)."""
    wheres: list[Any] = []
    with open_project(project, read_only=True) as p:
        if summary:
            counts = p.review.summary()
            found = None
        else:
            found = p.review.list(status=None if show_all else "open")
            wheres = [p.review.where(c) for c in found]
    if summary:
        if as_json:
            emit_json(counts)
        else:
            emit_table([[k, v["open"], v["resolved"]] for k, v in counts.items()],
                       ["area", "open", "resolved"])  # fmt: skip
        return
    assert found is not None
    if as_json:
        emit_json(found)
        return
    rows = []
    for c, w in zip(found, wheres, strict=True):
        on = " · ".join(x for x in (w.kind, w.code, w.display, w.source) if x)
        if w.paragraph:
            on += f" ¶{w.paragraph}"
        if w.row or w.column:
            on += f" {w.row} × {w.column}"
        if not w.exists:
            on += " (deleted)"
        quote = f" “{w.quote[:80]}”" if w.quote else ""
        thread = [f"{c.author} {c.created_at:%Y-%m-%d}: {c.text}"]
        thread += [f"  ↳ {r.author} {r.created_at:%Y-%m-%d}: {r.text}" for r in c.replies]
        rows.append([c.id, c.status, on + quote, "\n".join(thread)])
    emit_table(rows, ["id", "status", "on", "thread"])
