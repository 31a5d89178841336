"""Several coders on one server: polling for changes, version conflicts, concurrent coding."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from qualcode.errors import ConflictError, OlderSchemaError, ProjectError
from qualcode.project import Project
from qualcode.store import migrations
from support.snapshots import TEXT, snapshot


@pytest.fixture
def pair(pg_url: str) -> tuple[Project, Project]:
    ana = Project.create(pg_url, coder="ana")
    budi = Project.open(pg_url, coder="budi")
    yield ana, budi  # type: ignore[misc]
    budi.close()
    ana.close()


def test_changes_since_sees_other_coders(pair: tuple[Project, Project]) -> None:
    ana, budi = pair
    token = ana.changes_since(None).token
    assert not ana.changes_since(token).changed
    src = budi.sources.add_text("W1", TEXT).result
    code = budi.codes.create("Komunikasi").result
    assert src and code
    budi.codings.apply(src.id, 0, 10, code.id)
    poll = ana.changes_since(token)
    assert [e.op for e in poll.entries] == ["source.add", "code.create", "coding.apply"]
    assert poll.by_others("ana") == poll.entries
    assert not ana.changes_since(poll.token).changed
    # Ana sees Budi's coding without reopening.
    assert [c.code_id for c in ana.codings.in_source(src.id)] == [code.id]
    ana.codes.create("Disposisi")
    mine = budi.changes_since(poll.token)
    assert [e.coder for e in mine.entries] == ["ana"] and mine.by_others("ana") == ()


def test_changes_since_on_a_file(project: Project) -> None:
    token = project.changes_since(None).token
    project.codes.create("A")
    project.undo()
    assert [e.op for e in project.changes_since(token).entries] == ["code.create", "undo"]


def test_code_update_with_a_stale_version_is_refused(pair: tuple[Project, Project]) -> None:
    ana, budi = pair
    code = ana.codes.create("Komunikasi").result
    assert code is not None
    seen = budi.codes.get(code.id)
    ana.codes.update(code.id, description="Ana's definition", expected_version=code.version)
    before = snapshot(ana)
    with pytest.raises(ConflictError, match="Someone else changed the code Komunikasi"):
        budi.codes.update(code.id, description="Budi's", expected_version=seen.version)
    assert snapshot(ana) == before
    fresh = budi.codes.get(code.id)
    budi.codes.update(code.id, description="Budi's", expected_version=fresh.version)
    assert ana.codes.get(code.id).description == "Budi's"


def test_memo_update_with_a_stale_version_is_refused(pair: tuple[Project, Project]) -> None:
    ana, budi = pair
    memo = ana.memos.create("v1", title="M").result
    assert memo is not None
    ana.memos.update(memo.id, text="ana", expected_version=memo.version)
    with pytest.raises(ConflictError, match="Someone else changed this memo"):
        budi.memos.update(memo.id, text="budi", expected_version=memo.version)
    assert budi.memos.get(memo.id).text == "ana"


@pytest.mark.parametrize("kind", ["code", "memo"])
def test_simultaneous_edits_lose_nothing(pair: tuple[Project, Project], kind: str) -> None:
    """Budi's check waits for Ana's open edit to commit, then sees her version: no lost update."""
    ana, budi = pair
    if kind == "code":
        obj = ana.codes.create("K").result
        assert obj is not None

        def edit(p: Project, value: str) -> None:
            p.codes.update(obj.id, description=value, expected_version=obj.version)

        def current() -> str:
            return ana.codes.get(obj.id).description
    else:
        obj = ana.memos.create("v1").result
        assert obj is not None

        def edit(p: Project, value: str) -> None:
            p.memos.update(obj.id, text=value, expected_version=obj.version)

        def current() -> str:
            return ana.memos.get(obj.id).text

    errors: list[BaseException] = []

    def budi_edits() -> None:
        try:
            edit(budi, "budi")
        except BaseException as exc:
            errors.append(exc)

    with ana.undo_group("Edit"):
        edit(ana, "ana")
        thread = threading.Thread(target=budi_edits)
        thread.start()
        time.sleep(0.3)  # Budi is now waiting on Ana's row (or starts after: same outcome)
    thread.join(timeout=30)
    assert len(errors) == 1 and isinstance(errors[0], ConflictError)
    assert current() == "ana"


WORKER = """
import sys
from qualcode.project import Project
url, coder, source_id, code_id, offset = sys.argv[1:6]
with Project.open(url, coder=coder) as p:
    for i in range(40):
        start = int(offset) + i
        p.codings.apply(int(source_id), start, start + 5, int(code_id))
print("done")
"""


def test_two_processes_coding_one_source_lose_nothing(pg_url: str, tmp_path: Path) -> None:
    with Project.create(pg_url, coder="ana") as p:
        src = p.sources.add_text("W1", TEXT * 3).result
        code = p.codes.create("Komunikasi").result
        assert src and code
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    procs = []
    for coder in ("ana", "budi"):
        args = [sys.executable, str(script), pg_url, coder, str(src.id), str(code.id), "0"]
        procs.append(subprocess.Popen(args, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=env))  # fmt: skip
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    with Project.open(pg_url, coder="ana") as p:
        codings = p.codings.in_source(src.id)
        assert len(codings) == 80
        by_coder = {(c.coder_id, c.start) for c in codings}
        assert len(by_coder) == 80
        ops = [e.op for e in p.audit_log(limit=500)]
        assert ops.count("coding.apply") == 80
        # Each coder undoes only their own last coding.
        p.undo()
        assert len(p.codings.in_source(src.id)) == 79


def test_two_clients_never_migrate_at_once(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The advisory lock makes the second client wait and find the schema current."""
    with Project.create(pg_url, coder="ana"):
        pass
    runs: list[int] = []

    def to_v2(conn: object) -> None:
        runs.append(1)
        time.sleep(0.3)
        conn.execute(text("CREATE TABLE probe_v2 (id INTEGER PRIMARY KEY)"))  # type: ignore[attr-defined]

    nxt = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(migrations.MIGRATIONS, nxt, to_v2)
    errors: list[BaseException] = []
    opened: list[int] = []

    def client(name: str) -> None:
        try:
            with Project.open(pg_url, coder=name) as p:
                opened.append(p.info().schema_version)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(n,)) for n in ("ana", "budi")]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert not errors, errors
    assert runs == [1] and opened == [nxt, nxt]


def test_read_only_open_of_an_older_server_project_is_refused(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like a file: a reviewer's read-only open never upgrades, it says what to do instead."""
    with Project.create(pg_url, coder="ana"):
        pass

    def to_v2(conn: object) -> None:
        conn.execute(text("CREATE TABLE probe_v2 (id INTEGER PRIMARY KEY)"))  # type: ignore[attr-defined]

    nxt = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(migrations.MIGRATIONS, nxt, to_v2)
    with pytest.raises(OlderSchemaError, match="older project format"):
        Project.open(pg_url, coder="budi", read_only=True)
    with Project.open(pg_url, coder="ana") as p:
        assert p.info().schema_version == nxt
    with Project.open(pg_url, coder="budi", read_only=True) as p:
        assert p.read_only and p.info().schema_version == nxt


def test_an_unreachable_server_is_a_clear_message() -> None:
    """No SQLAlchemy traceback: the user reads where and why, without the password."""
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://ana:secret@127.0.0.1:{port}/study"
    with pytest.raises(ProjectError, match=r"Cannot connect to .*127\.0\.0\.1") as caught:
        Project.open(url, coder="ana")
    assert "secret" not in str(caught.value)
    with pytest.raises(ProjectError, match="Cannot connect"):
        Project.create(url, coder="ana")
