"""Exports of one session of a case (DESIGN.md section 8). Pure: case in, text or bytes out.

One document model (``document``) holds what an export says; ``consensus`` and ``summary``
decide its content once, and each renderer lays it out in its format, with the escaping that
format needs: ``markdown`` (the default, text), ``word`` (docx) and ``pdf`` (Letter paper).

    document = export_document(case, 2, "consensus")
    render(document, "pdf")          # bytes
    render_export(case, 2)           # the Markdown text, as before
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING

from facilitator.export.business_days import DateOutOfRange, federal_holidays, is_business_day, void_by
from facilitator.export.document import Document
from facilitator.export.markdown import LINE_JOIN, escape_inline, escape_text, plain_inline, render_markdown
from facilitator.export.words import (
    AGENDA_STATUS_WORDS,
    AGREEMENT_KIND_WORDS,
    CONFIDENTIALITY,
    DETAIL_WORDS,
    OPTION_STATUS_WORDS,
    PARKING_STATUS_WORDS,
    RESOLUTION_CONFIDENTIALITY,
    ROLE_WORDS,
    SESSION_KIND_WORDS,
    SIDE_WORDS,
    long_date,
    short_date,
    words_list,
)
from facilitator.model import Case, Session

if TYPE_CHECKING:
    from facilitator.export.content import Standing, agreements_as_of, done_by, session_end
    from facilitator.export.waivers import Waiver, rights_waived

# What decides an export's content loads with the first export, not with each module that
# needs only the words and the escaping above (the review, and so the board's first paint).
_LATER = {
    "Standing": "content",
    "agreements_as_of": "content",
    "done_by": "content",
    "session_end": "content",
    "Waiver": "waivers",
    "rights_waived": "waivers",
}


def __getattr__(name: str) -> object:
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_LATER[name]}"), name)


__all__ = [
    "AGENDA_STATUS_WORDS",
    "AGREEMENT_KIND_WORDS",
    "CONFIDENTIALITY",
    "DETAIL_WORDS",
    "FORMATS",
    "KINDS",
    "LINE_JOIN",
    "OPTION_STATUS_WORDS",
    "PARKING_STATUS_WORDS",
    "RESOLUTION_CONFIDENTIALITY",
    "ROLE_WORDS",
    "SESSION_KIND_WORDS",
    "SIDE_WORDS",
    "DateOutOfRange",
    "Document",
    "ExportError",
    "Standing",
    "Waiver",
    "agreements_as_of",
    "done_by",
    "escape_inline",
    "escape_text",
    "export_document",
    "federal_holidays",
    "is_business_day",
    "long_date",
    "plain_inline",
    "render",
    "render_export",
    "rights_waived",
    "session_end",
    "short_date",
    "void_by",
    "words_list",
]

KINDS = ("consensus", "summary")
FORMATS = ("markdown", "docx", "pdf")


class ExportError(ValueError):
    """An export that cannot be made (no such session, unknown kind or format), in one line."""


def export_document(
    case: Case, session_number: int | None = None, kind: str = "consensus", today: date | None = None
) -> Document:
    """What the export of one session says (the latest session unless ``session_number``)."""
    if kind not in KINDS:
        raise ExportError(f'unknown export kind "{kind}": use consensus or summary')
    from facilitator.export.consensus import consensus_document
    from facilitator.export.summary import summary_document

    session = _select_session(case, session_number)
    written = today or date.today()
    if kind == "consensus":
        return consensus_document(case, session, written)
    return summary_document(case, session, written)


def render(document: Document, fmt: str = "markdown") -> str | bytes:
    """The document in a format: Markdown text, or the bytes of a docx or pdf file."""
    if fmt == "markdown":
        return render_markdown(document)
    if fmt == "docx":
        from facilitator.export.word import render_docx  # python-docx loads only when asked

        return render_docx(document)
    if fmt == "pdf":
        from facilitator.export.pdf import render_pdf  # fpdf2 loads only when asked

        return render_pdf(document)
    raise ExportError(f'unknown export format "{fmt}": use markdown, docx or pdf')


def render_export(
    case: Case, session_number: int | None = None, kind: str = "consensus", today: date | None = None
) -> str:
    """The Markdown export of one session (the latest unless ``session_number`` is given)."""
    return render_markdown(export_document(case, session_number, kind, today))


def _select_session(case: Case, session_number: int | None) -> Session:
    if session_number is None:
        return case.latest
    session = case.session_by_number(session_number)
    if session is None:
        numbers = sorted(s.number for s in case.sessions)
        have = ("session " if len(numbers) == 1 else "sessions ") + words_list(map(str, numbers))
        raise ExportError(f'case "{case.id}" has no session {session_number} (it has {have})')
    return session
