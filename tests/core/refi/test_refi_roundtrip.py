"""Write → validate against the XSD → read again gives the same project."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace

import pytest
from lxml import etree

from qualcode.errors import ExportFailedError
from qualcode.interop.refi.format import (
    new_guid,
    project_to_xml,
    read_project,
    schema_problems,
    stable_guid,
    write_project,
)
from qualcode.interop.refi.format.model import (
    Case,
    Code,
    Coding,
    Link,
    LinkDirection,
    Note,
    OriginalFile,
    Project,
    Set,
    SourceKind,
    TextSelection,
    TextSource,
    User,
    Variable,
    VariableType,
    VariableValue,
)

UTC = dt.UTC
T0 = dt.datetime(2026, 3, 2, 9, 30, 0, tzinfo=UTC)


def _selection_texts(project: Project) -> list[tuple[str, str, tuple[str, ...]]]:
    texts = {s.guid: s.text for s in project.sources}
    return sorted(
        (
            s.guid,
            texts[s.source_guid][s.start : s.end],
            tuple(sorted(c.code_guid for c in s.codings)),
        )
        for s in project.selections
    )


def _by_guid(item):
    return item.guid


@pytest.mark.parametrize("sample", ["nvivo", "maxqda", "atlas_mac", "atlas_win"])
def test_samples_round_trip(tmp_path, samples, sample):
    first = read_project(getattr(samples, sample))
    out = tmp_path / "out.qdpx"
    write_project(first, out)
    with zipfile.ZipFile(out) as zf:
        qde = zf.read("project.qde")
        names = zf.namelist()
    assert schema_problems(qde, "project") == []
    assert b'xmlns="urn:QDA-XML:project:1.0"' in qde
    assert all(f"sources/{s.guid}.txt" in names for s in first.sources)
    second = read_project(out)
    assert second.codes == first.codes
    assert second.users == first.users
    assert second.sets == first.sets
    assert second.notes == first.notes
    assert second.cases == first.cases
    assert [(s.guid, s.name, s.text) for s in second.sources] == [
        (s.guid, s.name, s.text) for s in first.sources
    ]
    assert [s.original for s in second.sources] == [s.original for s in first.sources] or all(
        a.original.data == b.original.data
        for a, b in zip(first.sources, second.sources, strict=True)
    )
    assert _selection_texts(second) == _selection_texts(first)
    # Repeated selections were merged on the first read, so nothing is left to merge.
    expected = sorted((replace(s, merged_guids=()) for s in first.selections), key=_by_guid)
    assert sorted(second.selections, key=_by_guid) == expected
    assert second.origin.startswith("QualCode")


def _rich_project() -> Project:
    """Every kind of object the model has, with values of every variable type."""
    ids = {k: stable_guid(k, "0f0e0d0c-0b0a-4900-8700-060504030201") for k in (
        "u1", "u2", "root", "c1", "c2", "v-role", "v-years", "v-ok", "v-score", "v-date", "v-ts",
        "case", "s1", "s2", "sel1", "sel2", "n1", "n2", "link", "set-c", "set-s", "cod1", "cod2",
        "cod3",
    )}  # fmt: skip
    text1 = "P: Apa hambatan utama?\nN: Anggaran 💸 dan SDM 👩‍💻 masih kurang.\n"
    text2 = "Ringkasan dokumen kebijakan smart city kota."
    a = text1.index("Anggaran")
    b = text1.index("kurang") + len("kurang")
    values = (
        VariableValue(ids["v-role"], "Kepala Bidang"),
        VariableValue(ids["v-years"], 12),
        VariableValue(ids["v-ok"], True),
        VariableValue(ids["v-score"], 3.75),
        VariableValue(ids["v-date"], dt.date(2025, 11, 4)),
        VariableValue(ids["v-ts"], T0),
    )
    return Project(
        name="Smart city Kota X",
        description="Tesis S2 administrasi publik.",
        creating_user=ids["u1"],
        created=T0,
        modifying_user=ids["u2"],
        modified=T0 + dt.timedelta(days=1),
        users=(User(ids["u1"], "Rina", "RN"), User(ids["u2"], "Budi")),
        codes=(
            Code(
                ids["root"],
                "Faktor penghambat",
                is_codable=False,
                color="#aa3300",
                description="Edwards III",
                note_guids=(ids["n1"],),
                children=(
                    Code(ids["c1"], "Sumber daya", color="#0a0"),
                    Code(ids["c2"], "Komunikasi", description="Transmisi, kejelasan"),
                ),
            ),
        ),
        variables=(
            Variable(ids["v-role"], "Jabatan", VariableType.TEXT, "Posisi informan"),
            Variable(ids["v-years"], "Masa kerja", VariableType.INTEGER),
            Variable(ids["v-ok"], "Setuju", VariableType.BOOLEAN),
            Variable(ids["v-score"], "Skor", VariableType.FLOAT),
            Variable(ids["v-date"], "Tanggal", VariableType.DATE),
            Variable(ids["v-ts"], "Waktu", VariableType.DATETIME),
        ),
        cases=(
            Case(
                ids["case"],
                "Informan 1",
                "Dinas Kominfo",
                values=values,
                source_guids=(ids["s1"],),
                code_guids=(ids["c1"],),
                selection_guids=(ids["sel1"],),
            ),
        ),
        sources=(
            TextSource(
                ids["s1"],
                "Wawancara 1",
                text1,
                original=OriginalFile("wawancara.docx", b"PK\x03\x04 fake docx"),
                description="Transkrip",
                values=values[:2],
                note_guids=(ids["n2"],),
                codings=(Coding(ids["cod3"], ids["c2"], ids["u1"], T0),),
                creating_user=ids["u1"],
                created=T0,
            ),
            TextSource(
                ids["s2"],
                "Perwali.pdf",
                text2,
                kind=SourceKind.PDF,
                original=OriginalFile("perwali.pdf", b"%PDF-1.4 fake"),
            ),
        ),
        selections=(
            TextSelection(
                ids["sel1"],
                ids["s1"],
                a,
                b,
                name="Anggaran dan SDM",
                description="penting",
                codings=(
                    Coding(ids["cod1"], ids["c1"], ids["u1"], T0, note_guids=(ids["n1"],)),
                    Coding(ids["cod2"], ids["c2"], ids["u2"], T0),
                ),
                note_guids=(ids["n2"],),
                creating_user=ids["u1"],
                created=T0,
                modified=T0,
            ),
            TextSelection(ids["sel2"], ids["s2"], 0, 9, name="Ringkasan", codings=()),
        ),
        notes=(
            Note(ids["n1"], "Memo analitik", "Anggaran selalu muncul.\nCek dokumen APBD."),
            Note(ids["n2"], "Memo lapangan", "Wawancara di kantor.", description="catatan"),
        ),
        links=(
            Link(
                ids["link"], "menjelaskan", ids["n1"], ids["c1"], LinkDirection.ONE_WAY, "#000000"
            ),
        ),
        sets=(
            Set(ids["set-c"], "Edwards III", "teori", code_guids=(ids["c1"], ids["c2"])),
            Set(
                ids["set-s"], "Dinas", source_guids=(ids["s1"], ids["s2"]), note_guids=(ids["n2"],)
            ),
        ),
        note_guids=(ids["n1"],),
    )


def test_rich_project_round_trip(tmp_path):
    project = _rich_project()
    path = tmp_path / "rich.qdpx"
    assert write_project(project, path) == ()
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        qde = zf.read("project.qde")
    s1, s2 = project.sources
    assert names == {
        "project.qde",
        f"sources/{s1.guid}.txt",
        f"sources/{s1.guid}.docx",
        f"sources/{s2.guid}.txt",
        f"sources/{s2.guid}.pdf",
    }
    assert schema_problems(qde, "project") == []
    root = etree.fromstring(qde)
    order = [etree.QName(e).localname for e in root]
    assert order == [
        "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets",
        "Description", "NoteRef",
    ]  # fmt: skip
    back = read_project(path)
    for field in (
        "name", "description", "creating_user", "created", "modifying_user", "modified", "users",
        "codes", "variables", "cases", "notes", "links", "sets", "note_guids",
    ):  # fmt: skip
        assert getattr(back, field) == getattr(project, field), field
    assert back.selections == project.selections
    for got, want in zip(back.sources, project.sources, strict=True):
        assert (got.guid, got.name, got.text, got.kind) == (
            want.guid,
            want.name,
            want.text,
            want.kind,
        )
        assert (got.values, got.note_guids, got.codings) == (
            want.values,
            want.note_guids,
            want.codings,
        )
        assert got.original.data == want.original.data
        assert got.original.filename.rsplit(".", 1)[1] == want.original.filename.rsplit(".", 1)[1]
    # The same project twice gives the same bytes: GUIDs are stable, no clock involved.
    assert project_to_xml(project)[0] == qde


def test_invalid_project_is_not_written(tmp_path):
    project = _rich_project()
    bad_colour = Project(name="x", codes=(Code(new_guid(), "A", color="red"),))
    with pytest.raises(ExportFailedError, match="would not be valid REFI-QDA"):
        write_project(bad_colour, tmp_path / "a.qdpx")
    bad_guid = Project(name="x", codes=(Code("not-a-guid", "A"),))
    with pytest.raises(ExportFailedError, match="not-a-guid"):
        write_project(bad_guid, tmp_path / "b.qdpx")
    dangling = Project(
        name="x",
        sources=project.sources[:1],
        selections=(
            TextSelection(
                new_guid(), project.sources[0].guid, 0, 3, codings=(Coding(new_guid(), new_guid()),)
            ),
        ),
    )
    with pytest.raises(ExportFailedError, match="missing code"):
        write_project(dangling, tmp_path / "c.qdpx")
    assert list(tmp_path.iterdir()) == []


def test_empty_project_writes_no_empty_containers(tmp_path):
    qde, files, _ = project_to_xml(Project(name="kosong"))
    assert files == {}
    root = etree.fromstring(qde)
    assert len(root) == 0
    assert schema_problems(qde, "project") == []


def test_control_characters_are_removed_and_reported():
    qde, _, messages = project_to_xml(Project(name="a\x0bb", description="x\x00y"))
    assert b'name="ab"' in qde
    assert [m.kind for m in messages] == ["xml-characters"]


def test_guid_helpers():
    g = new_guid()
    assert len(g) == 36 and g == g.lower()
    project = "0f0e0d0c-0b0a-4900-8700-060504030201"
    assert stable_guid("code:1", project) == stable_guid("code:1", "{" + project.upper() + "}")
    assert stable_guid("code:1", project) != stable_guid("code:2", project)
    assert stable_guid("code:1") != stable_guid("code:1", project)


def test_empty_values_and_unnamed_selections_survive(tmp_path):
    var = Variable(new_guid(), "Catatan", VariableType.INTEGER)
    case = Case(new_guid(), "Informan", values=(VariableValue(var.guid, None),))
    source = TextSource(new_guid(), "W", "Teks singkat.")
    sel = TextSelection(new_guid(), source.guid, 0, 4)
    project = Project(
        name="p", variables=(var,), cases=(case,), sources=(source,), selections=(sel,)
    )
    write_project(project, tmp_path / "p.qdpx")
    back = read_project(tmp_path / "p.qdpx")
    assert back.cases == (case,)
    assert back.selections == (sel,)
