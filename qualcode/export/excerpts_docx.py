"""Coded excerpts to Word: code headings, case (or source kind) sub-headings, block quotes
with their citation, as a researcher pastes them into Bab IV."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.docx_common import (
    GREY,
    FastWriter,
    Styles,
    add_page_numbers,
    add_toc,
    new_document,
    run_properties,
    save,
    tint,
    unnumber,
)
from qualcode.export.selection import (
    CodeSection,
    ExcerptFilter,
    ExcerptOptions,
    ExportExcerpt,
    group_excerpts,
    select_excerpts,
)
from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project


def export_excerpts_docx(
    project: Project,
    path: str | os.PathLike[str],
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> int:
    """Write the selected excerpts to a .docx file; returns how many were written."""
    flt = flt or ExcerptFilter()
    options = options or ExcerptOptions()
    steps = Steps(0, progress, cancel)
    excerpts = select_excerpts(project, flt, options, steps)
    sections = group_excerpts(project, excerpts, flt, options)
    steps.total = len(excerpts)
    doc = build_excerpts_document(project, sections, flt, options, steps)
    with atomic_output(path) as tmp:
        steps.check()
        save(doc, tmp)
    steps.finish()
    return len(excerpts)


def build_excerpts_document(
    project: Project,
    sections: Sequence[CodeSection],
    flt: ExcerptFilter,
    options: ExcerptOptions,
    steps: Steps,
) -> Any:
    """The Word document (not saved) for grouped excerpts."""
    language = check_language(options.language)
    doc, styles = new_document(language)
    add_page_numbers(doc.sections[0])
    w = FastWriter(doc)
    title = options.title or label("excerpts_title", language)
    w.run(w.paragraph(styles.title), title)
    info = project.info()
    w.run(w.paragraph(styles.subtitle), info.title)
    w.run(
        w.paragraph(styles.subtitle),
        f"{label('built', language)}: {format_date(date.today(), language)}",
    )
    for line in describe_filter(project, flt, language):
        w.run(w.paragraph(styles.subtitle), line)
    add_toc(doc, language)
    writer = ExcerptWriter(w, styles, options, language)
    for section in sections:
        writer.section(section, steps)
    return doc


def describe_filter(project: Project, flt: ExcerptFilter, language: str) -> list[str]:
    """One line per restriction of the filter, in the export's language."""
    everything = label("all", language)
    lines = []

    def names(ids: Sequence[int] | None, lookup: dict[int, str]) -> str:
        return everything if ids is None else ", ".join(lookup.get(i, str(i)) for i in ids)

    if flt.codes is not None:
        codes: dict[int, str] = {c.id: c.label(language) for c in project.codes.all()}
        lines.append(f"{label('codes', language)}: {names(flt.codes, codes)}")
    if flt.cases is not None:
        cases: dict[int, str] = {c.id: c.name for c in project.cases.all()}
        lines.append(f"{label('cases', language)}: {names(flt.cases, cases)}")
    for name, values in flt.case_attributes.items():
        lines.append(f"{name}: {', '.join(values)}")
    if flt.sources is not None:
        sources: dict[int, str] = {s.id: s.name for s in project.sources.all()}
        lines.append(f"{label('sources', language)}: {names(flt.sources, sources)}")
    if flt.source_kinds is not None:
        kinds = ", ".join(label(k, language) for k in flt.source_kinds)
        lines.append(f"{label('source_kind', language)}: {kinds}")
    # whose codings the excerpts rest on, always stated (coder scope, qualcode.analysis.scope)
    from qualcode.analysis.corpus import coders
    from qualcode.export.selection import excerpt_scope

    scope = excerpt_scope(project, flt)
    counted = scope.coders if scope.coders is not None else coders(project)
    lines.append(f"{label('coders_counted', language)}: {', '.join(counted)}")
    lines.append(f"{label('count_unit', language)}: {label('unit_' + scope.unit, language)}")
    if flt.valences is not None:
        valences = ", ".join(label(v, language) for v in flt.valences)
        lines.append(f"{label('valence', language)}: {valences}")
    return lines


class ExcerptWriter:
    """Writes sections fast: run properties per code are prepared once."""

    def __init__(
        self,
        w: FastWriter,
        styles: Styles,
        options: ExcerptOptions,
        language: str,
        base_level: int = 1,
    ) -> None:
        self.base_level = base_level
        self.w = w
        self.styles = styles
        self.options = options
        self.language = language
        self.context = run_properties(style_id=styles.context, italic=False)
        self.meta_label = run_properties(bold=True)
        self.description = run_properties(italic=True, color=GREY)
        self.chips: dict[str, Any] = {}
        self.squares: dict[str, Any] = {}

    def _heading(self, level: int, text: str, numbered: bool = True) -> None:
        style = self.styles.headings[min(level, len(self.styles.headings)) - 1]
        p = self.w.paragraph(style)
        if not numbered:
            unnumber(p)
        self.w.run(p, text)

    def section(self, section: CodeSection, steps: Steps) -> None:
        level = min(section.depth + self.base_level, 4)
        # Code headings are numbered by Word ("4.1.2 Transmisi"); case sub-headings are not.
        self._heading(level, section.title)
        if section.description:
            p = self.w.paragraph(self.styles.meta)
            self.w.run(p, section.description, self.description)
        for group in section.groups:
            if group.title:
                self._heading(level + 1, group.title, numbered=False)
            for excerpt in group.excerpts:
                self.excerpt(excerpt)
                steps.step()

    def excerpt(self, e: ExportExcerpt) -> None:
        w, st = self.w, self.styles
        lines = [line.strip() for line in e.text.strip().split("\n") if line.strip()] or [""]
        for i, line in enumerate(lines):
            p = w.paragraph(st.quote)
            if i == 0 and e.before:
                w.run(p, f"…{_flat(e.before)}", self.context)
            w.run(p, line)
            if i == len(lines) - 1 and e.after:
                w.run(p, f"{_flat(e.after)}{ellipsis_after(e.after)}", self.context)
        if e.citation:
            w.run(w.paragraph(st.citation), f"({e.citation})")
        o = self.options
        meta = []
        if o.show_note and e.valence:
            meta.append((label("valence", self.language), label(e.valence, self.language)))
        if o.show_note and e.note:
            meta.append((label("note", self.language), e.note))
        if o.show_other_codes and e.other_codes:
            meta.append((label("other_codes", self.language), ", ".join(e.other_codes)))
        if not (o.show_code_path or meta):
            return
        p = w.paragraph(st.meta)
        if o.show_code_path:
            w.run(p, "■", self._square(e.code_color))
            w.run(p, f" {' / '.join(e.code_path)} ", self._chip(e.code_color))
        for i, (name, value) in enumerate(meta):
            w.run(p, ("   " if o.show_code_path or i else "") + f"{name}: ", self.meta_label)
            w.run(p, value)

    def _chip(self, color: str) -> Any:
        if color not in self.chips:
            self.chips[color] = run_properties(color="262626", fill=tint(color, 0.6))
        return self.chips[color]

    def _square(self, color: str) -> Any:
        if color not in self.squares:
            solid = color.lstrip("#").upper()
            self.squares[color] = run_properties(color=solid, fill=tint(color, 0.6))
        return self.squares[color]


def _flat(text: str) -> str:
    """Context on one line: a line break in a justified paragraph stretches the words."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + " ".join(text.split()) + trail


def ellipsis_after(after: str) -> str:
    """ "…" after trailing context, unless it ends a sentence."""
    return "" if after.rstrip()[-1:] in ".!?…" else "…"
