"""A team server's search index rows that do not follow from the texts are found and replaced.

Whoever can write ``search_doc``/``search_term`` (here the database superuser)
could empty or bend every member's search: the client checks each source's
rows against its text and indexes altered sources again (an owner's client).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from qualcode.errors import SearchIndexAlteredError
from qualcode.project import Project
from qualcode.search.index import PgIndex, index_warnings, open_index
from qualcode.search.search import search
from qualcode.store.engine import make_engine

TEXTS = {
    "W1 Kadis": "P: Bagaimana sosialisasi aplikasi di desa?\nI: Sosialisasi sudah dilakukan.",
    "W2 Kasi": "P: Apakah anggaran cukup?\nI: Anggaran kurang, koordinasi antar OPD lemah.",
    "W3 Warga": "I: Sinyal internet susah, pelayanan publik lambat, sosialisasi kurang.",
}


@pytest.fixture
def indexed(pg_url: str) -> Iterator[tuple[str, dict[str, int]]]:
    """A PostgreSQL project with three sources and its stored index built."""
    with Project.create(pg_url, coder="ana") as p:
        ids = {name: p.sources.add_text(name, body).result.id for name, body in TEXTS.items()}  # type: ignore[union-attr]
        assert isinstance(open_index(p), PgIndex)
        assert index_warnings(p) == []
    yield pg_url, ids


def _raw(url: str, *statements: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def _hits(p: Project, query: str) -> set[int]:
    return {h.source_id for h in search(p, query, "lemma")}


def _warned(p: Project, name: str) -> None:
    (warning,) = index_warnings(p)
    assert isinstance(warning, SearchIndexAlteredError)
    assert name in str(warning) and "indexed again" in str(warning)


def test_deleted_term_rows_are_found_and_rebuilt(indexed: tuple[str, dict[str, int]]) -> None:
    url, ids = indexed
    with Project.open(url, coder="ana") as p:
        expected = _hits(p, "sosialisasi")
        assert expected == {ids["W1 Kadis"], ids["W3 Warga"]}
        assert index_warnings(p) == []
        # The same client notices a change made after it verified the index.
        _raw(url, f"DELETE FROM search_term WHERE source_id = {ids['W3 Warga']}")
        assert _hits(p, "sosialisasi") == expected
        _warned(p, "W3 Warga")
    with Project.open(url, coder="ana") as p:
        assert _hits(p, "sosialisasi") == expected
        assert index_warnings(p) == []  # rebuilt: nothing to report any more


def test_rewritten_offsets_and_forged_words_are_found(indexed: tuple[str, dict[str, int]]) -> None:
    url, ids = indexed
    w1, w2 = ids["W1 Kadis"], ids["W2 Kasi"]
    # Offsets shifted by one character; and a consistent forgery: W2's word "kurang"
    # renamed "sosialisasi" in its forms, keys and term rows alike.
    engine = make_engine(url)
    with engine.begin() as conn:
        forms, keys = conn.execute(
            text(f"SELECT forms, keys FROM search_doc WHERE source_id = {w2}")
        ).one()
        fake = [
            zlib.compress(zlib.decompress(bytes(b)).replace(b"kurang", b"sosialisasi"))
            for b in (forms, keys)
        ]
        conn.execute(
            text(f"UPDATE search_doc SET forms = :f, keys = :k WHERE source_id = {w2}"),
            {"f": fake[0], "k": fake[1]},
        )
        conn.execute(
            text(
                f"UPDATE search_term SET term = 'sosialisasi' WHERE source_id = {w2} "
                "AND term = 'kurang'"
            )
        )
        offsets = conn.execute(
            text(f"SELECT offsets FROM search_doc WHERE source_id = {w1}")
        ).scalar_one()
        import numpy as np

        arr = np.frombuffer(zlib.decompress(bytes(offsets)), dtype="<u4") + 1
        conn.execute(
            text(f"UPDATE search_doc SET offsets = :o WHERE source_id = {w1}"),
            {"o": zlib.compress(arr.astype("<u4").tobytes())},
        )
    engine.dispose()
    with Project.open(url, coder="ana") as p:
        assert _hits(p, "sosialisasi") == {w1, ids["W3 Warga"]}
        (warning,) = index_warnings(p)
        assert "W1 Kadis" in str(warning) and "W2 Kasi" in str(warning)
        assert "W3 Warga" not in str(warning)


def test_term_rows_for_no_document_are_removed(indexed: tuple[str, dict[str, int]]) -> None:
    url, _ids = indexed
    _raw(url, "INSERT INTO search_term (col, term, source_id, cnt) VALUES (0, 'palsu', 999, 1)")
    with Project.open(url, coder="ana") as p:
        assert _hits(p, "palsu") == set()
        assert len(index_warnings(p)) == 1
    with Project.open(url, coder="ana") as p, p.reading() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM search_term WHERE source_id = 999")).scalar()
            == 0
        )


def test_the_cli_reports_and_rebuilds(indexed: tuple[str, dict[str, int]]) -> None:
    from click.testing import CliRunner

    from qualcode.cli.main import cli

    url, ids = indexed
    _raw(url, f"DELETE FROM search_term WHERE source_id = {ids['W2 Kasi']}")
    found = CliRunner().invoke(cli, ["search", url, "anggaran"], catch_exceptions=False)
    assert found.exit_code == 0
    assert "W2 Kasi" in found.stdout and "Warning:" in found.stderr
    assert "'W2 Kasi'" in found.stderr and "indexed again" in found.stderr
    rebuilt = CliRunner().invoke(cli, ["search", url, "--rebuild-index"], catch_exceptions=False)
    assert rebuilt.exit_code == 0 and "Search index rebuilt (3 source(s))" in rebuilt.stderr
    again = CliRunner().invoke(cli, ["search", url, "anggaran"], catch_exceptions=False)
    assert "Warning:" not in again.stderr
