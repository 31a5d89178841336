"""Intercoder agreement checked by hand and against the ``krippendorff`` package."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pytest

from qualcode.analysis.agreement import agreement, atoms, cohen_kappa, krippendorff_alpha
from qualcode.errors import NotFoundError, ValidationError
from qualcode.project import Project

TEXT = "a" * 100
LINES = "satu\ndua\n\ntiga\nempat\n"  # four paragraphs (the blank line is not one)


def make(path: Path, codings: dict[str, list[tuple[str, str, int, int]]]) -> Path:
    """A project where each coder applies (source, code, start, end) codings."""
    with Project.create(path, coder="setup") as p:
        p.sources.add_text("S", TEXT)
        p.sources.add_text("L", LINES)
        p.codes.create("K")
        p.codes.create("M")
    for coder, items in codings.items():
        with Project.open(path, coder=coder, backups=False) as p:
            for src, code, a, b in items:
                p.codings.apply(p.sources.find(src).id, a, b, p.codes.find(code).id)
    return path


def per_char(spans: list[tuple[int, int]], n: int = 100) -> list[int]:
    out = [0] * n
    for a, b in spans:
        for i in range(a, b):
            out[i] = 1
    return out


def test_hand_worked_kappa(tmp_path: Path) -> None:
    # A codes 0-40, B codes 20-80 of 100 characters:
    # both 20, only A 20, only B 40, neither 20 -> po = 0.4
    # pA = 0.4, pB = 0.6 -> pe = 0.4*0.6 + 0.6*0.4 = 0.48 -> kappa = (0.4-0.48)/0.52 = -2/13
    # (pooled marginals would give Scott's pi = -0.2: the wrong formula fails this test)
    path = make(tmp_path / "k.qdaproj", {"A": [("S", "K", 0, 40)], "B": [("S", "K", 20, 80)]})
    with Project.open(path, coder="A", read_only=True) as p:
        report = agreement(p, ["A", "B"], sources=[p.sources.find("S").id])
    k = report.codes[0]
    assert (k.code, k.units) == ("K", 100)
    assert k.percent_agreement == pytest.approx(0.4)
    assert k.kappa == pytest.approx(-2 / 13)
    assert k.coded == {"A": 40, "B": 60}
    expected = krippendorff.alpha(
        reliability_data=np.array([per_char([(0, 40)]), per_char([(20, 80)])]),
        level_of_measurement="nominal",
    )
    assert k.alpha == pytest.approx(expected)
    assert [(d.start, d.end, d.coders_with) for d in report.disagreements] == [
        (0, 20, ("A",)), (40, 80, ("B",))]  # fmt: skip


def test_kappa_formula_direct() -> None:
    assert cohen_kappa({3: 20, 1: 20, 2: 40, 0: 20}) == pytest.approx(-2 / 13)
    assert cohen_kappa({3: 50, 0: 50}) == pytest.approx(1.0)
    assert cohen_kappa({0: 10}) is None  # nobody coded anything: undefined
    assert krippendorff_alpha({0: 10}, 2) is None
    assert atoms([(0, 10, 1), (5, 15, 2), (12, 20, 1)]) == [
        (0, 5, 1), (5, 10, 3), (10, 12, 2), (12, 15, 3), (15, 20, 1)]  # fmt: skip


def test_three_coders_two_codes_match_krippendorff(tmp_path: Path) -> None:
    spans = {
        "A": {"K": [(0, 30), (50, 60)], "M": [(10, 20)]},
        "B": {"K": [(5, 30)], "M": [(10, 25), (90, 100)]},
        "C": {"K": [(0, 35), (55, 70)], "M": []},
    }
    codings = {who: [("S", code, a, b) for code, xs in by.items() for a, b in xs]
               for who, by in spans.items()}  # fmt: skip
    path = make(tmp_path / "a.qdaproj", codings)
    with Project.open(path, coder="A", read_only=True) as p:
        report = agreement(p, ["A", "B", "C"], sources=[p.sources.find("S").id])
    assert [c.code for c in report.codes] == ["K", "M"]
    for result in report.codes:
        data = np.array([per_char(spans[w][result.code]) for w in "ABC"])
        assert result.alpha == pytest.approx(
            krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        )
        assert result.kappa is None  # kappa is for two coders
    pooled = np.array([per_char(spans[w]["K"]) + per_char(spans[w]["M"]) for w in "ABC"])
    assert report.overall.alpha == pytest.approx(
        krippendorff.alpha(reliability_data=pooled, level_of_measurement="nominal")
    )
    agree = sum(len(set(col)) == 1 for col in pooled.T) / pooled.shape[1]
    assert report.overall.percent_agreement == pytest.approx(agree)


def test_segment_level_uses_paragraphs_or_turns(tmp_path: Path) -> None:
    # paragraphs of LINES: satu 0-4, dua 5-8, tiga 10-14, empat 15-20
    path = make(tmp_path / "s.qdaproj", {
        "A": [("L", "K", 0, 2), ("L", "K", 5, 8)],
        "B": [("L", "K", 6, 7), ("L", "K", 11, 12)],
    })  # fmt: skip
    with Project.open(path, coder="A") as p:
        lid = p.sources.find("L").id
        report = agreement(p, ["A", "B"], level="segment", sources=[lid])
        k = report.codes[0]
        # segments: A=[1,1,0,0], B=[0,1,1,0] -> po 0.5, pA = pB = 0.5, pe 0.5 -> kappa 0
        assert k.units == 4 and k.percent_agreement == pytest.approx(0.5)
        assert k.kappa == pytest.approx(0.0)
        assert k.alpha == pytest.approx(
            krippendorff.alpha(
                reliability_data=np.array([[1, 1, 0, 0], [0, 1, 1, 0]]),
                level_of_measurement="nominal",
            )
        )
        assert [(d.start, d.end, d.coders_with) for d in report.disagreements] == [
            (0, 4, ("A",)), (10, 14, ("B",))]  # fmt: skip
        # with speaker turns, the turns are the segments
        case = p.cases.create("I1").result.id
        p.cases.link(case, lid, 0, 9, speaker="I1")
        p.cases.link(case, lid, 9, len(LINES), speaker="I1")
        k = agreement(p, ["A", "B"], level="segment", sources=[lid]).codes[0]
        assert k.units == 2 and k.percent_agreement == pytest.approx(0.5)


def test_scope_and_errors(study) -> None:
    p, st = study
    report = agreement(p, ["ana", "budi"])
    assert report.source_ids == (st.src["W1"],)  # the only source both coded
    by_code = {c.code: c for c in report.codes}
    assert by_code["Komunikasi/Transmisi"].percent_agreement == pytest.approx(1.0)
    assert by_code["Komunikasi/Transmisi"].kappa == pytest.approx(1.0)
    # Anggaran: ana 38-70, budi 38-53 of 118 characters -> 17 disagree
    assert by_code["Sumber daya/Anggaran"].percent_agreement == pytest.approx(101 / 118)
    with pytest.raises(ValidationError):
        agreement(p, ["ana"])
    with pytest.raises(NotFoundError):
        agreement(p, ["ana", "zed"])
    with pytest.raises(ValidationError):
        agreement(p, ["ana", "budi"], level="word")
