"""The sdist and the wheel built from it are self-contained: installed (not editable) into
a fresh venv, QualCode lists the shipped codebooks, builds the sample study and exports,
from a folder far from any checkout.

The fresh venv reuses the test venv's third-party packages through a ``.pth`` line (a
plain path entry: the ``.pth`` files in there, such as the editable install's finder,
are not run), written only after the wheel is installed so pip never sees the editable
copy. A probe then proves the imported ``qualcode`` and its data are the installed ones.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
SKIP_TOP = {"tests", "docs", "benchmarks", "_scratch"}
SKIP_ANY = {".git", ".venv", ".build-venv", "build", "dist", "__pycache__", ".pytest_cache",
            ".ruff_cache", ".mypy_cache", ".hypothesis"}  # fmt: skip

BUILD = """
import sys
from setuptools import build_meta
print(getattr(build_meta, sys.argv[1])(sys.argv[2]))
"""

PROBE = """
import json, sys
import qualcode
from qualcode.resources import data_dir
from qualcode.ui.i18n import qm_path
from qualcode.interop.refi.format.schema import schema_problems
assert schema_problems(b"<Project xmlns='urn:QDA-XML:project:1.0'/>", "project")
print(json.dumps({
    "module": qualcode.__file__,
    "codebooks": str(data_dir("codebooks")),
    "sample": str(data_dir("sample_transcripts")),
    "qm": str(qm_path("id")) if qm_path("id").is_file() else "",
    "path": sys.path,
}))
"""


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = {n for n in names if n in SKIP_ANY or n.endswith(".egg-info") or ".qdaproj" in n}
    if Path(folder) == ROOT:
        skipped |= SKIP_TOP.intersection(names)
    return skipped


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    # QUALCODE_CODER: a scripted start says who codes, so the first-run question is not asked
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", QUALCODE_CODER="ana")
    env.pop("QUALCODE_CODEBOOKS_DIR", None)
    return env


def build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An sdist of a copy of the checkout, and a wheel built from that sdist."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_ignore)
    env = _clean_env(work)
    dist = work / "dist"
    sdist = dist / _run([sys.executable, "-c", BUILD, "build_sdist", dist], source, env).split()[-1]
    with tarfile.open(sdist) as tar:
        tar.extractall(work / "unpacked", filter="data")
    unpacked = next((work / "unpacked").iterdir())
    wheel = (
        dist / _run([sys.executable, "-c", BUILD, "build_wheel", dist], unpacked, env).split()[-1]
    )
    return {"sdist": sdist, "wheel": wheel}


def install(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed normally, then the test venv's dependencies."""
    home = tmp_path_factory.mktemp("venv")
    target = home / "venv"
    env = _clean_env(home)
    _run([sys.executable, "-m", "venv", "--without-pip", target], home, env)
    python = target / "bin" / "python"
    _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
         "--no-index", built["wheel"]],
        home,
        env,
    )  # fmt: skip
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        home, env).strip())  # fmt: skip
    (purelib / "zz_test_dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    return target


def check_sdist(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert {"setup.py", "codebooks/edwards3.yaml", "sample_transcripts/study.yaml"} <= names
    assert not [n for n in names if n.endswith(".pyc")]


def check_wheel(built: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    codebooks = {n for n in names if n.startswith("qualcode/data/codebooks/")}
    assert len(codebooks) == len(list((ROOT / "codebooks").glob("*.yaml"))) == 8
    sample = {n.removeprefix("qualcode/data/sample_transcripts/") for n in names
              if n.startswith("qualcode/data/sample_transcripts/")}  # fmt: skip
    assert {"study.yaml", "codings.yaml", "informants.xlsx", "W3_Kasi_DPMPTSP.docx"} <= sample
    assert not {n for n in sample if n.startswith("src/") or n == "build_samples.py"}
    assert "qualcode/ui/i18n/qualcode_id.qm" in names
    assert "qualcode/interop/refi/format/schemas/Project-mrt2019.xsd" in names


def check_installed_copy_is_imported(venv: Path, tmp_path: Path) -> None:
    out = _run([venv / "bin" / "python", "-c", PROBE], tmp_path, _clean_env(tmp_path))
    probe = json.loads(out)
    site_packages = str(venv / "lib")
    for key in ("module", "codebooks", "sample", "qm"):
        assert probe[key].startswith(site_packages), (key, probe[key])
    # The checkout's own folders must not be importable; the test venv's site-packages (its
    # third-party libraries, reused through a .pth line) may live inside it, as .venv does.
    checkout = [
        p for p in probe["path"]
        if p and Path(p).resolve().is_relative_to(ROOT)
        and not Path(p).resolve().is_relative_to(ROOT / ".venv")
    ]  # fmt: skip
    assert not checkout


def check_cli(venv: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    qualcode = venv / "bin" / "qualcode"
    listing = _run([qualcode, "codebook", "list"], tmp_path, env)
    ids = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert len(ids) == 8 and "edwards3" in ids and "factors" in ids

    summary = _run([qualcode, "demo", "x.qdaproj"], tmp_path, env)
    assert "sources:    11" in summary and "codings:    334" in summary
    with sqlite3.connect(tmp_path / "x.qdaproj") as db:
        assert db.execute("SELECT count(*) FROM source").fetchone() == (11,)
        assert db.execute("SELECT count(*) FROM coding").fetchone() == (334,)

    _run([qualcode, "export", "excerpts", "x.qdaproj", "out.docx", "--code", "Komunikasi"],
         tmp_path, env)  # fmt: skip
    check_app_starts(qualcode, tmp_path, env)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "out.docx")).paragraphs)
    assert "Komunikasi" in text and "Kepala" in text


def check_app_starts(qualcode: Path, folder: Path, env: dict[str, str]) -> None:
    """``qualcode gui PROJECT`` of the installed copy shows the project (offscreen)."""
    ready = folder / "ready"
    app = subprocess.Popen(
        [str(qualcode), "gui", "x.qdaproj"],
        cwd=folder,
        env=dict(env, QUALCODE_READY_FILE=str(ready)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists() and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        app.kill()
        _, errors = app.communicate()
    assert ready.exists(), errors.decode(errors="replace")
    assert ready.read_text(encoding="utf-8").startswith("x")


def test_wheel_from_the_sdist_installs_and_runs_from_any_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """One test, so that parallel workers never build and install it twice."""
    built = build(tmp_path_factory)
    check_sdist(built)
    check_wheel(built)
    venv = install(built, tmp_path_factory)
    check_installed_copy_is_imported(venv, tmp_path_factory.mktemp("probe"))
    check_cli(venv, tmp_path_factory.mktemp("cli"))
