"""Selection positions: which unit a producer counted, and conversion to our offsets.

REFI-QDA 1.5 §10.2 says text selections count Unicode code points from 0 (real files
treat ``endPosition`` as exclusive). Producers differ: NVivo counts UTF-16 code units
over its stored ``.txt`` (an emoji counts 2, CRLF counts 2, a BOM 0); ATLAS.ti is
reported to count CRLF as 1. We pick a model from ``origin``, check it against the
text (selections should start and end on token boundaries; ATLAS.ti puts the quoted
text in the selection ``name``) and fall back to the model that fits best.

We store text with ``\\r\\n`` (and a lone ``\\r``) as ``\\n`` and without a BOM;
:class:`StoredText` maps offsets of the raw text to that stored text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.i18n import QT_TRANSLATE_NOOP

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_SPACE_RE = re.compile(r"\s+")
BOM = "\ufeff"


class StoredText:
    """A producer's raw text and the text as we store it, with offset mapping."""

    __slots__ = ("_crlf_body", "_crlf_stored", "has_bom", "raw", "stored")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.has_bom = raw.startswith(BOM)
        body = raw[1:] if self.has_bom else raw
        if "\r" not in body:  # most texts: one scan, nothing to map
            self._crlf_body: list[int] = []
            self._crlf_stored: list[int] = []
            self.stored = body
            return
        # Body index of the CR of every CRLF; the stored "\n" sits at index r - rank.
        self._crlf_body = [m.start() for m in re.finditer("\r\n", body)]
        self._crlf_stored = [r - n for n, r in enumerate(self._crlf_body)]
        self.stored = body.replace("\r\n", "\n").replace("\r", "\n")

    @property
    def crlf_count(self) -> int:
        """Number of CRLF line breaks in the raw text."""
        return len(self._crlf_body)

    def raw_to_stored_offset(self, offset: int) -> int:
        """Stored code-point offset of raw code-point ``offset`` (BOM and CRLF removed).

        An offset between CR and LF maps to the line break itself.
        """
        body = max(0, offset - (1 if self.has_bom else 0))
        body = min(body, len(self.raw) - (1 if self.has_bom else 0))
        return body - bisect_left(self._crlf_body, body)

    def stored_to_raw_offset(self, offset: int) -> int:
        """Raw code-point offset of stored ``offset`` (inverse of the above)."""
        return offset + (1 if self.has_bom else 0) + bisect_left(self._crlf_stored, offset)

    def crlf_stored_indices(self) -> list[int]:
        """Stored indices of the ``\\n`` that were CRLF in the raw text."""
        return list(self._crlf_stored)


def normalise_text(text: str) -> str:
    """The text as we store it: no BOM, ``\\r\\n``/``\\r`` turned into ``\\n``."""
    return StoredText(text).stored


@dataclass(frozen=True, slots=True)
class UnitModel:
    """How a producer counted positions over its raw ``.txt``."""

    key: str
    label: str  # marked for translation, context "refi"
    utf16: bool  # characters outside the BMP count 2
    crlf_units: int  # a CRLF line break counts 1 or 2
    bom_units: int  # a leading BOM counts 0 or 1


CODEPOINTS = UnitModel(
    "codepoints", QT_TRANSLATE_NOOP("refi", "Unicode code points (REFI-QDA standard)"), False, 2, 0
)
UTF16 = UnitModel("utf16", QT_TRANSLATE_NOOP("refi", "UTF-16 code units (NVivo)"), True, 2, 0)
CODEPOINTS_CRLF1 = UnitModel(
    "codepoints-crlf1",
    QT_TRANSLATE_NOOP("refi", "code points, a CRLF line break counted once (ATLAS.ti)"),
    False,
    1,
    0,
)
UTF16_CRLF1 = UnitModel(
    "utf16-crlf1",
    QT_TRANSLATE_NOOP("refi", "UTF-16 code units, a CRLF line break counted once"),
    True,
    1,
    0,
)
CODEPOINTS_BOM = UnitModel(
    "codepoints-bom",
    QT_TRANSLATE_NOOP("refi", "code points, the byte-order mark counted"),
    False,
    2,
    1,
)
UTF16_BOM = UnitModel(
    "utf16-bom",
    QT_TRANSLATE_NOOP("refi", "UTF-16 code units, the byte-order mark counted"),
    True,
    2,
    1,
)
ALL_MODELS = (CODEPOINTS, UTF16, CODEPOINTS_CRLF1, UTF16_CRLF1, CODEPOINTS_BOM, UTF16_BOM)


def model_for_origin(origin: str) -> UnitModel:
    """The unit model a producer is known to use, from the project's ``origin``."""
    low = origin.lower()
    if "utf-16 code units" in low or "nvivo" in low:
        return UTF16
    if "atlas.ti" in low or "atlasti" in low:
        return CODEPOINTS_CRLF1
    return CODEPOINTS


class PositionConverter:
    """Converts positions counted with one unit model to stored code-point offsets."""

    def __init__(self, text: StoredText, model: UnitModel, astral: list[int] | None = None) -> None:
        self.text = text
        self.model = model
        extras: list[int] = []
        if model.utf16:
            extras = astral if astral is not None else astral_indices(text.stored)
        if model.crlf_units == 2 and text.crlf_count:
            extras = sorted(set(extras).union(text.crlf_stored_indices()))
        self._extras_units = [idx + n for n, idx in enumerate(extras)]
        self._base = model.bom_units if text.has_bom else 0
        self._length = len(text.stored)
        self.unit_length = self._base + self._length + len(extras)
        #: Positions inside the text are stored offsets as they are (no unit differs).
        self.identity = not extras and not self._base

    def to_stored(self, position: int, *, round_up: bool = False) -> tuple[int, bool]:
        """(stored offset, exact) — ``exact`` is False when clamped or inside a character."""
        q = position - self._base
        if q < 0:
            return 0, False
        if position > self.unit_length:
            return self._length, False
        before = bisect_right(self._extras_units, q - 1)
        if before and self._extras_units[before - 1] == q - 1:
            return q - before + (1 if round_up else 0), False
        return q - before, True


def astral_indices(text: str) -> list[int]:
    """Indices of characters outside the BMP (two UTF-16 units each)."""
    if text.isascii():
        return []
    return [m.start() for m in _ASTRAL_RE.finditer(text)]


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def _name_matches(selected: str, name: str) -> bool | None:
    """Does the selection's ``name`` quote its text? ``None`` when the name is no quote."""
    name = _collapse(name)
    if len(name) < 4:
        return None
    got = _collapse(selected)
    for ellipsis in ("…", "..."):
        if name.endswith(ellipsis):
            prefix = name[: -len(ellipsis)].rstrip()
            return bool(prefix) and got.startswith(prefix)
    if got == name:
        return True
    return None if len(got) > len(name) * 3 else False


@dataclass(frozen=True, slots=True)
class Fit:
    """How selections fit a text under one model."""

    boundaries: int  # selection ends (two per selection) that do not cut a word
    quoted: frozenset[int]  # indices of the selections whose ``name`` quotes their text

    @property
    def score(self) -> int:
        """Boundaries count 1 each, a quoted name 4."""
        return self.boundaries + 4 * len(self.quoted)


def fit(converter: PositionConverter, spans: Sequence[tuple[int, int, str]]) -> Fit:
    """How well selections fit the text under a model: boundaries, exactness, quoted names.

    A name scores only when it quotes the selected text. Names that are labels
    ("P", "Informan", "line:6") never quote anything, so they neither score nor
    count against a model (see :func:`choose_unit_model`).
    """
    stored = converter.text.stored
    length = len(stored)
    identity = converter.identity
    boundaries = 0
    quoted: set[int] = set()
    for index, (start, end, name) in enumerate(spans):
        if identity and 0 <= start <= end <= length:
            a, b = start, end  # what to_stored gives, without the calls (200k spans)
        else:
            a, exact_a = converter.to_stored(start)
            b, exact_b = converter.to_stored(end, round_up=True)
            if not (exact_a and exact_b) or a > b:
                continue
        # an end on a boundary: it does not cut a word in two (the two characters
        # around it are not both letters or digits; the text's ends are boundaries)
        boundaries += (a <= 0 or a >= length or not stored[a - 1 : a + 1].isalnum()) + (
            b <= 0 or b >= length or not stored[b - 1 : b + 1].isalnum()
        )
        if name and _name_matches(stored[a:b], name):
            quoted.add(index)
    return Fit(boundaries, frozenset(quoted))


def fit_score(converter: PositionConverter, spans: Sequence[tuple[int, int, str]]) -> int:
    """The :attr:`Fit.score` of ``spans`` under ``converter``'s model."""
    return fit(converter, spans).score


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """The model chosen for one text and how well the alternatives fitted."""

    model: UnitModel
    preferred: UnitModel
    score: int
    preferred_score: int
    best_possible: int

    @property
    def fallback(self) -> bool:
        """True when the text contradicted the producer's known convention."""
        return self.model is not self.preferred


def choose_unit_model(
    origin: str,
    text: StoredText,
    spans: Sequence[tuple[int, int, str]],
    astral: list[int] | None = None,
) -> UnitChoice:
    """Pick the unit model for one text's selections (see module docstring).

    ``astral`` (from :func:`astral_indices`) may be passed to avoid a second scan.
    """
    preferred = model_for_origin(origin)
    if astral is None:
        astral = astral_indices(text.stored)

    def signature(model: UnitModel) -> tuple[bool, bool, bool]:
        return (
            model.utf16 and bool(astral),
            model.crlf_units == 2 and text.crlf_count > 0,
            model.bom_units == 1 and text.has_bom,
        )

    if not spans:
        return UnitChoice(preferred, preferred, 0, 0, 0)
    seen: dict[tuple[bool, bool, bool], UnitModel] = {}
    for model in (preferred, *ALL_MODELS):
        seen.setdefault(signature(model), model)
    fits = {
        model.key: fit(PositionConverter(text, model, astral), spans) for model in seen.values()
    }
    scores = {key: result.score for key, result in fits.items()}
    # A name is a quote when it quotes its selection under some model; only those
    # names can be expected to match (the others are labels such as speakers).
    quotes = frozenset().union(*(result.quoted for result in fits.values()))
    best_possible = 2 * len(spans) + 4 * len(quotes)
    preferred_score = scores[seen[signature(preferred)].key]
    best = max(seen.values(), key=lambda m: (scores[m.key], m is seen[signature(preferred)]))
    if scores[best.key] <= preferred_score:
        best = preferred
    return UnitChoice(best, preferred, scores[best.key], preferred_score, best_possible)
