"""The board's forms: each shows a record's fields and hands what was typed to an intent of
the service layer, which reads it through the model (dates by ``parse_date``, time boxes by
``parse_minutes``) and explains a refusal in the form, which then stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from textual.widgets import Input, Select

from facilitator.actions import AgreementDetails
from facilitator.live import Done, LiveSession, Refused
from facilitator.model import (
    MEDIATOR,
    OTHER_OWNER,
    AgendaItem,
    Agreement,
    AgreementKind,
    Document,
    DocumentKind,
    FollowUp,
    Interest,
    Party,
    Role,
    Side,
    Statement,
    usual_side,
)
from facilitator.tui.screens.modals import CHECKED, Field, FormModal, Values

if TYPE_CHECKING:
    from facilitator.agenda import Template

AGREEMENT_KINDS = [
    ("service: what will be delivered", AgreementKind.SERVICE.value),
    ("trial: a pilot with a review date", AgreementKind.TRIAL.value),
    ("principle: a shared goal", AgreementKind.PRINCIPLE.value),
    ("procedural: who does what next", AgreementKind.PROCEDURAL.value),
]
ROLE_WORDS = {
    Role.CASE_MANAGER: "case manager",
    Role.RELATED_SERVICE: "related-service provider (speech, OT, counselling)",
}
DATE_HINT = "e.g. 12/14/2026 or 2026-12-14"


def agenda_item_form(live: LiveSession, item: AgendaItem | None, after: str | None = None) -> FormModal:
    """Edit ``item``, or add a new one after ``after`` (the item being discussed by default)."""

    def submit(values: Values) -> Done[Any] | Refused:
        if item is None:
            return live.add_agenda_item(values["title"], values["minutes"], after)
        return live.edit_agenda_item(item.id, values["title"], values["minutes"])

    return FormModal(
        "Add an agenda item" if item is None else "Agenda item",
        [
            Field("title", "Topic", item.title if item else "", required=True),
            Field(
                "minutes",
                "Time box in minutes (optional)",
                str(item.minutes or "") if item else "",
                placeholder="e.g. 15",
            ),
        ],
        submit,
    )


def interest_form(live: LiveSession, interest: Interest) -> FormModal:
    # An interest heard only as a position has no text yet: the field starts empty.
    return FormModal(
        f"Interest of {live.case.who(interest.party)}",
        [
            Field("text", "Interest (why it matters)", interest.text, placeholder="not named yet"),
            Field("position", "Position behind it (what they ask for)", interest.position or ""),
        ],
        lambda values: live.edit_interest(interest.id, values["text"], values["position"]),
    )


def statement_form(live: LiveSession, statement: Statement) -> FormModal:
    speakers = [(f"{p.name} · {p.role.value}", p.id) for p in live.case.parties]
    speakers.append(("the mediator (your own words become your note)", MEDIATOR))
    return FormModal(
        "Correct a statement",
        [
            Field("party", "Who said it", statement.party, choices=speakers),
            Field("text", "What was said", statement.text, required=True),
        ],
        lambda values: live.edit_statement(statement.id, values["text"], values["party"]),
    )


def words_form(live: LiveSession, list_name: str, record_id: str, label: str, text: str) -> FormModal:
    return FormModal(
        label,
        [Field("text", label, text, required=True)],
        lambda values: live.edit_words(list_name, record_id, values["text"]),
    )


def agreement_form(live: LiveSession, agreement: Agreement) -> FormModal:
    def submit(values: Values) -> Done[Any] | Refused:
        details = AgreementDetails(
            text=values["text"],
            kind=AgreementKind(values["kind"]),
            service=values["service"],
            frequency=values["frequency"],
            duration=values["duration"],
            responsible=values["responsible"],
            goal=values["goal"],
            start=values["start"],
            review=values["review"],
            data=values["data"],
            monitor=values["monitor"],
            iep_change=values["iep_change"] == CHECKED,
        )
        return live.edit_agreement(agreement.id, details)

    def text(name: str) -> str:
        value = getattr(agreement, name)
        return value if isinstance(value, str) else ""

    amends = live.case.agreement(agreement.amends) if agreement.amends else None
    notes = [f"This amends an earlier agreement: “{' '.join(amends.text.split())[:80]}”."] if amends else []
    note = " ".join(notes + live.waivers(agreement.id))
    return FormModal(
        "Agreement details",
        [
            Field("text", "Agreement", agreement.text, required=True),
            Field("kind", "Kind", agreement.kind.value, choices=AGREEMENT_KINDS),
            Field("service", "Service", text("service"), placeholder="e.g. small-group reading instruction"),
            Field("frequency", "Frequency", text("frequency"), placeholder="e.g. 4 times a week"),
            Field("duration", "Duration", text("duration"), placeholder="e.g. 30 minutes, for 12 weeks"),
            Field("responsible", "Who is responsible", text("responsible")),
            Field("goal", "Measurable goal", text("goal")),
            Field("start", "Start date", text("start"), placeholder=DATE_HINT),
            Field("review", "Review date (a trial)", text("review"), placeholder=DATE_HINT),
            Field("data", "Data collected, and how often (a trial)", text("data")),
            Field("monitor", "Who collects and reports the data (a trial)", text("monitor")),
            Field(
                "iep_change",
                "Needs an IEP amendment or IEP meeting",
                CHECKED if agreement.iep_change else "",
                check=True,
            ),
        ],
        submit,
        note=note,
    )


def owner_choices(live: LiveSession) -> list[tuple[str, str]]:
    parties = [(f"{p.name} · {p.role.value}", p.id) for p in live.case.parties]
    return [("the mediator", MEDIATOR), *parties, ("someone not at the table (name below)", OTHER_OWNER)]


class FollowUpForm(FormModal):
    """A name typed under "Who, if not at the table" chooses someone not at the table."""

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-owner_name" and event.value.strip():
            self.set_value("owner", OTHER_OWNER)


def follow_up_form(live: LiveSession, follow_up: FollowUp) -> FormModal:
    def submit(v: Values) -> Done[Any] | Refused:
        owner, name = v["owner"], v["owner_name"].strip()
        if name and name != (follow_up.owner_name or "") and owner != OTHER_OWNER:
            if owner != follow_up.owner:  # both changed: say so rather than guess
                return Refused(
                    f"Who is it: {live.case.who(owner)}, or “{name}”? "
                    "Clear the name to keep the choice under Who."
                )
            owner = OTHER_OWNER  # the name was typed faster than the form could follow
        return live.edit_follow_up(follow_up.id, v["text"], owner, v["owner_name"], v["due"])

    return FollowUpForm(
        "Follow-up",
        [
            Field("text", "What", follow_up.text, required=True),
            Field("owner", "Who", follow_up.owner, choices=owner_choices(live)),
            Field(
                "owner_name",
                "Who, if not at the table",
                follow_up.owner_name or "",
                placeholder="e.g. the AT specialist",
            ),
            Field("due", "Due", follow_up.due or "", placeholder=DATE_HINT),
        ],
        submit,
    )


class PartyForm(FormModal):
    """A party's form: choosing a role suggests the side it usually sits on."""

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field-role" and isinstance(event.value, str):
            self.set_value("side", usual_side(Role(event.value)).value)


def party_form(live: LiveSession, party: Party | None = None) -> FormModal:
    """F10 adds a party; e on a party's name in the interests panel edits one."""
    roles = [(ROLE_WORDS.get(role, role.value), role.value) for role in Role]

    def submit(v: Values) -> Done[Any] | Refused:
        role, side, authority = Role(v["role"]), Side(v["side"]), v["authority"] == CHECKED
        if party is None:
            return live.add_party(v["name"], role, side, authority)
        return live.edit_party(party.id, v["name"], role, side, authority)

    return PartyForm(
        "Add a party" if party is None else f"Party: {party.name}",
        [
            Field("name", "Name", party.name if party else "", required=True),
            Field("role", "Role", party.role.value if party else Role.PARENT.value, choices=roles),
            Field(
                "side",
                "Side",
                party.side.value if party else Side.FAMILY.value,
                choices=[(s.value, s.value) for s in Side],
            ),
            Field(
                "authority",
                "Signs for the district, with authority to bind it",
                CHECKED if party and party.authority else "",
                check=True,
            ),
        ],
        submit,
    )


SAME_AGENDA = ""


def next_session_form(
    live: LiveSession,
    templates: Sequence[Template],
    today: date,
    start: Callable[[date, Template | None], Any],
) -> FormModal:
    """F9: the date of the next session and, if wanted, an agenda template after the carried items."""
    by_name = {t.name: t for t in templates}

    def submit(values: Values) -> Done[Any] | Refused:
        from facilitator.model import parse_date

        try:
            on = date.fromisoformat(parse_date(values["date"]))
        except ValueError as exc:
            return Refused(f"Date: {exc}")
        result: Done[Any] | Refused = start(on, by_name.get(values["agenda"]))
        return result

    from facilitator.export.words import long_date

    latest = live.session
    # Never the day of this session: a week after it (or after today, when it was held earlier).
    suggested = max(today, date.fromisoformat(latest.date)) + timedelta(days=7)
    choices = [("only what carries over (and a check-in)", SAME_AGENDA)]
    choices += [(f"{t.title} ({t.name})", t.name) for t in templates]
    return FormModal(
        f"Close session {latest.number} and plan session {latest.number + 1}",
        [
            Field("date", "Date of the next session", suggested.isoformat(), placeholder=DATE_HINT),
            Field("agenda", "Agenda after the carried items", SAME_AGENDA, choices=choices),
        ],
        submit,
        note=f"The date suggested is a week on: {long_date(suggested)}; type the day you agreed. "
        "Open topics, the parking lot and a check-in on follow-ups carry over. Ctrl+Z undoes this.",
    )


def edit_form(live: LiveSession, list_name: str, record_id: str) -> FormModal | None:
    """The form that edits one record of ``list_name`` (options are linked, not edited, by F4)."""
    case = live.case
    if list_name == "agenda":
        item = case.agenda_item(record_id)
        return agenda_item_form(live, item) if item else None
    if list_name == "parties":
        return party_form(live, case.party(record_id)) if case.party(record_id) else None
    record = next((r for r in getattr(case, list_name, []) if r.id == record_id), None)
    if isinstance(record, Interest):
        return interest_form(live, record)
    if isinstance(record, Agreement):
        return agreement_form(live, record)
    if isinstance(record, FollowUp):
        return follow_up_form(live, record)
    if isinstance(record, Statement):
        return statement_form(live, record)
    if record is not None and isinstance(getattr(record, "text", None), str):
        label = {"parking_lot": "Parking-lot topic", "notes": "Note", "options": "Option"}.get(
            list_name, "Words"
        )
        return words_form(live, list_name, record_id, label, record.text)
    return None


DOCUMENT_KINDS = [(kind.value.replace("-", " "), kind.value) for kind in DocumentKind]


def document_form(live: LiveSession, document: Document | None) -> FormModal:
    """A document for the preparation checklist: what it is, who brings it, by when."""
    bringers = [(f"{p.name} · {p.role.value}", p.id) for p in live.case.parties] + [
        ("the mediator", MEDIATOR)
    ]

    def submit(values: Values) -> Done[Any] | Refused:
        kind = DocumentKind(values["kind"])
        if document is None:
            return live.add_document(values["title"], values["party"], kind, values["due"])
        return live.edit_document(document.id, values["title"], values["party"], kind, values["due"])

    return FormModal(
        "A document to prepare" if document is None else "Document",
        [
            Field("title", "Document", document.title if document else "", required=True),
            Field("party", "Who brings it", document.party if document else MEDIATOR, choices=bringers),
            Field(
                "kind",
                "Kind",
                document.kind.value if document else DocumentKind.OTHER.value,
                choices=DOCUMENT_KINDS,
            ),
            Field("due", "Due", (document.due or "") if document else "", placeholder=DATE_HINT),
        ],
        submit,
    )
