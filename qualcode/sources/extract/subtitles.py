"""Subtitles and captions (.srt, .vtt) from transcription tools.

Each cue becomes one line ``[hh:mm:ss] text``: the start time is kept as a text
marker (which speaker-turn detection understands), cue numbers and end times
are dropped, and the cue's wrapped lines are joined with a space. A WebVTT
voice tag ``<v Bu Sari>`` becomes a speaker label: ``[00:01:02] Bu Sari: text``.
"""

from __future__ import annotations

import re

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.model import Extraction, TextBuilder, fail
from qualcode.sources.extract.plain import decode_text

_TIMING = re.compile(
    r"^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,]\d{1,3}\s*-->\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
)
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]*>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}


def _clean(line: str) -> tuple[str, str | None]:
    voice = _VOICE.search(line)
    text = _TAG.sub("", line)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text.strip(), voice.group(1).strip() if voice else None


def extract_subtitles(data: bytes, name: str, fmt: str) -> Extraction:
    """Extract .srt/.vtt cues; a file without any cue timing is refused."""
    raw, encoding, warnings = decode_text(data, name)
    blocks = re.split(r"\n[ \t]*\n", raw.replace("\r\n", "\n").replace("\r", "\n"))
    builder = TextBuilder()
    cues = 0
    for block in blocks:
        lines = block.strip("\n").split("\n")
        timing_at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if timing_at is None:
            continue  # WEBVTT header, NOTE, STYLE and REGION blocks
        match = _TIMING.match(lines[timing_at])
        assert match is not None
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
        hours, minutes = hours + minutes // 60, minutes % 60
        parts, speaker = [], None
        for line in lines[timing_at + 1 :]:
            text, voice = _clean(line)
            speaker = speaker or voice
            if text:
                parts.append(text)
        if not parts:
            continue
        label = f"{speaker}: " if speaker else ""
        builder.add(f"[{hours:02d}:{minutes:02d}:{seconds:02d}] {label}{' '.join(parts)}", "cue")
        cues += 1
    if not cues:
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors",
                "Cannot import {file}: no subtitle cues found (not a valid {format} file).",
            ),
            format=fmt.upper(),
        )
    text, out_blocks = builder.finish()
    return Extraction(text=text, blocks=out_blocks, encoding=encoding, warnings=warnings)
