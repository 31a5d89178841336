"""Large values (a transcript's text, its original file) are streamed and kept out of undo.

The insert's undo image holds the row's key and small columns only; undoing it
reads the large values back so redo restores the row exactly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from qualcode.errors import ImportFailedError
from qualcode.project import Project
from qualcode.sources.extract.original import OriginalFile
from qualcode.store import large, rowcodec
from qualcode.store import tables as t
from support.snapshots import snapshot

TEXT = "P: Bagaimana “sosialisasi” aplikasi 😀 di desa?\nI: Jaringan internet masih terbatas.\n"


def _data(project: Project) -> dict[str, object]:
    """The project's rows but the coder table (the first operation adds its coder for good)."""
    rows: dict[str, object] = dict(snapshot(project))
    rows.pop("coder")
    return rows


def _step_sizes(project: Project) -> list[int]:
    with project.reading() as conn:
        return [len(b) for b in conn.execute(select(t.undo_step.c.changes)).scalars()]


def _last_step(project: Project) -> list[object]:
    with project.reading() as conn:
        blob = conn.execute(
            select(t.undo_step.c.changes).order_by(t.undo_step.c.id.desc()).limit(1)
        ).scalar_one()
    return rowcodec.unpack(blob)


def test_large_text_is_stored_exactly_and_undo_keeps_it_out(project: Project) -> None:
    text = TEXT * 4000  # ~340k characters, beyond ASCII and the BMP
    original = bytes(range(256)) * 1000
    before = _data(project)
    source = project.sources.add_text("Besar", text, original=original).result
    assert source is not None
    assert project.sources.text(source.id) == text
    assert project.sources.original(source.id) == original
    assert source.length == len(text)
    if project.engine.dialect.name == "sqlite":
        with project.reading() as conn:
            stored = conn.exec_driver_sql(
                "SELECT typeof(text), typeof(original) FROM source_content"
            ).one()
        assert tuple(stored) == ("text", "blob")  # a TEXT value, as an ordinary insert stores
    (entry,) = [e for e in _last_step(project) if e[1] == "source_content"]
    assert set(entry[2][0]) == {"source_id"}  # neither text nor original in the undo image
    assert max(_step_sizes(project)) < 10_000
    after = _data(project)

    project.undo()
    assert _data(project) == before
    project.redo()
    assert _data(project) == after
    project.undo()
    assert _data(project) == before
    project.redo()
    assert _data(project) == after
    assert project.sources.text(source.id) == text


def test_small_values_keep_the_whole_image(project: Project) -> None:
    project.sources.add_text("Kecil", TEXT, original=b"abc")
    (entry,) = [e for e in _last_step(project) if e[1] == "source_content"]
    assert entry[2][0]["text"] == TEXT and entry[2][0]["original"] == b"abc"


def test_is_large_threshold() -> None:
    assert not large.is_large("x" * large.LARGE)
    assert large.is_large("x" * (large.LARGE + 1))
    assert large.is_large(b"\0" * (large.LARGE + 1))
    assert not large.is_large(12)


def test_original_file_is_streamed_and_checked(file_project: Project, tmp_path: Path) -> None:
    data = ("kebijakan smart city " * 20_000).encode()
    path = tmp_path / "asli.txt"
    path.write_bytes(data)
    original = OriginalFile(path, len(data), hashlib.sha256(data).hexdigest())
    source = file_project.sources.add_text("Asli", data.decode(), original=original).result
    assert source is not None
    assert file_project.sources.original(source.id) == data
    assert source.sha256 == original.sha256

    before = snapshot(file_project)
    path.write_bytes(data.replace(b"smart", b"SMART", 1))  # same size, other bytes
    with pytest.raises(ImportFailedError, match="changed while it was being imported"):
        file_project.sources.add_text("Lagi", data.decode(), original=original)
    assert snapshot(file_project) == before  # the failed insert rolled back
