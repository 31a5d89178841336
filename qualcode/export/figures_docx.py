"""Figures in Word documents: the picture, then its caption "Gambar 4.1. …" with a SEQ field.

A real ``SEQ Gambar`` field (cached number written in) lets Word build a
Daftar Gambar (list of figures) and renumber figures when the student moves
them; the number shows correctly before any field update.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from qualcode.export.docx_common import xml_text

CAPTION_WORD = {"id": "Gambar", "en": "Figure"}


def add_figure(doc: Any, image: bytes, caption: str, language: str, number: int,
               width_cm: float = 12.0, chapter: int | None = None) -> None:  # fmt: skip
    """Append a centred picture and its numbered caption below it (kept on one page)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    pic = doc.add_paragraph()
    pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pic.paragraph_format.keep_with_next = True
    pic.add_run().add_picture(io.BytesIO(image), width=Cm(width_cm))
    cap = doc.add_paragraph()
    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.space_after = Pt(12)
    with contextlib.suppress(KeyError):  # the default template has Caption; others may not
        cap.style = doc.styles["Caption"]
    word = CAPTION_WORD.get(language, "Figure")
    prefix = f"{chapter}." if chapter else ""
    cap.add_run(f"{word} {prefix}").bold = True
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" SEQ {word} \\* ARABIC ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:b"))
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = str(number)
    run.append(text)
    field.append(run)
    cap._p.append(field)
    cap.add_run(". ").bold = True
    cap.add_run(xml_text(caption))
