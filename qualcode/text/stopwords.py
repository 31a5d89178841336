"""Stop words for Bahasa Indonesia and English interview transcripts.

The base lists are spaCy's (757 Indonesian, 326 English words), minus the
content words that public-administration researchers actually look for:
spaCy's Indonesian list contains "masalah", "jelas", "kurang", "mampu",
"pihak", "penting", "anggota"... and "tidak jelas" or "kurang anggaran" are
exactly the phrases that carry Edwards III's clarity and resources codes.
On top come the fillers of spoken Indonesian and English that transcribers
keep ("eee", "ehm", "gitu", "sih", "nggak", "um", "yeah"...).

Projects adjust the list with ``StopWords(extra=..., removed=...)``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words in spaCy's lists that carry meaning in policy-implementation interviews.
CONTENT_WORDS: dict[str, frozenset[str]] = {
    "id": _wordset(
        """
        masalah masalahnya persoalan kasus jelas jelaskan jelasnya jelaslah penting pentingnya
        pihak pihaknya keadaan keinginan kemungkinan kemungkinannya kurang mampu jawaban
        pertanyaan tahun bulan waktu waktunya umum umumnya tempat setempat cara caranya baik
        besar kecil tinggi cukup siap tegas keseluruhan bekerja jumlah jumlahnya ibu bagian
        """
    ),
    "en": _wordset(
        """
        serious empty full amount name call move show bottom top front side part
        """
    ),
}

# Fillers, hesitations and discourse particles of spoken language. Deliberately
# absent: "kaya" (rich; colloquially "like"), "kali" (times; river), "like".
FILLERS: dict[str, frozenset[str]] = {
    "id": _wordset(
        """
        e ee eee eeee eh ehm em emm hm hmm mm mmm anu ah oh oo ooh
        ya iya yah yaa nah gitu gini begitu begini sih kok deh dong toh lho loh kan tuh nih
        lah kah mah ok oke okay okey nggak ngga nggaknya gak ga enggak engga ndak tak
        udah aja sajalah kayak gimana bagaimana emang memang pokoknya terus trus tadi
        pak bapak bu
        """
    ),
    "en": _wordset(
        """
        uh uhm um umm er erm hm hmm mm mhm uh-huh yeah yep yes okay ok oh ah
        """
    ),
}


@cache
def base_stop_words(language: str) -> frozenset[str]:
    """spaCy's list for ``language`` with fillers added and content words removed."""
    if language not in ("id", "en"):
        return frozenset()
    words = {w.lower() for w in _spacy_list(language)}
    words |= FILLERS[language]
    words -= CONTENT_WORDS[language]
    return frozenset(words)


def _spacy_list(language: str) -> set[str]:
    """spaCy's stop-word list for ``language``, read without importing spaCy when possible.

    Guessing an imported file's language needs only this list; importing the
    ``spacy`` package for it would cost about 80 MB and a second. The list is a
    plain module inside spaCy's package folder; where that file cannot be found
    (a frozen app), spaCy is imported as usual.
    """
    name = f"spacy.lang.{language}.stop_words"
    loaded = sys.modules.get(name)
    if loaded is None:
        spec = importlib.util.find_spec("spacy")
        folders = list(spec.submodule_search_locations or []) if spec else []
        path = Path(folders[0], "lang", language, "stop_words.py") if folders else None
        if path is not None and path.is_file():
            file_spec = importlib.util.spec_from_file_location(f"_qualcode_{language}_stop", path)
            if file_spec is not None and file_spec.loader is not None:
                loaded = importlib.util.module_from_spec(file_spec)
                file_spec.loader.exec_module(loaded)
        if loaded is None:
            loaded = importlib.import_module(name)
    return set(loaded.STOP_WORDS)


class StopWords:
    """A stop-word set for one language, adjustable per project.

    ``extra`` adds words (a project's own fillers, an informant's tic),
    ``removed`` keeps words that matter to the study. Comparison is on
    lower-cased forms.
    """

    __slots__ = ("_words", "language")

    def __init__(
        self,
        language: str,
        *,
        extra: Iterable[str] = (),
        removed: Iterable[str] = (),
    ) -> None:
        self.language = language
        words = set(base_stop_words(language))
        words |= {w.strip().lower() for w in extra if w.strip()}
        words -= {w.strip().lower() for w in removed}
        self._words = frozenset(words)

    @property
    def words(self) -> frozenset[str]:
        """The effective set (lower-case)."""
        return self._words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self._words

    def __len__(self) -> int:
        return len(self._words)

    def is_stop(self, form: str) -> bool:
        """Whether ``form`` (any case) is a stop word."""
        return form.lower() in self._words
