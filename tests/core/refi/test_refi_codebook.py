"""Codebooks (.qdc): the two real samples, writing, and validation."""

from __future__ import annotations

import pytest

from qualcode.errors import ExportFailedError, ImportFailedError
from qualcode.interop.refi.format import (
    codebook_from_xml,
    codebook_of,
    codebook_to_xml,
    read_codebook,
    read_project,
    schema_problems,
    write_codebook,
)
from qualcode.interop.refi.format.model import Code, Codebook, Set


def test_atlas_codebook(samples):
    book = read_codebook(samples.atlas_qdc)
    assert book.origin == "ATLAS.ti Win 23.4.0"
    assert len(book.codes) == 1
    code = book.codes[0]
    assert (code.guid, code.name, code.color, code.description, code.is_codable) == (
        "1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294",
        "code1",
        "#46AA00",
        "description",
        True,
    )
    assert len(book.sets) == 1
    group = book.sets[0]
    assert (group.name, group.description, group.code_guids) == (
        "code group 1",
        "kategorie 1",
        ("1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294",),
    )
    assert book.messages == ()


def test_taguette_codebook_with_invalid_empty_sets(samples):
    data = samples.taguette_qdc.read_bytes()
    assert schema_problems(data, "codebook") != []  # the file really is invalid
    book = read_codebook(samples.taguette_qdc)
    assert book.origin == "Taguette 1.4.1"
    assert [c.name for c in book.codes] == ["xsd:element name", "CodeBook", "Variables"]
    assert book.sets == ()


@pytest.mark.parametrize("sample", ["atlas_qdc", "taguette_qdc"])
def test_codebook_round_trip(tmp_path, samples, sample):
    book = read_codebook(getattr(samples, sample))
    out = tmp_path / "out.qdc"
    assert write_codebook(book, out) == ()
    data = out.read_bytes()
    assert schema_problems(data, "codebook") == []
    assert b"<Sets/>" not in data
    back = read_codebook(out)
    assert (back.codes, back.sets) == (book.codes, book.sets)


def test_project_codebook_export(tmp_path, nvivo_project, samples):
    book = codebook_of(nvivo_project.codes, nvivo_project.sets)
    data, messages = codebook_to_xml(book)
    assert messages == ()
    assert schema_problems(data, "codebook") == []
    back = codebook_from_xml(data)
    assert len(back.all_codes()) == 152
    assert back.codes == nvivo_project.codes
    # Code sets of a project use MemberCode@targetGUID; the .qdc uses @guid.
    atlas = read_project(samples.atlas_mac)
    data, _ = codebook_to_xml(codebook_of(atlas.codes, atlas.sets))
    assert b'<MemberCode guid="' in data and b"targetGUID" not in data
    assert len(codebook_from_xml(data).sets) == 4


def test_codebook_writer_refuses_and_reports():
    with pytest.raises(ExportFailedError, match="no codes"):
        codebook_to_xml(Codebook())
    with pytest.raises(ExportFailedError, match="not be valid"):
        codebook_to_xml(Codebook(codes=(Code("bad", "x"),)))
    code = Code("1ff58b12-6f6f-4b0c-8be5-bbdc91f55294", "Kebijakan", note_guids=("n",))
    _, messages = codebook_to_xml(
        Codebook(codes=(code,), sets=(Set("2ff58b12-6f6f-4b0c-8be5-bbdc91f55294", "kosong"),))
    )
    assert sorted(m.kind for m in messages) == ["codebook-notes", "empty-sets"]


def test_codebook_tolerates_braces_case_and_missing_attributes():
    xml = b"""<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:0:4"><Codes>
      <Code guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="Induk" isCodable="false">
        <Code guid="aaaaaaaa-0000-4000-8000-000000000002" name="Anak" color="merah"/>
        <Code name="Tanpa GUID" isCodable="true"/>
      </Code></Codes>
      <Sets><Set guid="bbbbbbbb-0000-4000-8000-000000000001" name="S">
        <MemberCode targetGUID="AAAAAAAA-0000-4000-8000-000000000002"/>
        <MemberCode guid="cccccccc-0000-4000-8000-000000000009"/>
      </Set></Sets></CodeBook>"""
    book = codebook_from_xml(xml)
    parent = book.codes[0]
    assert parent.guid == "AAAAAAAA-0000-4000-8000-000000000001"
    assert parent.is_codable is False
    child, orphan = parent.children
    assert child.is_codable is True and child.color is None
    assert len(orphan.guid) == 36
    assert book.sets[0].code_guids == ("aaaaaaaa-0000-4000-8000-000000000002",)
    assert sorted(m.kind for m in book.messages) == ["code-color", "code-guid", "dangling-code"]


def test_project_file_is_not_a_codebook(tmp_path, samples):
    path = tmp_path / "p.qdc"
    path.write_bytes(samples.atlas_mac.read_bytes())
    with pytest.raises(ImportFailedError, match="not a REFI-QDA codebook"):
        read_codebook(path)
