"""A fresh clone must work on any machine: no paths of a developer's machine in the repo,
and running the README's quick start leaves ``git status`` clean."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# Split so that this file does not match itself.
MACHINE_PATH = re.compile("(?<![A-Za-z0-9_.~-])/(" + "work|root" + ")/")

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs a git checkout",
)


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_no_machine_paths_in_tracked_files() -> None:
    tracked = _git("ls-files", "-z").stdout.split("\0")
    hits = []
    for name in filter(None, tracked):
        path = ROOT / name
        if not path.is_file() or path.suffix in {".qm", ".png", ".docx", ".xlsx", ".qdpx"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits += [
            f"{name}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if MACHINE_PATH.search(line)
        ]
    assert hits == []


def test_pattern_catches_machine_paths() -> None:
    assert MACHINE_PATH.search("run " + "/wo" + "rk/venv/bin/python x.py")
    assert MACHINE_PATH.search("`" + "/ro" + "ot/.cache`")
    assert not MACHINE_PATH.search("docs/wo" + "rk/notes.md and ~/ro" + "ot/x")


@pytest.mark.parametrize(
    "name",
    [
        "sample.qdaproj",
        "sample.qdaproj.lock",
        "sample.qdaproj-wal",
        "sample.qdaproj-shm",
        "sample.backups/sample-20240101-000000.qdaproj",
        "study.qdaproj",
        ".build-venv/bin/python",
        "dist/QualCode/QualCode",
        "build/qualcode/warn-qualcode.txt",
    ],
)
def test_quick_start_outputs_are_ignored(name: str) -> None:
    assert _git("check-ignore", "-q", "--no-index", name).returncode == 0, name


def test_project_sources_are_not_ignored() -> None:
    for name in ("codebooks/edwards3.yaml", "sample_transcripts/study.yaml", "tests/x.qdaproj"):
        assert _git("check-ignore", "-q", "--no-index", name).returncode == 1, name


def test_readme_quick_start_uses_the_venv_consistently() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quick.splitlines() if line and not line.startswith(("#", "`"))]
    assert "bash scripts/setup.sh && .venv/bin/qualcode demo sample.qdaproj" in quick
    # Every qualcode call in the quick start names the venv's copy: nothing relies on PATH.
    for line in commands:
        for call in re.findall(r"(\S*qualcode)\s+(?:demo|gui)", line):
            assert call == ".venv/bin/qualcode", line
    assert "source .venv/bin/activate" in readme
