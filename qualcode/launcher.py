"""Entry point of the desktop bundle: one program, two faces.

``QualCode [FILE]`` opens the desktop app (on a project, or importing a .qdpx/.qdc given
by a file association); ``QualCode --cli ARGS`` and the bundle's second executable,
``qualcode-cli ARGS``, run the command line. Both go through the same click group as
the ``qualcode`` command of a pip install, so the bundle has no commands of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["CLI_FLAG", "CLI_NAME", "main", "split_args"]

CLI_FLAG = "--cli"
CLI_NAME = "qualcode-cli"


def split_args(executable: str, argv: list[str]) -> tuple[bool, list[str]]:
    """``(run the CLI?, the arguments for the ``qualcode`` command)`` of an invocation."""
    if argv[:1] == [CLI_FLAG]:
        return True, argv[1:]
    if Path(executable).stem.lower() == CLI_NAME:
        return True, argv
    if argv[:1] in (["--help"], ["-h"], ["--version"]):
        return False, argv
    return False, ["gui", *argv]


def main() -> None:
    """Run the app or the CLI, as the executable's name and first argument say."""
    from qualcode.cli.main import cli

    use_cli, args = split_args(sys.executable, sys.argv[1:])
    cli.main(args, prog_name="qualcode" if use_cli else "QualCode")


if __name__ == "__main__":  # pragma: no cover
    main()
