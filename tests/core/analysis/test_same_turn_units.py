"""Same-turn co-occurrence uses the agreement units: turns, else paragraphs (documents, notes)."""

from __future__ import annotations

from pathlib import Path

from qualcode.analysis.agreement import segments
from qualcode.analysis.corpus import load_corpus
from qualcode.analysis.displays import build_ready
from qualcode.project import Project

NOTES = "Pagi: operator datang terlambat.\n\nSiang: server mati dua jam.\n"
#        0123456789012345678901234567890123 4 5...  paragraph 1 [0, 32), paragraph 2 [34, 61)


def test_same_turn_falls_back_to_paragraphs(tmp_path: Path) -> None:
    with Project.create(tmp_path / "n.qdaproj", coder="ana") as p:
        notes = p.sources.add_text("O1", NOTES, kind="observation").result.id
        a = p.codes.create("Disiplin").result.id
        b = p.codes.create("Sarana").result.id
        c = p.codes.create("Waktu").result.id
        p.codings.apply(notes, 6, 31, a)  # "operator datang terlambat" (paragraph 1)
        p.codings.apply(notes, 0, 4, c)  # "Pagi" (paragraph 1), no overlap with a
        p.codings.apply(notes, 41, 52, b)  # "server mati" (paragraph 2)
        corpus = load_corpus(p)
        assert segments(corpus, notes, NOTES) == [(0, 32), (34, 61)]
        d = build_ready(p, "cooccurrence", codes=[a, b, c], op="same_turn")
        # by hand: a and c share paragraph 1 (one pair); b is alone in paragraph 2
        assert d.counts == [[0, 0, 1], [0, 0, 0], [1, 0, 0]]
        overlap = build_ready(p, "cooccurrence", codes=[a, b, c], op="and")
        assert overlap.counts == [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
