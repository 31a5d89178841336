"""Build the bundled sample study (``sample_transcripts/study.yaml``) into a project.

:func:`build_demo` creates a new project and runs :data:`STEPS` in order, each
a function ``step(ctx: DemoContext) -> None``. Adding a step (codebooks, the
hand-made codings...) is one function and one line in :data:`STEPS`. Every step
is its own undo step(s); progress is reported as ``(done, total, name)``.

The sources are imported with the manifest's kind, name, language, date,
encoding and speaker map (labels → informant codes or interviewer/moderator),
so turns link to the cases I1–I8 and F1–F6; the informants sheet then gives
those cases their typed attributes (rank as a number, interview date as a date).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from qualcode.errors import ProjectError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.project import Project
from qualcode.records import ProjectSummary
from qualcode.resources import data_dir

SAMPLE_DIR = data_dir("sample_transcripts")
Progress = Callable[[int, int, str], None]


@dataclass
class DemoContext:
    """What the steps share: the open project, the manifest and what was done so far."""

    project: Project
    root: Path
    manifest: dict[str, Any]
    progress: Progress | None = None
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)  # manifest file -> source id

    def report(self, done: int, total: int, name: str) -> None:
        """Forward progress to the caller's callback, if any."""
        if self.progress is not None:
            self.progress(done, total, name)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo project holds, for ``qualcode demo`` and the welcome screen."""

    project: ProjectSummary
    sources_by_kind: dict[str, int]
    cases: int
    turns: int
    attributes: dict[str, str]
    warnings: list[str]


def load_manifest(root: Path = SAMPLE_DIR) -> dict[str, Any]:
    """The parsed ``study.yaml`` of a sample folder."""
    import yaml

    manifest_path = root / "study.yaml"
    if not manifest_path.is_file():
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "The sample study is missing: {path} does not exist."),
            path=str(manifest_path),
        )
    data = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def import_sources(ctx: DemoContext) -> None:
    """Import every source of the manifest with its kind, date, encoding and speakers."""
    from qualcode.sources.importing import import_file

    entries = ctx.manifest.get("sources") or []
    for done, entry in enumerate(entries):
        ctx.report(done, len(entries), entry["file"])
        extra = {
            key: entry[key] for key in ("format", "layout", "date_end", "document") if key in entry
        }
        result = import_file(
            ctx.project,
            ctx.root / entry["file"],
            kind=entry.get("kind"),
            name=entry.get("name"),
            language=entry.get("language"),
            date_collected=date.fromisoformat(str(entry["date"])) if entry.get("date") else None,
            encoding=entry.get("encoding"),
            speakers={str(k): str(v) for k, v in (entry.get("speakers") or {}).items()},
            meta={f"study.{key}": value for key, value in extra.items()},
            header_attributes=False,  # the informants sheet holds the case attributes
            on_duplicate="error",
        )
        ctx.warnings += [f"{entry['file']}: {w}" for w in result.warnings]
        assert result.source is not None
        ctx.sources[entry["file"]] = result.source.id
    ctx.report(len(entries), len(entries), "")


def import_informants(ctx: DemoContext) -> None:
    """Give the informant cases their attributes from the informants sheet."""
    from qualcode.cases.casesheet import import_case_sheet

    sheet = ctx.manifest.get("informants_sheet")
    if not sheet:
        return
    report = import_case_sheet(
        ctx.project, ctx.root / sheet, key=ctx.manifest.get("informants_key")
    )
    ctx.warnings += [f"{sheet} row {row}: {why}" for row, why in report.skipped]


STUDY_CODEBOOKS = ("edwards3", "smartcity-kominfo", "factors")


def load_codebooks(ctx: DemoContext) -> None:
    """Load the theory the study codes with: Edwards III, the smart city dimensions, factors."""
    from qualcode.codebooks.project import load_codebook_into

    for done, book in enumerate(STUDY_CODEBOOKS):
        ctx.report(done, len(STUDY_CODEBOOKS), book)
        load_codebook_into(ctx.project, book)


def load_codings(ctx: DemoContext) -> None:
    """Apply the researcher's and the supervisor's hand-made codings (``codings.yaml``)."""
    from qualcode.analysis.check_sample import set_check_sample, units_coded_by
    from qualcode.analysis.scope import set_analysis_coders
    from qualcode.app.sample_codings import (
        load_sample_codings,
        sample_analysis_coders,
        sample_check,
    )

    codings = ctx.root / "codings.yaml"
    if codings.is_file():
        ctx.report(0, 1, codings.name)
        load_sample_codings(ctx.project, codings)
        analysis = sample_analysis_coders(codings)
        if analysis:
            set_analysis_coders(ctx.project, analysis)
        declared = sample_check(codings)
        if declared is not None:  # the units the check coder re-coded
            check_coder, compared = declared
            units = units_coded_by(ctx.project, check_coder)
            set_check_sample(ctx.project, units, coders=compared)
        ctx.report(1, 1, "")


def fill_identity_register(ctx: DemoContext) -> None:
    """Mark the identifying attributes, fill the register from them and add the names and
    places the transcripts mention (the manifest's ``identity`` section)."""
    spec = ctx.manifest.get("identity") or {}
    people = ctx.project.identities
    for attribute, kind in (spec.get("attributes") or {}).items():
        people.mark_attribute(str(attribute), str(kind))
    people.fill()
    for entry in spec.get("entries") or []:
        case = entry.get("case")
        people.add(
            str(entry["text"]),
            kind=str(entry.get("kind", "name")),
            replacement=entry.get("replacement"),
            case_id=ctx.project.cases.find(str(case)).id if case else None,
        )


#: The build, in order. Append a function ``(ctx) -> None`` to add a step.
STEPS: list[Callable[[DemoContext], None]] = [
    import_sources,
    import_informants,
    load_codebooks,
    load_codings,
    fill_identity_register,
]


def build_demo(
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    coder: str | None = None,
    root: Path = SAMPLE_DIR,
) -> DemoSummary:
    """Create the sample-study project at ``path`` (refuses an existing file unless told)."""
    manifest = load_manifest(root)
    title = (manifest.get("title") or {}).get("en") or "QualCode sample study"
    # The study's own researcher imports it, so the project holds only the two
    # coders of the hand-made codings (the researcher and the supervisor).
    project = Project.create(
        Path(path), coder=coder or "peneliti", title=title, overwrite=overwrite
    )
    try:
        ctx = DemoContext(project, root, manifest, progress)
        for step in STEPS:
            step(ctx)
        return summarize(project, ctx.warnings)
    finally:
        project.close()


def summarize(project: Project, warnings: list[str] | None = None) -> DemoSummary:
    """Counts of a project: sources by kind, cases, speaker turns, case attributes."""
    from sqlalchemy import func, select

    from qualcode.store import tables as t

    with project.reading() as conn:
        turns = conn.execute(
            select(func.count())
            .select_from(t.case_link)
            .where(t.case_link.c.speaker.is_not(None), t.case_link.c.start_pos.is_not(None))
        ).scalar_one()
    kinds = Counter(s.kind for s in project.sources.all())
    return DemoSummary(
        project=project.info(),
        sources_by_kind=dict(sorted(kinds.items())),
        cases=len(project.cases.all()),
        turns=int(turns),
        attributes={a.name: a.type for a in project.attributes.all(owner="case")},
        warnings=list(warnings or []),
    )
