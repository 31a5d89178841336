"""Fixtures for the codebook-in-project tests: the sample study imported without the demo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from qualcode.project import Project
from qualcode.sources.extract import extract_file

SAMPLES = Path(__file__).resolve().parents[3] / "sample_transcripts"
STUDY_CODEBOOKS = ("edwards3", "smartcity-kominfo", "factors")


def add_sample_sources(project: Project) -> None:
    """Import the eleven sample sources under their manifest names (as the demo does)."""
    manifest = yaml.safe_load((SAMPLES / "study.yaml").read_text(encoding="utf-8"))
    for entry in manifest["sources"]:
        extracted = extract_file(SAMPLES / entry["file"])
        project.sources.add_text(entry["name"], extracted.text, kind=entry["kind"])


@pytest.fixture
def samples() -> Path:
    """The sample study folder."""
    return SAMPLES


@pytest.fixture
def sources_project(tmp_path: Path) -> Iterator[Project]:
    """A project with the eleven sample sources and no codes."""
    p = Project.create(tmp_path / "sources.qdaproj", coder="peneliti")
    try:
        add_sample_sources(p)
        yield p
    finally:
        p.close()


@pytest.fixture
def study_project(tmp_path: Path) -> Iterator[Project]:
    """A project with the sample sources and the three study codebooks loaded."""
    from qualcode.codebooks.project import load_codebook_into

    p = Project.create(tmp_path / "sample.qdaproj", coder="peneliti")
    try:
        add_sample_sources(p)
        for book in STUDY_CODEBOOKS:
            load_codebook_into(p, book)
        yield p
    finally:
        p.close()


@pytest.fixture
def sqlite_project(tmp_path: Path) -> Iterator[Project]:
    """A fresh project file (SQLite only), for the slower engine-independent checks."""
    p = Project.create(tmp_path / "fast.qdaproj", coder="ana")
    try:
        yield p
    finally:
        p.close()
