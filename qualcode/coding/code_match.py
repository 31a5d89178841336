"""Find codes by what a researcher types: a name, a label in either language, an abbreviation.

Used by the quick-code box (Ctrl+K) and by the CLI's "did you mean". Matches
are ranked in tiers, so a code the typed text names plainly always beats a
fuzzy look-alike:

0. exact name or label ("Komunikasi");
1. abbreviation: the text in parentheses ("Prosedur operasi standar (SOP)")
   or the initials of its words ("Sumber daya manusia" for "sdm");
2. a whole word of the name ("Staf / SDM aparatur", "TIK terintegrasi");
3. prefix of the name or a label ("sosi" → "Sosialisasi");
4. word start: every typed word starts a word of the name, in order
   ("op st" → "Prosedur operasi standar");
5. substring of the name or a label;
6. a whole word of the code's short text or definition ("KIM" → the code
   whose definition explains "Kelompok Informasi Masyarakat (KIM)");
7. fuzzy (rapidfuzz WRatio ≥ :data:`SCORE_CUTOFF`), for typos.

Within a tier the better fuzzy score, then the shorter text, then codebook
order wins. Names, English and Indonesian labels count alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

SCORE_CUTOFF = 62
FUZZY = 7  # the tier of fuzzy-only matches
_WORD = re.compile(r"\w+", re.UNICODE)
_PARENS = re.compile(r"\(([^()]+)\)")


def _texts(code: Any) -> list[str]:
    names = [code.name, *(getattr(code, "labels", {}) or {}).values()]
    return [t for t in dict.fromkeys(names) if t]


_LINKS = {"dan", "and", "of", "the", "yang", "di", "ke", "untuk", "for", "atau", "or"}


def _initials(text: str) -> str:
    """Initials of the words, skipping little linking words ("Teknologi Informasi dan
    Komunikasi" → "tik")."""
    words = _WORD.findall(_PARENS.sub(" ", text))
    return "".join(w[0] for w in words if w.lower() not in _LINKS).lower()


def _tier(query: str, text: str) -> int | None:
    """The tier of ``query`` (lower case) against one name or label, or None."""
    low = text.lower()
    words = [w.lower() for w in _WORD.findall(text)]
    if low == query:
        return 0
    if any(inner.strip().lower() == query for inner in _PARENS.findall(text)) or (
        len(query) >= 2 and _initials(text) == query
    ):
        return 1
    if len(query) >= 2 and query in words:
        return 2
    if low.startswith(query):
        return 3
    typed = query.split()
    if typed and _starts_in_order(typed, words):
        return 4
    if query in low:
        return 5
    return None


def _starts_in_order(typed: list[str], words: list[str]) -> bool:
    at = 0
    for part in typed:
        while at < len(words) and not words[at].startswith(part):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


def _explained(query: str, code: Any) -> bool:
    """True when the query is a whole word of the code's short text or definition."""
    if len(query) < 2:
        return False
    body = " ".join(str(getattr(code, f, "") or "") for f in ("short", "description"))
    return re.search(rf"(?<!\w){re.escape(query)}(?!\w)", body, re.IGNORECASE) is not None


def rank_codes(query: str, codes: Sequence[Any], limit: int | None = 12) -> list[int]:
    """Ids of the codes matching ``query``, best first (see the module docstring)."""
    query = " ".join(query.split()).lower()
    if not query:
        return [c.id for c in codes[:limit]]
    from rapidfuzz import fuzz

    keys: dict[int, tuple[int, float, int, int]] = {}
    for order, code in enumerate(codes):
        best: tuple[int, float, int, int] | None = None
        for text in _texts(code):
            tier = _tier(query, text)
            score = fuzz.WRatio(query, text.lower())
            if tier is None:
                if score < SCORE_CUTOFF:
                    continue
                tier = FUZZY
            key = (tier, -score, len(text), order)
            best = key if best is None or key < best else best
        if (best is None or best[0] == FUZZY) and _explained(query, code):
            best = (FUZZY - 1, 0.0, len(code.name), order)
        if best is not None:
            keys[code.id] = best
    ranked = sorted(keys, key=keys.__getitem__)
    return ranked if limit is None else ranked[:limit]


def exact_code(query: str, codes: Iterable[Any]) -> Any | None:
    """The one code whose name or label is exactly ``query`` (case-insensitive), if any."""
    wanted = " ".join(query.split()).lower()
    found = [c for c in codes if any(t.lower() == wanted for t in _texts(c))]
    return found[0] if len(found) == 1 else None


_SLASHES = re.compile(r"\s*[/\u2215]\s*")


def _norm(text: str) -> str:
    """Case-folded, spaces collapsed, "/" and its look-alike "∕" the same, no spaces around."""
    return _SLASHES.sub("/", " ".join(text.split())).lower()


def resolve_code(query: str, codes: Sequence[Any]) -> Any:
    """The code a user means by ``query``: a name, a path, or an id.

    Names come first (a name may itself contain "/", stored as "∕" by codebooks:
    "Transmisi (penyaluran/sosialisasi)"), then a path as displayed, parents
    joined by "/" ("Komunikasi/Transmisi (penyaluran/sosialisasi)") or its tail,
    then an id ("12" or "#12"). A name several codes share is refused with their
    paths; nothing found is refused with the closest codes as suggestions.
    """
    from qualcode.errors import NotFoundError, ValidationError
    from qualcode.i18n import QT_TRANSLATE_NOOP

    wanted = _norm(query)
    if not wanted.strip("/"):
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "No code was named."))
    by_id = {c.id: c for c in codes}

    def path(code: Any) -> str:
        names = []
        while code is not None:
            names.append(code.name)
            code = by_id.get(code.parent_id) if code.parent_id is not None else None
        return "/".join(reversed(names))

    for found in (
        [c for c in codes if _norm(c.name) == wanted],
        [c for c in codes if _norm(path(c)) == wanted.strip("/")],
        [c for c in codes if _norm(path(c)).endswith("/" + wanted.strip("/"))],
    ):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Several codes are named '{name}': {paths}. Give the full path."
                ),
                name=query,
                paths=", ".join(_shown(path(c)) for c in found),
            )
    digits = wanted.removeprefix("#")
    if digits.isdigit() and int(digits) in by_id:
        return by_id[int(digits)]
    close = [_shown(path(by_id[i])) for i in rank_codes(query, codes, limit=3)]
    if close:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no code named '{name}'. Did you mean: {close}?"),
            name=query,
            close="; ".join(close),
        )
    raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no code named '{name}'."), name=query)


def _shown(path: str) -> str:
    """A path as users write it: the look-alike slash shown as "/"."""
    return path.replace("\u2215", "/")
