"""What falls due across cases, `facilitator due` (DESIGN.md section 12)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from facilitator.due import DueItem, deadlines, due_items, horizon
from facilitator.export import void_by
from facilitator.model import case_from_document
from facilitator.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "leo.json"
TODAY = date(2026, 12, 1)


def leo_document() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def busy_document() -> dict:
    """Leo's case with one item of every kind, on dates around TODAY."""
    document = leo_document()
    document["follow_ups"] += [
        {"id": "f2", "session": "s1", "text": "Call the evaluator", "owner": "p-mom", "due": "2026-11-20", "done": False},
        {"id": "f3", "session": "s1", "text": "Done already", "owner": "p-mom", "due": "2026-11-21", "done": True},
        {"id": "f4", "session": "s1", "text": "Someday", "owner": "p-mom", "done": False},
    ]  # fmt: skip
    document["documents"] = [
        {"id": "d1", "party": "p-dir", "title": "Progress reports", "kind": "progress-report", "status": "requested", "due": "2026-12-03"},
        {"id": "d2", "party": "p-mom", "title": "IEE report", "kind": "iee", "status": "received", "due": "2026-11-01"},
        {"id": "d3", "party": "mediator", "title": "Agenda", "kind": "other", "status": "needed"},
    ]  # fmt: skip
    document["sessions"].append(
        {
            "id": "s2",
            "number": 2,
            "date": "2026-12-11",
            "status": "planned",
            "kind": "resolution",
            "agenda": [],
        }
    )
    return document


def resolution_document() -> dict:
    """A resolution meeting held on Wednesday 2026-11-25, with an agreement signed."""
    document = leo_document()
    document["id"] = "maya-2026"
    document["title"] = "Reading services for Maya"
    document["sessions"][0].update(kind="resolution", date="2026-11-25")
    document["follow_ups"] = []
    document["agreements"][0].update(review="2026-12-20")
    return document


def write_cases(home: Path, *documents: dict) -> Store:
    store = Store(home)
    for document in documents:
        store.create(case_from_document(document))
    return store


# ---------------------------------------------------------------- one case


def test_the_deadlines_of_a_case_are_every_dated_item():
    found = {(d.kind, d.id): d.date for d in deadlines(case_from_document(busy_document()))}
    assert found == {
        ("follow-up", "f1"): "2026-12-05",
        ("follow-up", "f2"): "2026-11-20",
        ("trial-review", "g1"): "2027-01-15",
        ("document", "d1"): "2026-12-03",
        ("session", "s2"): "2026-12-11",
    }


def test_due_items_are_overdue_ones_and_those_within_the_window_by_date():
    case = case_from_document(busy_document())
    items = due_items(case, TODAY)
    assert [(i.date, i.kind, i.id, i.overdue) for i in items] == [
        ("2026-11-20", "follow-up", "f2", True),
        ("2026-12-03", "document", "d1", False),
        ("2026-12-05", "follow-up", "f1", False),
        ("2026-12-11", "session", "s2", False),
    ]
    assert items[0].to_json() == {
        "case": "leo-at-2026",
        "kind": "follow-up",
        "id": "f2",
        "text": "Call the evaluator",
        "date": "2026-11-20",
        "overdue": True,
    }
    assert [i.id for i in due_items(case, TODAY, days=3)] == ["f2", "d1"]  # the window's last day counts
    assert [i.id for i in due_items(case, TODAY, days=0)] == ["f2"]
    assert [i.id for i in due_items(case, date(2027, 2, 1), days=0)] == ["f2", "d1", "f1", "s2", "g1"]
    assert all(i.overdue for i in due_items(case, date(2027, 2, 1), days=0))


def test_a_resolution_agreement_can_be_voided_for_three_business_days():
    case = case_from_document(resolution_document())
    last_day = void_by(date(2026, 11, 25))  # Thanksgiving and a weekend come between
    assert last_day == date(2026, 12, 1)
    items = due_items(case, date(2026, 11, 25))
    void = [i for i in items if i.kind == "void-by"]
    assert [(i.id, i.date, i.overdue) for i in void] == [("s1", "2026-12-01", False)]
    assert "void" in void[0].text and "session 1" in void[0].text
    # Once the day has passed the right has lapsed: it is not overdue, it is gone.
    assert not [i for i in due_items(case, date(2026, 12, 2)) if i.kind == "void-by"]
    without_agreement = resolution_document()
    without_agreement["agreements"] = []
    assert not [d for d in deadlines(case_from_document(without_agreement)) if d.kind == "void-by"]


def test_dates_near_the_end_of_time_do_not_crash():
    document = busy_document()
    document["sessions"][1]["date"] = "9999-12-31"
    document["sessions"][0].update(kind="resolution", date="9999-12-30")  # no three business days left
    document["follow_ups"][0]["due"] = "9999-12-31"
    document["agreements"][0].update(start="9999-12-01", review="9999-12-31")
    case = case_from_document(document)
    assert horizon(date.max, 100_000) == date.max
    assert horizon(TODAY, 10**12) == date.max
    assert horizon(TODAY, 14) == TODAY + timedelta(days=14)
    late = due_items(case, date.max, days=100_000)
    assert {i.date for i in late if not i.overdue} == {"9999-12-31"}
    assert not [d for d in deadlines(case) if d.kind == "void-by"]
    assert due_items(case, date.min, days=100_000) == []  # nothing falls due before the year 275
    assert len(due_items(case, date.min, days=10**9)) == len(deadlines(case)) == 5


# ---------------------------------------------------------------- the command


def test_due_json_over_every_case_sorted_by_date(run_cli, home):
    write_cases(home, busy_document(), resolution_document())
    result = run_cli("due", "--today", "2026-12-01", "--format", "json")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    assert list(found) == ["today", "items"]
    assert found["today"] == "2026-12-01"
    assert [(i["date"], i["case"], i["kind"], i["id"]) for i in found["items"]] == [
        ("2026-11-20", "leo-at-2026", "follow-up", "f2"),
        ("2026-12-01", "maya-2026", "void-by", "s1"),
        ("2026-12-03", "leo-at-2026", "document", "d1"),
        ("2026-12-05", "leo-at-2026", "follow-up", "f1"),
        ("2026-12-11", "leo-at-2026", "session", "s2"),
    ]
    for item in found["items"]:
        assert set(item) == {"case", "kind", "id", "text", "date", "overdue"}
        assert item["overdue"] is (item["date"] < "2026-12-01")
    wider = json.loads(run_cli("due", "--today", "2026-12-01", "--days", "30", "--format", "json").out)
    assert ("maya-2026", "trial-review", "g1") in {(i["case"], i["kind"], i["id"]) for i in wider["items"]}


def test_due_text_is_for_people(run_cli, home):
    write_cases(home, busy_document(), resolution_document())
    result = run_cli("due", "--today", "2026-12-01")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert lines[0] == "What falls due, as of Tuesday, December 1, 2026"
    assert "Overdue (1)" in lines and "Due by Dec 15, 2026 (4)" in lines
    assert any(
        "Nov 20, 2026" in line
        and "leo-at-2026" in line
        and "follow-up: Call the evaluator (Ana Ruiz)" in line
        for line in lines
    ), lines
    assert any("last day to void:" in line and "maya-2026" in line for line in lines)


def test_due_with_no_cases_is_a_clear_empty_answer(run_cli, home):
    assert json.loads(run_cli("due", "--format", "json", "--today", "2026-12-01").out) == {
        "today": "2026-12-01",
        "items": [],
    }
    text = run_cli("due")
    assert text.code == 0 and "No cases yet, so nothing falls due." in text.out
    calendar = icalendar.Calendar.from_ical(run_cli("due", "--format", "ics").out)
    assert calendar.walk("VEVENT") == []
    assert not home.exists()  # nothing written


def test_due_with_nothing_due_says_so(run_cli, home):
    document = leo_document()
    document["follow_ups"] = []
    write_cases(home, document)
    text = run_cli("due", "--today", "2026-12-01").out
    assert "Nothing is overdue, and nothing falls due by Dec 15, 2026." in text


def test_a_damaged_case_is_one_line_and_hides_nothing(run_cli, home):
    write_cases(home, busy_document(), resolution_document())
    (home / "cases" / "broken.json").write_bytes(b'{"case": {"1": {"id": "broken"')
    text = run_cli("due", "--today", "2026-12-01")
    assert text.code == 0
    damaged = [line for line in text.out.splitlines() if line.startswith("damaged:")]
    assert len(damaged) == 1 and damaged[0].startswith("damaged: broken: ")
    assert "Call the evaluator" in text.out and "last day to void" in text.out
    found = json.loads(run_cli("due", "--today", "2026-12-01", "--format", "json").out)
    assert len(found["items"]) == 5
    assert [d["case"] for d in found["damaged"]] == ["broken"]
    ics = run_cli("due", "--today", "2026-12-01", "--format", "ics")
    assert len(icalendar.Calendar.from_ical(ics.out).walk("VEVENT")) == 5
    assert ics.err.startswith("facilitator: warning: damaged: broken: ")


def test_due_ics_has_one_all_day_event_per_item_with_stable_uids(run_cli, home, tmp_path):
    write_cases(home, busy_document(), resolution_document())
    target = tmp_path / "due.ics"
    result = run_cli("due", "--today", "2026-12-01", "--format", "ics", "-o", target)
    assert result.code == 0, result.err
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    starts = [event.decoded("dtstart") for event in events]
    assert starts == [
        date(2026, 11, 20),
        date(2026, 12, 1),
        date(2026, 12, 3),
        date(2026, 12, 5),
        date(2026, 12, 11),
    ]
    assert all(type(start) is date for start in starts)  # all-day events
    uids = [str(event["uid"]) for event in events]
    assert len(set(uids)) == 5
    assert str(events[0]["summary"]) == "Follow-up: Call the evaluator"

    # Another day, another run: the same items keep their UIDs.
    later = icalendar.Calendar.from_ical(run_cli("due", "--today", "2026-12-04", "--format", "ics").out)
    later_uids = {str(e["summary"]): str(e["uid"]) for e in later.walk("VEVENT")}
    assert later_uids["Follow-up: Call the evaluator"] == uids[0]

    refused = run_cli("due", "--today", "2026-12-01", "--format", "ics", "-o", target).error_line()
    assert "already exists" in refused and "--force" in refused
    assert run_cli("due", "--format", "json", "-o", target, "--force").code == 0
    assert "items" in json.loads(target.read_text("utf-8"))


def test_due_near_the_end_of_time(run_cli, home):
    document = busy_document()
    document["follow_ups"][0]["due"] = "9999-12-31"
    write_cases(home, document)
    for args in (
        ["--today", "9999-12-31", "--days", "100000"],
        ["--today", "9999-12-30", "--days", "1"],
        ["--today", "0001-01-01", "--days", "100000"],
        ["--days", "99999999999999999999"],
    ):
        for fmt in ("text", "json", "ics"):
            result = run_cli("due", *args, "--format", fmt)
            assert result.code == 0 and "Traceback" not in result.err, (args, fmt, result.err)
    found = json.loads(run_cli("due", "--today", "9999-12-31", "--format", "json").out)
    assert ("f1", False) in {(i["id"], i["overdue"]) for i in found["items"]}


@pytest.mark.parametrize(
    "args", [["--days", "-1"], ["--days", "two"], ["--today", "someday"], ["--format", "pdf"]]
)
def test_due_refuses_bad_options_with_usage(run_cli, home, args):
    result = run_cli("due", *args)
    assert result.code == 2 and "usage:" in result.err


def test_due_writes_nothing_but_its_index(run_cli, home, tmp_path):
    write_cases(home, busy_document(), resolution_document())
    before = {p.relative_to(home): p.read_bytes() for p in home.rglob("*") if p.is_file()}
    for fmt in ("text", "json", "ics"):
        assert run_cli("due", "--format", fmt).code == 0
    after = {p.relative_to(home): p.read_bytes() for p in home.rglob("*") if p.is_file()}
    assert {k: v for k, v in after.items() if k != Path("index.json")} == before


def test_due_item_order_is_date_then_case_then_kind():
    items = [
        DueItem("2026-12-02", "b", 0, "follow-up", "f1", "x", False),
        DueItem("2026-12-01", "b", 4, "void-by", "s1", "x", False),
        DueItem("2026-12-01", "a", 3, "session", "s1", "x", False),
        DueItem("2026-12-01", "b", 0, "follow-up", "f2", "x", False),
    ]
    assert [(i.date, i.case, i.kind) for i in sorted(items)] == [
        ("2026-12-01", "a", "session"),
        ("2026-12-01", "b", "follow-up"),
        ("2026-12-01", "b", "void-by"),
        ("2026-12-02", "b", "follow-up"),
    ]
