"""The document model: what an export says, before any format (DESIGN.md section 8).

The content of a session's export is decided once, here in plain text, and each renderer
(Markdown, docx, pdf) only lays it out, escaping what its own format needs. Text in the model
is literal: a ``*`` or ``#`` a person typed is a character to show, never structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A run of literal text; ``strong`` for the labels of a line ("Goal:")."""

    text: str
    strong: bool = False


Line = tuple[Span, ...]


def line(*parts: str | Span) -> Line:
    """A line from plain strings and spans, dropping empty strings."""
    return tuple(part if isinstance(part, Span) else Span(part) for part in parts if part)


def labelled(label: str, value: str) -> Line:
    """ "**Label:** value"."""
    return (Span(f"{label}:", strong=True), Span(f" {value}"))


def plain_text(text: Line) -> str:
    return "".join(span.text for span in text)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 is the document's title
    text: Line


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Line


@dataclass(frozen=True, slots=True)
class Item:
    """A list item with its details (a short list under it)."""

    text: Line
    details: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Line, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths, for the page formats


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block: who signs (a role, and the name when known), a line, a date.

    Page formats keep a block on one page.
    """

    role: str
    name: str | None = None


Block = Heading | Paragraph | Items | Table | Signature


@dataclass(frozen=True, slots=True)
class Document:
    """One export of one session: its blocks, and what a page header or footer names."""

    title: str  # the case title, for the document's properties and the running footer
    session_number: int
    kind: str  # "consensus" or "summary"
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def running_head(self) -> str:
        """What each printed page names: the case and the session."""
        return f"{self.title} · session {self.session_number}"
