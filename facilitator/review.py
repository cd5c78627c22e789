"""What is still unresolved in a case, and carrying a case into its next session.

DESIGN.md section 9. Pure: case in, answer (or new case) out; nothing here touches files
or the screen.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from facilitator.actions import next_id, now_stamp
from facilitator.export import (
    DETAIL_WORDS,
    SESSION_KIND_WORDS,
    escape_inline,
    long_date,
    plain_inline,
    short_date,
    words_list,
)
from facilitator.model import (
    MEDIATOR,
    SETTLED_AGENDA,
    UNDECIDED_OPTIONS,
    AgendaItem,
    AgendaStatus,
    Agreement,
    Case,
    FollowUp,
    Interest,
    Option,
    ParkingItem,
    ParkingStatus,
    Session,
    SessionKind,
    SessionStatus,
    case_from_document,
)

CHECK_IN_TITLE = "Check-in on follow-ups from session {number}"
CHECK_IN_MINUTES = 10


@dataclass(frozen=True)
class Unresolved:
    """What is still unresolved in a case, as of its latest session."""

    case_id: str
    session: int
    open_agenda: list[AgendaItem]
    open_options: list[Option]
    unaddressed_interests: list[Interest]
    incomplete_agreements: list[Agreement]
    open_follow_ups: list[FollowUp]
    parking_lot: list[ParkingItem]

    @property
    def count(self) -> int:
        return sum(len(getattr(self, name)) for name in GROUPS)

    @property
    def is_empty(self) -> bool:
        return self.count == 0


# The groups of `Unresolved`, in the order they are shown, with their headings.
GROUPS = {
    "open_agenda": "Agenda items still open",
    "open_options": "Options not decided",
    "unaddressed_interests": "Interests no agreed option or agreement addresses yet",
    "incomplete_agreements": "Agreements missing details",
    "open_follow_ups": "Follow-ups not done",
    "parking_lot": "Parking lot",
}


def unresolved(case: Case) -> Unresolved:
    """Everything DESIGN section 9 calls unresolved, in file order."""
    addressed = case.addressed_interests()
    latest = case.latest
    return Unresolved(
        case_id=case.id,
        session=latest.number,
        open_agenda=[item for item in latest.agenda if item.status not in SETTLED_AGENDA],
        open_options=[o for o in case.options if o.status in UNDECIDED_OPTIONS],
        unaddressed_interests=[i for i in case.interests if i.id not in addressed],
        incomplete_agreements=[a for a in case.agreements if a.missing()],
        open_follow_ups=[f for f in case.follow_ups if not f.done],
        parking_lot=[k for k in case.parking_lot if k.status == ParkingStatus.OPEN],
    )


# ---------------------------------------------------------------- review as JSON


def review_json(case: Case) -> dict[str, Any]:
    """The ``review --format json`` document (DESIGN section 9).

    Each entry carries its ``id`` and ``text`` (``title`` for agenda items), the number of
    the session it was recorded in, and what helps act on it (status, party, owner, due,
    the missing details of an agreement). Party references keep their ids; ``*_name`` keys
    give the names.
    """
    found = unresolved(case)
    numbers = {s.id: s.number for s in case.sessions}
    latest = found.session
    return {
        "case": case.id,
        "session": latest,
        "open_agenda": [
            {
                "id": item.id,
                "title": item.title,
                "status": item.status.value,
                "minutes": item.minutes,
                "carried_from": item.carried_from,
                "session": latest,
            }
            for item in found.open_agenda
        ],
        "open_options": [
            {
                "id": o.id,
                "text": o.text,
                "status": o.status.value,
                "proposed_by": o.proposed_by,
                "proposed_by_name": case.who(o.proposed_by),
                "addresses": list(o.addresses or []),
                "agenda_item": o.agenda_item,
                "session": numbers.get(o.session),
            }
            for o in found.open_options
        ],
        "unaddressed_interests": [
            {
                "id": i.id,
                "text": i.text,
                "party": i.party,
                "party_name": case.who(i.party),
                "position": i.position,
                "agenda_item": i.agenda_item,
                "session": numbers.get(i.session),
            }
            for i in found.unaddressed_interests
        ],
        "incomplete_agreements": [
            {
                "id": a.id,
                "text": a.text,
                "kind": a.kind.value,
                "missing": a.missing(),
                "session": numbers.get(a.session),
            }
            for a in found.incomplete_agreements
        ],
        "open_follow_ups": [
            {
                "id": f.id,
                "text": f.text,
                "owner": f.owner,
                "owner_name": case.who(f.owner),
                "due": f.due,
                "session": numbers.get(f.session),
            }
            for f in found.open_follow_ups
        ],
        "parking_lot": [
            {"id": k.id, "text": k.text, "status": k.status.value, "session": numbers.get(k.session)}
            for k in found.parking_lot
        ],
    }


# ---------------------------------------------------------------- review for people

FORMATS = ("text", "markdown", "json")


def render_review(case: Case, fmt: str) -> str:
    """The review in ``fmt``: "text" for the terminal, "markdown", or "json"."""
    if fmt == "json":
        return json.dumps(review_json(case), indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f'unknown review format "{fmt}": use text, markdown or json')
    found = unresolved(case)
    markdown = fmt == "markdown"
    show = escape_inline if markdown else plain_inline
    latest = case.latest
    where = (
        f"Session {latest.number}, {long_date(latest.date)} "
        f"({SESSION_KIND_WORDS[latest.kind]}, {latest.status.value})"
    )
    if found.is_empty:
        tally = "Nothing is unresolved."
    else:
        tally = f"{found.count} unresolved."
    lines: list[str] = []
    if markdown:
        lines += [f"# Unresolved: {show(case.title)}", "", f"{where}. {tally}"]
    else:
        lines += [f"{show(case.title)} ({case.id})", where, "", tally]
    numbers = {s.id: s.number for s in case.sessions}
    for group, heading in GROUPS.items():
        records = getattr(found, group)
        if not records:
            continue
        lines.append("")
        lines.append(f"## {heading} ({len(records)})" if markdown else f"{heading} ({len(records)})")
        if markdown:
            lines.append("")
        bullet = "- " if markdown else "  - "
        for record in records:
            lines.append(bullet + _entry(case, record, show, numbers, latest))
    return "\n".join(lines) + "\n"


def _entry(
    case: Case, record: Any, show: Callable[[str], str], numbers: dict[str, int], latest: Session
) -> str:
    """One unresolved record on one line: what it is, then its details after a dash.

    ``show`` makes user text safe for the format (plain text or escaped Markdown).
    """
    if isinstance(record, AgendaItem):
        main = show(record.title)
        details = [record.status.value]
        if record.minutes:
            details.append(f"{record.minutes} min")
        origin = next((s.number for s, item in case.agenda_items() if item.id == record.carried_from), None)
        if origin is not None:
            details.append(f"carried from session {origin}")
    elif isinstance(record, Option):
        main = show(record.text)
        details = [record.status.value, f"proposed by {_who(case, record.proposed_by, show)}"]
    elif isinstance(record, Interest):
        main = show(record.text)
        details = [_who(case, record.party, show)]
    elif isinstance(record, Agreement):
        main = f"{show(record.text)} ({record.kind.value})"
        details = ["still needs " + words_list(DETAIL_WORDS[name][1] for name in record.missing())]
    elif isinstance(record, FollowUp):
        main = show(record.text)
        details = [
            _who(case, record.owner, show),
            f"due {short_date(record.due)}" if record.due else "no due date",
        ]
    else:
        main, details = show(record.text), []
    number = numbers.get(getattr(record, "session", ""), latest.number)
    if not isinstance(record, AgendaItem) and number != latest.number:
        details.append(f"from session {number}")
    return f"{main} — {', '.join(details)}" if details else main


def _who(case: Case, party_id: str, show: Callable[[str], str]) -> str:
    return "the mediator" if party_id == MEDIATOR else show(case.who(party_id))


# ---------------------------------------------------------------- the next session


def next_session(
    case: Case,
    *,
    on: date,
    items_after: list[AgendaItem] | None = None,
    kind: SessionKind | None = None,
) -> Case:
    """The case with its next session added, started from the latest session's state.

    The latest session is closed if it is still live (its running agenda item is stopped and
    counts as open). The new session is planned for ``on``, of ``kind`` (default: the latest
    session's kind), and its agenda is: a check-in on the open follow-ups; every unresolved
    agenda item of the latest session, carried with a new id; one item for each open
    parking-lot entry (which becomes scheduled); then ``items_after`` (a template's items)
    with fresh ids. Interests, options and agreements belong to the case and stay as they are.
    """
    latest = _stop(case.latest)
    sessions = [latest if s.id == latest.id else s for s in case.sessions]
    ids = _fresh_agenda_ids(case)
    carried = [item for item in latest.agenda if item.status not in SETTLED_AGENDA]

    # A check-in left open last time is not repeated: the new check-in carries it.
    previous_check_in = next((item for item in carried if _is_check_in(item)), None)
    check_in: dict[str, Any] = {
        "id": next(ids),
        "title": CHECK_IN_TITLE.format(number=latest.number),
        "status": AgendaStatus.OPEN.value,
        "minutes": CHECK_IN_MINUTES,
        "prompts": _check_in_prompts(case, latest),
    }
    if previous_check_in is not None:
        check_in["carried_from"] = previous_check_in.id
    agenda = [AgendaItem.model_validate(check_in)]

    for item in carried:
        if item is previous_check_in:
            continue
        fresh: dict[str, Any] = {"id": next(ids), "title": item.title, "status": AgendaStatus.OPEN.value}
        if item.minutes is not None:
            fresh["minutes"] = item.minutes
        if item.prompts:
            fresh["prompts"] = list(item.prompts)
        fresh["carried_from"] = item.id
        agenda.append(AgendaItem.model_validate(fresh))

    parking_lot = []
    for parked in case.parking_lot:
        if parked.status != ParkingStatus.OPEN:
            parking_lot.append(parked)
            continue
        agenda.append(AgendaItem.model_validate(_parking_item(next(ids), parked)))
        parking_lot.append(
            ParkingItem.model_validate({**parked.dump(), "status": ParkingStatus.SCHEDULED.value})
        )

    for template_item in items_after or []:
        data = {
            key: value
            for key, value in template_item.dump().items()
            if key not in ("carried_from", "started_at", "ended_at")
        }
        data.update(id=next(ids), status=AgendaStatus.OPEN.value)
        agenda.append(AgendaItem.model_validate(data))

    sessions.append(
        Session.model_validate(
            {
                "id": next_id(case, "sessions"),
                "number": max(s.number for s in case.sessions) + 1,
                "date": on.isoformat(),
                "status": SessionStatus.PLANNED.value,
                "kind": SessionKind(kind or latest.kind).value,
                "agenda": [item.dump() for item in agenda],
            }
        )
    )
    update: dict[str, Any] = {"sessions": sessions}
    if parking_lot != list(case.parking_lot):
        update["parking_lot"] = parking_lot
    # model_copy does not validate: the new case is checked as a whole, like an imported file.
    return case_from_document(case.model_copy(update=update).dump())


def _stop(session: Session) -> Session:
    """The session closed if it is live, with a running agenda item stopped and open again."""
    if session.status != SessionStatus.LIVE:
        return session
    stamp = now_stamp()
    agenda = []
    for item in session.agenda:
        if item.status == AgendaStatus.ACTIVE:
            data = {**item.dump(), "status": AgendaStatus.OPEN.value}
            if not item.ended_at:
                data["ended_at"] = stamp
            item = AgendaItem.model_validate(data)
        agenda.append(item.dump())
    return Session.model_validate(
        {
            **session.dump(),
            "status": SessionStatus.CLOSED.value,
            "ended_at": stamp,
            "agenda": agenda,
        }
    )


def _fresh_agenda_ids(case: Case) -> Iterator[str]:
    taken = {item.id for _, item in case.agenda_items()}
    first = next_id(case, "agenda")
    number = int(first[1:])
    while True:
        candidate = f"a{number}"
        if candidate not in taken:
            taken.add(candidate)
            yield candidate
        number += 1


def _is_check_in(item: AgendaItem) -> bool:
    return item.title.startswith(CHECK_IN_TITLE.split("{", 1)[0])


def _check_in_prompts(case: Case, latest: Session) -> list[str]:
    prompts = []
    for follow_up in case.follow_ups:
        if follow_up.done:
            continue
        owner = case.who(follow_up.owner)
        due = f"due {short_date(follow_up.due)}" if follow_up.due else "no due date"
        prompts.append(f"{plain_inline(follow_up.text)} ({owner}, {due})")
    if not prompts:
        prompts.append(f"No follow-ups are open: ask what has happened since session {latest.number}")
    return prompts


# A parking-lot text longer than an agenda title may be is shortened, ending with "…".
TITLE_LIMIT = 500  # a parking-lot entry longer than this keeps its full text as a prompt


def _parking_item(item_id: str, parked: ParkingItem) -> dict[str, Any]:
    """An agenda item for a parking-lot entry: its text as the title, shortened if needed."""
    one_line = plain_inline(parked.text)
    title = one_line
    if len(title) > TITLE_LIMIT:
        cut = title[: TITLE_LIMIT - 1]
        space = cut.rfind(" ")
        if space > TITLE_LIMIT // 2:
            cut = cut[:space]
        title = cut.rstrip() + "…"
    data: dict[str, Any] = {"id": item_id, "title": title, "status": AgendaStatus.OPEN.value}
    if title != parked.text:
        data["prompts"] = [parked.text]
    return data


# ---------------------------------------------------------------- what the board shows


@dataclass(frozen=True)
class InPlay:
    """What is in play in the latest session: its own records and what earlier ones left open."""

    interests: list[Interest]
    options: list[Option]
    follow_ups: list[FollowUp]
    parking_lot: list[ParkingItem]


def in_play(case: Case) -> InPlay:
    """The latest session's records, plus earlier ones that are still unresolved.

    Settled history (addressed interests, decided options, done follow-ups) stays in the
    case, the review and the exports, but not on the live board.
    """
    current = case.latest.id
    found = unresolved(case)

    def keep(records: list, still_open: list) -> list:
        open_ids = {r.id for r in still_open}
        return [r for r in records if r.session == current or r.id in open_ids]

    return InPlay(
        interests=keep(case.interests, found.unaddressed_interests),
        options=keep(case.options, found.open_options),
        follow_ups=keep(case.follow_ups, found.open_follow_ups),
        parking_lot=keep(case.parking_lot, found.parking_lot),
    )
