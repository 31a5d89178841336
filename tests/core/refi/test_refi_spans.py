"""The reader's index of every selection streamed (for the cases and links read last):
the first selection of a GUID wins, whatever its spelling, within a source or across."""

from __future__ import annotations

from qualcode.interop.refi.format.model import SelectionColumns, TextSelection
from qualcode.interop.refi.format.reader import _Spans

A = "0b5f7a1e-51a7-4a55-9c43-7f4d3c2b1a00"
B = "1c6e8b2f-62b8-4b66-8d54-8e5e4d3c2b11"
C = "2d7f9c30-73c9-4c77-9e65-9f6f5e4d3c22"


def _sel(guid: str, source: str, start: int, name: str = "") -> TextSelection:
    return TextSelection(guid, source, start, start + 5, name)


def _add(spans: _Spans, source: str, selections: list[TextSelection]) -> None:
    spans.add(source, SelectionColumns.of(source, selections))


def test_first_selection_of_a_guid_wins_within_and_across_sources() -> None:
    spans = _Spans()
    _add(spans, "s1", [_sel(A, "s1", 0, "first"), _sel(B, "s1", 10), _sel(A, "s1", 20)])
    _add(spans, "s2", [_sel(C, "s2", 3), _sel(B.upper(), "s2", 7, "again")])
    _add(spans, "s2", [_sel("{" + C.upper() + "}", "s2", 30)])

    assert spans.selection(A) == TextSelection(A, "s1", 0, 5, "first")
    assert spans.selection(B.upper()) == TextSelection(B, "s1", 10, 15)
    assert spans.selection(C) == TextSelection(C, "s2", 3, 8)
    assert "{" + A.upper() + "}" in spans and C in spans
    assert "3e80ad41-84da-4d88-af76-a0706f5e4d33" not in spans and 7 not in spans


def test_a_source_of_new_guids_is_indexed_in_order() -> None:
    spans = _Spans()
    guids = [f"{n:08x}-0000-4000-8000-000000000000" for n in range(300)]
    _add(spans, "s1", [_sel(g, "s1", i) for i, g in enumerate(guids[:150])])
    _add(spans, "s2", [_sel(g, "s2", i) for i, g in enumerate(guids[150:])])
    assert [spans.selection(g).start for g in guids] == list(range(150)) * 2
    assert {spans.selection(g).source_guid for g in guids[150:]} == {"s2"}


def test_sources_added_after_a_lookup_are_found() -> None:
    spans = _Spans()
    _add(spans, "s1", [_sel(A, "s1", 0)])
    assert A in spans and B not in spans
    _add(spans, "s2", [_sel(B, "s2", 4, "kutipan"), _sel(A, "s2", 9)])
    assert spans.selection(B) == TextSelection(B, "s2", 4, 9, "kutipan")
    assert spans.selection(A) == TextSelection(A, "s1", 0, 5)
