"""The app's labels of source kinds name exactly the core's one list of kinds."""

from __future__ import annotations

from qualcode.records import SOURCE_KINDS
from qualcode.ui.features.conclusions_words import KIND_WORDS
from qualcode.ui.shell.navigation import KIND_LABELS


def test_every_source_kind_has_its_labels() -> None:
    assert list(KIND_LABELS) == list(SOURCE_KINDS)
    assert set(KIND_WORDS) == set(SOURCE_KINDS)
