"""A small, hand-built study whose every display cell is known in advance.

Sources: W1 (interview, whole-source case I1), W2 (interview with two speaker
turns: I2 then I3), O1 (observation, no case), D1 (document, no case).
Codes: Komunikasi > Transmisi, Kejelasan; Sumber daya > Staf, Anggaran; Disposisi.
Coder "ana" codes everything; coder "budi" codes two passages of W1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from qualcode.project import Project
from support.sample_reference import Reference, load_reference

W1 = (
    "Sosialisasi aplikasi sudah dilakukan. Anggaran kurang untuk pelatihan. "
    "Komitmen pimpinan tinggi sekali. Staf terbatas."
)
W2_T1 = "I2: Informasi kebijakan belum jelas. Sosialisasi kurang merata.\n"
W2_T2 = "I3: Anggaran desa terbatas. Jaringan internet lemah.\n"
W2 = W2_T1 + W2_T2
O1 = "Catatan: command center sepi. Operator hanya dua orang."
D1 = "Perbup 12/2023 mengatur anggaran smart city."


@dataclass
class Study:
    """Ids of everything in the study, by short name."""

    path: Path
    src: dict[str, int] = field(default_factory=dict)
    code: dict[str, int] = field(default_factory=dict)
    case: dict[str, int] = field(default_factory=dict)
    c: dict[str, int] = field(default_factory=dict)  # codings c1..c13
    attr: dict[str, int] = field(default_factory=dict)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_study(path: Path) -> Study:
    """Create the study project at ``path`` (closed afterwards)."""
    st = Study(path)
    texts = {"W1": W1, "W2": W2, "O1": O1, "D1": D1}
    with Project.create(path, coder="ana") as p:
        meta = {
            "W1": ("interview", date(2024, 1, 15)),
            "W2": ("interview", date(2024, 3, 10)),
            "O1": ("observation", date(2024, 3, 20)),
            "D1": ("document", date(2023, 12, 1)),
        }
        for name, (kind, when) in meta.items():
            s = p.sources.add_text(name, texts[name], kind=kind, language="id").result
            p.sources.update(s.id, date_collected=when)
            st.src[name] = s.id
        for name, parent in [("Komunikasi", None), ("Transmisi", "Komunikasi"),
                             ("Kejelasan", "Komunikasi"), ("Sumber daya", None),
                             ("Staf", "Sumber daya"), ("Anggaran", "Sumber daya"),
                             ("Disposisi", None)]:  # fmt: skip
            pid = st.code[parent] if parent else None
            st.code[name] = p.codes.create(name, parent_id=pid).result.id
        for name in ("I1", "I2", "I3"):
            st.case[name] = p.cases.create(name).result.id
        role = p.attributes.define(
            "Jabatan", type="category", allowed_values=["Kadis", "Kabid", "Kasi", "Staf"]
        ).result
        rank = p.attributes.define("Rank", type="number").result
        opd = p.attributes.define("OPD", type="text").result
        st.attr = {"Jabatan": role.id, "Rank": rank.id, "OPD": opd.id}
        for case, (r, n, o) in {"I1": ("Kadis", 1, "Diskominfo"), "I2": ("Kasi", 3, "Diskominfo"),
                                "I3": ("Staf", 4, "Bappeda")}.items():  # fmt: skip
            p.attributes.set_value(role.id, r, case_id=st.case[case])
            p.attributes.set_value(rank.id, n, case_id=st.case[case])
            p.attributes.set_value(opd.id, o, case_id=st.case[case])
        p.cases.link(st.case["I1"], st.src["W1"])
        p.cases.link(st.case["I2"], st.src["W2"], 0, len(W2_T1), speaker="I2")
        p.cases.link(st.case["I3"], st.src["W2"], len(W2_T1), len(W2), speaker="I3")

        def code(key: str, src: str, phrase: str, code_name: str, **attrs: object) -> None:
            a, b = _span(texts[src], phrase)
            st.c[key] = p.codings.apply(st.src[src], a, b, st.code[code_name], **attrs).result.id

        code("c1", "W1", "Sosialisasi aplikasi sudah dilakukan.", "Transmisi",
             valence="supporting", magnitude="high")  # fmt: skip
        code("c2", "W1", "Anggaran kurang untuk pelatihan.", "Anggaran",
             valence="inhibiting", magnitude="low")  # fmt: skip
        code("c3", "W1", "Komitmen pimpinan tinggi sekali.", "Disposisi", valence="supporting")
        code("c4", "W1", "Staf terbatas.", "Staf", valence="inhibiting")
        code("c5", "W1", "kurang untuk pelatihan. Komitmen", "Kejelasan")
        code("c6", "W2", "Informasi kebijakan belum jelas.", "Kejelasan",
             valence="inhibiting", magnitude="low")  # fmt: skip
        code("c7", "W2", "Sosialisasi kurang merata.", "Transmisi",
             valence="inhibiting", magnitude="medium")  # fmt: skip
        code("c8", "W2", "Anggaran desa terbatas.", "Anggaran", valence="inhibiting")
        code("c9", "W2", "Jaringan internet lemah.", "Sumber daya", valence="inhibiting")
        code("c10", "O1", "Operator hanya dua orang.", "Staf", valence="inhibiting",
             period="2024-03")  # fmt: skip
        code("c11", "D1", D1, "Anggaran", valence="supporting")
    with Project.open(path, coder="budi", backups=False) as p:
        a, b = _span(W1, "Sosialisasi aplikasi sudah dilakukan.")
        st.c["c12"] = p.codings.apply(st.src["W1"], a, b, st.code["Transmisi"]).result.id
        a, b = _span(W1, "Anggaran kurang")
        st.c["c13"] = p.codings.apply(st.src["W1"], a, b, st.code["Anggaran"]).result.id
    return st


@pytest.fixture(scope="session")
def study_template(tmp_path_factory: pytest.TempPathFactory) -> Study:
    """The study built once per test session (copied for each test)."""
    import os

    os.environ.setdefault("QUALCODE_CONFIG_DIR", str(tmp_path_factory.mktemp("cfg")))
    return build_study(tmp_path_factory.mktemp("template") / "study.qdaproj")


@pytest.fixture
def study(study_template: Study, tmp_path: Path) -> Iterator[tuple[Project, Study]]:
    """A fresh copy of the study, opened by coder "ana"."""
    import shutil

    target = tmp_path / "study.qdaproj"
    shutil.copy(study_template.path, target)
    p = Project.open(target, coder="ana", backups=False)
    try:
        yield p, study_template
    finally:
        p.close()


# -- the bundled sample study ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(sample_study_file: Path) -> Iterator[Project]:
    """The bundled sample study (built once per process), opened read-only."""
    with Project.open(sample_study_file, coder="peneliti", read_only=True, backups=False) as p:
        yield p


@pytest.fixture(scope="module")
def ref(sample: Project) -> Reference:
    """The independent reference computation over the sample study's raw rows."""
    return load_reference(sample)
