"""Real files from NVivo, MAXQDA, ATLAS.ti and Taguette: import, export, re-import."""

from __future__ import annotations

import zipfile

import pytest

from qualcode.interop.refi.format import read_project, schema_problems
from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project

# Coding GUIDs of NVivo selections that come after tens of emoji (see the layer's tests).
NVIVO_QUOTES = {
    "8bcf8be9-b485-4300-9e50-34fc9cf1f41b": "Nem tehetik kötelezővé! 😡😡",
    "352cb517-f5b3-45d5-a877-12bb30f709a2": "Mocskos fidess propagandisták!🤮",
    "b0b52394-a58c-4fac-8929-8fb68e3cf946": "Szépen hangzik! De bizhatunk-e benne??😷",
    "c2908fc8-35ae-4602-a500-4ebc55b2acdb": "A. HAZUGSÁG FOLYIK 👍👍👍👍",
    "d559a336-d8df-4ab8-8cf3-a323614129ed": "Az oltás öli az embereket",
}


def _covered(p: Project) -> list[tuple[str, str, str, str]]:
    """(source, code path, coder, covered text) of every coding, sorted."""
    from qualcode.coding.retrieval import coded_segments

    return sorted((s.source, s.code, s.coder, s.text) for s in coded_segments(p))


def _code_facts(p: Project) -> dict[str, tuple[str, str]]:
    codes = p.codes.all()
    path: dict[int, str] = {}
    for c in codes:
        path[c.id] = f"{path[c.parent_id]}/{c.name}" if c.parent_id else c.name
    return {path[c.id]: (c.color, c.description) for c in codes}


def _source_facts(p: Project) -> dict[str, str]:
    return {s.name: p.sources.text(s.id) for s in p.sources.all()}


def _case_facts(p: Project) -> dict[str, dict]:
    return {c.name: c.attributes for c in p.cases.all()}


@pytest.fixture(scope="module")
def nvivo_imported(tmp_path_factory, samples):
    """The NVivo sample imported once into a project file (tests open it read-only)."""
    path = tmp_path_factory.mktemp("nvivo") / "nvivo.qdaproj"
    with Project.create(path, coder="ana") as p:
        report = import_refi(samples.nvivo, p)
    return path, report


def _coding_guids(project, selection_guid):
    """GUIDs of the codings of one NVivo selection (kept as our codings' guids)."""
    sel = next(
        s
        for s in project.selections
        if s.guid == selection_guid or selection_guid in s.merged_guids
    )
    return [c.guid for c in sel.codings]


def test_nvivo_import_facts(nvivo_imported, samples):
    path, report = nvivo_imported
    assert report.counts["sources"] == 2
    assert report.counts["codes"] == 152
    assert report.counts["codings"] == 297
    assert report.counts["coders"] == 2
    assert "unit-model" in report.kinds()
    with Project.open(path, coder="ana", read_only=True) as p:
        assert len(p.codes.all()) == 152
        assert {s.name for s in p.sources.all()} >= {"videos_10_selected"}
        coded = p.sources.find("videos_10_selected")
        assert coded.length == 585218
        assert p.sources.original(coded.id)[:2] == b"PK"  # the .docx came along
        text = p.sources.text(coded.id)
        by_guid = {c.guid: c for c in p.codings.in_source(coded.id)}
        model = read_project(samples.nvivo)
        for guid, quote in NVIVO_QUOTES.items():
            guids = _coding_guids(model, guid)
            assert guids
            for coding_guid in guids:
                coding = by_guid[coding_guid]
                assert text[coding.start : coding.end] == quote
        coders = {r.name for r in _coder_rows(p)}
        assert {"ana"} < coders and len(coders) == 3


def _coder_rows(p):
    from sqlalchemy import select

    from qualcode.store import tables as t

    with p.reading() as conn:
        return conn.execute(select(t.coder)).all()


def test_nvivo_export_reimport_same(nvivo_imported, tmp_path):
    path, _ = nvivo_imported
    out = tmp_path / "nvivo-again.qdpx"
    with Project.open(path, coder="ana", read_only=True) as p:
        report = export_qdpx(p, out)
        codes, sources, covered = _code_facts(p), _source_facts(p), _covered(p)
    assert report.counts["selections"] == 187  # one selection per span again
    assert schema_problems(zipfile.ZipFile(out).read("project.qde"), "project") == []
    with Project.create(tmp_path / "again.qdaproj", coder="ana") as again:
        import_refi(out, again)
        assert _code_facts(again) == codes
        assert _source_facts(again) == sources
        assert _covered(again) == covered
        assert len(covered) == 297


def test_nvivo_second_import_matches_everything(nvivo_imported, samples, tmp_path):
    path, _ = nvivo_imported
    copy = tmp_path / "copy.qdaproj"
    copy.write_bytes(path.read_bytes())
    with Project.open(copy, coder="ana", backups=False) as p:
        before = p.info()
        report = import_refi(samples.nvivo, p)
        after = p.info()
    assert (after.codes, after.sources, after.codings) == (
        before.codes, before.sources, before.codings,
    )  # fmt: skip
    assert report.matched["codes"] == 152
    assert report.matched["sources"] == 2
    assert report.matched["codings"] == 297
    assert report.counts["codes"] == report.counts["codings"] == 0


def test_maxqda_import_export_reimport(samples, tmp_path):
    with Project.create(tmp_path / "mx.qdaproj", coder="ana") as p:
        report = import_refi(samples.maxqda, p)
        assert report.counts["sources"] == 10
        assert report.counts["codes"] == 307
        assert report.counts["sets"] == 2
        assert not report.warnings
        codes, sources = _code_facts(p), _source_facts(p)
        assert len(codes) == 307
        assert all(color.startswith("#") and len(color) == 7 for color, _ in codes.values())
        assert all(description for _, description in codes.values())
        assert {s.name: len(s.source_ids) for s in p.sets.all()} == {
            "ICLS 2024": 5, "ICLS 2025": 5,
        }  # fmt: skip
        export_qdpx(p, tmp_path / "mx.qdpx")
    with Project.create(tmp_path / "mx2.qdaproj", coder="ana") as again:
        import_refi(tmp_path / "mx.qdpx", again)
        assert _code_facts(again) == codes
        assert _source_facts(again) == sources
        assert _case_facts(again) == {}


def test_atlas_samples_report_what_is_missing(samples, tmp_path):
    with Project.create(tmp_path / "at.qdaproj", coder="ana") as p:
        report = import_refi(samples.atlas_mac, p)
        assert report.counts["codes"] == 14
        assert report.counts["sources"] == 0
        assert report.counts["coders"] == 3
        kinds = report.kinds()
        assert kinds.count("missing-text") == 8
        assert "graphs" in kinds
        assert report.counts["memos"] >= 1
        memo_titles = {m.title for m in p.memos.all()}
        assert memo_titles  # ATLAS.ti notes became memos
        win = import_refi(samples.atlas_win, p)
        assert win.counts["codes"] >= 1
        export_qdpx(p, tmp_path / "at.qdpx")
        assert (
            schema_problems(zipfile.ZipFile(tmp_path / "at.qdpx").read("project.qde"), "project")
            == []
        )


def test_codebooks_import_including_invalid_taguette(samples, tmp_path):
    with Project.create(tmp_path / "cb.qdaproj", coder="ana") as p:
        atlas = import_refi(samples.atlas_qdc, p)
        taguette = import_refi(samples.taguette_qdc, p)
        assert atlas.counts["codes"] >= 1
        assert taguette.counts["codes"] >= 1
        assert p.undo_label() == "Import REFI-QDA codebook"
        total = len(p.codes.all())
        assert total == atlas.counts["codes"] + taguette.counts["codes"]
        again = import_refi(samples.taguette_qdc, p)
        assert again.counts["codes"] == 0
        assert len(p.codes.all()) == total


@pytest.mark.parametrize("name", ["atlas_mac", "atlas_win", "atlas_qdc", "taguette_qdc"])
def test_other_samples_survive_export_and_reimport(name, samples, tmp_path):
    sample = getattr(samples, name)
    out = tmp_path / "out.qdpx"
    with Project.create(tmp_path / "first.qdaproj", coder="ana") as p:
        import_refi(sample, p)
        export_qdpx(p, out)
        facts = (_code_facts(p), _source_facts(p), _covered(p), _case_facts(p), _memo_facts(p))
        assert facts[0]  # every sample has codes
    assert schema_problems(zipfile.ZipFile(out).read("project.qde"), "project") == []
    with Project.create(tmp_path / "second.qdaproj", coder="ana") as again:
        import_refi(out, again)
        assert (
            _code_facts(again), _source_facts(again), _covered(again), _case_facts(again),
            _memo_facts(again),
        ) == facts  # fmt: skip


def _memo_facts(p: Project) -> list[tuple[str, str, str]]:
    return sorted((m.title, m.text, m.target[0]) for m in p.memos.all())
