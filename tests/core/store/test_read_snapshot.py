"""``Project.snapshot``: reads inside share one connection (one consistent view)."""

from __future__ import annotations

from pathlib import Path

from qualcode.project import Project


def test_reads_in_a_snapshot_share_one_connection_and_see_one_moment(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaproj"
    with Project.create(path, coder="ana") as p:
        p.sources.add_text("W1", "satu\ndua\n")
    with (
        Project.open(path, coder="ana") as writer,
        Project.open(path, coder="ana", read_only=True) as reader,
    ):
        with reader.snapshot():
            with reader.reading() as first, reader.reading() as second:
                assert first is second
            before = [s.name for s in reader.sources.all()]
            writer.sources.add_text("W2", "tiga\n")  # another connection commits meanwhile
            assert [s.name for s in reader.sources.all()] == before == ["W1"]
        assert [s.name for s in reader.sources.all()] == ["W1", "W2"]  # a new view after it


def test_an_operation_inside_a_snapshot_uses_its_own_connection(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaproj"
    with Project.create(path, coder="ana") as p, p.snapshot():
        made = p.sources.add_text("W1", "satu\n").result
        assert made.name == "W1"
