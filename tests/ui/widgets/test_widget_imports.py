"""The widgets take plain data: no database layer behind them, no Qt in the layout rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_document_view_does_not_pull_in_the_database() -> None:
    run(
        "import sys, qualcode.ui.widgets.document_view\n"
        "bad = [m for m in sys.modules if m.startswith(('sqlalchemy', 'qualcode.store'))]\n"
        "assert not bad, bad"
    )


def test_layout_rules_are_plain_python() -> None:
    run(
        "import sys\n"
        "from qualcode.ui.widgets import CodingSpan, TurnSpan\n"
        "assert not any(k.startswith('PySide6') for k in sys.modules), 'Qt imported'"
    )
