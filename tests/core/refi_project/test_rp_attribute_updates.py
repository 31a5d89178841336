"""Coding attributes written by the import: a coding's first attributes set only the
columns its block gives, grouped by their values; a coding given attributes again (two
notes name it) gets the later block whole, as every block did before. Each batch size
puts the two notes of one coding in one batch or in two. (The stored form of each value
is checked against SQLAlchemy's in test_rp_stored_forms.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qualcode.interop.refi.project import import_sources
from qualcode.interop.refi.project.importer import import_refi_as_new
from support.refi_files import write_qdpx

USER = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
CODE = "1c6e8b2f-62b8-4b66-8d54-8e5e4d3c2b11"
SRC = "3e80ad41-84da-4d88-af76-a0706f5e4d33"
TEXT = "Koordinasi lemah. Anggaran terbatas. Warga belum paham. Data tersebar. Rapat jarang."
PHRASES = ["Koordinasi", "Anggaran", "Warga", "Data", "Rapat"]
CODINGS = [f"7{n}a2cf63-a6fc-4faa-8198-c2928b7a6f5{n}" for n in range(len(PHRASES))]

#: (coding, the block's lines after its GUID), in the file's order
BLOCKS = [
    (0, "\nValence: supporting"),
    (1, "\nValence: inhibiting\nMagnitude: tinggi\nPeriod: 2024\nEvent date: 2024-05-01"
        "\nWeight: 3\nNote: dua informan"),
    (2, ""),  # a GUID alone: nothing to write
    (3, "\nValence: supporting\nWeight: 3"),
    (4, "\nNote: saja"),
    (3, "\nValence: inhibiting"),  # the same coding again: this block, whole
    (0, "\nValence: supporting"),  # again, the same values
]  # fmt: skip

#: (valence, magnitude, period, event_date, weight, note) each coding ends with
EXPECTED = [
    ("supporting", None, None, None, None, ""),
    ("inhibiting", "tinggi", "2024", "2024-05-01", "3", "dua informan"),
    (None, None, None, None, None, ""),
    ("inhibiting", None, None, None, None, ""),
    (None, None, None, None, None, "saja"),
]


def _build(path: Path) -> Path:
    selections = ""
    for n, phrase in enumerate(PHRASES):
        start = TEXT.index(phrase)
        selections += (
            f'<PlainTextSelection guid="8{n}b3d074-b70d-40bb-92a9-d3a39c8b7a6{n}" '
            f'startPosition="{start}" endPosition="{start + len(phrase)}" '
            f'creatingUser="{USER}"><Coding guid="{CODINGS[n]}" creatingUser="{USER}">'
            f'<CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
        )
    notes = "".join(
        f'<Note guid="9{n}c4e185-c81e-41cc-a3ba-e4b4ad9c8b7{n}" name="Coding attributes">'
        f"<Description>[QualCode]\nCoding GUID: {CODINGS[coding]}{tail}</Description>"
        f"<PlainTextContent>{tail.strip()}</PlainTextContent></Note>"
        for n, (coding, tail) in enumerate(BLOCKS)
    )
    sections = (
        f'<Users><User guid="{USER}" name="Ana"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE}" name="Koordinasi" isCodable="true"/></Codes>'
        f'</CodeBook><Sources><TextSource guid="{SRC}" name="W1" '
        f'plainTextPath="internal://{SRC}.txt">{selections}</TextSource></Sources>'
        f"<Notes>{notes}</Notes>"
    )
    return write_qdpx(path, sections, name="Attributes", origin="QualCode 1.0", texts={SRC: TEXT})


@pytest.mark.parametrize("batch", [1, 2, 3, 5_000])
def test_each_coding_ends_with_its_last_block(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(import_sources, "_UPDATES", batch)
    target = tmp_path / "attributes.qdaproj"
    report = import_refi_as_new(_build(tmp_path / "attributes.qdpx"), target, coder="ana")
    db = sqlite3.connect(target)
    rows = db.execute(
        "SELECT guid, valence, magnitude, period, event_date, weight, note FROM coding "
        "ORDER BY start_pos"
    ).fetchall()
    assert [r[0] for r in rows] == CODINGS
    assert [r[1:] for r in rows] == EXPECTED
    assert db.execute("SELECT count(*) FROM memo").fetchone()[0] == 0
    assert report.counts["codings"] == len(CODINGS)
