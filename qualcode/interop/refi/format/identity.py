"""REFI-QDA and the identity register: pseudonymised .qdpx, and the register travelling along.

A pseudonymised ``.qdpx`` cannot be rewritten like a Word file: its selections
count characters of the plain-text sources. :func:`pseudonymise_qdpx` replaces
the register entries in every source text and moves each selection's start and
end with the text (a selection that starts inside a replaced name starts at the
replacement), rewrites names, descriptions and notes in ``project.qde``, and
drops the original documents (.docx, .pdf: they would still hold the names; PDF
sources become text sources).

The register travels only when asked: :func:`add_register` stores it as
``qualcode/identity-register.json`` inside the archive (other programs ignore the
file), and :func:`register_in` reads it back on import.
"""

from __future__ import annotations

import io
import json
import zipfile
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.export.pseudonymise import Pseudonymiser

if TYPE_CHECKING:
    from lxml import etree

    from qualcode.project import Project

REGISTER_MEMBER = "qualcode/identity-register.json"
_INTERNAL = "internal://"
_POSITIONS = ("startPosition", "endPosition")
_TEXT_ATTRIBUTES = ("name",)


class _Shift:
    """Maps offsets of a text to offsets of the text with ``spans`` replaced."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = spans
        self._starts = [s for s, _e, _r in spans]
        self._deltas: list[int] = []  # total length change before and including span i
        total = 0
        for start, end, replacement in spans:
            total += len(replacement) - (end - start)
            self._deltas.append(total)

    def map(self, pos: int, *, is_end: bool) -> int:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        start, end, replacement = self._spans[i]
        before = self._deltas[i - 1] if i > 0 else 0
        if pos >= end:
            return pos + self._deltas[i]
        # inside a replaced span: the selection starts at it / ends after it
        return start + before + (len(replacement) if is_end and pos > start else 0)


def pseudonymise_qdpx(path: str | Path, engine: Pseudonymiser) -> None:
    """Rewrite the ``.qdpx`` at ``path`` in place with every register entry replaced."""
    from lxml import etree

    target = Path(path)
    with zipfile.ZipFile(target) as zf:
        files = {info.filename: zf.read(info) for info in zf.infolist()}
    root = etree.fromstring(files["project.qde"], etree.XMLParser(resolve_entities=False))
    drop: set[str] = set()
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        local = element.tag.rsplit("}", 1)[-1]
        if local == "PDFSource":
            drop.add(_member(element.get("path")))
            _pdf_to_text_source(element)
        rich = element.get("richTextPath")
        if rich:
            drop.add(_member(rich))
            del element.attrib["richTextPath"]
        plain = element.get("plainTextPath")
        if plain and _member(plain) in files:
            member = _member(plain)
            text = files[member].decode("utf-8")
            spans = engine.spans(text)
            if spans:
                files[member] = engine.apply(text).encode("utf-8")
                _shift_selections(element, _Shift(spans))
    _rewrite_texts(root, engine)
    files["project.qde"] = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    from qualcode.export.leaks import rewrite_json

    for name in list(files):
        if name.endswith(".json"):  # QualCode's own extension parts (the codebooks as loaded)
            files[name] = rewrite_json(files[name], engine)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            if name not in drop and name != REGISTER_MEMBER:
                out.writestr(name, data)
    target.write_bytes(buffer.getvalue())


def pseudonymise_qdc(path: str | Path, engine: Pseudonymiser) -> None:
    """Rewrite the REFI-QDA codebook (.qdc) at ``path`` in place: code names, descriptions."""
    from lxml import etree

    target = Path(path)
    root = etree.fromstring(target.read_bytes(), etree.XMLParser(resolve_entities=False))
    _rewrite_texts(root, engine)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    target.write_bytes(data)


def _rewrite_texts(root: etree._Element, engine: Pseudonymiser) -> None:
    """Every text attribute and element text of a REFI-QDA document through ``engine``."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _TEXT_ATTRIBUTES:
            value = element.get(attribute)
            if value:
                element.set(attribute, engine.apply(value))
        if element.text and element.text.strip():
            element.text = engine.apply(element.text)


def _member(uri: str | None) -> str:
    if not uri:
        return ""
    return "sources/" + uri[len(_INTERNAL) :] if uri.startswith(_INTERNAL) else uri


def _shift_selections(holder: etree._Element, shift: _Shift) -> None:
    for child in holder:
        if not isinstance(child.tag, str) or not child.tag.endswith("PlainTextSelection"):
            continue
        start, end = (int(child.get(a, "0")) for a in _POSITIONS)
        new_start = shift.map(start, is_end=False)
        new_end = max(new_start, shift.map(end, is_end=True))
        child.set("startPosition", str(new_start))
        child.set("endPosition", str(new_end))


def _pdf_to_text_source(element: etree._Element) -> None:
    """A PDF source becomes a text source of its plain-text representation."""
    namespace = element.tag[: element.tag.index("}") + 1] if "}" in element.tag else ""
    representation = element.find(f"{namespace}Representation")
    element.tag = f"{namespace}TextSource"
    element.attrib.pop("path", None)
    if representation is None:
        return
    element.set("plainTextPath", representation.get("plainTextPath", ""))
    index = list(element).index(representation)
    for offset, child in enumerate(
        c for c in representation if isinstance(c.tag, str) and c.tag.endswith("Selection")
    ):
        element.insert(index + offset, child)
    element.remove(representation)


# -- the register travelling with a project ------------------------------------------
def register_of(project: Project) -> dict[str, Any]:
    """The register as plain data, cases named by GUID (stable across programs)."""
    guids: dict[int, str] = {c.id: c.guid for c in project.cases.all()}
    return {
        "version": 1,
        "identifying_attributes": project.identities.identifying_attributes(),
        "entries": [
            {"text": e.text, "kind": e.kind, "replacement": e.replacement,
             "case": guids.get(e.case_id) if e.case_id else None, "origin": e.origin}
            for e in project.identities.all()
        ],
    }  # fmt: skip


def add_register(path: str | Path, project: Project) -> None:
    """Store the project's identity register inside the ``.qdpx`` at ``path``."""
    data = json.dumps(register_of(project), ensure_ascii=False, indent=1).encode("utf-8")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(REGISTER_MEMBER, data)


def register_in(path: str | Path) -> dict[str, Any] | None:
    """The identity register stored in a ``.qdpx``, if it carries one."""
    try:
        with zipfile.ZipFile(path) as zf:
            if REGISTER_MEMBER not in zf.namelist():
                return None
            if zf.getinfo(REGISTER_MEMBER).file_size > 50_000_000:
                return None
            data = json.loads(zf.read(REGISTER_MEMBER).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def import_register(op: Any, path: str | Path, case_of: dict[str, int]) -> int:
    """Add the register carried by the ``.qdpx`` at ``path`` within the import operation
    ``op`` (entries already in the project are kept); returns how many entries were added."""
    from sqlalchemy import select

    from qualcode.identity import KINDS, attribute_table, entry_table
    from qualcode.store import tables as t

    data = register_in(path)
    if data is None:
        return 0
    taken = {text.casefold() for (text,) in op.conn.execute(select(entry_table.c.text))}
    rows = []
    for item in data.get("entries") or []:
        if not isinstance(item, dict):
            continue
        text = " ".join(str(item.get("text") or "").split())[:500]
        kind = item.get("kind") if item.get("kind") in KINDS else "other"
        if not text or text.casefold() in taken:
            continue
        taken.add(text.casefold())
        rows.append(
            {"text": text, "kind": kind, "replacement": str(item.get("replacement") or "")[:500],
             "case_id": case_of.get(str(item.get("case"))), "origin": "user"}
        )  # fmt: skip
    op.insert_many(entry_table, rows)
    marked = {a for (a,) in op.conn.execute(select(attribute_table.c.attribute_id))}
    for name, kind in (data.get("identifying_attributes") or {}).items():
        attr_id = op.conn.execute(
            select(t.attribute.c.id).where(
                t.attribute.c.name == str(name), t.attribute.c.owner == "case"
            )
        ).scalar()
        if attr_id is not None and attr_id not in marked and kind in KINDS:
            op.insert(attribute_table, {"attribute_id": attr_id, "kind": kind})
    return len(rows)
