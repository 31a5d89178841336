"""Reader tolerance: sloppy attributes, GUID spellings, namespaces, cases, PDFs, notes."""

from __future__ import annotations

import datetime as dt

from qualcode.interop.refi.format import read_project
from qualcode.interop.refi.format.model import SourceKind

U = "{0F77948D-768A-4665-B7C3-FB9AAA3CDF08}"  # braces and upper case in the definition
U_REF = "0f77948d-768a-4665-b7c3-fb9aaa3cdf08"  # lower case, no braces in references
PARENT = "AAAAAAAA-0000-4000-8000-000000000001"
CHILD = "aaaaaaaa-0000-4000-8000-000000000002"
SRC = "BBBBBBBB-0000-4000-8000-000000000001"
PDF = "bbbbbbbb-0000-4000-8000-000000000002"
SEL_A = "cccccccc-0000-4000-8000-000000000001"
SEL_B = "cccccccc-0000-4000-8000-000000000002"
NOTE = "dddddddd-0000-4000-8000-000000000001"
VAR = "eeeeeeee-0000-4000-8000-000000000001"
VAR_N = "eeeeeeee-0000-4000-8000-000000000002"
CASE = "ffffffff-0000-4000-8000-000000000001"

TEXT = "Informan menyebut koordinasi lemah. Anggaran cukup."

BODY = f"""
<Users><User guid="{U}" name="Rina"/></Users>
<CodeBook><Codes>
  <Code guid="{{{PARENT}}}" name="Penghambat" isCodable="false">
    <NoteRef targetGUID="{NOTE.upper()}"/>
    <Code guid="{CHILD}" name="Koordinasi" isCodable="true" color="#00ff00"/>
  </Code>
</Codes></CodeBook>
<Variables>
  <Variable guid="{VAR}" name="Jabatan" typeOfVariable="Text"/>
  <Variable guid="{VAR_N}" name="Umur" typeOfVariable="Integer"/>
</Variables>
<Cases><Case guid="{CASE}" name="Informan A">
  <VariableValue><VariableRef targetGUID="{VAR.upper()}"/>
    <TextValue>Kabid</TextValue></VariableValue>
  <VariableValue><VariableRef targetGUID="{VAR_N}"/>
    <IntegerValue>empat puluh</IntegerValue></VariableValue>
  <SourceRef targetGUID="{SRC.lower()}"/>
  <SourceRef targetGUID="99999999-0000-4000-8000-000000000009"/>
  <SelectionRef targetGUID="{SEL_B}"/>
</Case></Cases>
<Sources>
  <TextSource guid="{SRC}" plainTextPath="internal://{SRC}.txt">
    <PlainTextSelection guid="{SEL_A}" startPosition="18" endPosition="34" creatingUser="{U_REF}">
      <Coding guid="12121212-0000-4000-8000-000000000001">
        <CodeRef targetGUID="{CHILD.upper()}"/></Coding>
    </PlainTextSelection>
    <PlainTextSelection guid="{SEL_B}" startPosition="18" endPosition="34">
      <Description>catatan</Description>
      <Coding guid="12121212-0000-4000-8000-000000000002" creatingUser="{U_REF}">
        <CodeRef targetGUID="{PARENT}"/></Coding>
      <Coding guid="12121212-0000-4000-8000-000000000003">
        <CodeRef targetGUID="12345678-0000-4000-8000-000000000000"/></Coding>
      <NoteRef targetGUID="{NOTE}"/>
    </PlainTextSelection>
    <VariableValue><VariableRef targetGUID="{VAR_N}"/>
      <IntegerValue> 41 </IntegerValue></VariableValue>
  </TextSource>
  <PDFSource guid="{PDF}" name="Perwali.pdf" path="internal://{PDF}.pdf">
    <Representation guid="bbbbbbbb-0000-4000-8000-0000000000ff" name="rep">
      <PlainTextContent>Peraturan Wali Kota tentang smart city.</PlainTextContent>
      <PlainTextSelection guid="cccccccc-0000-4000-8000-000000000003"
        startPosition="28" endPosition="38"/>
    </Representation>
  </PDFSource>
</Sources>
<Notes><Note guid="{NOTE}" name="Memo">
  <PlainTextContent>Baris 1\r\nBaris 2</PlainTextContent></Note></Notes>
<Links><Link guid="13131313-0000-4000-8000-000000000001" name="rel" direction="OneWay"
  originGUID="{NOTE}" targetGUID="{SEL_B}"/></Links>
<Sets><Set guid="14141414-0000-4000-8000-000000000001" name="Teori">
  <MemberCode targetGUID="{CHILD}"/><MemberSource targetGUID="{PDF}"/></Set></Sets>
<Description>Proyek uji</Description>
<NoteRef targetGUID="{NOTE}"/>
<Extension foo="bar"/>
"""


def _read(tmp_path, make_qdpx, project_xml, ns="urn:QDA-XML:project:0:4"):
    path = make_qdpx(
        tmp_path / "t.qdpx",
        project_xml(BODY, ns=ns, attrs='origin="QualCoder 3.6"'),
        {f"sources/{SRC.lower()}.txt": TEXT.encode(), f"Sources/{PDF}.pdf": b"%PDF-1.7"},
    )
    return read_project(path)


def test_tolerant_read(tmp_path, make_qdpx, project_xml):
    p = _read(tmp_path, make_qdpx, project_xml)
    assert p.creating_user is None
    assert p.description == "Proyek uji"
    assert [(u.guid, u.name) for u in p.users] == [(U_REF.upper(), "Rina")]
    parent = p.codes[0]
    assert (parent.guid, parent.is_codable, parent.note_guids) == (PARENT, False, (NOTE,))
    assert parent.children[0].guid == CHILD and parent.children[0].is_codable
    text_source, pdf = p.sources
    assert text_source.name == SRC  # no name attribute: the GUID stands in
    assert text_source.text == TEXT
    assert [v.value for v in text_source.values] == [41]
    assert pdf.kind is SourceKind.PDF
    assert pdf.text == "Peraturan Wali Kota tentang smart city."
    assert pdf.original.data == b"%PDF-1.7"
    kinds = [m.kind for m in p.messages]
    assert "unknown-element" in kinds
    assert "dangling-code" in kinds and "dangling-source" in kinds and "bad-value" in kinds


def test_repeated_selections_merge_and_references_follow(tmp_path, make_qdpx, project_xml):
    p = _read(tmp_path, make_qdpx, project_xml)
    merged = p.selections_of(SRC)
    assert len(merged) == 1
    sel = merged[0]
    assert TEXT[sel.start : sel.end] == "koordinasi lemah"
    assert (sel.guid, sel.merged_guids) == (SEL_A, (SEL_B,))
    assert {c.code_guid for c in sel.codings} == {CHILD, PARENT}
    # A coding without creatingUser takes its selection's creator.
    assert {c.creating_user for c in sel.codings} == {U_REF.upper()}
    assert sel.description == "catatan" and sel.note_guids == (NOTE,)
    case = p.cases[0]
    assert case.selection_guids == (SEL_A,)  # the reference to the merged duplicate followed
    assert case.source_guids == (SRC,)
    assert [v.value for v in case.values] == ["Kabid"]
    assert p.links[0].target_guid == SEL_A
    pdf_sel = p.selections_of(PDF)[0]
    assert p.sources[1].text[pdf_sel.start : pdf_sel.end] == "smart city"


def test_notes_sets_and_namespaces(tmp_path, make_qdpx, project_xml):
    for ns in ("urn:QDA-XML:project:0:4", "urn:QDA-XML:project:1:0", "urn:QDA-XML:project:1.0"):
        p = _read(tmp_path, make_qdpx, project_xml, ns=ns)
        assert p.notes[0].text == "Baris 1\nBaris 2"
        assert p.note_guids == (NOTE,)
        assert p.sets[0].code_guids == (CHILD,) and p.sets[0].source_guids == (PDF,)
        assert len(p.all_codes()) == 2


def test_external_sources_use_the_resolver(tmp_path, make_qdpx, project_xml):
    body = (
        f'<Sources><TextSource guid="{SRC}" name="luar" plainTextPath="relative:///teks/a.txt"/>'
        "</Sources>"
    )
    path = make_qdpx(tmp_path / "ext.qdpx", project_xml(body, attrs='basePath="C:/proyek"'))
    without = read_project(path)
    assert without.sources == ()
    assert [m.kind for m in without.messages] == ["missing-text"]
    asked: list[tuple[str, str]] = []

    def resolver(uri: str, base: str) -> bytes:
        asked.append((uri, base))
        return "Teks dari luar 😀".encode()

    with_resolver = read_project(path, resolve_external=resolver)
    assert asked == [("relative:///teks/a.txt", "C:/proyek")]
    assert with_resolver.sources[0].text == "Teks dari luar 😀"


def test_non_utf8_text_is_guessed_and_reported(tmp_path, make_qdpx, project_xml):
    body = f'<Sources><TextSource guid="{SRC}" name="lama" plainTextPath="{SRC}.txt"/></Sources>'
    text = "Pemerintah daerah menyusun kebijakan kota cerdas untuk pelayanan publik. " * 4
    data = text.replace("kota", "kotá").encode("cp1252")
    path = make_qdpx(tmp_path / "enc.qdpx", project_xml(body), {f"sources/{SRC}.txt": data})
    p = read_project(path)
    assert "kotá" in p.sources[0].text
    assert "text-encoding" in [m.kind for m in p.messages]


def test_dates_and_bad_guids(tmp_path, make_qdpx, project_xml):
    body = (
        '<Users><User guid="not-a-guid" name="X"/></Users>'
        '<CodeBook><Codes><Code guid="code-7" name="A" isCodable="true"/></Codes></CodeBook>'
    )
    attrs = 'creationDateTime="2024-05-01T10:00:00Z" creatingUserGUID="NOT-A-GUID"'
    p = read_project(make_qdpx(tmp_path / "d.qdpx", project_xml(body, attrs=attrs)))
    assert p.created == dt.datetime(2024, 5, 1, 10, tzinfo=dt.UTC)
    assert p.creating_user == p.users[0].guid  # same foreign id → same derived GUID
    assert len(p.codes[0].guid) == 36
    assert "foreign-id" in [m.kind for m in p.messages]
