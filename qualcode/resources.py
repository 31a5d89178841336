"""Where QualCode's shipped data folders are, in a checkout, an installed wheel or a bundle.

People edit the shipped codebooks and the sample study in the repository's top-level
``codebooks/`` and ``sample_transcripts/`` folders. The build (``setup.py``) copies them
into the package as ``qualcode/data/<folder>``, so a wheel, an sdist-built install and
the desktop bundle carry them, and no second copy lives in git. Every module asks
:func:`data_dir` instead of computing a path from its own ``__file__``, so modules can
move between packages without losing their data.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

__all__ = ["CODEBOOKS_DIR_ENV", "DATA_FOLDERS", "DataFolderMissing", "data_dir", "package_root"]

CODEBOOKS_DIR_ENV = "QUALCODE_CODEBOOKS_DIR"
# Folder name -> environment variable that points it elsewhere (a lab's own codebooks), if any.
DATA_FOLDERS: dict[str, str | None] = {
    "codebooks": CODEBOOKS_DIR_ENV,
    "sample_transcripts": None,
}


class DataFolderMissing(LookupError):
    """``data_dir`` was asked for a folder QualCode does not ship."""


def package_root() -> Path:
    """The folder of the imported ``qualcode`` package (site-packages, checkout or bundle)."""
    root = files("qualcode")
    return root if isinstance(root, Path) else Path(str(root))


def data_dir(name: str) -> Path:
    """The folder holding the shipped ``name`` data (``codebooks``, ``sample_transcripts``).

    In order: the folder named by the override variable, the copy inside an installed
    package or bundle (``qualcode/data/<name>``), the top-level folder of a checkout.
    The path may not exist (a broken install); callers report that with their own error.
    """
    if name not in DATA_FOLDERS:
        raise DataFolderMissing(name)
    variable = DATA_FOLDERS[name]
    override = os.environ.get(variable) if variable else None
    if override:
        return Path(override)
    package = package_root()
    installed = package / "data" / name
    if installed.is_dir():
        return installed
    return package.parent / name
