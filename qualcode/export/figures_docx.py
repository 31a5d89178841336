"""Figures in Word documents: the picture, then its caption "Gambar 4.1. …" with a SEQ field.

A real ``SEQ Gambar`` field (cached number written in) lets Word build a
Daftar Gambar (list of figures) and renumber figures when the student moves
them; the number shows correctly before any field update.
"""

from __future__ import annotations

import io
from typing import Any

from qualcode.export.docx_common import add_caption, xml_text

CAPTION_WORD = {"id": "Gambar", "en": "Figure"}


def add_figure(doc: Any, image: bytes, caption: str, language: str, number: int,
               width_cm: float = 12.0) -> None:  # fmt: skip
    """Append a centred picture and its numbered caption below it (kept on one page)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    pic = doc.add_paragraph()
    pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pic.paragraph_format.keep_with_next = True
    pic.add_run().add_picture(io.BytesIO(image), width=Cm(width_cm))
    cap = doc.add_paragraph()
    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.space_after = Pt(12)
    add_caption(cap, "figure", number, language)
    cap.add_run(xml_text(caption))
