"""A code tree imported into a project that has some of its codes: codes matched by GUID
and by name, new codes under matched and under new parents (three levels down), sibling
names made unique, a GUID given twice, and the codings and code memos of each reaching
the right code. The codes are decided in the file's order and created a level at a time."""

from __future__ import annotations

from pathlib import Path

from qualcode.interop.refi.project.importer import import_refi
from support.refi_files import write_qdpx

USER = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
SRC = "3e80ad41-84da-4d88-af76-a0706f5e4d33"
TEXT = "Koordinasi antar dinas lemah. Anggaran terbatas. Warga belum paham aplikasi."
MEMO = "5aa2cf63-a6fc-4faa-8198-c2928b7a6f55"


def _guid(n: int) -> str:
    return f"{n:08x}-a6fc-4faa-8198-c2928b7a6f55"


def _code(n: int, name: str, inner: str = "", memo: bool = False) -> str:
    ref = f'<NoteRef targetGUID="{MEMO}"/>' if memo else ""
    return f'<Code guid="{_guid(n)}" name="{name}" isCodable="true">{ref}{inner}</Code>'


#: the file's tree; code 4 is given again (GUID 4) under "Baru", with a child of its own
TREE = _code(
    1, "Edwards III",
    _code(2, "Komunikasi",
          _code(4, "Transmisi", _code(5, "Kejelasan", _code(6, "Konsistensi", memo=True))))
    + _code(7, "Sumber daya")
    + _code(8, "Sumber daya"),
) + _code(9, "Baru", _code(10, "Anak") + _code(4, "Transmisi lagi", _code(11, "Cucu")))  # fmt: skip


def _selection(n: int, phrase: str, code: int) -> str:
    start = TEXT.index(phrase)
    return (
        f'<PlainTextSelection guid="{_guid(100 + n)}" startPosition="{start}" '
        f'endPosition="{start + len(phrase)}" creatingUser="{USER}">'
        f'<Coding guid="{_guid(200 + n)}" creatingUser="{USER}"><CodeRef targetGUID="'
        f'{_guid(code)}"/></Coding></PlainTextSelection>'
    )


def _build(path: Path) -> Path:
    selections = (
        _selection(1, "Koordinasi", 6) + _selection(2, "Anggaran", 11) + _selection(3, "Warga", 8)
    )
    sections = (
        f'<Users><User guid="{USER}" name="Ana"/></Users><CodeBook><Codes>{TREE}</Codes>'
        f'</CodeBook><Sources><TextSource guid="{SRC}" name="W1" '
        f'plainTextPath="internal://{SRC}.txt">{selections}</TextSource></Sources>'
        f'<Notes><Note guid="{MEMO}" name="Catatan"><PlainTextContent>Konsistensi pesan.'
        "</PlainTextContent></Note></Notes>"
    )
    return write_qdpx(path, sections, name="Pohon", texts={SRC: TEXT})


def _paths(project) -> dict[int, str]:
    codes = {c.id: c for c in project.codes.all()}

    def path(code_id: int) -> str:
        code = codes[code_id]
        return code.name if code.parent_id is None else f"{path(code.parent_id)}/{code.name}"

    return {code_id: path(code_id) for code_id in codes}


def test_a_code_tree_merges_and_reaches_its_codings(project, tmp_path):
    e3 = project.codes.create("Edwards III").result
    project.codes.create("Komunikasi", parent_id=e3.id)
    project.codes.create("Lain")
    report = import_refi(_build(tmp_path / "pohon.qdpx"), project)
    paths = _paths(project)
    by_path = {path: code_id for code_id, path in paths.items()}
    tree = sorted((paths[c.id], c.position) for c in project.codes.all())
    assert tree == [
        ("Baru", 2),
        ("Baru/Anak", 0),
        ("Edwards III", 0),
        ("Edwards III/Komunikasi", 0),
        ("Edwards III/Komunikasi/Transmisi", 0),
        ("Edwards III/Komunikasi/Transmisi/Cucu", 1),
        ("Edwards III/Komunikasi/Transmisi/Kejelasan", 0),
        ("Edwards III/Komunikasi/Transmisi/Kejelasan/Konsistensi", 0),
        ("Edwards III/Sumber daya", 1),
        ("Edwards III/Sumber daya (2)", 2),
        ("Lain", 1),
    ]
    assert report.counts["codes"] == 8 and report.matched["codes"] == 3
    coded = sorted((paths[c.code_id], TEXT[c.start : c.end]) for c in project.codings.list())
    assert coded == [
        ("Edwards III/Komunikasi/Transmisi/Cucu", "Anggaran"),
        ("Edwards III/Komunikasi/Transmisi/Kejelasan/Konsistensi", "Koordinasi"),
        ("Edwards III/Sumber daya (2)", "Warga"),
    ]
    memo = next(m for m in project.memos.all() if m.title == "Catatan")
    assert memo.code_id == by_path["Edwards III/Komunikasi/Transmisi/Kejelasan/Konsistensi"]
