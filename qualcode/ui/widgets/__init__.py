"""Reusable Qt widgets of the QualCode desktop app.

Names are loaded on first use, so building the plain input dataclasses
(``CodingSpan``, ``TurnSpan``) does not import Qt.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualcode.ui.widgets.document_model import CodingSpan, TurnSpan
    from qualcode.ui.widgets.document_view import DocumentView

_EXPORTS = {
    "CodingSpan": "qualcode.ui.widgets.document_model",
    "TurnSpan": "qualcode.ui.widgets.document_model",
    "DocumentView": "qualcode.ui.widgets.document_view",
}

__all__ = ["CodingSpan", "DocumentView", "TurnSpan"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
