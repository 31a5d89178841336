"""How an excerpt is cited: "Informan 3 — Kasi ..., Diskominfo, 27 Mei 2019, par. 12".

Indonesian theses introduce a quote "sebagaimana diungkapkan oleh [jabatan] pada
[tanggal]" and identify speakers by position, not by name; so the citation is
built from the excerpt's case (informant) and its attributes — role, office,
date — plus its position in the source, in an order and with separators the
researcher chooses, and names can be replaced by pseudonyms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from qualcode.records import Case
from qualcode.text.labels import format_date, label

ROLE_ATTRIBUTES = ("Jabatan", "Role", "Position", "Peran")
ORGANISATION_ATTRIBUTES = ("Instansi", "OPD", "Organisation", "Organization", "Lembaga", "Unit")
DATE_ATTRIBUTES = ("Tanggal Wawancara", "Tanggal", "Interview date", "Date")
PSEUDONYM_ATTRIBUTES = ("Kode", "Kode Informan", "Code", "Pseudonym", "Pseudonim")
FIELDS = ("case", "role", "organisation", "date", "position", "source", "speaker", "coder")


@dataclass(frozen=True, slots=True)
class AttributionStyle:
    """Which parts a citation has, in which order, and how they are joined.

    ``fields`` items are ``case``, ``role``, ``organisation``, ``date``,
    ``position`` (paragraph number), ``source``, ``speaker``, ``coder`` or
    ``attr:NAME`` (any case attribute). When the first part is the case, it is
    followed by ``lead_separator`` ("Informan 3 — ..."); the others are joined
    by ``separator``. ``date_from`` says where the date comes from first: the
    source's collection date or the case's date attribute.
    """

    fields: tuple[str, ...] = ("case", "role", "organisation", "date", "position")
    separator: str = ", "
    lead_separator: str = " — "
    pseudonymise: bool = False
    role_attributes: tuple[str, ...] = ROLE_ATTRIBUTES
    organisation_attributes: tuple[str, ...] = ORGANISATION_ATTRIBUTES
    date_attributes: tuple[str, ...] = DATE_ATTRIBUTES
    pseudonym_attributes: tuple[str, ...] = PSEUDONYM_ATTRIBUTES
    date_from: tuple[str, ...] = ("source", "case")


def _first_attribute(case: Case | None, names: Sequence[str]) -> Any:
    if case is None:
        return None
    lowered = {k.casefold(): v for k, v in case.attributes.items()}
    for name in names:
        value = lowered.get(name.casefold())
        if value not in (None, ""):
            return value
    return None


class Attributor:
    """Names cases (or their pseudonyms) and builds citations for one export."""

    def __init__(self, cases: Iterable[Case], style: AttributionStyle, language: str) -> None:
        self.style = style
        self.language = language
        self._names: dict[int, str] = {}
        self._lowered: dict[int, dict[str, Any]] = {}  # each case's attributes, casefolded names
        self._folded: dict[tuple[str, ...], tuple[str, ...]] = {}  # attribute names asked for
        self._facts: dict[int, tuple[str, str, str | None]] = {}  # see _case_facts
        self._plans: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}  # see _plan
        self._para = label("para", language)
        numbers: dict[str, int] = {}
        for case in sorted(cases, key=lambda c: c.id):  # creation order: stable pseudonyms
            if not style.pseudonymise:
                self._names[case.id] = case.name
                continue
            code = _first_attribute(case, style.pseudonym_attributes)
            if code is not None:
                self._names[case.id] = str(code)
                continue
            kind = "informant" if case.kind == "informant" else "case"
            word = label(kind, language)
            numbers[word] = numbers.get(word, 0) + 1
            self._names[case.id] = f"{word} {numbers[word]}"

    def case_name(self, case: Case | None) -> str:
        """The case's name, or its pseudonym when pseudonymising; "No case" for None."""
        if case is None:
            return label("no_case", self.language)
        return self._names.get(case.id, case.name)

    def case_names(self) -> dict[int, str]:
        """:meth:`case_name` of every case the attributor was given, by id."""
        return dict(self._names)

    def parts(
        self,
        case: Case | None,
        *,
        source: str,
        source_date: date | None,
        paragraph: int | None,
        speaker: str | None = None,
        coder: str = "",
    ) -> list[tuple[str, str]]:
        """(field, text) pairs of the citation, empty parts left out."""
        out: list[tuple[str, str]] = []
        for field in self.style.fields:
            text = self._field(field, case, source, source_date, paragraph, speaker, coder)
            if text:
                out.append((field, text))
        return out

    def cite(self, case: Case | None, **facts: Any) -> str:
        """The citation as one line of text."""
        paragraph = facts.pop("paragraph", None)
        return self.citer(case, **facts)(paragraph)

    def citer(
        self,
        case: Case | None,
        *,
        source: str,
        source_date: date | None,
        speaker: str | None = None,
        coder: str = "",
    ) -> Callable[[int | None], str]:
        """``cite`` for many paragraphs of one case, source, speaker and coder: every part but
        the paragraph is built once (an export of 200k excerpts cites through this)."""
        parts: list[tuple[str, str | None]] = []  # the position stays open (None)
        facts = self._case_facts(case) if case is not None else ("", "", None)
        for f in self.style.fields:
            text: str | None
            if f == "position":
                text = None
            elif f == "case":  # the usual fields answered here, the others by _field
                text = self._names.get(case.id, case.name) if case is not None else source
            elif f == "role":
                text = facts[0]
            elif f == "organisation":
                text = facts[1]
            elif f == "date":
                text = self._date(case, source_date)
            else:
                text = self._field(f, case, source, source_date, None, speaker, coder)
            if text is None or text:
                parts.append((f, text))
        st = self.style
        para = self._para
        texts = [t for _f, t in parts]
        if None not in texts:  # the citation names no position: one text for every paragraph
            fixed = _joined(parts, case is not None, st)
            return lambda _paragraph: fixed
        if texts.count(None) > 1:  # the position named twice: joined for each paragraph
            return lambda paragraph: _joined(
                [(f, (f"{para} {paragraph}" if paragraph else "") if t is None else t)
                 for f, t in parts],
                case is not None, st,
            )  # fmt: skip
        # The citation of a paragraph is one text around its number: its head and tail are
        # joined once, as ``_joined`` would join them around the position.
        at = texts.index(None)
        before: list[str] = texts[:at]  # type: ignore[assignment]
        after: list[str] = texts[at + 1 :]  # type: ignore[assignment]
        sep = st.separator
        if not before:
            head = ""
        elif parts[0][0] == "case" and case is not None:  # the case, a lead separator, the rest
            rest = before[1:]
            head = before[0] + st.lead_separator + (sep.join(rest) + sep if rest else "")
        else:
            head = sep.join(before) + sep
        tail = sep + sep.join(after) if after else ""
        return _Cite(f"{head}{para} ", tail, parts, case is not None, st)

    def _field(
        self,
        field: str,
        case: Case | None,
        source: str,
        source_date: date | None,
        paragraph: int | None,
        speaker: str | None,
        coder: str,
    ) -> str:
        st = self.style
        if field == "case":  # a document has no informant: cite the source instead
            return self.case_name(case) if case is not None else source
        if field == "role":
            return self._case_facts(case)[0] if case is not None else ""
        if field == "organisation":
            return self._case_facts(case)[1] if case is not None else ""
        if field == "date":
            return self._date(case, source_date)
        if field == "position":
            return f"{label('para', self.language)} {paragraph}" if paragraph else ""
        if field == "source":
            return source
        if field == "speaker":
            return "" if (speaker is None or st.pseudonymise) else speaker
        if field == "coder":
            return coder
        if field.startswith("attr:"):
            value = self._attribute(case, (field[5:],))
            return format_date(value, self.language) if isinstance(value, date) else _text(value)
        return ""

    def _attribute(self, case: Case | None, names: Sequence[str]) -> Any:
        """The case's first non-empty attribute of ``names``; names are matched in any case,
        the case's attributes casefolded once (a citation asks for three of them)."""
        if case is None:
            return None
        lowered = self._lowered.get(case.id)
        if lowered is None:
            lowered = {k.casefold(): v for k, v in case.attributes.items()}
            self._lowered[case.id] = lowered
        if not lowered:
            return None
        key = tuple(names)  # a style built from settings may hold lists
        folded = self._folded.get(key)
        if folded is None:
            folded = self._folded[key] = tuple(n.casefold() for n in names)
        if lowered.keys().isdisjoint(folded):  # the usual answer for all but one field
            return None
        for name in folded:
            value = lowered.get(name)
            if value not in (None, ""):
                return value
        return None

    def _case_facts(self, case: Case) -> tuple[str, str, str | None]:
        """The case's role, organisation and date (None without one) as cited, worked out
        once per case: every citation of a case's excerpts names them."""
        found = self._facts.get(case.id)
        if found is None:
            values = case.attributes
            keys = tuple(values)
            plan = self._plans.get(keys)
            if plan is None:  # cases share their attribute names: matched once for each set
                plan = self._plans[keys] = self._plan(keys)
            roles, organisations, dates = plan  # mostly one name or none
            role = _first(values, roles) if roles else None
            organisation = _first(values, organisations) if organisations else None
            when = _first(values, dates) if dates else None
            found = self._facts[case.id] = (
                "" if role is None else _text(role),
                "" if organisation is None else _text(organisation),
                None if when is None else format_date(when, self.language),
            )
        return found

    def _plan(self, keys: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """For a case with attributes ``keys``: which of them can name its role, organisation
        and date, in the style's order of names (matched in any case)."""
        st = self.style
        by_folded = {key.casefold(): key for key in keys}  # the last of names alike counts
        return tuple(
            tuple(by_folded[n] for n in map(str.casefold, names) if n in by_folded)
            for names in (st.role_attributes, st.organisation_attributes, st.date_attributes)
        )

    def _date(self, case: Case | None, source_date: date | None) -> str:
        for origin in self.style.date_from:
            if origin == "source" and source_date is not None:
                return format_date(source_date, self.language)
            if origin == "case" and case is not None:
                when = self._case_facts(case)[2]
                if when is not None:
                    return when
        return ""


class _Cite:
    """A citation for any paragraph: the text around the number, built once (one object
    for each case, source, speaker and coder of an export, not a closure with its cells)."""

    __slots__ = ("has_case", "head", "parts", "style", "tail")

    def __init__(
        self,
        head: str,
        tail: str,
        parts: list[tuple[str, str | None]],
        has_case: bool,
        style: AttributionStyle,
    ) -> None:
        self.head, self.tail, self.parts, self.has_case, self.style = (
            head, tail, parts, has_case, style,
        )  # fmt: skip

    def __call__(self, paragraph: int | None) -> str:
        if paragraph:
            return f"{self.head}{paragraph}{self.tail}"
        return _joined(self.parts, self.has_case, self.style)  # no position to name


def _joined(parts: list[tuple[str, str | None]], has_case: bool, style: AttributionStyle) -> str:
    """The documented join of a citation's parts: empty ones left out; a leading case is
    followed by the lead separator, the others by the separator."""
    done = [t for _f, t in parts if t]
    if not done:
        return ""
    first = next(f for f, t in parts if t)
    if first == "case" and has_case and len(done) > 1:
        return f"{done[0]}{style.lead_separator}{style.separator.join(done[1:])}"
    return style.separator.join(done)


def _first(values: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first non-empty value of ``keys`` in ``values``."""
    for key in keys:
        value = values[key]
        if value is not None and value != "":
            return value
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
