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
from typing import Annotated, Any, TypeVar

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
    OTHER = "other"


class Side(StrEnum):
    FAMILY = "family"
    SCHOOL = "school"
    NEUTRAL = "neutral"


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


# ---------------------------------------------------------------- field types


_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(value: str) -> str:
    """Refuse what a JSON file or a terminal cannot carry safely."""
    if "\x00" in value:
        raise ValueError("contains a NUL character")
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


def _enum(kind: type) -> Any:
    # Enums are matched by value in both JSON and Python input.
    return Annotated[kind, Strict(False)]


def parse_timestamp(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))


# ---------------------------------------------------------------- records


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True)


class Party(Record):
    id: RecordId
    name: Name
    role: _enum(Role)
    side: _enum(Side)


class AgendaItem(Record):
    id: RecordId
    title: Name
    status: _enum(AgendaStatus)
    minutes: Annotated[int, Field(gt=0)] | None = None
    prompts: list[Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_storable)]] | None = None
    carried_from: Ref | None = None
    started_at: Timestamp | None = None
    ended_at: Timestamp | None = None


class Session(Record):
    id: RecordId
    number: Annotated[int, Field(ge=1)]
    date: CaseDate
    status: _enum(SessionStatus)
    kind: _enum(SessionKind)
    agenda: list[AgendaItem]
    started_at: Timestamp | None = None
    ended_at: Timestamp | None = None


class Interest(Record):
    id: RecordId
    party: Ref
    session: Ref
    text: Text
    agenda_item: Ref | None = None
    position: Detail | None = None


class Option(Record):
    id: RecordId
    session: Ref
    proposed_by: Ref
    text: Text
    status: _enum(OptionStatus)
    agenda_item: Ref | None = None
    addresses: list[Ref] | None = None
    revises: Ref | None = None


# The details a service or trial agreement needs before anyone can act on it.
SERVICE_DETAILS = ("service", "frequency", "duration", "responsible", "goal", "start")
TRIAL_DETAILS = SERVICE_DETAILS + ("review",)


class Agreement(Record):
    id: RecordId
    session: Ref
    kind: _enum(AgreementKind)
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

    def missing(self) -> list[str]:
        """The details still needed for a complete agreement (empty when complete)."""
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
    owner: Ref
    done: bool
    due: CaseDate | None = None


class ParkingItem(Record):
    id: RecordId
    session: Ref
    text: Text
    status: _enum(ParkingStatus)


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
    visibility: _enum(Visibility)
    party: Ref | None = None
    shared_with_consent: bool | None = None
    at: Timestamp | None = None
    consent_at: Timestamp | None = None

    @property
    def private(self) -> bool:
        """True for caucus text that must stay between the mediator and one party."""
        return self.visibility == Visibility.CAUCUS and not self.shared_with_consent


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
}
HEADER_FIELDS = ("format", "id", "title", "student", "created")
OPTIONAL_LISTS = ("interests", "options", "agreements", "follow_ups", "parking_lot", "statements", "notes")


def _none_as_empty(value: Any) -> Any:
    # An optional record list may be written null; it means the same as [].
    return [] if value is None else value


R = TypeVar("R")
Records = Annotated[list[R], BeforeValidator(_none_as_empty)]


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

    # Record lists the file wrote as null: read as empty, written back as null while empty,
    # so that an import followed by a dump gives back the same document.
    _null_lists: frozenset[str] = PrivateAttr(default_factory=frozenset)

    @model_validator(mode="wrap")
    @classmethod
    def _remember_null_lists(cls, data: Any, handler: Any) -> Case:
        nulls = frozenset(
            name for name in OPTIONAL_LISTS if isinstance(data, dict) and name in data and data[name] is None
        )
        case = handler(data)
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

    def party(self, party_id: str) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

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
        return next((item for _, item in self.agenda_items() if item.id == item_id), None)

    def addressed_interests(self) -> set[str]:
        """Ids of interests that an agreed or trial option, or an agreement, lists as served."""
        served: set[str] = set()
        for option in self.options:
            if option.status in ADDRESSING_OPTIONS:
                served.update(option.addresses or [])
        for agreement in self.agreements:
            served.update(agreement.addresses or [])
        return served

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
        ("follow_ups", "owner", parties, "party", True),
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
        return message
    # Walk the document along the error's path to name the record by its id.
    parts: list[str] = []
    record_name = "case"
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
    return f"{record_name}: {field}: {message}" if field else f"{record_name}: {message}"


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
    return " ".join(text.split())


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
