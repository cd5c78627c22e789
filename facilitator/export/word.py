"""The docx renderer: the document for Word and LibreOffice (python-docx).

Real headings (Title, Heading 1 and 2), bullet and numbered lists, a table with a repeated
header row, signature blocks that never split across pages (keep with next, keep together),
a footer naming the case and session with the page number, on Letter paper. Text is set as
runs of literal text, so nothing a person typed becomes formatting; the characters XML cannot
hold become U+FFFD, and invisible direction overrides are dropped (the page shows the text in
its logical order, like the pdf).
"""

from __future__ import annotations

import io
import re

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx is built on it

from facilitator.export.document import (
    Block,
    Document,
    Heading,
    Items,
    Line,
    Paragraph,
    Signature,
    Span,
    Table,
)

# What XML 1.0 cannot carry (controls are already gone from every export), and the invisible
# overrides that could make a signed text display in another order than it reads.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
_HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
SIGNATURE_LINE = "Signature: ______________________________    Date: ________________"


def safe(text: str) -> str:
    """Text that a docx can hold and that shows in the order it reads."""
    return _OVERRIDES.sub("", _NOT_XML.sub("\ufffd", text))


# A docx property holds at most 255 characters (python-docx refuses more); the page shows it all.
PROPERTY_CHARS = 255


def _property(text: str) -> str:
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"


def render_docx(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    docx = new_docx()
    _page_setup(docx, document)
    body = _Body(docx)
    for block in document.blocks:
        _block(body, block)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _page_setup(docx: Docx, document: Document) -> None:
    section = docx.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    normal = docx.styles["Normal"]
    normal.font.size = Pt(11)
    properties = docx.core_properties
    properties.title = _property(safe(document.running_head))
    properties.author = "facilitator"
    properties.comments = ""
    footer = section.footer.paragraphs[0]
    footer.text = ""
    footer.add_run(safe(document.running_head) + "    page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8.5)


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A field Word fills in (the page number, the number of pages)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")  # 8.5 points, like the rest of the footer
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Body:
    """Writes the document's blocks as WordprocessingML into the body, with lxml.

    Set through the XML (python-docx's ``docx.oxml``) rather than one API call a paragraph:
    the API looks styles up by name on every call, which made a long agreement take a second.
    """

    def __init__(self, docx: Docx) -> None:
        self.body = docx.element.body
        self.end = self.body[-1]  # the section properties stay last
        self.styles = {name: docx.styles[name].style_id for name in _STYLE_NAMES}

    def _insert(self, element: etree._Element) -> None:
        self.end.addprevious(element)

    def paragraph(
        self,
        text: Line,
        style: str | None = None,
        *,
        keep_next: bool = False,
        keep_lines: bool = False,
        before: int | None = None,
        after: int | None = None,
    ) -> etree._Element:
        p = etree.Element(_W_P)
        if style or keep_next or keep_lines or before is not None or after is not None:
            properties = etree.SubElement(p, _W_PPR)
            if style:
                etree.SubElement(properties, _W_PSTYLE, {_W_VAL: self.styles[style]})
            if keep_next:
                etree.SubElement(properties, _W_KEEPNEXT)
            if keep_lines:
                etree.SubElement(properties, _W_KEEPLINES)
            if before is not None or after is not None:
                spacing = {_W_BEFORE: str(before or 0), _W_AFTER: str(after or 0)}
                etree.SubElement(properties, _W_SPACING, spacing)
        _runs(p, text)
        return p

    def add(self, element: etree._Element) -> None:
        self._insert(element)

    def table(self, block: Table) -> None:
        columns = len(block.header)
        weights = block.widths if len(block.widths) == columns else (1.0,) * columns
        total = sum(weights)
        widths = [str(int(_TEXT_TWIPS * w / total)) for w in weights]
        table = etree.Element(_W_TBL)
        properties = etree.SubElement(table, _W_TBLPR)
        etree.SubElement(properties, _W_TBLSTYLE, {_W_VAL: self.styles["Table Grid"]})
        etree.SubElement(properties, _W_TBLW, {_W_W: str(_TEXT_TWIPS), _W_TYPE: "dxa"})
        grid = etree.SubElement(table, _W_TBLGRID)
        for width in widths:
            etree.SubElement(grid, _W_GRIDCOL, {_W_W: width})
        header = tuple((Span(title, strong=True),) for title in block.header)
        for index, row in enumerate((header, *block.rows)):
            tr = etree.SubElement(table, _W_TR)
            if index == 0:
                etree.SubElement(etree.SubElement(tr, _W_TRPR), _W_TBLHEADER)
            for text, width in zip(row, widths, strict=True):
                tc = etree.SubElement(tr, _W_TC)
                etree.SubElement(etree.SubElement(tc, _W_TCPR), _W_TCW, {_W_W: width, _W_TYPE: "dxa"})
                tc.append(self.paragraph(text, after=0))
        self._insert(table)
        self._insert(self.paragraph(()))


def _runs(p: etree._Element, text: Line) -> None:
    for span in text:
        run = etree.SubElement(p, _W_R)
        if span.strong:
            etree.SubElement(etree.SubElement(run, _W_RPR), _W_B)
        t = etree.SubElement(run, _W_T)
        t.text = safe(span.text)
        t.set(_XML_SPACE, "preserve")


_STYLE_NAMES = (
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Bullet 2",
    "List Number",
    "Table Grid",
)
_TEXT_TWIPS = 9360  # 6.5 inches between the margins
_W_P, _W_PPR, _W_PSTYLE, _W_KEEPNEXT, _W_KEEPLINES, _W_SPACING = (
    qn("w:p"),
    qn("w:pPr"),
    qn("w:pStyle"),
    qn("w:keepNext"),
    qn("w:keepLines"),
    qn("w:spacing"),
)
_W_R, _W_RPR, _W_B, _W_T = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:t")
_W_VAL, _W_BEFORE, _W_AFTER, _W_W, _W_TYPE = (
    qn("w:val"),
    qn("w:before"),
    qn("w:after"),
    qn("w:w"),
    qn("w:type"),
)
_W_TBL, _W_TBLPR, _W_TBLSTYLE, _W_TBLW, _W_TBLGRID, _W_GRIDCOL = (
    qn("w:tbl"),
    qn("w:tblPr"),
    qn("w:tblStyle"),
    qn("w:tblW"),
    qn("w:tblGrid"),
    qn("w:gridCol"),
)
_W_TR, _W_TRPR, _W_TBLHEADER, _W_TC, _W_TCPR, _W_TCW = (
    qn("w:tr"),
    qn("w:trPr"),
    qn("w:tblHeader"),
    qn("w:tc"),
    qn("w:tcPr"),
    qn("w:tcW"),
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _block(body: _Body, block: Block) -> None:
    if isinstance(block, Heading):
        body.add(body.paragraph(block.text, _HEADING_STYLES.get(block.level, "Heading 3")))
    elif isinstance(block, Paragraph):
        body.add(body.paragraph(block.text))
    elif isinstance(block, Items):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            body.add(body.paragraph(item.text, style, keep_next=bool(item.details)))
            for detail in item.details:
                body.add(body.paragraph(detail, "List Bullet 2"))
    elif isinstance(block, Table):
        body.table(block)
    elif isinstance(block, Signature):
        # Who signs, a space, then the lines to sign and date: kept together on one page.
        if block.name is None:
            who: Line = (Span(f"{block.role}, name: ", strong=True), Span("______________________________"))
        else:
            who = (Span(f"{block.role}: ", strong=True), Span(block.name))
        body.add(body.paragraph(who, keep_next=True, keep_lines=True, before=240, after=0))
        body.add(body.paragraph((), keep_next=True, keep_lines=True, before=0, after=240))
        body.add(body.paragraph((Span(SIGNATURE_LINE),), keep_lines=True))
