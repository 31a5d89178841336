"""Result types of text extraction and the helpers every extractor shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from qualcode.errors import ImportFailedError
from qualcode.text.normalize import normalize_text

if TYPE_CHECKING:
    from qualcode.sources.extract.original import OriginalFile

BlockKind = Literal[
    "heading",
    "paragraph",
    "table",
    "table-row",
    "table-cell",
    "footnote",
    "page",
    "cue",
    "label",
]

#: Files larger than this are refused unless the caller passes another limit.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Block:
    """A structural range ``start..end`` of the extracted text.

    ``level`` is set for headings (1 = top), ``table``/``row``/``col`` (all
    0-based) for table parts, ``page`` (0-based) for PDF pages. A ``label``
    block is the bold text a paragraph starts with (a speaker label written in
    bold, with or without a colon, or a bold paragraph of its own).
    """

    kind: BlockKind
    start: int
    end: int
    level: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class ExtractedSource:
    """Everything the database needs to store one imported file.

    ``text`` is normalised (see :mod:`qualcode.text.normalize`) and is what
    codings point into; ``original_bytes`` are kept so the file can be exported
    again unchanged (for a very large text file, an ``OriginalFile`` that reads
    them again when the source is stored). ``metadata`` holds document properties (``author``,
    ``created``...) and transcript header fields as ``header.<field>`` (raw
    text; ``header.date`` is ISO ``YYYY-MM-DD`` when the date could be parsed).
    ``language`` is a cheap ``"id"``/``"en"`` guess or None.
    """

    text: str
    format: str
    original_bytes: bytes | OriginalFile
    original_name: str
    sha256: str
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)

    def blocks_of(self, kind: BlockKind) -> list[Block]:
        """The blocks of one kind, in text order."""
        return [b for b in self.blocks if b.kind == kind]


@dataclass(slots=True)
class Extraction:
    """What a format module returns before the dispatcher adds file facts."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None


def fail(name: str, template: str, /, **params: Any) -> ImportFailedError:
    """An ``ImportFailedError`` for file ``name``; ``template`` uses ``{file}``."""
    return ImportFailedError(template, file=name, **params)


class TextBuilder:
    """Assemble normalised text paragraph by paragraph while recording blocks.

    Each fragment is normalised on its own (``trim_document=False``) before it
    is appended, so block offsets are final; :meth:`finish` only trims the
    whole text's leading/trailing whitespace and shifts the blocks to match.
    """

    SEPARATOR = "\n"

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.blocks: list[Block] = []

    @property
    def position(self) -> int:
        """Offset at which the next fragment will start."""
        return self._pos + (len(self.SEPARATOR) if self._parts else 0)

    def add(self, text: str, kind: BlockKind | None = "paragraph", **info: int | None) -> int:
        """Append ``text`` as a new line (or lines); record a block unless empty.

        Returns the fragment's start offset.
        """
        text = normalize_text(text, trim_document=False)
        if self._parts:
            self._parts.append(self.SEPARATOR)
            self._pos += len(self.SEPARATOR)
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        if kind is not None and text.strip():
            self.blocks.append(Block(kind, start, self._pos, **info))
        return start

    @property
    def last(self) -> str:
        """The (normalised) fragment added last."""
        return self._parts[-1] if self._parts else ""

    def add_row(self, cells: list[str], *, table: int, row: int, sep: str = " | ") -> None:
        """Append one table row as ``cell | cell | cell`` with row and cell blocks."""
        norm = [normalize_text(c, trim_document=True) for c in cells]
        used = len(norm)
        while used and not norm[used - 1]:
            used -= 1  # trailing empty cells add no "| " at the line end
        line = sep.join(norm[:used])
        start = self.add(line, None)
        end = start + len(line)
        pos = start
        for col, cell in enumerate(norm):
            cs = min(pos, end)
            self.blocks.append(
                Block("table-cell", cs, min(pos + len(cell), end), table=table, row=row, col=col)
            )
            pos += len(cell) + len(sep)
        self.blocks.append(Block("table-row", start, end, table=table, row=row))

    def add_block(self, kind: BlockKind, start: int, **info: int | None) -> None:
        """Record a block from ``start`` to the current end (e.g. a whole table)."""
        if self._pos > start:
            self.blocks.append(Block(kind, start, self._pos, **info))

    def finish(self) -> tuple[str, list[Block]]:
        """The final text (document-trimmed) and its blocks sorted by position."""
        raw = "".join(self._parts)
        text = raw.lstrip()
        lead = len(raw) - len(text)
        text = text.rstrip()
        n = len(text)
        blocks = []
        for b in self.blocks:
            s, e = max(0, min(n, b.start - lead)), max(0, min(n, b.end - lead))
            if e > s or b.kind == "table-cell":
                blocks.append(
                    Block(b.kind, s, e, b.level, b.table, b.row, b.col, b.page)
                    if (s, e) != (b.start, b.end)
                    else b
                )
        blocks.sort(key=lambda b: (b.start, -b.end))
        return text, blocks
