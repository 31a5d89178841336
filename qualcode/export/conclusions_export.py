"""Conclusions and their evidence as a Word or HTML document (Indonesian or English).

Each claim with its status, where it was drawn from (displays, rows, columns,
cells with their summaries, memos), its supporting and contradicting excerpts
cited like every other export, the researcher's note on each, and the
verification figures and warnings of :mod:`qualcode.analysis.verification`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from qualcode.cases.attribution import AttributionStyle
from qualcode.export.common import check_suffix
from qualcode.text.labels import check_language, label, verification_warning

if TYPE_CHECKING:
    from qualcode.analysis.conclusion_sources import ClaimSource
    from qualcode.project import Project


@dataclass(frozen=True, slots=True)
class Evidence:
    """One cited excerpt of a claim."""

    text: str
    citation: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """What the document says about one claim."""

    number: int
    text: str
    status: str
    sources: list[str] = field(default_factory=list)
    supporting: list[Evidence] = field(default_factory=list)
    contradicting: list[Evidence] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def source_line(source: ClaimSource, language: str) -> str:
    """One source of a claim in words: ``Display “Kerangka”, sel I3 × Sumber daya: …``."""
    if source.kind == "memo":
        text = label("src_memo", language).format(title=source.memo_title or source.link_id)
    else:
        text = label("src_display", language).format(name=source.display_name or "?")
        part = {
            "row": label("src_row", language).format(row=source.row_label),
            "column": label("src_column", language).format(column=source.col_label),
            "cell": label("src_cell", language).format(
                row=source.row_label, column=source.col_label
            ),
        }.get(source.kind)
        if part:
            text += f", {part}"
        if source.summary:
            mark = f"[{label('draft', language)}] " if source.draft else ""
            text += f": {mark}{source.summary}"
    if source.gone:
        text += f" ({label('src_gone', language)})"
    return text


def claim_entries(
    project: Project,
    *,
    language: str = "id",
    style: AttributionStyle | None = None,
    role_attribute: str | None = "Jabatan",
    status: str | None = None,
) -> list[ClaimEntry]:
    """Every claim (optionally of one status) ready to write."""
    from qualcode.analysis.conclusion_sources import claim_sources
    from qualcode.analysis.excerpts import excerpts_by_id
    from qualcode.analysis.verification import verify
    from qualcode.export.display_adapter import Citer

    language = check_language(language)
    cite = Citer(project, style or AttributionStyle(), language)
    roles = {a.name for a in project.attributes.all("case")}
    role = role_attribute if role_attribute in roles else None
    out = []
    for n, rec in enumerate(project.conclusions.all(status), 1):
        found = excerpts_by_id(project, [e.coding_id for e in rec.evidence])
        cited: dict[str, list[Evidence]] = {"supporting": [], "contradicting": []}
        for e in rec.evidence:
            x = found.get(e.coding_id)
            if x is None:
                gone = label("deleted_coding", language).format(id=e.coding_id)
                cited[e.stance].append(Evidence(f"[{gone}]", "", e.note))
            else:
                cited[e.stance].append(Evidence(x.text, cite(x), e.note))
        v = verify(project, rec.id, role_attribute=role)
        figures = [
            label("fig_informants", language).format(n=len(v.cases), names=", ".join(v.cases)),
            label("fig_sources", language).format(
                n=len(v.sources), kinds=", ".join(label(k, language) for k in v.source_kinds)
            ),
        ]
        if v.top_case:
            figures.append(
                label("fig_share", language).format(
                    share=f"{v.top_case_share:.0%}", name=v.top_case
                )
            )
        if v.silent_roles:
            figures.append(label("fig_silent", language).format(roles=", ".join(v.silent_roles)))
        figures.append(
            label("fig_contra", language).format(n=v.contradicting, open=len(v.unaddressed))
        )
        out.append(
            ClaimEntry(
                n, rec.text, label(rec.status, language),
                [source_line(s, language) for s in claim_sources(project, rec)],
                cited["supporting"], cited["contradicting"], figures,
                [verification_warning(t, p, language) for t, p in v.warning_items],
            )
        )  # fmt: skip
    return out


def export_conclusions(
    project: Project,
    path: str | os.PathLike[str],
    *,
    language: str = "id",
    style: AttributionStyle | None = None,
    role_attribute: str | None = "Jabatan",
    status: str | None = None,
) -> int:
    """Write the conclusions document (.docx or .html); returns how many claims it holds."""
    suffix = check_suffix(path, (".docx", ".html"))
    entries = claim_entries(
        project, language=language, style=style, role_attribute=role_attribute, status=status
    )
    if suffix == ".docx":
        _write_docx(entries, path, language)
    else:
        _write_html(entries, path, language)
    return len(entries)


def _evidence_lines(items: list[Evidence], language: str) -> list[str]:
    lines = []
    for e in items:
        text = f"\u201c{e.text.strip()}\u201d" + (f" ({e.citation})" if e.citation else "")
        if e.note:
            text += f" \u2014 {label('evidence_note', language)}: {e.note}"
        lines.append(text)
    return lines or [label("none_linked", language)]


def _sections(entry: ClaimEntry, language: str) -> list[tuple[str, list[str]]]:
    return [
        (label("drawn_from", language), entry.sources or [label("none_linked", language)]),
        (label("supporting_evidence", language), _evidence_lines(entry.supporting, language)),
        (
            label("contradicting_evidence", language),
            _evidence_lines(entry.contradicting, language),
        ),
        (label("verification", language), entry.figures + [f"\u26a0 {w}" for w in entry.warnings]),
    ]


def _write_docx(entries: list[ClaimEntry], path: Any, language: str) -> None:
    from qualcode.export.docx_common import new_document, save
    from qualcode.fileio import atomic_output

    doc, _ = new_document(language)
    doc.add_heading(label("conclusions_title", language), 0)
    for entry in entries:
        doc.add_heading(f"{label('conclusion', language)} {entry.number} ({entry.status})", 1)
        doc.add_paragraph(entry.text)
        for title, lines in _sections(entry, language):
            doc.add_heading(title, 2)
            for line in lines:
                doc.add_paragraph(line, style="List Bullet")
    with atomic_output(path) as tmp:
        save(doc, tmp)


def _write_html(entries: list[ClaimEntry], path: Any, language: str) -> None:
    from qualcode.fileio import atomic_output

    title = label("conclusions_title", language)
    parts = [
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>"
    ]
    for entry in entries:
        head = f"{label('conclusion', language)} {entry.number} ({entry.status})"
        parts.append(f"<h2>{escape(head)}</h2><p>{escape(entry.text)}</p>")
        for section, lines in _sections(entry, language):
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<h3>{escape(section)}</h3><ul>{items}</ul>")
    parts.append("</body></html>\n")
    with atomic_output(path) as tmp:
        tmp.write_text("".join(parts), encoding="utf-8")
