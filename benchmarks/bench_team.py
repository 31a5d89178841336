"""Team benchmark: workload L on PostgreSQL beside SQLite, and coders working at once.

(a) Workload L is built on SQLite (``workload.py``) and ``team push``-ed to a
    throwaway PostgreSQL server (started like ``tests/support/pg.py`` does, or
    ``--pg-url`` naming an empty database). On both engines: the code × case
    count matrix (``build_display`` beside the raw SQL GROUP BY, same totals)
    and the latency of applying one coding.
(b) N simulated coders (separate processes, default 8) apply codings for
    ``--seconds`` (default 60) on PostgreSQL and, for comparison, on one shared
    SQLite file: throughput, p50/p99 latency, and a lost-write check (each
    coder's successful applies against its rows and audit entries in the
    database afterwards). On SQLite the coders bypass QualCode's one-writer
    file lock on purpose, to measure SQLite's own locking under contention;
    the app itself lets one process write a project file at a time.

Usage::

    python -m benchmarks.bench_team [--size L] [--seconds 60] [--coders 8] [--pg-url URL]
    python -m benchmarks.bench_team coders TARGET [--seconds S] [--coders N] [--json]

``coders`` runs part (b) alone on an existing project (a file or a URL); the
tests use it with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from benchmarks.bench_analysis import RAW_SQL  # the same query the analysis benchmark times
from benchmarks.workload import percentile

ROOT = Path(__file__).resolve().parents[1]


def best_of(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    """Fastest wall time of ``runs`` calls (ms) and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - began) * 1000)
    return best, result


def load() -> str:
    """The machine's load averages, as ``uptime`` prints them."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def open_shared(target: str, coder: str, *, read_only: bool = False) -> Any:
    """Open ``target`` as one coder's client; a file is opened without its writer lock.

    Several processes writing one project file is what the lock normally
    prevents; the benchmark does it on purpose to compare SQLite's locking.
    """
    from qualcode.project import Project
    from qualcode.store.engine import is_url, make_engine

    if is_url(target) or read_only:
        return Project.open(target, coder=coder, read_only=read_only)
    path = Path(target).resolve()
    return Project(make_engine(path), location=str(path), read_only=False, coder=coder)


# -- one simulated coder -------------------------------------------------------------------


def worker(
    target: str, coder: str, code_id: int, seed: int, seconds: float, start: Any, out: Any
) -> None:
    """One coder's process: apply codings for ``seconds``; put the outcome on ``out``.

    Waits on the ``start`` barrier once the project is open, so that every
    coder starts at the same moment (and no import is timed).
    """
    from qualcode.store import tables as t

    project = open_shared(target, coder)
    with project.reading() as conn:
        sources = [
            (int(a), int(b)) for a, b in conn.execute(select(t.source.c.id, t.source.c.length))
        ]
    rng = random.Random(seed)
    used: set[tuple[int, int, int]] = set()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    ok = 0
    start.wait()
    began = time.perf_counter()
    stop_at = began + seconds
    while time.perf_counter() < stop_at:
        sid, length = rng.choice(sources)
        first = rng.randrange(max(1, min(length, 5_000) - 5))
        end = min(length, first + rng.randint(5, 300))
        if end <= first or (sid, first, end) in used:
            continue
        used.add((sid, first, end))
        t0 = time.perf_counter()
        try:
            project.codings.apply(sid, first, end, code_id)
        except Exception as exc:  # counted and reported: a failed apply must leave no row
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            continue
        latencies.append((time.perf_counter() - t0) * 1000)
        ok += 1
    elapsed = time.perf_counter() - began
    project.close()
    out.put({"coder": coder, "ok": ok, "errors": errors, "seconds": elapsed,
             "latencies": latencies})  # fmt: skip


# -- several coders --------------------------------------------------------------------------


def run_coders(target: str, coders: int, seconds: float, seed: int = 11) -> dict[str, Any]:
    """Run ``coders`` worker processes on ``target`` at once and check every write landed.

    Workers are forked from this process (already past its imports) where the
    platform allows, so dozens of seconds of start-up on a busy machine are
    not spent before the clock starts.
    """
    import multiprocessing as mp

    from qualcode.store.engine import is_url

    setup = open_shared(target, "bench-setup")
    try:
        code = setup.codes.create(f"Team benchmark {time.time_ns()}").result
        assert code is not None
    finally:
        setup.close()
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    start = ctx.Barrier(coders + 1)
    out = ctx.Queue()
    names = [f"coder{i + 1}" for i in range(coders)]
    procs = [
        ctx.Process(target=worker, args=(target, name, code.id, seed + i, seconds, start, out))
        for i, name in enumerate(names)
    ]
    for proc in procs:
        proc.start()
    try:
        start.wait(timeout=300)
        began = time.perf_counter()
        results = [out.get(timeout=seconds + 300) for _ in procs]
        wall = time.perf_counter() - began
        for proc in procs:
            proc.join(timeout=60)
            if proc.exitcode != 0:
                raise RuntimeError(f"a coder process failed (exit code {proc.exitcode})")
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
    rows, audited = _count_writes(target, code.id, names)
    latencies = [x for r in results for x in r["latencies"]]
    ok = {r["coder"]: r["ok"] for r in results}
    errors: dict[str, int] = {}
    for r in results:
        for kind, n in r["errors"].items():
            errors[kind] = errors.get(kind, 0) + n
    return {
        "engine": "postgresql" if is_url(target) else "sqlite",
        "coders": coders,
        "seconds": seconds,
        "wall": wall,
        "applied": sum(ok.values()),
        "throughput": sum(ok.values()) / seconds,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p99": percentile(latencies, 0.99),
        "max": max(latencies, default=0.0),
        "errors": errors,
        "per_coder": {
            n: {"ok": ok[n], "rows": rows.get(n, 0), "audited": audited.get(n, 0)} for n in names
        },
        "lost": sum(max(0, ok[n] - rows.get(n, 0)) for n in names),
        "phantom": sum(max(0, rows.get(n, 0) - ok[n]) for n in names),
        "code_id": code.id,
    }


def _count_writes(
    target: str, code_id: int, names: list[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """Per coder: codings with the benchmark code, and ``coding.apply`` audit entries."""
    from qualcode.store import tables as t
    from qualcode.store.models import AuditEntry

    audit = AuditEntry.__table__
    with open_shared(target, "bench-check", read_only=True) as p, p.reading() as conn:
        rows = dict(
            conn.execute(
                select(t.coder.c.name, func.count())
                .select_from(t.coding.join(t.coder, t.coder.c.id == t.coding.c.coder_id))
                .where(t.coding.c.code_id == code_id, t.coder.c.name.in_(names))
                .group_by(t.coder.c.name)
            ).all()
        )
        audited = dict(
            conn.execute(
                select(audit.c.coder, func.count())
                .where(audit.c.op == "coding.apply", audit.c.coder.in_(names))
                .group_by(audit.c.coder)
            ).all()
        )
    return {k: int(v) for k, v in rows.items()}, {k: int(v) for k, v in audited.items()}


def print_coders(result: dict[str, Any]) -> None:
    """The concurrency figures, one block."""
    r = result
    print(f"{r['coders']} coders x {r['seconds']:.0f} s on {r['engine']}: "
          f"{r['applied']} codings, {r['throughput']:.1f} applies/s, "
          f"p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, max {r['max']:.0f} ms; "
          f"failed {sum(r['errors'].values())}{' ' + str(r['errors']) if r['errors'] else ''}; "
          f"lost writes {r['lost']}, phantom writes {r['phantom']}")  # fmt: skip


# -- PostgreSQL beside SQLite ------------------------------------------------------------------


def engines(size: str, pg_url: str, work: Path) -> None:
    """Part (a): push the workload, then the matrix and the apply latency on both engines."""
    from benchmarks.workload import build_workload
    from qualcode.analysis.displays import ready_spec
    from qualcode.analysis.engine import build_display
    from qualcode.team.sync import push

    cached = Path(tempfile.gettempdir()) / f"qc-team-bench-{size}.qdaproj"
    if not cached.exists():
        began = time.perf_counter()
        build_workload(cached, size)
        print(f"built workload {size} in {time.perf_counter() - began:.1f} s -> {cached}")
    shutil.copy(cached, work)
    began = time.perf_counter()
    report = push(work, pg_url)
    print(
        f"team push of workload {size}: {report.total} rows in {time.perf_counter() - began:.1f} s"
    )
    for name, target in (("SQLite", str(work)), ("PostgreSQL", pg_url)):
        with open_shared(target, "bench", read_only=True) as p:
            spec = ready_spec(p, "matrix", columns="cases")
            build_display(p, spec)  # warm caches and imports

            def raw(p: Any = p) -> list[Any]:
                with p.reading() as conn:
                    return conn.execute(text(RAW_SQL)).all()

            t_raw, rows = best_of(raw)
            t_eng, display = best_of(lambda p=p, spec=spec: build_display(p, spec))
            total = sum(map(sum, display.counts))
            assert total == sum(r[2] for r in rows), "engine and raw SQL disagree"
            shape = f"{len(display.rows)} x {len(display.columns)}, {total} cell codings"
            print(f"{name:10} code x case matrix ({shape}): "
                  f"engine {t_eng:.0f} ms, raw SQL {t_raw:.0f} ms")  # fmt: skip
    for name, target in (("SQLite", str(work)), ("PostgreSQL", pg_url)):
        p = open_shared(target, "bench")
        try:
            code = p.codes.create("Latency probe").result
            assert code is not None
            rng = random.Random(7)
            sources = p.info().sources
            times = []
            for _ in range(300):
                sid = rng.randrange(sources) + 1
                start = rng.randrange(5_000)
                t0 = time.perf_counter()
                p.codings.apply(sid, start, start + rng.randint(10, 300), code.id)
                times.append((time.perf_counter() - t0) * 1000)
            print(f"{name:10} apply one coding (n=300): p50 {statistics.median(times):.2f} ms, "
                  f"p99 {percentile(times, 0.99):.2f} ms")  # fmt: skip
        finally:
            p.close()


def _start_pg() -> Any:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.pg import start_server  # the tests' throwaway server, same settings

    return start_server()


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and run the requested part(s)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "coders":
        ap = argparse.ArgumentParser(prog="bench_team coders")
        ap.add_argument("target")
        ap.add_argument("--seconds", type=float, default=60)
        ap.add_argument("--coders", type=int, default=8)
        ap.add_argument("--json", action="store_true")
        ns = ap.parse_args(args[1:])
        result = run_coders(ns.target, ns.coders, ns.seconds)
        if ns.json:
            print(json.dumps(result))
        else:
            print_coders(result)
        return
    ap = argparse.ArgumentParser(prog="bench_team")
    ap.add_argument("--size", default="L", choices=("T", "L"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--coders", type=int, default=8)
    ap.add_argument("--pg-url", help="an empty PostgreSQL database (default: a throwaway server)")
    ns = ap.parse_args(args)
    print(f"before: {load()}")
    server = None
    url = ns.pg_url
    if url is None:
        server = _start_pg()
        url = server.new_database()
    work = Path(tempfile.mkdtemp(prefix="qc-team-bench-")) / "work.qdaproj"
    try:
        engines(ns.size, url, work)
        print(f"during: {load()}")
        for target in (url, str(work)):
            print_coders(run_coders(target, ns.coders, ns.seconds))
        print(f"after: {load()}")
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
