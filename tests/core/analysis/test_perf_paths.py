"""The SQL count path (``sqlcount``) against the Python path on randomized studies.

Every display the SQL path accepts is counted by ``sqlcount.build`` and by
the Python engine (``compute``), and the counts must be equal. Studies mix the
awkward cases: a source linked to a case twice, a case linked to several
sources, a source with both whole and ranged links, overlapping turns,
unlinked sources, codes outside every axis. A brute-force
oracle checks the code × case matrix straight from the definition too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from qualcode.analysis import sqlcount
from qualcode.analysis.axes import build_axis
from qualcode.analysis.corpus import load_corpus
from qualcode.analysis.engine import build_display, compute, measure_counts, pair_cells
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.project import Project
from qualcode.store import tables as t

KINDS = (
    "interview",
    "interview",
    "interview",
    "observation",
    "document",
    "interview",
    "focus-group",
)
ROLES = ("Kadis", "Kabid", "Kasi", None)


@dataclass
class Random:
    """Ids of a randomized study."""

    sources: list[int]
    codes: list[int]
    cases: list[int]
    coders: list[str]
    lengths: dict[int, int]


def fill(p: Project, seed: int) -> Random:
    """A random study: 7 sources, 10 codes in a tree, 6 cases, 2 coders, ~250 codings."""
    rng = random.Random(seed)
    sources, lengths = [], {}
    for i, kind in enumerate(KINDS):
        length = rng.randint(200, 400)
        s = p.sources.add_text(f"S{i}", "x" * length, kind=kind).result
        sources.append(s.id)
        lengths[s.id] = length
    codes: list[int] = []
    for i in range(10):
        parent = codes[rng.randrange(len(codes))] if codes and rng.random() < 0.6 else None
        codes.append(p.codes.create(f"K{i}", parent_id=parent).result.id)
    cases = [p.cases.create(f"C{i}").result.id for i in range(6)]
    role = p.attributes.define("Jabatan", type="category", allowed_values=ROLES[:3]).result
    for case, value in zip(cases, ROLES * 2, strict=False):
        if value is not None:
            p.attributes.set_value(role.id, value, case_id=case)
    s = sources
    p.cases.link(cases[0], s[0])
    p.cases.link(cases[0], s[1])
    p.cases.link(cases[1], s[1])
    p.cases.link(cases[0], s[1])  # the same whole link twice
    p.cases.link(cases[4], s[2])  # whole and ranged links on one source
    for src in (s[2], s[3]):  # turns, some overlapping, some text in no turn
        pos = 0
        while pos < lengths[src] - 30:
            end = min(lengths[src], pos + rng.randint(20, 80))
            p.cases.link(rng.choice(cases[1:4]), src, pos, end, speaker="X")
            pos = end - rng.randint(0, 10) + rng.choice((0, 0, 15))
    p.cases.link(cases[1], s[5])  # case 1 also has a whole source
    # s[4] and s[6] stay unlinked; case 5 has no source
    with p.operation("test.fill", QT_TRANSLATE_NOOP("operations", "Fill")) as op:
        second = op.insert(t.coder, {"name": "budi"})
        rows, seen = [], set()
        while len(rows) < 250:
            src = rng.choice(sources)
            start = rng.randrange(lengths[src] - 10)
            end = min(lengths[src], start + rng.randint(1, 60))
            code = rng.choice(codes)
            coder = op.coder_id if rng.random() < 0.8 else second
            if (src, code, coder, start, end) in seen:
                continue
            seen.add((src, code, coder, start, end))
            rows.append(
                {"source_id": src, "code_id": code, "coder_id": coder, "start_pos": start,
                 "end_pos": end, "note": "",
                 "valence": rng.choice((None, "supporting", "inhibiting", "neutral"))}
            )  # fmt: skip
        op.insert_many(t.coding, rows)
    return Random(sources, codes, cases, ["ana", "budi"], lengths)


def specs(r: Random, rng: random.Random) -> list[DisplaySpec]:
    """Displays the SQL path accepts, over every axis pairing and filter it handles."""
    few_codes = rng.sample(r.codes, 3)
    many_codes = rng.sample(r.codes, 8)
    code_dims = [Dim.of("codes"), Dim.of("codes", ids=many_codes), Dim.of("codes", ids=few_codes)]
    others = [
        Dim.of("cases"),
        Dim.of("cases", ids=rng.sample(r.cases, 4)),
        Dim.of("attribute", name="Jabatan"),
        Dim.of("attribute", name="Jabatan", values=["Kasi", "Kadis"]),
        Dim.of("sources"),
        Dim.of("sources", ids=rng.sample(r.sources, 4)),
        Dim.of("source_kind"),
        Dim.of("coders"),
        Dim.of("coders", names=["budi"]),
        Dim.of("valence"),
        Dim.of("total"),
    ]
    filters: list[dict[str, object]] = [
        {},
        {"codes": many_codes},
        {"codes": few_codes[:1], "descendants": False},
        {"sources": rng.sample(r.sources, 5)},
        {"coders": ["ana"]},
        {"valence": ["inhibiting", "none"]},
        {"source_kinds": ["interview", "focus-group"]},
    ]
    out = []
    for codes in code_dims:  # every pairing, each with one of the filters
        for other in others:
            for flip in (False, True):
                f = filters[rng.randrange(len(filters))]
                rows, cols = (other, codes) if flip else (codes, other)
                out.append(DisplaySpec.make("matrix", rows, cols, filters=f))
    for a, b in [("coders", "cases"), ("cases", "coders"), ("sources", "coders"),
                 ("coders", "sources"), ("attribute", "coders"), ("valence", "cases"),
                 ("source_kind", "attribute"), ("sources", "cases")]:  # fmt: skip
        da = Dim.of(a, name="Jabatan") if a == "attribute" else Dim.of(a)
        db = Dim.of(b, name="Jabatan") if b == "attribute" else Dim.of(b)
        out.append(DisplaySpec.make("matrix", da, db, filters=filters[rng.randrange(len(filters))]))
    return out


def python_counts(p: Project, spec: DisplaySpec) -> tuple[list[str], list[str], list[list[int]]]:
    """Header keys and counts computed by the engine's Python path."""
    corpus, rows, cols, ids = compute(p, spec)
    counts = measure_counts(corpus, ids, "codings", len(rows.headers), len(cols.headers))
    return [h.key for h in rows.headers], [h.key for h in cols.headers], counts


def test_sql_counts_equal_python_counts(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    seed = 11
    r = fill(project, seed)
    checked = 0
    for spec in specs(r, random.Random(seed)):
        assert sqlcount.applies(spec), spec
        rows, cols, expected = python_counts(project, spec)
        # both ways of applying a code list: in SQL (few codes) and after the query (many)
        for few in (True, False):
            monkeypatch.setattr(sqlcount, "_few", lambda ids, corpus, few=few: few)
            fast = sqlcount.build(project, spec)
            assert [h.key for h in fast.rows] == rows, spec
            assert [h.key for h in fast.columns] == cols, spec
            assert fast.counts == expected, (spec, few)
        checked += 1
    assert checked == 74


def _oracle(p: Project, r: Random) -> dict[tuple[int, int], int]:
    """Passages per (code, case) straight from the definitions.

    A coding's cases: its source's whole links and the ranged links it overlaps.
    A passage: codings of one code in one source joined by overlaps between
    different coders (connected groups); it belongs to its members' cases.
    """
    links = p.cases.links()
    codings = p.codings.list()
    group = {c.id: c.id for c in codings}

    def root(x: int) -> int:
        while group[x] != x:
            x = group[x]
        return x

    for a in codings:
        for b in codings:
            if (a.source_id, a.code_id) == (b.source_id, b.code_id) and a.coder_id != b.coder_id \
                    and a.start < b.end and b.start < a.end:  # fmt: skip
                group[root(a.id)] = root(b.id)
    cases_of: dict[int, set[int]] = {}
    for c in codings:
        cases = {
            lk.case_id
            for lk in links
            if lk.source_id == c.source_id
            and (lk.start is None or (lk.start < c.end and lk.end > c.start))
        }
        cases_of.setdefault(root(c.id), set()).update((c.code_id, x) for x in cases)
    out: dict[tuple[int, int], int] = {}
    for cells in cases_of.values():
        for cell in cells:
            out[cell] = out.get(cell, 0) + 1
    return out


def test_code_by_case_matrix_matches_definition(project: Project) -> None:
    r = fill(project, 7)
    d = build_display(project, DisplaySpec.make("matrix", Dim.of("codes"), Dim.of("cases")))
    assert sqlcount.applies(d.spec)
    expected = _oracle(project, r)
    got = {
        (int(h.key), int(v.key)): d.counts[i][j]
        for i, h in enumerate(d.rows)
        for j, v in enumerate(d.columns)
        if d.counts[i][j]
    }
    assert got == expected
    # drilling into a cell gives exactly as many codings as the count says
    for i, j in [(i, j) for i in range(len(d.rows)) for j in range(len(d.columns))][::7]:
        assert len(d.cell_codings(i, j)) == d.counts[i][j]


@pytest.mark.parametrize(("op", "distance"), [("and", 0), ("near", 15), ("same_turn", 0)])
def test_symmetric_relation_cells_equal_placing_both_ways(
    project: Project, op: str, distance: int
) -> None:
    fill(project, 5)
    corpus = load_corpus(project, {})
    parents = [c for c in corpus.code_order if corpus.code_parent[c] is None]
    for dim in (Dim.of("codes"), Dim.of("codes", ids=parents, aggregate=True)):
        axis = build_axis(corpus, dim)
        fast = pair_cells(corpus, corpus.codings, axis, axis, op, distance)
        both_ways = pair_cells(corpus, corpus.codings, axis, axis, op, distance, symmetric=False)
        assert fast == both_ways
        assert fast  # the study has related pairs
    spec = DisplaySpec.make("cooccurrence", Dim.of("codes"), Dim.of("codes"),
                            options={"relation": {"op": op, "distance": distance}})  # fmt: skip
    d = build_display(project, spec)
    assert all(d.counts[i][j] == d.counts[j][i] for i in range(10) for j in range(10))
