"""The signed document (DESIGN.md section 8): it can be reproduced, and it says what a signed
mediation agreement must say, by kind of meeting."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from test_export import TODAY, rich_document, section

from facilitator.export import export_document, render_export, rights_waived
from facilitator.model import Case, case_from_document


def consensus(case: Case, session: int | None = None) -> str:
    return render_export(case, session, "consensus", today=TODAY)


def three_sessions() -> dict:
    """The rich case with a third session, both earlier sessions ended."""
    document = rich_document(kind="mediation")
    document["sessions"][0]["ended_at"] = "2026-11-10T12:00:00+00:00"
    document["sessions"][1]["ended_at"] = "2026-11-25T12:00:00+00:00"
    document["sessions"][1]["status"] = "closed"
    document["sessions"].append(
        {
            "id": "s3",
            "number": 3,
            "date": "2026-12-09",
            "status": "live",
            "kind": "mediation",
            "started_at": "2026-12-09T09:00:00+00:00",
            "agenda": [{"id": "a9", "title": "Check-in", "status": "open"}],
        }
    )
    return document


def amend(document: dict, new_id: str, amends: str, session: str, text: str, **details: object) -> None:
    original = next(a for a in document["agreements"] if a["id"] == amends)
    changed = {**copy.deepcopy(original), "id": new_id, "session": session, "amends": amends, "text": text}
    changed.pop("option", None)
    changed.update(details)
    document["agreements"].append(changed)


# ---------------------------------------------------------------- reproduction


def test_a_later_amendment_never_changes_the_earlier_document():
    document = three_sessions()
    before = consensus(case_from_document(document), 1)
    amend(
        document,
        "g9",
        "g1",
        "s2",
        "AMENDED tutoring trial, three times a week",
        frequency="three times a week",
    )
    case = case_from_document(document)
    assert consensus(case, 1) == before
    second = section(consensus(case, 2), "Areas of agreement")
    assert (
        "1. AMENDED tutoring trial, three times a week (agreed in session 1, changed in this session)\n"
        in second
    )
    assert "**How often:** three times a week" in second
    assert "AGREEMENT-ONE" not in second  # replaced, not listed twice
    assert second.count("\n1. ") + second.startswith("1. ") <= 1
    third = section(consensus(case, 3), "Areas of agreement")
    assert (
        "1. AMENDED tutoring trial, three times a week (agreed in session 1, changed in session 2)\n" in third
    )


def test_a_chain_of_amendments_shows_the_latest_made_up_to_the_session():
    document = three_sessions()
    amend(document, "g9", "g1", "s2", "SECOND VERSION of the trial")
    amend(document, "g10", "g9", "s3", "THIRD VERSION of the trial")
    case = case_from_document(document)
    assert "1. AGREEMENT-ONE tutoring trial\n" in consensus(case, 1)
    second, third = consensus(case, 2), consensus(case, 3)
    assert "1. SECOND VERSION of the trial" in second and "THIRD VERSION" not in second
    assert "1. THIRD VERSION of the trial (agreed in session 1, changed in this session)" in third
    assert "SECOND VERSION" not in third and "AGREEMENT-ONE" not in third
    # The numbering stays: the amended agreement keeps its place.
    assert third.index("1. THIRD VERSION") < third.index("2. AGREEMENT-TWO")


def test_a_follow_up_done_later_is_open_in_the_earlier_document():
    document = three_sessions()
    document["follow_ups"][0].update(done=True, done_at="2026-12-09T10:00:00+00:00")  # in session 3
    document["follow_ups"][1].update(done=True, done_at="2026-11-25T11:00:00+00:00")  # in session 2
    case = case_from_document(document)
    first = section(consensus(case, 1), "Follow-ups")
    assert "| FOLLOWUP-ONE send progress data | Ms Lindqvist | Saturday, December 5, 2026 |" in first
    second = section(consensus(case, 2), "Follow-ups")
    assert (
        "FOLLOWUP-ONE send progress data (from session 1) | Ms Lindqvist | Saturday, December 5, 2026 |"
        in second
    )
    assert "| FOLLOWUP-TWO book the room | the mediator | Monday, November 30, 2026 (done) |" in second
    # It was done during session 3: that document shows it done (the check-in went through it).
    third = section(consensus(case, 3), "Follow-ups")
    assert (
        "FOLLOWUP-ONE send progress data (from session 1) | Ms Lindqvist | Saturday, December 5, 2026 (done) |"
        in third
    )
    # Done before session 3 began, session 2's follow-up no longer appears there.
    assert "FOLLOWUP-TWO" not in third


def test_done_without_a_time_counts_as_done_all_along():
    document = three_sessions()
    document["follow_ups"][0]["done"] = True
    case = case_from_document(document)
    assert "Saturday, December 5, 2026 (done)" in section(consensus(case, 1), "Follow-ups")


def test_a_session_without_an_end_time_ends_when_the_next_began():
    document = three_sessions()
    del document["sessions"][0]["ended_at"]
    document["sessions"][1]["started_at"] = "2026-11-25T09:00:00+00:00"
    document["follow_ups"][0].update(done=True, done_at="2026-11-25T09:30:00+00:00")
    case = case_from_document(document)
    assert "(done)" not in section(consensus(case, 1), "Follow-ups")


def test_later_records_change_only_the_written_date():
    document = three_sessions()
    before = consensus(case_from_document(document), 2)
    document["agreements"].append(
        {"id": "g20", "session": "s3", "kind": "principle", "text": "LATER agreement"}
    )
    document["follow_ups"].append(
        {"id": "f20", "session": "s3", "text": "LATER follow-up", "owner": "mediator", "done": False}
    )
    amend(document, "g21", "g2", "s3", "LATER amendment")
    document["follow_ups"][2].update(done=True, done_at="2026-12-09T10:00:00+00:00")
    after = case_from_document(document)
    assert consensus(after, 2) == before
    later_day = render_export(after, 2, "consensus", today=date(2027, 3, 1))
    assert later_day.replace("Monday, March 1, 2027", "Thursday, December 10, 2026") == before


# ---------------------------------------------------------------- what it says


def test_process_steps_and_proposals_never_appear_as_open_business():
    document = rich_document()
    document["sessions"][1]["agenda"][0].update(status="open", process=True, title="STEP ground rules")
    text = consensus(case_from_document(document))
    assert "STEP ground rules" not in text
    for undecided in ("OPTION-TWO", "OPTION-THREE", "OPTION-FOUR", "OPTION-FIVE"):
        assert undecided not in text


def test_district_mediator_iep_changes_and_trial_data():
    document = rich_document(kind="mediation")
    document["district"] = "Riverside Unified"
    document["mediator"] = "Sam Okoye"
    document["agreements"][0].update(
        iep_change=True, data="words read a minute, weekly", monitor="the reading specialist, to both sides"
    )
    text = consensus(case_from_document(document))
    assert text.startswith("# Reading services for Maya\n")
    assert "between the family of Maya and Riverside Unified" in text
    assert "**School district:** Riverside Unified" in text
    assert "**Mediator:** Sam Okoye" in text
    agreements = section(text, "Areas of agreement")
    assert "**What is measured:** words read a minute, weekly" in agreements
    assert "**Who collects and reports the data:** the reading specialist, to both sides" in agreements
    iep = section(text, "Changes to the IEP")
    assert "- **Agreement 1:** AGREEMENT-ONE tutoring trial" in iep
    assert "AGREEMENT-TWO" not in iep
    document["agreements"][0]["iep_change"] = False
    plain = consensus(case_from_document(document))
    assert "None of these agreements needs a change to the IEP." in section(plain, "Changes to the IEP")


def test_an_owner_from_outside_the_table_is_named_as_typed():
    document = rich_document()
    document["follow_ups"][2].update(owner="other", owner_name="the AT specialist, Ms. Ōta")
    text = section(consensus(case_from_document(document)), "Follow-ups")
    assert "| FOLLOWUP-THREE ask about bus | the AT specialist, Ms. Ōta | no date set |" in text


@pytest.mark.parametrize(
    ("kind", "cited", "absent"),
    [
        ("mediation", "34 CFR 300.506(b)(7)", "300.510(d)(2)"),
        ("resolution", "34 CFR 300.510(d)(2)", "300.506(b)(7)"),
    ],
)
def test_enforceability_is_stated_by_kind(kind, cited, absent):
    text = section(consensus(case_from_document(rich_document(kind=kind))), "What signing means")
    assert (
        "enforceable in any State court of competent jurisdiction or in a district court of the United States"
        in text
    )
    assert cited in text and absent not in text


def test_a_facilitated_iep_meeting_claims_no_enforceability():
    text = consensus(case_from_document(rich_document(kind="facilitated-iep")))
    record = section(text, "What this record is")
    assert "decisions of the IEP team" in record
    assert "not a mediation agreement" in record
    assert "enforceable in any State court" not in text
    assert "void" not in text


def test_a_follow_up_meeting_says_what_it_continues():
    text = consensus(case_from_document(rich_document(kind="follow-up")))
    meaning = section(text, "What signing means")
    assert "follow-up meeting; it continues the mediation" in meaning
    assert "34 CFR 300.506(b)(7)" in meaning
    document = rich_document(kind="follow-up")
    document["sessions"][0]["kind"] = "follow-up"
    alone = section(consensus(case_from_document(document)), "What signing means")
    assert "not by itself a mediation agreement or a resolution agreement" in alone
    assert "enforceable" not in alone


def test_signature_lines_follow_who_signs_and_name_the_authority():
    document = rich_document(kind="mediation")
    document["parties"][1]["signs"] = False  # the grandmother came, but does not sign
    document["parties"][2]["signs"] = True  # an advocate holding educational rights signs
    document["parties"][3]["authority"] = True
    text = section(consensus(case_from_document(document)), "Signatures")
    assert "Parent: Tomas Okafor" in text
    assert "Rosa Okafor" not in text
    assert "Advocate: Priya Shah" in text
    assert "District representative with authority to bind the district: Ms Lindqvist" in text
    assert text.count("Signature: ___") == 3
    assert "name: ___" not in text


def test_without_an_authority_the_district_line_is_left_to_fill_in():
    text = section(consensus(case_from_document(rich_document())), "Signatures")
    assert "District representative with authority to bind the district, name: ______" in text


def test_a_session_on_the_last_calendar_day_says_the_void_date_cannot_be_computed():
    document = rich_document(kind="resolution")
    document["sessions"][1]["date"] = "9999-12-31"
    case = case_from_document(document)
    text = section(consensus(case), "Time to change your mind")
    assert "cannot be worked out from the session date (9999-12-31)" in text
    for fmt in ("docx", "pdf"):
        from facilitator.export import render

        assert render(export_document(case, None, "consensus", TODAY), fmt)
    document["sessions"][1]["date"] = "9999-12-28"  # a Tuesday: Wednesday to Friday fit
    assert "Friday, December 31, 9999" in consensus(case_from_document(document))


def test_the_summary_has_times_and_the_waiver_check_the_consensus_never_has():
    document = rich_document(kind="mediation")
    document["sessions"][1]["ended_at"] = "2026-11-25T11:35:00+00:00"
    document["sessions"][1]["agenda"][2]["ended_at"] = "2026-11-25T10:05:00+00:00"
    document["agreements"][3]["text"] = "The family withdraws the due process complaint filed in October"
    case = case_from_document(document)
    summary = render_export(case, None, "summary", today=TODAY)
    assert "**Time in session:** 2 h 35 min" in summary
    assert "| 3 | Compensatory services | 45 min | 50 min | active |" in summary
    hint = section(summary, "Before anyone signs")
    assert "Agreement 4 withdraws a complaint or hearing request" in hint
    consensus_text = consensus(case)
    assert "Before anyone signs" not in consensus_text and "gives up" not in consensus_text
    assert [w.agreement for w in rights_waived(case)] == ["g4"]
