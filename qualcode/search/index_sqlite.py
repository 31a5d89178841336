"""The index inside a SQLite project file: FTS5 as the prefilter.

A contentless FTS5 table holds one row per source with two columns, the word
forms and their match keys joined by spaces, so that FTS token ``i`` is word
``i`` of the source. MATCH finds the sources of a query (a phrase query when
every word has one form) and an ``fts5vocab`` table gives corpus counts
without reading documents.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import text

from qualcode.search.index_base import Column, unpack_text
from qualcode.search.index_stored import StoredIndex

if TYPE_CHECKING:
    from sqlalchemy import Connection

_MAX_ALTERNATIVES = 64  # wildcard expansions larger than this skip the FTS5 prefilter


class SqliteIndex(StoredIndex):
    """FTS5-backed index inside a SQLite project file (see the module docstring)."""

    TABLES = ("search_vocab_ins", "search_vocab_col", "search_fts", "search_doc", "search_meta")
    DDL = (
        "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE IF NOT EXISTS search_doc (source_id INTEGER PRIMARY KEY, guid TEXT, "
        "length INTEGER, declared TEXT, language TEXT, n_words INTEGER, forms BLOB, keys BLOB, "
        "offsets BLOB, sentences BLOB)",
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(forms, keys, content='', "
        "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-'\")",
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab_col USING fts5vocab(search_fts, 'col')",
    )
    NULL_SAFE_DIFFERS = "IS NOT"

    @staticmethod
    def has_tables(conn: Connection) -> bool:
        """Whether ``search_doc`` and ``search_meta`` exist in the file."""
        return (
            conn.execute(
                text(
                    "SELECT count(*) FROM sqlite_master WHERE name IN ('search_doc', 'search_meta')"
                )
            ).scalar()
            == 2
        )

    def _insert_terms(
        self, conn: Connection, source_id: int, forms: list[str], keys: list[str]
    ) -> None:
        conn.execute(
            text("INSERT INTO search_fts (rowid, forms, keys) VALUES (:id, :f, :k)"),
            {"id": source_id, "f": " ".join(forms), "k": " ".join(keys)},
        )

    @classmethod
    def delete_docs(cls, conn: Connection, source_ids: Sequence[int]) -> None:
        """Remove sources from the contentless FTS table (it needs the values) and search_doc."""
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
                {"i": sid, "f": unpack_text(row[0]), "k": unpack_text(row[1])},
            )
            conn.execute(text("DELETE FROM search_doc WHERE source_id = :i"), {"i": sid})

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
