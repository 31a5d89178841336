"""Search and the auto-coding preview report progress, stop on Cancel and give the same results."""

from __future__ import annotations

import pytest

from qualcode.errors import CancelledError
from qualcode.project import Project
from qualcode.search.autocode import preview_search
from qualcode.search.search import find_spans, search
from support.hooks import Recorder, StopAt

QUERIES = [
    ("sosialisasi", "lemma"),
    ("anggaran", "words"),
    ("kordinasi", "fuzzy"),
    (r"\bsmart\b", "regex"),
]


@pytest.mark.parametrize(("query", "mode"), QUERIES)
def test_search_same_hits_with_hooks(shared: Project, query: str, mode: str) -> None:
    plain = search(shared, query, mode)
    progress = Recorder()
    assert search(shared, query, mode, progress=progress, cancel=StopAt()) == plain
    assert plain  # every query finds something in the sample study
    done, total = progress.seen[-1]
    assert done == total > 0
    dones = [d for d, _ in progress.seen]
    assert dones == sorted(dones) and all(t == total for _, t in progress.seen)


def test_progress_counts_the_sources_visited(shared: Project) -> None:
    progress = Recorder()
    find_spans(shared, "anggaran", "regex", progress=progress)
    total = progress.seen[-1][1]
    assert total == len(shared.sources.all())  # regex visits every source
    assert [d for d, _ in progress.seen[:-1]] == list(range(total))


@pytest.mark.parametrize(("query", "mode"), QUERIES)
def test_search_cancel_after_n_checks(shared: Project, query: str, mode: str) -> None:
    counter = StopAt()
    search(shared, query, mode, cancel=counter)
    total = counter.calls
    assert total >= 2
    for n in sorted({1, 2, total // 2, total}):
        stop = StopAt(n)
        with pytest.raises(CancelledError):
            search(shared, query, mode, cancel=stop)
        assert stop.calls == n


def test_search_with_a_limit_stops_early_but_checks(shared: Project) -> None:
    stop = StopAt(1)
    with pytest.raises(CancelledError):
        search(shared, "sosialisasi", "lemma", limit=1, cancel=stop)
    assert len(search(shared, "sosialisasi", "lemma", limit=1, cancel=StopAt())) == 1


@pytest.mark.parametrize("unit", ["hit", "sentence", "turn"])
def test_preview_search_hooks(sample: Project, unit: str) -> None:
    code = sample.codes.create("Sosialisasi").result
    plain = preview_search(sample, code.id, "sosialisasi", "lemma", unit=unit)
    progress = Recorder()
    hooked = preview_search(
        sample, code.id, "sosialisasi", "lemma", unit=unit, progress=progress, cancel=StopAt()
    )
    assert hooked == plain and len(plain) > 0
    assert progress.seen[-1][0] == progress.seen[-1][1] > 0
    counter = StopAt()
    preview_search(sample, code.id, "sosialisasi", "lemma", unit=unit, cancel=counter)
    for n in sorted({1, counter.calls // 2, counter.calls}):
        stop = StopAt(n)
        with pytest.raises(CancelledError):
            preview_search(sample, code.id, "sosialisasi", "lemma", unit=unit, cancel=stop)
        assert stop.calls == n
