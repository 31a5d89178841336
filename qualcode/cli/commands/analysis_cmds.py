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

DISPLAY_TYPES = (
    "matrix", "framework", "checklist", "role_ordered", "time_ordered", "clustered",
    "case_ordered", "effects", "cooccurrence", "factors", "coverage",
)  # fmt: skip
LIST_FILTERS = ("sources", "source_kinds", "cases", "coders", "codes", "valence", "magnitude")


def register(cli: click.Group) -> None:
    """Add the analysis commands to ``cli``."""
    cli.add_command(display)
    cli.add_command(agreement_cmd)
    cli.add_command(conclusion)
    cli.add_command(comment)


def _ids(text: str | None) -> list[int]:
    return [int(x) for x in (text or "").split(",") if x.strip()]


def _code_ids(p: Any, names: str | None) -> list[int] | None:
    if not names:
        return None
    return [p.codes.find(n.strip()).id for n in names.split(",") if n.strip()]


def _filters(p: Any, items: tuple[str, ...]) -> dict[str, Any]:
    """``--filter key=v1,v2`` pairs; names of codes, sources and cases become ids."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"'{item}' is not KEY=VALUE", param_hint="--filter")
        values = [v.strip() for v in value.split(",") if v.strip()]
        if key.startswith("attribute:"):
            out.setdefault("attribute", {})[key.split(":", 1)[1]] = values
        elif key == "codes":
            out["codes"] = [p.codes.find(v).id for v in values]
        elif key == "sources":
            out["sources"] = [p.sources.find(v).id for v in values]
        elif key == "cases":
            out["cases"] = [p.cases.find(v).id for v in values]
        elif key in LIST_FILTERS:
            out[key] = values
        elif key in ("period_from", "period_to"):
            out[key] = value
        else:
            raise click.BadParameter(f"unknown filter '{key}'", param_hint="--filter")
    return out


@click.command("display")
@project_argument
@click.argument("type_", metavar="TYPE", type=click.Choice(DISPLAY_TYPES))
@click.option("--rows", help="Row dimension: codes, codes:1,2, children:ID, cases, attribute:NAME, "
              "sources, source_kind, coders, valence, period:month|year, total.")  # fmt: skip
@click.option("--cols", help="Column dimension (same forms as --rows).")
@click.option("--codes", help="Codes (names or paths, comma-separated) for the code axis.")
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUES",
              help="codes=, sources=, source_kinds=, cases=, coders=, valence=, magnitude=, "
              "attribute:NAME=, period_from=, period_to=.")  # fmt: skip
@click.option("--measure", type=click.Choice(["codings", "sources", "cases", "chars"]))
@click.option("--cell", type=click.Choice(["count", "excerpts", "summary", "rating"]))
@click.option("--variable", help="Checklist: the code whose sub-codes are the components.")
@click.option("--role", default="Jabatan", show_default=True, help="Role attribute.")
@click.option("--rank", help="Rank attribute ordering roles or cases.")
@click.option("--group", "groups", multiple=True, metavar="LABEL=CODES",
              help="Clustered: a group of codes (repeat).")  # fmt: skip
@click.option("--attribute", help="Effects: group attribute.")
@click.option("--cutoff", help="Effects: early/late cutoff date (YYYY-MM-DD).")
@click.option("--op", type=click.Choice(["and", "near", "not", "same_turn"]), default="and")
@click.option("--distance", type=int, default=0, help="NEAR: characters between codings.")
@click.option("--save", "save_as", metavar="NAME", help="Save the display's spec under NAME.")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Write .csv or .xlsx.")
@json_option
@coder_option
def display(
    project: str,
    type_: str,
    rows: str | None,
    cols: str | None,
    codes: str | None,
    filters: tuple[str, ...],
    measure: str | None,
    cell: str | None,
    variable: str | None,
    role: str,
    rank: str | None,
    groups: tuple[str, ...],
    attribute: str | None,
    cutoff: str | None,
    op: str,
    distance: int,
    save_as: str | None,
    out: str | None,
    as_json: bool,
    coder: str | None,
) -> None:
    """Build display TYPE (matrix, factors, coverage, checklist, framework...)."""
    from qualcode.analysis.displays import customised_spec
    from qualcode.analysis.engine import build_display
    from qualcode.analysis.saved import save_display

    with open_project(project, coder, read_only=save_as is None) as p:
        ids = _code_ids(p, codes)
        params: dict[str, Any] = {"filters": _filters(p, filters) or None}
        if type_ in ("matrix", "coverage", "time_ordered", "case_ordered", "role_ordered",
                     "cooccurrence", "framework"):  # fmt: skip
            params["codes"] = ids
        if type_ in ("matrix", "coverage") and cols:
            params["columns"] = cols
        if type_ == "factors":
            params["dimensions"] = ids
        if type_ == "checklist":
            if not variable:
                raise click.UsageError("checklist needs --variable CODE")
            params["variable"] = p.codes.find(variable).id
            if cols:
                params["columns"] = cols
        if type_ == "role_ordered":
            params.update(role=role, rank=rank)
        if type_ == "case_ordered":
            if not rank:
                raise click.UsageError("case_ordered needs --rank ATTRIBUTE")
            params["order_by"] = rank
        if type_ == "effects":
            params.update(outcomes=ids or [], group=attribute, cutoff=cutoff)
        if type_ == "clustered":
            params["groups"] = {
                label: _code_ids(p, names) or []
                for label, _, names in (g.partition("=") for g in groups)
            }
        if type_ == "cooccurrence":
            params.update(op=op, distance=distance)
        spec = customised_spec(
            p, type_, params, rows=rows, columns=cols, measure=measure, cell=cell
        )
        saved_id = save_display(p, save_as, spec).result.id if save_as else None
        result = build_display(p, spec, saved_id=saved_id)
    if out:
        from qualcode.analysis.export import write_display

        write_display(result, out)
        click.echo(f"Wrote {out}")
    elif as_json:
        emit_json(result.to_dict())
    else:
        from qualcode.analysis.export import table

        grid = table(result)
        emit_table([[str(v) for v in row] for row in grid[1:]], [str(h) for h in grid[0]])


@click.command("agreement")
@project_argument
@click.option("--coders", required=True, help="Two or more coder names, comma-separated.")
@click.option("--level", type=click.Choice(["character", "segment"]), default="character",
              show_default=True)  # fmt: skip
@click.option("--codes", help="Limit to these codes (names, comma-separated).")
@click.option("--limit", type=int, default=50, show_default=True, help="Disagreements to list.")
@json_option
def agreement_cmd(project: str, coders: str, level: str, codes: str | None, limit: int,
                  as_json: bool) -> None:  # fmt: skip
    """Percent agreement, Cohen's kappa and Krippendorff's alpha between coders."""
    from qualcode.analysis.agreement import agreement

    with open_project(project, read_only=True) as p:
        report = agreement(p, [c.strip() for c in coders.split(",")], level=level,
                           codes=_code_ids(p, codes), disagreement_limit=limit)  # fmt: skip
    if as_json:
        emit_json(report)
        return

    def fmt(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    emit_table(
        [[a.code, f"{a.units:g}", fmt(a.percent_agreement), fmt(a.kappa), fmt(a.alpha)]
         for a in (*report.codes, report.overall)],
        ["code", "units", "agreement", "kappa", "alpha"],
    )  # fmt: skip
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
    from qualcode.analysis.conclusions import create_conclusion
    from qualcode.analysis.saved import find_saved

    with open_project(project, coder) as p:
        display_id = find_saved(p, display_name).id if display_name else None
        made = create_conclusion(
            p,
            text,
            status=status,
            supporting=_ids(support),
            contradicting=_ids(contradict),
            display_id=display_id,
        ).result
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
    from qualcode.analysis.conclusions import link_evidence

    stance = "contradicting" if contradicting else "supporting"
    with open_project(project, coder) as p:
        link_evidence(p, conclusion_id, list(coding_ids), stance, note)
    click.echo(f"Linked {len(coding_ids)} coding(s) as {stance} evidence")


@conclusion.command("status")
@project_argument
@click.argument("conclusion_id", type=int)
@click.argument("status", type=click.Choice(["tentative", "verified", "rejected"]))
@coder_option
def conclusion_status(project: str, conclusion_id: int, status: str, coder: str | None) -> None:
    """Set a conclusion's status."""
    from qualcode.analysis.conclusions import edit_conclusion

    with open_project(project, coder) as p:
        edit_conclusion(p, conclusion_id, status=status)
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
    click.echo(f"supporting: {v.supporting}  contradicting: {v.contradicting}")
    click.echo(f"informants ({len(v.cases)}): {', '.join(v.cases)}")
    click.echo(f"sources ({len(v.sources)}): {', '.join(v.sources)}")
    click.echo(f"source kinds: {', '.join(v.source_kinds)}")
    click.echo(f"largest share from one informant: {v.top_case_share:.0%} ({v.top_case})")
    click.echo(f"silent roles ({v.role_attribute or '-'}): {', '.join(v.silent_roles) or '-'}")
    for w in v.warnings:
        click.echo(f"! {w}")


@conclusion.command("list")
@project_argument
@click.option("--status", type=click.Choice(["tentative", "verified", "rejected"]))
@json_option
def conclusion_list(project: str, status: str | None, as_json: bool) -> None:
    """List conclusions with their evidence counts."""
    from qualcode.analysis.conclusions import list_conclusions

    with open_project(project, read_only=True) as p:
        found = list_conclusions(p, status)
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
        from qualcode.analysis.saved import find_saved

        name, row_key, col_key = rest.rsplit(":", 2)
        return "cell", find_saved(p, name).id, row_key, col_key
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
