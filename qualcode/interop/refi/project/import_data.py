"""The data half of the REFI-QDA import: sources, attributes, cases, codings and memos.

Runs inside the import's single operation (``op``) with bulk inserts; the object
half (coders, codes, sets, links) and the entry point are in
:mod:`qualcode.interop.refi.project.importer`.
"""

from __future__ import annotations

import uuid
from collections import Counter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import (
    Progress,
    RefiReport,
    decode_extras,
    unique_name,
)
from qualcode.interop.refi.project.import_sources import SourceStream, naive
from qualcode.records import CASE_KINDS, MEMO_KINDS, Attribute
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.store.recorder import Operation

STAGES = ("users", "codes", "sources", "attributes", "cases", "codings", "sets", "memos")


class DataImporter(SourceStream):
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
        self._coder_rows: tuple[dict[str, int], dict[str, int]] | None = None
        self._coders: Counter[str] = Counter()
        self.attr_of: dict[tuple[str, str], Attribute] = {}
        self.note_refs: dict[str, list[tuple[str, Any]]] = {}
        self.consumed: set[str] = set()
        self.comment_memos: list[dict[str, Any]] = []  # ATLAS.ti's quotation comments
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
        """The coder of the first of ``users`` given (one not listed in the file's
        ``Users`` is added when first met); the importing coder when none is."""
        for user in users:
            if user:
                found = self.coder_of.get(user)
                return found if found is not None else self.user(m.User(user))
        return self.op.coder_id

    def users(self, users: tuple[m.User, ...]) -> None:
        """The coders of ``users`` (those not met before)."""
        for user in users:
            if user.guid not in self.coder_of:
                self.user(user)
        self.count("coders", self._coders["created"], self._coders["matched"])

    def user(self, user: m.User) -> int:
        """The coder of a REFI user: matched by GUID, then name, else created."""
        if self._coder_rows is None:
            rows = self.conn.execute(select(t.coder.c.id, t.coder.c.guid, t.coder.c.name)).all()
            self._coder_rows = ({r.guid.lower(): r.id for r in rows}, {r.name: r.id for r in rows})
        by_guid, by_name = self._coder_rows
        found = by_guid.get(user.guid.lower())
        name = " ".join((user.name or user.user_id or "").split())[:200]
        if found is None and name:
            found = by_name.get(name)
        if found is not None:
            self._coders["matched"] += 1
        else:
            name = unique_name(name or f"REFI user {user.guid[:8]}", by_name)
            found = self.insert(t.coder, {"name": name, "guid": user.guid})
            by_name[name] = found
            by_guid[user.guid.lower()] = found
            self._coders["created"] += 1
        self.coder_of[user.guid] = found
        if "coders" in self.report.counts:  # met after the users were counted
            self.count("coders", self._coders["created"], self._coders["matched"])
        return found

    # -- attributes ----------------------------------------------------------------------
    def attributes(self) -> None:
        owners: dict[str, set[str]] = {}
        for case in self.refi.cases:
            for value in case.values:
                owners.setdefault(value.variable_guid, set()).add("case")
        for guid in self.value_owners:
            owners.setdefault(guid, set()).add("source")
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
        for source_id, source_values in self.source_values:
            self.values("source", source_id, source_values, rows_out)
        self.source_values = []
        self.op.insert_many(t.attribute_value, rows_out, keys_only=True)

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
        # Each case matches one in the project (by GUID, else by name, also one made by
        # this import) or is new; the new ones are inserted in one statement (a thousand
        # informants: not a statement each), standing until then for -1, -2, ...
        new_rows: list[dict[str, Any]] = []
        plan: list[tuple[m.Case, int]] = []
        for case in self.refi.cases:
            name = " ".join(case.name.split())[:300] or "Case"
            found = by_guid.get(case.guid.lower()) or by_name.get(name.lower())
            if found is not None:
                matched += 1
            else:
                description, extras = decode_extras(case.description, ("Kind", "Parent"))
                kind = extras.get("Kind", "informant").strip()
                new_rows.append(
                    {
                        "name": name,
                        "kind": kind if kind in CASE_KINDS else "informant",
                        "description": description,
                        "guid": self.free_guid(t.cases, case.guid),
                    }
                )
                found = -len(new_rows)
                by_name[name.lower()] = found
                if extras.get("Parent", "").strip():
                    parents.append((found, extras["Parent"].strip().lower()))
                created += 1
            plan.append((case, found))
        new_ids = self.op.insert_many(t.cases, new_rows)

        def real(case_id: int) -> int:
            return new_ids[-case_id - 1] if case_id < 0 else case_id

        for case, planned in plan:
            found = real(planned)
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
        for planned, parent_name in parents:
            case_id, parent = real(planned), by_name.get(parent_name)
            if parent is not None:
                parent = real(parent)
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
            elif kind == "coding":
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
        self.op.insert_many(t.memo, rows + self.comment_memos)
        self.count("memos", len(rows) + len(self.comment_memos), matched)
        if self.comment_memos:
            self.report.add(
                "selection-comments",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} comment(s) on selections became memos on their codings (on "
                    "their source for a selection without codes).",
                ),
                m.Severity.INFO,
                count=len(self.comment_memos),
            )
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
