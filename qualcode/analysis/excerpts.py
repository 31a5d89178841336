"""Excerpts of display cells: the coded text with its source, cases, speaker and position.

Also derives the other cell contents from the excerpts: checklist ratings with
their best illustrative quote, and saved researcher summaries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.analysis.corpus import (
    CODE,
    END,
    ID,
    MAGNITUDE,
    SRC,
    START,
    VALENCE,
    CodingTuple,
    Corpus,
)
from qualcode.analysis.engine import check_cancel
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.analysis.engine import CellIds, Display
    from qualcode.project import Project

_CELLS_PER_CHECK = 256  # cells filled between two cancel checks
_CODINGS_PER_CHECK = 512  # excerpts cut between two cancel checks


@dataclass(frozen=True, slots=True)
class Excerpt:
    """One coding as shown in a cell, with everything needed to cite it."""

    coding_id: int
    source_id: int
    source: str
    source_kind: str
    code_id: int
    code: str
    coder: str
    cases: tuple[str, ...]
    speaker: str | None
    start: int
    end: int
    text: str
    valence: str | None
    magnitude: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out = asdict(self)
        out["cases"] = list(self.cases)
        return out


def source_texts(project: Project, source_ids: set[int]) -> dict[int, str]:
    """Plain text of each source, read once."""
    from qualcode.store.recorder import chunks

    out: dict[int, str] = {}
    with project.reading() as conn:
        for part in chunks(sorted(source_ids)):
            sc = t.source_content.c
            rows = conn.execute(select(sc.source_id, sc.text).where(sc.source_id.in_(part)))
            out.update((r[0], r[1]) for r in rows)
    return out


def make_excerpts(
    project: Project,
    corpus: Corpus,
    codings: list[CodingTuple],
    texts: dict[int, str] | None = None,
    *,
    cancel: Callable[[], bool] | None = None,
) -> dict[int, Excerpt]:
    """Excerpts of ``codings`` by coding id (``cancel()`` is checked every few hundred)."""
    if texts is None:
        texts = source_texts(project, {c[SRC] for c in codings})
    out = {}
    for n, c in enumerate(codings):
        if cancel is not None and n % _CODINGS_PER_CHECK == 0:
            check_cancel(cancel)
        name, kind, _, _ = corpus.sources[c[SRC]]
        out[c[ID]] = Excerpt(
            coding_id=c[ID],
            source_id=c[SRC],
            source=name,
            source_kind=kind,
            code_id=c[CODE],
            code=corpus.code_path(c[CODE]),
            coder=corpus.coder_label(c),
            cases=tuple(corpus.case_names[x] for x in corpus.cases_of(c)),
            speaker=corpus.speaker_of(c),
            start=c[START],
            end=c[END],
            text=texts[c[SRC]][c[START] : c[END]],
            valence=c[VALENCE],
            magnitude=c[MAGNITUDE],
        )
    return out


def cell_excerpts(project: Project, display: Display, row: int, col: int) -> list[Excerpt]:
    """The excerpts of exactly the codings in cell (``row``, ``col``), in source and text order.

    What a drill-down shows: the cell's coding ids (``Display.cell_codings``)
    as they are in the project now (a coding deleted since the build is left out).
    """
    from qualcode.analysis.corpus import load_codings

    ids = display.cell_codings(row, col)
    if not ids:
        return []
    corpus = load_codings(project, ids)
    found = make_excerpts(project, corpus, corpus.codings)
    out = [found[i] for i in ids if i in found]
    out.sort(key=lambda e: (e.source.casefold(), e.start, e.end, e.coding_id))
    return out


def excerpts_by_id(project: Project, ids: list[int]) -> dict[int, Excerpt]:
    """Excerpts of these codings as they are now (a deleted coding is simply absent)."""
    from qualcode.analysis.corpus import load_codings

    if not ids:
        return {}
    corpus = load_codings(project, ids)
    return make_excerpts(project, corpus, corpus.codings)


def attach_contents(
    project: Project,
    corpus: Corpus,
    display: Display,
    ids: CellIds,
    *,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Fill the display's excerpts, ratings/quotes or summaries as its spec asks.

    ``cancel()`` is checked every few hundred excerpts cut and cells filled.
    """
    from qualcode.analysis.ratings import rate
    from qualcode.analysis.summarise import best_quote

    spec = display.spec
    limit = spec.option("max_excerpts")
    by_id = corpus.by_id()
    wanted = {i for members in ids.values() for i in members}
    excerpts = make_excerpts(project, corpus, [by_id[i] for i in sorted(wanted)], cancel=cancel)
    for n, (key, members) in enumerate(ids.items()):
        if cancel is not None and n % _CELLS_PER_CHECK == 0:
            check_cancel(cancel)
        cell = [excerpts[i] for i in members]
        cell.sort(key=lambda e: (e.source.casefold(), e.start, e.end, e.coding_id))
        if spec.cell == "rating":
            basis = rate([(e.magnitude, e.valence) for e in cell], spec.option("levels"))
            display.rating_basis[key] = basis
            quote = best_quote(cell, spec.option("levels"))
            if quote is not None:
                display.quotes[key] = quote
        else:
            display.excerpts[key] = cell[:limit] if limit else cell
    if spec.cell == "rating":
        apply_ratings(project, display)
    check_cancel(cancel)
    if display.saved_id is not None:
        found = project.cells.summaries(display.saved_id)
        for r, rh in enumerate(display.rows):
            for c, ch in enumerate(display.columns):
                s = found.get((rh.key, ch.key))
                if s is not None:
                    display.summaries[(r, c)] = s


def apply_ratings(project: Project, display: Display) -> None:
    """Every cell's rating by the rule, then the researcher's overrides of a saved display.

    Run again after an override changed: the rule's ratings stay, overrides are re-read.
    """
    from dataclasses import replace

    from qualcode.analysis.axes import NOTE_KEY
    from qualcode.analysis.ratings import NOT_MENTIONED, RatingBasis

    overrides = project.cells.ratings(display.saved_id) if display.saved_id is not None else {}
    for r, rh in enumerate(display.rows):
        for c, ch in enumerate(display.columns):
            if rh.key.startswith(NOTE_KEY) or ch.key.startswith(NOTE_KEY):
                continue  # the researcher's own column or row (a conclusion): not rated
            basis = display.rating_basis.get((r, c)) or RatingBasis(NOT_MENTIONED)
            basis = replace(basis, override=None, reason="", author="")
            own = overrides.get((rh.key, ch.key))
            if own is not None:
                basis = replace(basis, override=own.rating, reason=own.reason, author=own.author)
            display.rating_basis[(r, c)] = basis
            display.ratings[(r, c)] = basis.rating
