"""The reader streams a project to a sink: each source with its selections, then the
notes, keeping nothing it handed over; what it returns completes the same project."""

from __future__ import annotations

from qualcode.interop.refi.format import read_project
from qualcode.interop.refi.project.exporter import export_qdpx


class _Sink:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.asked: list[str] = []  # notes offered to take_note
        self.built: list[str] = []  # notes handed over built

    def begin(self, head):
        self.calls.append(("begin", (len(head.users), len(head.codes), len(head.variables))))

    def source(self, source, selections):
        self.calls.append(("source", (source.guid, selections.selections())))

    def take_note(self, guid, earlier, description):
        self.asked.append(guid)
        return description.startswith("[QualCode]")  # coding attributes: never built

    def note(self, note, earlier):
        self.built.append(note.guid)
        return note.name == "taken when built"


def test_reader_streams_sources_and_notes_to_a_sink(rich_path, tmp_path, open_project):
    out = tmp_path / "rich.qdpx"
    with open_project(rich_path) as p:
        export_qdpx(p, out)
    whole = read_project(out)
    sink = _Sink()
    streamed = read_project(out, sink=sink)

    kinds = [kind for kind, _ in sink.calls]
    assert kinds == ["begin"] + ["source"] * len(whole.sources)
    assert sink.calls[0][1] == (len(whole.users), len(whole.codes), len(whole.variables))
    expected = [
        (s.guid, [sel for sel in whole.selections if sel.source_guid == s.guid])
        for s in whole.sources
    ]
    assert [args for _, args in sink.calls[1:]] == expected  # every field, in columns
    assert streamed.sources == ()
    taken = {n.guid for n in whole.notes if n.description.startswith("[QualCode]")}
    assert taken and {n.guid for n in streamed.notes} == {n.guid for n in whole.notes} - taken
    assert sink.asked == [n.guid for n in whole.notes if n.description]
    assert sink.built == [n.guid for n in whole.notes if n.guid not in taken]
    assert streamed.cases == whole.cases and streamed.sets == whole.sets
    assert streamed.links == whole.links
    wanted = {g for case in whole.cases for g in case.selection_guids}
    assert wanted and {s.guid for s in streamed.selections} == wanted
    spans = {s.guid: (s.source_guid, s.start, s.end) for s in whole.selections}
    assert all(spans[s.guid] == (s.source_guid, s.start, s.end) for s in streamed.selections)
    assert [m.kind for m in streamed.messages] == [m.kind for m in whole.messages]
