"""Guess whether a source is in Bahasa Indonesia or English.

No language-identification model is installed and none may be downloaded, so
the guess counts stop words: function words are the most frequent words of
any text and the two languages share almost none of them. Only words that are
stop words in one language and not the other count ("ok", "per" do not).

The text is sampled (start, middle and end, ``sample_words`` in all), so a
300-page transcript costs the same as a page. Fewer than ``min_hits`` counted
words, or no clear majority (``majority``), gives ``"und"`` (undetermined):
the caller then asks the user or keeps the project's default language.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from qualcode.text.stopwords import base_stop_words

LanguageCode = Literal["id", "en", "und"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _distinctive() -> dict[str, frozenset[str]]:
    """Stop words of each language that are not stop words of the other."""
    id_words, en_words = base_stop_words("id"), base_stop_words("en")
    return {"id": id_words - en_words, "en": en_words - id_words}


_WINDOW_CHARS = 16  # characters per sampled word, generously (words + spaces + punctuation)


def _sample(text: str, sample_words: int) -> list[str]:
    """About ``sample_words`` words from the start, middle and end of ``text``.

    A long text is cut into three character windows first, so a 95 MB
    transcript is never split into one list of all its words.
    """
    third = max(1, sample_words // 3)
    window = third * _WINDOW_CHARS
    if len(text) <= 3 * window:
        words = _WORD.findall(text)
        if len(words) <= sample_words:
            return words
        middle = len(words) // 2 - third // 2
        return words[:third] + words[middle : middle + third] + words[-third:]
    middle = len(text) // 2 - window // 2
    head = _WORD.findall(text, 0, window)[:third]
    # A window cut mid-word drops its first (or last) partial word.
    centre = _WORD.findall(text, middle, middle + window)[1:][:third]
    tail = _WORD.findall(text, len(text) - window)[1:][-third:]
    return head + centre + tail


def language_scores(text: str, *, sample_words: int = 3000) -> dict[str, int]:
    """Number of distinctive stop words of each language in a sample of ``text``."""
    lists = _distinctive()
    scores = dict.fromkeys(lists, 0)
    for word in _sample(text, sample_words):
        w = word.lower().replace("’", "'")
        for lang, words in lists.items():
            if w in words:
                scores[lang] += 1
    return scores


def detect_language(
    text: str,
    *,
    sample_words: int = 3000,
    min_hits: int = 2,
    majority: float = 0.65,
) -> LanguageCode:
    """``"id"``, ``"en"``, or ``"und"`` when the text is too short or evenly mixed.

    An Indonesian transcript sprinkled with English terms ("smart city",
    "big data", "dashboard") is still ``"id"``: the function words are
    Indonesian.
    """
    scores = language_scores(text, sample_words=sample_words)
    total = sum(scores.values())
    if total < min_hits:
        return "und"
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] / total < majority:
        return "und"
    return best  # type: ignore[return-value]
