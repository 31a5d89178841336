"""Object GUIDs: standard UUIDs, unique, and time-ordered for index locality."""

from __future__ import annotations

import time
import uuid

from qualcode.store.models.base import new_guid


def test_guids_are_version_7_unique_and_ordered() -> None:
    first = [new_guid() for _ in range(1000)]
    time.sleep(0.002)
    later = new_guid()
    assert len(set(first)) == 1000
    parsed = [uuid.UUID(g) for g in first]
    assert {u.version for u in parsed} == {7}
    assert {u.variant for u in parsed} == {uuid.RFC_4122}
    assert max(first) < later  # a later millisecond sorts after
