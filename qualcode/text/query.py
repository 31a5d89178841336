"""Search queries: parse what a researcher types, and a reference matcher for one text.

Modes (:class:`SearchMode`):

``exact``     the whole input is one phrase of consecutive words.
``words``     every word or quoted phrase must occur (in the scope searched).
``any``       any word or quoted phrase.
``lemma``     like ``words``, compared by match key: "layanan" finds "pelayanan",
              "melayani", "dilayani"; "sosialisasi" finds "disosialisasikan".
``wildcard``  ``*`` (any letters) and ``?`` (one letter) within a word: ``layan*``.
``regex``     a Python regular expression over the raw text.
``fuzzy``     spelling variants of the phrase (see :mod:`qualcode.text.fuzzy`).

Matching works on tokens (:class:`~qualcode.text.analyzer.Token`): a phrase
matches consecutive *words*, punctuation between them is ignored (as in
SQLite FTS5), and hits are token-aligned: "layan" in ``exact`` mode does not
match inside "pelayanan". Case is ignored unless ``case_sensitive``.

Indonesian reduplication: "ibu2" is read as "ibu-ibu" in every mode; in
``words``/``any`` a plain word also finds its reduplicated plural ("ibu" finds
"ibu-ibu"), while "ibu-ibu" finds only the plural; ``lemma`` keys both as "ibu".

:func:`find_matches` is the reference implementation used for small scopes and
tests; a database index provides the fast path for whole projects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from qualcode.errors import RegexTimeoutError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.text.fuzzy import DEFAULT_THRESHOLD, find_fuzzy

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from qualcode.text.analyzer import Analyzer, Token

_QUOTED = re.compile(r"[\"“”„]([^\"“”„]*)[\"“”„]")
_REDUP_DIGIT = re.compile(r"([^\W\d_]{2,})2")


class SearchMode(StrEnum):
    """How a query's words are matched."""

    EXACT = "exact"
    WORDS = "words"
    ANY = "any"
    LEMMA = "lemma"
    WILDCARD = "wildcard"
    REGEX = "regex"
    FUZZY = "fuzzy"


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query; a phrase matches consecutive words."""

    words: tuple[str, ...]  # as typed (original case), punctuation removed
    forms: tuple[str, ...]  # lower-cased, reduplication normalised ("ibu2" -> "ibu-ibu")
    keys: tuple[str, ...]  # match keys (lemma mode)
    patterns: tuple[re.Pattern[str], ...] = ()  # wildcard mode, one per word

    @property
    def is_phrase(self) -> bool:
        """More than one word."""
        return len(self.words) > 1


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search; immutable, so it can be cached and sent to a worker thread."""

    mode: SearchMode
    text: str
    terms: tuple[Term, ...]
    require_all: bool
    case_sensitive: bool = False
    language: str = "id"
    regex: Any = None
    """The compiled pattern (the ``regex`` module's, which can time out) of a regex query."""
    threshold: float = DEFAULT_THRESHOLD


def normalise_form(form: str) -> str:
    """Lower-case form with informal reduplication spelled out ("Ibu2" -> "ibu-ibu")."""
    form = form.lower()
    m = _REDUP_DIGIT.fullmatch(form)
    return f"{m.group(1)}-{m.group(1)}" if m else form


def _redup_base(form: str) -> str | None:
    """ "ibu" for a full reduplication "ibu-ibu", else None."""
    head, sep, tail = form.partition("-")
    return head if sep and head == tail else None


def _split_input(text: str) -> list[tuple[str, bool]]:
    """(chunk, is_quoted) pieces: quoted phrases and the whitespace-separated words between."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in _QUOTED.finditer(text):
        pieces += [(w, False) for w in text[pos : m.start()].split()]
        if m.group(1).strip():
            pieces.append((m.group(1), True))
        pos = m.end()
    pieces += [(w, False) for w in text[pos:].replace('"', " ").split()]
    return pieces


def _wildcard_pattern(word: str, case_sensitive: bool) -> re.Pattern[str]:
    if not any(ch.isalnum() for ch in word):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The wildcard term '{term}' needs at least one letter or digit."
            ),
            term=word,
        )
    body = "".join(
        ".*" if ch == "*" else "." if ch == "?" else re.escape(ch)
        for ch in (word if case_sensitive else word.lower())
    )
    return re.compile(body, 0 if case_sensitive else re.IGNORECASE)


def parse_query(
    text: str,
    mode: SearchMode | str = SearchMode.WORDS,
    *,
    language: str = "id",
    analyzer: Analyzer | None = None,
    case_sensitive: bool = False,
    require_all: bool | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Query:
    """Parse a user's search text for ``mode``; raise :class:`ValidationError` if unusable.

    ``require_all`` defaults to True for ``words``, ``lemma`` and ``wildcard``
    (every term must occur in the scope) and False for ``any``. Pass the
    analyzer that produced the tokens you will match (default: the shared one
    of ``language``) so that match keys agree.
    """
    mode = SearchMode(mode)
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The search text is empty."))
    if require_all is None:
        require_all = mode in (SearchMode.WORDS, SearchMode.LEMMA, SearchMode.WILDCARD)
    base = {
        "mode": mode,
        "text": text,
        "require_all": require_all,
        "case_sensitive": case_sensitive,
        "language": language,
        "threshold": threshold,
    }
    if mode is SearchMode.REGEX:
        import regex

        try:
            compiled = regex.compile(text, regex.V0 | (0 if case_sensitive else regex.IGNORECASE))
        except regex.error as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Invalid regular expression '{pattern}': {reason} (position {pos}).",
                ),
                pattern=text,
                reason=getattr(exc, "msg", str(exc)),
                pos=getattr(exc, "pos", None) or 0,
            ) from exc
        return Query(terms=(), regex=compiled, **base)  # type: ignore[arg-type]
    if mode is SearchMode.FUZZY:
        if not 0 <= threshold <= 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The fuzzy threshold must be 0-100 (got {threshold})."),
                threshold=threshold,
            )
        phrase = " ".join(_QUOTED.sub(r"\1", text).replace('"', " ").split())
        return Query(terms=(Term((phrase,), (phrase.lower(),), ()),), **base)  # type: ignore[arg-type]

    if mode is SearchMode.WILDCARD:
        terms = []
        for chunk, quoted in _split_input(text):
            words = tuple(chunk.split()) if quoted else (chunk,)
            patterns = tuple(_wildcard_pattern(w, case_sensitive) for w in words)
            terms.append(Term(words, tuple(w.lower() for w in words), (), patterns))
        return Query(terms=tuple(terms), **base)  # type: ignore[arg-type]

    if analyzer is None:
        from qualcode.text.analyzer import get_analyzer

        analyzer = get_analyzer(language)
    if mode is SearchMode.EXACT:
        chunks = [(" ".join(_QUOTED.sub(r"\1", text).replace('"', " ").split()), True)]
    else:
        chunks = _split_input(text)
    terms = []
    for chunk, _quoted in chunks:
        tokens = [t for t in analyzer.analyze(chunk) if t.is_word]
        if not tokens:
            continue
        words = tuple(chunk[t.start : t.end] for t in tokens)
        terms.append(
            Term(words, tuple(normalise_form(t.form) for t in tokens), tuple(t.key for t in tokens))
        )
    if not terms:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The search text '{text}' has no words to look for."),
            text=text,
        )
    return Query(terms=tuple(terms), **base)  # type: ignore[arg-type]


def _word_matcher(query: Query, term: Term, index: int, text: str) -> Callable[[Token], bool]:
    """Predicate ``token -> bool`` for word ``index`` of ``term``."""
    mode = query.mode
    if mode is SearchMode.LEMMA:
        key = term.keys[index]
        return lambda t: t.key == key
    if mode is SearchMode.WILDCARD:
        pattern = term.patterns[index]
        if query.case_sensitive:
            return lambda t: pattern.fullmatch(text[t.start : t.end]) is not None
        return lambda t: pattern.fullmatch(t.form) is not None
    form = term.forms[index]
    loose = mode in (SearchMode.WORDS, SearchMode.ANY) and "-" not in form
    if query.case_sensitive:
        word = term.words[index]
        return lambda t: (
            text[t.start : t.end] == word or (loose and _redup_base(text[t.start : t.end]) == word)
        )
    return lambda t: (f := normalise_form(t.form)) == form or (loose and _redup_base(f) == form)


def _term_spans(
    text: str, words: Sequence[Token], query: Query, term: Term
) -> list[tuple[int, int]]:
    preds = [_word_matcher(query, term, i, text) for i in range(len(term.forms))]
    n = len(preds)
    spans = []
    for i in range(len(words) - n + 1):
        if all(preds[j](words[i + j]) for j in range(n)):
            spans.append((words[i].start, words[i + n - 1].end))
    return spans


REGEX_TIME_LIMIT = 10.0
"""Seconds a regular-expression search may run (all texts together) before it is stopped."""


def regex_spans(query: Query, text: str, seconds: float | None = None) -> list[tuple[int, int]]:
    """Non-empty match spans of a regex ``query`` in ``text``, within ``seconds``.

    A pattern with nested repeats (``(\\w+\\s?)+$``) can take longer than the age
    of the universe on one line; the ``regex`` module's timeout stops it and the
    user is told why. ``concurrent`` releases the GIL, so the window stays live.
    """
    assert query.regex is not None
    budget = REGEX_TIME_LIMIT if seconds is None else seconds
    if budget <= 0:
        raise RegexTimeoutError(seconds=round(REGEX_TIME_LIMIT))
    try:
        return [
            m.span()
            for m in query.regex.finditer(text, concurrent=True, timeout=budget)
            if m.end() > m.start()
        ]
    except TimeoutError:
        raise RegexTimeoutError(seconds=round(REGEX_TIME_LIMIT)) from None


def find_matches(text: str, tokens: Sequence[Token], query: Query) -> list[tuple[int, int]]:
    """Hit spans ``(start, end)`` of ``query`` in ``text``, sorted, without duplicates.

    ``tokens`` are ``Analyzer(query.language).analyze(text)``. With
    ``require_all``, the text is the scope: if any term is missing, nothing
    matches.
    """
    if query.mode is SearchMode.REGEX:
        return regex_spans(query, text)
    if query.mode is SearchMode.FUZZY:
        hits = find_fuzzy(text, query.terms[0].words[0], threshold=query.threshold, tokens=tokens)
        return [(h.start, h.end) for h in hits]
    words = [t for t in tokens if t.is_word]
    found: set[tuple[int, int]] = set()
    for term in query.terms:
        spans = _term_spans(text, words, query, term)
        if not spans and query.require_all:
            return []
        found.update(spans)
    return sorted(found)
