"""Conclusions, their verification, and supervisor review comments."""

from __future__ import annotations

import pytest

from qualcode.analysis import conclusions as cl
from qualcode.analysis.displays import ready_spec
from qualcode.analysis.saved import save_display
from qualcode.analysis.verification import verify
from qualcode.errors import NotFoundError, ValidationError


def test_verification_counts_triangulation_and_roles(study) -> None:
    p, st = study
    c = st.c
    made = cl.create_conclusion(
        p, "Keterbatasan sumber daya menghambat implementasi.",
        supporting=[c["c2"], c["c4"], c["c8"], c["c10"]], contradicting=[c["c11"]],
    ).result  # fmt: skip
    v = verify(p, made.id, role_attribute="Jabatan")
    assert (v.supporting, v.contradicting, v.missing) == (4, 1, ())
    assert v.cases == ("I1", "I3")
    assert v.sources == ("O1", "W1", "W2")
    assert v.source_kinds == ("interview", "observation")
    assert v.triangulated_sources and v.triangulated_methods
    assert (v.top_case, v.top_case_share) == ("I1", 0.5)
    assert v.coders == ("ana",)
    assert v.roles_heard == ("Kadis", "Staf")
    assert v.silent_roles == ("Kabid", "Kasi")
    assert v.unaddressed == (c["c11"],) and not v.contradicting_addressed
    assert v.warnings == ("1 contradicting excerpt(s) are not addressed.",)

    cl.note_evidence(p, made.id, c["c11"], "Perbup mengatur anggaran, tapi realisasi kurang.")
    v = verify(p, made.id)
    assert v.contradicting_addressed and v.warnings == ()

    # a memo on the contradicting coding also counts as addressing it
    cl.note_evidence(p, made.id, c["c11"], "")
    p.memos.create("Dokumen vs praktik.", target="coding", target_id=c["c11"])
    assert verify(p, made.id).contradicting_addressed


def test_verification_flags_a_single_voice(study) -> None:
    p, st = study
    made = cl.create_conclusion(p, "Komunikasi kebijakan lemah.",
                                supporting=[st.c["c6"], st.c["c7"]]).result  # fmt: skip
    v = verify(p, made.id)
    assert (v.top_case, v.top_case_share, v.cases) == ("I2", 1.0, ("I2",))
    assert v.silent_roles == ("Kadis", "Kabid", "Staf")
    assert v.warnings == (
        "All supporting evidence comes from one informant.",
        "Only one source backs this conclusion (no triangulation by source).",
        "Only one kind of source backs it (no triangulation by method).",
    )
    p.codings.remove([st.c["c7"]])
    v = verify(p, made.id)
    assert v.supporting == 1 and v.missing == (st.c["c7"],)
    assert "1 linked excerpt(s) no longer exist." in v.warnings


def test_conclusion_links_and_listing(study) -> None:
    p, st = study
    display = save_display(p, "Faktor", ready_spec(p, "factors")).result.id
    made = cl.create_conclusion(p, "Klaim", display_id=display).result
    cl.link_evidence(p, made.id, [st.c["c1"], st.c["c3"]])
    cl.link_evidence(p, made.id, [st.c["c3"]], "contradicting", "lihat memo")
    memo = p.memos.create("Catatan klaim").result.id
    cl.link_memo(p, made.id, memo)
    got = cl.get_conclusion(p, made.id)
    assert got.supporting == [st.c["c1"]] and got.contradicting == [st.c["c3"]]
    assert got.memo_ids == (memo,) and got.displays[0].display_id == display
    cl.edit_conclusion(p, made.id, status="verified")
    assert [x.id for x in cl.list_conclusions(p, "verified")] == [made.id]
    assert cl.list_conclusions(p, "rejected") == []
    with pytest.raises(ValidationError):
        cl.edit_conclusion(p, made.id, status="maybe")
    with pytest.raises(NotFoundError):
        cl.link_evidence(p, made.id, [99999])
    with pytest.raises(ValidationError):
        cl.link_memo(p, made.id, memo)
    with pytest.raises(ValidationError):
        cl.create_conclusion(p, "  ")


def test_review_threads_and_summary(study) -> None:
    p, st = study
    display = save_display(p, "Faktor", ready_spec(p, "factors")).result.id
    claim = cl.create_conclusion(p, "Klaim").result.id
    a = p.review.add("cell", display, "Sel ini kosong?", row_key="1", col_key="none").result
    b = p.review.add("conclusion", claim, "Bukti kurang.").result
    c = p.review.add("code", st.code["Transmisi"], "Definisi terlalu luas.").result
    d = p.review.add("coding", st.c["c5"], "Rentang terlalu panjang.").result
    thread = p.review.reply(b.id, "Sudah saya tambah dua kutipan.").result
    assert [r.text for r in thread.replies] == ["Sudah saya tambah dua kutipan."]
    assert p.review.reply(thread.replies[0].id, "Baik.").result.id == b.id  # same thread
    p.review.resolve(b.id)
    p.review.resolve(c.id)
    assert [x.id for x in p.review.list(status="open")] == [a.id, d.id]
    resolved = p.review.list(status="resolved")
    assert [x.id for x in resolved] == [b.id, c.id]
    assert all(r.status == "resolved" for r in resolved[0].replies)
    assert p.review.list(target="cell", target_id=display)[0].row_key == "1"
    summary = p.review.summary()
    assert summary["cell"] == {"open": 1, "resolved": 0}
    assert summary["conclusion"] == {"open": 0, "resolved": 1}
    assert summary["code"] == {"open": 0, "resolved": 1}
    assert summary["coding"] == {"open": 1, "resolved": 0}
    assert summary["total"] == {"open": 2, "resolved": 2}
    with pytest.raises(ValidationError):
        p.review.add("cell", display, "Tanpa kunci")
    with pytest.raises(NotFoundError):
        p.review.add("conclusion", 999, "?")
    cl.delete_conclusion(p, claim)
    assert p.review.summary()["conclusion"] == {"open": 0, "resolved": 0}


def test_first_use_inside_an_undo_group(study) -> None:
    """Analysis operations join an outer undo group (no second write transaction)."""
    p, st = study
    with p.undo_group("Review session"):
        claim = cl.create_conclusion(p, "Klaim", supporting=[st.c["c1"]]).result
        p.review.add("conclusion", claim.id, "Cek lagi")
    assert p.undo_label() == "Review session"
    p.undo()
    assert cl.list_conclusions(p) == [] and p.review.list() == []
