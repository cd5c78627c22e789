"""The case and everything recorded in it (DESIGN.md sections 2 and 3).

Pure data: no I/O and no Textual. Records are frozen; a change makes a new record
(see `actions.py`), which keeps undo simple and lets the store see what changed.

Dumps use ``exclude_unset`` so that a file imported and dumped again comes back as
the same document: a field the file left out stays out, an explicit ``null`` stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    ValidationError,
    model_validator,
)

FORMAT = "facilitator-case/1"
MEDIATOR = "mediator"
OTHER_OWNER = "other"  # a follow-up owner who is not at the table (named in owner_name)
CASE_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")

# One runaway paste (megabytes in one field) is refused; anything a person writes fits.
MAX_TEXT = 1_000_000
MAX_NAME = MAX_TEXT


class Role(StrEnum):
    PARENT = "parent"
    GUARDIAN = "guardian"
    STUDENT = "student"
    ADVOCATE = "advocate"
    ATTORNEY = "attorney"
    DISTRICT = "district"
    TEACHER = "teacher"
    SPECIALIST = "specialist"
    CASE_MANAGER = "case-manager"
    RELATED_SERVICE = "related-service"  # a related-service provider: speech, OT, counselling
    INTERPRETER = "interpreter"
    OTHER = "other"


class Side(StrEnum):
    FAMILY = "family"
    SCHOOL = "school"
    NEUTRAL = "neutral"


# Roles that can only sit on one side; the others (an advocate, an attorney, a specialist,
# an interpreter) may come with either side or be neutral.
ROLE_SIDE = {
    Role.PARENT: Side.FAMILY,
    Role.GUARDIAN: Side.FAMILY,
    Role.STUDENT: Side.FAMILY,
    Role.DISTRICT: Side.SCHOOL,
    Role.CASE_MANAGER: Side.SCHOOL,
}


def usual_side(role: Role) -> Side:
    """The side a party of this role usually sits on, for forms to suggest."""
    if role in ROLE_SIDE:
        return ROLE_SIDE[role]
    if role in (Role.TEACHER, Role.RELATED_SERVICE):
        return Side.SCHOOL
    if role in (Role.ADVOCATE,):
        return Side.FAMILY
    return Side.NEUTRAL


class SessionStatus(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    CLOSED = "closed"


class SessionKind(StrEnum):
    MEDIATION = "mediation"
    FACILITATED_IEP = "facilitated-iep"
    RESOLUTION = "resolution"
    FOLLOW_UP = "follow-up"


class AgendaStatus(StrEnum):
    OPEN = "open"
    ACTIVE = "active"
    RESOLVED = "resolved"
    PARKED = "parked"
    NEEDS_DATA = "needs-data"
    REFERRED = "referred"


class OptionStatus(StrEnum):
    PROPOSED = "proposed"
    DISCUSSING = "discussing"
    AGREED = "agreed"
    DECLINED = "declined"
    PARKED = "parked"
    TRIAL = "trial"


class AgreementKind(StrEnum):
    PRINCIPLE = "principle"
    SERVICE = "service"
    TRIAL = "trial"
    PROCEDURAL = "procedural"


class ParkingStatus(StrEnum):
    OPEN = "open"
    SCHEDULED = "scheduled"
    DONE = "done"


# What DESIGN section 9 counts as settled, still undecided, and serving interests; review,
# export and the board all ask these.
SETTLED_AGENDA = frozenset({AgendaStatus.RESOLVED, AgendaStatus.REFERRED})
UNDECIDED_OPTIONS = frozenset({OptionStatus.PROPOSED, OptionStatus.DISCUSSING, OptionStatus.PARKED})
ADDRESSING_OPTIONS = frozenset({OptionStatus.AGREED, OptionStatus.TRIAL})


class Visibility(StrEnum):
    JOINT = "joint"
    CAUCUS = "caucus"


class DocumentKind(StrEnum):
    EVALUATION = "evaluation"
    IEE = "iee"
    PROGRESS_REPORT = "progress-report"
    IEP = "iep"
    MEDICAL = "medical"
    COMMUNICATION_LOG = "communication-log"
    WORK_SAMPLE = "work-sample"
    DATA = "data"
    OTHER = "other"


class DocumentStatus(StrEnum):
    NEEDED = "needed"
    REQUESTED = "requested"
    RECEIVED = "received"
    SHARED = "shared"


# Documents not yet in hand (DESIGN section 12: "missing").
MISSING_DOCUMENTS = frozenset({DocumentStatus.NEEDED, DocumentStatus.REQUESTED})


# ---------------------------------------------------------------- field types


_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab and line breaks, DEL and C1 controls: ESC and its kin can drive a
# terminal (set its title, write the clipboard, clear the screen), so no record holds them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _storable(value: str) -> str:
    """Refuse what a JSON file or a terminal cannot carry safely."""
    found = CONTROL.search(value)
    if found:
        char = found.group()
        if char == "\x00":
            raise ValueError("contains a NUL character")
        raise ValueError(
            f"contains a control character (U+{ord(char):04X}) at position {found.start() + 1}, "
            "which could drive the terminal"
        )
    if not value.isascii() and _SURROGATE.search(value):
        raise ValueError("contains an unpaired surrogate character")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def is_calendar_date(value: str) -> bool:
    """A real date written YYYY-MM-DD, as every date of a case file must be."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _calendar_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a calendar date written YYYY-MM-DD")
    if not is_calendar_date(value):
        raise ValueError("is not a real calendar date")
    return value


_US_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")


def parse_date(text: str) -> str:
    """A date as people type it (2026-12-14, 12/14/2026, 12/5/26) written YYYY-MM-DD.

    The one reader of typed dates: every form and the command line use it, and what it
    returns always passes the case file's own check. ValueError says what is wrong.
    """
    value = text.strip()
    us = _US_DATE.fullmatch(value)
    if us:
        month, day, year = (int(part) for part in us.groups())
        if len(us.group(3)) == 2:
            year += 2000
        value = f"{year:04d}-{month:02d}-{day:02d}"
    elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("is not a date; write it like 2026-12-14 or 12/14/2026")
    if not is_calendar_date(value):
        raise ValueError(f"{value} is not a real calendar date")
    return value


# A time box longer than a week is a typing slip, and would overflow the timers.
MAX_MINUTES = 7 * 24 * 60


def check_minutes(value: int) -> int:
    if not 1 <= value <= MAX_MINUTES:
        raise ValueError(f"a time box must be a whole number of minutes from 1 to {MAX_MINUTES}")
    return value


def parse_minutes(text: str) -> int | None:
    """A time box as typed ("45", "45 min"); None when left empty. ValueError says what is wrong.

    Used by the agenda templates and every form, so a time box means the same everywhere.
    """
    value = text.strip()
    if not value:
        return None
    match = re.fullmatch(r"([0-9]+)\s*(?:m|min|mins|minute|minutes)?\.?", value, re.IGNORECASE)
    # Thousands of digits would pass Python's limit on reading an int: count them first.
    digits = match.group(1).lstrip("0") if match else ""
    if not match or len(digits) > len(str(MAX_MINUTES)):
        raise ValueError(f"a time box must be a whole number of minutes from 1 to {MAX_MINUTES}")
    return check_minutes(int(digits or "0"))


_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def _timestamp(value: str) -> str:
    if not _RFC3339.fullmatch(value):
        raise ValueError("must be a timestamp with a UTC offset, like 2026-11-10T10:12:00+00:00")
    try:
        datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return value


def _case_id(value: str) -> str:
    if not CASE_ID_PATTERN.fullmatch(value):
        raise ValueError(
            "must be a short slug: lowercase letters, digits and dashes, starting with a letter or digit"
        )
    return value


Text = Annotated[
    str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_storable), AfterValidator(_not_blank)
]
Name = Annotated[
    str, Field(min_length=1, max_length=MAX_NAME), AfterValidator(_storable), AfterValidator(_not_blank)
]
Detail = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_storable)]
RecordId = Annotated[
    str, Field(min_length=1, max_length=MAX_NAME), AfterValidator(_storable), AfterValidator(_not_blank)
]
Ref = RecordId
CaseDate = Annotated[str, AfterValidator(_calendar_date)]
Timestamp = Annotated[str, AfterValidator(_timestamp)]
CaseId = Annotated[str, AfterValidator(_case_id)]


E = TypeVar("E", bound=StrEnum)
# An enum field: matched by value in both JSON and Python input ("parent" or Role.PARENT).
Choice = Annotated[E, Strict(False)]


def parse_timestamp(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))


# ---------------------------------------------------------------- records


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    if TYPE_CHECKING:
        id: str  # every record has one (declared by each, with its own rules)

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True)


class Party(Record):
    id: RecordId
    name: Name
    role: Choice[Role]
    side: Choice[Side]
    signs: bool | None = None
    authority: bool | None = None

    @model_validator(mode="after")
    def _role_fits_side(self) -> Party:
        needed = ROLE_SIDE.get(self.role)
        if needed is not None and self.side != needed:
            raise ValueError(
                f"side: a {self.role.value} sits on the {needed.value} side, not {self.side.value}"
            )
        return self

    @property
    def signer(self) -> bool:
        """Signs the agreement: as recorded, else parents and guardians do (DESIGN section 3)."""
        if self.signs is not None:
            return self.signs
        return self.role in (Role.PARENT, Role.GUARDIAN)


class AgendaItem(Record):
    id: RecordId
    title: Name
    status: Choice[AgendaStatus]
    minutes: Annotated[int, AfterValidator(check_minutes)] | None = None
    prompts: list[Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_storable)]] | None = None
    carried_from: Ref | None = None
    started_at: Timestamp | None = None
    ended_at: Timestamp | None = None
    process: bool | None = None  # a step of the meeting, never open business

    @property
    def is_step(self) -> bool:
        return bool(self.process)


# More sessions than this is a slip, not a case (and a number of thousands of digits would
# pass Python's limit on writing an int when the next session is made).
MAX_SESSION_NUMBER = 9_999


class Session(Record):
    id: RecordId
    number: Annotated[int, Field(ge=1, le=MAX_SESSION_NUMBER)]
    date: CaseDate
    status: Choice[SessionStatus]
    kind: Choice[SessionKind]
    agenda: list[AgendaItem]
    started_at: Timestamp | None = None
    ended_at: Timestamp | None = None


# What the first version stored for an interest heard only as a position.
OLD_UNNAMED_INTEREST = "(interest not named yet)"


class Interest(Record):
    id: RecordId
    party: Ref
    session: Ref
    text: Detail  # "" while the interest behind the position is not named yet
    agenda_item: Ref | None = None
    position: Detail | None = None

    @model_validator(mode="before")
    @classmethod
    def _old_placeholder(cls, data: Any) -> Any:
        # Files of the first version stored the board's placeholder as the text.
        if isinstance(data, dict) and data.get("text") == OLD_UNNAMED_INTEREST and data.get("position"):
            return {**data, "text": ""}
        return data

    @model_validator(mode="after")
    def _named_or_position(self) -> Interest:
        if self.text == "":
            if not (self.position or "").strip():
                raise ValueError(
                    "text: an interest needs its text, or a position while the interest is not named"
                )
        elif not self.text.strip():
            raise ValueError("text: must not be blank")
        return self

    @property
    def named(self) -> bool:
        return bool(self.text)


class Option(Record):
    id: RecordId
    session: Ref
    proposed_by: Ref
    text: Text
    status: Choice[OptionStatus]
    agenda_item: Ref | None = None
    addresses: list[Ref] | None = None
    revises: Ref | None = None


# The details a service or trial agreement needs before anyone can act on it.
SERVICE_DETAILS = ("service", "frequency", "duration", "responsible", "goal", "start")
TRIAL_DETAILS = SERVICE_DETAILS + ("review",)


class Agreement(Record):
    id: RecordId
    session: Ref
    kind: Choice[AgreementKind]
    text: Text
    agenda_item: Ref | None = None
    option: Ref | None = None
    service: Detail | None = None
    frequency: Detail | None = None
    duration: Detail | None = None
    responsible: Detail | None = None
    goal: Detail | None = None
    start: CaseDate | None = None
    review: CaseDate | None = None
    addresses: list[Ref] | None = None
    amends: Ref | None = None  # an agreement of an earlier session that this one changes
    data: Detail | None = None  # a trial: what is measured, and how often
    monitor: Detail | None = None  # a trial: who collects the data and reports it
    iep_change: bool | None = None  # carrying it out needs an IEP amendment or meeting
    reviewed: CaseDate | None = None  # a trial: the date its review took place
    outcome: Detail | None = None  # a trial: what the review found

    @model_validator(mode="after")
    def _review_after_start(self) -> Agreement:
        if self.start and self.review and self.review < self.start:
            raise ValueError(f"review: the review date {self.review} comes before the start {self.start}")
        return self

    def missing(self) -> list[str]:
        """The details still needed for a complete agreement (empty when complete)."""
        needed: tuple[str, ...]
        if self.kind == AgreementKind.SERVICE:
            needed = SERVICE_DETAILS
        elif self.kind == AgreementKind.TRIAL:
            needed = TRIAL_DETAILS
        else:
            return []
        return [name for name in needed if not (getattr(self, name) or "").strip()]


class FollowUp(Record):
    id: RecordId
    session: Ref
    text: Text
    owner: Ref  # a party id, "mediator", or "other" (then owner_name says who)
    done: bool
    due: CaseDate | None = None
    agreement: Ref | None = None  # the agreement this follow-up checks on
    done_at: Timestamp | None = None
    owner_name: Detail | None = None

    @model_validator(mode="after")
    def _other_is_named(self) -> FollowUp:
        if self.owner == OTHER_OWNER and not (self.owner_name or "").strip():
            raise ValueError('owner_name: is required when owner is "other"')
        return self


class ParkingItem(Record):
    id: RecordId
    session: Ref
    text: Text
    status: Choice[ParkingStatus]


class Statement(Record):
    id: RecordId
    session: Ref
    party: Ref
    at: Timestamp
    text: Text
    flagged: bool | None = None
    reframe: Detail | None = None


class Note(Record):
    id: RecordId
    session: Ref
    text: Text
    visibility: Choice[Visibility]
    party: Ref | None = None
    shared_with_consent: bool | None = None
    at: Timestamp | None = None
    consent_at: Timestamp | None = None

    @property
    def private(self) -> bool:
        """True for caucus text that must stay between the mediator and one party."""
        return self.visibility == Visibility.CAUCUS and not self.shared_with_consent


class Document(Record):
    """A document for the preparation checklist: who brings it, and where it stands."""

    id: RecordId
    party: Ref  # a party id or "mediator"
    title: Name
    kind: Choice[DocumentKind]
    status: Choice[DocumentStatus]
    due: CaseDate | None = None
    session: Ref | None = None


# Record lists of a case, in file order, with the record type each holds.
RECORD_LISTS: dict[str, type[Record]] = {
    "parties": Party,
    "sessions": Session,
    "interests": Interest,
    "options": Option,
    "agreements": Agreement,
    "follow_ups": FollowUp,
    "parking_lot": ParkingItem,
    "statements": Statement,
    "notes": Note,
    "documents": Document,
}
HEADER_FIELDS = ("format", "id", "title", "student", "created", "district", "mediator")
OPTIONAL_LISTS = (
    "interests",
    "options",
    "agreements",
    "follow_ups",
    "parking_lot",
    "statements",
    "notes",
    "documents",
)


def _none_as_empty(value: Any) -> Any:
    # An optional record list may be written null; it means the same as [].
    return [] if value is None else value


R = TypeVar("R")
Records = Annotated[list[R], BeforeValidator(_none_as_empty)]


class _Lookups:
    """A case's lookups by id: a cache, no part of its value (any two compare equal, so two
    cases with the same records are equal whatever was looked up in them)."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[list[Any], dict[str, Any]]] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Lookups)

    __hash__ = None  # type: ignore[assignment]


class CaseError(ValueError):
    """A case that breaks a rule of the case file format, with a one-line message."""


class Case(Record):
    format: str
    id: CaseId
    title: Name
    student: Name
    created: Timestamp
    parties: Annotated[list[Party], Field(min_length=1)]
    sessions: Annotated[list[Session], Field(min_length=1)]
    interests: Records[Interest] = []
    options: Records[Option] = []
    agreements: Records[Agreement] = []
    follow_ups: Records[FollowUp] = []
    parking_lot: Records[ParkingItem] = []
    statements: Records[Statement] = []
    notes: Records[Note] = []
    district: Detail | None = None  # the school district's name, for the signed document
    mediator: Detail | None = None  # the mediator's name, for the signed document
    documents: Records[Document] = []

    # Record lists the file wrote as null: read as empty, written back as null while empty,
    # so that an import followed by a dump gives back the same document.
    _null_lists: frozenset[str] = PrivateAttr(default_factory=frozenset)
    # Records by id, made once for each list (a scan per lookup made a large case's export
    # quadratic). Records are frozen; a copy of the case that holds another list builds its own.
    _lookups: _Lookups = PrivateAttr(default_factory=_Lookups)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_null_lists(cls, data: Any, handler: Any) -> Case:
        nulls = frozenset(
            name for name in OPTIONAL_LISTS if isinstance(data, dict) and name in data and data[name] is None
        )
        case: Case = handler(data)
        if nulls:
            case._null_lists = nulls
        return case

    def dump(self) -> dict[str, Any]:
        document = super().dump()
        for name in self._null_lists:
            if document.get(name) == []:
                document[name] = None
        return document

    @model_validator(mode="after")
    def _check_rules(self) -> Case:
        problem = find_problem(self)
        if problem:
            raise ValueError(problem)
        return self

    # ---- lookups used everywhere

    def _lookup(self, list_name: str) -> dict[str, Any]:
        """``list_name``'s records by id (the first of an id, as a scan finds it); for
        "agenda", the (session, agenda item) pairs of every session."""
        records: list[Any] = self.sessions if list_name == "agenda" else getattr(self, list_name)
        held = self._lookups.held.get(list_name)
        if held is None or held[0] is not records:
            pairs = self.agenda_items() if list_name == "agenda" else ((r, r) for r in records)
            found: dict[str, Any] = {}
            for owner, record in pairs:
                found.setdefault(record.id, (owner, record) if list_name == "agenda" else record)
            held = self._lookups.held[list_name] = (records, found)
        return held[1]

    def party(self, party_id: str) -> Party | None:
        found: Party | None = self._lookup("parties").get(party_id)
        return found

    def session(self, session_id: str) -> Session | None:
        found: Session | None = self._lookup("sessions").get(session_id)
        return found

    def session_by_number(self, number: int) -> Session | None:
        return next((s for s in self.sessions if s.number == number), None)

    @property
    def latest(self) -> Session:
        return max(self.sessions, key=lambda s: s.number)

    def agenda_items(self) -> Iterable[tuple[Session, AgendaItem]]:
        for session in self.sessions:
            for item in session.agenda:
                yield session, item

    def agenda_item(self, item_id: str) -> AgendaItem | None:
        found = self.agenda_place(item_id)
        return found[1] if found else None

    def agenda_place(self, item_id: str) -> tuple[Session, AgendaItem] | None:
        """The session an agenda item belongs to, with the item."""
        found: tuple[Session, AgendaItem] | None = self._lookup("agenda").get(item_id)
        return found

    def addressed_interests(self) -> set[str]:
        """Ids of interests that an agreed or trial option, or an agreement, lists as served."""
        served: set[str] = set()
        for option in self.options:
            if option.status in ADDRESSING_OPTIONS:
                served.update(option.addresses or [])
        for agreement in self.agreements:
            served.update(agreement.addresses or [])
        return served

    def agreement(self, agreement_id: str) -> Agreement | None:
        found: Agreement | None = self._lookup("agreements").get(agreement_id)
        return found

    def interest(self, interest_id: str) -> Interest | None:
        found: Interest | None = self._lookup("interests").get(interest_id)
        return found

    def option(self, option_id: str) -> Option | None:
        found: Option | None = self._lookup("options").get(option_id)
        return found

    def owner_of(self, follow_up: FollowUp) -> str:
        """Who is responsible for a follow-up, for display: a party, the mediator, or the named outsider."""
        if follow_up.owner == OTHER_OWNER and self.party(OTHER_OWNER) is None:
            return follow_up.owner_name or "someone else"
        return self.who(follow_up.owner)

    def who(self, party_id: str | None) -> str:
        """A party's name for display, 'mediator' for the mediator."""
        party = self.party(party_id or "")  # a party whose id is "mediator" is still that party
        if party is not None:
            return party.name
        return "mediator" if party_id == MEDIATOR else (party_id or "")


def find_problem(case: Case) -> str | None:
    """The first rule of DESIGN section 3 the case breaks, as one line, or None."""
    if case.format != FORMAT:
        return f'format must be "{FORMAT}", not "{case.format}"'

    ids: dict[str, set[str]] = {}
    for list_name in RECORD_LISTS:
        seen: set[str] = set()
        for index, record in enumerate(getattr(case, list_name)):
            if record.id in seen:
                return f'{list_name}[{index}] (id "{record.id}"): id is used twice'
            seen.add(record.id)
        ids[list_name] = seen
    agenda_seen: set[str] = set()
    agenda_session: dict[str, int] = {}
    numbers: set[int] = set()
    for s_index, session in enumerate(case.sessions):
        if session.number in numbers:
            return f'sessions[{s_index}] (id "{session.id}"): number {session.number} is used twice'
        numbers.add(session.number)
        for a_index, item in enumerate(session.agenda):
            if item.id in agenda_seen:
                return f'sessions[{s_index}].agenda[{a_index}] (id "{item.id}"): id is used twice'
            agenda_seen.add(item.id)
            agenda_session[item.id] = session.number

    parties, sessions, interests, options = (
        ids["parties"],
        ids["sessions"],
        ids["interests"],
        ids["options"],
    )

    def where(list_name: str, index: int, record: Record) -> str:
        return f'{list_name}[{index}] (id "{record.id}")'

    def dangling(field: str, value: str, kind: str) -> str:
        return f'{field} "{value}" does not match any {kind}'

    for s_index, session in enumerate(case.sessions):
        for a_index, item in enumerate(session.agenda):
            origin = item.carried_from
            if origin is None:
                continue
            at = f'sessions[{s_index}].agenda[{a_index}] (id "{item.id}")'
            if origin not in agenda_session:
                return f"{at}: {dangling('carried_from', origin, 'agenda item')}"
            if agenda_session[origin] >= session.number:
                return f'{at}: carried_from "{origin}" must name an agenda item of an earlier session'

    checks: list[tuple[str, str, set[str], str, bool]] = [
        # list, field, ids it must be among, what those are, may it be the mediator
        ("interests", "party", parties, "party", False),
        ("interests", "session", sessions, "session", False),
        ("interests", "agenda_item", agenda_seen, "agenda item", False),
        ("options", "session", sessions, "session", False),
        ("options", "agenda_item", agenda_seen, "agenda item", False),
        ("options", "proposed_by", parties, "party", True),
        ("options", "addresses", interests, "interest", False),
        ("options", "revises", options, "option", False),
        ("agreements", "session", sessions, "session", False),
        ("agreements", "agenda_item", agenda_seen, "agenda item", False),
        ("agreements", "option", options, "option", False),
        ("agreements", "addresses", interests, "interest", False),
        ("follow_ups", "session", sessions, "session", False),
        ("follow_ups", "owner", parties | {OTHER_OWNER}, "party", True),
        ("follow_ups", "agreement", ids["agreements"], "agreement", False),
        ("agreements", "amends", ids["agreements"], "agreement", False),
        ("documents", "party", parties, "party", True),
        ("documents", "session", sessions, "session", False),
        ("parking_lot", "session", sessions, "session", False),
        ("statements", "session", sessions, "session", False),
        ("statements", "party", parties, "party", False),
        ("notes", "session", sessions, "session", False),
        ("notes", "party", parties, "party", False),
    ]
    for list_name, field, targets, kind, mediator_ok in checks:
        for index, record in enumerate(getattr(case, list_name)):
            value = getattr(record, field)
            values = value if isinstance(value, list) else [value]
            for one in values:
                if one is None or one in targets or (mediator_ok and one == MEDIATOR):
                    continue
                return f"{where(list_name, index, record)}: {dangling(field, one, kind)}"

    for index, option in enumerate(case.options):
        if option.revises == option.id:
            return f"{where('options', index, option)}: revises must name another option"
    session_number = {session.id: session.number for session in case.sessions}
    agreement_session = {agreement.id: agreement.session for agreement in case.agreements}
    for index, agreement in enumerate(case.agreements):
        if agreement.amends is None:
            continue
        earlier = session_number[agreement_session[agreement.amends]]
        if earlier >= session_number[agreement.session]:
            return (
                f'{where("agreements", index, agreement)}: amends "{agreement.amends}" '
                "must name an agreement of an earlier session"
            )
    for index, note in enumerate(case.notes):
        if note.visibility == Visibility.CAUCUS and not note.party:
            return f"{where('notes', index, note)}: party is required on a caucus note"
        if note.visibility == Visibility.JOINT and note.party:
            return f"{where('notes', index, note)}: party must be empty on a joint note"
    return None


# ---------------------------------------------------------------- reading files


def describe_error(error: ValidationError, document: Any) -> str:
    """One line naming the record and field of a pydantic error."""
    first = error.errors(include_url=False)[0]
    loc = list(first.get("loc", ()))
    message = first.get("msg", "is not valid")
    if first.get("type") == "value_error":
        message = str(first.get("ctx", {}).get("error", message))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if not loc:
        return one_line(message)
    # Walk the document along the error's path to name the record by its id.
    parts: list[str] = []
    # a record checked on its own (a party typed on the command line) is named by its kind
    record_name = (
        "case" if error.title == "Case" else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", error.title).lower()
    )
    node: Any = document
    field = ""
    for step in loc:
        if isinstance(step, int):
            parts[-1] = f"{parts[-1]}[{step}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                record_name = f'{".".join(parts)} (id "{node["id"]}")'
            else:
                record_name = ".".join(parts)
            field = ""
        else:
            step = str(step)
            parts.append(step)
            field = step if not field else f"{field}.{step}"
            node = node.get(step) if isinstance(node, dict) else None
    if first.get("type") == "extra_forbidden":
        message = "is not a field of the case file format"
    if first.get("type") == "missing":
        message = "is required"
    return one_line(f"{record_name}: {field}: {message}" if field else f"{record_name}: {message}")


def explain(error: Exception) -> str:
    """Any error a user can cause, as one line of plain words (for the command line and the board)."""
    if isinstance(error, ValidationError):
        text = describe_error(error, None)
    elif isinstance(error, OSError) and error.strerror:
        text = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    elif isinstance(error, KeyError) and error.args:
        text = str(error.args[0])  # str() of a KeyError adds quotes
    else:
        text = str(error) or type(error).__name__
    return one_line(text)


ERROR_LINE_CHARS = 400


def one_line(text: str, limit: int = ERROR_LINE_CHARS) -> str:
    """``text`` as one line of at most ``limit`` characters.

    A longer one (a pasted id, a path of thousands of characters) loses its middle, so the
    line still names the record and field at its start and says what to do at its end.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = (limit - 3) * 2 // 3
    return f"{text[:head]} … {text[head - limit + 3 :]}"


def parse_case(text: str | bytes) -> Case:
    """Validate a case file document completely; CaseError with one line if it is not valid."""
    import json

    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # UTF-8 only (a byte-order mark is fine)
        except UnicodeDecodeError as exc:
            raise CaseError(f"not UTF-8 text (byte {exc.start} cannot be read)") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except ValueError as exc:
        raise CaseError(f"not valid JSON ({exc})") from None
    except RecursionError:
        raise CaseError("not a case file: the JSON is nested too deeply") from None
    return case_from_document(document)


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # With a key written twice, which value counts is a guess; refuse rather than guess.
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise ValueError(f'the key "{key}" appears twice in one object')
        document[key] = value
    return document


def case_from_document(document: Any) -> Case:
    if not isinstance(document, dict):
        raise CaseError("the file must hold one JSON object, the case")
    try:
        return Case.model_validate(document)
    except ValidationError as exc:
        raise CaseError(describe_error(exc, document)) from None
    except RecursionError:
        raise CaseError("the document is nested too deeply") from None
