"""Which cases and which speaker a stretch of a source belongs to: one rule for all.

Displays (:mod:`qualcode.analysis.corpus`), excerpt exports
(:mod:`qualcode.export.selection`), conclusions and reports place a coding the
same way:

* its **cases**: every case linked to its source as a whole, then every case
  whose linked range (a speaker turn, a section) overlaps the coding's range
  ``[start, end)`` (a link overlaps when it starts before the coding ends and
  ends after it starts), whole-source cases first, ranged ones in text order;
* its **speaker**: the speaker of the first turn (in text order) it overlaps;
* its **main case** (what a quote is attributed to): the ranged link that
  covers the coding, else the one overlapping it most (the shorter on a tie),
  else the whole-source informant, else the first whole-source case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

Span = tuple[int, int, int, str | None]  # start, end, case id, speaker of a ranged link


def overlaps(link_start: int, link_end: int, start: int, end: int) -> bool:
    """Whether a linked range overlaps ``[start, end)``."""
    return link_start < end and link_end > start


def cases_of(whole: Iterable[int], ranged: Iterable[Span], start: int, end: int) -> tuple[int, ...]:
    """Case ids of ``[start, end)``: whole-source cases, then overlapping ranged ones."""
    if ranged == ():  # a source linked only as a whole (most interviews)
        return tuple(dict.fromkeys(whole))
    found = list(whole)
    found.extend(case for a, b, case, _ in sorted(ranged, key=_order) if overlaps(a, b, start, end))
    return tuple(dict.fromkeys(found))


def speaker_of(ranged: Iterable[Span], start: int, end: int) -> str | None:
    """The speaker of the first turn (in text order) overlapping ``[start, end)``."""
    for a, b, _case, speaker in sorted(ranged, key=_order):
        if speaker is not None and overlaps(a, b, start, end):
            return speaker
    return None


def main_case(
    whole: Sequence[int],
    ranged: Iterable[Span],
    start: int,
    end: int,
    kinds: Mapping[int, str],
) -> int | None:
    """The case a quote of ``[start, end)`` is attributed to (see the module docstring)."""
    if ranged == () and len(whole) == 1:  # an interview linked to its informant as a whole
        return whole[0] if whole[0] in kinds else None
    best, best_key = None, None
    for a, b, case, _ in () if ranged == () else sorted(ranged, key=_order):
        overlap = min(b, end) - max(a, start)
        if overlap <= 0:
            continue
        key = (a <= start and b >= end, overlap, -(b - a))
        if best_key is None or key > best_key:
            best, best_key = case, key
    if best is not None:
        return best
    known = [c for c in whole if c in kinds]
    informants = [c for c in known if kinds[c] == "informant"]
    chosen = informants or known
    return chosen[0] if chosen else None


def _order(span: Span) -> tuple[int, int]:
    return span[0], span[1]


def interviewer_cases(case_names: Mapping[int, str], ranged: Iterable[Span]) -> set[int]:
    """Cases that stand for the interviewer or moderator, never an informant's voice.

    The shared "Interviewer"/"Moderator" cases the importer links question turns
    to, and any case linked to a turn whose speaker label reads as the
    interviewer's (P, T, Q, Peneliti, Pewawancara, Moderator...).
    """
    from qualcode.sources.speakers import INTERVIEWER_ROLES
    from qualcode.sources.turns import classify_speaker

    roles = set(INTERVIEWER_ROLES.values())
    found = {cid for cid, name in case_names.items() if name in roles}
    for _a, _b, case, speaker in ranged:
        if speaker is not None and classify_speaker(speaker) == "interviewer":
            found.add(case)
    return found
