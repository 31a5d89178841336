"""Outliers and extreme cases (MHS tactic 6, "checking the meaning of outliers"; tactic 7,
"using extreme cases"): which cases' code profiles deviate most from the others.

The rule, simple enough to state in a methods chapter:

1. A case's **profile** is the share of its coded passages in each code shown
   (top-level codes by default, each holding its sub-codes), counted by the same
   engine and coder scope as every display (a case holds the codings of the cases
   below it). Cases with fewer than ``min_codings`` passages are left out: too
   little was said to profile them.
2. For each code, **z = (share − mean share) / SD**, mean and SD (n − 1) taken
   over the profiled cases; a code every case shares equally (SD 0) gives z 0.
3. A case's **deviation** is the root mean square of its z-scores; cases are
   listed from the most to the least deviant. A case is **flagged** when any
   code's |z| reaches ``threshold`` (default 2: about one case in twenty would,
   by chance, in a normal spread).

Each case comes with the codes that drive its deviation (largest |z| first,
over- or under-represented) and, as evidence, excerpts of its most
over-represented code — or, if it only lacks codes, the plain fact that it
rarely spoke of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import sqrt
from typing import TYPE_CHECKING, Any

from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qualcode.analysis.excerpts import Excerpt
    from qualcode.project import Project
    from qualcode.sources.batch import Progress


@dataclass(frozen=True, slots=True)
class CodeDeviation:
    """How far one case's share of one code is from the other cases'."""

    code: str
    count: int
    share: float
    mean: float
    z: float


@dataclass(frozen=True, slots=True)
class OutlierCase:
    """One profiled case: its deviation, whether it is flagged, what drives it, evidence."""

    case: str
    key: str
    passages: int
    deviation: float
    flagged: bool
    drivers: list[CodeDeviation] = field(default_factory=list)
    evidence: list[Excerpt] = field(default_factory=list)
    evidence_code: str | None = None


@dataclass(frozen=True, slots=True)
class OutlierView:
    """The ranked cases and the facts of the rule as applied."""

    cases: list[OutlierCase]
    codes: list[str]
    threshold: float
    min_codings: int
    left_out: list[str]  # cases with too few codings to profile


def outliers(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    case_kind: str | None = "informant",
    threshold: float = 2.0,
    min_codings: int = 5,
    evidence: int = 3,
    drivers: int = 3,
    filters: dict[str, Any] | None = None,
    progress: Progress | None = None,
    cancel: Any = None,
) -> OutlierView:
    """Cases ranked by how far their code profile lies from the others' (see the module)."""
    from qualcode.analysis.displays import top_level_codes
    from qualcode.analysis.engine import build_display
    from qualcode.analysis.excerpts import cell_excerpts

    if threshold <= 0 or min_codings < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The outlier threshold must be above 0 and the minimum at least 1."
            )
        )
    ids = list(codes) if codes else top_level_codes(project)
    if len(ids) < 2:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Comparing code profiles needs at least two codes.")
        )
    spec = DisplaySpec.make(
        "matrix",
        Dim.of("cases", case_kind=case_kind, rollup=True),
        Dim.of("codes", ids=ids, aggregate=True),
        filters=filters,
    )
    display = build_display(project, spec, progress=progress, cancel=cancel)
    names = [h.label for h in display.columns]
    profiled: list[tuple[int, Any, int]] = []
    left_out: list[tuple[int, Any, int]] = []
    for r, header in enumerate(display.rows):
        total = sum(display.counts[r])
        (profiled if total >= min_codings else left_out).append((r, header, total))
    if len(profiled) < 3:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Too few cases to compare: {n} have {min} or more coded passages (3 needed).",
            ),
            n=len(profiled),
            min=min_codings,
        )
    shares = {r: [n / total for n in display.counts[r]] for r, _h, total in profiled}
    k = len(names)
    means = [sum(s[c] for s in shares.values()) / len(shares) for c in range(k)]
    sds = [
        sqrt(sum((s[c] - means[c]) ** 2 for s in shares.values()) / (len(shares) - 1))
        for c in range(k)
    ]
    out = []
    for r, header, total in profiled:
        z = [(shares[r][c] - means[c]) / sds[c] if sds[c] > 0 else 0.0 for c in range(k)]
        deviation = sqrt(sum(v * v for v in z) / k)
        order = sorted(range(k), key=lambda c: -abs(z[c]))
        driving = [
            CodeDeviation(names[c], display.counts[r][c], round(shares[r][c], 4),
                          round(means[c], 4), round(z[c], 2))
            for c in order[:drivers]
        ]  # fmt: skip
        over = [c for c in order if z[c] > 0 and display.counts[r][c]]
        quotes = cell_excerpts(project, display, r, over[0])[:evidence] if over else []
        out.append(
            OutlierCase(
                header.label, header.key, total, round(deviation, 3),
                any(abs(v) >= threshold for v in z), driving, quotes,
                names[over[0]] if over else None,
            )
        )  # fmt: skip
    out.sort(key=lambda o: (-o.deviation, o.case.casefold()))
    return OutlierView(out, names, threshold, min_codings, [h.label for _r, h, _t in left_out])
