"""The demo case: valid, round-trips, and shows every part of the board."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from facilitator.demo import DEMO_ID, demo_case
from facilitator.model import (
    AgendaStatus,
    AgreementKind,
    Case,
    OptionStatus,
    ParkingStatus,
    SessionStatus,
    Side,
    Visibility,
    case_from_document,
    find_problem,
    parse_case,
    parse_timestamp,
)

TODAY = date.today()


@pytest.fixture
def case() -> Case:
    return demo_case(TODAY)


def test_valid_and_named(case: Case) -> None:
    assert isinstance(case, Case)
    assert find_problem(case) is None
    assert case.id == DEMO_ID == "demo-reading-maya"
    assert case.student == "Maya"
    assert "Maya" in case.title


@pytest.mark.parametrize("today", [TODAY, date(2027, 1, 4), date(2026, 3, 1), date(2028, 2, 29)])
def test_valid_for_any_day(today: date) -> None:
    case = demo_case(today)
    assert case.sessions[1].date == today.isoformat()
    assert case.sessions[0].date == (today - timedelta(days=14)).isoformat()


def test_round_trips(case: Case) -> None:
    document = case.dump()
    again = case_from_document(document)
    assert again == case
    assert again.dump() == document
    text = json.dumps(document)
    assert parse_case(text).dump() == document


def test_timestamps_are_utc_rfc3339(case: Case) -> None:
    stamps = [case.created]
    for session in case.sessions:
        stamps += [session.started_at, session.ended_at]
        for item in session.agenda:
            stamps += [item.started_at, item.ended_at]
    stamps += [s.at for s in case.statements] + [n.at for n in case.notes]
    stamps = [s for s in stamps if s is not None]
    assert len(stamps) > 10
    now = datetime.now(timezone.utc)
    for stamp in stamps:
        assert stamp.endswith("+00:00"), stamp
        assert parse_timestamp(stamp) <= now + timedelta(seconds=5)


def test_two_sessions_closed_then_live_with_running_timer(case: Case) -> None:
    first, second = case.session_by_number(1), case.session_by_number(2)
    assert len(case.sessions) == 2
    assert first.status == SessionStatus.CLOSED
    assert second.status == SessionStatus.LIVE
    assert case.latest is second
    assert second.date == TODAY.isoformat()
    assert date.fromisoformat(first.date) < TODAY

    active = [item for item in second.agenda if item.status == AgendaStatus.ACTIVE]
    assert len(active) == 1 and active[0] is second.agenda[1]
    assert second.agenda[0].status == AgendaStatus.RESOLVED
    started = parse_timestamp(active[0].started_at)
    elapsed = datetime.now(timezone.utc) - started
    assert timedelta(minutes=3) <= elapsed <= timedelta(minutes=10)
    assert active[0].minutes and elapsed < timedelta(minutes=active[0].minutes)


def test_timer_follows_given_now() -> None:
    now = datetime(2027, 1, 4, 15, 30, tzinfo=timezone.utc)
    case = demo_case(now.date(), now=now)
    active = case.sessions[1].agenda[1]
    assert active.started_at == "2027-01-04T15:24:00+00:00"


def test_session_one_agenda_has_mixed_statuses(case: Case) -> None:
    statuses = {item.status for item in case.sessions[0].agenda}
    assert {
        AgendaStatus.RESOLVED,
        AgendaStatus.NEEDS_DATA,
        AgendaStatus.PARKED,
        AgendaStatus.OPEN,
    } <= statuses
    assert 4 <= len(case.sessions[0].agenda) <= 5


def test_session_two_is_built_like_next(case: Case) -> None:
    first, second = case.sessions
    assert "check-in" in second.agenda[0].title.lower()
    assert second.agenda[0].carried_from is None

    unresolved = [
        item for item in first.agenda if item.status not in (AgendaStatus.RESOLVED, AgendaStatus.REFERRED)
    ]
    carried = [item for item in second.agenda if item.carried_from]
    assert [item.carried_from for item in carried] == [item.id for item in unresolved]
    assert second.agenda[1 : 1 + len(carried)] == carried
    first_ids = {item.id for item in first.agenda}
    for item in carried:
        assert item.carried_from in first_ids
        original = case.agenda_item(item.carried_from)
        assert item.title == original.title
        assert item.id != original.id
        assert item.status in (AgendaStatus.OPEN, AgendaStatus.ACTIVE)

    scheduled = [k for k in case.parking_lot if k.status == ParkingStatus.SCHEDULED]
    assert scheduled and all(k.session == "s1" for k in scheduled)
    after_carried = second.agenda[1 + len(carried) :]
    assert [item.title for item in after_carried[: len(scheduled)]] == [k.text for k in scheduled]
    assert len(after_carried) > len(scheduled)  # plus a new item
    assert not any(k.status == ParkingStatus.OPEN and k.session == "s1" for k in case.parking_lot)


def test_records_in_both_sessions(case: Case) -> None:
    for records in (case.interests, case.options):
        assert {r.session for r in records} == {"s1", "s2"}
    assert any(o.session == "s2" and o.status == OptionStatus.DISCUSSING for o in case.options)
    statuses = {o.status for o in case.options}
    assert {OptionStatus.AGREED, OptionStatus.DECLINED, OptionStatus.PROPOSED, OptionStatus.TRIAL} <= statuses
    assert all(o.addresses for o in case.options)
    assert any(i.position for i in case.interests)


def test_parties_on_both_sides(case: Case) -> None:
    sides = {p.side for p in case.parties}
    assert {Side.FAMILY, Side.SCHOOL} <= sides
    assert sum(p.side == Side.FAMILY for p in case.parties) >= 2
    assert any(p.role == "district" for p in case.parties)
    for side in (Side.FAMILY, Side.SCHOOL):
        ids = {p.id for p in case.parties if p.side == side}
        assert any(i.party in ids for i in case.interests)


def test_agreements_complete_and_incomplete(case: Case) -> None:
    kinds = {g.kind for g in case.agreements}
    assert {AgreementKind.PRINCIPLE, AgreementKind.SERVICE, AgreementKind.TRIAL} <= kinds
    complete = [g for g in case.agreements if g.kind == AgreementKind.SERVICE and not g.missing()]
    incomplete = [g for g in case.agreements if g.missing()]
    assert complete
    assert incomplete and all(1 <= len(g.missing()) <= 2 for g in incomplete)


def test_follow_ups(case: Case) -> None:
    assert any(f.done for f in case.follow_ups)
    assert sum(not f.done for f in case.follow_ups) >= 2
    assert all(f.due for f in case.follow_ups)
    assert any(f.owner == "mediator" for f in case.follow_ups)
    party_ids = {p.id for p in case.parties}
    assert any(f.owner in party_ids for f in case.follow_ups)


def test_statements_and_notes(case: Case) -> None:
    flagged = [s for s in case.statements if s.flagged]
    assert flagged and all(s.reframe for s in flagged)
    assert any(not s.flagged for s in case.statements)

    caucus = [n for n in case.notes if n.visibility == Visibility.CAUCUS]
    assert caucus and all(n.private and n.party for n in caucus)
    assert any(n.visibility == Visibility.JOINT and n.party is None for n in case.notes)
