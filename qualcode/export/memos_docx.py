"""Memos and the research journal to Word and HTML (the memo export and the report's section)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.export.memos_data import MemoGroup, collect_memos
from qualcode.fileio import atomic_output
from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project


def write_memo_groups(w: Any, styles: Any, groups: Sequence[MemoGroup], language: str,
                      level: int) -> None:  # fmt: skip
    """Append memo groups to a document: a heading per group, each memo with who/when/what."""
    from qualcode.export.docx_common import run_properties

    bold = run_properties(bold=True)
    heading = styles.headings[min(level, len(styles.headings) - 1)]
    for group in groups:
        w.run(w.paragraph(heading), group.heading)
        for e in group.entries:
            p = w.paragraph()
            w.run(p, e.title or label("untitled", language), bold)
            meta = f"{e.kind} · {e.day}"
            if e.author:
                meta += f" · {label('written_by', language)} {e.author}"
            if e.about:
                meta += f" · {e.about}"
            w.run(w.paragraph(styles.meta), meta)
            if e.quote:
                w.run(w.paragraph(styles.quote), f"“{e.quote.strip()}”")
            for para in e.text.split("\n\n"):
                if para.strip():
                    w.run(w.paragraph(), para.strip())


def memo_groups_html(groups: Sequence[MemoGroup], language: str, level: int = 3) -> list[str]:
    """The memo groups as HTML fragments (headings, metadata, quotes, text)."""
    parts: list[str] = []
    h = min(level, 6)
    for group in groups:
        parts.append(f"<h{h}>{escape(group.heading)}</h{h}>")
        for e in group.entries:
            meta = f"{escape(e.kind)} · {escape(e.day)}"
            if e.author:
                meta += f" · {escape(label('written_by', language))} {escape(e.author)}"
            if e.about:
                meta += f" · {escape(e.about)}"
            title = escape(e.title or label("untitled", language))
            parts.append(
                f'<div class="memo"><p><strong>{title}</strong></p><p class="meta">{meta}</p>'
            )
            if e.quote:
                parts.append(f"<blockquote>{escape(e.quote.strip())}</blockquote>")
            parts += [f"<p>{escape(x.strip())}</p>" for x in e.text.split("\n\n") if x.strip()]
            parts.append("</div>")
    return parts


def export_memos(
    project: Project,
    path: str | os.PathLike[str],
    *,
    by: str = "code",
    language: str = "id",
    kinds: Sequence[str] | None = None,
) -> int:
    """Write the memos to .docx or .html (all or nothing); returns how many were written."""
    language = check_language(language)
    groups = collect_memos(project, language, by=by, kinds=kinds)
    count = sum(len(g.entries) for g in groups)
    title = project.info().title
    if Path(path).suffix.lower() in (".html", ".htm"):
        body = [
            f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">',
            f"<title>{escape(title)} — {escape(label('memos_title', language))}</title>",
            "</head><body>",
            f"<h1>{escape(label('memos_title', language))}</h1>",
            f"<p>{escape(title)} · {escape(format_date(date.today(), language))}</p>",
            *memo_groups_html(groups, language, level=2),
            "</body></html>\n",
        ]
        with atomic_output(path) as tmp:
            tmp.write_text("\n".join(body), encoding="utf-8")
        return count
    from qualcode.export.docx_common import FastWriter, add_page_numbers, new_document, save

    doc, styles = new_document(language)
    add_page_numbers(doc.sections[0])
    doc.core_properties.title = label("memos_title", language)
    w = FastWriter(doc)
    w.run(w.paragraph(styles.title), label("memos_title", language))
    w.run(w.paragraph(styles.subtitle), f"{title} · {format_date(date.today(), language)}")
    write_memo_groups(w, styles, groups, language, level=0)
    with atomic_output(path) as tmp:
        save(doc, tmp)
    return count
