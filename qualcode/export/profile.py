"""Thesis profiles: the page, type and numbering rules a university's guide sets for Word output.

A profile is a small YAML file (two ship: ``indonesia-s2``, the default, and
``apa``); a student copies one and adapts it (``--profile FILE``). It gives the
font and size, line spacing (1.5 or 2), margins, heading sizes, the depth of the
contents (Daftar Isi), the caption words and the note under tables. With a
chapter number (``--chapter 4``) headings are numbered 4.1, 4.1.1 by Word's own
multilevel list numbering and captions read "Tabel 4.1", "Gambar 4.1".

Every Word writer takes its profile from :func:`current_profile`, set for the
length of an export with :func:`using_profile`, so the excerpts, displays,
report, codebook, memo and transcript exports all follow the same guide.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

SHIPPED = ("indonesia-s2", "apa")
DEFAULT = "indonesia-s2"


@dataclass(frozen=True)
class Profile:
    """The rules of one thesis guide (see the shipped YAML files for their meaning)."""

    name: str = "Pedoman tesis S2 (Indonesia)"
    font: str = "Times New Roman"
    font_size: float = 12.0
    line_spacing: float = 1.5
    margins_cm: dict[str, float] = field(
        default_factory=lambda: {"left": 4.0, "top": 3.0, "right": 3.0, "bottom": 3.0}
    )
    heading_sizes: tuple[float, ...] = (12.0, 12.0, 12.0)
    toc_levels: int = 2
    caption: dict[str, dict[str, str]] = field(
        default_factory=lambda: {
            "table": {"id": "Tabel", "en": "Table"},
            "figure": {"id": "Gambar", "en": "Figure"},
        }
    )
    source_note: dict[str, str] = field(
        default_factory=lambda: {
            "id": "Sumber: data primer diolah peneliti, {year}",
            "en": "Source: primary data processed by the researcher, {year}",
        }
    )
    chapter: int | None = None
    year: int | None = None

    def caption_word(self, kind: str, language: str) -> str:
        """ "Tabel"/"Gambar" (or the profile's words) in ``language``."""
        words = self.caption.get(kind, {})
        return words.get(language) or words.get("en") or kind.title()

    def note(self, language: str) -> str:
        """The note under a table, with the year filled in."""
        text = self.source_note.get(language) or self.source_note.get("en") or ""
        return text.format(year=self.year or date.today().year)

    @property
    def toc(self) -> str:
        """The TOC field's outline levels (``"1-2"``)."""
        return f"1-{max(1, min(self.toc_levels, 9))}"


def load_profile(
    name_or_path: str | os.PathLike[str] | None = None,
    *,
    chapter: int | None = None,
    year: int | None = None,
) -> Profile:
    """A shipped profile by name, or a profile file; ``chapter``/``year`` override it."""
    import yaml

    key = str(name_or_path or DEFAULT)
    if key in SHIPPED:
        text = (
            resources.files("qualcode.export")
            .joinpath("profiles", f"{key}.yaml")
            .read_text(encoding="utf-8")
        )
        where = key
    else:
        path = Path(key)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "No thesis profile '{name}': use {shipped} or a .yaml file."
                ),
                name=key,
                shipped=", ".join(SHIPPED),
            ) from exc
        where = path.name
    try:
        data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise TypeError("not a mapping")
        known = {f for f in Profile.__dataclass_fields__}
        unknown = set(data) - known
        if unknown:
            raise TypeError(f"unknown keys {', '.join(sorted(unknown))}")
        if "heading_sizes" in data:
            data["heading_sizes"] = tuple(float(x) for x in data["heading_sizes"])
        profile = Profile(**data)
        float(profile.font_size), float(profile.line_spacing)
    except (yaml.YAMLError, TypeError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The thesis profile {file} is not valid: {reason}"),
            file=where,
            reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
        ) from exc
    return replace(
        profile,
        chapter=chapter if chapter is not None else profile.chapter,
        year=year if year is not None else profile.year,
    )


_CURRENT: contextvars.ContextVar[Profile | None] = contextvars.ContextVar("profile", default=None)


def current_profile() -> Profile:
    """The profile of the export being written (the default Indonesian S2 guide otherwise)."""
    return _CURRENT.get() or _default()


@contextlib.contextmanager
def using_profile(profile: Profile | None) -> Iterator[Profile]:
    """Write every Word document in this block by ``profile``."""
    token = _CURRENT.set(profile or _default())
    try:
        yield current_profile()
    finally:
        _CURRENT.reset(token)


_DEFAULT: list[Profile] = []


def _default() -> Profile:
    if not _DEFAULT:
        _DEFAULT.append(load_profile(DEFAULT))
    return _DEFAULT[0]


def profile_summary(profile: Profile) -> dict[str, Any]:
    """What a profile sets, for ``--json`` and the docs."""
    return {
        "name": profile.name,
        "font": profile.font,
        "font_size": profile.font_size,
        "line_spacing": profile.line_spacing,
        "margins_cm": profile.margins_cm,
        "toc_levels": profile.toc_levels,
        "chapter": profile.chapter,
    }
