"""What falls due, across cases (DESIGN.md section 12): follow-ups, trial reviews, documents,
planned sessions, and the last day to void a resolution-meeting agreement.

Pure: a case gives its ``deadlines`` (which do not depend on the day); ``select`` keeps
those overdue or due soon on a given day. The case index (``index.py``) keeps each case's
deadlines so that ``facilitator due`` need not read every case.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from facilitator.export import SESSION_KIND_WORDS, long_date, plain_inline, short_date, void_by
from facilitator.model import Case, SessionKind, SessionStatus
from facilitator.review import bringer, missing_documents, trials_to_review

DEFAULT_DAYS = 14
# The kinds of item, in the order they are listed on the same day.
KINDS = ("follow-up", "trial-review", "document", "session", "void-by")
# A last day to void is a right that lapses, not a task: once past, it is no longer listed.
LAPSES = frozenset({"void-by"})
KIND_WORDS = {
    "follow-up": "follow-up",
    "trial-review": "trial review",
    "document": "document",
    "session": "session",
    "void-by": "last day to void",
}
FORMATS = ("text", "json", "ics")


@dataclass(frozen=True)
class Deadline:
    """A dated item of a case: ``kind`` one of KINDS, the ``id`` of its record (the session's
    id for "session" and "void-by"), its ``text``, its ``date`` (YYYY-MM-DD) and ``who`` is to
    act on it, when known."""

    kind: str
    id: str
    text: str
    date: str
    who: str | None = None


@dataclass(frozen=True, order=True)
class DueItem:
    """A deadline of case ``case`` on a given day: ``overdue`` when its date has passed."""

    date: str
    case: str
    rank: int = field(repr=False)  # the kind's place in KINDS, so one day lists in that order
    kind: str
    id: str
    text: str
    overdue: bool
    who: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "kind": self.kind,
            "id": self.id,
            "text": self.text,
            "date": self.date,
            "overdue": self.overdue,
        }


def deadlines(case: Case) -> list[Deadline]:
    """Every dated item of the case, whatever the day.

    * follow-up: not done and has a due date;
    * trial-review: a trial in force, not yet reviewed, with a review date;
    * document: still needed or requested, with a due date;
    * session: a planned session, on its date;
    * void-by: a resolution meeting in which an agreement was recorded: the last day either
      party may void it (three business days after the session; ``export.void_by``).
    """
    found = [
        Deadline("follow-up", f.id, f.text, f.due, case.owner_of(f))
        for f in case.follow_ups
        if not f.done and f.due
    ]
    found += [
        Deadline("trial-review", a.id, a.text, a.review, a.monitor or a.responsible)
        for a in trials_to_review(case)
        if a.review
    ]
    found += [
        Deadline("document", d.id, d.title, d.due, bringer(case, d)) for d in missing_documents(case) if d.due
    ]
    for session in case.sessions:
        if session.status == SessionStatus.PLANNED:
            words = SESSION_KIND_WORDS[session.kind]
            found.append(Deadline("session", session.id, f"Session {session.number} ({words})", session.date))
    agreed_in = {a.session for a in case.agreements}
    for session in case.sessions:
        if session.kind != SessionKind.RESOLUTION or session.id not in agreed_in:
            continue
        try:
            last_day = void_by(date.fromisoformat(session.date))
        except (OverflowError, ValueError):  # no three business days left before year 10000
            continue
        found.append(
            Deadline(
                "void-by",
                session.id,
                f"Last day to void the agreement of session {session.number} (resolution meeting)",
                last_day.isoformat(),
            )
        )
    return found


def horizon(today: date, days: int) -> date:
    """The last day of the window: ``today`` plus ``days``, or the end of the calendar."""
    if days >= (date.max - today).days:
        return date.max
    return today + timedelta(days=days)


def select(case_id: str, found: Iterable[Deadline], today: date, days: int) -> list[DueItem]:
    """The deadlines overdue on ``today`` or due within ``days`` of it, sorted by date."""
    first, last = today.isoformat(), horizon(today, days).isoformat()
    items = []
    for deadline in found:
        late = deadline.date < first
        if (late and deadline.kind in LAPSES) or deadline.date > last:
            continue
        items.append(
            DueItem(
                deadline.date,
                case_id,
                KINDS.index(deadline.kind),
                deadline.kind,
                deadline.id,
                deadline.text,
                late,
                deadline.who,
            )
        )
    return sorted(items)


def due_items(case: Case, today: date, days: int = DEFAULT_DAYS) -> list[DueItem]:
    """What of ``case`` is overdue on ``today`` or falls due within ``days``, sorted by date."""
    return select(case.id, deadlines(case), today, days)


@dataclass(frozen=True)
class DueReport:
    """What falls due across the cases of a data folder on ``today``."""

    today: date
    days: int
    items: list[DueItem]
    damaged: list[tuple[str, str]]  # (case id, the problem in one line)
    cases: int  # how many cases were looked at, damaged ones included


def render_due(report: DueReport, fmt: str) -> str:
    """The report as "text" for people, "json" (DESIGN section 12) or "ics" (iCalendar)."""
    if fmt == "json":
        document: dict[str, Any] = {
            "today": report.today.isoformat(),
            "items": [item.to_json() for item in report.items],
        }
        if report.damaged:
            document["damaged"] = [{"case": case, "problem": problem} for case, problem in report.damaged]
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "ics":
        return _calendar(report)
    if fmt != "text":
        raise ValueError(f'unknown due format "{fmt}": use text, json or ics')
    return _text(report)


def _text(report: DueReport) -> str:
    last = horizon(report.today, report.days)
    lines = [f"What falls due, as of {long_date(report.today)}"]
    late = [item for item in report.items if item.overdue]
    coming = [item for item in report.items if not item.overdue]
    if not report.cases:
        lines += ["", "No cases yet, so nothing falls due."]
    elif not report.items:
        lines += ["", f"Nothing is overdue, and nothing falls due by {short_date(last)}."]
    rows = [("Overdue", late), (f"Due by {short_date(last)}", coming)]
    width = max((len(short_date(item.date)) for item in report.items), default=0)
    case_width = max((len(item.case) for item in report.items), default=0)
    for heading, items in rows:
        if not items:
            continue
        lines += ["", f"{heading} ({len(items)})"]
        for item in items:
            what = plain_inline(item.text)
            if item.who:
                what += f" ({plain_inline(item.who)})"
            lines.append(
                f"  {short_date(item.date).ljust(width)}  {item.case.ljust(case_width)}  "
                f"{KIND_WORDS[item.kind]}: {what}"
            )
    if report.damaged:
        lines.append("")
        lines += [f"damaged: {case}: {plain_inline(problem)}" for case, problem in report.damaged]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- iCalendar

PRODID = "-//facilitator//what falls due//EN"
SUMMARY_LIMIT = 200


def uid(item: DueItem) -> str:
    """The event's UID: the same for the same case, kind and record on every run."""
    digest = hashlib.sha256(f"{item.case}\x1f{item.kind}\x1f{item.id}".encode()).hexdigest()
    return f"{digest[:32]}@facilitator"


def _calendar(report: DueReport) -> str:
    import icalendar  # only the calendar needs it

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "facilitator: what falls due")
    # The stamp is the day asked about, so the same data and --today give the same file.
    stamp = datetime.combine(report.today, time(0, 0), tzinfo=timezone.utc)
    for item in report.items:
        summary = f"{KIND_WORDS[item.kind].capitalize()}: {plain_inline(item.text)}"
        if len(summary) > SUMMARY_LIMIT:
            summary = summary[: SUMMARY_LIMIT - 1].rstrip() + "…"
        details = [f"Case {item.case}."]
        if item.who:
            details.append(f"Who: {plain_inline(item.who)}.")
        event = icalendar.Event()
        event.add("uid", uid(item))
        event.add("dtstamp", stamp)
        # An all-day event: a DATE start and no end lasts the one day (RFC 5545 3.6.1),
        # which also works on December 31, 9999.
        event.add("dtstart", date.fromisoformat(item.date))
        event.add("summary", summary)
        event.add("description", " ".join(details))
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return str(calendar.to_ical(), "utf-8")
