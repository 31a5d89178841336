"""Word frequency from the index: by match key or surface form, stop words removed.

Counts come from the index, never from re-tokenising: over the whole project
in one language they are read straight from FTS5's ``col`` vocabulary;
scoped or grouped counts (per source, case, code or case-attribute value)
walk the indexed words of the sources concerned.

Stop words: a word is dropped if it is a stop word of its source's language
(``by="key"``: if its key is; ``by="form"``: if its form is), with the
project's own additions and removals (:func:`set_stop_words`). Numbers and
one-letter words are dropped too unless asked for.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select

from qualcode.errors import ExportFailedError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.search.index import TextIndex, open_index
from qualcode.search.index_base import Column
from qualcode.search.scope import Ranges, Scope, intersect, merge, resolve
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.text.stopwords import StopWords

By = Literal["key", "form"]
STOP_WORDS_KEY = "search.stop_words"


@dataclass(frozen=True, slots=True)
class WordCount:
    """How often a word (key or form) occurs, in how many sources, in which group."""

    word: str
    count: int
    sources: int
    group: str | None = None


# -- project stop words ----------------------------------------------------------------
def stop_word_changes(project: Project) -> tuple[list[str], list[str]]:
    """The project's (extra, removed) stop words, stored in ``project_info``."""
    with project.reading() as conn:
        raw = conn.execute(
            select(t.project_info.c.value).where(t.project_info.c.key == STOP_WORDS_KEY)
        ).scalar()
    data = json.loads(raw) if raw else {}
    return list(data.get("extra", [])), list(data.get("removed", []))


def set_stop_words(
    project: Project, *, extra: Iterable[str] = (), removed: Iterable[str] = ()
) -> None:
    """Replace the project's stop-word additions and removals (one undoable operation)."""
    value = json.dumps(
        {
            "extra": sorted({w.strip().lower() for w in extra if w.strip()}),
            "removed": sorted({w.strip().lower() for w in removed if w.strip()}),
        },
        ensure_ascii=False,
    )
    with project.operation(
        "search.stop_words", QT_TRANSLATE_NOOP("operations", "Change stop words")
    ) as op:
        op.delete_where(t.project_info, t.project_info.c.key == STOP_WORDS_KEY)
        op.insert(t.project_info, {"key": STOP_WORDS_KEY, "value": value})
        op.note(stop_words=value)


def project_stop_words(project: Project, language: str) -> StopWords:
    """The effective stop words of ``language`` in this project."""
    from qualcode.text.stopwords import StopWords

    extra, removed = stop_word_changes(project)
    return StopWords(language, extra=extra, removed=removed)


# -- counting ----------------------------------------------------------------------------
def _keep(word: str, stops: StopWords, numbers: bool, min_length: int) -> bool:
    if len(word) < min_length or stops.is_stop(word):
        return False
    return numbers or not word.replace("-", "").isdigit()


def _groups(
    project: Project, group_by: str | None, scope: dict[int, Ranges]
) -> dict[str, dict[int, Ranges]]:
    if group_by is None:
        return {"": scope}
    if group_by == "source":
        source_names: dict[int, str] = {s.id: s.name for s in project.sources.all()}
        return {source_names[sid]: {sid: r} for sid, r in scope.items()}
    groups: dict[str, dict[int, list[tuple[int, int]] | None]] = {}
    if group_by == "code":
        names = {c.id: project.codes.path_text(c.id, "/") for c in project.codes.all()}
        c = t.coding.c
        with project.reading() as conn:
            rows = conn.execute(select(c.code_id, c.source_id, c.start_pos, c.end_pos)).all()
        for code_id, sid, a, b in rows:
            r = groups.setdefault(names[code_id], {}).setdefault(sid, [])
            r.append((a, b))  # type: ignore[union-attr]
    elif group_by == "case" or group_by.startswith("attribute:"):
        cases = {c.id: c for c in project.cases.all()}
        attr = group_by.partition(":")[2] if group_by != "case" else None
        if attr:
            project.attributes.find(attr, "case")
        for link in project.cases.links():
            case = cases[link.case_id]
            if attr is None:
                label = case.name
            elif attr in case.attributes and case.attributes[attr] is not None:
                label = str(case.attributes[attr])
            else:
                continue
            bucket = groups.setdefault(label, {})
            if link.start is None or link.end is None:
                bucket[link.source_id] = None
            elif link.source_id not in bucket or bucket[link.source_id] is not None:
                bucket.setdefault(link.source_id, []).append((link.start, link.end))  # type: ignore[union-attr]
    else:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Group words by source, case, code or attribute:NAME, not '{value}'."
            ),
            value=group_by,
        )
    out: dict[str, dict[int, Ranges]] = {}
    for label, by_source in groups.items():
        kept: dict[int, Ranges] = {}
        for sid, ranges in by_source.items():
            if sid not in scope:
                continue
            r = intersect(None if ranges is None else merge(ranges), scope[sid])
            if r is None or r:
                kept[sid] = r
        if kept:
            out[label] = kept
    return out


def _count(
    index: TextIndex,
    sources: dict[int, Ranges],
    by: By,
    stops: dict[str, StopWords],
    numbers: bool,
    min_length: int,
) -> tuple[Counter[str], Counter[str]]:
    import numpy as np

    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for sid, ranges in sources.items():
        doc = index.document(sid)
        words = doc.keys if by == "key" else doc.forms
        if ranges is None:
            local = Counter(words)
        else:
            local = Counter()
            for a, b in ranges:
                i0 = int(np.searchsorted(doc.starts, a, "left"))
                i1 = int(np.searchsorted(doc.ends, b, "right"))
                local.update(words[i0:i1])
        sw = stops[doc.language]
        local = Counter({w: n for w, n in local.items() if _keep(w, sw, numbers, min_length)})
        counts.update(local)
        docs.update(local.keys())
    return counts, docs


def word_frequencies(
    project: Project,
    *,
    by: By = "key",
    scope: Scope | None = None,
    group_by: str | None = None,
    top: int | None = None,
    numbers: bool = False,
    min_length: int = 2,
    index: TextIndex | None = None,
) -> list[WordCount]:
    """Word counts, most frequent first (per group, groups by name).

    ``group_by``: None, ``"source"``, ``"case"``, ``"code"`` or
    ``"attribute:NAME"`` (a case attribute: one group per value).
    """
    if by not in ("key", "form"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Count words by key or form, not '{value}'."), value=by
        )
    index = index or open_index(project)
    allowed = resolve(project, scope)
    langs = index.languages()
    stops = {lang: project_stop_words(project, lang) for lang in set(langs.values()) | {"id"}}
    column: Column = "keys" if by == "key" else "forms"
    used = {langs.get(sid, "id") for sid in allowed}
    unscoped = scope is None or all(r is None for r in allowed.values())
    out: list[WordCount] = []
    if group_by is None and unscoped and len(used) == 1 and set(allowed) == set(langs):
        sw = stops[used.pop()]
        vocab = index.vocabulary(column)
        rows = [(w, n, d) for w, (n, d) in vocab.items() if _keep(w, sw, numbers, min_length)]
        rows.sort(key=lambda r: (-r[1], r[0]))
        return [WordCount(w, n, d) for w, n, d in rows[:top]]
    for label, sources in sorted(_groups(project, group_by, allowed).items()):
        counts, docs = _count(index, sources, by, stops, numbers, min_length)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        out += [WordCount(w, n, docs[w], label if group_by else None) for w, n in ranked]
    return out


# -- output ------------------------------------------------------------------------------
def export_xlsx(rows: Sequence[WordCount], path: str | Path) -> Path:
    """A plain tidy sheet: group (if any), word, count, sources."""
    from openpyxl import Workbook

    path = Path(path)
    grouped = any(r.group is not None for r in rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "words"
    ws.append((["group"] if grouped else []) + ["word", "count", "sources"])
    for r in rows:
        ws.append(([r.group] if grouped else []) + [r.word, r.count, r.sources])
    ws.freeze_panes = "A2"
    try:
        wb.save(path)
    except OSError as exc:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "Could not write {file}: {reason}"),
            file=str(path),
            reason=str(exc),
        ) from exc
    return path


def word_cloud(
    rows: Sequence[WordCount],
    path: str | Path,
    *,
    width: int = 1600,
    height: int = 900,
    seed: int = 1,
    max_words: int = 150,
) -> Path:
    """Draw a word cloud to ``path`` (.png or .svg), deterministic for a given ``seed``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A word cloud is saved as .png or .svg, not '{suffix}'."),
            suffix=suffix or path.name,
        )
    freqs: Counter[str] = Counter()
    for r in rows:
        freqs[r.word] += r.count
    if not freqs:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There are no words to draw."))
    from wordcloud import WordCloud

    cloud = WordCloud(
        width=width,
        height=height,
        background_color="white",
        random_state=seed,
        max_words=max_words,
        colormap="viridis",
        prefer_horizontal=0.9,
    ).generate_from_frequencies(dict(freqs.most_common(max_words)))
    try:
        if suffix == ".png":
            cloud.to_file(str(path))
        else:
            path.write_text(cloud.to_svg(embed_font=False), encoding="utf-8")
    except OSError as exc:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "Could not write {file}: {reason}"),
            file=str(path),
            reason=str(exc),
        ) from exc
    return path
