"""The check coder sees the check sample: its units' margin is tinted in the document view."""

from __future__ import annotations

from qualcode.analysis.check_sample import check_sample, clear_check_sample
from qualcode.text.offsets import OffsetMap


def test_sample_units_are_marked_in_the_margin(sample_window, qtbot) -> None:
    w = sample_window(coder="pembimbing")
    sample = check_sample(w.project)
    assert sample is not None
    w1 = next(s for s in w.project.sources.all() if s.name.startswith("W1"))
    units = sample.by_source()[w1.id]
    w.workspace.show_source(w1.id)
    numbers = w.workspace.view.numbers
    assert w.workspace.sample_units == len(units) == 6
    assert "check sample: 6 units" in w.workspace.header.text()
    omap = OffsetMap(w.project.sources.text(w1.id))
    a, b = units[0]
    assert numbers.is_marked(omap.to_utf16(a), omap.to_utf16(b))
    before = units[0][0] - 2  # the line break before the first unit is not in it
    assert not numbers.is_marked(before, before)
    # clearing the sample (one operation) clears the marks
    w.dispatcher.run(clear_check_sample, w.project)
    qtbot.waitUntil(lambda: w.workspace.sample_units == 0, timeout=5000)
    assert not numbers.is_marked(omap.to_utf16(a), omap.to_utf16(b))
