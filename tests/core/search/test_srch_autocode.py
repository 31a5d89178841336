"""Auto-coding previews (hits, typos, speakers, guides, similar passages); apply and undo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.coding.codings import CodingFilter
from qualcode.errors import ValidationError
from qualcode.project import Project
from qualcode.search.autocode import (
    GuideQuestion,
    apply,
    preview_guide,
    preview_search,
    preview_speaker,
    read_guide,
    widen,
)
from qualcode.search.index import open_index
from qualcode.search.similar import preview_like
from support.snapshots import snapshot


def texts(preview: object) -> set[str]:
    return {c.text.lower() for c in preview.candidates}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("phrase", "typo"),
    [("sosialisasi", "sosialiasi"), ("koordinasi", "kordinasi"), ("aplikasi", "aplkasi")],
)
def test_fuzzy_autocode_finds_the_misspellings(sample: Project, phrase: str, typo: str) -> None:
    code = sample.codes.create("Typos").result
    fuzzy = preview_search(sample, code.id, phrase, "fuzzy", threshold=80)
    assert typo in texts(fuzzy)
    assert typo not in texts(preview_search(sample, code.id, phrase, "exact"))
    assert all(c.score >= 80 for c in fuzzy.candidates)
    assert typo not in texts(preview_search(sample, code.id, phrase, "fuzzy", threshold=99))


def test_preview_confirm_undo_leaves_the_project_unchanged(sample: Project) -> None:
    code = sample.codes.create("Sosialisasi").result
    before = snapshot(sample)
    preview = preview_search(sample, code.id, "sosialisasi", "lemma", unit="sentence")
    assert len(preview) > 5
    assert snapshot(sample) == before  # previewing codes nothing
    changes = apply(sample, preview, accepted=[0, 2, 4])
    coded = sample.codings.list(CodingFilter(code_ids=[code.id]))
    assert len(coded) == 3 == len(changes.result or [])
    assert {(c.source_id, c.start, c.end) for c in coded} == {
        (preview.candidates[i].source_id, preview.candidates[i].start, preview.candidates[i].end)
        for i in (0, 2, 4)
    }
    assert sample.undo_label() == "Auto-code search hits"
    again = preview_search(sample, code.id, "sosialisasi", "lemma", unit="sentence")
    assert [c.coded for c in again.candidates].count(True) == 3
    sample.undo()
    assert snapshot(sample) == before
    with pytest.raises(ValidationError):
        apply(sample, preview, accepted=[len(preview)])


def test_units_widen_hits_to_sentences_paragraphs_and_turns(shared: Project) -> None:
    target = shared.codes.create("Units").result.id
    index = open_index(shared)
    hits = preview_search(shared, target, "blank spot", "exact")
    sentences = preview_search(shared, target, "blank spot", "exact", unit="sentence")
    turns = preview_search(shared, target, "blank spot", "exact", unit="turn")
    paragraphs = preview_search(shared, target, "blank spot", "exact", unit="paragraph")
    for c in sentences.candidates:
        spans = index.sentences(c.source_id)
        starts = {a for a, _ in spans}
        ends = {b for _, b in spans}
        assert c.start in starts and c.end in ends
    links = {(lk.source_id, lk.start, lk.end) for lk in shared.cases.links()}
    turned = [c for c in turns.candidates if (c.source_id, c.start, c.end) in links]
    assert turned
    for c in hits.candidates:
        assert any(
            s.source_id == c.source_id and s.start <= c.start and c.end <= s.end
            for s in sentences.candidates
        )
        assert any(
            p.source_id == c.source_id and p.start <= c.start and c.end <= p.end
            for p in paragraphs.candidates
        )
    assert widen([(5, 7), (30, 31)], [(0, 10), (10, 20)]) == [(0, 10), (30, 31)]
    assert widen([(8, 12)], [(0, 10), (10, 20)]) == [(0, 20)]


def test_speaker_preview_is_every_turn_of_the_case(sample: Project) -> None:
    code = sample.codes.create("I3 answers").result
    preview = preview_speaker(sample, code.id, "I3")
    case = sample.cases.find("I3")
    turns = {
        (lk.source_id, lk.start, lk.end)
        for lk in sample.cases.links(case_id=case.id)
        if lk.start is not None
    }
    assert {(c.source_id, c.start, c.end) for c in preview.candidates} == turns
    apply(sample, preview)
    assert len(sample.codings.list(CodingFilter(code_ids=[code.id]))) == len(turns)


def test_guide_codes_the_answers_that_follow_a_question(
    file_project: Project, tmp_path: Path
) -> None:
    p = file_project
    text = (
        "P: A1. Bagaimana sosialisasi aplikasi di desa?\n"
        "I: Sosialisasi baru sekali.\n"
        "I: Warga belum paham.\n"
        "P: A2. Apakah anggaran cukup?\n"
        "I: Anggaran kurang.\n"
        "P: Bagaimana koordinasi antar OPD berjalan selama ini?\n"
        "I: Koordinasi lemah."
    )
    src = p.sources.add_text("W", text, language="id").result
    interviewer = p.cases.create("Interviewer").result
    informant = p.cases.create("I1").result
    pos = 0
    for line in text.split("\n"):
        case = interviewer if line.startswith("P:") else informant
        p.cases.link(case.id, src.id, pos, pos + len(line), speaker=line[0])
        pos += len(line) + 1
    code = p.codes.create("Komunikasi").result
    guide = tmp_path / "guide.txt"
    guide.write_text(
        "# Pedoman\nA1. Bagaimana sosialisasi aplikasi?\n\nkoordinasi antar OPD berjalan\n", "utf-8"
    )
    questions = read_guide(guide)
    assert questions == [
        GuideQuestion("A1", "Bagaimana sosialisasi aplikasi?"),
        GuideQuestion("", "koordinasi antar OPD berjalan"),
    ]
    preview = preview_guide(p, code.id, questions)
    assert [c.text for c in preview.candidates] == [
        "I: Sosialisasi baru sekali.",
        "I: Warga belum paham.",
        "I: Koordinasi lemah.",
    ]
    assert preview_guide(p, code.id, questions[:1]).candidates[0].score == 100.0


def test_more_like_this_suggests_uncoded_similar_passages(sample: Project) -> None:
    code = sample.codes.create("Sinyal").result
    seeds = preview_search(sample, code.id, "blank spot", "exact", unit="sentence")
    apply(sample, seeds, accepted=range(min(4, len(seeds))))
    like = preview_like(sample, code.id, top=10)
    assert 0 < len(like) <= 10
    scores = [c.score for c in like.candidates]
    assert scores == sorted(scores, reverse=True)
    coded = sample.codings.list(CodingFilter(code_ids=[code.id]))
    for c in like.candidates:
        assert not c.coded
        assert not any(
            x.source_id == c.source_id and x.start < c.end and c.start < x.end for x in coded
        )
    empty = sample.codes.create("Empty").result
    with pytest.raises(ValidationError):
        preview_like(sample, empty.id)


def test_cli_search_words_autocode(sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "cli.qdaproj"
    shutil.copy(sample_file, path)
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    hits = json.loads(run("search", str(path), "sosialisasi", "--mode", "lemma", "--json"))
    assert hits and {"source", "start", "end", "text", "left", "right"} <= set(hits[0])
    assert "disosialisasikan" in {h["text"].lower() for h in hits}
    words = json.loads(run("words", str(path), "--by", "form", "--top", "5", "--json"))
    assert len(words) == 5 and words[0]["count"] >= words[-1]["count"]
    run(
        "words",
        str(path),
        "--top",
        "20",
        "--xlsx",
        str(tmp_path / "w.xlsx"),
        "--cloud",
        str(tmp_path / "w.svg"),
    )
    assert (tmp_path / "w.xlsx").exists() and (tmp_path / "w.svg").exists()
    with Project.open(path, coder="peneliti", backups=False) as p:
        code_id = p.codes.create("Koordinasi").result.id
    preview = json.loads(
        run(
            "autocode",
            str(path),
            "--code",
            "Koordinasi",
            "--query",
            "koordinasi",
            "--mode",
            "fuzzy",
            "--json",
        )
    )
    assert preview["applied"] is None and preview["candidates"]
    with Project.open(path, coder="peneliti", backups=False) as p:
        assert p.codings.list(CodingFilter(code_ids=[code_id])) == []
    done = json.loads(
        run("autocode", str(path), "--code", "Koordinasi", "--query", "koordinasi",
            "--mode", "fuzzy", "--apply", "--json", "--coder", "peneliti")
    )  # fmt: skip
    assert done["applied"] == len(preview["candidates"])
    result = runner.invoke(cli, ["autocode", str(path), "--code", "Koordinasi"])
    assert result.exit_code == 1 and "exactly one" in result.output
