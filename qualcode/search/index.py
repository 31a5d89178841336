"""The search index: every source tokenised once, so queries never re-tokenise the corpus.

The index is *derived* data. It lives beside the project's tables but is not
part of any undo step: :meth:`TextIndex.sync` compares it with the ``source``
table (id, GUID, length, declared language) and re-indexes what is missing or
stale, so sources added, deleted, undone or redone, here or by another process,
are picked up before the next query. Deleting a source also removes its index
rows inside the same transaction (:func:`drop_deleted_sources`, registered in
``SOURCE_DEPENDENTS``) so a deleted transcript does not linger in the file.

Why lazily, on the first query, rather than from a ``project.subscribe``
listener when a source is added: importing a 10M-word corpus would then pay
minutes of tokenising inside the import, and a listener sees neither another
process's changes nor undo as reliably as the comparison does, which is
needed anyway.

Backends (:func:`open_index` picks one):

:class:`SqliteIndex`
    SQLite FTS5, contentless, one row per source with two columns: the word
    forms and their match keys, joined by spaces, so that FTS token ``i`` is
    word ``i`` of the source. MATCH finds the sources of a query and an
    ``fts5vocab`` table gives corpus counts without reading documents.
    ``search_doc`` keeps per source the compressed forms and keys and the
    character offsets of every word (uint32 pairs).
:class:`MemoryIndex`
    The same interface over tokens held in memory, for read-only projects
    whose index is stale and for non-SQLite engines (PostgreSQL: a server-side
    implementation can come later). It tokenises each source once per process.
"""

from __future__ import annotations

import threading
import weakref
import zlib
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from sqlalchemy import select, text

from qualcode.store import tables as t

if TYPE_CHECKING:
    import numpy as np
    from sqlalchemy import Connection

    from qualcode.project import Project

INDEX_VERSION = "1"
"""Bump when tokens or keys change: every index is rebuilt on next use."""

Column = Literal["forms", "keys"]
Progress = Callable[[int, int, str], None]

_DDL = (
    "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS search_doc (source_id INTEGER PRIMARY KEY, guid TEXT, "
    "length INTEGER, declared TEXT, language TEXT, n_words INTEGER, forms BLOB, keys BLOB, "
    "offsets BLOB, sentences BLOB)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(forms, keys, content='', "
    "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-'\")",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab_col USING fts5vocab(search_fts, 'col')",
)
_TABLES = ("search_vocab_ins", "search_vocab_col", "search_fts", "search_doc", "search_meta")
_BATCH_WORDS = 500_000  # commit (and release the write lock) this often while building
_MAX_ALTERNATIVES = 64  # wildcard expansions larger than this skip the FTS5 prefilter


def fts_term(form: str) -> str:
    """``form`` as exactly one FTS5 token: characters other than letters, digits, '-' become '-'."""
    if form.replace("-", "").isalnum():
        return form
    return "".join(c if c.isalnum() or c == "-" else "-" for c in form)


def effective_language(declared: str | None, text_: str) -> str:
    """The analyzer language of a source: its declared one if supported, else detected, else id."""
    from qualcode.text.analyzer import SUPPORTED_LANGUAGES
    from qualcode.text.language import detect_language

    code = (declared or "").strip().lower()[:2]
    if code in SUPPORTED_LANGUAGES:
        return code
    found = detect_language(text_)
    return found if found != "und" else "id"


class DocTokens:
    """The words of one source: forms, keys and character offsets, index-aligned.

    ``forms_text``/``keys_text`` are the words joined by single spaces (what
    FTS5 indexed); they may arrive zlib-compressed and are decoded on first
    use, the lists are split from them on first use.
    """

    __slots__ = ("_forms", "_ftext", "_keys", "_ktext", "ends", "language", "source_id", "starts")

    def __init__(
        self,
        source_id: int,
        language: str,
        forms_text: str | bytes,
        keys_text: str | bytes,
        starts: np.ndarray,
        ends: np.ndarray,
    ) -> None:
        self.source_id = source_id
        self.language = language
        self._ftext = forms_text
        self._ktext = keys_text
        self.starts = starts
        self.ends = ends
        self._forms: list[str] | None = None
        self._keys: list[str] | None = None

    @property
    def forms_text(self) -> str:
        """The forms joined by spaces."""
        if isinstance(self._ftext, bytes):
            self._ftext = _unpack_text(self._ftext)
        return self._ftext

    @property
    def keys_text(self) -> str:
        """The keys joined by spaces."""
        if isinstance(self._ktext, bytes):
            self._ktext = _unpack_text(self._ktext)
        return self._ktext

    @property
    def forms(self) -> list[str]:
        """Lower-case forms, reduplication spelled out, FTS-safe."""
        if self._forms is None:
            self._forms = self.forms_text.split(" ") if self.forms_text else []
        return self._forms

    @property
    def keys(self) -> list[str]:
        """Match keys, one per word."""
        if self._keys is None:
            self._keys = self.keys_text.split(" ") if self.keys_text else []
        return self._keys

    def words(self, column: Column) -> list[str]:
        """``forms`` or ``keys``."""
        return self.forms if column == "forms" else self.keys

    def joined(self, column: Column) -> str:
        """``forms_text`` or ``keys_text``."""
        return self.forms_text if column == "forms" else self.keys_text

    def __len__(self) -> int:
        return len(self.starts)


def analyse(text_: str, language: str) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Tokenise ``text_`` once: word forms, keys and offsets (punctuation dropped)."""
    import numpy as np

    from qualcode.text.analyzer import get_analyzer
    from qualcode.text.query import normalise_form

    terms = _TERMS.setdefault(language, {})
    forms: list[str] = []
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for tok in get_analyzer(language).analyze(text_):
        if not tok.is_word:
            continue
        pair = terms.get(tok.form)
        if pair is None:
            if len(terms) > 500_000:
                terms.clear()
            pair = terms[tok.form] = (fts_term(normalise_form(tok.form)), fts_term(tok.key))
        forms.append(pair[0])
        keys.append(pair[1])
        starts.append(tok.start)
        ends.append(tok.end)
    return forms, keys, np.array(starts, dtype=np.uint32), np.array(ends, dtype=np.uint32)


_TERMS: dict[str, dict[str, tuple[str, str]]] = {}  # language -> form -> (FTS form, FTS key)


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What :meth:`TextIndex.sync` did."""

    added: int
    removed: int
    words: int


class TextIndex(Protocol):
    """What search, word frequency and auto-coding need from an index."""

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Bring the index up to date with the project's sources."""
        ...

    def languages(self) -> dict[int, str]:
        """Source id -> analyzer language, for every indexed source."""
        ...

    def document(self, source_id: int) -> DocTokens:
        """The words of one source."""
        ...

    def prefetch(self, source_ids: Iterable[int]) -> None:
        """Load several sources at once (a hint; may do nothing)."""
        ...

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """Sources holding every word position's alternatives (None = cannot tell: all)."""
        ...

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Every distinct form (or key) -> (occurrences, sources), over the whole project."""
        ...

    def sentences(self, source_id: int) -> list[tuple[int, int]]:
        """Sentence spans of one source (computed once, then kept)."""
        ...


class _DocCache:
    """A small LRU of decoded documents (the last few hundred searched)."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[int, DocTokens] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: int) -> DocTokens | None:
        with self._lock:
            doc = self._items.get(key)
            if doc is not None:
                self._items.move_to_end(key)
            return doc

    def put(self, key: int, doc: DocTokens) -> None:
        with self._lock:
            self._items[key] = doc
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def drop(self, keys: Iterable[int]) -> None:
        with self._lock:
            for k in keys:
                self._items.pop(k, None)


def _source_listing(conn: Connection) -> dict[int, tuple[str, int, str | None]]:
    s = t.source.c
    return {
        int(r[0]): (r[1], int(r[2]), r[3])
        for r in conn.execute(select(s.id, s.guid, s.length, s.language))
    }


def _source_text(conn: Connection, source_id: int) -> str:
    c = t.source_content.c
    return str(conn.execute(select(c.text).where(c.source_id == source_id)).scalar() or "")


def _pack_offsets(starts: np.ndarray, ends: np.ndarray) -> bytes:
    import numpy as np

    return zlib.compress(np.stack([starts, ends]).astype("<u4").tobytes(), 1)


def _unpack_offsets(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    arr = np.frombuffer(zlib.decompress(blob), dtype="<u4")
    half = len(arr) // 2
    return arr[:half], arr[half:]


def _pack_words(words: list[str]) -> bytes:
    return zlib.compress(" ".join(words).encode("utf-8"), 1)


def _unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


class SqliteIndex:
    """FTS5-backed index inside a SQLite project file (see the module docstring)."""

    def __init__(self, project: Project) -> None:
        self._p = project
        self._docs = _DocCache(1024)
        self._vocab: dict[Column, dict[str, tuple[int, int]]] = {}
        self._langs: dict[int, str] | None = None
        self._sentences: dict[int, list[tuple[int, int]]] = {}

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

        current = getattr(getattr(self._p, "_local", None), "op", None)
        if current is not None:
            yield _Joined(current.conn)
            return
        with self._p.engine.connect().execution_options(**WRITE) as conn:
            yield conn

    def exists(self) -> bool:
        """Whether the index tables exist and match :data:`INDEX_VERSION`."""
        with self._p.reading() as conn:
            if not _has_tables(conn):
                return False
            found = conn.execute(
                text("SELECT value FROM search_meta WHERE key = 'version'")
            ).scalar()
        return found == INDEX_VERSION

    def stale(self) -> tuple[list[int], list[int]]:
        """(sources to index, indexed sources to drop), by comparing with the source table."""
        with self._p.reading() as conn:
            sources = _source_listing(conn)
            docs = {
                int(r[0]): (r[1], int(r[2]), r[3])
                for r in conn.execute(
                    text("SELECT source_id, guid, length, declared FROM search_doc")
                )
            }
        drop = [sid for sid, sig in docs.items() if sources.get(sid) != sig]
        add = [sid for sid in sources if sid not in docs or sid in drop]
        return sorted(add), sorted(drop)

    def fresh(self) -> bool:
        """One-row check, done in SQLite, that every source is indexed as it is now."""
        with self._p.reading() as conn:
            row = conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM source) = (SELECT count(*) FROM search_doc), "
                    "(SELECT count(*) FROM source s JOIN search_doc d ON d.source_id = s.id "
                    "WHERE s.guid != d.guid OR s.length != d.length "
                    "OR s.language IS NOT d.declared) = 0"
                )
            ).one()
        return bool(row[0]) and bool(row[1])

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Create the tables if needed, drop stale sources, index missing ones."""
        if not self.exists():
            self._create()
        elif self.fresh():
            return SyncReport(0, 0, 0)
        add, drop = self.stale()
        if not add and not drop:
            return SyncReport(0, 0, 0)
        self._vocab.clear()
        self._langs = None
        self._docs.drop(drop)
        for sid in drop:
            self._sentences.pop(sid, None)
        lock = getattr(self._p, "_write_mutex", threading.RLock())
        words = 0
        with lock, self._write() as conn:
            with conn.begin():
                _delete_docs(conn, drop)
            pending = list(add)
            while pending:
                with conn.begin():
                    batch = 0
                    while pending and batch < _BATCH_WORDS:
                        sid = pending.pop(0)
                        n = self._index_one(conn, sid)
                        batch += n
                        words += n
                        if progress is not None:
                            progress(len(add) - len(pending), len(add), str(sid))
        return SyncReport(len(add), len(drop), words)

    def _create(self) -> None:
        with self._write() as conn, conn.begin():
            found = None
            if _has_tables(conn):
                found = conn.execute(
                    text("SELECT value FROM search_meta WHERE key = 'version'")
                ).scalar()
            if found != INDEX_VERSION:
                for name in _TABLES:
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
            for stmt in _DDL:
                conn.exec_driver_sql(stmt)
            conn.execute(
                text("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('version', :v)"),
                {"v": INDEX_VERSION},
            )

    def _index_one(self, conn: Connection, source_id: int) -> int:
        s = t.source.c
        row = conn.execute(select(s.guid, s.length, s.language).where(s.id == source_id)).first()
        if row is None:
            return 0
        body = _source_text(conn, source_id)
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
                "f": _pack_words(forms),
                "k": _pack_words(keys),
                "o": _pack_offsets(starts, ends),
            },
        )
        conn.execute(
            text("INSERT INTO search_fts (rowid, forms, keys) VALUES (:id, :f, :k)"),
            {"id": source_id, "f": " ".join(forms), "k": " ".join(keys)},
        )
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
            starts, ends = _unpack_offsets(offsets)
            self._docs.put(
                int(sid), DocTokens(int(sid), lang, bytes(forms), bytes(keys), starts, ends)
            )

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """Sources that FTS5 says hold the words (a phrase when each word has one form)."""
        if not words or any(not w for w in words):
            return set()
        if any(len(w) > _MAX_ALTERNATIVES for w in words):
            return None
        if all(len(w) == 1 for w in words):
            expr = '"' + " ".join(next(iter(w)) for w in words) + '"'
        else:
            expr = " AND ".join("(" + " OR ".join(f'"{x}"' for x in sorted(w)) + ")" for w in words)
        with self._p.reading() as conn:
            rows = conn.execute(
                text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q"),
                {"q": f"{column} : ({expr})"},
            )
            return {int(r[0]) for r in rows}

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Term -> (occurrences, sources) from the FTS5 ``col`` vocabulary."""
        found = self._vocab.get(column)
        if found is None:
            with self._p.reading() as conn:
                rows = conn.execute(
                    text("SELECT term, cnt, doc FROM search_vocab_col WHERE col = :c"),
                    {"c": column},
                )
                found = {str(a): (int(b), int(c)) for a, b, c in rows}
            self._vocab[column] = found
        return found

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
                s, e = _unpack_offsets(row[0])
                found = list(zip(s.tolist(), e.tolist(), strict=True))
            else:
                body = _source_text(conn, source_id)
        if found is None:
            import numpy as np

            from qualcode.text.analyzer import get_analyzer

            language = row[1] if row is not None else "id"
            found = get_analyzer(language).sentences(body)
            if not self._p.read_only and row is not None:
                blob = _pack_offsets(
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


class MemoryIndex:
    """The index interface over tokens held in memory (read-only or non-SQLite projects)."""

    def __init__(self, project: Project) -> None:
        self._p = project
        self._docs: dict[int, DocTokens] = {}
        self._sig: dict[int, tuple[str, int, str | None]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._vocab: dict[Column, dict[str, tuple[int, int]]] = {}

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Tokenise sources not yet held, forget deleted or changed ones."""
        with self._p.reading() as conn:
            sources = _source_listing(conn)
            drop = [sid for sid, sig in self._sig.items() if sources.get(sid) != sig]
            for sid in drop:
                self._docs.pop(sid, None)
                self._sig.pop(sid, None)
                self._sentences.pop(sid, None)
            add = [sid for sid in sources if sid not in self._docs]
            words = 0
            for n, sid in enumerate(add, 1):
                body = _source_text(conn, sid)
                lang = effective_language(sources[sid][2], body)
                forms, keys, starts, ends = analyse(body, lang)
                self._docs[sid] = DocTokens(
                    sid, lang, " ".join(forms), " ".join(keys), starts, ends
                )
                self._sig[sid] = sources[sid]
                words += len(forms)
                if progress is not None:
                    progress(n, len(add), str(sid))
        if add or drop:
            self._vocab.clear()
        return SyncReport(len(add), len(drop), words)

    def languages(self) -> dict[int, str]:
        """Source id -> analyzer language."""
        return {sid: d.language for sid, d in self._docs.items()}

    def document(self, source_id: int) -> DocTokens:
        """One source's words."""
        return self._docs[source_id]

    def prefetch(self, source_ids: Iterable[int]) -> None:
        """Nothing to do: every source is in memory."""

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """No prefilter in memory: every source is a candidate."""
        return None

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Term -> (occurrences, sources)."""
        found = self._vocab.get(column)
        if found is None:
            from collections import Counter

            counts: Counter[str] = Counter()
            docs: Counter[str] = Counter()
            for doc in self._docs.values():
                words = doc.forms if column == "forms" else doc.keys
                counts.update(words)
                docs.update(set(words))
            found = {w: (n, docs[w]) for w, n in counts.items()}
            self._vocab[column] = found
        return found

    def sentences(self, source_id: int) -> list[tuple[int, int]]:
        """Sentence spans (computed once per process)."""
        found = self._sentences.get(source_id)
        if found is None:
            from qualcode.text.analyzer import get_analyzer

            lang = self._docs[source_id].language
            found = get_analyzer(lang).sentences(self._p.sources.text(source_id))
            self._sentences[source_id] = found
        return found


class _Joined:
    """A connection already in a transaction: ``begin()`` joins it instead of starting one."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    @contextmanager
    def begin(self) -> Iterator[None]:
        yield


def _has_tables(conn: Connection) -> bool:
    return (
        conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE name IN ('search_doc', 'search_meta')")
        ).scalar()
        == 2
    )


def _delete_docs(conn: Connection, source_ids: Iterable[int]) -> None:
    """Remove sources from the contentless FTS table (needs the indexed values) and search_doc."""
    for sid in source_ids:
        row = conn.execute(
            text("SELECT forms, keys FROM search_doc WHERE source_id = :i"), {"i": sid}
        ).first()
        if row is None:
            continue
        conn.execute(
            text(
                "INSERT INTO search_fts (search_fts, rowid, forms, keys) "
                "VALUES ('delete', :i, :f, :k)"
            ),
            {"i": sid, "f": _unpack_text(row[0]), "k": _unpack_text(row[1])},
        )
        conn.execute(text("DELETE FROM search_doc WHERE source_id = :i"), {"i": sid})


def drop_deleted_sources(op: Any, source_ids: list[int], _coding_ids: list[int]) -> None:
    """``SOURCE_DEPENDENTS`` hook: drop deleted sources' index rows in the same transaction.

    Not recorded for undo (derived data): undoing the deletion brings the
    source back and the next :meth:`TextIndex.sync` re-indexes it.
    """
    conn = op.conn
    if conn.dialect.name != "sqlite" or not _has_tables(conn):
        return
    _delete_docs(conn, source_ids)


_INDEXES: weakref.WeakKeyDictionary[Project, TextIndex] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def open_index(project: Project, progress: Progress | None = None) -> TextIndex:
    """The project's index, brought up to date (built on first use).

    SQLite projects opened for writing use :class:`SqliteIndex`; a read-only
    project uses it too if it is up to date, else a :class:`MemoryIndex`;
    other engines use :class:`MemoryIndex`.
    """
    with _LOCK:
        index = _INDEXES.get(project)
        if index is None:
            index = _choose(project)
            _INDEXES[project] = index
    if isinstance(index, SqliteIndex) and project.read_only:
        if not (index.exists() and index.fresh()):
            index = MemoryIndex(weakref.proxy(project))
            _INDEXES[project] = index
        else:
            return index
    index.sync(progress)
    return index


def _choose(project: Project) -> TextIndex:
    # A proxy: the cache maps project -> index weakly, so the index must not keep it alive.
    ref: Any = weakref.proxy(project)
    if project.engine.url.get_backend_name() != "sqlite":
        return MemoryIndex(ref)
    return SqliteIndex(ref)


def _register() -> None:
    from qualcode.sources.manager import SOURCE_DEPENDENTS

    if drop_deleted_sources not in SOURCE_DEPENDENTS:
        SOURCE_DEPENDENTS.append(drop_deleted_sources)


_register()
