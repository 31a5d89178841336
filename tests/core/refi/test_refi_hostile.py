"""Hostile and broken inputs are refused with ImportFailedError and write nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from qualcode.errors import ImportFailedError
from qualcode.interop.refi.format import ArchiveLimits, read_codebook, read_project

GOOD_QDE = (
    '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t"/>'
)


def _files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def _refused(path: Path, match: str, **kwargs) -> None:
    """Read ``path`` expecting refusal; nothing may appear next to it or above it."""
    before = _files_in(path.parent.parent)
    with pytest.raises(ImportFailedError, match=match):
        read_project(path, **kwargs)
    assert _files_in(path.parent.parent) == before


@pytest.mark.parametrize(
    "entry",
    ["../evil.txt", "sources/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "..\\evil.txt"],
)
def test_zip_slip_entries_refused(tmp_path, make_qdpx, entry):
    work = tmp_path / "in"
    work.mkdir()
    path = make_qdpx(work / "slip.qdpx", GOOD_QDE, {entry: b"pwned"})
    _refused(path, "unsafe path")
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bomb_refused_by_ratio(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    path = make_qdpx(work / "bomb.qdpx", GOOD_QDE, {"sources/a.txt": b"\0" * (40 << 20)})
    assert zipfile.ZipFile(path).getinfo("sources/a.txt").compress_size < 100_000
    _refused(path, "zip bomb")


def test_total_size_and_entry_count_bounded(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    files = {f"sources/{i}.txt": bytes(range(256)) * 40 for i in range(12)}
    path = make_qdpx(work / "many.qdpx", GOOD_QDE, files)
    _refused(path, "too many entries", limits=ArchiveLimits(max_entries=10))
    _refused(path, "would expand", limits=ArchiveLimits(max_total_bytes=50_000))
    assert read_project(path).name == "t"  # default limits accept it


def test_lying_size_header_cannot_expand(tmp_path, make_qdpx):
    """An entry whose declared size is smaller than its data stops at the declared size."""
    work = tmp_path / "in"
    work.mkdir()
    text = "Halo dunia. " * 1000
    qde = GOOD_QDE.replace(
        "/>",
        '><Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="a" '
        'plainTextPath="internal://a.txt"/></Sources></Project>',
    )
    path = make_qdpx(work / "lie.qdpx", qde, {"sources/a.txt": text.encode()})
    raw = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("sources/a.txt")
    # Declare 10 bytes in the local header and in the (last) central directory entry.
    raw[info.header_offset + 22 : info.header_offset + 26] = (10).to_bytes(4, "little")
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    assert zipfile.ZipFile(path).getinfo("sources/a.txt").file_size == 10
    with pytest.raises(ImportFailedError, match="cannot read"):
        read_project(path)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"/>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Description>&secret;</Description></Project>"""


def test_billion_laughs_refused_in_archive_and_bare(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    _refused(make_qdpx(work / "lol.qdpx", BILLION_LAUGHS), "document type or entities")
    bare = work / "lol.qde"
    bare.write_text(BILLION_LAUGHS, encoding="utf-8")
    _refused(bare, "document type or entities")


def test_xxe_refused(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    _refused(make_qdpx(work / "xxe.qdpx", XXE), "document type or entities")
    utf16 = work / "xxe16.qde"
    utf16.write_bytes(
        XXE.replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>', 1).encode("utf-16")
    )
    _refused(utf16, "document type or entities")


def test_xxe_refused_in_codebook(tmp_path):
    path = tmp_path / "x.qdc"
    path.write_text(XXE.replace("Project", "CodeBook"), encoding="utf-8")
    with pytest.raises(ImportFailedError, match="document type or entities"):
        read_codebook(path)


def test_huge_attribute_refused(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    qde = GOOD_QDE.replace('name="t"', 'name="' + "a" * 12_000_000 + '"')
    stored = make_qdpx(work / "huge.qdpx", qde, compression=zipfile.ZIP_STORED)
    _refused(stored, "not a well-formed XML file")
    bare = work / "huge.qde"
    bare.write_text(qde, encoding="utf-8")
    _refused(bare, "not a well-formed XML file")


def test_qdpx_without_qde(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    path = make_qdpx(work / "empty.qdpx", None, {"sources/a.txt": b"hello", "notes.xml": b"<x/>"})
    _refused(path, r"no project file \(\.qde\)")


def test_several_qde_without_project_qde(tmp_path, make_qdpx):
    work = tmp_path / "in"
    work.mkdir()
    path = make_qdpx(work / "two.qdpx", GOOD_QDE, {"b.qde": GOOD_QDE.encode()}, qde_name="a.qde")
    _refused(path, "several project files")


@pytest.mark.parametrize(
    "payload",
    [b"this is not xml at all", b"\x00\x01\x02\xff\xfe garbage", b"<Project name='x'>", b""],
)
def test_qde_that_is_not_xml(tmp_path, make_qdpx, payload):
    work = tmp_path / "in"
    work.mkdir()
    _refused(make_qdpx(work / "bad.qdpx", payload), "not a well-formed XML file")
    bare = work / "bad.qde"
    bare.write_bytes(payload)
    _refused(bare, "not a well-formed XML file")


def test_truncated_zip(tmp_path, samples):
    work = tmp_path / "in"
    work.mkdir()
    path = work / "cut.qdpx"
    path.write_bytes(samples.maxqda.read_bytes()[:5000])
    _refused(path, "not a valid zip archive")


def test_codebook_root_is_not_a_project(tmp_path, samples):
    with pytest.raises(ImportFailedError, match="not a REFI-QDA project"):
        read_project(samples.atlas_qdc)


def test_missing_file(tmp_path):
    with pytest.raises(ImportFailedError, match="cannot be opened"):
        read_project(tmp_path / "nope.qdpx")
