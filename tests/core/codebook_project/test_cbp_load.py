"""Loading codebooks into a project: every shipped codebook, round trips, merging, undo."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from qualcode.codebooks.baseline import book_to_json
from qualcode.codebooks.export import export_codebook, export_codebook_yaml
from qualcode.codebooks.files import (
    Codebook,
    dump_codebook,
    find_codebook,
    load_codebook,
    parse_codebook,
    shipped_codebooks,
)
from qualcode.codebooks.project import SLASH_STANDIN, load_codebook_into
from qualcode.errors import ValidationError
from qualcode.project import Project
from qualcode.store import tables as t
from support.snapshots import snapshot

BOOKS = {b.id: b for b in shipped_codebooks()}


def tree(project: Project) -> list[tuple[Any, ...]]:
    """The code tree as comparable rows: path, codebook ids and texts."""
    return [
        (project.codes.path_text(c.id), c.codebook, c.codebook_code, c.color, c.short,
         c.description, c.inclusion, c.exclusion, c.example, tuple(sorted(c.labels.items())))
        for c in project.codes.all()
    ]  # fmt: skip


def baselines(project: Project) -> dict[str, str]:
    info = t.project_info.c
    with project.reading() as conn:
        rows = conn.execute(select(info.key, info.value).where(info.key.like("codebook:%")))
        return dict(rows.all())


def edited(book: Codebook, code_id: str, **changes: Any) -> Codebook:
    """``book`` with one code's fields replaced (anywhere in the tree)."""

    def walk(codes: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            dataclasses.replace(
                c, **{"children": walk(c.children), **(changes if c.id == code_id else {})}
            )
            for c in codes
        )

    return dataclasses.replace(book, codes=walk(book.codes))


def test_eight_codebooks_are_shipped() -> None:
    assert len(BOOKS) == 8


@pytest.mark.parametrize("book_id", sorted(BOOKS))
def test_load_and_round_trip(sqlite_project: Project, tmp_path: Path, book_id: str) -> None:
    project = sqlite_project
    book = BOOKS[book_id]
    report = load_codebook_into(project, book_id)
    assert report.created == tuple(book.code_ids())
    assert not report.conflicts and report.changed
    codes = {c.codebook_code: c for c in project.codes.all()}
    for path, code in book.iter_codes():
        mine = codes[code.id]
        assert mine.codebook == book_id
        assert mine.name == code.label["id"].replace("/", SLASH_STANDIN)
        assert mine.labels == code.label
        assert mine.description == code.text("definition", "id")
        assert mine.inclusion == (code.text("when_to_use", "id") if code.when_to_use else "")
        assert mine.example == code.example
        parent = codes[path[-2]].id if len(path) > 1 else None
        assert mine.parent_id == parent
    assert {(s.codebook, s.codebook_set) for s in project.sets.all()} == {
        (book_id, s.id) for s in book.sets
    }
    # export gives the very same codebook, and its YAML loads back to it
    exported = export_codebook(project, book_id).book
    assert exported == book
    out = export_codebook_yaml(project, tmp_path / f"{book_id}.yaml", book_id)
    assert load_codebook(out) == book
    # load -> export -> load into a fresh project gives the same tree and texts
    with Project.create(tmp_path / "again.qdaproj", coder="ana") as again:
        load_codebook_into(again, load_codebook(out))
        assert tree(again) == tree(project)


def test_all_codebooks_in_one_project(sqlite_project: Project) -> None:
    project = sqlite_project
    for book in BOOKS.values():
        load_codebook_into(project, book)
    assert len(project.codes.all()) == sum(len(b.code_ids()) for b in BOOKS.values())
    for book in BOOKS.values():
        assert export_codebook(project, book.id).book == book
    # cross-codebook links point at project codes once both codebooks are loaded
    links = project.codes.links()
    assert links and all(link.to_code_id is not None for link in links)
    # the whole project exports as one codebook that parses back
    whole = export_codebook(project).book
    assert parse_codebook(dump_codebook(whole), "whole.yaml") == whole
    assert len(whole.code_ids()) == len(project.codes.all())


def test_links_wait_for_the_target_codebook(project: Project) -> None:
    load_codebook_into(project, "factors", language="en")
    budget = next(c for c in project.codes.all() if c.codebook_code == "INHIBIT.BUDGET")
    refs = {x.target_ref for x in project.codes.links(budget.id)}
    assert refs == {"edwards3:RES.5", "smartcity-readiness:STR.2"}
    load_codebook_into(project, "edwards3", language="en")
    res5 = next(c for c in project.codes.all() if c.codebook_code == "RES.5")
    by_target = {x.to_code_id: x for x in project.codes.links(budget.id)}
    assert res5.id in by_target and by_target[res5.id].target_ref is None
    assert budget.name == "Budget limits" and res5.name == "Budget"


def test_reload_is_idempotent(project: Project) -> None:
    load_codebook_into(project, "edwards3")
    before, info = snapshot(project), baselines(project)
    steps = project.undo_label()
    report = load_codebook_into(project, "edwards3")
    assert not report.changed and not report.created and not report.conflicts
    assert report.unchanged == tuple(BOOKS["edwards3"].code_ids())
    assert snapshot(project) == before and baselines(project) == info
    assert project.undo_label() == steps
    project.undo()  # the one load step goes back as a whole
    assert project.codes.all() == [] and baselines(project) == {}


def test_load_undo_redo(project: Project) -> None:
    project.codes.create("Kode awal")  # the acting coder exists before the snapshot
    before, info = snapshot(project), baselines(project)
    changes = load_codebook_into(project, "factors").changes
    assert changes is not None and project.undo_label() == changes.label
    after, info_after = snapshot(project), baselines(project)
    project.undo()
    assert snapshot(project) == before and baselines(project) == info
    project.redo()
    assert snapshot(project) == after and baselines(project) == info_after
    assert any(e.op == "codebook.load" for e in project.audit_log())


def test_merge_keeps_edits_and_reports_conflicts(project: Project) -> None:
    book = BOOKS["edwards3"]
    load_codebook_into(project, book)
    codes = {c.codebook_code: c for c in project.codes.all()}
    project.codes.update(codes["COM.1"].id, description="Definisi saya sendiri.")
    project.codes.rename(codes["COM.2"].id, "Kejelasan pesan")
    mine = project.codes.create("Koordinasi informal", parent_id=codes["BUR"].id).result
    assert mine is not None
    # a newer file: COM.1 and COM.3 definitions change, COM.2 relabelled, DIS.3 removed
    newer = edited(book, "COM.1", definition={"en": "New.", "id": "Baru."})
    newer = edited(newer, "COM.3", definition={"en": "Newer.", "id": "Lebih baru."})
    newer = edited(newer, "COM.2", label={"en": "Clarity", "id": "Kejelasan kebijakan"})
    dis = newer.code("DIS")
    assert dis is not None
    newer = edited(newer, "DIS", children=tuple(c for c in dis.children if c.id != "DIS.3"))
    newer = dataclasses.replace(
        newer,
        sets=tuple(
            dataclasses.replace(s, codes=tuple(c for c in s.codes if c != "DIS.3"))
            for s in newer.sets
        ),
    )
    report = load_codebook_into(project, newer)
    conflicts = {(c.code, c.field): c for c in report.conflicts}
    assert set(conflicts) == {("edwards3:COM.1", "description"), ("edwards3:COM.2", "name")}
    assert conflicts[("edwards3:COM.1", "description")].project_value == "Definisi saya sendiri."
    assert conflicts[("edwards3:COM.2", "name")].file_value == "Kejelasan kebijakan"
    assert report.updated == ("COM.2", "COM.3")  # COM.2's labels were not edited
    assert report.removed_from_file == ("DIS.3",)
    after = {c.codebook_code: c for c in project.codes.all() if c.codebook_code}
    assert after["COM.1"].description == "Definisi saya sendiri."
    assert after["COM.3"].description == "Lebih baru."
    assert after["COM.2"].name == "Kejelasan pesan"
    assert after["COM.2"].labels["id"] == "Kejelasan kebijakan"
    assert "DIS.3" in after
    assert project.codes.find("Struktur birokrasi/Koordinasi informal").id == mine.id
    # the export keeps the researcher's edits and the added code
    exported = export_codebook(project, "edwards3").book
    com1 = exported.code("COM.1")
    assert com1 is not None and com1.definition["id"] == "Definisi saya sendiri."
    assert exported.code("KOORDINASI_INFORMAL") is not None
    assert exported.parent_of("KOORDINASI_INFORMAL") == exported.code("BUR")


def test_skip_optional_and_language(project: Project) -> None:
    report = load_codebook_into(project, "edwards3", skip_optional=True, language="en")
    assert report.skipped_optional == ("RES.5",)
    names = {c.codebook_code: c.name for c in project.codes.all()}
    assert "RES.5" not in names and names["COM"] == "Communication"
    # re-loading without the flag adds the optional code, in the remembered language
    again = load_codebook_into(project, "edwards3")
    assert again.language == "en" and again.created == ("RES.5",)
    with pytest.raises(ValidationError):
        load_codebook_into(project, "edwards3", language="jv")


def test_deleted_code_comes_back(project: Project) -> None:
    load_codebook_into(project, "edwards3")
    com3 = next(c for c in project.codes.all() if c.codebook_code == "COM.3")
    project.codes.delete(com3.id)
    report = load_codebook_into(project, "edwards3")
    assert report.created == ("COM.3",)
    assert export_codebook(project, "edwards3").book == find_codebook("edwards3")


def test_baseline_is_json(project: Project) -> None:
    from qualcode.codebooks.baseline import book_from_json

    load_codebook_into(project, "factors")
    data = json.loads(baselines(project)["codebook:factors"])
    assert data["language"] == "id"
    assert book_from_json(data["codebook"]) == BOOKS["factors"]
    for book in BOOKS.values():
        assert book_from_json(json.loads(json.dumps(book_to_json(book)))) == book
