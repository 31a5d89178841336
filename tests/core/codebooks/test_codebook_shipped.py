"""The codebooks shipped in ``codebooks/`` load, are complete and link to each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.codebooks.files import (
    CODEBOOKS_DIR_ENV,
    Codebook,
    check_links,
    codebooks_dir,
    dump_codebook,
    find_codebook,
    parse_codebook,
    shipped_codebooks,
)
from qualcode.errors import NotFoundError

EXPECTED_IDS = {
    "edwards3",
    "smartcity-kominfo",
    "smartcity-readiness",
    "smartcity-giffinger",
    "cohen-smartgov",
    "factors",
    "mhs-analysis",
    "vanmeter-vanhorn",
}


@pytest.fixture(autouse=True)
def _repo_codebooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CODEBOOKS_DIR_ENV, raising=False)


@pytest.fixture(scope="module")
def books() -> list[Codebook]:
    return shipped_codebooks()


def test_every_expected_codebook_is_shipped(books: list[Codebook]) -> None:
    assert {book.id for book in books} == EXPECTED_IDS
    for book in books:
        assert Path(book.source).name == f"{book.id}.yaml"


def test_cross_codebook_links_resolve(books: list[Codebook]) -> None:
    assert check_links(books) == []


@pytest.mark.parametrize("codebook_id", sorted(EXPECTED_IDS))
def test_dump_then_parse_round_trips(codebook_id: str) -> None:
    book = find_codebook(codebook_id)
    text = dump_codebook(book)
    again = parse_codebook(text, f"{codebook_id}-dumped.yaml")
    assert again == book
    assert dump_codebook(again) == text


def test_codes_are_complete_and_bilingual(books: list[Codebook]) -> None:
    for book in books:
        assert set(book.title) >= {"en", "id"} and set(book.description) >= {"en", "id"}
        assert book.reference is not None and book.reference.authors
        ids = book.code_ids()
        assert len(ids) == len(set(ids)), book.id
        colours = [code.color for _path, code in book.iter_codes()]
        assert len(set(colours)) == len(colours), f"{book.id}: colours repeat"
        for _path, code in book.iter_codes():
            where = f"{book.id}:{code.id}"
            for field in ("label", "short", "definition", "when_to_use", "when_not_to_use"):
                texts = getattr(code, field)
                assert texts.get("en") and texts.get("id"), f"{where} {field}"
            assert code.example, where
            assert code.color and re.fullmatch(r"#[0-9A-F]{6}", code.color), where
            assert len(code.text("short", "en")) <= 120, where


def test_set_ids_unique_and_members_exist(books: list[Codebook]) -> None:
    for book in books:
        set_ids = [code_set.id for code_set in book.sets]
        assert len(set_ids) == len(set(set_ids)), book.id
        for code_set in book.sets:
            assert code_set.codes
            assert all(book.code(member) is not None for member in code_set.codes)


def test_edwards3_structure() -> None:
    book = find_codebook("edwards3")
    assert [code.id for code in book.codes] == ["COM", "RES", "DIS", "BUR"]
    assert [child.id for child in book.code("COM").children] == ["COM.1", "COM.2", "COM.3"]
    assert book.code("RES.5").optional
    assert book.code("RES.5").label["id"] == "Anggaran"
    assert not any(code.optional for _path, code in book.iter_codes() if code.id != "RES.5")
    assert [code_set.id for code_set in book.sets] == ["COM", "RES", "DIS", "BUR"]
    assert book.reference.year == "1980"
    # Children are shades of their parent, not unrelated colours.
    assert book.code("BUR.1").color != book.code("BUR").color


def test_kominfo_has_six_dimensions_with_three_elements() -> None:
    book = find_codebook("smartcity-kominfo")
    assert [code.id for code in book.codes] == ["SG", "SB", "SE", "SL", "SS", "SEnv"]
    assert all(len(code.children) == 3 for code in book.codes)
    assert book.code("SEnv.2").label["id"].startswith("Pengelolaan sampah")


def test_factors_map_onto_edwards() -> None:
    book = find_codebook("factors")
    expected = {
        "INHIBIT.BUDGET": "edwards3:RES.5",
        "INHIBIT.COORDINATION": "edwards3:BUR.2",
        "INHIBIT.SOCIALISATION": "edwards3:COM.1",
        "INHIBIT.HR": "edwards3:RES.1",
        "SUPPORT.LEADERSHIP": "edwards3:DIS.1",
    }
    for code_id, target in expected.items():
        links = book.code(code_id).links
        assert any(link.target == target and link.relation == "maps_to" for link in links), code_id
    assert "valence" in book.description["en"]


def test_mhs_sets_follow_analysis_stages() -> None:
    book = find_codebook("mhs-analysis")
    assert [code_set.id for code_set in book.sets] == ["CONDENSATION", "DISPLAY", "CONCLUSION"]
    assert "FC.IN_VIVO" in book.sets[0].codes
    assert book.code("SECOND").children
    # methods are not content codes: magnitude is a coding attribute, causation a link,
    # memo types are memos; the remaining codes are folders for the researcher's codes
    ids = {code.id for _path, code in book.iter_codes()}
    assert not ids & {"FC.MAGNITUDE", "FC.CAUSATION", "MEMO", "MEMO.ANALYTIC"}
    assert "folder" in book.description["en"].casefold()


def test_iter_codes_gives_paths_depth_first() -> None:
    book = find_codebook("edwards3")
    paths = [path for path, _code in book.iter_codes()]
    assert paths[:3] == [("COM",), ("COM", "COM.1"), ("COM", "COM.2")]
    assert ("RES", "RES.5") in paths
    assert book.parent_of("RES.5").id == "RES"


def test_find_codebook_by_path_and_unknown_id() -> None:
    path = codebooks_dir() / "factors.yaml"
    assert find_codebook(path).id == "factors"
    assert find_codebook(str(path)).id == "factors"
    with pytest.raises(NotFoundError):
        find_codebook("no-such-codebook")


def test_directory_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = find_codebook("smartcity-giffinger")
    (tmp_path / "renamed.yaml").write_text(dump_codebook(book), encoding="utf-8")
    monkeypatch.setenv(CODEBOOKS_DIR_ENV, str(tmp_path))
    assert codebooks_dir() == tmp_path
    assert [b.id for b in shipped_codebooks()] == ["smartcity-giffinger"]
    # Found by its id even though the file name differs.
    assert find_codebook("smartcity-giffinger") == book


def test_documented_example_is_valid(books: list[Codebook]) -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "codebook-format.md").read_text("utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    book = parse_codebook(example, "codebook-format.md")
    assert book.id == "my-study"
    assert book.code("COM.1").links[0].target == "factors:INHIBIT.SOCIALISATION"
    assert check_links([*books, book]) == []
