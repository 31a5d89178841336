"""Import a REFI-QDA project (``.qdpx``/``.qde``) or codebook (``.qdc``) into a project.

The REFI layer parses the file (positions already converted to our code points);
this module maps its model onto the project in **one** operation ("Import REFI-QDA
project"), so one undo takes the whole import back and a failure leaves the project
untouched. Importing into a project that already has data merges: codes are matched
by GUID, then by path; sources by GUID, then by name (same name with a different
text is imported under a new name); cases by GUID, then name; coders by GUID, then
name. Importing the same file twice therefore changes nothing the second time.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.bulk import gc_paused
from qualcode.codebooks.baseline import book_from_json
from qualcode.codebooks.project import BASELINE_PREFIX
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import (
    CODEBOOKS_MEMBER,
    TRANSLATED_FIELDS,
    Progress,
    RefiReport,
    decode_extras,
    unique_name,
)
from qualcode.interop.refi.project.import_data import DataImporter
from qualcode.interop.refi.project.review_notes import import_review_notes
from qualcode.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from qualcode.project import Project
    from qualcode.store.recorder import Operation

CODE_KEYS = (
    "Short", "Inclusion", "Exclusion", "Example", "Codebook", "Codebook code",
    *(key for key, _field in TRANSLATED_FIELDS),
)  # fmt: skip


def read_refi_file(path: str | Path) -> tuple[m.Project, bool]:
    """The REFI model of a ``.qdpx``/``.qde``/``.qdc`` file (second item: it is a codebook)."""
    from qualcode.interop.refi.format import read_codebook, read_project

    path = Path(path)
    if path.suffix.lower() == ".qdc" or _looks_like_codebook(path):
        book = read_codebook(path)
        refi = m.Project(
            name=path.stem,
            origin=book.origin,
            codes=book.codes,
            sets=book.sets,
            messages=book.messages,
        )
        return refi, True
    return read_project(path), False


def _looks_like_codebook(path: Path) -> bool:
    if path.suffix.lower() in (".qdpx", ".qde") or not path.is_file():
        return False
    if zipfile.is_zipfile(path):
        return False
    with open(path, "rb") as fh:
        head = fh.read(4096)
    return b"<CodeBook" in head or b":CodeBook" in head


def import_refi_as_new(
    path: str | Path,
    target: str | Path,
    *,
    coder: str | None = None,
    progress: Progress | None = None,
) -> RefiReport:
    """Import a REFI-QDA file into a new project file ``target``, all or nothing.

    The project is built under a hidden temporary name beside ``target`` and
    renamed only once complete, so a crash, a cancel or a refused file never
    leaves a half-made project at ``target`` (and the same command works again).
    """
    import os
    import uuid

    from qualcode.errors import ProjectError
    from qualcode.interop.refi.format.reader import project_name
    from qualcode.project import Project

    final = Path(target).resolve()
    if final.exists():
        raise ProjectError(QT_TRANSLATE_NOOP("errors", "{path} already exists."), path=str(final))
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".{final.stem}.importing-{uuid.uuid4().hex[:8]}{final.suffix}")
    leftovers = [temp.with_name(temp.name + extra) for extra in ("-wal", "-shm", ".lock")]
    if progress is not None:
        progress("read", 0, 1)
    model: tuple[m.Project, bool] | None = None
    if _is_codebook(Path(path)):
        model = read_refi_file(path)
        title = ""
    else:
        title = " ".join(project_name(path).split())
    try:
        with Project.create(temp, coder=coder, title=title or final.stem) as project:
            report = import_refi(path, project, progress=progress, model=model)
        if final.exists():  # created meanwhile by someone else: never overwrite it
            raise ProjectError(
                QT_TRANSLATE_NOOP("errors", "{path} already exists."), path=str(final)
            )
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        for extra in leftovers:
            extra.unlink(missing_ok=True)
    return report


def import_refi(
    path: str | Path,
    project: Project,
    *,
    progress: Progress | None = None,
    model: tuple[m.Project, bool] | None = None,
) -> RefiReport:
    """Import a REFI-QDA file into ``project`` as one undoable operation; returns the report.

    Raises ``ImportFailedError`` (project untouched) for unsafe or unreadable files.
    ``progress(stage, done, total)`` is called along the way; raising
    ``CancelledError`` from it cancels the import and keeps nothing. A project file
    is read as it is imported, one source at a time; ``model`` is what
    :func:`read_refi_file` gave for ``path`` when the caller read it already.
    """
    from qualcode.interop.refi.format import read_project

    path = Path(path)
    is_codebook = model[1] if model is not None else _is_codebook(path)
    if model is None and is_codebook:
        model = read_refi_file(path)
    report = RefiReport("import", path.name)
    label = (
        QT_TRANSLATE_NOOP("operations", "Import REFI-QDA codebook")
        if is_codebook
        else QT_TRANSLATE_NOOP("operations", "Import REFI-QDA project")
    )
    with gc_paused(), project.operation("refi.import", label) as op:
        op.spool()  # a whole project's rows: kept compressed for the undo step, not as dicts
        importer = _Importer(op, m.Project(name=""), report, progress, path)
        with _small_cache(op.conn):
            if model is not None:
                refi = importer.feed(model[0])
            else:
                if progress is not None:
                    progress("read", 0, 1)
                refi = read_project(path, sink=importer)
            importer.end(refi)
        report.messages[:0] = refi.messages
        if not is_codebook:  # the identity register travels only in archives that carry it
            from qualcode.interop.refi.format.identity import import_register

            import_register(op, path, importer.case_of)
        op.note(file=path.name, origin=refi.origin, **report.counts)
        op.result = report
    return report


@contextmanager
def _small_cache(conn: Connection) -> Iterator[None]:
    """A smaller SQLite page cache while a whole project is written: the pages written
    are not read again, and the project's usual 64 MB would all be taken."""
    if conn.dialect.name != "sqlite":
        yield
        return
    cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    conn.exec_driver_sql(f"PRAGMA cache_size={_IMPORT_CACHE}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={cache}")


_IMPORT_CACHE = -16384  # KiB


def _is_codebook(path: Path) -> bool:
    return path.suffix.lower() == ".qdc" or _looks_like_codebook(path)


class _Importer(DataImporter):
    """The import as the reader's sink: users and codes first, then each source and note
    as read, then cases, sets, links and memos once the file is read."""

    def __init__(
        self,
        op: Operation,
        refi: m.Project,
        report: RefiReport,
        progress: Progress | None,
        path: Path,
    ) -> None:
        super().__init__(op, refi, report, progress)
        self.path = path

    def begin(self, head: m.Project) -> None:
        self.refi = head
        self.from_qualcode = head.origin.startswith("QualCode")
        if self.progress is not None:
            self.progress("read", 1, 1)
        self.stage("users")
        self.users(head.users)
        self.stage("codes")
        self.codes()
        self.codebooks()
        self.stage("sources")
        self.begin_sources(self.path)

    def note(self, note: m.Note, earlier: str | None) -> bool:
        """A note :meth:`take_note` did not take: a memo, read at the end."""
        if earlier is not None and earlier in self.note_refs:
            self.note_refs.setdefault(note.guid, []).extend(self.note_refs.pop(earlier))
        return False

    def feed(self, refi: m.Project) -> m.Project:
        """Import a project read whole (a codebook, or a model given by the caller) the
        way the reader streams one; returns it without the notes taken."""
        self.begin(refi)
        by_source: dict[str, list[m.TextSelection]] = {}
        for sel in refi.selections:
            by_source.setdefault(sel.source_guid, []).append(sel)
        for source in refi.sources:
            self.source(source, m.SelectionColumns.of(source.guid, by_source.get(source.guid, ())))
        notes = tuple(
            n
            for n in refi.notes
            if not (self.take_note(n.guid, None, n.description) or self.note(n, None))
        )
        return replace(refi, notes=notes)

    def end(self, refi: m.Project) -> None:
        """Everything read after the sources: cases, sets, links, notes."""
        self.refi = refi
        self.flush_attributes()
        self.users(refi.users)
        self.report_sources()
        self.stage("attributes")
        self.attributes()
        self.stage("cases")
        self.cases()
        self.stage("codings")
        self.report_codings({guid for case in refi.cases for guid in case.selection_guids})
        self.stage("sets")
        self.sets()
        self.links()
        self.stage("memos")
        import_review_notes(self)  # before memos: review notes are comments, not memos
        self.memos()  # last: sets and links consume or redirect some notes
        self.finish()

    # -- codes -------------------------------------------------------------------------
    def codes(self) -> None:
        from qualcode.coding.codes import DEFAULT_COLORS

        rows = self.conn.execute(
            select(t.code.c.id, t.code.c.guid, t.code.c.parent_id, t.code.c.name)
        ).all()
        by_guid = {r.guid.lower(): r.id for r in rows}
        children: dict[int | None, dict[str, int]] = {}
        for r in rows:
            children.setdefault(r.parent_id, {})[r.name] = r.id
        claimed: set[int] = set()
        stats = {"created": 0, "matched": 0, "renamed": 0, "not-codable": 0}
        new_rows: list[dict[str, Any]] = []  # codes to create; -1 - index stands for an id
        placed: list[tuple[m.Code, int]] = []  # each code read and the (future) id it got

        def visit(code: m.Code, parent_id: int | None) -> None:
            if not code.is_codable:
                stats["not-codable"] += 1
            found = by_guid.get(code.guid.lower())
            name, changed = _code_name(code.name)
            siblings = children.setdefault(parent_id, {})
            if found is None:
                candidate = siblings.get(name)
                if candidate is not None and candidate not in claimed:
                    found = candidate
            if found is not None:
                stats["matched"] += 1
            else:
                if name in siblings:
                    name, changed = unique_name(name, siblings), True
                stats["renamed"] += changed
                description, extras = decode_extras(code.description, CODE_KEYS)
                labels = {
                    key[7:-1]: value
                    for key, value in extras.items()
                    if key.startswith("Label (") and value
                }
                found = -1 - len(new_rows)
                new_rows.append(
                    {
                        "name": name,
                        "parent_id": parent_id,
                        "color": _color(code.color)
                        or DEFAULT_COLORS[len(siblings) % len(DEFAULT_COLORS)],
                        "short": extras.get("Short", ""),
                        "description": description,
                        "inclusion": extras.get("Inclusion", ""),
                        "exclusion": extras.get("Exclusion", ""),
                        "example": extras.get("Example", ""),
                        "labels": labels,
                        "codebook": extras.get("Codebook") or None,
                        "codebook_code": extras.get("Codebook code") or None,
                        "position": len(siblings),
                        "guid": self.free_guid(t.code, code.guid),
                    },
                )
                siblings[name] = found
                stats["created"] += 1
            claimed.add(found)
            by_guid.setdefault(code.guid.lower(), found)
            placed.append((code, found))
            for sub in code.children:
                visit(sub, found)

        for root in self.refi.codes:
            visit(root, None)
        ids = self._insert_codes(new_rows)
        for code, found in placed:
            code_id = ids[-1 - found] if found < 0 else found
            self.code_of[code.guid] = code_id
            for note in code.note_guids:
                self.refer(note, "code", code_id)
        self.count("codes", stats["created"], stats["matched"])
        if stats["renamed"]:
            self.report.add(
                "code-renamed",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} code name(s) were changed: empty, with '/', or the same as a "
                    "sibling's.",
                ),
                count=stats["renamed"],
            )
        if stats["not-codable"]:
            self.report.add(
                "not-codable",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} code(s) were categories only (not codable) in the file; "
                    "imported as ordinary codes.",
                ),
                m.Severity.INFO,
                count=stats["not-codable"],
            )

    def _insert_codes(self, rows: list[dict[str, Any]]) -> list[int]:
        """Create the codes :meth:`codes` decided on (a parent before its children; a
        ``parent_id`` below zero stands for the row at ``-1 - parent_id``), one statement
        per level of the tree instead of one per code; their ids in the rows' order."""
        depth: list[int] = []
        for row in rows:
            parent = row["parent_id"]
            depth.append(depth[-1 - parent] + 1 if parent is not None and parent < 0 else 0)
        ids = [0] * len(rows)
        for level in range(max(depth, default=-1) + 1):
            at = [index for index, d in enumerate(depth) if d == level]
            batch = []
            for index in at:
                row = rows[index]
                parent = row["parent_id"]
                if parent is not None and parent < 0:
                    row = {**row, "parent_id": ids[-1 - parent]}
                batch.append(row)
            new_ids = self.op.insert_many(t.code, batch, keys_only=True)  # undo reads them back
            for index, new_id in zip(at, new_ids, strict=True):
                ids[index] = new_id
        return ids

    def codebooks(self) -> None:
        """The loaded codebooks as loaded (QualCode's archive member), unless already here."""
        data = self.refi.extensions.get(CODEBOOKS_MEMBER)
        if data is None:
            return
        try:
            baselines = json.loads(data.decode("utf-8"))
            valid = {
                key: value
                for key, value in baselines.items()
                if key.startswith(BASELINE_PREFIX) and book_from_json(json.loads(value)["codebook"])
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            self.report.add(
                "codebooks-damaged",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "The codebooks' other languages stored by QualCode could not be read; "
                    "the codes were imported with their descriptions.",
                ),
            )
            return
        info = t.project_info.c
        have = set(self.conn.execute(select(info.key).where(info.key.in_(list(valid)))).scalars())
        for key, value in valid.items():
            if key not in have:
                self.op.insert(t.project_info, {"key": key, "value": value})

    # -- sets and links ------------------------------------------------------------------
    def sets(self) -> None:
        rows = self.conn.execute(select(t.item_set.c.id, t.item_set.c.guid, t.item_set.c.name))
        by_guid: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for r in rows:
            by_guid[r.guid.lower()] = r.id
            by_name[r.name.lower()] = r.id
        mem = t.item_set_member.c
        created = matched = 0
        dropped: list[str] = []
        for item in self.refi.sets:
            codes = [self.code_of[g] for g in item.code_guids if g in self.code_of]
            sources = [self.source_of[g][0] for g in item.source_guids if g in self.source_of]
            for note in item.note_guids:
                self.refer(note, "project", None)
            if not codes and not sources:
                dropped.append(" ".join(item.name.split()) or item.guid)
                continue
            name = " ".join(item.name.split())[:300] or "Set"
            found = by_guid.get(item.guid.lower()) or by_name.get(name.lower())
            if found is None:
                description, extras = decode_extras(item.description, ("Codebook", "Codebook set"))
                labels = {k[7:-1]: v for k, v in extras.items() if k.startswith("Label (")}
                found = self.insert(
                    t.item_set,
                    {
                        "name": name,
                        "description": description,
                        "labels": labels,
                        "codebook": extras.get("Codebook") or None,
                        "codebook_set": extras.get("Codebook set") or None,
                        "guid": self.free_guid(t.item_set, item.guid),
                    },
                )
                by_name[name.lower()] = found
                created += 1
            else:
                matched += 1
            have = {
                (r.code_id, r.source_id)
                for r in self.conn.execute(
                    select(mem.code_id, mem.source_id).where(mem.set_id == found)
                )
            }
            members: list[tuple[int | None, int | None]] = [(c, None) for c in dict.fromkeys(codes)]
            members += [(None, s) for s in dict.fromkeys(sources)]
            self.op.insert_many(
                t.item_set_member,
                [
                    {"set_id": found, "code_id": c, "source_id": s}
                    for c, s in members
                    if (c, s) not in have
                ],
            )
        self.count("sets", created, matched)
        if dropped:
            self.report.add(
                "sets-dropped",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} set(s) were not imported because none of their members were "
                    "(only sets of codes and sources are kept): {names}.",
                ),
                count=len(dropped),
                names=", ".join(dropped),
            )

    def links(self) -> None:
        link = t.code_link.c
        have = {
            (r.from_code_id, r.to_code_id, r.relation)
            for r in self.conn.execute(select(link.from_code_id, link.to_code_id, link.relation))
        }
        notes = {n.guid: n for n in self.refi.notes}
        created = skipped = 0
        for item in self.refi.links:
            origin = self.code_of.get(item.origin_guid or "")
            target = self.code_of.get(item.target_guid or "")
            if origin is None or target is None or origin == target:
                skipped += 1
                continue
            relation = (" ".join(item.name.split()) or "related")[:64]
            for guid in item.note_guids:
                self.consumed.add(guid)
            if (origin, target, relation) in have:
                continue
            text = "\n\n".join(notes[g].text for g in item.note_guids if g in notes)
            self.insert(
                t.code_link,
                {
                    "from_code_id": origin,
                    "to_code_id": target,
                    "relation": relation,
                    "note": text,
                    "guid": self.free_guid(t.code_link, item.guid),
                },
            )
            have.add((origin, target, relation))
            created += 1
        self.count("links", created, 0)
        if skipped:
            self.report.add(
                "links-skipped",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} link(s) between objects other than two codes were not imported.",
                ),
                count=skipped,
            )

    def finish(self) -> None:
        if self.refi.description.strip():
            self.report.add(
                "project-description",
                QT_TRANSLATE_NOOP("refi", "The project's description was not imported."),
                m.Severity.INFO,
            )


def _code_name(raw: str) -> tuple[str, bool]:
    """A valid code name (no '/', not empty) and whether it had to change."""
    clean = " ".join((raw or "").split()).replace("/", "\u2215")[:300]
    if not clean:
        return "Code", True
    return clean, clean != raw


def _color(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower()
    if len(value) == 4 and value.startswith("#"):
        value = "#" + "".join(ch * 2 for ch in value[1:])
    if len(value) == 7 and all(ch in "0123456789abcdef" for ch in value[1:]):
        return value
    return None


__all__ = ["import_refi", "read_refi_file"]
