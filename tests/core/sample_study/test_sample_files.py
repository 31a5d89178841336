"""Checks on the bundled sample study in ``sample_transcripts/`` (manifest, files, content)."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3] / "sample_transcripts"
MANIFEST = ROOT / "study.yaml"

REQUIRED_COLUMNS = [
    "Kode",
    "Nama",
    "Jabatan",
    "Peringkat",
    "Instansi",
    "Sektor",
    "Jenis Informan",
    "Tanggal Wawancara",
    "Tempat",
]
KINDS = {"interview", "focus-group", "observation", "document"}
ROLES = {"interviewer", "moderator"}
TIMESTAMP = r"(?:\[\d{2}:\d{2}:\d{2}\]\s*)?"


@cache
def manifest() -> dict[str, Any]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def sources(kind: str | None = None) -> list[dict[str, Any]]:
    return [s for s in manifest()["sources"] if kind is None or s["kind"] == kind]


def source_ids(items: list[dict[str, Any]]) -> list[str]:
    return [s["file"] for s in items]


@cache
def docx_blocks(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]]]:
    """Paragraphs as (style name, text) and tables as rows of cell texts."""
    import docx

    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def lines_of(source: dict[str, Any]) -> list[str]:
    """Non-empty text lines (or paragraphs, for Word) of a source, headings excluded."""
    path = ROOT / source["file"]
    if path.suffix == ".docx":
        paragraphs, tables = docx_blocks(path)
        out = [text for style, text in paragraphs if text and not style.startswith("Heading")]
        for table in tables:
            out += [cell for row in table for cell in row if cell]
        return out
    text = path.read_bytes().decode(source.get("encoding", "utf-8"))
    return [line.strip() for line in text.splitlines() if line.strip()]


def full_text(source: dict[str, Any]) -> str:
    return "\n".join(lines_of(source))


def turn_pattern(labels: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^{TIMESTAMP}({alternatives}):\s")


@cache
def informant_rows() -> list[dict[str, Any]]:
    import openpyxl

    workbook = openpyxl.load_workbook(ROOT / manifest()["informants_sheet"])
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    return [dict(zip(header, row, strict=True)) for row in rows[1:] if any(row)]


def as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_samples", ROOT / "build_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- manifest ------------------------------------------------------------------------------


def test_manifest_has_bilingual_title_and_description() -> None:
    for key in ("title", "description"):
        assert set(manifest()[key]) >= {"en", "id"}
        assert all(len(manifest()[key][lang]) > 20 for lang in ("en", "id"))
    assert (ROOT / manifest()["informants_sheet"]).is_file()


def test_manifest_entries_are_complete_and_files_exist() -> None:
    assert len(sources()) >= 10
    for source in sources():
        assert (ROOT / source["file"]).is_file(), source["file"]
        assert source["kind"] in KINDS
        assert source["language"] in {"id", "en"}
        assert source["name"].strip()
        dt.date.fromisoformat(str(source["date"]))
        assert isinstance(source["speakers"], dict)
    kinds = [s["kind"] for s in sources()]
    assert kinds.count("interview") >= 7
    assert {"focus-group", "observation", "document"} <= set(kinds)
    assert any(s["language"] == "en" for s in sources("interview"))


@pytest.mark.parametrize("source", sources(), ids=source_ids(sources()))
def test_declared_speakers_occur_as_turn_markers(source: dict[str, Any]) -> None:
    labels = list(source["speakers"])
    if source.get("layout") == "qa-table":
        _, tables = docx_blocks(ROOT / source["file"])
        assert set(labels) <= set(tables[0][0])
        return
    if source["kind"] in {"interview", "focus-group"}:
        assert len(labels) >= 2
    lines = lines_of(source)
    for label in labels:
        pattern = turn_pattern([label])
        assert any(pattern.match(line) for line in lines), f"{label!r} not a turn in {source}"


@pytest.mark.parametrize(
    "source",
    [s for s in sources() if s["speakers"] and s.get("layout") != "qa-table"],
    ids=lambda s: s["file"],
)
def test_every_turn_after_the_first_has_a_declared_speaker(source: dict[str, Any]) -> None:
    lines = lines_of(source)
    pattern = turn_pattern(list(source["speakers"]))
    first = next(i for i, line in enumerate(lines) if pattern.match(line))
    strays = [line[:60] for line in lines[first:] if not pattern.match(line)]
    assert strays == []


def test_speaker_targets_are_roles_or_known_informants() -> None:
    codes = {row["Kode"] for row in informant_rows()}
    used = set()
    for source in sources():
        for target in source["speakers"].values():
            assert target in ROLES or target in codes, (source["file"], target)
            used.add(target)
    assert codes <= used, f"informants with no source: {codes - used}"


def test_focus_group_has_moderator_and_four_participants() -> None:
    (fgd,) = sources("focus-group")
    targets = list(fgd["speakers"].values())
    assert "moderator" in targets
    assert len([t for t in targets if t not in ROLES]) >= 4


# --- encodings and formats -----------------------------------------------------------------


def test_windows_1252_source_needs_detection() -> None:
    (source,) = [s for s in sources() if s.get("encoding")]
    assert source["encoding"].lower().replace("-", "") in {"windows1252", "cp1252"}
    raw = (ROOT / source["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert "André" in text and "Café" in text
    assert b"\r\n" in raw


def test_other_text_sources_are_utf8() -> None:
    for source in sources():
        path = ROOT / source["file"]
        if path.suffix == ".txt" and not source.get("encoding"):
            path.read_bytes().decode("utf-8")


def test_word_documents_open_and_have_expected_layout() -> None:
    docs = [s for s in sources() if s["file"].endswith(".docx")]
    (table_doc,) = [s for s in docs if s.get("layout") == "qa-table"]
    (turns_doc,) = [s for s in docs if s.get("layout") != "qa-table"]
    paragraphs, tables = docx_blocks(ROOT / table_doc["file"])
    assert len(tables) == 1
    assert tables[0][0] == ["No", "Pertanyaan", "Jawaban"]
    assert all(len(row) == 3 for row in tables[0]) and len(tables[0]) > 10
    assert [row[0] for row in tables[0][1:]] == [str(i) for i in range(1, len(tables[0]))]
    header = {text.split(":")[0] for _, text in paragraphs if ":" in text}
    assert {"Hari/Tanggal", "Waktu", "Tempat", "Informan", "Jabatan", "Instansi"} <= header
    paragraphs, tables = docx_blocks(ROOT / turns_doc["file"])
    assert not tables
    assert sum(style.startswith("Heading") for style, _ in paragraphs) >= 2


def test_timestamped_transcript_is_in_order() -> None:
    (source,) = [s for s in sources() if s["file"].startswith("W4")]
    stamps = re.findall(r"^\[(\d{2}):(\d{2}):(\d{2})\] [PI]:", full_text(source), re.M)
    seconds = [int(h) * 3600 + int(m) * 60 + int(s) for h, m, s in stamps]
    assert len(seconds) > 20 and seconds == sorted(seconds)


# --- informant sheet -----------------------------------------------------------------------


def test_informant_sheet_columns_and_types() -> None:
    rows = informant_rows()
    assert next(iter(rows[0])) == "Kode"
    assert set(REQUIRED_COLUMNS) <= set(rows[0])
    assert len({row["Kode"] for row in rows}) == len(rows) >= 12
    for row in rows:
        assert isinstance(row["Peringkat"], int) and 1 <= row["Peringkat"] <= 6
        assert isinstance(row["Tanggal Wawancara"], dt.date)
        assert dt.date(2024, 3, 1) <= as_date(row["Tanggal Wawancara"]) <= dt.date(2024, 5, 31)
        assert row["Sektor"] in {"pemerintah", "masyarakat", "swasta", "akademisi"}
        assert row["Jenis Informan"] in {"kunci", "utama", "pendukung"}
    assert {row["Sektor"] for row in rows} == {"pemerintah", "masyarakat", "swasta", "akademisi"}
    assert {row["Peringkat"] for row in rows} == set(range(1, 7))


def test_csv_holds_the_same_data_as_the_sheet() -> None:
    with (ROOT / "informants.csv").open(encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert len(csv_rows) == len(informant_rows())
    for text_row, typed in zip(csv_rows, informant_rows(), strict=True):
        assert list(text_row) == list(typed)
        for key, value in typed.items():
            if isinstance(value, dt.date):
                value = as_date(value).isoformat()
            if value is None:
                assert text_row[key] in {"", "-"}, key
            else:
                assert str(value) == text_row[key], key


def test_interview_dates_match_the_sheet() -> None:
    by_code = {row["Kode"]: as_date(row["Tanggal Wawancara"]) for row in informant_rows()}
    for source in sources():
        if source["kind"] in {"interview", "focus-group"}:
            for target in source["speakers"].values():
                if target not in ROLES:
                    assert by_code[target].isoformat() == str(source["date"]), source["file"]


# --- content -------------------------------------------------------------------------------


def test_word_counts() -> None:
    counts = {s["file"]: len(full_text(s).split()) for s in sources()}
    assert sum(counts.values()) >= 12_000
    for source in sources("interview"):
        assert 900 <= counts[source["file"]] <= 2000, (source["file"], counts[source["file"]])


EDWARDS = {
    "communication": r"sosiali|komunikasi|socialis|communicat",
    "resources": r"\bSDM\b|anggaran|budget|sinyal|jaringan|staff",
    "disposition": r"komitmen|commitment|insentif|incentive",
    "structure": r"\bSOP|koordinasi|kordinasi|integrasi|integrat",
    "supporting": r"pendukung|supporting",
    "inhibiting": r"penghambat|menghambat|hambatan|inhibiting",
}


@pytest.mark.parametrize("source", sources("interview"), ids=source_ids(sources("interview")))
def test_interviews_touch_edwards_and_factors(source: dict[str, Any]) -> None:
    text = full_text(source)
    missing = [name for name, rx in EDWARDS.items() if not re.search(rx, text, re.I)]
    assert missing == []


def test_search_targets_are_present() -> None:
    corpus = "\n".join(full_text(s) for s in sources()).lower()
    for word in (
        "sosialiasi",
        "kordinasi",
        "aplkasi",
        "sosialisasi",
        "disosialisasikan",
        "mensosialisasikan",
        "pelayanan",
        "melayani",
        "dilayani",
        "kebijakan",
        "berkoordinasi",
        "dikoordinasikan",
    ):
        assert re.search(rf"\b{word}\b", corpus), word


# --- generated files -----------------------------------------------------------------------


def test_build_is_deterministic_and_matches_committed_files(tmp_path: Path) -> None:
    builder = load_builder()
    first = builder.build_all(tmp_path / "a")
    second = builder.build_all(tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
    for built in first:
        committed = ROOT / built.name
        if built.suffix == ".docx":
            assert docx_blocks(built) == docx_blocks(committed), built.name
        elif built.suffix == ".xlsx":
            import openpyxl

            def values(path: Path) -> list[list[tuple[Any, ...]]]:
                workbook = openpyxl.load_workbook(path)
                return [list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets]

            assert values(built) == values(committed)
        else:
            assert built.read_bytes() == committed.read_bytes(), built.name
