"""The search index: every source tokenised once, so queries never re-tokenise the corpus.

The index is *derived* data. It lives beside the project's tables but is not
part of any undo step: ``sync`` compares it with the ``source`` table (id,
GUID, length, declared language) and re-indexes what is missing or stale, so
sources added, deleted, undone or redone, here or by another process, are
picked up before the next query. Deleting a source also removes its index
rows inside the same transaction (:func:`drop_deleted_sources`, registered in
``SOURCE_DEPENDENTS``) so a deleted transcript does not linger in the database.

Why lazily, on the first query, rather than from a ``project.subscribe``
listener when a source is added: importing a 10M-word corpus would then pay
minutes of tokenising inside the import, and a listener sees neither another
process's changes nor undo as reliably as the comparison does, which is
needed anyway.

Backends (:func:`open_index` picks one; all store the analyzer's tokens and
share the matching code, so every search mode gives the same hits):

:class:`SqliteIndex` (``index_sqlite``)
    SQLite FTS5 over the forms and keys as the prefilter.
:class:`PgIndex` (``index_pg``)
    PostgreSQL, a term table as the prefilter, shared by every coder's client.
:class:`MemoryIndex` (``index_memory``)
    Tokens held in memory, for read-only projects whose stored index is stale
    and for other engines.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.errors import QualCodeError, SearchIndexAlteredError, SearchIndexAlteredLocalError
from qualcode.search.index_base import (
    INDEX_VERSION,
    Column,
    DocTokens,
    Progress,
    SyncReport,
    TextIndex,
    analyse,
    effective_language,
    fts_term,
)
from qualcode.search.index_memory import MemoryIndex
from qualcode.search.index_pg import PgIndex
from qualcode.search.index_sqlite import SqliteIndex
from qualcode.search.index_stored import StoredIndex
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

_TABLES = SqliteIndex.TABLES  # the SQLite index tables (benchmarks drop them to time a build)
_STORED: dict[str, type[StoredIndex]] = {"sqlite": SqliteIndex, "postgresql": PgIndex}


def drop_deleted_sources(op: Any, source_ids: list[int], _coding_ids: list[int]) -> None:
    """``SOURCE_DEPENDENTS`` hook: drop deleted sources' index rows in the same transaction.

    Not recorded for undo (derived data): undoing the deletion brings the
    source back and the next ``sync`` re-indexes it.
    """
    drop_docs(op.conn, source_ids)


def drop_docs(conn: Any, source_ids: list[int]) -> None:
    """Drop the stored index rows of ``source_ids`` (derived data; re-indexed on the next query).

    Also the ``TEXT_EDIT_HOOKS`` hook: an edited text (or its undo) keeps the
    source's GUID and maybe its length, so the signature check alone could miss it.
    """
    kind = _STORED.get(conn.dialect.name)
    if not source_ids or kind is None or not kind.has_tables(conn):
        return
    kind.delete_docs(conn, source_ids)
    kind.bump_generation(conn)


_INDEXES: weakref.WeakKeyDictionary[Project, TextIndex] = weakref.WeakKeyDictionary()
# Per project: source id -> the server checksum of index rows found to follow from the text.
_VERIFIED: weakref.WeakKeyDictionary[Project, dict[int, str]] = weakref.WeakKeyDictionary()
_WARNINGS: weakref.WeakKeyDictionary[Project, list[QualCodeError]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def open_index(project: Project, progress: Progress | None = None) -> TextIndex:
    """The project's index, brought up to date (built on first use).

    SQLite and PostgreSQL projects opened for writing use their stored index
    (:class:`SqliteIndex`, :class:`PgIndex`); a read-only project, or a team
    member who is not an owner, uses it too if it is up to date, else a
    :class:`MemoryIndex`; other engines use :class:`MemoryIndex`.
    """
    with _LOCK:
        index = _INDEXES.get(project)
        if index is None:
            index = _choose(project)
            _INDEXES[project] = index
    if isinstance(index, StoredIndex) and not may_write_index(project):
        if not (index.exists() and index.fresh()):
            index = MemoryIndex(weakref.proxy(project))
            _INDEXES[project] = index
        else:
            return _checked(project, index, progress)
    index.sync(progress)
    return _checked(project, index, progress)


def _checked(project: Project, index: TextIndex, progress: Progress | None) -> TextIndex:
    """``index``, unless a team server's rows of some source were altered (then reported).

    Each source whose server checksum differs from the one verified before is
    checked against its text (:mod:`qualcode.search.index_check`). Altered
    sources are indexed again by an owner's client; any other client switches
    to an index in memory. The report waits in :func:`index_warnings`.
    """
    if not isinstance(index, PgIndex):
        return index
    from qualcode.search.index_check import find_tampered, orphan_terms, server_checksums

    with project.reading() as conn:
        sums = server_checksums(conn)
        orphans = orphan_terms(conn)
        verified = _VERIFIED.setdefault(project, {})
        todo = sorted(sid for sid, digest in sums.items() if verified.get(sid) != digest)
        bad, stale = find_tampered(conn, todo) if todo else ([], [])
        names = dict(conn.execute(select(t.source.c.id, t.source.c.name)).all())
    for sid in set(todo) - set(bad) - set(stale):
        verified[sid] = sums[sid]
    altered = sorted(set(bad) | set(orphans))
    if not altered:
        return index
    for sid in altered:
        verified.pop(sid, None)
    shown = ", ".join(f"'{names[sid]}'" if sid in names else f"#{sid}" for sid in altered)
    warning: QualCodeError
    if may_write_index(project):
        index.reindex(altered, progress)
        warning = SearchIndexAlteredError(sources=shown)
    else:
        index = MemoryIndex(weakref.proxy(project))
        with _LOCK:
            _INDEXES[project] = index
        index.sync(progress)
        warning = SearchIndexAlteredLocalError(sources=shown)
    _WARNINGS.setdefault(project, []).append(warning)
    return index


def index_warnings(project: Project) -> list[QualCodeError]:
    """What opening the index found and did (an altered team index), once each."""
    return _WARNINGS.pop(project, [])


def rebuild_index(project: Project, progress: Progress | None = None) -> SyncReport:
    """Drop the project's stored index and build it again (a memory index is re-read)."""
    _VERIFIED.pop(project, None)
    with _LOCK:
        _INDEXES.pop(project, None)
        index = _choose(project)
        _INDEXES[project] = index
    if isinstance(index, StoredIndex) and may_write_index(project):
        return index.rebuild(progress)
    if isinstance(index, StoredIndex):
        index = MemoryIndex(weakref.proxy(project))
        _INDEXES[project] = index
    return index.sync(progress)


def may_write_index(project: Project) -> bool:
    """Whether this client keeps the stored index: a writable project, and on a team
    server only an owner (the search tables are the owners' to write, so no member can
    empty or corrupt everyone's search; others read it when current, else index in memory)."""
    return not project.read_only and project.role in (None, "owner")


def _choose(project: Project) -> TextIndex:
    # A proxy: the cache maps project -> index weakly, so the index must not keep it alive.
    ref: Any = weakref.proxy(project)
    kind = _STORED.get(project.engine.url.get_backend_name())
    return MemoryIndex(ref) if kind is None else kind(ref)


def _register() -> None:
    from qualcode.sources.manager import SOURCE_DEPENDENTS

    if drop_deleted_sources not in SOURCE_DEPENDENTS:
        SOURCE_DEPENDENTS.append(drop_deleted_sources)
    from qualcode.sources.edit import TEXT_EDIT_HOOKS

    if drop_docs not in TEXT_EDIT_HOOKS:
        TEXT_EDIT_HOOKS.append(drop_docs)


_register()

__all__ = (
    "INDEX_VERSION",
    "Column",
    "DocTokens",
    "MemoryIndex",
    "PgIndex",
    "Progress",
    "SqliteIndex",
    "StoredIndex",
    "SyncReport",
    "TextIndex",
    "analyse",
    "drop_deleted_sources",
    "effective_language",
    "fts_term",
    "index_warnings",
    "open_index",
    "rebuild_index",
)
