"""Incremental coding updates of the document view equal a full redraw of the same codings."""

from __future__ import annotations

import random

import pytest

from qualcode.ui.widgets import CodingSpan, DocumentView
from qualcode.ui.widgets.document_model import (
    busy_end,
    highlight_runs,
    merge_ranges,
)

pytestmark = pytest.mark.ui

LINE = "Informan: koordinasi antar dinas masih lemah dan anggaran pelatihan terbatas sekali."


def _text() -> str:
    return "\n".join(f"{LINE} {k}" for k in range(60))


def _random_span(rng: random.Random, cid: int, length: int) -> CodingSpan:
    start = rng.randrange(0, length - 5)
    end = min(length, start + rng.randint(1, 400))
    code = rng.randrange(5)
    return CodingSpan(cid, start, end, code, f"Kode {code}", "#3366cc", "ana")


def _check(view: DocumentView) -> None:
    """Runs, range index and stripe columns agree with the spans shown."""
    ed = view.editor
    spans = ed.spans
    assert ed.highlight_runs == highlight_runs(spans, ed.is_shown)
    assert ed.run_ends == [r.end for r in ed.highlight_runs]
    for lo in range(0, len(ed.text), 97):
        hi = lo + 60
        expected = {i for i, s in enumerate(spans) if s.start < hi and s.end > lo}
        assert set(ed.span_index.overlapping(lo, hi)) == expected
    breaks, chars = ed._breaks, ed._line_chars
    shown = [i for i, s in enumerate(spans) if ed.is_shown(s)]
    assert all(ed.columns[i] >= 0 for i in shown)
    assert ed.column_count == max(ed.columns, default=-1) + 1
    for a in shown:
        for b in shown:
            if a < b and ed.columns[a] == ed.columns[b]:
                sa, sb = spans[a], spans[b]
                assert busy_end(sa, breaks, chars) <= sb.start or (
                    busy_end(sb, breaks, chars) <= sa.start
                ), "two stripes on one screen line share a column"
    assert {s.coding_id: i for i, s in enumerate(spans)} == ed._position


def test_random_adds_changes_and_removals_match_a_full_sweep(qtbot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    text = _text()
    rng = random.Random(11)
    base = [_random_span(rng, k, len(text)) for k in range(1, 120)]
    view.set_document(text, base)
    view.set_visible_codes({0, 1, 2, 3})  # code 4 is filtered out: no runs, no column
    current = {s.coding_id: s for s in base}
    next_id = 1000
    for _step in range(150):
        roll = rng.random()
        if roll < 0.4 or not current:
            span = _random_span(rng, next_id, len(text))
            next_id += 1
            view.update_codings([span])
            current[span.coding_id] = span
        elif roll < 0.7:
            gone = rng.sample(sorted(current), k=min(len(current), rng.randint(1, 3)))
            view.update_codings([], gone)
            for cid in gone:
                del current[cid]
        else:
            cid = rng.choice(sorted(current))
            span = _random_span(rng, cid, len(text))
            view.update_codings([span])
            current[cid] = span
        _check(view)
        assert {s.coding_id: s for s in view.editor.spans} == current


def test_an_added_coding_leaves_the_other_stripes_where_they_were(qtbot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    text = _text()
    first = CodingSpan(1, 0, 40, 1, "A", "#ff0000", "ana")
    second = CodingSpan(2, 20, 60, 2, "B", "#00ff00", "ana")
    view.set_document(text, [first, second])
    before = {view.editor.spans[i].coding_id: view.editor.columns[i] for i in range(2)}
    view.update_codings([CodingSpan(3, 10, 30, 3, "C", "#0000ff", "ana")])
    after = {s.coding_id: view.editor.columns[i] for i, s in enumerate(view.editor.spans)}
    assert {k: after[k] for k in before} == before
    assert after[3] == 2 and view.editor.column_count == 3
    assert set(view.codings_at(25)) == {1, 2, 3}
    view.update_codings([], [1])  # removing one keeps the rest and the reserved margin
    assert {s.coding_id for s in view.editor.spans} == {2, 3}
    assert view.editor.reserved_columns == 3
    _check(view)


def test_merge_ranges_joins_touching_ranges() -> None:
    assert merge_ranges([(5, 9), (0, 3), (3, 4), (8, 12), (20, 21)]) == [(0, 4), (5, 12), (20, 21)]
