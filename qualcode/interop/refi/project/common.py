"""Pieces shared by the REFI-QDA exporter and importer: the report and the extras block.

REFI-QDA has no place for some QualCode fields (a code's inclusion criteria, its
translated labels, a case's kind, a coding's valence...). Where the standard has a
free-text ``Description`` we append them as a readable block that other tools show
as text and that our importer reads back::

    The code's own description.

    [QualCode]
    Inclusion: statements about ...
    Label (id): Komunikasi
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qualcode.interop.refi.format.model import ReportMessage, Severity, report

EXTRAS_MARKER = "[QualCode]"
_KEY_RE = re.compile(r"^([A-Za-z][A-Za-z ]*(?: \([A-Za-z_-]+\))?): ?(.*)$")
_LANG_KEY_RE = re.compile(r"^(.+) \([A-Za-z_-]+\)$")
#: A code's texts in the other languages of its codebook, as ``Definition (en): ...``
#: lines of the block: (key, codebook field).
TRANSLATED_FIELDS = (
    ("Definition", "definition"),
    ("Short", "short"),
    ("Inclusion", "when_to_use"),
    ("Exclusion", "when_not_to_use"),
)
#: The loaded codebooks exactly as loaded (``project_info`` ``codebook:<id>`` rows), so
#: a round trip keeps every language and what the researcher edited.
CODEBOOKS_MEMBER = "qualcode/codebooks.json"

#: ``progress(stage, done, total)``; raise ``CancelledError`` in it to stop (nothing is kept).
Progress = Callable[[str, int, int], None]


def encode_extras(description: str, extras: Mapping[str, str | None]) -> str:
    """``description`` followed by the non-empty ``extras`` as a ``[QualCode]`` block."""
    lines = [f"{key}: {value}" for key, value in extras.items() if value not in (None, "")]
    if not lines:
        return description
    head = description.rstrip()
    block = "\n".join([EXTRAS_MARKER, *lines])
    return f"{head}\n\n{block}" if head else block


def decode_extras(text: str, keys: Iterable[str]) -> tuple[str, dict[str, str]]:
    """Split a description written by :func:`encode_extras` into (description, extras).

    Only ``keys``, ``Label (xx)`` and ``Key (xx)`` for a known ``Key`` are recognised;
    a line that does not start with a known key continues the previous value. Text
    without the block is returned unchanged with no extras.
    """
    lines = text.split("\n")
    try:
        at = max(i for i, line in enumerate(lines) if line.strip() == EXTRAS_MARKER)
    except ValueError:
        return text, {}
    known = set(keys)
    extras: dict[str, str] = {}
    current: str | None = None
    for line in lines[at + 1 :]:
        match = _KEY_RE.match(line)
        key = match.group(1) if match else None
        if key is not None and (
            key in known or key.startswith("Label (") or _per_language(key, known)
        ):
            current = key
            extras[key] = match.group(2) if match else ""
        elif current is not None:
            extras[current] += "\n" + line
        else:
            return text, {}  # not our block after all
    return "\n".join(lines[:at]).rstrip(), extras


def _per_language(key: str, known: set[str]) -> bool:
    """``Definition (en)`` for a known ``Definition``."""
    match = _LANG_KEY_RE.match(key)
    return match is not None and match.group(1) in known


@dataclass
class RefiReport:
    """What an import or export did, for the CLI and the UI (spec §7).

    ``counts``: objects written (export) or created (import) per kind;
    ``matched``: existing objects an import merged into instead of creating;
    ``messages``: what was not carried, changed or decided, most important first.
    """

    action: str  # "export" | "export-codebook" | "import"
    file: str
    counts: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    messages: list[ReportMessage] = field(default_factory=list)

    def add(self, kind: str, template: str, severity: Severity = Severity.WARNING, /,
            **params: Any) -> None:  # fmt: skip
        """Add one message (``template`` wrapped in QT_TRANSLATE_NOOP, context ``refi``)."""
        self.messages.append(report(kind, template, severity, **params))

    def extend(self, messages: Iterable[ReportMessage]) -> None:
        """Add messages produced by the REFI layer."""
        self.messages.extend(messages)

    @property
    def warnings(self) -> list[ReportMessage]:
        """Messages about something not carried or changed."""
        return [m for m in self.messages if m.severity is Severity.WARNING]

    def kinds(self) -> list[str]:
        """The ``kind`` of every message (handy for tests and filters)."""
        return [m.kind for m in self.messages]

    def lines(self) -> list[str]:
        """The report as English text lines, the way the CLI prints it."""
        verb = {"import": "Imported", "export": "Exported", "export-codebook": "Exported"}
        out = [f"{verb.get(self.action, self.action)} {self.file}"]
        done = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)
        out.append("  " + (done or "nothing new"))
        if any(self.matched.values()):
            matched = ", ".join(f"{n} {k}" for k, n in self.matched.items() if n)
            out.append(f"  matched existing: {matched}")
        ordered = self.warnings + [m for m in self.messages if m.severity is not Severity.WARNING]
        for m in ordered:
            mark = "!" if m.severity is Severity.WARNING else "-"
            out.append(f"  {mark} {m.message}")
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly form (``--json``)."""
        return {
            "action": self.action,
            "file": self.file,
            "counts": dict(self.counts),
            "matched": dict(self.matched),
            "messages": [
                {
                    "kind": m.kind,
                    "severity": m.severity.value,
                    "message": m.message,
                    "template": m.template,
                    "params": {k: _plain(v) for k, v in m.params.items()},
                }
                for m in self.messages
            ],
        }


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | float | str | bool) or value is None else str(value)


__all__ = [
    "CODEBOOKS_MEMBER",
    "EXTRAS_MARKER",
    "TRANSLATED_FIELDS",
    "Progress",
    "RefiReport",
    "decode_extras",
    "encode_extras",
]


def unique_name(name: str, taken: Container[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever is not in ``taken`` (a source,
    coder or code that meets a name the project already has)."""
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"
