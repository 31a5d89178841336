"""The one pseudonymisation rule: every identity register entry becomes its replacement.

Matching is whole-word and case-insensitive, the longest entry first (so
"UMKM Keripik Sari" is replaced as an institution before "Sari" as a name), and
any run of whitespace in an entry matches any run in the text. Honorifics stay:
"Pak Ujang" becomes "Pak [Informan 13]" whether the register holds "Ujang" or
"Pak Ujang" (unless the replacement starts with an honorific itself). The same
patterns drive :mod:`qualcode.export.leaks`, which rewrites and then scans every
file an export writes, so what is replaced and what is checked cannot diverge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qualcode.project import Project

# Indonesian (and a few regional) forms of address and academic/religious titles.
HONORIFICS = (
    "Bapak", "Pak", "Ibu", "Bu", "Mas", "Mbak", "Mba", "Kang", "Teh", "Bang", "Abang", "Kak",
    "Kakak", "Dik", "Adik", "Om", "Tante", "Cak", "Ning", "Uda", "Uni", "Daeng", "Bli", "Mbok",
    "Abah", "Umi", "Ustaz", "Ustadz", "Kiai", "Kyai", "Haji", "Hajjah", "H.", "Hj.", "Sdr.",
    "Sdri.", "Saudara", "Saudari", "Tuan", "Nyonya", "Ny.", "Dr.", "Drs.", "Dra.", "Ir.",
    "Prof.", "Mr.", "Mrs.", "Ms.",
)  # fmt: skip
_HONORIFIC = re.compile(
    r"^(?P<h>(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")(?:\s+|(?<=\.)))+)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found in a text: the entry and the text as it occurs."""

    entry: str
    found: str
    start: int
    end: int


class Pseudonymiser:
    """Replaces register entries in text; built once per export."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        pairs: dict[str, tuple[str, str]] = {}
        for text, replacement in entries:
            clean = " ".join(text.split())
            if clean and clean.casefold() not in pairs:
                pairs[clean.casefold()] = (clean, replacement)
        # Longest first: the regex alternation tries alternatives in order.
        self._entries = sorted(pairs.values(), key=lambda e: (-len(e[0]), e[0].casefold()))
        self._by_key = {e[0].casefold(): e for e in self._entries}
        self._pattern = _compile([e[0] for e in self._entries])

    @classmethod
    def for_project(cls, project: Project) -> Pseudonymiser:
        """The pseudonymiser of ``project``'s identity register."""
        return cls((e.text, e.replacement) for e in project.identities.all())

    @property
    def entries(self) -> list[tuple[str, str]]:
        """(entry, replacement) pairs, longest entry first."""
        return list(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def find(self, text: str) -> list[Hit]:
        """Every occurrence of a register entry in ``text``."""
        if self._pattern is None or not text:
            return []
        hits = []
        for m in self._pattern.finditer(text):
            entry = self._entry_of(m.group(0))
            hits.append(Hit(entry[0], m.group(0), m.start(), m.end()))
        return hits

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each occurrence, in text order, honorifics kept."""
        return [(h.start, h.end, self._replace(h.found)) for h in self.find(text)]

    def apply(self, text: str) -> str:
        """``text`` with every register entry replaced."""
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda m: self._replace(m.group(0)), text)

    def _entry_of(self, found: str) -> tuple[str, str]:
        key = " ".join(found.split()).casefold()
        entry = self._by_key.get(key)
        if entry is not None:
            return entry
        # Unicode case folding can change lengths (ß/SS): find the entry by its pattern.
        for text, replacement in self._entries:
            if re.fullmatch(_entry_pattern(text), found, re.IGNORECASE):
                return text, replacement
        return found, ""

    def _replace(self, found: str) -> str:
        _text, replacement = self._entry_of(found)
        lead = _HONORIFIC.match(found)
        if lead is None or lead.end() >= len(found):
            return replacement
        if _HONORIFIC.match(replacement):  # the register already says how to address them
            return replacement
        return lead.group("h") + replacement


def _entry_pattern(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split())


def _compile(texts: list[str]) -> re.Pattern[str] | None:
    if not texts:
        return None
    alternatives = "|".join(_entry_pattern(t) for t in texts)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
