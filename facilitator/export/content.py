"""What both kinds of export share: the case as it stood at a session, and the lines that
describe parties, sessions, agreements and follow-ups.

"A signed document can be reproduced" (DESIGN.md section 8): the consensus export of session
N shows agreements of sessions up to N, each replaced by its latest amendment made up to
session N, and follow-ups done only when marked done before session N ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from datetime import date as Date

from facilitator.export.document import Item, Line, labelled, line
from facilitator.export.markdown import plain_inline
from facilitator.export.words import (
    AGREEMENT_KIND_WORDS,
    DATE_DETAILS,
    DETAIL_WORDS,
    ROLE_WORDS,
    SESSION_KIND_WORDS,
    SIDE_WORDS,
    TRIAL_WORDS,
    long_date,
    words_list,
)
from facilitator.model import (
    MEDIATOR,
    OTHER_OWNER,
    Agreement,
    Case,
    FollowUp,
    Party,
    Session,
    parse_timestamp,
)


def text(value: str | None) -> str:
    """User text as one clean line (see ``plain_inline``); "" for nothing."""
    return plain_inline(value) if value else ""


# ---------------------------------------------------------------- as it stood


@dataclass(frozen=True, slots=True)
class Standing:
    """An agreement as it stood at a session: the version in force and where it began."""

    agreement: Agreement  # the latest amendment made up to the session, or the original
    first_session: int  # the session of the original agreement
    changed_in: int | None  # the session of the amendment shown, when one replaced it


def agreements_as_of(case: Case, session: Session) -> list[Standing]:
    """The agreements of sessions up to ``session``, each replaced by its latest amendment
    made up to it; in the order the originals were made (session, then file order)."""
    number = {s.id: s.number for s in case.sessions}
    by_id = {a.id: a for a in case.agreements}
    order = {a.id: index for index, a in enumerate(case.agreements)}

    def original(agreement: Agreement) -> Agreement:
        # The case file guarantees every amendment names an earlier session's agreement,
        # so a chain always ends; the guard only protects against a hand-built case.
        seen = {agreement.id}
        while agreement.amends in by_id and agreement.amends not in seen:
            agreement = by_id[agreement.amends]
            seen.add(agreement.id)
        return agreement

    versions: dict[str, list[Agreement]] = {}
    for agreement in case.agreements:
        if number.get(agreement.session, 0) <= session.number:
            versions.setdefault(original(agreement).id, []).append(agreement)
    firsts = sorted(versions, key=lambda first_id: (number[by_id[first_id].session], order[first_id]))
    standings = []
    for first_id in firsts:
        latest = max(versions[first_id], key=lambda a: (number[a.session], order[a.id]))
        changed = None if latest.id == first_id else number[latest.session]
        standings.append(Standing(latest, number[by_id[first_id].session], changed))
    return standings


def session_end(case: Case, session: Session) -> datetime | None:
    """When a session ended, for deciding what was done by then.

    Its ``ended_at``; without one, when the next session began (its start, else its date);
    None for a session that has not ended and has none after it (the case as it is now).
    """
    if session.ended_at:
        return parse_timestamp(session.ended_at)
    later = [s for s in case.sessions if s.number > session.number]
    if not later:
        return None
    following = min(later, key=lambda s: s.number)
    if following.started_at:
        return parse_timestamp(following.started_at)
    return datetime.combine(Date.fromisoformat(following.date), time.min, tzinfo=UTC)


def done_by(follow_up: FollowUp, end: datetime | None) -> bool:
    """Done by ``end``: marked done no later than it; done without a time counts all along."""
    if not follow_up.done:
        return False
    if follow_up.done_at is None or end is None:
        return True
    return parse_timestamp(follow_up.done_at) <= end


# ---------------------------------------------------------------- lines


def who(case: Case, party_id: str | None) -> str:
    """A party's name; "the mediator" for the mediator."""
    if party_id == MEDIATOR and case.party(MEDIATOR) is None:
        return "the mediator"
    return text(case.who(party_id))


def owner(case: Case, follow_up: FollowUp) -> str:
    """Who does a follow-up: a party, the mediator, or the person named as typed."""
    if follow_up.owner == OTHER_OWNER and case.party(OTHER_OWNER) is None:
        return text(follow_up.owner_name) or "someone else"
    return who(case, follow_up.owner)


def party_line(party: Party) -> Line:
    return line(f"{text(party.name)}, {ROLE_WORDS[party.role]} ({SIDE_WORDS[party.side]})")


def session_line(session: Session) -> str:
    return f"{session.number}, {long_date(session.date)} ({SESSION_KIND_WORDS[session.kind]})"


def agreement_details(agreement: Agreement) -> list[Line]:
    """What an agreement says beyond its text: its kind, details, a trial's data, and what is
    still to be settled."""
    details = [labelled("Type", AGREEMENT_KIND_WORDS[agreement.kind])]
    for field, (label, _) in DETAIL_WORDS.items():
        value = getattr(agreement, field)
        if value is None or not value.strip():
            continue
        shown = long_date(value) if field in DATE_DETAILS else text(value)
        details.append(labelled(label, shown))
    for field, label in TRIAL_WORDS.items():
        value = getattr(agreement, field)
        if value and value.strip():
            details.append(labelled(label, text(value)))
    missing = agreement.missing()
    if missing:
        needed = words_list(DETAIL_WORDS[field][1] for field in missing)
        details.append(labelled("Still to be settled", needed[:1].upper() + needed[1:]))
    return details


def standing_item(standing: Standing, session: Session, extra: list[Line] | None = None) -> Item:
    """An agreement in the numbered list, marked when it comes from an earlier session."""
    head = text(standing.agreement.text)
    marks = []
    if standing.first_session != session.number:
        marks.append(f"agreed in session {standing.first_session}")
    if standing.changed_in is not None:
        when = "this session" if standing.changed_in == session.number else f"session {standing.changed_in}"
        marks.append(f"changed in {when}")
    if marks:
        head += f" ({', '.join(marks)})"
    return Item(line(head), tuple(agreement_details(standing.agreement) + (extra or [])))
