"""Tokens, match keys, sentences and paragraphs for Bahasa Indonesia and English.

Built on ``spacy.blank(lang)`` (no model download) with spaCy's lookup
lemmatizer and, for Indonesian, PySastrawi where the lookup table has no entry
(see :mod:`qualcode.text.stemming`). Figures from ``benchmarks/bench_language.py``
(71 Indonesian word families, 221 affixed forms, plus 18 families of colloquial
verb forms; recall = forms whose key equals the key of the family's head word,
over-merged = pairs of distinct families whose head words share a key)::

    strategy                recall  over-merged  colloquial recall
    lookup only             0.606   10           0.03
    Sastrawi only           0.995    8           0.14
    lookup, then Sastrawi   0.995   10           0.14
    combined                1.000    0           1.00     <- used

``combined`` = lookup, then Sastrawi, then colloquial rules, with a list of
protected derivations ("pemerintah" is not "perintah"). The protected list
and the colloquial rules were written from these families, so their figures
are in-sample; on 25 colloquial forms written afterwards recall is 0.80.
The gain of Sastrawi over lookup alone is not in-sample.

Speed (same script, 300k words of sample transcripts, CPU time on 2 shared
cores): the analyzer runs only ``nlp.tokenizer`` and adds keys from a
per-lexeme cache, with the cyclic GC paused while tokens are built: 1.08x the
time of a bare ``spacy.blank("id").tokenizer`` run over the same text (~44k
tokens/s here), 1.16x for English (~196k tokens/s bare). A first run with an
empty key cache costs more (Sastrawi does ~16k new forms/s): 1.21x here, on a
small vocabulary.

Offsets are code points into the text given (Python ``str`` indices); convert
for Qt with :mod:`qualcode.text.offsets`.
"""

from __future__ import annotations

import re
import threading
from itertools import pairwise
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

from qualcode.bulk import gc_paused
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.text.stopwords import StopWords

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from qualcode.text.stemming import KeyFunction, Strategy

SUPPORTED_LANGUAGES: tuple[str, ...] = ("id", "en")

_LEXEME_CACHE_SIZE = 200_000
_NLP: dict[str, Language] = {}
_LOCK = threading.Lock()

# Quotes and brackets that may open a sentence. '"' and "'" are ambiguous and
# are judged by the spaces around them.
_OPENERS = frozenset("\"'“‘«‹„‚([{")
_BREAK = r"(?:\r\n|\r(?!\n)|[\n\u2028\u2029\x0b\x0c\x85])"
_LINE_BREAK = re.compile(_BREAK)
# Two or more line breaks with only blanks between, or the paragraph separator.
_BLANK_LINES = re.compile(rf"{_BREAK}[ \t]*(?:{_BREAK}[ \t]*)+|\u2029")


class Token(NamedTuple):
    """One token of a text, with code-point offsets: ``text[start:end]`` is its surface."""

    start: int
    end: int
    form: str  # lower-cased surface
    key: str  # match key (lemma or stem of ``form``)
    is_stop: bool
    is_word: bool  # has a letter or digit (words, numbers, "ibu-ibu", "e-KTP")

    @property
    def is_punct(self) -> bool:
        """Punctuation, symbols and emoji: everything that is not a word."""
        return not self.is_word


def check_language(language: str) -> str:
    """Return ``language`` if supported, else raise :class:`ValidationError`."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unsupported language '{language}' (use {supported})."),
            language=language,
            supported=", ".join(SUPPORTED_LANGUAGES),
        )
    return language


def get_nlp(language: str) -> Language:
    """The shared blank spaCy pipeline of ``language`` (lemmatizer + sentencizer), loaded once."""
    check_language(language)
    nlp = _NLP.get(language)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _NLP.get(language)
        if nlp is None:
            import spacy

            nlp = spacy.blank(language)
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
            nlp.add_pipe("sentencizer")
            nlp.initialize()
            _NLP[language] = nlp
    return nlp


def _has_word_char(form: str) -> bool:
    return any(ch.isalnum() for ch in form)


class Analyzer:
    """Splits one language's text into tokens with match keys, sentences and paragraphs.

    Create one per language and reuse it: the spaCy pipeline is shared by all
    analyzers of a language and the key and lexeme caches live on the instance.
    """

    def __init__(
        self,
        language: str,
        *,
        stop_words: StopWords | None = None,
        strategy: Strategy = "combined",
    ) -> None:
        self.language = check_language(language)
        self.stop_words = stop_words if stop_words is not None else StopWords(language)
        self._strategy: Strategy = strategy
        self._key_function: KeyFunction | None = None
        # lexeme id -> (length, form, key, is_stop, is_word), or None for whitespace
        self._lexemes: dict[int, tuple[int, str, str, bool, bool] | None] = {}

    @property
    def key_function(self) -> KeyFunction:
        """The cached ``form -> key`` function (loads spaCy and Sastrawi on first use)."""
        if self._key_function is None:
            from qualcode.text.stemming import KeyFunction

            self._key_function = KeyFunction(self.language, self._strategy)
        return self._key_function

    @property
    def nlp(self) -> Language:
        """The shared spaCy pipeline of this language."""
        return get_nlp(self.language)

    def key(self, word: str) -> str:
        """Match key of one word, any case ("Dilayani" -> "layan")."""
        return self.key_function(word.lower())

    def tokenize(self, text: str) -> Doc:
        """The bare spaCy tokenization (no pipeline components)."""
        return self.nlp.tokenizer(text)

    def analyze(self, text: str) -> list[Token]:
        """Tokens of ``text`` without whitespace tokens, in order, with keys and flags."""
        from spacy.attrs import IDX, ORTH

        doc = self.tokenize(text)
        rows = doc.to_array([ORTH, IDX]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        lexemes = self._lexemes
        if len(lexemes) > _LEXEME_CACHE_SIZE:
            lexemes.clear()  # bounded memory over a 10M-word corpus; refills fast
        get = lexemes.get
        out: list[Token] = []
        append = out.append
        new = tuple.__new__  # skips NamedTuple's Python-level __new__ (hot loop)
        with gc_paused():
            for orth, start in rows:
                found = get(orth, _MISSING)
                if found is _MISSING:
                    found = lexemes[orth] = self._lexeme(strings[orth])
                if found is None:
                    continue
                info = cast(tuple[int, str, str, bool, bool], found)
                length, form, key, is_stop, is_word = info
                append(new(Token, (start, start + length, form, key, is_stop, is_word)))
        return out

    def _lexeme(self, surface: str) -> tuple[int, str, str, bool, bool] | None:
        if surface.isspace():
            return None
        form = surface.lower()
        is_word = _has_word_char(form)
        key = self.key_function(form) if is_word else form
        return (len(surface), form, key, self.stop_words.is_stop(form), is_word)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans, trimmed of surrounding whitespace; never crossing a line break.

        spaCy's sentencizer leaves an opening quote or bracket at the end of the
        previous sentence (``Kata dia. "Baik" ya.``); such openers are moved to
        the sentence they open. A quotation followed by a lower-case attribution
        (``"Sudah?" tanya dia.``) stays one sentence.
        """
        nlp = self.nlp
        sentencizer = nlp.get_pipe("sentencizer")
        spans: list[tuple[int, int]] = []
        for p_start, p_end in paragraphs(text):
            doc = sentencizer(nlp.tokenizer(text[p_start:p_end]))
            starts = [s.start for s in doc.sents]
            starts = [_move_openers(doc, i) if i else 0 for i in starts]
            bounds = [*starts, len(doc)]
            para_spans: list[tuple[int, int]] = []
            for a, b in pairwise(bounds):
                words = [t for t in doc[a:b] if not t.is_space]
                if not words:
                    continue
                span = (p_start + words[0].idx, p_start + words[-1].idx + len(words[-1]))
                if para_spans and _continues_quote(text, para_spans[-1], span):
                    span = (para_spans.pop()[0], span[1])
                para_spans.append(span)
            spans += para_spans
        return spans

    def paragraphs(
        self, text: str, *, split: Literal["line", "blank"] = "line"
    ) -> list[tuple[int, int]]:
        """Same as the module function :func:`paragraphs`."""
        return paragraphs(text, split=split)


_MISSING = object()


_CLOSERS = frozenset("\"'”’»›)]}")


def _continues_quote(text: str, previous: tuple[int, int], span: tuple[int, int]) -> bool:
    """A lower-case start after a closing quote: '"Sudah?" tanya dia.' is one sentence."""
    before = text[previous[0] : previous[1]]
    first = text[span[0]]
    return len(before) > 1 and before[-1] in _CLOSERS and first.isalpha() and first.islower()


def _move_openers(doc: Doc, start: int) -> int:
    """Move a sentence start back over opening quotes/brackets stuck to the previous sentence."""
    i = start
    while i > 1:
        tok = doc[i - 1]
        if tok.text not in _OPENERS or tok.whitespace_:
            break
        before = doc[i - 2]
        if before.whitespace_ or before.is_space:
            return i - 1
        if before.text in _OPENERS:  # "(" + '"' both opening
            i -= 1
            continue
        break
    return start


def paragraphs(text: str, *, split: Literal["line", "blank"] = "line") -> list[tuple[int, int]]:
    """Paragraph spans, trimmed of surrounding whitespace; empty paragraphs are skipped.

    ``split="line"`` (the default, for transcripts with one speaker turn per
    line): every line break (LF, CRLF, CR, U+2028/2029) ends a paragraph.
    ``split="blank"``: only blank lines (and U+2029) do, so hard-wrapped prose
    stays whole.
    """
    pattern = _LINE_BREAK if split == "line" else _BLANK_LINES
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in pattern.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


_ANALYZERS: dict[tuple[str, str], Analyzer] = {}


def get_analyzer(language: str, strategy: Strategy = "combined") -> Analyzer:
    """A shared default :class:`Analyzer` (default stop words) for ``language``."""
    analyzer = _ANALYZERS.get((language, strategy))
    if analyzer is None:
        analyzer = _ANALYZERS.setdefault(
            (language, strategy), Analyzer(language, strategy=strategy)
        )
    return analyzer
