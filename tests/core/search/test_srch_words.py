"""Word frequency on a small hand-checked project; stop words; xlsx; word clouds."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree

from qualcode.errors import ValidationError
from qualcode.project import Project
from qualcode.search.scope import Scope
from qualcode.search.words import (
    export_xlsx,
    set_stop_words,
    stop_word_changes,
    word_cloud,
    word_frequencies,
)

A = "Anggaran desa terbatas. Anggaran kurang, dan pelayanan melayani warga. Yang 2024."
A2 = "Warga desa menunggu sinyal."
B = "The budget is limited. The budget office serves citizens."


def counts(rows: list) -> dict[str, int]:
    return {r.word: r.count for r in rows}


@pytest.fixture
def small(file_project: Project) -> Project:
    file_project.sources.add_text("A", A, language="id")
    file_project.sources.add_text("A2", A2, language="id")
    return file_project


def test_counts_by_form_and_key_without_stop_words(small: Project) -> None:
    by_form = word_frequencies(small, by="form")
    assert counts(by_form) == {
        "anggaran": 2, "desa": 2, "warga": 2, "terbatas": 1, "kurang": 1, "pelayanan": 1,
        "melayani": 1, "menunggu": 1, "sinyal": 1,
    }  # fmt: skip  # "dan", "yang" are stop words; "2024" is a number
    assert {r.word: r.sources for r in by_form}["desa"] == 2
    assert by_form[0].count == 2 and by_form[-1].count == 1  # most frequent first
    by_key = counts(word_frequencies(small, by="key"))
    assert by_key["layan"] == 2  # pelayanan + melayani
    assert sum(by_key.values()) == 12
    assert counts(word_frequencies(small, by="form", top=3)) == {
        "anggaran": 2,
        "desa": 2,
        "warga": 2,
    }


def test_grouped_and_scoped_counts_agree_with_totals(small: Project) -> None:
    total = counts(word_frequencies(small, by="form"))
    grouped = word_frequencies(small, by="form", group_by="source")
    assert {r.group for r in grouped} == {"A", "A2"}
    summed: dict[str, int] = {}
    for r in grouped:
        summed[r.word] = summed.get(r.word, 0) + r.count
    assert summed == total
    a2 = small.sources.find("A2")
    case = small.cases.create("I1").result
    small.cases.link(case.id, a2.id, 0, 11, speaker="I1")  # "Warga desa "
    assert counts(word_frequencies(small, by="form", scope=Scope(cases=["I1"]))) == {
        "warga": 1,
        "desa": 1,
    }
    by_case = word_frequencies(small, by="form", group_by="case")
    assert {(r.group, r.word) for r in by_case} == {("I1", "warga"), ("I1", "desa")}
    code = small.codes.create("Anggaran").result
    small.codings.apply(small.sources.find("A").id, 0, 23, code.id)
    by_code = word_frequencies(small, by="form", group_by="code")
    assert counts(by_code) == {"anggaran": 1, "desa": 1, "terbatas": 1}
    with pytest.raises(ValidationError):
        word_frequencies(small, group_by="colour")


def test_english_source_uses_english_stop_words(small: Project) -> None:
    small.sources.add_text("B", B, language="en")
    found = counts(word_frequencies(small, by="form", scope=Scope(sources=["B"])))
    assert found == {"budget": 2, "limited": 1, "office": 1, "serves": 1, "citizens": 1}
    assert counts(word_frequencies(small, by="form"))["budget"] == 2


def test_project_stop_words_are_an_undoable_operation(small: Project) -> None:
    set_stop_words(small, extra=["Warga"], removed=["dan"])
    assert stop_word_changes(small) == (["warga"], ["dan"])
    found = counts(word_frequencies(small, by="form"))
    assert "warga" not in found and found["dan"] == 1
    small.undo()
    assert stop_word_changes(small) == ([], [])
    assert counts(word_frequencies(small, by="form"))["warga"] == 2


def test_xlsx_and_word_clouds(small: Project, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = word_frequencies(small, by="form")
    export_xlsx(rows, tmp_path / "w.xlsx")
    sheet = load_workbook(tmp_path / "w.xlsx").active
    values = list(sheet.values)
    assert values[0] == ("word", "count", "sources")
    assert values[1] == ("anggaran", 2, 1)
    grouped = word_frequencies(small, by="form", group_by="source")
    export_xlsx(grouped, tmp_path / "g.xlsx")
    assert next(load_workbook(tmp_path / "g.xlsx").active.values) == (
        "group",
        "word",
        "count",
        "sources",
    )

    png = word_cloud(rows, tmp_path / "c.png", width=300, height=200)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg1 = word_cloud(rows, tmp_path / "c1.svg", width=300, height=200, seed=3)
    svg2 = word_cloud(rows, tmp_path / "c2.svg", width=300, height=200, seed=3)
    root = ElementTree.fromstring(svg1.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg")
    assert "anggaran" in svg1.read_text(encoding="utf-8")
    assert svg1.read_text(encoding="utf-8") == svg2.read_text(encoding="utf-8")  # seeded
    with pytest.raises(ValidationError):
        word_cloud(rows, tmp_path / "c.jpg")
    with pytest.raises(ValidationError):
        word_cloud([], tmp_path / "c.png")
