"""Read and write REFI-QDA codebooks (``.qdc``): a code tree and code sets.

In a ``.qdc`` a set member is ``MemberCode@guid`` (in projects it is ``@targetGUID``);
both are read. Taguette writes an empty ``<Sets/>``, which the schema forbids: it is
read anyway, and never written.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from qualcode.errors import ExportFailedError, ImportFailedError
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.archive import DEFAULT_LIMITS, ArchiveLimits
from qualcode.interop.refi.format.guids import GuidTable
from qualcode.interop.refi.format.model import Code, Codebook, ReportMessage, Set, Severity, report
from qualcode.interop.refi.format.safexml import local_name, parse_xml
from qualcode.interop.refi.format.schema import CODEBOOK_NS, schema_problems
from qualcode.interop.refi.format.writer import ORIGIN, XmlBuilder
from qualcode.interop.refi.format.xmlutil import child, child_text, children, parse_code_tree


def read_codebook(path: str | Path, *, limits: ArchiveLimits = DEFAULT_LIMITS) -> Codebook:
    """Read a ``.qdc`` codebook file (also accepts a project's ``CodeBook`` root)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_xml_bytes:
            raise ImportFailedError(
                QT_TRANSLATE_NOOP("errors", "{file}: {entry} is too large ({size} bytes)."),
                file=path.name,
                entry=path.name,
                size=size,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: cannot be opened ({reason})."),
            file=path.name,
            reason=str(exc),
        ) from exc
    return codebook_from_xml(data, path.name)


def codebook_from_xml(data: bytes, file: str = "codebook.qdc") -> Codebook:
    """Parse codebook XML bytes (see :func:`read_codebook`)."""
    root = parse_xml(data, file)
    if local_name(root) != "CodeBook":
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: not a REFI-QDA codebook (root element {root})."),
            file=file,
            root=local_name(root),
        )
    guids = GuidTable()
    problems: Counter[str] = Counter()

    def canon(value: str | None) -> tuple[str, bool]:
        return guids.canon_or_new(value)

    def on_problem(kind: str, _name: str) -> None:
        problems[kind] += 1

    codes_element = child(root, "Codes")
    codes = tuple(
        parse_code_tree(c, canon, lambda _e: (), on_problem)
        for c in (children(codes_element, "Code") if codes_element is not None else ())
    )
    known = {c.guid for top in codes for c in top.walk()}
    sets: list[Set] = []
    sets_element = child(root, "Sets")
    for element in children(sets_element, "Set") if sets_element is not None else ():
        members: dict[str, None] = {}
        for member in children(element, "MemberCode"):
            guid = guids.canon(member.get("guid") or member.get("targetGUID"))
            if guid in known:
                members[guid] = None
            else:
                problems["dangling-code"] += 1
        sets.append(
            Set(
                guid=canon(element.get("guid"))[0],
                name=element.get("name") or "",
                description=child_text(element, "Description"),
                code_guids=tuple(members),
            )
        )
    texts = {
        "code-name": QT_TRANSLATE_NOOP("refi", "{count} code(s) had no name."),
        "code-guid": QT_TRANSLATE_NOOP("refi", "{count} code(s) had no GUID; new ones were given."),
        "code-color": QT_TRANSLATE_NOOP(
            "refi", "{count} code colour(s) were unreadable and dropped."
        ),
        "dangling-code": QT_TRANSLATE_NOOP(
            "refi", "{count} set member(s) referred to codes that do not exist and were dropped."
        ),
    }
    messages = [report(k, texts[k], Severity.WARNING, count=n) for k, n in sorted(problems.items())]
    if guids.replaced:
        messages.append(
            report(
                "foreign-id",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} identifier(s) were not GUIDs; stable GUIDs were derived from them.",
                ),
                Severity.WARNING,
                count=guids.replaced,
            )
        )
    return Codebook(codes, tuple(sets), root.get("origin") or "", tuple(messages))


def codebook_to_xml(codebook: Codebook) -> tuple[bytes, tuple[ReportMessage, ...]]:
    """Validated ``.qdc`` bytes and the report; ``ExportFailedError`` if invalid."""
    from lxml import etree

    if not codebook.codes:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "The codebook has no codes; REFI-QDA needs at least one.")
        )
    x = XmlBuilder(CODEBOOK_NS)
    root = x.element(None, "CodeBook", {"origin": ORIGIN})
    codes = x.element(root, "Codes")
    for code in codebook.codes:
        x.code(codes, code, with_notes=False)
    messages: list[ReportMessage] = []
    code_sets = [s for s in codebook.sets if s.code_guids]
    if code_sets:
        sets = x.element(root, "Sets")
        for item in code_sets:
            element = x.element(sets, "Set", {"guid": item.guid, "name": item.name})
            x.text_element(element, "Description", item.description)
            for guid in item.code_guids:
                x.element(element, "MemberCode", {"guid": guid})
    skipped = len(codebook.sets) - len(code_sets)
    if skipped:
        messages.append(
            report(
                "empty-sets",
                QT_TRANSLATE_NOOP(
                    "refi", "{count} set(s) without codes were left out of the codebook."
                ),
                Severity.WARNING,
                count=skipped,
            )
        )
    if any(c.note_guids for c in codebook.all_codes()):
        messages.append(
            report(
                "codebook-notes",
                QT_TRANSLATE_NOOP("refi", "Notes on codes cannot be stored in a codebook file."),
                Severity.WARNING,
            )
        )
    problems = schema_problems(root, "codebook")
    if problems:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The exported codebook would not be valid REFI-QDA ({problems}); "
                "nothing was written.",
            ),
            problems="; ".join(problems[:5]),
        )
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data, tuple(messages)


def write_codebook(codebook: Codebook, path: str | Path) -> tuple[ReportMessage, ...]:
    """Write ``codebook`` as a ``.qdc`` at ``path`` (atomically); returns the report."""
    data, messages = codebook_to_xml(codebook)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return messages


def codebook_of(codes: tuple[Code, ...], sets: tuple[Set, ...] = ()) -> Codebook:
    """A codebook from a project's codes and sets (only code sets are kept)."""
    return Codebook(codes=codes, sets=tuple(s for s in sets if s.code_guids))
