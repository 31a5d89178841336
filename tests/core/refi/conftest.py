"""Fixtures for the REFI-QDA layer tests: sample paths and tiny archive builders.

Helpers are fixtures (not an imported module) so the tests work in any pytest import mode.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from qualcode.interop.refi.format import read_project
from qualcode.interop.refi.format.model import Project

DATA = Path(__file__).resolve().parents[2] / "data" / "refi"


@pytest.fixture(scope="session")
def samples() -> SimpleNamespace:
    """Paths of the real sample files (see tests/data/refi/PROVENANCE.md)."""
    return SimpleNamespace(
        folder=DATA,
        nvivo=DATA / "nvivo-mac-12.7.0_OltasSzkepticizmus_17June.qdpx",
        maxqda=DATA / "maxqda-24.7.0_ICLS_just10.qdpx",
        atlas_mac=DATA / "atlasti-mac-8.4.0_REFI-standard-project.qde",
        atlas_win=DATA / "atlasti-win-23.2.3_target-atlas-project.qdpx",
        atlas_qdc=DATA / "atlasti-win-23.4.0_codebook.qdc",
        taguette_qdc=DATA / "taguette-1.4.1_codebook.qdc",
    )


@pytest.fixture(scope="session")
def nvivo_project(samples: SimpleNamespace) -> Project:
    """The NVivo sample, read once (the model is immutable)."""
    return read_project(samples.nvivo)


def _make_qdpx(
    path: Path,
    qde: bytes | str | None,
    files: dict[str, bytes] | None = None,
    *,
    qde_name: str = "project.qde",
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        if qde is not None:
            zf.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def make_qdpx() -> Callable[..., Path]:
    """Write a .qdpx: ``make_qdpx(path, qde, {entry: bytes}, qde_name=..., compression=...)``."""
    return _make_qdpx


@pytest.fixture
def project_xml() -> Callable[..., str]:
    """A minimal project document around a body: ``project_xml(body, ns=..., attrs=...)``."""

    def build(body: str, *, ns: str = "urn:QDA-XML:project:1.0", attrs: str = "") -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<Project xmlns="{ns}" name="t" {attrs}>{body}</Project>'
        )

    return build
