"""Team projects: copy a project between a file and a PostgreSQL server, and poll for changes.

``push`` and ``pull`` copy every table row for row (ids, GUIDs, undo history and
audit log included) in one transaction on the target, then set the target's id
counters past every id the source ever handed out, so undo keeps working on
either side. ``poll_changes`` is the cheap query a UI runs on a timer to see
other coders' work without reopening the project; :func:`remote_activity`
turns what it found into a :class:`ChangeSet` the views redraw from and a
per-coder summary ("ana coded 3 passages").
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, insert, inspect, select

from qualcode.changes import ChangeSet
from qualcode.errors import ProjectError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import AuditRecord
from qualcode.store import migrations, rowcodec, sequences
from qualcode.store.engine import WRITE, checkpoint, is_url, make_engine, public_location
from qualcode.store.models import AuditEntry, Base, UndoStep
from qualcode.store.recorder import chunks, touched_ids

if TYPE_CHECKING:
    from qualcode.project import Project

_BATCH = 1000
POLL_LIMIT = 1000
"""Most audit entries one poll returns; ``ChangePoll.more`` says to poll again."""


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What a push or pull copied: rows per table and where to."""

    source: str
    target: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        """All rows copied."""
        return sum(self.rows.values())


@dataclass(frozen=True, slots=True)
class ChangePoll:
    """The result of :func:`poll_changes`: new audit entries (oldest first) and the next token."""

    token: int
    entries: tuple[AuditRecord, ...]
    more: bool

    @property
    def changed(self) -> bool:
        """True if anything was changed since the token polled with."""
        return bool(self.entries)

    def by_others(self, coder: str) -> tuple[AuditRecord, ...]:
        """The entries made by coders other than ``coder`` (what a UI must reload for)."""
        return tuple(e for e in self.entries if e.coder != coder)


def poll_changes(project: Project, token: int | None) -> ChangePoll:
    """Audit entries newer than ``token`` (one indexed query); ``None`` gives the current token.

    Audit ids are committed in increasing order on both engines (SQLite has one
    writer; on PostgreSQL the audit insert is serialised until commit), so no
    change committed after a poll can carry an id at or below its token.
    """
    table = AuditEntry.__table__
    with project.reading() as conn:
        if token is None:
            top = conn.execute(select(func.max(table.c.id))).scalar()
            return ChangePoll(int(top or 0), (), False)
        rows = conn.execute(
            select(table).where(table.c.id > token).order_by(table.c.id).limit(POLL_LIMIT)
        ).all()
    entries = tuple(AuditRecord(*row) for row in rows)
    return ChangePoll(entries[-1].id if entries else token, entries, len(rows) == POLL_LIMIT)


@dataclass(frozen=True, slots=True)
class RemoteActivity:
    """What audit entries (usually other coders') changed, ready for a UI.

    ``changes`` names every row they touched, so views redraw as for a local
    change; ``coded`` counts passages coded per coder (codings their
    operations inserted; undo excluded) and ``operations`` entries per coder.
    """

    changes: ChangeSet[None]
    coded: dict[str, int]
    operations: dict[str, int]

    @property
    def empty(self) -> bool:
        """True if there was nothing to report."""
        return not self.operations


REMOTE_OP = "team.remote"
"""The ``op`` of change sets made by :func:`remote_activity`."""


def remote_activity(project: Project, entries: Sequence[AuditRecord]) -> RemoteActivity:
    """The change set and per-coder summary of ``entries`` (from :func:`poll_changes`).

    Row ids come from each entry's undo step (one query per 500 steps). A step
    that no longer exists (pruned from the bounded history, or an undone step
    dropped since) cannot say which rows it touched: the change set then names
    every table with no ids, which views treat as "reload everything".
    """
    wanted = sorted({e.step_id for e in entries if e.step_id is not None})
    steps: dict[int, list[Any]] = {}
    table = UndoStep.__table__
    if wanted:
        with project.reading() as conn:
            for part in chunks(wanted):
                for sid, blob in conn.execute(
                    select(table.c.id, table.c.changes).where(table.c.id.in_(part))
                ):
                    steps[int(sid)] = rowcodec.unpack(blob)
    touched: dict[str, set[int]] = {}
    coded: dict[str, int] = {}
    operations: dict[str, int] = {}
    missing = False
    for entry in entries:
        operations[entry.coder] = operations.get(entry.coder, 0) + 1
        if entry.step_id is None:
            continue
        step = steps.get(entry.step_id)
        if step is None:
            missing = True
            continue
        for name, ids in touched_ids(step).items():
            touched.setdefault(name, set()).update(ids)
        if entry.op != "undo":
            n = sum(len(rows) for kind, name, rows in step if kind == "i" and name == "coding")
            if n:
                coded[entry.coder] = coded.get(entry.coder, 0) + n
    if missing:
        for name in Base.metadata.tables:
            touched.setdefault(name, set())
    label = QT_TRANSLATE_NOOP("operations", "Changes by other coders")
    changes: ChangeSet[None] = ChangeSet(
        REMOTE_OP, label, {k: frozenset(v) for k, v in touched.items()}
    )
    return RemoteActivity(changes, coded, operations)


# -- copying -------------------------------------------------------------------------------


def push(
    file: str | Path, url: str, *, force: bool = False, password: str | None = None
) -> CopyReport:
    """Copy the project file ``file`` into the (empty) database at ``url``.

    An encrypted ``file`` opens with ``password``, else with ``QUALCODE_PASSWORD`` or the
    keyring's (a clear error when none is known).
    """
    if not is_url(url):
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a database URL."), path=str(url)
        )
    from qualcode.project import Project
    from qualcode.store.opening import connect

    with Project.open(file, read_only=True, password=password) as source:
        engine = make_engine(url)
        try:
            with (
                source.engine.connect() as src,
                src.begin(),
                connect(engine, public_location(url)).execution_options(**WRITE) as dst,
                dst.begin(),
            ):
                if dst.dialect.name == "postgresql":
                    dst.execute(select(func.pg_advisory_xact_lock(sequences.MIGRATION_LOCK)))
                _prepare_target(dst, public_location(url), force=force)
                rows = _copy(src, dst)
        finally:
            engine.dispose()
    return CopyReport(str(Path(file).resolve()), public_location(url), rows)


def pull(
    url: str, file: str | Path, *, force: bool = False, password: str | None = None
) -> CopyReport:
    """Copy the project at ``url`` into a new project file ``file``.

    An existing ``file`` is replaced only with ``force``, atomically: the new
    copy is written beside it and renamed over it once complete. An encrypted
    ``file`` stays encrypted with its password (``password``, else
    ``QUALCODE_PASSWORD`` or the keyring's); a new file is encrypted when
    ``password`` is given.
    """
    from qualcode.lock import ProjectLock
    from qualcode.project import Project
    from qualcode.store.opening import cipher_password

    path = Path(file).resolve()
    if path.exists() and not force:
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "{path} already exists (use --force to replace it)."),
            path=str(path),
        )
    if path.exists():  # checked before anything is copied; a plain file gives None
        password = cipher_password(path, password)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = ProjectLock(path) if path.exists() else None
    if lock is not None:
        lock.acquire()  # nobody may have the file open while it is replaced
    tmp = path.with_name(path.name + ".pulling")
    _remove_sqlite(tmp)
    try:
        with Project.open(url, read_only=True) as source:
            if source.info().schema_version != migrations.SCHEMA_VERSION:
                raise ProjectError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{path} uses an older project format; open it once for writing to "
                        "upgrade it, then pull.",
                    ),
                    path=source.location,
                )
            engine = make_engine(tmp, password=password)
            try:
                with (
                    source.engine.connect() as src,
                    src.begin(),
                    engine.connect().execution_options(**WRITE) as dst,
                    dst.begin(),
                ):
                    _prepare_target(dst, str(tmp), force=False)
                    rows = _copy(src, dst)
                checkpoint(engine)
            finally:
                engine.dispose()
        for extra in ("-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException:
        _remove_sqlite(tmp)
        raise
    finally:
        if lock is not None:
            lock.release()
    return CopyReport(source.location, str(path), rows)


def _remove_sqlite(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + extra).unlink(missing_ok=True)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _prepare_target(conn: Connection, location: str, *, force: bool) -> None:
    """Refuse a target holding data (unless ``force``: then drop our tables), create the schema."""
    present = set(inspect(conn).get_table_names())
    ours = [t for t in _tables() if t.name in present]
    holds_data = migrations.read_version(conn) is not None or any(
        conn.execute(select(func.count()).select_from(t)).scalar() for t in ours
    )
    if holds_data and not force:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "errors", "{path} already holds a project (use --force to replace it)."
            ),
            path=location,
        )
    if ours:
        Base.metadata.drop_all(conn, tables=ours)
    Base.metadata.create_all(conn)


def _copy(src: Connection, dst: Connection) -> dict[str, int]:
    """Copy every table's rows from ``src`` to ``dst``; set ``dst``'s id counters."""
    tables = _tables()
    copied: dict[str, int] = {}
    for table in tables:
        count = 0
        for batch in _batches(src, table):
            dst.execute(insert(table), batch)
            count += len(batch)
        copied[table.name] = count
    sequences.set_counters(dst, tables, sequences.counters(src, tables))
    return copied


def _batches(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    """Rows of ``table`` in id order, parents before children for self-referencing tables."""
    names = [c.name for c in table.c]
    order = [table.c[c.name] for c in table.primary_key.columns]
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    result = conn.execution_options(stream_results=True, yield_per=_BATCH).execute(
        select(table).order_by(*order)
    )
    if not self_refs:
        for part in result.partitions(_BATCH):
            yield [dict(zip(names, row, strict=True)) for row in part]
        return
    rows = [dict(zip(names, row, strict=True)) for row in result]
    ordered = _parents_first(rows, self_refs)
    for i in range(0, len(ordered), _BATCH):
        yield ordered[i : i + _BATCH]


def _parents_first(rows: Sequence[dict[str, Any]], refs: Sequence[str]) -> list[dict[str, Any]]:
    """Order rows so that each row comes after the rows it references."""
    pending = list(rows)
    done: set[Any] = set()
    out: list[dict[str, Any]] = []
    while pending:
        ready = [r for r in pending if all(r[c] is None or r[c] in done for c in refs)]
        if not ready:  # a reference cycle or a dangling id: keep the rest in id order
            out.extend(pending)
            break
        out.extend(ready)
        done.update(r["id"] for r in ready)
        taken = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in taken]
    return out
