"""A cheap guess of a text's language (Indonesian or English) from stop words."""

from __future__ import annotations

import re

_ID_WORDS = (
    "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ada ke karena "
    "bisa sudah kami kita saya ya belum atau oleh sebagai lebih bahwa adalah mereka "
    "jadi kalau tapi seperti masih harus dapat telah secara bapak ibu nya gitu"
)
_EN_WORDS = (
    "the and of to in is that it for was on are with as be this have not but they "
    "we you at from by or an which there their has were would been what so if can"
)
_ID = frozenset(_ID_WORDS.split())
_EN = frozenset(_EN_WORDS.split())
_WORD = re.compile(r"[a-z]+")


def guess_language(text: str, sample_chars: int = 20000) -> str | None:
    """``"id"``, ``"en"`` or None when too short or unclear; a default, not a verdict."""
    words = _WORD.findall(text[:sample_chars].lower())
    if len(words) < 20:
        return None
    id_hits = sum(1 for w in words if w in _ID)
    en_hits = sum(1 for w in words if w in _EN)
    if id_hits + en_hits < 5:
        return None
    if id_hits >= 2 * en_hits:
        return "id"
    if en_hits >= 2 * id_hits:
        return "en"
    return None
