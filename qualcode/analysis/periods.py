"""When a coding happened and how periods are bucketed: the one home of the time rule.

**Time field.** A time-ordered display orders codings by the field the user
chooses, falling back in a fixed order where a coding lacks it:

==============  ==================================================  ==========================
field           what it is                                          falls back to
==============  ==================================================  ==========================
``period``      the coding's period ("2024 triwulan I", "2021-2023") event date, then source date
``event_date``  the coding's event date                             period, then source date
``source_date`` the source's date (interview or document date)      nothing
==============  ==================================================  ==========================

``auto`` (saved displays before the choice existed) is ``period``; ``coding``
(the event listing) is the coding's own period or event date, never the
source's date. ``fallback=False`` uses the chosen field alone. Every display
row states how many of its codings were placed by a fallback field and why
(:func:`fallback_note`).

**Periods.** A period text is read as a span of days: ``2024-03-15``,
``2024-03``, ``Maret 2024`` / ``March 2024``, ``2024``, ``2024 triwulan I`` /
``TW I 2024`` / ``kuartal 1 2024`` / ``Q1 2024``, ``semester II 2024`` /
``H2 2024``, and ranges of these (``2021-2023``, ``Januari s.d. Maret 2024``,
``2021 sampai 2023``). A text that reads as none of these is its own bucket.

**Buckets** never put a coarser period under a finer one: by month, a period
within one month is that month (``2024-03``); a whole quarter, half-year or
year is its own row (``2024-Q1``, ``2024-H1``, ``2024``); any other span is a
range row (``2024-01/2024-05``). By year, a span within one year is that year
and a span over several years is a range row (``2021/2023``), never its first
year. Rows are ordered by start, the longer span first, so a year row stands
above its quarters and months. A range is one row rather than spread over its
years, so every coding is counted once.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qualcode.analysis.corpus import CodingTuple, Corpus

FIELDS = ("period", "event_date", "source_date")
CHAINS: dict[str, tuple[str, ...]] = {
    "period": ("period", "event_date", "source_date"),
    "event_date": ("event_date", "period", "source_date"),
    "source_date": ("source_date",),
    "auto": ("period", "event_date", "source_date"),
    "coding": ("period", "event_date"),
    "source": ("source_date",),
    "event": ("event_date",),
}
"""Each time field and the fields tried in turn; ``attribute:NAME`` (a case attribute of the
coding's case) and ``source_attribute:NAME`` stand alone."""
BUCKETS = ("month", "quarter", "year", "value", "split")

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "aug": 8, "ags": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_QUARTER = r"(?:triwulan|tri\s*wulan|tw|kuartal|kwartal|quarter|qtr|q)"
_HALF = r"(?:semester|smt|sem|half|h)"
_NUM = r"(iv|iii|ii|i|[1-4])"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_RANGE = re.compile(
    r"\s*(?:-|\bs\.?\s?/?\s?d\b\.?|\bsampai(?: dengan)?\b|\bhingga\b|\buntil\b|\bto\b"
    r"|\bthrough\b)\s*"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A period read from text: its first and last day (inclusive)."""

    start: date
    end: date


def field_chain(field: str, fallback: bool = True) -> tuple[str, ...]:
    """The fields tried in order for ``field`` (only the first without ``fallback``)."""
    kind, _, name = field.partition(":")
    if kind in ("attribute", "source_attribute") and name.strip():
        return (field,)
    chain = CHAINS.get(field)
    if chain is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown time field '{field}' (use {allowed})."),
            field=field,
            allowed=", ".join([*CHAINS, "attribute:NAME", "source_attribute:NAME"]),
        )
    return chain if fallback else chain[:1]


def time_of(corpus: Corpus, c: CodingTuple, chain: tuple[str, ...]) -> tuple[str | None, str]:
    """A coding's time text and the field it came from (the chain's first when none has one)."""
    from qualcode.analysis.corpus import EVENT, PERIOD, SRC

    for name in chain:
        kind, _, attr = name.partition(":")
        if kind == "attribute":
            for case in corpus.cases_of(c):
                value = corpus.case_attrs.get(case, {}).get(attr)
                if value:
                    return str(value), name
            continue
        if kind == "source_attribute":
            found = corpus.source_attrs.get(c[SRC], {}).get(attr)
            if found:
                return str(found), name
            continue
        if name == "period" and c[PERIOD]:
            return str(c[PERIOD]).strip(), name
        if name == "event_date" and c[EVENT] is not None:
            return c[EVENT].isoformat(), name
        if name == "source_date":
            collected = corpus.sources[c[SRC]][2]
            if collected is not None:
                return collected.isoformat(), name
    return None, chain[0]


# -- reading periods ------------------------------------------------------------------------
def parse_period(text: str | None) -> Span | None:
    """The span of days a period text names, or None when it reads as no period."""
    if not text:
        return None
    norm = " ".join(text.casefold().replace("\u2013", "-").replace("\u2014", "-").split())
    norm = re.sub(r"\b(?:tahun|thn|th\.?|year)\s*", "", norm).strip(" ,.")
    one = _single(norm)
    if one is not None:
        return one
    for m in _RANGE.finditer(norm):
        left, right = norm[: m.start()].strip(), norm[m.end() :].strip()
        if not left or not right:
            continue
        b = _single(right)
        if b is None:
            continue
        a = _single(left) or _single(f"{left} {b.end.year}")
        if a is not None and a.start <= b.end:
            return Span(a.start, b.end)
    return None


def _single(s: str) -> Span | None:
    """One period (not a range)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return Span(d, d)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m and 1 <= int(m[2]) <= 12:
        return _month(int(m[1]), int(m[2]))
    if re.fullmatch(r"\d{4}", s):
        return _months(int(s), 1, 12)
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", s)
    if m and m[2] in MONTHS:
        try:
            d = date(int(m[3]), MONTHS[m[2]], int(m[1]))
        except ValueError:
            return None
        return Span(d, d)
    m = re.fullmatch(r"([a-z]+)\.?,? (\d{4})", s) or re.fullmatch(r"(\d{4}),? ([a-z]+)\.?", s)
    if m:
        word, year = (m[1], m[2]) if m[1].isalpha() else (m[2], m[1])
        if word in MONTHS:
            return _month(int(year), MONTHS[word])
    for pattern, size in ((_QUARTER, 3), (_HALF, 6)):
        for form in (
            rf"{pattern}[ -]?{_NUM},? (\d{{4}})",
            rf"(\d{{4}}),?[ -]?{pattern}[ -]?{_NUM}",
        ):
            m = re.fullmatch(form, s)
            if m:
                year_first = m[1].isdigit() and len(m[1]) == 4
                year, n = (m[1], m[2]) if year_first else (m[2], m[1])
                k = _ROMAN.get(n) or int(n)
                if k > 12 // size:
                    return None
                return _months(int(year), (k - 1) * size + 1, k * size)
    return None


def _month(year: int, month: int) -> Span:
    return _months(year, month, month)


def _months(year: int, first: int, last: int) -> Span:
    return Span(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))


# -- buckets --------------------------------------------------------------------------------
def _unit(d: date, grain: str) -> str:
    if grain == "month":
        return f"{d.year}-{d.month:02d}"
    if grain == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


def _whole(span: Span) -> str | None:
    """The key of the quarter, half-year or year a span covers exactly, if any."""
    s, e = span.start, span.end
    if s.year != e.year or s.day != 1 or e != _months(e.year, e.month, e.month).end:
        return None
    if (s.month, e.month) == (1, 12):
        return str(s.year)
    if (s.month, e.month) in ((1, 6), (7, 12)):
        return f"{s.year}-H{1 if s.month == 1 else 2}"
    if s.month % 3 == 1 and e.month == s.month + 2:
        return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    return None


def bucket_key(span: Span, grain: str) -> str:
    """The row a span falls in at ``grain`` (month, quarter, year): see the module docstring."""
    a, b = _unit(span.start, grain), _unit(span.end, grain)
    if a == b:
        return a
    whole = _whole(span)
    if whole is not None and _grain_of(whole) > GRAIN_SIZE[grain]:
        return whole
    if span.start == date(span.start.year, 1, 1) and span.end == date(span.end.year, 12, 31):
        return f"{span.start.year}/{span.end.year}"
    return f"{a}/{b}"


GRAIN_SIZE = {"month": 1, "quarter": 3, "year": 12}


def _grain_of(key: str) -> int:
    """Months in the unit a whole-unit key names (a half-year: 6)."""
    if "-H" in key:
        return 6
    if "-Q" in key:
        return 3
    return 12


def key_span(key: str) -> Span | None:
    """The span a bucket key stands for (for ordering rows), None for other texts."""
    if "/" in key:
        a, _, b = key.partition("/")
        left, right = key_span(a), key_span(b)
        return Span(left.start, right.end) if left and right else None
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", key)
    if m:
        size = 3 if m[2] == "Q" else 6
        k = int(m[3])
        return _months(int(m[1]), (k - 1) * size + 1, k * size)
    return _single(key)


def bucket(value: str | None, how: str, cutoff: str | None = None) -> str | None:
    """The bucket key of a time text by ``how``; None when it has no time.

    ``split``: ``early`` when the period ends before ``cutoff``, else ``late``.
    ``value``: the text as coded. A text that reads as no period is its own key.
    """
    if value is None:
        return None
    if how == "value":
        return value
    span = parse_period(value)
    if how == "split":
        if cutoff is None:
            return "late"
        if span is None:
            return "early" if value < cutoff else "late"
        return "early" if span.end.isoformat() < cutoff else "late"
    if span is None:
        return value
    return bucket_key(span, how)


def order_keys(keys: set[str]) -> list[str]:
    """Bucket keys by start, the longer span first; texts that read as no period after."""
    dated = [(key_span(k), k) for k in keys]
    known = sorted((s.start, -s.end.toordinal(), k) for s, k in dated if s is not None)
    rest = sorted((k for s, k in dated if s is None), key=str.casefold)
    return [k for _a, _b, k in known] + rest


def within(value: str | None, low: str | None, high: str | None) -> bool:
    """Whether a time text falls in the ``low``..``high`` filter (periods overlapping it count)."""
    if value is None:
        return False
    span, lo, hi = parse_period(value), parse_period(low), parse_period(high)
    if low is not None:
        if span is not None and lo is not None:
            if span.end < lo.start:
                return False
        elif value < str(low):
            return False
    if high is not None:
        if span is not None and hi is not None:
            if span.start > hi.end:
                return False
        elif value[: len(str(high))] > str(high):
            return False
    return True


QUARTER_WORD = {"id": "triwulan", "en": "Q"}
HALF_WORD = {"id": "semester", "en": "H"}
_ROMANS = ("I", "II", "III", "IV")


def key_label(key: str, language: str = "en") -> str:
    """A bucket key in words: ``2024 triwulan I`` / ``2024 Q1``; ranges ``2021–2023``."""
    if "/" in key:
        a, _, b = key.partition("/")
        return f"{key_label(a, language)}\u2013{key_label(b, language)}"
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", key)
    if not m:
        return key
    lang = "id" if language == "id" else "en"
    words = QUARTER_WORD if m[2] == "Q" else HALF_WORD
    if lang == "id":
        return f"{m[1]} {words['id']} {_ROMANS[int(m[3]) - 1]}"
    return f"{m[1]} {words['en']}{m[3]}"


# -- which field placed each row's codings ----------------------------------------------------
FIELD_WORDS = {
    "period": {"en": "period", "id": "periode"},
    "event_date": {"en": "event date", "id": "tanggal peristiwa"},
    "source_date": {"en": "source date (interview date)", "id": "tanggal sumber (wawancara)"},
}
NO_TIME = "none"


def field_word(field: str, language: str) -> str:
    """A time field in words: ``source date (interview date)``, ``case attribute Tahun``."""
    lang = "id" if language == "id" else "en"
    if field in FIELD_WORDS:
        return FIELD_WORDS[field][lang]
    if field in CHAINS:
        return field_word(CHAINS[field][0], lang)
    kind, _, name = field.partition(":")
    if kind == "attribute":
        return f"atribut kasus {name}" if lang == "id" else f"case attribute {name}"
    if kind == "source_attribute":
        return f"atribut sumber {name}" if lang == "id" else f"source attribute {name}"
    return field


@dataclass(slots=True)
class TimeFacts:
    """The time field a display ordered by, and per header how many codings a fallback placed.

    ``placed[i]`` maps the field that placed codings of header ``i`` (``"none"``:
    no field had a time) to how many; ``counted[i]`` is the header's total in
    the display's unit (passages or codings).
    """

    field: str
    chain: tuple[str, ...]
    axis: str  # "rows" or "columns"
    keys: list[str]
    counted: list[int]
    placed: list[dict[str, int]]

    def fallbacks(self, i: int) -> list[tuple[str, int]]:
        """(field, count) of header ``i``'s codings not placed by the chosen field."""
        return [(f, n) for f, n in self.placed[i].items() if f != self.chain[0] and n]

    def note(self, i: int, language: str = "en") -> str | None:
        """Header ``i``'s fallback note ("3 of 5 ordered by source date: no period"), if any."""
        parts = [
            fallback_note(f, n, self.counted[i], self.chain, language) for f, n in self.fallbacks(i)
        ]
        return "; ".join(parts) or None

    def to_dict(self, labels: list[str]) -> dict[str, object]:
        """JSON form: the field, its fallbacks, and per header what a fallback placed."""
        rows = []
        for i, key in enumerate(self.keys):
            used = self.fallbacks(i)
            if used:
                rows.append({
                    "key": key, "label": labels[i], "counted": self.counted[i],
                    "fallbacks": [{"field": f, "count": n, "missing": _missing(f, self.chain)}
                                  for f, n in used],
                    "note": self.note(i),
                })  # fmt: skip
        return {"field": self.field, "fallback_order": list(self.chain), "axis": self.axis,
                "fallback_rows": rows}  # fmt: skip


def _missing(used: str, chain: tuple[str, ...]) -> list[str]:
    """The fields tried before ``used`` (all of them when no field had a time)."""
    return list(chain) if used == NO_TIME else list(chain[: chain.index(used)])


def fallback_note(used: str, n: int, total: int, chain: tuple[str, ...], language: str) -> str:
    """``3 of 5 ordered by source date (interview date): no period or event date``."""
    lang = "id" if language == "id" else "en"
    missing = [field_word(f, lang) for f in _missing(used, chain)]
    joined = (" atau " if lang == "id" else " or ").join(
        [", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing
    )
    if lang == "id":
        if used == NO_TIME:
            return f"{n} dari {total} tanpa waktu: tidak ada {joined}"
        return f"{n} dari {total} diurutkan menurut {field_word(used, 'id')}: tidak ada {joined}"
    if used == NO_TIME:
        return f"{n} of {total} without a time: no {joined}"
    return f"{n} of {total} ordered by {field_word(used, 'en')}: no {joined}"


def time_facts(
    corpus: Corpus, dim_field: str, fallback: bool, axis: str, keys: list[str],
    ids_by_header: list[set[int]],
) -> TimeFacts:  # fmt: skip
    """Which field placed the codings under each header (``ids_by_header``, in display unit)."""
    chain = field_chain(dim_field, fallback)
    by_id = corpus.by_id()
    placed: list[dict[str, int]] = []
    for ids in ids_by_header:
        found: dict[str, int] = {}
        for i in ids:
            value, used = time_of(corpus, by_id[i], chain)
            name = used if value is not None else NO_TIME
            found[name] = found.get(name, 0) + 1
        placed.append(found)
    shown = {"auto": "period", "coding": "period", "source": "source_date"}.get(
        dim_field, dim_field
    )
    return TimeFacts(shown, chain, axis, keys, [len(x) for x in ids_by_header], placed)
