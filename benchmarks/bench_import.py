"""Benchmark: ``extract_file`` against a bare python-docx read of the same files.

Generates N .docx and N .txt interview transcripts of about 8,000 Indonesian-like
words each (header table, P:/I: turns, one Q/A table), then times in the same
run: (a) the bare read ``"\\n".join(p.text for p in Document(path).paragraphs)``,
(b) ``extract_file`` (reads the bytes, sha256, body walk in document order with
tables, normalisation, header parse, language guess), and (c) ``extract_file``
on the .txt files. Prints words/s and the docx ratio (target: at most 1.3x).
Then times the full project import (``import_file``: extraction, turn detection,
source + original bytes + case links + cases written in one undo step) of the
same files into a fresh project per run, and prints that rate as well.

    .venv/bin/python benchmarks/bench_import.py --files 10 --repeat 3
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_VOCABULARY = (
    "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ada ke karena bisa "
    "sudah kami kita saya ya belum kebijakan pelaksanaan smart city pemerintah daerah dinas "
    "komunikasi informatika aplikasi layanan publik anggaran sumber daya manusia aparatur "
    "koordinasi sosialisasi masyarakat infrastruktur jaringan internet desa kabupaten kota "
    "program masterplan perwali bupati kepala seksi bidang pengembangan ekosistem "
    "pemerintahan elektronik data terintegrasi OPD ASN SDM TIK SPBE RPJMD eee gitu nah jadi "
    "memang sebenarnya kemudian terkait dukungan komitmen pimpinan kendala hambatan "
    "pendukung penghambat optimal terbatas kurang baik sangat sudah mulai tahun pelatihan "
    "bimtek operator server pusat command center dashboard warga aduan cepat respon José"
)
WORDS = _VOCABULARY.split()


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _transcript(rng: random.Random, target_words: int) -> list[tuple[str, str]]:
    """(kind, text) parts: kind is "p" (paragraph) or "qa" (a Q/A table row)."""
    parts: list[tuple[str, str]] = []
    words = 0
    turn = 0
    while words < target_words:
        speaker = "P" if turn % 2 == 0 else "I"
        length = rng.randint(8, 20) if speaker == "P" else rng.randint(40, 160)
        text = f"{speaker}: " + " ".join(
            _sentence(rng, rng.randint(6, 18)) for _ in range(max(1, length // 12))
        )
        parts.append(("p", text))
        words += len(text.split())
        turn += 1
    return parts


def make_files(folder: Path, count: int, target_words: int) -> tuple[list[Path], list[Path], int]:
    from docx import Document

    rng = random.Random(7)
    docx_paths, txt_paths, total_words = [], [], 0
    for i in range(count):
        parts = _transcript(rng, target_words)
        document = Document()
        document.add_heading(f"Transkrip Wawancara {i + 1}", 1)
        header = document.add_table(rows=4, cols=2)
        for r, (k, v) in enumerate(
            [("Hari/Tanggal", "Senin, 27 Mei 2019"), ("Informan", f"Bapak X{i}"),
             ("Jabatan", "Kasi Pengembangan"), ("Instansi", "Diskominfo")]
        ):  # fmt: skip
            header.cell(r, 0).text, header.cell(r, 1).text = k, v
        qa = document.add_table(rows=6, cols=3)
        for r in range(6):
            qa.cell(r, 0).text = "No" if r == 0 else str(r)
            qa.cell(r, 1).text = "Pertanyaan" if r == 0 else _sentence(rng, 10)
            qa.cell(r, 2).text = "Jawaban" if r == 0 else _sentence(rng, 30)
        for _, text in parts:
            document.add_paragraph(text)
        path = folder / f"w{i:03d}.docx"
        document.save(path)
        docx_paths.append(path)
        plain = "\n".join(text for _, text in parts)
        txt = folder / f"w{i:03d}.txt"
        txt.write_text(plain, encoding="utf-8")
        txt_paths.append(txt)
        total_words += len(plain.split())
    return docx_paths, txt_paths, total_words


def _time(fns: list[tuple[Callable[[Path], object], list[Path]]], repeat: int) -> list[float]:
    """Best-of-``repeat`` time per function, runs interleaved so load hits all alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, (fn, paths) in enumerate(fns):
            start = time.perf_counter()
            for path in paths:
                fn(path)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def _time_project_import(paths: list[Path], folder: Path, repeat: int) -> tuple[float, int]:
    """Best-of-``repeat`` seconds to import ``paths`` into a new project; turns stored."""
    from qualcode.app.demo import summarize
    from qualcode.project import Project
    from qualcode.sources.importing import import_file

    best, turns = float("inf"), 0
    for run in range(repeat):
        target = folder / f"bench-{paths[0].suffix[1:]}-{run}.qdaproj"
        with Project.create(target, coder="bench") as project:
            start = time.perf_counter()
            for path in paths:
                import_file(project, path)
            best = min(best, time.perf_counter() - start)
            turns = summarize(project).turns
    return best, turns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--words", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from docx import Document

    from qualcode.sources.extract import extract_file

    def bare(path: Path) -> str:
        return "\n".join(p.text for p in Document(path).paragraphs)

    with tempfile.TemporaryDirectory() as tmp:
        docx_paths, txt_paths, words = make_files(Path(tmp), args.files, args.words)
        bare(docx_paths[0])  # warm imports before timing
        extract_file(docx_paths[0])
        extract_file(txt_paths[0])
        t_bare, t_ours, t_txt = _time(
            [(bare, docx_paths), (extract_file, docx_paths), (extract_file, txt_paths)],
            args.repeat,
        )
        t_proj_docx, turns_docx = _time_project_import(docx_paths, Path(tmp), args.repeat)
        t_proj_txt, turns_txt = _time_project_import(txt_paths, Path(tmp), args.repeat)
    print(
        f"{args.files} files x ~{words // args.files} words ({words} words), "
        f"best of {args.repeat} interleaved runs"
    )
    print(f"bare python-docx read   : {t_bare:7.3f} s  {words / t_bare:10,.0f} words/s")
    print(f"extract_file (.docx)    : {t_ours:7.3f} s  {words / t_ours:10,.0f} words/s")
    print(f"extract_file (.txt)     : {t_txt:7.3f} s  {words / t_txt:10,.0f} words/s")
    ratio = t_ours / t_bare
    verdict = "meets" if ratio <= 1.3 else "MISSES"
    print(f"ratio extract_file / bare read: {ratio:.2f}x ({verdict} the 1.3x target)")
    print(
        f"project import (.docx)  : {t_proj_docx:7.3f} s  {words / t_proj_docx:10,.0f} words/s"
        f"  ({turns_docx} turns stored, {t_proj_docx / t_bare:.2f}x the bare read)"
    )
    print(
        f"project import (.txt)   : {t_proj_txt:7.3f} s  {words / t_proj_txt:10,.0f} words/s"
        f"  ({turns_txt} turns stored)"
    )


if __name__ == "__main__":
    main()
