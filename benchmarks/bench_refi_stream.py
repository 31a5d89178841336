"""REFI-QDA export and import of workload L: QualCode beside bare-library floors.

    python -m benchmarks.bench_refi_stream [--size L] [--project L.qdaproj] [--keep DIR]
        [--only export|import] [--repeat N] [--instructions]

Each measurement runs in its own Python process and reports wall time, CPU time and
peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``), so one run's memory never
counts for another. The workload is built once (or ``--project`` reuses one). With
``--instructions`` each process also runs under valgrind's callgrind, which counts
the instructions it ran: a figure a busy machine does not move (``--size L10``, a
tenth of L, takes a few minutes a side).

The floors are the tightest plain code for the same work:

- export: ``sqlite3`` queries and lxml ``etree.xmlfile`` writing the same elements
  (users, codes, variables, cases, sources with selections, codings and note
  references, the notes of coding attributes) straight into the zip entry, plus the
  source text files; no model objects, no validation, no report.
- import: ``iterparse`` over the zip entry, handing back only the elements it reads
  (cleared as they are read), and ``executemany`` into a new project in one
  transaction, storing what QualCode stores of the file: users, the code tree,
  sources and texts with their dates and users, codings with their dates and users,
  the coding attributes of QualCode's attribute notes written onto their codings,
  cases with their source links and values; no merging, no checks, no undo history,
  no report.

Both sides start the way an installed QualCode starts: with compiled bytecode. The
children write and read theirs in a cache inside the working folder (never in the
checkout), warmed by one import of every module either side uses before anything is
timed. Without it, a Python told not to write bytecode (``PYTHONDONTWRITEBYTECODE``,
as some shells and CI images set) compiles each QualCode module it imports at every
start, and the side that imports more modules pays for it in every run.

Prints one line per measurement and the machine load; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

NS = "urn:QDA-XML:project:1.0"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _stamp(value: str | None) -> str | None:
    """SQLite's stored ``YYYY-MM-DD HH:MM:SS.ffffff`` as ``xsd:dateTime`` in UTC."""
    return f"{value[:10]}T{value[11:19]}Z" if value else None


def _attrs(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v is not None}


# -- floors -----------------------------------------------------------------------------


def floor_export(project: Path, out: Path) -> None:
    """Bare sqlite3 + lxml xmlfile: the same elements, streamed into the zip entry."""
    import sqlite3

    from lxml import etree

    con = sqlite3.connect(project)
    info = dict(con.execute("SELECT key, value FROM project_info"))
    namespace = uuid.UUID(info["project_guid"].strip("{}"))
    coders = dict(con.execute("SELECT id, guid FROM coder"))
    codes = con.execute("SELECT id, guid, name, color, parent_id FROM code ORDER BY position, id")
    code_rows = codes.fetchall()
    code_guid = {r[0]: r[1] for r in code_rows}
    code_name = {r[0]: r[2] for r in code_rows}
    kids: dict[int | None, list[Any]] = {}
    for row in code_rows:
        kids.setdefault(row[4], []).append(row)
    source_guid = dict(con.execute("SELECT id, guid FROM source"))
    fields = ("valence", "magnitude", "period", "event_date", "weight", "note")
    labels = ("Valence", "Magnitude", "Period", "Event date", "Weight", "Note")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        with (
            zf.open("project.qde", "w", force_zip64=True) as fh,
            etree.xmlfile(fh, encoding="UTF-8") as xf,
        ):
            xf.write_declaration(standalone=True)
            root = _attrs(name=info.get("title"), origin="floor")
            with xf.element(_q("Project"), root, nsmap={None: NS}):
                with xf.element(_q("Users")):
                    for guid, name in con.execute("SELECT guid, name FROM coder ORDER BY id"):
                        with xf.element(_q("User"), guid=guid, name=name):
                            pass

                def code(row: Any) -> None:
                    attrs = _attrs(guid=row[1], name=row[2], isCodable="true", color=row[3])
                    with xf.element(_q("Code"), attrs):
                        for kid in kids.get(row[0], ()):
                            code(kid)

                with xf.element(_q("CodeBook")), xf.element(_q("Codes")):
                    for row in kids.get(None, ()):
                        code(row)
                with xf.element(_q("Variables")):
                    for guid, name in con.execute("SELECT guid, name FROM attribute"):
                        attrs = {"guid": guid, "name": name, "typeOfVariable": "Text"}
                        with xf.element(_q("Variable"), attrs):
                            pass
                values: dict[int, list[tuple[str, str]]] = {}
                for case_id, guid, value in con.execute(
                    "SELECT v.case_id, a.guid, v.value FROM attribute_value v "
                    "JOIN attribute a ON a.id = v.attribute_id WHERE v.case_id IS NOT NULL"
                ):
                    values.setdefault(case_id, []).append((guid, value))
                links: dict[int, list[int]] = {}
                for case_id, sid in con.execute(
                    "SELECT case_id, source_id FROM case_link WHERE start_pos IS NULL"
                ):
                    links.setdefault(case_id, []).append(sid)
                with xf.element(_q("Cases")):
                    for cid, guid, name in con.execute(
                        "SELECT id, guid, name FROM cases ORDER BY name"
                    ):
                        with xf.element(_q("Case"), guid=guid, name=name):
                            for var, value in values.get(cid, ()):
                                with xf.element(_q("VariableValue")):
                                    with xf.element(_q("VariableRef"), targetGUID=var):
                                        pass
                                    with xf.element(_q("TextValue")):
                                        xf.write(value)
                            for sid in links.get(cid, ()):
                                with xf.element(_q("SourceRef"), targetGUID=source_guid[sid]):
                                    pass
                codings = con.execute(
                    "SELECT source_id, start_pos, end_pos, guid, code_id, coder_id, created_at, "
                    "valence, magnitude, period, event_date, weight, note FROM coding "
                    "ORDER BY source_id, start_pos, id"
                )
                pending = codings.fetchone()
                with xf.element(_q("Sources")):
                    for sid, guid, name, created in con.execute(
                        "SELECT id, guid, name, created_at FROM source ORDER BY id"
                    ):
                        spans: dict[tuple[int, int], list[Any]] = {}
                        while pending is not None and pending[0] == sid:
                            spans.setdefault((pending[1], pending[2]), []).append(pending)
                            pending = codings.fetchone()
                        attrs = _attrs(
                            guid=guid, name=name, plainTextPath=f"internal://{guid}.txt",
                            creationDateTime=_stamp(created),
                        )  # fmt: skip
                        with xf.element(_q("TextSource"), attrs):
                            for (start, end), rows in sorted(spans.items()):
                                first = min(rows, key=lambda r: r[6])
                                sel = str(uuid.uuid5(namespace, f"selection:{guid}:{start}:{end}"))
                                attrs = _attrs(
                                    guid=sel, startPosition=str(start), endPosition=str(end),
                                    creatingUser=coders[first[5]],
                                    creationDateTime=_stamp(first[6]),
                                )  # fmt: skip
                                with xf.element(_q("PlainTextSelection"), attrs):
                                    for r in rows:
                                        attrs = _attrs(
                                            guid=r[3], creatingUser=coders[r[5]],
                                            creationDateTime=_stamp(r[6]),
                                        )  # fmt: skip
                                        with xf.element(_q("Coding"), attrs):
                                            target = code_guid[r[4]]
                                            with xf.element(_q("CodeRef"), targetGUID=target):
                                                pass
                                    for r in rows:
                                        if any(v not in (None, "") for v in r[7:]):
                                            key = f"coding-attributes:{r[3]}"
                                            note = str(uuid.uuid5(namespace, key))
                                            with xf.element(_q("NoteRef"), targetGUID=note):
                                                pass
                with xf.element(_q("Notes")):
                    for row in con.execute(
                        "SELECT guid, code_id, coder_id, created_at, "
                        + ", ".join(fields)
                        + " FROM coding ORDER BY source_id, start_pos, id"
                    ):
                        shown = [(k, v) for k, v in zip(labels, row[4:], strict=True) if v]
                        if not shown:
                            continue
                        lines = "\n".join(f"{k}: {v}" for k, v in shown)
                        attrs = _attrs(
                            guid=str(uuid.uuid5(namespace, f"coding-attributes:{row[0]}")),
                            name=f"Coding attributes: {code_name[row[1]]}",
                            creatingUser=coders[row[2]], creationDateTime=_stamp(row[3]),
                        )  # fmt: skip
                        with xf.element(_q("Note"), attrs):
                            with xf.element(_q("Description")):
                                xf.write(f"[QualCode]\nCoding GUID: {row[0]}\n{lines}")
                            with xf.element(_q("PlainTextContent")):
                                xf.write(lines)
        for guid, text in con.execute(
            "SELECT s.guid, c.text FROM source s JOIN source_content c ON c.source_id = s.id "
            "ORDER BY s.id"
        ):
            zf.writestr(f"sources/{guid}.txt", text.encode("utf-8"))
    con.close()


def floor_import(qdpx: Path, project: Path) -> None:
    """``iterparse`` + ``executemany`` storing what QualCode's import stores of L: the
    code tree, the file's dates and users on sources and codings, the coding attributes
    of QualCode's attribute notes (written onto their codings by GUID, as the import
    does, not kept as memos), and the cases with their source links and values."""
    import sqlite3

    from lxml import etree

    from qualcode.project import Project

    Project.create(project, coder="bench", title="floor").close()
    con = sqlite3.connect(project)
    con.execute("BEGIN")
    q = {name: _q(name) for name in (
        "User", "CodeBook", "Code", "Variable", "TextSource", "Note", "Case", "Coding",
        "NoteRef", "Description", "PlainTextContent", "SourceRef", "VariableValue",
    )}  # fmt: skip
    now = "2026-01-01 00:00:00.000000"
    stamps: dict[str | None, str] = {None: now}

    def when(value: str | None) -> str:
        found = stamps.get(value)
        if found is None:
            found = stamps[value] = f"{value[:10]} {value[11:19]}.000000"  # type: ignore[index]
        return found

    coder_of: dict[str | None, int] = {}
    code_of: dict[str, int] = {}
    source_of: dict[str, int] = {}
    attribute_of: dict[str, int] = {}
    coding_of: dict[str, int] = {}  # coding GUID -> id (attribute notes name theirs)
    coding_id = 0
    codings: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    memos: list[tuple[Any, ...]] = []
    cases: list[Any] = []
    coding_sql = (
        "INSERT INTO coding (id, guid, source_id, code_id, coder_id, start_pos, end_pos, note, "
        "created_at, modified_at) VALUES (?,?,?,?,?,?,?,'',?,?)"
    )
    update_sql = (
        "UPDATE coding SET valence = ?, magnitude = ?, period = ?, event_date = ?, weight = ?, "
        "note = ? WHERE id = ?"
    )
    keys = ("Valence", "Magnitude", "Period", "Event date", "Weight")

    def codes(parent: Any, parent_id: int | None) -> None:
        for position, el in enumerate(parent.iterchildren(q["Code"])):
            cur = con.execute(
                "INSERT INTO code (name, guid, color, parent_id, short, description, inclusion, "
                "exclusion, example, labels, position, created_at, modified_at, version) "
                "VALUES (?, ?, ?, ?, '', '', '', '', '', '{}', ?, ?, ?, 1)",
                (el.get("name"), el.get("guid"), el.get("color"), parent_id, position, now, now),
            )
            code_of[el.get("guid")] = cur.lastrowid or 0
            codes(el, cur.lastrowid)

    with zipfile.ZipFile(qdpx) as zf, zf.open("project.qde") as fh:
        wanted = [
            q[name] for name in ("User", "CodeBook", "Variable", "TextSource", "Note", "Case")
        ]
        # only the elements read are handed back, the rest stay in their parents' subtrees
        # (14 % fewer instructions on a tenth of L than testing every element's tag)
        for _event, el in etree.iterparse(fh, events=("end",), tag=wanted, resolve_entities=False):
            t = el.tag
            if t == q["User"]:
                cur = con.execute(
                    "INSERT INTO coder (name, guid, color, created_at) VALUES (?, ?, ?, ?)",
                    (el.get("name") + " (floor)", el.get("guid"), "#4477aa", now),
                )
                coder_of[el.get("guid")] = cur.lastrowid or 0
            elif t == q["CodeBook"]:
                codes(el[0], None)
            elif t == q["Variable"]:
                cur = con.execute(
                    "INSERT INTO attribute (guid, name, owner, type, allowed_values, description, "
                    "position) VALUES (?, ?, 'case', 'text', '[]', '', 0)",
                    (el.get("guid"), el.get("name")),
                )
                attribute_of[el.get("guid")] = cur.lastrowid or 0
            elif t == q["TextSource"]:
                guid = el.get("guid")
                text = zf.read(f"sources/{guid}.txt").decode("utf-8")
                cur = con.execute(
                    "INSERT INTO source (name, kind, length, description, meta, guid, created_by, "
                    "created_at) VALUES (?, 'interview', ?, '', '{}', ?, ?, ?)",
                    (el.get("name"), len(text), guid, coder_of.get(el.get("creatingUser")),
                     when(el.get("creationDateTime"))),
                )  # fmt: skip
                sid = cur.lastrowid
                source_of[guid] = sid or 0
                con.execute(
                    "INSERT INTO source_content (source_id, text) VALUES (?, ?)", (sid, text)
                )
                for sel in el:
                    get = sel.get
                    start, end = int(get("startPosition")), int(get("endPosition"))
                    for item in sel:
                        if item.tag == q["Coding"]:
                            coding_id += 1
                            coding_of[item.get("guid")] = coding_id
                            stamp = when(item.get("creationDateTime"))
                            codings.append(
                                (coding_id, item.get("guid"), sid,
                                 code_of[item[0].get("targetGUID")],
                                 coder_of[item.get("creatingUser")], start, end, stamp, stamp)
                            )  # fmt: skip
                if len(codings) > 20_000:
                    con.executemany(coding_sql, codings)
                    codings.clear()
                el.clear()
            elif t == q["Note"]:
                description = el[0].text or "" if el[0].tag == q["Description"] else ""
                if description.startswith("[QualCode]\n"):
                    values = dict(
                        line.split(": ", 1) for line in description.split("\n")[1:] if ": " in line
                    )
                    updates.append(
                        (
                            *(values.get(k) for k in keys),
                            values.get("Note", ""),
                            coding_of[values["Coding GUID"]],
                        )
                    )
                else:
                    memos.append(
                        (el.get("guid"), "analytic", el.get("name") or "", el[-1].text or "",
                         when(el.get("creationDateTime")), now)
                    )  # fmt: skip
                el.clear()
            elif t == q["Case"]:
                cases.append(el)  # read at the end: they refer to sources read later
    for el in cases:
        cur = con.execute(
            "INSERT INTO cases (guid, name, kind, description, created_at) "
            "VALUES (?, ?, 'informant', '', ?)",
            (el.get("guid"), el.get("name"), now),
        )
        case_id = cur.lastrowid
        for item in el:
            if item.tag == q["SourceRef"]:
                con.execute(
                    "INSERT INTO case_link (case_id, source_id) VALUES (?, ?)",
                    (case_id, source_of[item.get("targetGUID")]),
                )
            elif item.tag == q["VariableValue"]:
                con.execute(
                    "INSERT INTO attribute_value (attribute_id, case_id, value) VALUES (?, ?, ?)",
                    (attribute_of[item[0].get("targetGUID")], case_id, item[1].text),
                )
    con.executemany(coding_sql, codings)
    con.executemany(update_sql, updates)
    con.executemany(
        "INSERT INTO memo (guid, kind, title, text, created_at, modified_at, version) "
        "VALUES (?,?,?,?,?,?,1)",
        memos,
    )
    con.commit()
    con.close()


# -- QualCode ---------------------------------------------------------------------------


def qualcode_export(project: Path, out: Path) -> None:
    from qualcode.interop.refi.project.exporter import export_qdpx
    from qualcode.project import Project

    with Project.open(project, coder="bench", read_only=True) as p:
        export_qdpx(p, out)


def qualcode_import(qdpx: Path, project: Path) -> None:
    from qualcode.interop.refi.project.importer import import_refi_as_new

    import_refi_as_new(qdpx, project, coder="bench")


RUNS: dict[str, Callable[[Path, Path], None]] = {
    "floor-export": floor_export,
    "qualcode-export": qualcode_export,
    "floor-import": floor_import,
    "qualcode-import": qualcode_import,
}


def _child(name: str, source: Path, target: Path) -> None:
    """Run one measurement in this process and print it as JSON."""
    began = time.perf_counter()
    RUNS[name](source, target)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss * 1024  # KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime  # includes start-up; stable on a busy machine
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak": peak}))


#: Every module the measured runs import, compiled before anything is timed.
_WARM = (
    "import benchmarks.bench_refi_stream, lxml.etree, sqlite3, zipfile, qualcode.project, "
    "qualcode.interop.refi.project.exporter, qualcode.interop.refi.project.importer"
)


def child_env(cache: Path) -> dict[str, str]:
    """The children's environment: bytecode written to and read from ``cache`` (see the
    module's docstring), whatever the calling shell says."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def warm(env: dict[str, str]) -> None:
    """Compile the modules of both sides into the children's bytecode cache."""
    subprocess.run([sys.executable, "-c", _WARM], check=True, env=env)


def measure(
    name: str, source: Path, target: Path, env: dict[str, str], *, count: bool = False
) -> dict[str, float]:
    """``name`` run in a fresh interpreter: its wall and CPU time and peak RSS; with
    ``count``, under callgrind, also the instructions it ran (the same on a busy machine)."""
    target.unlink(missing_ok=True)
    command = [sys.executable, "-m", "benchmarks.bench_refi_stream", "--child", name,
               str(source), str(target)]  # fmt: skip
    counts = target.with_name(target.name + ".callgrind")
    if count:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={counts}", *command]
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    if count:
        counts.unlink(missing_ok=True)
        collected = re.search(r"Collected : (\d+)", out.stderr)
        if collected is None:
            raise SystemExit(f"callgrind reported no instruction count:\n{out.stderr[-2000:]}")
        result["instructions"] = int(collected.group(1))
    print(f"  {name}: {result}", flush=True)
    return result


def paired(
    ours: tuple[str, Path, Path],
    floor: tuple[str, Path, Path],
    repeat: int,
    env: dict[str, str],
    *,
    count: bool = False,
) -> tuple[dict[str, float], dict[str, float]]:
    """Each side ``repeat`` times, alternating, and the least of each figure: on a shared
    machine a run is only ever slowed by others, so the least is the closest to the work."""
    runs: dict[str, list[dict[str, float]]] = {ours[0]: [], floor[0]: []}
    for _ in range(repeat):
        for name, source, target in (ours, floor):
            runs[name].append(measure(name, source, target, env, count=count))
    least = [
        {key: min(run[key] for run in runs[name]) for key in runs[name][0]}
        for name in (ours[0], floor[0])
    ]
    ratios = [a["cpu"] / b["cpu"] for a, b in zip(runs[ours[0]], runs[floor[0]], strict=True)]
    print(
        f"  CPU ratio of each pair: {', '.join(f'{r:.2f}' for r in ratios)}; "
        f"median {statistics.median(ratios):.2f}",
        flush=True,
    )
    return least[0], least[1]


def _line(label: str, ours: dict[str, float], floor: dict[str, float]) -> str:
    return (
        f"{label:<12} QualCode {ours['seconds']:6.1f} s wall {ours['cpu']:6.1f} s CPU "
        f"{ours['peak'] / 2**20:5.0f} MB | floor {floor['seconds']:6.1f} s wall "
        f"{floor['cpu']:6.1f} s CPU {floor['peak'] / 2**20:5.0f} MB | "
        f"CPU x{ours['cpu'] / floor['cpu']:.2f}, wall x{ours['seconds'] / floor['seconds']:.2f}"
    ) + (
        f" | instructions {ours['instructions'] / 1e9:.2f} G / {floor['instructions'] / 1e9:.2f} G"
        f" = x{ours['instructions'] / floor['instructions']:.2f}"
        if "instructions" in ours
        else ""
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="L")
    parser.add_argument("--project", type=Path, help="an already built workload project")
    parser.add_argument("--keep", type=Path, help="folder for the files (default: temporary)")
    parser.add_argument("--only", choices=("export", "import"), help="one of the two")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each side, alternating; the least counts"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="run each side under valgrind's callgrind and compare instructions too "
        "(about 50 times slower: use --size L10, a tenth of L)",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on PATH")
    if args.child:
        _child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        project = args.project
        if project is None:
            from benchmarks.workload import build_workload

            project = build_workload(folder / f"{args.size}.qdaproj", args.size)
        env = child_env(folder / "bytecode")
        warm(env)
        print(f"workload {project.name}; load before: {os.getloadavg()[0]:.2f}", flush=True)
        qdpx = folder / "qualcode.qdpx"
        if args.only != "import" or not qdpx.exists():
            ours, floor = paired(
                ("qualcode-export", project, qdpx),
                ("floor-export", project, folder / "floor.qdpx"),
                args.repeat,
                env,
                count=args.instructions,
            )
            print(_line("REFI export", ours, floor), flush=True)
        if args.only != "export":
            ours, floor = paired(
                ("qualcode-import", qdpx, folder / "imported.qdaproj"),
                ("floor-import", qdpx, folder / "floor-imported.qdaproj"),
                args.repeat,
                env,
                count=args.instructions,
            )
            print(_line("REFI import", ours, floor), flush=True)
        print(f"load after: {os.getloadavg()[0]:.2f} (1-minute average, 2 cores)")


if __name__ == "__main__":
    main()
