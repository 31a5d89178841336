"""Import files into a project: extract, store, find speaker turns, link cases.

:func:`import_file` runs the pure extraction layer first (nothing is written
if the file is bad), then adds the source, its speaker turns (as case links
with a ``speaker`` label) and any new cases in ONE undo step, "Import source".
See :mod:`qualcode.sources.speakers` for how kinds are guessed and speakers
become cases; :mod:`qualcode.sources.batch` imports many files.

What lands in ``Source.meta``: the extracted document properties and header
fields as ``header.<field>`` (what the UI shows), ``format``, ``encoding``,
``speakers`` (label → case name) and ``interviewer_speakers`` (labels of the
interviewer/moderator, whose turns analysis usually excludes).
"""

from __future__ import annotations

import codecs
import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select

from qualcode.errors import ImportFailedError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import Source
from qualcode.sources.extract import DEFAULT_MAX_BYTES, ExtractedSource, extract_bytes, extract_file
from qualcode.sources.manager import check_kind
from qualcode.sources.speakers import SpeakerPlan, guess_kind, informant_case_name, plan_speakers
from qualcode.sources.turns import Turn, detect_turns
from qualcode.store import tables as t

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from qualcode.changes import ChangeSet
    from qualcode.project import Project
    from qualcode.sources.batch import BatchResult

OnDuplicate = Literal["skip", "error", "import"]
Status = Literal["imported", "skipped", "failed"]
_TEXT_FORMATS = {"txt", "md", "srt", "vtt", "html"}
_NO_SPEAKERS = {"observation", "document"}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one file: ``status`` imported, skipped (duplicate) or failed."""

    file: str
    status: Status
    source: Source | None = None
    warnings: list[str] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)
    turns: int = 0
    speakers: dict[str, str] = field(default_factory=dict)
    cases_created: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    error: str | None = None
    changes: ChangeSet[Any] | None = None


@dataclass(frozen=True, slots=True)
class SpeakerTurn:
    """One stored speaker turn of a source (a case link with a speaker label)."""

    speaker: str
    case: str
    case_id: int
    start: int
    end: int
    role: str


def import_file(
    project: Project,
    path: str | os.PathLike[str],
    *,
    kind: str | None = None,
    name: str | None = None,
    language: str | None = None,
    date_collected: date | None = None,
    encoding: str | None = None,
    speakers: Mapping[str, str] | None = None,
    meta: Mapping[str, Any] | None = None,
    detect_turns: bool = True,
    link_speakers: bool = True,
    on_duplicate: OnDuplicate = "skip",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text: int | None = None,
) -> ImportResult:
    """Import one file as a source in one undo step; bad files raise ``ImportFailedError``.

    ``speakers`` maps speaker labels to case names or ``interviewer``/``moderator``
    (only mapped labels are linked); ``meta`` is merged into the source's metadata;
    ``encoding`` forces the text encoding of plain-text formats. A duplicate (same
    sha256) is skipped with a warning by default, refused with
    ``on_duplicate="error"``, imported again with ``"import"``. ``max_text``
    bounds the text a .docx/.odt may expand to (default: the settings'
    ``max_text_mb``).
    """
    path = Path(path)
    if kind is not None:
        check_kind(kind)
    if max_text is None:
        from qualcode.settings import Settings

        max_text = Settings.load().max_text_mb * 1024 * 1024
    extracted = extract_file(path, max_bytes=max_bytes, max_text=max_text)
    if encoding:
        extracted = _reencode(extracted, encoding, max_bytes)
    existing = project.sources.by_sha256(extracted.sha256)
    if existing is not None and on_duplicate != "import":
        message = (
            f"{path.name} is already in the project as '{existing.name}'; it was not imported."
        )
        if on_duplicate == "error":
            raise ImportFailedError(
                QT_TRANSLATE_NOOP(
                    "errors", "{file} is already in the project as '{source}'; it was not imported."
                ),
                file=path.name,
                source=existing.name,
            )
        return ImportResult(
            path.name,
            "skipped",
            existing,
            [message],
            _header(extracted),
            duplicate_of=existing.name,
        )
    return _store(
        project, path, extracted, kind=kind, name=name, language=language,
        date_collected=date_collected, speaker_map=speakers, find_turns=detect_turns,
        link=link_speakers, extra_meta=meta or {},
    )  # fmt: skip


def import_many(
    project: Project,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    **options: Any,
) -> BatchResult:
    """Import files and folders, one undo step per file (see :mod:`qualcode.sources.batch`)."""
    from qualcode.sources.batch import import_many as run

    return run(project, paths, progress=progress, cancel=cancel, **options)


def _reencode(x: ExtractedSource, encoding: str, max_bytes: int) -> ExtractedSource:
    """Re-extract a plain-text file with the encoding the caller knows it has."""
    try:
        wanted = codecs.lookup(encoding).name
    except LookupError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown text encoding '{encoding}'."), encoding=encoding
        ) from exc
    if x.format not in _TEXT_FORMATS or (x.encoding and codecs.lookup(x.encoding).name == wanted):
        return x
    try:
        text = x.original_bytes.decode(wanted)
    except UnicodeDecodeError as exc:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "Cannot import {file}: it is not {encoding} text."),
            file=x.original_name,
            encoding=encoding,
        ) from exc
    again = extract_bytes(text.encode("utf-8"), x.original_name, max_bytes=max_bytes * 4)
    return dataclasses.replace(
        again, original_bytes=x.original_bytes, sha256=x.sha256, encoding=wanted
    )


def _header(x: ExtractedSource) -> dict[str, str]:
    return {k[len("header.") :]: v for k, v in x.metadata.items() if k.startswith("header.")}


def _unique_source_name(project: Project, wanted: str) -> str:
    names = {s.name.lower() for s in project.sources.all()}
    name, n = wanted, 2
    while name.lower() in names:
        name, n = f"{wanted} ({n})", n + 1
    return name


def _store(
    project: Project,
    path: Path,
    x: ExtractedSource,
    *,
    kind: str | None,
    name: str | None,
    language: str | None,
    date_collected: date | None,
    speaker_map: Mapping[str, str] | None,
    find_turns: bool,
    link: bool,
    extra_meta: Mapping[str, Any],
) -> ImportResult:
    header = _header(x)
    warnings = list(x.warnings)
    found: list[Turn] = detect_turns(x.text, x.blocks) if find_turns else []
    kind = kind or guess_kind(x.text, found, header)
    if kind in _NO_SPEAKERS:
        found = []
    # A given name must be free (add_text says so); a file name gets "(2)" when taken.
    name = name or _unique_source_name(project, " ".join(path.stem.split()))
    plan: dict[str, SpeakerPlan] = {}
    if not link:
        found = []  # turns are stored only as case links
    if found:
        plan, more = plan_speakers(
            found, kind=kind, header=header, source_name=name, speaker_map=speaker_map
        )
        warnings += more
        found = [turn for turn in found if turn.speaker in plan]
    if date_collected is None and "date" in header:
        date_collected = date.fromisoformat(header["date"])
    meta: dict[str, Any] = dict(x.metadata)
    meta.update(format=x.format, encoding=x.encoding)
    meta.update(extra_meta)
    meta["speakers"] = {label: p.case for label, p in plan.items()}
    meta["interviewer_speakers"] = sorted(
        {label for label, p in plan.items() if p.role == "interviewer"}
    )
    created: list[str] = []
    with project.undo_group(
        QT_TRANSLATE_NOOP("operations", "Import source"), name="source.import"
    ) as op:
        source = project.sources.add_text(
            name, x.text, kind=kind, language=language or x.language,
            date_collected=date_collected, meta=meta, original=x.original_bytes,
            original_name=x.original_name,
        ).result  # fmt: skip
        assert source is not None
        case_ids = {case: _case(project, op, p, created) for case, p in _by_case(plan).items()}
        rows = [
            {"case_id": case_ids[plan[tr.speaker].case], "source_id": source.id,
             "start_pos": tr.start, "end_pos": tr.end, "speaker": tr.speaker}
            for tr in found
            if tr.end > tr.start
        ]  # fmt: skip
        if rows:
            op.insert_many(t.case_link, rows)
        informant = informant_case_name(header) if link and kind == "interview" else None
        if informant and not plan:
            informant_plan = SpeakerPlan("", informant, "participant", "informant")
            op.insert(
                t.case_link,
                {"case_id": _case(project, op, informant_plan, created), "source_id": source.id},
            )
        op.note(source=name, file=path.name, turns=len(rows), cases_created=created)
        op.result = source
    return ImportResult(
        path.name, "imported", source, warnings, header, turns=len(rows),
        speakers=meta["speakers"], cases_created=created, changes=op.changes,
    )  # fmt: skip


def _by_case(plan: Mapping[str, SpeakerPlan]) -> dict[str, SpeakerPlan]:
    out: dict[str, SpeakerPlan] = {}
    for p in plan.values():
        out.setdefault(p.case, p)
    return out


def _case(project: Project, op: Any, p: SpeakerPlan, created: list[str]) -> int:
    """The id of the case named ``p.case``, created (inside ``op``) when missing."""
    found = op.conn.execute(
        select(t.cases.c.id).where(func.lower(t.cases.c.name) == p.case.lower())
    ).scalar()
    if found is not None:
        return int(found)
    description = (
        "Interviewer/moderator turns (usually excluded from analysis)."
        if p.role == "interviewer"
        else ""
    )
    case = project.cases.create(p.case, kind=p.case_kind, description=description).result
    assert case is not None
    created.append(case.name)
    return int(case.id)


def turns(project: Project, source_id: int) -> list[SpeakerTurn]:
    """The speaker turns of a source, in text order, from its case links."""
    source = project.sources.get(source_id)
    interviewers = set(source.meta.get("interviewer_speakers") or ())
    lk = t.case_link.c
    with project.reading() as conn:
        rows = conn.execute(
            select(lk.speaker, t.cases.c.name, lk.case_id, lk.start_pos, lk.end_pos)
            .join(t.cases, t.cases.c.id == lk.case_id)
            .where(lk.source_id == source_id, lk.speaker.is_not(None), lk.start_pos.is_not(None))
            .order_by(lk.start_pos, lk.id)
        ).all()
    return [
        SpeakerTurn(sp, case, int(cid), int(a), int(b),
                    "interviewer" if sp in interviewers else "participant")
        for sp, case, cid, a, b in rows
    ]  # fmt: skip
