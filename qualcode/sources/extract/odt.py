"""OpenDocument text (.odt) via odfpy: headings, paragraphs, lists, tables, notes."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.bounds import DEFAULT_MAX_TEXT, check_office_archive
from qualcode.sources.extract.model import Extraction, TextBuilder, fail

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_TEXT_NODE, _ELEMENT_NODE = 3, 1
# Inline elements whose content is not part of the running text.
_SKIP_INLINE = {(OFFICE, "annotation"), (TEXT, "note-citation"), (TEXT, "bookmark-ref")}
# Block containers whose children are walked as body content.
_CONTAINERS = {"section", "list", "list-item", "list-header", "index-body", "soft-page-break"}


class _Walker:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.notes: list[str] = []
        self.tables = 0

    def inline(self, node: Any, out: list[str]) -> None:
        for child in node.childNodes:
            if child.nodeType == _TEXT_NODE:
                out.append(child.data)
                continue
            if child.nodeType != _ELEMENT_NODE or child.qname in _SKIP_INLINE:
                continue
            ns, local = child.qname
            if ns == TEXT and local == "s":
                out.append(" " * int(child.getAttrNS(TEXT, "c") or 1))
            elif ns == TEXT and local == "tab":
                out.append("\t")
            elif ns == TEXT and local == "line-break":
                out.append("\n")
            elif ns == TEXT and local == "note":
                body: list[str] = []
                for part in child.childNodes:
                    if part.qname == (TEXT, "note-body"):
                        for p in part.childNodes:
                            self.inline(p, body)
                            body.append(" ")
                self.notes.append(" ".join("".join(body).split()))
                out.append(f"[{len(self.notes)}]")
            elif ns == TEXT:
                self.inline(child, out)

    def text_of(self, node: Any) -> str:
        out: list[str] = []
        self.inline(node, out)
        return "".join(out)

    def body(self, node: Any) -> None:
        for child in node.childNodes:
            if child.nodeType != _ELEMENT_NODE:
                continue
            ns, local = child.qname
            if ns == TEXT and local == "h":
                level = child.getAttrNS(TEXT, "outline-level")
                lvl = int(level) if level and level.isdigit() else 1
                self.builder.add(self.text_of(child), "heading", level=lvl)
            elif ns == TEXT and local == "p":
                self.builder.add(self.text_of(child))
            elif ns == TEXT and local in _CONTAINERS:
                self.body(child)
            elif ns == TABLE and local == "table":
                self.table(child)

    def cell_text(self, cell: Any) -> str:
        lines = []
        for child in cell.childNodes:
            if child.qname in ((TEXT, "p"), (TEXT, "h")):
                lines.append(self.text_of(child))
            elif child.qname == (TEXT, "list"):
                lines.extend(self.text_of(p) for p in _descendants(child, (TEXT, "p")))
        return "\n".join(lines)

    def table(self, table: Any) -> None:
        index = self.tables
        self.tables += 1
        start = self.builder.position
        for row, tr in enumerate(_descendants(table, (TABLE, "table-row"))):
            cells = []
            for tc in tr.childNodes:
                if tc.qname == (TABLE, "table-cell"):
                    text = self.cell_text(tc)
                    repeat = tc.getAttrNS(TABLE, "number-columns-repeated")
                    # Repeated *empty* cells pad rows to the sheet width; ignore them.
                    cells.extend([text] * (int(repeat) if repeat and text else 1))
                elif tc.qname == (TABLE, "covered-table-cell"):
                    cells.append("")
            self.builder.add_row(cells, table=index, row=row)
        self.builder.add_block("table", start, table=index)


def _descendants(node: Any, qname: tuple[str, str]) -> list[Any]:
    """Descendants with ``qname``, not looking inside matches (nested tables stay whole)."""
    found = []
    for child in node.childNodes:
        if child.nodeType != _ELEMENT_NODE:
            continue
        if child.qname == qname:
            found.append(child)
        elif child.qname != (TABLE, "table"):
            found.extend(_descendants(child, qname))
    return found


def _meta(doc: Any) -> dict[str, str]:
    fields = {(DC, "title"): "title", (DC, "subject"): "subject", (DC, "creator"): "author",
              (DC, "date"): "modified", (META, "creation-date"): "created",
              (META, "initial-creator"): "initial_author", (DC, "language"): "language",
              (DC, "description"): "comments", (META, "keyword"): "keywords"}  # fmt: skip
    metadata: dict[str, str] = {}
    for el in doc.meta.childNodes:
        key = fields.get(getattr(el, "qname", None))
        value = "".join(str(t) for t in el.childNodes).strip() if key else ""
        if key and value:
            metadata[key] = value
    return metadata


_S_TAG = f"{{{TEXT}}}s"
_C_ATTR = f"{{{TEXT}}}c"


def _odt_text(element: Any) -> int:
    """Characters a finished element adds: its text and tail, and ``text:s`` spaces."""
    size = len(element.text or "") + len(element.tail or "")
    if element.tag == _S_TAG:
        count = element.get(_C_ATTR, "1")
        size += int(count) if count.isdigit() else 1
    return size


def extract_odt(data: bytes, name: str, *, max_text: int = DEFAULT_MAX_TEXT) -> Extraction:
    """Extract an .odt; damaged or foreign files raise ImportFailedError.

    The archive and the amount of text (``text:s`` runs of spaces included) are
    bounded before odfpy parses it (:mod:`qualcode.sources.extract.bounds`).
    """
    from odf.opendocument import load

    if not data.startswith(b"PK"):
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: not an OpenDocument text (.odt) file."
            ),
        )
    check_office_archive(data, name, "content.xml", _odt_text, max_text=max_text)
    try:
        doc = load(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: the .odt file is damaged ({reason})."
            ),
            reason=exc,
        ) from exc
    except Exception as exc:  # missing content.xml, XML errors inside the zip
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: not a readable OpenDocument text ({reason})."
            ),
            reason=exc,
        ) from exc
    if "opendocument.text" not in (doc.mimetype or ""):
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors",
                "Cannot import {file}: an OpenDocument file but not a text document ({reason}).",
            ),
            reason=doc.mimetype,
        )
    walker = _Walker()
    walker.body(doc.text)
    if walker.notes:
        walker.builder.add("")
        for number, note in enumerate(walker.notes, 1):
            walker.builder.add(f"[{number}] {note}", "footnote")
    text, blocks = walker.builder.finish()
    metadata = _meta(doc)
    title = metadata.get("title")
    if not title:
        heading = next((b for b in blocks if b.kind == "heading"), None)
        title = text[heading.start : heading.end].strip() if heading else None
    return Extraction(text=text, blocks=blocks, title=title, metadata=metadata)
