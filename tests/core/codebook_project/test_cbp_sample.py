"""The hand-coded sample study: every quote is where it says, and it loads into a project."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from qualcode.app.sample_codings import (
    SampleCoding,
    load_sample_codings,
    locate,
    manifest_names,
    read_sample_codings,
)
from qualcode.codebooks.files import find_codebook
from qualcode.errors import ValidationError
from qualcode.project import Project
from qualcode.records import VALENCES
from qualcode.sources.extract import extract_file
from support.snapshots import snapshot


@pytest.fixture(scope="module")
def entries() -> list[SampleCoding]:
    return read_sample_codings(Path(__file__).resolve().parents[3] / "sample_transcripts" /
                               "codings.yaml")  # fmt: skip


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    folder = Path(__file__).resolve().parents[3] / "sample_transcripts"
    return {name: extract_file(folder / name).text for name in manifest_names(folder)}


def test_every_quote_is_found_exactly(entries: list[SampleCoding], texts: dict[str, str]) -> None:
    folder = Path(__file__).resolve().parents[3] / "sample_transcripts"
    w6 = extract_file(folder / "W6_Kepala_Desa_Mekarwangi.txt")  # Windows-1252, CRLF
    assert w6.encoding in ("cp1252", "windows-1252") and "André" in w6.text
    assert "\r" not in w6.text
    for entry in entries:
        assert entry.source in texts, f"line {entry.line}: {entry.source} is not in study.yaml"
        text = texts[entry.source]
        start, end = locate(entry, text)
        assert text[start:end] == entry.quote
        count = text.count(entry.quote)
        if entry.occurrence is None:
            assert count == 1, f"line {entry.line}: quote occurs {count} times"
        else:
            assert count > 1, f"line {entry.line}: occurrence given for a unique quote"
            positions = [i for i in range(len(text)) if text.startswith(entry.quote, i)]
            assert start == positions[entry.occurrence - 1]


def test_the_coding_is_substantial(entries: list[SampleCoding], texts: dict[str, str]) -> None:
    coders = Counter(e.coder for e in entries)
    assert set(coders) == {"peneliti", "pembimbing"}
    assert coders["peneliti"] >= 150 and 35 <= coders["pembimbing"] <= 60
    assert {e.source for e in entries if e.coder == "peneliti"} == set(texts)
    books = {b: find_codebook(b) for b in ("edwards3", "smartcity-kominfo", "factors")}
    for entry in entries:
        assert entry.codebook in books, f"line {entry.line}"
        assert books[entry.codebook].code(entry.code) is not None, f"line {entry.line}"
        assert entry.attributes.get("valence") in (None, *VALENCES)
        if entry.code.startswith("SUPPORT."):
            assert entry.attributes.get("valence") == "supporting", f"line {entry.line}"
        if entry.code.startswith("INHIBIT."):
            assert entry.attributes.get("valence") == "inhibiting", f"line {entry.line}"
    assert {e.codebook for e in entries} == set(books)
    # the supervisor's passages: some agree, some take another code, some another span
    first = {(e.source, e.quote): e for e in entries if e.coder == "peneliti"}
    spans = {(e.source, e.quote) for e in entries if e.coder == "peneliti"}
    second = [e for e in entries if e.coder == "pembimbing"]
    same = [e for e in second if (e.source, e.quote) in first
            and first[(e.source, e.quote)].code == e.code]  # fmt: skip
    other_code = [e for e in second if (e.source, e.quote) in first
                  and first[(e.source, e.quote)].code != e.code]  # fmt: skip
    other_span = [e for e in second if (e.source, e.quote) not in spans]
    assert len(same) >= 15 and len(other_code) >= 8 and len(other_span) >= 5
    for entry in other_span:  # a different span still overlaps a passage of the first coder
        text = texts[entry.source]
        a, b = locate(entry, text)
        assert any(
            e.source == entry.source and max(a, s) < min(b, t)
            for e in first.values()
            for s, t in [locate(e, texts[e.source])]
        ), f"line {entry.line}"


def test_load_into_a_project(study_project: Project, samples: Path) -> None:
    entries = read_sample_codings(samples / "codings.yaml")
    report = load_sample_codings(study_project, samples / "codings.yaml")
    assert report.added == len(entries) and report.skipped == 0 and report.sources == 11
    assert report.by_coder == dict(Counter(e.coder for e in entries))
    codings = study_project.codings.list()
    assert len(codings) == len(entries)
    # each coding covers its quote in the stored text, with the code and coder named
    codes = {c.id: f"{c.codebook}:{c.codebook_code}" for c in study_project.codes.all()}
    coders = {c.coder_id for c in codings}
    assert len(coders) == 2
    found = Counter(
        (study_project.sources.text(c.source_id)[c.start : c.end], codes[c.code_id], c.valence)
        for c in codings
    )
    wanted = Counter((e.quote, f"{e.codebook}:{e.code}", e.attributes.get("valence"))
                     for e in entries)  # fmt: skip
    assert found == wanted
    w6 = study_project.sources.find("W6 Kepala Desa Mekarwangi")
    assert "André" in study_project.sources.text(w6.id)
    # loading again adds nothing; undo takes the whole load back
    before = snapshot(study_project)
    again = load_sample_codings(study_project, samples / "codings.yaml")
    assert again.added == 0 and again.skipped == len(entries)
    assert snapshot(study_project) == before
    study_project.undo()
    assert study_project.codings.list() == []
    study_project.redo()
    assert snapshot(study_project) == before


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "codings.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_errors_name_the_line(sources_project: Project, tmp_path: Path, samples: Path) -> None:
    study_project = sources_project
    (tmp_path / "study.yaml").write_text(
        (samples / "study.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    head = "codings:\n  - {source: W1_Kadis_Diskominfo.txt, coder: a, code: edwards3:COM.1, "
    cases = {
        "quote: Tidak ada di teks}\n": "line 2: quote not found",
        "quote: 'Pak'}\n": "give 'occurrence'",
        "quote: 'Komitmen Bupati', occurrence: 1}\n": "occurrence 1 given",
        "quote: 'Komitmen Bupati', occurence: 2}\n": "unknown keys",
        "quote: 'Komitmen Bupati', valence: good}\n": "Valence must be",
    }
    for tail, message in cases.items():
        with pytest.raises(ValidationError, match=message):
            load_sample_codings(study_project, write(tmp_path, head + tail))
    missing_code = (
        "codings:\n\n  - {source: W1 Kepala Diskominfo, coder: a, code: x:Y, "
        "quote: 'Komitmen Bupati'}\n"
    )
    assert read_sample_codings(write(tmp_path, missing_code))[0].line == 3
    with pytest.raises(ValidationError, match=r"line 3: .*load codebook 'x'"):
        load_sample_codings(study_project, tmp_path / "codings.yaml")
    assert study_project.codings.list() == []


def test_manifest_matches_the_codings_file(samples: Path) -> None:
    manifest = yaml.safe_load((samples / "study.yaml").read_text(encoding="utf-8"))
    assert manifest_names(samples) == {s["file"]: s["name"] for s in manifest["sources"]}
