"""The review report for the bimbingan log: every comment thread, grouped by what it is about.

Each group names its target (code, coding, excerpt, conclusion, cell summary or
display cell), quotes its text (from the snapshot once the target is deleted)
and lists its threads: status, first comment and replies with who and when, and
who resolved it. Written as Word (.docx) or one self-contained HTML file, in
Bahasa Indonesia or English; ``pseudonymise`` replaces case names with the
pseudonyms the other exports use (:mod:`qualcode.cases.attribution`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from qualcode.analysis.review import Comment
from qualcode.analysis.review_targets import Where
from qualcode.export.common import check_suffix
from qualcode.fileio import atomic_output
from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project

KIND_ORDER = ("conclusion", "cell", "summary", "code", "coding", "excerpt")


@dataclass
class ReviewGroup:
    """The threads on one target and how the report names it."""

    title: str
    quote: str
    deleted: bool
    threads: list[Comment] = field(default_factory=list)


def pseudonymiser(project: Project, language: str) -> Callable[[str], str]:
    """Replace case names by their pseudonyms in a text (the hook for a richer engine)."""
    from qualcode.cases.attribution import AttributionStyle, Attributor

    cases = project.cases.all()
    names = Attributor(cases, AttributionStyle(pseudonymise=True), language)
    pairs = sorted(((c.name, names.case_name(c)) for c in cases if c.name.strip()),
                   key=lambda p: -len(p[0]))  # fmt: skip
    if not pairs:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(name) for name, _ in pairs), re.IGNORECASE)
    lookup = {name.lower(): alias for name, alias in pairs}
    return lambda text: pattern.sub(lambda m: lookup[m.group(0).lower()], text)


def _title(where: Where, language: str) -> str:
    kind = label(f"rv_{where.kind}", language)
    if where.kind == "code":
        return f"{kind}: {where.code}"
    if where.kind in ("coding", "excerpt"):
        code = f"{where.code} · " if where.code else ""
        para = label("para", language)
        return f"{kind}: {code}{where.source}, {para} {where.paragraph}"
    if where.kind in ("cell", "summary"):
        return f"{kind}: {where.display} · {where.row} × {where.column}"
    return kind


def collect(
    project: Project, *, language: str = "id", pseudonymise: bool = False
) -> list[ReviewGroup]:
    """Every thread (open and resolved) grouped by target, conclusions first."""
    language = check_language(language)
    hide = pseudonymiser(project, language) if pseudonymise else (lambda text: text)
    groups: dict[tuple[object, ...], ReviewGroup] = {}
    threads = project.review.list()
    threads.sort(key=lambda c: (KIND_ORDER.index(c.target) if c.target in KIND_ORDER else 9, c.id))
    for c in threads:
        key = (c.target, c.target_id, c.row_key, c.col_key)
        if key not in groups:
            where = project.review.where(c)
            groups[key] = ReviewGroup(
                hide(_title(where, language)), hide(where.quote), not where.exists
            )
        groups[key].threads.append(c)
    if pseudonymise:
        for group in groups.values():
            group.threads = [_hidden(c, hide) for c in group.threads]
    return list(groups.values())


def _hidden(c: Comment, hide: Callable[[str], str]) -> Comment:
    from dataclasses import replace

    return replace(
        c, text=hide(c.text), replies=tuple(replace(r, text=hide(r.text)) for r in c.replies)
    )


def _when(value: datetime | None, language: str) -> str:
    if value is None:
        return ""
    return f"{format_date(value.date(), language)} {value:%H:%M} UTC"


def _status(c: Comment, language: str) -> str:
    if c.status != "resolved":
        return label("rv_open", language)
    done = label("rv_resolved", language)
    if c.resolved_by:
        by = label("rv_resolved_by", language).format(
            who=c.resolved_by, when=_when(c.resolved_at, language)
        )
        return f"{done} — {by}"
    return done


def _counts(groups: list[ReviewGroup], language: str) -> str:
    threads = [c for g in groups for c in g.threads]
    opened = sum(1 for c in threads if c.status == "open")
    return label("rv_counts", language).format(open=opened, resolved=len(threads) - opened)


def write_review_docx(
    project: Project, path: str | os.PathLike[str], *, language: str = "id",
    pseudonymise: bool = False,
) -> None:  # fmt: skip
    """Write the review report as a Word document."""
    from qualcode.export.docx_common import new_document, save

    check_suffix(path, (".docx",))
    language = check_language(language)
    groups = collect(project, language=language, pseudonymise=pseudonymise)
    doc, _styles = new_document(language)
    doc.add_heading(label("rv_title", language), level=0)
    doc.add_paragraph(f"{project.info().title} — {_counts(groups, language)}")
    if not groups:
        doc.add_paragraph(label("rv_none", language))
    for group in groups:
        deleted = f" {label('rv_deleted', language)}" if group.deleted else ""
        doc.add_heading(group.title + deleted, level=1)
        if group.quote:
            doc.add_paragraph(f"“{group.quote}”", style="Quote")
        for c in group.threads:
            doc.add_paragraph(_status(c, language), style="Intense Quote")
            for message in (c, *c.replies):
                para = doc.add_paragraph()
                para.add_run(
                    f"{message.author} · {_when(message.created_at, language)}: "
                ).bold = True
                para.add_run(message.text)
    with atomic_output(path) as tmp:
        save(doc, tmp)


def write_review_html(
    project: Project, path: str | os.PathLike[str], *, language: str = "id",
    pseudonymise: bool = False,
) -> None:  # fmt: skip
    """Write the review report as one self-contained HTML file."""
    check_suffix(path, (".html", ".htm"))
    language = check_language(language)
    groups = collect(project, language=language, pseudonymise=pseudonymise)
    title = escape(label("rv_title", language))
    counts = escape(_counts(groups, language))
    out = [f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
           f"<title>{title}</title><style>{CSS}</style></head><body><h1>{title}</h1>"
           f"<p>{escape(project.info().title)} — {counts}</p>"]  # fmt: skip
    if not groups:
        out.append(f"<p>{escape(label('rv_none', language))}</p>")
    for group in groups:
        deleted = f" <em>{escape(label('rv_deleted', language))}</em>" if group.deleted else ""
        out.append(f"<section><h2>{escape(group.title)}{deleted}</h2>")
        if group.quote:
            out.append(f"<blockquote>“{escape(group.quote)}”</blockquote>")
        for c in group.threads:
            out.append(f'<div class="thread {c.status}"><p class="status">'
                       f"{escape(_status(c, language))}</p>")  # fmt: skip
            for message in (c, *c.replies):
                out.append(f"<p><b>{escape(message.author)}</b> · "
                           f"{escape(_when(message.created_at, language))}<br>"
                           f"{escape(message.text).replace(chr(10), '<br>')}</p>")  # fmt: skip
            out.append("</div>")
        out.append("</section>")
    out.append("</body></html>")
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write("".join(out))


CSS = (
    "body{font-family:Georgia,serif;max-width:50em;margin:2em auto;padding:0 1.5em;"
    "line-height:1.45;color:#1f1f1f}h2{font-size:1.15em;border-bottom:1px solid #c8d3e6}"
    "blockquote{margin:.4em 1.5em;color:#444}.thread{border-left:3px solid #c62828;"
    "padding:.1em .8em;margin:.6em 0}.thread.resolved{border-color:#2e7d32}"
    ".status{font-weight:bold;font-size:.9em;color:#555}"
)
