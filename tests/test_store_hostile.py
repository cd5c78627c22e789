"""Hostile files, paths and terminals (DESIGN.md sections 5 and 10), each as a user meets it.

Every test here failed on the store before it was rebuilt (issue 11): a case file copied under
another name, a FIFO where a file should be, an export of another case removed, a backup
dated by its file's modification time, an error line of 100 KB, an escape sequence printed
raw, a board started without a terminal.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import facilitator.store as store_module
from facilitator.model import Case, Interest
from facilitator.store import (
    BACKUPS_KEPT,
    CaseChanged,
    CorruptCase,
    RefusedValue,
    Store,
    StoreError,
    UnreadableFile,
    WriteFailed,
    read_limited,
)

LEO = "leo-at-2026"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files: FIFOs, devices, modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def ring_name(seconds: float) -> str:
    """The name the backup ring gives a state kept ``seconds`` from now."""
    return f"{datetime.now(UTC) + timedelta(seconds=seconds):%Y%m%dT%H%M%S%fZ}.json"


def add_interest(case: Case, n: int) -> Case:
    interest = Interest(id=f"i-{n}", party="p-dir", session="s1", text=f"Interest number {n}")
    return case.model_copy(update={"interests": [*case.interests, interest]})


@pytest.fixture
def store(home: Path) -> Store:
    return Store(home)


@pytest.fixture
def imported(run_cli, home, tmp_path, leo_document) -> Store:
    """A fresh data folder with the sample case imported through the command line."""
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    assert run_cli("import", source).code == 0
    return Store(home)


def import_as(run_cli, tmp_path: Path, document: dict, case_id: str) -> None:
    source = tmp_path / f"{case_id}.source.json"
    source.write_text(json.dumps(dict(document, id=case_id)), "utf-8")
    result = run_cli("import", source)
    assert result.code == 0, result.err


# ---------------------------------------------------------------- 1. -o FILE


def test_output_with_a_long_name_is_written(imported, run_cli, tmp_path):
    """A 240-byte name is a legal file name; its temp file must not be longer than the disk allows."""
    target = tmp_path / ("agreement-" + "x" * 227 + ".md")
    result = run_cli("dump", LEO, "-o", target)
    assert result.code == 0, result.err
    assert json.loads(target.read_text("utf-8"))["id"] == LEO
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_into_cases_by_a_relative_path_is_refused(imported, run_cli, home, monkeypatch):
    monkeypatch.chdir(home / "cases")
    before = (home / "cases" / f"{LEO}.json").read_bytes()
    for path in (f"{LEO}.json", f"../cases/./{LEO}.json", "new.md"):
        assert "cases/" in run_cli("export", LEO, "-o", path, "--force").error_line()
    assert (home / "cases" / f"{LEO}.json").read_bytes() == before
    assert not (home / "cases" / "new.md").exists()


def test_output_never_takes_the_place_of_the_data_folders_own_folders(run_cli, home, tmp_path, leo_document):
    import_as(run_cli, tmp_path, leo_document, LEO)
    shutil.rmtree(home / "backups")
    assert "backups/" in run_cli("dump", LEO, "-o", home / "backups").error_line()
    assert not (home / "backups").exists()


def test_a_full_disk_names_the_output_not_its_temp_file(imported, run_cli, tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "write", full)
    line = run_cli("dump", LEO, "-o", tmp_path / "leo-dump.json").error_line()
    assert "disk is full" in line and "leo-dump.json" in line and ".tmp" not in line
    assert list(tmp_path.glob("*dump*")) == []


# ---------------------------------------------------------------- 2. exports of exactly this case


def test_delete_removes_the_exports_recorded_for_the_case_and_no_other(run_cli, home, tmp_path, leo_document):
    """`delete x` once removed the exports of case `x-session-2` (a glob on the name)."""
    for case_id in ("x", "x-session-2", "y"):
        import_as(run_cli, tmp_path, leo_document, case_id)
    store = Store(home)
    mine = [
        store.write_export("x", "x-session-1-consensus.md", b"# x"),
        store.write_export("x", "notes for x.md", b"# x, any name"),
    ]
    others = [
        store.write_export("x-session-2", "x-session-2-session-1-consensus.md", b"# other"),
        store.write_export("y", "shared-name.md", b"# y"),
    ]
    # Files from before exports were recorded: the one of the board's names that only x makes,
    # and one of x-session-2's.
    old_mine = store.exports_folder / "x-session-3-summary.md"
    old_other = store.exports_folder / "x-session-2-session-4-summary.md"
    for path in (old_mine, old_other):
        path.write_bytes(b"# before records")
    users_own = store.exports_folder / "x-session-notes.md"  # the mediator's own file
    users_own.write_bytes(b"mine")

    assert all(p.parent == store.exports_folder and mode(p) == 0o600 for p in mine + others)
    assert run_cli("delete", "x", "--yes").code == 0
    assert [p.exists() for p in mine + [old_mine]] == [False, False, False]
    assert all(p.exists() for p in others + [old_other, users_own])
    assert store.read("x-session-2").id == "x-session-2"


def test_an_export_another_case_wrote_over_stays(run_cli, home, tmp_path, leo_document):
    for case_id in ("x", "y"):
        import_as(run_cli, tmp_path, leo_document, case_id)
    store = Store(home)
    store.write_export("x", "agreement.md", b"x's")
    store.write_export("y", "agreement.md", b"y's")  # the same name, now y's
    assert run_cli("delete", "x", "--yes").code == 0
    assert (store.exports_folder / "agreement.md").read_bytes() == b"y's"


@pytest.mark.parametrize(
    "name",
    ["", ".", "..", "../cases/x.json", "a/b.md", ".hidden.md", "con.md", "a\x1b.md", "a\x00b.md"],
    ids=repr,
)
def test_an_export_name_is_a_plain_file_name(name, imported):
    with pytest.raises(RefusedValue):
        imported.write_export(LEO, name, b"data")
    assert not imported.exports_folder.exists() or list(imported.exports_folder.iterdir()) == []


# ---------------------------------------------------------------- 4 and 11. terminal-safe output


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\x7f\x01"  # (line breaks split a statement in two)


def test_reframe_never_echoes_control_characters(run_cli):
    text = f"You never {ESCAPES}answer my emails"
    plain = run_cli("reframe", text)
    assert plain.code == 0
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", plain.out)
    assert "\\u001b" in plain.out  # visible, not silently dropped

    as_json = run_cli("reframe", "--json", text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", as_json.out)
    assert json.loads(as_json.out)["text"] == text  # escaped, still the same JSON


def test_reframe_from_stdin_is_terminal_safe(run_cli):
    result = run_cli("reframe", stdin="The district lied \x9b2J again\n")
    assert result.code == 0 and "\x9b" not in result.out and "\\u009b" in result.out


def test_the_wrote_line_shows_a_path_with_escapes_visibly(imported, run_cli, tmp_path):
    pytest.importorskip("facilitator.export")
    target = tmp_path / "agreement\x1b[31m.md"
    result = run_cli("export", LEO, "-o", target)
    assert result.code == 0, result.err
    assert "\x1b" not in result.err and result.err.startswith("wrote ")
    assert target.exists()


def test_error_lines_with_escapes_in_user_input(run_cli, tmp_path):
    line = run_cli("import", tmp_path / "case\x1b]52;c;owned\x07.json").error_line()
    assert not re.search("[\x00-\x1f\x7f-\x9f]", line)


# ---------------------------------------------------------------- 6. a data folder open to others


@posix_only
def test_a_data_folder_open_to_others_is_made_private(imported, run_cli, home):
    opened = [home, home / "cases", home / "backups", home / "backups" / LEO]
    files = [home / "cases" / f"{LEO}.json", *(home / "backups" / LEO).iterdir()]
    (home / "exports").mkdir()
    (home / "exports" / "old.md").write_bytes(b"x")
    opened.append(home / "exports")
    files.append(home / "exports" / "old.md")
    for folder in opened:
        folder.chmod(0o755)
    for file in files:
        file.chmod(0o644)
    result = run_cli("list")
    assert result.code == 0 and "warning" not in result.err
    assert [mode(p) for p in opened] == [0o700] * len(opened)
    assert [mode(p) for p in files] == [0o600] * len(files)


@posix_only
def test_a_folder_that_cannot_be_made_private_is_said_once(imported, run_cli, home, monkeypatch):
    for path in [home, home / "cases", home / "cases" / f"{LEO}.json"]:
        path.chmod(0o755 if path.is_dir() else 0o644)

    def refuse(path, mode, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(store_module.os, "chmod", refuse)
    result = run_cli("list")
    assert result.code == 0
    warnings = [line for line in result.err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and str(home) in warnings[0] and "2 more" in warnings[0]
    assert "operation not permitted" in warnings[0]


@posix_only
def test_privacy_is_never_applied_through_a_link(imported, run_cli, home, tmp_path):
    outside = tmp_path / "shared"
    outside.mkdir(mode=0o755)
    (outside / "readme.txt").write_bytes(b"for everyone")
    (outside / "readme.txt").chmod(0o644)
    outside.chmod(0o755)
    (home / "exports").mkdir()
    (home / "exports" / "shared").symlink_to(outside)
    assert run_cli("list").code == 0
    assert (mode(outside), mode(outside / "readme.txt")) == (0o755, 0o644)


@posix_only
def test_a_data_folder_setting_that_names_a_file_changes_nothing(run_cli, tmp_path, monkeypatch):
    mine = tmp_path / "notes.txt"
    mine.write_text("shared on purpose", "utf-8")
    mine.chmod(0o644)
    monkeypatch.setenv("FACILITATOR_HOME", str(mine))
    run_cli("list")
    assert mode(mine) == 0o644 and mine.read_text("utf-8") == "shared on purpose"


@posix_only
def test_a_new_backup_is_never_a_link_to_the_case_file(imported, home):
    """A case file found without backups (a copied data folder) got a hard link as its backup."""
    case_file = home / "cases" / f"{LEO}.json"
    case_file.chmod(0o644)
    shutil.rmtree(home / "backups")
    with imported.open(LEO) as opened:
        opened.save(add_interest(opened.case, 1))
    for backup in imported.backups(LEO):
        assert backup.path.stat().st_nlink == 1 and mode(backup.path) == 0o600


# ---------------------------------------------------------------- 7. file name and case id agree


def test_a_case_copied_under_another_name_is_refused(imported, run_cli, home):
    original = home / "cases" / f"{LEO}.json"
    copy = home / "cases" / "leo-copy.json"
    shutil.copyfile(original, copy)

    listed = run_cli("list")
    if listed.code == 0:  # list needs the review module
        rows = listed.out.splitlines()
        assert [r.split()[0] for r in rows] == ["leo-at-2026", "leo-copy"]
        assert "cannot be read" in rows[1] and "leo-at-2026" in rows[1]
    for command in (["dump", "leo-copy"], ["open", "leo-copy"], ["restore", "leo-copy"]):
        line = run_cli(*command).error_line()
        assert "leo-copy" in line, command
    with pytest.raises(CorruptCase, match='holds the case "leo-at-2026"'):
        imported.open("leo-copy")
    assert copy.read_bytes() == original.read_bytes()  # left untouched

    assert run_cli("delete", LEO, "--yes").code == 0
    assert run_cli("delete", "leo-copy", "--yes").code == 0
    assert not copy.exists()


def test_a_backup_holding_another_case_is_not_good(imported, home):
    ring = home / "backups" / LEO
    other = json.loads(next(ring.iterdir()).read_bytes())
    other["case"]["1"]["id"] = "someone-else"
    (ring / ring_name(seconds=1)).write_text(json.dumps(other), "utf-8")
    newest, older = imported.backups(LEO)
    assert not newest.good and "someone-else" in newest.problem
    assert older.good
    assert imported.restore(LEO).number == 2


# ---------------------------------------------------------------- 8 and 9. files that are not files


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "huge"])
def test_import_of_what_is_not_a_case_file_is_refused_at_once(kind, run_cli, tmp_path):
    if kind == "fifo":
        path = tmp_path / "case.json"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    elif kind == "folder":
        path = tmp_path
    else:
        path = tmp_path / "huge.json"
        with open(path, "wb") as handle:
            handle.truncate(600 * 1024 * 1024)  # sparse: costs no disk, would cost 600 MB read
    started = time.monotonic()
    line = run_cli("import", path, timeout=30).error_line()
    assert time.monotonic() - started < 20
    assert str(path) in line
    assert {"fifo": "pipe", "device": "device", "folder": "folder", "huge": "larger than"}[kind] in line


@posix_only
def test_read_limited_never_opens_a_fifo_for_a_blocking_read(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="pipe"):
        read_limited(fifo, 100)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(UnreadableFile, match="larger"):
        read_limited(big, 100)
    assert read_limited(tmp_path / "missing", 100) is None
    assert read_limited(big, 101) == b"x" * 101


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_case_file_that_is_not_a_file_is_one_line(
    kind, imported, run_cli, run_process, home, tmp_path, leo_document
):
    path = home / "cases" / f"{LEO}.json"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    source = tmp_path / "again.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    for command in (
        ["dump", LEO],
        ["open", LEO],  # a real process: the board must not start in this one
        ["restore", LEO, "--list"],
        ["import", source, "--replace"],
    ):
        run = run_process if command[0] == "open" else run_cli
        result = run(*command, timeout=30)
        if command[-1] == "--list":
            assert result.code == 0
            continue
        line = result.error_line()
        assert path.name in line, command
    listed = run_cli("list", timeout=30)
    assert listed.code in (0, 1) and "Traceback" not in listed.err
    assert (stat.S_ISFIFO if kind == "fifo" else stat.S_ISDIR)(path.lstat().st_mode)  # left as it was
    if kind == "folder":
        assert "folder" in run_cli("delete", LEO, "--yes", timeout=30).error_line()
        assert path.is_dir()


@posix_only
def test_a_fifo_among_the_templates_does_not_hang(run_cli, home):
    agendas = home / "agendas"
    agendas.mkdir(parents=True)
    os.mkfifo(agendas / "stuck.md")
    (agendas / "mine.md").write_text("# Mine\n\n## Opening (5 min)\n", "utf-8")
    result = run_cli("agendas", timeout=30)
    assert result.code == 0
    assert re.search(r"^mine\s", result.out, re.MULTILINE)
    assert "stuck.md" in result.err and "pipe" in result.err
    line = run_cli("new", "Case", "--student", "Leo", "--agenda", "stuck", timeout=30).error_line()
    assert "stuck.md" in line


@posix_only
def test_state_files_that_are_fifos_are_ignored(imported, home):
    os.mkfifo(home / "last-case")
    os.mkfifo(imported.owner_path(LEO))
    (home / "desk").mkdir()
    os.mkfifo(imported.desk_path(LEO))
    assert imported.last_opened() is None
    assert imported.owner(LEO) is None
    assert imported.read_desk(LEO) is None


@posix_only
def test_a_fifo_in_the_backup_ring_is_never_read(imported, home):
    os.mkfifo(home / "backups" / LEO / ring_name(seconds=1))
    assert [b.good for b in imported.backups(LEO)] == [True]
    with imported.open(LEO) as opened:
        opened.save(add_interest(opened.case, 1))
    assert len(imported.backups(LEO)) == 2


# ---------------------------------------------------------------- 10. bounded error lines


def test_an_error_line_quotes_a_few_hundred_characters_at_most(run_cli, tmp_path, leo_document):
    leo_document["interests"][0]["party"] = "p" * 100_000
    source = tmp_path / "long.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    line = run_cli("import", source).error_line()
    assert len(line) < 500 and "…" in line
    assert "interests[0]" in line and "party" in line


def test_a_very_long_path_is_a_short_line(run_cli, tmp_path):
    deep = tmp_path / ("d" * 200) / ("e" * 200) / ("f" * 200) / "case.json"
    line = run_cli("import", deep).error_line()
    assert len(line) < 500 and "case.json" in line


def test_a_refused_value_is_a_short_message(imported):
    with imported.open(LEO) as opened:
        interest = opened.case.interests[0].model_copy(update={"id": "i" * 50_000, "party": "x" * 50_000})
        with pytest.raises(RefusedValue) as refused:
            opened.save(opened.case.model_copy(update={"interests": [*opened.case.interests, interest]}))
    assert len(str(refused.value)) < 450


# ---------------------------------------------------------------- 13. no terminal


@pytest.mark.skipif(sys.platform == "win32", reason="a pipe for stdin")
def test_open_without_a_terminal_is_one_line_and_takes_no_lock(imported, run_process):
    started = time.monotonic()
    line = run_process("open", LEO, timeout=30).error_line()  # stdin is a pipe
    assert "terminal" in line
    assert time.monotonic() - started < 20
    assert not imported.lock_path(LEO).exists() or imported.owner(LEO) is None
    with imported.open(LEO):
        pass
    assert "no case" in run_process("open", "nobody", timeout=30).error_line()
    assert "terminal" in run_process(timeout=30).error_line()  # `facilitator` alone


# ---------------------------------------------------------------- 15. backups


def test_backups_are_listed_by_their_own_time(imported, run_cli, home):
    """A hard link or a copy keeps an old modification time; the ring's own record does not."""
    for backup in (home / "backups" / LEO).iterdir():
        os.utime(backup, (978307200, 978307200))  # 2001-01-01
    rows = run_cli("restore", LEO, "--list").out.splitlines()
    assert len(rows) == 1 and "2001-" not in rows[0]
    assert str(datetime.now().year) in rows[0] or str(datetime.now().year - 1) in rows[0]


def test_backups_come_newest_first_even_when_the_clock_steps_back(imported, monkeypatch):
    states = [imported.read(LEO)]
    real_datetime = store_module.datetime

    class Earlier(real_datetime):
        @classmethod
        def now(cls, tz=None):
            return real_datetime.now(tz) - timedelta(minutes=30)

    with imported.open(LEO) as opened:
        for n in range(1, 3):
            states.append(add_interest(states[-1], n))
            opened.save(states[-1])
        monkeypatch.setattr(store_module, "datetime", Earlier)
        states.append(add_interest(states[-1], 3))
        opened.save(states[-1])
    monkeypatch.setattr(store_module, "datetime", real_datetime)
    kept = [b.path for b in imported.backups(LEO)]
    read = [store_module.case_from_database(store_module.read_database(p), p) for p in kept]
    assert read == states[::-1]


def test_torn_backups_are_never_counted_or_kept(imported, home):
    ring = home / "backups" / LEO
    for n in range(3):  # emptied by a power cut
        (ring / ring_name(seconds=-5 + n)).write_bytes(b"")
    (ring / ".20260101T000000000000Z.json.99999.1.tmp").write_bytes(b"{ half")  # a killed writer's
    with imported.open(LEO) as opened:
        for n in range(1, BACKUPS_KEPT + 3):
            opened.save(add_interest(opened.case, n))
    backups = imported.backups(LEO)
    assert len(backups) == BACKUPS_KEPT and all(b.good for b in backups)
    assert all(p.stat().st_size > 0 for p in ring.iterdir())
    assert not list(ring.glob("*.tmp"))


def test_a_failed_import_of_a_new_case_leaves_nothing(run_cli, home, tmp_path, leo_document, monkeypatch):
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document), "utf-8")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(store_module.os, "write", full)
        assert "disk is full" in run_cli("import", source).error_line()
    assert [p.name for p in (home / "cases").iterdir()] == []
    assert run_cli("import", source).code == 0


def test_a_case_changed_outside_says_what_can_be_done(imported, home):
    path = home / "cases" / f"{LEO}.json"
    with imported.open(LEO) as opened:
        os.utime(path, ns=(0, 0))  # another program wrote it
        with pytest.raises(CaseChanged) as refused:
            opened.save(add_interest(opened.case, 1))
        again = pytest.raises(CaseChanged)
        with again:
            opened.save(add_interest(opened.case, 1))
    message = str(refused.value)
    assert not refused.value.retry_helps and "try again" not in message
    assert "open it again" in message
    assert WriteFailed("x").retry_helps  # a full disk: freeing space and saving again works


# ---------------------------------------------------------------- further attacks


def test_a_lock_file_that_is_a_folder_or_a_link_is_one_line(imported, run_cli, home, tmp_path, leo_document):
    lock = imported.lock_path(LEO)
    lock.unlink(missing_ok=True)
    lock.mkdir()
    source = tmp_path / "again.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    assert "leo-at-2026.lock" in run_cli("import", source, "--replace").error_line()
    lock.rmdir()
    precious = tmp_path / "precious.txt"
    precious.write_text("keep", "utf-8")
    lock.symlink_to(precious)
    assert "leo-at-2026.lock" in run_cli("import", source, "--replace").error_line()
    assert precious.read_text("utf-8") == "keep"


@pytest.mark.parametrize("case_id", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_an_id_windows_keeps_for_a_device_is_refused(case_id, run_cli, home, tmp_path, leo_document):
    source = tmp_path / "device.json"
    source.write_text(json.dumps(dict(leo_document, id=case_id)), "utf-8")
    line = run_cli("import", source).error_line()
    assert case_id in line and "Windows" in line
    assert not (home / "cases" / f"{case_id}.json").exists()
    assert Store(home).free_id(case_id) == f"{case_id}-2"


@posix_only
def test_a_linked_data_folder_is_the_data_folder(run_cli, tmp_path, leo_document, monkeypatch):
    real = tmp_path / "real"
    link = tmp_path / "link"
    real.mkdir(mode=0o755)
    real.chmod(0o755)
    link.symlink_to(real)
    monkeypatch.setenv("FACILITATOR_HOME", str(link))
    import_as(run_cli, tmp_path, leo_document, LEO)
    assert mode(real) == 0o700 and link.is_symlink()
    assert "cases/" in run_cli("dump", LEO, "-o", link / "cases" / "x.json").error_line()
    assert "cases/" in run_cli("dump", LEO, "-o", real / "cases" / "y.json").error_line()
    assert run_cli("delete", LEO, "--yes").code == 0
    assert list((real / "cases").iterdir()) == []


@posix_only
def test_two_data_folders_sharing_backups_never_mix(run_cli, tmp_path, leo_document, monkeypatch):
    """Another data folder's backups, reached through a link, once restored its case here and
    were removed by a delete here."""
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("FACILITATOR_HOME", str(second))
    import_as(run_cli, tmp_path, leo_document, LEO)
    first.mkdir()
    (first / "backups").symlink_to(second / "backups")
    monkeypatch.setenv("FACILITATOR_HOME", str(first))
    import_as(run_cli, tmp_path, dict(leo_document, title="Another Leo"), LEO)
    assert "outside the data folder" in run_cli("restore", LEO).error_line()
    assert run_cli("import", tmp_path / f"{LEO}.source.json", "--replace").code == 0
    assert list((first / "cases").glob(f"{LEO}.json.replaced-*"))  # the replaced state is kept here
    assert run_cli("delete", LEO, "--yes").code == 0
    monkeypatch.setenv("FACILITATOR_HOME", str(second))
    assert [b.good for b in Store(second).backups(LEO)] == [True]
    assert Store(second).read(LEO).title == leo_document["title"]


def test_a_full_disk_during_import_leaves_no_trace(
    imported, run_cli, home, tmp_path, leo_document, monkeypatch
):
    before = (home / "cases" / f"{LEO}.json").read_bytes()
    leo_document["title"] = "Changed"
    source = tmp_path / "changed.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "fsync", full)
    assert "disk is full" in run_cli("import", source, "--replace").error_line()
    monkeypatch.setattr(store_module.os, "fsync", real_fsync)
    assert (home / "cases" / f"{LEO}.json").read_bytes() == before
    assert not [p for p in home.rglob("*") if p.name.endswith(".tmp")]


def test_errors_are_store_errors():
    for error in (CaseChanged, UnreadableFile):
        assert issubclass(error, StoreError)


# ---------------------------------------------------------------- the one write path


def test_a_case_file_is_a_tinydb_database(imported, home):
    from tinydb import TinyDB

    from facilitator.store import DurableStorage

    database = TinyDB(home / "cases" / f"{LEO}.json", storage=DurableStorage)
    assert [party["name"] for party in database.table("parties").all()] == ["Ana Ruiz", "Dr. Kim"]
    database.table("case").update({"title": "Written through TinyDB"})  # one durable write
    assert imported.read(LEO).title == "Written through TinyDB"


def test_a_save_writes_what_a_fresh_dump_would(imported, leo):
    """Records a change did not touch keep their JSON form; the file is still the whole case."""
    from facilitator.model import ParkingItem
    from facilitator.store import database_of

    with imported.open(LEO) as opened:
        case = opened.case
        for n in range(12):
            parking = list(case.parking_lot)
            if n % 3 == 0:
                parking.append(ParkingItem(id=f"k-{n}", session="s1", text=f"Item {n}", status="open"))
            elif n % 3 == 1 and parking:
                parking[0] = parking[0].model_copy(update={"text": f"Changed {n}"})
            else:
                parking.reverse()
            case = add_interest(case, n).model_copy(update={"parking_lot": parking, "title": f"Title {n}"})
            if n == 6:
                case = case.model_copy(update={"notes": []})
            opened.save(case)
            assert json.loads(imported.case_path(LEO).read_bytes()) == database_of(case)
    assert imported.read(LEO) == case
