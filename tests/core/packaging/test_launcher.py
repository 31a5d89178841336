"""The bundle's entry point: which invocations run the app and which the CLI."""

from __future__ import annotations

import pytest

from qualcode.launcher import split_args


@pytest.mark.parametrize(
    ("executable", "argv", "expected"),
    [
        ("/opt/QualCode/QualCode", [], (False, ["gui"])),
        ("/opt/QualCode/QualCode", ["x.qdaproj"], (False, ["gui", "x.qdaproj"])),
        ("/opt/QualCode/QualCode", ["--cli", "demo", "x"], (True, ["demo", "x"])),
        ("/opt/QualCode/QualCode", ["--version"], (False, ["--version"])),
        ("C:/QualCode/qualcode-cli.exe", ["codebook", "list"], (True, ["codebook", "list"])),
        ("/Apps/QualCode.app/Contents/MacOS/qualcode-cli", [], (True, [])),
        # Only a leading --cli switches: a later one belongs to the project path.
        ("/opt/QualCode/QualCode", ["a", "--cli"], (False, ["gui", "a", "--cli"])),
    ],
)
def test_split_args(executable: str, argv: list[str], expected: tuple[bool, list[str]]) -> None:
    assert split_args(executable, argv) == expected


def test_cli_runs_through_the_same_command_group(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from qualcode import launcher

    monkeypatch.setattr(sys, "argv", ["QualCode", "--cli", "codebook", "list"])
    with pytest.raises(SystemExit) as stop:
        launcher.main()
    assert stop.value.code == 0
    assert "edwards3" in capsys.readouterr().out
