"""The pdf renderer: the document on Letter paper, ready to print (fpdf2, DejaVu Sans).

Layout is done here, in two passes: the blocks are set into pages first (our own line
breaking, measured with the font's advance widths, which is linear in the text), then the
pages are drawn, so every footer can say "page 2 of 5". Signature blocks and a heading with
what follows it are kept on one page. fpdf2 makes the file (pages, fills, the embedded font
subsets); text and rules are written as pdf operators here (see _Content), since fpdf2's
text() and line() were a third of an export.

What people type is carried by DejaVu Sans (Latin with Vietnamese, Greek, Cyrillic, Hebrew,
Arabic, many symbols), bundled in ``fonts/`` under its free licence and split in two (see
tools/split_fonts.py): every document embeds the core half, and the other half only when its
text needs it. fpdf2 reads each file once a process (see _add_font). A character neither
half has (a CJK name, most emoji) becomes U+FFFD, one for a whole emoji sequence; invisible
direction overrides are dropped, so the page shows the text in its logical order. Text with
right-to-left or combining characters goes through fpdf2's text shaping (HarfBuzz, with the
Unicode bidirectional algorithm).
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.errors import FPDFException
from fpdf.fonts import SubsetMap, TTFFont

from facilitator.export.document import (
    Block,
    Document,
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Signature,
    Span,
    Table,
)

FONTS = Path(__file__).parent / "fonts"
# (bold, more) -> the file: the core half of each style, and the rest of DejaVu Sans.
FONT_FILES = {
    (bold, more): FONTS / f"DejaVuSans{'-Bold' if bold else ''}-{'More' if more else 'Core'}.ttf"
    for bold in (False, True)
    for more in (False, True)
}
FAMILIES = {False: "DejaVu", True: "DejaVuMore"}

# Letter paper, in points; one-inch side margins.
PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 64.0, 72.0
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
FOOTER_BASELINE = PAGE_HEIGHT - 40.0

BODY = 10.5
SMALL = 8.5
HEADING_SIZES = {1: 17.0, 2: 13.0, 3: 11.5}
LEADING = 1.38  # line height over font size
INDENT = 16.0  # a list's text, from its marker
GRAY = 110

REPLACEMENT = "\ufffd"
# Invisible marks that only steer direction; dropped (see the module's docstring).
_DIRECTION_MARKS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What continues an emoji sequence: joiners, variation selectors, skin tones, tag characters.
_SEQUENCE_PARTS = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
# Characters that need shaping: right-to-left scripts and combining marks.
_NEEDS_SHAPING = re.compile("[\u0300-\u036f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

# fpdf2 logs through "fpdf"; a missing glyph is handled above, so its notices stay quiet.
logging.getLogger("fpdf").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


# ---------------------------------------------------------------- the font


@lru_cache(maxsize=4)
def _parsed(bold: bool, more: bool) -> TTFFont:
    """fpdf2's reading of one font file (its character map, widths and descriptor), made once
    a process: fpdf2 would read the whole file again for every document (see _add_font)."""
    reader = FPDF(unit="pt")
    reader.add_font(FAMILIES[more], "B" if bold else "", FONT_FILES[bold, more])
    font = next(iter(reader.fonts.values()))
    assert isinstance(font, TTFFont)
    return font


@lru_cache(maxsize=4)
def _file(bold: bool, more: bool) -> bytes:
    return FONT_FILES[bold, more].read_bytes()


def _add_font(pdf: FPDF, bold: bool, more: bool) -> TTFFont:
    """This document's copy of a font: fpdf2's reading of the file is shared with every other
    document, and what fpdf2 changes while it writes one (the characters used, the descriptor
    it numbers, the file it cuts the subset from) is the document's own."""
    font = copy.copy(_parsed(bold, more))
    font.i = len(pdf.fonts) + 1
    font.subset = SubsetMap(font)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.desc = copy.copy(font.desc)
    # fpdf2 cuts the embedded subset out of this in place, so each document opens the file
    # afresh (lazily: only the tables the subset needs are read). The glyph order is known
    # already, and the outlines keep the bounds they have.
    embedded = TTFont(BytesIO(_file(bold, more)), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    embedded.setGlyphOrder(list(font.ttfont.getGlyphOrder()))
    font.ttfont = embedded
    pdf.fonts[font.fontkey] = font
    return font


class _Metrics:
    """The advance widths of one font's characters, and which characters it has."""

    def __init__(self, widths: dict[int, float]) -> None:
        self.widths = widths  # thousandths of the font size, as the pdf gives them to a reader
        shown = sorted(code for code in widths if chr(code) not in _DIRECTION_MARKS)
        self.unshown = re.compile(f"[^{_ranges(shown)}]")
        self.words: dict[str, float] = {}  # what measure() found, in thousandths

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` at ``size`` points."""
        known = self.words.get(text)
        return (self.measure(text) if known is None else known) * size / 1000.0

    def measure(self, text: str) -> float:
        """The width of ``text`` in thousandths of the font size; short words are measured
        once a process."""
        widths = self.widths
        known = sum(widths.get(ord(char), 600.0) for char in text)
        if len(text) <= 48:  # words and short labels repeat; long text is measured afresh
            if len(self.words) > 50_000:  # a bound for a process that exports for days
                self.words.clear()
            self.words[text] = known
        return known


def _ranges(codes: list[int]) -> str:
    """A regular-expression character class body for sorted code points."""
    parts = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
        start = previous = code
    return "".join(parts)


@lru_cache(maxsize=4)
def _widths(bold: bool, more: bool) -> dict[int, float]:
    return dict(_parsed(bold, more).cw)


@lru_cache(maxsize=2)
def _core(bold: bool) -> _Metrics:
    """The core half of a style, which most documents need alone."""
    return _Metrics(_widths(bold, False))


@lru_cache(maxsize=2)
def _full(bold: bool) -> _Metrics:
    """Every character of a style, whichever half has it (read only when some text needs it)."""
    return _Metrics({**_widths(bold, True), **_widths(bold, False)})


def _shown(text: str, bold: bool) -> tuple[str, _Metrics]:
    """``text`` as the page shows it (see printable), with the widths to measure it by."""
    text = text.replace("\t", " ")  # a tab typed in a field is a space on the page: the font has no tab
    core = _core(bold)
    if not core.unshown.search(text):
        return text, core
    return printable(text, bold), _full(bold)


def _halves(text: str, bold: bool) -> list[tuple[str, bool]]:
    """``text`` cut into pieces for the core half (False) and the other half (True).

    A character both halves have (a space, punctuation) stays with the piece it is in, so a
    right-to-left name is shaped as one piece with its spaces.
    """
    core = _core(bold)
    if not core.unshown.search(text):
        return [(text, False)]
    core_widths = core.widths
    more_widths = _widths(bold, True)
    pieces: list[tuple[list[str], bool]] = []
    for char in text:
        code = ord(char)
        if code in core_widths and code in more_widths:
            more = pieces[-1][1] if pieces else False
        else:
            more = code not in core_widths
        if pieces and pieces[-1][1] == more:
            pieces[-1][0].append(char)
        else:
            pieces.append(([char], more))
    return [("".join(chars), more) for chars, more in pieces]


def printable(text: str, bold: bool = False) -> str:
    """``text`` with what the font cannot show replaced by U+FFFD (one per emoji sequence)
    and direction overrides dropped."""
    if not _core(bold).unshown.search(text):  # the common case, without reading the other half
        return text
    metrics = _full(bold)
    if not metrics.unshown.search(text):
        return text
    widths = metrics.widths
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in _DIRECTION_MARKS:
            continue
        if ord(char) in widths and not (out and out[-1] == REPLACEMENT and _SEQUENCE_PARTS.match(char)):
            out.append(char)
        elif not (out and out[-1] == REPLACEMENT):
            out.append(REPLACEMENT)
    return "".join(out)


# ---------------------------------------------------------------- setting lines


@dataclass(frozen=True, slots=True)
class _Run:
    """Text of one style on one line, with its width at the size it was set in."""

    text: str
    bold: bool
    width: float


@dataclass(slots=True)
class _Op:
    """One thing drawn on a page."""

    kind: str  # "text", "line" or "fill"
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    text: str = ""
    bold: bool = False
    size: float = BODY
    gray: int = 0


class _Lines:
    """Lines being filled word by word; neighbouring words of one style share one run."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.done: list[list[_Run]] = []
        self.runs: list[_Run] = []  # the line being filled
        self.used = 0.0  # its width so far
        self.spaces = 0  # read since the last word was set; a line never starts with them

    def span(self, words: list[str], bold: bool, metrics: _Metrics, size: float) -> None:
        """One span's words (its text split at each space), set after what is there already."""
        width = self.width
        space = metrics.width(" ", size)
        measured, scale = metrics.words, size / 1000.0
        parts: list[str] = []  # this span's text on the line being filled
        used = start = self.used
        spaces = self.spaces
        for index, word in enumerate(words):
            if index:
                spaces += 1
            if not word:
                continue
            known = measured.get(word)
            word_width = (metrics.measure(word) if known is None else known) * scale
            if parts or self.runs:
                gap = spaces * space
                if used + gap + word_width > width:
                    self._end_line(parts, bold, used - start)
                    parts, used, start = [], 0.0, 0.0
                else:
                    parts.append(" " * spaces)
                    used += gap
            spaces = 0
            while word_width > width - used:  # a word wider than the line is broken
                head = _fitting(word, width - used, size, metrics)
                if not head and (parts or self.runs):
                    self._end_line(parts, bold, used - start)
                    parts, used, start = [], 0.0, 0.0
                    continue
                head = head or word[0]  # not even one character fits: set it anyway
                parts.append(head)
                self._end_line(parts, bold, used - start + metrics.width(head, size))
                parts, used, start = [], 0.0, 0.0
                word = word[len(head) :]
                word_width -= metrics.width(head, size)  # measuring the rest again made this quadratic
            if word:
                parts.append(word)
                used += word_width
        self._add_run(parts, bold, used - start)
        self.used, self.spaces = used, spaces

    def _add_run(self, parts: list[str], bold: bool, width: float) -> None:
        if not parts:
            return
        text = "".join(parts)
        if self.runs and self.runs[-1].bold == bold:
            last = self.runs[-1]
            self.runs[-1] = _Run(last.text + text, bold, last.width + width)
        else:
            self.runs.append(_Run(text, bold, width))

    def _end_line(self, parts: list[str], bold: bool, width: float) -> None:
        self._add_run(parts, bold, width)
        self.done.append(self.runs)
        self.runs, self.used = [], 0.0

    def finish(self) -> list[list[_Run]]:
        if self.runs:
            self._end_line([], False, 0.0)
        return self.done or [[]]


def _wrap(text: Line, width: float, size: float, bold: bool = False) -> list[list[_Run]]:
    """``text`` broken into lines of at most ``width`` points: at spaces, and inside a word
    only when the word alone is wider than a line."""
    lines = _Lines(width)
    for span in text:
        strong = bold or span.strong
        shown, metrics = _shown(span.text, strong)
        lines.span(shown.split(" "), strong, metrics, size)
    return lines.finish()


def _fitting(word: str, room: float, size: float, metrics: _Metrics) -> str:
    """The longest start of ``word`` that fits in ``room`` points."""
    used = 0.0
    widths = metrics.widths
    for index, char in enumerate(word):
        used += widths.get(ord(char), 600.0) * size / 1000.0
        if used > room:
            return word[:index]
    return word


# ---------------------------------------------------------------- pages


@dataclass(slots=True)
class _Layout:
    """The pages being set: a list of drawing operations each, and where the next line goes."""

    pages: list[list[_Op]] = field(default_factory=lambda: [[]])
    y: float = TOP

    @property
    def room(self) -> float:
        return PAGE_HEIGHT - BOTTOM - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (a fresh page always takes it)."""
        if height > self.room and self.y > TOP:
            self.new_page()

    def lines(self, lines: list[list[_Run]], x: float, size: float, gray: int = 0) -> None:
        step = size * LEADING
        for runs in lines:
            if step > self.room and self.y > TOP:
                self.new_page()
            baseline = self.y + size * 1.02
            left = x
            for run in runs:
                op = _Op("text", left, baseline, text=run.text, bold=run.bold, size=size, gray=gray)
                self.pages[-1].append(op)
                left += run.width
            self.y += step

    def rule(self, x: float, width: float, gray: int = 170, weight: float = 0.6) -> None:
        self.pages[-1].append(_Op("line", x, self.y, w=width, h=weight, gray=gray))


def _height(lines: int, size: float) -> float:
    return lines * size * LEADING


def _set(layout: _Layout, block: Block, following: Block | None) -> None:
    if isinstance(block, Heading):
        size = HEADING_SIZES.get(block.level, BODY)
        lines = _wrap(block.text, TEXT_WIDTH, size, bold=True)
        before = 0.0 if layout.y == TOP else (14.0 if block.level <= 2 else 8.0)
        # A heading never ends a page: keep it with the first lines of what follows.
        layout.need(before + _height(len(lines), size) + _first_lines_height(following))
        layout.y += 0.0 if layout.y == TOP else before
        layout.lines(lines, LEFT, size)
        if block.level == 1:
            layout.y += 2.0
            layout.rule(LEFT, TEXT_WIDTH, gray=120, weight=0.8)
        layout.y += 5.0
    elif isinstance(block, Paragraph):
        layout.lines(_wrap(block.text, TEXT_WIDTH, BODY), LEFT, BODY)
        layout.y += 6.0
    elif isinstance(block, Items):
        for number, item in enumerate(block.items, start=1):
            _set_item(layout, item, f"{number}." if block.numbered else None, numbered=block.numbered)
        layout.y += 4.0
    elif isinstance(block, Table):
        _set_table(layout, block)
        layout.y += 8.0
    elif isinstance(block, Signature):
        _set_signature(layout, block)


def _first_lines_height(block: Block | None) -> float:
    if block is None or isinstance(block, Heading):
        return 0.0
    if isinstance(block, Signature):
        return _SIGNATURE_HEIGHT
    return _height(2, BODY) + 6.0


def _set_item(layout: _Layout, item: Item, marker: str | None, *, numbered: bool) -> None:
    """A list item: its number, or a bullet, then its text; its details as a dashed list.

    Bullets and dashes are drawn, not set as text: a long list has a thousand of them.
    """
    indent = INDENT + (6.0 if numbered else 0.0)
    head = _wrap(item.text, TEXT_WIDTH - indent, BODY)
    layout.need(_height(min(len(head), 2), BODY))
    if marker is None:
        size = BODY * 0.3
        layout.pages[-1].append(_Op("fill", LEFT + 1.5, layout.y + BODY * 0.62, w=size, h=size, gray=0))
    else:
        layout.pages[-1].append(_Op("text", LEFT, layout.y + BODY * 1.02, text=marker, size=BODY))
    layout.lines(head, LEFT + indent, BODY)
    for detail in item.details:
        lines = _wrap(detail, TEXT_WIDTH - indent - INDENT, BODY)
        layout.need(_height(1, BODY))
        dash_y = layout.y + BODY * 0.72
        layout.pages[-1].append(_Op("line", LEFT + indent, dash_y, w=BODY * 0.45, h=0.6, gray=0))
        layout.lines(lines, LEFT + indent + INDENT * 0.75, BODY)
    layout.y += 2.0


def _set_table(layout: _Layout, table: Table) -> None:
    weights = table.widths if len(table.widths) == len(table.header) else (1.0,) * len(table.header)
    total = sum(weights)
    widths = [TEXT_WIDTH * w / total for w in weights]
    pad = 4.0
    header = [
        _wrap((Span(cell, strong=True),), w - 2 * pad, BODY)
        for cell, w in zip(table.header, widths, strict=True)
    ]

    def draw_header() -> None:
        rows = max(len(c) for c in header)
        height = _height(rows, BODY) + 2 * pad
        layout.pages[-1].append(_Op("fill", LEFT, layout.y, w=TEXT_WIDTH, h=height, gray=236))
        _row_cells(layout, header, widths, pad, rows)
        layout.y += 2 * pad
        layout.rule(LEFT, TEXT_WIDTH, gray=120)

    first_row = (
        max(
            (len(_wrap(cell, w - 2 * pad, BODY)) for cell, w in zip(table.rows[0], widths, strict=True)),
            default=1,
        )
        if table.rows
        else 0
    )
    layout.need(_height(max(len(c) for c in header) + min(first_row, 3), BODY) + 4 * pad)
    draw_header()
    for row in table.rows:
        cells = [_wrap(cell, w - 2 * pad, BODY) for cell, w in zip(row, widths, strict=True)]
        count = max(len(c) for c in cells)
        # A row is kept on one page when it fits on one; a longer one continues on the next.
        if _height(min(count, 40), BODY) + 2 * pad > layout.room and layout.y > TOP:
            layout.new_page()
            draw_header()
        start = 0
        while start < count:
            fits = max(1, int((layout.room - 2 * pad) // (BODY * LEADING)))
            end = min(count, start + fits)
            _row_cells(layout, [c[start:end] for c in cells], widths, pad, end - start)
            layout.y += 2 * pad
            layout.rule(LEFT, TEXT_WIDTH)
            start = end
            if start < count:
                layout.new_page()
                draw_header()


def _row_cells(
    layout: _Layout, cells: list[list[list[_Run]]], widths: list[float], pad: float, rows: int
) -> None:
    top = layout.y
    x = LEFT
    for lines, width in zip(cells, widths, strict=True):
        layout.y = top + pad
        layout.lines(lines, x + pad, BODY)
        x += width
    layout.y = top + pad + _height(rows, BODY)


_SIGNATURE_HEIGHT = 78.0


def _set_signature(layout: _Layout, block: Signature) -> None:
    """A name line, then the lines to sign and date, always together on one page."""
    who: Line = (
        (Span(f"{block.role}: ", strong=True), Span(block.name))
        if block.name
        else (Span(f"{block.role}, name: ", strong=True),)
    )
    name_lines = _wrap(who, TEXT_WIDTH, BODY)
    layout.need(_SIGNATURE_HEIGHT + _height(len(name_lines) - 1, BODY))
    layout.y += 6.0
    layout.lines(name_lines, LEFT, BODY)
    if block.name is None:
        last = name_lines[-1]
        used = sum(run.width for run in last)
        layout.y -= 3.0
        layout.rule(LEFT + used + 4, min(200.0, TEXT_WIDTH - used - 4), gray=0, weight=0.5)
        layout.y += 3.0
    layout.y += 30.0
    signature_width, date_width = 290.0, 130.0
    layout.rule(LEFT, signature_width, gray=0, weight=0.6)
    layout.rule(LEFT + TEXT_WIDTH - date_width, date_width, gray=0, weight=0.6)
    layout.y += 2.0
    layout.lines(_wrap((Span("Signature"),), signature_width, SMALL), LEFT, SMALL, gray=GRAY)
    layout.y -= SMALL * LEADING
    layout.lines(_wrap((Span("Date"),), date_width, SMALL), LEFT + TEXT_WIDTH - date_width, SMALL, gray=GRAY)
    layout.y += 10.0


FOOTER_CHARS = 500


def _footer(running_head: str, page: int, pages: int) -> list[_Op]:
    number = f"Page {page} of {pages}"
    number_width = _core(False).width(number, SMALL)
    room = TEXT_WIDTH - number_width - 24
    # A footer holds one short line: a title of thousands of characters is not measured whole.
    head = running_head[:FOOTER_CHARS]
    title, metrics = _shown(head, False)
    if len(head) < len(running_head) or metrics.width(title, SMALL) > room:
        title = _fitting(title, room - metrics.width("…", SMALL), SMALL, metrics) + "…"
    return [
        _Op("line", LEFT, FOOTER_BASELINE - 12, w=TEXT_WIDTH, h=0.4, gray=190),
        _Op("text", LEFT, FOOTER_BASELINE, text=title, size=SMALL, gray=GRAY),
        _Op("text", PAGE_WIDTH - RIGHT - number_width, FOOTER_BASELINE, text=number, size=SMALL, gray=GRAY),
    ]


# ---------------------------------------------------------------- drawing


def render_pdf(document: Document) -> bytes:
    """The document as the bytes of a pdf file on Letter paper."""
    layout = _Layout()
    blocks = document.blocks
    for index, block in enumerate(blocks):
        _set(layout, block, blocks[index + 1] if index + 1 < len(blocks) else None)
    if not layout.pages[-1] and len(layout.pages) > 1:
        layout.pages.pop()

    pdf = FPDF(orientation="portrait", unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.c_margin = 0  # shaped lines are set as cells, placed exactly like the others
    fonts = {needed: _add_font(pdf, *needed) for needed in _fonts_needed(layout.pages, document.running_head)}
    pdf.set_title(printable(document.running_head))
    pdf.set_creator("facilitator")
    pdf.set_lang("en-US")
    content = _Content(pdf, fonts)
    total = len(layout.pages)
    for number, ops in enumerate(layout.pages, start=1):
        pdf.add_page()
        _draw(pdf, content, [*ops, *_footer(document.running_head, number, total)])
    return bytes(pdf.output())


def _fonts_needed(pages: list[list[_Op]], running_head: str) -> list[tuple[bool, bool]]:
    """The font files a document uses: both core halves, and the other half of a style only
    when some text needs it."""
    needed = {(False, False), (True, False)}
    for bold in (False, True):
        unshown = _core(bold).unshown
        if any(
            op.kind == "text" and op.bold == bold and unshown.search(op.text) for ops in pages for op in ops
        ):
            needed.add((bold, True))
    if _core(False).unshown.search(printable(running_head)):
        needed.add((False, True))
    return sorted(needed)


def _draw(pdf: FPDF, content: _Content, ops: list[_Op]) -> None:
    # In reading order, so that copying text from the page (or a screen reader) reads it right.
    for op in ops:
        if op.kind == "text":
            x = op.x
            pieces = _halves(op.text, op.bold)
            for index, (piece, more) in enumerate(pieces):
                if _NEEDS_SHAPING.search(piece):
                    content.end()
                    pdf.set_font(FAMILIES[more], "B" if op.bold else "", op.size)
                    pdf.set_text_color(op.gray)
                    x = _shaped(pdf, piece, x, op.y, op.size)
                else:
                    content.text(piece, (op.bold, more), op.size, op.gray, x, op.y)
                    if index + 1 < len(pieces):
                        x += _full(op.bold).width(piece, op.size)
        elif op.kind == "line":
            content.rule(op.x, op.y, op.w, op.h, op.gray)
        else:
            content.end()
            pdf.set_fill_color(op.gray)
            if op.w == op.h and op.w < 5:  # a bullet
                pdf.ellipse(op.x, op.y, op.w, op.h, style="F")
            else:
                pdf.rect(op.x, op.y, op.w, op.h, style="F")
    content.end()


# A pdf string's bytes that need a backslash.
_PDF_STRING_ESCAPES = {ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)", ord("\r"): "\\r"}


class _Content:
    """Text and rules written into a page's content as pdf operators, in reading order.

    fpdf2's text() costs about 7 µs a call and a quarter of a µs a character, and its line()
    with its colour and width 9 µs, which was a third of an export; here a piece of a line is
    one short text object whose characters become their codes in the embedded subset through
    one str.translate, and a rule is one path. fpdf2 still picks those codes (and so embeds
    the glyphs), and writes the pages, the fonts and the file. This is the one place that
    uses fpdf2 below its documented API: a font's subset map (TTFFont.subset), a page's
    content (FPDF._out) and the fonts a page uses (FPDF._resource_catalog);
    tests/test_export_formats.py reads the result back.
    """

    def __init__(self, pdf: FPDF, fonts: dict[tuple[bool, bool], TTFFont]) -> None:
        self.pdf = pdf
        self.fonts = fonts
        # Per font: each character met so far, and its code in the subset as pdf string bytes.
        self.seen: dict[int, set[str]] = {font.i: set() for font in fonts.values()}
        self.codes: dict[int, dict[int, str]] = {font.i: {} for font in fonts.values()}
        self.group: list[str] = []  # operators not yet on the page
        self.font: tuple[int, float] | None = None
        self.gray: int | None = None
        self.pen: tuple[int, float] | None = None

    def text(
        self, text: str, font_file: tuple[bool, bool], size: float, gray: int, x: float, baseline: float
    ) -> None:
        font = self.fonts[font_file]
        group = self._group()
        if gray != self.gray:
            self.gray = gray
            group.append(f"{gray / 255:.3f} g")
        begin = "BT"
        if (font.i, size) != self.font:
            self.font = (font.i, size)
            self.pdf._resource_catalog.add(PDFResourceType.FONT, font.i, self.pdf.page)
            begin = f"BT /F{font.i} {size:.2f} Tf"
        group.append(f"{begin} {x:.2f} {PAGE_HEIGHT - baseline:.2f} Td ({self._encoded(text, font)}) Tj ET")

    def rule(self, x: float, y: float, width: float, weight: float, gray: int) -> None:
        group = self._group()
        if (gray, weight) != self.pen:
            self.pen = (gray, weight)
            group.append(f"{gray / 255:.3f} G {weight:.2f} w")
        y = PAGE_HEIGHT - y
        group.append(f"{x:.2f} {y:.2f} m {x + width:.2f} {y:.2f} l S")

    def end(self) -> None:
        """Write what is set so far to the page (before anything fpdf2 draws itself)."""
        if self.group:
            self.group.append("Q")
            self.pdf._out("\n".join(self.group))
            self.group = []

    def _group(self) -> list[str]:
        if not self.group:
            # The group's font, colours and line width end with it (q ... Q), so fpdf2's own
            # idea of them stays true.
            self.group.append("q")
            self.font = self.gray = self.pen = None
        return self.group

    def _encoded(self, text: str, font: TTFFont) -> str:
        seen, codes = self.seen[font.i], self.codes[font.i]
        if not seen.issuperset(text):
            for char in text:  # in reading order, so the same document gets the same codes
                if char not in seen:
                    seen.add(char)
                    code = font.subset.pick(ord(char))
                    as_bytes = "" if code is None else chr(code >> 8) + chr(code & 0xFF)
                    codes[ord(char)] = as_bytes.translate(_PDF_STRING_ESCAPES)
        return text.translate(codes)


def _shaped(pdf: FPDF, text: str, x: float, baseline: float, size: float) -> float:
    """Right-to-left and combining text, set by the shaping engine in its visual order;
    returns where the next piece of the line starts (shaped text is often narrower)."""
    try:
        pdf.set_text_shaping(True, direction="ltr")
        # A cell centres its text: baseline = top + h / 2 + 0.3 * size.
        pdf.set_xy(x, baseline - size * 0.9)
        pdf.cell(text=text, h=size * 1.2)
        return float(pdf.get_x())
    except FPDFException:  # no shaping engine: the characters in their stored order
        pdf.text(x, baseline, text)
        return x + pdf.get_string_width(text)
    finally:
        pdf.set_text_shaping(False)
