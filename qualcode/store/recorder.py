"""Operations: one transaction that records every row it writes.

Every change to a project goes through an :class:`Operation`. Its write
methods run SQLAlchemy Core statements with ``RETURNING`` so the exact row
images land in the operation's change list at no extra query; the history
turns that list into an undo step, an audit entry and a change set. Core (not
ORM) statements keep bulk work fast: 10k codings move in one statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, delete, insert, select, update

from qualcode.changes import ChangeSet
from qualcode.store import rowcodec
from qualcode.store.large import insert_row, is_large
from qualcode.store.models import Base

Row = dict[str, Any]
# ["i", table, [rows]] | ["d", table, [rows]] | ["u", table, [[before, after]]]; an insert's
# row may lack its large columns (history reads them back when the insert is undone).
Entry = list[Any]

_CHUNK = 500  # ids per IN (...) clause, below every engine's parameter limit


def _as_dict(table: Table, row: Sequence[Any]) -> Row:
    return {c.name: row[i] for i, c in enumerate(table.c)}


def chunks(ids: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    """Split ``ids`` into slices small enough for an ``IN`` clause."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


class Operation:
    """A named change in progress; create it through ``Project.operation``."""

    def __init__(
        self,
        conn: Connection,
        name: str,
        label: str,
        *,
        coder: str,
        coder_id: int,
        parent: Operation | None = None,
    ) -> None:
        self.conn = conn
        self.name = name
        self.label = label
        self.coder = coder
        self.coder_id = coder_id
        self.parent = parent
        self.entries: list[Entry] = []
        self.summary: dict[str, Any] = {}
        self.result: Any = None
        self.changes: ChangeSet[Any] | None = None
        # Checks each written entry before it is kept (review mode): raising rolls back.
        self.guard: Callable[[Entry], None] | None = None
        self._packer: rowcodec.Packer | None = None
        self._spooled_ids: dict[str, set[int]] = {}
        self._spooled_rows: dict[str, dict[str, int]] = {}

    @property
    def changeset(self) -> ChangeSet[Any]:
        """What the finished operation changed: a manager method's return value."""
        if self.changes is None:
            raise RuntimeError(f"operation {self.name} has not finished")
        return self.changes

    # -- recording -----------------------------------------------------------
    def _record(self, entry: Entry, keys: Sequence[int] | None = None) -> None:
        """Keep one change entry (``keys``: the ids of a keys-only insert entry)."""
        if self.guard is not None:
            self.guard(entry)
        if self._packer is not None:
            self._spool(entry, keys)
        else:
            self.entries.append(entry)
        if self.parent is not None:
            self.parent._record(entry, keys)

    def spool(self) -> None:
        """Keep the row images compressed as they are written, not as dictionaries.

        For bulk work (a whole project imported): undo, redo, the audit and the
        change set are the same, only the memory differs; ``entries`` stays empty.
        Inside another operation it does nothing (the outer one keeps the images).
        """
        if self.parent is not None or self._packer is not None:
            return
        self._packer = rowcodec.Packer()
        entries, self.entries = self.entries, []
        for entry in entries:
            self._spool(entry)

    def _spool(self, entry: Entry, keys: Sequence[int] | None = None) -> None:
        assert self._packer is not None
        kind, table, rows = entry
        self._packer.add(entry, keys_only=True if keys is not None else None)
        if keys is not None:
            self._spooled_ids.setdefault(table, set()).update(keys)
        else:
            for name, ids in touched_ids([entry]).items():
                self._spooled_ids.setdefault(name, set()).update(ids)
        self._count_spooled(table, kind, len(rows))

    def _count_spooled(self, table: str, kind: str, rows: int) -> None:
        counts = self._spooled_rows.setdefault(table, {})
        counts[kind] = counts.get(kind, 0) + rows

    @property
    def recorded(self) -> bool:
        """Whether the operation wrote anything."""
        return bool(self.entries) or (self._packer is not None and self._packer.count > 0)

    def packed(self) -> bytes:
        """The recorded entries as the undo history stores them (see ``rowcodec``)."""
        if self._packer is not None:
            return self._packer.finish()
        return rowcodec.pack(self.entries)

    def row_counts(self) -> dict[str, dict[str, int]]:
        """Rows written per table and kind (``i``/``u``/``d``)."""
        out: dict[str, dict[str, int]] = {t: dict(c) for t, c in self._spooled_rows.items()}
        for kind, table, rows in self.entries:
            per = out.setdefault(table, {})
            per[kind] = per.get(kind, 0) + len(rows)
        return out

    def note(self, **summary: Any) -> None:
        """Add before/after facts to the audit entry of this operation."""
        self.summary.update(summary)

    def lock(self, table: Table, row_id: int) -> None:
        """Hold ``table``'s row ``row_id`` until this operation ends, before reading it.

        Read-check-write (a version check, ``version + 1``) is then safe against a
        concurrent client on PostgreSQL; SQLite's write transactions already
        exclude each other, so there it is a no-op.
        """
        if self.conn.dialect.name != "sqlite":
            self.conn.execute(select(table.c.id).where(table.c.id == row_id).with_for_update())

    # -- writes --------------------------------------------------------------
    def insert(self, table: Table, values: Mapping[str, Any]) -> int:
        """Insert one row and return its id.

        A large value (a transcript's text, its original file) is streamed into
        the row and left out of the undo image (see :mod:`qualcode.store.large`).
        """
        if any(is_large(v) for v in values.values()):
            small = [c.name for c in table.c if not is_large(values.get(c.name))]
            image = insert_row(self.conn, table, values, small)
        else:
            row = self.conn.execute(insert(table).values(dict(values)).returning(*table.c)).one()
            image = _as_dict(table, row)
        self._record(["i", table.name, [image]])
        return int(image["id"]) if "id" in image else 0

    def insert_many(
        self, table: Table, rows: Sequence[Mapping[str, Any]], *, keys_only: bool = False
    ) -> list[int]:
        """Insert many rows (all with the same keys) and return their ids in order.

        ``keys_only=True`` records only each new row's key: undo reads the rest back
        from the table before removing the rows (as for large values), so a bulk
        import's undo step stays a list of ids instead of a copy of every row.
        """
        if not rows:
            return []
        if keys_only:
            key = _pk_column(table)
            stmt = _KEY_INSERTS.get(table)
            if stmt is None:  # built once: a bulk import inserts row by row per source
                stmt = _KEY_INSERTS[table] = insert(table).returning(key)
            result = self.conn.execute(stmt, rows)
            ids = sorted(int(r[0]) for r in result)
            self.inserted(table, ids)
            return ids
        # Without ``sort_by_parameter_order`` SQLAlchemy batches the rows into
        # multi-row INSERTs (100x faster on SQLite). Autoincrement ids are handed
        # out in VALUES order within a statement, so sorting by id restores it.
        stmt = _ROW_INSERTS.get(table)
        if stmt is None:
            stmt = _ROW_INSERTS[table] = insert(table).returning(*table.c)
        result = self.conn.execute(stmt, [dict(r) for r in rows])
        images = [_as_dict(table, r) for r in result]
        if "id" in table.c:
            images.sort(key=lambda img: img["id"])
        self._record(["i", table.name, images])
        return [int(i["id"]) for i in images if "id" in i]

    def inserted(self, table: Table, ids: Sequence[int]) -> None:
        """Record rows the caller inserted with its own bulk statement, by key only (as
        ``insert_many(keys_only=True)``: undo reads them back before removing them)."""
        if not ids:
            return
        name = _pk_column(table).name
        packer = self._packer
        if packer is not None and self.guard is None and self.parent is None:
            packer.add_keys(table.name, name, list(ids))  # what _spool writes, without rows
            self._spooled_ids.setdefault(table.name, set()).update(ids)
            self._count_spooled(table.name, "i", len(ids))
            return
        self._record(["i", table.name, [{name: i} for i in ids]], ids)

    def update(self, table: Table, row_id: int, values: Mapping[str, Any]) -> Row:
        """Update one row by its primary key; return its image before the change."""
        pairs = self.update_where(table, _pk_column(table) == row_id, values)
        if not pairs:
            raise LookupError(f"{table.name} {row_id} does not exist")
        return pairs[0][0]

    def update_where(
        self,
        table: Table,
        where: ColumnElement[bool],
        values: Mapping[str, Any],
        *,
        narrow: bool = False,
    ) -> list[tuple[Row, Row]]:
        """Update every row matching ``where``; return (before, after) image pairs.

        ``narrow=True`` records only the key and the changed columns, for rows
        with large columns the change leaves alone (a source's original file
        beside its text); undo and redo need no more than that.
        """
        key = _pk_column(table)
        columns = [key, *(table.c[k] for k in values)] if narrow else list(table.c)
        query = select(*columns).where(where)
        if self.conn.dialect.name == "postgresql":
            query = query.with_for_update()  # the before-images stay true until commit
        befores = {r[key.name]: r for r in (dict(row._mapping) for row in self.conn.execute(query))}
        if not befores:
            return []
        ids = list(befores)
        pairs: list[tuple[Row, Row]] = []
        for part in chunks(ids):
            stmt = update(table).where(key.in_(part)).values(dict(values))
            for row in self.conn.execute(stmt.returning(*columns)):
                after = dict(row._mapping)
                pairs.append((befores[after[key.name]], after))
        self._record(["u", table.name, [[b, a] for b, a in pairs]])
        return pairs

    def delete(self, table: Table, row_id: int) -> Row:
        """Delete one row by id and return its image."""
        rows = self.delete_where(table, table.c.id == row_id)
        if not rows:
            raise LookupError(f"{table.name} {row_id} does not exist")
        return rows[0]

    def delete_where(self, table: Table, where: ColumnElement[bool]) -> list[Row]:
        """Delete every row matching ``where``; return their images."""
        images = [
            _as_dict(table, r)
            for r in self.conn.execute(delete(table).where(where).returning(*table.c))
        ]
        if images:
            self._record(["d", table.name, images])
        return images

    # -- outcome -------------------------------------------------------------
    def touched(self) -> dict[str, frozenset[int]]:
        """Ids per table that this operation wrote."""
        found = touched_ids(self.entries)
        for table, ids in self._spooled_ids.items():
            found[table] = found.get(table, frozenset()) | ids
        return found


#: Statements built once per table (SQLAlchemy reuses their compiled form either way;
#: building one costs as much as running it for a one-row insert).
_KEY_INSERTS: dict[Table, Any] = {}  # table -> INSERT ... RETURNING its key
_ROW_INSERTS: dict[Table, Any] = {}  # table -> INSERT ... RETURNING the whole row


def _pk_column(table: Table) -> Any:
    """The single-column primary key of ``table`` (``id``, or ``source_id`` of source_content)."""
    (column,) = table.primary_key.columns
    return column


def touched_ids(entries: Iterable[Entry]) -> dict[str, frozenset[int]]:
    """Ids per table named by a list of change entries.

    A table whose primary key is not a single integer column (key/value tables)
    is reported with an empty id set: it changed, but has no ids to name.
    """
    out: dict[str, set[int]] = {}
    for kind, table, rows in entries:
        bucket = out.setdefault(table, set())
        pk = [c.name for c in Base.metadata.tables[table].primary_key.columns]
        if len(pk) != 1:
            continue
        for row in rows:
            value = (row[1] if kind == "u" else row)[pk[0]]
            if isinstance(value, int):
                bucket.add(value)
    return {t: frozenset(ids) for t, ids in out.items()}
