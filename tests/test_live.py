"""The service layer behind the board: every intent, without Textual (each test takes milliseconds).

Each test drives ``LiveSession`` the way the board does and asserts on what it answers and on
the case as saved.
"""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from facilitator.actions import AgreementDetails, CaptureKind
from facilitator.live import Done, LiveSession, Refused
from facilitator.model import (
    FORMAT,
    MEDIATOR,
    AgendaItem,
    AgendaStatus,
    AgreementKind,
    Case,
    OptionStatus,
    Party,
    Role,
    Session,
    Side,
)
from facilitator.store import Store

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)


def small_case(status: str = "planned") -> Case:
    return Case(
        format=FORMAT,
        id="leo",
        title="Assistive technology for Leo",
        student="Leo",
        created="2026-11-01T09:00:00+00:00",
        parties=[
            Party(id="p1", name="Ana Ruiz", role=Role.PARENT, side=Side.FAMILY),
            Party(id="p2", name="Priya Shah", role=Role.ADVOCATE, side=Side.FAMILY),
            Party(id="p3", name="Dr. Kim", role=Role.DISTRICT, side=Side.SCHOOL),
            Party(id="p4", name="Sam Lee", role=Role.SPECIALIST, side=Side.NEUTRAL),
        ],
        sessions=[
            Session.model_validate(
                {
                    "id": "s1",
                    "number": 1,
                    "date": "2026-11-28",
                    "status": status,
                    "kind": "mediation",
                    "agenda": [
                        AgendaItem.model_validate(
                            {"id": "a1", "title": "Opening", "status": "open", "minutes": 10, "process": True}
                        ).dump(),
                        {"id": "a2", "title": "Assistive technology", "status": "open", "minutes": 45},
                        {"id": "a3", "title": "Transportation", "status": "open"},
                    ],
                }
            )
        ],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "home")


@pytest.fixture
def live(store: Store):
    store.create(small_case())
    session = LiveSession(store, "leo", clock=lambda: NOW)
    yield session
    session.close()


def done(result: Done | Refused) -> Done:
    assert isinstance(result, Done), result
    return result


def refused(result: Done | Refused) -> str:
    assert isinstance(result, Refused), result
    return result.reason


def test_each_kind_of_line_goes_where_it_belongs(live: LiveSession, store: Store):
    for kind, speaker, text in [
        (CaptureKind.STATEMENT, "p1", "I'm worried he is falling behind"),
        (CaptureKind.INTEREST, "p1", "Leo reads without waiting for an adult"),
        (CaptureKind.POSITION, "p3", "One program the staff know"),
        (CaptureKind.OPTION, "p3", "Six-week trial"),
        (CaptureKind.AGREEMENT, MEDIATOR, "trial: Six weeks of both tools"),
        (CaptureKind.NOTE, MEDIATOR, "Break at 11"),
        (CaptureKind.FOLLOW_UP, "p3", "Send the reading data by 12/5/2026"),
        (CaptureKind.PARKING_LOT, MEDIATOR, "Bus schedule"),
    ]:
        done(live.record(text, kind=kind, speaker=speaker))
    case = store.read("leo")
    assert case.statements[0].party == "p1" and case.statements[0].at == "2026-11-28T15:00:00+00:00"
    assert [i.text for i in case.interests] == ["Leo reads without waiting for an adult", ""]
    assert case.interests[1].position == "One program the staff know" and case.interests[1].party == "p3"
    assert case.options[0].proposed_by == "p3"
    (agreement,) = case.agreements
    assert (agreement.kind, agreement.text) == (AgreementKind.TRIAL, "Six weeks of both tools")
    assert (case.follow_ups[0].text, case.follow_ups[0].due) == ("Send the reading data", "2026-12-05")
    assert case.notes[0].visibility == "joint" and case.parking_lot[0].text == "Bus schedule"
    assert case.latest.status == "live"  # the first record starts the session


def test_an_agreement_typed_on_the_line_asks_for_its_details(live: LiveSession):
    said = done(live.record("Speech twice a week", kind=CaptureKind.AGREEMENT)).said
    assert live.case.agreements[0].kind == AgreementKind.SERVICE
    assert "6 details to add" in said and "F4" in said


def test_words_of_someone_at_the_table_need_their_speaker(live: LiveSession):
    for kind in (CaptureKind.STATEMENT, CaptureKind.INTEREST, CaptureKind.POSITION):
        assert "Whose words" in refused(live.record("We need help", kind=kind, speaker=MEDIATOR))
    assert live.case.interests == [] and live.case.statements == []


def test_a_blaming_statement_is_flagged_and_keeps_the_reframe_used(live: LiveSession):
    record = done(
        live.record(
            "You never answer my emails",
            kind=CaptureKind.STATEMENT,
            speaker="p1",
            reframe="Timely answers matter",
        )
    ).made
    assert record.flagged is True and record.reframe == "Timely answers matter"


def test_a_due_date_that_is_not_a_date_is_refused_and_nothing_recorded(live: LiveSession):
    reason = refused(live.record("Send the data by 13/45/2026", kind=CaptureKind.FOLLOW_UP, speaker="p3"))
    assert "13/45/2026" in reason and "not a real calendar date" in reason
    assert live.case.follow_ups == []


def test_a_statement_can_be_corrected_while_the_session_is_live(live: LiveSession, store: Store):
    statement = done(live.record("You never listen", kind=CaptureKind.STATEMENT, speaker="p1")).made
    done(live.edit_statement(statement.id, "You never listen to us", "p2"))
    (saved,) = store.read("leo").statements
    assert (saved.text, saved.party) == ("You never listen to us", "p2")
    assert "parties" in refused(live.edit_statement(statement.id, "x", "p9"))


def test_time_boxes_and_dates_typed_in_forms_never_crash(live: LiveSession):
    assert "Time box" in refused(live.add_agenda_item("Budget", "²"))
    assert "Time box" in refused(live.edit_agenda_item("a2", "AT", "0"))
    done(live.edit_agenda_item("a2", "Assistive technology", "40 min"))
    assert live.case.agenda_item("a2").minutes == 40
    agreement = done(live.record("Trial", kind=CaptureKind.AGREEMENT)).made
    details = AgreementDetails(text="Trial", kind=AgreementKind.TRIAL, start="12/14/2026", review="12/1/2026")
    assert "comes before the start" in refused(live.edit_agreement(agreement.id, details))
    details = AgreementDetails(text="Trial", kind=AgreementKind.TRIAL, start="12/1/2026", review="2027-01-15")
    done(live.edit_agreement(agreement.id, details))
    assert (live.case.agreements[0].start, live.case.agreements[0].review) == ("2026-12-01", "2027-01-15")
    assert "not a date" in refused(
        live.edit_agreement(
            agreement.id, AgreementDetails(text="Trial", kind=AgreementKind.TRIAL, start="soon")
        )
    )


def test_deciding_an_option_agreed_or_trial_makes_its_agreement(live: LiveSession):
    option = done(live.record("Six-week trial", kind=CaptureKind.OPTION, speaker="p3")).made
    interest = done(live.record("Tools staff support", kind=CaptureKind.INTEREST, speaker="p3")).made
    done(live.link(option.id, [interest.id]))
    made = done(live.decide(option.id, OptionStatus.TRIAL)).made
    assert made is not None and made.kind == AgreementKind.TRIAL and made.addresses == [interest.id]
    assert done(live.decide(option.id, OptionStatus.AGREED)).made is None  # it has its agreement
    done(live.decide(option.id, OptionStatus.DISCUSSING))
    assert len(live.case.agreements) == 1


def test_caucus_with_a_side_writes_private_notes_and_shares_only_what_was_agreed(live: LiveSession):
    groups = dict(live.caucus_groups())
    assert groups["the family side"] == ("p1", "p2")
    done(live.enter_caucus(groups["the family side"]))
    assert live.speakers() == ["p1", "p2"]
    assert "private note" in refused(live.choose_kind(CaptureKind.INTEREST))
    done(live.choose_speaker("p2"))
    first = done(live.record("Would accept a trial with weekly data", kind=CaptureKind.INTEREST)).made
    second = done(live.record("Worried about the caseload")).made
    assert first.visibility == second.visibility == "caucus" and first.party == "p2"
    assert [n.id for n in live.private_caucus_notes()] == [first.id, second.id]
    said = done(live.leave_caucus([first.id])).said
    assert "1 note shared" in said
    notes = {n.id: n for n in live.case.notes}
    assert notes[first.id].shared_with_consent and notes[first.id].consent_at
    assert notes[second.id].private
    assert live.desk.kind == CaptureKind.STATEMENT and live.desk.caucus == ()


def test_next_item_closes_steps_leaves_topics_open_and_stops_at_the_last(live: LiveSession):
    assert done(live.next_item()).said == "Now: Opening"
    assert done(live.next_item()).said == "Now: Assistive technology"
    agenda = {i.id: i.status for i in live.session.agenda}
    assert agenda["a1"] == AgendaStatus.RESOLVED  # a step of the meeting, done when left
    done(live.next_item())
    agenda = {i.id: i for i in live.session.agenda}
    assert agenda["a2"].status == AgendaStatus.OPEN and agenda["a2"].ended_at  # a topic stays open
    reason = refused(live.next_item())
    assert "last item" in reason and "Assistive technology" in reason
    assert live.active_item() == "a3"


def test_after_the_last_item_next_stays_stopped_until_a_topic_is_chosen(live: LiveSession):
    """Walk-through: a second F5 after the last item reopened the first open topic."""
    for _ in range(3):
        done(live.next_item())  # the opening, assistive technology, transportation
    done(live.set_agenda_status("a3", AgendaStatus.RESOLVED))  # the last one, done in the agenda
    for _ in range(2):
        reason = refused(live.next_item())
        assert "last item" in reason and "Assistive technology" in reason  # what is still open
    assert live.active_item() is None
    done(live.set_agenda_status("a2", AgendaStatus.ACTIVE))  # going back: on purpose, in the agenda
    assert live.active_item() == "a2"


def test_a_planned_session_held_early_is_dated_the_day_it_is_held(store: Store):
    document = small_case().dump()
    document["sessions"][0]["date"] = "2026-12-05"
    store.create(Case.model_validate(document))
    with LiveSessionFor(store) as live:
        done(live.record("Bus schedule", kind=CaptureKind.PARKING_LOT))
        assert live.news and "held today, Nov 28, 2026" in live.news and "Dec 5, 2026" in live.news
    session = store.read("leo").latest
    assert (session.status, session.date) == ("live", "2026-11-28")


def test_a_statement_of_the_mediators_own_words_becomes_a_note(live: LiveSession, store: Store):
    statement = done(live.record("Let us take five", kind=CaptureKind.STATEMENT, speaker="p1")).made
    assert "your note" in done(live.edit_statement(statement.id, "Let us take five minutes", MEDIATOR)).said
    case = store.read("leo")
    assert case.statements == [] and [(n.text, n.visibility) for n in case.notes] == [
        ("Let us take five minutes", "joint")
    ]
    done(live.undo())
    assert [s.text for s in store.read("leo").statements] == ["Let us take five"]


def test_a_closed_session_is_final_and_an_agreement_is_amended(store: Store):
    store.create(small_case())
    with LiveSessionFor(store) as live:
        agreement = done(live.record("Speech twice a week", kind=CaptureKind.AGREEMENT)).made
        follow_up = done(live.record("Send the plan", kind=CaptureKind.FOLLOW_UP, speaker="p3")).made
        done(live.next_session(date(2026, 12, 10)))
        result = live.edit_words("agreements", agreement.id, "Speech three times a week")
        assert isinstance(result, Refused) and result.final and "amend it" in result.reason
        assert "closed" in refused(live.remove("follow_ups", follow_up.id))
        done(live.mark_follow_up(follow_up.id, True))
        amendment = done(live.amend(agreement.id)).made
        assert amendment.amends == agreement.id and amendment.session == live.session.id
        done(live.edit_words("agreements", amendment.id, "Speech three times a week"))
    case = store.read("leo")
    assert case.agreements[0].text == "Speech twice a week"
    assert case.follow_ups[0].done and case.follow_ups[0].done_at == "2026-11-28T15:00:00+00:00"


def test_next_session_takes_its_date_and_template(live: LiveSession, store: Store):
    from facilitator.agenda import find_template

    template = find_template("check-in", store.home)
    assert "cannot come before" in refused(live.next_session(date(2026, 11, 1)))
    made = done(live.next_session(date(2027, 1, 29), template)).made
    assert made.date == "2027-01-29" and made.kind == template.kind
    titles = [i.title for i in made.agenda]
    assert titles[0].startswith("Check-in") and {"Welcome", "How things are going"} <= set(titles)


def test_undo_and_redo(live: LiveSession, store: Store):
    done(live.record("Bus schedule", kind=CaptureKind.PARKING_LOT))
    assert done(live.undo()).said == "Undone: parking lot"
    assert store.read("leo").parking_lot == []
    done(live.redo())
    assert [p.text for p in store.read("leo").parking_lot] == ["Bus schedule"]
    assert refused(live.redo()) == "Nothing to redo."


class LiveSessionFor:
    """A live session opened and closed like the board does (closing keeps the desk)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> LiveSession:
        self.live = LiveSession(self.store, "leo", clock=lambda: NOW)
        return self.live

    def __exit__(self, *exc: object) -> None:
        self.live.close()


def test_undo_works_across_a_restart(store: Store):
    store.create(small_case())
    with LiveSessionFor(store) as live:
        done(live.record("Leo reads on his own", kind=CaptureKind.INTEREST, speaker="p1"))
        done(live.record("Bus schedule", kind=CaptureKind.PARKING_LOT))
        live.desk.draft = "half a sen"
    with LiveSessionFor(store) as live:
        assert live.desk.draft == "half a sen"
        assert done(live.undo()).said == "Undone: parking lot"
        assert done(live.undo()).said == "Undone: interest of Ana Ruiz"
        assert refused(live.undo()) == "Nothing to undo."
    assert store.read("leo").interests == [] and store.read("leo").parking_lot == []


def test_undo_history_is_dropped_when_the_case_changed_elsewhere(store: Store):
    store.create(small_case())
    with LiveSessionFor(store) as live:
        done(live.record("Bus schedule", kind=CaptureKind.PARKING_LOT))
    with store.open("leo") as case_file:  # the command line changed it meanwhile
        from facilitator import actions

        case_file.save(actions.park(case_file.case, "s1", "Lunch")[0])
    with LiveSessionFor(store) as live:
        assert refused(live.undo()) == "Nothing to undo."
        assert len(live.case.parking_lot) == 2


@pytest.mark.parametrize(
    "desk",
    [
        '{"kind": "bogus", "draft": "PRIVATE words"}',
        '{"draft": 12345}',
        "null",
        '{"party": ["x"]}',
        '{"caucus": "p1", "caucus_notes": {"a": 1}, "before_caucus": [1, 2, 3]}',
        '{"draft": "\\u001b]52;c;aGk=\\u0007"}',
        '{"undo": {"base": null, "steps": [{"what": 1}]}}',
        "[1, 2",
        "\udcff" * 3,
    ],
)
def test_a_damaged_desk_never_stops_the_board(store: Store, desk: str):
    store.create(small_case())
    path = store.desk_path("leo")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(desk.encode("utf-8", "surrogateescape"))
    with LiveSessionFor(store) as live:
        assert live.desk.kind in CaptureKind and live.desk.speaker == MEDIATOR
        assert live.desk.draft in ("", "PRIVATE words")
        done(live.record("Still works", kind=CaptureKind.NOTE))


def test_the_desk_keeps_choices_and_caucus_across_a_restart(store: Store):
    store.create(small_case())
    with LiveSessionFor(store) as live:
        done(live.enter_caucus(["p3"]))
        note = done(live.record("Budget needs approval")).made
    with LiveSessionFor(store) as live:
        assert live.desk.caucus == ("p3",) and [n.id for n in live.private_caucus_notes()] == [note.id]
        done(live.leave_caucus())
        assert live.desk.speaker == MEDIATOR
    assert json.loads(store.desk_path("leo").read_text("utf-8"))["caucus"] == []


def test_a_refused_save_changes_nothing_and_says_so(live: LiveSession, store: Store, monkeypatch):
    import facilitator.store as store_module

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before, real_fsync = store.case_path("leo").read_bytes(), os.fsync
    monkeypatch.setattr(store_module.os, "fsync", full_disk)
    result = live.record("Leo keeps his laptop", kind=CaptureKind.INTEREST, speaker="p1")
    assert isinstance(result, Refused) and result.unsaved and "disk is full" in result.reason
    monkeypatch.setattr(store_module.os, "fsync", real_fsync)
    assert store.case_path("leo").read_bytes() == before
    done(live.record("Leo keeps his laptop", kind=CaptureKind.INTEREST, speaker="p1"))


def test_export_writes_a_private_file_named_for_the_session(live: LiveSession):
    done(live.record("Speech twice a week", kind=CaptureKind.AGREEMENT))
    path = done(live.export("consensus")).made
    assert path.name == "leo-session-1-consensus.md" and "Speech twice a week" in path.read_text("utf-8")
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_follow_up_owner_outside_the_table(live: LiveSession, store: Store):
    follow_up = done(live.record("Order the software", kind=CaptureKind.FOLLOW_UP, speaker="p3")).made
    assert "name" in refused(live.edit_follow_up(follow_up.id, "Order the software", "other", " ", ""))
    done(live.edit_follow_up(follow_up.id, "Order the software", "other", "the AT specialist", "1/8/2027"))
    (saved,) = store.read("leo").follow_ups
    assert (saved.owner, saved.owner_name, saved.due) == ("other", "the AT specialist", "2027-01-08")


def test_a_key_that_changes_nothing_says_so(live: LiveSession):
    done(live.set_agenda_status("a3", AgendaStatus.PARKED))
    assert "already parked" in refused(live.set_agenda_status("a3", AgendaStatus.PARKED))


def test_documents_move_through_the_preparation_checklist(live: LiveSession, store: Store):
    from facilitator.model import DocumentKind

    assert "not a date" in refused(
        live.add_document("Reading evaluation", "p3", DocumentKind.EVALUATION, "soon")
    )
    document = done(live.add_document("Reading evaluation", "p3", DocumentKind.EVALUATION, "12/5/2026")).made
    statuses = [done(live.advance_document(document.id)).made.status.value for _ in range(4)]
    assert statuses == ["requested", "received", "shared", "needed"]
    done(live.edit_document(document.id, "Reading evaluation (2026)", MEDIATOR, DocumentKind.EVALUATION, ""))
    (saved,) = store.read("leo").documents
    assert (saved.title, saved.party, saved.due, saved.session) == (
        "Reading evaluation (2026)",
        MEDIATOR,
        None,
        "s1",
    )


@pytest.mark.parametrize("fmt, start", [("docx", b"PK"), ("pdf", b"%PDF")])
def test_export_as_a_document_to_print_or_edit(live: LiveSession, fmt: str, start: bytes):
    done(live.record("Speech twice a week", kind=CaptureKind.AGREEMENT))
    path = done(live.export("consensus", fmt)).made
    assert path.name == f"leo-session-1-consensus.{fmt}" and path.read_bytes().startswith(start)


def test_an_agreement_that_gives_up_a_right_is_pointed_out(live: LiveSession):
    agreement = done(live.record("principle: Reading support", kind=CaptureKind.AGREEMENT)).made
    details = AgreementDetails(
        text="The parents withdraw the due process complaint", kind=AgreementKind.PRINCIPLE
    )
    said = done(live.edit_agreement(agreement.id, details)).said
    assert "withdraws a complaint" in said and "before anyone signs" in said.lower()


def test_delete_removes_every_export_the_board_wrote(store: Store):
    store.create(small_case())
    with LiveSessionFor(store) as live:
        paths = [done(live.export("summary", fmt)).made for fmt in ("markdown", "docx", "pdf")]
    store.delete("leo")
    assert not any(path.exists() for path in paths)


def test_a_party_is_marked_as_signing_for_the_district_and_named_on_its_line(live: LiveSession, store: Store):
    from facilitator.export import render_export

    assert "Dr. Kim" not in render_export(store.read("leo")).split("## Signatures")[1]
    done(live.edit_party("p3", "Dr. Kim", Role.DISTRICT, Side.SCHOOL, authority=True))
    saved = store.read("leo")
    assert saved.party("p3").authority is True
    signatures = render_export(saved).split("## Signatures")[1]
    assert "District representative with authority to bind the district: Dr. Kim" in signatures
    done(live.edit_party("p3", "Dr. Kim", Role.DISTRICT, Side.SCHOOL, authority=False))
    assert store.read("leo").party("p3").authority is None  # unticked: left out of the file again
    assert "side" in refused(live.edit_party("p1", "Ana Ruiz", Role.PARENT, Side.SCHOOL, False))
    assert store.read("leo").party("p1").side == Side.FAMILY  # a refusal changes nothing
