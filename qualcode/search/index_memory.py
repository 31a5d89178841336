"""The index interface over tokens held in memory.

For read-only projects whose stored index is missing or stale (a read-only
client may not write one) and for engines without a stored index. It
tokenises each source once per process, with the same analyzer as the stored
indexes, so hits are the same.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from qualcode.search.index_base import (
    Column,
    DocTokens,
    Progress,
    SyncReport,
    analyse,
    effective_language,
    source_listing,
    source_text,
)

if TYPE_CHECKING:
    from qualcode.project import Project


class MemoryIndex:
    """The index interface over tokens held in memory (read-only or non-SQLite projects)."""

    def __init__(self, project: Project) -> None:
        self._p = project
        self._docs: dict[int, DocTokens] = {}
        self._sig: dict[int, tuple[str, int, str | None]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._vocab: dict[Column, dict[str, tuple[int, int]]] = {}

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Tokenise sources not yet held, forget deleted or changed ones."""
        with self._p.reading() as conn:
            sources = source_listing(conn)
            drop = [sid for sid, sig in self._sig.items() if sources.get(sid) != sig]
            for sid in drop:
                self._docs.pop(sid, None)
                self._sig.pop(sid, None)
                self._sentences.pop(sid, None)
            add = [sid for sid in sources if sid not in self._docs]
            words = 0
            for n, sid in enumerate(add, 1):
                body = source_text(conn, sid)
                lang = effective_language(sources[sid][2], body)
                forms, keys, starts, ends = analyse(body, lang)
                self._docs[sid] = DocTokens(
                    sid, lang, " ".join(forms), " ".join(keys), starts, ends
                )
                self._sig[sid] = sources[sid]
                words += len(forms)
                if progress is not None:
                    progress(n, len(add), str(sid))
        if add or drop:
            self._vocab.clear()
        return SyncReport(len(add), len(drop), words)

    def languages(self) -> dict[int, str]:
        """Source id -> analyzer language."""
        return {sid: d.language for sid, d in self._docs.items()}

    def document(self, source_id: int) -> DocTokens:
        """One source's words."""
        return self._docs[source_id]

    def prefetch(self, source_ids: Iterable[int]) -> None:
        """Nothing to do: every source is in memory."""

    def candidates(self, column: Column, words: Sequence[Collection[str]]) -> set[int] | None:
        """No prefilter in memory: every source is a candidate."""
        return None

    def vocabulary(self, column: Column) -> dict[str, tuple[int, int]]:
        """Term -> (occurrences, sources)."""
        found = self._vocab.get(column)
        if found is None:
            from collections import Counter

            counts: Counter[str] = Counter()
            docs: Counter[str] = Counter()
            for doc in self._docs.values():
                words = doc.forms if column == "forms" else doc.keys
                counts.update(words)
                docs.update(set(words))
            found = {w: (n, docs[w]) for w, n in counts.items()}
            self._vocab[column] = found
        return found

    def sentences(self, source_id: int) -> list[tuple[int, int]]:
        """Sentence spans (computed once per process)."""
        found = self._sentences.get(source_id)
        if found is None:
            from qualcode.text.analyzer import get_analyzer

            lang = self._docs[source_id].language
            found = get_analyzer(lang).sentences(self._p.sources.text(source_id))
            self._sentences[source_id] = found
        return found
