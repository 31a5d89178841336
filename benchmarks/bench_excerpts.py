"""Benchmark: excerpt exports on workload L, each beside its floor, in one run.

    python -m benchmarks.bench_excerpts [--workload FILE] [--only one,csv,docx,xlsx]
                                        [--taguette PYTHON]

The floor of each figure is the tightest bare-library code for the same work:

* **one code's excerpts** (``select_excerpts``, about 370 of a leaf code) beside bare
  ``sqlite3`` code giving the same facts of each excerpt (checked equal): quote, paragraph
  number, case, citation, code path, order; its connection keeps the same 64 MB page cache
  as QualCode's (SQLite's default 2 MB cache and the join alone are printed for reference);
* **all 200k excerpts to CSV** (``export_excerpts_csv``, one row per coding) beside
  ``sqlite3`` + ``csv.writer`` writing the same 22 columns, byte for byte (checked):
  code paths, case and role from the links, paragraph numbers from ``str.count``,
  the citation, the formula-injection apostrophe;
* **10k excerpts to .docx** (``export_excerpts_docx``, selection included) beside bare
  python-docx appending the same paragraphs and runs (code and case headings, quote,
  citation, code chip, valence) as XML in front of the section properties (its
  ``add_paragraph`` is O(n²)), styles by id, the text given, no page setup or TOC;
* **5,000 excerpts to .xlsx** on a corpus shaped like Taguette's benchmark corpus
  (50 documents, 509k words, 5,000 highlights): ``export_excerpts_xlsx`` beside
  openpyxl write-only and XlsxWriter writing the same table with shared formats, and
  Taguette 1.5's own ``highlights_xslx`` when a Python with ``taguette`` is given.

Times are CPU seconds (``time.process_time``, which other jobs on a shared machine
stretch less than wall time), medians of 3 (of 1 for the 200k CSV); the load
average and a fixed calibration loop are printed so runs on a busy machine can be
compared. Workload L is built once into ``--workload`` and reused.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import workload


def cpu(fn: Callable[[], Any], runs: int = 3) -> float:
    """Median CPU seconds of ``fn``."""
    times = []
    for _ in range(runs):
        began = time.process_time()
        fn()
        times.append(time.process_time() - began)
    return statistics.median(times)


def interleaved(fns: list[Callable[[], Any]], runs: int) -> list[float]:
    """Median CPU seconds of each of ``fns``, run in turn ``runs`` times: on a shared machine
    a burst of other work then slows all of them, not one of the figures compared."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, spent in zip(fns, times, strict=True):
            began = time.process_time()
            fn()
            spent.append(time.process_time() - began)
    return [statistics.median(t) for t in times]


def calibration() -> float:
    """CPU seconds of a fixed 10M-step loop (about 0.6 s on the quiet 2-core machine)."""
    began = time.process_time()
    n = 0
    for i in range(10_000_000):
        n += i
    return time.process_time() - began


def load() -> str:
    return "load average " + " / ".join(f"{x:.1f}" for x in os.getloadavg())


def row(what: str, ours: float, floor: float, target: float | None = None) -> None:
    ratio = ours / floor if floor else float("inf")
    goal = f" (target <= {target}x: {'met' if ratio <= target else 'MISSED'})" if target else ""
    print(f"{what:<44} QualCode {ours * 1000:9.1f} ms   floor {floor * 1000:9.1f} ms   "
          f"{ratio:5.2f}x{goal}")  # fmt: skip


# -- floors ----------------------------------------------------------------------------------
def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, detect_types=0)


ONE_CODE = """SELECT c.id, c.source_id, s.name, c.code_id, cd.name, c.start_pos, c.end_pos,
 substr(sc.text, c.start_pos + 1, c.end_pos - c.start_pos)
 FROM coding c JOIN source s ON s.id = c.source_id JOIN coder cd ON cd.id = c.coder_id
 JOIN source_content sc ON sc.source_id = c.source_id WHERE c.code_id = ?"""


def join_one_code(db: sqlite3.Connection, code: int) -> list[Any]:
    """The floor until 2026-12-06: the join and the quotes only (no paragraph, case, citation,
    code path or order), so less than an excerpt holds; printed for reference."""
    return db.execute(ONE_CODE, (code,)).fetchall()


def floor_one_code(db: sqlite3.Connection, code: int) -> list[tuple[Any, ...]]:
    """One code's excerpts with what ``select_excerpts`` gives each for this workload, with
    the least work: the join, each source's text once (quote and paragraph number from
    ``str.count``), the case of the whole-source link with its role, the citation, the code
    path, sorted by source name and position."""
    rows = db.execute(
        "SELECT c.id, c.source_id, s.name, s.kind, cd.name, c.start_pos, c.end_pos, c.valence, "
        "c.magnitude, c.period, c.event_date, c.weight, c.note FROM coding c JOIN source s "
        "ON s.id = c.source_id JOIN coder cd ON cd.id = c.coder_id WHERE c.code_id = ?",
        (code,),
    ).fetchall()
    ids = ",".join({str(r[1]) for r in rows})
    texts = dict(
        db.execute(f"SELECT source_id, text FROM source_content WHERE source_id IN ({ids})")
    )
    case_of = dict(db.execute("SELECT source_id, case_id FROM case_link WHERE start_pos IS NULL "
                              f"AND source_id IN ({ids})"))  # fmt: skip
    cids = ",".join({str(c) for c in case_of.values()})
    case_name = dict(db.execute(f"SELECT id, name FROM cases WHERE id IN ({cids})"))
    role = dict(db.execute(
        "SELECT v.case_id, v.value FROM attribute_value v JOIN attribute a ON a.id = "
        f"v.attribute_id WHERE a.name = 'Jabatan' AND v.case_id IN ({cids})"
    ))  # fmt: skip
    path: list[str] = []
    up: int | None = code
    while up is not None:
        up, name = db.execute("SELECT parent_id, name FROM code WHERE id = ?", (up,)).fetchone()
        path.insert(0, name)
    out = []
    for cid, sid, source, kind, coder, start, end, valence, mag, period, when, weight, note in rows:
        text = texts[sid]
        para = text.count("\n", 0, start) + 1
        case = case_of[sid]
        who, job = case_name[case], role[case]
        out.append((cid, source, kind, tuple(path), coder, start, end, para, text[start:end],
                    who, f"{who} — {job}, par. {para}", valence, mag, period, when, weight,
                    note, {"Jabatan": job}))  # fmt: skip
    out.sort(key=lambda r: (r[1].casefold(), r[5], r[6]))
    return out


def excerpt_facts(excerpts: list[Any]) -> list[tuple[Any, ...]]:
    """The facts the one-code floor gives, read from ``select_excerpts``'s excerpts."""
    return [(e.coding_id, e.source, e.source_kind, e.code_path, e.coder, e.start, e.end,
             e.paragraph, e.text, e.case, e.citation, e.valence, e.magnitude, e.period,
             e.event_date, e.weight, e.note, e.case_attributes)
            for e in excerpts]  # fmt: skip


def code_tree(db: sqlite3.Connection) -> tuple[list[int], dict[int, str]]:
    """Code ids in tree order (parents first, siblings by position) and each code's path."""
    rows = db.execute("SELECT id, parent_id, name FROM code ORDER BY position, id").fetchall()
    children: dict[int | None, list[tuple[int, str]]] = {}
    for cid, parent, name in rows:
        children.setdefault(parent, []).append((cid, name))
    order: list[int] = []
    paths: dict[int, str] = {}
    stack = [(cid, name, name) for cid, name in reversed(children.get(None, []))]
    while stack:
        cid, name, path = stack.pop()
        order.append(cid)
        paths[cid] = path
        stack.extend((k, n, f"{path} / {n}") for k, n in reversed(children.get(cid, [])))
    return order, paths


TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
VALENCE = {"supporting": "pendukung", "inhibiting": "penghambat", "neutral": "netral"}


def floor_csv(db: sqlite3.Connection, out: Path, headers: list[str]) -> int:
    """Every coding of L as the same CSV, with the least work (whole-source case links)."""
    order, paths = code_tree(db)
    rank = {cid: i for i, cid in enumerate(order)}
    names = dict(db.execute("SELECT id, name FROM code"))
    case_of = dict(db.execute("SELECT source_id, case_id FROM case_link WHERE start_pos IS NULL"))
    case_name = dict(db.execute("SELECT id, name FROM cases"))
    role = dict(
        db.execute(
            "SELECT v.case_id, v.value FROM attribute_value v JOIN attribute a "
            "ON a.id = v.attribute_id WHERE a.name = 'Jabatan'"
        )
    )
    sources = {i: (n, n.casefold()) for i, n in db.execute("SELECT id, name FROM source")}
    rows = db.execute(
        "SELECT c.id, c.source_id, c.code_id, cd.name, c.start_pos, c.end_pos, c.valence, "
        "c.note FROM coding c JOIN coder cd ON cd.id = c.coder_id"
    ).fetchall()
    rows.sort(key=lambda r: (rank[r[2]], sources[r[1]][1], r[4], r[5]))
    texts = dict(db.execute("SELECT source_id, text FROM source_content"))
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("\ufeff")
        w = csv.writer(fh).writerow
        w(headers)
        for n, (cid, sid, code, coder, start, end, valence, note) in enumerate(rows, 1):
            text = texts[sid]
            excerpt = text[start:end]
            if excerpt.startswith(TRIGGERS):
                excerpt = "'" + excerpt
            case = case_of[sid]
            who, job = case_name[case], role[case].strip('"')
            para = text.count("\n", 0, start) + 1
            w([n, names[code], paths[code], sources[sid][0], "Wawancara", None, who, job,
               coder, VALENCE.get(valence), None, None, None, None, note or None, para,
               start, end, excerpt, f"{who} — {job}, par. {para}", None, cid])  # fmt: skip
    return len(rows)


def floor_docx(paragraphs: list[tuple[str, list[tuple[str, Any]]]], out: Path) -> None:
    """The same paragraphs and runs with python-docx's XML, in front of the sectPr."""
    import copy

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from lxml.etree import SubElement

    doc = docx.Document()
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    q_ppr, q_style, q_val, q_r, q_t = (qn(f"w:{n}") for n in ("pPr", "pStyle", "val", "r", "t"))
    space = qn("xml:space")
    for style, runs in paragraphs:
        p = OxmlElement("w:p")
        SubElement(SubElement(p, q_ppr), q_style).set(q_val, style)
        for text, rpr in runs:
            r = SubElement(p, q_r)
            if rpr is not None:
                r.append(copy.deepcopy(rpr))
            t = SubElement(r, q_t)
            t.text = text
            t.set(space, "preserve")
        sect.addprevious(p)
    doc.save(str(out))


def docx_paragraphs(sections: list[Any]) -> list[tuple[str, list[tuple[str, Any]]]]:
    """The paragraphs and runs the export writes for grouped excerpts: code heading, case
    sub-heading, quote, citation, and the line with the code chip and the valence."""
    from qualcode.export.docx_common import run_properties

    chip = run_properties(color="262626", fill="DDDDDD")
    bold = run_properties(bold=True)
    out: list[tuple[str, list[tuple[str, Any]]]] = []
    for s in sections:
        out.append(("Heading1", [(s.title, None)]))
        for g in s.groups:
            out.append(("Heading2", [(g.title, None)]))
            for e in g.excerpts:
                out.append(("QCQuote", [(e.text.strip(), None)]))
                out.append(("QCCitation", [(f"({e.citation})", None)]))
                runs = [("■", chip), (f" {' / '.join(e.code_path)} ", chip)]
                if e.valence:
                    runs += [("   Valensi: ", bold), (e.valence, None)]
                out.append(("QCMeta", runs))
    return out


def xlsx_floors(headers: list[str], rows: list[list[Any]], work: Path) -> dict[str, float]:
    """The same table through openpyxl write-only and XlsxWriter, formats shared."""
    import openpyxl
    import xlsxwriter
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    def with_openpyxl() -> None:
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Kutipan")
        bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        head = []
        for h in headers:
            c = WriteOnlyCell(ws, h)
            c.font = bold
            head.append(c)
        ws.append(head)
        for r in rows:
            cells = []
            for v in r:
                c = WriteOnlyCell(ws, v)
                c.alignment = wrap
                cells.append(c)
            ws.append(cells)
        wb.save(work / "floor-openpyxl.xlsx")

    def with_xlsxwriter() -> None:
        wb = xlsxwriter.Workbook(work / "floor-xlsxwriter.xlsx", {"constant_memory": True})
        ws = wb.add_worksheet("Kutipan")
        bold, wrap = wb.add_format({"bold": True}), wb.add_format({"text_wrap": True})
        ws.write_row(0, 0, headers, bold)
        for i, r in enumerate(rows, 1):
            ws.write_row(i, 0, r, wrap)
        wb.close()

    return {"openpyxl write-only": cpu(with_openpyxl), "XlsxWriter": cpu(with_xlsxwriter)}


# -- the runs ------------------------------------------------------------------------------
def bench_one(path: Path) -> None:
    from qualcode.export.selection import ExcerptFilter, select_excerpts
    from qualcode.project import Project

    db = connect(path)
    leaf = db.execute(
        "SELECT code_id FROM coding WHERE code_id NOT IN (SELECT parent_id FROM code WHERE "
        "parent_id IS NOT NULL) GROUP BY code_id ORDER BY count(*), code_id LIMIT 1 OFFSET 25"
    ).fetchone()[0]
    with Project.open(path, coder="bench", read_only=True) as p:
        flt = ExcerptFilter(codes=[leaf])
        excerpts = select_excerpts(p, flt)
        same = excerpt_facts(excerpts) == floor_one_code(db, leaf)
        # The floor runs on equal footing: QualCode's connections keep a 64 MB page cache
        # (store/engine.py), so the floor's connection does too; SQLite's default 2 MB cache
        # and the earlier join-only floor are printed for reference.
        cached = connect(path)
        cached.execute("PRAGMA cache_size=-65536")
        ours, floor, join, small = interleaved(
            [lambda: select_excerpts(p, flt), lambda: floor_one_code(cached, leaf),
             lambda: join_one_code(db, leaf), lambda: floor_one_code(db, leaf)], runs=9,
        )  # fmt: skip
    row(f"one code's excerpts (code {leaf}, {len(excerpts)})", ours, floor, 1.5)
    print(f"  same excerpts: {'yes' if same else 'NO'}; floor and QualCode both with a 64 MB "
          f"page cache. For reference, with SQLite's default 2 MB cache: the floor "
          f"{small * 1000:.1f} ms ({ours / small:.2f}x); the join and quotes alone (the earlier "
          f"floor) {join * 1000:.1f} ms ({ours / join:.2f}x)")  # fmt: skip


def bench_csv(path: Path, work: Path) -> None:
    from qualcode.export.excerpts import export_excerpts_csv
    from qualcode.export.selection import ExcerptFilter
    from qualcode.project import Project

    ours_file, floor_file = work / "ours.csv", work / "floor.csv"
    with Project.open(path, coder="bench", read_only=True) as p:
        began = time.process_time()
        n = export_excerpts_csv(p, ours_file, ExcerptFilter(unit="codings"))
        ours = time.process_time() - began
        began = time.process_time()
        export_excerpts_csv(p, work / "passages.csv")
        passages = time.process_time() - began
    with open(ours_file, encoding="utf-8-sig", newline="") as fh:
        headers = next(csv.reader(fh))
    db = connect(path)
    began = time.process_time()
    floor_csv(db, floor_file, headers)
    floor = time.process_time() - began
    same = ours_file.read_bytes() == floor_file.read_bytes()
    row(f"all {n:,} excerpts to CSV", ours, floor, 1.5)
    print(f"  files identical: {'yes' if same else 'NO'}; default unit (passages): "
          f"{passages * 1000:.0f} ms")  # fmt: skip


def bench_docx(path: Path, work: Path, count: int = 10_000) -> None:
    from qualcode.export.excerpts_docx import export_excerpts_docx
    from qualcode.export.selection import ExcerptFilter, group_excerpts, select_excerpts
    from qualcode.project import Project

    db = connect(path)
    codes: list[int] = []
    total = 0
    for code, k in db.execute(
        "SELECT code_id, count(*) FROM coding WHERE code_id NOT IN (SELECT parent_id FROM code "
        "WHERE parent_id IS NOT NULL) GROUP BY code_id ORDER BY code_id"
    ):
        if total >= count:
            break
        codes.append(code)
        total += k
    flt = ExcerptFilter(codes=codes, unit="codings")
    with Project.open(path, coder="bench", read_only=True) as p:
        excerpts = select_excerpts(p, flt)
        sections = group_excerpts(p, excerpts, flt)
        ours = cpu(lambda: export_excerpts_docx(p, work / "ours.docx", flt))
    paragraphs = docx_paragraphs(sections)
    floor = cpu(lambda: floor_docx(paragraphs, work / "floor.docx"))
    row(f"{len(excerpts):,} excerpts to .docx", ours, floor, 1.5)


TAGUETTE = r"""
import html, json, os, statistics, sys, tempfile, time
from taguette import database, export
data = json.load(open(sys.argv[1], encoding="utf-8"))
db = database.connect("sqlite:///" + sys.argv[2])()
db.add(database.User(login="admin"))
project = database.Project(name="bench", description="")
db.add(project)
db.flush()
tags = {p: database.Tag(project=project, path=p, description="")
        for p in sorted({h["tag"] for h in data["highlights"]})}
db.add_all(tags.values())
docs = {}
for name, text in data["documents"].items():
    docs[name] = database.Document(project=project, name=name, description="",
        filename=name + ".txt", text_direction=database.TextDirection.LEFT_TO_RIGHT,
        contents=html.escape(text))
    db.add(docs[name])
db.flush()
made = []
for h in data["highlights"]:
    hl = database.Highlight(document=docs[h["document"]], start_offset=h["start"],
        end_offset=h["end"], snippet=html.escape(h["text"]))
    db.add(hl)
    made.append((hl, tags[h["tag"]]))
db.flush()
db.execute(database.highlight_tags.insert(),
           [{"highlight_id": hl.id, "tag_id": tag.id} for hl, tag in made])
db.commit()
out = os.path.join(tempfile.gettempdir(), "taguette-bench.xlsx")
times = []
for _ in range(3):
    t = time.process_time(); export.highlights_xslx(db, project.id, "", out)
    times.append(time.process_time() - t)
print(json.dumps({"xlsx": statistics.median(times)}))
"""


def bench_xlsx(work: Path, taguette: str | None) -> None:
    import json

    from qualcode.export.excerpts_xlsx import export_excerpts_xlsx
    from qualcode.export.flat import excerpt_table
    from qualcode.export.selection import ExcerptFilter, select_excerpts
    from qualcode.project import Project

    workload.SIZES["TG"] = workload.Size(sources=50, words=10_180, codings=5_000, codes=60,
                                         cases=50)  # fmt: skip
    path = workload.build_workload(work / "taguette-like.qdaproj", "TG")
    flt = ExcerptFilter(unit="codings")
    with Project.open(path, coder="bench", read_only=True) as p:
        words = sum(len(p.sources.text(s.id).split()) for s in p.sources.all())
        ours = cpu(lambda: export_excerpts_xlsx(p, work / "ours.xlsx", flt))
        excerpts = select_excerpts(p, flt)
        headers, rows, _ = excerpt_table(excerpts, "id")
        docs = {s.name: p.sources.text(s.id) for s in p.sources.all()}
    print(f"Taguette-like corpus: 50 documents, {words:,} words, {len(rows):,} excerpts")
    floors = xlsx_floors(headers, rows, work)
    for name, value in floors.items():
        row(f"5,000 excerpts to .xlsx vs {name}", ours, value)
    if taguette:
        data = {
            "documents": docs,
            "highlights": [{"document": e.source, "start": e.start, "end": e.end,
                            "text": e.text, "tag": "/".join(e.code_path)} for e in excerpts],
        }  # fmt: skip
        (work / "tg.json").write_text(json.dumps(data), encoding="utf-8")
        (work / "tg.py").write_text(TAGUETTE, encoding="utf-8")
        done = subprocess.run(
            [taguette, str(work / "tg.py"), str(work / "tg.json"), str(work / "tg.sqlite3")],
            capture_output=True, text=True, timeout=3600,
        )  # fmt: skip
        if done.returncode:
            print("Taguette run failed:", done.stderr.strip().splitlines()[-3:])
        else:
            theirs = json.loads(done.stdout.strip().splitlines()[-1])["xlsx"]
            row("5,000 excerpts to .xlsx vs Taguette 1.5", ours, theirs)
    else:
        print("Taguette: not run (pass --taguette PYTHON with taguette installed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", type=Path, help="workload L file (built when missing)")
    parser.add_argument("--only", default="one,csv,docx,xlsx")
    parser.add_argument("--taguette", metavar="PYTHON", help="a Python with taguette installed")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="bench-excerpts-"))
    try:
        print(load(), f"; calibration loop {calibration():.2f} s CPU")
        path = args.workload or work / "L.qdaproj"
        if parts & {"one", "csv", "docx"} and not path.exists():
            began = time.perf_counter()
            workload.build_workload(path, "L")
            print(f"built workload L in {time.perf_counter() - began:.1f} s")
        if "one" in parts:
            bench_one(path)
        if "csv" in parts:
            bench_csv(path, work)
        if "docx" in parts:
            bench_docx(path, work)
        if "xlsx" in parts:
            bench_xlsx(work, args.taguette)
        print(load())
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
