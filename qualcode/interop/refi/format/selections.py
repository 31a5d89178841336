"""Turn the selections of each text into stored offsets and merge repeated ones.

NVivo writes one ``PlainTextSelection`` per coding (97 selections over 20 spans in a
real file); others put several ``Coding`` elements under one selection. We merge by
(source, start, end) after converting positions, keep the first GUID and remember the
others in ``merged_guids`` so references to them can be redirected.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.guids import new_guid
from qualcode.interop.refi.format.model import (
    Coding,
    ReportMessage,
    SelectionColumns,
    Severity,
    TextSelection,
    report,
)
from qualcode.interop.refi.format.positions import (
    PositionConverter,
    StoredText,
    UnitChoice,
    astral_indices,
    choose_unit_model,
)

#: Below this share of the best possible fit score, the user is told to check positions.
LOW_FIT = 0.6


@dataclass(slots=True)
class _SourceResult:
    guid: str
    name: str
    choice: UnitChoice
    converted: list[tuple[TextSelection, int, int]] | None  # None once built
    inexact: int
    # the selections themselves when every position stays as written and no span
    # repeats (``converted`` is then None until asked for): most sources of most files
    as_written: SelectionColumns | None = None


class SelectionBuilder:
    """Collects each source's selections, converts them, then merges them all."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self._results: list[_SourceResult] = []
        self._total = self._kept = 0  # selections read, and after merging

    def add_source(
        self,
        guid: str,
        name: str,
        raw_text: str,
        columns: SelectionColumns,
    ) -> str:
        """Convert one source's selections, read with their positions as written (in the
        producer's units); returns the text as we store it."""
        text = StoredText(raw_text)
        starts, ends = columns.starts, columns.ends
        spans = dict.fromkeys(zip(starts, ends, strict=True), "")  # each span, its first name
        for at, label in columns.names.items():
            if not spans[(starts[at], ends[at])]:
                spans[(starts[at], ends[at])] = label
        count = len(starts)
        astral = astral_indices(text.stored) if count else []
        choice = choose_unit_model(
            self.origin, text, [(a, b, n) for (a, b), n in spans.items()], astral
        )
        converter = PositionConverter(text, choice.model, astral)
        inexact = 0
        identity, length = converter.identity, len(text.stored)
        stays = count and identity and min(starts) >= 0 and max(ends) <= length
        if stays and all(map(operator.le, starts, ends)):  # every position stays as it is
            if len(spans) == count:  # and no span repeats: nothing to convert or fold
                self._results.append(_SourceResult(guid, name, choice, None, 0, columns))
                return text.stored
            kept = list(zip(columns.selections(), starts, ends, strict=True))
            self._results.append(_SourceResult(guid, name, choice, kept, 0))
            return text.stored
        raws = columns.selections()
        converted: list[tuple[TextSelection, int, int]] = []
        for r in raws:
            a, b = r.start, r.end
            if not (identity and 0 <= a <= length and 0 <= b <= length):
                a, exact_a = converter.to_stored(a)
                b, exact_b = converter.to_stored(b, round_up=True)
                inexact += not (exact_a and exact_b)
            if a > b:
                a, b = b, a
            converted.append((r, a, b))
        if raws:
            self._results.append(_SourceResult(guid, name, choice, converted, inexact))
        return text.stored

    def keep_notes(self, keep: Callable[[tuple[str, ...]], tuple[str, ...]]) -> None:
        """Rewrite note references with ``keep`` (the notes are read after the selections)."""
        for result in self._results:
            if result.as_written is not None:
                _column_notes_kept(result.as_written, keep)
            elif result.converted is not None:
                result.converted = [
                    (_notes_kept(raw, keep), a, b) for raw, a, b in result.converted
                ]

    def build(
        self, messages: list[ReportMessage]
    ) -> tuple[tuple[TextSelection, ...], dict[str, str]]:
        """All selections merged by (source, start, end), and merged GUID → kept GUID."""
        out: list[TextSelection] = []
        remap: dict[str, str] = {}
        used: set[str] = set()
        for result in self._results:
            merged = self._merged(result, remap, used)
            out.extend(merged.selections() if isinstance(merged, SelectionColumns) else merged)
        self.report(messages)
        return tuple(out), remap

    def build_last(self, remap: dict[str, str]) -> SelectionColumns | None:
        """The selections of the source just added, merged (streaming: one source at a
        time; ``None`` when it had none); merged GUIDs are added to ``remap``. Call
        :meth:`report` at the end."""
        last = self._results[-1] if self._results else None
        if last is None or (last.converted is None and last.as_written is None):
            return None
        merged = self._merged(last, remap, set())
        if isinstance(merged, SelectionColumns):
            return merged
        return SelectionColumns.of(last.guid, merged)  # folded GUIDs: in ``remap``

    def _merged(
        self, result: _SourceResult, remap: dict[str, str], used: set[str]
    ) -> SelectionColumns | list[TextSelection]:
        """One source's selections merged by (start, end); frees its raw selections.
        Columns come back as they are when merging would change nothing; merged
        selections are objects (their ``merged_guids`` have no column)."""
        columns = result.as_written
        result.as_written = None
        if columns is not None:  # no span repeats: merging changes nothing unless a GUID,
            guids = set(columns.guids)  # a coding or a note repeats (looked at in C first)
            if len(guids) == len(columns) and used.isdisjoint(guids) and _column_plain(columns):
                used |= guids
                self._total += len(columns)
                self._kept += len(columns)
                return columns
            result.converted = [(raw, raw.start, raw.end) for raw in columns.selections()]
        items = result.converted or []
        result.converted = None
        self._total += len(items)
        out = _unmerged(items, used)
        if out is not None:
            self._kept += len(out)
            return out
        first_at: dict[tuple[int, int], int] = {}  # span -> index of its first selection
        repeats: dict[int, list[TextSelection]] = {}  # that index -> all its selections
        folded: set[int] = set()  # indices of the repeats
        for index, (raw, a, b) in enumerate(items):
            at = first_at.setdefault((a, b), index)
            if at != index:
                repeats.setdefault(at, [items[at][0]]).append(raw)
                folded.add(index)
        out = []
        for index, (first, a, b) in enumerate(items):
            if index in folded:
                continue  # in the selection of the first of its span
            raws = repeats.get(index) or [first]
            if len(raws) == 1 and first.guid not in used and _plain(first):
                used.add(first.guid)
                same = a == first.start and b == first.end
                out.append(first if same else replace(first, start=a, end=b))
                continue
            guid = first.guid if first.guid not in used else new_guid()
            used.add(guid)
            codings: dict[tuple[str, str | None], Coding] = {}
            notes: dict[str, None] = {}
            descriptions: dict[str, None] = {}
            for raw in raws:
                for coding in raw.codings:
                    codings.setdefault((coding.code_guid, coding.creating_user), coding)
                notes.update(dict.fromkeys(raw.note_guids))
                if raw.description.strip():
                    descriptions[raw.description.strip()] = None
                if raw.guid != guid:
                    remap.setdefault(raw.guid, guid)
            single = len(raws) == 1
            out.append(
                TextSelection(
                    guid=guid,
                    source_guid=result.guid,
                    start=a,
                    end=b,
                    name=first.name if single else next((r.name for r in raws if r.name), ""),
                    description="\n\n".join(descriptions),
                    codings=tuple(codings.values()),
                    note_guids=tuple(notes),
                    creating_user=first.creating_user,
                    created=first.created
                    if single
                    else min((r.created for r in raws if r.created), default=None),
                    modifying_user=first.modifying_user,
                    modified=first.modified
                    if single
                    else max((r.modified for r in raws if r.modified), default=None),
                    merged_guids=()
                    if single
                    else tuple(dict.fromkeys(r.guid for r in raws if r.guid != guid)),
                )
            )
        self._kept += len(out)
        return out

    def report(self, messages: list[ReportMessage]) -> None:
        """The report of every source built: unit models, doubtful positions, merges."""
        self._report_models(messages)
        if self._total > self._kept:
            messages.append(
                report(
                    "selections-merged",
                    QT_TRANSLATE_NOOP(
                        "refi",
                        "{before} selections were merged into {after}: repeated selections of "
                        "the same text range became one selection with all their codings.",
                    ),
                    Severity.INFO,
                    before=self._total,
                    after=self._kept,
                )
            )

    def _report_models(self, messages: list[ReportMessage]) -> None:
        by_model: dict[str, list[_SourceResult]] = defaultdict(list)
        for result in self._results:
            by_model[result.choice.model.key].append(result)
        for results in by_model.values():
            model = results[0].choice.model
            messages.append(
                report(
                    "unit-model",
                    QT_TRANSLATE_NOOP(
                        "refi", "Selection positions of {count} source(s) were read as {model}."
                    ),
                    Severity.INFO,
                    count=len(results),
                    model=model.label,
                    model_key=model.key,
                )
            )
        for result in self._results:
            choice = result.choice
            if choice.fallback:
                messages.append(
                    report(
                        "unit-model-fallback",
                        QT_TRANSLATE_NOOP(
                            "refi",
                            "Source {source}: selection positions did not fit {preferred}, the "
                            "usual convention of {origin}; they were read as {model}, which fits "
                            "the text better.",
                        ),
                        source=result.name,
                        preferred=choice.preferred.label,
                        origin=self.origin or "?",
                        model=choice.model.label,
                    )
                )
            if choice.best_possible and choice.score < LOW_FIT * choice.best_possible:
                messages.append(
                    report(
                        "positions-doubtful",
                        QT_TRANSLATE_NOOP(
                            "refi",
                            "Source {source}: many selections do not start or end on word "
                            "boundaries; check that the coded text is right.",
                        ),
                        source=result.name,
                    )
                )
            if result.inexact:
                messages.append(
                    report(
                        "positions-clamped",
                        QT_TRANSLATE_NOOP(
                            "refi",
                            "Source {source}: {count} selection(s) pointed outside the text or "
                            "inside a character and were adjusted.",
                        ),
                        source=result.name,
                        count=result.inexact,
                    )
                )


_AT = operator.itemgetter(0)


def _unmerged(
    items: list[tuple[TextSelection, int, int]], used: set[str]
) -> list[TextSelection] | None:
    """The selections as they are when merging would change none of them (no span or
    GUID repeated, no coding or note given twice: a source of 200 selections, most
    files); ``None`` when some must be merged. Their GUIDs are added to ``used``."""
    guids = {raw.guid for raw, _a, _b in items}
    if len(guids) < len(items) or not used.isdisjoint(guids):
        return None
    if len({(a, b) for _raw, a, b in items}) < len(items):
        return None
    out: list[TextSelection] = []
    for raw, a, b in items:
        if (len(raw.codings) > 1 or len(raw.note_guids) > 1) and not _plain(raw):
            return None
        out.append(raw if a == raw.start and b == raw.end else replace(raw, start=a, end=b))
    used |= guids
    return out


def _column_plain(columns: SelectionColumns) -> bool:
    """:func:`_plain` of every selection of ``columns`` (looked at in C when no
    selection has two codings)."""
    codings = columns.codings
    if len(set(map(_AT, codings))) < len(codings) and len(  # some selection has several
        {(at, code, user) for at, _guid, code, user, _created, _notes in codings}
    ) < len(codings):
        return False
    return len(set(columns.notes)) == len(columns.notes)


def _column_notes_kept(
    columns: SelectionColumns, keep: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> None:
    """:func:`_notes_kept` of every selection of ``columns``, in place."""
    columns.notes = [(at, kept) for at, note in columns.notes for kept in keep((note,))]
    columns.codings = [
        (at, guid, code, user, created, keep(notes) if notes else notes)
        for at, guid, code, user, created, notes in columns.codings
    ]


def _plain(raw: TextSelection) -> bool:
    """A selection merging would leave as it is: no repeated coding or note."""
    codings = raw.codings
    if len(codings) > 1 and len({(c.code_guid, c.creating_user) for c in codings}) < len(codings):
        return False
    return len(raw.note_guids) < 2 or len(set(raw.note_guids)) == len(raw.note_guids)


def _notes_kept(
    raw: TextSelection, keep: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> TextSelection:
    notes = keep(raw.note_guids)
    codings = tuple(replace(c, note_guids=keep(c.note_guids)) for c in raw.codings)
    if notes == raw.note_guids and codings == raw.codings:
        return raw
    return replace(raw, note_guids=notes, codings=codings)
