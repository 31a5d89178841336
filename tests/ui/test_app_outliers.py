"""Outliers and extreme cases from the Analysis menu: computed on a worker, ranked like the
core, flagged cases expanded with their evidence, an excerpt opens in its source."""

from __future__ import annotations

from qualcode.analysis.outliers import outliers


def test_outliers_dialog_lists_the_cores_ranking(sample_window, qtbot):
    w = sample_window(coder="ana", size=(1300, 900))
    w.commands.trigger("analysis.outliers")
    dialog = w.findChild(object, "outliersDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=20000)
    expected = outliers(w.project)
    tree = dialog.tree
    shown = [
        tree.topLevelItem(i).text(0).removeprefix("! ") for i in range(tree.topLevelItemCount())
    ]
    assert shown == [o.case for o in expected.cases]
    first = tree.topLevelItem(0)
    assert first.text(0).startswith("! ") and first.isExpanded() and first.childCount() > 0
    opened = []
    w.jump_to = lambda *where: opened.append(where)
    dialog._open(first.child(0), 0)
    e = expected.cases[0].evidence[0]
    assert opened == [(e.source_id, e.start, e.end)]
    # a stricter rule recomputes: fewer flags
    dialog.threshold.setValue(3.0)
    before = dialog.view
    dialog.run()
    qtbot.waitUntil(lambda: dialog.view is not before, timeout=20000)
    flagged = [o for o in dialog.view.cases if o.flagged]
    assert len(flagged) < len([o for o in expected.cases if o.flagged])
