"""What every search index shares: tokens of one source, the index protocol, packing helpers.

A source is tokenised once by the analyzer (:func:`analyse`): its word forms,
match keys (lemma keys for Indonesian affixes) and character offsets. Every
backend stores exactly these tokens and search matches over them, so a query
finds the same hits whatever the backend; backends differ only in how they
store the tokens and how they prefilter sources (:meth:`TextIndex.candidates`).
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from sqlalchemy import select

from qualcode.store import tables as t

if TYPE_CHECKING:
    import numpy as np
    from sqlalchemy import Connection

INDEX_VERSION = "1"
"""Bump when tokens or keys change: every index is rebuilt on next use."""

Column = Literal["forms", "keys"]
Progress = Callable[[int, int, str], None]


def fts_term(form: str) -> str:
    """``form`` as exactly one FTS5 token: characters other than letters, digits, '-' become '-'."""
    if form.replace("-", "").isalnum():
        return form
    return "".join(c if c.isalnum() or c == "-" else "-" for c in form)


def effective_language(declared: str | None, text_: str) -> str:
    """The analyzer language of a source: its declared one if supported, else detected, else id."""
    from qualcode.text.analyzer import SUPPORTED_LANGUAGES
    from qualcode.text.language import detect_language

    code = (declared or "").strip().lower()[:2]
    if code in SUPPORTED_LANGUAGES:
        return code
    found = detect_language(text_)
    return found if found != "und" else "id"


class DocTokens:
    """The words of one source: forms, keys and character offsets, index-aligned.

    ``forms_text``/``keys_text`` are the words joined by single spaces (what
    FTS5 indexed); they may arrive zlib-compressed and are decoded on first
    use, the lists are split from them on first use.
    """

    __slots__ = ("_forms", "_ftext", "_keys", "_ktext", "ends", "language", "source_id", "starts")

    def __init__(
        self,
        source_id: int,
        language: str,
        forms_text: str | bytes,
        keys_text: str | bytes,
        starts: np.ndarray,
        ends: np.ndarray,
    ) -> None:
        self.source_id = source_id
        self.language = language
        self._ftext = forms_text
        self._ktext = keys_text
        self.starts = starts
        self.ends = ends
        self._forms: list[str] | None = None
        self._keys: list[str] | None = None

    @property
    def forms_text(self) -> str:
        """The forms joined by spaces."""
        if isinstance(self._ftext, bytes):
            self._ftext = unpack_text(self._ftext)
        return self._ftext

    @property
    def keys_text(self) -> str:
        """The keys joined by spaces."""
        if isinstance(self._ktext, bytes):
            self._ktext = unpack_text(self._ktext)
        return self._ktext

    @property
    def forms(self) -> list[str]:
        """Lower-case forms, reduplication spelled out, FTS-safe."""
        if self._forms is None:
            self._forms = self.forms_text.split(" ") if self.forms_text else []
        return self._forms

    @property
    def keys(self) -> list[str]:
        """Match keys, one per word."""
        if self._keys is None:
            self._keys = self.keys_text.split(" ") if self.keys_text else []
        return self._keys

    def words(self, column: Column) -> list[str]:
        """``forms`` or ``keys``."""
        return self.forms if column == "forms" else self.keys

    def joined(self, column: Column) -> str:
        """``forms_text`` or ``keys_text``."""
        return self.forms_text if column == "forms" else self.keys_text

    def __len__(self) -> int:
        return len(self.starts)


def analyse(text_: str, language: str) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Tokenise ``text_`` once: word forms, keys and offsets (punctuation dropped)."""
    import numpy as np

    from qualcode.text.analyzer import get_analyzer
    from qualcode.text.query import normalise_form

    terms = _TERMS.setdefault(language, {})
    forms: list[str] = []
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for tok in get_analyzer(language).analyze(text_):
        if not tok.is_word:
            continue
        pair = terms.get(tok.form)
        if pair is None:
            if len(terms) > 500_000:
                terms.clear()
            pair = terms[tok.form] = (fts_term(normalise_form(tok.form)), fts_term(tok.key))
        forms.append(pair[0])
        keys.append(pair[1])
        starts.append(tok.start)
        ends.append(tok.end)
    return forms, keys, np.array(starts, dtype=np.uint32), np.array(ends, dtype=np.uint32)


_TERMS: dict[str, dict[str, tuple[str, str]]] = {}  # language -> form -> (FTS form, FTS key)


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What :meth:`TextIndex.sync` did."""

    added: int
    removed: int
    words: int


class TextIndex(Protocol):
    """What search, word frequency and auto-coding need from an index."""

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Bring the index up to date with the project's sources."""
        ...

    def languages(self) -> dict[int, str]:
        """Source id -> analyzer language, for every indexed source."""
        ...

    def document(self, source_id: int) -> DocTokens:
        """The words of one source."""
        ...

    def prefetch(self, source_ids: Iterable[int]) -> None:
        """Load several sources at once (a hint; may do nothing)."""
        ...

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """Sources holding every word position's alternatives (None = cannot tell: all)."""
        ...

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Every distinct form (or key) -> (occurrences, sources), over the whole project."""
        ...

    def sentences(self, source_id: int) -> list[tuple[int, int]]:
        """Sentence spans of one source (computed once, then kept)."""
        ...


class DocCache:
    """A small LRU of decoded documents (the last few hundred searched)."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[int, DocTokens] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: int) -> DocTokens | None:
        with self._lock:
            doc = self._items.get(key)
            if doc is not None:
                self._items.move_to_end(key)
            return doc

    def put(self, key: int, doc: DocTokens) -> None:
        with self._lock:
            self._items[key] = doc
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def drop(self, keys: Iterable[int]) -> None:
        with self._lock:
            for k in keys:
                self._items.pop(k, None)


def source_listing(conn: Connection) -> dict[int, tuple[str, int, str | None]]:
    s = t.source.c
    return {
        int(r[0]): (r[1], int(r[2]), r[3])
        for r in conn.execute(select(s.id, s.guid, s.length, s.language))
    }


def source_text(conn: Connection, source_id: int) -> str:
    c = t.source_content.c
    return str(conn.execute(select(c.text).where(c.source_id == source_id)).scalar() or "")


def pack_offsets(starts: np.ndarray, ends: np.ndarray) -> bytes:
    import numpy as np

    return zlib.compress(np.stack([starts, ends]).astype("<u4").tobytes(), 1)


def unpack_offsets(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    arr = np.frombuffer(zlib.decompress(blob), dtype="<u4")
    half = len(arr) // 2
    return arr[:half], arr[half:]


def pack_words(words: list[str]) -> bytes:
    return zlib.compress(" ".join(words).encode("utf-8"), 1)


def unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


class Joined:
    """A connection already in a transaction: ``begin()`` joins it instead of starting one."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    @contextmanager
    def begin(self) -> Iterator[None]:
        yield
