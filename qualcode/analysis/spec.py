"""Display specifications: what a display's rows, columns, filters and cells are.

A :class:`DisplaySpec` is a frozen, JSON-serialisable description; saving a
display saves its spec, and re-running the spec rebuilds the display from the
current data. Dimensions name what a coding falls under (its code, its cases,
its source's kind, its period...); filters narrow the codings first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

# Every dimension also takes ``extra``: labels of headers the researcher writes in.
DIMENSIONS = (
    "codes",  # params: ids, children_of, aggregate
    "code_groups",  # params: groups {label: [code ids]}
    "cases",  # params: ids, case_kind, order_by, descending, ranked_only, rollup, extremes,
    # show_value
    "attribute",  # params: name (case attribute), order_by (rank attribute), values, groups
    "sources",  # params: ids
    "source_kind",
    "source_attribute",  # params: name
    "coders",  # params: names
    "period",  # params: bucket (month|year|value|split), field (auto|coding|source), cutoff,
    # dated_only
    "valence",
    "total",
)
CELL_CONTENTS = ("count", "excerpts", "summary", "rating")
MEASURES = ("codings", "sources", "cases", "chars", "weighted")
RELATIONS = ("and", "near", "not", "same_turn")
VALENCE_KEYS = ("supporting", "inhibiting", "neutral", "none")


@dataclass(frozen=True, slots=True)
class Dim:
    """One axis of a display: a dimension ``kind`` and its parameters."""

    kind: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, kind: str, /, **params: Any) -> Dim:
        """``Dim.of("codes", ids=[1, 2], aggregate=True)``; None-valued params are dropped."""
        if kind not in DIMENSIONS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown display dimension '{kind}' (use {allowed})."),
                kind=kind,
                allowed=", ".join(DIMENSIONS),
            )
        kept = {k: _json_ready(v) for k, v in params.items() if v is not None}
        return cls(kind, tuple(sorted(kept.items())))

    def get(self, name: str, default: Any = None) -> Any:
        """A parameter's value (lists come back as lists, dicts as dicts)."""
        for key, value in self.params:
            if key == name:
                return value
        return default

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"kind": ..., **params}``."""
        return {"kind": self.kind, **dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dim:
        """The inverse of :meth:`to_dict`."""
        params = dict(data)
        kind = params.pop("kind")
        return cls.of(kind, **params)


def _json_ready(value: Any) -> Any:
    # Round-trip through JSON so a spec built in Python equals the same spec loaded from JSON.
    return _Hashable.wrap(json.loads(json.dumps(value)))


class _Hashable:
    """Helpers keeping params JSON-shaped (lists, dicts) yet usable in frozen dataclasses."""

    @staticmethod
    def wrap(value: Any) -> Any:
        if isinstance(value, dict):
            return FrozenDict({k: _Hashable.wrap(v) for k, v in value.items()})
        if isinstance(value, list):
            return FrozenList(_Hashable.wrap(v) for v in value)
        return value


class FrozenList(tuple):  # type: ignore[type-arg]
    """A tuple that serialises as a JSON list."""


class FrozenDict(dict):  # type: ignore[type-arg]
    """A dict that hashes by its items (never mutated after construction)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


@dataclass(frozen=True, slots=True)
class DisplaySpec:
    """A display: ``rows`` × ``columns`` over the codings that pass ``filters``.

    ``cell`` says what cells show (count, excerpts, summary, rating); ``measure``
    what a count counts (codings, distinct sources, distinct cases, characters
    coded). ``filters`` keys: codes, descendants, sources, source_kinds, cases,
    coders, valence, magnitude, attribute {name: [values]}, period_from,
    period_to, relation {op, codes, distance}. ``options`` are per-type extras
    (relation for code × code cells, excerpt limits, rating vocabulary...).
    """

    type: str
    rows: Dim
    columns: Dim
    filters: tuple[tuple[str, Any], ...] = ()
    cell: str = "count"
    measure: str = "codings"
    options: tuple[tuple[str, Any], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.cell not in CELL_CONTENTS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Cells can show {allowed}, not '{value}'."),
                allowed=", ".join(CELL_CONTENTS),
                value=self.cell,
            )
        if self.measure not in MEASURES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A count can count {allowed}, not '{value}'."),
                allowed=", ".join(MEASURES),
                value=self.measure,
            )

    @classmethod
    def make(
        cls,
        type: str,
        rows: Dim,
        columns: Dim,
        *,
        filters: dict[str, Any] | None = None,
        cell: str = "count",
        measure: str = "codings",
        options: dict[str, Any] | None = None,
    ) -> DisplaySpec:
        """Build a spec from plain dicts (None-valued filters and options are dropped)."""
        return cls(
            type,
            rows,
            columns,
            _items(filters),
            cell,
            measure,
            _items(options),
        )

    def filter(self, name: str, default: Any = None) -> Any:
        """One filter's value."""
        return dict(self.filters).get(name, default)

    def option(self, name: str, default: Any = None) -> Any:
        """One option's value."""
        return dict(self.options).get(name, default)

    def with_(self, **changes: Any) -> DisplaySpec:
        """A copy with some fields replaced (filters/options given as dicts)."""
        for key in ("filters", "options"):
            if isinstance(changes.get(key), dict):
                changes[key] = _items(changes[key])
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The spec as JSON-ready data."""
        return {
            "type": self.type,
            "rows": self.rows.to_dict(),
            "columns": self.columns.to_dict(),
            "filters": dict(self.filters),
            "cell": self.cell,
            "measure": self.measure,
            "options": dict(self.options),
        }

    def to_json(self) -> str:
        """The spec as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DisplaySpec:
        """The inverse of :meth:`to_dict`."""
        try:
            return cls.make(
                data["type"],
                Dim.from_dict(data["rows"]),
                Dim.from_dict(data["columns"]),
                filters=data.get("filters"),
                cell=data.get("cell", "count"),
                measure=data.get("measure", "codings"),
                options=data.get("options"),
            )
        except (KeyError, TypeError) as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Not a display specification ({reason})."),
                reason=str(exc),
            ) from exc

    @classmethod
    def from_json(cls, text: str) -> DisplaySpec:
        """The inverse of :meth:`to_json`."""
        return cls.from_dict(json.loads(text))


def _items(values: dict[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    if not values:
        return ()
    return tuple(sorted((k, _json_ready(v)) for k, v in values.items() if v is not None))
