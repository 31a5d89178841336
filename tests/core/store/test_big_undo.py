"""Big operations undo exactly: a code with 10k codings, a merge with thousands of overlaps."""

from __future__ import annotations

import random
from typing import Any

from qualcode.project import Project
from support.snapshots import snapshot


def _ranges(rng: random.Random, source_id: int, n: int, length: int) -> list[tuple[int, int, int]]:
    found: set[tuple[int, int, int]] = set()
    while len(found) < n:
        start = rng.randrange(length - 50)
        found.add((source_id, start, start + rng.randint(1, 50)))
    return sorted(found)


def test_delete_code_with_10k_codings_and_undo(project: Project) -> None:
    rng = random.Random(5)
    src = project.sources.add_text("W1", "kata " * 4000).result
    code = project.codes.create("Besar").result
    child = project.codes.create("Anak", parent_id=code.id).result  # type: ignore[union-attr]
    assert src and code and child
    project.codings.apply_ranges(code.id, _ranges(rng, src.id, 10_000, 20_000))
    project.codings.apply_ranges(child.id, _ranges(rng, src.id, 500, 20_000))
    memo_on = project.codings.list()[123]
    project.memos.create("catatan", target="coding", target_id=memo_on.id)
    before = snapshot(project)
    assert len(before["coding"]) == 10_500
    project.codes.delete(code.id)
    assert project.info().codings == 0 and project.info().memos == 0
    project.undo()
    assert snapshot(project) == before  # every coding back, same ids, same timestamps
    project.redo()
    assert project.info().codings == 0


def test_merge_thousands_of_codings_with_overlaps(project: Project) -> None:
    rng = random.Random(9)
    src = project.sources.add_text("W1", "kata " * 4000).result
    a = project.codes.create("Koordinasi").result
    b = project.codes.create("Kordinasi").result
    assert src and a and b
    ranges_a = _ranges(rng, src.id, 3_000, 20_000)
    shared = ranges_a[::3]  # 1,000 identical ranges: duplicates after the merge
    ranges_b = sorted(set(shared) | set(_ranges(rng, src.id, 2_000, 20_000)))
    project.codings.apply_ranges(a.id, ranges_a)
    project.codings.apply_ranges(b.id, ranges_b)
    dup_with_note = next(c for c in project.codings.list() if c.code_id == b.id and
                         (c.source_id, c.start, c.end) in set(shared))  # fmt: skip
    project.codings.set_attributes(dup_with_note.id, note="penting", valence="inhibiting")
    before = snapshot(project)
    changes = project.codes.merge([b.id], a.id)
    union = set(ranges_a) | set(ranges_b)
    after = project.codings.list()
    assert len(after) == len(union)
    assert {(c.source_id, c.start, c.end) for c in after} == union
    assert {c.code_id for c in after} == {a.id}
    kept = next(c for c in after if (c.start, c.end) == (dup_with_note.start, dup_with_note.end))
    assert kept.note == "penting" and kept.valence == "inhibiting"  # folded, not lost
    assert changes.result is not None
    project.undo()
    assert snapshot(project) == before
    project.redo()
    assert len(project.codings.list()) == len(union)


def test_packing_a_large_row_streams_and_round_trips(monkeypatch) -> None:
    """A long text and file are written in chunks, giving exactly the one-shot JSON."""
    import json
    import zlib
    from datetime import datetime

    from qualcode.store import rowcodec

    monkeypatch.setattr(rowcodec, "_CHUNK", 7)
    entries = [
        [
            "i",
            "source_content",
            [{"id": 1, "text": "“bagus” 😀 é " * 9, "original": bytes(range(256))}],
        ],
        {"when": datetime(2026, 1, 2, 3, 4, 5), 2: "kunci", "none": None},
    ]
    one_shot = json.dumps(
        entries, default=rowcodec._default, separators=(",", ":"), ensure_ascii=False
    )
    assert zlib.decompress(rowcodec.pack(entries)).decode("utf-8") == one_shot
    assert rowcodec.unpack(rowcodec.pack(entries)) == json.loads(
        one_shot, object_hook=rowcodec._hook
    )


def _last_step(project: Project) -> tuple[list[Any], dict[str, Any]]:
    """The entries and audit summary of the project's last undo step."""
    from sqlalchemy import select

    from qualcode.store import rowcodec
    from qualcode.store import tables as t

    with project.reading() as conn:
        blob, summary = conn.execute(
            select(t.undo_step.c.changes, t.audit_log.c.summary)
            .join(t.audit_log, t.audit_log.c.step_id == t.undo_step.c.id)
            .order_by(t.undo_step.c.id.desc())
        ).first()
    return rowcodec.unpack(blob), summary


def test_spooled_operation_undoes_and_reports_like_a_plain_one(project: Project) -> None:
    """``Operation.spool`` keeps row images compressed; the step and change set are the same."""

    from qualcode.store import tables as t

    src = project.sources.add_text("W1", "kata " * 400).result
    code = project.codes.create("Kode").result
    assert src and code
    before = snapshot(project)
    for spooled in (False, True):
        with project.operation("bulk", "Bulk") as op:
            rows = [
                {"source_id": src.id, "code_id": code.id, "coder_id": op.coder_id,
                 "start_pos": i, "end_pos": i + 3}
                for i in range(0, 300, 5)
            ]  # fmt: skip
            op.insert_many(t.coding, rows[:30])
            if spooled:
                op.spool()
                assert op.entries == []
            op.insert_many(t.coding, rows[30:])
            op.delete(t.coding, op.insert_many(t.coding, [{**rows[0], "end_pos": 999}])[0])
        assert len(op.changeset.ids("coding")) == 61
        entries, summary = _last_step(project)
        assert [(kind, table, len(rows)) for kind, table, rows in entries] == [
            ("i", "coding", 30),
            ("i", "coding", 30),
            ("i", "coding", 1),
            ("d", "coding", 1),
        ]
        assert summary == {"rows": {"coding": {"inserted": 61, "deleted": 1}}}
        project.undo()
        assert snapshot(project) == before
        project.redo()
        assert project.info().codings == 60
        project.undo()


def test_keys_recorded_while_spooling_are_the_plain_entry(project: Project) -> None:
    """Rows a bulk writer inserted itself are recorded by key (``Operation.inserted``);
    while spooling, the keys are written without a dictionary per row, and the step is
    the one the plain entry gives: the same blob, the same change set, the same undo."""
    import datetime as dt

    from sqlalchemy import insert

    from qualcode.store import tables as t

    src = project.sources.add_text("W1", "kata " * 400).result
    code = project.codes.create("Kode").result
    assert src and code
    before = snapshot(project)
    stamp = dt.datetime(2026, 1, 2, 3, 4, 5)
    for spooled in (False, True):
        with project.operation("bulk", "Bulk") as op:
            if spooled:
                op.spool()
            ids = [
                op.conn.execute(
                    insert(t.coding)
                    .values(
                        guid=f"g{spooled}{i}",
                        source_id=src.id,
                        code_id=code.id,
                        coder_id=op.coder_id,
                        start_pos=i,
                        end_pos=i + 3,
                        note="",
                        created_at=stamp,
                        modified_at=stamp,
                    )
                    .returning(t.coding.c.id)
                ).scalar_one()
                for i in range(0, 50, 5)
            ]
            op.inserted(t.coding, ids[:4])
            op.inserted(t.coding, ids[4:])
            assert op.entries == [] if spooled else len(op.entries) == 2
        assert op.changeset.ids("coding") == frozenset(ids)
        entries, summary = _last_step(project)
        assert entries == [
            ["i", "coding", [{"id": i} for i in ids[:4]]],
            ["i", "coding", [{"id": i} for i in ids[4:]]],
        ]
        assert summary == {"rows": {"coding": {"inserted": 10}}}
        project.undo()
        assert snapshot(project) == before
