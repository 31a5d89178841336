"""Plain data of a theory-driven codebook file (no database, no YAML).

A codebook is what a researcher brings from theory before coding ("provisional coding"):
a tree of codes with bilingual labels, definitions and inclusion/exclusion notes, optional
code sets (clusters) and links to codes of other codebooks. These frozen dataclasses are
what :mod:`qualcode.codebooks.files` loads from and writes to ``codebooks/<id>.yaml``.

Per-language texts are plain dicts keyed by language code: ``{"en": ..., "id": ...}``.
Source positions (``source``, ``line``) are kept for error messages but take no part in
equality, so a codebook written and read back compares equal to the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

# Languages every label and title must have; a codebook may declare more.
REQUIRED_LANGUAGES: tuple[str, ...] = ("en", "id")

# Relation words allowed on a code link, with what they mean (documented in
# docs/codebook-format.md).
LINK_RELATIONS: dict[str, str] = {
    "maps_to": "this code is an instance of, or feeds into, the target code",
    "same_as": "both codes mean the same thing in different frameworks",
    "broader": "the target is narrower than this code",
    "narrower": "the target is broader than this code",
    "related_to": "a looser association worth showing next to each other",
    "contrasts_with": "the target is an opposite or rival explanation",
}

Texts = dict[str, str]


class CodebookError(ValidationError):
    """A codebook file is not valid; ``file`` and ``line`` (1-based) say where.

    ``problems`` holds every problem found in the file (the first one is this error),
    so an editor can list them all at once.
    """

    template = QT_TRANSLATE_NOOP("errors", "{file}, line {line}: {message}")

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.problems: tuple[CodebookError, ...] = (self,)

    @property
    def file(self) -> str:
        """The file (or source name) the problem is in."""
        return str(self.params.get("file", ""))

    @property
    def line(self) -> int | None:
        """The 1-based line of the problem, or None when the whole file is concerned."""
        line = self.params.get("line")
        return int(line) if line is not None else None


@dataclass(frozen=True)
class Reference:
    """The theoretical work a codebook operationalises (cited in the thesis)."""

    authors: tuple[str, ...]
    year: str = ""
    work: str = ""
    publisher: str = ""
    note: str = ""

    def citation(self) -> str:
        """A short author–year citation such as ``Edwards III (1980)``."""
        names = " & ".join(self.authors) if len(self.authors) <= 2 else f"{self.authors[0]} et al."
        return f"{names} ({self.year})" if self.year else names


@dataclass(frozen=True)
class CodeLink:
    """A link from a code to a code of this or another codebook (``target`` = ``book:CODE``)."""

    target: str
    relation: str = "maps_to"
    note: str = ""
    line: int | None = field(default=None, compare=False, repr=False)

    @property
    def codebook_id(self) -> str:
        """Id of the codebook the target code lives in."""
        return self.target.split(":", 1)[0]

    @property
    def code_id(self) -> str:
        """Id of the target code inside its codebook."""
        return self.target.split(":", 1)[1]


@dataclass(frozen=True)
class CodebookCode:
    """One code of a codebook, with its sub-codes in ``children``."""

    id: str
    label: Texts
    definition: Texts
    short: Texts = field(default_factory=dict)
    when_to_use: Texts = field(default_factory=dict)
    when_not_to_use: Texts = field(default_factory=dict)
    example: str = ""
    color: str | None = None
    optional: bool = False
    links: tuple[CodeLink, ...] = ()
    children: tuple[CodebookCode, ...] = ()
    line: int | None = field(default=None, compare=False, repr=False)

    def text(self, name: str, language: str, fallback: str = "en") -> str:
        """A per-language field (``label``, ``definition``...) in ``language`` or ``fallback``."""
        texts: Texts = getattr(self, name)
        return texts.get(language) or texts.get(fallback) or next(iter(texts.values()), "")


@dataclass(frozen=True)
class CodeSet:
    """A named cluster of codes (e.g. one per theoretical variable), for matrix columns."""

    id: str
    label: Texts
    codes: tuple[str, ...]
    description: Texts = field(default_factory=dict)
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Codebook:
    """A whole codebook file: metadata, code tree, code sets."""

    id: str
    title: Texts
    version: str
    codes: tuple[CodebookCode, ...]
    languages: tuple[str, ...] = REQUIRED_LANGUAGES
    reference: Reference | None = None
    description: Texts = field(default_factory=dict)
    sets: tuple[CodeSet, ...] = ()
    source: str = field(default="", compare=False, repr=False)

    def iter_codes(self) -> Iterator[tuple[tuple[str, ...], CodebookCode]]:
        """Every code depth-first (parents before children) with its id path from the root."""
        return iter_codes(self.codes)

    def code(self, code_id: str) -> CodebookCode | None:
        """The code with ``code_id`` anywhere in the tree, or None."""
        for _path, code in iter_codes(self.codes):
            if code.id == code_id:
                return code
        return None

    def code_ids(self) -> list[str]:
        """All code ids, depth-first."""
        return [code.id for _path, code in iter_codes(self.codes)]

    def parent_of(self, code_id: str) -> CodebookCode | None:
        """The parent of ``code_id`` (None for a top-level or unknown code)."""
        for _path, code in iter_codes(self.codes):
            if any(child.id == code_id for child in code.children):
                return code
        return None


def iter_codes(
    codes: tuple[CodebookCode, ...], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], CodebookCode]]:
    """Yield ``(path, code)`` depth-first; ``path`` is the ids from the root down to the code."""
    for code in codes:
        path = (*prefix, code.id)
        yield path, code
        yield from iter_codes(code.children, path)


def slug_id(text: str) -> str:
    """A code id (letters, digits, ``_``) made from a name (``Koordinasi OPD``: ``KOORDINASI_OPD``).

    Codes a researcher adds and codes of a codebook table get ids this way, so the same
    name gives the same id on every export and load.
    """
    clean = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").upper()
    return clean or "CODE"
