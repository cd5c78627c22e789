"""Markdown exports of one session of a case (DESIGN.md section 8). Pure: case in, text out.

Two kinds:

- ``consensus`` is written for the parties: a parent must be able to read it without
  explanation. It holds the areas of agreement, follow-ups, what is still open, the
  confidentiality statement and signature lines, and never anything said in the room
  (statements, reframes, positions) nor any note.
- ``summary`` is the mediator's own record of the session: everything except caucus notes
  that are still private.

All Markdown escaping lives here (``escape_inline``). Every piece of user text goes through
it, so whatever a mediator typed (``# x``, ``1. x``, ``| a |``, ``<!--``, backticks) renders
literally, on one line, and never as structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import lru_cache

from facilitator.model import (
    MEDIATOR,
    SETTLED_AGENDA,
    UNDECIDED_OPTIONS,
    AgendaStatus,
    Agreement,
    AgreementKind,
    Case,
    FollowUp,
    Interest,
    Note,
    OptionStatus,
    ParkingStatus,
    Party,
    Role,
    Session,
    SessionKind,
    Side,
    Visibility,
    parse_timestamp,
)

KINDS = ("consensus", "summary")


class ExportError(ValueError):
    """An export that cannot be made (no such session, unknown kind), with a one-line message."""


# ---------------------------------------------------------------- escaping

# What a line break inside a field becomes: an export keeps every field on one line, so a
# field can sit in a list item, a heading or a table cell alike.
LINE_JOIN = " / "

# Characters that can start inline structure anywhere in a line: escapes, code spans,
# emphasis, links and images, raw HTML and autolinks, GFM table cells and strikethrough,
# ATX heading closing sequences, and GitHub's math.
_ALWAYS = frozenset("\\`*_[]<>#|~$")
_ESCAPE = re.compile("[" + re.escape("".join(sorted(_ALWAYS))) + "]")
# Characters that start block structure only at the start of a line (lists, thematic
# breaks, setext underlines); ordered-list markers are handled separately.
_LEADING = frozenset("-+=")
_ORDERED_MARKER = re.compile(r"\d+(?=[.)])")
# An entity or character reference starts with "&" and a letter or digit ("&#" is safe once
# "#" is escaped).
_ENTITY_START = re.compile(r"&(?=[A-Za-z0-9])")
# Control characters other than tab (line breaks are handled before this applies).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# What makes a field need more than escaping: line breaks (as str.splitlines sees them) and
# control characters.
_UNUSUAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def plain_inline(text: str) -> str:
    """The one line of plain text that ``escape_inline(text)`` renders as.

    Each line of the field is stripped of surrounding whitespace, blank lines are dropped
    and the rest are joined with " / "; control characters other than tab become U+FFFD
    (so a pasted terminal escape cannot reach whoever opens the file).
    """
    if not _UNUSUAL.search(text) and text == text.strip():
        return text  # the common case: one clean line
    lines = (line.strip() for line in text.splitlines())
    return _CONTROL.sub("\ufffd", LINE_JOIN.join(line for line in lines if line))


def escape_inline(text: str) -> str:
    """Markdown for ``text`` that renders literally as ``plain_inline(text)``, on one line.

    Safe in a paragraph, a list item, a heading and a GFM table cell, at the start of a line
    or after other text.
    """
    plain = plain_inline(text)
    result = _ESCAPE.sub(r"\\\g<0>", plain)
    result = _ENTITY_START.sub(r"\\&", result)
    if result[:1] in _LEADING:
        result = "\\" + result
    else:
        marker = _ORDERED_MARKER.match(result)
        if marker:
            end = marker.end()
            result = result[:end] + "\\" + result[end:]
    return result


# ---------------------------------------------------------------- dates and words

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(value: date | str) -> str:
    """A date written out, like "Friday, December 4, 2026" (independent of the locale)."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def short_date(value: date | str) -> str:
    """A date written briefly, like "Dec 4, 2026"."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{_MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def _clock(stamp: str) -> str:
    return f"{parse_timestamp(stamp):%H:%M}"


ROLE_WORDS = {
    Role.PARENT: "parent",
    Role.GUARDIAN: "guardian",
    Role.STUDENT: "student",
    Role.ADVOCATE: "advocate",
    Role.ATTORNEY: "attorney",
    Role.DISTRICT: "district representative",
    Role.TEACHER: "teacher",
    Role.SPECIALIST: "specialist",
    Role.OTHER: "participant",
}
SIDE_WORDS = {
    Side.FAMILY: "for the family",
    Side.SCHOOL: "for the school district",
    Side.NEUTRAL: "neutral",
}
SESSION_KIND_WORDS = {
    SessionKind.MEDIATION: "mediation session",
    SessionKind.FACILITATED_IEP: "facilitated IEP meeting",
    SessionKind.RESOLUTION: "resolution meeting",
    SessionKind.FOLLOW_UP: "follow-up meeting",
}
AGREEMENT_KIND_WORDS = {
    AgreementKind.PRINCIPLE: "a shared goal or understanding",
    AgreementKind.SERVICE: "a service to be provided",
    AgreementKind.TRIAL: "a trial: a time-limited try-out, reviewed on a set date",
    AgreementKind.PROCEDURAL: "a next step: who does what",
}
# The details of a service or trial agreement, with their labels and, when missing, how a
# parent would say what is still to be settled.
DETAIL_WORDS = {
    "service": ("Service", "what the service is"),
    "frequency": ("How often", "how often"),
    "duration": ("How long", "for how long"),
    "responsible": ("Who is responsible", "who is responsible"),
    "goal": ("Goal", "a measurable goal"),
    "start": ("Starts", "a start date"),
    "review": ("Review date", "a review date"),
}
_DATE_DETAILS = ("start", "review")
AGENDA_STATUS_WORDS = {
    AgendaStatus.OPEN: "still open",
    AgendaStatus.ACTIVE: "still open",
    AgendaStatus.RESOLVED: "resolved",
    AgendaStatus.PARKED: "set aside for now",
    AgendaStatus.NEEDS_DATA: "waiting for an evaluation or records",
    AgendaStatus.REFERRED: "referred to the IEP team",
}
OPTION_STATUS_WORDS = {
    OptionStatus.PROPOSED: "proposed",
    OptionStatus.DISCUSSING: "under discussion",
    OptionStatus.AGREED: "agreed",
    OptionStatus.DECLINED: "declined",
    OptionStatus.PARKED: "set aside for now",
    OptionStatus.TRIAL: "agreed as a trial",
}
PARKING_STATUS_WORDS = {
    ParkingStatus.OPEN: "open",
    ParkingStatus.SCHEDULED: "on a later agenda",
    ParkingStatus.DONE: "done",
}


# A resolution meeting is not a mediation: the regulation gives it no confidentiality of its
# own, so the document says what covers it rather than borrowing mediation's protection.
RESOLUTION_CONFIDENTIALITY = (
    "This was a resolution meeting (34 CFR 300.510), not a mediation. The law does not by itself "
    "make what is said in a resolution meeting confidential; it stays confidential only as far "
    "as the parties agreed to keep it so."
)

CONFIDENTIALITY = (
    "Discussions that happen during the mediation process are confidential. Under federal "
    "special-education law (34 CFR 300.506(b)(6)(i)), they may not be used as evidence in any "
    "later due process hearing or civil proceeding. This document records only the areas of "
    "agreement and the next steps."
)


def words_list(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------- business days


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (0 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    """A fixed-date holiday on a Saturday is observed on Friday, on a Sunday on Monday."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def federal_holidays(year: int) -> frozenset[date]:
    """The US federal holidays observed in ``year`` (5 U.S.C. 6103), with observed dates.

    Includes December 31 when the next New Year's Day falls on a Saturday.
    """
    fixed = [(1, 1), (7, 4), (11, 11), (12, 25)]
    if year >= 2021:
        fixed.append((6, 19))  # Juneteenth National Independence Day
    days = {_observed(date(year, month, day)) for month, day in fixed}
    days |= {
        _nth_weekday(year, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        _nth_weekday(year, 5, 0, -1),  # Memorial Day
        _nth_weekday(year, 9, 0, 1),  # Labor Day
        _nth_weekday(year, 10, 0, 2),  # Columbus Day
        _nth_weekday(year, 11, 3, 4),  # Thanksgiving Day
    }
    next_new_year = _observed(date(year + 1, 1, 1))
    if next_new_year.year == year:
        days.add(next_new_year)
    return frozenset(day for day in days if day.year == year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def void_by(session_date: date) -> date:
    """The last day either party may void a resolution agreement signed on ``session_date``.

    Three business days after it (34 CFR 300.510(e)): weekdays that are not US federal
    holidays.
    """
    day, counted = session_date, 0
    while counted < 3:
        day += timedelta(days=1)
        if is_business_day(day):
            counted += 1
    return day


# ---------------------------------------------------------------- building Markdown


class _Markdown:
    """Blocks of Markdown separated by blank lines. Only escaped text goes into it."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(f"{'#' * level} {text}")

    def paragraph(self, text: str) -> None:
        self.blocks.append(text)

    def bullets(self, items: Iterable[str | tuple[str, list[str]]]) -> None:
        """A bullet list; an item may be (text, [sub-items])."""
        self.blocks.append("\n".join(_list_lines(items, ordered=False)))

    def numbered(self, items: Iterable[str | tuple[str, list[str]]]) -> None:
        self.blocks.append("\n".join(_list_lines(items, ordered=True)))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        self.blocks.append("\n".join(lines))

    def text(self) -> str:
        return "\n\n".join(block for block in self.blocks if block) + "\n"


def _list_lines(items: Iterable[str | tuple[str, list[str]]], *, ordered: bool) -> Iterator[str]:
    for number, item in enumerate(items, start=1):
        text, children = (item, []) if isinstance(item, str) else item
        marker = f"{number}. " if ordered else "- "
        yield marker + text
        for child in children:
            yield " " * len(marker) + "- " + child


def _label(label: str, text: str) -> str:
    return f"**{label}:** {text}"


def _escaped_name(case: Case, party_id: str | None) -> str:
    if party_id == MEDIATOR:
        return "the mediator"
    return escape_inline(case.who(party_id))


def _party_line(party: Party) -> str:
    return f"{escape_inline(party.name)}, {ROLE_WORDS[party.role]} ({SIDE_WORDS[party.side]})"


def _session_line(session: Session) -> str:
    return f"{session.number}, {long_date(session.date)} ({SESSION_KIND_WORDS[session.kind]})"


def _agreement_item(
    case: Case, agreement: Agreement, session: Session, *, for_mediator: bool
) -> tuple[str, list[str]]:
    agreed_in = case.session(agreement.session)
    head = escape_inline(agreement.text)
    if agreed_in is not None and agreed_in.number != session.number:
        head += f" (agreed in session {agreed_in.number})"
    details = [_label("Type", AGREEMENT_KIND_WORDS[agreement.kind])]
    for field, (label, _) in DETAIL_WORDS.items():
        value = getattr(agreement, field)
        if value is None or not value.strip():
            continue
        shown = long_date(value) if field in _DATE_DETAILS else escape_inline(value)
        details.append(_label(label, shown))
    missing = agreement.missing()
    if missing:
        needed = words_list(DETAIL_WORDS[field][1] for field in missing)
        details.append(_label("Still to be settled", needed[:1].upper() + needed[1:]))
    if for_mediator:
        addressed = _interests(case, agreement.addresses)
        if addressed:
            details.append(_label("Interests addressed", _interests_line(case, addressed)))
    return head, details


def _interests(case: Case, ids: list[str] | None) -> list[Interest]:
    wanted = set(ids or ())
    if not wanted:
        return []
    return [i for i in case.interests if i.id in wanted]


def _interests_line(case: Case, interests: Iterable[Interest]) -> str:
    return "; ".join(f"{escape_inline(i.text)} ({_escaped_name(case, i.party)})" for i in interests)


def _agreements_up_to(case: Case, session: Session) -> list[Agreement]:
    numbers = {s.id: s.number for s in case.sessions}
    earlier = [a for a in case.agreements if numbers.get(a.session, 0) <= session.number]
    return sorted(earlier, key=lambda a: numbers[a.session])  # stable: file order within a session


def _due(follow_up: FollowUp) -> str:
    due = long_date(follow_up.due) if follow_up.due else "no date set"
    return due + (" (done)" if follow_up.done else "")


def _select_session(case: Case, session_number: int | None) -> Session:
    if session_number is None:
        return case.latest
    session = case.session_by_number(session_number)
    if session is None:
        numbers = sorted(s.number for s in case.sessions)
        have = ("session " if len(numbers) == 1 else "sessions ") + words_list(map(str, numbers))
        raise ExportError(f'case "{case.id}" has no session {session_number} (it has {have})')
    return session


def render_export(
    case: Case, session_number: int | None = None, kind: str = "consensus", today: date | None = None
) -> str:
    """The Markdown export of one session (the latest unless ``session_number`` is given)."""
    if kind not in KINDS:
        raise ExportError(f'unknown export kind "{kind}": use consensus or summary')
    session = _select_session(case, session_number)
    if kind == "consensus":
        return _consensus(case, session, today or date.today())
    return _summary(case, session, today or date.today())


# ---------------------------------------------------------------- consensus


def _consensus(case: Case, session: Session, today: date) -> str:
    doc = _Markdown()
    doc.heading(1, escape_inline(case.title))
    doc.paragraph(
        f"Areas of agreement from session {session.number}, a {SESSION_KIND_WORDS[session.kind]} "
        f"on {long_date(session.date)}, written down for everyone who took part."
    )
    doc.bullets(
        [
            _label("Student", escape_inline(case.student)),
            _label("Session", _session_line(session)),
            _label("Written", long_date(today)),
        ]
    )

    doc.heading(2, "Who took part")
    doc.bullets(_party_line(party) for party in case.parties)

    doc.heading(2, "Areas of agreement")
    agreements = _agreements_up_to(case, session)
    if agreements:
        doc.paragraph("Everything both sides agreed on, up to and including this session.")
        doc.numbered(_agreement_item(case, a, session, for_mediator=False) for a in agreements)
    else:
        doc.paragraph("No areas of agreement have been written down yet.")

    doc.heading(2, "Follow-ups")
    follow_ups = _consensus_follow_ups(case, session)
    if follow_ups:
        doc.table(
            ["What", "Who", "Due"],
            [[_follow_up_text(case, f, session), _escaped_name(case, f.owner), _due(f)] for f in follow_ups],
        )
    else:
        doc.paragraph("No follow-ups were set.")

    doc.heading(2, "Still open")
    still_open = list(_still_open(case, session))
    if still_open:
        doc.paragraph("These are not settled yet and can come back at a later session.")
        doc.bullets(still_open)
    else:
        doc.paragraph("Nothing from this session was left open.")

    doc.heading(2, "Confidentiality")
    doc.paragraph(CONFIDENTIALITY)
    if session.kind == SessionKind.RESOLUTION:
        doc.paragraph(RESOLUTION_CONFIDENTIALITY)

    if session.kind == SessionKind.RESOLUTION:
        doc.heading(2, "Time to change your mind")
        doc.paragraph(
            f"If this agreement is signed on {long_date(session.date)}, either party may void it "
            f"until the end of **{long_date(void_by(date.fromisoformat(session.date)))}**: three "
            "business days after it is signed (34 CFR 300.510(e))."
        )

    doc.heading(2, "Signatures")
    doc.paragraph(
        "By signing, each person confirms that this document records the areas of agreement reached."
    )
    family = [p for p in case.parties if p.side == Side.FAMILY and p.role in (Role.PARENT, Role.GUARDIAN)]
    for party in family:
        doc.paragraph(f"{ROLE_WORDS[party.role].capitalize()}: {escape_inline(party.name)}")
        doc.paragraph(_SIGNATURE_LINE)
    if not family:
        doc.paragraph("Parent or guardian, name: ______________________________")
        doc.paragraph(_SIGNATURE_LINE)
    doc.paragraph(
        "District representative with authority to bind the district, name: ______________________________"
    )
    doc.paragraph(_SIGNATURE_LINE)
    return doc.text()


_SIGNATURE_LINE = "Signature: ______________________________ Date: ________________"


def _consensus_follow_ups(case: Case, session: Session) -> list[FollowUp]:
    """This session's follow-ups, and earlier ones not done yet."""
    numbers = {s.id: s.number for s in case.sessions}
    return [
        f
        for f in case.follow_ups
        if f.session == session.id or (numbers.get(f.session, 0) < session.number and not f.done)
    ]


def _follow_up_text(case: Case, follow_up: FollowUp, session: Session) -> str:
    text = escape_inline(follow_up.text)
    origin = case.session(follow_up.session)
    if origin is not None and origin.number != session.number:
        text += f" (from session {origin.number})"
    return text


def _still_open(case: Case, session: Session) -> Iterator[str]:
    for item in session.agenda:
        if item.status not in SETTLED_AGENDA:
            yield f"{_label('Topic', escape_inline(item.title))} ({AGENDA_STATUS_WORDS[item.status]})"
    for option in case.options:
        if option.session == session.id and option.status in UNDECIDED_OPTIONS:
            yield f"{_label('Idea', escape_inline(option.text))} ({OPTION_STATUS_WORDS[option.status]})"
    for parked in case.parking_lot:
        if parked.session == session.id and parked.status != ParkingStatus.DONE:
            yield f"{_label('Raised for a later session', escape_inline(parked.text))}"


# ---------------------------------------------------------------- summary


def _summary(case: Case, session: Session, today: date) -> str:
    doc = _Markdown()
    doc.heading(1, f"{escape_inline(case.title)}: mediator's record of session {session.number}")
    doc.paragraph(
        "The mediator's own record, confidential (34 CFR 300.506(b)(6)). Caucus notes are left "
        "out unless the party agreed to share them."
    )
    facts = [
        _label("Student", escape_inline(case.student)),
        _label("Session", _session_line(session)),
        _label("Status", session.status.value),
    ]
    if session.started_at:
        facts.append(_label("Started", _clock(session.started_at)))
    if session.ended_at:
        facts.append(_label("Ended", _clock(session.ended_at)))
    facts.append(_label("Written", long_date(today)))
    doc.bullets(facts)

    doc.heading(2, "Parties")
    doc.bullets(_party_line(party) for party in case.parties)

    doc.heading(2, "Agenda")
    if session.agenda:
        rows = []
        for number, item in enumerate(session.agenda, start=1):
            title = escape_inline(item.title)
            origin = _carried_origin(case, item.carried_from)
            if origin is not None:
                title += f" (carried from session {origin})"
            minutes = f"{item.minutes} min" if item.minutes else ""
            rows.append([str(number), title, minutes, item.status.value])
        doc.table(["#", "Item", "Time box", "Status"], rows)
    else:
        doc.paragraph("No agenda items.")

    doc.heading(2, "Interests")
    interests = [i for i in case.interests if i.session == session.id]
    if not interests:
        doc.paragraph("None recorded.")
    for party in _parties_in_side_order(case):
        own = [i for i in interests if i.party == party.id]
        if not own:
            continue
        doc.heading(3, _party_line(party))
        items = []
        for interest in own:
            details = []
            if interest.position and interest.position.strip():
                details.append(_label("Position", escape_inline(interest.position)))
            if interest.agenda_item:
                details.append(_label("Agenda item", _agenda_title(case, interest.agenda_item)))
            items.append((escape_inline(interest.text), details))
        doc.bullets(items)

    doc.heading(2, "Options")
    options = [o for o in case.options if o.session == session.id]
    if options:
        items = []
        for option in options:
            details = [
                _label("Status", option.status.value),
                _label("Proposed by", _escaped_name(case, option.proposed_by)),
            ]
            served = _interests(case, option.addresses)
            if served:
                details.append(_label("Interests served", _interests_line(case, served)))
            if option.revises:
                earlier = next((o for o in case.options if o.id == option.revises), None)
                if earlier is not None:
                    details.append(_label("Revises", escape_inline(earlier.text)))
            if option.agenda_item:
                details.append(_label("Agenda item", _agenda_title(case, option.agenda_item)))
            items.append((escape_inline(option.text), details))
        doc.bullets(items)
    else:
        doc.paragraph("None recorded.")

    doc.heading(2, "Agreements")
    agreements = [a for a in case.agreements if a.session == session.id]
    if agreements:
        doc.numbered(_agreement_item(case, a, session, for_mediator=True) for a in agreements)
    else:
        doc.paragraph("None recorded.")

    doc.heading(2, "Follow-ups")
    follow_ups = [f for f in case.follow_ups if f.session == session.id]
    if follow_ups:
        doc.table(
            ["What", "Who", "Due", "Done"],
            [
                [
                    escape_inline(f.text),
                    _escaped_name(case, f.owner),
                    long_date(f.due) if f.due else "",
                    "yes" if f.done else "no",
                ]
                for f in follow_ups
            ],
        )
    else:
        doc.paragraph("None recorded.")

    doc.heading(2, "Parking lot")
    parked = [k for k in case.parking_lot if k.session == session.id]
    if parked:
        doc.bullets(f"{escape_inline(k.text)} ({PARKING_STATUS_WORDS[k.status]})" for k in parked)
    else:
        doc.paragraph("None recorded.")

    doc.heading(2, "Statements")
    statements = [s for s in case.statements if s.session == session.id]
    if statements:
        items = []
        for statement in statements:
            details = []
            if statement.flagged:
                details.append("Flagged as accusatory")
            if statement.reframe and statement.reframe.strip():
                details.append(_label("Reframe used", escape_inline(statement.reframe)))
            head = f"{_clock(statement.at)}, {_escaped_name(case, statement.party)}: {escape_inline(statement.text)}"
            items.append((head, details))
        doc.bullets(items)
    else:
        doc.paragraph("None recorded.")

    doc.heading(2, "Notes")
    notes = [n for n in case.notes if n.session == session.id and not n.private]
    if notes:
        doc.bullets(_note_line(case, note) for note in notes)
    else:
        doc.paragraph("None recorded.")
    return doc.text()


def _note_line(case: Case, note: Note) -> str:
    if note.visibility == Visibility.CAUCUS:
        when = f" on {short_date(parse_timestamp(note.consent_at).date())}" if note.consent_at else ""
        where = f"caucus with {_escaped_name(case, note.party)}, shared with consent{when}"
    else:
        where = "joint"
    return f"{escape_inline(note.text)} ({where})"


def _parties_in_side_order(case: Case) -> list[Party]:
    order = {Side.FAMILY: 0, Side.SCHOOL: 1, Side.NEUTRAL: 2}
    return sorted(case.parties, key=lambda p: order[p.side])


def _agenda_title(case: Case, item_id: str) -> str:
    item = case.agenda_item(item_id)
    return escape_inline(item.title) if item else escape_inline(item_id)


def _carried_origin(case: Case, item_id: str | None) -> int | None:
    if not item_id:
        return None
    for session, item in case.agenda_items():
        if item.id == item_id:
            return session.number
    return None
