"""Cases of a REFI-QDA file: each one matches a case of the project (by GUID, else by
name, also a case this import made) or is new; the new ones keep their kind, their
parent (named in QualCode's extras, wherever it comes in the file) and their links."""

from __future__ import annotations

from pathlib import Path

from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project
from support.refi_files import write_qdpx
from support.snapshots import snapshot

USER = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
SRC = "3e80ad41-84da-4d88-af76-a0706f5e4d33"
TEXT = "Koordinasi antar dinas lemah. Anggaran terbatas."


def _case(guid: str, name: str, description: str = "") -> str:
    return (
        f'<Case guid="{guid}" name="{name}"><Description>{description}</Description>'
        f'<SourceRef targetGUID="{SRC}"/></Case>'
    )


def _qdpx(path: Path, camat_guid: str) -> Path:
    cases = "".join(
        [
            _case("c1a1e0b2-0000-4000-8000-000000000001", "Ibu Sari",
                  "Kepala seksi\n\n[QualCode]\nKind: informant\nParent: Dinas Kominfo"),
            _case("c1a1e0b2-0000-4000-8000-000000000002", "Dinas Kominfo",
                  "[QualCode]\nKind: organisation"),
            # the same name (spacing and case aside): the case made just above
            _case("c1a1e0b2-0000-4000-8000-000000000003", "ibu  SARI"),
            _case("c1a1e0b2-0000-4000-8000-000000000004", "Pak Budi",
                  "[QualCode]\nKind: group\nParent: Pak Budi"),  # its own parent: none
            _case("c1a1e0b2-0000-4000-8000-000000000005", "Warga",
                  "[QualCode]\nKind: planet\nParent: Tidak Ada"),  # unknown kind and parent
            _case(camat_guid, "Pak Camat"),  # the project's case of that GUID
        ]
    )  # fmt: skip
    sections = (
        f'<Users><User guid="{USER}" name="Ana"/></Users><Cases>{cases}</Cases>'
        f'<Sources><TextSource guid="{SRC}" name="W1" plainTextPath="internal://{SRC}.txt"/>'
        "</Sources>"
    )
    return write_qdpx(path, sections, name="Kasus", origin="QualCode 1.0", texts={SRC: TEXT})


def test_cases_match_or_are_made_with_kind_parent_and_links(project: Project, tmp_path):
    camat = project.cases.create("Camat").result
    assert camat is not None
    before = snapshot(project)

    report = import_refi(_qdpx(tmp_path / "kasus.qdpx", camat.guid), project)

    cases = {c.name: c for c in project.cases.all()}
    assert sorted(cases) == ["Camat", "Dinas Kominfo", "Ibu Sari", "Pak Budi", "Warga"]
    assert report.counts["cases"] == 4 and report.matched["cases"] == 2
    assert cases["Ibu Sari"].parent_id == cases["Dinas Kominfo"].id
    assert cases["Ibu Sari"].description == "Kepala seksi"
    assert [cases[n].parent_id for n in ("Dinas Kominfo", "Pak Budi", "Warga")] == [None] * 3
    kinds = [cases[n].kind for n in ("Ibu Sari", "Dinas Kominfo", "Pak Budi", "Warga")]
    assert kinds == ["informant", "organisation", "group", "informant"]
    (source,) = project.sources.all()
    linked = {link.case_id for link in project.cases.links(source_id=source.id)}
    assert linked == {c.id for c in cases.values()}  # one link each: "ibu SARI" adds none
    assert len(project.cases.links(source_id=source.id)) == 5
    assert report.counts["case links"] == 5

    project.undo()
    assert snapshot(project) == before
