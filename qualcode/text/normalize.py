"""Normalise imported text once, before it is stored.

A source's plain text never changes after import (codings are character
offsets into it), so these rules are deliberately conservative: they only
remove what is invisible or meaningless to a reader and would otherwise break
searching, selecting or offset bookkeeping. Each rule:

1. Line breaks: ``\\r\\n``, ``\\r``, NEL (U+0085), LINE/PARAGRAPH SEPARATOR
   (U+2028/U+2029), vertical tab (Word's manual line break in some exports) and
   form feed (page break) all become ``\\n``.
2. Unicode spaces: NBSP (U+00A0), narrow NBSP (U+202F), the typographic spaces
   U+2000–U+200A, U+1680, U+205F and the ideographic space U+3000 become an
   ordinary space. One character becomes one character, so nothing shifts.
   Runs of spaces are *not* collapsed (alignment in notes may matter).
3. Invisible characters removed: BOM / zero-width no-break space (U+FEFF),
   zero-width space (U+200B), word joiner (U+2060), soft hyphen (U+00AD) and
   the non-characters U+FFFE/U+FFFF. They split words silently ("kebija\\u00adkan"
   would not match a search for "kebijakan"). ZWJ/ZWNJ and bidi marks are kept:
   they carry meaning in emoji and right-to-left quotes.
4. Control characters removed: every C0 control except ``\\t`` and ``\\n``,
   DEL, and the C1 range U+0080–U+009F.
5. Lone surrogates (possible after a bad UTF-16 decode) become U+FFFD, so the
   text can always be stored as UTF-8.
6. NFC: composed characters, so "é" typed two ways is the same text.
7. Trailing spaces and tabs at the end of each line are trimmed (invisible, and
   they make a selection "to the end of the line" ambiguous). Leading
   indentation is kept.
8. Only with ``trim_document=True`` (the default): leading and trailing
   whitespace of the whole text is removed. Blank lines inside the text are
   kept as they are.

``normalize_text`` is idempotent, and concatenating normalised fragments with
``\\n`` (or any non-space text) gives normalised text: extractors rely on that
to normalise paragraph by paragraph while recording paragraph offsets.
"""

from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_REMOVE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u2060\ufeff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TRAILING = re.compile("[ \t]+$", re.MULTILINE)


def normalize_text(text: str, *, trim_document: bool = True) -> str:
    """Apply the import normalisation rules above and return the new text."""
    if text.isascii():
        # Fast path: only line endings, controls and trailing blanks can apply.
        if "\r" in text or "\x0b" in text or "\x0c" in text:
            text = _NEWLINES.sub("\n", text)
        if not text.isprintable():
            text = _REMOVE.sub("", text)
    else:
        text = _NEWLINES.sub("\n", text)
        text = _SPACES.sub(" ", text)
        text = _REMOVE.sub("", text)
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = _TRAILING.sub("", text)
    if trim_document:
        text = text.strip()
    return text
