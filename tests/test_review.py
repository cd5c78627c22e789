"""Review and next session (DESIGN.md section 9)."""

from __future__ import annotations

import copy
import json
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.model import (
    MAX_NAME,
    AgendaItem,
    AgendaStatus,
    Case,
    ParkingStatus,
    SessionKind,
    SessionStatus,
    case_from_document,
    parse_case,
)
from facilitator.review import (
    GROUPS,
    SessionOutOfOrder,
    Unresolved,
    next_session,
    render_review,
    review_json,
    unresolved,
)

FIXTURE = Path(__file__).parent / "fixtures" / "leo.json"
ON = date(2026, 12, 8)
GROUP_KEYS = [
    "open_agenda",
    "open_options",
    "unaddressed_interests",
    "incomplete_agreements",
    "open_follow_ups",
    "parking_lot",
]
FOLLOW_THROUGH_KEYS = ["red_flags", "overdue", "missing_documents", "iep_changes", "trials_to_review"]


def leo_document() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def leo() -> Case:
    return case_from_document(leo_document())


def ids(records) -> list[str]:
    return [record.id for record in records]


def empty_document() -> dict:
    """The fixture with everything resolved: nothing left to review."""
    document = leo_document()
    document["sessions"][0]["agenda"][1]["status"] = "resolved"
    document["follow_ups"][0]["done"] = True
    document["parking_lot"][0]["status"] = "done"
    document["agreements"][0].update(reviewed="2027-01-15", outcome="Both tool sets help; keep the reader")
    return document


def busy_document() -> dict:
    """Two sessions with one record of every status worth telling apart."""
    document = leo_document()
    document["parties"].append({"id": "p-t", "name": "Mr Dube", "role": "teacher", "side": "school"})
    document["sessions"].append(
        {
            "id": "s2",
            "number": 2,
            "date": "2026-12-08",
            "status": "live",
            "kind": "mediation",
            "started_at": "2026-12-08T09:00:00+00:00",
            "agenda": [
                {
                    "id": "a3",
                    "title": "Check-in on follow-ups from session 1",
                    "status": "resolved",
                    "minutes": 10,
                },
                {
                    "id": "a4",
                    "title": "Assistive technology",
                    "status": "open",
                    "minutes": 45,
                    "prompts": ["Which tools?"],
                    "carried_from": "a2",
                },
                {"id": "a5", "title": "Reading data", "status": "needs-data"},
                {"id": "a6", "title": "Transport", "status": "parked"},
                {
                    "id": "a7",
                    "title": "Speech",
                    "status": "active",
                    "minutes": 20,
                    "started_at": "2026-12-08T09:30:00+00:00",
                },
                {"id": "a8", "title": "Eligibility", "status": "referred"},
            ],
        }
    )
    document["interests"] += [
        # addressed by a trial option
        {"id": "i2", "party": "p-dir", "session": "s2", "text": "Sustainable caseload"},
        # only a proposed option serves it: unaddressed
        {"id": "i3", "party": "p-t", "session": "s2", "text": "No pull-out from science"},
        # an agreement lists it
        {"id": "i4", "party": "p-mom", "session": "s2", "text": "Weekly updates"},
        # nothing at all serves it
        {"id": "i5", "party": "p-mom", "session": "s2", "text": "A calm start to the day"},
        # only a declined option serves it
        {"id": "i6", "party": "p-mom", "session": "s2", "text": "Summer reading"},
    ]
    document["options"] += [
        {
            "id": "o2",
            "session": "s2",
            "proposed_by": "p-dir",
            "text": "Small group",
            "status": "trial",
            "addresses": ["i2"],
        },
        {
            "id": "o3",
            "session": "s2",
            "proposed_by": "mediator",
            "text": "After school",
            "status": "proposed",
            "addresses": ["i3"],
        },
        {"id": "o4", "session": "s2", "proposed_by": "p-mom", "text": "Tutor", "status": "discussing"},
        {"id": "o5", "session": "s2", "proposed_by": "p-mom", "text": "Summer camp", "status": "parked"},
        {
            "id": "o6",
            "session": "s2",
            "proposed_by": "p-mom",
            "text": "Private school",
            "status": "declined",
            "addresses": ["i6"],
        },
    ]
    document["agreements"] += [
        {"id": "g2", "session": "s2", "kind": "principle", "text": "Weekly emails", "addresses": ["i4"]},
        {
            "id": "g3",
            "session": "s2",
            "kind": "service",
            "text": "Speech block",
            "service": "Speech",
            "duration": "30 min",
            "responsible": "SLP",
            "goal": "  ",
        },
        {
            "id": "g4",
            "session": "s2",
            "kind": "trial",
            "text": "Tool trial",
            "service": "AT",
            "frequency": "daily",
            "duration": "6 weeks",
            "responsible": "AT specialist",
            "goal": "80%",
            "start": "2026-12-10",
        },
        {"id": "g5", "session": "s2", "kind": "procedural", "text": "Director calls the evaluator"},
    ]
    document["follow_ups"] += [
        {"id": "f2", "session": "s2", "text": "Book the room", "owner": "mediator", "done": True},
        {"id": "f3", "session": "s2", "text": "Ask about the bus", "owner": "p-mom", "done": False},
    ]
    document["parking_lot"] += [
        {"id": "k2", "session": "s2", "text": "Lunch schedule", "status": "scheduled"},
        {"id": "k3", "session": "s2", "text": "Field trip", "status": "done"},
        {"id": "k4", "session": "s2", "text": "Bus aide", "status": "open"},
    ]
    return document


def busy() -> Case:
    return case_from_document(busy_document())


# ---------------------------------------------------------------- unresolved


def test_unresolved_in_the_fixture():
    found = unresolved(leo())
    assert isinstance(found, Unresolved)
    assert (found.case_id, found.session) == ("leo-at-2026", 1)
    assert ids(found.open_agenda) == ["a2"]
    assert found.open_options == []
    assert found.unaddressed_interests == []  # i1 is served by the agreed option o1
    assert found.incomplete_agreements == []
    assert ids(found.open_follow_ups) == ["f1"]
    assert ids(found.parking_lot) == ["k1"]
    assert found.count == 3 and not found.is_empty


def test_every_group_of_unresolved_is_shown():
    assert list(GROUPS) == GROUP_KEYS
    assert [f.name for f in fields(Unresolved)] == ["case_id", "session", *GROUP_KEYS]


def test_nothing_unresolved():
    found = unresolved(case_from_document(empty_document()))
    assert found.is_empty and found.count == 0


def test_open_agenda_is_the_latest_sessions_items_not_resolved_or_referred():
    found = unresolved(busy())
    assert ids(found.open_agenda) == ["a4", "a5", "a6", "a7"]  # open, needs-data, parked, active
    assert "a2" not in ids(found.open_agenda)  # session 1 is not the latest


def test_open_options_are_proposed_discussing_or_parked():
    assert ids(unresolved(busy()).open_options) == ["o3", "o4", "o5"]


def test_interests_are_addressed_by_agreed_or_trial_options_and_by_agreements():
    found = unresolved(busy())
    # i1: agreed option; i2: trial option; i4: an agreement's addresses.
    # i3: only a proposed option; i5: nothing; i6: only a declined option.
    assert ids(found.unaddressed_interests) == ["i3", "i5", "i6"]
    document = busy_document()
    document["options"][0]["status"] = "proposed"  # o1 no longer agreed: i1 is open again
    assert "i1" in ids(unresolved(case_from_document(document)).unaddressed_interests)
    document["agreements"][0]["addresses"] = ["i1"]  # ... until an agreement lists it
    assert "i1" not in ids(unresolved(case_from_document(document)).unaddressed_interests)


def test_incomplete_agreements_are_service_and_trial_ones_missing_details():
    found = unresolved(busy())
    assert ids(found.incomplete_agreements) == ["g3", "g4"]
    missing = {a.id: a.missing() for a in found.incomplete_agreements}
    assert missing == {"g3": ["frequency", "goal", "start"], "g4": ["review"]}


def test_follow_ups_not_done_and_parking_lot_still_open():
    found = unresolved(busy())
    assert ids(found.open_follow_ups) == ["f1", "f3"]
    assert ids(found.parking_lot) == ["k1", "k4"]  # not scheduled, not done
    assert found.count == 4 + 3 + 3 + 2 + 2 + 2


# ---------------------------------------------------------------- review --format json


def test_review_json_has_exactly_the_contract_shape():
    document = review_json(busy(), ON)
    assert list(document) == ["case", "session", *GROUP_KEYS, *FOLLOW_THROUGH_KEYS]
    assert document["case"] == "leo-at-2026"
    assert document["session"] == 2
    for key in GROUP_KEYS:
        assert isinstance(document[key], list)
        for entry in document[key]:
            assert isinstance(entry["id"], str)
            assert isinstance(entry["title" if key == "open_agenda" else "text"], str)
    assert [e["id"] for e in document["incomplete_agreements"]] == ["g3", "g4"]
    assert document["incomplete_agreements"][0]["missing"] == ["frequency", "goal", "start"]
    assert document["open_agenda"][0] == {
        "id": "a4",
        "title": "Assistive technology",
        "status": "open",
        "minutes": 45,
        "carried_from": "a2",
        "session": 2,
    }
    assert document["open_follow_ups"][0] == {
        "id": "f1",
        "text": "Send the reading progress data",
        "owner": "p-dir",
        "owner_name": "Dr. Kim",
        "due": "2026-12-05",
        "session": 1,
        "agreement": None,
    }
    assert document["open_options"][0]["proposed_by_name"] == "mediator"
    assert document["unaddressed_interests"][0]["party_name"] == "Mr Dube"
    assert document["parking_lot"] == [
        {"id": "k1", "text": "Bus schedule", "status": "open", "session": 1},
        {"id": "k4", "text": "Bus aide", "status": "open", "session": 2},
    ]
    assert json.loads(json.dumps(document)) == document


def test_review_json_of_the_fixture():
    document = review_json(leo(), ON)
    assert document == {
        "case": "leo-at-2026",
        "session": 1,
        "open_agenda": [
            {
                "id": "a2",
                "title": "Assistive technology",
                "status": "open",
                "minutes": 45,
                "carried_from": None,
                "session": 1,
            }
        ],
        "open_options": [],
        "unaddressed_interests": [],
        "incomplete_agreements": [],
        "open_follow_ups": [
            {
                "id": "f1",
                "text": "Send the reading progress data",
                "owner": "p-dir",
                "owner_name": "Dr. Kim",
                "due": "2026-12-05",
                "session": 1,
                "agreement": None,
            }
        ],
        "parking_lot": [{"id": "k1", "text": "Bus schedule", "status": "open", "session": 1}],
        "red_flags": [],
        "overdue": [
            {"id": "f1", "text": "Send the reading progress data", "due": "2026-12-05", "kind": "follow-up"}
        ],
        "missing_documents": [],
        "iep_changes": [],
        "trials_to_review": [
            {
                "id": "g1",
                "text": "Leo trials both tool sets with data collection",
                "review": "2027-01-15",
                "data": None,
                "monitor": None,
                "responsible": "AT specialist",
                "check_ins": [],
                "session": 1,
            }
        ],
    }


def test_render_review_json_prints_review_json():
    text = render_review(busy(), "json", ON)
    assert json.loads(text) == review_json(busy(), ON)
    assert text.startswith('{\n  "case": ')
    document = leo_document()
    document["parking_lot"][0]["text"] = "Bus für Léo 🚌"
    assert "Bus für Léo 🚌" in render_review(case_from_document(document), "json")  # not \u-escaped


# ---------------------------------------------------------------- review for people


def test_review_text_groups_what_is_open():
    text = render_review(busy(), "text", ON)
    lines = text.splitlines()
    assert lines[0] == "Assistive technology for Leo (leo-at-2026)"
    assert "16 unresolved." in lines
    for heading, count in [
        ("Agenda items still open", 4),
        ("Options not decided", 3),
        ("Interests no agreed option or agreement addresses yet", 3),
        ("Agreements missing details", 2),
        ("Follow-ups not done", 2),
        ("Parking lot", 2),
    ]:
        assert f"{heading} ({count})" in lines
    assert "  - Assistive technology — open, 45 min, carried from session 1" in lines
    assert "  - After school — proposed, proposed by the mediator" in lines
    assert "  - No pull-out from science — Mr Dube" in lines
    assert "  - Speech block (service) — still needs how often, a measurable goal and a start date" in lines
    assert "  - Send the reading progress data — Dr. Kim, due Dec 5, 2026, from session 1" in lines
    assert "  - Ask about the bus — Ana Ruiz, no due date" in lines
    assert "  - Bus schedule — from session 1" in lines
    assert "  - Bus aide" in lines


def test_review_text_says_when_nothing_is_unresolved():
    text = render_review(case_from_document(empty_document()), "text")
    assert "Nothing is unresolved." in text
    assert "(0)" not in text


def test_review_text_keeps_user_text_on_one_line_without_control_characters():
    document = leo_document()
    document["parking_lot"][0]["text"] = "Bus\nschedule \u2028red"
    text = render_review(case_from_document(document), "text")
    assert (
        "  - Bus / schedule / red" in text.splitlines() or "  - Bus / schedule  red" in text.splitlines()
    ), text


def test_review_markdown_is_escaped_and_structured():
    document = empty_document()
    document["title"] = "# Not a heading"
    document["parking_lot"][0]["status"] = "open"
    document["parking_lot"][0]["text"] = "- not a list | <b>not bold</b>"
    markdown = render_review(case_from_document(document), "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h1", "h2"]
    inline = [t for t in tokens if t.type == "inline"]
    assert inline[0].children[0].content == "Unresolved: # Not a heading"
    assert [t.type for t in tokens].count("list_item_open") == 1
    assert any(t.content == "- not a list | <b>not bold</b>" for t in inline[-1].children)
    empty = render_review(case_from_document(empty_document()), "markdown")
    assert "Nothing is unresolved." in empty


def test_review_rejects_an_unknown_format():
    with pytest.raises(ValueError, match="unknown review format"):
        render_review(leo(), "pdf")


# ---------------------------------------------------------------- next session


def test_next_session_from_the_fixture():
    case = next_session(leo(), on=ON)
    assert [s.number for s in case.sessions] == [1, 2]
    first, second = case.sessions
    assert first == leo().sessions[0]  # already closed: untouched
    assert (second.id, second.status, second.date, second.kind) == (
        "s2",
        SessionStatus.PLANNED,
        "2026-12-08",
        SessionKind.MEDIATION,
    )
    check_in, carried, parked = second.agenda
    assert check_in.title == "Check-in on follow-ups from session 1"
    assert check_in.minutes == 10 and check_in.status == AgendaStatus.OPEN
    assert check_in.prompts == ["Send the reading progress data (Dr. Kim, due Dec 5, 2026)"]
    assert (carried.title, carried.minutes, carried.status, carried.carried_from) == (
        "Assistive technology",
        45,
        AgendaStatus.OPEN,
        "a2",
    )
    assert carried.id not in {"a1", "a2"}
    assert parked.title == "Bus schedule" and parked.status == AgendaStatus.OPEN
    assert case.parking_lot[0].status == ParkingStatus.SCHEDULED
    # Interests, options, agreements and follow-ups belong to the case and stay as they were.
    for name in ("interests", "options", "agreements", "follow_ups", "statements", "notes", "parties"):
        assert getattr(case, name) == getattr(leo(), name)
    # A valid case that survives the file format.
    assert parse_case(json.dumps(case.dump())) == case


def test_next_carries_every_unresolved_item_and_nothing_settled():
    before = busy()
    case = next_session(before, on=date(2026, 12, 15))
    new = case.latest
    assert new.number == 3
    carried = {item.carried_from: item for item in new.agenda if item.carried_from}
    assert set(carried) == {"a4", "a5", "a6", "a7"}  # not a3 (resolved) nor a8 (referred)
    assert all(item.status == AgendaStatus.OPEN for item in new.agenda)
    assert carried["a4"].prompts == ["Which tools?"] and carried["a4"].minutes == 45
    assert carried["a7"].started_at is None and carried["a7"].ended_at is None
    titles = [item.title for item in new.agenda]
    assert titles == [
        "Check-in on follow-ups from session 2",
        "Assistive technology",
        "Reading data",
        "Transport",
        "Speech",
        "Bus schedule",
        "Bus aide",
    ]
    assert new.agenda[0].prompts == [
        "Send the reading progress data (Dr. Kim, due Dec 5, 2026)",
        "Ask about the bus (Ana Ruiz, no due date)",
    ]
    statuses = {k.id: k.status for k in case.parking_lot}
    assert statuses == {"k1": "scheduled", "k2": "scheduled", "k3": "done", "k4": "scheduled"}
    all_ids = [item.id for _, item in case.agenda_items()]
    assert len(all_ids) == len(set(all_ids))


def test_next_closes_a_live_session_and_stops_its_running_item():
    case = next_session(busy(), on=date(2026, 12, 15))
    closed = case.session_by_number(2)
    assert closed.status == SessionStatus.CLOSED
    assert closed.ended_at is not None and closed.started_at == "2026-12-08T09:00:00+00:00"
    speech = next(item for item in closed.agenda if item.id == "a7")
    assert speech.status == AgendaStatus.OPEN  # stopped, and so carried as open
    assert speech.ended_at is not None and speech.started_at == "2026-12-08T09:30:00+00:00"
    others = [item for item in closed.agenda if item.id != "a7"]
    assert others == [item for item in busy().latest.agenda if item.id != "a7"]


def test_next_twice_makes_two_sessions_and_a_valid_case():
    once = next_session(leo(), on=ON)
    twice = next_session(once, on=date(2026, 12, 9))
    assert [s.number for s in twice.sessions] == [1, 2, 3]
    assert [s.id for s in twice.sessions] == ["s1", "s2", "s3"]
    assert twice.session_by_number(2).status == SessionStatus.PLANNED  # a planned session is not closed
    third = twice.latest.agenda
    # Each session opens with a new check-in, a step of the meeting: never carried, never repeated.
    assert [item.title for item in third] == [
        "Check-in on follow-ups from session 2",
        "Assistive technology",
        "Bus schedule",
    ]
    assert third[0].is_step and third[0].carried_from is None
    assert third[1].carried_from == once.latest.agenda[1].id
    assert third[2].carried_from == once.latest.agenda[2].id
    assert parse_case(json.dumps(twice.dump())) == twice


def test_next_kind_and_template_items_follow_the_carried_ones():
    template = [
        AgendaItem(id="t1", title="Welcome", status="open", minutes=10, prompts=["Who signs"]),
        AgendaItem(id="a1", title="Compensatory services", status="resolved"),
    ]
    case = next_session(leo(), on=ON, items_after=template, kind=SessionKind.RESOLUTION)
    new = case.latest
    assert new.kind == SessionKind.RESOLUTION
    assert [item.title for item in new.agenda][-2:] == ["Welcome", "Compensatory services"]
    welcome, services = new.agenda[-2:]
    assert welcome.prompts == ["Who signs"] and welcome.minutes == 10
    assert services.status == AgendaStatus.OPEN and services.carried_from is None
    assert {welcome.id, services.id}.isdisjoint({"t1", "a1", "a2"})
    assert next_session(leo(), on=ON).latest.kind == SessionKind.MEDIATION


def test_next_check_in_without_open_follow_ups():
    case = next_session(case_from_document(empty_document()), on=ON)
    assert len(case.latest.agenda) == 1
    check_in = case.latest.agenda[0]
    assert check_in.title == "Check-in on follow-ups from session 1"
    assert check_in.prompts and "No follow-ups are open" in check_in.prompts[0]


def test_next_turns_a_long_or_multiline_parking_entry_into_a_title():
    document = leo_document()
    long_text = "Transport " + "word " * 300
    document["parking_lot"] = [
        {"id": "k1", "session": "s1", "text": long_text, "status": "open"},
        {"id": "k2", "session": "s1", "text": "Bus\nschedule", "status": "open"},
    ]
    case = next_session(case_from_document(document), on=ON)
    long_item, multi = case.latest.agenda[-2:]
    assert len(long_item.title) <= MAX_NAME and long_item.title.endswith("…")
    assert long_item.title.startswith("Transport word word")
    assert long_item.prompts == [long_text]
    assert multi.title == "Bus / schedule" and multi.prompts == ["Bus\nschedule"]


def test_next_does_not_change_the_case_it_was_given():
    case = busy()
    before = copy.deepcopy(case.dump())
    next_session(case, on=ON)
    assert case.dump() == before


STATUSES = [status.value for status in AgendaStatus]


@settings(max_examples=60, deadline=None)
@given(
    statuses=st.lists(st.sampled_from(STATUSES), min_size=0, max_size=6),
    session_status=st.sampled_from([s.value for s in SessionStatus]),
    parking=st.lists(st.sampled_from([s.value for s in ParkingStatus]), max_size=4),
    runs=st.integers(min_value=1, max_value=3),
)
def test_next_always_gives_a_valid_case(statuses, session_status, parking, runs):
    document = leo_document()
    document["sessions"][0]["status"] = session_status
    for name in ("interests", "options", "agreements"):
        for record in document[name]:
            record.pop("agenda_item", None)
    document["sessions"][0]["agenda"] = [
        {"id": f"x{n}", "title": f"Item {n}", "status": status} for n, status in enumerate(statuses)
    ]
    document["parking_lot"] = [
        {"id": f"k{n}", "session": "s1", "text": f"Topic {n}", "status": status}
        for n, status in enumerate(parking)
    ]
    case = case_from_document(document)
    for _ in range(runs):
        previous = case
        case = next_session(case, on=ON)
        assert len(case.sessions) == len(previous.sessions) + 1
        assert previous.latest.number + 1 == case.latest.number
        open_before = [
            item.id
            for item in previous.latest.agenda
            if item.status not in (AgendaStatus.RESOLVED, AgendaStatus.REFERRED) and not item.is_step
        ]
        assert {item.carried_from for item in case.latest.agenda if item.carried_from} == set(open_before)
        assert all(k.status != ParkingStatus.OPEN for k in case.parking_lot)
        assert parse_case(json.dumps(case.dump())) == case


# ---------------------------------------------------------------- one check-in, no process steps


def template_items(name: str) -> list[AgendaItem]:
    from facilitator.agenda import agenda_items, find_template

    return agenda_items(find_template(name, Path("/nonexistent-home")))


def test_next_with_a_template_that_brings_its_own_check_in_keeps_one():
    template = template_items("follow-up")
    case = next_session(leo(), on=ON, items_after=template, kind=SessionKind.FOLLOW_UP)
    titles = [item.title for item in case.latest.agenda]
    assert titles == [
        "Check-in on follow-ups from session 1",
        "Assistive technology",
        "Bus schedule",
        "Carrying out the agreement",
        "What the data shows",
        "What's working and what isn't",
        "Adjustments",
        "Next steps",
    ]
    check_in = case.latest.agenda[0]
    # The template's own check-in prompts first, then the open follow-ups; its time boxes add up.
    assert check_in.prompts[0].startswith("Welcome back")
    assert check_in.prompts[-1] == "Send the reading progress data (Dr. Kim, due Dec 5, 2026)"
    assert check_in.minutes == 10 + 15
    short = next_session(leo(), on=ON, items_after=template_items("check-in"))
    assert [item.title for item in short.latest.agenda].count("Follow-ups due") == 0
    assert sum("follow-up" in item.title.lower() for item in short.latest.agenda) == 1


def test_next_merges_a_check_in_carried_from_a_template_session():
    document = leo_document()
    document["sessions"][0]["agenda"] += [
        {"id": "a3", "title": "Check-in and purpose", "status": "open", "minutes": 10},
        {"id": "a4", "title": "Follow-ups from last time", "status": "open", "minutes": 15},
    ]
    case = next_session(case_from_document(document), on=ON)
    agenda = case.latest.agenda
    assert [item.title for item in agenda] == [
        "Check-in on follow-ups from session 1",
        "Assistive technology",
        "Bus schedule",
    ]
    assert agenda[0].is_step and agenda[0].carried_from is None


def test_next_never_carries_process_steps():
    document = leo_document()
    document["sessions"][0]["agenda"] += [
        {"id": "a3", "title": "Welcome and ground rules", "status": "open", "process": True},
        {"id": "a4", "title": "Writing the agreement", "status": "active", "process": True},
    ]
    template = [AgendaItem(id="t1", title="Closing", status="open", process=True)]
    case = next_session(case_from_document(document), on=ON, items_after=template)
    agenda = case.latest.agenda
    assert {item.carried_from for item in agenda if item.carried_from} == {"a2"}
    # The new check-in and the template's own step; nothing carried is a step.
    assert [item.title for item in agenda if item.is_step] == [
        "Check-in on follow-ups from session 1",
        "Closing",
    ]


def test_next_refuses_a_date_before_the_latest_session():
    document = leo_document()
    document["sessions"][0]["date"] = "9999-12-31"
    case = case_from_document(document)
    with pytest.raises(SessionOutOfOrder, match=r"session 2 cannot come before session 1 \(9999-12-31\)"):
        next_session(case, on=date(2026, 12, 1))
    assert next_session(case, on=date.max).latest.date == "9999-12-31"  # the same day is fine


def test_next_without_a_date_refuses_to_go_back_in_time(run_cli, tmp_path, home):
    document = leo_document()
    document["sessions"][0]["date"] = "9999-12-31"
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(document), "utf-8")
    assert run_cli("import", source).code == 0
    path = home / "cases" / "leo-at-2026.json"
    before = path.read_bytes()
    for args in (["next", "leo-at-2026"], ["next", "leo-at-2026", "--date", "2026-12-01"]):
        line = run_cli(*args).error_line()
        assert "session 2 cannot come before session 1 (9999-12-31)" in line
    assert path.read_bytes() == before


def test_next_with_the_follow_up_template_from_the_command_line(run_cli, tmp_path, home):
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document()), "utf-8")
    assert run_cli("import", source).code == 0
    assert run_cli("next", "leo-at-2026", "--agenda", "follow-up", "--date", "2026-12-08").out == "2\n"
    case = parse_case(run_cli("dump", "leo-at-2026").out)
    titles = [item.title for item in case.latest.agenda]
    assert titles[0] == "Check-in on follow-ups from session 1"
    assert not any(t in titles for t in ("Check-in and purpose", "Follow-ups from last time"))


def test_the_check_in_next_makes_is_never_open_business():
    from facilitator.export import render_export
    from facilitator.review import review_json

    case = leo()
    for day in (2, 3, 4):
        case = next_session(case, on=date(2026, 12, day))
    open_titles = [entry["title"] for entry in review_json(case)["open_agenda"]]
    assert not any(title.startswith("Check-in") for title in open_titles), open_titles
    still_open = render_export(case, None, "consensus").split("## Still open")[1]
    assert "Check-in" not in still_open
    assert all(item.carried_from is None for item in case.latest.agenda if item.title.startswith("Check-in"))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_an_interest_heard_only_as_its_position_reads_as_that_position(fmt):
    document = leo_document()
    document["interests"].append(
        {
            "id": "i9",
            "party": "p-mom",
            "session": "s1",
            "text": "",
            "position": "A private reading tutor, paid by the district",
        }
    )
    text = render_review(case_from_document(document), fmt, date(2026, 11, 20))
    line = next(line for line in text.splitlines() if "private reading tutor" in line)
    assert "not named yet" in line and "Ana Ruiz" in line
