"""The command line (DESIGN.md section 5): new, list, import, dump, delete, usage errors.

Errors are one line on stderr starting ``facilitator: error:`` with exit 1; usage errors
exit 2 with the usage text; no traceback ever reaches the user. Import, dump and every
rule of the case file format are in test_model.py; the store's commands in test_store.py.
"""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import date
from pathlib import Path

import pytest

from facilitator.store import Store

LEO = "leo-at-2026"


def import_leo(run_cli, tmp_path: Path, document: dict) -> None:
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    result = run_cli("import", source)
    assert result.code == 0, result.err


@pytest.fixture
def agendas():
    """`new` needs the agenda templates (facilitator/agenda.py and agendas/*.md)."""
    agenda = pytest.importorskip("facilitator.agenda")
    templates, problems = agenda.list_templates(Path("/nonexistent"))
    if not any(t.name == "iep-mediation" for t in templates):
        pytest.skip("the shipped agenda templates are not there yet")
    return {t.name: t for t in templates}


# ---------------------------------------------------------------- new


def test_new_case_with_parties_and_an_agenda(run_cli, home, agendas):
    result = run_cli(
        "new",
        "Reading services for Maya",
        "--student",
        "Maya",
        "--agenda",
        "iep-mediation",
        "--party",
        "Tomás Okafor:parent:family",
        "--party",
        "Ms. Lindqvist:district:school",
        "--party",
        "Priya Shah: Advocate : FAMILY",
        "--date",
        "2026-11-10",
    )
    assert result.code == 0, result.err
    assert result.err == ""
    case_id = result.out.strip()
    assert case_id == "reading-services-for-maya"

    case = Store(home).read(case_id)
    assert case.title == "Reading services for Maya" and case.student == "Maya"
    assert [(p.id, p.name, p.role, p.side) for p in case.parties] == [
        ("p1", "Tomás Okafor", "parent", "family"),
        ("p2", "Ms. Lindqvist", "district", "school"),
        ("p3", "Priya Shah", "advocate", "family"),
    ]
    (session,) = case.sessions
    template = agendas["iep-mediation"]
    assert (session.id, session.number, session.date, session.status) == ("s1", 1, "2026-11-10", "planned")
    assert session.kind == template.kind
    assert [item.title for item in session.agenda] == [item.title for item in template.items]
    assert [item.minutes for item in session.agenda] == [item.minutes for item in template.items]
    assert all(item.status == "open" for item in session.agenda)
    assert [item.id for item in session.agenda] == [f"a{n}" for n in range(1, len(template.items) + 1)]
    assert case.interests == case.options == case.agreements == []


def test_new_case_names_who_signs_and_who_binds_the_district(run_cli, home):
    parties = ["--party", "Tomás Okafor:parent:family", "--party", "Ms. Lindqvist:district:school"]
    parties += ["--party", "Priya Shah:advocate:family", "--party", "Mr. Dube:case-manager:school"]
    result = run_cli(
        "new", "Maya", "--student", "Maya", "--agenda", "iep-mediation", *parties,
        "--authority", "ms.  lindqvist", "--signs", "Priya Shah",
    )  # fmt: skip
    assert result.code == 0, result.err
    case = Store(home).read(result.out.strip())
    assert [(p.name, p.signer, bool(p.authority)) for p in case.parties] == [
        ("Tomás Okafor", True, False),
        ("Ms. Lindqvist", True, True),
        ("Priya Shah", True, False),
        ("Mr. Dube", False, False),
    ]
    exported = run_cli("export", case.id).out
    assert "District representative with authority to bind the district: Ms. Lindqvist" in exported

    wrong_side = run_cli(
        "new", "X", "--student", "M", "--agenda", "check-in", *parties, "--authority", "Priya Shah"
    )
    assert "sits on the school side" in wrong_side.error_line()
    unknown = run_cli("new", "X", "--student", "M", "--agenda", "check-in", *parties, "--signs", "Nobody")
    assert '--signs "Nobody" names no --party' in unknown.error_line()
    assert len(Store(home).case_ids()) == 1  # nothing made by a refused command


def test_new_case_gets_a_free_id_and_today_by_default(run_cli, home, agendas):
    first = run_cli(
        "new",
        "Reading for Maya",
        "--student",
        "Maya",
        "--agenda",
        "resolution-meeting",
        "--party",
        "A:parent:family",
    )
    second = run_cli(
        "new",
        "Reading for Maya",
        "--student",
        "Maya",
        "--agenda",
        "resolution-meeting",
        "--party",
        "A:parent:family",
    )
    assert (first.out, second.out) == ("reading-for-maya\n", "reading-for-maya-2\n")
    case = Store(home).read("reading-for-maya-2")
    assert case.sessions[0].date == date.today().isoformat()
    assert case.sessions[0].kind == "resolution"


def test_new_case_with_chosen_id_and_odd_title(run_cli, home, agendas):
    title = "# [b]Léa's[/b] | case `one` <!-- \\"
    result = run_cli(
        "new",
        title,
        "--student",
        "Léa",
        "--agenda",
        "check-in",
        "--id",
        "lea-1",
        "--party",
        "Ana: Ruiz:parent:family",
    )
    assert result.code == 0, result.err
    case = Store(home).read("lea-1")
    assert case.title == title
    assert case.parties[0].name == "Ana: Ruiz"  # only the last two colons separate role and side
    assert (
        run_cli(
            "new",
            "Other",
            "--student",
            "X",
            "--agenda",
            "check-in",
            "--id",
            "lea-1",
            "--party",
            "A:parent:family",
        )
        .error_line()
        .endswith("choose another --id")
    )


def test_new_case_without_parties_says_so(run_cli, home, agendas):
    result = run_cli("new", "Quick case", "--student", "Sam", "--agenda", "check-in")
    assert result.code == 0
    assert result.err.startswith("facilitator: note: ") and "Traceback" not in result.err
    assert len(Store(home).read("quick-case").parties) == 1


@pytest.mark.parametrize(
    "args, words",
    [
        (["--party", "Ana Ruiz"], "Name:role:side"),
        (["--party", ":parent:family"], "Name:role:side"),
        (["--party", "Ana:mother:family"], "role must be one of"),
        (["--party", "Ana:parent:home"], "side must be one of"),
        (["--agenda-x"], None),
        (["--id", "Not A Slug", "--party", "A:parent:family"], "id"),
        (["--student", " ", "--party", "A:parent:family"], "student"),
        (["--student", "x" * 2_000_000, "--party", "A:parent:family"], "student"),
        (["--party", "x" * 2_000_000 + ":parent:family"], "name"),
    ],
    ids=[
        "no-colons",
        "no-name",
        "bad-role",
        "bad-side",
        "usage",
        "bad-id",
        "blank-student",
        "long-student",
        "long-name",
    ],
)
def test_new_case_refuses_bad_input_and_writes_nothing(args, words, run_cli, home, agendas):
    base = ["new", "A title", "--agenda", "iep-mediation"]
    if "--student" not in args:
        base += ["--student", "Leo"]
    result = run_cli(*base, *args)
    if words is None:
        assert result.code == 2 and "usage:" in result.err
    else:
        line = result.error_line()
        assert words in line, line
    assert not list(home.glob("cases/*.json"))


def test_new_case_with_an_unknown_agenda(run_cli, home, agendas):
    line = run_cli("new", "T", "--student", "S", "--agenda", "no-such-agenda").error_line()
    assert "no-such-agenda" in line and "facilitator agendas" in line
    assert not list(home.glob("cases/*.json"))


def test_agendas_lists_the_shipped_templates(run_cli, agendas):
    result = run_cli("agendas")
    assert result.code == 0
    names = [line.split()[0] for line in result.out.splitlines()]
    assert names == sorted(agendas)


# ---------------------------------------------------------------- list


def test_list_without_cases(run_cli, home):
    pytest.importorskip("facilitator.review")
    result = run_cli("list")
    assert result.code == 0
    assert result.out == ""
    assert "no cases yet" in result.err


def test_list_shows_each_case_on_one_line(run_cli, tmp_path, leo_document):
    pytest.importorskip("facilitator.review")
    import_leo(run_cli, tmp_path, leo_document)
    other = dict(leo_document, id="maya-2026", title="Reading\nservices  for Maya")
    import_leo(run_cli, tmp_path, other)
    result = run_cli("list")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == ["leo-at-2026", "maya-2026"]
    assert re.search(r"Assistive technology for Leo\s+1 session\s+2026-11-10\s+\d+ open$", lines[0]), lines[0]
    assert "Reading services for Maya" in lines[1]  # the title on one line


# ---------------------------------------------------------------- dump


def test_dump_to_a_file_is_private_and_equals_stdout(run_cli, tmp_path, leo_document):
    import_leo(run_cli, tmp_path, leo_document)
    out = tmp_path / "exports" / "leo-dump.json"
    out.parent.mkdir()
    result = run_cli("dump", LEO, "-o", out)
    assert result.code == 0 and result.out == ""
    assert os.name != "posix" or stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text("utf-8") == run_cli("dump", LEO).out
    assert json.loads(out.read_text("utf-8")) == leo_document
    # Dumping over an existing file needs --force, and replaces it, still private.
    assert "--force" in run_cli("dump", LEO, "-o", out).error_line()
    assert run_cli("dump", LEO, "-o", out, "--force").code == 0
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_dump_to_a_missing_folder_is_one_line(run_cli, tmp_path, leo_document):
    import_leo(run_cli, tmp_path, leo_document)
    line = run_cli("dump", LEO, "-o", tmp_path / "nowhere" / "x.json").error_line()
    assert "x.json" in line


def test_dumped_file_imports_on_another_laptop(run_cli, run_process, tmp_path, leo_document, monkeypatch):
    import_leo(run_cli, tmp_path, leo_document)
    dump = tmp_path / "transfer.json"
    assert run_cli("dump", LEO, "-o", dump).code == 0
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "other-laptop"))
    assert run_cli("import", dump).out == f"{LEO}\n"
    assert json.loads(run_cli("dump", LEO).out) == leo_document


# ---------------------------------------------------------------- usage and errors


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["new"],
        ["new", "Title"],
        ["new", "Title", "--student", "S"],
        ["dump"],
        ["import"],
        ["review"],
        ["review", LEO, "--format", "pdf"],
        ["export", LEO, "--session", "two"],
        ["export", LEO, "--kind", "everything"],
        ["next", LEO, "--date", "10/11/2026"],
        ["next", LEO, "--date", "2026-02-30"],
        ["new", "T", "--student", "S", "--agenda", "a", "--date", "tomorrow"],
        ["restore", LEO, "--from", "newest"],
        ["delete"],
        ["list", "--all"],
        ["--no-such-option"],
    ],
    ids=lambda args: " ".join(args),
)
def test_usage_errors_exit_2_with_usage(args, run_cli, home):
    result = run_cli(*args)
    assert result.code == 2, (result.code, result.err)
    assert "usage: facilitator" in result.err
    assert "Traceback" not in result.err
    assert not home.exists() or not list(home.glob("cases/*.json"))


def test_help_and_version(run_cli):
    result = run_cli("--help")
    assert result.code == 0 and "usage: facilitator" in result.out
    for command in ["new", "list", "import", "dump", "restore", "delete", "review", "export", "next"]:
        assert command in result.out
    version = run_cli("--version")
    assert version.code == 0 and version.out.startswith("facilitator ")


@pytest.mark.parametrize(
    "args",
    [
        ["dump", "nobody"],
        ["dump", "../../etc/passwd"],
        ["dump", ""],
        ["open", "nobody"],
        ["review", "nobody"],
        ["export", "nobody"],
        ["next", "nobody"],
        ["restore", "nobody"],
        ["restore", "nobody", "--list"],
        ["delete", "nobody", "--yes"],
        ["import", "/"],
        ["import", "/nonexistent/case.json"],
    ],
    ids=lambda args: " ".join(args),
)
def test_errors_are_one_line_without_traceback(args, run_cli, home):
    line = run_cli(*args).error_line()
    assert len(line) < 300
    assert not home.exists() or not list(home.glob("cases/*"))


def test_export_of_a_missing_session_is_one_line(run_cli, tmp_path, leo_document):
    pytest.importorskip("facilitator.export")
    import_leo(run_cli, tmp_path, leo_document)
    line = run_cli("export", LEO, "--session", "7").error_line()
    assert "7" in line


def test_the_installed_command_runs_as_a_module(run_process, tmp_path, leo_document, home):
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document, ensure_ascii=False), "utf-8")
    imported = run_process("import", source)
    assert (imported.code, imported.out, imported.err) == (0, f"{LEO}\n", "")
    assert json.loads(run_process("dump", LEO).out) == leo_document
    missing = run_process("dump", "nobody")
    assert missing.error_line() == 'facilitator: error: no case "nobody"; see `facilitator list`'
    usage = run_process("dump")
    assert usage.code == 2 and usage.err.startswith("usage: facilitator dump")
    assert os.name != "posix" or stat.S_IMODE(home.stat().st_mode) == 0o700
    assert sorted(os.listdir(home)) == ["backups", "cases"]


def test_record_lists_written_null_come_back_null(run_cli, home, leo_document, tmp_path):
    for name in ("interests", "statements", "notes", "parking_lot"):
        leo_document[name] = None
    leo_document["options"][0]["addresses"] = []
    leo_document["agreements"][0].pop("option")
    source = tmp_path / "nulls.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    assert run_cli("import", source).code == 0
    dumped = run_cli("dump", leo_document["id"])
    assert json.loads(dumped.out) == leo_document


def test_facilitator_alone_opens_the_case_just_made(run_cli, home):
    made = run_cli(
        "new", "Speech for Sam", "--student", "Sam", "--agenda", "check-in", "--party", "A:parent:family"
    )
    assert made.code == 0
    assert Store(home).last_opened() == made.out.strip()


# ---------------------------------------------------------------- reframe reads safely


def test_reframe_refuses_an_endless_line_without_reading_it_all(home):
    import subprocess
    import sys

    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", "reframe", "--json"],
            stdin=zeros,
            capture_output=True,
            env={**os.environ, "FACILITATOR_HOME": str(home)},
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr.decode().startswith("facilitator: error: a line on stdin is longer than")


def test_reframe_reads_an_argument_that_is_not_utf8_as_words(run_process):
    result = run_process("reframe", "--json", os.fsdecode(b"\xff you never listen"))
    assert result.code == 0, result.err
    assert json.loads(result.out)["text"] == "\ufffd you never listen"


def test_a_bidirectional_override_never_reorders_a_terminal_line(run_cli, tmp_path, leo_document):
    leo_document["title"] = "Leo \u202eevil\u202c tail"
    import_leo(run_cli, tmp_path, leo_document)
    out = run_cli("list").out
    assert "\u202e" not in out and "\\u202e" in out
