"""Build a coded sample project from ``sample_transcripts/`` and write every export kind.

Used by ``scripts/render-exports.sh`` (which then renders the files with
LibreOffice to check how they look). Codings are placed by keyword rules on
the informants' sentences, by two coders, so the exports have realistic
groups, citations and matrices. Usage: ``python render_exports_sample.py OUTDIR``.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import sys
from datetime import date
from pathlib import Path

import yaml

from qualcode.analysis.displays import build_ready
from qualcode.cases.attribution import AttributionStyle
from qualcode.export.display_adapter import table_from_display
from qualcode.export.excerpts import export_excerpts, export_report
from qualcode.export.selection import ExcerptOptions
from qualcode.export.tables_docx import write_tables_docx
from qualcode.export.tables_xlsx import write_tables_xlsx
from qualcode.project import Project
from qualcode.sources.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent / "sample_transcripts"
FILES = ("W1", "W2", "W4", "W6", "W8", "FGD1")
# Edwards III: code path -> (colour, keyword pattern on an informant's sentence)
RULES = {
    "Komunikasi": ("#1F77B4", None),
    "Komunikasi/Transmisi": ("#4E9BD4", r"sosialisasi|disosialisasikan|surat edaran|bimtek"),
    "Komunikasi/Kejelasan": ("#7FB8E6", r"juknis|petunjuk|tidak jelas|bingung"),
    "Sumber Daya": ("#D62728", None),
    "Sumber Daya/Staf": ("#E4575A", r"\bSDM\b|operator|tenaga|pegawai|staf\b"),
    "Sumber Daya/Anggaran": ("#EE8A8B", r"anggaran|APBD|dana\b|biaya"),
    "Sumber Daya/Fasilitas": ("#F3B1B2", r"sinyal|jaringan|server|internet|perangkat"),
    "Disposisi": ("#2CA02C", r"komitmen|dukung|mendukung|semangat"),
    "Struktur Birokrasi": ("#9467BD", r"\bSOP\b|koordinasi|ego sektoral|integrasi"),
}
SENTENCE = re.compile(r"[^.!?]+[.!?]+")


def build(path: Path) -> Project:
    """The coded sample project at ``path`` (returned open, coder "ana")."""
    manifest = yaml.safe_load((ROOT / "study.yaml").read_text(encoding="utf-8"))
    with open(ROOT / "informants.csv", encoding="utf-8") as fh:
        informants = list(csv.DictReader(fh))
    p = Project.create(path, coder="ana")
    attrs = ("Jabatan", "Instansi", "Kode", "Jenis Informan")
    for name in attrs:
        p.attributes.define(name)
    p.attributes.define("Tanggal Wawancara", type="date")
    ids = {a.name: a.id for a in p.attributes.all("case")}
    cases, rows = {}, []
    for inf in informants:
        case = p.cases.create(inf["Nama"]).result
        cases[inf["Kode"]] = case.id
        rows += [(ids[a], case.id, None, inf[a]) for a in attrs]
        rows.append(
            (ids["Tanggal Wawancara"], case.id, None, date.fromisoformat(inf["Tanggal Wawancara"]))
        )
    p.attributes.set_values(rows)
    codes = {}
    for path_, (color, _) in RULES.items():
        parent, _, name = path_.rpartition("/")
        codes[path_] = p.codes.create(
            name or path_, parent_id=codes.get(parent), color=color
        ).result.id
    turns = []
    for item in manifest["sources"]:
        if not item["file"].startswith(FILES) or not item["file"].endswith(".txt"):
            continue
        text = extract_file(ROOT / item["file"]).text
        when = date.fromisoformat(item["date"])
        src = p.sources.add_text(
            item["name"], text, kind=item["kind"], language=item["language"], date_collected=when
        ).result
        speakers = {k: v for k, v in item["speakers"].items() if v in cases}
        label = "|".join(re.escape(k) for k in speakers)
        offset = 0
        for line in text.split("\n"):
            m = re.match(rf"^(?:\[[\d:]+\]\s*)?({label}):\s", line) if label else None
            if m:
                code = speakers[m.group(1)]
                p.cases.link(cases[code], src.id, offset, offset + len(line))
                turns.append((src.id, offset + m.end(), line[m.end() :]))
            offset += len(line) + 1
    for sid, start, body in turns:
        for s in SENTENCE.finditer(body):
            sentence = s.group().strip()
            at = start + s.start() + (len(s.group()) - len(s.group().lstrip()))
            for path_, (_, pattern) in RULES.items():
                if pattern and re.search(pattern, sentence, re.IGNORECASE):
                    valence = (
                        "inhibiting"
                        if re.search(r"belum|kurang|tidak|lemah|terbatas", sentence)
                        else "supporting"
                    )
                    p.codings.apply(sid, at, at + len(sentence), codes[path_], valence=valence)
                    break
    p.close()
    second = Project.open(path, coder="budi", backups=False)  # a second coder, whole turns
    for sid, start, body in turns[::4]:
        if len(body) > 40 and re.search(r"anggaran|sinyal|operator", body, re.IGNORECASE):
            second.codings.apply(sid, start, start + len(body.rstrip()), codes["Sumber Daya"])
    second.close()
    return Project.open(path, coder="ana", read_only=True)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    project_file = out / "sample.qdaproj"
    for old in out.glob("sample.qdaproj*"):
        old.unlink()
    with build(project_file) as p:
        pseudo = AttributionStyle(pseudonymise=True)
        opts = ExcerptOptions(
            language="id",
            attribution=pseudo,
            context_sentences=1,
            show_other_codes=True,
            title="Kutipan Terkode: Model Edwards III",
        )
        n = export_excerpts(p, out / "kutipan.docx", options=opts)
        export_excerpts(p, out / "kutipan.xlsx", options=opts)
        export_excerpts(p, out / "kutipan.csv", options=opts)
        matrix = table_from_display(
            build_ready(p, "matrix", columns="cases:informant"),
            project=p,
            style=pseudo,
            title="Kode × Informan",
        )
        factors = table_from_display(build_ready(p, "factors"), project=p, style=pseudo)
        resources = [c.id for c in p.codes.children(p.codes.find("Sumber Daya").id)]
        by_informant = build_ready(
            p, "matrix", codes=resources, columns="cases:informant", cell="excerpts"
        )
        quotes = table_from_display(
            by_informant, project=p, style=pseudo, title="Matriks hasil wawancara: Sumber Daya"
        ).transposed()
        quotes = dataclasses.replace(quotes, corner="Informan")
        tables = [matrix, factors, quotes]
        write_tables_xlsx(tables, out / "displays.xlsx")
        write_tables_docx(tables, out / "displays.docx")
        export_report(p, out / "laporan.docx", opts, tables=tuple(tables))
        export_report(p, out / "laporan.html", opts, tables=tuple(tables))
    print(f"{n} excerpts; files in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/exports"))
