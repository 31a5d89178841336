"""Match keys: the normalised form under which word variants are found together.

A key is computed from the lower-cased surface form of one token. Four
strategies exist for Indonesian so that the benchmark can compare them
(``benchmarks/bench_language.py``); the analyzer uses ``"combined"``:

``lookup``
    spaCy's lookup table (``spacy-lookups-data``, 36,872 Indonesian forms).
    Precise, but misses many affixed forms ("dilayani", "disosialisasikan").
``sastrawi``
    PySastrawi's rule-and-dictionary stemmer (Nazief–Adriani / ECS).
``lookup+sastrawi``
    The lookup table first, Sastrawi where it has no entry.
``combined``
    ``lookup+sastrawi`` after a short list
    of *lexicalised derivations* kept apart from their roots because their
    meaning in public administration differs: "pemerintah" (government) is
    not "perintah" (order), "kebijakan" (policy) not "bijak" (wise),
    "jaringan" (network) not "jaring" (net), "penanganan" (handling) not
    "tangan" (hand), "pengadaan" (procurement) not "ada" (exist),
    "kependudukan" (population affairs) not "duduk" (sit).

For words that neither the table nor Sastrawi can reduce, ``combined`` also
tries colloquial verb forms of spoken Indonesian: "ngurusin" -> "urus",
"nyiapin" -> "siap", "nulis" -> "tulis" (:func:`colloquial_root`).

Reduplication ("ibu-ibu", "kebijakan-kebijakan", informal "ibu2") takes the
key of its base word. Tokens with digits or other symbols are their own key.
Keys are cached in an LRU cache: Sastrawi manages ~16k new forms/s, while a
10M-word corpus repeats the same few hundred thousand forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections import Counter

Strategy = Literal["lookup", "sastrawi", "lookup+sastrawi", "combined"]

_CACHE_SIZE = 1 << 18
_REDUP_DIGIT = re.compile(r"([^\W\d_]{2,})2")
# Inflectional clitics that do not change a word's meaning.
_CLITIC = re.compile(r"(?:nya|lah|kah|pun|ku|mu)$")

# Lexicalised derivation -> key. Inflected forms (-nya, -lah...) and
# reduplications of these words share the key; other derivations of the same
# root ("memerintahkan") keep the root's key.
PROTECTED_ID: dict[str, str] = {
    "pemerintah": "pemerintah",
    "pemerintahan": "pemerintah",
    "kepemerintahan": "pemerintah",
    "kebijakan": "kebijakan",
    "jaringan": "jaringan",
    "berjaringan": "jaringan",
    "penanganan": "tangani",
    "menangani": "tangani",
    "ditangani": "tangani",
    "tertangani": "tangani",
    "penangan": "tangani",
    "keuangan": "keuangan",
    "pegawai": "pegawai",
    "kepegawaian": "pegawai",
    "perangkat": "perangkat",
    "pendapatan": "pendapatan",
    "pengadaan": "pengadaan",
    "penduduk": "penduduk",
    "kependudukan": "penduduk",
    "pengadilan": "pengadilan",
    "keterangan": "keterangan",
}


def _lookup_table(language: str) -> Any:
    """spaCy's lemma lookup table for ``language`` (loaded through the pipeline)."""
    from qualcode.text.analyzer import get_nlp

    lemmatizer: Any = get_nlp(language).get_pipe("lemmatizer")
    return lemmatizer.lookups.get_table("lemma_lookup")


@lru_cache(maxsize=1)
def _sastrawi() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    """PySastrawi's word stemmer (without its unbounded cache) and root-word test."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    # CachedStemmer wraps the real stemmer; we cache ourselves (bounded).
    inner = getattr(stemmer, "delegatedStemmer", stemmer)
    return inner.stem_word, inner.dictionary.contains


# Colloquial (Jakarta) verb prefixes and the standard initials they replace:
# ngurus/urus, ngelola/kelola, nyiapin/siap, nyari/cari, nulis/tulis, makai/pakai.
_COLLOQUIAL_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nge", ("",)),
    ("ng", ("", "k")),
    ("ny", ("c", "s")),
    ("di", ("",)),
    ("n", ("t",)),
    ("m", ("p",)),
)


def colloquial_root(
    form: str, is_root: Callable[[str], bool], productivity: Callable[[str], int]
) -> str | None:
    """Root of a colloquial verb ("ngurusin" -> "urus", "disiapin" -> "siap"), if known.

    Only words that are not themselves roots are tried ("ngeri", "nyata",
    "nanti" stay), and a candidate counts only if it is a known root. When
    several are ("nyiapin": siap/ciap, "ngurus": urus/kurus), the most
    productive root wins: the one with the most derived forms in spaCy's
    lookup table. The suffix "-in" is stripped only together with a prefix,
    so that names such as "Arifin" keep their key.
    """
    if len(form) < 5 or is_root(form):
        return None
    base = form[:-3] if form.endswith("nya") and len(form) > 7 else form
    candidates: list[str] = []
    for prefix, initials in _COLLOQUIAL_PREFIXES:
        if not base.startswith(prefix):
            continue
        rest = base[len(prefix) :]
        for body in (rest[:-2], rest) if rest.endswith("in") else (rest,):
            if prefix in ("n", "m", "ng") and body[:1] not in "aeiou":
                continue  # n/m/ng replace the initial consonant before a vowel
            for initial in initials:
                candidate = initial + body
                if len(candidate) >= 3 and is_root(candidate):
                    candidates.append(candidate)
    if not candidates:
        return None
    return max(candidates, key=productivity)  # first of equals wins


def _is_plain_word(form: str) -> bool:
    """Letters only (ASCII a-z for Sastrawi, whose rules are ASCII)."""
    return form.isascii() and form.isalpha()


class KeyFunction:
    """Callable ``form -> key`` for one language and strategy, with an LRU cache.

    ``form`` must already be lower-cased (the lookup table is case-sensitive).
    """

    def __init__(self, language: str, strategy: Strategy = "combined") -> None:
        self.language = language
        self.strategy: Strategy = strategy if language == "id" else "lookup"
        self._table = table = _lookup_table(language)
        self._lemma_counts: Counter[str] | None = None
        self._lookup: Callable[[str], str | None] = table.get
        self._stem: Callable[[str], str] | None = None
        self._is_root: Callable[[str], bool] | None = None
        if self.strategy != "lookup":
            self._stem, self._is_root = _sastrawi()
        combined = self.strategy == "combined"
        self._protected = PROTECTED_ID if combined else {}
        self._colloquial = combined
        self.key: Callable[[str], str] = lru_cache(maxsize=_CACHE_SIZE)(self._compute)

    def __call__(self, form: str) -> str:
        return self.key(form)

    def _compute(self, form: str) -> str:
        if not form.isalpha():
            return self._compound(form)
        protected = self._protected_key(form)
        if protected is not None:
            return protected
        if self.strategy == "lookup" or self._stem is None:
            return self._lookup(form) or form
        if self.strategy != "sastrawi":
            found = self._lookup(form)
            if found:
                return found
        if not _is_plain_word(form):
            return form
        stem = self._stem(form) or form
        if stem == form and self._colloquial and self._is_root is not None:
            root = colloquial_root(form, self._is_root, self._productivity)
            if root is not None:
                return self._lookup(root) or self._stem(root) or root
        return stem

    def _productivity(self, root: str) -> int:
        """Number of forms the lookup table maps to ``root`` (counted on first use)."""
        if self._lemma_counts is None:
            from collections import Counter

            self._lemma_counts = Counter(self._table.values())
        return self._lemma_counts.get(root, 0)

    def _protected_key(self, form: str) -> str | None:
        if not self._protected:
            return None
        hit = self._protected.get(form)
        if hit is None and len(form) > 6:
            hit = self._protected.get(_CLITIC.sub("", form))
        return hit

    def _compound(self, form: str) -> str:
        """Keys of reduplications (ibu-ibu, ibu2) and other non-alphabetic tokens."""
        if self.language == "id":
            m = _REDUP_DIGIT.fullmatch(form)
            if m:
                return self.key(m.group(1))
        if "-" in form:
            parts = form.split("-")
            if all(p.isalpha() for p in parts):
                if len(parts) == 2 and parts[0] == parts[1]:
                    return self.key(parts[0])
                if (
                    len(parts) == 2
                    and self._stem is not None
                    and self.key(parts[0]) == self.key(parts[1])
                ):
                    # kebijakan-kebijakannya, pegawai-pegawainya
                    return self.key(parts[0])
                found = self._lookup(form)
                if found:
                    return found
                if self._stem is not None and form.isascii():
                    return self._stem(form) or form
        return form

    def cache_info(self) -> Any:
        """Statistics of the LRU cache (hits, misses, size)."""
        return self.key.cache_info()  # type: ignore[attr-defined]
