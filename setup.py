"""Build hook: copy the top-level data folders into the package as ``qualcode/data/``.

People edit ``codebooks/`` and ``sample_transcripts/`` at the top of the repository; a wheel
(and a wheel built from the sdist) must carry them inside the package, where
``qualcode.resources.data_dir`` finds them once installed. Editable installs skip the
copy: there ``data_dir`` falls back to the checkout's own folders.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# Top-level folder -> what stays out of the installed copy (build-time sources and tools).
DATA_FOLDERS: dict[str, tuple[str, ...]] = {
    "codebooks": (),
    "sample_transcripts": ("src", "_build", "build_samples.py"),
}
SKIPPED_NAMES = {"__pycache__", ".DS_Store"}


def data_files(folder: str) -> list[Path]:
    """The files of ``folder`` that ship, relative to it, sorted."""
    root = HERE / folder
    excluded = DATA_FOLDERS[folder]
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or relative.parts[0] in excluded:
            continue
        if SKIPPED_NAMES.intersection(relative.parts) or path.suffix in {".pyc", ".pyo"}:
            continue
        found.append(relative)
    return found


class BuildPyWithData(build_py):
    """``build_py`` that also copies the data folders into ``qualcode/data/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder in DATA_FOLDERS:
            files = data_files(folder)
            if not files:
                raise SystemExit(f"setup.py: {HERE / folder} is empty or missing")
            target = Path(self.build_lib) / "qualcode" / "data" / folder
            for relative in files:
                self.mkpath(str((target / relative).parent))
                self.copy_file(str(HERE / folder / relative), str(target / relative))


setup(cmdclass={"build_py": BuildPyWithData})
