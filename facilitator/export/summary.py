"""The summary export: the mediator's own record of one session (DESIGN.md section 8).

Everything of the session except caucus notes; a caucus note its party agreed to share
appears, marked as shared with consent. Adds the time the session and each agenda item took,
and the quiet check of agreement text that gives up rights.
"""

from __future__ import annotations

from datetime import date

from facilitator.export.content import (
    agreement_details,
    agreements_as_of,
    owner,
    party_line,
    session_line,
    text,
    who,
)
from facilitator.export.document import (
    Block,
    Document,
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Table,
    labelled,
    line,
)
from facilitator.export.waivers import rights_waived
from facilitator.export.words import (
    DOCUMENT_KIND_WORDS,
    DOCUMENT_STATUS_WORDS,
    PARKING_STATUS_WORDS,
    duration_words,
    long_date,
    short_date,
)
from facilitator.model import (
    Agreement,
    Case,
    Interest,
    Note,
    Party,
    Session,
    Side,
    Visibility,
    parse_timestamp,
)


def summary_document(case: Case, session: Session, today: date) -> Document:
    blocks: list[Block] = []
    add = blocks.append
    add(Heading(1, line(f"{text(case.title)}: mediator's record of session {session.number}")))
    add(
        Paragraph(
            line(
                "The mediator's own record, confidential (34 CFR 300.506(b)(6)). Caucus notes are left "
                "out unless the party agreed to share them."
            )
        )
    )
    facts = [labelled("Student", text(case.student))]
    if case.district and case.district.strip():
        facts.append(labelled("School district", text(case.district)))
    if case.mediator and case.mediator.strip():
        facts.append(labelled("Mediator", text(case.mediator)))
    facts += [labelled("Session", session_line(session)), labelled("Status", session.status.value)]
    if session.started_at:
        facts.append(labelled("Started", _clock(session.started_at)))
    if session.ended_at:
        facts.append(labelled("Ended", _clock(session.ended_at)))
    used = _minutes(session.started_at, session.ended_at)
    if used is not None:
        facts.append(labelled("Time in session", duration_words(used)))
    facts.append(labelled("Written", long_date(today)))
    add(Items(tuple(Item(fact) for fact in facts)))

    add(Heading(2, line("Parties")))
    add(Items(tuple(Item(_party(party)) for party in case.parties)))

    blocks += _agenda(case, session)
    blocks += _interests(case, session)
    blocks += _options(case, session)
    blocks += _agreements(case, session)
    blocks += _follow_ups(case, session)

    add(Heading(2, line("Parking lot")))
    parked = [k for k in case.parking_lot if k.session == session.id]
    if parked:
        add(Items(tuple(Item(line(f"{text(k.text)} ({PARKING_STATUS_WORDS[k.status]})")) for k in parked)))
    else:
        add(_none())

    documents = [d for d in case.documents if d.session == session.id]
    if documents:
        add(Heading(2, line("Documents")))
        add(
            Items(
                tuple(
                    Item(
                        line(
                            f"{text(d.title)} ({DOCUMENT_KIND_WORDS[d.kind]}), from {who(case, d.party)}: "
                            f"{DOCUMENT_STATUS_WORDS[d.status]}"
                            + (f", due {long_date(d.due)}" if d.due else "")
                        )
                    )
                    for d in documents
                )
            )
        )

    blocks += _statements(case, session)

    add(Heading(2, line("Notes")))
    notes = [n for n in case.notes if n.session == session.id and not n.private]
    if notes:
        add(Items(tuple(Item(_note(case, note)) for note in notes)))
    else:
        add(_none())

    waivers = rights_waived(case)
    if waivers:
        add(Heading(2, line("Before anyone signs")))
        add(
            Paragraph(
                line("For you only: agreement text that gives up rights. It never appears in the consensus.")
            )
        )
        add(Items(tuple(Item(line(w.sentence)) for w in waivers)))
    return Document(text(case.title), session.number, "summary", tuple(blocks))


def _none() -> Paragraph:
    return Paragraph(line("None recorded."))


def _clock(stamp: str) -> str:
    return f"{parse_timestamp(stamp):%H:%M}"


def _minutes(start: str | None, end: str | None) -> int | None:
    """Whole minutes from start to end; None when either is missing or they are out of order."""
    if not start or not end:
        return None
    seconds = (parse_timestamp(end) - parse_timestamp(start)).total_seconds()
    return round(seconds / 60) if seconds >= 0 else None


def _party(party: Party) -> Line:
    marks = []
    if party.signer:
        marks.append("signs the agreement")
    if party.authority:
        marks.append("has authority to bind the district")
    return line(*party_line(party), *(f"; {mark}" for mark in marks))


def _agenda(case: Case, session: Session) -> list[Block]:
    blocks: list[Block] = [Heading(2, line("Agenda"))]
    if not session.agenda:
        return [*blocks, Paragraph(line("No agenda items."))]
    rows = []
    for number, item in enumerate(session.agenda, start=1):
        title = text(item.title)
        origin = _carried_origin(case, item.carried_from)
        if origin is not None:
            title += f" (carried from session {origin})"
        if item.is_step:
            title += " (a step of the meeting)"
        used = _minutes(item.started_at, item.ended_at)
        if used is not None:
            time_used = duration_words(used)
        elif item.started_at:
            time_used = f"started {_clock(item.started_at)}"
        else:
            time_used = ""
        rows.append(
            (
                line(str(number)),
                line(title),
                line(f"{item.minutes} min" if item.minutes else ""),
                line(time_used),
                line(item.status.value),
            )
        )
    table = Table(("#", "Item", "Time box", "Time used", "Status"), tuple(rows), widths=(0.4, 3, 1, 1, 1))
    return [*blocks, table]


def _interests(case: Case, session: Session) -> list[Block]:
    blocks: list[Block] = [Heading(2, line("Interests"))]
    interests = [i for i in case.interests if i.session == session.id]
    if not interests:
        return [*blocks, _none()]
    for party in _parties_in_side_order(case):
        own = [i for i in interests if i.party == party.id]
        if not own:
            continue
        blocks.append(Heading(3, party_line(party)))
        items = []
        for interest in own:
            details = []
            if interest.position and interest.position.strip():
                details.append(labelled("Position", text(interest.position)))
            if interest.agenda_item:
                details.append(labelled("Agenda item", _agenda_title(case, interest.agenda_item)))
            items.append(Item(line(_interest_text(interest)), tuple(details)))
        blocks.append(Items(tuple(items)))
    return blocks


def _interest_text(interest: Interest) -> str:
    return text(interest.text) if interest.named else "(interest not named yet)"


def _options(case: Case, session: Session) -> list[Block]:
    blocks: list[Block] = [Heading(2, line("Options"))]
    options = [o for o in case.options if o.session == session.id]
    if not options:
        return [*blocks, _none()]
    items = []
    for option in options:
        details = [
            labelled("Status", option.status.value),
            labelled("Proposed by", who(case, option.proposed_by)),
        ]
        served = _interests_of(case, option.addresses)
        if served:
            details.append(labelled("Interests served", _interests_line(case, served)))
        if option.revises:
            earlier = case.option(option.revises)
            if earlier is not None:
                details.append(labelled("Revises", text(earlier.text)))
        if option.agenda_item:
            details.append(labelled("Agenda item", _agenda_title(case, option.agenda_item)))
        items.append(Item(line(text(option.text)), tuple(details)))
    return [*blocks, Items(tuple(items))]


def _agreements(case: Case, session: Session) -> list[Block]:
    blocks: list[Block] = [Heading(2, line("Agreements"))]
    agreements = [a for a in case.agreements if a.session == session.id]
    if not agreements:
        return [*blocks, _none()]
    numbers = {s.agreement.id: n for n, s in enumerate(agreements_as_of(case, session), start=1)}
    items = []
    for agreement in agreements:
        details = agreement_details(agreement) + _mediator_details(case, agreement)
        head = text(agreement.text)
        if agreement.id in numbers:
            head += f" (number {numbers[agreement.id]} in the consensus)"
        items.append(Item(line(head), tuple(details)))
    return [*blocks, Items(tuple(items), numbered=True)]


def _mediator_details(case: Case, agreement: Agreement) -> list[Line]:
    details = []
    if agreement.amends:
        earlier = case.agreement(agreement.amends)
        origin = case.session(earlier.session) if earlier else None
        if earlier is not None and origin is not None:
            details.append(labelled(f"Changes an agreement of session {origin.number}", text(earlier.text)))
    if agreement.iep_change:
        details.append(labelled("Needs an IEP change", "yes: an IEP amendment or an IEP meeting"))
    if agreement.reviewed:
        details.append(labelled("Reviewed", long_date(agreement.reviewed)))
    if agreement.outcome and agreement.outcome.strip():
        details.append(labelled("What the review found", text(agreement.outcome)))
    addressed = _interests_of(case, agreement.addresses)
    if addressed:
        details.append(labelled("Interests addressed", _interests_line(case, addressed)))
    return details


def _follow_ups(case: Case, session: Session) -> list[Block]:
    blocks: list[Block] = [Heading(2, line("Follow-ups"))]
    follow_ups = [f for f in case.follow_ups if f.session == session.id]
    if not follow_ups:
        return [*blocks, _none()]
    rows = []
    for f in follow_ups:
        done = "no"
        if f.done:
            done = f"yes, {short_date(parse_timestamp(f.done_at).date())}" if f.done_at else "yes"
        rows.append(
            (line(text(f.text)), line(owner(case, f)), line(long_date(f.due) if f.due else ""), line(done))
        )
    return [*blocks, Table(("What", "Who", "Due", "Done"), tuple(rows), widths=(3, 1.5, 1.5, 1))]


def _statements(case: Case, session: Session) -> list[Block]:
    blocks: list[Block] = [Heading(2, line("Statements"))]
    statements = [s for s in case.statements if s.session == session.id]
    if not statements:
        return [*blocks, _none()]
    items = []
    for statement in statements:
        details = []
        if statement.flagged:
            details.append(line("Flagged as accusatory"))
        if statement.reframe and statement.reframe.strip():
            details.append(labelled("Reframe used", text(statement.reframe)))
        head = f"{_clock(statement.at)}, {who(case, statement.party)}: {text(statement.text)}"
        items.append(Item(line(head), tuple(details)))
    return [*blocks, Items(tuple(items))]


def _note(case: Case, note: Note) -> Line:
    if note.visibility == Visibility.CAUCUS:
        when = f" on {short_date(parse_timestamp(note.consent_at).date())}" if note.consent_at else ""
        where = f"caucus with {who(case, note.party)}, shared with consent{when}"
    else:
        where = "joint"
    return line(f"{text(note.text)} ({where})")


def _interests_of(case: Case, ids: list[str] | None) -> list[Interest]:
    found = (case.interest(interest_id) for interest_id in dict.fromkeys(ids or ()))
    return [interest for interest in found if interest is not None]


def _interests_line(case: Case, interests: list[Interest]) -> str:
    return "; ".join(f"{_interest_text(i)} ({who(case, i.party)})" for i in interests)


def _parties_in_side_order(case: Case) -> list[Party]:
    order = {Side.FAMILY: 0, Side.SCHOOL: 1, Side.NEUTRAL: 2}
    return sorted(case.parties, key=lambda p: order[p.side])


def _agenda_title(case: Case, item_id: str) -> str:
    item = case.agenda_item(item_id)
    return text(item.title) if item else text(item_id)


def _carried_origin(case: Case, item_id: str | None) -> int | None:
    if not item_id:
        return None
    found = case.agenda_place(item_id)
    return found[0].number if found else None
