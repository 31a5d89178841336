"""Odd selections through the whole import: a coding GUID used twice, a repeated span,
braced and upper-case GUIDs, positions past the text, and attributes of a coding whose
GUID is given twice. The import's fast paths (positions taken as they are, GUIDs
taken without remembering them) must give what the careful paths give."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qualcode.interop.refi.project.importer import import_refi_as_new
from support.refi_files import write_qdpx

USER = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
CODE = "1c6e8b2f-62b8-4b66-8d54-8e5e4d3c2b11"
OTHER = "2d7f9c30-73c9-4c77-9e65-9f6f5e4d3c22"
SRC = "3e80ad41-84da-4d88-af76-a0706f5e4d33"
TWICE = "4f91be52-95eb-4e99-b087-b1817a6f5e44"  # the GUID of two different codings
NOTE = "5aa2cf63-a6fc-4faa-8198-c2928b7a6f55"
TEXT = "Koordinasi antar dinas lemah. Anggaran terbatas. Warga belum paham aplikasi."


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _selection(guid: str, span: tuple[int, int], codings: str, extra: str = "") -> str:
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{span[0]}" endPosition="{span[1]}" '
        f'creatingUser="{USER}">{codings}{extra}</PlainTextSelection>'
    )


def _coding(guid: str, code: str) -> str:
    return f'<Coding guid="{guid}" creatingUser="{USER}"><CodeRef targetGUID="{code}"/></Coding>'


def _build(path: Path, attributed: str = TWICE, note_ref: str = NOTE) -> Path:
    a, b, c = _span("Koordinasi antar dinas lemah"), _span("Anggaran terbatas"), _span("Warga")
    selections = "".join(
        [
            _selection("6bb3d074-b70d-40bb-92a9-d3a39c8b7a66", a, _coding(TWICE, CODE),
                       f'<NoteRef targetGUID="{note_ref}"/>'),
            # the same GUID again, on another coding: it gets a new one
            _selection("7cc4e185-c81e-41cc-a3ba-e4b4ad9c8b77", b, _coding(TWICE, OTHER)),
            # a repeat of the first span (NVivo writes one selection per coding)
            _selection("{8DD5F296-D92F-42DD-B4CB-F5C5BEAD9C88}", a,
                       _coding("{9EE6A3A7-EA30-43EE-85DC-A6D6CFBEAD99}", OTHER)),
            # the same code by the same user on the same span: one coding
            _selection("a0f7b4b8-fb41-44ff-96ed-b7e7d0cfbeaa", a,
                       _coding("b108c5c9-0c52-4500-a7fe-c8f8e1d0cfbb", CODE)),
            # the end lies past the text: clamped to it
            _selection("c219d6da-1d63-4611-b80f-d909f2e1d0cc", (c[0], len(TEXT) + 40),
                       _coding("d32ae7eb-2e74-4722-891a-ea1a03f2e1dd", CODE)),
        ]
    )  # fmt: skip
    sections = (
        f'<Users><User guid="{USER}" name="Ana"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="Koordinasi" isCodable="true"/>'
        f'<Code guid="{OTHER}" name="Sumber daya" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{SRC}" name="W1" plainTextPath="internal://{SRC}.txt">'
        f"{selections}</TextSource></Sources>"
        f'<Notes><Note guid="{NOTE}" name="Coding attributes: Koordinasi"><Description>'
        f"[QualCode]\nCoding GUID: {attributed}\nValence: inhibiting\nMagnitude: tinggi"
        "</Description><PlainTextContent>Valence: inhibiting</PlainTextContent></Note></Notes>"
    )
    return write_qdpx(path, sections, name="Odd", origin="QualCode 1.0", texts={SRC: TEXT})


def test_odd_selections_import_like_careful_ones(tmp_path: Path) -> None:
    target = tmp_path / "odd.qdaproj"
    report = import_refi_as_new(_build(tmp_path / "odd.qdpx"), target, coder="ana")
    db = sqlite3.connect(target)
    rows = db.execute(
        "SELECT c.guid, k.name, c.start_pos, c.end_pos, c.valence, c.magnitude "
        "FROM coding c JOIN code k ON k.id = c.code_id ORDER BY c.id"
    ).fetchall()
    a, b, c = _span("Koordinasi antar dinas lemah"), _span("Anggaran terbatas"), _span("Warga")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Koordinasi", *a),  # the span's selections merged: its codings first
        ("Sumber daya", *a),
        ("Sumber daya", *b),
        ("Koordinasi", c[0], len(TEXT)),
    ]
    guids = [r[0] for r in rows]
    assert len(set(guids)) == 4 and guids[0] == TWICE and TWICE not in guids[1:]
    assert guids[1] == "9EE6A3A7-EA30-43EE-85DC-A6D6CFBEAD99"  # braces gone, case kept
    # A file that gives two codings one GUID is ambiguous about which one its attributes
    # note means: the attributes go to one of those two, once.
    attributed = [index for index, r in enumerate(rows) if r[4] is not None]
    assert len(attributed) == 1 and attributed[0] in (0, 2)
    assert rows[attributed[0]][4:] == ("inhibiting", "tinggi")
    assert report.counts["codings"] == 4
    assert db.execute("SELECT count(*) FROM memo").fetchone()[0] == 0  # attributes, not a memo
    kinds = {m.kind for m in report.messages}
    assert "positions-clamped" in kinds and "selections-merged" in kinds


@pytest.mark.parametrize("mislead", [False, True])
def test_attributes_reach_their_coding_by_hash_or_guid(tmp_path, monkeypatch, mislead):
    """Attributes are written by the id a GUID's hash gave; should that id hold another
    GUID (two GUIDs sharing a hash), they are written by GUID instead."""
    from qualcode.interop.refi.project import import_sources

    real = import_sources.SourceStream.flush_attributes

    def misled(self):
        for key in self._coding_hashes:
            self._coding_hashes[key] = 1  # every hash now names the first coding
        real(self)

    if mislead:
        monkeypatch.setattr(import_sources.SourceStream, "flush_attributes", misled)
    target = tmp_path / "odd.qdaproj"
    last = "d32ae7eb-2e74-4722-891a-ea1a03f2e1dd"
    import_refi_as_new(_build(tmp_path / "odd.qdpx", last), target, coder="ana")
    db = sqlite3.connect(target)
    rows = db.execute("SELECT guid, valence, magnitude FROM coding ORDER BY id").fetchall()
    assert [r for r in rows if r[1] is not None] == [(last, "inhibiting", "tinggi")]


@pytest.mark.parametrize("note_ref", [NOTE, "{" + NOTE.upper() + "}"])
def test_attributes_note_referred_to_in_another_spelling(tmp_path: Path, note_ref: str) -> None:
    """A coding-attributes note is taken before it is built, also when the selection
    referred to it in another spelling: its attributes reach the coding, it becomes no
    memo and its reference is not reported as dangling."""
    target = tmp_path / "odd.qdaproj"
    last = "d32ae7eb-2e74-4722-891a-ea1a03f2e1dd"
    report = import_refi_as_new(_build(tmp_path / "odd.qdpx", last, note_ref), target, coder="ana")
    db = sqlite3.connect(target)
    rows = db.execute("SELECT guid, valence, magnitude FROM coding ORDER BY id").fetchall()
    assert [r for r in rows if r[1] is not None] == [(last, "inhibiting", "tinggi")]
    assert db.execute("SELECT count(*) FROM memo").fetchone()[0] == 0
    assert "dangling-note" not in {m.kind for m in report.messages}
