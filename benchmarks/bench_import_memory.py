"""Benchmark: peak memory of importing one very large .txt transcript.

Writes an Indonesian-like interview transcript of ``--mb`` megabytes (header
lines, alternating ``P:``/``I:`` turns, a few non-ASCII letters), then imports
it into a new project in a fresh Python process and prints that process's peak
resident set size (``ru_maxrss``) as a multiple of the file size, next to the
baseline the process had before it read the file. Undo and redo of the import
are run afterwards (their peak is printed separately).

    .venv/bin/python -m benchmarks.bench_import_memory --mb 95
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_import import WORDS as _WORDS

_HEADER = (
    "Transkrip Wawancara\n"
    "Hari/Tanggal: Senin, 27 Mei 2019\n"
    "Informan: Bapak Suryadi\n"
    "Jabatan: Kepala Seksi Pengembangan\n"
    "Instansi: Dinas Komunikasi dan Informatika\n\n"
)


def write_transcript(path: Path, megabytes: float, seed: int = 7) -> int:
    """Write a transcript of about ``megabytes`` MB (UTF-8) to ``path``; return its size."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    # Pre-built turns repeated with variation keep generation fast for 95 MB.
    turns = []
    for n in range(400):
        speaker = "P" if n % 2 == 0 else "I"
        words = rng.randint(8, 20) if speaker == "P" else rng.randint(40, 160)
        text = " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize()
        turns.append(f"{speaker}: {text}.\n\n".encode())
    size = 0
    with path.open("wb") as out:
        out.write(_HEADER.encode())
        size += len(_HEADER.encode())
        n = 0
        while size < target:
            chunk = turns[n % len(turns)]
            out.write(chunk)
            size += len(chunk)
            n += 1
    return size


_CHILD = """
import json, resource, sys
from pathlib import Path
from qualcode.project import Project
from qualcode.sources.importing import import_file

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

src, proj, undo = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
project = Project.create(proj)
baseline = peak()
result = import_file(project, src, max_bytes=1 << 30, max_text=1 << 30)
after_import = peak()
out = {"baseline": baseline, "import": after_import, "length": result.source.length}
if undo:
    project.undo()
    project.redo()
    out["undo_redo"] = peak()
project.close()
print(json.dumps(out))
"""


def measure(path: Path, *, undo: bool = False) -> dict[str, int]:
    """Import ``path`` into a new project in a child process; its peak RSS figures (bytes)."""
    root = str(Path(__file__).resolve().parents[1])
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        env.setdefault("QUALCODE_CODER", "bench")
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), str(Path(tmp) / "m.qdaproj"),
             "1" if undo else "0"],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
    figures: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=95.0)
    parser.add_argument("--undo", action="store_true", help="also undo and redo the import")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "besar.txt"
        size = write_transcript(path, args.mb)
        figures = measure(path, undo=args.undo)
    if args.json:
        print(json.dumps({"size": size, **figures}))
        return
    mb = 1024 * 1024
    print(f"file {size / mb:.1f} MB, text {figures['length'] / mb:.1f} M characters")
    print(f"baseline before reading: {figures['baseline'] / mb:.0f} MB")
    print(
        f"peak after import: {figures['import'] / mb:.0f} MB "
        f"= {figures['import'] / size:.2f}x the file "
        f"({(figures['import'] - figures['baseline']) / size:.2f}x above the baseline)"
    )
    if "undo_redo" in figures:
        print(f"peak after undo + redo: {figures['undo_redo'] / mb:.0f} MB")


if __name__ == "__main__":
    main()
