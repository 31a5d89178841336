"""Switching the coder of an open project: new operations and undo belong to the new coder."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.errors import ValidationError
from qualcode.lock import read_owner
from qualcode.project import Project


def test_switching_coder_applies_at_once_with_its_own_undo(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.qdaproj", coder="root") as p:
        p.codes.create("Komunikasi")
        p.switch_coder("Ana")
        assert p.undo_label() is None  # Ana has done nothing yet
        p.codes.create("Sumber daya")
        assert p.audit_log(limit=1)[0].coder == "Ana"
        assert read_owner(p.path).user == "Ana"
        p.undo()
        assert {c.name for c in p.codes.all()} == {"Komunikasi"}
        p.switch_coder("root")
        assert p.undo_label() is not None
    with Project.open(tmp_path / "p.qdaproj", coder="Ana") as again:
        assert again.redo_label() is not None  # Ana's undone step is still hers after restart


@pytest.mark.parametrize("bad", ["", "   ", "x" * 101])
def test_a_coder_needs_a_sensible_name(tmp_path: Path, bad: str) -> None:
    with Project.create(tmp_path / "p.qdaproj", coder="root") as p:
        with pytest.raises(ValidationError):
            p.switch_coder(bad)
        assert p.coder == "root"
