"""A catastrophic regular expression is stopped with a clear message, not run for minutes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.errors import RegexTimeoutError
from qualcode.project import Project
from qualcode.search.search import search
from qualcode.text import query as q

SLOW = r"(\w+\s?)+$"


@pytest.fixture
def wordy(tmp_path: Path) -> Path:
    path = tmp_path / "p.qdaproj"
    with Project.create(path, coder="ana") as p:
        p.sources.add_text("W1", "kata " * 4000 + "!", kind="interview")
        p.sources.add_text("W2", "Anggaran desa terbatas.", kind="interview")
    return path


def test_slow_regex_is_stopped_within_the_limit(
    wordy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(q, "REGEX_TIME_LIMIT", 0.5)
    with Project.open(wordy, read_only=True) as p:
        assert [h.text for h in search(p, r"Angg\w+", "regex")] == ["Anggaran"]  # index built
        started = time.monotonic()
        with pytest.raises(RegexTimeoutError, match="stopped after"):
            search(p, SLOW, "regex")
        assert time.monotonic() - started < 10  # unbounded, it ran for minutes


def test_cli_reports_the_time_limit(wordy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(q, "REGEX_TIME_LIMIT", 0.5)
    result = CliRunner().invoke(
        cli, ["search", str(wordy), "--mode", "regex", SLOW], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "Error: The regular expression was stopped" in result.output


def test_invalid_regex_is_still_a_clear_error(wordy: Path) -> None:
    result = CliRunner().invoke(cli, ["search", str(wordy), "--mode", "regex", "(unclosed"])
    assert result.exit_code == 1 and "Invalid regular expression" in result.output
