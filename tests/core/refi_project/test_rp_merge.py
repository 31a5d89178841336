"""Importing into an existing project: matching, name clashes, refusals that change nothing."""

from __future__ import annotations

import zipfile

import pytest

from qualcode.errors import CancelledError, ImportFailedError
from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project
from support.snapshots import snapshot

GOOD_QDE = (
    '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t"/>'
)
XXE = """<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Description>&secret;</Description></Project>"""


def _zip(path, qde, files=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde)
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def rich_qdpx(rich_path, tmp_path, open_project):
    out = tmp_path / "rich.qdpx"
    with open_project(rich_path) as p:
        export_qdpx(p, out)
    return out


def test_second_import_matches_instead_of_duplicating(rich_qdpx, project, project_facts):
    first = import_refi(rich_qdpx, project)
    facts = project_facts(project)
    second = import_refi(rich_qdpx, project)
    assert project_facts(project) == facts
    assert all(n == 0 for n in second.counts.values())
    assert second.matched["codes"] == first.counts["codes"] == 5
    assert second.matched["sources"] == 2
    assert second.matched["codings"] == 7
    assert second.matched["memos"] == 5


def test_matching_by_path_and_name_into_own_project(rich_qdpx, project, rich_texts):
    """Codes and sources made by hand (other GUIDs) are matched by path and by name."""
    TEXT_1 = rich_texts[0]
    e3 = project.codes.create("Edwards III").result
    kom = project.codes.create("Komunikasi", parent_id=e3.id, color="#000000").result
    w1 = project.sources.add_text("W1 Kadis 😀", TEXT_1).result
    report = import_refi(rich_qdpx, project)
    assert report.matched["codes"] == 2
    assert report.counts["codes"] == 3
    assert project.codes.get(kom.id).color == "#000000"  # the project's own fields are kept
    assert report.matched["sources"] == 1
    assert {c.source_id for c in project.codings.list()} >= {w1.id}
    assert len(project.sources.all()) == 2


def test_same_name_different_text_imported_under_new_name(rich_qdpx, project):
    project.sources.add_text("W1 Kadis 😀", "Teks lain sama sekali.")
    report = import_refi(rich_qdpx, project)
    names = sorted(s.name for s in project.sources.all())
    assert names == ["Observasi Diskominfo", "W1 Kadis 😀", "W1 Kadis 😀 (2)"]
    renamed = [m for m in report.messages if m.kind == "source-renamed"]
    assert renamed and renamed[0].params["new_name"] == "W1 Kadis 😀 (2)"
    new = project.sources.find("W1 Kadis 😀 (2)")
    assert len(project.codings.in_source(new.id)) == 6


def test_failed_import_leaves_project_untouched(rich_qdpx, project, monkeypatch):
    project.codes.create("Sudah ada")
    before = snapshot(project)
    label = project.undo_label()

    def boom(self):
        raise RuntimeError("disk full")

    from qualcode.interop.refi.project import importer as refi_import

    monkeypatch.setattr(refi_import._Importer, "memos", boom)  # fails after codes and codings
    with pytest.raises(RuntimeError):
        import_refi(rich_qdpx, project)
    assert snapshot(project) == before
    assert project.undo_label() == label


def test_cancelled_import_keeps_nothing(rich_qdpx, project):
    before = snapshot(project)
    seen = []

    def progress(stage, done, total):
        seen.append(stage)
        if stage == "codings":
            raise CancelledError()

    with pytest.raises(CancelledError):
        import_refi(rich_qdpx, project, progress=progress)
    assert snapshot(project) == before
    assert seen[:3] == ["read", "read", "users"]


@pytest.mark.parametrize("kind", ["slip", "bomb", "xxe", "not-xml"])
def test_hostile_files_refused_project_untouched(kind, tmp_path, project):
    project.codes.create("Sudah ada")
    before = snapshot(project)
    work = tmp_path / "in"
    work.mkdir()
    if kind == "slip":
        path = _zip(work / "slip.qdpx", GOOD_QDE, {"../evil.txt": b"pwned"})
        match = "unsafe path"
    elif kind == "bomb":
        path = _zip(work / "bomb.qdpx", GOOD_QDE, {"sources/a.txt": b"\0" * (40 << 20)})
        match = "zip bomb"
    elif kind == "xxe":
        path = _zip(work / "xxe.qdpx", XXE)
        match = "document type or entities"
    else:
        path = work / "junk.qde"
        path.write_bytes(b"\x00\x01 not xml")
        match = "not a well-formed XML"
    with pytest.raises(ImportFailedError, match=match):
        import_refi(path, project)
    assert snapshot(project) == before
    assert not (tmp_path / "evil.txt").exists()


def test_foreign_quirks_are_mapped(tmp_path, project):
    """Boolean variables, '/' in names, #rgb colours, duplicate siblings, whole-source codes."""
    g = "11111111-2222-3333-4444-{:012d}".format
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="q" origin="Other tool">
<Users><User guid="{g(1)}" name="Rina"/></Users>
<CodeBook><Codes>
  <Code guid="{g(2)}" name="A/B" isCodable="true" color="#f00"/>
  <Code guid="{g(3)}" name="Dup" isCodable="false"/>
  <Code guid="{g(4)}" name="Dup" isCodable="true"/>
</Codes></CodeBook>
<Variables>
  <Variable guid="{g(5)}" name="Kunci" typeOfVariable="Boolean"/>
  <Variable guid="{g(6)}" name="Masa kerja" typeOfVariable="Float"/>
</Variables>
<Cases><Case guid="{g(7)}" name="Informan A">
  <VariableValue><VariableRef targetGUID="{g(5)}"/><BooleanValue>true</BooleanValue></VariableValue>
  <VariableValue><VariableRef targetGUID="{g(6)}"/><FloatValue>2.5</FloatValue></VariableValue>
  <SourceRef targetGUID="{g(8)}"/>
</Case></Cases>
<Sources><TextSource guid="{g(8)}" name="S" plainTextPath="internal://{g(8)}.txt">
  <PlainTextSelection guid="{g(9)}" startPosition="0" endPosition="4" creatingUser="{g(1)}">
    <Coding guid="{g(10)}" creatingUser="{g(1)}"><CodeRef targetGUID="{g(2)}"/></Coding>
  </PlainTextSelection>
  <Coding guid="{g(11)}"><CodeRef targetGUID="{g(4)}"/></Coding>
</TextSource></Sources>
</Project>"""
    path = _zip(tmp_path / "q.qdpx", qde, {f"sources/{g(8)}.txt": "Halo dunia 😀".encode()})
    report = import_refi(path, project)
    names = sorted(c.name for c in project.codes.all())
    assert names == ["A\u2215B", "Dup", "Dup (2)"]
    assert project.codes.find("A\u2215B").color == "#ff0000"
    assert {"code-renamed", "not-codable", "whole-source-codings"} <= set(report.kinds())
    case = project.cases.find("Informan A")
    assert case.attributes == {"Kunci": "true", "Masa kerja": 2.5}
    assert project.attributes.find("Kunci").allowed_values == ("true", "false")
    codings = project.codings.list()
    rina = [c for c in codings if c.start == 0 and c.end == 4]
    from sqlalchemy import select

    from qualcode.store import tables as t

    with project.reading() as conn:
        coders = dict(conn.execute(select(t.coder.c.id, t.coder.c.name)).all())
    assert len(rina) == 1 and coders[rina[0].coder_id] == "Rina"
    assert project.sources.text(rina[0].source_id)[0:4] == "Halo"
    whole = [c for c in codings if c.end == len("Halo dunia 😀")]
    assert len(whole) == 1 and whole[0].start == 0
    assert [link.start for link in project.cases.links()] == [None]


def test_import_into_new_project_via_cli(rich_qdpx, tmp_path):
    import json

    from click.testing import CliRunner

    from qualcode.cli.main import cli

    target = tmp_path / "baru.qdaproj"
    runner = CliRunner()
    result = runner.invoke(cli, ["refi", "import", str(rich_qdpx), str(target), "--coder", "ana"])
    assert result.exit_code == 0, result.output
    assert "Imported rich.qdpx" in result.output
    assert "7 codings" in result.output
    again = runner.invoke(cli, ["refi", "import", str(rich_qdpx), str(target), "--json"])
    data = json.loads(again.output)
    assert data["counts"]["codings"] == 0 and data["matched"]["codings"] == 7
    out = tmp_path / "keluar.qdpx"
    exported = runner.invoke(cli, ["refi", "export", str(target), str(out)])
    assert exported.exit_code == 0, exported.output
    assert "Exported keluar.qdpx" in exported.output and out.exists()
    book = runner.invoke(
        cli, ["refi", "export-codebook", str(target), str(tmp_path / "k.qdc"), "--json"]
    )
    assert json.loads(book.output)["counts"]["codes"] == 5
    bad = tmp_path / "junk.qde"
    bad.write_text("no xml here")
    refused = runner.invoke(cli, ["refi", "import", str(bad), str(tmp_path / "never.qdaproj")])
    assert refused.exit_code == 1
    assert "Error:" in refused.output
    assert not (tmp_path / "never.qdaproj").exists()
    with Project.open(target, coder="ana", read_only=True) as p:
        assert p.info().codings == 7
