"""Foundation benchmark: create workload L, apply codings on it, undo a big code delete.

Target (issue "Foundation"): applying one coding p99 < 15 ms on workload L.
Prints its figures; run with ``python -m benchmarks.bench_store [T|L]``.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.workload import SIZES, build_workload, percentile
from qualcode.coding.codings import CodingFilter
from qualcode.project import Project


def main(size: str = "L") -> None:
    """Run the benchmark on workload ``size`` and print the figures."""
    folder = Path(tempfile.mkdtemp(prefix="qc-bench-"))
    path = folder / f"workload-{size}.qdaproj"
    began = time.perf_counter()
    build_workload(path, size)
    created = time.perf_counter() - began
    shape = SIZES[size]
    print(f"workload {size}: {shape.sources} sources x {shape.words} words, "
          f"{shape.codings} codings, {shape.codes} codes, {shape.cases} cases")  # fmt: skip
    print(f"create workload:            {created:8.2f} s  ({path.stat().st_size / 1e6:.0f} MB)")

    rng = random.Random(7)
    with Project.open(path, coder="bench", backups=False) as p:
        code = p.codes.create("Benchmark code").result
        assert code is not None
        times = []
        for _ in range(500):
            sid = rng.randrange(shape.sources) + 1
            start = rng.randrange(5_000)
            t0 = time.perf_counter()
            p.codings.apply(sid, start, start + rng.randint(10, 300), code.id)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"apply one coding (n=500):   p50 {statistics.median(times):6.2f} ms   "
              f"p99 {percentile(times, 0.99):6.2f} ms   (target p99 < 15 ms)")  # fmt: skip

        big = p.codes.create("Big code").result
        assert big is not None
        ranges = set()
        while len(ranges) < 10_000:
            sid = rng.randrange(shape.sources) + 1
            start = rng.randrange(5_000)
            ranges.add((sid, start, start + rng.randint(10, 300)))
        t0 = time.perf_counter()
        p.codings.apply_ranges(big.id, sorted(ranges))
        print(f"code 10k ranges (one op):   {time.perf_counter() - t0:8.2f} s")
        t0 = time.perf_counter()
        p.codes.delete(big.id)
        print(f"delete code w/ 10k codings: {time.perf_counter() - t0:8.2f} s")
        t0 = time.perf_counter()
        p.undo()
        undo_s = time.perf_counter() - t0
        restored = len(p.codings.list(_only(big.id)))
        print(f"undo that delete:           {undo_s:8.2f} s  ({restored} codings restored)")
        t0 = time.perf_counter()
        p.redo()
        print(f"redo that delete:           {time.perf_counter() - t0:8.2f} s")
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()


def _only(code_id: int) -> CodingFilter:

    return CodingFilter(code_ids=[code_id])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "L")
