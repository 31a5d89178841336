"""Project-wide search with keyword-in-context results.

Modes are those of :mod:`qualcode.text.query`. Case-insensitive ``exact``,
``words``, ``any``, ``lemma`` and ``wildcard`` queries use the index: FTS5
finds the sources, a regular expression over their stored word forms (or
keys) finds the word positions, and the stored offsets turn them into
character ranges; the texts are read only to cut the context of the hits.
``regex`` runs over the stored texts, ``fuzzy`` over the texts with the
indexed word boundaries, and
case-sensitive queries use the reference matcher
(:func:`qualcode.text.query.find_matches`) over indexed tokens: none of them
re-tokenises a source.

A query is parsed once per language present (match keys differ between
Indonesian and English). ``require_all`` (``words``, ``lemma``, ``wildcard``)
is judged per source, inside the scope: a source whose scoped text lacks one
of the terms has no hits.
"""

from __future__ import annotations

import dataclasses
import re
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qualcode.errors import CancelledError
from qualcode.search.index import Column, DocTokens, Progress, TextIndex, fts_term, open_index
from qualcode.search.scope import Ranges, Scope, contains, resolve
from qualcode.text.fuzzy import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.text.query import Query, SearchMode, Term

Span = tuple[int, int, float | None]  # start, end, score (fuzzy only)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search hit as a keyword-in-context line, openable at ``source_id``/``start``."""

    source_id: int
    source: str
    start: int
    end: int
    text: str
    left: str
    right: str
    case: str | None = None
    speaker: str | None = None
    score: float | None = None


def _doc_tokens(doc: DocTokens) -> list:
    """Analyzer-style tokens rebuilt from the index (words only; enough for the matchers)."""
    from qualcode.text.analyzer import Token

    new = tuple.__new__
    return [
        new(Token, (s, e, f, k, False, True))
        for s, e, f, k in zip(
            doc.starts.tolist(), doc.ends.tolist(), doc.forms, doc.keys, strict=True
        )
    ]


def _word_sets(index: TextIndex, query: Query, term: Term) -> list[set[str]]:
    """For each word of ``term``: the index terms that match it."""
    from qualcode.text.query import SearchMode

    mode = query.mode
    if mode is SearchMode.LEMMA:
        return [{fts_term(k)} for k in term.keys]
    if mode is SearchMode.WILDCARD:
        vocab = index.vocabulary("forms")
        return [{v for v in vocab if p.fullmatch(v)} for p in term.patterns]
    out = []
    for form in term.forms:
        words = {fts_term(form)}
        if mode in (SearchMode.WORDS, SearchMode.ANY) and "-" not in form:
            words.add(fts_term(f"{form}-{form}"))
        out.append(words)
    return out


@dataclass(frozen=True, slots=True)
class _TermPlan:
    """How to find one term in a source: FTS5 candidates and a pattern over joined words."""

    term: Term
    column: Column
    n_words: int
    pattern: re.Pattern[str] | None  # None: a word matches nothing
    candidates: set[int] | None  # None: every source may hold it


def _plan(index: TextIndex, query: Query, term: Term) -> _TermPlan:
    from qualcode.text.query import SearchMode

    column: Column = "keys" if query.mode is SearchMode.LEMMA else "forms"
    words = _word_sets(index, query, term)
    if any(not w for w in words):
        return _TermPlan(term, column, len(words), None, set())
    alts = " ".join("(?:" + "|".join(re.escape(w) for w in sorted(ws)) + ")" for ws in words)
    pattern = re.compile(rf"(?:{alts})(?![^ ])")
    return _TermPlan(term, column, len(words), pattern, index.candidates(column, words))


def _word_spans(doc: DocTokens, plan: _TermPlan) -> list[tuple[int, int]]:
    """Word-position spans ``(first, last)`` of a term in one source.

    The pattern runs over the space-joined indexed words (C speed); a match
    must start a word, and its word position is the number of spaces before
    it. Matches may overlap ("ibu ibu" in "ibu ibu ibu").
    """
    assert plan.pattern is not None
    joined = doc.joined(plan.column)
    search = plan.pattern.search
    spans: list[tuple[int, int]] = []
    word, last, pos = 0, 0, 0
    while (m := search(joined, pos)) is not None:
        at = m.start()
        pos = at + 1
        if at and joined[at - 1] != " ":
            continue
        word += joined.count(" ", last, at)
        last = at
        spans.append((word, word + plan.n_words - 1))
    return spans


def _fast_modes() -> set[SearchMode]:
    from qualcode.text.query import SearchMode

    return {
        SearchMode.EXACT,
        SearchMode.WORDS,
        SearchMode.ANY,
        SearchMode.LEMMA,
        SearchMode.WILDCARD,
    }


def find_spans(
    project: Project,
    text: str,
    mode: str = "words",
    *,
    scope: Scope | None = None,
    case_sensitive: bool = False,
    threshold: float = DEFAULT_THRESHOLD,
    index: TextIndex | None = None,
    limit: int | None = None,
    names: dict[int, str] | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> dict[int, list[Span]]:
    """Hit spans per source id (sorted, no duplicates), without building KWIC lines.

    Sources are visited in name order; with ``limit`` the visit stops once that
    many hits are found (the first page of results, as :func:`search` shows it).
    ``cancel()`` is checked before each source (raising :class:`CancelledError`)
    and ``progress(sources visited, sources to visit, "")`` reported then.
    """
    from qualcode.text.query import SearchMode, parse_query

    mode_ = SearchMode(mode)
    index = index or open_index(project)
    names = names if names is not None else _source_names(project)
    allowed = resolve(project, scope, names)
    langs = index.languages()
    queries: dict[str, Query] = {}
    plans: dict[str, list[_TermPlan]] = {}
    fast = not case_sensitive and mode_ in _fast_modes()
    out: dict[int, list[Span]] = {}
    total = 0
    deadline = None
    if mode_ is SearchMode.REGEX:  # one time limit for the whole search
        from qualcode.text.query import REGEX_TIME_LIMIT

        deadline = time.monotonic() + REGEX_TIME_LIMIT
    order = [sid for sid in sorted(allowed, key=lambda i: (names.get(i, ""), i)) if sid in langs]
    if fast:  # drop sources FTS5 rules out before loading anything
        for lang in {langs[sid] for sid in order}:
            queries[lang] = parse_query(text, mode_, language=lang, threshold=threshold)
            plans[lang] = [_plan(index, queries[lang], term) for term in queries[lang].terms]
        order = [sid for sid in order if _may_match(queries[langs[sid]], plans[langs[sid]], sid)]
    for n, sid in enumerate(order):
        if cancel is not None and cancel():
            raise CancelledError()
        if progress is not None:
            progress(n, len(order), "")
        if n % _CHUNK == 0:
            index.prefetch(order[n : n + _CHUNK])
        lang = langs[sid]
        query = queries.get(lang)
        if query is None:
            query = queries[lang] = parse_query(
                text, mode_, language=lang, case_sensitive=case_sensitive, threshold=threshold
            )
            plans[lang] = [_plan(index, query, term) for term in query.terms] if fast else []
        if fast:
            spans = _indexed_spans(index, query, plans[lang], sid, allowed[sid])
        else:
            spans = _scanned_spans(project, index, query, sid, allowed[sid], deadline)
        if spans:
            out[sid] = spans
            total += len(spans)
            if limit is not None and total >= limit:
                break
    if cancel is not None and cancel():
        raise CancelledError()
    if progress is not None:
        progress(len(order), len(order), "")
    return out


_CHUNK = 32  # sources loaded per query while visiting them in order


def _may_match(query: Query, plans: list[_TermPlan], sid: int) -> bool:
    here = [p.candidates is None or sid in p.candidates for p in plans]
    return all(here) if query.require_all else any(here)


def _indexed_spans(
    index: TextIndex, query: Query, plans: list[_TermPlan], sid: int, ranges: Ranges
) -> list[Span]:
    plans_here = [p for p in plans if p.candidates is None or sid in p.candidates]
    if query.require_all and len(plans_here) < len(plans):
        return []
    if not plans_here:
        return []
    doc = index.document(sid)
    found: set[tuple[int, int]] = set()
    for plan in plans_here:
        pairs = _word_spans(doc, plan) if plan.pattern is not None else []
        kept = [s for s in _to_chars(doc, pairs) if contains(ranges, s[0], s[1])]
        if not kept and query.require_all:
            return []
        found.update(kept)
    return [(a, b, None) for a, b in sorted(found)]


def _scanned_spans(
    project: Project,
    index: TextIndex,
    query: Query,
    sid: int,
    ranges: Ranges,
    deadline: float | None = None,
) -> list[Span]:
    """Regex, fuzzy and case-sensitive queries: the reference matchers over indexed tokens."""
    from qualcode.text.query import SearchMode, find_matches

    if query.mode in (SearchMode.REGEX, SearchMode.FUZZY):
        found = _scan(project, index, query, sid, deadline)
        return [s for s in found if contains(ranges, s[0], s[1])]
    body = project.sources.text(sid)
    tokens = _doc_tokens(index.document(sid))
    found: set[tuple[int, int]] = set()
    for term in query.terms:
        single = dataclasses.replace(query, terms=(term,), require_all=False)
        kept = [s for s in find_matches(body, tokens, single) if contains(ranges, s[0], s[1])]
        if not kept and query.require_all:
            return []
        found.update(kept)
    return [(a, b, None) for a, b in sorted(found)]


def _texts(project: Project, source_ids: Sequence[int]) -> dict[int, str]:
    """Stored texts of several sources, in one query per 500."""
    from sqlalchemy import select

    from qualcode.store import tables as t

    c = t.source_content.c
    out: dict[int, str] = {}
    with project.reading() as conn:
        for i in range(0, len(source_ids), 500):
            part = list(source_ids[i : i + 500])
            out.update(
                (int(a), str(b))
                for a, b in conn.execute(select(c.source_id, c.text).where(c.source_id.in_(part)))
            )
    return out


def _source_names(project: Project) -> dict[int, str]:
    from sqlalchemy import select

    from qualcode.store import tables as t

    with project.reading() as conn:
        return {int(i): str(n) for i, n in conn.execute(select(t.source.c.id, t.source.c.name))}


def _to_chars(doc: DocTokens, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts, ends = doc.starts, doc.ends
    return [(int(starts[a]), int(ends[b])) for a, b in pairs]


def _scan(
    project: Project, index: TextIndex, query: Query, sid: int, deadline: float | None = None
) -> list[Span]:
    """Regex over the text, or fuzzy with the indexed word boundaries."""
    from qualcode.text.fuzzy import find_fuzzy
    from qualcode.text.query import SearchMode

    body = project.sources.text(sid)
    if query.mode is SearchMode.REGEX:
        from qualcode.text.query import regex_spans

        seconds = None if deadline is None else deadline - time.monotonic()
        return [(a, b, None) for a, b in regex_spans(query, body, seconds)]
    tokens = _doc_tokens(index.document(sid))
    hits = find_fuzzy(body, query.terms[0].words[0], threshold=query.threshold, tokens=tokens)
    return [(h.start, h.end, h.score) for h in hits]


class _Speakers:
    """Case and speaker at a position, from case links (read per source on first use)."""

    def __init__(self, project: Project) -> None:
        from sqlalchemy import select

        from qualcode.store import tables as t

        self._p = project
        with project.reading() as conn:
            rows = conn.execute(select(t.cases.c.id, t.cases.c.name))
            self._names = {int(i): str(n) for i, n in rows}
        self._turns: dict[int, list[tuple[int, int, str, str | None]]] = {}
        self._whole: dict[int, list[str]] = {}

    def _load(self, source_id: int) -> None:
        if source_id not in self._turns:
            self.preload([source_id])

    def preload(self, source_ids: Sequence[int]) -> None:
        """Read the case links of several sources in one query."""
        from sqlalchemy import select

        from qualcode.store import tables as t

        wanted = [sid for sid in source_ids if sid not in self._turns]
        if not wanted:
            return
        for sid in wanted:
            self._turns[sid], self._whole[sid] = [], []
        c = t.case_link.c
        with self._p.reading() as conn:
            rows = conn.execute(
                select(c.source_id, c.case_id, c.start_pos, c.end_pos, c.speaker).where(
                    c.source_id.in_(wanted)
                )
            ).all()
        for sid, case_id, a, b, speaker in rows:
            name = self._names.get(case_id, str(case_id))
            if a is None or b is None:
                self._whole[sid].append(name)
            else:
                self._turns[sid].append((a, b, name, speaker))
        for sid in wanted:
            self._turns[sid].sort()

    def at(self, source_id: int, pos: int) -> tuple[str | None, str | None]:
        """(case, speaker) of the turn at ``pos``, else the source's whole-source cases."""
        self._load(source_id)
        turns = self._turns[source_id]
        i = bisect_right(turns, (pos, 1 << 62)) - 1
        if i >= 0 and turns[i][0] <= pos < turns[i][1]:
            return turns[i][2], turns[i][3]
        whole = self._whole.get(source_id)
        return (", ".join(sorted(whole)) if whole else None), None

    def turns(self, source_id: int) -> list[tuple[int, int, str, str | None]]:
        """(start, end, case, speaker) of every turn link of a source, in order."""
        self._load(source_id)
        return self._turns[source_id]


def search(
    project: Project,
    text: str,
    mode: str = "words",
    *,
    scope: Scope | None = None,
    case_sensitive: bool = False,
    threshold: float = DEFAULT_THRESHOLD,
    context: int = 40,
    limit: int | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Hit]:
    """Search the project; hits in source-name then text order, at most ``limit``.

    ``progress``/``cancel`` as in :func:`find_spans` (sources visited); a
    cancelled search raises :class:`CancelledError` and returns no hits.
    """
    from qualcode.text.fuzzy import keyword_in_context

    sources = _source_names(project)
    spans = find_spans(
        project, text, mode, scope=scope, case_sensitive=case_sensitive, threshold=threshold,
        limit=limit, names=sources, progress=progress, cancel=cancel,
    )  # fmt: skip
    speakers = _Speakers(project)
    speakers.preload(list(spans))
    bodies = _texts(project, list(spans))
    if cancel is not None and cancel():
        raise CancelledError()
    hits: list[Hit] = []
    for sid in sorted(spans, key=lambda i: (sources.get(i, ""), i)):
        body = bodies[sid]
        for start, end, score in spans[sid]:
            if limit is not None and len(hits) >= limit:
                return hits
            left, mid, right = keyword_in_context(body, start, end, context)
            case, speaker = speakers.at(sid, start)
            hits.append(
                Hit(
                    sid,
                    sources.get(sid, str(sid)),
                    start,
                    end,
                    mid,
                    left,
                    right,
                    case,
                    speaker,
                    score,
                )
            )
    return hits


def count_hits(spans: dict[int, list[Span]]) -> int:
    """Total hits in a :func:`find_spans` result."""
    return sum(len(v) for v in spans.values())


__all__: Sequence[str] = ("Hit", "Scope", "count_hits", "find_spans", "search")
