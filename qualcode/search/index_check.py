"""Is a team server's search index what the texts say? Per-source checksums, checked.

On a team server the index rows (``search_doc``, ``search_term``) are shared:
whoever can write them (an owner, a database superuser, a member with a
misconfigured grant) could empty or bend every member's search and auto-coding
candidates. The server computes a checksum per source over exactly what it
stores (:data:`CHECKSUMS`); the client re-derives a source's index rows from
the source's own text (which members cannot rewrite) and remembers the
checksum of the rows it found correct. A source whose checksum later differs
from the verified one is checked again; one whose rows do not follow from its
text is *tampered*: an owner's client rebuilds it, any other client searches
with an index built on the computer (see :func:`qualcode.search.index.open_index`).

What is checked against the text: every word's offsets (in order, inside the
text, no whitespace inside a word, every letter or digit of the text inside a
word), its form and match key (the analyzer's, recomputed), the analyzer
language, the source's signature, and that the term rows count exactly the
forms and keys.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from qualcode.search.index_base import (
    effective_language,
    fts_term,
    source_listing,
    unpack_offsets,
    unpack_text,
)
from qualcode.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

CHECKSUMS = (
    "SELECT d.source_id, md5(concat_ws('|', d.guid, d.length, d.declared, d.language, "
    "d.n_words, md5(d.forms), md5(d.keys), md5(d.offsets))) || ':' || coalesce(("
    "SELECT md5(string_agg(m.col || ':' || m.term || ':' || m.cnt, E'\\n' "
    'ORDER BY m.col, m.term COLLATE "C")) FROM search_term m '
    "WHERE m.source_id = d.source_id), '') FROM search_doc d"
)
"""Per source, a digest the server computes over its ``search_doc`` row and term rows."""

ORPHAN_TERMS = (
    "SELECT DISTINCT source_id FROM search_term WHERE source_id NOT IN "
    "(SELECT source_id FROM search_doc)"
)
"""Sources with term rows but no document: rows someone added (they skew candidates)."""

_ALNUM = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s")
_BATCH = 50


def server_checksums(conn: Connection) -> dict[int, str]:
    """Source id -> the server's checksum of that source's index rows."""
    return {int(sid): str(digest) for sid, digest in conn.execute(text(CHECKSUMS))}


def orphan_terms(conn: Connection) -> list[int]:
    """Source ids that have term rows but no indexed document."""
    return sorted(int(r[0]) for r in conn.execute(text(ORPHAN_TERMS)))


def find_tampered(conn: Connection, source_ids: Sequence[int]) -> tuple[list[int], list[int]]:
    """Of ``source_ids``: (those whose index rows do not follow from their text, those
    indexed from an older state of their source: stale, left to :meth:`StoredIndex.sync`)."""
    listing = source_listing(conn)
    bad: list[int] = []
    stale: list[int] = []
    for i in range(0, len(source_ids), _BATCH):
        part = [int(s) for s in source_ids[i : i + _BATCH]]
        ids = ", ".join(str(s) for s in part)
        docs = {
            int(r[0]): r
            for r in conn.execute(
                text(
                    "SELECT source_id, guid, length, declared, language, n_words, forms, keys, "
                    f"offsets FROM search_doc WHERE source_id IN ({ids})"
                )
            )
        }
        terms: dict[int, Counter[tuple[int, str]]] = {s: Counter() for s in part}
        for sid, col, term, cnt in conn.execute(
            text(f"SELECT source_id, col, term, cnt FROM search_term WHERE source_id IN ({ids})")
        ):
            terms[int(sid)][(int(col), str(term))] += int(cnt)
        texts = dict(
            conn.execute(
                t.source_content.select()
                .with_only_columns(t.source_content.c.source_id, t.source_content.c.text)
                .where(t.source_content.c.source_id.in_(part))
            ).all()
        )
        for sid in part:
            doc = docs.get(sid)
            signature = listing.get(sid)
            if doc is None or signature is None or sid not in texts or tuple(doc[1:4]) != signature:
                stale.append(sid)  # changed since it was indexed (or just now): not checkable
            elif not _doc_follows(doc, texts[sid], terms[sid]):
                bad.append(sid)
    return bad, stale


def _doc_follows(doc: Any, body: str, terms: Mapping[tuple[int, str], int]) -> bool:
    """Whether one ``search_doc`` row and its term rows are what indexing ``body`` gives."""
    _sid, _guid, _length, declared, language, n_words, forms_b, keys_b, offsets_b = doc
    try:
        forms = unpack_text(bytes(forms_b)).split(" ") if n_words else []
        keys = unpack_text(bytes(keys_b)).split(" ") if n_words else []
        starts, ends = unpack_offsets(bytes(offsets_b))
    except (zlib.error, UnicodeDecodeError, ValueError, TypeError):
        return False  # undecodable rows were not written by an index build
    if not (len(forms) == len(keys) == len(starts) == len(ends) == n_words):
        return False
    if language != effective_language(declared, body):
        return False
    words = _words(body, starts.tolist(), ends.tolist())
    if words is None:
        return False
    from qualcode.text.analyzer import get_analyzer
    from qualcode.text.query import normalise_form

    key_of = get_analyzer(language).key_function
    expected: dict[str, tuple[str, str]] = {}
    for form, key, word in zip(forms, keys, words, strict=True):
        lower = word.lower()
        pair = expected.get(lower)
        if pair is None:
            pair = expected[lower] = (fts_term(normalise_form(lower)), fts_term(key_of(lower)))
        if (form, key) != pair:
            return False
    counted = Counter((0, f) for f in forms) + Counter((1, k) for k in keys)
    return counted == Counter(terms)


def _words(body: str, starts: list[int], ends: list[int]) -> list[str] | None:
    """The words at the offsets if they are the text's words, else None.

    Offsets in order and inside the text, no whitespace inside a word, a letter
    or digit in every word and none between words (no word was left out).
    """
    bounds = [0, *ends]
    if any(b <= a for a, b in zip(starts, ends, strict=True)):
        return None
    if any(a < b for a, b in zip(starts, bounds, strict=False)) or bounds[-1] > len(body):
        return None
    words = [body[a:b] for a, b in zip(starts, ends, strict=True)]
    gaps = [body[b:a] for b, a in zip(bounds, [*starts, len(body)], strict=True)]
    if _SPACE.search("\x00".join(words)) or _ALNUM.search("\x00".join(gaps)):
        return None
    if not all(map(_ALNUM.search, words)):
        return None
    return words
