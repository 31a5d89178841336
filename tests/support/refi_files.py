"""Small REFI-QDA archives written by hand, for the import's tests of odd and exact
cases: the sections of a project and its source texts, zipped as a `.qdpx`."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

NS = "urn:QDA-XML:project:1.0"


def write_qdpx(
    path: Path,
    sections: str,
    *,
    name: str,
    origin: str | None = None,
    texts: Mapping[str, str] | None = None,
) -> Path:
    """``path``, a project whose ``project.qde`` holds ``sections`` and whose
    ``sources/`` hold ``texts`` by source GUID (UTF-8)."""
    origin_attr = f' origin="{origin}"' if origin else ""
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="{name}"'
        f"{origin_attr}>{sections}</Project>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        for guid, text in (texts or {}).items():
            zf.writestr(f"sources/{guid}.txt", text.encode("utf-8"))
    return path
