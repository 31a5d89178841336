"""Every analysis operation changes the project, undo restores it exactly, redo re-applies it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.map_builders import causal_network, context_chart
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
    cell_memo: int
    arrow: int
    effects: int
    rule: int


def seed(p: Project, st: Any) -> Seeded:
    spec = ready_spec(p, "framework")
    display = p.displays.save("Kerangka", spec).result.id
    p.cells.set_summary(
        display, str(st.case["I1"]), str(st.code["Komunikasi"]), "Ringkasan", [st.c["c1"]]
    )
    p.cells.rate(display, str(st.case["I2"]), str(st.code["Sumber daya"]), "inadequate")
    conclusion = p.conclusions.create(
        "Sosialisasi belum merata.",
        supporting=[st.c["c7"]],
        contradicting=[st.c["c1"]],
        display_id=display,
    ).result.id
    memo = p.memos.create("Cek ulang dengan observasi.").result.id
    comment = p.review.add("conclusion", conclusion, "Bukti dari satu informan saja?").result.id
    cell_memo = p.memos.create("I1 bicara soal sosialisasi.", target="cell", target_id=display,
                               cell=("I1", "Komunikasi")).result.id  # fmt: skip
    p.memos.create("Kerangka awal.", target="display", target_id=display)
    network = causal_network(
        p, links=[(st.code["Komunikasi"], st.code["Disposisi"], None)], op="and"
    )
    arrow = p.maps.generate("Jaringan kausal", network).result.links[0].id
    effects = p.displays.save("Efek", ready_spec(p, "effects", group="OPD")).result.id
    p.effects.set_type(effects, str(st.code["Komunikasi"]), None, "side")
    p.member_checks.set("case", st.case["I1"], "sent", checked_on="2024-05-01")
    rule = p.decision_rules.add(display, "Satu suara per informan.", "2024-05-01").result.id
    return Seeded(st, display, conclusion, memo, comment, cell_memo, arrow, effects, rule)


Op = Callable[[Project, Seeded], Any]
OPERATIONS: dict[str, Op] = {
    "display.save": lambda p, s: p.displays.save("Faktor", ready_spec(p, "factors")),
    "display.rename": lambda p, s: p.displays.rename(s.display, "Matriks kerangka"),
    "display.update": lambda p, s: p.displays.update(s.display, ready_spec(p, "matrix")),
    "display.delete": lambda p, s: p.displays.delete(s.display),
    "display.summary": lambda p, s: p.cells.set_summary(s.display, str(s.st.case["I2"]),
                                                   str(s.st.code["Komunikasi"]), "Baru"),
    "display.summary_edit": lambda p, s: p.cells.set_summary(s.display, str(s.st.case["I1"]),
                                                        str(s.st.code["Komunikasi"]), "Diubah"),
    "display.summary_clear": lambda p, s: p.cells.clear_summary(s.display, str(s.st.case["I1"]),
                                                           str(s.st.code["Komunikasi"])),
    "display.autofill": lambda p, s: p.cells.autofill(s.display),
    "display.evidence": lambda p, s: p.cells.choose_evidence(
        s.display, str(s.st.case["I1"]), str(s.st.code["Komunikasi"]), add=[s.st.c["c5"]],
        remove=[s.st.c["c1"]]),
    "display.rate": lambda p, s: p.cells.rate(s.display, str(s.st.case["I1"]),
                                              str(s.st.code["Komunikasi"]), "adequate", "cek"),
    "display.rate_edit": lambda p, s: p.cells.rate(s.display, str(s.st.case["I2"]),
                                                   str(s.st.code["Sumber daya"]), "absent"),
    "display.rate_clear": lambda p, s: p.cells.clear_rating(s.display, str(s.st.case["I2"]),
                                                            str(s.st.code["Sumber daya"])),
    "conclusion.create": lambda p, s: p.conclusions.create("Anggaran menghambat.",
                                                           supporting=[s.st.c["c2"], s.st.c["c8"]]),
    "conclusion.edit": lambda p, s: p.conclusions.edit(s.conclusion, text="Direvisi",
                                                       status="verified"),
    "conclusion.link": lambda p, s: p.conclusions.link_evidence(s.conclusion, [s.st.c["c6"]]),
    "conclusion.relink": lambda p, s: p.conclusions.link_evidence(s.conclusion, [s.st.c["c1"]],
                                                       "supporting", "salah tafsir"),
    "conclusion.unlink": lambda p, s: p.conclusions.unlink_evidence(s.conclusion, [s.st.c["c7"]]),
    "conclusion.note": lambda p, s: p.conclusions.note_evidence(
        s.conclusion, s.st.c["c1"], "Optimis"
    ),
    "conclusion.display": lambda p, s: p.conclusions.link_display(
        s.conclusion, s.display, "1", "2"
    ),
    "conclusion.undisplay": lambda p, s: p.conclusions.unlink_display(
        s.conclusion, p.conclusions.get(s.conclusion).displays[0].id
    ),
    "conclusion.memo": lambda p, s: p.conclusions.link_memo(s.conclusion, s.memo),
    "conclusion.delete": lambda p, s: p.conclusions.delete(s.conclusion),
    "memo.on_display": lambda p, s: p.memos.create("Pola", target="display", target_id=s.display),
    "memo.on_cell": lambda p, s: p.memos.create("Sel", target="cell", target_id=s.display,
                                                cell=(str(s.st.case["I2"]), "Sumber daya")),
    "memo.delete_cell": lambda p, s: p.memos.delete(s.cell_memo),
    "memo.link": lambda p, s: p.memos.link_display(s.memo, s.display),
    "memo.link_move": lambda p, s: p.memos.link_display(s.cell_memo, s.display,
                                                        ("I2", "Sumber daya")),
    "memo.unlink": lambda p, s: p.memos.unlink_display(s.cell_memo),
    "map.generate": lambda p, s: p.maps.generate("Bagan konteks", context_chart(p, group_by="OPD")),
    "map.annotate": lambda p, s: p.maps.annotate_link(s.arrow, sign="-", strength="strong",
                                                      evidence=[s.st.c["c2"]]),
    "map.annotate_evidence": lambda p, s: p.maps.annotate_link(
        s.arrow, add_evidence=[s.st.c["c2"]], remove_evidence=_cited(p, s.arrow)[:1]),
    "display.effect_type": lambda p, s: p.effects.set_type(
        s.effects, str(s.st.code["Sumber daya"]), "Bappeda", "meta"),
    "display.effect_type_edit": lambda p, s: p.effects.set_type(
        s.effects, str(s.st.code["Komunikasi"]), None, "direct"),
    "display.effect_type_clear": lambda p, s: p.effects.clear_type(
        s.effects, str(s.st.code["Komunikasi"]), None),
    "member_check.set": lambda p, s: p.member_checks.set(
        "conclusion", s.conclusion, "disputed", note="Angka ditolak", checked_on="2024-06-01"),
    "member_check.edit": lambda p, s: p.member_checks.set("case", s.st.case["I1"], "confirmed"),
    "member_check.clear": lambda p, s: p.member_checks.set("case", s.st.case["I1"], "not_asked"),
    "display.rule": lambda p, s: p.decision_rules.add(s.display, "Sel memadai bila >= 2 informan."),
    "display.rule_edit": lambda p, s: p.decision_rules.edit(s.rule, "Satu suara per peserta FGD.",
                                                            "2024-05-02"),
    "display.rule_delete": lambda p, s: p.decision_rules.delete(s.rule),
    "review.add": lambda p, s: p.review.add("cell", s.display, "Isi sel ini?",
                                              row_key="1", col_key="1"),
    "review.reply": lambda p, s: p.review.reply(s.comment, "Sudah ditambah."),
    "review.resolve": lambda p, s: p.review.resolve(s.comment),
    "review.delete": lambda p, s: p.review.delete(s.comment),
    "review.merge": lambda p, s: merge_review(p, _reviewed_copy(p, s)),
}  # fmt: skip


def _cited(p: Project, link_id: int) -> list[int]:
    """The codings arrow ``link_id`` cites now."""
    links = [lk for map_id, _name in p.maps.all() for lk in p.maps.get(map_id).links]
    return list(next(lk for lk in links if lk.id == link_id).evidence)


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
    p.conclusions.link_memo(ids.conclusion, ids.memo)
    before = snapshot(p)
    p.conclusions.unlink_memo(ids.conclusion, ids.memo)
    assert p.conclusions.get(ids.conclusion).memo_ids == ()
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
    p.conclusions.link_memo(ids.conclusion, ids.memo)
    p.codings.remove([st.c["c7"]])
    p.memos.delete(ids.memo)
    record = p.conclusions.get(ids.conclusion)
    assert st.c["c7"] in record.supporting  # the link remains, reported as missing by verify


def test_accept_draft_undo_redo(study) -> None:
    p, st = study
    ids = seed(p, st)
    p.cells.autofill(ids.display)
    key = (str(st.case["I2"]), str(st.code["Komunikasi"]))
    before = snapshot(p)
    p.cells.accept(ids.display, *key)
    after = snapshot(p)
    assert after != before and not p.cells.summary(ids.display, *key).draft
    p.undo()
    assert snapshot(p) == before
    p.redo()
    assert snapshot(p) == after
