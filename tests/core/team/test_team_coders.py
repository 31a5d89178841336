"""Several coders at once: what a poll tells a UI, and concurrent coders losing no write.

``test_team_concurrency`` covers two processes with a fixed number of codings;
here N processes code for a fixed time through the team benchmark's own
workers (``benchmarks/bench_team.py``), and each coder's successful applies are
checked against the rows and audit entries in the database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from qualcode.project import Project
from qualcode.store import tables as t
from qualcode.store.engine import make_engine
from qualcode.team.sync import REMOTE_OP, remote_activity
from support.snapshots import TEXT

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(params=["sqlite", "postgresql"])
def two(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    """Ana and Budi on one project: a file (second handle without the lock) or a server."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        ana = Project.create(url, coder="ana")
        budi = Project.open(url, coder="budi")
    else:
        path = (tmp_path / "shared.qdaproj").resolve()
        ana = Project.create(path, coder="ana")
        budi = Project(make_engine(path), location=str(path), read_only=False, coder="budi")
    yield ana, budi
    budi.close()
    ana.close()


def test_remote_activity_names_rows_and_counts_passages(two: tuple[Project, Project]) -> None:
    ana, budi = two
    src = ana.sources.add_text("W1", TEXT, language="id").result
    token = ana.changes_since(None).token
    code = budi.codes.create("Komunikasi").result
    one = budi.codings.apply(src.id, 0, 10, code.id).result
    many = budi.codings.apply_ranges(code.id, [(src.id, 20, 30), (src.id, 40, 50)]).result
    ana.codes.create("Disposisi")  # ana's own change: not in what she is told
    poll = ana.changes_since(token)
    activity = remote_activity(ana, poll.by_others("ana"))
    assert activity.coded == {"budi": 3} and activity.operations == {"budi": 3}
    assert activity.changes.op == REMOTE_OP
    assert activity.changes.ids("coding") == {one.id, *(c.id for c in many)}
    assert activity.changes.ids("code") == {code.id}
    assert activity.changes.codes and activity.changes.codings and not activity.changes.sources

    budi.undo()  # an undo is a change, not a coding
    undo = ana.changes_since(poll.token)
    activity = remote_activity(ana, undo.by_others("ana"))
    assert activity.coded == {} and activity.operations == {"budi": 1}
    assert activity.changes.ids("coding") == {c.id for c in many}
    assert remote_activity(ana, ()).empty


def test_pruned_steps_ask_for_a_full_reload(two: tuple[Project, Project]) -> None:
    ana, budi = two
    token = ana.changes_since(None).token
    budi.codes.create("Komunikasi")
    with ana.engine.begin() as conn:  # as if the bounded undo history had dropped the step
        conn.execute(text("DELETE FROM undo_step"))
    activity = remote_activity(ana, ana.changes_since(token).entries)
    assert activity.operations == {"budi": 1}
    assert activity.changes.touches("coding", "code", "source_content", "cases")
    assert activity.changes.ids("code") == frozenset()


def _run_coders(target: str, coders: int, seconds: float) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_team", "coders", target,
         "--coders", str(coders), "--seconds", str(seconds), "--json"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _rows_per_coder(project: Project, code_id: int) -> dict[str, int]:
    with project.reading() as conn:
        rows = conn.execute(
            select(t.coder.c.name, func.count())
            .select_from(t.coding.join(t.coder, t.coder.c.id == t.coding.c.coder_id))
            .where(t.coding.c.code_id == code_id)
            .group_by(t.coder.c.name)
        ).all()
    return {str(a): int(b) for a, b in rows}


def _small_study(target: str | Path) -> None:
    with Project.create(target, coder="ana") as p:
        for i in range(3):
            p.sources.add_text(f"W{i}", TEXT * 4, language="id")


def test_four_coders_on_postgresql_lose_no_write(pg_url: str) -> None:
    _small_study(pg_url)
    result = _run_coders(pg_url, coders=4, seconds=2)
    assert result["engine"] == "postgresql" and result["errors"] == {}
    with Project.open(pg_url, coder="ana", read_only=True) as p:
        rows = _rows_per_coder(p, result["code_id"])
    per = result["per_coder"]
    assert set(rows) == set(per) == {"coder1", "coder2", "coder3", "coder4"}
    for name, figures in per.items():
        assert figures["ok"] > 0
        assert rows[name] == figures["ok"] == figures["rows"] == figures["audited"]
    assert result["lost"] == result["phantom"] == 0
    assert result["applied"] == sum(rows.values())


def test_coders_sharing_a_file_lose_no_write(tmp_path: Path) -> None:
    path = tmp_path / "shared.qdaproj"
    _small_study(path)
    result = _run_coders(str(path), coders=3, seconds=1)
    assert result["engine"] == "sqlite"
    with Project.open(path, coder="ana", read_only=True) as p:
        rows = _rows_per_coder(p, result["code_id"])
    for name, figures in result["per_coder"].items():
        assert (
            rows.get(name, 0) == figures["ok"] == figures["audited"]
        )  # a failed apply left nothing
    assert result["lost"] == result["phantom"] == 0 and result["applied"] > 0
