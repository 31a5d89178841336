"""Agreement over a check sample (issue #14): hand-worked figures, independent packages, scope."""

from __future__ import annotations

import json
import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from click.testing import CliRunner
from sklearn.metrics import cohen_kappa_score

from qualcode.analysis.agreement import agreement
from qualcode.analysis.check_sample import (
    check_sample,
    clear_check_sample,
    draw_check_sample,
    draw_units,
    set_check_sample,
    source_units,
)
from qualcode.cli.main import cli
from qualcode.errors import ValidationError
from qualcode.project import Project

PARAS = "satu\ndua\ntiga\nempat\nlima\n"  # five paragraphs, no speaker turns
STARTS = [0, 5, 9, 14, 20]
ENDS = [4, 8, 13, 19, 24]


def para(i: int) -> tuple[int, int]:
    """Range of paragraph ``i`` (1-based)."""
    return STARTS[i - 1], ENDS[i - 1]


def build(path: Path) -> Path:
    """A codes paragraphs 1, 2, 3 with K; B codes 1, 2, 4. Only A coded source "Solo"."""
    with Project.create(path, coder="A") as p:
        s = p.sources.add_text("P", PARAS).result.id
        solo = p.sources.add_text("Solo", PARAS).result.id
        k = p.codes.create("K").result.id
        for i in (1, 2, 3):
            p.codings.apply(s, *para(i), k)
        p.codings.apply(solo, *para(1), k)
    with Project.open(path, coder="B") as p:
        for i in (1, 2, 4):
            p.codings.apply(p.sources.find("P").id, *para(i), p.codes.find("K").id)
    return path


def test_hand_worked_figures_over_sources_and_sample(tmp_path: Path) -> None:
    path = build(tmp_path / "a.qdaproj")
    with Project.open(path, coder="A") as p:
        r = agreement(p, ["A", "B"], level="segment")
        # both 2 (1, 2), only A 1 (3), only B 1 (4), neither 1 (5); n = 5
        # po = .6; pA = pB = .6 -> pe = .52 -> kappa = .08/.48 = .167
        # alpha: N1 = 6, N0 = 4, N = 10, o01 = 2 -> 1 - 9*2/24 = .25
        # AC1: pi = .6, pe = 2*.6*.4 = .48 -> (.6 - .48)/.52 = .231; PSA = 2*2/(4+1+1) = .667
        k = r.overall
        assert r.scope == "sources" and r.units == 5
        assert round(k.percent_agreement, 3) == 0.6
        assert round(k.kappa, 3) == 0.167
        assert round(k.alpha, 3) == 0.25
        assert round(k.ac1, 3) == 0.231
        assert round(k.psa, 3) == 0.667
        # "Solo" was coded by A alone: reported, not silently dropped
        assert r.partially_coded == (("Solo", ("A",)),)
        assert [name for name, _ in r.per_source] == ["P"]
        # a check sample of paragraphs 1, 3, 4: both 1, only A 1, only B 1 -> n = 3
        # po = 1/3, pA = pB = 2/3, pe = 5/9 -> kappa = (3/9 - 5/9)/(4/9) = -.5
        sid = p.sources.find("P").id
        set_check_sample(p, [(sid, *para(i)) for i in (1, 3, 4)], coders=["A", "B"])
        s = agreement(p, ["A", "B"], level="segment")
        assert s.scope == "sample" and s.units == 3
        assert round(s.overall.kappa, 3) == -0.5
        assert "check sample" in s.scope_text and "turns" in s.unit
        # character level over the sample: the three paragraphs' 4 + 4 + 5 characters
        c = agreement(p, ["A", "B"])
        assert c.overall.units == 13 and c.scope == "sample"
        # the whole sources again when asked
        assert agreement(p, ["A", "B"], level="segment", over="sources").units == 5
        clear_check_sample(p)
        with pytest.raises(ValidationError):
            agreement(p, ["A", "B"], over="sample")


def test_figures_equal_independent_packages(tmp_path: Path) -> None:
    """Random markings on 60 paragraphs: kappa = sklearn, alpha = krippendorff, AC1 and PSA
    recomputed from the ratings, to 3 decimals; the bootstrap interval holds the estimate."""
    rng = random.Random(7)
    text = "".join(f"baris {i}\n" for i in range(60))
    spans = [(m, m + len(f"baris {i}")) for i, m in
             enumerate(np.cumsum([0] + [len(f"baris {i}\n") for i in range(59)]))]  # fmt: skip
    a = [int(rng.random() < 0.4) for _ in spans]
    b = [x if rng.random() < 0.8 else 1 - x for x in a]
    path = tmp_path / "r.qdaproj"
    with Project.create(path, coder="A") as p:
        sid = p.sources.add_text("R", text).result.id
        k = p.codes.create("K").result.id
        for (x, y), mark in zip(spans, a, strict=True):
            if mark:
                p.codings.apply(sid, int(x), int(y), k)
    with Project.open(path, coder="B") as p:
        for (x, y), mark in zip(spans, b, strict=True):
            if mark:
                p.codings.apply(sid, int(x), int(y), k)
        r = agreement(p, ["A", "B"], level="segment")
    fig = r.overall
    assert round(fig.kappa, 3) == round(cohen_kappa_score(a, b), 3)
    ref_alpha = krippendorff.alpha(reliability_data=[a, b], level_of_measurement="nominal")
    assert round(fig.alpha, 3) == round(ref_alpha, 3)
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pi = (sum(a) + sum(b)) / (2 * n)
    ac1 = (po - 2 * pi * (1 - pi)) / (1 - 2 * pi * (1 - pi))
    both = sum(x and y for x, y in zip(a, b, strict=True))
    psa = 2 * both / (sum(a) + sum(b))
    assert round(fig.ac1, 3) == round(ac1, 3) and round(fig.psa, 3) == round(psa, 3)
    for key in ("kappa", "alpha", "ac1"):
        low, high = fig.ci[key]
        assert low <= getattr(fig, key) <= high
    # the same seed gives the same interval
    with Project.open(path, coder="B", read_only=True) as p:
        assert agreement(p, ["A", "B"], level="segment").overall.ci == fig.ci


def test_drawing_is_reproducible_and_stratified() -> None:
    units = {1: [(i, i + 1) for i in range(0, 40, 2)], 2: [(i, i + 1) for i in range(0, 10, 2)]}
    one = draw_units(units, 0.2, seed=3, stratified=True)
    assert one == draw_units(units, 0.2, seed=3, stratified=True)
    assert sum(u[0] == 1 for u in one) == 4 and sum(u[0] == 2 for u in one) == 1
    assert one != draw_units(units, 0.2, seed=4, stratified=True)
    pooled = draw_units(units, 0.2, seed=3, stratified=False)
    assert len(pooled) == 5 and pooled == sorted(pooled)
    with pytest.raises(ValidationError):
        draw_units(units, 1.5, seed=3, stratified=True)


def test_sample_operations_undo_and_refuse_bad_units(tmp_path: Path) -> None:
    path = build(tmp_path / "u.qdaproj")
    with Project.open(path, coder="A") as p:
        changes = draw_check_sample(p, 0.4, seed=2, coders=["A", "B"])
        drawn = check_sample(p)
        assert drawn is not None and drawn.method == "stratified" and len(drawn.units) == 4
        assert p.undo_label() == changes.label
        p.undo()
        assert check_sample(p) is None
        p.redo()
        assert check_sample(p) == drawn
        sid = p.sources.find("P").id
        with pytest.raises(ValidationError):
            set_check_sample(p, [(sid, 0, 3)])  # not a paragraph
        assert check_sample(p) == drawn
        assert source_units(p, [sid])[sid] == [para(i) for i in range(1, 6)]


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_names_scope_and_unit_and_writes_the_methods_paragraph(tmp_path: Path) -> None:
    path = str(build(tmp_path / "c.qdaproj"))
    out = json.loads(run("agreement", path, "--coders", "A,B", "--level", "segment", "--json"))
    assert out["scope"] == "sources" and "turns" in out["unit"] and out["units"] == 5
    assert out["partially_coded"] == [["Solo", ["A"]]]
    run("check-sample", path, "--add", "P=1,3,4", "--coders", "A,B", "--coder", "A")
    out = json.loads(run("agreement", path, "--level", "segment", "--json"))  # coders: sample's
    assert out["scope"] == "sample" and out["units"] == 3
    assert "check sample" in out["scope_text"]
    text = run("agreement", path, "--level", "segment", "--methods", "--language", "id")
    assert "sampel pemeriksaan berisi 3 unit dari 1 sumber" in text
    assert "giliran bicara" in text and "κ Cohen = -0,500" in text and "QualCode" in text
    assert "Solo (A)" in text and "secara terpisah oleh A dan B." in text
    english = run("agreement", path, "--level", "segment", "--methods")
    assert "check sample of 3 units" in english and "Cohen's κ = -0.500" in english
    assert "which A and B coded independently" in english


def test_the_methods_paragraph_lists_coders_as_a_sentence_does() -> None:
    from qualcode.analysis.methods_text import _series

    assert _series(["A"], "en") == "A"
    assert _series(["A", "B"], "id") == "A dan B"
    assert _series(["A", "B", "C"], "en") == "A, B, and C"
    assert _series(["A", "B", "C"], "id") == "A, B, dan C"


def test_the_sample_study_is_compared_over_its_check_sample(sample: Project) -> None:
    declared = check_sample(sample)
    assert declared is not None and declared.coders == ("peneliti", "pembimbing")
    r = agreement(sample, ["peneliti", "pembimbing"], level="segment")
    assert r.scope == "sample" and r.units == len(declared.units) == 39
    # the supervisor coded only these turns: over them pooled kappa is about .55, not the
    # .20 that counting every unread turn as "absent" gave
    assert round(r.overall.kappa, 2) == 0.55
