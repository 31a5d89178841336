"""The index inside a PostgreSQL project: the analyzer's own tokens, a term table as prefilter.

Why not ``tsvector``: PostgreSQL's parsers split and normalise words their own
way (hyphenated "ibu-ibu" becomes three lexemes, stemming is language-specific)
while QualCode's Indonesian affix/lemma matching needs exactly the analyzer's
forms and keys. So the index stores what the SQLite one stores (``search_doc``:
each source's forms, keys and offsets, compressed) and replaces FTS5 with
``search_term(col, term, source_id, cnt)``: one row per distinct form or key
of a source, a btree primary key on (col, term, source_id). A query's
candidate sources are the intersection, over its word positions, of the
sources holding one of the position's alternatives; the hits themselves are
found in the stored tokens by the same code as on SQLite, so every search mode
returns identical hits on both engines. (The prefilter is a superset for
phrases, where FTS5 also checks adjacency; the match over tokens decides.)

Writers serialise on an advisory lock held until commit, so several coders'
clients syncing at once never index a source twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, column, insert, table, text

from qualcode.search.index_base import Column
from qualcode.search.index_stored import StoredIndex

if TYPE_CHECKING:
    from sqlalchemy import Connection

INDEX_LOCK = 0x5143_0010
"""Advisory lock key of index writers (``qualcode.store.sequences`` uses 0x5143_0001..)."""
_COLUMNS: dict[str, int] = {"forms": 0, "keys": 1}
_MAX_ALTERNATIVES = 5000  # larger wildcard expansions skip the prefilter
_CHUNK = 500

_term = table("search_term", column("col"), column("term"), column("source_id"), column("cnt"))


class PgIndex(StoredIndex):
    """Index tables in a PostgreSQL project database (see the module docstring)."""

    TABLES = ("search_term", "search_doc", "search_meta")
    DDL = (
        "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE IF NOT EXISTS search_doc (source_id INTEGER PRIMARY KEY, guid TEXT, "
        "length INTEGER, declared TEXT, language TEXT, n_words INTEGER, forms BYTEA, "
        "keys BYTEA, offsets BYTEA, sentences BYTEA)",
        'CREATE TABLE IF NOT EXISTS search_term (col SMALLINT NOT NULL, term TEXT COLLATE "C" '
        "NOT NULL, source_id INTEGER NOT NULL, cnt INTEGER NOT NULL, "
        "PRIMARY KEY (col, term, source_id))",
        "CREATE INDEX IF NOT EXISTS search_term_source ON search_term (source_id)",
    )
    NULL_SAFE_DIFFERS = "IS DISTINCT FROM"

    @staticmethod
    def has_tables(conn: Connection) -> bool:
        """Whether the three index tables exist on the search path."""
        return bool(
            conn.execute(
                text(
                    "SELECT to_regclass('search_doc') IS NOT NULL "
                    "AND to_regclass('search_meta') IS NOT NULL "
                    "AND to_regclass('search_term') IS NOT NULL"
                )
            ).scalar()
        )

    def _lock(self, conn: Connection) -> None:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": INDEX_LOCK})

    def _empty(self, conn: Connection) -> None:
        """Delete the rows, keep the tables: on a team database members may not drop them."""
        if not self.has_tables(conn):
            return
        conn.exec_driver_sql("DELETE FROM search_term")
        conn.exec_driver_sql("DELETE FROM search_doc")
        self.bump_generation(conn)

    def _insert_terms(
        self, conn: Connection, source_id: int, forms: list[str], keys: list[str]
    ) -> None:
        rows = [
            {"col": _COLUMNS[name], "term": term, "source_id": source_id, "cnt": n}
            for name, words in (("forms", forms), ("keys", keys))
            for term, n in Counter(words).items()
        ]
        if rows:
            conn.execute(insert(_term), rows)

    @classmethod
    def delete_docs(cls, conn: Connection, source_ids: Sequence[int]) -> None:
        """Remove sources' term rows and documents."""
        ids = [int(i) for i in source_ids]
        for i in range(0, len(ids), _CHUNK):
            part = ids[i : i + _CHUNK]
            for name in ("search_term", "search_doc"):
                conn.execute(
                    text(f"DELETE FROM {name} WHERE source_id IN :ids").bindparams(
                        bindparam("ids", expanding=True)
                    ),
                    {"ids": part},
                )

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """Sources holding, for every word position, one of its alternatives."""
        if not words or any(not w for w in words):
            return set()
        if any(len(w) > _MAX_ALTERNATIVES for w in words):
            return None
        params: dict[str, object] = {"c": _COLUMNS[column]}
        parts = []
        for i, alternatives in enumerate(words):
            parts.append(
                "SELECT source_id FROM search_term "
                f"WHERE col = :c AND term = ANY(CAST(:w{i} AS text[]))"
            )
            params[f"w{i}"] = sorted(alternatives)
        with self._p.reading() as conn:
            rows = conn.execute(text(" INTERSECT ".join(parts)), params)
            return {int(r[0]) for r in rows}

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Term -> (occurrences, sources), summed over the term table."""
        found = self._vocab.get(column)
        if found is None:
            with self._p.reading() as conn:
                rows = conn.execute(
                    text(
                        "SELECT term, sum(cnt), count(*) FROM search_term WHERE col = :c "
                        "GROUP BY term"
                    ),
                    {"c": _COLUMNS[column]},
                )
                found = {str(a): (int(b), int(c)) for a, b, c in rows}
            self._vocab[column] = found
        return found
