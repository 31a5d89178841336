"""Shared analyzers: spaCy loads once per test session."""

from __future__ import annotations

import pytest

from qualcode.text.analyzer import Analyzer, get_analyzer


@pytest.fixture(scope="session")
def id_analyzer() -> Analyzer:
    """The shared Indonesian analyzer."""
    return get_analyzer("id")


@pytest.fixture(scope="session")
def en_analyzer() -> Analyzer:
    """The shared English analyzer."""
    return get_analyzer("en")
