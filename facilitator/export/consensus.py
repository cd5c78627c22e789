"""The consensus export: the document the parents and the district sign (DESIGN.md section 8).

Written for the parties: a parent must be able to read it without explanation. It shows the
case as it stood when the session ended (see ``content``), and never holds anything said in
the room (statements, reframes, positions), any note, anything of a caucus, nor any proposal
that was not agreed.
"""

from __future__ import annotations

from datetime import date

from facilitator.export.business_days import DateOutOfRange, void_by
from facilitator.export.content import (
    Standing,
    agreements_as_of,
    done_by,
    owner,
    party_line,
    session_end,
    session_line,
    standing_item,
    text,
)
from facilitator.export.document import (
    Block,
    Document,
    Heading,
    Item,
    Items,
    Paragraph,
    Signature,
    Span,
    Table,
    labelled,
    line,
)
from facilitator.export.words import (
    AGENDA_STATUS_WORDS,
    CONFIDENTIALITY,
    ENFORCEABLE_MEDIATION,
    ENFORCEABLE_RESOLUTION,
    IEP_MEETING_CONFIDENTIALITY,
    IEP_TEAM_DECISIONS,
    RESOLUTION_CONFIDENTIALITY,
    ROLE_WORDS,
    SESSION_KIND_WORDS,
    long_date,
)
from facilitator.model import SETTLED_AGENDA, Case, FollowUp, Party, Session, SessionKind, Side

AUTHORITY_ROLE = "District representative with authority to bind the district"


def consensus_document(case: Case, session: Session, today: date) -> Document:
    blocks: list[Block] = []
    add = blocks.append
    add(Heading(1, line(text(case.title))))
    between = (
        f", between the family of {text(case.student)} and {text(case.district)}" if case.district else ""
    )
    add(
        Paragraph(
            line(
                f"Areas of agreement from session {session.number}, a {SESSION_KIND_WORDS[session.kind]} "
                f"on {long_date(session.date)}{between}, written down for everyone who took part."
            )
        )
    )
    facts = [labelled("Student", text(case.student))]
    if case.district and case.district.strip():
        facts.append(labelled("School district", text(case.district)))
    facts.append(labelled("Session", session_line(session)))
    if case.mediator and case.mediator.strip():
        role = "Facilitator" if session.kind == SessionKind.FACILITATED_IEP else "Mediator"
        facts.append(labelled(role, text(case.mediator)))
    facts.append(labelled("Written", long_date(today)))
    add(Items(tuple(Item(fact) for fact in facts)))

    add(Heading(2, line("Who took part")))
    add(Items(tuple(Item(party_line(party)) for party in case.parties)))

    standings = agreements_as_of(case, session)
    add(Heading(2, line("Areas of agreement")))
    if standings:
        add(Paragraph(line("Everything both sides agreed on, up to and including this session.")))
        add(Items(tuple(standing_item(s, session) for s in standings), numbered=True))
    else:
        add(Paragraph(line("No areas of agreement have been written down yet.")))

    add(Heading(2, line("Changes to the IEP")))
    iep = [(number, s) for number, s in enumerate(standings, start=1) if s.agreement.iep_change]
    if iep:
        add(Paragraph(line("Carrying out these agreements needs an IEP amendment or an IEP meeting:")))
        add(Items(tuple(_iep_item(number, s) for number, s in iep)))
    else:
        add(Paragraph(line("None of these agreements needs a change to the IEP.")))

    add(Heading(2, line("Follow-ups")))
    follow_ups = _follow_ups(case, session)
    if follow_ups:
        end = session_end(case, session)
        rows = tuple(
            (line(_follow_up_text(case, f, session)), line(owner(case, f)), line(_due(f, done_by(f, end))))
            for f in follow_ups
        )
        add(Table(("What", "Who", "Due"), rows, widths=(3, 1.5, 1.5)))
    else:
        add(Paragraph(line("No follow-ups were set.")))

    add(Heading(2, line("Still open")))
    still_open = [
        Item(
            (
                *labelled("Topic", text(item.title)),
                Span(f" ({AGENDA_STATUS_WORDS[item.status]})"),
            )
        )
        for item in session.agenda
        if item.status not in SETTLED_AGENDA and not item.is_step
    ]
    if still_open:
        add(Paragraph(line("These are not settled yet and can come back at a later session.")))
        add(Items(tuple(still_open)))
    else:
        add(Paragraph(line("Nothing from this session was left open.")))

    add(Heading(2, line("Confidentiality")))
    add(Paragraph(line(CONFIDENTIALITY)))
    if session.kind == SessionKind.RESOLUTION:
        add(Paragraph(line(RESOLUTION_CONFIDENTIALITY)))
    elif session.kind == SessionKind.FACILITATED_IEP:
        add(Paragraph(line(IEP_MEETING_CONFIDENTIALITY)))

    blocks.extend(_what_signing_means(case, session))
    blocks.extend(_signatures(case, session))
    return Document(text(case.title), session.number, "consensus", tuple(blocks))


def _iep_item(number: int, standing: Standing) -> Item:
    return Item((*labelled(f"Agreement {number}", text(standing.agreement.text)),))


def _follow_ups(case: Case, session: Session) -> list[FollowUp]:
    """This session's follow-ups, and earlier sessions' ones still open when it began (those
    done during it show as done: the check-in went through them)."""
    number = {s.id: s.number for s in case.sessions}
    earlier = [s for s in case.sessions if s.number < session.number]
    began = session_end(case, max(earlier, key=lambda s: s.number)) if earlier else None
    return [
        f
        for f in case.follow_ups
        if f.session == session.id
        or (number.get(f.session, 0) < session.number and not (began is not None and done_by(f, began)))
    ]


def _follow_up_text(case: Case, follow_up: FollowUp, session: Session) -> str:
    origin = case.session(follow_up.session)
    if origin is not None and origin.number != session.number:
        return f"{text(follow_up.text)} (from session {origin.number})"
    return text(follow_up.text)


def _due(follow_up: FollowUp, done: bool) -> str:
    due = long_date(follow_up.due) if follow_up.due else "no date set"
    return due + (" (done)" if done else "")


def _what_signing_means(case: Case, session: Session) -> list[Block]:
    kind = session.kind
    if kind == SessionKind.FOLLOW_UP:
        kind = _process_of(case, session)
    if kind == SessionKind.FACILITATED_IEP:
        blocks: list[Block] = [Heading(2, line("What this record is"))]
        if session.kind == SessionKind.FOLLOW_UP:
            blocks.append(Paragraph(line("This was a follow-up meeting after a facilitated IEP meeting.")))
        return [*blocks, Paragraph(line(IEP_TEAM_DECISIONS))]
    blocks = [Heading(2, line("What signing means"))]
    if session.kind == SessionKind.FOLLOW_UP:
        continued = {SessionKind.MEDIATION: "the mediation", SessionKind.RESOLUTION: "the resolution process"}
        if kind in continued:
            blocks.append(
                Paragraph(line(f"This was a follow-up meeting; it continues {continued[kind]} of this case."))
            )
        else:
            blocks.append(
                Paragraph(
                    line(
                        "This was a follow-up meeting. This document records where things stand; it is "
                        "not by itself a mediation agreement or a resolution agreement."
                    )
                )
            )
    if kind == SessionKind.MEDIATION:
        blocks.append(Paragraph(line(ENFORCEABLE_MEDIATION)))
    elif kind == SessionKind.RESOLUTION:
        blocks.append(Paragraph(line(ENFORCEABLE_RESOLUTION)))
    if session.kind == SessionKind.RESOLUTION:
        blocks.append(Heading(2, line("Time to change your mind")))
        blocks.append(Paragraph(_void_by_line(session)))
    return blocks


def _process_of(case: Case, session: Session) -> SessionKind:
    """The kind of meeting a follow-up meeting continues: the latest earlier one that is not
    itself a follow-up (a follow-up when there is none)."""
    earlier = [s for s in case.sessions if s.number < session.number and s.kind != SessionKind.FOLLOW_UP]
    return max(earlier, key=lambda s: s.number).kind if earlier else SessionKind.FOLLOW_UP


def _void_by_line(session: Session) -> tuple[Span, ...]:
    signed = date.fromisoformat(session.date)
    try:
        last_day = void_by(signed)
    except DateOutOfRange:
        return line(
            f"Either party may void this agreement within three business days after it is signed "
            f"(34 CFR 300.510(e)). The last day cannot be worked out from the session date "
            f"({session.date}): count three business days (weekdays that are not federal holidays) "
            "from the day it is signed."
        )
    return (
        Span(
            f"If this agreement is signed on {long_date(signed)}, either party may void it until the end of "
        ),
        Span(long_date(last_day), strong=True),
        Span(": three business days after it is signed (34 CFR 300.510(e))."),
    )


def _signatures(case: Case, session: Session) -> list[Block]:
    confirms = (
        "the decisions reached"
        if session.kind == SessionKind.FACILITATED_IEP
        else "the areas of agreement reached"
    )
    blocks: list[Block] = [
        Heading(2, line("Signatures")),
        Paragraph(line(f"By signing, each person confirms that this document records {confirms}.")),
    ]
    signers = [p for p in case.parties if p.signer and not p.authority]
    if not any(p.side == Side.FAMILY for p in signers):
        blocks.append(Signature("Parent or guardian"))
    blocks.extend(Signature(_signer_role(p), text(p.name)) for p in signers)
    bound = [p for p in case.parties if p.authority]
    blocks.extend(Signature(AUTHORITY_ROLE, text(p.name)) for p in bound)
    if not bound:
        blocks.append(Signature(AUTHORITY_ROLE))
    return blocks


def _signer_role(party: Party) -> str:
    return ROLE_WORDS[party.role].capitalize()
