"""Changes a mediator makes to a case, as pure functions: Case in, new Case out.

Every function validates what it builds and returns a new frozen Case; the caller
(CLI or board) hands it to the store, which saves it durably before anyone is told
the change is done. Nothing here touches files or the screen.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from facilitator.model import (
    FORMAT,
    AgendaItem,
    AgendaStatus,
    Agreement,
    AgreementKind,
    Case,
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
    parse_timestamp,
)

if TYPE_CHECKING:
    from facilitator.agenda import Template

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
}


def now_stamp() -> str:
    """The current time as an RFC 3339 timestamp in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


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


def revise(record: Record, **changes: Any) -> Record:
    """A copy of ``record`` with ``changes``, validated like a record read from a file."""
    data = record.dump()
    data.update(changes)
    return type(record).model_validate(data)


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
        return Party(id=f"p{number}", name=name, role=role.lower(), side=side.lower())
    except ValidationError as exc:
        raise ValueError(f'"{spec}": {describe_error(exc, None)}') from None


def case_slug(title: str) -> str:
    """A case id made from a title: "Speech for Sam" -> "speech-for-sam"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50].strip("-")
    return slug or "case"


# Until the parties are added, the mediator stands in (a case needs at least one party).
PLACEHOLDER_PARTY = {"name": "Mediator", "role": Role.OTHER, "side": Side.NEUTRAL}


def new_case(
    case_id: str, title: str, student: str, parties: list[Party], template: Template, on: date
) -> Case:
    """A case with session 1 planned from an agenda template."""
    from facilitator.agenda import agenda_items  # markdown-it loads only when a case is made

    if not parties:
        parties = [Party(id="p1", **PLACEHOLDER_PARTY)]
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
        created=now_stamp(),
        parties=parties,
        sessions=[session],
    )


# ---------------------------------------------------------------- building blocks


def _append(case: Case, list_name: str, record: Record) -> Case:
    return case.model_copy(update={list_name: [*getattr(case, list_name), record]})


def _replace(case: Case, list_name: str, record: Record) -> Case:
    records = [record if r.id == record.id else r for r in getattr(case, list_name)]
    return case.model_copy(update={list_name: records})


def _find(case: Case, list_name: str, record_id: str) -> Any:
    for record in getattr(case, list_name):
        if record.id == record_id:
            return record
    raise KeyError(f"no {list_name} record {record_id}")


def _set(case: Case, list_name: str, record_id: str, **changes: Any) -> Case:
    return _replace(case, list_name, revise(_find(case, list_name, record_id), **changes))


def _session_with(case: Case, session: Session) -> Case:
    sessions = [session if s.id == session.id else s for s in case.sessions]
    return case.model_copy(update={"sessions": sessions})


def _where(case: Case, item_id: str) -> tuple[Session, int]:
    for session in case.sessions:
        for index, item in enumerate(session.agenda):
            if item.id == item_id:
                return session, index
    raise KeyError(f"no agenda item {item_id}")


def _clean(value: str | None) -> str | None:
    """Blank optional text is stored as absent."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _fields(**values: Any) -> dict[str, Any]:
    # Only the fields that carry something, so dumps stay tidy.
    return {k: v for k, v in values.items() if v is not None and v != []}


# ---------------------------------------------------------------- session and agenda


def go_live(case: Case, session_id: str) -> Case:
    """Mark a planned session live (the first thing recorded in it starts it)."""
    session = case.session(session_id)
    if session is None or session.status != SessionStatus.PLANNED:
        return case
    return _session_with(case, revise(session, status=SessionStatus.LIVE, started_at=now_stamp()))


def set_item_status(case: Case, item_id: str, status: AgendaStatus) -> Case:
    """Change an agenda item's status; becoming active starts its timer, leaving it stops it."""
    session, index = _where(case, item_id)
    stamp = now_stamp()
    agenda = list(session.agenda)
    for i, item in enumerate(agenda):
        if i == index:
            changes: dict[str, Any] = {"status": status}
            if status == AgendaStatus.ACTIVE:
                if not item.started_at:
                    changes.update(started_at=stamp)
                elif item.ended_at:
                    # Coming back to an item: its clock goes on from the time already used.
                    used = parse_timestamp(item.ended_at) - parse_timestamp(item.started_at)
                    resumed = parse_timestamp(stamp) - max(used, timedelta(0))
                    changes.update(started_at=resumed.isoformat(), ended_at=None)
            elif item.status == AgendaStatus.ACTIVE:
                changes["ended_at"] = stamp
            agenda[i] = revise(item, **changes)
        elif status == AgendaStatus.ACTIVE and item.status == AgendaStatus.ACTIVE:
            # One item is discussed at a time: the one we leave stays open for later.
            agenda[i] = revise(item, status=AgendaStatus.OPEN, ended_at=stamp)
    return _session_with(case, revise(session, agenda=[a.dump() for a in agenda]))


def next_item(case: Case, session_id: str) -> tuple[Case, AgendaItem | None]:
    """Move on: the active item is left as it is marked, the next undecided item becomes active."""
    session = case.session(session_id)
    assert session is not None
    agenda = session.agenda
    current = next((i for i, item in enumerate(agenda) if item.status == AgendaStatus.ACTIVE), -1)
    waiting = [
        item for item in agenda[current + 1 :] + agenda[: max(current, 0)] if item.status == AgendaStatus.OPEN
    ]
    if not waiting:
        if current >= 0:
            case = set_item_status(case, agenda[current].id, AgendaStatus.OPEN)
        return case, None
    chosen = waiting[0]
    return set_item_status(case, chosen.id, AgendaStatus.ACTIVE), chosen


def add_agenda_item(case: Case, session_id: str, title: str, minutes: int | None = None) -> Case:
    session = case.session(session_id)
    assert session is not None
    item = AgendaItem(
        id=next_id(case, "agenda"), title=title.strip(), status=AgendaStatus.OPEN, **_fields(minutes=minutes)
    )
    return _session_with(case, revise(session, agenda=[*(a.dump() for a in session.agenda), item.dump()]))


def edit_agenda_item(case: Case, item_id: str, title: str, minutes: int | None) -> Case:
    session, index = _where(case, item_id)
    agenda = [a.dump() for a in session.agenda]
    agenda[index] = revise(session.agenda[index], title=title.strip(), minutes=minutes).dump()
    return _session_with(case, revise(session, agenda=agenda))


def move_agenda_item(case: Case, item_id: str, offset: int) -> Case:
    session, index = _where(case, item_id)
    target = max(0, min(len(session.agenda) - 1, index + offset))
    if target == index:
        return case
    agenda = [a.dump() for a in session.agenda]
    agenda.insert(target, agenda.pop(index))
    return _session_with(case, revise(session, agenda=agenda))


# ---------------------------------------------------------------- parties


def add_party(case: Case, name: str, role: Role, side: Side) -> tuple[Case, Party]:
    party = Party(id=next_id(case, "parties"), name=name.strip(), role=role, side=side)
    return _append(case, "parties", party), party


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


def set_option_status(case: Case, option_id: str, status: OptionStatus) -> Case:
    return _set(case, "options", option_id, status=status)


def link_option(case: Case, option_id: str, interest_ids: list[str]) -> Case:
    return _set(case, "options", option_id, addresses=list(interest_ids))


def record_agreement(
    case: Case,
    session_id: str,
    text: str,
    kind: AgreementKind = AgreementKind.PRINCIPLE,
    option_id: str | None = None,
    agenda_item: str | None = None,
) -> tuple[Case, Agreement]:
    """Record an area of agreement; made from an option, it serves that option's interests."""
    addresses = None
    if option_id:
        option = _find(case, "options", option_id)
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


AGREEMENT_DETAILS = ("service", "frequency", "duration", "responsible", "goal", "start", "review")


def edit_agreement(
    case: Case, agreement_id: str, text: str, kind: AgreementKind, **details: str | None
) -> Case:
    unknown = set(details) - set(AGREEMENT_DETAILS)
    if unknown:
        raise KeyError(f"not agreement details: {sorted(unknown)}")
    cleaned = {name: _clean(value) for name, value in details.items()}
    return _set(case, "agreements", agreement_id, text=text.strip(), kind=kind, **cleaned)


# ---------------------------------------------------------------- follow-ups and parking lot


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


def edit_follow_up(case: Case, follow_up_id: str, text: str, owner: str, due: str | None) -> Case:
    return _set(case, "follow_ups", follow_up_id, text=text.strip(), owner=owner, due=_clean(due))


def toggle_follow_up(case: Case, follow_up_id: str) -> Case:
    follow_up = _find(case, "follow_ups", follow_up_id)
    return _set(case, "follow_ups", follow_up_id, done=not follow_up.done)


def park(case: Case, session_id: str, text: str) -> tuple[Case, ParkingItem]:
    item = ParkingItem(
        id=next_id(case, "parking_lot"), session=session_id, text=text.strip(), status=ParkingStatus.OPEN
    )
    return _append(case, "parking_lot", item), item


def set_parking_status(case: Case, item_id: str, status: ParkingStatus) -> Case:
    return _set(case, "parking_lot", item_id, status=status)


# ---------------------------------------------------------------- statements and notes


def record_statement(
    case: Case, session_id: str, party_id: str, text: str, flagged: bool, reframe: str | None = None
) -> tuple[Case, Statement]:
    statement = Statement(
        id=next_id(case, "statements"),
        session=session_id,
        party=party_id,
        at=now_stamp(),
        text=text.strip(),
        flagged=flagged,
        **_fields(reframe=reframe),
    )
    return _append(case, "statements", statement), statement


def record_note(case: Case, session_id: str, text: str, caucus_party: str | None = None) -> tuple[Case, Note]:
    """A mediator's note: joint, or caucus-visible when written in caucus with a party."""
    visibility = Visibility.CAUCUS if caucus_party else Visibility.JOINT
    note = Note(
        id=next_id(case, "notes"),
        session=session_id,
        text=text.strip(),
        visibility=visibility,
        at=now_stamp(),
        **_fields(party=caucus_party),
    )
    return _append(case, "notes", note), note


def share_with_consent(case: Case, note_ids: list[str]) -> Case:
    """Record that a party consented to share these caucus notes."""
    stamp = now_stamp()
    for note_id in note_ids:
        case = _set(case, "notes", note_id, shared_with_consent=True, consent_at=stamp)
    return case


def edit_text(case: Case, list_name: str, record_id: str, text: str) -> Case:
    """Correct the words of a record (typos happen at speed)."""
    return _set(case, list_name, record_id, text=text.strip())


def remove(case: Case, list_name: str, record_id: str) -> Case:
    """Remove a record nothing else points at (undo brings it back)."""
    if list_name == "agenda":
        session, index = _where(case, record_id)
        if any(item.carried_from == record_id for _, item in case.agenda_items()):
            raise ValueError("It cannot be removed: a later session carries this item.")
        agenda = [a.dump() for i, a in enumerate(session.agenda) if i != index]
        new = _session_with(case, revise(session, agenda=agenda))
    else:
        records = [r for r in getattr(case, list_name) if r.id != record_id]
        new = case.model_copy(update={list_name: records})
    if find_problem(new):
        raise ValueError(
            "It cannot be removed while other records refer to it "
            "(an option that revises it, an agreement made from it, an interest it serves)."
        )
    return new
