"""`-o FILE` (DESIGN.md section 5): only a regular file, never over an existing one without
--force, never inside the data folder's cases/ or backups/, never a partial file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

LEO = "leo-at-2026"


@pytest.fixture
def leo_home(run_cli, home, tmp_path, leo_document) -> Path:
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document, ensure_ascii=False), "utf-8")
    assert run_cli("import", source).code == 0
    return home


@pytest.mark.parametrize("command", [("export", LEO), ("dump", LEO)])
def test_the_live_case_file_cannot_be_overwritten(run_cli, leo_home, command):
    case_file = leo_home / "cases" / f"{LEO}.json"
    before = case_file.read_bytes()
    for force in ([], ["--force"]):
        line = run_cli(*command, "-o", case_file, *force).error_line()
        assert "cases/" in line
    assert case_file.read_bytes() == before
    assert run_cli("list").code == 0


def test_nothing_is_written_into_backups(run_cli, leo_home):
    target = leo_home / "backups" / "new.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert "backups/" in run_cli("export", LEO, "-o", target).error_line()
    assert not target.exists()


def test_a_path_into_cases_through_a_symlinked_folder_is_refused(run_cli, leo_home, tmp_path):
    link = tmp_path / "sneaky"
    link.symlink_to(leo_home / "cases")
    before = (leo_home / "cases" / f"{LEO}.json").read_bytes()
    run_cli("export", LEO, "-o", link / f"{LEO}.json", "--force").error_line()
    assert (leo_home / "cases" / f"{LEO}.json").read_bytes() == before


def test_an_existing_file_needs_force(run_cli, leo_home, tmp_path):
    target = tmp_path / "agreement.md"
    target.write_text("the mediator's own notes", "utf-8")
    line = run_cli("export", LEO, "-o", target).error_line()
    assert "--force" in line
    assert target.read_text("utf-8") == "the mediator's own notes"
    assert run_cli("export", LEO, "-o", target, "--force").code == 0
    assert target.read_text("utf-8").startswith("# ")
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)


def test_a_hard_link_to_the_case_file_is_never_written_through(run_cli, leo_home, tmp_path):
    case_file = leo_home / "cases" / f"{LEO}.json"
    before = case_file.read_bytes()
    alias = tmp_path / "alias.json"
    os.link(case_file, alias)
    run_cli("export", LEO, "-o", alias, "--force").error_line()
    assert case_file.read_bytes() == before


def test_a_symlink_stays_a_symlink(run_cli, leo_home, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("keep", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert "symbolic link" in run_cli("export", LEO, "-o", link, "--force").error_line()
    assert link.is_symlink() and real.read_text("utf-8") == "keep"


@pytest.mark.parametrize("special", ["fifo", "folder", "device"])
def test_only_a_regular_file_is_written(run_cli, leo_home, tmp_path, special):
    if special == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    elif special == "folder":
        target = tmp_path / "folder"
        target.mkdir()
    else:
        target = Path("/dev/null")
    run_cli("export", LEO, "-o", target, "--force").error_line()
    if special == "device":
        assert target.is_char_device()


def test_a_missing_folder_is_one_line(run_cli, leo_home, tmp_path):
    run_cli("dump", LEO, "-o", tmp_path / "nowhere" / "x.json").error_line()
    assert not (tmp_path / "nowhere").exists()


def test_a_new_file_is_complete_and_private(run_cli, leo_home, tmp_path):
    target = tmp_path / "case.json"
    assert run_cli("dump", LEO, "-o", target).code == 0
    assert json.loads(target.read_text("utf-8"))["id"] == LEO
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
