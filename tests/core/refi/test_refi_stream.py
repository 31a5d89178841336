"""The streamed REFI-QDA writer: same documents as the in-memory writer it replaced.

The SHA-256 figures are of the canonical XML (C14N, ``origin`` blanked because it
names the version) that the previous writer — which built the whole tree, validated
it and serialised it at once — gave for the same inputs.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import insert

from qualcode.errors import ExportFailedError
from qualcode.interop.refi.format import project_to_xml, read_project, write_project
from qualcode.interop.refi.format.model import (
    Code,
    Coding,
    Note,
    Project,
    TextSelection,
    TextSource,
)
from qualcode.interop.refi.project.exporter import export_qdpx, project_model
from qualcode.project import Project as QProject
from qualcode.store import tables as t
from qualcode.store.engine import WRITE

DATA = Path(__file__).resolve().parents[2] / "data"

PREVIOUS_WRITER = {
    ("maxqda-24.7.0_ICLS_just10.qdpx", "spec"):
        "4f14f675f618b1ed30a9eeb85b2db56f56bc8b75bd0ce8fbd46f4c154bd51a24",
    ("maxqda-24.7.0_ICLS_just10.qdpx", "nvivo"):
        "4f14f675f618b1ed30a9eeb85b2db56f56bc8b75bd0ce8fbd46f4c154bd51a24",
    ("nvivo-mac-12.7.0_OltasSzkepticizmus_17June.qdpx", "spec"):
        "48885eb6d41602aa419548de0975d79a8d6ce6bce28b98e7996ec23a093b2b0b",
    ("nvivo-mac-12.7.0_OltasSzkepticizmus_17June.qdpx", "nvivo"):
        "8c916fe693473371113160113be1ab489772dcbf24473e97106f0db1d292f89b",
    ("atlasti-win-23.2.3_target-atlas-project.qdpx", "spec"):
        "3f1554554699ec180a30a0a96d0a3b3214c69045f81bda833bb4b1bf8682336c",
    ("atlasti-win-23.2.3_target-atlas-project.qdpx", "nvivo"):
        "3f1554554699ec180a30a0a96d0a3b3214c69045f81bda833bb4b1bf8682336c",
    ("atlasti-mac-8.4.0_REFI-standard-project.qde", "spec"):
        "0bc7eab3e95ec66866634d7ae136067e87169649e1349f30c3f5e7692f011479",
    ("atlasti-mac-8.4.0_REFI-standard-project.qde", "nvivo"):
        "0bc7eab3e95ec66866634d7ae136067e87169649e1349f30c3f5e7692f011479",
}  # fmt: skip
#: The v1 test project (upgraded on open), exported from the database (with its review
#: comment as a note, as the in-memory writer gave it once review comments were exported).
PREVIOUS_EXPORT = {
    "spec": "d7ef4582c51fff239ed2143bb813bf5dec33f1d574c26bfa50a2fd3bd620118a",
    "nvivo": "18af2b29f84a21327cd0cbab651d9c4f83c36b046b3bb5ab6eb487854b5f7467",
}
PREVIOUS_KINDS = [
    "review-comments", "coding-attributes", "case-hierarchy", "external-links", "code-extras",
    "history", "analysis-objects", "analysis-objects", "analysis-objects", "unit-model",
]  # fmt: skip


def canonical_digest(qde: bytes) -> str:
    root = etree.fromstring(qde)
    root.set("origin", "")
    return hashlib.sha256(etree.tostring(root, method="c14n")).hexdigest()


@pytest.mark.parametrize(("name", "positions"), sorted(PREVIOUS_WRITER))
def test_streamed_writer_gives_the_previous_document(name, positions):
    qde, _files, messages = project_to_xml(read_project(DATA / "refi" / name), positions=positions)
    assert canonical_digest(qde) == PREVIOUS_WRITER[(name, positions)]
    assert messages == ()


@pytest.mark.parametrize("positions", ["spec", "nvivo"])
def test_streamed_export_of_a_project_gives_the_previous_document(tmp_path, positions):
    shutil.copy(DATA / "projects" / "schema-v1.qdaproj", tmp_path)
    out = tmp_path / "v1.qdpx"
    with QProject.open(tmp_path / "schema-v1.qdaproj", coder="t") as p:
        report = export_qdpx(p, out, positions=positions)
        model, _ = project_model(p)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        qde = zf.read("project.qde")
    assert canonical_digest(qde) == PREVIOUS_EXPORT[positions]
    assert names[0] == "project.qde" and len(names) == 3
    assert report.kinds() == PREVIOUS_KINDS
    assert report.counts == {
        "users": 1, "codes": 3, "sources": 2, "selections": 3, "codings": 2, "cases": 2,
        "variables": 3, "notes": 5, "sets": 1, "links": 0,
    }  # fmt: skip
    # The model of the same project (read whole) writes the same document.
    assert project_to_xml(model, positions=positions)[0] == qde


def test_problems_in_streamed_sections_refuse_the_file(tmp_path):
    code = Code("0f0e0d0c-0b0a-4900-8700-060504030201", "A")
    source = TextSource("1f0e0d0c-0b0a-4900-8700-060504030201", "S", "teks")

    def selection(guid: str, code_guid: str = code.guid) -> TextSelection:
        coding = Coding("2f0e0d0c-0b0a-4900-8700-060504030201", code_guid)
        return TextSelection(guid, source.guid, 0, 2, codings=(coding,))

    bad_guid = Project(name="x", codes=(code,), sources=(source,), selections=(selection("sel-1"),))
    with pytest.raises(ExportFailedError, match="sel-1"):
        write_project(bad_guid, tmp_path / "a.qdpx")
    twice = Project(name="x", codes=(code,), sources=(source,), notes=(Note(source.guid, "N"),))
    with pytest.raises(ExportFailedError, match="duplicate GUID"):
        write_project(twice, tmp_path / "b.qdpx")
    assert list(tmp_path.iterdir()) == []


def _build(path: Path, sources: int) -> Path:
    """``sources`` sources of 3,000 words, 40 codings each (20% with a valence)."""
    rng = random.Random(7)
    words = ["pelayanan", "sosialisasi", "koordinasi", "anggaran", "aplikasi", "desa", "warga"]
    with QProject.create(path, coder="a") as project:
        code_id = project.codes.create("Kode").result.id
        with project.engine.connect().execution_options(**WRITE) as conn, conn.begin():
            for s in range(1, sources + 1):
                text = " ".join(rng.choices(words, k=3_000))
                conn.execute(
                    insert(t.source).values(
                        id=s, name=f"S{s}", kind="interview", length=len(text), meta={}
                    )
                )
                conn.execute(insert(t.source_content).values(source_id=s, text=text))
                rows = []
                for start in rng.sample(range(len(text) - 100), 40):
                    rows.append(
                        {"source_id": s, "code_id": code_id, "coder_id": 1, "start_pos": start,
                         "end_pos": start + 50, "note": "",
                         "valence": "supporting" if rng.random() < 0.2 else None}
                    )  # fmt: skip
                conn.execute(insert(t.coding), rows)
    return path


def _peak_of_export(project_path: Path, out: Path) -> int:
    with QProject.open(project_path, coder="a", read_only=True) as p:
        tracemalloc.start()
        try:
            report = export_qdpx(p, out)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            assert report.counts["codings"] > 0


def test_export_memory_does_not_grow_with_the_project(tmp_path):
    small = _peak_of_export(_build(tmp_path / "small.qdaproj", 8), tmp_path / "small.qdpx")
    big = _peak_of_export(_build(tmp_path / "big.qdaproj", 80), tmp_path / "big.qdpx")
    # Ten times the sources, codings and notes; a writer holding the project would
    # need about ten times the memory (the model alone is several MB here).
    assert big < 2 * small, (small, big)


def test_stable_guids_are_uuid5():
    import uuid

    from qualcode.interop.refi.format.guids import QUALCODE_NAMESPACE, StableGuids, stable_guid

    project = uuid.UUID("0f0e0d0c-0b0a-4900-8700-060504030201")
    for key in ("selection:abc:0:10", "coding-attributes:ü😀", ""):
        assert StableGuids(project)(key) == str(uuid.uuid5(project, key))
        assert StableGuids()(key) == str(uuid.uuid5(QUALCODE_NAMESPACE, key))
        assert StableGuids(project)(key) == stable_guid(key, str(project))
