"""The in-vivo naming rule: a code named with the informant's own words.

In-vivo coding (Saldaña, *The Coding Manual*) names a code with a short phrase
the participant said ("pakai Excel saja") and puts it in quotation marks so
the codebook shows at a glance which codes are the informants' words and which
are the researcher's. One rule for the core, the CLI and the app: the selection
on one line, outer spaces and punctuation trimmed, cut at a word near 60
characters (with an ellipsis), in curly quotes.
"""

from __future__ import annotations

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

INVIVO_MAX_CHARS = 60
QUOTES = ("\u201c", "\u201d")  # “ ”
STRIP = " \t\r\n\"'“”‘’«».,;:!?…-–—()[]"


def invivo_name(text: str, max_chars: int = INVIVO_MAX_CHARS) -> str:
    """A code name from selected words: one line, trimmed, cut at a word, in quotes.

    Raises :class:`ValidationError` when the selection holds no words.
    """
    words = " ".join(text.split()).replace("/", " ").strip(STRIP)
    words = " ".join(words.split())
    if not words:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Select some words to name an in-vivo code.")
        )
    if len(words) > max_chars:
        cut = words[:max_chars]
        space = cut.rfind(" ")
        cut = cut[:space] if space > max_chars // 2 else cut
        words = cut.rstrip(STRIP) + "…"
    return f"{QUOTES[0]}{words}{QUOTES[1]}"
