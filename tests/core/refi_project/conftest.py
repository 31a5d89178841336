"""Fixtures for REFI-QDA project mapping tests: a rich project, project facts, samples.

Helpers are fixtures (not an imported module) so the tests work in any pytest import mode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from qualcode.project import Project

DATA = Path(__file__).resolve().parents[2] / "data" / "refi"

TEXT_1 = (
    "P: Bagaimana sosialisasi aplikasi 😀 di desa?\n"
    "I: Sosialisasi sudah dilakukan 🙏🏽, tapi jaringan internet 𝕏 masih terbatas.\n"
    "P: Apakah anggaran cukup?\n"
    "I: Anggaran kurang 💸, koordinasi antar OPD juga lemah.\n"
)
TEXT_2 = (
    "Observasi di Diskominfo: dashboard 🏙️ command center aktif.\n"
    "Staf bilang SOP belum ada; 𝒮𝒪𝒫 masih draf.\n"
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_rich(path: Path) -> Path:
    """A project with everything REFI can carry (and some it cannot), by two coders."""
    with Project.create(path, coder="ana", title="Studi Smart City") as p:
        w1 = p.sources.add_text(
            "W1 Kadis 😀", TEXT_1, language="id", date_collected=dt.date(2024, 3, 5),
            description="Wawancara kepala dinas",
        ).result  # fmt: skip
        w2 = p.sources.add_text(
            "Observasi Diskominfo", TEXT_2, kind="observation",
            original=b"%PDF-1.4 fake pdf bytes", original_name="observasi.pdf",
        ).result  # fmt: skip
        assert w1 is not None and w2 is not None
        e3 = p.codes.create(
            "Edwards III", color="#336699", description="Teori implementasi",
            labels={"en": "Edwards III", "id": "Edwards III (ID)"},
        ).result  # fmt: skip
        assert e3 is not None
        kom = p.codes.create(
            "Komunikasi", parent_id=e3.id, color="#aa3300", description="Transmisi 📣 informasi",
            inclusion="Penyampaian kebijakan", exclusion="Gosip", example="sosialisasi aplikasi",
            short="KOM", codebook="edwards3", codebook_code="E3.COMM",
        ).result  # fmt: skip
        sdm = p.codes.create("Sumber daya", parent_id=e3.id, color="#00aa33").result
        ang = p.codes.create("Anggaran", parent_id=sdm.id if sdm else None).result
        inh = p.codes.create("Faktor penghambat", color="#990000").result
        assert kom and sdm and ang and inh
        a, b = _span(TEXT_1, "Sosialisasi sudah dilakukan 🙏🏽")
        c1 = p.codings.apply(w1.id, a, b, kom.id, valence="supporting", magnitude="high").result
        p.codings.apply(w1.id, a, b, inh.id)  # same span, second code
        a2, b2 = _span(TEXT_1, "jaringan internet 𝕏 masih terbatas")
        p.codings.apply(w1.id, a2, b2, inh.id, valence="inhibiting", note="infrastruktur")
        a3, b3 = _span(TEXT_1, "Anggaran kurang 💸, koordinasi")  # overlaps the next one
        p.codings.apply(w1.id, a3, b3, ang.id, period="2024", event_date=dt.date(2024, 1, 2))
        a4, b4 = _span(TEXT_2, "𝒮𝒪𝒫 masih draf")
        p.codings.apply(w2.id, a4, b4, kom.id)
        assert c1 is not None
        kadis = p.cases.create("Kadis Kominfo", description="Informan kunci").result
        opd = p.cases.create("Diskominfo", kind="organisation").result
        assert kadis and opd
        p.cases.set_parent(kadis.id, opd.id)
        p.cases.link(kadis.id, w1.id)
        i1, i2 = _span(TEXT_1, "I: Sosialisasi sudah dilakukan 🙏🏽, tapi jaringan internet")
        p.cases.link(kadis.id, w1.id, i1, i2, speaker="I")
        role = p.attributes.define("Jabatan", type="category",
                                   allowed_values=["Kadis", "Kabid", "Staf"]).result  # fmt: skip
        age = p.attributes.define("Umur", type="number").result
        score = p.attributes.define("Skor", type="number").result
        since = p.attributes.define("Menjabat sejak", type="date").result
        note = p.attributes.define("Catatan", type="text").result
        place = p.attributes.define("Lokasi", owner="source", type="text").result
        pages = p.attributes.define("Halaman", owner="source", type="number").result
        assert role and age and score and since and note and place and pages
        p.attributes.set_values(
            [
                (role.id, kadis.id, None, "Kadis"), (age.id, kadis.id, None, 52),
                (score.id, kadis.id, None, 3.75), (since.id, kadis.id, None, dt.date(2019, 7, 1)),
                (note.id, kadis.id, None, "Ramah 😀"), (place.id, None, w1.id, "Kota 𝕏"),
                (pages.id, None, w2.id, 12),
            ]
        )  # fmt: skip
        p.memos.create("Catatan proyek 📝", title="Refleksi", kind="reflexive")
        p.memos.create("Memo sumber", title="Tentang W1", target="source", target_id=w1.id)
        p.memos.create("Memo kode 𝕏", title="Definisi", target="code", target_id=kom.id)
        p.memos.create("Memo coding", title="Kutipan", target="coding", target_id=c1.id)
        p.memos.create("Memo kasus", title="Profil", target="case", target_id=kadis.id)
        p.sets.create("Teori", code_ids=[kom.id, sdm.id])
        p.sets.create("Wawancara", source_ids=[w1.id], description="Semua wawancara")
        p.codes.link(ang.id, to_code_id=inh.id, relation="leads_to", note="Anggaran menghambat")
    with Project.open(path, coder="budi", backups=False) as p:
        w1_id = p.sources.find("W1 Kadis 😀").id
        a, b = _span(TEXT_1, "koordinasi antar OPD juga lemah")  # overlaps ana's Anggaran
        p.codings.apply(w1_id, a, b, p.codes.find("Faktor penghambat").id, valence="inhibiting")
        a, b = _span(TEXT_1, "Sosialisasi sudah dilakukan 🙏🏽")  # same span, other coder
        p.codings.apply(w1_id, a, b, p.codes.find("Komunikasi").id)
    return path


def facts(p: Project) -> dict[str, Any]:
    """What a REFI round trip must keep, in a form that does not depend on ids."""
    codes = p.codes.all()
    path: dict[int, str] = {}
    for c in codes:
        path[c.id] = f"{path[c.parent_id]}/{c.name}" if c.parent_id else c.name
    sources = {s.id: s for s in p.sources.all()}
    texts = {s.id: p.sources.text(s.id) for s in sources.values()}
    coders = {r[0]: r[1] for r in _coders(p)}
    codings = p.codings.list()
    coding_key = {
        c.id: (sources[c.source_id].name, path[c.code_id], coders[c.coder_id]) for c in codings
    }
    cases = {c.id: c for c in p.cases.all()}
    source_attrs = p.attributes.values("source")

    def target(memo: Any) -> tuple[Any, ...]:
        kind, ident = memo.target
        if kind == "code":
            return ("code", path[ident])
        if kind == "source":
            return ("source", sources[ident].name)
        if kind == "case":
            return ("case", cases[ident].name)
        if kind == "coding":
            return ("coding", coding_key[ident])
        return ("project",)

    return {
        "codes": {
            path[c.id]: (
                c.color,
                c.description,
                c.short,
                c.inclusion,
                c.exclusion,
                c.example,
                c.labels,
                c.codebook,
                c.codebook_code,
            )
            for c in codes
        },
        "sources": {
            s.name: (
                texts[s.id],
                s.kind,
                s.language,
                s.date_collected,
                s.description,
                p.sources.original(s.id),
                s.original_name,
            )
            for s in sources.values()
        },
        "selections": {
            (
                *coding_key[c.id],
                texts[c.source_id][c.start : c.end],
                c.valence,
                c.magnitude,
                c.period,
                c.event_date,
                c.note,
            )
            for c in codings
        },
        "cases": {
            c.name: (
                c.kind,
                cases[c.parent_id].name if c.parent_id else None,
                c.description,
                c.attributes,
            )
            for c in cases.values()
        },
        "case_links": {
            (
                cases[link.case_id].name,
                sources[link.source_id].name,
                texts[link.source_id][link.start : link.end] if link.start is not None else None,
                link.speaker,
            )
            for link in p.cases.links()
        },
        "attributes": {(a.name, a.owner, a.type, a.allowed_values) for a in p.attributes.all()},
        "source_attributes": {sources[k].name: v for k, v in source_attrs.items()},
        "memos": {(target(m), m.title, m.text, m.kind) for m in p.memos.all()},
        "sets": {
            s.name: (
                s.description,
                sorted(path[c] for c in s.code_ids),
                sorted(sources[x].name for x in s.source_ids),
            )
            for s in p.sets.all()
        },
        "links": {
            (path[link.from_code_id], path[link.to_code_id], link.relation, link.note)
            for link in p.codes.links()
            if link.to_code_id is not None
        },
    }


def _coders(p: Project) -> list[tuple[int, str]]:
    from sqlalchemy import select

    from qualcode.store import tables as t

    with p.reading() as conn:
        return [(r[0], r[1]) for r in conn.execute(select(t.coder.c.id, t.coder.c.name))]


@pytest.fixture(scope="session")
def rich_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A rich project file built once per session (open it, never change it)."""
    return build_rich(tmp_path_factory.mktemp("rich") / "rich.qdaproj")


@pytest.fixture
def rich_texts() -> tuple[str, str]:
    """The texts of the rich project's two sources."""
    return TEXT_1, TEXT_2


@pytest.fixture
def project_facts() -> Callable[[Project], dict[str, Any]]:
    """``project_facts(project)``: the comparable facts of a project."""
    return facts


@pytest.fixture(scope="session")
def samples() -> SimpleNamespace:
    """Paths of the real sample files (see tests/data/refi/PROVENANCE.md)."""
    return SimpleNamespace(
        nvivo=DATA / "nvivo-mac-12.7.0_OltasSzkepticizmus_17June.qdpx",
        maxqda=DATA / "maxqda-24.7.0_ICLS_just10.qdpx",
        atlas_mac=DATA / "atlasti-mac-8.4.0_REFI-standard-project.qde",
        atlas_win=DATA / "atlasti-win-23.2.3_target-atlas-project.qdpx",
        atlas_qdc=DATA / "atlasti-win-23.4.0_codebook.qdc",
        taguette_qdc=DATA / "taguette-1.4.1_codebook.qdc",
    )


@pytest.fixture
def open_project() -> Callable[..., Project]:
    """``open_project(path, coder="ana")``: open without a backup copy (close it yourself)."""

    def opener(path: Path, coder: str = "ana") -> Project:
        return Project.open(path, coder=coder, backups=False)

    return opener
