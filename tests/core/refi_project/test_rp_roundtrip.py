"""A rich QualCode project survives export to REFI-QDA and import into a fresh project."""

from __future__ import annotations

import zipfile

from lxml import etree

from qualcode.interop.refi.format import schema_problems
from qualcode.interop.refi.project.exporter import export_qdc, export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project

NS = "{urn:QDA-XML:project:1.0}"


def test_export_is_valid_and_complete(rich_path, tmp_path, open_project):
    out = tmp_path / "rich.qdpx"
    with open_project(rich_path) as p:
        report = export_qdpx(p, out)
    with zipfile.ZipFile(out) as zf:
        qde = zf.read("project.qde")
        names = set(zf.namelist())
    assert schema_problems(qde, "project") == []
    assert report.counts == {
        "users": 2, "codes": 5, "sources": 2, "selections": 6, "codings": 7, "cases": 2,
        "variables": 7, "notes": 10, "sets": 2, "links": 1,
    }  # fmt: skip
    kinds = report.kinds()
    assert {"coding-attributes", "case-memos", "case-hierarchy", "history"} <= set(kinds)
    root = etree.fromstring(qde)
    sources = {s.get("name"): s for s in root.iter(NS + "TextSource", NS + "PDFSource")}
    w1 = sources["W1 Kadis 😀"]
    assert f"sources/{w1.get('guid')}.txt" in names
    text = zipfile.ZipFile(out).read(f"sources/{w1.get('guid')}.txt").decode("utf-8")
    assert "😀" in text and "𝕏" in text and "\r" not in text
    # One selection per span: the span coded by ana twice and by budi once holds 3 codings.
    spans = [
        (s.get("startPosition"), s.get("endPosition")) for s in w1.iter(NS + "PlainTextSelection")
    ]
    assert len(spans) == len(set(spans))
    counts = sorted(len(list(s.iter(NS + "Coding"))) for s in w1.iter(NS + "PlainTextSelection"))
    assert counts == [0, 1, 1, 1, 3]  # the 0 is the case's speaker turn (a SelectionRef)
    pdf = sources["Observasi Diskominfo"]
    assert pdf.tag == NS + "PDFSource"
    assert pdf.get("path").endswith(".pdf")
    # GUIDs are the objects' guid columns, the same at every export.
    with open_project(rich_path) as p:
        code = p.codes.find("Komunikasi")
        assert any(c.get("guid") == code.guid for c in root.iter(NS + "Code"))
        again = export_qdpx(p, tmp_path / "again.qdpx")
    assert again.counts == report.counts
    qde2 = zipfile.ZipFile(tmp_path / "again.qdpx").read("project.qde")
    assert _guids(qde2) == _guids(qde)


KEPT = ("Code", "TextSource", "PDFSource", "Case", "Coding", "Set", "Variable", "Link")


def _guids(qde: bytes, tags: tuple[str, ...] = KEPT) -> list[str]:
    """GUIDs of the objects that have a guid column (derived GUIDs depend on the project)."""
    root = etree.fromstring(qde)
    return sorted(e.get("guid") for tag in tags for e in root.iter(NS + tag))


def test_codebook_export_is_valid(rich_path, tmp_path, open_project):
    out = tmp_path / "rich.qdc"
    with open_project(rich_path) as p:
        report = export_qdc(p, out)
    data = out.read_bytes()
    assert schema_problems(data, "codebook") == []
    assert report.counts == {"codes": 5, "code sets": 1}
    assert "codebook-links" in report.kinds()
    fresh = Project.create(tmp_path / "book.qdaproj", coder="ana")
    with fresh:
        result = import_refi(out, fresh)
        assert result.counts["codes"] == 5
        kom = fresh.codes.find("Edwards III/Komunikasi")
        assert (kom.color, kom.short, kom.inclusion, kom.codebook_code) == (
            "#aa3300", "KOM", "Penyampaian kebijakan", "E3.COMM",
        )  # fmt: skip
        assert [s.name for s in fresh.sets.all()] == ["Teori"]
        assert fresh.undo_label() == "Import REFI-QDA codebook"


def test_round_trip_keeps_everything(rich_path, tmp_path, open_project, project_facts):
    out = tmp_path / "rich.qdpx"
    with open_project(rich_path) as p:
        export_qdpx(p, out)
        before = project_facts(p)
    with Project.create(tmp_path / "copy.qdaproj", coder="ana") as fresh:
        report = import_refi(out, fresh)
        after = project_facts(fresh)
        assert report.counts["codings"] == 7
        assert report.matched == {"coders": 1}  # ana exists in a fresh project already
        for key in before:
            assert after[key] == before[key], key
        # Texts with astral characters are equal, so every covered passage is the same.
        texts = {k: v[0] for k, v in after["sources"].items()}
        assert "𝒮𝒪𝒫" in texts["Observasi Diskominfo"]
        # Timestamps travel as UTC ("Z") and come back unchanged (to the second).
        with open_project(rich_path) as p:
            stamps = sorted(c.created_at.replace(microsecond=0) for c in p.codings.list())
        assert sorted(c.created_at for c in fresh.codings.list()) == stamps
        # GUIDs came along: a second export of the copy gives the same GUIDs.
        export_qdpx(fresh, tmp_path / "copy.qdpx")
    first = zipfile.ZipFile(out).read("project.qde")
    second = zipfile.ZipFile(tmp_path / "copy.qdpx").read("project.qde")
    assert _guids(first) == _guids(second)
    memo_guids = set(_guids(first, ("Note",))) & set(_guids(second, ("Note",)))
    assert len(memo_guids) == 5  # the five memos; attribute and link notes are derived


def test_import_is_one_undo_step(rich_path, tmp_path, project, project_facts):
    out = tmp_path / "rich.qdpx"
    with Project.open(rich_path, coder="ana", read_only=True) as p:
        export_qdpx(p, out)
    empty = project_facts(project)
    import_refi(out, project)
    assert project.undo_label() == "Import REFI-QDA project"
    assert project.info().codings == 7
    project.undo()
    assert project_facts(project) == empty
    assert project.info().codes == 0
    project.redo()
    assert project.info().codings == 7


def test_export_report_lists_what_refi_cannot_carry(project, tmp_path):
    source = project.sources.add_text("S", "Teks pendek untuk ekspor.").result
    code = project.codes.create("K").result
    project.codings.apply(source.id, 0, 4, code.id)
    project.sets.create("Kosong")
    project.codes.link(code.id, target_ref="edwards3:E3.COMM")
    report = export_qdpx(project, tmp_path / "s.qdpx")
    kinds = report.kinds()
    assert {"empty-sets", "external-links", "history"} <= set(kinds)
    assert report.counts["sets"] == 0 and report.counts["links"] == 0
    text = "\n".join(report.lines())
    assert "1 empty set(s) were left out (REFI-QDA sets cannot be empty): Kosong." in text
    qde = zipfile.ZipFile(tmp_path / "s.qdpx").read("project.qde")
    assert b'creationDateTime="' in qde and b'Z"' in qde
    assert schema_problems(qde, "project") == []
