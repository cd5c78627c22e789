"""What is still unresolved in a case, the signs that it is stuck, and its next session.

DESIGN.md sections 9 and 12. Pure: case in, answer (or new case) out; nothing here touches
files or the screen. The board calls the same functions as the command line:
``unresolved``, ``red_flags``, ``overdue``, ``trials_to_review``, ``iep_changes`` and
``next_session``; ``render_review`` writes them for people.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any, TypeVar

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
    MAX_MINUTES,
    MAX_SESSION_NUMBER,
    MEDIATOR,
    MISSING_DOCUMENTS,
    OTHER_OWNER,
    SETTLED_AGENDA,
    UNDECIDED_OPTIONS,
    AgendaItem,
    AgendaStatus,
    Agreement,
    AgreementKind,
    Case,
    Document,
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
# An agenda item that checks on follow-ups: the one `next` makes, and a template's own
# ("Check-in and purpose", "Follow-ups from last time", "Follow-ups due"). `next` keeps one.
CHECK_IN = re.compile(r"\s*(check[- ]?in|follow[- ]?ups)\b", re.IGNORECASE)


def is_check_in(item: AgendaItem) -> bool:
    """An agenda item whose title opens with "Check-in" or "Follow-ups"."""
    return bool(CHECK_IN.match(item.title))


def is_topic(item: AgendaItem) -> bool:
    """A topic in dispute: not a process step of the meeting, not the check-in on follow-ups."""
    return not item.is_step and not is_check_in(item)


# ---------------------------------------------------------------- unresolved


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
    """Everything DESIGN section 9 calls unresolved, in file order.

    Process steps of the meeting (agenda items with ``process``) are never open business.
    """
    addressed = case.addressed_interests()
    latest = case.latest
    return Unresolved(
        case_id=case.id,
        session=latest.number,
        open_agenda=[
            item for item in latest.agenda if item.status not in SETTLED_AGENDA and not item.is_step
        ],
        open_options=[o for o in case.options if o.status in UNDECIDED_OPTIONS],
        unaddressed_interests=[i for i in case.interests if i.id not in addressed],
        incomplete_agreements=[a for a in case.agreements if a.missing()],
        open_follow_ups=[f for f in case.follow_ups if not f.done],
        parking_lot=[k for k in case.parking_lot if k.status == ParkingStatus.OPEN],
    )


# ---------------------------------------------------------------- follow-through


def in_force(case: Case) -> list[Agreement]:
    """The agreements no later agreement amends (an amended one is replaced by its amendment)."""
    amended = {a.amends for a in case.agreements if a.amends}
    return [a for a in case.agreements if a.id not in amended]


def check_ins(case: Case) -> dict[str, list[FollowUp]]:
    """The follow-ups that check on each agreement (their ``agreement`` names it), by agreement id."""
    linked: dict[str, list[FollowUp]] = defaultdict(list)
    for follow_up in case.follow_ups:
        if follow_up.agreement:
            linked[follow_up.agreement].append(follow_up)
    return linked


def trials_to_review(case: Case) -> list[Agreement]:
    """Trial agreements in force whose review has not taken place (no ``reviewed`` date)."""
    return [a for a in in_force(case) if a.kind == AgreementKind.TRIAL and not a.reviewed]


def iep_changes(case: Case) -> list[Agreement]:
    """Agreements in force that need an IEP amendment or meeting, not yet confirmed as made.

    The rule: an ``iep_change`` agreement is confirmed once at least one follow-up checks on
    it (its ``agreement`` names it) and every such follow-up is done. Until then it is
    listed, so the mediator can ask for the amendment to be scheduled and marked done.
    """
    pending = []
    checked = check_ins(case)
    for agreement in in_force(case):
        if not agreement.iep_change:
            continue
        linked = checked.get(agreement.id, [])
        if not linked or not all(f.done for f in linked):
            pending.append(agreement)
    return pending


def missing_documents(case: Case) -> list[Document]:
    """The documents of the preparation checklist still needed or requested, in file order."""
    return [d for d in case.documents if d.status in MISSING_DOCUMENTS]


# ---------------------------------------------------------------- red flags

RED_FLAG_KINDS = (
    "stalled-topic",
    "one-sided",
    "missed-follow-ups",
    "waiting-on-data",
    "trial-review-due",
    "positions-only",
)


@dataclass(frozen=True)
class RedFlag:
    """A sign that the mediation is stuck (DESIGN section 9).

    ``kind`` is one of ``RED_FLAG_KINDS``; ``text`` a plain, neutral sentence for the
    mediator (user words in it as typed: the renderers make it safe for their format);
    ``evidence`` the ids of the records it rests on.
    """

    kind: str
    text: str
    evidence: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "evidence": list(self.evidence)}


def red_flags(case: Case, today: date) -> list[RedFlag]:
    """Every red flag of the case on ``today``, grouped by kind in the order of RED_FLAG_KINDS.

    * stalled-topic: a topic carried through two or more sessions (a ``carried_from`` chain
      of two or more links) with no agreement on any item of the chain; evidence: the chain's
      agenda item ids, oldest first.
    * one-sided: an open topic of the latest session with two or more undecided options (on
      it or on the items it was carried from), all proposed by one side; the mediator's
      options do not count. Evidence: the option ids.
    * missed-follow-ups: one owner with two or more follow-ups past due and not done.
    * waiting-on-data: a topic ``needs-data`` in two or more sessions in a row (consecutive
      items of its chain); evidence: those agenda item ids.
    * trial-review-due: a trial in force whose review date is before ``today`` and that has
      no ``reviewed`` date; evidence: the agreement id.
    * positions-only: a party with two or more positions whose interest is not named yet.

    Check-ins and process steps are not topics.
    """
    return [
        *_stalled_topics(case),
        *_one_sided(case),
        *_missed_follow_ups(case, today),
        *_waiting_on_data(case),
        *_trial_reviews_due(case, today),
        *_positions_only(case),
    ]


Chain = list[tuple[Session, AgendaItem]]


def _ancestry(case: Case) -> Callable[[AgendaItem], Chain]:
    """A function giving an agenda item's chain: the items it was carried from, oldest first."""
    where = {item.id: (session, item) for session, item in case.agenda_items()}

    def chain(item: AgendaItem) -> Chain:
        found: Chain = []
        seen: set[str] = set()
        current: str | None = item.id
        while current is not None and current in where and current not in seen:
            seen.add(current)
            session, record = where[current]
            found.append((session, record))
            current = record.carried_from
        found.reverse()
        return found

    return chain


def _topic_chains(case: Case) -> list[Chain]:
    """Each topic's whole chain, once: from every item that was not carried any further."""
    carried_on = {item.carried_from for _, item in case.agenda_items() if item.carried_from}
    chain = _ancestry(case)
    return [chain(item) for _, item in case.agenda_items() if item.id not in carried_on and is_topic(item)]


def _stalled_topics(case: Case) -> Iterator[RedFlag]:
    agreed_on = {a.agenda_item for a in case.agreements if a.agenda_item}
    for chain in _topic_chains(case):
        if len(chain) < 3 or any(item.id in agreed_on for _, item in chain):
            continue
        numbers = words_list(str(session.number) for session, _ in chain)
        title = _quoted(chain[-1][1].title)
        yield RedFlag(
            "stalled-topic",
            f"{title} has been on the agenda of sessions {numbers} with no agreement on it yet.",
            tuple(item.id for _, item in chain),
        )


def _one_sided(case: Case) -> Iterator[RedFlag]:
    chain = _ancestry(case)
    options_on: dict[str, list[Option]] = defaultdict(list)
    for option in case.options:
        if option.agenda_item and option.status in UNDECIDED_OPTIONS:
            options_on[option.agenda_item].append(option)
    for item in unresolved(case).open_agenda:
        if not is_topic(item):
            continue
        options = [o for _, earlier in chain(item) for o in options_on.get(earlier.id, [])]
        sides: set[str] = set()
        counted: list[Option] = []
        for option in options:
            party = case.party(option.proposed_by)
            if party is None:  # the mediator's options do not count
                continue
            sides.add(party.side.value)
            counted.append(option)
        if len(counted) >= 2 and len(sides) == 1:
            (side,) = sides
            many = "Both" if len(counted) == 2 else f"All {len(counted)}"
            yield RedFlag(
                "one-sided",
                f"{many} undecided options on {_quoted(item.title)} were proposed by the {side} side.",
                tuple(o.id for o in counted),
            )


def _missed_follow_ups(case: Case, today: date) -> Iterator[RedFlag]:
    late: dict[tuple[str, str | None], list[FollowUp]] = defaultdict(list)
    for follow_up in _late_follow_ups(case, today):
        outsider = follow_up.owner_name if follow_up.owner == OTHER_OWNER else None
        late[(follow_up.owner, outsider)].append(follow_up)
    for follow_ups in late.values():
        if len(follow_ups) < 2:
            continue
        owner = _owner(case, follow_ups[0], _short)
        yield RedFlag(
            "missed-follow-ups",
            f"{owner[:1].upper()}{owner[1:]} has {len(follow_ups)} follow-ups past their due date.",
            tuple(f.id for f in follow_ups),
        )


def _waiting_on_data(case: Case) -> Iterator[RedFlag]:
    for chain in _topic_chains(case):
        for waiting, group in groupby(chain, key=lambda pair: pair[1].status == AgendaStatus.NEEDS_DATA):
            run = list(group)
            if not waiting or len(run) < 2:
                continue
            numbers = words_list(str(session.number) for session, _ in run)
            yield RedFlag(
                "waiting-on-data",
                f"{_quoted(run[-1][1].title)} has been waiting on data in sessions {numbers}.",
                tuple(item.id for _, item in run),
            )


def _trial_reviews_due(case: Case, today: date) -> Iterator[RedFlag]:
    for trial in _late_trials(case, today):
        assert trial.review is not None
        yield RedFlag(
            "trial-review-due",
            f"The review of the trial {_quoted(trial.text)} was due on {short_date(trial.review)}, "
            "and no review is recorded yet.",
            (trial.id,),
        )


def _positions_only(case: Case) -> Iterator[RedFlag]:
    unnamed: dict[str, list[Interest]] = defaultdict(list)
    for interest in case.interests:
        if not interest.named:
            unnamed[interest.party].append(interest)
    for party_id, interests in unnamed.items():
        if len(interests) < 2:
            continue
        yield RedFlag(
            "positions-only",
            f"{_short(case.who(party_id))} has {len(interests)} positions whose interests are not named yet.",
            tuple(i.id for i in interests),
        )


# What a sentence quotes of a record's words: enough to recognise it.
QUOTE_LIMIT = 80


def _short(text: str) -> str:
    one_line = plain_inline(text)
    if len(one_line) <= QUOTE_LIMIT:
        return one_line
    return one_line[: QUOTE_LIMIT - 1].rstrip() + "…"


def _quoted(text: str) -> str:
    return f"“{_short(text)}”"


# The note the text and markdown reviews add when a topic is stalled: information, not advice.
FORMAL_ROUTES_HEADING = "The formal routes, for your information"
FORMAL_ROUTES = (
    "When a topic stays stuck, the parties keep every formal route IDEA gives them, and "
    "mediation may not be used to deny or delay a parent's right to a hearing "
    "(34 CFR 300.506(b)(1)(ii)). Anyone may file a state complaint with the state education "
    "agency (34 CFR 300.151 to 300.153), and a parent or the district may file a due process "
    "complaint, which can lead to a hearing (34 CFR 300.507 to 300.516). This is information "
    "for the mediator, not advice to either party."
)


# ---------------------------------------------------------------- overdue


@dataclass(frozen=True)
class OverdueItem:
    """Something past its date (DESIGN section 9): ``kind`` is "follow-up" (not done),
    "trial-review" (a trial in force with no ``reviewed`` date; ``due`` is its review date)
    or "document" (still needed or requested); ``text`` the record's text (a document's
    title); ``due`` the date it was due, YYYY-MM-DD."""

    kind: str
    id: str
    text: str
    due: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "due": self.due, "kind": self.kind}


def overdue(case: Case, today: date) -> list[OverdueItem]:
    """Everything past its date and not done on ``today``, oldest first."""
    found = [
        *(OverdueItem("follow-up", f.id, f.text, f.due or "") for f in _late_follow_ups(case, today)),
        *(OverdueItem("trial-review", a.id, a.text, a.review or "") for a in _late_trials(case, today)),
        *(
            OverdueItem("document", d.id, d.title, d.due or "")
            for d in missing_documents(case)
            if d.due and d.due < today.isoformat()
        ),
    ]
    return sorted(found, key=lambda item: item.due)


def _late_follow_ups(case: Case, today: date) -> list[FollowUp]:
    day = today.isoformat()  # dates of a case are YYYY-MM-DD, so text order is date order
    return [f for f in case.follow_ups if not f.done and f.due and f.due < day]


def _late_trials(case: Case, today: date) -> list[Agreement]:
    day = today.isoformat()
    return [a for a in trials_to_review(case) if a.review and a.review < day]


# ---------------------------------------------------------------- review as JSON


def review_json(case: Case, today: date | None = None) -> dict[str, Any]:
    """The ``review --format json`` document (DESIGN section 9).

    Each entry carries its ``id`` and ``text`` (``title`` for agenda items and documents),
    the number of the session it was recorded in, and what helps act on it (status, party,
    owner, due, the missing details of an agreement). Party references keep their ids;
    ``*_name`` keys give the names. Besides the groups of ``Unresolved``: ``red_flags`` and
    ``overdue`` as of ``today`` (default: today), ``missing_documents``, ``iep_changes``
    (agreements to write into the IEP, see ``iep_changes``) and ``trials_to_review``.
    """
    day = today or date.today()
    found = unresolved(case)
    numbers = {s.id: s.number for s in case.sessions}
    latest = found.session
    checked = check_ins(case)
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
                "owner_name": case.owner_of(f),
                "due": f.due,
                "session": numbers.get(f.session),
                "agreement": f.agreement,
            }
            for f in found.open_follow_ups
        ],
        "parking_lot": [
            {"id": k.id, "text": k.text, "status": k.status.value, "session": numbers.get(k.session)}
            for k in found.parking_lot
        ],
        "red_flags": [flag.to_json() for flag in red_flags(case, day)],
        "overdue": [item.to_json() for item in overdue(case, day)],
        "missing_documents": [document_json(case, d) for d in missing_documents(case)],
        "iep_changes": [
            {
                "id": a.id,
                "text": a.text,
                "session": numbers.get(a.session),
                "follow_ups": [f.id for f in checked.get(a.id, [])],
            }
            for a in iep_changes(case)
        ],
        "trials_to_review": [
            {
                "id": a.id,
                "text": a.text,
                "review": a.review,
                "data": a.data,
                "monitor": a.monitor,
                "responsible": a.responsible,
                "check_ins": [f.id for f in checked.get(a.id, [])],
                "session": numbers.get(a.session),
            }
            for a in trials_to_review(case)
        ],
    }


def document_json(case: Case, document: Document) -> dict[str, Any]:
    """A document of the checklist as review and prep print it."""
    session = case.session(document.session) if document.session else None
    return {
        "id": document.id,
        "title": document.title,
        "party": document.party,
        "party_name": bringer(case, document),
        "kind": document.kind.value,
        "status": document.status.value,
        "due": document.due,
        "session": session.number if session else None,
    }


def bringer(case: Case, document: Document) -> str:
    """Who brings a document, for display: the party's name, or "Mediator"."""
    if document.party == MEDIATOR and case.party(MEDIATOR) is None:
        return "Mediator"
    return case.who(document.party)


# ---------------------------------------------------------------- review for people

FORMATS = ("text", "markdown", "json")

# The follow-through sections, after the groups of `Unresolved`.
FOLLOW_THROUGH = {
    "missing_documents": "Documents still missing",
    "iep_changes": "Agreements to write into the IEP",
    "trials_to_review": "Trials awaiting review",
}


COUNTED = (
    "Counted: open agenda items, undecided options, unaddressed interests, agreements missing "
    "details, follow-ups not done and the parking lot."
)


def render_review(case: Case, fmt: str, today: date | None = None) -> str:
    """The review in ``fmt``: "text" for the terminal, "markdown", or "json".

    Red flags and overdue items are as of ``today`` (default: today). Where a topic is
    stalled, text and markdown add a neutral note on the formal routes (``FORMAL_ROUTES``).
    """
    day = today or date.today()
    if fmt == "json":
        return json.dumps(review_json(case, day), indent=2, ensure_ascii=False) + "\n"
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
    flags, late = red_flags(case, day), overdue(case, day)
    besides = [
        (len(flags), "red flag", "red flags"),
        (len(late), "overdue item", "overdue items"),
        (len(missing_documents(case)), "document still missing", "documents still missing"),
        (len(iep_changes(case)), "agreement to write into the IEP", "agreements to write into the IEP"),
        (len(trials_to_review(case)), "trial awaiting review", "trials awaiting review"),
    ]
    # Say what the number counts: the lists below also hold entries it does not.
    also = [f"{n} {one if n == 1 else many}" for n, one, many in besides if n]
    explained = [] if found.is_empty else [COUNTED]
    explained += [f"Also listed: {words_list(also)}."] if also else []
    lines: list[str] = []
    if markdown:
        lines += [f"# Unresolved: {show(case.title)}", "", f"{where}. {tally}"]
        lines += ["", " ".join(explained)] if explained else []
    else:
        lines += [f"{show(case.title)} ({case.id})", where, "", tally, *explained]

    def section(heading: str, entries: list[str]) -> None:
        if not entries:
            return
        lines.append("")
        lines.append(f"## {heading} ({len(entries)})" if markdown else f"{heading} ({len(entries)})")
        if markdown:
            lines.append("")
        bullet = "- " if markdown else "  - "
        lines.extend(bullet + entry for entry in entries)

    section("Red flags", [show(flag.text) for flag in flags])
    if any(flag.kind == "stalled-topic" for flag in flags):
        if markdown:
            lines += ["", f"*{FORMAL_ROUTES_HEADING}:* {FORMAL_ROUTES}"]
        else:
            lines += ["", f"  {FORMAL_ROUTES_HEADING}: {FORMAL_ROUTES}"]
    section("Overdue", [_overdue_entry(item, show) for item in late])

    numbers = {s.id: s.number for s in case.sessions}
    for group, heading in GROUPS.items():
        records = getattr(found, group)
        section(heading, [_entry(case, record, show, numbers, latest) for record in records])

    section(
        FOLLOW_THROUGH["missing_documents"],
        [_document_entry(case, d, show) for d in missing_documents(case)],
    )
    checked = check_ins(case)
    section(
        FOLLOW_THROUGH["iep_changes"],
        [_iep_change_entry(a, checked.get(a.id, []), show, numbers, latest) for a in iep_changes(case)],
    )
    section(
        FOLLOW_THROUGH["trials_to_review"],
        [_trial_entry(a, checked.get(a.id, []), show) for a in trials_to_review(case)],
    )
    return "\n".join(lines) + "\n"


OVERDUE_WORDS = {"follow-up": "follow-up", "trial-review": "trial review", "document": "document"}


def _overdue_entry(item: OverdueItem, show: Callable[[str], str]) -> str:
    return f"{show(item.text)} — {OVERDUE_WORDS[item.kind]}, due {short_date(item.due)}"


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
        if record.named:
            main = show(record.text)
        else:  # heard only as a position so far
            main = f"(interest not named yet) behind the position: {show(_quoted(record.position or ''))}"
        details = [_who(case, record.party, show)]
    elif isinstance(record, Agreement):
        main = f"{show(record.text)} ({record.kind.value})"
        details = ["still needs " + words_list(DETAIL_WORDS[name][1] for name in record.missing())]
    elif isinstance(record, FollowUp):
        main = show(record.text)
        details = [
            _owner(case, record, show),
            f"due {short_date(record.due)}" if record.due else "no due date",
        ]
        checked = case.agreement(record.agreement) if record.agreement else None
        if checked is not None:
            details.append(f"checks on {show(_quoted(checked.text))}")
    else:
        main, details = show(record.text), []
    number = numbers.get(getattr(record, "session", ""), latest.number)
    if not isinstance(record, AgendaItem) and number != latest.number:
        details.append(f"from session {number}")
    return f"{main} — {', '.join(details)}" if details else main


def _document_entry(case: Case, document: Document, show: Callable[[str], str]) -> str:
    details = [show(bringer(case, document)), document.kind.value, document.status.value]
    if document.due:
        details.append(f"due {short_date(document.due)}")
    return f"{show(document.title)} — {', '.join(details)}"


def _iep_change_entry(
    agreement: Agreement,
    linked: list[FollowUp],
    show: Callable[[str], str],
    numbers: dict[str, int],
    latest: Session,
) -> str:
    if linked:
        open_count = sum(not f.done for f in linked)
        state = f"{open_count} of its {len(linked)} follow-ups not done yet"
    else:
        state = "no follow-up records the IEP change yet"
    number = numbers.get(agreement.session, latest.number)
    if number != latest.number:
        state += f", from session {number}"
    return f"{show(agreement.text)} — {state}"


def _trial_entry(trial: Agreement, linked: list[FollowUp], show: Callable[[str], str]) -> str:
    details = [f"review {short_date(trial.review)}" if trial.review else "no review date yet"]
    if trial.data:
        details.append(f"data: {show(trial.data)}")
    if trial.monitor:
        details.append(f"collected by {show(trial.monitor)}")
    if linked:
        details.append(f"{sum(f.done for f in linked)} of {len(linked)} check-ins done")
    return f"{show(trial.text)} — {'; '.join(details)}"


def _who(case: Case, party_id: str, show: Callable[[str], str]) -> str:
    return "the mediator" if party_id == MEDIATOR else show(case.who(party_id))


def _owner(case: Case, follow_up: FollowUp, show: Callable[[str], str]) -> str:
    if follow_up.owner == MEDIATOR and case.party(MEDIATOR) is None:
        return "the mediator"
    return show(case.owner_of(follow_up))


# ---------------------------------------------------------------- the next session


class SessionOutOfOrder(ValueError):
    """The next session would be dated before the latest one."""


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
    session's kind), and its agenda is: one check-in on the open follow-ups; every unresolved
    agenda item of the latest session that is not a process step, carried with a new id; one
    item for each open parking-lot entry (which becomes scheduled); then ``items_after`` (a
    template's items) with fresh ids. There is only ever one check-in: one carried from last
    time, or one the template brings ("Check-in and purpose", "Follow-ups from last time"),
    is merged into it (a template's prompts come first, and its time boxes replace the
    default). Interests, options and agreements belong to the case and stay as they are.

    SessionOutOfOrder (a ValueError) when ``on`` is before the latest session's date;
    ValueError when the case has its last possible session already.
    """
    previous = case.latest
    if on.isoformat() < previous.date:
        raise SessionOutOfOrder(
            f"session {previous.number + 1} cannot come before session {previous.number} "
            f"({previous.date}); choose a date on or after it"
        )
    if previous.number >= MAX_SESSION_NUMBER:
        raise ValueError(f"a case holds at most {MAX_SESSION_NUMBER:,} sessions")
    latest = _stop(previous)
    sessions = [latest if s.id == latest.id else s for s in case.sessions]
    ids = _fresh_agenda_ids(case)
    carried = [item for item in latest.agenda if item.status not in SETTLED_AGENDA and not item.is_step]
    template = list(items_after or [])

    # One check-in, new each time and a step of the meeting (never open business, never
    # carried): last time's open follow-ups are its prompts, a template's check-in is merged in.
    template_check_ins = [item for item in template if is_check_in(item)]
    prompts = [p for item in template_check_ins for p in item.prompts or []]
    prompts += _check_in_prompts(case, latest)
    minutes = sum(item.minutes or 0 for item in template_check_ins) or CHECK_IN_MINUTES
    check_in: dict[str, Any] = {
        "id": next(ids),
        "title": CHECK_IN_TITLE.format(number=latest.number),
        "status": AgendaStatus.OPEN.value,
        "minutes": min(minutes, MAX_MINUTES),
        "prompts": list(dict.fromkeys(prompts)),
        "process": True,
    }
    agenda = [AgendaItem.model_validate(check_in)]

    for item in carried:
        if is_check_in(item):
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

    for template_item in template:
        if is_check_in(template_item):
            continue
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


def _check_in_prompts(case: Case, latest: Session) -> list[str]:
    prompts: list[str] = []
    for follow_up in case.follow_ups:
        if follow_up.done:
            continue
        owner = case.owner_of(follow_up)
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


R = TypeVar("R", Interest, Option, FollowUp, ParkingItem)


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

    def keep(records: list[R], still_open: list[R]) -> list[R]:
        open_ids = {r.id for r in still_open}
        return [r for r in records if r.session == current or r.id in open_ids]

    return InPlay(
        interests=keep(case.interests, found.unaddressed_interests),
        options=keep(case.options, found.open_options),
        follow_ups=keep(case.follow_ups, found.open_follow_ups),
        parking_lot=keep(case.parking_lot, found.parking_lot),
    )
