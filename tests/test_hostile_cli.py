"""Hostile case files through the command line only, the way a checker from outside runs them
(DESIGN.md sections 3, 5 and 8): each either gives the documented output, intact, or one
``facilitator: error:`` line, and never leaves a changed case behind."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pypdfium2 as pdfium


def import_document(run_cli, tmp_path: Path, document: dict) -> str:
    source = tmp_path / "case.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    result = run_cli("import", source)
    assert result.code == 0, result.err
    return str(document["id"])


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_a_long_case_title_exports_to_docx(run_cli, tmp_path, leo_document):
    title = "Reading, writing and assistive technology for Leo " * 8  # 400 characters
    case_id = import_document(run_cli, tmp_path, dict(leo_document, title=title))
    out = tmp_path / "agreement.docx"
    result = run_cli("export", case_id, "--format", "docx", "-o", out)
    assert result.code == 0, result.err
    headings = [
        p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs if p.style.name == "Title"
    ]
    assert headings == [title.strip()]


def test_a_tab_typed_in_a_field_reads_as_a_space_in_the_pdf(run_cli, tmp_path, leo_document):
    leo_document["agreements"][0]["text"] = "Leo trials\tboth tool sets"
    case_id = import_document(run_cli, tmp_path, leo_document)
    out = tmp_path / "agreement.pdf"
    assert run_cli("export", case_id, "--format", "pdf", "-o", out).code == 0
    text = pdf_text(out)
    assert "Leo trials both tool sets" in text
    assert "\ufffd" not in text


def test_a_template_with_a_time_box_of_thousands_of_digits_is_refused_alone(run_cli, home):
    agendas = home / "agendas"
    agendas.mkdir(parents=True)
    (agendas / "runaway.md").write_text("# Runaway\n\n## Reading (" + "9" * 5000 + " min)\n", "utf-8")
    listed = run_cli("agendas")
    assert listed.code == 0
    assert "iep-mediation" in listed.out  # the other templates are still listed
    assert "runaway.md:3: time box" in listed.err and "longer than a week" in listed.err
    made = run_cli("new", "Reading for Leo", "--student", "Leo", "--agenda", "runaway")
    assert "runaway.md:3: time box" in made.error_line()


def test_reframe_json_is_one_object_a_line_even_with_unicode_line_separators(run_cli):
    typed = "You never\u2028listen\u2029to us"
    result = run_cli("reframe", "--json", stdin=typed + "\nYou always ignore us\n")
    assert result.code == 0
    lines = result.out.splitlines()  # what a reader of "one object a line" does
    assert len(lines) == 2
    assert json.loads(lines[0])["text"] == typed


def test_a_session_number_of_thousands_of_digits_is_refused_and_the_last_one_ends_the_case(
    run_cli, tmp_path, leo_document
):
    source = tmp_path / "case.json"
    source.write_text(json.dumps(leo_document).replace('"number": 1', '"number": ' + "9" * 4300), "utf-8")
    assert 'sessions[0] (id "s1"): number' in run_cli("import", source).error_line()
    assert not (tmp_path / "home" / "cases").exists() or not any((tmp_path / "home" / "cases").iterdir())

    leo_document["sessions"][0]["number"] = 9_999
    case_id = import_document(run_cli, tmp_path, leo_document)
    assert "at most 9,999 sessions" in run_cli("next", case_id).error_line()
    assert json.loads(run_cli("dump", case_id).out) == leo_document


def test_a_field_of_one_100000_character_word_exports_to_pdf_without_hanging(run_cli, tmp_path, leo_document):
    # Each line broken off such a word measured the whole rest again (minutes for a megabyte),
    # and every page's footer measured the whole title.
    leo_document["title"] = "T" * 100_000
    leo_document["agreements"][0]["text"] = "x" * 100_000
    case_id = import_document(run_cli, tmp_path, leo_document)
    out = tmp_path / "agreement.pdf"
    assert run_cli("export", case_id, "--format", "pdf", "-o", out, timeout=10).code == 0
    text = "".join(pdf_text(out).split())
    assert "T…Page1of" in text  # the footer's title is cut to its line
    assert "x" * 100_000 in re.sub(r"T+…Page\d+of\d+", "", text)  # wrapped across pages, not cut


def test_reframe_with_stdin_closed_says_where_statements_come_from(run_cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", None)  # what Python gives a process started with stdin closed
    assert "give them as TEXT" in run_cli("reframe", "--json").error_line()


def test_a_case_of_twenty_thousand_options_exports_its_summary_without_hanging(
    run_cli, tmp_path, leo_document
):
    # Each option looked up its agenda item and its interests by scanning the whole case.
    many = 20_000
    leo_document["sessions"][0]["agenda"] += [
        {"id": f"a-{n}", "title": f"Topic {n}", "status": "open"} for n in range(2_000)
    ]
    leo_document["interests"] = [
        {"id": f"i-{n}", "party": "p-mom", "session": "s1", "text": f"Interest {n}"} for n in range(many)
    ]
    leo_document["options"] = [
        {
            "id": f"o-{n}",
            "session": "s1",
            "agenda_item": f"a-{n % 2_000}",
            "proposed_by": "p-dir",
            "text": f"Option {n}",
            "addresses": [f"i-{n}", f"i-{(n * 7) % many}"],
            "status": "proposed",
        }
        for n in range(many)
    ]
    leo_document["agreements"][0]["option"] = "o-1"
    case_id = import_document(run_cli, tmp_path, leo_document)
    result = run_cli("export", case_id, "--kind", "summary", timeout=30)
    assert result.code == 0, result.err
    assert "- Option 19999" in result.out
    assert "**Interests served:** Interest 19999 (Ana Ruiz); Interest 19993 (Ana Ruiz)" in result.out
    assert "**Agenda item:** Topic 1999" in result.out


def test_a_bad_party_is_named_as_a_party(run_cli):
    done = run_cli("new", "T", "--student", "Leo", "--agenda", "check-in", "--party", "Ana\x1b:parent:family")
    assert done.code == 1
    assert "party: name: contains a control character" in done.err and "case: name" not in done.err


def test_a_closed_standard_output_is_one_line(tmp_path):
    command = f"'{sys.executable}' -m facilitator agendas >&-"
    env = {"FACILITATOR_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert (
        done.stderr.strip() == "facilitator: error: standard output is closed, so there is nowhere to print"
    )
