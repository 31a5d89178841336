"""Word building blocks shared by the excerpt, table and report exports.

A document gets the page setup of an Indonesian thesis (A4; margins left 4 cm,
top, right and bottom 3 cm), Times New Roman 12 pt, real heading styles (so the
navigation pane and the table of contents work), a TOC field and page numbers
in the footer. Styles are created and resolved once per document; hot loops
build paragraphs and runs with :class:`FastWriter` from prepared run
properties, which keeps 10,000 excerpts fast.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from qualcode.text.labels import label

FONT = "Times New Roman"
GREY = "6B6B6B"
HEADER_FILL = "D9E2F3"


@dataclass
class Styles:
    """Style ids resolved once (assigning by id avoids a name lookup per paragraph)."""

    headings: list[str]
    quote: str
    citation: str
    meta: str
    subtitle: str
    title: str
    context: str
    cell: str


def new_document(language: str) -> tuple[Any, Styles]:
    """An empty A4 document set up by the current thesis profile, and its resolved styles."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    from qualcode.export.profile import current_profile

    profile = current_profile()
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    m = profile.margins_cm
    section.left_margin, section.top_margin = Cm(m.get("left", 4)), Cm(m.get("top", 3))
    section.right_margin, section.bottom_margin = Cm(m.get("right", 3)), Cm(m.get("bottom", 3))
    section.header_distance, section.footer_distance = Cm(1.5), Cm(1.5)
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, profile.font, profile.font_size)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = profile.line_spacing
    _set_lang(doc, "id-ID" if language == "id" else "en-GB")

    sizes: dict[int, float] = {1: 14, 2: 12, 3: 12, 4: 12, 5: 12}
    for level, size in enumerate(profile.heading_sizes[:5], 1):
        sizes[level] = size
    heading_ids = []
    for level, size in sizes.items():
        st = styles[f"Heading {level}"]
        _font(st, profile.font, size)
        st.font.bold = level <= 3
        st.font.italic = level >= 3
        st.font.color.rgb = RGBColor(0x1F, 0x1F, 0x1F)
        st.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
        heading_ids.append(st.style_id)

    def para_style(name: str, base: str = "Normal") -> Any:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        st.quick_style = True
        return st

    _number_headings(doc, profile.chapter)
    caption = styles["Caption"]
    _font(caption, profile.font, 11)
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0x1F, 0x1F, 0x1F)
    caption.paragraph_format.line_spacing = 1.0
    title = para_style("QC Title")
    _font(title, profile.font, 18)
    title.font.bold = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    subtitle = para_style("QC Subtitle")
    subtitle.font.color.rgb = RGBColor.from_string(GREY)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    quote = para_style("QC Quote")
    quote.font.italic = True
    pf = quote.paragraph_format
    pf.left_indent, pf.right_indent = Cm(1.25), Cm(1.0)
    pf.line_spacing, pf.space_before, pf.space_after = 1.0, Pt(6), Pt(2)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    citation = para_style("QC Citation")
    citation.font.size = Pt(10)
    citation.paragraph_format.left_indent = Cm(1.25)
    citation.paragraph_format.right_indent = Cm(1.0)
    citation.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    citation.paragraph_format.space_after = Pt(2)
    citation.paragraph_format.keep_with_next = False
    quote.paragraph_format.keep_with_next = True
    meta = para_style("QC Meta")
    meta.font.size = Pt(9)
    meta.font.color.rgb = RGBColor.from_string(GREY)
    meta.paragraph_format.left_indent = Cm(1.25)
    meta.paragraph_format.space_after = Pt(10)
    cell = para_style("QC Cell")
    cell.font.size = Pt(10)
    cell.paragraph_format.space_after = Pt(2)
    cell.paragraph_format.line_spacing = 1.0
    context = styles.add_style("QC Context", WD_STYLE_TYPE.CHARACTER)
    context.font.italic = False
    context.font.color.rgb = RGBColor.from_string(GREY)
    return doc, Styles(
        headings=heading_ids,
        quote=quote.style_id,
        citation=citation.style_id,
        meta=meta.style_id,
        subtitle=subtitle.style_id,
        title=title.style_id,
        context=context.style_id,
        cell=cell.style_id,
    )


def _font(style: Any, name: str, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = name
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:cs"), name)


def _set_lang(doc: Any, tag: str) -> None:
    """Spell-check language of the whole document (Indonesian or English)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr_default = doc.styles.element.find(qn("w:docDefaults"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def add_field(paragraph: Any, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC...) with ``placeholder`` as its last computed result."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child: Any) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = placeholder
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def add_toc(doc: Any, language: str, levels: str | None = None) -> None:
    """A "Daftar Isi" title and a TOC field that Word fills when the file is opened.

    ``levels`` defaults to the thesis profile's depth (1-2: chapters' sections, not
    every code and case).
    """
    from docx.enum.text import WD_BREAK

    from qualcode.export.profile import current_profile

    levels = levels or current_profile().toc
    heading = doc.add_paragraph(label("contents", language), style="TOC Heading")
    heading.runs[0].font.name = current_profile().font
    unnumber(heading._p)  # "TOC Heading" derives from Heading 1: it must not take number 4.1
    p = doc.add_paragraph()
    add_field(p, f'TOC \\o "{levels}" \\h \\z \\u', label("toc_hint", language))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _update_fields_on_open(doc)


NUMBERING_ID = 90


def _number_headings(doc: Any, chapter: int | None) -> None:
    """Word multilevel numbering on Heading 1–3: 4.1, 4.1.1, 4.1.1.1 for chapter 4
    (1, 1.1, 1.1.1 without a chapter).

    Level 0 holds the chapter and is never used by a paragraph, so ``%1`` always
    reads the chapter; Word and LibreOffice renumber when sections move.
    """
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = [
        f'<w:lvl w:ilvl="0"><w:start w:val="{chapter}"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1"/><w:lvlJc w:val="left"/></w:lvl>'
    ]
    for ilvl in (1, 2, 3):
        text = ".".join(f"%{i}" for i in range(1, ilvl + 2))
        indent = 567 + 284 * ilvl  # 1 cm, 1.5 cm, 2 cm: room for "4.1.1" and no more
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="Heading{ilvl}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        )
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="{NUMBERING_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum before the first num
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {ns} w:numId="{NUMBERING_ID}"><w:abstractNumId '
            f'w:val="{NUMBERING_ID}"/></w:num>'
        )
    )
    for ilvl in (1, 2, 3):
        num_pr = doc.styles[f"Heading {ilvl}"].element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = NUMBERING_ID


def unnumber(paragraph_element: Any) -> None:
    """Keep a heading paragraph (a case sub-heading) out of the heading numbering."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph_element.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph_element.insert(0, ppr)
    num_pr = OxmlElement("w:numPr")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "0")
    num_pr.append(num_id)
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)


def add_caption(paragraph: Any, kind: str, number: int, language: str) -> None:
    """ "Tabel 4.1" / "Gambar 4.1": the profile's word, the chapter and a real SEQ field.

    The SEQ field (its number written in as the last result) lets Word build a
    Daftar Tabel / Daftar Gambar and renumber when tables move.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from qualcode.export.profile import current_profile

    profile = current_profile()
    word = profile.caption_word(kind, language)
    paragraph.style = paragraph.part.document.styles["Caption"]
    paragraph.add_run(f"{word} {profile.chapter}." if profile.chapter else f"{word} ").bold = True
    # A complex field (runs, not fldSimple), so the number is ordinary run text to every reader.
    for kind_, value in (
        ("begin", None),
        ("instr", f" SEQ {word} \\* ARABIC "),
        ("separate", None),
        ("text", str(number)),
        ("end", None),
    ):
        run = paragraph.add_run()
        run.bold = True
        if kind_ == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
            run._r.append(el)
        elif kind_ == "text":
            run.text = value or ""
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind_)
            run._r.append(el)
    paragraph.add_run(". ").bold = True


def _update_fields_on_open(doc: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        el = OxmlElement("w:updateFields")
        el.set(qn("w:val"), "true")
        settings.append(el)


def add_page_numbers(section: Any) -> None:
    """Centred page number (a PAGE field) in the section's footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = section.footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(p, "PAGE", "1")


def landscape_section(doc: Any, landscape: bool) -> Any:
    """Start a new section in landscape (or back in portrait) on a new page."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    orient(section, landscape)
    return section


def orient(section: Any, landscape: bool) -> None:
    """Turn a section to landscape or portrait, keeping the thesis margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    short, long = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long, short
        # the binding edge (left of the portrait page) is the top of a turned page
        section.left_margin, section.right_margin = Cm(3), Cm(3)
        section.top_margin, section.bottom_margin = Cm(4), Cm(3)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short, long
        section.left_margin, section.right_margin = Cm(4), Cm(3)
        section.top_margin, section.bottom_margin = Cm(3), Cm(3)


def shade(element: Any, fill: str) -> None:
    """Background ``fill`` (hex RRGGBB) on a run's or cell's properties element."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    element.append(shd)


def tint(color: str, amount: float = 0.55) -> str:
    """``color`` mixed with white (0 = unchanged, 1 = white), as RRGGBB."""
    c = color.lstrip("#")
    if len(c) != 6:
        return "EEEEEE"
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(v + (255 - v) * amount):02X}" for v in rgb)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the control characters XML cannot hold (some PDFs leave them)."""
    return _NOT_XML.sub("", text)


class FastWriter:
    """Appends paragraphs and runs to a document body as XML, with run properties prepared once.

    python-docx's ``add_paragraph`` looks for the section properties by scanning
    every element of the body, so writing n paragraphs costs O(n²); here the new
    paragraph goes straight in front of them.
    """

    def __init__(self, doc: Any) -> None:
        from docx.oxml.ns import qn

        self.body = doc.element.body
        self.q = {
            name: qn(f"w:{name}")
            for name in ("p", "pPr", "pStyle", "r", "t", "br", "val", "sectPr")
        }
        self.space = qn("xml:space")
        self.sect: Any = None

    def paragraph(self, style_id: str | None = None) -> Any:
        """A new paragraph at the end of the body (before the final section properties)."""
        from docx.oxml import OxmlElement
        from lxml.etree import SubElement

        q = self.q
        p = OxmlElement("w:p")
        if style_id:
            SubElement(SubElement(p, q["pPr"]), q["pStyle"]).set(q["val"], style_id)
        sect = self.body.find(self.q["sectPr"]) if self.sect is None else self.sect
        if sect is not None and sect.getparent() is self.body:
            self.sect = sect  # the body's own section properties stay its last child
            sect.addprevious(p)
        else:
            self.body.append(p)
        return p

    def run(self, p: Any, text: str, rpr: Any = None) -> Any:
        """A run of ``text`` (newlines become line breaks) with a copy of ``rpr``."""
        from lxml.etree import SubElement

        q = self.q
        r = SubElement(p, q["r"])
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for i, line in enumerate(xml_text(text).split("\n")):
            if i:
                SubElement(r, q["br"])
            if line:
                t = SubElement(r, q["t"])
                t.text = line
                if line[0] == " " or line[-1] == " ":
                    t.set(self.space, "preserve")
        return r


def run_properties(
    *,
    style_id: str | None = None,
    bold: bool = False,
    italic: bool | None = None,
    color: str | None = None,
    fill: str | None = None,
    size: float | None = None,
) -> Any:
    """A ``w:rPr`` element to pass to :meth:`FastWriter.run`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = OxmlElement("w:rPr")
    if style_id:
        el = OxmlElement("w:rStyle")
        el.set(qn("w:val"), style_id)
        rpr.append(el)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic is not None:
        el = OxmlElement("w:i")
        if not italic:
            el.set(qn("w:val"), "0")
        rpr.append(el)
    if color:
        el = OxmlElement("w:color")
        el.set(qn("w:val"), color)
        rpr.append(el)
    if size:
        el = OxmlElement("w:sz")
        el.set(qn("w:val"), str(round(size * 2)))
        rpr.append(el)
    if fill:
        shade(rpr, fill)
    return rpr


def set_repeat_header(row: Any) -> None:
    """Repeat a table row at the top of every page the table spans."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)


def save(doc: Any, path: Any) -> None:
    """Save ``doc`` to ``path`` (a temporary path from :func:`atomic_output`)."""
    doc.save(str(path))


def cell_margins(table: Any, top: int = 40, bottom: int = 40, side: int = 90) -> None:
    """Inner cell margins of a table, in twentieths of a point (text off the borders)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))
    mar = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top), ("left", side), ("bottom", bottom), ("right", side)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(value))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    if look is not None:
        look.addprevious(mar)
    else:
        tblpr.append(mar)


def fixed_width(table: Any, width_cm: float) -> None:
    """Give a table an exact total width and fixed column layout (LibreOffice honours it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:w"), str(round(width_cm / 2.54 * 1440)))
    tblw.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    # schema order: tblStyle, ..., tblW, jc, ..., tblLayout, tblCellMar, tblLook
    mar = tblpr.find(qn("w:tblCellMar"))
    look = tblpr.find(qn("w:tblLook"))
    anchor = mar if mar is not None else look
    if anchor is not None:
        anchor.addprevious(layout)
    else:
        tblpr.append(layout)
