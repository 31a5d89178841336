"""A leak matcher for tests, written independently of the export engine: every zip part
with tags removed and entities decoded, whitespace collapsed, case folded."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from qualcode.project import Project


def register(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as p:
        return [e.text for e in p.identities.all()]


def texts(path: Path) -> list[str]:
    """The readable text of a file: each zip part with tags removed and entities decoded."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            raws = [zf.read(i).decode("utf-8", errors="ignore") for i in zf.infolist()]
    else:
        raws = [path.read_bytes().decode("utf-8-sig")]
    out = []
    for raw in raws:
        raw = re.sub(r"data:[^\"']+", " ", raw)  # embedded pictures are base64, not text
        out.append(html.unescape(re.sub(r"<[^>]*>", "", raw)))  # runs joined: split names too
        out.append(html.unescape(raw))  # attribute values
    return [" ".join(t.split()).casefold() for t in out]


def found(entries: list[str], texts: list[str]) -> set[str]:
    hits = set()
    for entry in entries:
        needle = " ".join(entry.split()).casefold()
        pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        if any(pattern.search(t) for t in texts):
            hits.add(entry)
    return hits
