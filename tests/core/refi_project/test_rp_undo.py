"""Undo and redo of a REFI-QDA import restore the project exactly.

The import records only the keys of the rows it inserts (a large project's undo step
is a list of ids), and coding attributes arrive after their codings; undo reads the
rows back before removing them, so redo brings back every column, attributes included.
"""

from __future__ import annotations

from sqlalchemy import select

from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.store import tables as t
from support.snapshots import snapshot


def _exported(rich_path, tmp_path, open_project):
    out = tmp_path / "rich.qdpx"
    with open_project(rich_path) as p:
        export_qdpx(p, out)
    return out


def _undo_redo(project, path):
    before = snapshot(project)
    import_refi(path, project)
    after = snapshot(project)
    assert after != before
    assert project.undo_label() == "Import REFI-QDA project"
    project.undo()
    assert snapshot(project) == before
    project.redo()
    assert snapshot(project) == after
    project.undo()
    assert snapshot(project) == before
    project.redo()
    return after


def test_import_into_a_new_project_undoes_and_redoes_exactly(
    rich_path, tmp_path, project, open_project
):
    path = _exported(rich_path, tmp_path, open_project)
    project.codes.create("Sementara")  # the importing coder's row, made by a first change
    project.undo()
    _undo_redo(project, path)
    with project.reading() as conn:
        attrs = set(conn.execute(select(t.coding.c.valence, t.coding.c.period)))
    assert ("supporting", None) in attrs and (None, "2024") in attrs  # set after the insert


def test_import_merged_into_data_undoes_and_redoes_exactly(
    rich_path, tmp_path, project, open_project
):
    path = _exported(rich_path, tmp_path, open_project)
    own = project.sources.add_text("Catatan", "Catatan lapangan peneliti.").result
    code = project.codes.create("Milik sendiri").result
    project.codings.apply(own.id, 0, 7, code.id)
    import_refi(path, project)
    with project.reading() as conn:
        first = conn.execute(select(t.coding.c.id).order_by(t.coding.c.id.desc())).scalar()
    project.codings.remove([first])  # the next import brings this one back, merging the rest
    _undo_redo(project, path)
    assert project.info().codings == 8
