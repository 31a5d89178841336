"""The selection builder: selections left as read when nothing needs merging, merged
when a span, a GUID, a coding or a note repeats; word-boundary fit at the text's ends."""

from __future__ import annotations

from qualcode.interop.refi.format.guids import GuidTable, are_guid_keys
from qualcode.interop.refi.format.model import Coding, SelectionColumns, TextSelection
from qualcode.interop.refi.format.positions import CODEPOINTS, PositionConverter, StoredText, fit
from qualcode.interop.refi.format.selections import SelectionBuilder

TEXT = "Kebijakan smart city berjalan baik di kelurahan."
G = [f"00000000-0000-4000-8000-{n:012d}" for n in range(10)]


def _sel(
    guid: str, start: int, end: int, *codes: str, notes: tuple[str, ...] = ()
) -> TextSelection:
    codings = tuple(Coding(f"{guid[:-4]}c{n:03d}", code) for n, code in enumerate(codes))
    return TextSelection(guid, "src", start, end, codings=codings, note_guids=notes)


def _built(*selections: TextSelection) -> tuple[list[TextSelection], dict[str, str]]:
    builder = SelectionBuilder("QualCode")
    builder.add_source("src", "Source", TEXT, _columns(*selections))
    built, remap = builder.build([])  # objects, with the GUIDs each merge folded
    return list(built), remap


def _columns(*selections: TextSelection) -> SelectionColumns:
    return SelectionColumns.of(selections[0].source_guid, selections)


def test_selections_needing_no_merge_come_back_as_read():
    raws = [_sel(G[0], 0, 9, "a"), _sel(G[1], 10, 20, "a", "b"), _sel(G[2], 0, 20, "b")]
    out, remap = _built(*raws)
    assert out == raws and remap == {}
    builder = SelectionBuilder("QualCode")  # handed on in columns, as they were read
    builder.add_source("src", "Source", TEXT, SelectionColumns.of("src", raws))
    built = builder.build_last({})
    assert isinstance(built, SelectionColumns) and built.selections() == raws


def test_note_references_are_rewritten_also_on_selections_kept_as_written():
    """Selections whose positions stay and whose spans do not repeat are kept as they
    are, not paired with their positions: the notes read later still reach them."""
    builder = SelectionBuilder("QualCode")
    raws = [_sel(G[0], 0, 9, "a", notes=(G[5],)), _sel(G[1], 10, 20, "b", notes=(G[6],))]
    builder.add_source("src", "Source", TEXT, _columns(*raws))
    builder.keep_notes(lambda guids: tuple(g for g in guids if g != G[5]))  # G[5]: no note
    selections, remap = builder.build([])
    assert [s.note_guids for s in selections] == [(), (G[6],)]
    assert [c.code_guid for s in selections for c in s.codings] == ["a", "b"]
    assert remap == {}


def test_a_repeated_span_is_merged_with_all_codings():
    out, remap = _built(_sel(G[0], 0, 9, "a"), _sel(G[1], 0, 9, "b"), _sel(G[2], 10, 20, "a"))
    assert [(s.guid, s.start, s.end) for s in out] == [(G[0], 0, 9), (G[2], 10, 20)]
    assert [c.code_guid for c in out[0].codings] == ["a", "b"]
    assert out[0].merged_guids == (G[1],) and remap == {G[1]: G[0]}


def test_a_guid_given_twice_gets_a_new_one():
    out, _ = _built(_sel(G[0], 0, 9, "a"), _sel(G[0], 10, 20, "b"))
    assert out[0].guid == G[0] and out[1].guid not in (G[0], "")
    assert [s.start for s in out] == [0, 10]


def test_a_coding_or_note_given_twice_is_kept_once():
    twice = _sel(G[0], 0, 9, "a", "a", notes=(G[5], G[5]))
    out, _ = _built(twice, _sel(G[1], 10, 20, "b"))
    assert [c.code_guid for c in out[0].codings] == ["a"]
    assert out[0].note_guids == (G[5],)
    assert out[1].guid == G[1]


def test_a_guid_of_an_earlier_source_gets_a_new_one_when_built_together():
    builder = SelectionBuilder("QualCode")
    builder.add_source("s1", "One", TEXT, _columns(_sel(G[0], 0, 9, "a")))
    builder.add_source("s2", "Two", TEXT, _columns(_sel(G[0], 10, 20, "a")))
    selections, _ = builder.build([])
    assert selections[0].guid == G[0] and selections[1].guid != G[0]


def test_fit_counts_the_ends_of_the_text_as_boundaries():
    text = StoredText("ab cd")
    converter = PositionConverter(text, CODEPOINTS)
    assert fit(converter, [(0, 5, "")]).boundaries == 2  # both ends of the text
    assert fit(converter, [(0, 2, ""), (3, 5, "")]).boundaries == 4
    assert fit(converter, [(1, 4, "")]).boundaries == 0  # cuts "ab" and "cd"
    assert fit(converter, [(5, 5, "")]).boundaries == 2


def test_define_keeps_a_canonical_guid_and_the_spelling_of_an_earlier_reference():
    table = GuidTable()
    assert table.define(G[1]) == (G[1], None)
    assert table.canon(G[1]) == G[1]
    lower = "abcdef01-2345-4678-89ab-cdef01234567"
    upper = lower.upper()
    assert table.canon(upper) == upper  # referenced first, spelled in upper case
    assert table.define(lower) == (lower, upper)  # its own spelling wins from now on
    assert table.canon(upper) == lower
    assert table.define(lower) == (lower, None)


def test_guids_are_taken_as_written_only_when_all_are_canonical():
    lower = "abcdef01-2345-4678-89ab-cdef01234567"
    assert GuidTable().as_written([G[0], G[1]], [lower])
    assert not GuidTable().as_written([G[0][:-1], G[1] + "0"], [])  # 35 and 37 long
    assert not GuidTable().as_written([G[0][:-1] + "\n", G[1]], [])  # a line break inside
    for odd in (
        lower.upper(),
        "{" + lower + "}",
        lower[:-1],
        lower + "0",
        lower.replace("-", "0"),
        lower[:8] + "0" + lower[9:13] + "-" + lower[14:],
        "sel-1",
        "",
    ):
        assert not GuidTable().as_written([G[0], odd], []), odd
    table = GuidTable()
    assert table.canon(lower.upper()) == lower.upper()  # another spelling of it was met
    assert not table.as_written([lower], [])
    assert table.as_written([], [])


def test_guid_keys_are_recognised_all_at_once():
    assert are_guid_keys(G[:3]) and are_guid_keys([G[0]])
    assert not are_guid_keys([])  # nothing to take as written
    assert not are_guid_keys([G[0], "{" + G[1] + "}"])
    assert not are_guid_keys([G[0], G[1].replace("0", "A")])
    one = G[0]
    for odd in (
        one[:5] + "x" + one[6:],  # a letter that is not hex (x, g) where a digit goes
        one[:5] + "g" + one[6:],
        one[:8] + "0" + one[9:],  # a digit where a hyphen goes
        one[:35] + "é",  # not ASCII
        one[:35] + "\n",
        one[:35] + "\x80",
    ):
        assert not are_guid_keys([G[1], odd]), odd
    assert not are_guid_keys([one[:-1], G[1] + "0"])  # right in total, wrong one by one


def test_positions_outside_the_text_or_reversed_are_mended():
    out, _ = _built(_sel(G[0], 9, 0, "a"), _sel(G[1], 10, 20, "b"))
    assert [(s.start, s.end) for s in out] == [(0, 9), (10, 20)]  # the ends swapped
    builder = SelectionBuilder("QualCode")
    builder.add_source("src", "Source", TEXT, _columns(_sel(G[0], 10, len(TEXT) + 40, "a")))
    built = builder.build_last({})
    assert built is not None
    (clamped,) = built.selections()
    assert (clamped.start, clamped.end) == (10, len(TEXT))
    messages: list = []
    builder.report(messages)
    assert any(m.kind == "positions-clamped" for m in messages)
