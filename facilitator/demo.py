"""The demo case: a made-up mediation about reading services for a fourth grader.

`facilitator demo` writes this case once, so a newcomer opens a full board: a closed first
session with agreements, open questions and follow-ups, and a live second session built the
way `facilitator next` builds one, with its timer running on the active item.

Everyone in it is invented. Dates and times are relative to the day it is made.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from facilitator.model import (
    FORMAT,
    MEDIATOR,
    OTHER_OWNER,
    AgendaItem,
    AgendaStatus,
    Agreement,
    AgreementKind,
    Case,
    Document,
    DocumentKind,
    DocumentStatus,
    FollowUp,
    Interest,
    Note,
    Option,
    OptionStatus,
    ParkingItem,
    ParkingStatus,
    Party,
    Role,
    Session,
    SessionKind,
    SessionStatus,
    Side,
    Statement,
    Visibility,
)

DEMO_ID = "demo-reading-maya"

# Parties, by id.
FATHER = "p1"
ADVOCATE = "p2"
DIRECTOR = "p3"
SPECIALIST = "p4"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _day(day: date) -> str:
    return day.isoformat()


def demo_case(today: date, now: datetime | None = None) -> Case:
    """The demo case with session 2 live on ``today``; ``now`` (default: the clock) runs its timer."""
    if now is None:
        now = datetime.now(timezone.utc)
    now = now.astimezone(timezone.utc)

    first_day = today - timedelta(days=14)

    def at(hour: int, minute: int, day: date = first_day) -> str:
        """A time of day (UTC) on the day of session 1."""
        return _stamp(datetime.combine(day, time(hour, minute), tzinfo=timezone.utc))

    def ago(minutes: int) -> str:
        """A moment in session 2, the live one, this many minutes before now."""
        return _stamp(now - timedelta(minutes=minutes))

    def days(offset: int) -> str:
        return _day(today + timedelta(days=offset))

    parties = [
        Party(id=FATHER, name="Daniel Moreno", role=Role.PARENT, side=Side.FAMILY),
        Party(id=ADVOCATE, name="Ruth Adeyemi", role=Role.ADVOCATE, side=Side.FAMILY),
        Party(id=DIRECTOR, name="Dr. Helen Park", role=Role.DISTRICT, side=Side.SCHOOL),
        Party(id=SPECIALIST, name="Sam Whitaker", role=Role.SPECIALIST, side=Side.SCHOOL),
    ]

    # ---- session 1: the first mediation, two weeks ago, closed

    session_1 = Session(
        id="s1",
        number=1,
        date=_day(first_day),
        status=SessionStatus.CLOSED,
        kind=SessionKind.MEDIATION,
        started_at=at(13, 0),
        ended_at=at(16, 5),
        agenda=[
            AgendaItem(
                id="a1",
                title="Welcome, purpose and ground rules",
                minutes=10,
                status=AgendaStatus.RESOLVED,
                process=True,
                prompts=[
                    "What is said here stays here and cannot be used as evidence later",
                    "Who can sign for the district today",
                    "Either side may ask for a private caucus at any time",
                ],
                started_at=at(13, 0),
                ended_at=at(13, 12),
            ),
            AgendaItem(
                id="a2",
                title="Reading intervention services",
                minutes=45,
                status=AgendaStatus.RESOLVED,
                prompts=[
                    "Where Maya's reading is now, in each side's words",
                    "What has helped so far, and what has not",
                ],
                started_at=at(13, 12),
                ended_at=at(14, 20),
            ),
            AgendaItem(
                id="a3",
                title="Independent reading evaluation",
                minutes=30,
                status=AgendaStatus.NEEDS_DATA,
                prompts=[
                    "What the district's winter screening showed",
                    "What an outside evaluation would add",
                ],
                started_at=at(14, 20),
                ended_at=at(14, 50),
            ),
            AgendaItem(
                id="a4",
                title="Text-to-speech for science and social studies",
                minutes=30,
                status=AgendaStatus.OPEN,
                started_at=at(14, 55),
                ended_at=at(15, 35),
            ),
            AgendaItem(
                id="a5",
                title="Summer reading support",
                minutes=20,
                status=AgendaStatus.PARKED,
                started_at=at(15, 35),
                ended_at=at(15, 50),
            ),
        ],
    )

    # ---- session 2: today, live; built the way `next` builds it

    session_2 = Session(
        id="s2",
        number=2,
        date=_day(today),
        status=SessionStatus.LIVE,
        kind=SessionKind.MEDIATION,
        started_at=ago(24),
        agenda=[
            # A check-in on follow-ups comes first ...
            AgendaItem(
                id="a6",
                title="Check-in on follow-ups",
                minutes=10,
                status=AgendaStatus.RESOLVED,
                started_at=ago(22),
                ended_at=ago(6),
            ),
            # ... then every unresolved item of session 1 ...
            AgendaItem(
                id="a7",
                title="Independent reading evaluation",
                minutes=30,
                status=AgendaStatus.ACTIVE,
                carried_from="a3",
                prompts=[
                    "What the district's winter screening showed",
                    "What an outside evaluation would add",
                ],
                started_at=ago(6),
            ),
            AgendaItem(
                id="a8",
                title="Text-to-speech for science and social studies",
                minutes=30,
                status=AgendaStatus.OPEN,
                carried_from="a4",
            ),
            AgendaItem(
                id="a9",
                title="Summer reading support",
                minutes=20,
                status=AgendaStatus.OPEN,
                carried_from="a5",
            ),
            # ... then one item for each open parking-lot entry ...
            AgendaItem(
                id="a10",
                title="How Maya's reading progress is shared with home",
                status=AgendaStatus.OPEN,
            ),
            # ... and the mediator added one more.
            AgendaItem(
                id="a11",
                title="Writing up today's agreements and next steps",
                minutes=15,
                status=AgendaStatus.OPEN,
                process=True,
            ),
        ],
    )

    interests = [
        Interest(
            id="i1",
            party=FATHER,
            session="s1",
            agenda_item="a2",
            text="Maya reads at grade level by the end of fifth grade",
            position="Daily one-to-one tutoring with an outside dyslexia therapist",
        ),
        Interest(
            id="i2",
            party=ADVOCATE,
            session="s1",
            agenda_item="a2",
            text="Instruction follows a structured, proven reading method and progress is measured the same way each time",
        ),
        Interest(
            id="i3",
            party=DIRECTOR,
            session="s1",
            agenda_item="a2",
            text="Services the reading staff can deliver reliably all year, not only in the first weeks",
        ),
        Interest(
            id="i4",
            party=SPECIALIST,
            session="s1",
            agenda_item="a2",
            text="Maya stays in class for science and art, the parts of the day she enjoys most",
        ),
        Interest(
            id="i5",
            party=ADVOCATE,
            session="s1",
            agenda_item="a3",
            text="Someone the family trusts looks closely at why reading is hard for Maya",
            position="An independent educational evaluation at district expense",
        ),
        Interest(
            id="i6",
            party=DIRECTOR,
            session="s1",
            agenda_item="a3",
            text="Decisions rest on current testing rather than last year's scores",
            position="No outside evaluation until the district's own testing is finished",
        ),
        Interest(
            id="i7",
            party=FATHER,
            session="s1",
            agenda_item="a4",
            text="Maya can show what she knows in science and social studies without her reading holding her back",
            position="A district laptop with text-to-speech, for school and home",
        ),
        Interest(
            id="i8",
            party=FATHER,
            session="s1",
            agenda_item="a5",
            text="Maya keeps over the summer what she gains this year",
            position="Six weeks of summer tutoring",
        ),
        Interest(
            id="i9",
            party=ADVOCATE,
            session="s2",
            agenda_item="a7",
            text="The family understands how the screening was scored and can ask questions before anyone decides",
        ),
    ]

    options = [
        Option(
            id="o1",
            session="s1",
            agenda_item="a2",
            proposed_by=DIRECTOR,
            text="Small-group structured literacy with the reading specialist, four times a week for 30 minutes",
            addresses=["i1", "i2", "i3", "i4"],
            status=OptionStatus.AGREED,
        ),
        Option(
            id="o2",
            session="s1",
            agenda_item="a2",
            proposed_by=FATHER,
            text="Daily one-to-one tutoring with an outside dyslexia therapist, paid by the district",
            addresses=["i1"],
            status=OptionStatus.DECLINED,
        ),
        Option(
            id="o3",
            session="s1",
            agenda_item="a4",
            proposed_by=SPECIALIST,
            text="Six-week trial of text-to-speech on a school Chromebook in science and social studies",
            addresses=["i7"],
            status=OptionStatus.TRIAL,
        ),
        Option(
            id="o4",
            session="s1",
            agenda_item="a3",
            proposed_by=MEDIATOR,
            text="The district shares its winter screening results first; then the team decides together on an outside evaluation",
            addresses=["i5", "i6"],
            status=OptionStatus.PROPOSED,
        ),
        Option(
            id="o5",
            session="s1",
            agenda_item="a5",
            proposed_by=ADVOCATE,
            text="Summer tutoring three mornings a week for four weeks",
            addresses=["i8"],
            status=OptionStatus.PARKED,
        ),
        Option(
            id="o6",
            session="s2",
            agenda_item="a7",
            proposed_by=DIRECTOR,
            text="The school psychologist walks the family through the screening scores; "
            "if questions remain, the district funds an outside evaluator from a list of three",
            addresses=["i5", "i6", "i9"],
            revises="o4",
            status=OptionStatus.DISCUSSING,
        ),
    ]

    agreements = [
        Agreement(
            id="g1",
            session="s1",
            agenda_item="a2",
            kind=AgreementKind.PRINCIPLE,
            text="Everyone at the table wants Maya reading at grade level and feeling confident in class",
            addresses=["i1", "i3"],
        ),
        Agreement(
            id="g2",
            session="s1",
            agenda_item="a2",
            option="o1",
            kind=AgreementKind.SERVICE,
            text="Maya receives small-group structured literacy instruction outside science and art time",
            service="Small-group structured literacy instruction (groups of up to three)",
            frequency="4 times a week",
            duration="30 minutes a session, through the end of the school year",
            responsible="Sam Whitaker, reading specialist",
            goal="Reads grade-4 passages at 90 words correct per minute with 95% accuracy by June",
            start=days(-7),
            addresses=["i1", "i2", "i3", "i4"],
        ),
        Agreement(
            id="g3",
            session="s1",
            agenda_item="a4",
            option="o3",
            kind=AgreementKind.TRIAL,
            text="Maya tries text-to-speech in science and social studies, with data shared with the family",
            service="Text-to-speech on a school Chromebook",
            frequency="Daily in science and social studies",
            duration="6 weeks",
            goal="Completes science and social studies reading assignments on her own on at least 4 of 5 days",
            start=days(7),
            addresses=["i7"],
        ),
    ]

    follow_ups = [
        FollowUp(
            id="f1",
            session="s1",
            text="Send the family Maya's fall and winter reading screening results",
            owner=DIRECTOR,
            due=days(-7),
            done=True,
        ),
        FollowUp(
            id="f2",
            session="s1",
            text="Set up the Chromebook with text-to-speech and show Maya how to use it",
            owner=SPECIALIST,
            due=days(3),
            done=False,
        ),
        FollowUp(
            id="f3",
            session="s1",
            text="Share notes from last summer's private tutor with the reading specialist",
            owner=FATHER,
            due=days(2),
            done=False,
        ),
        FollowUp(
            id="f4",
            session="s1",
            text="Gather the names of three independent evaluators both sides could accept",
            owner=MEDIATOR,
            due=days(5),
            done=False,
        ),
        FollowUp(
            id="f6",
            session="s1",
            text="Confirm the text-to-speech licence for the school year",
            owner=OTHER_OWNER,
            owner_name="the district's technology office",
            due=days(4),
            done=False,
        ),
        FollowUp(
            id="f5",
            session="s2",
            text="Ask transportation whether Maya's bus can arrive before the morning reading block",
            owner=DIRECTOR,
            due=days(10),
            done=False,
        ),
    ]

    parking_lot = [
        ParkingItem(
            id="k1",
            session="s1",
            text="How Maya's reading progress is shared with home",
            status=ParkingStatus.SCHEDULED,
        ),
        ParkingItem(
            id="k2",
            session="s2",
            text="Maya's bus sometimes arrives after the morning reading block has started",
            status=ParkingStatus.OPEN,
        ),
    ]

    statements = [
        Statement(
            id="st1",
            session="s1",
            party=FATHER,
            at=at(13, 24),
            text="You keep telling us she's making progress while she falls further behind every year.",
            flagged=True,
            reframe="You want an honest picture of where Maya's reading is, and a plan that closes the gap.",
        ),
        Statement(
            id="st2",
            session="s1",
            party=SPECIALIST,
            at=at(13, 41),
            text="In the small group Maya works hard, and she has started sounding out longer words on her own.",
            flagged=False,
        ),
        Statement(
            id="st3",
            session="s2",
            party=ADVOCATE,
            at=ago(4),
            text="Thank you for sending the screening results. They raise a few questions we would like to walk through.",
            flagged=False,
        ),
        Statement(
            id="st4",
            session="s2",
            party=FATHER,
            at=ago(3),
            text="Every time we ask for an outside opinion you say wait another year.",
            flagged=True,
            reframe="Getting an outside view without another year of waiting matters a lot to you.",
        ),
    ]

    notes = [
        Note(
            id="n1",
            session="s1",
            visibility=Visibility.JOINT,
            at=at(16, 2),
            text="Warmer by the end. Both sides see the small group working; the open questions are pace, "
            "how progress is measured, and whether an outside evaluation is needed.",
        ),
        Note(
            id="n2",
            session="s1",
            visibility=Visibility.CAUCUS,
            party=FATHER,
            shared_with_consent=False,
            at=at(15, 20),
            text="In caucus: Daniel would wait for the district's testing before an outside evaluation "
            "if he can see the actual scores, not only a summary.",
        ),
        Note(
            id="n3",
            session="s2",
            visibility=Visibility.JOINT,
            at=ago(2),
            text="Screening results arrived on time; the family's questions are about the fluency scores.",
        ),
    ]

    return Case(
        format=FORMAT,
        id=DEMO_ID,
        title="Reading services for Maya",
        student="Maya",
        created=_stamp(datetime.combine(today - timedelta(days=21), time(9, 0), tzinfo=timezone.utc)),
        parties=parties,
        sessions=[session_1, session_2],
        interests=interests,
        options=options,
        agreements=agreements,
        follow_ups=follow_ups,
        parking_lot=parking_lot,
        statements=statements,
        notes=notes,
        documents=[
            Document(
                id="d1",
                party=DIRECTOR,
                title="Winter reading screening results",
                kind=DocumentKind.EVALUATION,
                status=DocumentStatus.SHARED,
                due=days(-3),
                session="s2",
            ),
            Document(
                id="d2",
                party=FATHER,
                title="Notes from last summer's private tutor",
                kind=DocumentKind.PROGRESS_REPORT,
                status=DocumentStatus.REQUESTED,
                due=days(2),
                session="s2",
            ),
        ],
    )
