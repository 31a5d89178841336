"""Translation markers for the headless core.

The core never imports Qt, yet its user-facing messages (operation labels, error
templates) must be translated by the UI. Strings are wrapped in
``QT_TRANSLATE_NOOP(context, text)``: at run time it returns ``text`` unchanged,
and ``pyside6-lupdate`` recognises the call when it scans the core, so the
strings land in the ``.ts`` files. The UI translates them with
``QCoreApplication.translate(context, text)`` and then fills in parameters.
"""

from __future__ import annotations

CONTEXT_ERRORS = "errors"
CONTEXT_OPS = "operations"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    del context
    return text
