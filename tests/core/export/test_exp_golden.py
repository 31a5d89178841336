"""Excerpt exports read back exactly as before the selection and writers were made faster.

``data/excerpts_golden.json`` was written by the earlier implementation (per-character
line scan, openpyxl normal-mode workbook). Every excerpt field, the CSV bytes, every
.xlsx cell with its style, widths, heights and print setup, and every .docx paragraph
with its runs must still read back the same, for a range of options (passages and
codings, context, other codes, pseudonyms, English) on a project with multi-line,
emoji and overlapping codings. Regenerate only on an intended change:
``python -m tests.core.export.test_exp_golden``.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from qualcode.cases.attribution import AttributionStyle
from qualcode.export.excerpts import export_excerpts
from qualcode.export.selection import ExcerptFilter, ExcerptOptions, select_excerpts
from qualcode.project import Project
from qualcode.text.labels import format_date

from .conftest import build_study, span

GOLDEN = Path(__file__).parent / "data" / "excerpts_golden.json"
LATER = {"memos", "code_memos"}  # excerpt fields added after the golden file was written

EXTRA = (
    "P: Ceritakan pengalaman Ibu 😀 dengan aplikasi?\n"
    "I: Awalnya sulit 👍🏽, jaringan di desa lemah.\n"
    "\n"
    "Sekarang sudah lebih baik karena ada pelatihan.\n"
    'P: =HYPERLINK("x") apa artinya?\n'
    "I: Tidak tahu. Koordinasi antar-OPD masih kurang; tahun depan diperbaiki.\n"
)

CASES: dict[str, tuple[ExcerptFilter, ExcerptOptions]] = {
    "default": (ExcerptFilter(), ExcerptOptions()),
    "codings_en": (ExcerptFilter(unit="codings"), ExcerptOptions(language="en")),
    "context_chars_others": (
        ExcerptFilter(),
        ExcerptOptions(context_chars=30, show_other_codes=True, group_by="code-source"),
    ),
    "context_sentences": (
        ExcerptFilter(unit="codings"),
        ExcerptOptions(context_sentences=1, group_by="code-kind"),
    ),
    "pseudonyms": (
        ExcerptFilter(),
        ExcerptOptions(attribution=AttributionStyle(pseudonymise=True), group_by="code"),
    ),
    "one_code_one_coder": (ExcerptFilter(codes=[1], coders=["ana"]), ExcerptOptions()),
}


def build(path: Path) -> Path:
    """The export test study plus a source with emoji, blank lines and overlapping coders."""
    build_study(path)
    with Project.open(path, coder="ana", backups=False) as p:
        src = p.sources.add_text("W3 Warga 😀", EXTRA, date_collected=date(2024, 1, 2)).result
        case = p.cases.create("Wati").result
        p.cases.link(case.id, src.id)
        kom = p.codes.find("Komunikasi").id
        sd = p.codes.find("Sumber Daya").id
        p.codings.apply(src.id, *span(EXTRA, "Awalnya sulit 👍🏽, jaringan"), kom, note="=1+1")
        p.codings.apply(src.id, *span(EXTRA, "lemah.\n\nSekarang sudah"), sd, valence="supporting")
        p.codings.apply(src.id, *span(EXTRA, "Koordinasi antar-OPD"), kom)
    with Project.open(path, coder="budi", backups=False) as p:
        src_id = p.sources.find("W3 Warga 😀").id
        kom = p.codes.find("Komunikasi").id
        p.codings.apply(src_id, *span(EXTRA, "jaringan di desa lemah.\n\nSekarang"), kom)
        p.codings.apply(src_id, *span(EXTRA, "antar-OPD masih kurang"), kom)
    return path


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _undated(value: Any) -> Any:
    """Today's date (in "built" lines) replaced, so the file does not age."""
    text = json.dumps(value, ensure_ascii=False)
    for lang in ("id", "en"):
        text = text.replace(format_date(date.today(), lang), "<today>")
    text = text.replace(date.today().isoformat(), "<today>")
    return json.loads(text)


def xlsx_fingerprint(path: Path) -> dict[str, Any]:
    """Every cell's value and look, and each sheet's layout, as openpyxl reads them back.

    A writer's spelling of the same thing reads the same: a font size left at the default
    (11), a fill colour's alpha byte, a width given to a range of columns or to each, a
    row height to the pixel (0.75 pt: Excel shows heights in whole pixels), an omitted
    default ``fitToWidth`` (1), the type of an empty cell.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.load_workbook(path)
    out: dict[str, Any] = {}
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                f, a, b = c.font, c.alignment, c.border
                cells.append(
                    [
                        c.coordinate,
                        _plain(c.value),
                        c.data_type if c.value is not None else None,
                        c.number_format,
                        [f.name, bool(f.b), bool(f.i), f.sz or 11.0],
                        c.fill.fill_type,
                        c.fill.fgColor.rgb[-6:] if c.fill.fill_type else None,
                        [bool(a.wrap_text), a.vertical, a.horizontal],
                        [b.left.style, b.right.style, b.top.style, b.bottom.style],
                    ]
                )
        out[ws.title] = {
            "cells": cells,
            "widths": {
                get_column_letter(i): round(v.width, 2)
                for v in ws.column_dimensions.values()
                if v.width and v.min
                for i in range(v.min, v.max + 1)
            },
            "heights": {
                str(k): round(round(v.height / 0.75) * 0.75, 2)
                for k, v in ws.row_dimensions.items()
                if v.height
            },
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "print": [
                ws.page_setup.orientation,
                str(ws.page_setup.paperSize),
                str(ws.page_setup.fitToWidth or 1),
                str(ws.page_setup.fitToHeight),
                bool(ws.sheet_properties.pageSetUpPr.fitToPage),
                str(ws.print_title_rows),
            ],
        }
    return out


def docx_fingerprint(path: Path) -> list[Any]:
    """Each body paragraph: its style and its runs (text, style, bold, italic, colour, fill)."""
    import docx

    doc = docx.Document(str(path))
    out = []
    for p in doc.paragraphs:
        runs = []
        for r in p.runs:
            shd = (
                r._r.rPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
                if r._r.rPr is not None
                else None
            )
            fill = (
                shd.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill")
                if shd is not None
                else None
            )
            color = str(r.font.color.rgb) if r.font.color and r.font.color.type else None
            style = r.style.name if r._r.rPr is not None and r._r.rPr.rStyle is not None else None
            runs.append([r.text, style, r.bold, r.italic, color, fill])
        out.append([p.style.name, runs])
    return out


def fingerprint(project_path: Path, work: Path) -> dict[str, Any]:
    """Everything each excerpt export case produces, in comparable form."""
    out: dict[str, Any] = {}
    with Project.open(project_path, coder="ana", read_only=True) as p:
        for name, (flt, options) in CASES.items():
            excerpts = select_excerpts(p, flt, options)
            out[f"{name}/select"] = [  # memo fields came later; these cases print none
                {f.name: _plain(getattr(e, f.name)) for f in fields(e) if f.name not in LATER}
                for e in excerpts
            ]
            assert all(not e.memos and not e.code_memos for e in excerpts)
            csv = work / f"{name}.csv"
            export_excerpts(p, csv, flt, options)
            out[f"{name}/csv"] = csv.read_text(encoding="utf-8")
            xlsx = work / f"{name}.xlsx"
            export_excerpts(p, xlsx, flt, options)
            out[f"{name}/xlsx"] = xlsx_fingerprint(xlsx)
            word = work / f"{name}.docx"
            export_excerpts(p, word, flt, options)
            out[f"{name}/docx"] = docx_fingerprint(word)
    return _undated(out)


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("golden")
    return fingerprint(build(work / "golden.qdaproj"), work)


@pytest.mark.parametrize("kind", ["select", "csv", "xlsx", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_export_reads_back_as_before(current: dict[str, Any], case: str, kind: str) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    key = f"{case}/{kind}"
    if kind == "xlsx":  # sheet by sheet, so a difference is easy to find
        for sheet, expected in golden[key].items():
            got = current[key][sheet]
            for part in expected:
                assert got[part] == expected[part], (sheet, part)
        assert set(current[key]) == set(golden[key])
    else:
        assert current[key] == golden[key]


if __name__ == "__main__":  # regenerate the golden file (only on an intended change)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = fingerprint(build(Path(tmp) / "golden.qdaproj"), Path(tmp))
    GOLDEN.parent.mkdir(exist_ok=True)
    lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()]
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
