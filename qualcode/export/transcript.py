"""Whole coded transcripts for supervisors and appendices (lampiran): Word, HTML or PDF.

Each line of the source (the unit its paragraph numbers count, as in every
citation) becomes a row: the paragraph number, the speaker where a turn
starts, the text with coded stretches highlighted in their code's colour, and
in the margin the codings that start on that line (code path, coder, valence,
note; "…" for a coding that continues from above). Case names become
pseudonyms with ``pseudonymise=True`` (the same :class:`Attributor` as excerpt
citations).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.cases.attribution import AttributionStyle, Attributor
from qualcode.errors import ExportFailedError
from qualcode.export.docx_common import tint
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.records import Source

TEXT_CM, NUMBER_CM, MARGIN_CM = 9.0, 1.2, 4.8


@dataclass(frozen=True, slots=True)
class MarginLabel:
    """A coding named in the margin of the line where it starts (or continues)."""

    code: str
    color: str
    coder: str
    valence: str | None
    note: str
    continues: bool


@dataclass
class TranscriptLine:
    """One numbered line of a coded transcript."""

    number: int
    speaker: str | None
    pieces: list[tuple[str, str | None]] = field(default_factory=list)  # (text, colour or None)
    labels: list[MarginLabel] = field(default_factory=list)


@dataclass
class CodedTranscript:
    """A source with its lines, ready for a writer."""

    source: Source
    informants: list[str]
    lines: list[TranscriptLine]


def collect_transcript(
    project: Project,
    source_id: int,
    *,
    language: str = "id",
    coders: Sequence[str] | None = None,
    pseudonymise: bool = False,
) -> CodedTranscript:
    """Lines, highlights and margin labels of one source (only ``coders``' codings if given)."""
    language = check_language(language)
    src = project.sources.get(source_id)
    text = project.sources.text(source_id)
    codes = {int(c.id): c for c in project.codes.all()}

    def path(cid: int) -> str:
        parts = []
        cur: int | None = cid
        while cur is not None:
            parts.append(codes[cur].label(language))
            cur = codes[cur].parent_id
        return " / ".join(reversed(parts))

    authors = project.memos.authors()
    codings = [
        c
        for c in project.codings.in_source(source_id)
        if coders is None or authors.get(c.coder_id) in set(coders)
    ]
    codings.sort(key=lambda c: (c.start, -c.end, c.id))
    cases = {c.id: c for c in project.cases.all()}
    attributor = Attributor(cases.values(), AttributionStyle(pseudonymise=pseudonymise), language)
    turns = sorted(
        (lk for lk in project.cases.links(source_id=source_id) if lk.start is not None),
        key=lambda lk: lk.start or 0,
    )
    informants = sorted(
        {attributor.case_name(cases[lk.case_id]) for lk in project.cases.links(source_id=source_id)}
    )
    lines: list[TranscriptLine] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), 1):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            continue
        speaker = None
        for lk in turns:
            if lk.start is not None and start <= lk.start < end:
                case = cases.get(lk.case_id)
                speaker = attributor.case_name(case) if case is not None else lk.speaker
                break
        line = TranscriptLine(number, speaker)
        here = [c for c in codings if c.start < end and c.end > start]
        cuts = sorted({start, end, *(max(start, c.start) for c in here),
                       *(min(end, c.end) for c in here)})  # fmt: skip
        for a, b in itertools.pairwise(cuts):
            if a >= b:
                continue
            covering = [c for c in here if c.start <= a and c.end >= b]
            color = codes[covering[-1].code_id].color if covering else None
            line.pieces.append((text[a:b], color))
        for c in here:
            line.labels.append(
                MarginLabel(
                    code=path(c.code_id),
                    color=codes[c.code_id].color,
                    coder=authors.get(c.coder_id, ""),
                    valence=c.valence,
                    note=c.note,
                    continues=c.start < start,
                )
            )
        lines.append(line)
    return CodedTranscript(src, informants, lines)


def _label_text(lb: MarginLabel, language: str) -> str:
    extra = [lb.coder] if lb.coder else []
    if lb.valence:
        extra.append(label(lb.valence, language))
    head = ("… " if lb.continues else "") + lb.code
    return head + (f" ({', '.join(extra)})" if extra else "")


def _subtitle(t: CodedTranscript, language: str) -> str:
    parts = [label(t.source.kind, language)]
    if t.source.date_collected:
        parts.append(format_date(t.source.date_collected, language))
    if t.informants:
        parts.append(", ".join(t.informants))
    return " · ".join(parts)


def export_transcripts(
    project: Project,
    source_ids: Sequence[int],
    path: str | os.PathLike[str],
    *,
    language: str = "id",
    coders: Sequence[str] | None = None,
    pseudonymise: bool = False,
) -> None:
    """Write coded transcripts of ``source_ids`` to .docx, .html or .pdf (all or nothing)."""
    language = check_language(language)
    items = [
        collect_transcript(project, sid, language=language, coders=coders,
                           pseudonymise=pseudonymise)
        for sid in source_ids
    ]  # fmt: skip
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        with atomic_output(path) as tmp:
            tmp.write_text(_html(items, language), encoding="utf-8")
        return
    if suffix == ".pdf":
        _pdf(items, language, path)
        return
    doc = _docx(items, language)
    from qualcode.export.docx_common import save

    with atomic_output(path) as tmp:
        save(doc, tmp)


def _docx(items: Sequence[CodedTranscript], language: str) -> Any:
    from docx.enum.section import WD_SECTION
    from docx.shared import Cm

    from qualcode.export.docx_common import (
        HEADER_FILL,
        add_page_numbers,
        cell_margins,
        fixed_width,
        new_document,
        set_repeat_header,
        shade,
    )

    doc, styles = new_document(language)
    add_page_numbers(doc.sections[0])
    for i, t in enumerate(items):
        if i:
            doc.add_section(WD_SECTION.NEW_PAGE)
        doc.add_paragraph(t.source.name, style=doc.styles.get_by_id(styles.headings[0], 1))
        doc.add_paragraph(_subtitle(t, language), style=doc.styles.get_by_id(styles.meta, 1))
        table = doc.add_table(rows=1 + len(t.lines), cols=3)
        table.style = doc.styles["Table Grid"]
        cell_margins(table)
        fixed_width(table, NUMBER_CM + TEXT_CM + MARGIN_CM)
        widths = [Cm(NUMBER_CM), Cm(TEXT_CM), Cm(MARGIN_CM)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid LibreOffice lays the table out by
        cell_style = doc.styles.get_by_id(styles.cell, 1)
        head = table.rows[0]
        set_repeat_header(head)
        for cell, key, width in zip(head.cells, ("no", "text", "codes"), widths, strict=True):
            cell.width = width
            shade(cell._tc.get_or_add_tcPr(), HEADER_FILL)
            p = cell.paragraphs[0]
            p.style = cell_style
            p.add_run(label(key, language)).bold = True
        for row, line in zip(table.rows[1:], t.lines, strict=True):
            c_no, c_text, c_codes = row.cells
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
                cell.paragraphs[0].style = cell_style
            c_no.paragraphs[0].add_run(str(line.number))
            p = c_text.paragraphs[0]
            if line.speaker:
                p.add_run(f"{line.speaker}: ").bold = True
            for piece, color in line.pieces:
                run = p.add_run(piece)
                if color:
                    shade(run._r.get_or_add_rPr(), tint(color).lstrip("#"))
            first = True
            for lb in line.labels:
                q = c_codes.paragraphs[0] if first else c_codes.add_paragraph(style=cell_style)
                first = False
                mark = q.add_run("■ ")
                mark.font.color.rgb = _rgb(lb.color)
                q.add_run(_label_text(lb, language))
                if lb.note and not lb.continues:
                    q.add_run(f" — {lb.note}").italic = True
    doc.core_properties.title = ", ".join(t.source.name for t in items)
    doc.core_properties.subject = (
        f"{label('transcript', language)} · {format_date(date.today(), language)}"
    )
    return doc


def _rgb(color: str) -> Any:
    from docx.shared import RGBColor

    try:
        return RGBColor.from_string(color.lstrip("#")[:6].upper())
    except ValueError:
        return RGBColor(0x99, 0x99, 0x99)


def _html(items: Sequence[CodedTranscript], language: str) -> str:
    parts = [
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{escape(label('transcript', language))}</title>",
        "<style>body{font-family:serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;"
        "padding:.2em .4em;vertical-align:top}td.n{width:3em;text-align:right;color:#555}"
        "td.m{width:16em;font-size:.9em}.sw{display:inline-block;width:.8em;height:.8em;"
        "margin-right:.3em}</style></head><body>",
    ]
    for t in items:
        parts.append(f"<h1>{escape(t.source.name)}</h1><p>{escape(_subtitle(t, language))}</p>")
        parts.append(
            f"<table><thead><tr><th>{escape(label('no', language))}</th>"
            f"<th>{escape(label('text', language))}</th>"
            f"<th>{escape(label('codes', language))}</th></tr></thead><tbody>"
        )
        for line in t.lines:
            body = f"<strong>{escape(line.speaker)}:</strong> " if line.speaker else ""
            body += "".join(
                f'<mark style="background:#{tint(c)}">{escape(x)}</mark>' if c else escape(x)
                for x, c in line.pieces
            )
            margin = "<br>".join(
                f'<span class="sw" style="background:{escape(lb.color)}"></span>'
                + escape(_label_text(lb, language))
                + (f" — <em>{escape(lb.note)}</em>" if lb.note and not lb.continues else "")
                for lb in line.labels
            )
            number = f'<td class="n">{line.number}</td>'
            parts.append(f'<tr>{number}<td>{body}</td><td class="m">{margin}</td></tr>')
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _pdf(items: Sequence[CodedTranscript], language: str, path: str | os.PathLike[str]) -> None:
    """PDF through LibreOffice (the same page set-up as the Word file)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP(
                "errors",
                "PDF export needs LibreOffice (soffice), which is not installed. Export to "
                ".docx and save it as PDF from Word or LibreOffice.",
            )
        )
    from qualcode.export.docx_common import save

    with tempfile.TemporaryDirectory() as work:
        src = Path(work) / "transcript.docx"
        save(_docx(items, language), src)
        done = subprocess.run(
            [office, "--headless", f"-env:UserInstallation=file://{Path(work).as_posix()}/lo",
             "--convert-to", "pdf", "--outdir", work, str(src)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        made = Path(work) / "transcript.pdf"
        if done.returncode != 0 or not made.exists():
            raise ExportFailedError(
                QT_TRANSLATE_NOOP("errors", "LibreOffice could not make the PDF: {reason}"),
                reason=(done.stderr or done.stdout).strip()[-300:],
            )
        with atomic_output(path) as tmp:
            tmp.write_bytes(made.read_bytes())
