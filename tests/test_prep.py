"""The preparation checklist, `facilitator prep` (DESIGN.md section 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from facilitator.model import case_from_document
from facilitator.prep import current_session, prep_json, render_prep

FIXTURE = Path(__file__).parent / "fixtures" / "leo.json"

DOCUMENTS = [
    {"id": "d1", "party": "p-mom", "title": "Private OT evaluation", "kind": "iee", "status": "received", "session": "s2"},
    {"id": "d2", "party": "p-dir", "title": "Progress reports, fall term", "kind": "progress-report", "status": "requested", "due": "2026-12-04"},
    {"id": "d3", "party": "mediator", "title": "Agenda for session 2", "kind": "other", "status": "shared"},
    {"id": "d4", "party": "p-dir", "title": "Current IEP", "kind": "iep", "status": "needed", "session": "s1"},
    {"id": "d5", "party": "p-mom", "title": "Emails since September", "kind": "communication-log", "status": "needed"},
]  # fmt: skip


def prepared_document() -> dict:
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    document["sessions"].append(
        {
            "id": "s2",
            "number": 2,
            "date": "2026-12-10",
            "status": "planned",
            "kind": "mediation",
            "agenda": [],
        }
    )
    document["documents"] = [dict(d) for d in DOCUMENTS]
    return document


def test_prep_json_lists_every_document_and_the_missing_ones():
    found = prep_json(case_from_document(prepared_document()))
    assert list(found) == ["case", "session", "documents", "missing"]
    assert found["case"] == "leo-at-2026" and found["session"] == 2  # the planned one
    assert [d["id"] for d in found["documents"]] == ["d1", "d2", "d3", "d4", "d5"]
    assert found["documents"][1] == {
        "id": "d2",
        "title": "Progress reports, fall term",
        "party": "p-dir",
        "party_name": "Dr. Kim",
        "kind": "progress-report",
        "status": "requested",
        "due": "2026-12-04",
        "session": None,
    }
    assert found["documents"][2]["party_name"] == "Mediator"
    assert found["missing"] == ["d2", "d4", "d5"]


def test_the_current_session_is_the_live_one_else_the_next_planned_else_the_latest():
    document = prepared_document()
    assert current_session(case_from_document(document)).number == 2
    document["sessions"][0]["status"] = "live"
    assert current_session(case_from_document(document)).number == 1
    document["sessions"][0]["status"] = "closed"
    document["sessions"][1]["status"] = "closed"
    assert current_session(case_from_document(document)).number == 2


def test_prep_text_is_a_checklist_grouped_by_who_brings_each_document():
    text = render_prep(case_from_document(prepared_document()), "text")
    assert text.splitlines() == [
        "Assistive technology for Leo (leo-at-2026)",
        "Preparation for session 2, Thursday, December 10, 2026",
        "",
        "3 of 5 documents still to come.",
        "",
        "Ana Ruiz (parent)",
        "  [x] Private OT evaluation — iee, received",
        "  [ ] Emails since September — communication-log, needed",
        "",
        "Dr. Kim (district)",
        "  [ ] Progress reports, fall term — progress-report, requested, due Dec 4, 2026",
        "  [ ] Current IEP — iep, needed, for session 1",
        "",
        "Mediator",
        "  [x] Agenda for session 2 — other, shared",
    ]


def test_prep_markdown_is_a_task_list_under_one_heading_per_bringer():
    document = prepared_document()
    document["documents"][0]["title"] = "# IEE | <b>OT</b> *draft*"
    markdown = render_prep(case_from_document(document), "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Preparation for session 2, Thursday, December 10, 2026: Assistive technology for Leo",
        "Ana Ruiz (parent)",
        "Dr. Kim (district)",
        "Mediator",
    ]
    assert [t.type for t in tokens].count("list_item_open") == 5
    children = [c for t in tokens for c in t.children or []]
    assert not any(c.type in ("html_inline", "em_open") for c in children)
    assert any(c.content == "[x] # IEE | <b>OT</b> *draft* — iee, received" for c in children)


def test_prep_without_documents_says_so():
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    case = case_from_document(document)
    assert "No documents on the checklist yet." in render_prep(case, "text")
    assert prep_json(case) == {"case": "leo-at-2026", "session": 1, "documents": [], "missing": []}
    with pytest.raises(ValueError, match="unknown prep format"):
        render_prep(case, "pdf")


# ---------------------------------------------------------------- the command


def test_prep_from_the_command_line_writes_nothing(run_cli, tmp_path, home):
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(prepared_document()), "utf-8")
    assert run_cli("import", source).code == 0
    before = sorted(p.relative_to(home) for p in home.rglob("*"))
    found = run_cli("prep", "leo-at-2026", "--format", "json")
    assert found.code == 0 and json.loads(found.out)["missing"] == ["d2", "d4", "d5"]
    assert "[ ] Current IEP" in run_cli("prep", "leo-at-2026").out
    assert run_cli("prep", "leo-at-2026", "--format", "markdown").out.startswith(
        "# Preparation for session 2"
    )
    assert sorted(p.relative_to(home) for p in home.rglob("*")) == before


def test_prep_of_a_case_whose_document_names_a_removed_party_is_one_line(run_cli, tmp_path, home):
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(prepared_document()), "utf-8")
    assert run_cli("import", source).code == 0
    # Another program removed the district from the case file, leaving its documents behind.
    path = home / "cases" / "leo-at-2026.json"
    database = json.loads(path.read_text("utf-8"))
    database["parties"] = {k: v for k, v in database["parties"].items() if v["id"] != "p-dir"}
    path.write_text(json.dumps(database), "utf-8")
    line = run_cli("prep", "leo-at-2026").error_line()
    assert "does not match any party" in line
    listed = run_cli("list")
    assert listed.code == 0 and listed.out.startswith("leo-at-2026  (cannot be read:")


def test_prep_of_an_unknown_case_is_one_line(run_cli, home):
    assert "no case" in run_cli("prep", "nobody").error_line()
