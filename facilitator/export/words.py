"""The words the exports use: dates written out, roles, statuses, and the legal statements.

Shared by both kinds of export and every format, and by the review (section 9), so a
sentence is written once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from facilitator.model import (
    AgendaStatus,
    AgreementKind,
    DocumentKind,
    DocumentStatus,
    OptionStatus,
    ParkingStatus,
    Role,
    SessionKind,
    Side,
)

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


def words_list(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def duration_words(minutes: int) -> str:
    """ "45 min", "1 h", "2 h 5 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


ROLE_WORDS = {
    Role.PARENT: "parent",
    Role.GUARDIAN: "guardian",
    Role.STUDENT: "student",
    Role.ADVOCATE: "advocate",
    Role.ATTORNEY: "attorney",
    Role.DISTRICT: "district representative",
    Role.TEACHER: "teacher",
    Role.SPECIALIST: "specialist",
    Role.CASE_MANAGER: "case manager",
    Role.RELATED_SERVICE: "related-service provider",
    Role.INTERPRETER: "interpreter",
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
DATE_DETAILS = ("start", "review")
# What a trial measures and who reports it, shown after the details when recorded.
TRIAL_WORDS = {
    "data": "What is measured",
    "monitor": "Who collects and reports the data",
}
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
DOCUMENT_KIND_WORDS = {
    DocumentKind.EVALUATION: "evaluation",
    DocumentKind.IEE: "independent educational evaluation",
    DocumentKind.PROGRESS_REPORT: "progress report",
    DocumentKind.IEP: "IEP",
    DocumentKind.MEDICAL: "medical records",
    DocumentKind.COMMUNICATION_LOG: "communication log",
    DocumentKind.WORK_SAMPLE: "work sample",
    DocumentKind.DATA: "data",
    DocumentKind.OTHER: "other",
}
DOCUMENT_STATUS_WORDS = {
    DocumentStatus.NEEDED: "needed",
    DocumentStatus.REQUESTED: "requested",
    DocumentStatus.RECEIVED: "received",
    DocumentStatus.SHARED: "shared",
}

# ---------------------------------------------------------------- the legal statements

CONFIDENTIALITY = (
    "Discussions that happen during the mediation process are confidential. Under federal "
    "special-education law (34 CFR 300.506(b)(6)(i)), they may not be used as evidence in any "
    "later due process hearing or civil proceeding. This document records only the areas of "
    "agreement and the next steps."
)
# A resolution meeting is not a mediation: the regulation gives it no confidentiality of its
# own, so the document says what covers it rather than borrowing mediation's protection.
RESOLUTION_CONFIDENTIALITY = (
    "This was a resolution meeting (34 CFR 300.510), not a mediation. The law does not by itself "
    "make what is said in a resolution meeting confidential; it stays confidential only as far "
    "as the parties agreed to keep it so."
)
IEP_MEETING_CONFIDENTIALITY = (
    "This was a facilitated IEP meeting, not a mediation. The confidentiality rule for mediation "
    "(34 CFR 300.506(b)(6)(i)) does not cover it; the student's records stay private under the "
    "usual rules for education records."
)

ENFORCEABLE_MEDIATION = (
    "Once it is signed by the parents and by a representative of the school district who has the "
    "authority to bind the district, this agreement is legally binding. It is enforceable in any "
    "State court of competent jurisdiction or in a district court of the United States "
    "(34 CFR 300.506(b)(7))."
)
ENFORCEABLE_RESOLUTION = (
    "Once it is signed by the parents and by a representative of the school district who has the "
    "authority to bind the district, this agreement is legally binding. It is enforceable in any "
    "State court of competent jurisdiction or in a district court of the United States "
    "(34 CFR 300.510(d)(2))."
)
IEP_TEAM_DECISIONS = (
    "This was a facilitated IEP meeting. This document records the decisions of the IEP team; it "
    "is not a mediation agreement or a resolution agreement, and signing it does not make it "
    "enforceable as one. The decisions take effect through the student's IEP."
)
