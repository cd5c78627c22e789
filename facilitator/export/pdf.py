"""The pdf renderer: the document on Letter paper, ready to print (fpdf2, DejaVu Sans).

Layout is done here, in two passes: the blocks are set into pages first (our own line
breaking, measured with the font's advance widths, which is linear in the text), then the
pages are drawn with fpdf2, so every footer can say "page 2 of 5". Signature blocks and a
heading with what follows it are kept on one page.

What people type is carried by DejaVu Sans (Latin with Vietnamese, Greek, Cyrillic, Hebrew,
Arabic, many symbols), bundled in ``fonts/`` under its free licence and split in two (see
tools/split_fonts.py): every document embeds the core half, and the other half only when its
text needs it, since fpdf2 reads a whole font for each document. A character neither half has
(a CJK name, most emoji) becomes U+FFFD, one for a whole emoji sequence; invisible direction
overrides are dropped, so the page shows the text in its logical order. Text with
right-to-left or combining characters goes through fpdf2's text shaping (HarfBuzz, with the
Unicode bidirectional algorithm).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.errors import FPDFException

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
_SPACES = re.compile("( +)")
# Characters that need shaping: right-to-left scripts and combining marks.
_NEEDS_SHAPING = re.compile("[\u0300-\u036f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

# fpdf2 logs through "fpdf"; a missing glyph is handled above, so its notices stay quiet.
logging.getLogger("fpdf").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


# ---------------------------------------------------------------- the font


class _Metrics:
    """The advance widths of one font's characters, and which characters it has."""

    def __init__(self, widths: dict[int, float]) -> None:
        self.widths = widths  # thousandths of the font size
        shown = sorted(code for code in widths if chr(code) not in _DIRECTION_MARKS)
        self.unshown = re.compile(f"[^{_ranges(shown)}]")
        self._words: dict[str, float] = {}

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` at ``size`` points; short words are measured once a process."""
        known = self._words.get(text)
        if known is None:
            widths = self.widths
            known = sum(widths.get(ord(char), 600.0) for char in text)
            if len(text) <= 48:  # words and short labels repeat; long text is measured afresh
                if len(self._words) > 50_000:  # a bound for a process that exports for days
                    self._words.clear()
                self._words[text] = known
        return known * size / 1000.0


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
def _font_widths(bold: bool, more: bool) -> dict[int, float]:
    """One font file's character widths, read once a process (the files never change)."""
    font = TTFont(FONT_FILES[bold, more], lazy=True)
    scale = 1000.0 / font["head"].unitsPerEm
    advances = font["hmtx"].metrics
    widths = {code: advances[glyph][0] * scale for code, glyph in font.getBestCmap().items()}
    font.close()
    return widths


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> _Metrics:
    """The widths of every character of a style, whichever half of the font has it."""
    return _Metrics({**_font_widths(bold, True), **_font_widths(bold, False)})


@lru_cache(maxsize=2)
def _core(bold: bool) -> _Metrics:
    return _Metrics(_font_widths(bold, False))


def _halves(text: str, bold: bool) -> list[tuple[str, bool]]:
    """``text`` cut into pieces for the core half (False) and the other half (True).

    A character both halves have (a space, punctuation) stays with the piece it is in, so a
    right-to-left name is shaped as one piece with its spaces.
    """
    core = _core(bold)
    if not core.unshown.search(text):
        return [(text, False)]
    core_widths = core.widths
    more_widths = _font_widths(bold, True)
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
    metrics = _metrics(bold)
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

    def __init__(self) -> None:
        self.done: list[list[_Run]] = []
        self.runs: list[_Run] = []
        self.parts: list[str] = []
        self.bold = False
        self.width = 0.0  # of the parts
        self.used = 0.0  # of the whole line

    def add(self, text: str, bold: bool, width: float) -> None:
        if self.parts and bold != self.bold:
            self._close_run()
        self.bold = bold
        self.parts.append(text)
        self.width += width
        self.used += width

    def _close_run(self) -> None:
        if self.parts:
            self.runs.append(_Run("".join(self.parts), self.bold, self.width))
            self.parts, self.width = [], 0.0

    def end_line(self) -> None:
        self._close_run()
        self.done.append(self.runs)
        self.runs, self.used = [], 0.0

    @property
    def empty(self) -> bool:
        return not self.parts and not self.runs


def _wrap(text: Line, width: float, size: float, bold: bool = False) -> list[list[_Run]]:
    """``text`` broken into lines of at most ``width`` points: at spaces, and inside a word
    only when the word alone is wider than a line."""
    lines = _Lines()
    space = ""
    for span in text:
        strong = bold or span.strong
        metrics = _metrics(strong)
        shown = printable(span.text, strong)
        # A span too long to fit in ordinary letters goes straight to word-by-word breaking
        # (which is always right); measuring it whole first would only be wasted.
        fits = len(shown) * size * 0.25 <= width - lines.used
        whole = metrics.width(shown, size) if fits else width + 1.0
        if whole <= width - lines.used - (
            metrics.width(space, size) if space else 0.0
        ) and not shown.startswith(" "):
            # The common case: the whole span fits on the line as it stands.
            if space:
                lines.add(space, strong, metrics.width(space, size))
                space = ""
            trailing = len(shown) - len(shown.rstrip(" "))
            if trailing:
                lines.add(shown[:-trailing], strong, metrics.width(shown[:-trailing], size))
                space = shown[-trailing:]
            elif shown:
                lines.add(shown, strong, whole)
            continue
        for piece in _SPACES.split(shown):
            if not piece:
                continue
            if piece[0] == " ":
                space = piece if not lines.empty else ""
                continue
            piece_width = metrics.width(piece, size)
            gap = metrics.width(space, size) if space else 0.0
            if not lines.empty and lines.used + gap + piece_width > width:
                lines.end_line()
                space, gap = "", 0.0
            if space:
                lines.add(space, strong, gap)
                space = ""
            while piece_width > width - lines.used:  # a word wider than the line is broken
                head = _fitting(piece, width - lines.used, size, metrics)
                if not head and not lines.empty:
                    lines.end_line()
                    continue
                head = head or piece[0]  # not even one character fits: set it anyway
                lines.add(head, strong, metrics.width(head, size))
                lines.end_line()
                piece = piece[len(head) :]
                piece_width = metrics.width(piece, size)
            if piece:
                lines.add(piece, strong, piece_width)
    if not lines.empty:
        lines.end_line()
    return lines.done or [[]]


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


def _footer(running_head: str, page: int, pages: int) -> list[_Op]:
    number = f"Page {page} of {pages}"
    number_width = _metrics(False).width(number, SMALL)
    room = TEXT_WIDTH - number_width - 24
    title = printable(running_head)
    if _metrics(False).width(title, SMALL) > room:
        title = _fitting(title, room - _metrics(False).width("…", SMALL), SMALL, _metrics(False)) + "…"
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
    for bold, more in _fonts_needed(layout.pages, document.running_head):
        pdf.add_font(FAMILIES[more], "B" if bold else "", FONT_FILES[bold, more])
    pdf.set_title(printable(document.running_head))
    pdf.set_creator("facilitator")
    pdf.set_lang("en-US")
    total = len(layout.pages)
    for number, ops in enumerate(layout.pages, start=1):
        pdf.add_page()
        _draw(pdf, [*ops, *_footer(document.running_head, number, total)])
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


def _draw(pdf: FPDF, ops: list[_Op]) -> None:
    style: tuple[bool, bool, float] | None = None
    gray: int | None = None
    # In reading order, so that copying text from the page (or a screen reader) reads it right.
    for op in ops:
        if op.kind == "text":
            if op.gray != gray:
                gray = op.gray
                pdf.set_text_color(gray)
            x = op.x
            pieces = _halves(op.text, op.bold)
            for index, (piece, more) in enumerate(pieces):
                if (op.bold, more, op.size) != style:
                    style = (op.bold, more, op.size)
                    pdf.set_font(FAMILIES[more], "B" if op.bold else "", op.size)
                if _NEEDS_SHAPING.search(piece):
                    x = _shaped(pdf, piece, x, op.y, op.size)
                else:
                    pdf.text(x, op.y, piece)
                    if index + 1 < len(pieces):
                        x += _metrics(op.bold).width(piece, op.size)
        elif op.kind == "line":
            pdf.set_draw_color(op.gray)
            pdf.set_line_width(op.h)
            pdf.line(op.x, op.y, op.x + op.w, op.y)
        else:
            pdf.set_fill_color(op.gray)
            if op.w == op.h and op.w < 5:  # a bullet
                pdf.ellipse(op.x, op.y, op.w, op.h, style="F")
            else:
                pdf.rect(op.x, op.y, op.w, op.h, style="F")


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
