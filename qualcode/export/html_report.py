"""A project report as one self-contained HTML file: opens in any browser, no scripts.

Every piece of project text is escaped; colours come only from validated
``#RRGGBB`` code colours. The CSS is inline so the file can be mailed to a
supervisor as is, and it prints cleanly (tables do not split rows).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.excerpts_docx import ellipsis_after
from qualcode.export.report_data import ReportData, collect_report
from qualcode.export.selection import ExcerptFilter, ExcerptOptions
from qualcode.export.table import Table
from qualcode.text.labels import format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
CSS = """
body{font-family:"Times New Roman",Georgia,serif;font-size:12pt;line-height:1.45;color:#1f1f1f;
max-width:60em;margin:2em auto;padding:0 1.5em;background:#fff}
h1{font-size:1.7em;text-align:center;margin-bottom:.2em}
h2{font-size:1.3em;border-bottom:1px solid #c8d3e6;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.1em;margin-top:1.5em} h4{font-size:1em;font-style:italic}
.sub{text-align:center;color:#6b6b6b;margin:0}
nav ol{columns:2;font-size:.95em} a{color:#2f5597}
table{border-collapse:collapse;width:100%;margin:.6em 0 .3em;font-size:.92em}
th,td{border:1px solid #b7c4da;padding:.3em .5em;vertical-align:top;text-align:left}
thead th{background:#d9e2f3} tbody th{background:#f4f6fa;font-weight:bold}
tr{page-break-inside:avoid} td.n{text-align:center}
caption{caption-side:top;text-align:left;font-weight:bold;padding:.3em 0}
.note{font-size:.8em;color:#6b6b6b;margin-top:0}
blockquote{font-style:italic;margin:.6em 2em .1em 2.5em;text-align:justify;white-space:pre-line}
.ctx{color:#6b6b6b;font-style:normal}
.cite{text-align:right;font-size:.85em;margin:0 2em .2em 2.5em}
.meta{font-size:.78em;color:#6b6b6b;margin:0 2em 1em 2.5em}
.chip{padding:0 .35em;border-radius:.3em;color:#262626}
.sw{display:inline-block;width:.8em;height:.8em;border-radius:.15em;margin-right:.35em;
vertical-align:-.05em}
.q{font-style:italic;margin:0 0 .3em} .q small{font-style:normal;color:#6b6b6b}
@media print{body{margin:0;max-width:none} nav{page-break-after:always}}
"""


def export_report_html(
    project: Project,
    path: str | os.PathLike[str],
    *,
    tables: Sequence[Table] = (),
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    include_excerpts: bool = True,
    charts: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Write the project report as HTML (all or nothing)."""
    steps = Steps(0, progress, cancel)
    data = collect_report(
        project, tables=tables, flt=flt, options=options,
        include_excerpts=include_excerpts, steps=steps,
    )  # fmt: skip
    data.charts = charts
    steps.total = data.excerpt_count
    html = render_report(data, steps)
    with atomic_output(path) as tmp:
        steps.check()
        tmp.write_text(html, encoding="utf-8")
    steps.finish()


def _color(value: str) -> str:
    return value if _HEX.match(value or "") else "#999999"


def _tint(value: str) -> str:
    from qualcode.export.docx_common import tint

    return "#" + tint(_color(value), 0.6)


def render_report(data: ReportData, steps: Steps | None = None) -> str:
    """The report as an HTML string."""
    lang = data.language

    def lab(key: str) -> str:
        return escape(label(key, lang))

    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(data.title)} — {lab('report_title')}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(data.title)}</h1>",
        f'<p class="sub">{lab("report_title")} · {escape(format_date(date.today(), lang))}</p>',
    ]
    toc = [("summary", lab("summary")), ("sources", lab("sources")), ("cases", lab("cases")),
           ("codebook", lab("codebook"))]  # fmt: skip
    if data.tables:
        toc.append(("displays", lab("displays")))
    if data.sections:
        toc.append(("excerpts", lab("excerpts_title")))
    if data.memos:
        toc.append(("memos", lab("memos_title")))
    parts.append(f"<nav><h2>{lab('contents')}</h2><ol>")
    parts += [f'<li><a href="#{a}">{t}</a></li>' for a, t in toc]
    parts.append("</ol></nav>")

    parts.append(f'<h2 id="summary">{lab("summary")}</h2><table><tbody>')
    for name, value in data.facts:
        parts.append(f"<tr><th>{escape(name)}</th><td>{escape(str(value))}</td></tr>")
    parts.append("</tbody></table>")
    parts.append(f'<h2 id="sources">{lab("sources")}</h2>')
    parts.append(table_html(data.sources, lang, caption=False))
    parts.append(f'<h2 id="cases">{lab("cases")}</h2>')
    parts.append(table_html(data.cases, lang, caption=False))
    parts.append(f'<h2 id="codebook">{lab("codebook")}</h2>')
    parts.append(
        f"<table><thead><tr><th>{lab('code')}</th><th>{lab('description')}</th>"
        f"<th>{lab('codings')}</th><th>{lab('sources')}</th></tr></thead><tbody>"
    )
    for row in data.codebook:
        pad = f' style="padding-left:{0.5 + 1.2 * row.depth:.1f}em"'
        parts.append(
            f'<tr><th{pad}><span class="sw" style="background:{_color(row.color)}"></span>'
            f"{escape(row.name)}</th><td>{escape(row.description)}</td>"
            f'<td class="n">{row.codings}</td><td class="n">{row.sources}</td></tr>'
        )
    parts.append("</tbody></table>")
    if data.tables:
        parts.append(f'<h2 id="displays">{lab("displays")}</h2>')
        for n, table in enumerate(data.tables, 1):
            parts.append(table_html(table, lang, number=n))
            if data.charts:
                parts.append(_chart_html(table, lang, n))
    if data.sections:
        parts.append(f'<h2 id="excerpts">{lab("excerpts_title")}</h2>')
        for section in data.sections:
            level = min(section.depth + 3, 5)
            parts.append(f"<h{level}>{escape(section.title)}</h{level}>")
            parts += [f'<p class="meta"><b>{lab("memos_code")}:</b> {escape(n)}</p>'
                      for n in section.memos]  # fmt: skip
            for group in section.groups:
                if group.title:
                    sub = min(level + 1, 6)
                    parts.append(f"<h{sub}>{escape(group.title)}</h{sub}>")
                for e in group.excerpts:
                    if steps is not None:
                        steps.step()
                    before = f'<span class="ctx">…{escape(e.before)}</span>' if e.before else ""
                    after = (
                        f'<span class="ctx">{escape(e.after)}{ellipsis_after(e.after)}</span>'
                        if e.after
                        else ""
                    )
                    parts.append(
                        f"<blockquote>{before}{escape(e.text.strip())}{after}</blockquote>"
                    )
                    if e.citation:
                        parts.append(f'<p class="cite">({escape(e.citation)})</p>')
                    meta = (
                        f'<span class="chip" style="background:{_tint(e.code_color)}">'
                        f'<span class="sw" style="background:{_color(e.code_color)}"></span>'
                        f"{escape(' / '.join(e.code_path))}</span>"
                    )
                    if e.valence:
                        meta += f" · {lab('valence')}: {lab(e.valence)}"
                    if e.note:
                        meta += f" · {lab('note')}: {escape(e.note)}"
                    if e.other_codes:
                        meta += f" · {lab('other_codes')}: {escape(', '.join(e.other_codes))}"
                    parts.append(f'<p class="meta">{meta}</p>')
                    parts += [f'<p class="meta memo"><b>{lab("memo")}:</b> {escape(n)}</p>'
                              for n in e.memos]  # fmt: skip
    if data.memos:
        from qualcode.export.memos_docx import memo_groups_html

        parts.append(f'<h2 id="memos">{lab("memos_title")}</h2>')
        parts += memo_groups_html(data.memos, lang, level=3)
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _chart_html(table: Table, language: str, number: int) -> str:
    """A display's chart as an inline SVG figure with its caption."""
    from qualcode.export.figures_docx import CAPTION_WORD
    from qualcode.figures.charts import table_chart
    from qualcode.figures.style import figure_bytes

    svg = figure_bytes(table_chart(table, language), "svg").decode("utf-8")
    svg = svg[svg.find("<svg") :]
    word = CAPTION_WORD.get(language, "Figure")
    return (
        f'<figure class="chart">{svg}<figcaption><b>{word} {number}.</b> '
        f"{escape(table.title)}</figcaption></figure>"
    )


def table_html(
    table: Table, language: str, *, number: int | None = None, caption: bool = True
) -> str:
    """One ``Table`` as an HTML table (counts centred; quotes with their citation)."""
    out = ["<table>"]
    if caption:
        word = "Tabel" if language == "id" else "Table"
        prefix = f"{word} {number}. " if number else ""
        out.append(f"<caption>{escape(prefix + table.title)}</caption>")
    out.append(f"<thead><tr><th>{escape(table.corner)}</th>")
    out += [f"<th>{escape(c)}</th>" for c in table.column_labels]
    out.append("</tr></thead><tbody>")
    text_table = table.has_text
    for row_label, cells in zip(table.row_labels, table.cells, strict=True):
        out.append(f"<tr><th>{escape(row_label)}</th>")
        for cell in cells:
            sup = f"<sup>{escape(','.join(cell.memo_marks))}</sup>" if cell.memo_marks else ""
            if not cell.has_text:
                empty = cell.count is None or (text_table and not cell.count)
                out.append(f'<td class="n">{"" if empty else escape(cell.count_text)}{sup}</td>')
                continue
            inner = []
            if cell.tag:
                inner.append(f"<i>{escape(cell.tag)}</i>")
            if cell.rating:
                inner.append(f"<b>{escape(cell.rating)}</b>")
            if cell.summary:
                inner.append(escape(cell.summary))
            for q in cell.excerpts:
                cite = f" <small>({escape(q.citation)})</small>" if q.citation else ""
                inner.append(f'<p class="q">“{escape(q.text.strip())}”{cite}</p>')
            out.append(f"<td>{'<br>'.join(inner)}{sup}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if table.notes:
        out.append(f'<div class="memos"><p class="note"><b>{escape(label("memos_notes", language))}'
                   "</b></p>")  # fmt: skip
        for n in table.notes:
            head = " ".join(x for x in (f"[{n.mark}]" if n.mark else "", n.about) if x)
            lead = f"<b>{escape(head)}:</b> " if head else ""
            out.append(f'<p class="note">{lead}{escape(n.text)}</p>')
        out.append("</div>")
    if caption and table.about:
        from qualcode.export.xlsx_common import plain

        about = "; ".join(f"{k}: {plain(v)}" for k, v in table.about.items())
        out.append(f'<p class="note">{escape(about)}</p>')
    if table.rules:  # the display's decision rules
        items = "".join(f"<li>{escape(line)}</li>" for line in table.rules[1:])
        out.append(f'<p class="note"><b>{escape(table.rules[0])}</b></p><ul>{items}</ul>')
    return "".join(out)


def write_table_html(table: Table, path: str | os.PathLike[str], *, language: str = "id") -> None:
    """One display as a self-contained HTML page."""
    page = (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(table.title)}</title><style>{CSS}</style></head><body>"
        f"{table_html(table, language, number=None)}</body></html>\n"
    )
    with atomic_output(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
