"""Agreement coefficients on histograms of coder patterns, and bootstrap intervals.

A histogram holds, for one code, how many units (characters or segments) carry
each *pattern*: bit ``i`` of the pattern is set when coder ``i`` marked the unit
with the code. Arrays have the patterns on their last axis (length ``2**m`` for
``m`` coders), so the same function computes one figure or a thousand bootstrap
replicates at once. Formulas (``n`` units, ``n1(u)`` coders marking unit u):

* percent agreement: share of units where all coders agree (pattern 0 or all bits);
* Cohen's kappa (two coders): ``(po - pe) / (1 - pe)``, ``pe = pA·pB + (1-pA)(1-pB)``;
* Krippendorff's alpha (nominal): ``1 - (N - 1)·o01 / (N0·N1)`` from the coincidence
  matrix, ``o01 = Σ n1·n0 / (m - 1)``, ``N0``/``N1`` the pairable 0/1 values, ``N = N0 + N1``;
* Gwet's AC1: ``(pa - pe) / (1 - pe)``, ``pa`` the share of agreeing coder pairs,
  ``pe = 2π(1 - π)`` with ``π`` the share of 1-ratings;
* positive specific agreement: ``Σ n1(n1 - 1) / Σ n1(m - 1)`` (for two coders ``2a/(2a+b+c)``).

Intervals: 95% percentile bootstrap over units (:data:`BOOTSTRAP_REPLICATES`
resamples with replacement of the segments, a fixed seed), see
:func:`qualcode.analysis.agreement._intervals`.

A coefficient is ``nan`` where it is undefined (no units, or a zero denominator).
"""

from __future__ import annotations

from typing import Any

import numpy as np

METHODS = ("percent_agreement", "kappa", "alpha", "ac1", "psa")
BOOTSTRAP_SEED = 20240501
BOOTSTRAP_REPLICATES = 1000

Array = Any  # numpy arrays (kept loose: numpy's stubs vary between versions)


def _ones(m: int) -> Array:
    """Number of set bits (coders marking) of every pattern."""
    return np.array([bin(p).count("1") for p in range(1 << m)], dtype=float)


def _div(num: Array, den: Array) -> Array:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den != 0, num / np.where(den != 0, den, 1), np.nan)
    return out


def coefficients(hist: Array, m: int) -> dict[str, Array]:
    """Every coefficient of histograms ``hist`` (last axis: ``2**m`` patterns)."""
    h = np.asarray(hist, dtype=float)
    ones = _ones(m)
    zeros = m - ones
    n = h.sum(axis=-1)
    full = (1 << m) - 1
    out: dict[str, Array] = {"percent_agreement": _div(h[..., 0] + h[..., full], n)}
    if m == 2:
        po = out["percent_agreement"]
        pa = _div(h[..., 1] + h[..., 3], n)
        pb = _div(h[..., 2] + h[..., 3], n)
        pe = pa * pb + (1 - pa) * (1 - pb)
        out["kappa"] = _div(po - pe, np.where(pe >= 1, 0, 1 - pe))
    else:
        out["kappa"] = np.full(np.shape(n), np.nan)
    # each sum over the patterns is one product with a weight vector: no (groups x
    # replicates x patterns) temporaries; the histograms hold whole counts, so exact
    o01 = h @ (ones * zeros) / (m - 1)
    n1 = h @ ones
    n0 = h @ zeros
    total = n0 + n1
    out["alpha"] = 1 - _div((total - 1) * o01, n0 * n1)
    pairs = m * (m - 1)
    agreeing = h @ (ones * (ones - 1) + zeros * (zeros - 1))
    pa_pairs = _div(agreeing, n * pairs)
    pi = _div(n1, n * m)
    pe_g = 2 * pi * (1 - pi)
    out["ac1"] = _div(pa_pairs - pe_g, np.where(pe_g >= 1, 0, 1 - pe_g))
    out["psa"] = _div(h @ (ones * (ones - 1)), h @ (ones * (m - 1)))
    return out


def as_float(value: Array) -> float | None:
    """A figure as a plain float, None where undefined."""
    x = float(value)
    return None if np.isnan(x) else x


def percentile(replicates: Array, m: int) -> list[dict[str, tuple[float, float]]]:
    """95% percentile intervals of every coefficient over replicate histograms.

    ``replicates`` is (groups × replicates × patterns), or (replicates × patterns)
    for one group; one dict per group. A coefficient undefined in more than half
    of a group's replicates gets no interval there.
    """
    reps = np.asarray(replicates, dtype=float)
    if reps.ndim == 2:
        reps = reps[None]
    groups, count = reps.shape[0], reps.shape[1]
    out: list[dict[str, tuple[float, float]]] = [{} for _ in range(groups)]
    for key, values in coefficients(reps, m).items():
        finite = np.isfinite(values).sum(axis=1)
        bounds = _bounds(values)
        for g in range(groups):
            if finite[g] and finite[g] >= count / 2:
                out[g][key] = (round(float(bounds[0, g]), 6), round(float(bounds[1, g]), 6))
    return out


def _bounds(values: Array) -> Array:
    """2.5th and 97.5th percentiles of each row, NaN left out (numpy's linear rule).

    The same figures as ``np.nanpercentile(values, [2.5, 97.5], axis=1)``, one
    sort for all rows instead of a Python-level loop per row (1,500 codes).
    """
    ordered = np.sort(values, axis=1)  # NaN sorts last
    valid = (~np.isnan(values)).sum(axis=1)
    out = np.full((2, values.shape[0]), np.nan)
    rows = np.nonzero(valid)[0]
    if not len(rows):
        return out
    n = valid[rows]
    for k, q in enumerate((2.5, 97.5)):
        pos = q / 100 * (n - 1)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, n - 1)
        frac = pos - lo
        a, b = ordered[rows, lo], ordered[rows, hi]
        out[k, rows] = a + frac * (b - a)
    return out
