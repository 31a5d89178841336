"""The PostgreSQL index gives exactly the SQLite index's hits, counts and sentences."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from qualcode.project import Project
from qualcode.search.autocode import preview_search
from qualcode.search.index import PgIndex, SqliteIndex, open_index, rebuild_index
from qualcode.search.scope import Scope
from qualcode.search.search import search
from qualcode.search.words import word_frequencies
from qualcode.store.engine import make_engine
from qualcode.team.sync import push

QUERIES = [
    ("smart city", "exact"),
    ("anggaran terbatas", "words"),
    ("sinyal internet", "any"),
    ("layanan", "lemma"),
    ("sosialisasi", "lemma"),
    ("koordinasi dinas", "lemma"),
    ("layan*", "wildcard"),
    ("*si", "wildcard"),
    ("ibu", "words"),
    ('"command center" dashboard', "any"),
    (r"\bNIB\b", "regex"),
    ("koordinasi", "fuzzy"),
    ("zzzyxq", "words"),
]


@pytest.fixture(scope="module")
def pg_sample(sample_file: Path, pg_server: object) -> Iterator[Project]:
    """The indexed sample study copied to a PostgreSQL database (ids kept by ``push``)."""
    url = pg_server.new_database()  # type: ignore[attr-defined]
    push(sample_file, url)
    p = Project.open(url, coder="peneliti")
    try:
        yield p
    finally:
        p.close()
        pg_server.drop_database(url)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("query", "mode"), QUERIES)
@pytest.mark.parametrize("case_sensitive", [False, True])
def test_every_mode_gives_identical_hits(
    shared: Project, pg_sample: Project, query: str, mode: str, case_sensitive: bool
) -> None:
    on_sqlite = search(shared, query, mode, case_sensitive=case_sensitive)
    on_pg = search(pg_sample, query, mode, case_sensitive=case_sensitive)
    assert on_pg == on_sqlite
    if query != "zzzyxq" and not case_sensitive:
        assert on_pg  # the comparison is not vacuous


def test_the_pg_index_is_stored_and_shared(pg_sample: Project) -> None:
    index = open_index(pg_sample)
    assert isinstance(index, PgIndex) and index.fresh()
    with pg_sample.reading() as conn:
        docs = conn.execute(text("SELECT count(*) FROM search_doc")).scalar()
        terms = conn.execute(text("SELECT count(DISTINCT source_id) FROM search_term")).scalar()
    assert docs == terms == pg_sample.info().sources
    # A second client finds the index fresh and indexes nothing.
    url = pg_sample.engine.url.render_as_string(hide_password=False)
    with Project.open(url, coder="budi") as other:
        other_index = open_index(other)
        assert isinstance(other_index, PgIndex)
        assert other_index.sync().added == 0


def test_counts_sentences_and_autocode_agree(shared: Project, pg_sample: Project) -> None:
    for by in ("key", "form"):
        assert word_frequencies(pg_sample, by=by, top=200) == word_frequencies(
            shared, by=by, top=200
        )
    grouped = word_frequencies(pg_sample, group_by="source", top=20)
    assert grouped == word_frequencies(shared, group_by="source", top=20)
    sq, pg = open_index(shared), open_index(pg_sample)
    assert isinstance(sq, SqliteIndex)
    assert sq.languages() == pg.languages()
    for sid in sq.languages():
        assert pg.sentences(sid) == sq.sentences(sid)
    code = shared.codes.all()[0].name
    for unit in ("hit", "sentence"):
        a = preview_search(shared, code, "sosialisasi", "lemma", unit=unit)
        b = preview_search(pg_sample, code, "sosialisasi", "lemma", unit=unit)
        assert [(c.source_id, c.start, c.end) for c in b.candidates] == [
            (c.source_id, c.start, c.end) for c in a.candidates
        ]


def test_candidates_never_miss_a_source(shared: Project, pg_sample: Project) -> None:
    """The term-table prefilter may keep more sources than FTS5's phrase check, never fewer."""
    sq, pg = open_index(shared), open_index(pg_sample)
    for column, words in (
        ("forms", [{"smart"}, {"city"}]),
        ("keys", [{"layan"}]),
        ("forms", [{"anggaran", "sinyal"}, {"terbatas", "internet"}]),
        ("forms", [{"tidakadakata"}]),
    ):
        expected = sq.candidates(column, words)  # type: ignore[arg-type]
        found = pg.candidates(column, words)  # type: ignore[arg-type]
        assert expected is not None and found is not None
        assert expected <= found
    assert pg.candidates("forms", []) == set()


def test_scoped_search_and_rebuild(shared: Project, pg_sample: Project) -> None:
    first = shared.sources.all()[0]
    code = shared.codes.all()[0]
    for scope in (Scope(sources=(first.id,)), Scope(codes=(code.id,))):
        assert search(pg_sample, "desa", scope=scope) == search(shared, "desa", scope=scope)
    before = search(pg_sample, "layanan", "lemma")
    report = rebuild_index(pg_sample)
    assert report.added == pg_sample.info().sources
    assert search(pg_sample, "layanan", "lemma") == before


def test_two_clients_indexing_at_once(pg_url: str) -> None:
    with Project.create(pg_url, coder="ana") as p:
        for i in range(6):
            p.sources.add_text(
                f"S{i}", f"Warga desa {i} mengeluhkan pelayanan publik.", language="id"
            )
    errors: list[BaseException] = []
    hits: list[int] = []

    def client(name: str) -> None:
        try:
            with Project.open(pg_url, coder=name) as q:
                hits.append(len(search(q, "layanan", "lemma")))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(n,)) for n in ("ana", "budi", "citra")]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert not errors, errors
    assert hits == [6, 6, 6]
    with Project.open(pg_url, coder="ana") as q, q.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_doc")).scalar() == 6


def _second_handle(project: Project, coder: str) -> Project:
    """Another client on the same project (a file: without the writer lock, as a test only)."""
    if project.path is None:
        return Project.open(project.engine.url.render_as_string(hide_password=False), coder=coder)
    return Project(make_engine(project.path), location=str(project.path), read_only=False,
                   coder=coder)  # fmt: skip


def test_another_clients_reindex_reaches_my_cached_tokens(project: Project) -> None:
    src = project.sources.add_text(
        "Notes", "Pelayanan publik dilayani oleh pegawai yang melayani warga.", language="id"
    ).result
    gone = project.sources.add_text("Gone", "Zebrakuda zebrakuda.", language="id").result
    assert len(search(project, "layanan", "lemma")) == 3  # tokens now cached here
    assert "zebrakuda" in {w.word for w in word_frequencies(project, by="form")}
    other = _second_handle(project, "budi")
    try:
        other.sources.update(src.id, language="en")
        assert search(other, "layanan", "lemma") == []  # budi's client re-indexes the source
        other.sources.delete(gone.id)
    finally:
        other.close()
    assert open_index(project).languages() == {src.id: "en"}
    assert search(project, "layanan", "lemma") == []
    assert "zebrakuda" not in {w.word for w in word_frequencies(project, by="form")}


def test_search_inside_an_operation_on_postgresql(pg_url: str) -> None:
    with Project.create(pg_url, coder="ana") as p:
        with p.undo_group("Add and code"):
            src = p.sources.add_text("A", "Sinyal lemah di desa.", language="id").result
            hits = search(p, "sinyal")  # indexed inside the open transaction (tables too)
            code = p.codes.create("Sinyal").result
            p.codings.apply(src.id, hits[0].start, hits[0].end, code.id)
        assert [(h.start, h.end) for h in hits] == [(0, 6)]
        assert isinstance(open_index(p), PgIndex)
        p.undo()
        assert search(p, "sinyal") == []
