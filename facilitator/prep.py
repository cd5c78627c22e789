"""The preparation checklist for a case's current or next session (DESIGN.md section 12).

Pure: case in, checklist out. Who brings each document, what kind it is, and where it
stands: still needed, requested, received or shared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from facilitator.export import escape_inline, long_date, plain_inline, short_date
from facilitator.model import MEDIATOR, MISSING_DOCUMENTS, Case, Document, Session, SessionStatus
from facilitator.review import document_json, missing_documents

FORMATS = ("text", "markdown", "json")


def current_session(case: Case) -> Session:
    """The session being prepared for: the live one, else the first planned one, else the latest."""
    live = [s for s in case.sessions if s.status == SessionStatus.LIVE]
    if live:
        return min(live, key=lambda s: s.number)
    planned = [s for s in case.sessions if s.status == SessionStatus.PLANNED]
    if planned:
        return min(planned, key=lambda s: s.number)
    return case.latest


@dataclass(frozen=True)
class Bringer:
    """One group of the checklist: who brings these documents, and the documents."""

    name: str  # the party's name, or "Mediator"
    role: str | None  # the party's role, None for the mediator
    documents: list[Document]


def checklist(case: Case) -> list[Bringer]:
    """The documents grouped by who brings them: parties in the case's order, then the mediator."""
    groups: list[Bringer] = []
    for party in case.parties:
        mine = [d for d in case.documents if d.party == party.id]
        if mine:
            groups.append(Bringer(party.name, party.role.value, mine))
    mediator = [d for d in case.documents if d.party == MEDIATOR and case.party(MEDIATOR) is None]
    if mediator:
        groups.append(Bringer("Mediator", None, mediator))
    return groups


def prep_json(case: Case) -> dict[str, Any]:
    """The ``prep --format json`` document: the case, its current session's number, every
    document (``id``, ``title``, ``party``, ``kind``, ``status``, ``due``, plus ``party_name``
    and the number of the ``session`` it is for) and the ids of the ``missing`` ones (still
    needed or requested)."""
    return {
        "case": case.id,
        "session": current_session(case).number,
        "documents": [document_json(case, d) for d in case.documents],
        "missing": [d.id for d in missing_documents(case)],
    }


def render_prep(case: Case, fmt: str) -> str:
    """The checklist in ``fmt``: "text" for the terminal, "markdown" (a GFM task list), or "json"."""
    if fmt == "json":
        return json.dumps(prep_json(case), indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f'unknown prep format "{fmt}": use text, markdown or json')
    markdown = fmt == "markdown"
    show = escape_inline if markdown else plain_inline
    session = current_session(case)
    heading = f"Preparation for session {session.number}, {long_date(session.date)}"
    missing = missing_documents(case)
    if not case.documents:
        tally = "No documents on the checklist yet."
    elif missing:
        tally = f"{len(missing)} of {len(case.documents)} documents still to come."
    else:
        tally = f"All {len(case.documents)} documents are in hand."
    lines: list[str] = []
    if markdown:
        lines += [f"# {heading}: {show(case.title)}", "", tally]
    else:
        lines += [f"{show(case.title)} ({case.id})", heading, "", tally]
    numbers = {s.id: s.number for s in case.sessions}
    for group in checklist(case):
        who = show(group.name) + (f" ({group.role})" if group.role else "")
        lines.append("")
        if markdown:
            lines += [f"## {who}", ""]
        else:
            lines.append(who)
        for document in group.documents:
            box = "[ ]" if document.status in MISSING_DOCUMENTS else "[x]"
            details = [document.kind.value, document.status.value]
            if document.due:
                details.append(f"due {short_date(document.due)}")
            number = numbers.get(document.session or "")
            if number is not None and number != session.number:
                details.append(f"for session {number}")
            line = f"{box} {show(document.title)} — {', '.join(details)}"
            lines.append(f"- {line}" if markdown else f"  {line}")
    return "\n".join(lines) + "\n"
