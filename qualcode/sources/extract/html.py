"""HTML pages (saved news articles, web regulations) via BeautifulSoup.

Block elements become paragraphs, ``<br>`` a line break, table rows one line
with cells joined by `` | `` (as for Word). Whitespace inside a paragraph is
collapsed the way a browser does, except in ``<pre>``. Scripts, styles,
templates, forms and the ``<head>`` are dropped.
"""

from __future__ import annotations

import re
from typing import Any

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.model import Extraction, TextBuilder, fail

_DROP = {"script", "style", "noscript", "template", "head", "svg", "canvas", "iframe",
         "object", "select", "button", "form", "input", "textarea", "meta", "link"}  # fmt: skip
_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
          "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
          "address", "hr", "body", "html", "caption", "details", "summary", "center"}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"[ \t\n\r\f]+")


class _Walker:
    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.buffer: list[str] = []
        self.tables = 0

    def flush(
        self, kind: str = "paragraph", level: int | None = None, *, pre: bool = False
    ) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        lines = text.split("\n") if pre else [line.strip(" ") for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
        if text:
            if kind == "heading":
                self.builder.add(text, "heading", level=level)
            else:
                self.builder.add(text)

    def inline(self, node: Any, out: list[str], pre: bool = False) -> None:
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

        for child in node.children:
            if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                out.append(str(child) if pre else _SPACE.sub(" ", str(child)))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name in _DROP:
                    continue
                if name == "br":
                    out.append("\n")
                elif name == "table":
                    self.flush_from(out)
                    self.table(child)
                elif name in _BLOCK or name in _HEADINGS or name == "pre":
                    self.flush_from(out)
                    sub: list[str] = []
                    self.inline(child, sub, pre or name == "pre")
                    self.buffer = sub
                    if name in _HEADINGS:
                        self.flush("heading", _HEADINGS[name])
                    else:
                        self.flush(pre=pre or name == "pre")
                else:
                    self.inline(child, out, pre)

    def flush_from(self, out: list[str]) -> None:
        """Emit pending inline text of the enclosing block as its own paragraph."""
        self.buffer = out[:]
        out.clear()
        self.flush()

    def cell_text(self, cell: Any) -> str:
        out: list[str] = []
        saved = self.builder
        self.builder = TextBuilder()  # nested blocks inside a cell stay in the cell
        self.inline(cell, out)
        self.buffer = out
        self.flush()
        text, _ = self.builder.finish()
        self.builder = saved
        return text

    def table(self, table: Any) -> None:
        index = self.tables
        self.tables += 1
        start = self.builder.position
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        for row, tr in enumerate(rows):
            cells = [self.cell_text(c) for c in tr.find_all(["td", "th"], recursive=False)]
            self.builder.add_row(cells, table=index, row=row)
        self.builder.add_block("table", start, table=index)


def extract_html(data: bytes, name: str) -> Extraction:
    """Extract an HTML page; the encoding comes from the BOM, ``<meta charset>`` or a guess."""
    from bs4 import BeautifulSoup

    if b"<" not in data[:4096]:
        raise fail(name, QT_TRANSLATE_NOOP("errors", "Cannot import {file}: not an HTML page."))
    soup = BeautifulSoup(data, "lxml")
    metadata: dict[str, str] = {}
    title_tag = soup.find("title")
    if title_tag and title_tag.get_text(strip=True):
        metadata["title"] = title_tag.get_text(" ", strip=True)
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or "").lower()
        if key in ("author", "description", "keywords", "og:title", "article:published_time"):
            value = str(meta.get("content") or "").strip()
            if value:
                metadata[key.replace("og:", "").replace("article:", "")] = value
    walker = _Walker()
    pending: list[str] = []
    walker.inline(soup.body or soup, pending)
    walker.buffer = pending
    walker.flush()
    text, blocks = walker.builder.finish()
    title = metadata.get("title")
    if not title:
        heading = next((b for b in blocks if b.kind == "heading"), None)
        title = text[heading.start : heading.end].strip() if heading else None
    return Extraction(
        text=text,
        blocks=blocks,
        title=title,
        metadata=metadata,
        encoding=getattr(soup, "original_encoding", None),
    )
