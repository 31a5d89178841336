"""Coding-attributes notes read the short way (as our exporter writes them: the GUID cut
off, the lines after it in one match or from an earlier note's parse) give what the
general reading of a ``[QualCode]`` block gives, for every shape of block."""

from __future__ import annotations

import itertools

import pytest

from qualcode.interop.refi.project import import_sources
from qualcode.interop.refi.project.import_sources import CODING_KEYS, SourceStream

GUID = "01a24c57-fbee-7832-afae-f4acaededc1e"
NOTE = "7f4a4a57-33ef-52d4-9707-004cb9054a2c"  # the note's own GUID
VALUES = {
    "Coding GUID": [GUID, f"  {GUID} ", ""],
    "Valence": ["supporting", " inhibiting ", "bukan valensi", ""],
    "Magnitude": ["tinggi", "x" * 40, "  "],
    "Period": ["2024", "p" * 70],
    "Event date": ["2024-05-01", "kemarin", " 2024-05-01 "],
    "Weight": ["3", " 0.5 "],
    "Note": ["Dikonfirmasi: dua informan.", "", "[QualCode]"],
}


def _blocks() -> list[str]:
    out: list[str] = []
    for size in range(1, len(CODING_KEYS) + 1):
        for keys in itertools.combinations(CODING_KEYS, size):
            for pick in range(3):
                lines = [f"{k}: {VALUES[k][pick % len(VALUES[k])]}" for k in keys]
                out.append("\n".join(["[QualCode]", *lines]))
    base = f"[QualCode]\nCoding GUID: {GUID}\nValence: supporting"
    out += [
        base + "\n",  # a trailing line break
        "Catatan peneliti.\n" + base,  # text before the block
        f"[QualCode]\nValence: supporting\nCoding GUID: {GUID}",  # another order
        base + "\nNote: baris satu\nbaris dua",  # a note of two lines
        base + "\nValence: neutral",  # a key given twice
        base.replace(": ", ":", 1),  # no space after a colon
        f"[QualCode]\nCoding GUID: {GUID}\nValence: [QualCode]\nWeight: 3",
        "no block at all",
        "",
    ]
    return out


def _stream() -> SourceStream:
    stream = SourceStream.__new__(SourceStream)
    stream._updates, stream._tails, stream.note_refs = [], {}, {}
    return stream


@pytest.mark.parametrize("description", _blocks())
def test_one_match_reads_a_block_as_the_general_reading_does(monkeypatch, description):
    fast, general = _stream(), _stream()
    taken = fast.take_note(NOTE, None, description)
    again = fast.take_note(NOTE, None, description)  # the second time from the tails read
    monkeypatch.setattr(import_sources, "_CODING_HEAD", "\0never")  # the general reading
    assert general.take_note(NOTE, None, description) is taken is again
    assert fast._updates == general._updates * 2


def test_blocks_as_the_exporter_writes_them_are_read_in_one_match():
    head = import_sources._CODING_HEAD

    def tail(block: str) -> str:  # what follows the GUID's line, as the import cuts it
        end = block.find("\n", len(head))
        return block[end:] if end >= 0 else ""

    matched = [
        d for d in _blocks() if d.startswith(head) and import_sources._CODING_TAIL.match(tail(d))
    ]
    assert len(matched) >= 3 * 2 ** (len(CODING_KEYS) - 1)  # each subset with the GUID


def test_the_tails_read_give_each_coding_its_own_guid_and_stop_growing(monkeypatch):
    monkeypatch.setattr(import_sources, "_TAILS_KEPT", 2)
    stream = _stream()
    tails = ["\nValence: supporting", "\nValence: inhibiting", "\nWeight: 3", ""]
    guids = [f"01a24c57-fbee-7832-afae-f4acaededc{n:02x}" for n in range(8)]
    for guid, tail in zip(guids, tails * 2, strict=True):
        assert stream.take_note(NOTE, None, f"[QualCode]\nCoding GUID: {guid}{tail}")
    assert len(stream._tails) == 2
    assert [guid for guid, _values in stream._updates] == guids
    valences = [values[0] for _guid, values in stream._updates]
    assert valences == ["supporting", "inhibiting", None, None] * 2
    assert [values[4] for _guid, values in stream._updates] == [None, None, "3", None] * 2


def test_a_note_taken_drops_the_references_to_it_by_either_spelling():
    stream = _stream()
    spelled = "{7F4A4A57-33EF-52D4-9707-004CB9054A2C}"
    other = "0843c1e6-cf68-5d84-ad78-2f9756af1a74"
    stream.note_refs = {NOTE: [("coding", 7)], spelled: [("coding", 8)], other: [("source", 1)]}
    assert stream.take_note(NOTE, spelled, f"[QualCode]\nCoding GUID: {GUID}")
    assert stream.note_refs == {other: [("source", 1)]}
    assert not stream.take_note(other, None, "Catatan peneliti.")  # a memo: kept
    assert stream.note_refs == {other: [("source", 1)]}
