""" "More like this": uncoded passages that resemble what a code already holds.

Passages are sentences or speaker turns. Each is a TF-IDF vector over match
keys (stop words, numbers and one-letter words removed; IDF over all passages
considered); the code's profile is the normalised sum of the vectors of the
passages its codings cover. Passages that overlap none of the code's codings
are ranked by cosine similarity to the profile: a suggestion list for the
researcher to accept or reject, never coded automatically.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.search.autocode import Preview, _build, _code, _units
from qualcode.search.index import open_index
from qualcode.search.scope import Scope, contains, merge, resolve
from qualcode.search.search import _Speakers
from qualcode.search.words import project_stop_words
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

Vector = dict[str, float]


def _norm(v: Counter[str] | Vector) -> Vector:
    size = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / size for k, x in v.items()} if size else {}


def preview_like(
    project: Project,
    code: int | str,
    *,
    unit: Literal["sentence", "turn"] = "sentence",
    top: int = 50,
    min_score: float = 0.1,
    scope: Scope | None = None,
    profile: int | str | None = None,
) -> Preview:
    """Up to ``top`` passages most similar to the codings of ``profile`` (default: ``code``).

    Passages that overlap a coding of ``profile`` are never suggested.
    """
    import numpy as np

    if unit not in ("sentence", "turn"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unit must be one of {allowed}, not '{value}'."),
            allowed="sentence, turn",
            value=unit,
        )
    target = _code(project, code)
    source_code = target if profile is None else _code(project, profile)
    index = open_index(project)
    speakers = _Speakers(project)
    allowed = resolve(project, scope)
    c = t.coding.c
    with project.reading() as conn:
        rows = conn.execute(
            select(c.source_id, c.start_pos, c.end_pos).where(c.code_id == source_code.id)
        ).all()
    coded: dict[int, list[tuple[int, int]]] = {}
    for sid, a, b in rows:
        coded.setdefault(int(sid), []).append((int(a), int(b)))
    coded = {sid: merge(r) for sid, r in coded.items()}
    if not coded:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The code '{code}' has no codings to compare with."),
            code=source_code.name,
        )
    stops = {lang: project_stop_words(project, lang) for lang in set(index.languages().values())}

    def bag(sid: int, a: int, b: int) -> Counter[str]:
        doc = index.document(sid)
        i0 = int(np.searchsorted(doc.starts, a, "left"))
        i1 = int(np.searchsorted(doc.ends, b, "right"))
        sw = stops[doc.language]
        return Counter(
            k for k in doc.keys[i0:i1] if len(k) > 1 and not k.isdigit() and not sw.is_stop(k)
        )

    passages: list[tuple[int, int, int, Counter[str], bool]] = []
    for sid in sorted(set(allowed) | set(coded)):
        if sid not in index.languages():
            continue
        mine = coded.get(sid, [])
        for a, b in _units(project, index, speakers, sid, unit):
            overlaps = any(x < b and a < y for x, y in mine)
            words = bag(sid, a, b)
            if words:
                passages.append((sid, a, b, words, overlaps))
    profile_bags = [bag(sid, a, b) for sid, ranges in coded.items() for a, b in ranges]
    df: Counter[str] = Counter()
    for p in passages:
        df.update(p[3].keys())
    n = len(passages) + 1

    def tfidf(words: Counter[str]) -> Vector:
        return _norm({w: (1 + math.log(k)) * math.log(n / (1 + df[w])) for w, k in words.items()})

    summed: dict[str, float] = {}
    for words in profile_bags:
        for w, x in tfidf(words).items():
            summed[w] = summed.get(w, 0.0) + x
    centre = _norm(summed)
    scored = []
    for sid, a, b, words, overlaps in passages:
        if overlaps or sid not in allowed or not contains(allowed[sid], a, b):
            continue
        vec = tfidf(words)
        score = sum(x * centre.get(w, 0.0) for w, x in vec.items())
        if score >= min_score:
            scored.append((score, sid, a, b))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    found = {(sid, a, b): (round(100 * s, 1), "like") for s, sid, a, b in scored[:top]}
    preview = _build(
        project, target, QT_TRANSLATE_NOOP("operations", "Auto-code similar passages"), found
    )
    ordered = sorted(preview.candidates, key=lambda cand: -cand.score)
    return Preview(preview.code_id, preview.code, preview.label, tuple(ordered))
