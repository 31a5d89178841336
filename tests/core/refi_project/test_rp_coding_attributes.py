"""Coding-attributes notes read in one match (as our exporter writes them) give what the
general reading of a ``[QualCode]`` block gives, for every shape of block."""

from __future__ import annotations

import itertools
import re

import pytest

from qualcode.interop.refi.project import import_sources
from qualcode.interop.refi.project.import_sources import CODING_KEYS, SourceStream

GUID = "01a24c57-fbee-7832-afae-f4acaededc1e"
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


@pytest.mark.parametrize("description", _blocks())
def test_one_match_reads_a_block_as_the_general_reading_does(monkeypatch, description):
    fast, general = SourceStream.__new__(SourceStream), SourceStream.__new__(SourceStream)
    fast._updates, general._updates = [], []
    taken = fast.coding_attributes(description)
    monkeypatch.setattr(import_sources, "_CODING_BLOCK", re.compile(r"(?!)"))  # never matches
    assert general.coding_attributes(description) is taken
    assert fast._updates == general._updates


def test_blocks_as_the_exporter_writes_them_are_read_in_one_match():
    matched = [d for d in _blocks() if import_sources._CODING_BLOCK.match(d)]
    assert len(matched) >= 3 * 2 ** (len(CODING_KEYS) - 1)  # each subset with the GUID
