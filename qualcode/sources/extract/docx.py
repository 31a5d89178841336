"""Word .docx: paragraphs and tables in document order, headings, footnotes.

The body XML is walked directly (not ``Document.paragraphs``, which skips
tables) so paragraphs and tables keep their order. Tables become one line per
row with cells joined by `` | ``: readable in the source viewer and easy to
split again; the exact cell ranges (with row/column index) are in the blocks,
which is what Q/A table transcripts are turned into speaker turns from. A cell
holding several paragraphs keeps them on separate lines.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.bounds import DEFAULT_MAX_TEXT, check_office_archive
from qualcode.sources.extract.model import Extraction, TextBuilder, fail

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _R, _T = W + "p", W + "tbl", W + "sdt", W + "r", W + "t"
_TAB, _BR, _CR, _RPR = W + "tab", W + "br", W + "cr", W + "rPr"
_NBH, _FNREF, _ENREF = W + "noBreakHyphen", W + "footnoteReference", W + "endnoteReference"
# Containers whose runs are part of the paragraph's visible text.
_INLINE = {
    W + "hyperlink", W + "ins", W + "smartTag", W + "fldSimple", W + "customXml",
    W + "sdtContent", W + "sdt", W + "moveTo", W + "dir", W + "bdo",
}  # fmt: skip
_FOOTNOTE_TYPES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
)
_CORE_FIELDS = ("title", "subject", "author", "keywords", "category", "comments",
                "last_modified_by", "created", "modified", "language")  # fmt: skip


class _Walker:
    def __init__(self, heading_styles: dict[str, int]) -> None:
        self.heading_styles = heading_styles
        self.builder = TextBuilder()
        self.notes: dict[tuple[str, str], int] = {}  # (kind, w:id) -> display number
        self.tables = 0
        self.textboxes = 0

    def inline_text(self, p: Any) -> str:
        out: list[str] = []
        self._inline(p, out)
        return "".join(out)

    def _inline(self, parent: Any, out: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == _R:
                for el in child:
                    t = el.tag
                    if t == _T:
                        out.append(el.text or "")
                    elif t == _TAB:
                        out.append("\t")
                    elif t in (_BR, _CR):
                        out.append("\n")
                    elif t == _NBH:
                        out.append("-")
                    elif t in (_FNREF, _ENREF):
                        key = ("f" if t == _FNREF else "e", el.get(W + "id", ""))
                        number = self.notes.setdefault(key, len(self.notes) + 1)
                        out.append(f"[{number}]")
                    elif t != _RPR and el.find(f".//{W}txbxContent") is not None:
                        self.textboxes += 1
            elif tag in _INLINE:
                self._inline(child, out)

    def heading_level(self, p: Any) -> int | None:
        ppr = p.pPr
        if ppr is None:
            return None
        style = ppr.find(W + "pStyle")
        if style is not None:
            level = self.heading_styles.get(style.get(W + "val", ""))
            if level is not None:
                return level
        outline = ppr.find(W + "outlineLvl")
        if outline is not None:
            value = outline.get(W + "val", "")
            if value.isdigit() and int(value) < 9:
                return int(value) + 1
        return None

    def body(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                level = self.heading_level(child)
                if level is None:
                    self.builder.add(self.inline_text(child))
                else:
                    self.builder.add(self.inline_text(child), "heading", level=level)
            elif tag == _TBL:
                self.table(child)
            elif tag == _SDT:
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.body(content)

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == _P:
                lines.append(self.inline_text(child))
            elif child.tag == _TBL:  # nested table: rows as lines inside the cell
                for tr in child.iterchildren(W + "tr"):
                    cells = [self.cell_text(c) for c in tr.iterchildren(W + "tc")]
                    lines.append(" | ".join(c.replace("\n", " ") for c in cells))
        return "\n".join(lines)

    def table(self, tbl: Any) -> None:
        index = self.tables
        self.tables += 1
        start = self.builder.position
        for row, tr in enumerate(tbl.iterchildren(W + "tr")):
            cells = [self.cell_text(tc) for tc in tr.iterchildren(W + "tc")]
            self.builder.add_row(cells, table=index, row=row)
        self.builder.add_block("table", start, table=index)


def _heading_styles(document: Any) -> dict[str, int]:
    """Map paragraph style ids to heading levels, resolved once per document."""
    levels: dict[str, int] = {}
    for style in document.styles.element.iterchildren(W + "style"):
        style_id = style.get(W + "styleId", "")
        name_el = style.find(W + "name")
        name = (name_el.get(W + "val", "") if name_el is not None else "").lower()
        for prefix in ("heading ", "judul ", "heading", "judul"):
            rest = name.removeprefix(prefix) if name.startswith(prefix) else None
            if rest is not None and rest.strip().isdigit():
                levels[style_id] = int(rest.strip())
                break
        else:
            if name == "title" or name == "judul":
                levels[style_id] = 1
    return levels


def _notes(document: Any, walker: _Walker) -> list[tuple[int, str]]:
    """Footnote/endnote texts by display number, for the references seen."""
    from lxml import etree

    if not walker.notes:
        return []
    found: list[tuple[int, str]] = []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in _FOOTNOTE_TYPES:
            continue
        kind = "f" if rel.reltype == _FOOTNOTE_TYPES[0] else "e"
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(rel.target_part.blob, parser)
        for note in root:
            number = walker.notes.get((kind, note.get(W + "id", "")))
            if number is None:
                continue
            paragraphs = [walker.inline_text(p) for p in note.iter(_P)]
            found.append((number, " ".join(t.strip() for t in paragraphs if t.strip())))
    return sorted(found)


def _docx_text(element: Any) -> int:
    """Characters a finished body element adds (the text of ``w:t`` runs)."""
    return len(element.text or "") if element.tag == _T else 0


def extract_docx(data: bytes, name: str, *, max_text: int = DEFAULT_MAX_TEXT) -> Extraction:
    """Extract a .docx; damaged files and zips that are not Word raise ImportFailedError.

    The archive and the amount of text are bounded before python-docx parses it
    (:mod:`qualcode.sources.extract.bounds`).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise fail(
                name,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Cannot import {file}: this is an old Word 97–2003 file; "
                    "save it as .docx and import again.",
                ),
            )
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: not a Word document (not a .docx file)."
            ),
        )
    check_office_archive(data, name, "word/document.xml", _docx_text, max_text=max_text)
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: the Word file is damaged ({reason})."
            ),
            reason=exc,
        ) from exc
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: a zip archive but not a Word document ({reason})."
            ),
            reason=exc,
        ) from exc
    except Exception as exc:  # lxml syntax errors and other corruption inside the zip
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: the Word file is damaged ({reason})."
            ),
            reason=exc,
        ) from exc

    walker = _Walker(_heading_styles(document))
    walker.body(document.element.body)
    notes = _notes(document, walker)
    if notes:
        walker.builder.add("")
        for number, text in notes:
            walker.builder.add(f"[{number}] {text}", "footnote")
    text, blocks = walker.builder.finish()

    metadata: dict[str, str] = {}
    props = document.core_properties
    for key in _CORE_FIELDS:
        value = getattr(props, key, None)
        if value:
            metadata[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    title = metadata.get("title")
    if not title:
        heading = next((b for b in blocks if b.kind == "heading"), None)
        title = text[heading.start : heading.end].strip() if heading else None
    warnings = []
    if walker.textboxes:
        warnings.append(f"Text in {walker.textboxes} text box(es) was not imported.")
    return Extraction(text=text, blocks=blocks, title=title, metadata=metadata, warnings=warnings)
