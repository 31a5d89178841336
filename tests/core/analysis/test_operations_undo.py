"""Every analysis operation changes the project, undo restores it exactly, redo re-applies it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qualcode.analysis import conclusions as cl
from qualcode.analysis import framework as fw
from qualcode.analysis import saved as sv
from qualcode.analysis.displays import ready_spec
from qualcode.analysis.review_merge import merge_review
from qualcode.project import Project
from support.snapshots import snapshot


@dataclass
class Seeded:
    """Ids of the analysis objects made before each operation."""

    st: Any
    display: int
    conclusion: int
    memo: int
    comment: int


def seed(p: Project, st: Any) -> Seeded:
    spec = ready_spec(p, "framework")
    display = sv.save_display(p, "Kerangka", spec).result.id
    fw.set_summary(
        p, display, str(st.case["I1"]), str(st.code["Komunikasi"]), "Ringkasan", [st.c["c1"]]
    )
    conclusion = cl.create_conclusion(
        p, "Sosialisasi belum merata.", supporting=[st.c["c7"]], contradicting=[st.c["c1"]],
        display_id=display,
    ).result.id  # fmt: skip
    memo = p.memos.create("Cek ulang dengan observasi.").result.id
    comment = p.review.add("conclusion", conclusion, "Bukti dari satu informan saja?").result.id
    return Seeded(st, display, conclusion, memo, comment)


Op = Callable[[Project, Seeded], Any]
OPERATIONS: dict[str, Op] = {
    "display.save": lambda p, s: sv.save_display(p, "Faktor", ready_spec(p, "factors")),
    "display.rename": lambda p, s: sv.rename_display(p, s.display, "Matriks kerangka"),
    "display.update": lambda p, s: sv.update_display(p, s.display, ready_spec(p, "matrix")),
    "display.delete": lambda p, s: sv.delete_display(p, s.display),
    "display.summary": lambda p, s: fw.set_summary(p, s.display, str(s.st.case["I2"]),
                                                   str(s.st.code["Komunikasi"]), "Baru"),
    "display.summary_edit": lambda p, s: fw.set_summary(p, s.display, str(s.st.case["I1"]),
                                                        str(s.st.code["Komunikasi"]), "Diubah"),
    "display.summary_clear": lambda p, s: fw.clear_summary(p, s.display, str(s.st.case["I1"]),
                                                           str(s.st.code["Komunikasi"])),
    "display.autofill": lambda p, s: fw.autofill(p, s.display),
    "conclusion.create": lambda p, s: cl.create_conclusion(p, "Anggaran menghambat.",
                                                           supporting=[s.st.c["c2"], s.st.c["c8"]]),
    "conclusion.edit": lambda p, s: cl.edit_conclusion(p, s.conclusion, text="Direvisi",
                                                       status="verified"),
    "conclusion.link": lambda p, s: cl.link_evidence(p, s.conclusion, [s.st.c["c6"]]),
    "conclusion.relink": lambda p, s: cl.link_evidence(p, s.conclusion, [s.st.c["c1"]],
                                                       "supporting", "salah tafsir"),
    "conclusion.unlink": lambda p, s: cl.unlink_evidence(p, s.conclusion, [s.st.c["c7"]]),
    "conclusion.note": lambda p, s: cl.note_evidence(p, s.conclusion, s.st.c["c1"], "Optimis"),
    "conclusion.display": lambda p, s: cl.link_display(p, s.conclusion, s.display, "1", "2"),
    "conclusion.memo": lambda p, s: cl.link_memo(p, s.conclusion, s.memo),
    "conclusion.delete": lambda p, s: cl.delete_conclusion(p, s.conclusion),
    "review.add": lambda p, s: p.review.add("cell", s.display, "Isi sel ini?",
                                              row_key="1", col_key="1"),
    "review.reply": lambda p, s: p.review.reply(s.comment, "Sudah ditambah."),
    "review.resolve": lambda p, s: p.review.resolve(s.comment),
    "review.delete": lambda p, s: p.review.delete(s.comment),
    "review.merge": lambda p, s: merge_review(p, _reviewed_copy(p, s)),
}  # fmt: skip


def _reviewed_copy(p: Project, s: Seeded) -> Path:
    """A copy of ``p`` where a supervisor commented, resolved and check-coded."""
    import shutil

    from qualcode.store.engine import checkpoint

    checkpoint(p.engine)
    assert p.path is not None
    copy = p.path.with_name("reviewed.qdaproj")
    shutil.copy(p.path, copy)
    with Project.open(copy, coder="pembimbing", review=True) as r:
        r.review.add("code", s.st.code["Anggaran"], "Definisi?")
        r.review.resolve(s.comment)
        r.codings.apply(s.st.src["W1"], 0, 5, s.st.code["Anggaran"])
    return copy


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_undo_redo(study, name: str) -> None:
    p, st = study
    ids = seed(p, st)
    before = snapshot(p)
    changes = OPERATIONS[name](p, ids)
    after = snapshot(p)
    assert after != before, "the operation changed nothing"
    assert changes.touched, "the change set names nothing"
    assert p.undo_label() == changes.label
    undone = p.undo()
    assert undone is not None and undone.undo
    assert snapshot(p) == before
    redone = p.redo()
    assert redone is not None and redone.redo
    assert snapshot(p) == after
    p.undo()
    assert snapshot(p) == before


def test_unlink_memo_and_reopen(study) -> None:
    p, st = study
    ids = seed(p, st)
    cl.link_memo(p, ids.conclusion, ids.memo)
    before = snapshot(p)
    cl.unlink_memo(p, ids.conclusion, ids.memo)
    assert cl.get_conclusion(p, ids.conclusion).memo_ids == ()
    p.undo()
    assert snapshot(p) == before
    p.review.resolve(ids.comment)
    before = snapshot(p)
    p.review.set_status(ids.comment, "open")
    assert p.review.list(status="open")[0].id == ids.comment
    p.undo()
    assert snapshot(p) == before


def test_core_deletions_still_work_with_links(study) -> None:
    """Codings and memos linked from analysis tables can still be removed by core operations."""
    p, st = study
    ids = seed(p, st)
    cl.link_memo(p, ids.conclusion, ids.memo)
    p.codings.remove([st.c["c7"]])
    p.memos.delete(ids.memo)
    record = cl.get_conclusion(p, ids.conclusion)
    assert st.c["c7"] in record.supporting  # the link remains, reported as missing by verify
