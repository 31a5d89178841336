"""Speaker review operations: each one changes turns and metadata together, one undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qualcode.errors import QualCodeError
from qualcode.project import Project
from qualcode.sources.importing import import_file, turns
from qualcode.sources.speaker_edit import (
    add_turn,
    map_speaker,
    merge_turns,
    set_turn_speaker,
    split_turn,
)
from support.snapshots import snapshot

TRANSCRIPT = """Kode Informan: IK-1
Jabatan: Kasi

P: Bagaimana sosialisasi aplikasi di desa?
I: Sosialisasi sudah dilakukan. P: Lalu jaringannya? Masih terbatas.
P: Apakah anggaran cukup?
I: Anggaran kurang.
"""


@pytest.fixture
def source(project: Project, tmp_path: Path) -> int:
    path = tmp_path / "W1.txt"
    path.write_text(TRANSCRIPT, "utf-8")
    result = import_file(project, path)
    assert result.turns == 4 and result.source is not None
    return int(result.source.id)


def _speakers(project: Project, source: int) -> list[tuple[str, str]]:
    return [(t.speaker, t.case) for t in turns(project, source)]


def _ops(project: Project, source: int) -> dict[str, Callable[[], Any]]:
    first, second, third, _ = (t.link_id for t in turns(project, source))
    text = project.sources.text(source)
    inside = text.index("P: Lalu")
    return {
        "relabel": lambda: set_turn_speaker(project, third, "I"),
        "split": lambda: split_turn(project, second, inside, "P"),
        "merge": lambda: merge_turns(project, first),
        "map": lambda: map_speaker(project, source, "I", "Kasi Diskominfo"),
        "add": lambda: add_turn(project, source, inside, inside + 24, "P"),
    }


@pytest.mark.parametrize("name", ["relabel", "split", "merge", "map", "add"])
def test_each_speaker_operation_is_one_undo_step(project: Project, source: int, name: str) -> None:
    before = snapshot(project)
    changes = _ops(project, source)[name]()
    after = snapshot(project)
    assert after != before and changes.touched
    assert project.undo_label() == changes.label
    project.undo()
    assert snapshot(project) == before
    project.redo()
    assert snapshot(project) == after


def test_relabel_follows_the_label_mapping(project: Project, source: int) -> None:
    third = turns(project, source)[2]
    set_turn_speaker(project, third.link_id, "I")
    assert _speakers(project, source)[2] == ("I", "IK-1")
    set_turn_speaker(project, third.link_id, "Bu Sari")
    assert _speakers(project, source)[2] == ("Bu Sari", "Bu Sari")
    meta = project.sources.get(source).meta
    assert (
        meta["speakers"]["Bu Sari"] == "Bu Sari" and "Bu Sari" not in meta["interviewer_speakers"]
    )


def test_split_gives_the_rest_to_another_speaker(project: Project, source: int) -> None:
    text = project.sources.text(source)
    second = turns(project, source)[1]
    at = text.index("P: Lalu")
    new_id = split_turn(project, second.link_id, at, "P").result
    now = turns(project, source)
    assert [t.speaker for t in now] == ["P", "I", "P", "P", "I"]
    assert now[1].end == at and now[2].start == at and now[2].link_id == new_id
    assert now[2].role == "interviewer" and now[2].case == "Interviewer"


def test_merge_joins_a_turn_with_the_next(project: Project, source: int) -> None:
    first = turns(project, source)[0]
    merge_turns(project, first.link_id)
    now = turns(project, source)
    assert len(now) == 3 and now[0].speaker == "P" and now[0].end > now[1].start - 2


def test_map_moves_every_turn_of_a_label(project: Project, source: int) -> None:
    map_speaker(project, source, "I", "Kasi Diskominfo")
    assert {c for s, c in _speakers(project, source) if s == "I"} == {"Kasi Diskominfo"}
    map_speaker(project, source, "I", "Interviewer", role="interviewer")
    assert all(t.role == "interviewer" for t in turns(project, source))


def test_marking_turns_in_a_source_without_any(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "W9.txt"
    path.write_text("Kode Informan: IK-9\n\nSelamat pagi.\nYa, pagi. Kami mulai 2019.\n", "utf-8")
    source = import_file(project, path).source
    assert source is not None and turns(project, source.id) == []
    text = project.sources.text(source.id)
    q = text.index("Selamat")
    a = text.index("Ya, pagi")
    add_turn(project, source.id, q, a - 1, "Peneliti")
    add_turn(project, source.id, a, len(text), "Informan")
    assert _speakers(project, source.id) == [("Peneliti", "Interviewer"), ("Informan", "Informan")]
    # marking over part of a turn cuts the old turn around the new one
    add_turn(project, source.id, a + 4, a + 9, "Peneliti")
    assert [t.speaker for t in turns(project, source.id)] == [
        "Peneliti", "Informan", "Peneliti", "Informan",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "bad",
    [
        lambda p, s, t: set_turn_speaker(p, t[0].link_id, "   "),
        lambda p, s, t: split_turn(p, t[0].link_id, t[0].start),
        lambda p, s, t: merge_turns(p, t[-1].link_id),
        lambda p, s, t: map_speaker(p, s, "Nobody", "X"),
        lambda p, s, t: add_turn(p, s, 5, 10_000, "P"),
        lambda p, s, t: set_turn_speaker(p, 99_999, "P"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(project: Project, source: int, bad: Any) -> None:
    before = snapshot(project)
    with pytest.raises(QualCodeError):
        bad(project, source, turns(project, source))
    assert snapshot(project) == before
