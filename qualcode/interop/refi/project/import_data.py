"""The data half of the REFI-QDA import: sources, attributes, cases, codings and memos.

Runs inside the import's single operation (``op``) with bulk inserts; the object
half (coders, codes, sets, links) and the entry point are in
:mod:`qualcode.interop.refi.project.importer`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import Progress, RefiReport, decode_extras
from qualcode.records import CASE_KINDS, MEMO_KINDS, SOURCE_KINDS, VALENCES, Attribute
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow
from qualcode.store.recorder import chunks

if TYPE_CHECKING:
    from qualcode.store.recorder import Operation

STAGES = ("users", "codes", "sources", "attributes", "cases", "codings", "sets", "memos")
CODING_KEYS = ("Coding GUID", "Valence", "Magnitude", "Period", "Event date", "Weight", "Note")
_BATCH = 20_000


class DataImporter:
    """State shared by the import steps: maps from REFI GUIDs to our ids, and the report."""

    def __init__(
        self, op: Operation, refi: m.Project, report: RefiReport, progress: Progress | None
    ) -> None:
        self.op = op
        self.conn = op.conn
        self.refi = refi
        self.report = report
        self.progress = progress
        self.from_qualcode = refi.origin.startswith("QualCode")
        self.coder_of: dict[str, int] = {}
        self.code_of: dict[str, int] = {}
        self.source_of: dict[str, tuple[int, int]] = {}  # guid -> (id, length)
        self.case_of: dict[str, int] = {}
        self.coding_of: dict[str, int] = {}
        self._coding_waits: dict[str, str] = {}  # coding guid -> guid of its pending twin
        self.attr_of: dict[tuple[str, str], Attribute] = {}
        self.note_refs: dict[str, list[tuple[str, Any]]] = {}
        self.consumed: set[str] = set()
        self._guids: dict[str, set[str]] = {}
        self._values: dict[tuple[int, str, int], str] | None = None
        self.problems: Counter[str] = Counter()

    # -- helpers -------------------------------------------------------------------------
    def stage(self, name: str) -> None:
        if self.progress is not None:
            self.progress(name, STAGES.index(name), len(STAGES))

    def count(self, kind: str, created: int, matched: int) -> None:
        self.report.counts[kind] = created
        if matched:
            self.report.matched[kind] = matched

    def refer(self, note_guid: str, kind: str, target: Any) -> None:
        """Remember that a note is attached to an object (it becomes a memo on it)."""
        self.note_refs.setdefault(note_guid, []).append((kind, target))

    def free_guid(self, table: Table, guid: str) -> str:
        """``guid`` if no row of ``table`` has it yet, else a new one."""
        taken = self._guids.get(table.name)
        if taken is None:
            taken = {g.lower() for (g,) in self.conn.execute(select(table.c.guid))}
            self._guids[table.name] = taken
        if guid.lower() in taken:
            guid = str(uuid.uuid4())
        taken.add(guid.lower())
        return guid

    def insert(self, table: Table, values: dict[str, Any]) -> int:
        """Insert one row; as a one-row ``insert_many`` the compiled statement is reused."""
        return self.op.insert_many(table, [values])[0]

    def coder(self, *users: str | None) -> int:
        for user in users:
            if user and user in self.coder_of:
                return self.coder_of[user]
        return self.op.coder_id

    # -- sources -------------------------------------------------------------------------
    def sources(self) -> None:
        src = t.source.c
        rows = self.conn.execute(select(src.id, src.guid, src.name, src.length)).all()
        by_guid = {r.guid.lower(): r for r in rows}
        by_name: dict[str, Any] = {r.name: r for r in rows}
        created = matched = empty = 0
        for source in self.refi.sources:
            text = source.text
            if not text.strip():
                empty += 1
                continue
            name = " ".join(source.name.split())[:500] or "Source"
            found = by_guid.get(source.guid.lower()) or by_name.get(name)
            if found is not None and self._same_text(found.id, found.length, text):
                matched += 1
                self.source_of[source.guid] = (found.id, found.length)
            else:
                new_name = _unique_name(name, by_name)
                if found is not None:
                    self.report.add(
                        "source-renamed",
                        QT_TRANSLATE_NOOP(
                            "refi",
                            "Source {name}: the project has a source of that name (or GUID) with "
                            "a different text; imported as {new_name}.",
                        ),
                        name=name,
                        new_name=new_name,
                    )
                new_id = self._add_source(source, new_name, text)
                by_name[new_name] = _Row(new_id, new_name, len(text))
                self.source_of[source.guid] = (new_id, len(text))
                created += 1
            for note in source.note_guids:
                self.refer(note, "source", self.source_of[source.guid][0])
        self.count("sources", created, matched)
        if empty:
            self.report.add(
                "empty-sources",
                QT_TRANSLATE_NOOP("refi", "{count} source(s) without text were not imported."),
                count=empty,
            )

    def _same_text(self, source_id: int, length: int, text: str) -> bool:
        if length != len(text):
            return False
        stored = self.conn.execute(
            select(t.source_content.c.text).where(t.source_content.c.source_id == source_id)
        ).scalar()
        return stored == text

    def _add_source(self, source: m.TextSource, name: str, text: str) -> int:
        description, extras = decode_extras(
            source.description, ("Kind", "Language", "Date collected", "Original file")
        )
        kind = extras.get("Kind", "interview")
        collected: dt.date | None = None
        try:
            collected = dt.date.fromisoformat(extras.get("Date collected", "").strip())
        except ValueError:
            collected = None
        original = source.original
        data = original.data if original is not None else None
        new_id = self.insert(
            t.source,
            {
                "name": name,
                "kind": kind if kind in SOURCE_KINDS else "interview",
                "language": (extras.get("Language") or "").strip()[:16] or None,
                "date_collected": collected,
                "length": len(text),
                "sha256": hashlib.sha256(data).hexdigest() if data is not None else None,
                "original_name": (extras.get("Original file") or original.filename)[:500]
                if original is not None
                else None,
                "description": description,
                "meta": {},
                "created_by": self.coder(source.creating_user),
                "created_at": naive(source.created) or utcnow(),
                "guid": self.free_guid(t.source, source.guid),
            },
        )
        self.op.insert_many(
            t.source_content, [{"source_id": new_id, "text": text, "original": data}]
        )
        return new_id

    # -- attributes ----------------------------------------------------------------------
    def attributes(self) -> None:
        owners: dict[str, set[str]] = {}
        for case in self.refi.cases:
            for value in case.values:
                owners.setdefault(value.variable_guid, set()).add("case")
        for source in self.refi.sources:
            for value in source.values:
                owners.setdefault(value.variable_guid, set()).add("source")
        rows = self.conn.execute(select(t.attribute)).all()
        by_guid = {(r.guid.lower(), r.owner): r for r in rows}
        by_name = {(r.name.lower(), r.owner): r for r in rows}
        positions = Counter(r.owner for r in rows)
        created = matched = 0
        for var in self.refi.variables:
            description, extras = decode_extras(
                var.description, ("Owner", "Type", "Allowed values")
            )
            wanted = owners.get(var.guid) or {extras.get("Owner", "case").strip()}
            for owner in sorted(wanted & {"case", "source"}):
                name = " ".join(var.name.split())[:200] or "Variable"
                row = by_guid.get((var.guid.lower(), owner)) or by_name.get((name.lower(), owner))
                if row is not None:
                    matched += 1
                    record = _attribute(row._mapping)
                else:
                    kind, allowed = _attribute_type(var.type, extras)
                    guid = self.free_guid(t.attribute, var.guid)
                    values = {
                        "name": name, "owner": owner, "type": kind, "allowed_values": allowed,
                        "description": description, "position": positions[owner], "guid": guid,
                    }  # fmt: skip
                    new_id = self.insert(t.attribute, values)
                    positions[owner] += 1
                    record = _attribute({**values, "id": new_id})
                    by_name[(name.lower(), owner)] = record  # type: ignore[assignment]
                    created += 1
                self.attr_of[(var.guid, owner)] = record
        self.count("attributes", created, matched)
        rows_out: list[dict[str, Any]] = []
        for source in self.refi.sources:
            if source.guid in self.source_of:
                self.values("source", self.source_of[source.guid][0], source.values, rows_out)
        self.op.insert_many(t.attribute_value, rows_out)

    def values(
        self, owner: str, owner_id: int, values: tuple[m.VariableValue, ...], out: list[Any]
    ) -> None:
        """Queue attribute values of one case or source (existing different values win)."""
        from qualcode.cases.attributes import canonical
        from qualcode.errors import ValidationError

        if self._values is None:
            v = t.attribute_value.c
            self._values = {}
            for attr_id, case_id, source_id, value in self.conn.execute(
                select(v.attribute_id, v.case_id, v.source_id, v.value)
            ):
                key = (attr_id, "case", case_id) if case_id else (attr_id, "source", source_id)
                self._values[key] = value
        for item in values:
            attr = self.attr_of.get((item.variable_guid, owner))
            raw = item.value
            if attr is None or raw is None:
                continue
            if isinstance(raw, bool):
                raw = "true" if raw else "false"
            try:
                stored = canonical(attr, raw)
            except ValidationError:
                self._problem("bad-value")
                continue
            if stored is None:
                continue
            key = (attr.id, owner, owner_id)
            existing = self._values.get(key)
            if existing is not None:
                if existing != stored:
                    self._problem("value-conflict")
                continue
            self._values[key] = stored
            out.append(
                {
                    "attribute_id": attr.id,
                    "case_id": owner_id if owner == "case" else None,
                    "source_id": owner_id if owner == "source" else None,
                    "value": stored,
                }
            )

    def _problem(self, kind: str) -> None:
        self.problems[kind] += 1

    # -- cases ---------------------------------------------------------------------------
    def cases(self) -> None:
        rows = self.conn.execute(select(t.cases.c.id, t.cases.c.guid, t.cases.c.name)).all()
        by_guid = {r.guid.lower(): r.id for r in rows}
        by_name = {r.name.lower(): r.id for r in rows}
        spans = {
            s.guid: (s.source_guid, s.start, s.end, s.name) for s in self.refi.selections
        }  # fmt: skip
        link = t.case_link.c
        have: set[tuple[Any, ...]] = {
            tuple(r)
            for r in self.conn.execute(
                select(link.case_id, link.source_id, link.start_pos, link.end_pos)
            )
        }
        created = matched = code_refs = 0
        parents: list[tuple[int, str]] = []
        values: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for case in self.refi.cases:
            name = " ".join(case.name.split())[:300] or "Case"
            found = by_guid.get(case.guid.lower()) or by_name.get(name.lower())
            if found is not None:
                matched += 1
            else:
                description, extras = decode_extras(case.description, ("Kind", "Parent"))
                kind = extras.get("Kind", "informant").strip()
                found = self.insert(
                    t.cases,
                    {
                        "name": name,
                        "kind": kind if kind in CASE_KINDS else "informant",
                        "description": description,
                        "guid": self.free_guid(t.cases, case.guid),
                    },
                )
                by_name[name.lower()] = found
                if extras.get("Parent", "").strip():
                    parents.append((found, extras["Parent"].strip().lower()))
                created += 1
            self.case_of[case.guid] = found
            self.values("case", found, case.values, values)
            code_refs += len(case.code_guids)
            targets: list[tuple[int, int | None, int | None, str | None]] = []
            for guid in case.source_guids:
                if guid in self.source_of:
                    targets.append((self.source_of[guid][0], None, None, None))
            for guid in case.selection_guids:
                span = spans.get(guid)
                if span is None or span[0] not in self.source_of:
                    continue
                source_id, length = self.source_of[span[0]]
                if 0 <= span[1] < span[2] <= length:
                    speaker = (span[3] or None) if self.from_qualcode else None
                    targets.append((source_id, span[1], span[2], speaker))
            for source_id, start, end, speaker in targets:
                if (found, source_id, start, end) in have:
                    continue
                have.add((found, source_id, start, end))
                links.append({"case_id": found, "source_id": source_id, "start_pos": start,
                              "end_pos": end, "speaker": speaker})  # fmt: skip
        for case_id, parent_name in parents:
            parent = by_name.get(parent_name)
            if parent is not None and parent != case_id and not self._cycle(case_id, parent):
                self.op.update(t.cases, case_id, {"parent_id": parent})
        self.op.insert_many(t.attribute_value, values)
        self.op.insert_many(t.case_link, links)
        self.count("cases", created, matched)
        if links:
            self.report.counts["case links"] = len(links)
        if code_refs:
            self.report.add(
                "case-code-refs",
                QT_TRANSLATE_NOOP(
                    "refi", "{count} code reference(s) of cases have no equivalent; not imported."
                ),
                count=code_refs,
            )

    def _cycle(self, case_id: int, parent: int | None) -> bool:
        while parent is not None:
            if parent == case_id:
                return True
            parent = self.conn.execute(
                select(t.cases.c.parent_id).where(t.cases.c.id == parent)
            ).scalar()
        return False

    # -- codings -------------------------------------------------------------------------
    def codings(self) -> None:
        c = t.coding.c
        source_ids = sorted({sid for sid, _ in self.source_of.values()})
        existing: dict[tuple[int, int, int, int, int], int] = {}
        for part in chunks(source_ids):
            for row in self.conn.execute(
                select(c.id, c.source_id, c.code_id, c.coder_id, c.start_pos, c.end_pos).where(
                    c.source_id.in_(part)
                )
            ):
                existing[(row.source_id, row.code_id, row.coder_id, row.start_pos, row.end_pos)] = (
                    row.id
                )
        attrs = self._coding_attributes()
        rows: list[dict[str, Any]] = []
        pending: dict[tuple[int, int, int, int, int], str] = {}
        matched = bad = bare = 0
        whole = [
            m.TextSelection(
                f"whole:{s.guid}", s.guid, 0, self.source_of[s.guid][1], codings=s.codings
            )
            for s in self.refi.sources
            if s.codings and s.guid in self.source_of
        ]
        if whole:
            self.report.add(
                "whole-source-codings",
                QT_TRANSLATE_NOOP(
                    "refi", "Codes applied to {count} whole source(s) were imported as codings "
                    "of their whole text."
                ),
                m.Severity.INFO,
                count=len(whole),
            )  # fmt: skip
        # Selections a case refers to became case links (a speaker's turns): not lost.
        for_cases = {guid for case in self.refi.cases for guid in case.selection_guids}
        for sel in (*self.refi.selections, *whole):
            if sel.source_guid not in self.source_of:
                continue
            source_id, length = self.source_of[sel.source_guid]
            if not 0 <= sel.start < sel.end <= length:
                bad += 1
                continue
            if not sel.codings:
                bare += not sel.note_guids and sel.guid not in for_cases
            for note in sel.note_guids:
                if note in attrs:
                    continue
                if sel.codings:
                    self.refer(note, "coding-guid", sel.codings[0].guid)
                else:
                    self.refer(note, "source", source_id)
            for coding in sel.codings:
                code_id = self.code_of.get(coding.code_guid)
                if code_id is None:
                    continue
                coder_id = self.coder(coding.creating_user, sel.creating_user)
                key = (source_id, code_id, coder_id, sel.start, sel.end)
                for note in coding.note_guids:
                    self.refer(note, "coding-guid", coding.guid)
                if key in existing:
                    self.coding_of[coding.guid] = existing[key]
                    matched += 1
                    continue
                if key in pending:
                    self._coding_waits.setdefault(coding.guid, pending[key])  # resolved below
                    continue
                pending[key] = coding.guid
                when = naive(coding.created or sel.created) or utcnow()
                rows.append(
                    {
                        "guid": self.free_guid(t.coding, coding.guid),
                        "source_id": source_id, "code_id": code_id, "coder_id": coder_id,
                        "start_pos": sel.start, "end_pos": sel.end,
                        **attrs.get(coding.guid, _NO_ATTRS),
                        "created_at": when, "modified_at": when,
                    }
                )  # fmt: skip
        self._insert_codings(rows, pending)
        self.count("codings", len(rows), matched)
        if bad:
            self.report.add(
                "selection-range",
                QT_TRANSLATE_NOOP(
                    "refi", "{count} selection(s) outside their source's text were not imported."
                ),
                count=bad,
            )
        if bare:
            self.report.add(
                "bare-selections",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} selection(s) without codes or notes were not imported "
                    "(QualCode keeps only coded passages).",
                ),
                m.Severity.INFO,
                count=bare,
            )

    def _insert_codings(
        self, rows: list[dict[str, Any]], pending: dict[tuple[int, int, int, int, int], str]
    ) -> None:
        ids: list[int] = []
        for start in range(0, len(rows), _BATCH):
            ids += self.op.insert_many(t.coding, rows[start : start + _BATCH])
            if self.progress is not None:
                self.progress("codings", min(start + _BATCH, len(rows)), len(rows))
        by_key: dict[str, int] = {}
        for key, new_id in zip(pending.items(), ids, strict=True):
            by_key[key[1]] = new_id
        for guid, target in self._coding_waits.items():
            self.coding_of.setdefault(guid, by_key[target])
        for guid, new_id in by_key.items():
            self.coding_of[guid] = new_id

    def _coding_attributes(self) -> dict[str, dict[str, Any]]:
        """Coding attributes written by our exporter as notes (``Coding GUID`` extras)."""
        out: dict[str, dict[str, Any]] = {}
        for note in self.refi.notes:
            _, extras = decode_extras(note.description, CODING_KEYS)
            guid = extras.get("Coding GUID", "").strip()
            if not guid:
                continue
            self.consumed.add(note.guid)
            valence = extras.get("Valence", "").strip() or None
            event: dt.date | None = None
            try:
                event = dt.date.fromisoformat(extras.get("Event date", "").strip())
            except ValueError:
                event = None
            out[guid] = {
                "valence": valence if valence in VALENCES else None,
                "magnitude": (extras.get("Magnitude") or "").strip()[:32] or None,
                "period": (extras.get("Period") or "").strip()[:64] or None,
                "event_date": event,
                "weight": (extras.get("Weight") or "").strip()[:32] or None,
                "note": extras.get("Note", ""),
            }
            out[note.guid] = {}  # the note itself: skipped as a selection note
        return out

    # -- memos ---------------------------------------------------------------------------
    def memos(self) -> None:
        for guid in self.refi.note_guids:
            self.refer(guid, "project", None)
        taken = {g.lower() for (g,) in self.conn.execute(select(t.memo.c.guid))}
        cases = self.conn.execute(select(t.cases.c.id, t.cases.c.guid, t.cases.c.name)).all()
        case_guid = {r.guid.lower(): r.id for r in cases}
        case_name = {r.name.lower(): r.id for r in cases}
        rows: list[dict[str, Any]] = []
        matched = shared = 0
        for note in self.refi.notes:
            if note.guid in self.consumed:
                continue
            if note.guid.lower() in taken:
                matched += 1
                continue
            _, extras = decode_extras(note.description, ("Kind", "Case", "Case GUID"))
            refs = self.note_refs.get(note.guid, [("project", None)])
            shared += len(refs) > 1
            kind, target = refs[0]
            column = None
            if extras.get("Case GUID") or extras.get("Case"):
                target = case_guid.get(extras.get("Case GUID", "").strip().lower()) or (
                    case_name.get(extras.get("Case", "").strip().lower())
                )
                column = "case_id" if target is not None else None
            elif kind == "coding-guid":
                target = self.coding_of.get(target)
                column = "coding_id" if target is not None else None
            elif kind in ("code", "source"):
                column = f"{kind}_id"
            memo_kind = extras.get("Kind", "analytic").strip()
            when = naive(note.created) or utcnow()
            row = {
                "guid": note.guid, "kind": memo_kind if memo_kind in MEMO_KINDS else "analytic",
                "title": note.name.strip()[:500], "text": note.text,
                "coder_id": self.coder(note.creating_user),
                "source_id": None, "case_id": None, "code_id": None, "coding_id": None,
                "created_at": when, "modified_at": naive(note.modified) or when,
            }  # fmt: skip
            if column is not None:
                row[column] = target
            taken.add(note.guid.lower())
            rows.append(row)
        self.op.insert_many(t.memo, rows)
        self.count("memos", len(rows), matched)
        if shared:
            self.report.add(
                "shared-notes",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} note(s) were attached to several objects; each became one memo on "
                    "the first of them.",
                ),
                count=shared,
            )
        texts = {
            "bad-value": QT_TRANSLATE_NOOP(
                "refi", "{count} attribute value(s) did not fit their attribute; not imported."
            ),
            "value-conflict": QT_TRANSLATE_NOOP(
                "refi", "{count} attribute value(s) differ from the project's; the project's kept."
            ),
        }
        for kind, count in sorted(self.problems.items()):
            self.report.add(kind, texts[kind], count=count)


_NO_ATTRS: dict[str, Any] = {
    "valence": None, "magnitude": None, "period": None, "event_date": None, "weight": None,
    "note": "",
}  # fmt: skip


class _Row:
    """A just-created source, shaped like a query row."""

    def __init__(self, id: int, name: str, length: int) -> None:
        self.id, self.name, self.length = id, name, length


def _unique_name(name: str, taken: dict[str, Any]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def _attribute(row: Any) -> Attribute:
    return Attribute(
        id=row["id"], guid=row["guid"], name=row["name"], owner=row["owner"], type=row["type"],
        allowed_values=tuple(row["allowed_values"] or ()), description=row["description"],
        position=row["position"],
    )  # fmt: skip


def _attribute_type(kind: m.VariableType, extras: dict[str, str]) -> tuple[str, list[str]]:
    if kind is m.VariableType.BOOLEAN:
        return "category", ["true", "false"]
    if kind in (m.VariableType.INTEGER, m.VariableType.FLOAT):
        return "number", []
    if kind in (m.VariableType.DATE, m.VariableType.DATETIME):
        return "date", []
    if extras.get("Type", "").strip() == "category":
        allowed = [v.strip() for v in extras.get("Allowed values", "").split("|") if v.strip()]
        return "category", allowed
    return "text", []


def naive(value: dt.datetime | None) -> dt.datetime | None:
    """A timestamp as the database stores it (naive UTC)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
