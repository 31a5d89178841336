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
from qualcode.records import Attribute, Source
from qualcode.sources.extract import DEFAULT_MAX_BYTES, ExtractedSource, extract_bytes, extract_file
from qualcode.sources.header import FIELD_KEYS
from qualcode.sources.manager import check_kind
from qualcode.sources.speakers import (
    SpeakerPlan,
    TurnNotice,
    check_turns,
    guess_kind,
    informant_case_name,
    plan_speakers,
)
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
#: Header fields that become attributes of the informant's case: field -> (name, type).
HEADER_ATTRIBUTES: dict[str, tuple[str, str]] = {
    "informant_code": ("Kode Informan", "text"),
    "position": ("Jabatan", "text"),
    "organisation": ("Instansi", "text"),
    "date": ("Tanggal", "date"),
    "place": ("Lokasi", "text"),
}


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
    notice: TurnNotice | None = None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SpeakerTurn:
    """One stored speaker turn of a source (a case link with a speaker label)."""

    speaker: str
    case: str
    case_id: int
    start: int
    end: int
    role: str
    link_id: int = 0


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
    header_attributes: bool = True,
    on_duplicate: OnDuplicate = "skip",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text: int | None = None,
) -> ImportResult:
    """Import one file as a source in one undo step; bad files raise ``ImportFailedError``.

    ``speakers`` maps speaker labels to case names or ``interviewer``/``moderator``
    (only mapped labels are linked); ``meta`` is merged into the source's metadata;
    ``encoding`` forces the text encoding of plain-text formats; ``header_attributes``
    copies the header's Jabatan, Instansi... to the informant's case (off when a
    classification sheet is the authority). A duplicate (same
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
        link=link_speakers, extra_meta=meta or {}, header_attributes=header_attributes,
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
    header_attributes: bool = True,
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
        informant_id = _informant_case(project, op, plan, informant)
        attributes = (
            _header_attributes(project, op, header, informant_id, warnings)
            if informant_id is not None and header_attributes
            else {}
        )
        op.note(source=name, file=path.name, turns=len(rows), cases_created=created)
        op.result = source
    notice = check_turns(x.text, found, kind=kind, file=path.name) if find_turns and link else None
    if notice is not None:
        warnings.append(str(notice))
    return ImportResult(
        path.name, "imported", source, warnings, header, turns=len(rows),
        speakers=meta["speakers"], cases_created=created, changes=op.changes,
        notice=notice, attributes=attributes,
    )  # fmt: skip


def _informant_case(
    project: Project, op: Any, plan: Mapping[str, SpeakerPlan], informant: str | None
) -> int | None:
    """The one informant case of a one-to-one interview (None for focus groups)."""
    names = {p.case for p in plan.values() if p.role == "participant"}
    if len(names) > 1:
        return None
    name = next(iter(names), None) or informant
    if name is None:
        return None
    found = op.conn.execute(
        select(t.cases.c.id).where(func.lower(t.cases.c.name) == name.lower())
    ).scalar()
    return int(found) if found is not None else None


def _header_attributes(
    project: Project, op: Any, header: Mapping[str, str], case_id: int, warnings: list[str]
) -> dict[str, str]:
    """Copy the header's Jabatan, Instansi, Tanggal, Lokasi, Kode Informan to the case.

    Attributes are defined when missing; a value the case already has (from a
    classification sheet or an earlier transcript) is kept and the difference reported.
    """
    from qualcode.cases.attributes import canonical

    values = project.attributes.values("case").get(case_id, {})
    existing = {a.name.lower(): a for a in project.attributes.all("case")}
    written: dict[str, str] = {}
    for key, (name, kind) in HEADER_ATTRIBUTES.items():
        raw = header.get(key, "").strip()
        if not raw:
            continue
        # An attribute the project already has under another spelling ("Tempat", "Position").
        spellings = [name.lower(), *FIELD_KEYS[key]]
        attr: Attribute | None = next((existing[s] for s in spellings if s in existing), None)
        if attr is None:
            attr = project.attributes.define(name, type=kind).result
            assert attr is not None
            existing[attr.name.lower()] = attr
        try:
            stored = canonical(attr, raw)
        except ValidationError:
            warnings.append(f"{name} '{raw}' from the header does not fit the attribute; not set.")
            continue
        current = values.get(attr.name)
        if current is not None and str(current) != stored:
            warnings.append(f"{name} of the case stays '{current}'; the header says '{raw}'.")
            continue
        if current is None and stored is not None:
            project.attributes.set_value(attr.id, stored, case_id=case_id)
            written[attr.name] = stored
    return written


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
            select(lk.speaker, t.cases.c.name, lk.case_id, lk.start_pos, lk.end_pos, lk.id)
            .join(t.cases, t.cases.c.id == lk.case_id)
            .where(lk.source_id == source_id, lk.speaker.is_not(None), lk.start_pos.is_not(None))
            .order_by(lk.start_pos, lk.id)
        ).all()
    return [
        SpeakerTurn(sp, case, int(cid), int(a), int(b),
                    "interviewer" if sp in interviewers else "participant", int(link))
        for sp, case, cid, a, b, link in rows
    ]  # fmt: skip
