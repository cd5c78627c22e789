"""The changes a mediator makes, as pure functions: each returns a valid new case."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from facilitator import actions
from facilitator.model import Case, find_problem, parse_timestamp

AT = "2026-11-10T10:00:00+00:00"


@pytest.fixture
def leo(leo: Case) -> Case:
    """The sample case with its session still live, so that its records can be changed."""
    return leo.model_copy(update={"sessions": [actions.revise(leo.sessions[0], status="live")]})


def test_records_of_a_closed_session_are_final(leo: Case):
    closed = leo.model_copy(update={"sessions": [actions.revise(leo.sessions[0], status="closed")]})
    with pytest.raises(actions.FinalRecord, match="amend it instead"):
        actions.edit_text(closed, "agreements", "g1", "Something else")
    with pytest.raises(actions.FinalRecord, match="session 1, which is closed"):
        actions.remove(closed, "interests", "i1")
    done = actions.set_follow_up_done(closed, "f1", True, AT)  # still possible, with its time
    assert done.follow_ups[0].done and done.follow_ups[0].done_at == AT


def valid(case: Case) -> Case:
    assert find_problem(case) is None
    return Case.model_validate(case.dump())


def test_a_position_waits_for_its_interest(leo: Case):
    case, placeholder = actions.record_position(leo, "s1", "p-dir", "One program the staff know")
    assert placeholder.text == "" and not placeholder.named  # the file never stores a placeholder
    case, named = actions.record_interest(case, "s1", "p-dir", "Tools the staff can support")
    assert named.id == placeholder.id and named.position == "One program the staff know"
    case, second = actions.record_position(case, "s1", "p-dir", "No new software this year")
    assert second.id != named.id  # the named interest already has its position
    valid(case)


def test_an_interest_then_its_position(leo: Case):
    case, interest = actions.record_interest(leo, "s1", "p-dir", "Predictable costs")
    case, same = actions.record_position(case, "s1", "p-dir", "A one-year licence only")
    assert same.id == interest.id and same.text == "Predictable costs"
    valid(case)


def test_one_item_is_active_at_a_time(leo: Case):
    case = actions.set_item_status(leo, "a1", "active", AT)
    case = actions.set_item_status(case, "a2", "active", AT)
    statuses = {item.id: item.status for item in case.sessions[0].agenda}
    assert statuses == {"a1": "open", "a2": "active"}
    assert case.sessions[0].agenda[0].ended_at
    valid(case)


def test_a_resumed_item_keeps_the_time_it_used(leo: Case):
    now = datetime(2026, 11, 10, 11, 0, tzinfo=timezone.utc)
    start = now - timedelta(minutes=30)
    session = leo.sessions[0]
    item = actions.revise(
        session.agenda[1],
        status="open",
        started_at=start.isoformat(),
        ended_at=(start + timedelta(minutes=5)).isoformat(),
    )
    case = leo.model_copy(
        update={"sessions": [actions.revise(session, agenda=[session.agenda[0].dump(), item.dump()])]}
    )
    case = actions.set_item_status(case, "a2", "active", actions.stamp(now))
    resumed = case.sessions[0].agenda[1]
    assert now - parse_timestamp(resumed.started_at) == timedelta(minutes=5)
    assert resumed.ended_at is None
    valid(case)


def test_next_item_moves_on_and_stops_at_the_last(leo: Case):
    case, moved = actions.next_item(leo, "s1", AT)
    assert moved.started.id == "a2" and moved.left is None  # a1 is resolved
    case, again = actions.next_item(case, "s1", AT)
    assert again.started is None  # the last item: F5 stops there, it never wraps round
    assert case.sessions[0].agenda[1].status == "active"


def test_what_f5_starts_next_is_known_before_it_is_pressed(leo: Case):
    case, moved = actions.next_item(leo, "s1", AT)
    assert actions.upcoming(leo.sessions[0]).id == moved.started.id  # what F5 started
    assert actions.upcoming(case.sessions[0]) is None  # on the last item: nothing follows
    case = actions.set_item_status(case, "a2", "open", AT)  # left open, nothing active
    assert actions.upcoming(case.sessions[0]) is None  # F5 stays stopped; earlier topics are chosen


def test_a_step_left_behind_is_done_and_a_topic_stays_open(leo: Case):
    session = leo.sessions[0]
    opening = actions.revise(session.agenda[0], status="open", process=True)
    topic = actions.revise(session.agenda[1], status="open")
    third = actions.revise(topic, id="a3", title="Transportation")
    agenda = [opening.dump(), topic.dump(), third.dump()]
    case = leo.model_copy(update={"sessions": [actions.revise(session, agenda=agenda)]})
    case, moved = actions.next_item(case, "s1", AT)  # the opening starts
    case, moved = actions.next_item(case, "s1", AT)
    assert (moved.left.id, moved.left.status, moved.started.id) == ("a1", "resolved", "a2")
    case, moved = actions.next_item(case, "s1", AT)
    assert (moved.left.id, moved.left.status, moved.left.ended_at) == ("a2", "open", AT)
    case, moved = actions.next_item(case, "s1", AT)
    assert moved.started is None and [i.id for i in moved.still_open] == ["a2"]
    valid(case)


def test_agenda_items_added_and_moved(leo: Case):
    case = actions.add_agenda_item(leo, "s1", "  Transportation ", 15)
    new_id = case.sessions[0].agenda[-1].id
    assert case.sessions[0].agenda[-1].title == "Transportation" and new_id not in ("a1", "a2")
    case = actions.move_agenda_item(case, new_id, -5)
    assert [i.id for i in case.sessions[0].agenda] == [new_id, "a1", "a2"]
    valid(case)


def test_an_agreement_from_an_option_serves_its_interests(leo: Case):
    case, agreement = actions.record_agreement(leo, "s1", "Six-week trial", "trial", option_id="o1")
    assert agreement.addresses == ["i1"] and agreement.agenda_item == "a2"
    assert agreement.missing() == [
        "service",
        "frequency",
        "duration",
        "responsible",
        "goal",
        "start",
        "review",
    ]
    details = actions.AgreementDetails(
        text="Six-week trial",
        kind="trial",
        service="AT",
        frequency="daily",
        duration="6 weeks",
        responsible="AT specialist",
        goal="80%",
        start="12/1/2026",
        review="2027-01-15",
    )
    case = actions.edit_agreement(case, agreement.id, details)
    assert case.agreements[-1].missing() == []
    valid(case)


def test_consent_is_recorded_with_its_time(leo: Case):
    case = actions.share_with_consent(leo, ["n1"], AT)
    (note,) = case.notes
    assert note.shared_with_consent and note.consent_at and not note.private
    valid(case)


def test_something_others_point_at_cannot_be_removed(leo: Case):
    with pytest.raises(ValueError, match="refer to it"):
        actions.remove(leo, "options", "o1")  # agreement g1 was made from it
    case = actions.remove(leo, "parking_lot", "k1")
    assert case.parking_lot == []


def test_a_note_written_in_caucus_is_private(leo: Case):
    case, note = actions.record_note(leo, "s1", "Would accept a trial", caucus_party="p-mom", at=AT)
    assert note.visibility == "caucus" and note.party == "p-mom" and note.private
    case, joint = actions.record_note(case, "s1", "Break at 11", at=AT)
    assert joint.visibility == "joint" and joint.party is None
    valid(case)


@pytest.mark.parametrize(
    "spec, problem",
    [
        ("Ana Ruiz", "Name:role:side"),
        ("Ana:mom:family", "role must be"),
        ("Ana:parent:home", "side must be"),
        (":parent:family", "Name:role:side"),
    ],
)
def test_party_specs_are_checked(spec: str, problem: str):
    with pytest.raises(ValueError, match=problem):
        actions.parse_party(spec, 1)


def test_a_party_name_may_hold_colons():
    party = actions.parse_party("Dr. Kim: Director:District:School", 3)
    assert (party.id, party.name, party.role, party.side) == ("p3", "Dr. Kim: Director", "district", "school")
