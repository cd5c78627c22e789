"""The quiet check of agreement text that gives up rights (information for the mediator)."""

from __future__ import annotations

import pytest
from test_export import rich_document

from facilitator.export import rights_waived
from facilitator.model import Agreement, case_from_document


def agreement(text: str, **details: str) -> Agreement:
    return Agreement.model_validate(
        {"id": "g1", "session": "s1", "kind": "procedural", "text": text, **details}
    )


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        (
            "The parents waive their right to a due process hearing on these issues",
            "waiver",
            "waive their right to a due",
        ),
        (
            "This is a waiver of due process for the 2026-27 school year",
            "waiver",
            "waiver of due process for the",
        ),
        (
            "The family releases the district from all claims through June",
            "release",
            "releases the district from all claims",
        ),
        ("A full and final settlement of the dispute", "release", "full and final settlement"),
        (
            "The parents will withdraw the state complaint within five days",
            "withdrawal",
            "withdraw the state complaint",
        ),
        ("The family withdraws its due process request", "withdrawal", "withdraws its due process"),
        (
            "The parents agree not to file a new complaint about reading",
            "promise not to file",
            "agree not to file",
        ),
        ("The family will not pursue compensatory claims", "promise not to file", "will not pursue"),
    ],
)
def test_words_that_give_up_rights_are_found(text, kind, words):
    found = rights_waived(agreement(text))
    assert [(w.kind, w.words) for w in found] == [(kind, words)]
    assert found[0].agreement == "g1"
    assert "make sure the parents understand" in found[0].sentence


@pytest.mark.parametrize(
    "text",
    [
        "Leo trials both tool sets with data collection",
        "The district releases the progress reports to the family every Friday",
        "Speech therapy twice a week; the parents file the consent form",
        "The district will share the evaluation before the IEP meeting",
    ],
)
def test_ordinary_agreements_raise_nothing(text):
    assert rights_waived(agreement(text)) == []


def test_details_are_checked_too():
    found = rights_waived(agreement("Reading services", goal="Family waives the IEE request"))
    assert [w.kind for w in found] == ["waiver"]


def test_a_case_is_checked_as_the_parents_would_sign_it():
    document = rich_document(kind="mediation")
    document["agreements"][3]["text"] = "The parents agree not to file for due process this year"
    document["parties"][2].update(role="other", side="neutral")  # no advocate for the family
    found = rights_waived(case_from_document(document))
    assert [(w.agreement, w.kind) for w in found] == [("g4", "promise not to file")]
    assert found[0].sentence.startswith("Agreement 4 promises not to file")
    assert "no attorney or advocate" in found[0].sentence
    # An amendment that drops the words drops the finding.
    document["sessions"].append(
        {"id": "s3", "number": 3, "date": "2026-12-09", "status": "live", "kind": "mediation", "agenda": []}
    )
    document["agreements"].append(
        {
            "id": "g9",
            "session": "s3",
            "kind": "procedural",
            "amends": "g4",
            "text": "The district sends names",
        }
    )
    assert rights_waived(case_from_document(document)) == []
