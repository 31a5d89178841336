"""Display builds and agreement report progress, stop on Cancel and give the same results."""

from __future__ import annotations

from collections import Counter

import pytest

from qualcode.analysis.agreement import agreement
from qualcode.analysis.corpus import CODER, SRC, coders, codings_per_coder, load_corpus
from qualcode.analysis.displays import ready_spec
from qualcode.analysis.engine import build_display
from qualcode.analysis.excerpts import cell_excerpts
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.errors import CancelledError
from qualcode.project import Project
from support.hooks import Recorder, StopAt


def _specs(p: Project) -> dict[str, DisplaySpec]:
    codes = [c.id for c in p.codes.all()]
    return {
        "sql": ready_spec(p, "matrix", columns="cases"),
        "python": ready_spec(p, "matrix", columns="cases").with_(measure="sources"),
        "excerpts": DisplaySpec.make(
            "matrix", Dim.of("codes", ids=codes), Dim.of("sources"), cell="excerpts"
        ),
        "relation": ready_spec(p, "cooccurrence"),
    }


def _checks(run) -> int:
    counter = StopAt()
    run(counter)
    return counter.calls


@pytest.mark.parametrize("kind", ["sql", "python", "excerpts", "relation"])
def test_display_same_result_with_hooks(sample: Project, kind: str) -> None:
    spec = _specs(sample)[kind]
    plain = build_display(sample, spec)
    hooked = build_display(sample, spec, progress=Recorder(), cancel=StopAt())
    assert hooked.to_dict() == plain.to_dict()
    cell = next((r, c) for r, line in enumerate(plain.counts) for c, n in enumerate(line) if n)
    assert hooked.cell_codings(*cell) == plain.cell_codings(*cell)


@pytest.mark.parametrize("kind", ["sql", "python", "excerpts", "relation"])
def test_display_cancel_after_each_check(sample: Project, kind: str) -> None:
    spec = _specs(sample)[kind]
    total = _checks(lambda cancel: build_display(sample, spec, cancel=cancel))
    assert total >= 2  # at least before and after the work
    for n in sorted({1, 2, total // 2, total}):
        stop = StopAt(n)
        with pytest.raises(CancelledError):
            build_display(sample, spec, cancel=stop)
        assert stop.calls == n  # stopped at the first check that saw Cancel


@pytest.mark.parametrize("kind", ["sql", "python"])
def test_display_progress_reaches_total(sample: Project, kind: str) -> None:
    progress = Recorder()
    build_display(sample, _specs(sample)[kind], progress=progress)
    assert progress.seen
    done, total = progress.seen[-1]
    assert total > 0 and done == total
    dones = [d for d, _ in progress.seen]
    assert dones == sorted(dones)
    assert all(t == total for _, t in progress.seen)


def test_python_progress_counts_every_coding(sample: Project) -> None:
    progress = Recorder()
    build_display(sample, _specs(sample)["python"], progress=progress)
    # the sample counts its analysis coder (the researcher) only
    assert progress.seen[-1][1] == len(load_corpus(sample, {"coders": ["peneliti"]}).codings)


def test_agreement_hooks(study) -> None:
    p, _st = study
    plain = agreement(p, ["ana", "budi"])
    progress = Recorder()
    assert agreement(p, ["ana", "budi"], progress=progress, cancel=StopAt()) == plain
    assert progress.seen[-1] == (len(plain.source_ids), len(plain.source_ids))
    for level in ("character", "segment"):
        total = _checks(lambda cancel, lv=level: agreement(p, ["ana", "budi"], level=lv,
                                                          cancel=cancel))  # fmt: skip
        for n in sorted({1, total}):
            stop = StopAt(n)
            with pytest.raises(CancelledError):
                agreement(p, ["ana", "budi"], level=level, cancel=stop)
            assert stop.calls == n


def test_agreement_progress_on_the_sample(sample: Project) -> None:
    names = sorted({n for per in codings_per_coder(sample).values() for n in per})
    assert len(names) >= 2  # the sample study is coded by the researcher and a second coder
    progress = Recorder()
    report = agreement(sample, names, sources=None, progress=progress)
    done, total = progress.seen[-1]
    assert done == total == len(report.source_ids)


def test_cell_excerpts_are_the_cell_codings(sample: Project) -> None:
    spec = _specs(sample)["excerpts"]
    display = build_display(sample, spec)
    filled = [(r, c) for r, line in enumerate(display.counts) for c, n in enumerate(line) if n]
    assert filled
    for r, c in filled:
        found = cell_excerpts(sample, display, r, c)
        assert sorted(e.coding_id for e in found) == display.cell_codings(r, c)
        assert found == display.excerpts[(r, c)]  # same excerpts, same order as the build
        for e in found:
            assert sample.sources.text(e.source_id)[e.start : e.end] == e.text
    empty = display.empty_cells()
    if empty:
        assert cell_excerpts(sample, display, *empty[0]) == []


def test_cell_excerpts_of_a_sql_display(sample: Project) -> None:
    display = build_display(sample, _specs(sample)["sql"])
    r, c = next((r, c) for r, line in enumerate(display.counts) for c, n in enumerate(line) if n)
    found = cell_excerpts(sample, display, r, c)
    assert len(found) == display.counts[r][c]
    keys = [(e.source.casefold(), e.start, e.end, e.coding_id) for e in found]
    assert keys == sorted(keys)


def test_coders_readers_match_the_corpus(sample: Project) -> None:
    corpus = load_corpus(sample)
    assert coders(sample) == sorted(set(corpus.coders.values()), key=str.casefold)
    expected: dict[int, Counter[str]] = {}
    for c in corpus.codings:
        expected.setdefault(c[SRC], Counter())[corpus.coders[c[CODER]]] += 1
    assert codings_per_coder(sample) == {sid: dict(n) for sid, n in expected.items()}


def test_coders_of_a_new_project(project: Project) -> None:
    assert coders(project) == []
    sid = project.sources.add_text("S", "Satu dua tiga.").result.id
    code = project.codes.create("K").result
    project.codings.apply(sid, 0, 4, code.id)
    assert coders(project) == ["ana"]
    assert codings_per_coder(project) == {sid: {"ana": 1}}
