"""Search over the sample study: modes, the index against the reference matcher, scopes, KWIC."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.errors import NotFoundError, ValidationError
from qualcode.project import Project
from qualcode.search.index import MemoryIndex, SqliteIndex, open_index
from qualcode.search.scope import Scope
from qualcode.search.search import find_spans, search
from qualcode.text.analyzer import get_analyzer
from qualcode.text.fuzzy import keyword_in_context
from qualcode.text.query import find_matches, parse_query


def forms(hits: list) -> set[str]:
    return {h.text.lower() for h in hits}


def test_lemma_finds_affixed_forms_that_exact_misses(shared: Project) -> None:
    lemma = forms(search(shared, "sosialisasi", "lemma"))
    exact = forms(search(shared, "sosialisasi", "exact"))
    assert {"disosialisasikan", "mensosialisasikan", "sosialisasi"} <= lemma
    assert exact == {"sosialisasi"}
    layanan = forms(search(shared, "layanan", "lemma"))
    assert {"pelayanan", "melayani", "layanan"} <= layanan
    assert not {"pelayanan", "melayani"} & forms(search(shared, "layanan", "exact"))


@pytest.mark.parametrize(
    ("query", "mode"),
    [
        ("smart city", "exact"),
        ("anggaran terbatas", "words"),
        ("sinyal internet", "any"),
        ("layanan", "lemma"),
        ("koordinasi dinas", "lemma"),
        ("layan*", "wildcard"),
        ("ibu", "words"),
        ('"command center" dashboard', "any"),
    ],
)
def test_index_agrees_with_the_reference_matcher(shared: Project, query: str, mode: str) -> None:
    got = {
        sid: [(a, b) for a, b, _ in spans] for sid, spans in find_spans(shared, query, mode).items()
    }
    langs = open_index(shared).languages()
    expected = {}
    for src in shared.sources.all():
        lang = langs[src.id]
        text = shared.sources.text(src.id)
        found = find_matches(
            text, get_analyzer(lang).analyze(text), parse_query(query, mode, language=lang)
        )
        if found:
            expected[src.id] = found
    assert got == expected
    assert got  # every query above occurs in the sample


def test_case_sensitive_regex_and_fuzzy(shared: Project) -> None:
    upper = search(shared, "Sosialisasi", "exact", case_sensitive=True)
    assert upper and all(h.text == "Sosialisasi" for h in upper)
    assert len(upper) < len(search(shared, "sosialisasi", "exact"))
    nib = search(shared, r"\bNIB\b", "regex", case_sensitive=True)
    total = sum(
        len(re.findall(r"\bNIB\b", shared.sources.text(s.id))) for s in shared.sources.all()
    )
    assert len(nib) == total > 0
    fuzzy = forms(search(shared, "koordinasi", "fuzzy", threshold=85))
    assert "kordinasi" in fuzzy and "koordinasi" in fuzzy
    with pytest.raises(ValidationError):
        search(shared, "([", "regex")


def test_hits_are_kwic_lines_openable_at_the_hit(shared: Project) -> None:
    hits = search(shared, "blank spot", "exact", context=30)
    assert hits
    for h in hits:
        text = shared.sources.text(h.source_id)
        # punctuation between the words is ignored, as in FTS5 ("blank-spot" matches)
        assert re.sub(r"\W+", " ", text[h.start : h.end].lower()) == "blank spot"
        assert (h.left, h.text, h.right) == keyword_in_context(text, h.start, h.end, 30)
        assert h.source == shared.sources.get(h.source_id).name
    turn_hits = [h for h in hits if h.speaker]
    assert turn_hits
    h = turn_hits[0]
    link = next(
        lk
        for lk in shared.cases.links(source_id=h.source_id)
        if lk.start is not None and lk.start <= h.start < lk.end
    )
    assert (h.case, h.speaker) == (shared.cases.get(link.case_id).name, link.speaker)
    assert len(search(shared, "blank spot", "exact", limit=2)) == 2


def test_scope_by_case_attribute_source_and_code(sample: Project) -> None:
    i1 = sample.cases.find("I1")
    ranges = [(lk.source_id, lk.start, lk.end) for lk in sample.cases.links(case_id=i1.id)]
    hits = search(sample, "smart", "words", scope=Scope(cases=["I1"]))
    assert hits
    assert all(
        any(s == h.source_id and a <= h.start and h.end <= b for s, a, b in ranges) for h in hits
    )
    assert len(hits) < len(search(sample, "smart", "words"))

    w1 = sample.sources.find("W1 Kepala Diskominfo")
    only = search(sample, "smart", "words", scope=Scope(sources=[w1.name]))
    assert only and {h.source_id for h in only} == {w1.id}

    attrs = sample.attributes.values("case")
    value = attrs[i1.id]["Instansi"]
    by_attr = search(sample, "smart", "words", scope=Scope(attributes={"Instansi": str(value)}))
    assert {(h.source_id, h.start) for h in hits} <= {(h.source_id, h.start) for h in by_attr}

    code = sample.codes.create("Anggaran (search test)").result
    text = sample.sources.text(w1.id)
    first = re.search(r"\banggaran\b", text).start()  # type: ignore[union-attr]
    sample.codings.apply(w1.id, first - 5, first + 20, code.id)
    coded = search(sample, "anggaran", "words", scope=Scope(codes=["Anggaran (search test)"]))
    assert [(h.source_id, h.start) for h in coded] == [(w1.id, first)]
    with pytest.raises(NotFoundError):
        search(sample, "anggaran", scope=Scope(codes=["No such code"]))


def test_read_only_project_without_index_scans_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "ro.qdaproj"
    with Project.create(path, coder="ana") as p:
        p.sources.add_text(
            "A", "Pelayanan publik dilayani dengan baik. Layanan online.", language="id"
        )
    with Project.open(path, read_only=True) as ro:
        index = open_index(ro)
        assert isinstance(index, MemoryIndex)
        assert forms(search(ro, "layanan", "lemma")) == {"pelayanan", "dilayani", "layanan"}
    with Project.open(path, coder="ana") as rw:
        assert isinstance(open_index(rw), SqliteIndex)
        assert len(search(rw, "layanan", "lemma")) == 3
    with Project.open(path, read_only=True) as ro:  # now indexed: the file's index is used
        assert isinstance(open_index(ro), SqliteIndex)
        assert len(search(ro, "layanan", "lemma")) == 3
