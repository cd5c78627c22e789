"""Markdown export (DESIGN.md section 8): what each kind holds, what it never holds, and
escaping that survives whatever a mediator typed."""

from __future__ import annotations

import copy
import functools
import itertools
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.export import (
    ExportError,
    escape_inline,
    federal_holidays,
    long_date,
    plain_inline,
    render_export,
    void_by,
)
from facilitator.model import CONTROL, Case, case_from_document

FIXTURE = Path(__file__).parent / "fixtures" / "leo.json"
TODAY = date(2026, 12, 10)
# CommonMark with GFM tables, as the contract says, and GFM strikethrough as GitHub renders it.
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def leo() -> Case:
    return case_from_document(json.loads(FIXTURE.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- a case with everything

# Every field of the rich case that holds free text, with the text it has by default.
# Distinctive words make it easy to check where each one shows up.
DEFAULT_TEXTS: dict[str, str] = {
    "title": "Reading services for Maya",
    "student": "Maya",
    "name.p-mom": "Tomas Okafor",
    "name.p-gma": "Rosa Okafor",
    "name.p-adv": "Priya Shah",
    "name.p-dir": "Ms Lindqvist",
    "name.p-t": "Mr Dube",
    "agenda.a1": "Opening",
    "agenda.a2": "Independent evaluation",
    "agenda.a3": "Independent evaluation again",
    "agenda.a4": "Check-in",
    "agenda.a5": "Compensatory services",
    "agenda.a6": "Transportation",
    "agenda.a7": "Summer program",
    "agenda.a8": "Referred to IEP team topic",
    "interest.i1": "INTEREST-ONE recover missed hours",
    "position.i1": "POSITION-ONE a summer program",
    "interest.i2": "INTEREST-TWO sustainable caseload",
    "position.i2": "POSITION-TWO no more than two sessions",
    "interest.i3": "INTEREST-THREE no pull-out from science",
    "option.o1": "OPTION-ONE tutoring after school",
    "option.o2": "OPTION-TWO small group literacy",
    "option.o3": "OPTION-THREE literacy four times a week",
    "option.o4": "OPTION-FOUR summer program",
    "option.o5": "OPTION-FIVE private placement",
    "agreement.g1": "AGREEMENT-ONE tutoring trial",
    "service.g1": "Tutoring",
    "frequency.g1": "twice a week",
    "duration.g1": "30 minutes",
    "responsible.g1": "Reading specialist",
    "goal.g1": "Reads 90 words a minute",
    "agreement.g2": "AGREEMENT-TWO speech make-up block",
    "service.g2": "Speech therapy",
    "duration.g2": "45 minutes",
    "responsible.g2": "Speech pathologist",
    "goal.g2": "Articulation at 80 percent",
    "agreement.g3": "AGREEMENT-THREE Maya belongs in science",
    "agreement.g4": "AGREEMENT-FOUR district sends evaluator names",
    "follow_up.f1": "FOLLOWUP-ONE send progress data",
    "follow_up.f2": "FOLLOWUP-TWO book the room",
    "follow_up.f3": "FOLLOWUP-THREE ask about bus",
    "parking.k1": "PARKING-ONE bus arrives late",
    "parking.k2": "PARKING-TWO lunch schedule",
    "statement.st1": "STATEMENT-ONE you people never deliver",
    "reframe.st1": "REFRAME-ONE getting every minute delivered matters",
    "statement.st2": "STATEMENT-TWO we did our best",
    "note.n1": "NOTE-JOINT both sides want data",
    "note.n2": "CAUCUS-PRIVATE mom would accept a trial",
    "note.n3": "CAUCUS-SHARED district can fund summer",
    "district": "Riverside Unified",
    "mediator": "Sam Okoye",
    "data.g1": "words read a minute, weekly",
    "monitor.g1": "the reading specialist",
    "owner_name.f4": "the AT specialist",
    "follow_up.f4": "FOLLOWUP-FOUR order the software",
}
FIELDS = list(DEFAULT_TEXTS)


def rich_document(text: Callable[[str], str] = DEFAULT_TEXTS.__getitem__, kind: str = "resolution") -> dict:
    """A two-session case with every kind of record and every status worth showing."""
    t = text
    return {
        "format": "facilitator-case/1",
        "id": "maya",
        "title": t("title"),
        "student": t("student"),
        "district": t("district"),
        "mediator": t("mediator"),
        "created": "2026-11-01T09:00:00+00:00",
        "parties": [
            {"id": "p-mom", "name": t("name.p-mom"), "role": "parent", "side": "family"},
            {"id": "p-gma", "name": t("name.p-gma"), "role": "guardian", "side": "family"},
            {"id": "p-adv", "name": t("name.p-adv"), "role": "advocate", "side": "family"},
            {"id": "p-dir", "name": t("name.p-dir"), "role": "district", "side": "school"},
            {"id": "p-t", "name": t("name.p-t"), "role": "teacher", "side": "school"},
        ],
        "sessions": [
            {
                "id": "s1",
                "number": 1,
                "date": "2026-11-10",
                "status": "closed",
                "kind": "mediation",
                "agenda": [
                    {"id": "a1", "title": t("agenda.a1"), "status": "resolved", "minutes": 10},
                    {"id": "a2", "title": t("agenda.a2"), "status": "open", "minutes": 30},
                ],
            },
            {
                "id": "s2",
                "number": 2,
                "date": "2026-11-25",
                "status": "live",
                "kind": kind,
                "started_at": "2026-11-25T09:00:00+00:00",
                "agenda": [
                    {"id": "a4", "title": t("agenda.a4"), "status": "resolved", "minutes": 10},
                    {"id": "a3", "title": t("agenda.a3"), "status": "needs-data", "carried_from": "a2"},
                    {
                        "id": "a5",
                        "title": t("agenda.a5"),
                        "status": "active",
                        "minutes": 45,
                        "started_at": "2026-11-25T09:15:00+00:00",
                    },
                    {"id": "a6", "title": t("agenda.a6"), "status": "parked"},
                    {"id": "a7", "title": t("agenda.a7"), "status": "open"},
                    {"id": "a8", "title": t("agenda.a8"), "status": "referred"},
                ],
            },
        ],
        "interests": [
            {
                "id": "i1",
                "party": "p-mom",
                "session": "s1",
                "text": t("interest.i1"),
                "position": t("position.i1"),
                "agenda_item": "a2",
            },
            {
                "id": "i2",
                "party": "p-dir",
                "session": "s2",
                "text": t("interest.i2"),
                "position": t("position.i2"),
            },
            {"id": "i3", "party": "p-t", "session": "s2", "text": t("interest.i3")},
        ],
        "options": [
            {
                "id": "o1",
                "session": "s1",
                "proposed_by": "p-dir",
                "text": t("option.o1"),
                "status": "trial",
                "addresses": ["i1"],
            },
            {
                "id": "o2",
                "session": "s2",
                "proposed_by": "mediator",
                "text": t("option.o2"),
                "status": "proposed",
                "addresses": ["i2", "i3"],
                "agenda_item": "a5",
            },
            {
                "id": "o3",
                "session": "s2",
                "proposed_by": "p-adv",
                "text": t("option.o3"),
                "status": "discussing",
                "revises": "o2",
            },
            {"id": "o4", "session": "s2", "proposed_by": "p-mom", "text": t("option.o4"), "status": "parked"},
            {
                "id": "o5",
                "session": "s2",
                "proposed_by": "p-mom",
                "text": t("option.o5"),
                "status": "declined",
            },
        ],
        "agreements": [
            {
                "id": "g1",
                "session": "s1",
                "kind": "trial",
                "option": "o1",
                "text": t("agreement.g1"),
                "service": t("service.g1"),
                "frequency": t("frequency.g1"),
                "duration": t("duration.g1"),
                "responsible": t("responsible.g1"),
                "goal": t("goal.g1"),
                "start": "2026-11-16",
                "review": "2027-01-11",
                "data": t("data.g1"),
                "monitor": t("monitor.g1"),
                "iep_change": True,
            },
            {
                "id": "g2",
                "session": "s2",
                "kind": "service",
                "text": t("agreement.g2"),
                "service": t("service.g2"),
                "duration": t("duration.g2"),
                "responsible": t("responsible.g2"),
                "goal": t("goal.g2"),
            },
            {
                "id": "g3",
                "session": "s2",
                "kind": "principle",
                "text": t("agreement.g3"),
                "addresses": ["i3"],
            },
            {"id": "g4", "session": "s2", "kind": "procedural", "text": t("agreement.g4")},
        ],
        "follow_ups": [
            {
                "id": "f1",
                "session": "s1",
                "text": t("follow_up.f1"),
                "owner": "p-dir",
                "due": "2026-12-05",
                "done": False,
            },
            {
                "id": "f2",
                "session": "s2",
                "text": t("follow_up.f2"),
                "owner": "mediator",
                "due": "2026-11-30",
                "done": True,
            },
            {"id": "f3", "session": "s2", "text": t("follow_up.f3"), "owner": "p-mom", "done": False},
            {
                "id": "f4",
                "session": "s2",
                "text": t("follow_up.f4"),
                "owner": "other",
                "owner_name": t("owner_name.f4"),
                "done": False,
            },
        ],
        "parking_lot": [
            {"id": "k1", "session": "s2", "text": t("parking.k1"), "status": "open"},
            {"id": "k2", "session": "s2", "text": t("parking.k2"), "status": "done"},
        ],
        "statements": [
            {
                "id": "st1",
                "session": "s2",
                "party": "p-mom",
                "at": "2026-11-25T10:12:00+00:00",
                "text": t("statement.st1"),
                "flagged": True,
                "reframe": t("reframe.st1"),
            },
            {
                "id": "st2",
                "session": "s2",
                "party": "p-dir",
                "at": "2026-11-25T10:14:00+00:00",
                "text": t("statement.st2"),
            },
        ],
        "notes": [
            {"id": "n1", "session": "s2", "text": t("note.n1"), "visibility": "joint"},
            {
                "id": "n2",
                "session": "s2",
                "text": t("note.n2"),
                "visibility": "caucus",
                "party": "p-mom",
                "shared_with_consent": False,
            },
            {
                "id": "n3",
                "session": "s2",
                "text": t("note.n3"),
                "visibility": "caucus",
                "party": "p-dir",
                "shared_with_consent": True,
                "consent_at": "2026-11-25T11:00:00+00:00",
            },
        ],
    }


def rich(kind: str = "resolution", **texts: str) -> Case:
    values = {**DEFAULT_TEXTS, **{key.replace("__", "."): value for key, value in texts.items()}}
    return case_from_document(rich_document(values.__getitem__, kind))


def consensus(case: Case, session: int | None = None) -> str:
    return render_export(case, session, "consensus", today=TODAY)


def summary(case: Case, session: int | None = None) -> str:
    return render_export(case, session, "summary", today=TODAY)


def section(markdown: str, heading: str) -> str:
    """The text of one "## heading" section."""
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:] if end == -1 else markdown[start:end]


# ---------------------------------------------------------------- consensus


def test_consensus_of_leo_reads_as_a_document_for_the_parties():
    text = consensus(leo())
    assert text.startswith("# Assistive technology for Leo\n")
    assert "**Student:** Leo" in text
    assert "**Session:** 1, Tuesday, November 10, 2026 (mediation session)" in text
    assert "- Ana Ruiz, parent (for the family)" in text
    assert "- Dr. Kim, district representative (for the school district)" in text
    agreements = section(text, "Areas of agreement")
    assert "1. Leo trials both tool sets with data collection\n" in agreements
    for detail in (
        "**Service:** Assistive technology trial",
        "**How often:** daily in ELA and science",
        "**How long:** 6 weeks",
        "**Who is responsible:** AT specialist",
        "**Goal:** Completes 80% of reading work independently",
        "**Starts:** Tuesday, December 1, 2026",
        "**Review date:** Friday, January 15, 2027",
        "**Type:** a trial",
    ):
        assert detail in agreements
    assert "Still to be settled" not in agreements
    follow_ups = section(text, "Follow-ups")
    assert "| What | Who | Due |" in follow_ups
    assert "| Send the reading progress data | Dr. Kim | Saturday, December 5, 2026 |" in follow_ups
    still_open = section(text, "Still open")
    assert "Assistive technology" in still_open
    assert "Opening and ground rules" not in still_open
    assert "Bus schedule" not in text  # the parking lot is the mediator's (summary)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_consensus_never_holds_what_was_said_noted_or_reframed():
    text = consensus(rich())
    for key in (
        "statement.st1",
        "statement.st2",
        "reframe.st1",
        "note.n1",
        "note.n2",
        "note.n3",
        "position.i1",
        "position.i2",
    ):
        assert DEFAULT_TEXTS[key] not in text, key
    for marker in ("STATEMENT", "REFRAME", "NOTE-", "CAUCUS", "POSITION"):
        assert marker not in text
    # Nor in the fixture, whose statement, reframe, caucus note and position are known.
    leo_text = consensus(leo())
    for said in (
        "You never answer my emails",
        "Timely answers to your emails",
        "Mom may accept a trial",
        "The district buys the full software package",
    ):
        assert said not in leo_text


def test_consensus_numbers_agreements_up_to_the_session_and_marks_earlier_ones():
    text = section(consensus(rich()), "Areas of agreement")
    assert "1. AGREEMENT-ONE tutoring trial (agreed in session 1)\n" in text
    assert "2. AGREEMENT-TWO speech make-up block\n" in text
    assert "3. AGREEMENT-THREE Maya belongs in science\n" in text
    assert "4. AGREEMENT-FOUR district sends evaluator names\n" in text
    assert "**Type:** a shared goal or understanding" in text
    assert "**Type:** a next step: who does what" in text
    assert "**Type:** a service to be provided" in text
    # Session 1 knows nothing of session 2's agreements, and marks nothing as earlier.
    first = section(consensus(rich(), 1), "Areas of agreement")
    assert "1. AGREEMENT-ONE tutoring trial\n" in first
    assert "AGREEMENT-TWO" not in first and "agreed in session" not in first


def test_consensus_says_in_plain_words_what_an_incomplete_agreement_misses():
    text = section(consensus(rich()), "Areas of agreement")
    g2 = text[text.index("2. AGREEMENT-TWO") : text.index("3. AGREEMENT-THREE")]
    assert "**Still to be settled:** How often and a start date" in g2
    g1 = text[text.index("1. AGREEMENT-ONE") : text.index("2. AGREEMENT-TWO")]
    assert "Still to be settled" not in g1
    blank = rich(goal__g1="   ")
    g1 = section(consensus(blank), "Areas of agreement").split("2. AGREEMENT-TWO")[0]
    assert "**Still to be settled:** A measurable goal" in g1


def test_consensus_follow_ups_name_owner_and_due_date():
    text = section(consensus(rich()), "Follow-ups")
    assert (
        "| FOLLOWUP-ONE send progress data (from session 1) | Ms Lindqvist | Saturday, December 5, 2026 |"
        in text
    )
    assert "| FOLLOWUP-TWO book the room | the mediator | Monday, November 30, 2026 (done) |" in text
    assert "| FOLLOWUP-THREE ask about bus | Tomas Okafor | no date set |" in text


def test_consensus_still_open_lists_the_sessions_unresolved_items_and_undecided_options():
    text = section(consensus(rich()), "Still open")
    for open_title in (
        "Independent evaluation again",
        "Compensatory services",
        "Transportation",
        "Summer program",
    ):
        assert f"**Topic:** {open_title} (" in text
    assert "Check-in" not in text  # resolved
    assert "Referred to IEP team topic" not in text  # referred
    assert "Independent evaluation (" not in text  # session 1's item
    assert "waiting for an evaluation or records" in text
    # Offers made in mediation are confidential discussion: no option that was not agreed
    # appears anywhere in the document, nor the parking lot.
    whole = consensus(rich())
    for key in ("option.o1", "option.o2", "option.o3", "option.o4", "option.o5", "parking.k1", "parking.k2"):
        assert DEFAULT_TEXTS[key] not in whole, key


def test_consensus_has_the_confidentiality_statement_in_plain_words():
    text = section(consensus(leo()), "Confidentiality")
    assert "34 CFR 300.506(b)(6)(i)" in text
    assert "confidential" in text
    assert "may not be used as evidence in any later due process hearing or civil proceeding" in text


def test_consensus_signature_lines_for_each_parent_or_guardian_and_the_district():
    text = section(consensus(rich()), "Signatures")
    assert "Parent: Tomas Okafor" in text
    assert "Guardian: Rosa Okafor" in text
    assert "Priya Shah" not in text  # an advocate does not sign for the family
    assert "District representative with authority to bind the district" in text
    assert text.count("Signature: ___") == 3


def test_consensus_without_a_parent_party_still_has_a_parent_line():
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    document["parties"][0]["role"] = "advocate"
    text = section(consensus(case_from_document(document)), "Signatures")
    assert "Parent or guardian, name: ___" in text
    assert text.count("Signature: ___") == 2


def test_resolution_meeting_states_the_void_date():
    text = consensus(rich("resolution"))
    # Session 2 is on Wednesday 2026-11-25: Thanksgiving and a weekend follow.
    assert "Tuesday, December 1, 2026" in section(text, "Time to change your mind")
    assert "either party may void" in text
    assert "300.510" in text
    mediation = consensus(rich("mediation"))
    assert "void" not in mediation and "Time to change your mind" not in mediation


def test_session_option_selects_the_session():
    case = rich()
    first = consensus(case, 1)
    assert "**Session:** 1, Tuesday, November 10, 2026 (mediation session)" in first
    assert "**Topic:** Independent evaluation (still open)" in first
    assert "Compensatory services" not in first
    assert "| FOLLOWUP-ONE send progress data | Ms Lindqvist |" in first
    assert "FOLLOWUP-TWO" not in first
    assert "void" not in first  # session 1 was a mediation
    assert consensus(case) == consensus(case, 2)
    assert "session 2" in summary(case) and summary(case) == summary(case, 2)


def test_missing_session_and_unknown_kind_are_one_line_errors():
    with pytest.raises(ExportError) as error:
        render_export(rich(), 7)
    assert str(error.value) == 'case "maya" has no session 7 (it has sessions 1 and 2)'
    with pytest.raises(ExportError, match="unknown export kind"):
        render_export(rich(), None, "everything")
    assert isinstance(ExportError("x"), ValueError)


# ---------------------------------------------------------------- summary


def test_summary_holds_everything_of_the_session():
    text = summary(rich())
    assert text.startswith("# Reading services for Maya: mediator's record of session 2\n")
    for key in (
        "statement.st1",
        "statement.st2",
        "reframe.st1",
        "note.n1",
        "position.i2",
        "interest.i2",
        "interest.i3",
        "option.o2",
        "option.o3",
        "option.o4",
        "option.o5",
        "agreement.g2",
        "agreement.g3",
        "agreement.g4",
        "follow_up.f2",
        "follow_up.f3",
        "parking.k1",
        "parking.k2",
        "agenda.a3",
        "agenda.a8",
    ):
        assert DEFAULT_TEXTS[key] in text, key
    # Session 1's records belong to session 1's summary.
    for key in ("interest.i1", "option.o1", "agreement.g1", "follow_up.f1"):
        assert DEFAULT_TEXTS[key] not in text, key
    assert "| 2 | Independent evaluation again (carried from session 1) |  |  | needs-data |" in text
    assert "| 3 | Compensatory services | 45 min | started 09:15 | active |" in text
    assert "**Reframe used:** REFRAME-ONE getting every minute delivered matters" in text
    assert "10:12, Tomas Okafor: STATEMENT-ONE" in text
    assert "**Position:** POSITION-TWO no more than two sessions" in text
    assert "**Interests served:** INTEREST-TWO sustainable caseload (Ms Lindqvist); INTEREST-THREE" in text
    assert "**Revises:** OPTION-TWO small group literacy" in text
    assert "**Proposed by:** the mediator" in text
    assert "**Still to be settled:** How often and a start date" in text
    assert "| FOLLOWUP-TWO book the room | the mediator | Monday, November 30, 2026 | yes |" in text
    assert "NOTE-JOINT both sides want data (joint)" in text
    # Interests are grouped by party, the family side first.
    assert text.index("### Ms Lindqvist") < text.index("### Mr Dube")


def test_caucus_text_reaches_the_summary_only_with_consent():
    text = summary(rich())
    assert "CAUCUS-PRIVATE" not in text
    assert (
        "CAUCUS-SHARED district can fund summer (caucus with Ms Lindqvist, shared with consent on Nov 25, 2026)"
        in text
    )
    # Without consent, the shared one disappears too; in the fixture the caucus note is private.
    document = rich_document()
    document["notes"][2]["shared_with_consent"] = False
    assert "CAUCUS-SHARED" not in summary(case_from_document(document))
    assert "Mom may accept a trial" not in summary(leo())
    for kind in ("consensus", "summary"):
        for number in (1, 2):
            assert "CAUCUS-PRIVATE" not in render_export(rich(), number, kind, TODAY)


def test_summary_says_none_recorded_for_empty_parts():
    text = summary(rich(), 1)
    assert section(text, "Statements").strip().endswith("None recorded.")
    assert section(text, "Notes").strip().endswith("None recorded.")


# ---------------------------------------------------------------- void date and dates


@pytest.mark.parametrize(
    ("signed", "void"),
    [
        (date(2026, 11, 25), date(2026, 12, 1)),  # Wednesday; Thanksgiving, then a weekend
        (date(2026, 7, 2), date(2026, 7, 8)),  # Thursday; July 4 is a Saturday, observed Friday July 3
        (date(2026, 12, 1), date(2026, 12, 4)),  # an ordinary week
        (date(2026, 12, 4), date(2026, 12, 9)),  # Friday: the weekend does not count
        (date(2026, 12, 23), date(2026, 12, 29)),  # Christmas on a Friday
        (date(2027, 12, 30), date(2028, 1, 5)),  # New Year 2028 is a Saturday, observed Friday Dec 31
        (date(2027, 6, 17), date(2027, 6, 23)),  # Juneteenth on a Saturday, observed Friday June 18
        (date(2026, 1, 16), date(2026, 1, 22)),  # Friday before Martin Luther King Jr. Day
        (date(2026, 11, 7), date(2026, 11, 12)),  # a Saturday session; Veterans Day Wednesday
    ],
)
def test_void_by_counts_three_business_days(signed, void):
    assert void_by(signed) == void


def test_federal_holidays_2026_match_the_opm_calendar():
    assert sorted(federal_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 19),
        date(2026, 2, 16),
        date(2026, 5, 25),
        date(2026, 6, 19),
        date(2026, 7, 3),
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 11, 11),
        date(2026, 11, 26),
        date(2026, 12, 25),
    ]
    assert date(2021, 12, 31) in federal_holidays(2021)  # New Year's Day 2022 was a Saturday
    assert date(2020, 6, 19) not in federal_holidays(2020)  # Juneteenth became a holiday in 2021


def test_long_date_is_written_out_in_english():
    assert long_date(date(2026, 12, 4)) == "Friday, December 4, 2026"
    assert long_date("2027-01-15") == "Friday, January 15, 2027"


# ---------------------------------------------------------------- escaping

MARKDOWN_TRAPS = [
    "# heading",
    "## two",
    "1. item",
    "1) item",
    "- item",
    "+ item",
    "* item",
    "| a | b |",
    "|---|---|",
    "<!-- comment",
    "<b>bold</b>",
    "<http://example.com>",
    "**strong**",
    "*em* _em_ __em__",
    "back\\slash\\",
    "\\|",
    "\\",
    "`code` ``code``",
    "```",
    "[x](y)",
    "![image](src)",
    "[ref]: http://x",
    "line one\nline two",
    "line\r\nbreak\rand\u2028more\u2029still",
    "para\n\n\ngraph",
    "emoji 😀🧑‍🤝‍🧑 done",
    "עברית מימין לשמאל",
    "مرحبا بالعالم",
    "\u202eoverride",
    "  leading and trailing  ",
    "\ttabbed\tinside",
    "    indented code",
    "&amp; &copy; &#35; &#x23; AT&T",
    "---",
    "***",
    "===",
    "> quote",
    "~~strike~~ ~one~",
    "$x$ costs $500",
    "trailing hashes ##",
    "hard break  \nnext",
    "escape ␛[31m red",  # a case file refuses the real ESC
    "\u00a0nbsp edges\u00a0",
    ":smile: 10:30",
    "a|b|c",
    "1.5 hours",
    "2024. That year",
    "a * b _c_ snake_case *x*",
    "**Goal:** a fake label",
    "[x]: http://y",
    "[x][y] [x][]",
    "~30 minutes ~~",
    "\\* \\_ \\# \\\\",
    "Read&Write &copy &#35",
    "C# ends #",
    "<a href=x>",
    "<?php",
    "<![CDATA[",
]


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts.append(child.content)
    return "".join(parts)


def _shape(tokens) -> list[tuple]:
    """The structure of parsed Markdown: block tokens, and the kinds of inline children."""
    shape = []
    for token in tokens:
        if token.type == "inline":
            kinds = []
            for child in token.children or []:
                if not (child.type == "text" and kinds and kinds[-1] == "text"):
                    kinds.append(child.type)
            shape.append(("inline", token.level, tuple(kinds)))
        else:
            shape.append((token.type, token.tag, token.nesting, token.level))
    return shape


def _texts(tokens) -> list[str]:
    return [_inline_text(t) for t in tokens if t.type == "inline"]


@pytest.mark.parametrize("text", MARKDOWN_TRAPS)
@pytest.mark.parametrize(
    "template",
    [
        "{}",
        "- {}",
        "1. {}",
        "## {}",
        "### 1. {} (agreed in session 1)",
        "**Label:** {}",
        "| {} | x |\n|---|---|\n| {} | {} |",
        "- **Topic:** {} (still open)",
    ],
)
def test_escape_inline_renders_literally_in_every_context(text, template):
    placeholder = "PLACEHOLDER"
    expected = MD.parse(template.replace("{}", placeholder))
    actual = MD.parse(template.replace("{}", escape_inline(text)))
    assert _shape(actual) == _shape(expected)
    assert _texts(actual) == [t.replace(placeholder, plain_inline(text)) for t in _texts(expected)]


def test_plain_inline_keeps_one_line_and_the_words():
    assert plain_inline("line one\nline two") == "line one / line two"
    assert plain_inline("  a  \r\n\r\n  b ") == "a / b"
    assert plain_inline("tab\there") == "tab\there"
    assert plain_inline("bell\x07") == "bell\ufffd"
    assert escape_inline("# x") == "\\# x"
    assert escape_inline("1. x") == "1\\. x"
    assert escape_inline("AT&T &amp;") == "AT&T \\&amp;"
    assert escape_inline("Dr. Kim, 80% (daily)") == "Dr. Kim, 80% (daily)"  # plain text stays readable


def _assert_same_structure(texts: dict[str, str]) -> None:
    """Rendering ``texts`` gives the structure of the placeholder case, with the texts in it.

    The summary's waiver check is held empty: whether it has something to say depends on
    the words, not on escaping (random text can say "waiver").
    """
    with mock.patch("facilitator.export.summary.rights_waived", return_value=[]):
        _compare_structure(texts)


PLACEHOLDERS = {key: f"Zq{index:03d}qZ" for index, key in enumerate(FIELDS)}
EXPORTS = list(itertools.product(("consensus", "summary"), (1, 2)))


@functools.cache
def _placeholder_exports() -> list[tuple[list[tuple], list[str]]]:
    """The shape and inline texts of each export of the placeholder case: the same for every
    example, so made once (with the waiver check held empty, like the texts compared to it)."""
    plain_case = case_from_document(rich_document(PLACEHOLDERS.__getitem__))
    with mock.patch("facilitator.export.summary.rights_waived", return_value=[]):
        parsed = [MD.parse(render_export(plain_case, number, kind, TODAY)) for kind, number in EXPORTS]
    return [(_shape(tokens), _texts(tokens)) for tokens in parsed]


def _compare_structure(texts: dict[str, str]) -> None:
    values = {**DEFAULT_TEXTS, **texts}
    user_case = case_from_document(rich_document(values.__getitem__))
    for (kind, number), (expected_shape, expected_texts) in zip(EXPORTS, _placeholder_exports(), strict=True):
        actual = MD.parse(render_export(user_case, number, kind, TODAY))
        assert _shape(actual) == expected_shape, kind
        wanted = []
        for line in expected_texts:
            for key, placeholder in PLACEHOLDERS.items():
                if placeholder in line:
                    line = line.replace(placeholder, plain_inline(values[key]))
            wanted.append(line)
        assert _texts(actual) == wanted, kind


@pytest.mark.parametrize("trap", MARKDOWN_TRAPS)
def test_every_field_holds_markdown_traps_literally(trap):
    _assert_same_structure({key: trap for key in FIELDS})


def _valid(text: str) -> bool:
    return bool(text.strip()) and not CONTROL.search(text)  # a case file refuses control characters


user_text = (
    st.lists(
        st.one_of(
            st.sampled_from(MARKDOWN_TRAPS),
            st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"), max_size=8),
        ),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(_valid)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({key: user_text for key in FIELDS}))
def test_any_text_in_any_field_stays_text(texts):
    _assert_same_structure(texts)


def test_export_does_not_change_the_case():
    case = rich()
    before = copy.deepcopy(case.dump())
    consensus(case)
    summary(case)
    assert case.dump() == before


def test_plain_text_reads_as_typed_in_the_raw_markdown():
    # Escapes only where a character would otherwise become structure.
    for text in (
        "Read&Write",
        "AT&T",
        "snake_case_name",
        "a * b",
        "$500 and $600",
        "C# and F#",
        "Room #5",
        "80% (daily)",
        "-5 degrees",
        "1.5 hours",
        "Dr. Kim, M.Ed.",
        "x < 5 and y > 3",
        "[TODO] call",
        "5 + 3 = 8",
    ):
        assert escape_inline(text) == text, text
    for text, escaped in (
        ("# heading", "\\# heading"),
        ("1. item", "1\\. item"),
        ("- item", "\\- item"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("a | b", "a \\| b"),
        ("<!-- x", "\\<!-- x"),
        ("`code`", "\\`code\\`"),
        ("&amp;", "\\&amp;"),
        ("[x](y)", "[x\\](y)"),
        ("the end \\", "the end \\\\"),
    ):
        assert escape_inline(text) == escaped, text


def test_export_of_a_large_case_is_complete():
    document = rich_document()
    base = copy.deepcopy(document["agreements"][1])
    for n in range(2000):
        document["agreements"].append({**base, "id": f"gx{n}"})
    case = case_from_document(document)
    assert "2004. AGREEMENT-TWO" in render_export(case, None, "consensus", TODAY)
    assert render_export(case, None, "summary", TODAY).count("AGREEMENT-TWO") == 2001


def test_a_table_cell_escapes_only_what_a_cell_can_hold():
    from facilitator.export.document import Document, Span, Table
    from facilitator.export.markdown import render_markdown

    table = Table(header=("#", "What"), rows=(((Span("2026. A year"),), (Span("- a | b"),)),))
    text = render_markdown(Document(title="t", session_number=1, kind="consensus", blocks=(table,)))
    assert "| # | What |" in text
    assert "| 2026. A year | - a \\| b |" in text
    cells = [t.content for t in MarkdownIt("commonmark").enable("table").parse(text) if t.type == "inline"]
    assert cells == ["#", "What", "2026. A year", "- a | b"]
