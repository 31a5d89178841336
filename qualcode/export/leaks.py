"""Pseudonymise a written export file in place, then prove it: scan every part for leaks.

This is the one choke point every pseudonymised export passes, whatever writer
made the file: :func:`write_pseudonymised` lets the writer write to a temporary
file, rewrites the text of that file through the register
(:class:`~qualcode.export.pseudonymise.Pseudonymiser`) — Word paragraphs, headers,
footers, comments, footnotes, core and app properties; Excel shared and inline
strings, comments, sheet names, properties; CSV cells; HTML text and attribute
values — then reads it back and scans *everything* (every zip part, text and
attributes alike, and any non-XML part as text) for every register entry. A hit
fails the export with the list of hits and the target is left as it was, unless
the caller explicitly accepts the hits. Attributes of Word and Excel parts (image
alt text, for example) are scanned but not rewritten.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualcode.errors import ExportFailedError
from qualcode.export.binary_text import readable_texts
from qualcode.export.pseudonymise import Pseudonymiser
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP

ZIP_SUFFIXES = (".docx", ".xlsx", ".pptx", ".qdpx", ".odt", ".ods")
TEXT_SUFFIXES = (".csv", ".html", ".htm", ".txt", ".md", ".json", ".xml", ".qde", ".tsv", ".yaml")
# Elements whose text runs are read (and rewritten) together: a name split over two
# runs of a Word paragraph is still found.
_CONTAINERS = {"p", "si", "is", "text", "r"}
_RUN_TEXT = {"t"}
_SKIP_REWRITE = {"v", "f", "instrText", "fldSimple"}  # numbers, formulas and field codes


class LeakError(ExportFailedError):
    """A pseudonymised file still contains register entries; it was not written."""


@dataclass(frozen=True, slots=True)
class Leak:
    """A register entry found in a file: where, which entry, and the text around it."""

    part: str
    entry: str
    context: str


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# -- rewriting --------------------------------------------------------------------
def rewrite_file(path: str | os.PathLike[str], engine: Pseudonymiser) -> None:
    """Replace every register entry in the file at ``path`` (in place)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if not engine:
        return
    if suffix == ".qdpx" and zipfile.is_zipfile(target):
        from qualcode.interop.refi.format.identity import pseudonymise_qdpx

        pseudonymise_qdpx(target, engine)  # selections count characters: moved with the text
    elif suffix == ".qdc":
        from qualcode.interop.refi.format.identity import pseudonymise_qdc

        pseudonymise_qdc(target, engine)
    elif suffix in ZIP_SUFFIXES and zipfile.is_zipfile(target):
        _rewrite_zip(target, engine)
    elif suffix == ".csv":
        _rewrite_csv(target, engine)
    elif suffix in (".html", ".htm"):
        raw = target.read_text(encoding="utf-8")
        target.write_text(rewrite_html(raw, engine), encoding="utf-8")
    elif suffix in (".yaml", ".yml"):
        _rewrite_yaml(target, engine)
    elif suffix in TEXT_SUFFIXES:
        raw = target.read_text(encoding="utf-8-sig")
        target.write_text(engine.apply(raw), encoding="utf-8")


def _rewrite_zip(path: Path, engine: Pseudonymiser) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith((".xml", ".rels", ".qde")) or info.filename.endswith(".vml"):
                data = _rewrite_xml(data, engine)
            elif info.filename.endswith(".json"):  # e.g. the codebooks a .qdpx carries along
                data = rewrite_json(data, engine)
            dst.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def _rewrite_xml(data: bytes, engine: Pseudonymiser) -> bytes:
    from lxml import etree

    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True)
        )
    except etree.XMLSyntaxError:
        return data
    changed = False
    done: set[Any] = set()
    for el in root.iter():
        name = _local(el.tag)
        if name in _CONTAINERS and el not in done:
            runs = [t for t in el.iter() if _local(t.tag) in _RUN_TEXT and t.text]
            if runs and _rewrite_runs(runs, engine):
                changed = True
            done.update(runs)
    for el in root.iter():
        name = _local(el.tag)
        if el in done or name in _SKIP_REWRITE or not isinstance(el.tag, str):
            continue
        if el.text and el.text.strip():
            new = engine.apply(el.text)
            if new != el.text:
                el.text, changed = new, True
        if name == "sheet" and el.get("name"):  # a workbook's sheet names
            new = engine.apply(el.get("name"))[:31]
            if new != el.get("name"):
                el.set("name", new)
                changed = True
    if not changed:
        return data
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _rewrite_runs(runs: list[Any], engine: Pseudonymiser) -> bool:
    """Replace entries in the joined text of ``runs``, also across run boundaries."""
    texts = [r.text for r in runs]
    joined = "".join(texts)
    spans = engine.spans(joined)
    if not spans:
        return False
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t)
    for start, end, replacement in reversed(spans):
        first = True
        for i, t in enumerate(texts):
            lo, hi = starts[i], starts[i] + len(t)
            if hi <= start or lo >= end:
                continue
            a, b = max(start, lo) - lo, min(end, hi) - lo
            texts[i] = t[:a] + (replacement if first else "") + t[b:]
            first = False
        # later runs' offsets are unchanged because spans are processed from the end
    for run, text in zip(runs, texts, strict=True):
        if run.text != text:
            run.text = text
            run.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return True


def _rewrite_csv(path: Path, engine: Pseudonymiser) -> None:
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel")
    for row in rows:
        writer.writerow([engine.apply(cell) for cell in row])
    path.write_bytes(out.getvalue().encode("utf-8-sig" if bom else "utf-8"))


def _walk(value: Any, engine: Pseudonymiser) -> Any:
    """Every string value (not key) of parsed YAML/JSON data, pseudonymised."""
    if isinstance(value, str):
        return engine.apply(value)
    if isinstance(value, list):
        return [_walk(v, engine) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, engine) for k, v in value.items()}
    return value


def rewrite_json(data: bytes, engine: Pseudonymiser) -> bytes:
    """Every string value of a JSON document pseudonymised (unparseable data is returned as is)."""
    import json

    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return data  # not JSON after all: the leak scan still reads it
    return json.dumps(_walk(parsed, engine), ensure_ascii=False).encode("utf-8")


def _rewrite_yaml(path: Path, engine: Pseudonymiser) -> None:
    """Values (not keys) of a YAML file, re-dumped so the file still loads."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = yaml.safe_dump(_walk(data, engine), allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_ATTR = re.compile(r"""(\s[\w:-]+\s*=\s*)(["'])(.*?)\2""", re.DOTALL)


def rewrite_html(raw: str, engine: Pseudonymiser) -> str:
    """``raw`` HTML with entries replaced in text and in attribute values (not in src)."""
    out, pos = [], 0
    for m in _TAG.finditer(raw):
        out.append(_html_text(raw[pos : m.start()], engine))
        tag = m.group(0)
        if not tag.startswith("<!--"):
            tag = _ATTR.sub(lambda a: _html_attr(a, engine), tag)
        else:
            tag = "<!--" + _html_text(tag[4:-3], engine) + "-->"
        out.append(tag)
        pos = m.end()
    out.append(_html_text(raw[pos:], engine))
    return "".join(out)


def _html_text(text: str, engine: Pseudonymiser) -> str:
    plain = html.unescape(text)
    new = engine.apply(plain)
    return text if new == plain else html.escape(new, quote=False)


def _html_attr(m: re.Match[str], engine: Pseudonymiser) -> str:
    if m.group(1).strip().rstrip("=").strip().lower() == "src":
        return m.group(0)
    plain = html.unescape(m.group(3))
    new = engine.apply(plain)
    if new == plain:
        return m.group(0)
    return f"{m.group(1)}{m.group(2)}{html.escape(new, quote=True)}{m.group(2)}"


# -- scanning ---------------------------------------------------------------------
def scan_file(path: str | os.PathLike[str], engine: Pseudonymiser) -> list[Leak]:
    """Every register entry still found anywhere in the file at ``path``."""
    target = Path(path)
    leaks: list[Leak] = []
    if zipfile.is_zipfile(target):
        with zipfile.ZipFile(target) as zf:
            for info in zf.infolist():
                for text in _part_texts(info.filename, zf.read(info)):
                    leaks += _leaks(info.filename, text, engine)
    elif target.suffix.lower() in (".svg", ".qdc", ".png", ".pdf", ".jpg", ".jpeg", ".gif"):
        leaks += scan_bytes(target.name, target.read_bytes(), engine)
    else:
        raw = target.read_bytes()
        text = raw.decode("utf-8-sig", errors="replace")
        if target.suffix.lower() in (".html", ".htm", ".xml", ".qde"):
            text = html.unescape(text)
        leaks += _leaks(target.name, text, engine)
    return _unique(leaks)


def _part_texts(name: str, data: bytes) -> Iterator[str]:
    from lxml import etree

    if data.lstrip()[:1] == b"<":
        try:
            root = etree.fromstring(
                data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True)
            )
        except etree.XMLSyntaxError:
            root = None
        if root is not None:
            for el in root.iter():
                if _local(el.tag) in _CONTAINERS:
                    yield "".join(t.text or "" for t in el.iter() if _local(t.tag) in _RUN_TEXT)
                if el.text:
                    yield el.text
                if el.tail:
                    yield el.tail
                # Embedded pictures (data: URIs) are base64, not text a reader sees.
                yield from (v for v in el.attrib.values() if not v.startswith("data:"))
            return
    # Binary or non-XML parts (images, embedded files): the text they carry.
    yield from readable_texts(data)


def scan_bytes(part: str, data: bytes, engine: Pseudonymiser) -> list[Leak]:
    """Every register entry in one file part (XML read as texts and attributes)."""
    return _unique([hit for text in _part_texts(part, data) for hit in _leaks(part, text, engine)])


def _leaks(part: str, text: str, engine: Pseudonymiser) -> list[Leak]:
    out = []
    for hit in engine.find(text):
        lo, hi = max(0, hit.start - 30), min(len(text), hit.end + 30)
        out.append(Leak(part, hit.entry, " ".join(text[lo:hi].split())))
    return out


def _unique(leaks: list[Leak]) -> list[Leak]:
    seen: dict[tuple[str, str, str], Leak] = {}
    for leak in leaks:
        seen.setdefault((leak.part, leak.entry, leak.context), leak)
    return list(seen.values())


def describe(leaks: list[Leak], limit: int = 20) -> str:
    """A short, readable list of hits for an error message."""
    lines = [f"{leak.part}: '{leak.entry}' in “{leak.context}”" for leak in leaks[:limit]]
    if len(leaks) > limit:
        lines.append(f"... (+{len(leaks) - limit})")
    return "\n".join(lines)


# -- the guarded write ------------------------------------------------------------
def write_pseudonymised[T](
    path: str | os.PathLike[str],
    engine: Pseudonymiser | None,
    write: Callable[[Path], T],
    *,
    accept_leaks: bool = False,
    scan_also: Callable[[], list[Leak]] | None = None,
) -> tuple[T, list[Leak]]:
    """Run ``write`` to a temporary file, pseudonymise it, scan it, then put it at ``path``.

    Without an engine (not pseudonymising) ``write`` writes ``path`` directly. With hits
    and without ``accept_leaks`` nothing is written and :class:`LeakError` lists them.
    ``scan_also`` adds hits the file cannot show (the text drawn in a PNG figure).
    """
    if engine is None:
        return write(Path(path)), []
    with atomic_output(path) as tmp:
        result = write(tmp)
        rewrite_file(tmp, engine)
        leaks = scan_file(tmp, engine) + (scan_also() if scan_also is not None else [])
        if leaks and not accept_leaks:
            raise LeakError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} was not written: {count} identifying text(s) from the identity "
                    "register remain after pseudonymisation:\n{hits}",
                ),
                file=str(path),
                count=len(leaks),
                hits=describe(leaks),
            )
    return result, leaks
