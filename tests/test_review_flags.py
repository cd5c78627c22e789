"""Red flags, overdue items and follow-through in the review (DESIGN.md sections 9 and 12)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from facilitator.export import render_export
from facilitator.model import Case, case_from_document
from facilitator.review import (
    FORMAL_ROUTES,
    RED_FLAG_KINDS,
    OverdueItem,
    RedFlag,
    iep_changes,
    missing_documents,
    overdue,
    red_flags,
    render_review,
    review_json,
    trials_to_review,
    unresolved,
)

FIXTURE = Path(__file__).parent / "fixtures" / "leo.json"
TODAY = date(2026, 12, 8)


def leo_document() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def carried_document(statuses: tuple[str, ...] = ("open", "open", "open")) -> dict:
    """Leo's case with "Assistive technology" on the agenda of one session per status.

    Session 1 holds a2 (the fixture's), each later session n holds a(n+1) carried from the
    one before. The trial agreement is moved off the topic, so nothing is agreed on it.
    """
    document = leo_document()
    document["agreements"][0].pop("agenda_item")
    document["sessions"][0]["agenda"][1]["status"] = statuses[0]
    for number, status in enumerate(statuses[1:], start=2):
        document["sessions"].append(
            {
                "id": f"s{number}",
                "number": number,
                "date": f"2026-11-{10 + number}",
                "status": "closed",
                "kind": "mediation",
                "agenda": [
                    {
                        "id": f"a{number + 1}",
                        "title": "Assistive technology",
                        "status": status,
                        "carried_from": f"a{number}",
                    }
                ],
            }
        )
    return document


def case_of(document: dict) -> Case:
    return case_from_document(document)


def kinds(flags: list[RedFlag]) -> list[str]:
    return [flag.kind for flag in flags]


def flag_of(case: Case, kind: str, today: date = TODAY) -> RedFlag:
    (found,) = [flag for flag in red_flags(case, today) if flag.kind == kind]
    return found


# ---------------------------------------------------------------- the six kinds


def test_a_topic_carried_through_two_sessions_without_agreement_is_stalled():
    case = case_of(carried_document())
    flag = flag_of(case, "stalled-topic")
    assert flag.evidence == ("a2", "a3", "a4")
    assert flag.text == (
        "“Assistive technology” has been on the agenda of sessions 1, 2 and 3 with no agreement on it yet."
    )


def test_a_topic_carried_once_or_with_an_agreement_is_not_stalled():
    assert "stalled-topic" not in kinds(red_flags(case_of(carried_document(("open", "open"))), TODAY))
    document = carried_document()
    document["agreements"][0]["agenda_item"] = "a3"  # agreed on the middle item of the chain
    assert "stalled-topic" not in kinds(red_flags(case_of(document), TODAY))


def test_a_check_in_carried_each_time_is_not_a_stalled_topic():
    document = carried_document()
    for session in document["sessions"][1:]:
        session["agenda"][0]["title"] = f"Check-in on follow-ups from session {session['number'] - 1}"
    assert "stalled-topic" not in kinds(red_flags(case_of(document), TODAY))


def test_options_all_from_one_side_on_an_open_topic_are_one_sided():
    document = carried_document(("open", "open"))
    document["parties"].append({"id": "p-adv", "name": "Priya Shah", "role": "advocate", "side": "family"})
    document["options"] += [
        # on the item the topic was carried from: counts
        {"id": "o2", "session": "s1", "agenda_item": "a2", "proposed_by": "p-mom", "text": "Buy it all", "status": "proposed"},
        {"id": "o3", "session": "s2", "agenda_item": "a3", "proposed_by": "p-adv", "text": "Loan a tablet", "status": "discussing"},
        # the mediator's do not count, nor decided ones
        {"id": "o4", "session": "s2", "agenda_item": "a3", "proposed_by": "mediator", "text": "Ask the AT team", "status": "proposed"},
        {"id": "o5", "session": "s2", "agenda_item": "a3", "proposed_by": "p-dir", "text": "Wait a year", "status": "declined"},
    ]  # fmt: skip
    flag = flag_of(case_of(document), "one-sided")
    assert flag.evidence == ("o2", "o3")
    assert flag.text == "Both undecided options on “Assistive technology” were proposed by the family side."

    document["options"][-1]["status"] = "parked"  # the district's is undecided again
    assert "one-sided" not in kinds(red_flags(case_of(document), TODAY))


def test_one_undecided_option_or_a_settled_topic_is_not_one_sided():
    document = carried_document(("open", "open"))
    document["options"].append(
        {"id": "o2", "session": "s2", "agenda_item": "a3", "proposed_by": "p-mom", "text": "Buy it", "status": "proposed"}
    )  # fmt: skip
    assert "one-sided" not in kinds(red_flags(case_of(document), TODAY))
    document["options"].append(
        {"id": "o3", "session": "s2", "agenda_item": "a3", "proposed_by": "p-mom", "text": "Lend it", "status": "proposed"}
    )  # fmt: skip
    assert "one-sided" in kinds(red_flags(case_of(document), TODAY))
    document["sessions"][1]["agenda"][0]["status"] = "resolved"
    assert "one-sided" not in kinds(red_flags(case_of(document), TODAY))


def test_one_owner_with_two_follow_ups_past_due_has_missed_follow_ups():
    document = leo_document()
    document["follow_ups"] += [
        {"id": "f2", "session": "s1", "text": "Call the evaluator", "owner": "p-dir", "due": "2026-12-01", "done": False},
        {"id": "f3", "session": "s1", "text": "Send the log", "owner": "p-dir", "due": "2026-12-07", "done": True},
        {"id": "f4", "session": "s1", "text": "Book the room", "owner": "p-dir", "due": "2026-12-08", "done": False},
        {"id": "f5", "session": "s1", "text": "Send the notes", "owner": "p-mom", "due": "2026-11-30", "done": False},
    ]  # fmt: skip
    flag = flag_of(case_of(document), "missed-follow-ups")
    # f3 is done, f4 is due today (not past), f5 is another owner's only one.
    assert flag.evidence == ("f1", "f2")
    assert flag.text == "Dr. Kim has 2 follow-ups past their due date."
    assert "missed-follow-ups" not in kinds(red_flags(case_of(document), date(2026, 12, 4)))


def test_follow_ups_of_different_people_away_from_the_table_are_not_one_owner():
    document = leo_document()
    document["follow_ups"] = [
        {"id": "f1", "session": "s1", "text": "Quote", "owner": "other", "owner_name": "AT vendor", "due": "2026-12-01", "done": False},
        {"id": "f2", "session": "s1", "text": "Route", "owner": "other", "owner_name": "Bus company", "due": "2026-12-01", "done": False},
        {"id": "f3", "session": "s1", "text": "Notes", "owner": "mediator", "due": "2026-12-01", "done": False},
        {"id": "f4", "session": "s1", "text": "Agenda", "owner": "mediator", "due": "2026-12-02", "done": False},
    ]  # fmt: skip
    (flag,) = [f for f in red_flags(case_of(document), TODAY) if f.kind == "missed-follow-ups"]
    assert flag.evidence == ("f3", "f4")
    assert flag.text == "The mediator has 2 follow-ups past their due date."


def test_a_topic_waiting_on_data_two_sessions_in_a_row():
    flag = flag_of(case_of(carried_document(("open", "needs-data", "needs-data"))), "waiting-on-data")
    assert flag.evidence == ("a3", "a4")
    assert flag.text == "“Assistive technology” has been waiting on data in sessions 2 and 3."
    not_in_a_row = carried_document(("needs-data", "open", "needs-data"))
    assert "waiting-on-data" not in kinds(red_flags(case_of(not_in_a_row), TODAY))


def test_a_trial_past_its_review_date_with_no_review_recorded():
    case = case_of(leo_document())  # the trial's review date is 2027-01-15
    assert "trial-review-due" not in kinds(red_flags(case, date(2027, 1, 15)))  # due today, not past
    flag = flag_of(case, "trial-review-due", date(2027, 1, 16))
    assert flag.evidence == ("g1",)
    assert flag.text == (
        "The review of the trial “Leo trials both tool sets with data collection” was due on "
        "Jan 15, 2027, and no review is recorded yet."
    )
    document = leo_document()
    document["agreements"][0].update(reviewed="2027-01-16", outcome="Keep the reader")
    assert "trial-review-due" not in kinds(red_flags(case_of(document), date(2027, 2, 1)))


def test_an_amended_trial_is_judged_by_its_amendment():
    document = leo_document()
    document["sessions"].append(
        {"id": "s2", "number": 2, "date": "2027-01-10", "status": "closed", "kind": "mediation", "agenda": []}
    )
    document["agreements"].append(
        {**document["agreements"][0], "id": "g2", "session": "s2", "amends": "g1", "review": "2027-03-01"}
    )
    case = case_of(document)
    assert [a.id for a in trials_to_review(case)] == ["g2"]
    assert "trial-review-due" not in kinds(red_flags(case, date(2027, 2, 1)))
    assert flag_of(case, "trial-review-due", date(2027, 3, 2)).evidence == ("g2",)


def test_a_party_with_two_positions_and_no_interest_named():
    document = leo_document()
    document["interests"] += [
        {"id": "i2", "party": "p-mom", "session": "s1", "text": "", "position": "A private school"},
        {"id": "i3", "party": "p-dir", "session": "s1", "text": "", "position": "No new staff"},
    ]
    assert "positions-only" not in kinds(red_flags(case_of(document), TODAY))
    document["interests"].append(
        {"id": "i4", "party": "p-mom", "session": "s1", "text": "", "position": "A one-to-one aide"}
    )
    flag = flag_of(case_of(document), "positions-only")
    assert flag.evidence == ("i2", "i4")
    assert flag.text == "Ana Ruiz has 2 positions whose interests are not named yet."


def test_red_flags_in_review_json_have_kind_text_and_evidence():
    document = carried_document(("needs-data", "needs-data", "needs-data"))
    found = review_json(case_of(document), date(2027, 2, 1))["red_flags"]
    assert [flag["kind"] for flag in found] == ["stalled-topic", "waiting-on-data", "trial-review-due"]
    for flag in found:
        assert set(flag) == {"kind", "text", "evidence"}
        assert flag["kind"] in RED_FLAG_KINDS
        assert isinstance(flag["text"], str) and flag["text"].endswith(".")
        assert flag["evidence"] and all(isinstance(i, str) for i in flag["evidence"])


def test_a_calm_case_has_no_red_flags():
    assert red_flags(case_of(leo_document()), TODAY) == []
    assert review_json(case_of(leo_document()), TODAY)["red_flags"] == []


# ---------------------------------------------------------------- the text and markdown reviews


def test_a_stalled_topic_brings_a_neutral_note_on_the_formal_routes():
    stalled = case_of(carried_document())
    for fmt in ("text", "markdown"):
        shown = render_review(stalled, fmt, TODAY)
        assert "Red flags (1)" in shown
        assert "has been on the agenda of sessions 1, 2 and 3" in shown
        assert "state complaint" in shown and "due process" in shown
        assert "not advice" in shown
    assert "state complaint" not in render_review(stalled, "json", TODAY)
    calm = case_of(leo_document())
    for fmt in ("text", "markdown"):
        assert "state complaint" not in render_review(calm, fmt, TODAY)
        assert "Red flags" not in render_review(calm, fmt, TODAY)
    # Neutral: the note names both routes without urging either.
    for word in ("should", "must", "recommend", "advise you"):
        assert word not in FORMAL_ROUTES


def test_red_flags_never_reach_either_export():
    document = carried_document(("needs-data", "needs-data", "needs-data"))
    case = case_of(document)
    flags = red_flags(case, date(2027, 2, 1))
    assert len(flags) == 3
    for kind in ("consensus", "summary"):
        exported = render_export(case, kind=kind, today=date(2027, 2, 1))
        for flag in flags:
            assert flag.text not in exported
        assert "state complaint" not in exported and "Red flag" not in exported


def test_the_markdown_review_escapes_what_the_flags_quote():
    document = carried_document()
    for session in document["sessions"]:
        for item in session["agenda"]:
            if item["id"] != "a1":
                item["title"] = "# AT | <b>tools</b> *now*"
    markdown = render_review(case_of(document), "markdown", TODAY)
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h1") == 1
    assert not any(t.type in ("html_block", "table_open") for t in tokens)
    children = [child for token in tokens for child in token.children or []]
    assert not any(child.type == "html_inline" for child in children)
    assert [child.content for child in children if child.type == "text"].count(
        "“# AT | <b>tools</b> *now*” has been on the agenda of sessions 1, 2 and 3 with no agreement on it yet."
    ) == 1
    # The only emphasis is the review's own, on the note about the formal routes.
    assert sum(child.type == "em_open" for child in children) == 1


def test_overdue_items_in_the_text_review():
    document = leo_document()
    document["documents"] = [
        {"id": "d1", "party": "p-mom", "title": "Private OT evaluation", "kind": "evaluation", "status": "requested", "due": "2026-12-01"},
    ]  # fmt: skip
    text = render_review(case_of(document), "text", TODAY)
    lines = text.splitlines()
    assert "Overdue (2)" in lines
    assert "  - Private OT evaluation — document, due Dec 1, 2026" in lines
    assert "  - Send the reading progress data — follow-up, due Dec 5, 2026" in lines
    assert lines.index("  - Private OT evaluation — document, due Dec 1, 2026") < lines.index(
        "  - Send the reading progress data — follow-up, due Dec 5, 2026"
    )
    assert "Documents still missing (1)" in lines
    assert "  - Private OT evaluation — Ana Ruiz, evaluation, requested, due Dec 1, 2026" in lines


# ---------------------------------------------------------------- overdue


def test_overdue_is_follow_ups_trials_and_documents_past_their_dates():
    document = leo_document()
    document["follow_ups"].append(
        {
            "id": "f2",
            "session": "s1",
            "text": "Done late",
            "owner": "p-dir",
            "due": "2026-11-20",
            "done": True,
        }
    )
    document["documents"] = [
        {"id": "d1", "party": "p-mom", "title": "Medical letter", "kind": "medical", "status": "needed", "due": "2027-01-02"},
        {"id": "d2", "party": "mediator", "title": "Agenda", "kind": "other", "status": "received", "due": "2026-11-01"},
        {"id": "d3", "party": "p-dir", "title": "Progress report", "kind": "progress-report", "status": "shared", "due": "2026-11-01"},
        {"id": "d4", "party": "p-dir", "title": "Work samples", "kind": "work-sample", "status": "requested"},
    ]  # fmt: skip
    case = case_of(document)
    found = overdue(case, date(2027, 2, 1))
    assert found == [
        OverdueItem("follow-up", "f1", "Send the reading progress data", "2026-12-05"),
        OverdueItem("document", "d1", "Medical letter", "2027-01-02"),
        OverdueItem("trial-review", "g1", "Leo trials both tool sets with data collection", "2027-01-15"),
    ]
    assert review_json(case, date(2027, 2, 1))["overdue"][0] == {
        "id": "f1",
        "text": "Send the reading progress data",
        "due": "2026-12-05",
        "kind": "follow-up",
    }
    assert overdue(case, date(2026, 12, 5)) == []  # due today is not overdue yet
    assert [d.id for d in missing_documents(case)] == ["d1", "d4"]


def test_dates_at_the_ends_of_the_calendar():
    document = leo_document()
    document["agreements"][0]["review"] = "9999-12-31"
    document["agreements"].append(
        {"id": "g2", "session": "s1", "kind": "trial", "text": "Trial with no dates"}
    )
    document["follow_ups"][0]["due"] = "0001-01-01"
    case = case_of(document)
    for today in (date.min, date(2026, 12, 8), date.max):
        review_json(case, today)
        for fmt in ("text", "markdown", "json"):
            render_review(case, fmt, today)
    assert [o.id for o in overdue(case, date.max)] == ["f1"]  # 9999-12-31 is not past on that day
    assert overdue(case, date.min) == []


def test_thousands_of_follow_ups_are_quick():
    document = leo_document()
    document["follow_ups"] = [
        {"id": f"f{n}", "session": "s1", "text": f"Task {n}", "owner": "p-dir", "due": "2026-11-20", "done": n % 2 == 0}
        for n in range(5000)
    ]  # fmt: skip
    case = case_of(document)
    start = time.process_time()
    flags = red_flags(case, TODAY)
    text = render_review(case, "text", TODAY)
    elapsed = time.process_time() - start
    assert len(flag_of(case, "missed-follow-ups").evidence) == 2500
    assert len(flags) == 1 and "Overdue (2500)" in text
    assert elapsed < 5, elapsed  # generous: quadratic work would take minutes


# ---------------------------------------------------------------- follow-through


def test_iep_changes_are_listed_until_their_follow_ups_are_done():
    document = leo_document()
    document["agreements"].append(
        {"id": "g2", "session": "s1", "kind": "service", "text": "Add AT to the IEP", "iep_change": True}
    )
    assert [a.id for a in iep_changes(case_of(document))] == ["g2"]  # no follow-up yet
    document["follow_ups"] += [
        {
            "id": "f2",
            "session": "s1",
            "text": "Amend the IEP",
            "owner": "p-dir",
            "done": False,
            "agreement": "g2",
        },
        {
            "id": "f3",
            "session": "s1",
            "text": "Send the draft",
            "owner": "p-dir",
            "done": True,
            "agreement": "g2",
        },
    ]
    case = case_of(document)
    assert [a.id for a in iep_changes(case)] == ["g2"]  # one of its follow-ups is still open
    entry = review_json(case, TODAY)["iep_changes"][0]
    assert entry == {"id": "g2", "text": "Add AT to the IEP", "session": 1, "follow_ups": ["f2", "f3"]}
    text = render_review(case, "text", TODAY)
    assert "Agreements to write into the IEP (1)" in text
    assert "  - Add AT to the IEP — 1 of its 2 follow-ups not done yet" in text.splitlines()
    document["follow_ups"][-2]["done"] = True
    assert iep_changes(case_of(document)) == []


def test_trials_awaiting_review_show_their_data_and_who_collects_it():
    document = leo_document()
    document["agreements"][0].update(data="Words read a minute, weekly", monitor="Reading specialist")
    document["follow_ups"].append(
        {
            "id": "f2",
            "session": "s1",
            "text": "Share week 3 data",
            "owner": "p-dir",
            "done": True,
            "agreement": "g1",
        }
    )
    case = case_of(document)
    entry = review_json(case, TODAY)["trials_to_review"][0]
    assert entry["data"] == "Words read a minute, weekly" and entry["monitor"] == "Reading specialist"
    assert entry["check_ins"] == ["f2"]
    lines = render_review(case, "text", TODAY).splitlines()
    assert (
        "  - Leo trials both tool sets with data collection — review Jan 15, 2027; "
        "data: Words read a minute, weekly; collected by Reading specialist; 1 of 1 check-ins done"
    ) in lines
    follow_up = next(e for e in review_json(case, TODAY)["open_follow_ups"] if e["id"] == "f1")
    assert follow_up["agreement"] is None


def test_process_steps_are_never_open_business():
    document = leo_document()
    document["sessions"][0]["agenda"].append(
        {"id": "a3", "title": "Writing the agreement", "status": "open", "process": True}
    )
    case = case_of(document)
    assert [item.id for item in unresolved(case).open_agenda] == ["a2"]
    assert [e["id"] for e in review_json(case, TODAY)["open_agenda"]] == ["a2"]


# ---------------------------------------------------------------- the command


def import_case(run_cli, tmp_path: Path, document: dict) -> str:
    source = tmp_path / f"{document['id']}.json"
    source.write_text(json.dumps(document), "utf-8")
    assert run_cli("import", source).code == 0
    return document["id"]


def test_review_today_makes_overdue_reproducible(run_cli, tmp_path, home):
    case_id = import_case(run_cli, tmp_path, leo_document())
    before = sorted(p.relative_to(home) for p in home.rglob("*"))
    early = json.loads(run_cli("review", case_id, "--format", "json", "--today", "2026-12-01").out)
    late = json.loads(run_cli("review", case_id, "--format", "json", "--today", "2027-02-01").out)
    assert early["overdue"] == [] and early["red_flags"] == []
    assert [o["id"] for o in late["overdue"]] == ["f1", "g1"]
    assert [f["kind"] for f in late["red_flags"]] == ["trial-review-due"]
    text = run_cli("review", case_id, "--today", "2027-02-01")
    assert text.code == 0 and "Red flags (1)" in text.out
    assert sorted(p.relative_to(home) for p in home.rglob("*")) == before  # review writes nothing


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-30", "12/01/2026", ""])
def test_review_refuses_a_today_that_is_not_a_date(run_cli, tmp_path, home, value):
    case_id = import_case(run_cli, tmp_path, leo_document())
    result = run_cli("review", case_id, "--today", value)
    assert result.code == 2 and "not a date" in result.err
