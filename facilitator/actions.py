"""Changes a mediator makes to a case, as pure functions: Case in, new Case out.

Every function validates what it builds and returns a new frozen Case; the caller (the
service layer in ``live.py``, or the CLI) hands it to the store, which saves it durably
before anyone is told the change is done. Nothing here touches files, the screen or the
clock: a change that records a time is given it (``at``, an RFC 3339 timestamp).

A refusal is a ``ValueError`` (``FinalRecord`` for a record of a closed session) whose message
is meant for the mediator, in plain words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from facilitator.model import (
    FORMAT,
    MEDIATOR,
    OTHER_OWNER,
    AgendaItem,
    AgendaStatus,
    Agreement,
    AgreementKind,
    Case,
    Document,
    DocumentKind,
    DocumentStatus,
    FollowUp,
    Interest,
    Note,
    Option,
    OptionStatus,
    ParkingItem,
    ParkingStatus,
    Party,
    Record,
    Role,
    Session,
    SessionStatus,
    Side,
    Statement,
    Visibility,
    describe_error,
    find_problem,
    parse_date,
    parse_timestamp,
)

if TYPE_CHECKING:
    from facilitator.agenda import Template

R = TypeVar("R", bound=Record)

# The id prefix of each record list, as in the case file examples.
ID_PREFIX = {
    "parties": "p",
    "sessions": "s",
    "agenda": "a",
    "interests": "i",
    "options": "o",
    "agreements": "g",
    "follow_ups": "f",
    "parking_lot": "k",
    "statements": "st",
    "notes": "n",
    "documents": "d",
}

# What one record of each list is called, in the mediator's words.
RECORD_WORDS = {
    "agenda": "agenda item",
    "interests": "interest",
    "options": "option",
    "agreements": "agreement",
    "follow_ups": "follow-up",
    "parking_lot": "parking-lot topic",
    "statements": "statement",
    "notes": "note",
    "documents": "document",
}


class CaptureKind(StrEnum):
    """What a line typed on the board becomes (DESIGN section 6)."""

    STATEMENT = "statement"
    INTEREST = "interest"
    POSITION = "position"
    OPTION = "option"
    AGREEMENT = "agreement"
    NOTE = "note"
    FOLLOW_UP = "follow-up"
    PARKING_LOT = "parking lot"

    @property
    def needs_speaker(self) -> bool:
        """Words someone at the table said: the mediator cannot be their speaker."""
        return self in (CaptureKind.STATEMENT, CaptureKind.INTEREST, CaptureKind.POSITION)

    @property
    def list_name(self) -> str:
        """The record list a line of this kind goes to."""
        return CAPTURE_LISTS[self]


CAPTURE_LISTS = {
    CaptureKind.STATEMENT: "statements",
    CaptureKind.INTEREST: "interests",
    CaptureKind.POSITION: "interests",
    CaptureKind.OPTION: "options",
    CaptureKind.AGREEMENT: "agreements",
    CaptureKind.NOTE: "notes",
    CaptureKind.FOLLOW_UP: "follow_ups",
    CaptureKind.PARKING_LOT: "parking_lot",
}


class FinalRecord(ValueError):
    """A record of a closed session: it is kept as it was, and the message says what to do."""


def stamp(moment: datetime) -> str:
    """A moment as an RFC 3339 timestamp in UTC, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def now_stamp() -> str:
    """The current time as a timestamp, for callers that hold the clock (never used here)."""
    return stamp(datetime.now(UTC))


def next_id(case: Case, list_name: str) -> str:
    """A fresh id for a new record of ``list_name`` ("agenda" for agenda items)."""
    prefix = ID_PREFIX[list_name]
    if list_name == "agenda":
        taken = {item.id for _, item in case.agenda_items()}
    else:
        taken = {record.id for record in getattr(case, list_name)}
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)")
    numbers = [int(m.group(1)) for m in map(pattern.fullmatch, taken) if m]
    number = max(numbers, default=0) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def revise(record: R, **changes: Any) -> R:
    """A copy of ``record`` with ``changes``, validated like a record read from a file."""
    data = record.dump()
    data.update(changes)
    return type(record).model_validate(data)


def whole(case: Case) -> Case:
    """The case checked as a whole, like an imported file (model_copy does not validate)."""
    problem = find_problem(case)
    if problem:
        raise ValueError(problem)
    return case


# ---------------------------------------------------------------- a new case


def parse_party(spec: str, number: int) -> Party:
    """A party from "Name:role:side" (the name may hold colons); ValueError says what is wrong."""
    parts = spec.rsplit(":", 2)
    if len(parts) != 3 or not parts[0].strip():
        raise ValueError(f'"{spec}" must look like "Name:role:side"')
    name, role, side = (part.strip() for part in parts)
    if role.lower() not in {r.value for r in Role}:
        raise ValueError(f'"{spec}": role must be one of {", ".join(r.value for r in Role)}')
    if side.lower() not in {s.value for s in Side}:
        raise ValueError(f'"{spec}": side must be one of {", ".join(s.value for s in Side)}')
    try:
        return Party(id=f"p{number}", name=name, role=Role(role.lower()), side=Side(side.lower()))
    except ValidationError as exc:
        raise ValueError(f'"{spec}": {describe_error(exc, None)}') from None


def case_slug(title: str) -> str:
    """A case id made from a title: "Speech for Sam" -> "speech-for-sam"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50].strip("-")
    return slug or "case"


def placeholder_party() -> Party:
    """Until the parties are added, the mediator stands in (a case needs at least one party)."""
    return Party(id="p1", name="Mediator", role=Role.OTHER, side=Side.NEUTRAL)


def new_case(
    case_id: str, title: str, student: str, parties: list[Party], template: Template, on: date, at: str
) -> Case:
    """A case with session 1 planned from an agenda template."""
    from facilitator.agenda import agenda_items  # markdown-it loads only when a case is made

    session = Session(
        id="s1",
        number=1,
        date=on.isoformat(),
        status=SessionStatus.PLANNED,
        kind=template.kind,
        agenda=agenda_items(template),
    )
    return Case(
        format=FORMAT,
        id=case_id,
        title=title.strip(),
        student=student.strip(),
        created=at,
        parties=parties or [placeholder_party()],
        sessions=[session],
    )


# ---------------------------------------------------------------- building blocks


def _append(case: Case, list_name: str, record: Record) -> Case:
    return case.model_copy(update={list_name: [*getattr(case, list_name), record]})


def _replace(case: Case, list_name: str, record: Record) -> Case:
    records = [record if r.id == record.id else r for r in getattr(case, list_name)]
    return case.model_copy(update={list_name: records})


def find(case: Case, list_name: str, record_id: str) -> Record:
    """The record ``record_id`` of ``list_name``; KeyError says it is not there."""
    if list_name == "agenda":
        item = case.agenda_item(record_id)
        if item is not None:
            return item
    else:
        records: list[Record] = getattr(case, list_name)
        for record in records:
            if record.id == record_id:
                return record
    raise KeyError(f"there is no {RECORD_WORDS.get(list_name, list_name)} {record_id} in this case")


def _find(case: Case, list_name: str, record_id: str, kind: type[R]) -> R:
    record = find(case, list_name, record_id)
    assert isinstance(record, kind)
    return record


def _set(case: Case, list_name: str, record_id: str, **changes: Any) -> Case:
    return _replace(case, list_name, revise(find(case, list_name, record_id), **changes))


def _session(case: Case, session_id: str) -> Session:
    session = case.session(session_id)
    if session is None:
        raise KeyError(f"there is no session {session_id} in this case")
    return session


def _session_with(case: Case, session: Session) -> Case:
    sessions = [session if s.id == session.id else s for s in case.sessions]
    return case.model_copy(update={"sessions": sessions})


def _with_agenda(case: Case, session: Session, agenda: list[AgendaItem]) -> Case:
    return _session_with(case, revise(session, agenda=[item.dump() for item in agenda]))


def _where(case: Case, item_id: str) -> tuple[Session, int]:
    for session in case.sessions:
        for index, item in enumerate(session.agenda):
            if item.id == item_id:
                return session, index
    raise KeyError(f"there is no agenda item {item_id} in this case")


def _clean(value: str | None) -> str | None:
    """Blank optional text is stored as absent."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _fields(**values: Any) -> dict[str, Any]:
    # Only the fields that carry something, so dumps stay tidy.
    return {k: v for k, v in values.items() if v is not None and v != []}


def typed_date(text: str | None, label: str) -> str | None:
    """A date as typed in a form or on the capture line, or None when left empty."""
    if text is None or not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from None


# ---------------------------------------------------------------- closed sessions are final


def session_of(case: Case, list_name: str, record_id: str) -> Session | None:
    """The session a record was made in (None for a document not tied to one)."""
    if list_name == "agenda":
        return _where(case, record_id)[0]
    record = find(case, list_name, record_id)
    session_id = getattr(record, "session", None)
    return _session(case, session_id) if isinstance(session_id, str) else None


def check_open(case: Case, list_name: str, record_id: str) -> None:
    """Refuse (FinalRecord) to change a record of a closed session, saying what keeps the record."""
    session = session_of(case, list_name, record_id)
    if session is None or session.status != SessionStatus.CLOSED or list_name == "documents":
        return
    word = RECORD_WORDS.get(list_name, "record")
    way = {
        "agreements": "amend it instead: a new agreement in this session that changes it",
        "follow_ups": "it can still be marked done",
    }.get(list_name, "record what changed in this session instead")
    raise FinalRecord(
        f"This {word} is part of session {session.number}, which is closed, so it stays as it was; {way}."
    )


# ---------------------------------------------------------------- session and agenda


def go_live(case: Case, session_id: str, at: str, today: date | None = None) -> Case:
    """Mark a planned session live (the first thing recorded in it starts it); held before the
    day it was planned for (``today``), it is dated the day it is held."""
    session = _session(case, session_id)
    if session.status != SessionStatus.PLANNED:
        return case
    changes: dict[str, Any] = {"status": SessionStatus.LIVE, "started_at": at}
    if today is not None and session.date > today.isoformat():
        changes["date"] = today.isoformat()
    return _session_with(case, revise(session, **changes))


def set_item_status(case: Case, item_id: str, status: AgendaStatus, at: str) -> Case:
    """Change an agenda item's status; becoming active starts its timer, leaving it stops it."""
    session, index = _where(case, item_id)
    agenda = list(session.agenda)
    for i, item in enumerate(agenda):
        if i == index:
            changes: dict[str, Any] = {"status": status}
            if status == AgendaStatus.ACTIVE:
                if not item.started_at:
                    changes.update(started_at=at)
                elif item.ended_at:
                    # Coming back to an item: its clock goes on from the time already used.
                    used = parse_timestamp(item.ended_at) - parse_timestamp(item.started_at)
                    resumed = parse_timestamp(at) - max(used, timedelta(0))
                    changes.update(started_at=stamp(resumed), ended_at=None)
            elif item.status == AgendaStatus.ACTIVE:
                changes["ended_at"] = at
            agenda[i] = revise(item, **changes)
        elif status == AgendaStatus.ACTIVE and item.status == AgendaStatus.ACTIVE:
            agenda[i] = _left(item, at)
    return _with_agenda(case, session, agenda)


def _left(item: AgendaItem, at: str) -> AgendaItem:
    """The item the session moves away from: a step of the meeting is done, a topic stays open."""
    status = AgendaStatus.RESOLVED if item.is_step else AgendaStatus.OPEN
    return revise(item, status=status, ended_at=at)


@dataclass(frozen=True)
class Moved:
    """What F5 did: the item it left (as it now stands) and the one it started."""

    left: AgendaItem | None
    started: AgendaItem | None
    still_open: tuple[AgendaItem, ...]  # earlier topics left open, when nothing follows


def _left_last(agenda: list[AgendaItem]) -> int:
    """The active item's place, else the place of the item left last (-1 before any)."""
    current = next((i for i, item in enumerate(agenda) if item.status == AgendaStatus.ACTIVE), None)
    if current is not None:
        return current
    ended = [(parse_timestamp(item.ended_at), i) for i, item in enumerate(agenda) if item.ended_at]
    return max(ended)[1] if ended else -1


def upcoming(session: Session) -> AgendaItem | None:
    """The item F5 would start next, None when nothing open follows."""
    agenda = session.agenda
    return next((item for item in agenda[_left_last(agenda) + 1 :] if item.status == AgendaStatus.OPEN), None)


def next_item(case: Case, session_id: str, at: str) -> tuple[Case, Moved]:
    """Move on to the next open item after the active one; the last item stops there.

    A step of the meeting left behind is done; a topic left behind stays open, with the time
    it used. On the last item, a step is marked done and a topic stays active. With nothing
    active, "next" is the item after the one left last, so once the last item is done F5 stays
    stopped; going back to an earlier topic is chosen in the agenda, on purpose.
    """
    session = _session(case, session_id)
    agenda = session.agenda
    current = next((i for i, item in enumerate(agenda) if item.status == AgendaStatus.ACTIVE), None)
    last = _left_last(agenda)
    following = upcoming(session)
    if following is not None:
        case = set_item_status(case, following.id, AgendaStatus.ACTIVE, at)
        items = {item.id: item for item in _session(case, session_id).agenda}
        left = items[agenda[current].id] if current is not None else None
        return case, Moved(left, items[following.id], ())
    still_open = tuple(
        item for item in agenda[: max(last, 0)] if item.status == AgendaStatus.OPEN and not item.is_step
    )
    if current is not None and agenda[current].is_step:
        case = set_item_status(case, agenda[current].id, AgendaStatus.RESOLVED, at)
        return case, Moved(_session(case, session_id).agenda[current], None, still_open)
    return case, Moved(None, None, still_open)


def add_agenda_item(
    case: Case, session_id: str, title: str, minutes: int | None = None, after: str | None = None
) -> Case:
    """A new open item, right after ``after`` (the item the mediator is on), else at the end."""
    session = _session(case, session_id)
    item = AgendaItem(
        id=next_id(case, "agenda"), title=title.strip(), status=AgendaStatus.OPEN, **_fields(minutes=minutes)
    )
    agenda = list(session.agenda)
    ids = [a.id for a in agenda]
    agenda.insert(ids.index(after) + 1 if after in ids else len(agenda), item)
    return _with_agenda(case, session, agenda)


def edit_agenda_item(case: Case, item_id: str, title: str, minutes: int | None) -> Case:
    check_open(case, "agenda", item_id)
    session, index = _where(case, item_id)
    agenda = list(session.agenda)
    agenda[index] = revise(agenda[index], title=title.strip(), minutes=minutes)
    return _with_agenda(case, session, agenda)


def move_agenda_item(case: Case, item_id: str, offset: int) -> Case:
    check_open(case, "agenda", item_id)
    session, index = _where(case, item_id)
    target = max(0, min(len(session.agenda) - 1, index + offset))
    if target == index:
        return case
    agenda = list(session.agenda)
    agenda.insert(target, agenda.pop(index))
    return _with_agenda(case, session, agenda)


# ---------------------------------------------------------------- parties


def add_party(case: Case, name: str, role: Role, side: Side, authority: bool = False) -> tuple[Case, Party]:
    """``authority``: the district representative who can bind the district (named where they sign)."""
    party = Party(
        id=next_id(case, "parties"), name=name.strip(), role=role, side=side, authority=authority or None
    )
    return _append(case, "parties", party), party


def edit_party(
    case: Case, party_id: str, name: str, role: Role, side: Side, authority: bool
) -> tuple[Case, Party]:
    found = case.party(party_id)
    if found is None:
        raise KeyError(f"no party {party_id}")
    party = revise(
        found,
        name=name.strip(),
        role=role,
        side=side,
        authority=authority or None,
    )
    return _replace(case, "parties", party), party


# ---------------------------------------------------------------- interests and positions


def _latest_interest(case: Case, party_id: str, session_id: str) -> Interest | None:
    mine = [i for i in case.interests if i.party == party_id and i.session == session_id]
    return mine[-1] if mine else None


def record_interest(
    case: Case, session_id: str, party_id: str, text: str, agenda_item: str | None = None
) -> tuple[Case, Interest]:
    """Record an interest; it names the party's position-only entry if one is waiting."""
    latest = _latest_interest(case, party_id, session_id)
    if latest is not None and not latest.named:
        named = revise(latest, text=text.strip())
        return _replace(case, "interests", named), named
    interest = Interest(
        id=next_id(case, "interests"),
        party=party_id,
        session=session_id,
        text=text.strip(),
        **_fields(agenda_item=agenda_item),
    )
    return _append(case, "interests", interest), interest


def record_position(
    case: Case, session_id: str, party_id: str, text: str, agenda_item: str | None = None
) -> tuple[Case, Interest]:
    """Record a position behind the party's latest interest, or waiting for its interest."""
    latest = _latest_interest(case, party_id, session_id)
    if latest is not None and not latest.position:
        placed = revise(latest, position=text.strip())
        return _replace(case, "interests", placed), placed
    interest = Interest(
        id=next_id(case, "interests"),
        party=party_id,
        session=session_id,
        text="",  # heard only as a position until someone asks why
        position=text.strip(),
        **_fields(agenda_item=agenda_item),
    )
    return _append(case, "interests", interest), interest


def edit_interest(case: Case, interest_id: str, text: str, position: str | None) -> Case:
    check_open(case, "interests", interest_id)
    return _set(case, "interests", interest_id, text=text.strip(), position=_clean(position))


# ---------------------------------------------------------------- options and agreements


def record_option(
    case: Case,
    session_id: str,
    proposed_by: str,
    text: str,
    agenda_item: str | None = None,
    addresses: list[str] | None = None,
) -> tuple[Case, Option]:
    option = Option(
        id=next_id(case, "options"),
        session=session_id,
        proposed_by=proposed_by,
        text=text.strip(),
        status=OptionStatus.PROPOSED,
        **_fields(agenda_item=agenda_item, addresses=addresses or None),
    )
    return _append(case, "options", option), option


def link_option(case: Case, option_id: str, interest_ids: Iterable[str]) -> Case:
    return _set(case, "options", option_id, addresses=list(interest_ids))


# What deciding an option makes of it: agreed and trial put it in the agreements, so it
# reaches the parties' document; the kind of agreement it becomes.
DECISION_KINDS = {OptionStatus.AGREED: AgreementKind.SERVICE, OptionStatus.TRIAL: AgreementKind.TRIAL}


def decide_option(
    case: Case, option_id: str, status: OptionStatus, session_id: str
) -> tuple[Case, Agreement | None]:
    """Set an option's status; agreed or trial also makes its agreement (if it has none yet)."""
    option = _find(case, "options", option_id, Option)
    case = _set(case, "options", option_id, status=status)
    kind = DECISION_KINDS.get(status)
    if kind is None or any(g.option == option_id for g in case.agreements):
        return case, None
    return record_agreement(case, session_id, option.text, kind, option_id)


def record_agreement(
    case: Case,
    session_id: str,
    text: str,
    kind: AgreementKind = AgreementKind.SERVICE,
    option_id: str | None = None,
    agenda_item: str | None = None,
) -> tuple[Case, Agreement]:
    """Record an area of agreement; made from an option, it serves that option's interests."""
    addresses = None
    if option_id:
        option = _find(case, "options", option_id, Option)
        addresses = option.addresses or None
        agenda_item = agenda_item or option.agenda_item
    agreement = Agreement(
        id=next_id(case, "agreements"),
        session=session_id,
        kind=kind,
        text=text.strip(),
        **_fields(option=option_id, agenda_item=agenda_item, addresses=addresses),
    )
    return _append(case, "agreements", agreement), agreement


# A capture line may start with the kind of agreement: "trial: six weeks of ...".
AGREEMENT_PREFIX = re.compile(r"\s*(principle|service|trial|procedural)\s*:\s*", re.IGNORECASE)


def split_agreement_kind(text: str) -> tuple[AgreementKind, str]:
    """The kind an agreement line names at its start, else service (so its details are asked)."""
    match = AGREEMENT_PREFIX.match(text)
    if match and text[match.end() :].strip():
        return AgreementKind(match.group(1).lower()), text[match.end() :]
    return AgreementKind.SERVICE, text


@dataclass(frozen=True)
class AgreementDetails:
    """An agreement's details as typed in its form; dates are read by ``model.parse_date``."""

    text: str
    kind: AgreementKind
    service: str = ""
    frequency: str = ""
    duration: str = ""
    responsible: str = ""
    goal: str = ""
    start: str = ""
    review: str = ""
    data: str = ""
    monitor: str = ""
    iep_change: bool = False


def edit_agreement(case: Case, agreement_id: str, details: AgreementDetails) -> Case:
    check_open(case, "agreements", agreement_id)
    return _set(
        case,
        "agreements",
        agreement_id,
        text=details.text.strip(),
        kind=details.kind,
        service=_clean(details.service),
        frequency=_clean(details.frequency),
        duration=_clean(details.duration),
        responsible=_clean(details.responsible),
        goal=_clean(details.goal),
        start=typed_date(details.start, "start"),
        review=typed_date(details.review, "review"),
        data=_clean(details.data),
        monitor=_clean(details.monitor),
        iep_change=details.iep_change or None,
    )


# Fields of an agreement an amendment starts from (it keeps them until changed).
AMENDED_FIELDS = (
    "kind",
    "text",
    "agenda_item",
    "option",
    "service",
    "frequency",
    "duration",
    "responsible",
    "goal",
    "start",
    "review",
    "addresses",
    "data",
    "monitor",
    "iep_change",
)


def amend_agreement(case: Case, agreement_id: str, session_id: str) -> tuple[Case, Agreement]:
    """A new agreement in ``session_id`` that changes an earlier one, starting from its words."""
    earlier = _find(case, "agreements", agreement_id, Agreement)
    numbers = {s.id: s.number for s in case.sessions}
    if numbers[earlier.session] >= numbers[session_id]:
        raise ValueError("Only an agreement of an earlier session can be amended; edit this one instead.")
    data = {name: value for name, value in earlier.dump().items() if name in AMENDED_FIELDS}
    data.update(id=next_id(case, "agreements"), session=session_id, amends=agreement_id)
    amendment = Agreement.model_validate(data)
    return _append(case, "agreements", amendment), amendment


# ---------------------------------------------------------------- follow-ups and parking lot

# "... by 12/5/2026", "... due 2026-12-05": a date at the end of a follow-up is its due date.
DUE_AT_END = re.compile(
    r"(?:\s+(?:due|by|on))?\s+(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\s*$", re.IGNORECASE
)


def split_due_date(text: str) -> tuple[str, str | None]:
    """(words, due date) of a follow-up line; ValueError when its date is not a real one."""
    match = DUE_AT_END.search(text)
    if match is None or not text[: match.start()].strip():
        return text, None
    try:
        due = parse_date(match.group(1))
    except ValueError as exc:
        raise ValueError(f'The due date "{match.group(1)}" {exc}; nothing was recorded.') from None
    return text[: match.start()].strip(), due


def record_follow_up(
    case: Case, session_id: str, owner: str, text: str, due: str | None = None
) -> tuple[Case, FollowUp]:
    follow_up = FollowUp(
        id=next_id(case, "follow_ups"),
        session=session_id,
        text=text.strip(),
        owner=owner,
        done=False,
        **_fields(due=due),
    )
    return _append(case, "follow_ups", follow_up), follow_up


def edit_follow_up(
    case: Case, follow_up_id: str, text: str, owner: str, owner_name: str | None, due: str | None
) -> Case:
    check_open(case, "follow_ups", follow_up_id)
    return _set(
        case,
        "follow_ups",
        follow_up_id,
        text=text.strip(),
        owner=owner,
        owner_name=_clean(owner_name) if owner == OTHER_OWNER else None,
        due=typed_date(due, "due"),
    )


def set_follow_up_done(case: Case, follow_up_id: str, done: bool, at: str) -> Case:
    """Mark a follow-up done (when, too) or not done; allowed in any session, closed or not."""
    return _set(case, "follow_ups", follow_up_id, done=done, done_at=at if done else None)


def park(case: Case, session_id: str, text: str) -> tuple[Case, ParkingItem]:
    item = ParkingItem(
        id=next_id(case, "parking_lot"), session=session_id, text=text.strip(), status=ParkingStatus.OPEN
    )
    return _append(case, "parking_lot", item), item


def set_parking_status(case: Case, item_id: str, status: ParkingStatus) -> Case:
    return _set(case, "parking_lot", item_id, status=status)


# ---------------------------------------------------------------- preparation


# The order a document moves through on the checklist.
DOCUMENT_STEPS = (
    DocumentStatus.NEEDED,
    DocumentStatus.REQUESTED,
    DocumentStatus.RECEIVED,
    DocumentStatus.SHARED,
)


def add_document(
    case: Case, title: str, party: str, kind: DocumentKind, due: str | None, session_id: str | None
) -> tuple[Case, Document]:
    """A document for the preparation checklist, still needed."""
    document = Document(
        id=next_id(case, "documents"),
        title=title.strip(),
        party=party,
        kind=kind,
        status=DocumentStatus.NEEDED,
        **_fields(due=typed_date(due, "due"), session=session_id),
    )
    return _append(case, "documents", document), document


def edit_document(
    case: Case, document_id: str, title: str, party: str, kind: DocumentKind, due: str | None
) -> Case:
    return _set(
        case,
        "documents",
        document_id,
        title=title.strip(),
        party=party,
        kind=kind,
        due=typed_date(due, "due"),
    )


def advance_document(case: Case, document_id: str) -> tuple[Case, Document]:
    """Move a document one step on: needed, requested, received, shared (then needed again)."""
    document = _find(case, "documents", document_id, Document)
    following = DOCUMENT_STEPS[(DOCUMENT_STEPS.index(document.status) + 1) % len(DOCUMENT_STEPS)]
    moved = revise(document, status=following)
    return _replace(case, "documents", moved), moved


# ---------------------------------------------------------------- statements and notes


def record_statement(
    case: Case,
    session_id: str,
    party_id: str,
    text: str,
    flagged: bool,
    reframe: str | None = None,
    *,
    at: str,
) -> tuple[Case, Statement]:
    statement = Statement(
        id=next_id(case, "statements"),
        session=session_id,
        party=party_id,
        at=at,
        text=text.strip(),
        flagged=flagged,
        **_fields(reframe=reframe),
    )
    return _append(case, "statements", statement), statement


def edit_statement(case: Case, statement_id: str, text: str, party_id: str) -> Case:
    """Correct a statement's words or who said it (a wrong speaker is easy at speed)."""
    check_open(case, "statements", statement_id)
    if party_id == MEDIATOR or case.party(party_id) is None:
        raise ValueError("A statement belongs to someone at the table: choose one of the parties.")
    return _set(case, "statements", statement_id, text=text.strip(), party=party_id)


def statement_as_note(case: Case, statement_id: str, text: str) -> tuple[Case, Note]:
    """The mediator's own words, logged as a party's statement by mistake: they become the
    mediator's note (a statement always belongs to someone at the table)."""
    check_open(case, "statements", statement_id)
    statement = find(case, "statements", statement_id)
    if not isinstance(statement, Statement):
        raise KeyError(statement_id)
    case, note = record_note(case, statement.session, text, at=statement.at)
    return remove(case, "statements", statement_id), note


def record_note(
    case: Case, session_id: str, text: str, caucus_party: str | None = None, *, at: str
) -> tuple[Case, Note]:
    """A mediator's note: joint, or caucus-visible when written in caucus with a party."""
    visibility = Visibility.CAUCUS if caucus_party else Visibility.JOINT
    note = Note(
        id=next_id(case, "notes"),
        session=session_id,
        text=text.strip(),
        visibility=visibility,
        at=at,
        **_fields(party=caucus_party),
    )
    return _append(case, "notes", note), note


def share_with_consent(case: Case, note_ids: Iterable[str], at: str) -> Case:
    """Record that a party consented to share these caucus notes."""
    for note_id in note_ids:
        case = _set(case, "notes", note_id, shared_with_consent=True, consent_at=at)
    return case


def edit_text(case: Case, list_name: str, record_id: str, text: str) -> Case:
    """Correct the words of a record (typos happen at speed)."""
    check_open(case, list_name, record_id)
    return _set(case, list_name, record_id, text=text.strip())


def remove(case: Case, list_name: str, record_id: str) -> Case:
    """Remove a record nothing else points at (undo brings it back)."""
    check_open(case, list_name, record_id)
    if list_name == "agenda":
        session, index = _where(case, record_id)
        if any(item.carried_from == record_id for _, item in case.agenda_items()):
            raise ValueError("It cannot be removed: a later session carries this item.")
        new = _with_agenda(case, session, [a for i, a in enumerate(session.agenda) if i != index])
    else:
        find(case, list_name, record_id)
        records = [r for r in getattr(case, list_name) if r.id != record_id]
        new = case.model_copy(update={list_name: records})
    if find_problem(new):
        raise ValueError(
            "It cannot be removed while other records refer to it "
            "(an option that revises it, an agreement made from it, an interest it serves)."
        )
    return new


# ---------------------------------------------------------------- the capture line


@dataclass(frozen=True)
class Line:
    """One line typed on the board, with everything that says what it becomes."""

    kind: CaptureKind
    speaker: str  # a party id or "mediator"
    text: str
    agenda_item: str | None = None  # the active item, which the record is about
    caucus_party: str | None = None  # in caucus: whoever the note is with
    flagged: bool = False  # the reframing engine heard blame in it
    reframe: str | None = None


def capture(case: Case, session_id: str, line: Line, at: str) -> tuple[Case, Record]:
    """Record one capture line as what its kind says; ValueError in plain words when it cannot be."""
    text = line.text.strip()
    if not text:
        raise ValueError("There is nothing to record: type the words first.")
    if line.caucus_party:
        # In caucus everything written is a note, private to the mediator and that party.
        return record_note(case, session_id, text, line.caucus_party, at=at)
    kind, speaker, item = line.kind, line.speaker, line.agenda_item
    if kind.needs_speaker and (speaker == MEDIATOR or case.party(speaker) is None):
        raise ValueError(
            f"Whose words? A {kind.value} belongs to someone at the table: F2 picks the speaker."
        )
    if kind == CaptureKind.STATEMENT:
        return record_statement(case, session_id, speaker, text, line.flagged, line.reframe, at=at)
    if kind == CaptureKind.INTEREST:
        return record_interest(case, session_id, speaker, text, item)
    if kind == CaptureKind.POSITION:
        return record_position(case, session_id, speaker, text, item)
    if kind == CaptureKind.OPTION:
        return record_option(case, session_id, speaker, text, item)
    if kind == CaptureKind.AGREEMENT:
        agreement_kind, words = split_agreement_kind(text)
        return record_agreement(case, session_id, words, agreement_kind, agenda_item=item)
    if kind == CaptureKind.NOTE:
        return record_note(case, session_id, text, at=at)
    if kind == CaptureKind.FOLLOW_UP:
        words, due = split_due_date(text)
        return record_follow_up(case, session_id, speaker, words, due)
    return park(case, session_id, text)
