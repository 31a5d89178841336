"""The streamed half of the REFI-QDA import: each source with its codings, as it is read.

The reader hands over one source at a time (:class:`ProjectSink`); its text, its
codings and the references of its notes are written at once and the source is
dropped, so an import holds one source, never the project. Coding attributes come
later in the file (as notes written by our exporter) and update the codings this
import created. Rows are inserted with ``keys_only`` images: the undo step of a
whole project is a list of ids (undo reads the rows back before removing them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import re
import uuid
import zipfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, update

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import (
    EXTRAS_MARKER,
    Progress,
    RefiReport,
    decode_extras,
    unique_name,
)
from qualcode.records import SOURCE_KINDS, VALENCES
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow
from qualcode.store.recorder import chunks

if TYPE_CHECKING:
    from qualcode.store.recorder import Operation

CODING_KEYS = ("Coding GUID", "Valence", "Magnitude", "Period", "Event date", "Weight", "Note")
_UPDATES = 5_000  # coding attribute updates sent at a time
_TITLE = 80  # characters of a passage kept as the title of its comment's memo
_NO_ATTRS: dict[str, Any] = {
    "valence": None, "magnitude": None, "period": None, "event_date": None, "weight": None,
    "note": "",
}  # fmt: skip


class SourceStream:
    """Sources and codings as the reader streams them; the state the later steps need."""

    op: Operation
    refi: m.Project
    report: RefiReport
    progress: Progress | None
    from_qualcode: bool
    coder_of: dict[str, int]
    code_of: dict[str, int]
    source_of: dict[str, tuple[int, int]]
    comment_memos: list[dict[str, Any]]  # memo rows of selection descriptions
    note_refs: dict[str, list[tuple[str, Any]]]  # note GUID -> what it is attached to

    if TYPE_CHECKING:  # provided by the importer

        def refer(self, note_guid: str, kind: str, target: Any) -> None: ...
        def coder(self, *users: str | None) -> int: ...
        def free_guid(self, table: Any, guid: str) -> str: ...
        def count(self, kind: str, created: int, matched: int) -> None: ...

    # -- set-up --------------------------------------------------------------------------
    def begin_sources(self, path: Path) -> None:
        """Read what the merge needs of the project's sources and codings."""
        src = t.source.c
        rows = self.op.conn.execute(select(src.id, src.guid, src.name, src.length)).all()
        self._src_by_guid: dict[str, Any] = {r.guid.lower(): r for r in rows}
        self._src_by_name: dict[str, Any] = {r.name: r for r in rows}
        self._first_coding = int(
            self.op.conn.execute(select(func.max(t.coding.c.id))).scalar() or 0
        )
        self._next_coding: int | None = None  # the id of the next coding (SQLite)
        # REFI coding GUID -> (id, created here) where the GUID alone does not find it.
        self._coding_ids: dict[str, tuple[int, bool]] = {}
        # hash of each lower-case GUID this import gave a coding -> that coding's id: the
        # new GUIDs need not be asked for, and attributes are written by id (twice as fast)
        self._coding_hashes: dict[int, int] = {}
        self._stats: Counter[str] = Counter()
        self._bare: list[str] = []
        self._updates: list[tuple[str, tuple[Any, ...]]] = []  # (coding GUID, values)
        self._attributed: set[int] = set()  # codings given attributes (by id)
        self._tails: dict[str, tuple[Any, ...]] = {}  # block after its GUID -> values
        self.source_values: list[tuple[int, tuple[m.VariableValue, ...]]] = []
        self.value_owners: set[str] = set()  # variables with a value on some source
        self._total = _count_sources(path)

    # -- sources -------------------------------------------------------------------------
    def source(self, source: m.TextSource, selections: m.SelectionColumns) -> None:
        """Write one source, its codings and its notes' references."""
        for value in source.values:
            self.value_owners.add(value.variable_guid)
        text = source.text
        if not text.strip():
            self._stats["empty"] += 1
            return
        name = " ".join(source.name.split())[:500] or "Source"
        found = self._src_by_guid.get(source.guid.lower()) or self._src_by_name.get(name)
        if found is not None and self._same_text(found.id, found.length, text):
            self._stats["matched"] += 1
            source_id, merged = found.id, True
        else:
            new_name = unique_name(name, self._src_by_name)
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
            source_id, merged = self._add_source(source, new_name, text), False
            self._src_by_name[new_name] = _Row(source_id, new_name, len(text))
            self._stats["created"] += 1
        self.source_of[source.guid] = (source_id, len(text))
        for note in source.note_guids:
            self.refer(note, "source", source_id)
        if source.values:
            self.source_values.append((source_id, source.values))
        self._codings(source, selections, source_id, len(text), merged)
        done = self._stats["created"] + self._stats["matched"] + self._stats["empty"]
        if self.progress is not None:
            self.progress("sources", done, max(done, self._total))

    def _same_text(self, source_id: int, length: int, text: str) -> bool:
        if length != len(text):
            return False
        stored = self.op.conn.execute(
            select(t.source_content.c.text).where(t.source_content.c.source_id == source_id)
        ).scalar()
        return bool(stored == text)

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
        row: dict[str, Any] = {
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
        }
        if self.op.conn.dialect.name == "sqlite":  # a thousand sources: no statement machinery
            return self._insert_source_sqlite(row, text, data)
        (new_id,) = self.op.insert_many(t.source, [row], keys_only=True)
        self.op.insert_many(
            t.source_content,
            [{"source_id": new_id, "text": text, "original": data}],
            keys_only=True,
        )
        return new_id

    def _insert_source_sqlite(self, row: dict[str, Any], text: str, data: bytes | None) -> int:
        """:meth:`_add_source`'s two inserts as plain SQLite statements, the values in the
        form SQLAlchemy gives them there; recorded, like its bulk inserts, by key."""
        conn = self.op.conn
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        values = tuple(_sqlite_value(value) for value in row.values())
        cursor = conn.exec_driver_sql(f"INSERT INTO source ({columns}) VALUES ({marks})", values)
        new_id = int(cursor.lastrowid)
        conn.exec_driver_sql(
            "INSERT INTO source_content (source_id, text, original) VALUES (?, ?, ?)",
            (new_id, text, data),
        )
        self.op.inserted(t.source, [new_id])
        self.op.inserted(t.source_content, [new_id])
        return new_id

    # -- codings -------------------------------------------------------------------------
    def _codings(
        self,
        source: m.TextSource,
        selections: m.SelectionColumns,
        source_id: int,
        length: int,
        merged: bool,
    ) -> None:
        """Insert one source's codings (merged into the ones already there)."""
        c = t.coding.c
        existing: dict[tuple[int, int, int, int], int] = {}
        if merged:
            query = select(c.id, c.code_id, c.coder_id, c.start_pos, c.end_pos)
            for row in self.op.conn.execute(query.where(c.source_id == source_id)):
                existing[(row.code_id, row.coder_id, row.start_pos, row.end_pos)] = row.id
        starts, ends = selections.starts, selections.ends
        sel_users, sel_created = selections.users, selections.created
        codings, count = selections.codings, len(selections)
        if source.codings:  # codes applied to the whole source: a selection of all its text
            self._stats["whole"] += 1
            starts, ends = [*starts, 0], [*ends, length]
            sel_users, sel_created = [*sel_users, None], [*sel_created, None]
            codings = codings + [
                (count, w.guid, w.code_guid, w.creating_user, w.created, w.note_guids)
                for w in source.codings
            ]
            count += 1
        bad: set[int] = set()  # selections outside the text
        if count and not (
            min(starts) >= 0 and max(ends) <= length and all(map(operator.lt, starts, ends))
        ):
            bad = {at for at in range(count) if not 0 <= starts[at] < ends[at] <= length}
            self._stats["bad"] += len(bad)
            codings = [row for row in codings if row[0] not in bad]
        sel_notes = selections.notes
        covered = {*map(_AT, codings), *map(_AT, sel_notes)}
        if len(covered) + len(bad) < count:  # selections without codes or notes
            self._bare += [
                guid
                for at, guid in enumerate(selections.guids)
                if at not in covered and at not in bad
            ]
        rows: list[list[Any]] = []
        pending: dict[tuple[int, int, int, int], int] = {}  # key -> index in rows
        row_of: dict[str, int] = {}  # coding GUID -> its row (or the row it repeats)
        repeats: list[tuple[str, int]] = []  # codings that repeat another's row
        id_of: dict[str, int] = {}  # coding GUID -> the existing coding it matched
        coding_notes: list[tuple[int, str, tuple[str, ...]]] = []  # (selection, coding, notes)
        stamps: dict[dt.datetime | None, dt.datetime] = {}
        coders: dict[str | None, int] = {}
        code_of = self.code_of
        for at, guid, code, user, created, notes_of_coding in codings:
            code_id = code_of.get(code)
            if code_id is None:
                continue
            who = user or sel_users[at]  # the coding's user, else its selection's
            coder_id = coders.get(who)
            if coder_id is None:
                coder_id = coders[who] = self.coder(who)
            start, end = starts[at], ends[at]
            key = (code_id, coder_id, start, end)
            if notes_of_coding:
                coding_notes.append((at, guid, notes_of_coding))
            if existing and key in existing:
                id_of[guid] = existing[key]
                self._coding_ids[guid] = (existing[key], False)
                self._stats["codings matched"] += 1
                continue
            index = pending.get(key)
            if index is not None:
                if guid not in row_of and guid not in id_of:
                    row_of[guid] = index
                    repeats.append((guid, index))
                continue
            pending[key] = row_of[guid] = len(rows)
            stamp = created or sel_created[at]
            when = stamps.get(stamp)
            if when is None:
                when = stamps[stamp] = naive(stamp) or utcnow()
            rows.append([guid, source_id, code_id, coder_id, start, end, when])
        ids = self._insert_codings(rows)
        for guid, index in repeats:
            self._coding_ids[guid] = (ids[index], False)
        descriptions = selections.descriptions
        if not (sel_notes or coding_notes or descriptions):
            return
        id_by_guid: dict[str | None, int] = dict(
            zip(row_of, map(ids.__getitem__, row_of.values()), strict=True)
        )
        id_by_guid.update(id_of)  # the codings this import matched
        coding_id = id_by_guid.get  # a coding's id by its GUID (None: none imported)
        # a selection's notes and description go to its first coding (its source if none)
        backwards = codings[::-1]  # the first coding of a selection is the last written
        first_of = dict(zip(map(_AT, backwards), map(_GUID, backwards), strict=True))
        refs = self.note_refs  # as :meth:`refer`, in line: a note a coding, 100k times
        for note, coding_guid in _note_order(sel_notes, coding_notes, first_of, bad):
            target = ("source", source_id) if coding_guid is None else (
                "coding", coding_id(coding_guid)
            )  # fmt: skip
            found = refs.get(note)
            if found is None:
                refs[note] = [target]
            else:
                found.append(target)
        for at, description in descriptions.items():
            if at not in bad:
                passage = source.text[starts[at] : ends[at]]
                modified = selections.modified.get(at, (None, None))[1]
                self._comment_memo(
                    selections.names.get(at) or passage, description, sel_users[at],
                    sel_created[at], modified, source_id, coding_id(first_of.get(at)),
                )  # fmt: skip

    def _comment_memo(
        self,
        title: str,
        description: str,
        user: str | None,
        created: dt.datetime | None,
        modified: dt.datetime | None,
        source_id: int,
        coding_id: int | None,
    ) -> None:
        """A selection's description as a memo on its first coding (on its source when
        it has none, or that coding was not imported): a quotation's comment is the
        researcher's own text, not to be dropped with the selection element. Titled by
        the selection's name, else by the passage."""
        title = " ".join(title.split())
        if len(title) > _TITLE:
            cut = title[: _TITLE - 1]
            if title[_TITLE - 1] != " " and " " in cut:  # not in the middle of a word
                cut = cut.rsplit(" ", 1)[0]
            title = cut.rstrip() + "\u2026"
        when = naive(created) or utcnow()
        self.comment_memos.append(
            {
                "guid": str(uuid.uuid4()), "kind": "note", "title": title, "text": description,
                "coder_id": self.coder(user),
                "source_id": source_id if coding_id is None else None, "case_id": None,
                "code_id": None, "coding_id": coding_id,
                "created_at": when, "modified_at": naive(modified) or when,
            }
        )  # fmt: skip

    def _insert_codings(self, rows: list[list[Any]]) -> list[int]:
        """Insert coding rows ``[guid, source, code, coder, start, end, created]``, each
        under its REFI GUID unless the project has it already; returns their ids."""
        if not rows:
            return []
        c = t.coding.c
        hashes = self._coding_hashes
        # The project's codings from before may have any GUID: ask. This import's own
        # are remembered by hash only; a hash met before is checked exactly.
        guids = list(map(operator.itemgetter(0), rows))
        joined = "\n".join(guids)
        lows = guids if joined.lower() == joined else [g.lower() for g in guids]
        ask = list(guids) if self._first_coding else []
        if not hashes.keys().isdisjoint(map(hash, lows)):  # some hash met before: which
            ask += [row[0] for row, low in zip(rows, lows, strict=True) if hash(low) in hashes]
        taken: set[str] = set()
        for part in chunks(ask):
            found = self.op.conn.execute(select(c.guid).where(c.guid.in_(part))).scalars()
            taken.update(g.lower() for g in found)
        renamed: list[tuple[str, int]] = []
        if taken or len(set(lows)) < len(lows):
            for index, (row, low) in enumerate(zip(rows, lows, strict=True)):
                if low in taken:
                    renamed.append((row[0], index))
                    row[0] = low = str(uuid.uuid4())
                taken.add(low)
                lows[index] = low
        if self.op.conn.dialect.name == "sqlite":
            ids = self._insert_sqlite(rows)
        else:
            columns = ("guid", "source_id", "code_id", "coder_id", "start_pos", "end_pos")
            values = [
                {**dict(zip(columns, row, strict=False)), **_NO_ATTRS,
                 "created_at": row[6], "modified_at": row[6]}
                for row in rows
            ]  # fmt: skip
            ids = self.op.insert_many(t.coding, values, keys_only=True)
        hashes.update(zip(map(hash, lows), ids, strict=True))
        for guid, index in renamed:
            self._coding_ids.setdefault(guid, (ids[index], True))
        self._stats["codings"] += len(ids)
        return ids

    def _insert_sqlite(self, rows: list[list[Any]]) -> list[int]:
        """The rows in one ``executemany`` under ids given here: the next ones of the
        table's AUTOINCREMENT (this write transaction is the only writer, and this import
        writes codings only here: the next id is asked once)."""
        conn = self.op.conn
        first = self._next_coding
        if first is None:
            last = conn.exec_driver_sql(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'coding'), "
                "0), coalesce((SELECT max(id) FROM coding), 0))"
            ).scalar()
            first = int(last or 0) + 1
        ids = list(range(first, first + len(rows)))
        self._next_coding = first + len(rows)
        when = operator.itemgetter(6)
        stamps = {value: _sqlite_value(value) for value in set(map(when, rows))}
        stored = list(map(stamps.__getitem__, map(when, rows)))
        columns = (map(operator.itemgetter(i), rows) for i in range(6))
        params = list(zip(ids, *columns, stored, stored, strict=True))  # built in C
        conn.exec_driver_sql(
            "INSERT INTO coding (id, guid, source_id, code_id, coder_id, start_pos, end_pos, "
            "note, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
            params,
        )
        self.op.inserted(t.coding, ids)
        return ids

    def coding_id(self, guid: str) -> int | None:
        """The id of the coding that REFI coding ``guid`` became (or matched), if any."""
        known = self._coding_ids.get(guid)
        if known is not None:
            return known[0]
        c = t.coding.c
        found = self.op.conn.execute(
            select(c.id).where(c.guid == guid, c.id > self._first_coding)
        ).scalar()
        return int(found) if found is not None else None

    # -- coding attributes ---------------------------------------------------------------
    def take_note(self, guid: str, earlier: str | None, description: str) -> bool:
        """:meth:`ProjectSink.take_note`: take the description of a note our exporter
        wrote for a coding's attributes (True when it is one). Such a note is never a
        memo: the references to it are dropped. One call per note, the parse included
        (a large project has 100k of them)."""
        values: tuple[Any, ...] | None = None
        if description.startswith(_CODING_HEAD):  # as our exporter writes it
            end = description.find("\n", _HEAD_END)
            coding, tail = (
                (description[_HEAD_END:end], description[end:])
                if end >= 0
                else (description[_HEAD_END:], "")
            )
            tails = self._tails  # the lines after the GUID repeat (100k notes, a few texts)
            values = tails.get(tail)
            if values is None and (found := _CODING_TAIL.match(tail)) is not None:
                values = _attribute_values(*found.groups())
                if len(tails) < _TAILS_KEPT:
                    tails[tail] = values
        if values is None:  # any other shape of block
            if EXTRAS_MARKER not in description:
                return False
            extras = _coding_extras(description)
            coding = extras.get(CODING_KEYS[0]) or ""
            values = _attribute_values(*(extras.get(key) for key in CODING_KEYS[1:]))
        coding = coding.strip()
        if not coding:
            return False
        self._updates.append((coding, values))
        if len(self._updates) >= _UPDATES:
            self.flush_attributes()
        refs = self.note_refs
        refs.pop(guid, None)
        if earlier is not None:
            refs.pop(earlier, None)
        return True

    def flush_attributes(self) -> None:
        """Write the queued attributes onto the codings this import created.

        Not recorded: the rows are this operation's own inserts, whose undo images are
        their keys (undo reads the rows, attributes included, back before removing them).
        """
        by_id: list[tuple[int, tuple[Any, ...]]] = []
        by_guid: list[tuple[str, tuple[Any, ...]]] = []
        known = self._coding_ids
        conn = self.op.conn
        sqlite = conn.dialect.name == "sqlite"
        hashes = self._coding_hashes if sqlite else {}
        by_hash: list[tuple[int, str, tuple[Any, ...]]] = []  # (the id its hash gave, ...)
        updates = self._updates
        guids = list(map(operator.itemgetter(0), updates))
        joined = "\n".join(guids)
        lows = guids if joined.lower() == joined else [g.lower() for g in guids]
        for (guid, values), key in zip(updates, map(hash, lows), strict=True):
            found = known.get(guid) if known else None
            if found is not None:
                if found[1]:
                    by_id.append((found[0], values))
                continue
            hashed = hashes.get(key)
            if hashed is None:
                by_guid.append((guid, values))
            else:
                by_hash.append((hashed, guid, values))
        updates.clear()
        if sqlite:  # 100k rows: no per-row processing
            sql = (
                "UPDATE coding SET valence = ?, magnitude = ?, period = ?, event_date = ?, "
                "weight = ?, note = ? WHERE "
            )
            first = self._first_coding
            if by_hash:  # by id, the GUID checked: a hash shared by two GUIDs finds no row
                ids = list(map(operator.itemgetter(0), by_hash))
                attributed = self._attributed
                fresh = attributed.isdisjoint(ids) and len(set(ids)) == len(ids)
                attributed.update(ids)
                done = (
                    self._set_given(by_hash)
                    if fresh  # every coding's first: its columns hold what the insert wrote
                    else conn.exec_driver_sql(
                        sql + "id = ? AND guid = ?",
                        [(*_sqlite_row(values), i, guid) for i, guid, values in by_hash],
                    ).rowcount
                )
                if done != len(by_hash):  # some hash pointed elsewhere: by GUID (idempotent)
                    by_guid += [(guid, values) for _i, guid, values in by_hash]
            if by_guid:
                conn.exec_driver_sql(
                    sql + "guid = ? AND id > ?",
                    [(*_sqlite_row(values), guid, first) for guid, values in by_guid],
                )
            if by_id:
                conn.exec_driver_sql(
                    sql + "id = ?", [(*_sqlite_row(values), i) for i, values in by_id]
                )
            return
        c = t.coding.c
        if by_guid:
            stmt = update(t.coding).where(c.guid == bindparam("b_guid"), c.id > self._first_coding)
            conn.execute(stmt, [{"b_guid": g, **_attributes(values)} for g, values in by_guid])
        if by_id:
            stmt = update(t.coding).where(c.id == bindparam("b_id"))
            conn.execute(stmt, [{"b_id": i, **_attributes(values)} for i, values in by_id])

    def _set_given(self, rows: list[tuple[int, str, tuple[Any, ...]]]) -> int:
        """Write the attributes of codings that have none yet (SQLite), setting only the
        columns given: a block names one or two of six (its valence, mostly), and the
        others still hold what the insert wrote. Grouped by their values (a few, shared
        by 100k codings). Returns the rows found, counting those with nothing to set."""
        members: dict[tuple[Any, ...], list[tuple[int, str]]] = {}
        for coding_id, guid, values in rows:
            found = members.get(values)
            if found is None:
                members[values] = [(coding_id, guid)]
            else:
                found.append((coding_id, guid))
        by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        done = 0
        for values, of in members.items():
            given = [
                (column, value)
                for column, value in zip(_ATTRIBUTES, _sqlite_row(values), strict=True)
                if value != _NO_ATTRS[column]
            ]
            if not given:
                done += len(of)  # as inserted: nothing to write
                continue
            set_values = tuple(value for _column, value in given)
            by_columns.setdefault(tuple(column for column, _value in given), []).extend(
                [(*set_values, coding_id, guid) for coding_id, guid in of]
            )
        conn = self.op.conn
        for columns, params in by_columns.items():
            assignments = ", ".join(f"{column} = ?" for column in columns)
            sql = f"UPDATE coding SET {assignments} WHERE id = ? AND guid = ?"
            done += conn.exec_driver_sql(sql, params).rowcount
        return done

    # -- report --------------------------------------------------------------------------
    def report_sources(self) -> None:
        """Counts and messages of the sources (after the stream)."""
        self.count("sources", self._stats["created"], self._stats["matched"])
        if self._stats["empty"]:
            self.report.add(
                "empty-sources",
                QT_TRANSLATE_NOOP("refi", "{count} source(s) without text were not imported."),
                count=self._stats["empty"],
            )

    def report_codings(self, for_cases: set[str]) -> None:
        """Counts and messages of the codings (``for_cases``: selections cases refer to)."""
        self.count("codings", self._stats["codings"], self._stats["codings matched"])
        if self._stats["whole"]:
            self.report.add(
                "whole-source-codings",
                QT_TRANSLATE_NOOP(
                    "refi", "Codes applied to {count} whole source(s) were imported as codings "
                    "of their whole text."
                ),
                m.Severity.INFO,
                count=self._stats["whole"],
            )  # fmt: skip
        if self._stats["bad"]:
            self.report.add(
                "selection-range",
                QT_TRANSLATE_NOOP(
                    "refi", "{count} selection(s) outside their source's text were not imported."
                ),
                count=self._stats["bad"],
            )
        # Selections a case refers to became case links (a speaker's turns): not lost.
        bare = sum(1 for guid in self._bare if guid not in for_cases)
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


def _note_order(
    sel_notes: list[tuple[int, str]],
    coding_notes: list[tuple[int, str, tuple[str, ...]]],
    first_of: dict[int, str],
    bad: set[int],
) -> list[tuple[str, str | None]]:
    """(note, coding GUID or None) in reading order: each selection's own notes (on its
    first coding), then its codings' notes; none of the selections in ``bad``."""
    if not coding_notes and not bad:  # the usual case: notes on selections only
        return [(note, first_of.get(at)) for at, note in sel_notes]
    own: dict[int, list[str]] = {}
    for at, note in sel_notes:
        own.setdefault(at, []).append(note)
    of_codings: dict[int, list[tuple[str, str | None]]] = {}
    for at, guid, notes in coding_notes:
        of_codings.setdefault(at, []).extend((note, guid) for note in notes)
    out: list[tuple[str, str | None]] = []
    for at in sorted(own.keys() | of_codings.keys()):
        if at not in bad:
            first = first_of.get(at)
            out += [(note, first) for note in own.get(at, ())]
            out += of_codings.get(at, ())
    return out


_AT = operator.itemgetter(0)  # the selection of a coding or note row
_GUID = operator.itemgetter(1)  # the GUID of a coding row


def _attribute_values(
    valence: str | None,
    magnitude: str | None,
    period: str | None,
    event: str | None,
    weight: str | None,
    note: str | None,
) -> tuple[Any, ...]:
    """A coding's attribute values from the texts of a coding-attributes block
    (``None``: a key not given)."""
    valence = valence.strip() if valence else None
    date: dt.date | None = None
    if event and (event := event.strip()):
        try:
            date = dt.date.fromisoformat(event)
        except ValueError:
            date = None
    return (
        valence if valence in VALENCES else None,
        (magnitude.strip()[:32] or None) if magnitude else None,
        (period.strip()[:64] or None) if period else None,
        date,
        (weight.strip()[:32] or None) if weight else None,
        note or "",
    )


#: A coding-attributes block as our exporter writes it: this head, the GUID, then the
#: other keys in CODING_KEYS order, one line each (:data:`_CODING_TAIL`, one match);
#: anything else is read by :func:`_coding_extras`.
_CODING_HEAD = f"{EXTRAS_MARKER}\n{CODING_KEYS[0]}: "
_HEAD_END = len(_CODING_HEAD)
_CODING_TAIL = re.compile(
    "".join(rf"(?:\n{re.escape(key)}: ([^\n]*))?" for key in CODING_KEYS[1:]) + r"\Z"
)
_TAILS_KEPT = 4096  # distinct tails remembered: the same few texts follow most GUIDs


def _coding_extras(description: str) -> dict[str, str]:
    """The extras of a coding-attributes note: as :func:`decode_extras` gives them, read
    directly when every line of the block is ``Key: value`` of a coding key (the way our
    exporter writes them, 100k times in a large project)."""
    head, marker, block = description.rpartition(EXTRAS_MARKER + "\n")
    if marker and (not head or head.endswith("\n")):
        extras: dict[str, str] = {}
        for line in block.split("\n"):
            key, sep, value = line.partition(": ")
            if not sep or key not in _CODING_KEY_SET or key in extras:
                break
            extras[key] = value
        else:
            return extras
    return decode_extras(description, CODING_KEYS)[1]


_CODING_KEY_SET = frozenset(CODING_KEYS)


_ATTRIBUTES = ("valence", "magnitude", "period", "event_date", "weight", "note")


def _attributes(values: tuple[Any, ...]) -> dict[str, Any]:
    """A coding's attribute columns from their values in :data:`_ATTRIBUTES` order."""
    return dict(zip(_ATTRIBUTES, values, strict=True))


def _sqlite_value(value: Any) -> Any:
    """A value as SQLAlchemy stores it in SQLite: datetimes and dates as ISO text, a
    JSON document as its text."""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def _sqlite_row(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """Attribute values (and what follows them) as SQLAlchemy stores them in SQLite (the
    event date as ISO text)."""
    event = values[3]
    if event is None:
        return values
    return (*values[:3], _sqlite_value(event), *values[4:])


def _count_sources(path: Path) -> int:
    """How many source texts an archive carries (for progress; 0 when unknown)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return sum(1 for name in zf.namelist() if name.lower().startswith("sources/"))
    except (OSError, zipfile.BadZipFile):
        return 0


class _Row:
    """A just-created source, shaped like a query row."""

    def __init__(self, id: int, name: str, length: int) -> None:
        self.id, self.name, self.length = id, name, length


def naive(value: dt.datetime | None) -> dt.datetime | None:
    """A timestamp as the database stores it (naive UTC)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
