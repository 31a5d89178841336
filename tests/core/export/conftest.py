"""A small study for export tests: interviews, an FGD and a document, coded by two coders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qualcode.project import Project

W1 = (
    "TRANSKRIP WAWANCARA W1\n"
    "P: Bagaimana sosialisasi program smart city di Diskominfo?\n"
    "I: Sosialisasi sudah kami lakukan ke semua OPD lewat rapat koordinasi. "
    "Tetapi anggaran masih terbatas sekali. Tahun ini hanya dua kegiatan.\n"
    "P: Apa kendala utamanya?\n"
    "I: Kendalanya SDM. Operator di OPD belum terlatih & sering berganti <staf>.\n"
)
W2 = (
    "P: Bagaimana dukungan pimpinan?\n"
    "I: Pimpinan sangat mendukung, Pak Bupati sendiri yang meluncurkan aplikasi.\n"
    "P: Integrasi data?\n"
    "I: Data kependudukan belum terintegrasi dengan aplikasi OPD lain.\n"
)
FGD = (
    "Moderator: Apakah warga tahu aplikasi SiMaju?\n"
    "Darto: Saya belum pernah dengar sosialisasinya.\n"
    "Sari: Saya tahu dari grup WhatsApp KIM, tapi sinyal di desa lemah.\n"
)
D1 = "Pasal 5\nPerangkat daerah wajib menyampaikan data ke Diskominfo setiap bulan.\n"


@dataclass
class Study:
    """Ids and positions the tests check against."""

    path: Path
    ids: dict[str, int]


def span(text: str, phrase: str) -> tuple[int, int]:
    """Start and end of ``phrase`` in ``text``."""
    start = text.index(phrase)
    return start, start + len(phrase)


def build_study(path: Path) -> Study:
    """Create the study project at ``path`` (coder ana, then coder budi)."""
    ids: dict[str, int] = {}
    with Project.create(path, coder="ana") as p:
        p.attributes.define("Jabatan")
        p.attributes.define("Instansi")
        p.attributes.define("Tanggal Wawancara", type="date")
        p.attributes.define("Kode")
        w1 = p.sources.add_text("W1 Kadis Diskominfo", W1, date_collected=date(2019, 5, 27)).result
        w2 = p.sources.add_text("W2 Kabid Disdukcapil", W2).result
        fgd = p.sources.add_text("FGD1 Warga", FGD, kind="focus-group").result
        d1 = p.sources.add_text("D1 Perbup 17/2022", D1, kind="document").result
        ids.update(w1=w1.id, w2=w2.id, fgd=fgd.id, d1=d1.id)
        budi = p.cases.create("Budi Santoso").result
        rina = p.cases.create("Rina Hartati").result
        darto = p.cases.create("Darto").result
        sari = p.cases.create("Sari").result
        site = p.cases.create("Desa Mekarwangi", kind="site").result
        ids.update(budi=budi.id, rina=rina.id, darto=darto.id, sari=sari.id, site=site.id)
        attr = {a.name: a.id for a in p.attributes.all("case")}
        values = [
            (budi.id, "Jabatan", "Kasi Pengembangan Ekosistem E-Government"),
            (budi.id, "Instansi", "Diskominfo"),
            (budi.id, "Kode", "I1"),
            (rina.id, "Jabatan", "Kabid PIAK"),
            (rina.id, "Instansi", "Disdukcapil"),
            (rina.id, "Tanggal Wawancara", date(2024, 3, 21)),
            (darto.id, "Jabatan", "Ketua RT 03"),
            (sari.id, "Jabatan", "Pemilik UMKM"),
        ]
        p.attributes.set_values([(attr[n], cid, None, v) for cid, n, v in values])
        p.cases.link(budi.id, w1.id)
        p.cases.link(rina.id, w2.id)
        p.cases.link(site.id, fgd.id)
        p.cases.link(
            darto.id, fgd.id, *span(FGD, "Darto: Saya belum pernah dengar sosialisasinya.")
        )
        p.cases.link(
            sari.id,
            fgd.id,
            *span(FGD, "Sari: Saya tahu dari grup WhatsApp KIM, tapi sinyal di desa lemah."),
        )
        kom = p.codes.create("Komunikasi", color="#1F77B4", labels={"en": "Communication"}).result
        trans = p.codes.create(
            "Transmisi",
            parent_id=kom.id,
            color="#2CA02C",
            description="Penyampaian kebijakan kepada pelaksana.",
        ).result
        sd = p.codes.create("Sumber Daya", color="#D62728", labels={"en": "Resources"}).result
        ids.update(kom=kom.id, trans=trans.id, sd=sd.id)

        def code(src: int, text: str, phrase: str, code_id: int, **attrs: object) -> int:
            return p.codings.apply(src, *span(text, phrase), code_id, **attrs).result.id

        sos = "Sosialisasi sudah kami lakukan ke semua OPD lewat rapat koordinasi."
        ids["c_sos"] = code(w1.id, W1, sos, trans.id, valence="supporting")
        ids["c_ang"] = code(
            w1.id,
            W1,
            "Tetapi anggaran masih terbatas sekali.",
            sd.id,
            valence="inhibiting",
            note="Anggaran 2019",
        )
        sdm = "Operator di OPD belum terlatih & sering berganti <staf>."
        ids["c_sdm"] = code(w1.id, W1, sdm, sd.id, valence="inhibiting")
        ids["c_pim"] = code(w2.id, W2, "Pimpinan sangat mendukung", kom.id)
        darto_says = "Saya belum pernah dengar sosialisasinya."
        ids["c_darto"] = code(fgd.id, FGD, darto_says, trans.id, valence="inhibiting")
        ids["c_sari"] = code(fgd.id, FGD, "sinyal di desa lemah", sd.id)
        ids["c_doc"] = code(d1.id, D1, "wajib menyampaikan data", trans.id)
    with Project.open(path, coder="budi", backups=False) as p:
        ids["c_budi"] = p.codings.apply(
            w2.id, *span(W2, "Data kependudukan belum terintegrasi"), sd.id, valence="inhibiting"
        ).result.id
        ids["c_budi_overlap"] = p.codings.apply(
            w1.id, *span(W1, "anggaran masih terbatas"), kom.id
        ).result.id
    return Study(path, ids)


@pytest.fixture(scope="session")
def study_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The study, built once per test session."""
    return build_study(tmp_path_factory.mktemp("study") / "study.qdaproj").path


@pytest.fixture(scope="session")
def study_ids(study_path: Path) -> dict[str, int]:
    """Ids recorded while building (rebuilt lazily: read back from the project)."""
    with Project.open(study_path, coder="ana", read_only=True) as p:
        ids = {"w1": p.sources.find("W1 Kadis Diskominfo").id}
        ids["fgd"] = p.sources.find("FGD1 Warga").id
        ids["d1"] = p.sources.find("D1 Perbup 17/2022").id
        ids["kom"] = p.codes.find("Komunikasi").id
        ids["trans"] = p.codes.find("Komunikasi/Transmisi").id
        ids["sd"] = p.codes.find("Sumber Daya").id
        ids["budi"] = p.cases.find("Budi Santoso").id
        ids["darto"] = p.cases.find("Darto").id
    return ids


@pytest.fixture
def study(study_path: Path) -> Iterator[Project]:
    """The study opened read-only (exports only read)."""
    with Project.open(study_path, coder="ana", read_only=True) as p:
        yield p
