"""A very large .txt transcript: same result as a small one, bounded memory, undo and redo.

Files from ``REREAD_FROM`` bytes on drop their bytes once decoded and stream
the original from disk into the project; the threshold is lowered here so a
small file takes that path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qualcode.sources.extract as extract
from qualcode.project import Project
from qualcode.sources.extract import extract_bytes, extract_file
from qualcode.sources.extract.original import OriginalFile
from qualcode.sources.importing import import_file, turns
from support.snapshots import snapshot

ROOT = Path(__file__).resolve().parents[3]
BODY = "".join(
    f"P: Bagaimana “koordinasi” antar OPD ke-{n}?\nI: Anggaran kurang, José bilang begitu.\n\n"
    for n in range(400)
)
# UTF-8 with one stray Windows-1252 curly quote byte (pasted from Word).
DATA = ("Transkrip Wawancara\nInforman: Bapak Suryadi\n\n" + BODY).encode() + b"\x93ok\x94\n"


@pytest.fixture
def reread_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "REREAD_FROM", 1000)


def test_large_path_extracts_what_the_small_path_does(tmp_path: Path, reread_small: None) -> None:
    path = tmp_path / "wawancara.txt"
    path.write_bytes(DATA)
    large = extract_file(path)
    small = extract_bytes(DATA, path.name)
    assert isinstance(large.original_bytes, OriginalFile)
    assert large.original_bytes.read() == DATA
    assert (large.text, large.sha256, large.encoding, large.warnings, large.metadata) == (
        small.text, small.sha256, small.encoding, small.warnings, small.metadata,
    )  # fmt: skip
    assert "“koordinasi”" in large.text and large.text.endswith("“ok”")


def test_large_import_undo_redo(file_project: Project, tmp_path: Path, reread_small: None) -> None:
    path = tmp_path / "wawancara.txt"
    path.write_bytes(DATA)
    file_project.codes.create("Anggaran")  # the coder row exists before the import
    before = snapshot(file_project)
    result = import_file(file_project, path)
    assert result.status == "imported" and result.source is not None
    source_id = result.source.id
    assert file_project.sources.original(source_id) == DATA
    assert result.turns >= 800 and len(turns(file_project, source_id)) == result.turns
    after = snapshot(file_project)
    file_project.undo()
    assert snapshot(file_project) == before
    file_project.redo()
    assert snapshot(file_project) == after
    assert file_project.sources.text(source_id).endswith("“ok”")


@pytest.mark.slow
def test_importing_a_40_mb_transcript_peaks_under_the_bound() -> None:
    """Peak RSS above the process's baseline stays under 3.4x the file.

    That is the 95 MB bound of issue 16 (whole-process peak under 4x the text,
    with a baseline of about 57 MB) at a size where the allocator behaves as it
    does for 95 MB: buffers above 32 MB go back to the system when freed.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_import_memory", "--mb", "40", "--json"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    above = (figures["import"] - figures["baseline"]) / figures["size"]
    assert above < 3.4, f"peak {figures['import'] >> 20} MB, {above:.2f}x the file above baseline"
