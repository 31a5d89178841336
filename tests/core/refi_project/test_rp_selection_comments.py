"""Descriptions of selections (ATLAS.ti writes a quotation's comment there) become memos:
on the selection's first coding, or on its source when it has no codes. Both readings
of a source (GUIDs as written, and GUIDs ATLAS.ti-style, braced upper case) keep them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from qualcode.interop.refi.project.importer import import_refi, import_refi_as_new
from qualcode.store import tables as t
from support.refi_files import write_qdpx

USER = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
CODE = "1c6e8b2f-62b8-4b66-8d54-8e5e4d3c2b11"
SRC = "3e80ad41-84da-4d88-af76-a0706f5e4d33"
LONG = (
    "Koordinasi antar dinas lemah sekali menurut kepala bidang yang kami wawancarai di "
    "kantor kecamatan."
)
TEXT = LONG + " Anggaran terbatas. Warga belum paham aplikasi."


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _guid(value: str, atlas: bool) -> str:
    return "{" + value.upper() + "}" if atlas else value


def _build(path: Path, atlas: bool) -> Path:
    def selection(guid: str, phrase: str, inner: str, name: str = "") -> str:
        a, b = _span(phrase)
        named = f' name="{name}"' if name else ""
        return (
            f'<PlainTextSelection guid="{_guid(guid, atlas)}" startPosition="{a}" '
            f'endPosition="{b}" creatingUser="{_guid(USER, atlas)}" '
            f'creationDateTime="2024-05-01T10:00:00Z"{named}>{inner}</PlainTextSelection>'
        )

    def coding(guid: str) -> str:
        return (
            f'<Coding guid="{_guid(guid, atlas)}" creatingUser="{_guid(USER, atlas)}">'
            f'<CodeRef targetGUID="{_guid(CODE, atlas)}"/></Coding>'
        )

    selections = "".join(
        [
            selection("6bb3d074-b70d-40bb-92a9-d3a39c8b7a66", LONG,
                      coding("b108c5c9-0c52-4500-a7fe-c8f8e1d0cfbb")
                      + "<Description>Dikonfirmasi oleh dua informan.</Description>"),
            # a quotation with a comment and no code: a memo on the source
            selection("7cc4e185-c81e-41cc-a3ba-e4b4ad9c8b77", "Warga belum paham aplikasi",
                      "<Description>  Bandingkan dengan W3.  </Description>",
                      name="Warga belum paham"),
            # a comment of nothing but spaces is no comment
            selection("a0f7b4b8-fb41-44ff-96ed-b7e7d0cfbeaa", "Anggaran terbatas",
                      coding("d32ae7eb-2e74-4722-891a-ea1a03f2e1dd")
                      + "<Description>   </Description>"),
        ]
    )  # fmt: skip
    sections = (
        f'<Users><User guid="{_guid(USER, atlas)}" name="Ana"/></Users>'
        f'<CodeBook><Codes><Code guid="{_guid(CODE, atlas)}" name="Koordinasi" '
        f'isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{_guid(SRC, atlas)}" name="W1" '
        f'plainTextPath="internal://{SRC}.txt">{selections}</TextSource></Sources>'
    )
    return write_qdpx(path, sections, name="Comments", origin="ATLAS.ti 23", texts={SRC: TEXT})


@pytest.mark.parametrize("atlas", [False, True], ids=["as-written", "atlas-guids"])
def test_selection_comments_become_memos(tmp_path: Path, atlas: bool) -> None:
    target = tmp_path / "comments.qdaproj"
    report = import_refi_as_new(_build(tmp_path / "c.qdpx", atlas), target, coder="ana")
    db = sqlite3.connect(target)
    memos = db.execute(
        "SELECT m.kind, m.title, m.text, m.coding_id, m.source_id, c.name, m.created_at "
        "FROM memo m LEFT JOIN coder c ON c.id = m.coder_id ORDER BY m.id"
    ).fetchall()
    coding_id = db.execute(
        "SELECT id FROM coding WHERE start_pos = ?", (_span("Koordinasi")[0],)
    ).fetchone()[0]
    source_id = db.execute("SELECT id FROM source").fetchone()[0]
    # the title is the passage, whitespace collapsed, cut after a word within 80 characters
    assert memos[0][1] == (
        "Koordinasi antar dinas lemah sekali menurut kepala bidang yang kami wawancarai\u2026"
    )
    assert memos[0][2:6] == ("Dikonfirmasi oleh dua informan.", coding_id, None, "Ana")
    assert memos[0][6].startswith("2024-05-01 10:00:00")
    # on the source, titled by the quotation's name, the comment stripped
    assert memos[1][1:6] == ("Warga belum paham", "Bandingkan dengan W3.", None, source_id, "Ana")
    assert len(memos) == 2 and {m[0] for m in memos} == {"note"}
    assert report.counts["memos"] == 2
    (message,) = [m for m in report.messages if m.kind == "selection-comments"]
    assert message.params["count"] == 2
    assert "bare-selections" in {m.kind for m in report.messages}  # its passage: not coded


def test_undo_and_redo_of_the_import_take_the_comment_memos_back_and_forth(
    tmp_path: Path, project
) -> None:
    def memos() -> list[tuple[str, str]]:
        with project.reading() as conn:
            return sorted(conn.execute(select(t.memo.c.text, t.memo.c.title)).all())

    import_refi(_build(tmp_path / "c.qdpx", atlas=False), project)
    after = memos()
    assert [text for text, _title in after] == [
        "Bandingkan dengan W3.",
        "Dikonfirmasi oleh dua informan.",
    ]
    project.undo()
    assert memos() == []
    project.redo()
    assert memos() == after
