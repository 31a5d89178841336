"""The bundled sample study built by ``build_demo``: exact sources, turns, cases, attributes."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.app.demo import STEPS, DemoSummary, build_demo
from qualcode.errors import ProjectError
from qualcode.project import Project
from qualcode.sources.importing import turns

D = dt.date
SOURCES = {  # name: (kind, language, date, original file, turns)
    "W1 Kepala Diskominfo":
        ("interview", "id", D(2024, 3, 12), "W1_Kadis_Diskominfo.txt", 36),
    "W2 Kabid PIAK Disdukcapil":
        ("interview", "id", D(2024, 3, 21), "W2_Kabid_Disdukcapil.txt", 36),
    "W3 Kasi Informasi DPMPTSP":
        ("interview", "id", D(2024, 3, 25), "W3_Kasi_DPMPTSP.docx", 32),
    "W4 Kabid PPEP Bappeda":
        ("interview", "id", D(2024, 4, 3), "W4_Kabid_Bappeda.txt", 38),
    "W5 Kasi Promosi Disparbud":
        ("interview", "id", D(2024, 4, 22), "W5_Kasi_Dinas_Pariwisata.docx", 34),
    "W6 Kepala Desa Mekarwangi":
        ("interview", "id", D(2024, 4, 23), "W6_Kepala_Desa_Mekarwangi.txt", 30),
    "W7 University adviser (EN)":
        ("interview", "en", D(2024, 5, 16), "W7_Akademisi_EN.txt", 26),
    "W8 Kasi Data Dinkes (tertulis)":
        ("interview", "id", D(2024, 5, 8), "W8_Dinkes_Jawaban_Tertulis.txt", 26),
    "FGD1 Warga Desa Mekarwangi":
        ("focus-group", "id", D(2024, 5, 4), "FGD1_Warga_Mekarwangi.txt", 50),
    "O1 Catatan lapangan":
        ("observation", "id", D(2024, 3, 11), "O1_Catatan_Lapangan.txt", 0),
    "D1 Perbup 17/2022 Masterplan":
        ("document", "id", D(2022, 6, 14), "D1_Perbup_17_2022_Masterplan.txt", 0),
}  # fmt: skip
SPEAKERS = {  # name: {speaker label: (case, number of turns)}
    "W1 Kepala Diskominfo": {"P": ("Interviewer", 18), "I": ("I1", 18)},
    "W2 Kabid PIAK Disdukcapil": {"Peneliti": ("Interviewer", 18), "Informan": ("I2", 18)},
    "W3 Kasi Informasi DPMPTSP": {"Pertanyaan": ("Interviewer", 16), "Jawaban": ("I3", 16)},
    "W4 Kabid PPEP Bappeda": {"P": ("Interviewer", 19), "I": ("I4", 19)},
    "W5 Kasi Promosi Disparbud": {"T": ("Interviewer", 17), "J": ("I5", 17)},
    "W6 Kepala Desa Mekarwangi": {"Pewawancara": ("Interviewer", 15), "Narasumber": ("I6", 15)},
    "W7 University adviser (EN)": {"Interviewer": ("Interviewer", 13), "Rina": ("I7", 13)},
    "W8 Kasi Data Dinkes (tertulis)": {"Pertanyaan": ("Interviewer", 13), "Jawaban": ("I8", 13)},
    "FGD1 Warga Desa Mekarwangi": {
        "Moderator": ("Moderator", 13), "Pak Darto": ("F1", 6), "Bu Sari": ("F2", 7),
        "Mas Yoga": ("F3", 7), "Bu Ratna": ("F4", 5), "Pak Ujang": ("F5", 5),
        "Mbak Dewi": ("F6", 7),
    },
}  # fmt: skip
INFORMANTS = [f"I{n}" for n in range(1, 9)] + [f"F{n}" for n in range(1, 7)]
ATTRIBUTES = {
    "Nama": "text", "Jabatan": "text", "Peringkat": "number", "Instansi": "category",
    "Sektor": "category", "Jenis Informan": "category", "Tanggal Wawancara": "date",
    "Waktu": "category", "Tempat": "category", "Jenis Kelamin": "category", "Sumber": "category",
}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, DemoSummary, list]]:
    path = tmp_path_factory.mktemp("demo") / "sukamaju.qdaproj"
    calls: list[tuple[int, int, str]] = []
    summary = build_demo(path, progress=lambda *a: calls.append(a))
    yield path, summary, calls


@pytest.fixture
def demo(built) -> Iterator[Project]:
    p = Project.open(built[0], coder="demo", read_only=True)
    try:
        yield p
    finally:
        p.close()


def test_summary_counts(built) -> None:
    _, summary, calls = built
    assert summary.project.title.startswith("Implementing the Smart Regency Policy")
    assert summary.project.sources == 11
    assert summary.sources_by_kind == {
        "document": 1, "focus-group": 1, "interview": 8, "observation": 1,
    }  # fmt: skip
    assert summary.cases == 16
    assert summary.turns == 308
    assert summary.attributes == ATTRIBUTES
    assert summary.warnings == []
    assert calls[0] == (0, 11, "W1_Kadis_Diskominfo.txt") and (11, 11, "") in calls
    assert calls[-1] == (1, 1, "")
    assert [s.__name__ for s in STEPS] == [
        "import_sources", "import_informants", "load_codebooks", "load_codings",
        "fill_identity_register",
    ]  # fmt: skip
    # the three study codebooks and the hand-made codings of researcher and supervisor
    assert summary.project.codings == 334
    assert summary.project.coders == 2


def test_sources_names_kinds_languages_dates(demo: Project) -> None:
    got = {
        s.name: (s.kind, s.language, s.date_collected, s.original_name, len(turns(demo, s.id)))
        for s in demo.sources.all()
    }
    assert got == SOURCES


def test_turns_per_source_and_speaker(demo: Project) -> None:
    for source in demo.sources.all():
        found = turns(demo, source.id)
        counted = Counter((t.speaker, t.case) for t in found)
        expected = SPEAKERS.get(source.name, {})
        assert counted == {(label, case): n for label, (case, n) in expected.items()}, source.name
        interviewers = {t.speaker for t in found if t.role == "interviewer"}
        assert interviewers == {
            label for label, (c, _) in expected.items() if c in ("Interviewer", "Moderator")
        }
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_turn_ranges_cover_the_spoken_text(demo: Project) -> None:
    w4 = demo.sources.find("W4 Kabid PPEP Bappeda")
    text = demo.sources.text(w4.id)
    first = turns(demo, w4.id)[0]
    assert text[first.start : first.end].startswith("[00:00:08] P: Baik, sudah mulai merekam")
    w3 = demo.sources.find("W3 Kasi Informasi DPMPTSP")
    answer = turns(demo, w3.id)[1]
    assert answer.case == "I3" and demo.sources.text(w3.id)[answer.start : answer.end].strip()


def test_cases_and_typed_attributes(demo: Project) -> None:
    cases = {c.name: c for c in demo.cases.all()}
    assert sorted(cases) == sorted([*INFORMANTS, "Interviewer", "Moderator"])
    assert {cases[n].kind for n in INFORMANTS} == {"informant"}
    assert cases["Interviewer"].kind == cases["Moderator"].kind == "other"
    for name in INFORMANTS:
        assert set(cases[name].attributes) <= set(ATTRIBUTES)
        assert isinstance(cases[name].attributes["Peringkat"], int)
        assert isinstance(cases[name].attributes["Tanggal Wawancara"], dt.date)
    i1, f5, i7 = cases["I1"].attributes, cases["F5"].attributes, cases["I7"].attributes
    assert (i1["Peringkat"], i1["Tanggal Wawancara"], i1["Sektor"]) == (
        1,
        D(2024, 3, 12),
        "pemerintah",
    )
    assert (f5["Peringkat"], f5["Nama"], f5["Sumber"]) == (6, "Ujang", "FGD1")
    assert (i7["Peringkat"], i7["Jenis Informan"], i7["Sektor"]) == (5, "pendukung", "akademisi")
    sektor = demo.attributes.find("Sektor")
    assert set(sektor.allowed_values) == {"pemerintah", "masyarakat", "swasta", "akademisi"}
    # Every informant is linked to the source named in its "Sumber" column.
    names = {s.id: s.name.split()[0] for s in demo.sources.all()}
    for name in INFORMANTS:
        linked = {names[link.source_id] for link in demo.cases.links(case_id=cases[name].id)}
        assert linked == {cases[name].attributes["Sumber"]}


def test_encoding_header_and_manifest_meta(demo: Project) -> None:
    w6 = demo.sources.find("W6 Kepala Desa Mekarwangi")
    text = demo.sources.text(w6.id)
    assert "André" in text and "Café" in text and "\r" not in text
    assert w6.meta["encoding"] == "cp1252"
    assert w6.meta["header.date"] == "2024-04-23"
    w2 = demo.sources.find("W2 Kabid PIAK Disdukcapil")
    assert w2.meta["header.informant_code"] == "I2"
    assert w2.meta["interviewer_speakers"] == ["Peneliti"]
    d1 = demo.sources.find("D1 Perbup 17/2022 Masterplan")
    assert d1.meta["study.document"]["citation"] == "(Perbup Sukamaju No. 17 Tahun 2022)"
    o1 = demo.sources.find("O1 Catatan lapangan")
    assert o1.meta["study.date_end"] == "2024-05-14"


def test_existing_file_is_refused_unless_overwrite(built, tmp_path: Path) -> None:
    path = tmp_path / "again.qdaproj"
    path.write_bytes(b"keep me")
    with pytest.raises(ProjectError, match="already exists"):
        build_demo(path, coder="demo")
    assert path.read_bytes() == b"keep me"
    summary = build_demo(path, overwrite=True, coder="demo")
    assert summary.turns == 308
