"""The Markdown renderer, and all Markdown escaping (CommonMark with GFM tables).

Escaping is minimal: a character gets a backslash only where it would otherwise start
structure (a heading, a list, emphasis, a link, raw HTML, a code span, an entity, a table
cell), so "Read&Write", "snake_case", "a * b" and "80%" read as typed in a text editor, while
whatever a person typed still renders literally, on one line.
"""

from __future__ import annotations

import re
import string
import unicodedata

from facilitator.export.document import Block, Document, Heading, Items, Line, Paragraph, Signature, Table

# What a line break inside a field becomes: an export keeps every field on one line, so a
# field can sit in a list item, a heading or a table cell alike.
LINE_JOIN = " / "

# Control characters other than tab (line breaks are handled before this applies).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# What makes a field need more than escaping: line breaks (as str.splitlines sees them) and
# control characters.
_UNUSUAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def plain_inline(text: str) -> str:
    """The one line of plain text that ``escape_inline(text)`` renders as.

    Each line of the field is stripped of surrounding whitespace, blank lines are dropped
    and the rest are joined with " / "; control characters other than tab become U+FFFD
    (so a pasted terminal escape cannot reach whoever opens the file).
    """
    if not _UNUSUAL.search(text) and text == text.strip():
        return text  # the common case: one clean line
    lines = (line.strip() for line in text.splitlines())
    return _CONTROL.sub("\ufffd", LINE_JOIN.join(line for line in lines if line))


def escape_inline(text: str) -> str:
    """Markdown for ``text`` that renders literally as ``plain_inline(text)``, on one line.

    Safe in a paragraph, a list item, a heading and a GFM table cell, at the start of a line
    or after other text.
    """
    return escape_text(plain_inline(text))


# Characters that can ever need a backslash, anywhere or at the start of a line.
_MAYBE = re.compile(r"[\\`*_\[\]<>#|~&]|\A[-+0-9]")
_ASCII_PUNCTUATION = frozenset(string.punctuation)
# A list marker, or a thematic break, at the start of a line.
_BULLET = re.compile(r"[-+](?:[ \t]|\Z)|-(?:[ \t]*-){2,}[ \t]*\Z")
_ORDERED = re.compile(r"\d{1,9}(?=[.)](?:[ \t]|\Z))")
_ATX = re.compile(r"#{1,6}(?:[ \t]|\Z)")
# Only a complete reference ("&amp;", "&#35;", "&#x23;") is decoded; "AT&T" is plain text.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
# After "<", what opens raw HTML (a tag, a closing tag, a comment, a declaration, a
# processing instruction) or an autolink.
_HTML_START = frozenset(string.ascii_letters + "/!?")
_DELIMITERS = frozenset("*_~")
# The characters escape_text looks at inside a line.
_SPECIAL = re.compile(r"[*_~`|\\<\]&]")


def _space(char: str | None) -> bool:
    return char is None or char.isspace()


def _punctuation(char: str | None) -> bool:
    return char is not None and (
        char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith(("P", "S"))
    )


def _delimiter_run_acts(text: str, start: int, end: int) -> bool:
    """Whether the run of ``*``, ``_`` or ``~`` at text[start:end] can open or close emphasis.

    CommonMark's flanking rules; at either end of the text the neighbour is unknown, so a run
    touching an end is taken to act.
    """
    if start == 0 or end == len(text):
        return True
    before, after = text[start - 1], text[end]
    left = not _space(after) and (not _punctuation(after) or _space(before) or _punctuation(before))
    right = not _space(before) and (not _punctuation(before) or _space(after) or _punctuation(after))
    if text[start] == "_":
        return (left and (not right or _punctuation(before))) or (right and (not left or _punctuation(after)))
    return left or right


def escape_text(text: str, *, block_start: bool = True, cell: bool = False) -> str:
    """Backslashes for the characters of one line of text that would otherwise be structure.

    ``text`` is already one line (see ``plain_inline``); the result is safe wherever
    ``escape_inline`` promises. Text that does not start its line (``block_start=False``) cannot
    start a block (a heading, a list, a quote); a table ``cell`` holds inline text only, so
    neither that nor a heading's closing "#" applies there.
    """
    if not _MAYBE.search(text):
        return text
    escape_at: set[int] = set()
    if block_start and not cell:
        # What starts a block, when the text starts a line or a list item.
        if _BULLET.match(text) or text.startswith(">"):
            escape_at.add(0)
        elif _ATX.match(text):
            escape_at.add(0)
        else:
            ordered = _ORDERED.match(text)
            if ordered:
                escape_at.add(ordered.end())
    if not cell:
        # A closing sequence of "#" ends a heading's text.
        trailing = len(text) - len(text.rstrip("#"))
        if trailing and (trailing == len(text) or text[-trailing - 1] in " \t"):
            escape_at.add(len(text) - trailing)
    size = len(text)
    # Only the characters that can be structure are looked at (a long line is mostly words).
    found = _SPECIAL.search(text)
    while found:
        index = found.start()
        char = text[index]
        if char in _DELIMITERS:
            end = index + 1
            while end < size and text[end] == char:
                end += 1
            if _delimiter_run_acts(text, index, end):
                escape_at.update(range(index, end))
            found = _SPECIAL.search(text, end)
            continue
        if char in "`|":
            escape_at.add(index)
        elif char == "\\":
            if index + 1 == size or text[index + 1] in _ASCII_PUNCTUATION:
                escape_at.add(index)
        elif char == "<":
            if index + 1 == size or text[index + 1] in _HTML_START:
                escape_at.add(index)
        elif char == "]":
            if index + 1 < size and text[index + 1] in "([:":
                escape_at.add(index)
        elif _ENTITY.match(text, index):  # "&"
            escape_at.add(index)
        found = _SPECIAL.search(text, index + 1)
    if not escape_at:
        return text
    parts, last = [], 0
    for index in sorted(escape_at):
        parts += [text[last:index], "\\"]
        last = index
    parts.append(text[last:])
    return "".join(parts)


# ---------------------------------------------------------------- rendering

SIGNATURE_LINE = "Signature: ______________________________ Date: ________________"
NAME_BLANK = "______________________________"


def render_markdown(document: Document) -> str:
    """The document as Markdown text, ending with one newline."""
    return "\n\n".join(filter(None, map(_block, document.blocks))) + "\n"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {_line(block.text)}"
    if isinstance(block, Paragraph):
        return _line(block.text)
    if isinstance(block, Items):
        lines = []
        for number, item in enumerate(block.items, start=1):
            marker = f"{number}. " if block.numbered else "- "
            lines.append(marker + _line(item.text))
            indent = " " * len(marker)
            lines.extend(f"{indent}- {_line(detail)}" for detail in item.details)
        return "\n".join(lines)
    if isinstance(block, Table):
        rows = ["| " + " | ".join(escape_text(cell, cell=True) for cell in block.header) + " |"]
        rows.append("|" + "|".join("---" for _ in block.header) + "|")
        rows += ["| " + " | ".join(_line(cell, cell=True) for cell in row) + " |" for row in block.rows]
        return "\n".join(rows)
    if isinstance(block, Signature):
        if block.name is None:
            who = f"{escape_text(block.role)}, name: {NAME_BLANK}"
        else:
            who = f"{escape_text(block.role)}: {escape_text(block.name)}"
        return f"{who}\n\n{SIGNATURE_LINE}"
    raise TypeError(f"not a block: {block!r}")


def _line(text: Line, *, cell: bool = False) -> str:
    parts: list[str] = []
    plain: list[str] = []
    for span in text:
        if span.strong:
            if plain:
                parts.append(escape_text("".join(plain), block_start=not parts, cell=cell))
                plain.clear()
            parts.append(f"**{escape_text(span.text, block_start=False, cell=cell)}**")
        else:
            plain.append(span.text)
    if plain:
        parts.append(escape_text("".join(plain), block_start=not parts, cell=cell))
    return "".join(parts)
