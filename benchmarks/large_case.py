"""A large, realistic case for the benchmarks (DESIGN.md section 11).

Ten sessions of a long dispute about a fifth grader's services, with about 2,000 records
spread over interests, options, agreements, follow-ups, the parking lot, statements and
notes, at the lengths mediators actually type. Deterministic: the same seed gives the same
case, byte for byte. Built as a case-file document (a dict) and validated through
``case_from_document``, exactly like an imported file.

    from large_case import large_case, large_case_document
    case = large_case()             # a validated Case
    doc = large_case_document()     # the JSON document (format v1)
    python benchmarks/large_case.py > big.json   # for `facilitator import big.json`
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from facilitator.model import FORMAT, MEDIATOR, Case, case_from_document

__all__ = ["CASE_ID", "COUNTS", "large_case", "large_case_document", "record_count", "statement_texts"]

CASE_ID = "bench-large-case"
STUDENT = "Jordan"
SESSIONS = 10
FIRST_DAY = date(2026, 1, 12)

# How many records of each kind; 2,050 in all (parties and agenda items not counted).
COUNTS = {
    "interests": 300,
    "options": 250,
    "agreements": 150,
    "follow_ups": 150,
    "parking_lot": 100,
    "statements": 800,
    "notes": 300,
}

PARTIES = [
    ("p1", "Alicia Romero-Vance", "parent", "family"),
    ("p2", "Marcus Vance", "parent", "family"),
    ("p3", "Denise Okonkwo", "advocate", "family"),
    ("p4", "Harold Fisk, Esq.", "attorney", "family"),
    ("p5", "Dr. Priya Raman", "district", "school"),
    ("p6", "Ms. Carla Jessup", "teacher", "school"),
    ("p7", "Tom Bergström", "specialist", "school"),
    ("p8", "Elaine Whitcomb, Esq.", "attorney", "school"),
]
FAMILY = [p[0] for p in PARTIES if p[3] == "family"]
SCHOOL = [p[0] for p in PARTIES if p[3] == "school"]

TOPICS = [
    "reading intervention",
    "speech-language minutes",
    "occupational therapy",
    "the one-to-one aide",
    "transportation",
    "the behavior intervention plan",
    "assistive technology",
    "extended school year",
    "compensatory services",
    "the independent evaluation",
    "math support",
    "social skills group",
    "the transition to middle school",
    "counseling",
    "progress reporting",
    "testing accommodations",
    "the sensory break schedule",
    "homework load",
    "the classroom placement",
    "parent training",
]
SUBJECTS = [
    "the speech minutes",
    "the reading block",
    "the IEP draft",
    "the progress reports",
    "the aide schedule",
    "the bus pickup",
    "the OT sessions",
    "the behavior data",
    "the evaluation report",
    "the math probes",
    "the chromebook",
    "the summer program",
    "the counseling notes",
    "the fluency scores",
    "the team meeting",
]
PEOPLE = [
    "the case manager",
    "the district",
    "the team",
    "the principal",
    "the aide",
    "the therapist",
    "the family",
    "the advocate",
    "the teacher",
    "the speech pathologist",
]
MONTHS = ["September", "October", "November", "December", "January", "February", "March", "April", "May"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FREQUENCIES = ["4 times a week", "twice a week", "daily", "once a week", "3 times a week", "every other day"]
DURATIONS = [
    "30 minutes a session",
    "45 minutes, for 12 weeks",
    "20 minutes, through June",
    "6 weeks",
    "one semester",
    "the rest of the school year",
]
STATUS_AGENDA_CLOSED = ["resolved", "resolved", "resolved", "referred", "needs-data", "parked", "open"]


def _pick(rng: random.Random, items: Sequence[Any]) -> Any:
    return items[rng.randrange(len(items))]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        student=STUDENT,
        topic=_pick(rng, TOPICS),
        subject=_pick(rng, SUBJECTS),
        person=_pick(rng, PEOPLE),
        month=_pick(rng, MONTHS),
        weekday=_pick(rng, WEEKDAYS),
        n=rng.randint(2, 40),
        m=rng.randint(10, 95),
        freq=_pick(rng, FREQUENCIES),
        dur=_pick(rng, DURATIONS),
    )


def _sentence(
    rng: random.Random, openings: Sequence[str], extensions: Sequence[str], low: int, high: int
) -> str:
    """One realistic line between ``low`` and ``high`` characters: an opening, then clauses."""
    text = _fill(rng, _pick(rng, openings))
    end = "?" if text.endswith("?") else "."
    target = rng.randint(low, high)
    unused = list(extensions)
    while len(text) < target and unused:
        extension = unused.pop(rng.randrange(len(unused)))
        if extension[0] in ",;(" or extension[1:2].islower() or extension[1:2] == "(":
            text = text.rstrip(".?")  # a clause continuing the sentence
        elif text[-1] not in ".?!":
            text += "."  # a new sentence
        text += _fill(rng, extension)
    if len(text) >= high:
        cut = text.rfind(" ", 0, high - 1)
        text = text[: cut if cut > low // 2 else high - 1].rstrip(",;:( ")
    if text[-1] not in ".?!)":
        text += end
    return text[0].upper() + text[1:]


STATEMENT_OPENINGS = [
    "You never answer my emails about {subject}.",
    "Every time we ask about {subject}, {person} tells us to wait until the next meeting.",
    "Nobody bothered to call us when the aide quit in {month}.",
    "I'm worried {student} is losing ground in {topic}.",
    "We looked at {subject} and {student} met {m} percent of the goal in {month}.",
    "Oh sure, {person} is doing a great job, that's why {student} cries every {weekday}.",
    "Why do you keep changing {subject} without telling us?",
    "The data from {month} shows {n} sessions were missed because of staffing.",
    "{student} really likes the small group, and his teacher says he volunteers to read aloud now.",
    "If this isn't fixed by {month} we'll see you at due process.",
    "I see the numbers differently, and I'd like to walk through {subject} together.",
    "You people only care about the budget, not about {student}.",
    "When was the last probe on {topic}?",
    "Your team buried the evaluation report until the day before the meeting.",
    "The parents won't follow through on {subject} at home, so nothing we do sticks.",
    "I missed that email about {subject}, that's on me.",
    "We could try {topic} on {weekday}s for {n} weeks and look at the data together.",
    "Funny how {subject} always gets lost right before a meeting.",
    "This whole process has been exhausting for our family.",
    "Thank you for sending {subject}; it helps to see it before we talk.",
]
STATEMENT_EXTENSIONS = [
    ", and {student} has been coming home upset about it",
    ", which is why we asked for {subject} in writing",
    " since {month}",
    ", and we were told {n} different things by {n} different people",
    ", even though the IEP says {freq}",
    "; we need to know who is responsible for {topic}",
    ", and frankly it feels like nobody is listening",
    " during {topic} on {weekday}s",
    ", so we would like the data every {weekday}",
    ", and {person} agreed to look into it back in {month}",
]
INTEREST_OPENINGS = [
    "{student} can keep up with grade-level work in {topic}",
    "Services the staff can deliver reliably all year for {topic}",
    "The family hears about problems with {subject} the same week they happen",
    "{student} stays with his class for science and art",
    "Decisions about {topic} rest on current data, not last year's scores",
    "{student} feels safe and calm at school, especially on {weekday}s",
    "A clear picture of progress in {topic}, measured the same way each time",
    "Staff time is used where it helps {student} most",
    "{student} keeps over the summer what he gained in {topic}",
]
INTEREST_EXTENSIONS = [
    ", without waiting for an adult",
    " and can explain it in his own words",
    ", measured at least every {n} school days",
    ", because {student} shuts down when he falls behind",
    " through the move to middle school",
]
POSITIONS = [
    "A full-time one-to-one aide for the whole school day",
    "Private placement at district expense",
    "No change to {topic} until the reevaluation is done",
    "An independent evaluation of {topic} by an evaluator the family chooses",
    "{n} hours of compensatory {topic}",
    "Weekly written progress reports on {subject}",
    "Door-to-door transportation with an aide on the bus",
]
OPTION_OPENINGS = [
    "Small-group {topic} with the specialist, {freq}",
    "A {n}-week trial of {topic} with data shared with the family every {weekday}",
    "The district funds an outside evaluator from a list of three both sides accept",
    "{person} sends a one-page summary of {subject} every {weekday}",
    "Make-up sessions for the {n} missed hours of {topic}, scheduled after school",
    "Move {subject} to the morning so {student} does not miss science",
    "A shared notebook between home and school about {topic}",
    "The team meets again in {month} to review {subject}",
]
OPTION_EXTENSIONS = [
    ", starting the week after the agreement is signed",
    ", with {person} as the single point of contact",
    ", reviewed after {n} weeks against the IEP goal",
    ", in a group of no more than {n} students",
    ", and the family may observe once a month",
]
AGREEMENT_OPENINGS = [
    "Everyone at the table wants {student} making real progress in {topic}",
    "{student} receives {topic} as a separate service",
    "{student} tries {topic} for a limited time, with data shared with the family",
    "{person} will send {subject} to the family before the next session",
    "The team will use the same measure for {topic} at every progress report",
    "Questions about {subject} go to one person, who answers within two school days",
]
AGREEMENT_EXTENSIONS = [
    ", outside science and art time",
    ", with a review when the data is in",
    ", and both sides will look at the numbers together in {month}",
    ", delivered {freq}",
]
FOLLOW_UP_OPENINGS = [
    "Send the family {subject} from {month}",
    "Ask transportation about the bus pickup time on {weekday}s",
    "Gather the names of three evaluators both sides could accept",
    "Schedule the make-up sessions for {topic}",
    "Share notes from the private tutor with the specialist",
    "Check whether {subject} can move to the morning",
    "Write up the trial data for {topic}",
]
FOLLOW_UP_EXTENSIONS = [" and copy the advocate", " before the next session", " for the last {n} weeks"]
PARKING_OPENINGS = [
    "Bus arrives after the first period on {weekday}s",
    "How progress on {topic} is shared with home",
    "Summer plans for {topic}",
    "Whether {student} joins the field trip in {month}",
    "Staff training on {topic}",
    "Lunch and recess supervision",
]
PARKING_EXTENSIONS = [" (raised by {person})", " for next year", " after the {month} data"]
NOTE_OPENINGS = [
    "Warmer by the end; both sides see the small group working.",
    "Mom may accept a trial of {topic} if the data is shared every {weekday}.",
    "Dad is most worried about {subject}; he came back to it {n} times.",
    "The director has authority to agree to {topic} up to {n} hours but needs the board above that.",
    "In caucus: the family would wait for the district's testing if they can see the actual scores.",
    "Tension rose around {subject}; a short break helped.",
    "The advocate is open to {topic} as long as progress is measured the same way each time.",
    "Counsel for the district wants everything in writing before anyone signs.",
]
NOTE_EXTENSIONS = [
    " Worth returning to {subject} early next time.",
    " Check with {person} whether the {month} data exists.",
    " Both sides used the word trust {n} times.",
    " I should summarise the interests on {topic} before moving to options.",
    " The family asked twice about {subject}.",
]


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _spread(total: int, sessions: int, rng: random.Random) -> list[int]:
    """``total`` records over the sessions, a few more in the middle ones, none left at 0."""
    weights = [1.0 + rng.random() for _ in range(sessions)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def large_case_document(seed: int = 2026, counts: dict[str, int] | None = None) -> dict[str, Any]:
    """The large case as a case-file document (format v1)."""
    rng = random.Random(seed)
    counts = {**COUNTS, **(counts or {})}
    parties = [{"id": i, "name": n, "role": r, "side": s} for i, n, r, s in PARTIES]
    party_ids = [p[0] for p in PARTIES]

    sessions: list[dict[str, Any]] = []
    agenda_number = 0
    unresolved: list[dict[str, Any]] = []
    for number in range(1, SESSIONS + 1):
        day = FIRST_DAY + timedelta(days=14 * (number - 1))
        start = datetime.combine(day, time(13, 0), tzinfo=timezone.utc)
        live = number == SESSIONS
        agenda: list[dict[str, Any]] = []
        titles: list[tuple[str, str | None]] = []
        if number > 1:
            titles.append((f"Check-in on follow-ups from session {number - 1}", None))
        titles += [(item["title"], item["id"]) for item in unresolved[: rng.randint(1, 3)]]
        while len(titles) < rng.randint(6, 10):
            titles.append(
                (_fill(rng, "{topic}").capitalize() + _pick(rng, ["", " (continued)", ": next steps"]), None)
            )
        clock = start
        active_at = rng.randrange(1, len(titles)) if live else -1
        for index, (title, carried) in enumerate(titles):
            agenda_number += 1
            item: dict[str, Any] = {
                "id": f"a{agenda_number}",
                "title": title,
                "minutes": _pick(rng, [10, 15, 20, 30, 45, 60]),
            }
            if index % 3 == 0:
                item["prompts"] = [
                    _fill(rng, "Where {subject} is now, in each side's words"),
                    _fill(rng, "What has helped with {topic}, and what has not"),
                ]
            if carried:
                item["carried_from"] = carried
            if live:
                if index < active_at:
                    item["status"] = _pick(rng, ["resolved", "parked", "needs-data"])
                elif index == active_at:
                    item["status"] = "active"
                else:
                    item["status"] = "open"
                if index <= active_at:
                    item["started_at"] = _stamp(clock)
                    if index < active_at:
                        item["ended_at"] = _stamp(clock + timedelta(minutes=item["minutes"]))
            else:
                item["status"] = _pick(rng, STATUS_AGENDA_CLOSED)
                item["started_at"] = _stamp(clock)
                item["ended_at"] = _stamp(clock + timedelta(minutes=item["minutes"]))
            clock += timedelta(minutes=item["minutes"])
            agenda.append(item)
        unresolved = [i for i in agenda if i["status"] not in ("resolved", "referred")]
        session: dict[str, Any] = {
            "id": f"s{number}",
            "number": number,
            "date": day.isoformat(),
            "status": "live" if live else "closed",
            "kind": "resolution" if number == 1 else "mediation",
            "started_at": _stamp(start),
            "agenda": agenda,
        }
        if not live:
            session["ended_at"] = _stamp(clock)
        sessions.append(session)

    def placed(list_name: str) -> Iterator[tuple[dict[str, Any], datetime]]:
        """Session and a moment within it, for each record of a list, in session order."""
        for session, share in zip(sessions, _spread(counts[list_name], SESSIONS, rng), strict=True):
            start = datetime.fromisoformat(session["started_at"])
            for n in range(share):
                yield session, start + timedelta(seconds=int(n * 3 * 3600 / max(share, 1)))

    def agenda_of(session: dict[str, Any]) -> str:
        return _pick(rng, session["agenda"])["id"]

    interests: list[dict[str, Any]] = []
    for n, (session, _) in enumerate(placed("interests"), start=1):
        record = {
            "id": f"i{n}",
            "party": _pick(rng, party_ids),
            "session": session["id"],
            "agenda_item": agenda_of(session),
            "text": _sentence(rng, INTEREST_OPENINGS, INTEREST_EXTENSIONS, 40, 160),
        }
        if rng.random() < 0.4:
            record["position"] = _fill(rng, _pick(rng, POSITIONS))
        interests.append(record)

    options: list[dict[str, Any]] = []
    statuses = ["proposed", "discussing", "agreed", "declined", "parked", "trial"]
    for n, (session, _) in enumerate(placed("options"), start=1):
        so_far = [i["id"] for i in interests if int(i["session"][1:]) <= session["number"]]
        record = {
            "id": f"o{n}",
            "session": session["id"],
            "agenda_item": agenda_of(session),
            "proposed_by": _pick(rng, [*party_ids, MEDIATOR]),
            "text": _sentence(rng, OPTION_OPENINGS, OPTION_EXTENSIONS, 40, 200),
            "status": _pick(rng, statuses),
            "addresses": sorted(rng.sample(so_far, rng.randint(1, 4)), key=lambda i: int(i[1:])),
        }
        if options and rng.random() < 0.1:
            record["revises"] = _pick(rng, options)["id"]
        options.append(record)

    agreements: list[dict[str, Any]] = []
    kinds = ["principle", "principle", "service", "service", "service", "trial", "trial", "procedural"]
    for n, (session, moment) in enumerate(placed("agreements"), start=1):
        kind = _pick(rng, kinds)
        record: dict[str, Any] = {
            "id": f"g{n}",
            "session": session["id"],
            "agenda_item": agenda_of(session),
            "kind": kind,
            "text": _sentence(rng, AGREEMENT_OPENINGS, AGREEMENT_EXTENSIONS, 50, 200),
        }
        agreed = [o for o in options if o["session"] == session["id"] and o["status"] in ("agreed", "trial")]
        if agreed and kind != "principle":
            option = _pick(rng, agreed)
            record["option"] = option["id"]
            record["addresses"] = option["addresses"]
        if kind in ("service", "trial"):
            details = {
                "service": _fill(rng, "{topic}").capitalize() + " in a small group",
                "frequency": _pick(rng, FREQUENCIES),
                "duration": _pick(rng, DURATIONS),
                "responsible": _pick(
                    rng,
                    [
                        "Tom Bergström, specialist",
                        "Ms. Carla Jessup, case manager",
                        "the speech-language pathologist",
                        "the district AT team",
                    ],
                ),
                "goal": _fill(rng, "Meets {m}% of the {topic} goal on weekly probes by {month}"),
                "start": (moment.date() + timedelta(days=rng.randint(3, 20))).isoformat(),
            }
            if kind == "trial":
                details["review"] = (moment.date() + timedelta(days=rng.randint(35, 60))).isoformat()
            if rng.random() < 0.5:  # about half are still missing details
                for name in rng.sample(sorted(details), rng.randint(1, 3)):
                    del details[name]
            record.update(details)
        agreements.append(record)

    follow_ups = []
    for n, (session, moment) in enumerate(placed("follow_ups"), start=1):
        record = {
            "id": f"f{n}",
            "session": session["id"],
            "text": _sentence(rng, FOLLOW_UP_OPENINGS, FOLLOW_UP_EXTENSIONS, 30, 120),
            "owner": _pick(rng, [*party_ids, MEDIATOR]),
            "done": session["number"] < SESSIONS - 1 and rng.random() < 0.8,
        }
        if rng.random() < 0.85:
            record["due"] = (moment.date() + timedelta(days=rng.randint(2, 21))).isoformat()
        follow_ups.append(record)

    parking_lot = [
        {
            "id": f"k{n}",
            "session": session["id"],
            "text": _sentence(rng, PARKING_OPENINGS, PARKING_EXTENSIONS, 20, 90),
            "status": _pick(rng, ["open", "scheduled", "done"]) if session["number"] < SESSIONS else "open",
        }
        for n, (session, _) in enumerate(placed("parking_lot"), start=1)
    ]

    texts = statement_texts(counts["statements"], seed=seed + 1)
    statements = []
    for n, ((session, moment), text) in enumerate(zip(placed("statements"), texts, strict=True), start=1):
        record = {
            "id": f"st{n}",
            "session": session["id"],
            "party": _pick(rng, party_ids),
            "at": _stamp(moment),
            "text": text,
        }
        if rng.random() < 0.3:
            record["flagged"] = True
            record["reframe"] = _fill(
                rng,
                _pick(
                    rng,
                    [
                        "Getting {subject} on time matters a lot to you.",
                        "What would help make sure {subject} reaches you before the meeting from now on?",
                        "Can you say more about what {topic} would make possible for {student}?",
                    ],
                ),
            )
        else:
            record["flagged"] = False
        statements.append(record)

    notes = []
    for n, (session, moment) in enumerate(placed("notes"), start=1):
        record: dict[str, Any] = {
            "id": f"n{n}",
            "session": session["id"],
            "text": _sentence(rng, NOTE_OPENINGS, NOTE_EXTENSIONS, 60, 400),
            "at": _stamp(moment),
        }
        if rng.random() < 0.3:
            record["visibility"] = "caucus"
            record["party"] = _pick(rng, party_ids)
            record["shared_with_consent"] = rng.random() < 0.2
            if record["shared_with_consent"]:
                record["consent_at"] = _stamp(moment + timedelta(minutes=20))
        else:
            record["visibility"] = "joint"
        notes.append(record)

    return {
        "format": FORMAT,
        "id": CASE_ID,
        "title": f"Services and placement for {STUDENT}",
        "student": STUDENT,
        "created": _stamp(datetime.combine(FIRST_DAY - timedelta(days=10), time(9, 0), tzinfo=timezone.utc)),
        "parties": parties,
        "sessions": sessions,
        "interests": interests,
        "options": options,
        "agreements": agreements,
        "follow_ups": follow_ups,
        "parking_lot": parking_lot,
        "statements": statements,
        "notes": notes,
    }


def statement_texts(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct statements as people say them at the table (60 to 250 characters)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    texts: list[str] = []
    while len(texts) < count:
        text = _sentence(rng, STATEMENT_OPENINGS, STATEMENT_EXTENSIONS, 60, 250)
        if len(text) < 60:
            text = text.rstrip(".") + _fill(rng, ", and that was back in {month}.")
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def large_case(seed: int = 2026) -> Case:
    """The large case, validated like an imported file."""
    return case_from_document(large_case_document(seed))


def record_count(case: Case) -> int:
    """Records of the seven kinds a mediator records (parties and agenda items not counted)."""
    return sum(len(getattr(case, name)) for name in COUNTS)


if __name__ == "__main__":
    json.dump(large_case().dump(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
