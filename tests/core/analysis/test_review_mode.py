"""Review mode cannot damage the student's work; others' codings change only when confirmed."""

from __future__ import annotations

import pytest

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.spec import DisplaySpec
from qualcode.errors import OthersCodingError, ReviewModeError, ValidationError
from qualcode.project import Project


def _state(p: Project) -> tuple[object, ...]:
    return (
        [(c.id, c.code_id, c.start, c.end) for c in p.codings.list()],
        [(c.id, c.name) for c in p.codes.all()],
        p.info().sources,
        [c.text for c in p.conclusions.all()],
    )


def test_review_mode_writes_comments_and_own_codings_only(study) -> None:
    p, st = study
    claim = p.conclusions.create("Sosialisasi belum merata.", supporting=[st.c["c7"]]).result
    student = p.review.add("coding", st.c["c1"], "Ini benar?").result
    path = p.path
    p.close()
    # The student still has the file open in another window: review mode does not need the lock.
    with Project.open(path, coder="peneliti", backups=False) as held:
        with Project.open(path, coder="pembimbing", review=True) as r:
            assert r.review_mode and r.content_read_only and not r.read_only
            before = _state(r)
            thread = r.review.add("conclusion", claim.id, "Bukti dari satu informan saja?").result
            r.review.reply(student.id, "Rentangnya terlalu panjang.")
            r.review.resolve(student.id)  # status on the student's thread: allowed
            mine = r.codings.apply(st.src["W1"], 0, 5, st.code["Transmisi"]).result
            r.codings.resize(mine.id, 0, 7)
            for attempt in (
                lambda: r.codings.resize(st.c["c1"], 0, 1, allow_others=True),
                lambda: r.codings.remove([st.c["c1"]], allow_others=True),
                lambda: r.codings.recode([st.c["c1"]], st.code["Anggaran"], allow_others=True),
                lambda: r.codes.create("Kode baru pembimbing"),
                lambda: r.codes.rename(st.code["Transmisi"], "Komunikasi"),
                lambda: r.sources.add_text("W9", "Teks."),
                lambda: r.conclusions.create("Klaim pembimbing"),
                lambda: r.review.delete(student.id),  # the student's own comment
            ):
                with pytest.raises(ReviewModeError):
                    attempt()
            r.codings.remove([mine.id])
            assert _state(r) == before
            assert r.undo_label() == "Remove coding"
            r.undo()
            assert r.codings.get(mine.id).end == 7
            assert thread is not None and thread.author == "pembimbing"
        assert held.review.get(student.id).status == "resolved"


def test_review_mode_links_the_reviewers_own_memos_to_displays_only(study) -> None:
    """The ownership rule of display links in a file: the reviewer puts her own memos on the
    student's display and takes them off; the student's links stay as they are."""
    p, st = study
    display = p.displays.save("Kerangka", ready_spec(p, "framework")).result.id
    student = p.memos.create("Memo peneliti.", target="display", target_id=display).result
    loose = p.memos.create("Memo proyek peneliti.").result
    path = p.path
    p.close()
    with Project.open(path, coder="pembimbing", review=True) as r:
        cell = (str(st.case["I1"]), str(st.code["Komunikasi"]))
        on_cell = r.memos.create("Cek sel ini.", target="cell", target_id=display, cell=cell)
        note = r.memos.create("Catatan pembimbing.").result
        r.memos.link_display(note.id, display)
        r.memos.link_display(note.id, display, cell)
        r.memos.unlink_display(note.id)
        r.undo()
        assert r.memos.targets([note])[note.id].kind == "cell"
        for attempt in (
            lambda: r.memos.unlink_display(student.id),
            lambda: r.memos.link_display(student.id, display, cell),
            lambda: r.memos.link_display(loose.id, display),
        ):
            with pytest.raises(ReviewModeError):
                attempt()
        assert r.memos.targets([student])[student.id].kind == "display"
        r.memos.delete(on_cell.result.id)


def test_changing_another_coders_coding_needs_confirmation(study) -> None:
    p, st = study
    theirs = st.c["c12"]  # made by budi
    assert p.codings.by_others([theirs, st.c["c1"]]) == {theirs: "budi"}
    before = p.codings.get(theirs)
    with pytest.raises(OthersCodingError, match="budi"):
        p.codings.resize(theirs, before.start, before.end - 1)
    with pytest.raises(OthersCodingError):
        p.codings.recode([st.c["c1"], theirs], st.code["Anggaran"])
    with pytest.raises(OthersCodingError):
        p.codings.remove([theirs])
    assert p.codings.get(theirs) == before
    assert p.codings.get(st.c["c1"]).code_id == st.code["Transmisi"]  # nothing recoded
    p.codings.resize(theirs, before.start, before.end - 1, allow_others=True)
    assert p.codings.get(theirs).end == before.end - 1
    p.codings.remove([theirs], allow_others=True)
    p.undo()
    assert p.codings.get(theirs).end == before.end - 1
    p.codings.resize(st.c["c1"], 0, 4)  # one's own coding: no question


def test_cell_comments_are_checked_and_keep_their_context(study) -> None:
    p, _st = study
    spec = ready_spec(p, "factors")
    display = p.displays.save("Faktor", spec).result.id
    shown = p.displays.run(display)
    row, col = shown.rows[0], shown.columns[0]
    made = p.review.add("cell", display, "Sel ini?", row_key=row.key, col_key=col.key).result
    where = p.review.where(made)
    assert (where.display, where.row, where.column) == ("Faktor", row.label, col.label)
    with pytest.raises(ValidationError, match="no cell"):
        p.review.add("cell", display, "?", row_key=row.key, col_key="xyz")
    with pytest.raises(ValidationError, match="no cell"):
        p.review.add("cell", display, "?", row_key="nope", col_key=col.key)
    # An unsaved display: the spec is stored with the comment.
    unsaved = p.review.add("cell", 0, "Belum disimpan", row_key=row.key, col_key=col.key,
                           spec=spec).result  # fmt: skip
    assert unsaved.context is not None
    assert DisplaySpec.from_dict(unsaved.context["spec"]) == spec
    with pytest.raises(ValidationError):
        p.review.add("cell", 0, "Tanpa spec", row_key=row.key, col_key=col.key)


def test_a_coding_thread_quotes_its_text_after_the_coding_is_deleted(study) -> None:
    p, st = study
    coding = p.codings.get(st.c["c1"])
    text = p.sources.text(coding.source_id)[coding.start : coding.end]
    made = p.review.add("coding", coding.id, "Kenapa kode ini?").result
    assert [c.id for c in p.review.on_targets("coding", [coding.id])] == [made.id]
    p.codings.remove([coding.id])
    where = p.review.where(p.review.get(made.id))
    assert not where.exists
    assert where.quote == text and where.code == "Komunikasi / Transmisi" and where.source == "W1"
    assert where.paragraph >= 1
    excerpt = p.review.add(
        "excerpt", coding.source_id, "Kutipan ini penting.", row_key="0", col_key="5"
    ).result
    assert p.review.where(excerpt).quote == p.sources.text(coding.source_id)[:5]
    with pytest.raises(ValidationError):
        p.review.add("excerpt", coding.source_id, "?", row_key="5", col_key="999999")


def test_undo_to_here_takes_back_ones_own_steps_in_one_go(study) -> None:
    p, st = study
    first = p.codings.apply(st.src["W1"], 0, 4, st.code["Anggaran"]).result
    step = p.audit_log(limit=1)[0].step_id
    p.codings.apply(st.src["W1"], 5, 9, st.code["Anggaran"])
    p.review.add("code", st.code["Anggaran"], "Catatan")
    assert step is not None
    assert p.undo_to(step + 1000) is None  # not one of this coder's steps: nothing undone
    changes = p.undo_to(step)
    assert changes is not None and changes.undo
    ids = {c.id for c in p.codings.list()}
    assert first.id not in ids and p.review.list() == []
    assert p.redo_label() == "Code text"


def test_strength_badges_and_verified_with_unlinked_contradictions(study) -> None:
    from qualcode.analysis.strength import default_role_attribute, strength

    p, st = study
    # Jabatan has one value per informant; OPD groups two of them: OPD is the default.
    assert default_role_attribute(p) == "OPD"
    claim = p.conclusions.create(
        "Sosialisasi belum merata.", status="verified", supporting=[st.c["c7"]]
    ).result
    s = strength(p, claim.id, "OPD")
    assert (s.informants, s.sources, s.source_kinds) == (1, 1, 1)
    assert s.unlinked_contradicting == (st.c["c1"],)  # Transmisi, supporting valence
    assert s.verified_with_unlinked_contradictions
    assert any("one source" in w for w in s.warnings)
    p.conclusions.link_evidence(claim.id, [st.c["c1"]], "contradicting", "Hanya di satu kelurahan")
    s = strength(p, claim.id, "OPD")
    assert s.unlinked_contradicting == () and not s.verified_with_unlinked_contradictions
