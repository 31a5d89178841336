"""The hand coding of the sample study (``sample_transcripts/codings.yaml``), applied to a project.

The file lists codings by *quote* rather than by offset, so it stays readable and survives
changes to the importer's header handling: each entry names the source, the exact text as
QualCode stores it, which occurrence when the text repeats, the code as
``codebook:CODE``, the coder and optional per-coding attributes. Two coders (the student
and the supervisor) coded overlapping passages, so intercoder agreement has data.

:func:`read_sample_codings` and :func:`locate` are pure (no project) so the file can be
checked against the extracted texts alone; :func:`load_sample_codings` applies it to any
project whose sources are named as in the manifest (``study.yaml``) and whose codebooks
are loaded (see :func:`qualcode.codebooks.project.load_codebook_into`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.changes import ChangeSet
from qualcode.coding.codings import check_attributes
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

ENTRY_KEYS = {
    "source", "quote", "occurrence", "code", "coder",
    "valence", "magnitude", "period", "note",
}  # fmt: skip
E_ENTRY = QT_TRANSLATE_NOOP("errors", "{file}, line {line}: {problem}")


@dataclass(frozen=True)
class SampleCoding:
    """One entry of the codings file, with the line it starts on."""

    line: int
    source: str
    quote: str
    codebook: str
    code: str
    coder: str
    occurrence: int | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SampleCodingsReport:
    """What :func:`load_sample_codings` added (entries already in the project are skipped)."""

    added: int
    skipped: int
    by_coder: dict[str, int]
    sources: int
    changes: ChangeSet[Any] | None = field(default=None, compare=False, repr=False)


def _error(file: str, line: int, problem: str) -> ValidationError:
    return ValidationError(E_ENTRY, file=file, line=line, problem=problem)


def sample_analysis_coders(path: str | os.PathLike[str]) -> list[str]:
    """The coders the study's analysis counts (``analysis_coders:``; the others check-coded)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    found = data.get("analysis_coders") if isinstance(data, dict) else None
    return [str(n) for n in found] if isinstance(found, list) else []


def sample_check(path: str | os.PathLike[str]) -> tuple[str, list[str]] | None:
    """The declared check sample: (its check coder, the coders compared on it)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    found = data.get("check_sample") if isinstance(data, dict) else None
    if not isinstance(found, dict) or not found.get("coded_by"):
        return None
    return str(found["coded_by"]), [str(n) for n in found.get("coders") or []]


def read_sample_codings(path: str | os.PathLike[str]) -> list[SampleCoding]:
    """Parse the codings file; every problem names the file and the entry's line."""
    import yaml

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise _error(str(file), line, f"not valid YAML ({exc})") from exc
    nodes = next((v for k, v in root.value if k.value == "codings"), None) if root else None
    if not isinstance(data, dict) or nodes is None or not isinstance(data.get("codings"), list):
        raise _error(str(file), 1, "the file needs a 'codings' list")
    out = []
    for entry, node in zip(data["codings"], nodes.value, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            raise _error(str(file), line, "an entry must be a mapping")
        unknown = set(entry) - ENTRY_KEYS
        missing = {"source", "quote", "code", "coder"} - set(entry)
        if unknown or missing:
            what = f"unknown keys {sorted(unknown)}" if unknown else f"missing {sorted(missing)}"
            raise _error(str(file), line, what)
        book, sep, code = str(entry["code"]).partition(":")
        if not sep or not book or not code:
            raise _error(str(file), line, f"code '{entry['code']}' is not 'codebook:CODE'")
        occurrence = entry.get("occurrence")
        if occurrence is not None and (not isinstance(occurrence, int) or occurrence < 1):
            raise _error(str(file), line, "occurrence must be a whole number from 1")
        attrs = {k: str(entry[k]) for k in ("valence", "magnitude", "period", "note") if k in entry}
        try:
            check_attributes(attrs)
        except ValidationError as exc:
            raise _error(str(file), line, exc.message) from exc
        out.append(
            SampleCoding(
                line=line, source=str(entry["source"]), quote=str(entry["quote"]),
                codebook=book, code=code, coder=str(entry["coder"]),
                occurrence=occurrence, attributes=attrs,
            )
        )  # fmt: skip
    return out


def locate(entry: SampleCoding, text: str, file: str = "codings.yaml") -> tuple[int, int]:
    """(start, end) of the entry's quote in ``text``, checking its occurrence number.

    A quote that is not in the text, or that repeats without ``occurrence`` (or has an
    ``occurrence`` it does not repeat to), is an error naming the entry's line.
    """
    if not entry.quote:
        raise _error(file, entry.line, "the quote is empty")
    found: list[int] = []
    at = text.find(entry.quote)
    while at != -1:
        found.append(at)
        at = text.find(entry.quote, at + 1)
    if not found:
        raise _error(file, entry.line, f"quote not found in {entry.source}: '{entry.quote}'")
    if entry.occurrence is None:
        if len(found) > 1:
            raise _error(
                file, entry.line,
                f"the quote occurs {len(found)} times in {entry.source}; give 'occurrence'",
            )  # fmt: skip
        start = found[0]
    else:
        if len(found) == 1 or entry.occurrence > len(found):
            raise _error(
                file, entry.line,
                f"occurrence {entry.occurrence} given, but the quote occurs {len(found)} "
                f"time(s) in {entry.source}",
            )  # fmt: skip
        start = found[entry.occurrence - 1]
    return start, start + len(entry.quote)


def manifest_names(folder: str | os.PathLike[str]) -> dict[str, str]:
    """``{file: name}`` of the sources in ``folder/study.yaml`` (empty without a manifest)."""
    import yaml

    manifest = Path(folder) / "study.yaml"
    if not manifest.is_file():
        return {}
    data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    return {str(s["file"]): str(s.get("name") or s["file"]) for s in data.get("sources", [])}


def load_sample_codings(project: Project, path: str | os.PathLike[str]) -> SampleCodingsReport:
    """Apply the codings file to ``project`` as one undoable operation.

    Sources are found by the manifest name of the entry's file (or by the name given),
    codes by ``codebook``/``codebook_code``; coders are created when missing. Codings the
    project already has (same source, code, coder and range) are skipped, so loading twice
    adds nothing.
    """
    file = Path(path)
    entries = read_sample_codings(file)
    names = manifest_names(file.parent)
    sources: dict[str, tuple[int, str]] = {}
    placed: list[tuple[SampleCoding, int, int, int]] = []
    for entry in entries:
        if entry.source not in sources:
            try:
                found = project.sources.find(names.get(entry.source, entry.source))
            except NotFoundError as exc:
                raise _error(str(file), entry.line, f"no source '{entry.source}'") from exc
            sources[entry.source] = (found.id, project.sources.text(found.id))
        source_id, text = sources[entry.source]
        start, end = locate(entry, text, str(file))
        placed.append((entry, source_id, start, end))
    with project.operation(
        "coding.sample", QT_TRANSLATE_NOOP("operations", "Load sample codings")
    ) as op:
        codes = _code_ids(op, placed, str(file))
        coders = _coder_ids(op, {e.coder for e, *_ in placed})
        c = t.coding.c
        existing = set(
            op.conn.execute(select(c.source_id, c.code_id, c.coder_id, c.start_pos, c.end_pos))
        )
        rows, seen, by_coder = [], set(), dict.fromkeys(coders, 0)
        for entry, source_id, start, end in placed:
            key = (source_id, codes[(entry.codebook, entry.code)], coders[entry.coder], start, end)
            if key in seen:
                raise _error(str(file), entry.line, "the same coding is listed twice")
            seen.add(key)
            if key in existing:
                continue
            by_coder[entry.coder] += 1
            rows.append(
                {
                    "source_id": source_id, "code_id": key[1], "coder_id": key[2],
                    "start_pos": start, "end_pos": end,
                    "valence": entry.attributes.get("valence"),
                    "magnitude": entry.attributes.get("magnitude"),
                    "period": entry.attributes.get("period"),
                    "note": entry.attributes.get("note", ""),
                }
            )  # fmt: skip
        op.insert_many(t.coding, rows)
        op.note(file=file.name, added=len(rows), skipped=len(placed) - len(rows))
    return SampleCodingsReport(
        added=len(rows),
        skipped=len(placed) - len(rows),
        by_coder=by_coder,
        sources=len(sources),
        changes=op.changes,
    )


def _code_ids(
    op: Any, placed: list[tuple[SampleCoding, int, int, int]], file: str
) -> dict[tuple[str, str], int]:
    c = t.code.c
    known = {
        (book, code): cid
        for cid, book, code in op.conn.execute(
            select(c.id, c.codebook, c.codebook_code)
            .where(c.codebook.is_not(None))
            .order_by(c.id.desc())
        )
    }
    out = {}
    for entry, *_ in placed:
        key = (entry.codebook, entry.code)
        if key not in known:
            raise _error(
                file, entry.line,
                f"the project has no code {entry.codebook}:{entry.code} "
                f"(load codebook '{entry.codebook}' first)",
            )  # fmt: skip
        out[key] = known[key]
    return out


def _coder_ids(op: Any, names: set[str]) -> dict[str, int]:
    c = t.coder.c
    have = dict(op.conn.execute(select(c.name, c.id).where(c.name.in_(sorted(names)))).all())
    for name in sorted(names - set(have)):
        have[name] = op.insert(t.coder, {"name": name})
    return {name: int(have[name]) for name in names}


__all__ = [
    "SampleCoding",
    "SampleCodingsReport",
    "load_sample_codings",
    "locate",
    "manifest_names",
    "read_sample_codings",
]
