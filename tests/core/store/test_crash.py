"""kill -9 in the middle of a long series of operations never loses reported work."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from qualcode.project import Project

WORKER = textwrap.dedent(
    """
    import sys
    from qualcode.project import Project

    path, first = sys.argv[1], int(sys.argv[2])
    with Project.open(path, coder="ana", backups=False) as p:
        src = p.sources.find("W1")
        code = p.codes.find("K")
        i = first
        while True:
            p.codings.apply(src.id, i % 9000, i % 9000 + 7, code.id, note=f"n{i}")
            print(f"coded {i}", flush=True)
            if i % 7 == 0:
                extra = p.codes.create(f"tmp {i}").result
                p.codes.rename(extra.id, f"renamed {i}")
                p.undo()
                print(f"renamed-undone {i}", flush=True)
            i += 1
    """
)


def test_kill_9_never_loses_a_reported_operation(tmp_path: Path) -> None:
    path = tmp_path / "crash.qdaproj"
    with Project.create(path, coder="ana") as p:
        p.sources.add_text("W1", "kata " * 2000)
        p.codes.create("K")
    rng = random.Random(42)
    reported: set[int] = set()
    undone: set[int] = set()
    first = 0
    for _round in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(first)],
            stdout=subprocess.PIPE,
            text=True,
        )
        lines: list[str] = []
        started = threading.Event()

        def read(
            p: subprocess.Popen[str] = proc,
            out: list[str] = lines,
            flag: threading.Event = started,
        ) -> None:
            for line in p.stdout or []:
                out.append(line)
                flag.set()

        reader = threading.Thread(target=read)
        reader.start()
        assert started.wait(60), "the worker never started"
        time.sleep(0.2 + rng.random())  # kill at a random point in the series
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join()
        done = [int(line.split()[1]) for line in lines if line.startswith("coded ")]
        assert done, "the worker reported nothing before it was killed"
        reported.update(done)
        undone.update(int(x.split()[1]) for x in lines if x.startswith("renamed-undone "))
        first = max(done) + 1

        con = sqlite3.connect(path)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
        with Project.open(path, coder="ana", backups=False) as p:
            notes = {c.note for c in p.codings.list()}
            missing = [i for i in reported if f"n{i}" not in notes]
            assert not missing, f"reported but lost: {missing[:5]}"
            # A rename whose undo was reported done must not have come back.
            names = {c.name for c in p.codes.all()}
            assert not [i for i in undone if f"renamed {i}" in names]
            assert all(f"tmp {i}" in names for i in undone)
            first = max(first, len(notes))
    assert len(reported) > 20
