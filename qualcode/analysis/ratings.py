"""Checklist ratings: the one rule that turns a cell's codings into a rating.

The rule (shown with every checklist, in the app and in exports):

1. Each coding gets a level from its **magnitude and valence**. A supporting
   (or neutral, or unmarked) coding: high → adequate, medium → partly,
   low → inadequate, "absent" → absent, no magnitude → partly (present, strength
   unknown). An **inhibiting** coding describes a deficiency, so it never rates
   above partly: high or medium → inadequate, low → partly, "absent" → absent,
   no magnitude → inadequate.
2. The cell takes the **lower median** of its codings' levels (a conservative
   middle: one enthusiastic quote does not outweigh the rest).
3. **Mixed evidence caps at partly**: a cell with any inhibiting coding is never
   "adequate".
4. A cell without codings is **not mentioned** ("tidak disebut"): the informant
   was not asked or did not speak of it, which is not evidence of absence.
5. The researcher may **override** any cell of a saved display (with a reason);
   the override is shown as such, beside the rule's own rating.

Magnitude words are English or Indonesian (``high/tinggi``, ``sedang``,
``rendah``, ``sangat kurang``...); a spec option ``levels`` maps other words to
the levels 0–3 as read for a supporting coding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

RATINGS = ("absent", "inadequate", "partly", "adequate")
"""Checklist ratings, weakest first (index = level)."""
NOT_MENTIONED = "not_mentioned"
"""The rating of a cell without codings (not a level: nothing was said)."""
CHOICES = (*RATINGS, NOT_MENTIONED)
"""What a researcher may set a cell to."""

ABSENT, INADEQUATE, PARTLY, ADEQUATE = range(4)

DEFAULT_LEVELS: dict[str, int] = {
    **dict.fromkeys(
        ("high", "tinggi", "strong", "kuat", "adequate", "memadai", "baik", "good", "sangat baik",
         "very high", "sangat tinggi", "yes", "ya", "+", "++", "3"), ADEQUATE),
    **dict.fromkeys(
        ("medium", "sedang", "moderate", "partly", "partial", "cukup", "sebagian", "+/-", "±",
         "2"), PARTLY),
    **dict.fromkeys(
        ("low", "rendah", "weak", "lemah", "kurang", "kurang memadai", "sangat kurang",
         "tidak memadai", "inadequate", "sangat rendah", "very low", "poor", "buruk", "1"),
        INADEQUATE),
    **dict.fromkeys(("absent", "tidak ada", "none", "no", "tidak", "-", "0"), ABSENT),
}  # fmt: skip
"""Magnitude words (EN/ID) to levels, as read for a supporting coding."""

UNRATED = {"supporting": PARTLY, "inhibiting": INADEQUATE}
# An inhibiting coding's level from the supporting reading of its magnitude.
_INHIBITING = {ADEQUATE: INADEQUATE, PARTLY: INADEQUATE, INADEQUATE: PARTLY, ABSENT: ABSENT}


@dataclass(frozen=True, slots=True)
class RatingBasis:
    """What a cell's rating rests on: the rule's rating, its evidence, and any override."""

    computed: str
    supporting: int = 0
    inhibiting: int = 0
    capped: bool = False
    override: str | None = None
    reason: str = ""
    author: str = ""

    @property
    def rating(self) -> str:
        """The rating shown: the researcher's override, else the rule's."""
        return self.override or self.computed


def level(
    magnitude: str | None, valence: str | None = None, levels: Mapping[str, int] | None = None
) -> int:
    """One coding's level (0 absent … 3 adequate) from its magnitude and valence."""
    inhibiting = valence == "inhibiting"
    if magnitude is None or not magnitude.strip():
        return UNRATED["inhibiting" if inhibiting else "supporting"]
    table = {k.casefold(): v for k, v in (levels or DEFAULT_LEVELS).items()}
    found = table.get(" ".join(magnitude.strip().casefold().split()))
    if found is None:
        return UNRATED["inhibiting" if inhibiting else "supporting"]
    found = max(ABSENT, min(ADEQUATE, int(found)))
    return _INHIBITING[found] if inhibiting else found


def rate(
    codings: Sequence[tuple[str | None, str | None]], levels: Mapping[str, int] | None = None
) -> RatingBasis:
    """The rule's rating of a cell from its codings' (magnitude, valence) pairs."""
    if not codings:
        return RatingBasis(NOT_MENTIONED)
    found = sorted(level(m, v, levels) for m, v in codings)
    value = found[(len(found) - 1) // 2]
    inhibiting = sum(1 for _, v in codings if v == "inhibiting")
    capped = bool(inhibiting) and value > PARTLY
    if capped:
        value = PARTLY
    return RatingBasis(RATINGS[value], len(codings) - inhibiting, inhibiting, capped)


def rating(
    magnitudes: Sequence[str | None],
    levels: Mapping[str, int] | None = None,
    valences: Sequence[str | None] | None = None,
) -> str:
    """A cell's rating by the rule (see the module docstring)."""
    vals = list(valences) if valences is not None else [None] * len(magnitudes)
    return rate(list(zip(magnitudes, vals, strict=True)), levels).computed


def check_choice(value: str) -> str:
    """``value`` if a researcher may set a cell to it, else a clear error."""
    if value not in CHOICES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A rating is {allowed}, not '{value}'."),
            allowed=", ".join(CHOICES),
            value=value,
        )
    return value
