"""Code ranking for Ctrl+K and "did you mean": plain names and abbreviations before fuzzy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.coding.code_match import exact_code, rank_codes
from qualcode.project import Project


@pytest.fixture(scope="module")
def study(sample_study_file: Path) -> Iterator[Project]:
    p = Project.open(sample_study_file, coder="peneliti", read_only=True)
    try:
        yield p
    finally:
        p.close()


def _first(project: Project, query: str) -> list[str]:
    codes = project.codes.all()
    by_id = {c.id: c for c in codes}
    return [
        " / ".join({by_id[i].name, *by_id[i].labels.values()}) for i in rank_codes(query, codes)
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SOP", "Prosedur operasi standar (SOP)"),
        ("sop", "Prosedur operasi standar (SOP)"),
        ("SDM", "SDM aparatur"),
        ("KIM", "Komunitas"),
        ("sosialisasi", "sosialisasi"),
        ("komunikasi", "Komunikasi"),
        ("Prosedur op", "Prosedur operasi standar (SOP)"),
        ("kordinasi", "oordinasi"),  # a typo still lands on coordination
    ],
)
def test_sample_codebooks_rank_the_named_code_first(
    study: Project, query: str, expected: str
) -> None:
    ranked = _first(study, query)
    assert ranked and expected.lower() in ranked[0].lower(), ranked[:4]


def test_tik_in_the_sample_finds_codes_about_tik_not_fuzzy_look_alikes(study: Project) -> None:
    codes = study.codes.all()
    by_id = {c.id: c for c in codes}
    ranked = [by_id[i] for i in rank_codes("TIK", codes)]
    assert ranked and all("TIK" in f"{c.short} {c.description}" for c in ranked[:3])
    assert "Pelayanan publik" not in [c.name for c in ranked[:3]]


def test_tik_finds_the_ict_code_of_the_smart_city_codebook(tmp_path: Path) -> None:
    from qualcode.codebooks.project import load_codebook_into

    with Project.create(tmp_path / "p.qdaproj", coder="ana") as p:
        for name in ("cohen-smartgov", "smartcity-kominfo"):
            load_codebook_into(p, name, language="id")
        ranked = _first(p, "TIK")
        assert "tik" in ranked[0].lower().split(), ranked[:4]
        assert "pelayanan publik" not in ranked[0].lower()


def test_tiers_exact_abbreviation_word_prefix_fuzzy() -> None:
    from types import SimpleNamespace as C

    codes = [
        C(id=1, name="Harmonisasi tata ruang", labels={}, short="", description="SOP tata ruang"),
        C(id=2, name="Sopan santun", labels={}, short="", description=""),
        C(
            id=3,
            name="Standard operating procedures",
            labels={"id": "Prosedur operasi standar (SOP)"},
            short="",
            description="",
        ),
        C(id=4, name="Sumber daya manusia", labels={}, short="", description=""),
        C(id=5, name="Sop", labels={}, short="", description=""),
    ]
    assert rank_codes("sop", codes) == [5, 3, 2, 1]
    assert rank_codes("sdm", codes)[0] == 4
    ict = C(id=6, name="Teknologi Informasi dan Komunikasi", labels={}, short="", description="")
    assert rank_codes("TIK", [*codes, ict])[0] == 6
    assert rank_codes("", codes, limit=2) == [1, 2]
    assert exact_code("SOPAN SANTUN", codes).id == 2
    assert exact_code("sop", codes).id == 5
