"""The ``Project`` facade: open or create a project and change it only through operations.

A project is one SQLite file (``.qdaproj``) or, for teams, a database URL. The
facade owns the engine, the lock and the undo history, and exposes one manager
per kind of object (``project.codes``, ``project.codings``, ``project.sources``,
``project.cases``, ``project.attributes``, ``project.memos``, ``project.displays``,
``project.cells``, ``project.conclusions``, ``project.review``, ``project.maps``). Reads return
frozen records; every mutation runs in :meth:`Project.operation`, is recorded
for undo and audit, and is broadcast to listeners as a :class:`ChangeSet`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, func, insert, select

from qualcode import ownership
from qualcode.changes import ChangeSet
from qualcode.errors import (
    BackupSkippedError,
    NewerSchemaError,
    OlderSchemaError,
    ProjectError,
    ProjectLockedError,
    QualCodeError,
    ReadOnlyError,
    ValidationError,
)
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.lock import ProjectLock
from qualcode.records import AuditRecord, ProjectSummary
from qualcode.settings import Settings, resolve_coder
from qualcode.store import backup, history, migrations, opening, server
from qualcode.store import tables as t
from qualcode.store.engine import (
    WRITE,
    checkpoint,
    is_url,
    make_engine,
    public_location,
)
from qualcode.store.models import AuditEntry, Base, Code, Coder, Coding, Memo, ProjectInfo, Source
from qualcode.store.models import Case as CaseModel
from qualcode.store.recorder import Operation, touched_ids
from qualcode.team import roles as team_roles

PROJECT_SUFFIX = ".qdaproj"

if TYPE_CHECKING:
    from qualcode.team.sync import ChangePoll

Listener = Callable[[ChangeSet[Any]], None]


class Project:
    """An open QualCode project. Use :meth:`create` or :meth:`open`, ideally in ``with``."""

    def __init__(
        self,
        engine: Engine,
        *,
        location: str,
        read_only: bool,
        coder: str,
        lock: ProjectLock | None = None,
        review: bool = False,
    ) -> None:
        self.engine = engine
        self.location = location
        self.read_only = read_only
        self.review_mode = review and not read_only
        self.coder = coder
        self._lock = lock
        self._coder_id: int | None = None
        # None = unknown (check), False = this coder has no undone steps to drop.
        self._redo_possible: bool | None = None
        self._listeners: list[Listener] = []
        self._write_mutex = threading.RLock()
        self._local = threading.local()
        self._closed = False
        self.encrypted = False  # an encrypted (SQLCipher) project file
        self.warnings: list[QualCodeError] = []
        """What went wrong without stopping the open (a backup that could not be made)."""
        # Managers import the facade's operation API; imported here to avoid cycles.
        # The search index keeps derived rows per source; importing it registers the
        # hook that drops them when a source is deleted, in the same transaction.
        import qualcode.search.index  # noqa: F401
        from qualcode.analysis.cells import CellManager
        from qualcode.analysis.conclusions import ConclusionManager
        from qualcode.analysis.review import ReviewManager
        from qualcode.analysis.saved import DisplayManager
        from qualcode.cases.attributes import AttributeManager
        from qualcode.cases.manager import CaseManager
        from qualcode.coding.codes import CodeManager
        from qualcode.coding.codings import CodingManager
        from qualcode.coding.memos import MemoManager
        from qualcode.coding.sets import SetManager
        from qualcode.identity import IdentityManager
        from qualcode.sources.manager import SourceManager

        self.sources = SourceManager(self)
        self.cases = CaseManager(self)
        self.attributes = AttributeManager(self)
        self.codes = CodeManager(self)
        self.codings = CodingManager(self)
        self.memos = MemoManager(self)
        self.sets = SetManager(self)
        self.identities = IdentityManager(self)
        self.displays = DisplayManager(self)
        self.cells = CellManager(self)
        self.conclusions = ConclusionManager(self)
        from qualcode.analysis.maps import MapManager

        self.maps = MapManager(self)
        from qualcode.analysis.effect_types import EffectTypeManager

        self.effects = EffectTypeManager(self)
        from qualcode.analysis.member_checks import MemberCheckManager

        self.member_checks = MemberCheckManager(self)
        from qualcode.analysis.decision_rules import DecisionRuleManager

        self.decision_rules = DecisionRuleManager(self)
        self.review = ReviewManager(self)

    # -- lifecycle -------------------------------------------------------------
    @classmethod
    def create(
        cls,
        target: str | Path,
        *,
        coder: str | None = None,
        title: str | None = None,
        overwrite: bool = False,
        password: str | None = None,
    ) -> Project:
        """Create a new, empty project at ``target`` (a file path or a database URL); with a
        ``password`` the file is encrypted (:mod:`qualcode.store.cipher`)."""
        coder_name = resolve_coder(coder)
        lock: ProjectLock | None = None
        if not is_url(target):
            path = Path(target)
            if path.exists():
                if not overwrite:
                    raise ProjectError(
                        QT_TRANSLATE_NOOP("errors", "{path} already exists."), path=str(path)
                    )
                path.unlink()
                for extra in (
                    path.with_name(path.name + "-wal"),
                    path.with_name(path.name + "-shm"),
                ):
                    extra.unlink(missing_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = ProjectLock(path, coder_name)
            lock.acquire()
            location = str(path.resolve())
        else:
            location = public_location(target)
        engine = make_engine(target, password=None if is_url(target) else password)
        try:
            with (
                opening.explained(location),
                opening.connect(engine, location).execution_options(**WRITE) as conn,
                conn.begin(),
            ):
                opening.schema_lock(conn)
                if migrations.read_version(conn) is not None:
                    raise ProjectError(
                        QT_TRANSLATE_NOOP("errors", "{path} already holds a project."),
                        path=location,
                    )
                Base.metadata.create_all(conn)
                opening.stamp_new(conn, title or Path(location).stem)
        except BaseException:
            engine.dispose()
            if lock:
                lock.release()
            raise
        project = cls(engine, location=location, read_only=False, coder=coder_name, lock=lock)
        project.encrypted = password is not None and not is_url(target)
        return project

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        coder: str | None = None,
        read_only: bool = False,
        backups: bool = True,
        password: str | None = None,
        review: bool = False,
    ) -> Project:
        """Open an existing project, upgrading an older schema after a backup copy.

        An encrypted file needs its ``password`` (else ``QUALCODE_PASSWORD`` or the keyring's
        is used): :class:`PasswordRequiredError` without one, :class:`WrongPasswordError`
        for a wrong one; either way nothing was written.

        With ``backups`` a rolling backup copy is made if the last is older than
        :data:`qualcode.store.backup.ROLLING_INTERVAL`; if it cannot be made the
        project opens anyway and :attr:`warnings` says why.

        Raises :class:`NewerSchemaError` (file untouched) for a project from a newer
        QualCode and :class:`ProjectLockedError` if another process has it open for
        writing (open it with ``read_only=True`` or ``review=True`` instead).

        ``review=True`` opens the project for review (see :mod:`qualcode.ownership`):
        only review comments and the reviewer's own codings can change, so it may
        be opened while the student has it open (without the lock, and without a
        backup copy: the reviewer cannot damage the student's work).
        """
        coder_name = resolve_coder(coder)
        if is_url(target):
            with opening.explained(public_location(target)):
                return cls._open_url(str(target), coder_name, read_only, review)
        path = Path(target).resolve()
        with opening.explained(path):
            return cls._open_file(
                path,
                coder_name,
                read_only=read_only,
                backups=backups,
                password=password,
                review=review,
            )

    @classmethod
    def _open_file(
        cls,
        path: Path,
        coder_name: str,
        *,
        read_only: bool,
        backups: bool,
        password: str | None,
        review: bool = False,
    ) -> Project:
        key = opening.cipher_password(path, password)
        found = opening.check_file(path, key)
        if found > migrations.SCHEMA_VERSION:
            raise NewerSchemaError(found=found, supported=migrations.SCHEMA_VERSION)
        if read_only:
            if found < migrations.SCHEMA_VERSION:
                raise OlderSchemaError(path=str(path))
            engine = make_engine(path, read_only=True, password=key)
            opened = cls(engine, location=str(path), read_only=True, coder=coder_name)
            opened.encrypted = key is not None
            return opened
        lock = ProjectLock(path, coder_name)
        if review and found == migrations.SCHEMA_VERSION:
            try:
                lock.acquire()
            except ProjectLockedError:
                engine = make_engine(path, password=key)
                reviewing = cls(
                    engine, location=str(path), read_only=False, coder=coder_name, review=True
                )
            else:
                engine = make_engine(path, password=key)
                reviewing = cls(
                    engine, location=str(path), read_only=False, coder=coder_name, lock=lock,
                    review=True,
                )  # fmt: skip
            reviewing.encrypted = key is not None
            return reviewing
        lock.acquire()
        try:
            warnings: list[QualCodeError] = []
            if found < migrations.SCHEMA_VERSION:  # no upgrade without its copy
                backup.make_backup(path, reason=f"before-upgrade-from-v{found}", password=key)
                backup.prune(path)
            elif backups:
                try:
                    backup.backup_if_due(path, keep=Settings.load().backups_kept, password=key)
                except QualCodeError as exc:  # a full disk must not keep the project shut
                    warnings.append(BackupSkippedError(reason=exc.message))
            engine = make_engine(path, password=key)
            if found < migrations.SCHEMA_VERSION:
                opening.upgrade(engine, found)
        except BaseException:
            lock.release()
            raise
        project = cls(
            engine, location=str(path), read_only=False, coder=coder_name, lock=lock, review=review
        )
        project.warnings = warnings
        project.encrypted = key is not None
        return project

    @staticmethod
    def check_password(target: str | Path, password: str | None = None) -> None:
        """Raise :class:`PasswordRequiredError` or :class:`WrongPasswordError` if ``target`` is an
        encrypted file that ``password`` (or ``QUALCODE_PASSWORD``, or the keyring) does not
        open; nothing is written."""
        if not is_url(target):
            opening.cipher_password(Path(target).resolve(), password)

    @staticmethod
    def backups(path: str | Path) -> list[backup.BackupInfo]:
        """The backup copies of the project file at ``path``, newest first (numbered from 1)."""
        return backup.backups(Path(path).resolve())

    @staticmethod
    def restore_backup(
        path: str | Path, which: str | None = None, *, coder: str | None = None
    ) -> backup.BackupInfo:
        """Replace the (closed) project file with backup ``which`` (None: the newest).

        The current file is kept as a ``before-restore`` backup first; raises
        :class:`ProjectLockedError` while the project is open anywhere.
        """
        target = Path(path).resolve()
        with opening.explained(target):
            return backup.restore(target, which, user=resolve_coder(coder))

    @classmethod
    def _open_url(cls, url: str, coder: str, read_only: bool, review: bool = False) -> Project:
        engine = make_engine(url)
        location = public_location(url)
        try:
            # The lock (PostgreSQL) keeps two clients from upgrading at once: the
            # second waits, then finds the schema current.
            with opening.connect(engine, location).execution_options(**WRITE) as conn, conn.begin():
                opening.schema_lock(conn)
                found = migrations.read_version(conn)
                if found is None:
                    raise ProjectError(
                        QT_TRANSLATE_NOOP("errors", "{path} holds no QualCode project."),
                        path=location,
                    )
                if found > migrations.SCHEMA_VERSION:
                    raise NewerSchemaError(found=found, supported=migrations.SCHEMA_VERSION)
                if found < migrations.SCHEMA_VERSION:
                    if read_only:  # the models would not match the older tables
                        raise OlderSchemaError(path=location)
                    opening.upgrade_in(conn, found)
                # On a team database the login decides who acts (see qualcode.team.roles).
                member = team_roles.current_member(conn)
        except BaseException:
            engine.dispose()
            raise
        server.remember(engine, member)
        if member is not None:
            coder = member.coder
        return cls(engine, location=location, read_only=read_only, coder=coder, review=review)

    def close(self) -> None:
        """Release the database and the lock. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            if not self.read_only:
                checkpoint(self.engine)
        except Exception:  # the data is safe in the WAL either way
            pass
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has run (a worker may still hold the object)."""
        return self._closed

    def switch_coder(self, name: str) -> None:
        """Act as another coder from now on: new operations, undo and redo are theirs.

        Each coder has their own undo history, so after switching, Undo takes back
        the new coder's last step. On a team server the coder is the login and
        cannot be switched.
        """
        clean = " ".join((name or "").split())
        if not clean:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A coder needs a name."))
        if len(clean) > 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A coder's name is at most 100 characters long.")
            )
        if is_url(self.location):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "On a team server you code as your login; sign in as another user."
                )
            )
        self.coder = clean
        self._coder_id = None
        self._redo_possible = None
        if self._lock is not None:
            self._lock.rename(clean)

    @property
    def content_read_only(self) -> bool:
        """Whether the student's work (codes, sources, conclusions...) is closed to changes.

        True when read-only or open for review; comments (and, in review mode,
        the reviewer's own codings) may still be writable.
        """
        return self.read_only or self.review_mode

    @property
    def role(self) -> str | None:
        """This login's team role (``owner``/``coder``/``reviewer``) on a team server, else None."""
        return team_roles.role_of(self)

    @property
    def path(self) -> Path | None:
        """The project file, or None for a database server."""
        return None if is_url(self.location) else Path(self.location)

    # -- listeners ------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change set; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, changes: ChangeSet[Any]) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # -- reads and writes -------------------------------------------------------
    @property
    def write_lock(self) -> threading.RLock:
        """The lock every writer in this process holds: operations, undo and redo, and
        the search index building its rows (which are kept outside undo)."""
        return self._write_mutex

    def current_operation(self) -> Operation | None:
        """The operation running on this thread, if any (its connection is the one to use)."""
        current: Operation | None = getattr(self._local, "op", None)
        return current

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads: the current operation's own inside an operation."""
        current = self.current_operation()
        if current is not None:
            yield current.conn
            return
        pinned: Connection | None = getattr(self._local, "reader", None)
        if pinned is not None:  # inside snapshot()
            yield pinned
            return
        with opening.explained(self.location), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside share one connection and one transaction: a read in several parts
        (an export's codes, texts, case links and cases) sees the project as it was at one
        moment, and opens one transaction instead of one per part. Only for reads: an
        operation inside uses its own connection, and later reads would not see it."""
        if self.current_operation() is not None or getattr(self._local, "reader", None):
            yield
            return
        with self.reading() as conn:
            self._local.reader = conn
            try:
                yield
            finally:
                self._local.reader = None

    @contextmanager
    def operation(self, name: str, label: str) -> Iterator[Operation]:
        """Run one named change in one transaction, recorded for undo and audit.

        Inside another operation (or :meth:`undo_group`) the change joins the
        outer one and becomes part of its single undo step.
        """
        if self.read_only:
            raise ReadOnlyError()
        outer: Operation | None = getattr(self._local, "op", None)
        if outer is not None:
            child = Operation(
                outer.conn, name, label, coder=self.coder, coder_id=outer.coder_id, parent=outer
            )
            self._local.op = child
            try:
                yield child
            finally:
                self._local.op = outer
            child.changes = ChangeSet(name, label, child.touched(), child.result)
            return
        with (
            opening.explained(self.location),
            self._write_mutex,
            self.engine.connect().execution_options(**WRITE) as conn,
        ):
            with conn.begin():
                op = Operation(conn, name, label, coder=self.coder, coder_id=self._coder(conn))
                if self.review_mode:
                    op.guard = ownership.review_guard(self.coder, op.coder_id, conn)
                self._local.op = op
                try:
                    yield op
                finally:
                    self._local.op = None
                history.record(conn, op, drop_redo=self._redo_possible is not False)
                self._redo_possible = False
            op.changes = ChangeSet(name, label, op.touched(), op.result)
        self._notify(op.changes)

    @contextmanager
    def undo_group(self, label: str, name: str = "group") -> Iterator[Operation]:
        """Group several operations into one undo step named ``label``."""
        with self.operation(name, label) as op:
            yield op

    def _coder(self, conn: Connection) -> int:
        if self._coder_id is None:
            table = t.coder
            found = conn.execute(select(table.c.id).where(table.c.name == self.coder)).scalar()
            if found is None:
                found = conn.execute(
                    insert(table).values(name=self.coder).returning(table.c.id)
                ).scalar_one()
            self._coder_id = int(found)
        return self._coder_id

    # -- undo / redo ------------------------------------------------------------
    def undo_label(self) -> str | None:
        """Label of the operation :meth:`undo` would undo ("Merge codes"), if any."""
        with self.reading() as conn:
            step = history.peek_undo(conn, self.coder)
        return step.label if step else None

    def redo_label(self) -> str | None:
        """Label of the operation :meth:`redo` would redo, if any."""
        with self.reading() as conn:
            step = history.peek_redo(conn, self.coder)
        return step.label if step else None

    def undo(self) -> ChangeSet[None] | None:
        """Undo this coder's last operation; None if there is nothing to undo.

        Each coder undoes only their own operations (a supervisor's Ctrl+Z never
        takes back the student's coding); an undo that would overwrite someone's
        later change raises :class:`ConflictError` instead.
        """
        return self._replay(undo=True)

    def redo(self) -> ChangeSet[None] | None:
        """Redo the last undone operation; None if there is nothing to redo."""
        return self._replay(undo=False)

    def undo_to(self, step_id: int) -> ChangeSet[None] | None:
        """Undo this coder's steps back to and including ``step_id``, in one transaction.

        Only the acting coder's own steps are undone (the History view's "Undo to
        here"); an undo that would overwrite someone's later change raises
        :class:`ConflictError` and nothing is undone. None if ``step_id`` is not
        one of this coder's undoable steps.
        """
        if self.read_only:
            raise ReadOnlyError()
        entries: list[Any] = []
        last: history.StepInfo | None = None
        with self._write_mutex, self.engine.connect().execution_options(**WRITE) as conn:
            with conn.begin() as tx:
                while True:
                    step = history.peek_undo(conn, self.coder)
                    if step is None or step.id < step_id:
                        break
                    entries.extend(history.undo_step(conn, step, self.coder))
                    last = step
                if last is None or last.id != step_id:
                    tx.rollback()
                    return None
            self._redo_possible = None
        changes: ChangeSet[None] = ChangeSet(
            last.op, last.label, touched_ids(entries), None, undo=True
        )
        self._notify(changes)
        return changes

    def _replay(self, *, undo: bool) -> ChangeSet[None] | None:
        if self.read_only:
            raise ReadOnlyError()
        with (
            opening.explained(self.location),
            self._write_mutex,
            self.engine.connect().execution_options(**WRITE) as conn,
            conn.begin(),
        ):
            step = (history.peek_undo if undo else history.peek_redo)(conn, self.coder)
            if step is None:
                return None
            apply = history.undo_step if undo else history.redo_step
            entries = apply(conn, step, self.coder)
            _after_replay(conn, entries)
            self._redo_possible = None
        changes: ChangeSet[None] = ChangeSet(
            step.op, step.label, touched_ids(entries), None, undo=undo, redo=not undo
        )
        self._notify(changes)
        return changes

    # -- facts -------------------------------------------------------------------
    def info(self) -> ProjectSummary:
        """Counts and facts about the project."""
        with self.reading() as conn:
            meta = dict(conn.execute(select(ProjectInfo.key, ProjectInfo.value)).all())

            def count(model: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(model)).scalar_one())

            return ProjectSummary(
                title=meta.get("title", ""),
                guid=meta.get("project_guid", ""),
                schema_version=int(meta.get("schema_version", "0")),
                sources=count(Source),
                cases=count(CaseModel),
                codes=count(Code),
                codings=count(Coding),
                memos=count(Memo),
                coders=count(Coder),
                path=self.location,
                read_only=self.read_only,
            )

    def changes_since(self, token: int | None = None) -> ChangePoll:
        """What others (and this client) changed since ``token``: a cheap poll for a timer.

        Returns a :class:`qualcode.team.sync.ChangePoll`; pass its ``token`` next time
        (``None`` the first time: just the current token, no entries).
        """
        from qualcode.team.sync import poll_changes

        return poll_changes(self, token)

    def audit_log(self, limit: int = 100, offset: int = 0) -> list[AuditRecord]:
        """The newest audit entries first."""
        table = AuditEntry.__table__
        with self.reading() as conn:
            rows = conn.execute(
                select(table).order_by(table.c.id.desc()).limit(limit).offset(offset)
            ).all()
        return [AuditRecord(*row) for row in rows]


def _after_replay(conn: Connection, entries: list[Any]) -> None:
    """Drop data derived from texts that an undo or redo rewrote (the search index)."""
    from qualcode.sources.edit import TEXT_EDIT_HOOKS, edited_sources

    edited = edited_sources(touched_ids(entries))
    if edited:
        for hook in TEXT_EDIT_HOOKS:
            hook(conn, edited)
