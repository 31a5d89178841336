"""What a project report contains, gathered once for the HTML and Word writers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qualcode.cases.attribution import Attributor
from qualcode.export.flat import NAME_ATTRIBUTES
from qualcode.export.memos_data import MemoGroup, collect_memos
from qualcode.export.selection import (
    CodeSection,
    ExcerptFilter,
    ExcerptOptions,
    group_excerpts,
    select_excerpts,
)
from qualcode.export.table import Table
from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from qualcode.export.common import Steps
    from qualcode.project import Project
    from qualcode.records import ProjectSummary


@dataclass(frozen=True, slots=True)
class CodebookRow:
    """A code in the codebook table: depth in the tree, definition and use."""

    code_id: int
    name: str
    depth: int
    color: str
    description: str
    codings: int
    sources: int


@dataclass
class ReportData:
    """Everything a project report shows, already in the report's language."""

    language: str
    title: str
    summary: ProjectSummary
    facts: list[tuple[str, Any]]
    sources: Table
    cases: Table
    codebook: list[CodebookRow]
    tables: list[Table] = field(default_factory=list)
    sections: list[CodeSection] = field(default_factory=list)
    excerpt_count: int = 0
    memos: list[MemoGroup] = field(default_factory=list)
    charts: bool = False
    """Draw each display's chart (a figure with its caption) under its table."""


def collect_report(
    project: Project,
    *,
    tables: Sequence[Table] = (),
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    include_excerpts: bool = True,
    include_memos: bool = True,
    steps: Steps | None = None,
) -> ReportData:
    """Gather the report's parts; excerpts follow ``flt`` and ``options`` as in excerpt exports."""
    options = options or ExcerptOptions()
    language = check_language(options.language)
    summary = project.info()

    def lab(key: str) -> str:
        return label(key, language)

    coded: dict[int, int] = {}
    for c in project.codings.list():
        coded[c.source_id] = coded.get(c.source_id, 0) + 1
    sources = project.sources.all()
    source_table = Table.from_counts(
        lab("sources"),
        [s.name for s in sources],
        [lab("source_kind"), lab("date"), lab("length"), lab("codings")],
        [[0, 0, 0, 0] for _ in sources],
        corner=lab("source"),
    )
    from qualcode.export.table import CellContent

    for row, s in zip(source_table.cells, sources, strict=True):
        row[0] = CellContent(summary=lab(s.kind))
        row[1] = CellContent(summary=format_date(s.date_collected, language) or "–")
        row[2] = CellContent(count=s.length)
        row[3] = CellContent(count=coded.get(s.id, 0))

    cases = project.cases.all()
    attributor = Attributor(cases, options.attribution, language)
    names = [a.name for a in project.attributes.all("case")]
    if options.attribution.pseudonymise:
        names = [n for n in names if n.casefold() not in NAME_ATTRIBUTES]
    case_cells = []
    for case in sorted(cases, key=lambda c: c.id):
        row = [CellContent(summary=lab(case.kind))]
        for n in names:
            value = case.attributes.get(n)
            text = format_date(value, language) if value is not None else ""
            row.append(CellContent(summary=text or None))
        case_cells.append(row)
    case_table = Table(
        lab("cases"),
        [attributor.case_name(c) for c in sorted(cases, key=lambda c: c.id)],
        [lab("kind"), *names],
        case_cells,
        corner=lab("case"),
    )

    counts = project.codes.counts()
    depth: dict[int, int] = {}
    codebook = []
    for code in project.codes.all():
        depth[code.id] = 0 if code.parent_id is None else depth[code.parent_id] + 1
        n_codings, n_sources = counts.get(code.id, (0, 0))
        codebook.append(
            CodebookRow(
                code.id,
                code.label(language),
                depth[code.id],
                code.color,
                code.description,
                n_codings,
                n_sources,
            )
        )

    sections: list[CodeSection] = []
    count = 0
    if include_excerpts:
        flt = flt or ExcerptFilter()
        excerpts = select_excerpts(project, flt, options, steps)
        count = len(excerpts)
        sections = group_excerpts(project, excerpts, flt, options)
    facts: list[tuple[str, Any]] = [
        (lab("sources"), summary.sources),
        (lab("cases"), summary.cases),
        (lab("codes"), summary.codes),
        (lab("codings"), summary.codings),
        (lab("coders"), summary.coders),
    ]
    return ReportData(
        language=language,
        title=summary.title,
        summary=summary,
        facts=facts,
        sources=source_table,
        cases=case_table,
        codebook=codebook,
        tables=list(tables),
        sections=sections,
        excerpt_count=count,
        memos=collect_memos(project, language) if include_memos else [],
    )
