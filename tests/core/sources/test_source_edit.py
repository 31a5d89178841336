"""Correcting a transcript after coding: every anchored range follows its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualcode.errors import ValidationError
from qualcode.project import Project
from qualcode.search.search import search
from qualcode.text.diff import RangeMap, diff
from support.snapshots import snapshot

ALPHABET = st.sampled_from([*"abc de\nf😀ü.,", "sosialisasi ", "Pak ", "\n\n"])
TEXTS = st.lists(ALPHABET, min_size=1, max_size=60).map("".join).filter(lambda s: s.strip())


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a version of it with a few random replacements, insertions and deletions."""
    old = draw(TEXTS)
    new = old
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(new)))
        j = draw(st.integers(i, min(len(new), i + 12)))
        new = new[:i] + draw(st.lists(ALPHABET, max_size=3).map("".join)) + new[j:]
    return old, new


@st.composite
def ranges(draw: st.DrawFn, length: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, length - 1))
        e = draw(st.integers(s + 1, length))
        out.append((s, e))
    return out


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_kept_ranges_cover_exactly_their_old_text(data: st.DataObject) -> None:
    old, new = data.draw(edited())
    mapping = RangeMap(diff(old, new))
    for s, e in data.draw(ranges(len(old))):
        m = mapping.map(s, e)
        assert 0 <= m.start <= m.end <= len(new)
        if m.fate == "kept":
            assert new[m.start : m.end] == old[s:e]
        elif m.fate == "flagged":
            assert m.end > m.start
        else:
            assert m.start == m.end


@settings(max_examples=150, deadline=None)
@given(pair=edited())
def test_diff_blocks_rebuild_both_texts(pair: tuple[str, str]) -> None:
    old, new = pair
    blocks = diff(old, new)
    assert "".join(old[b.i1 : b.i2] for b in blocks) == old
    assert "".join(new[b.j1 : b.j2] for b in blocks) == new
    assert all(old[b.i1 : b.i2] == new[b.j1 : b.j2] for b in blocks if b.equal)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Project:
    p = Project.create(tmp_path_factory.mktemp("edit") / "p.qdaproj", coder="ana")
    yield p
    p.close()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_surviving_codings_cover_the_same_text_in_a_project(
    shared: Project, data: st.DataObject
) -> None:
    p = shared
    old, new = data.draw(edited())
    src = p.sources.add_text(f"S{len(p.sources.all())}", old).result
    assert src is not None
    old = p.sources.text(src.id)  # as stored (normalised)
    code = p.codes.create(f"K{len(p.codes.all())}").result
    assert code is not None
    before = {}
    for s, e in dict.fromkeys(data.draw(ranges(len(old)))):
        c = p.codings.apply(src.id, s, e, code.id).result
        assert c is not None
        before[c.id] = old[s:e]
    try:
        plan = p.sources.preview_edit(src.id, new)
        p.sources.edit_text(src.id, new)
    except ValidationError:
        return  # the same text, or nothing left: refused, nothing changed
    text = p.sources.text(src.id)
    after = {c.id: c for c in p.codings.in_source(src.id)}
    assert set(after) == set(before) - {ch.id for ch in plan.removed}
    for cid, c in after.items():
        assert 0 <= c.start < c.end <= len(text)
        if c.flag is None:
            assert text[c.start : c.end] == before[cid]
        else:
            assert cid in {ch.id for ch in plan.flagged}


TRANSCRIPT = (
    "P: Bagaimana sosialisasi aplikasi di desa?\n"
    "I: Sosialisasi sudah dilakuakn, tapi jaringan internet masih terbatas.\n"
    "P: Apakah anggaran cukup?\n"
    "I: Anggaran belum cukup untuk pelatihan operator.\n"
)


def _study(p: Project) -> tuple[int, dict[str, int]]:
    src = p.sources.add_text("W1 Kadis", TRANSCRIPT, language="id").result
    k = p.codes.create("Sosialisasi").result
    a = p.codes.create("Anggaran").result
    assert src and k and a
    t = TRANSCRIPT
    ids = {}
    for name, phrase, code in [
        ("typo", "sudah dilakuakn", k.id),
        ("net", "jaringan internet", k.id),
        ("budget", "Anggaran belum cukup", a.id),
        ("question", "Apakah anggaran cukup?", a.id),
    ]:
        s = t.index(phrase)
        c = p.codings.apply(src.id, s, s + len(phrase), code).result
        assert c
        ids[name] = c.id
    informant = p.cases.create("I1").result
    assert informant
    turn = t.index("I: Anggaran")
    p.cases.link(informant.id, src.id, turn, len(t), speaker="I")
    return src.id, ids


def test_edit_flags_changed_codings_removes_deleted_ones_and_undoes(project: Project) -> None:
    p = project
    sid, ids = _study(p)
    before = snapshot(p)
    new = TRANSCRIPT.replace("dilakuakn", "dilakukan").replace("P: Apakah anggaran cukup?\n", "")
    new = "Wawancara 12 Maret.\n" + new
    plan = p.sources.preview_edit(sid, new)
    assert [ch.id for ch in plan.flagged] == [ids["typo"]]
    assert [ch.id for ch in plan.removed] == [ids["question"]]
    assert plan.removed[0].old_text == "Apakah anggaran cukup?"
    p.sources.edit_text(sid, new)
    text = p.sources.text(sid)
    cods = {c.id: c for c in p.codings.in_source(sid)}
    assert ids["question"] not in cods
    assert text[cods[ids["typo"]].start : cods[ids["typo"]].end] == "sudah dilakukan"
    assert cods[ids["typo"]].flag == "edited"
    assert text[cods[ids["net"]].start : cods[ids["net"]].end] == "jaringan internet"
    assert cods[ids["net"]].flag is None
    assert text[cods[ids["budget"]].start : cods[ids["budget"]].end] == "Anggaran belum cukup"
    (link,) = [lk for lk in p.cases.links(source_id=sid) if lk.start is not None]
    assert text[link.start : link.end].startswith("I: Anggaran")
    assert p.undo_label() == "Edit source text"
    p.undo()
    assert snapshot(p) == before
    p.redo()
    assert p.sources.text(sid) == text


def test_search_follows_the_edit_and_its_undo(project: Project) -> None:
    p = project
    sid, _ = _study(p)
    assert search(p, "dilakuakn", mode="words")
    p.sources.edit_text(sid, TRANSCRIPT.replace("dilakuakn", "dilakukan"))
    assert not search(p, "dilakuakn", mode="words")
    assert search(p, "dilakukan", mode="words")
    p.undo()
    assert search(p, "dilakuakn", mode="words")


def test_same_or_empty_text_is_refused_unchanged(project: Project) -> None:
    sid, _ = _study(project)
    before = snapshot(project)
    with pytest.raises(ValidationError, match="same as the old one"):
        project.sources.edit_text(sid, TRANSCRIPT)
    with pytest.raises(ValidationError, match="no text left"):
        project.sources.edit_text(sid, "  \n")
    assert snapshot(project) == before


def test_edit_of_a_large_text_is_fast(project_path: Path) -> None:
    """A 300k-character transcript with one typo corrected: the diff stays local."""
    import time

    body = ("Sosialisasi aplikasi belum merata di desa. " * 7000)[:300_000]
    with Project.create(project_path, coder="ana") as p:
        src = p.sources.add_text("Besar", body).result
        code = p.codes.create("K").result
        assert src and code
        p.codings.apply_ranges(code.id, [(src.id, i, i + 20) for i in range(0, 290_000, 1000)])
        revised = body[:150_000] + "X" + body[150_001:]
        t0 = time.perf_counter()
        p.sources.edit_text(src.id, revised)
        assert time.perf_counter() - t0 < 5
        assert sum(c.flag == "edited" for c in p.codings.in_source(src.id)) == 1
