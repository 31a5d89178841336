"""Search benchmarks on workload L (1,000 sources x 10k words): index, search, words, auto-code.

Usage: ``python -m benchmarks.bench_search [PROJECT.qdaproj]``. Without a path
workload L is built into a temporary folder (~40 s). Given a path, the project
is used as it is (its search index is dropped first so the build is timed).

Prints: indexing throughput beside a bare ``spacy.blank("id").tokenizer`` run
over the same texts in the same process; phrase / lemma search latency from
the index (targets: < 100 ms); word frequency over all sources (target < 2 s);
auto-code previews over all sources.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qualcode.project import Project


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median wall time in seconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def drop_index(path: Path) -> None:
    """Remove the search tables so that the build below is measured from scratch."""
    import sqlite3

    from qualcode.search.index import _TABLES

    con = sqlite3.connect(path)
    for name in _TABLES:
        con.execute(f"DROP TABLE IF EXISTS {name}")
    con.commit()
    con.close()


def main() -> None:
    """Run every measurement and print one line per figure."""
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        from benchmarks.workload import build_workload

        path = Path(tempfile.mkdtemp()) / "L.qdaproj"
        began = time.perf_counter()
        build_workload(path, "L")
        print(f"built workload L in {time.perf_counter() - began:.1f} s")
    drop_index(path)

    from qualcode.search.autocode import preview_search
    from qualcode.search.index import open_index
    from qualcode.search.scope import Scope
    from qualcode.search.search import count_hits, find_spans, search
    from qualcode.search.words import word_frequencies
    from qualcode.text.analyzer import get_nlp

    with Project.open(path, coder="bench", backups=False) as p:
        texts = [p.sources.text(s.id) for s in p.sources.all()]
        n_words = sum(len(t.split()) for t in texts)
        tokenizer = get_nlp("id").tokenizer
        tokenizer("warm up")
        began = time.perf_counter()
        for t in texts:
            tokenizer(t)
        bare = time.perf_counter() - began
        print(
            f"bare spaCy id tokenizer: {n_words:,} words in {bare:.1f} s "
            f"({n_words / bare:,.0f} words/s)"
        )
        began = time.perf_counter()
        index = open_index(p)
        build = time.perf_counter() - began
        print(
            f"index build (tokens, keys, FTS5): {build:.1f} s ({n_words / build:,.0f} words/s, "
            f"{build / bare:.2f}x the bare tokenizer)"
        )
        size = path.stat().st_size / 1e6
        print(f"project file with index: {size:,.0f} MB")

        for query, mode in [
            ("command center", "exact"),
            ("pelayanan publik", "exact"),
            ("kebijakan", "exact"),
            ("layanan", "lemma"),
            ("anggaran terbatas", "words"),
            ("layan*", "wildcard"),
        ]:
            secs, spans = timed(lambda q=query, m=mode: find_spans(p, q, m, index=index))
            kwic, _hits = timed(lambda q=query, m=mode: search(p, q, m, limit=100), repeat=3)
            print(
                f"search {mode:<8} {query!r:<20} {count_hits(spans):>8,} hits in "
                f"{len(spans):>5} sources: all spans {secs * 1000:7.1f} ms; "
                f"first page (100 KWIC lines) {kwic * 1000:6.1f} ms"
            )
        secs, rows = timed(lambda: word_frequencies(p, top=50, index=index), repeat=3)
        print(
            f"word frequency, all sources, by key (index vocabulary): {secs * 1000:.0f} ms, "
            f"top={rows[0].word}"
        )
        secs, rows = timed(
            lambda: word_frequencies(p, by="form", top=10, group_by="source", index=index), 1
        )
        print(f"word frequency grouped by source (walks all indexed words): {secs:.2f} s")

        code = p.codes.find("Code 1")
        first100 = Scope(sources=[s.name for s in p.sources.all()[:100]])
        for query, mode, unit, scope, where in [
            ("sosialisasi", "lemma", "hit", None, "all sources"),
            ("sosialisasi", "lemma", "sentence", None, "all sources"),
            ("kordinasi", "fuzzy", "hit", first100, "100 sources (1M words)"),
        ]:
            secs, preview = timed(
                lambda q=query, m=mode, u=unit, sc=scope: preview_search(
                    p, code.id, q, m, unit=u, scope=sc
                ),
                repeat=1,
            )
            print(
                f"auto-code preview {mode} {query!r} unit={unit}, {where}: "
                f"{len(preview):,} candidates in {secs:.2f} s"
            )


if __name__ == "__main__":
    main()
