"""Selections read as written (one check per source) give exactly what the careful
reading gives, GUID by GUID, on real files of other tools and on odd ones; and the
careful reading takes over whenever a GUID or reference needs repair."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from qualcode.interop.refi.format import guids, read_project, selections
from qualcode.interop.refi.format.model import Project
from qualcode.interop.refi.format.reader_sources import SourcesReader

USER = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
CODE = "1c6e8b2f-62b8-4b66-8d54-8e5e4d3c2b11"
NOTE = "5aa2cf63-a6fc-4faa-8198-c2928b7a6f55"
SRC = "3e80ad41-84da-4d88-af76-a0706f5e4d33"
SEL = "6bb3d074-b70d-40bb-92a9-d3a39c8b7a66"
CODING = "d32ae7eb-2e74-4722-891a-ea1a03f2e1dd"
TEXT = "Koordinasi antar dinas lemah. Anggaran terbatas."


def _qde(selection: str, *, code: str = CODE, note: str = NOTE) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="test">'
        f'<Users><User guid="{USER}" name="A"/></Users>'
        f'<CodeBook><Codes><Code guid="{code}" name="Koordinasi" isCodable="true"/></Codes>'
        "</CodeBook>"
        f'<Sources><TextSource guid="{SRC}" name="W1" plainTextPath="internal://{SRC}.txt">'
        f"{selection}</TextSource></Sources>"
        f'<Notes><Note guid="{note}" name="n"><PlainTextContent>isi</PlainTextContent></Note>'
        "</Notes></Project>"
    )


def _selection(
    guid: str | None = SEL,
    start: str = "0",
    code: str = CODE,
    coding: str | None = CODING,
    note: str = NOTE,
    inside: str | None = None,
    created: str = "",
    attrs: str = "",
    user: str | None = USER,
) -> str:
    """One selection; ``inside``: its coding's children (default: a CodeRef to ``code``
    and a NoteRef to ``note``); ``created``: the stamp of the selection and its coding;
    ``attrs``: more attributes of the selection; ``user``: its creating user."""
    own = f' guid="{guid}"' if guid is not None else ""
    coding_guid = f' guid="{coding}"' if coding is not None else ""
    if inside is None:
        inside = f'<CodeRef targetGUID="{code}"/><NoteRef targetGUID="{note}"/>'
    stamp = f' creationDateTime="{created}"' if created else ""
    by = f' creatingUser="{user}"' if user is not None else ""
    return (
        f'<PlainTextSelection{own} startPosition="{start}" endPosition="10"{by}{stamp}'
        f"{attrs}><Description> d </Description>"
        f'<Coding{coding_guid} creatingUser="{USER}"{stamp}>{inside}</Coding>'
        f'<NoteRef targetGUID="{note}"/></PlainTextSelection>'
    )


#: (label, selection XML, whether the fast reading may take it)
ODD = [
    ("plain", _selection(), True),
    ("two selections", _selection() + _selection("7cc4e185-c81e-41cc-a3ba-e4b4ad9c8b77"), True),
    ("braced selection", _selection("{6BB3D074-B70D-40BB-92A9-D3A39C8B7A66}"), False),
    ("upper-case coding", _selection(coding=CODING.upper()), False),
    ("no selection GUID", _selection(guid=None), False),
    ("no coding GUID", _selection(coding=None), False),
    ("not a GUID", _selection(guid="sel-1"), False),
    ("a line break in a GUID", _selection(guid=f"{SEL}&#10;{SEL}"), False),
    ("unknown code", _selection(code="2d7f9c30-73c9-4c77-9e65-9f6f5e4d3c22"), False),
    ("code spelled otherwise", _selection(code="{" + CODE.upper() + "}"), False),
    ("a note that does not exist", _selection(note="8dd5f296-d92f-42dd-b4cb-f5c5bead9c88"), True),
    ("note spelled otherwise", _selection(note=NOTE.upper()), False),
    ("bad position", _selection(start="x"), False),
    ("a coding with its CodeRef alone", _selection(inside=f'<CodeRef targetGUID="{CODE}"/>'), True),
    ("a coding with a NoteRef alone", _selection(inside=f'<NoteRef targetGUID="{NOTE}"/>'), False),
    (
        "a NoteRef before the CodeRef",
        _selection(inside=f'<NoteRef targetGUID="{NOTE}"/><CodeRef targetGUID="{CODE}"/>'),
        True,
    ),
    (
        "two CodeRefs",
        _selection(inside=f'<CodeRef targetGUID="{CODE}"/><CodeRef targetGUID="{CODE}"/>'),
        True,
    ),
    (
        "stamps shared",
        _selection(created="2026-12-06T08:28:24Z")
        + _selection("7cc4e185-c81e-41cc-a3ba-e4b4ad9c8b77", created="2026-12-06T08:28:24Z"),
        True,
    ),
    ("a stamp that is not a date", _selection(created="gestern"), True),
    (
        "a name and a modification",
        _selection(
            created="2026-12-06T08:28:24Z",
            attrs=f' name="Koordinasi" modifyingUser="{USER}" '
            'modifiedDateTime="2026-12-07T09:00:00Z"',
        ),
        True,
    ),
    ("a name, no creating user", _selection(user=None, attrs=' name="Koordinasi"'), True),
    (
        "an attribute of another namespace",
        _selection(attrs=' xmlns:x="urn:example" x:name="lain" name="Koordinasi"'),
        True,
    ),
]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Counts the sources the fast reading took; ``careful=True`` switches it off."""
    state = SimpleNamespace(taken=0, declined=0, careful=False)
    fast = SourcesReader._selections_as_written

    def wrapped(self: SourcesReader, *args: object) -> object:
        if state.careful:
            return None
        found = fast(self, *args)  # type: ignore[arg-type]
        state.taken += found is not None
        state.declined += found is None
        return found

    monkeypatch.setattr(SourcesReader, "_selections_as_written", wrapped)
    return state


@pytest.fixture
def numbered(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """New GUIDs numbered from 1 again at each call, so two readings can be compared."""
    counter: Iterator[int] = iter(())

    def fresh() -> str:
        return f"00000000-0000-4000-8000-{next(counter):012d}"

    def restart() -> None:
        nonlocal counter
        counter = itertools.count(1)

    monkeypatch.setattr(guids, "new_guid", fresh)
    monkeypatch.setattr(selections, "new_guid", fresh)
    restart()
    return restart


def _both(path: Path, counted: SimpleNamespace, restart: Callable[[], None]) -> Project:
    counted.careful = True
    careful = read_project(path)
    counted.careful = False
    restart()
    fast = read_project(path)
    assert fast == careful
    return fast


@pytest.mark.parametrize(("label", "selection", "fast"), ODD, ids=[o[0] for o in ODD])
def test_odd_selections_read_the_same_either_way(
    label, selection, fast, tmp_path, make_qdpx, counted, numbered
):
    path = make_qdpx(tmp_path / "odd.qdpx", _qde(selection), {f"sources/{SRC}.txt": TEXT.encode()})
    project = _both(path, counted, numbered)
    assert (counted.taken, counted.declined) == ((1, 0) if fast else (0, 1)), label
    assert project.selections or label == "bad position"  # that one is skipped


def test_real_files_read_the_same_either_way(samples, counted, numbered):
    for path in (samples.nvivo, samples.maxqda, samples.atlas_mac, samples.atlas_win):
        numbered()
        _both(path, counted, numbered)
    assert counted.taken >= 12  # the sources of all four files


def test_notes_read_before_the_sources_take_the_careful_reading(
    tmp_path, make_qdpx, counted, numbered
):
    qde = _qde(_selection())
    notes = qde[qde.index("<Notes>") : qde.index("</Notes>") + len("</Notes>")]
    qde = qde.replace(notes, "").replace("<Sources>", notes + "<Sources>")
    path = make_qdpx(tmp_path / "early.qdpx", qde, {f"sources/{SRC}.txt": TEXT.encode()})
    project = _both(path, counted, numbered)
    assert (counted.taken, counted.declined) == (0, 1)
    assert project.selections[0].note_guids == (NOTE,)


def test_a_note_defined_in_another_spelling_keeps_its_references(
    tmp_path, make_qdpx, counted, numbered
):
    """References read as written are remembered, so a note defined later in upper case
    is still the note they refer to (and takes its own spelling)."""
    path = make_qdpx(
        tmp_path / "upper.qdpx",
        _qde(_selection(), note=NOTE.upper()),
        {f"sources/{SRC}.txt": TEXT.encode()},
    )
    project = _both(path, counted, numbered)
    assert counted.taken == 1
    assert project.selections[0].note_guids == (NOTE.upper(),)
    assert project.selections[0].codings[0].note_guids == (NOTE.upper(),)


def test_stamps_are_parsed_once_and_their_memory_is_bounded():
    import datetime as dt

    from lxml import etree

    from qualcode.interop.refi.format import reader_base
    from qualcode.interop.refi.format.reader_base import ReaderBase
    from qualcode.interop.refi.format.xmlutil import parse_datetime

    reader = ReaderBase(None, etree.fromstring("<Project/>"), None)  # type: ignore[arg-type]
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    values = [
        (start + dt.timedelta(seconds=n)).isoformat().replace("+00:00", "Z")
        for n in range(reader_base._STAMPS_KEPT + 100)
    ]
    for value in values:
        assert reader.stamp(value) == parse_datetime(value)
        assert len(reader.stamps) <= reader_base._STAMPS_KEPT
    assert reader.stamps[values[-1]] == parse_datetime(values[-1])  # the latest are kept
    assert reader.stamp("gestern") is None
