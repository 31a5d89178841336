"""An index stored in the project database, outside undo: what SQLite and PostgreSQL share.

Per source, ``search_doc`` keeps the compressed word forms and keys, the
character offsets of every word (uint32 pairs) and, once computed, the
sentence spans, plus the source's signature (GUID, length, declared language)
at indexing time. :meth:`StoredIndex.sync` compares the signatures with the
``source`` table and re-indexes what is missing or stale, so sources added,
deleted, undone or redone, here or by another client, are picked up before the
next query. Subclasses add the engine's prefilter (FTS5, a term table) and DDL.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from qualcode.search.index_base import (
    INDEX_VERSION,
    Column,
    DocCache,
    DocTokens,
    Joined,
    Progress,
    SyncReport,
    analyse,
    effective_language,
    pack_offsets,
    pack_words,
    source_listing,
    source_text,
    unpack_offsets,
)
from qualcode.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from qualcode.project import Project

BATCH_WORDS = 500_000  # commit (and release the write lock) this often while building


class StoredIndex:
    """The engine-neutral half of a stored index; see the module docstring."""

    TABLES: tuple[str, ...] = ()
    """Every table the index owns (dropped on rebuild or version change)."""
    DDL: tuple[str, ...] = ()
    """Statements creating the tables (``IF NOT EXISTS``)."""
    NULL_SAFE_DIFFERS = "IS NOT"
    """The engine's null-safe "differs from" operator."""

    def __init__(self, project: Project) -> None:
        self._p = project
        self._docs = DocCache(1024)
        self._vocab: dict[Column, dict[str, tuple[int, int]]] = {}
        self._langs: dict[int, str] | None = None
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._generation: str | None = None

    # -- engine hooks ----------------------------------------------------------------
    @staticmethod
    def has_tables(conn: Connection) -> bool:
        """Whether the index tables exist (engine-specific catalogue query)."""
        raise NotImplementedError

    def _lock(self, conn: Connection) -> None:
        """Serialise index writers across clients for this transaction (if needed)."""

    def _insert_terms(
        self, conn: Connection, source_id: int, forms: list[str], keys: list[str]
    ) -> None:
        """Add one source to the engine's prefilter."""
        raise NotImplementedError

    @classmethod
    def delete_docs(cls, conn: Connection, source_ids: Sequence[int]) -> None:
        """Remove sources from the prefilter and ``search_doc``."""
        raise NotImplementedError

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """Sources holding every word position's alternatives (None = cannot tell: all)."""
        raise NotImplementedError

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Every distinct form (or key) -> (occurrences, sources)."""
        raise NotImplementedError

    # -- building ------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Any]:
        """A connection whose ``begin()`` commits, or the running operation's own connection.

        Inside an operation (a search called while changing the project) a
        second write transaction would wait for the operation's lock forever;
        the index rows then join the operation's transaction instead, still
        unrecorded for undo.
        """
        from qualcode.store.engine import WRITE

        current = self._p.current_operation()
        if current is not None:
            yield Joined(current.conn)
            return
        with self._p.engine.connect().execution_options(**WRITE) as conn:
            yield conn

    def exists(self) -> bool:
        """Whether the index tables exist and match :data:`INDEX_VERSION`."""
        meta = self._meta()
        return meta is not None and meta.get("version") == INDEX_VERSION

    def _meta(self) -> dict[str, str] | None:
        """``search_meta`` as a dict; None without index tables."""
        with self._p.reading() as conn:
            if not self.has_tables(conn):
                return None
            rows = conn.execute(text("SELECT key, value FROM search_meta")).all()
        return {str(k): str(v) for k, v in rows}

    @staticmethod
    def bump_generation(conn: Connection) -> None:
        """Tell every client that indexed rows changed (they drop their decoded caches)."""
        conn.execute(
            text(
                "INSERT INTO search_meta (key, value) VALUES ('generation', '1') "
                "ON CONFLICT (key) DO UPDATE "
                "SET value = CAST(CAST(search_meta.value AS INTEGER) + 1 AS TEXT)"
            )
        )

    def stale(self) -> tuple[list[int], list[int]]:
        """(sources to index, indexed sources to drop), by comparing with the source table."""
        with self._p.reading() as conn:
            return self._stale(conn)

    @staticmethod
    def _stale(conn: Connection) -> tuple[list[int], list[int]]:
        sources = source_listing(conn)
        docs = {
            int(r[0]): (r[1], int(r[2]), r[3])
            for r in conn.execute(text("SELECT source_id, guid, length, declared FROM search_doc"))
        }
        drop = [sid for sid, sig in docs.items() if sources.get(sid) != sig]
        add = [sid for sid in sources if sid not in docs or sid in drop]
        return sorted(add), sorted(drop)

    def fresh(self) -> bool:
        """One-row check, done by the database, that every source is indexed as it is now."""
        with self._p.reading() as conn:
            row = conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM source) = (SELECT count(*) FROM search_doc), "
                    "(SELECT count(*) FROM source s JOIN search_doc d ON d.source_id = s.id "
                    "WHERE s.guid != d.guid OR s.length != d.length "
                    f"OR s.language {self.NULL_SAFE_DIFFERS} d.declared) = 0"
                )
            ).one()
        return bool(row[0]) and bool(row[1])

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Create the tables if needed, drop stale sources, index missing ones.

        The work list is computed again under the writers' lock, so two clients
        syncing at once neither index a source twice nor undo each other's work.
        """
        meta = self._meta()
        if meta is None or meta.get("version") != INDEX_VERSION:
            self._create()
        else:
            # Another client (or a deletion) changed indexed rows: cached tokens may be stale.
            if meta.get("generation") != self._generation:
                self._clear()
                self._generation = meta.get("generation")
            if self.fresh():
                return SyncReport(0, 0, 0)
        add, drop = self.stale()
        if not add and not drop:
            return SyncReport(0, 0, 0)
        self._forget(drop)
        lock = self._p.write_lock
        words = 0
        added = 0
        with lock, self._write() as conn:
            with conn.begin():
                self._lock(conn)
                add, drop = self._stale(conn)
                self._forget(drop)
                if drop:
                    self.delete_docs(conn, drop)
                    self.bump_generation(conn)
            pending = list(add)
            while pending:
                with conn.begin():
                    self._lock(conn)
                    batch = 0
                    indexed = False
                    while pending and batch < BATCH_WORDS:
                        sid = pending.pop(0)
                        n = self._index_one(conn, sid)
                        if n is not None:
                            indexed = True
                            added += 1
                            batch += n
                            words += n
                        if progress is not None:
                            progress(len(add) - len(pending), len(add), str(sid))
                    if indexed:
                        self.bump_generation(conn)
        self._vocab.clear()
        self._langs = None
        return SyncReport(added, len(drop), words)

    def reindex(self, source_ids: Sequence[int], progress: Progress | None = None) -> SyncReport:
        """Drop these sources' rows (found altered) and index them again from their texts."""
        ids = [int(i) for i in source_ids]
        with self._p.write_lock, self._write() as conn, conn.begin():
            self._lock(conn)
            self.delete_docs(conn, ids)
            self.bump_generation(conn)
        self._forget(ids)
        return self.sync(progress)

    def _forget(self, source_ids: Iterable[int]) -> None:
        ids = list(source_ids)
        self._vocab.clear()
        self._langs = None
        self._docs.drop(ids)
        for sid in ids:
            self._sentences.pop(sid, None)

    def rebuild(self, progress: Progress | None = None) -> SyncReport:
        """Drop the whole index and build it again (after damage, or on request)."""
        with self._write() as conn, conn.begin():
            self._lock(conn)
            self._empty(conn)
        self._clear()
        return self.sync(progress)

    def _empty(self, conn: Connection) -> None:
        """Remove every indexed row (here: drop the tables; the next sync creates them)."""
        for name in self.TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")

    def _clear(self) -> None:
        self._docs = DocCache(1024)
        self._sentences.clear()
        self._vocab.clear()
        self._langs = None

    def _create(self) -> None:
        with self._write() as conn, conn.begin():
            self._lock(conn)
            found = None
            if self.has_tables(conn):
                found = conn.execute(
                    text("SELECT value FROM search_meta WHERE key = 'version'")
                ).scalar()
            if found == INDEX_VERSION:
                return  # another client created it meanwhile
            for name in self.TABLES:
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
            for stmt in self.DDL:
                conn.exec_driver_sql(stmt)
            conn.execute(
                text(
                    "INSERT INTO search_meta (key, value) VALUES ('version', :v) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                ),
                {"v": INDEX_VERSION},
            )

    def _index_one(self, conn: Connection, source_id: int) -> int | None:
        """Index one source; None if it is gone or another client indexed it meanwhile."""
        s = t.source.c
        row = conn.execute(select(s.guid, s.length, s.language).where(s.id == source_id)).first()
        if row is None:
            return None
        present = conn.execute(
            text("SELECT 1 FROM search_doc WHERE source_id = :i"), {"i": source_id}
        ).first()
        if present is not None:
            return None
        body = source_text(conn, source_id)
        language = effective_language(row[2], body)
        forms, keys, starts, ends = analyse(body, language)
        conn.execute(
            text(
                "INSERT INTO search_doc (source_id, guid, length, declared, language, n_words, "
                "forms, keys, offsets) VALUES (:id, :g, :l, :d, :lang, :n, :f, :k, :o)"
            ),
            {
                "id": source_id,
                "g": row[0],
                "l": row[1],
                "d": row[2],
                "lang": language,
                "n": len(forms),
                "f": pack_words(forms),
                "k": pack_words(keys),
                "o": pack_offsets(starts, ends),
            },
        )
        self._insert_terms(conn, source_id, forms, keys)
        return len(forms)

    # -- reading -------------------------------------------------------------------
    def languages(self) -> dict[int, str]:
        """Source id -> analyzer language."""
        if self._langs is None:
            with self._p.reading() as conn:
                rows = conn.execute(text("SELECT source_id, language FROM search_doc")).all()
            self._langs = {int(a): str(b) for a, b in rows}
        return self._langs

    def document(self, source_id: int) -> DocTokens:
        """Decode one source's words (cached)."""
        doc = self._docs.get(source_id)
        if doc is None:
            self.prefetch([source_id])
            doc = self._docs.get(source_id)
        if doc is None:
            raise KeyError(source_id)
        return doc

    def prefetch(self, source_ids: Iterable[int]) -> None:
        """Load several sources' words in one query (a search visits them next)."""
        missing = [sid for sid in source_ids if self._docs.get(sid) is None]
        if not missing:
            return
        with self._p.reading() as conn:
            rows = conn.execute(
                text(
                    "SELECT source_id, language, forms, keys, offsets FROM search_doc "
                    f"WHERE source_id IN ({', '.join(str(int(i)) for i in missing)})"
                )
            ).all()
        for sid, lang, forms, keys, offsets in rows:
            starts, ends = unpack_offsets(bytes(offsets))
            self._docs.put(
                int(sid), DocTokens(int(sid), lang, bytes(forms), bytes(keys), starts, ends)
            )

    def sentences(self, source_id: int) -> list[tuple[int, int]]:
        """Sentence spans, computed on first use and stored when the project is writable."""
        found = self._sentences.get(source_id)
        if found is not None:
            return found
        with self._p.reading() as conn:
            row = conn.execute(
                text("SELECT sentences, language FROM search_doc WHERE source_id = :i"),
                {"i": source_id},
            ).first()
            if row is not None and row[0] is not None:
                s, e = unpack_offsets(bytes(row[0]))
                found = list(zip(s.tolist(), e.tolist(), strict=True))
            else:
                body = source_text(conn, source_id)
        if found is None:
            import numpy as np

            from qualcode.text.analyzer import get_analyzer

            language = row[1] if row is not None else "id"
            found = get_analyzer(language).sentences(body)
            from qualcode.search.index import may_write_index

            if may_write_index(self._p) and row is not None:
                blob = pack_offsets(
                    np.array([a for a, _ in found], dtype=np.uint32),
                    np.array([b for _, b in found], dtype=np.uint32),
                )
                with self._write() as conn, conn.begin():
                    conn.execute(
                        text("UPDATE search_doc SET sentences = :b WHERE source_id = :i"),
                        {"b": blob, "i": source_id},
                    )
        self._sentences[source_id] = found
        return found
