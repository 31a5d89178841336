"""Auto-coding with a preview the researcher confirms.

Nothing is coded while previewing: each ``preview_*`` function returns a
:class:`Preview` listing candidate ranges with their text and a score; the
researcher accepts some or all, and :func:`apply` codes the accepted ones in
one undo step (``project.codings.apply_ranges``).

Sources of candidates: search hits (any mode, fuzzy with a settable
threshold), widened to the sentence, paragraph or speaker turn around each
hit; every turn of a case (speaker); the answers that follow the questions of
an interview guide; and "more like this" (:mod:`qualcode.search.similar`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select

from qualcode.errors import CancelledError, NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.search.index import Progress, TextIndex, open_index
from qualcode.search.scope import Scope, merge
from qualcode.search.search import _Speakers, find_spans
from qualcode.store import tables as t
from qualcode.text.fuzzy import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from qualcode.changes import ChangeSet
    from qualcode.project import Project
    from qualcode.records import Code, Coding

Unit = Literal["hit", "sentence", "paragraph", "turn"]
UNITS: tuple[str, ...] = ("hit", "sentence", "paragraph", "turn")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A range auto-coding proposes; ``coded`` if this coder already coded it with the code."""

    source_id: int
    source: str
    start: int
    end: int
    text: str
    score: float
    reason: str
    coded: bool = False


@dataclass(frozen=True, slots=True)
class Preview:
    """Candidates for one code; pass it to :func:`apply` with the accepted indexes."""

    code_id: int
    code: str
    label: str
    candidates: tuple[Candidate, ...]

    def __len__(self) -> int:
        return len(self.candidates)


def _code(project: Project, code: int | str) -> Code:
    return project.codes.get(code) if isinstance(code, int) else project.codes.find(code)


def _existing(project: Project, code_id: int) -> set[tuple[int, int, int]]:
    c = t.coding.c
    with project.reading() as conn:
        coder = conn.execute(select(t.coder.c.id).where(t.coder.c.name == project.coder)).scalar()
        if coder is None:
            return set()
        rows = conn.execute(
            select(c.source_id, c.start_pos, c.end_pos).where(
                c.code_id == code_id, c.coder_id == coder
            )
        )
        return {(int(a), int(b), int(e)) for a, b, e in rows}


def _build(
    project: Project,
    code: Code,
    label: str,
    found: dict[tuple[int, int, int], tuple[float, str]],
) -> Preview:
    """Candidates in source-name then text order; overlapping ranges of a source are merged."""
    names: dict[int, str] = {s.id: s.name for s in project.sources.all()}
    existing = _existing(project, code.id)
    by_source: dict[int, list[tuple[int, int, float, str]]] = {}
    for (sid, a, b), (score, why) in found.items():
        by_source.setdefault(sid, []).append((a, b, score, why))
    out: list[Candidate] = []
    for sid in sorted(by_source, key=lambda i: (names.get(i, ""), i)):
        body = project.sources.text(sid)
        items = sorted(by_source[sid])
        for a, b in merge((x[0], x[1]) for x in items):
            inside = [x for x in items if a <= x[0] and x[1] <= b]
            best = max(inside, key=lambda x: x[2])
            out.append(
                Candidate(
                    sid, names.get(sid, str(sid)), a, b, body[a:b], best[2], best[3],
                    (sid, a, b) in existing,
                )
            )  # fmt: skip
    return Preview(code.id, project.codes.path_text(code.id, "/"), label, tuple(out))


def _units(
    project: Project, index: TextIndex, speakers: _Speakers, sid: int, unit: Unit
) -> list[tuple[int, int]]:
    if unit == "sentence":
        return index.sentences(sid)
    if unit == "paragraph":
        from qualcode.text.analyzer import paragraphs

        return paragraphs(project.sources.text(sid))
    return [(a, b) for a, b, _, _ in speakers.turns(sid)]


def widen(
    spans: Sequence[tuple[int, int]], units: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The units (sorted, disjoint) that overlap each span; a span in no unit stays itself."""
    starts = [u[0] for u in units]
    out = []
    for a, b in spans:
        i = max(0, bisect_right(starts, a) - 1)
        j = bisect_left(starts, b)
        hit = [u for u in units[i:j] if u[0] < b and a < u[1]]
        out.append((min(u[0] for u in hit), max(u[1] for u in hit)) if hit else (a, b))
    return out


def preview_search(
    project: Project,
    code: int | str,
    query: str,
    mode: str = "words",
    *,
    unit: Unit = "hit",
    scope: Scope | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    case_sensitive: bool = False,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Preview:
    """Candidates from search hits (``mode="fuzzy"`` catches misspellings), widened to ``unit``.

    ``progress``/``cancel`` follow the search over the sources (see
    :func:`~qualcode.search.search.find_spans`); ``cancel()`` is also checked
    per source while widening. A cancelled preview raises :class:`CancelledError`.
    """
    if unit not in UNITS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unit must be one of {allowed}, not '{value}'."),
            allowed=", ".join(UNITS),
            value=unit,
        )
    target = _code(project, code)
    index = open_index(project)
    spans = find_spans(
        project, query, mode, scope=scope, case_sensitive=case_sensitive, threshold=threshold,
        index=index, progress=progress, cancel=cancel,
    )  # fmt: skip
    speakers = _Speakers(project)
    found: dict[tuple[int, int, int], tuple[float, str]] = {}
    for sid, hits in spans.items():
        if cancel is not None and cancel():
            raise CancelledError()
        pairs = [(a, b) for a, b, _ in hits]
        ranges = (
            pairs if unit == "hit" else widen(pairs, _units(project, index, speakers, sid, unit))
        )
        for (_a, _b, score), (ua, ub) in zip(hits, ranges, strict=True):
            value = 100.0 if score is None else float(score)
            key = (sid, ua, ub)
            if key not in found or found[key][0] < value:
                found[key] = (value, mode if score is None else f"{mode} {value:.0f}")
    if cancel is not None and cancel():
        raise CancelledError()
    return _build(project, target, QT_TRANSLATE_NOOP("operations", "Auto-code search hits"), found)


def preview_speaker(project: Project, code: int | str, case: int | str) -> Preview:
    """Every turn (range case link) of one case, e.g. all answers of informant I3."""
    target = _code(project, code)
    case_rec = project.cases.get(case) if isinstance(case, int) else project.cases.find(case)
    found: dict[tuple[int, int, int], tuple[float, str]] = {
        (link.source_id, link.start, link.end): (100.0, f"turn {link.speaker or case_rec.name}")
        for link in project.cases.links(case_id=case_rec.id)
        if link.start is not None and link.end is not None
    }
    if not found:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "The case '{name}' has no speaker turns."),
            name=case_rec.name,
        )
    return _build(
        project, target, QT_TRANSLATE_NOOP("operations", "Auto-code speaker turns"), found
    )


_GUIDE_LINE = re.compile(r"^\s*([A-Za-z]{0,3}\d{1,3}[a-z]?)[.)]\s+(.+?)\s*$")


@dataclass(frozen=True, slots=True)
class GuideQuestion:
    """One interview-guide question: an id such as "A1" (may be empty) and its wording."""

    id: str
    text: str


def read_guide(path: str | Path) -> list[GuideQuestion]:
    """Questions from a text file, one per line: ``A1. Bagaimana sosialisasi ...?``.

    Lines without an id count as questions matched by wording only; blank
    lines and lines starting with ``#`` are skipped.
    """
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _GUIDE_LINE.match(line)
        out.append(GuideQuestion(m.group(1), m.group(2)) if m else GuideQuestion("", line.strip()))
    if not out:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The interview guide {file} has no questions."),
            file=str(path),
        )
    return out


def preview_guide(
    project: Project,
    code: int | str,
    questions: Sequence[GuideQuestion],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> Preview:
    """The answers that follow guide questions.

    An interviewer turn asks a guide question if its text (after the speaker
    label) starts with the question's id ("A1." / "A1)") or resembles its
    wording (rapidfuzz ``partial_ratio`` ≥ ``threshold``). The participant
    turns after it, up to the next interviewer turn, are the answer.
    """
    from rapidfuzz import fuzz

    from qualcode.sources.turns import classify_speaker

    target = _code(project, code)
    speakers = _Speakers(project)
    found: dict[tuple[int, int, int], tuple[float, str]] = {}
    for src in project.sources.all():
        turns = speakers.turns(src.id)
        if not turns:
            continue
        body = project.sources.text(src.id)
        asked: GuideQuestion | None = None
        score = 0.0
        for a, b, _case, speaker in turns:
            if classify_speaker(speaker or "") == "interviewer":
                asked, score = _match_question(body[a:b], speaker or "", questions, threshold, fuzz)
            elif asked is not None:
                found[(src.id, a, b)] = (score, f"{asked.id or 'Q'}: {asked.text}"[:80])
    return _build(
        project, target, QT_TRANSLATE_NOOP("operations", "Auto-code guide answers"), found
    )


def _match_question(
    turn: str, speaker: str, questions: Sequence[GuideQuestion], threshold: float, fuzz: object
) -> tuple[GuideQuestion | None, float]:
    content = turn
    if speaker and content.lower().startswith(speaker.lower()):
        content = content[len(speaker) :].lstrip(" :.-\t")
    best: tuple[GuideQuestion | None, float] = (None, 0.0)
    for q in questions:
        if q.id and re.match(rf"{re.escape(q.id)}[.)]\s", content, re.IGNORECASE):
            return q, 100.0
        score = float(fuzz.partial_ratio(q.text.lower(), content.lower()))  # type: ignore[attr-defined]
        if score >= threshold and score > best[1]:
            best = (q, score)
    return best


def apply(
    project: Project, preview: Preview, accepted: Iterable[int] | None = None
) -> ChangeSet[list[Coding]]:
    """Code the accepted candidates in one undo step.

    ``accepted`` are indexes into ``preview.candidates``; None accepts all.
    """
    chosen = range(len(preview.candidates)) if accepted is None else list(accepted)
    ranges = []
    for i in chosen:
        if not 0 <= i < len(preview.candidates):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "There is no candidate {number} in the preview."),
                number=i,
            )
        c = preview.candidates[i]
        ranges.append((c.source_id, c.start, c.end))
    return project.codings.apply_ranges(preview.code_id, ranges, label=preview.label)
