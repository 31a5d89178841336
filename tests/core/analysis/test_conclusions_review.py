"""Conclusions, their verification, and supervisor review comments."""

from __future__ import annotations

import pytest

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.verification import verify
from qualcode.errors import NotFoundError, ValidationError


def test_verification_counts_triangulation_and_roles(study) -> None:
    p, st = study
    c = st.c
    made = p.conclusions.create("Keterbatasan sumber daya menghambat implementasi.",
        supporting=[c["c2"], c["c4"], c["c8"], c["c10"]], contradicting=[c["c11"]],
    ).result  # fmt: skip
    v = verify(p, made.id, role_attribute="Jabatan")
    assert (v.supporting, v.contradicting, v.missing) == (4, 1, ())
    assert v.cases == ("I1", "I3")
    assert v.sources == ("O1", "W1", "W2")
    assert v.source_kinds == ("interview", "observation")
    assert v.triangulated_sources and v.triangulated_methods
    # shares are over the excerpts with an informant: c10 (observation O1) has none
    assert (v.top_case, v.top_case_share, v.voiced) == ("I1", 0.6667, 3)
    assert v.corroborating_kinds == ("observation",)
    assert v.coders == ("ana",)
    assert v.roles_heard == ("Kadis", "Staf")
    assert v.silent_roles == ("Kabid", "Kasi")
    assert v.unaddressed == (c["c11"],) and not v.contradicting_addressed
    assert v.warnings == (
        "67% of the supporting evidence comes from I1.",
        "1 contradicting excerpt(s) are not addressed.",
    )

    p.conclusions.note_evidence(
        made.id, c["c11"], "Perbup mengatur anggaran, tapi realisasi kurang."
    )
    v = verify(p, made.id)
    assert v.contradicting_addressed and v.warnings == (
        "67% of the supporting evidence comes from I1.",
    )

    # a memo on the contradicting coding also counts as addressing it
    p.conclusions.note_evidence(made.id, c["c11"], "")
    p.memos.create("Dokumen vs praktik.", target="coding", target_id=c["c11"])
    assert verify(p, made.id).contradicting_addressed


def test_verification_flags_a_single_voice(study) -> None:
    p, st = study
    made = p.conclusions.create("Komunikasi kebijakan lemah.",
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
    display = p.displays.save("Faktor", ready_spec(p, "factors")).result.id
    made = p.conclusions.create("Klaim", display_id=display).result
    p.conclusions.link_evidence(made.id, [st.c["c1"], st.c["c3"]])
    p.conclusions.link_evidence(made.id, [st.c["c3"]], "contradicting", "lihat memo")
    memo = p.memos.create("Catatan klaim").result.id
    p.conclusions.link_memo(made.id, memo)
    got = p.conclusions.get(made.id)
    assert got.supporting == [st.c["c1"]] and got.contradicting == [st.c["c3"]]
    assert got.memo_ids == (memo,) and got.displays[0].display_id == display
    p.conclusions.edit(made.id, status="verified")
    assert [x.id for x in p.conclusions.all("verified")] == [made.id]
    assert p.conclusions.all("rejected") == []
    with pytest.raises(ValidationError):
        p.conclusions.edit(made.id, status="maybe")
    with pytest.raises(NotFoundError):
        p.conclusions.link_evidence(made.id, [99999])
    with pytest.raises(ValidationError):
        p.conclusions.link_memo(made.id, memo)
    with pytest.raises(ValidationError):
        p.conclusions.create("  ")


def test_review_threads_and_summary(study) -> None:
    p, st = study
    display = p.displays.save("Faktor", ready_spec(p, "factors")).result.id
    claim = p.conclusions.create("Klaim").result.id
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
    p.conclusions.delete(claim)
    assert p.review.summary()["conclusion"] == {"open": 0, "resolved": 0}


def test_first_use_inside_an_undo_group(study) -> None:
    """Analysis operations join an outer undo group (no second write transaction)."""
    p, st = study
    with p.undo_group("Review session"):
        claim = p.conclusions.create("Klaim", supporting=[st.c["c1"]]).result
        p.review.add("conclusion", claim.id, "Cek lagi")
    assert p.undo_label() == "Review session"
    p.undo()
    assert p.conclusions.all() == [] and p.review.list() == []


def test_verification_hears_informants_not_the_interviewer(tmp_path) -> None:
    """A coding spanning the interviewer's question and the answer is the informant's; an
    observation clears the one-informant warning; a tie is reported; passages count once."""
    from qualcode.project import Project

    q, a = "P: Bagaimana anggarannya?\n", "I: Anggaran kurang sekali.\n"
    path = tmp_path / "v.qdaproj"
    with Project.create(path, coder="ana") as p:
        w1 = p.sources.add_text("W1", q + a, kind="interview").result.id
        w2 = p.sources.add_text("W2", q + a, kind="interview").result.id
        o1 = p.sources.add_text("O1", "Kantor sepi, anggaran habis.", kind="observation").result.id
        asker = p.cases.create("Interviewer", kind="other").result.id
        i1 = p.cases.create("I1").result.id
        i2 = p.cases.create("I2").result.id
        for src, who in ((w1, i1), (w2, i2)):
            p.cases.link(asker, src, 0, len(q), speaker="P")
            p.cases.link(who, src, len(q), len(q + a), speaker="I")
        code = p.codes.create("Anggaran").result.id
        span = p.codings.apply(w1, 3, len(q) + 10, code).result.id  # question + answer
    with Project.open(path, coder="budi") as other:
        again = other.codings.apply(w1, 3, len(q) + 10, code).result.id  # the same passage
    with Project.open(path, coder="ana") as p:
        made = p.conclusions.create("Anggaran kurang.", supporting=[span, again]).result
        v = verify(p, made.id)
        assert v.cases == ("I1",) and v.supporting == 1 and v.supporting_codings == 2
        assert v.coders == ("ana", "budi")
        assert "All supporting evidence comes from one informant." in v.warnings
        seen = p.codings.apply(o1, 0, 11, code).result.id
        p.conclusions.link_evidence(made.id, [seen])
        v = verify(p, made.id)
        assert "All supporting evidence comes from one informant." not in v.warnings
        assert v.corroborating_kinds == ("observation",) and v.voiced == 1
        w2_answer = p.codings.apply(w2, len(q) + 3, len(q) + 20, code).result.id
        p.conclusions.link_evidence(made.id, [w2_answer])
        v = verify(p, made.id, dominance=0.4)
        assert v.top_cases == ("I1", "I2") and v.top_case_share == 0.5
        assert "50% of the supporting evidence comes from each of I1, I2 (tied)." in v.warnings
