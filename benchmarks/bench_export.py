"""Benchmark: 10,000 coded excerpts to Word, beside a bare python-docx loop and Taguette.

    python -m benchmarks.bench_export [--excerpts 10000] [--taguette PYTHON]

1. Builds a project (100 sources, 10k codings, 60 codes, 30 cases) with the
   synthetic workload generator.
2. Times ``export_excerpts_docx`` (headings per code and case, quote, citation,
   code chip) and a bare python-docx loop that writes the same paragraphs with
   the same text, styles resolved once — the fastest plain use of the library.
   Both include saving the file. Target: ours <= 1.3x the bare loop.
3. If a Python with ``taguette`` installed is given (``pip install taguette`` in
   a separate venv), loads the same highlights into a Taguette database and
   times its own highlight exports (CSV, XLSX and, when Calibre's
   ``ebook-convert`` is on PATH, DOCX).

Figures are medians of 3 runs (the slow bare loop: one run), printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import workload
from qualcode.export.excerpts_docx import export_excerpts_docx
from qualcode.export.selection import (
    ExcerptFilter,
    ExcerptOptions,
    group_excerpts,
    select_excerpts,
)
from qualcode.project import Project


def median_time(fn: Callable[[], Any], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def bare_docx(sections: list[Any], path: Path) -> None:
    """The same paragraphs with python-docx's public API: no fields, shading or page setup."""
    import docx

    doc = docx.Document()
    styles = doc.styles
    heading = [styles[f"Heading {i}"] for i in (1, 2, 3, 4, 5)]
    quote, normal = styles["Quote"], styles["Normal"]
    for s in sections:
        doc.add_paragraph(s.title, style=heading[min(s.depth, 3)])
        for g in s.groups:
            doc.add_paragraph(g.title, style=heading[min(s.depth + 1, 4)])
            for e in g.excerpts:
                doc.add_paragraph(e.text.strip(), style=quote)
                doc.add_paragraph(f"({e.citation})", style=normal)
                doc.add_paragraph(" / ".join(e.code_path), style=normal)
    doc.save(str(path))


TAGUETTE_SCRIPT = r"""
import asyncio, html, io, json, os, shutil, statistics, sys, tempfile, time
from taguette import database, export

data = json.load(open(sys.argv[1], encoding="utf-8"))
db = database.connect("sqlite:///" + sys.argv[2])()
db.add(database.User(login="admin"))
project = database.Project(name="bench", description="")
db.add(project)
db.flush()
tags = {}
for path in sorted({h["tag"] for h in data["highlights"]}):
    tags[path] = database.Tag(project=project, path=path, description="")
    db.add(tags[path])
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
links = [{"highlight_id": hl.id, "tag_id": tag.id} for hl, tag in made]
db.execute(database.highlight_tags.insert(), links)
db.commit()
out_xlsx = os.path.join(tempfile.gettempdir(), "tg.xlsx")

def median(fn):
    out = []
    for _ in range(3):
        t = time.perf_counter(); fn(); out.append(time.perf_counter() - t)
    return statistics.median(out)

class Locale:
    def translate(self, message, plural=None, n=None):
        return message if plural is None or n == 1 else plural

    def pgettext(self, context, message, plural=None, n=None):
        return self.translate(message, plural, n)

result = {
    "csv": median(lambda: export.highlights_csv(db, project.id, "", io.StringIO())),
    "xlsx": median(lambda: export.highlights_xslx(db, project.id, "", out_xlsx)),
}

async def docx_once():
    _, future = export.highlights_doc(db, project.id, "", "docx",
        config={"CONVERT_FROM_HTML_TIMEOUT": 3600}, locale=Locale())
    reader = await future
    return sum(len(chunk) for chunk in reader)

if shutil.which("ebook-convert"):
    result["docx"] = median(lambda: asyncio.run(docx_once()))
else:
    result["docx"] = None
print(json.dumps(result))
"""


def run_taguette(python: str, project: Project, excerpts: list[Any], work: Path) -> dict | None:
    """Taguette's own exports of the same highlights, timed in its own interpreter."""
    docs = {s.name: project.sources.text(s.id) for s in project.sources.all()}
    data = {
        "documents": docs,
        "highlights": [
            {
                "document": e.source,
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "tag": ".".join(e.code_path),
            }
            for e in excerpts
        ],
    }
    payload = work / "taguette.json"
    payload.write_text(json.dumps(data), encoding="utf-8")
    script = work / "taguette_bench.py"
    script.write_text(TAGUETTE_SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [python, str(script), str(payload), str(work / "taguette.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    )
    if done.returncode != 0:
        print("Taguette run failed:", done.stderr.strip().splitlines()[-3:])
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--excerpts", type=int, default=10_000)
    parser.add_argument("--taguette", metavar="PYTHON", help="a Python with taguette installed")
    parser.add_argument("--no-bare", action="store_true", help="skip the (slow) bare loop")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        workload.SIZES["E"] = workload.Size(
            sources=100, words=8_000, codings=args.excerpts, codes=60, cases=30
        )
        began = time.perf_counter()
        path = workload.build_workload(work / "bench.qdaproj", "E")
        print(
            f"workload: {args.excerpts} codings in 100 sources, built in "
            f"{time.perf_counter() - began:.1f} s"
        )
        with Project.open(path, coder="bench", read_only=True) as p:
            options = ExcerptOptions()
            excerpts = select_excerpts(p, ExcerptFilter(), options)
            sections = group_excerpts(p, excerpts, ExcerptFilter(), options)
            print(f"excerpts selected: {len(excerpts)}")
            ours = median_time(lambda: export_excerpts_docx(p, work / "ours.docx"))
            select_only = median_time(lambda: select_excerpts(p, ExcerptFilter(), options))
            print(f"QualCode export_excerpts_docx (select + write + save): {ours:.2f} s")
            print(f"  of which selecting and citing the excerpts:          {select_only:.2f} s")
            print(f"  file: {os.path.getsize(work / 'ours.docx') / 1e6:.1f} MB")
            if not args.no_bare:
                # python-docx's add_paragraph scans the whole body each time (O(n^2)): one run
                bare = median_time(lambda: bare_docx(sections, work / "bare.docx"), runs=1)
                print(f"bare python-docx loop, same paragraphs (write + save): {bare:.2f} s")
                print(f"ratio QualCode / bare: {ours / bare:.2f}x (target <= 1.3x)")
            python = args.taguette
            if python is None and Path("/tmp/tagvenv/bin/python").exists():
                python = "/tmp/tagvenv/bin/python"
            if python:
                found = run_taguette(python, p, excerpts, work)
                if found:
                    print(f"Taguette highlights_csv:  {found['csv']:.2f} s")
                    print(f"Taguette highlights_xlsx: {found['xlsx']:.2f} s")
                    if found["docx"] is None:
                        print(
                            "Taguette highlights_doc (docx): not run, needs Calibre's "
                            "ebook-convert on PATH"
                        )
                    else:
                        print(f"Taguette highlights_doc (docx via Calibre): {found['docx']:.2f} s")
            else:
                print("Taguette: not run (pass --taguette PYTHON with taguette installed)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
