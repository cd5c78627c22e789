"""The store never loses a record (DESIGN.md section 10), proven the way SQLite proves its commit.

* Kill test: a writer in a child process is SIGKILLed at random moments, many times; the
  case file always holds the state before or after its last change, never a mix, holds
  every change reported as saved, and the next writer opens it (the dead writer's lock
  does not block).
* Crash points: a save is stopped at each of its system calls in turn (as if the process
  died there); the file is always the old or the new state.
* I/O errors: the Nth write/fsync/replace/open of a save fails (disk full, I/O error), once
  or from then on, for N = 1, 2, ... until the save gets through: every failed save leaves
  the previous file byte for byte, says so in words, and the next save works.
"""

from __future__ import annotations

import errno
import importlib.util
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import facilitator.store as store_module
from facilitator.model import Case, Interest
from facilitator.store import BACKUPS_KEPT, Store, StoreError

CHILD = Path(__file__).with_name("store_child.py")
_spec = importlib.util.spec_from_file_location("store_child", CHILD)
store_child = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_child)

KILL_ROUNDS = 20


def temp_files(home: Path) -> list[str]:
    return sorted(p.name for p in home.rglob("*") if p.name.endswith(".tmp"))


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# ---------------------------------------------------------------- kill -9


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writer_leaves_the_previous_or_the_next_state(home, leo):
    store = Store(home)
    store.create(leo)
    path = store.case_path(leo.id)
    states: list[Case] = [leo]  # states[n]: the case after n changes
    rng = random.Random(20261110)
    on_disk = 0
    killed_while_saving = 0

    for round_number in range(KILL_ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(home), leo.id, "400"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        reported = on_disk
        if round_number % 5 == 4:
            # Now and then, kill it while it starts up and opens the case.
            time.sleep(rng.uniform(0, 0.3))
        else:
            ready = child.stdout.readline()
            assert ready == f"ready {on_disk}\n", (ready, child.stderr.read() if not ready else "")
            time.sleep(rng.uniform(0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        saved = [int(n) for n in re.findall(r"^saved (\d+)$", out, re.MULTILINE)]
        if saved:
            reported = saved[-1]
        assert err == "", err
        if child.returncode == -signal.SIGKILL and saved:
            killed_while_saving += 1

        case = store.read(leo.id)  # parses: never a torn file
        on_disk = store_child.change_number(case)
        # Every change reported as saved is there; at most the one in flight is extra.
        assert reported <= on_disk <= reported + 1, (reported, on_disk)
        while len(states) <= on_disk:
            states.append(store_child.change(states[-1], len(states)))
        assert case.dump() == states[on_disk].dump(), "a mix of two states"
        assert os.name != "posix" or mode(path) == 0o600

        # The dead writer's lock does not block the next one, and its temp file is swept.
        with store.open(leo.id) as case_file:
            assert case_file.case == case
        assert temp_files(home) == []

    assert on_disk >= KILL_ROUNDS, "the writer hardly saved anything; the test proves little"
    assert killed_while_saving >= KILL_ROUNDS // 2
    assert len(store.backups(leo.id)) <= BACKUPS_KEPT


# ---------------------------------------------------------------- a stand-in for os


class Fault(Exception):
    pass


class SimulatedCrash(BaseException):
    """The process 'dies' here: nothing after this point runs."""


class FaultyOS:
    """Stands in for the ``os`` module inside facilitator.store and fails chosen calls.

    Calls to the functions in ``names`` are counted together; the ``at``-th raises
    ``error`` (and every later one too when ``continuous``).
    """

    def __init__(self, names: set[str], at: int, error: BaseException, continuous: bool = False):
        self.names, self.at, self.error, self.continuous = names, at, error, continuous
        self.calls = 0
        self.failed = 0

    def __getattr__(self, name: str):
        real = getattr(os, name)
        if name not in self.names:
            return real

        def faulty(*args, **kwargs):
            self.calls += 1
            if self.calls == self.at or (self.continuous and self.calls > self.at):
                self.failed += 1
                raise self.error
            return real(*args, **kwargs)

        return faulty


def add_interest(case: Case, n: int) -> Case:
    return case.model_copy(
        update={
            "title": f"Assistive technology for Leo ({n})",
            "interests": [
                *case.interests,
                Interest(id=f"i-{n}", party="p-dir", session="s1", text=f"Interest {n}"),
            ],
        }
    )


SYSTEM_CALLS = ["open", "write", "fsync", "replace", "link", "close", "chmod", "mkdir", "unlink"]


# ---------------------------------------------------------------- crash at every point


def test_crash_at_any_point_of_a_save_leaves_old_or_new(home, leo, monkeypatch):
    store = Store(home)
    store.create(leo)
    old = leo
    outcomes = set()
    for at in range(1, 100):
        new = add_interest(old, at)
        case_file = store.open(leo.id)
        crash = FaultyOS(set(SYSTEM_CALLS), at, SimulatedCrash())
        monkeypatch.setattr(store_module, "os", crash)
        try:
            case_file.save(new)
        except SimulatedCrash:
            pass
        finally:
            monkeypatch.setattr(store_module, "os", os)
        case_file._lock.release()  # the 'dead' process's lock goes with it

        on_disk = Store(home).read(leo.id)
        assert on_disk in (old, new), f"crash at call {at}"
        outcomes.add("new" if on_disk == new else "old")
        if not crash.failed:
            break  # the save ran to the end without reaching call number `at`
        old = on_disk
    else:
        pytest.fail("the save never completed")
    assert outcomes == {"old", "new"}
    assert at > 5


# ---------------------------------------------------------------- disk full, I/O errors


def assert_human(message: str) -> None:
    assert message and "\n" not in message
    assert "Errno" not in message and "errno" not in message
    assert "Traceback" not in message and "OSError" not in message
    assert not re.search(r"\[\w*\s*\d+\]", message), message


@pytest.mark.parametrize("continuous", [False, True], ids=["once", "continuous"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO], ids=["disk-full", "io-error"])
@pytest.mark.parametrize("call", ["write", "fsync", "replace", "open"])
def test_failed_save_keeps_the_previous_file(call, code, continuous, home, leo, monkeypatch):
    store = Store(home)
    store.create(leo)
    path = store.case_path(leo.id)
    failures = 0
    with store.open(leo.id) as case_file:
        for at in range(1, 50):
            before_bytes = path.read_bytes()
            before = case_file.case
            new = add_interest(before, at)
            faulty = FaultyOS({call}, at, OSError(code, os.strerror(code)), continuous)
            monkeypatch.setattr(store_module, "os", faulty)
            try:
                case_file.save(new)
            except StoreError as exc:
                monkeypatch.setattr(store_module, "os", os)
                failures += 1
                assert faulty.failed
                assert_human(str(exc))
                assert ("full" if code == errno.ENOSPC else "input/output") in str(exc)
                assert path.read_bytes() == before_bytes, f"{call} #{at}: the file changed"
                assert case_file.case == before, "the case pretends to be saved"
                assert store.read(leo.id) == before
                assert temp_files(home) == []
                # The same window saves fine once the disk behaves.
                case_file.save(new)
            else:
                assert not faulty.failed  # call number `at` never came: the save got through
                break
            finally:
                monkeypatch.setattr(store_module, "os", os)
            assert store.read(leo.id) == new == case_file.case
        else:
            pytest.fail("the save never got through")
    assert failures >= 1
    assert store.read(leo.id) == new
    assert temp_files(home) == []
    assert len(store.backups(leo.id)) <= BACKUPS_KEPT
    assert all(backup.good for backup in store.backups(leo.id))


@pytest.mark.parametrize("continuous", [False, True], ids=["once", "continuous"])
def test_failed_folder_sync_rolls_back(continuous, home, leo, monkeypatch):
    """The new file was in place when the folder fsync failed: the old one is put back."""
    store = Store(home)
    store.create(leo)
    path = store.case_path(leo.id)
    before_bytes = path.read_bytes()
    with store.open(leo.id) as case_file:
        faulty = FaultyOS({"fsync"}, 2, OSError(errno.EIO, "I/O error"), continuous)
        monkeypatch.setattr(store_module, "os", faulty)
        with pytest.raises(store_module.WriteFailed):
            case_file.save(add_interest(leo, 1))
        monkeypatch.setattr(store_module, "os", os)
        assert faulty.calls >= 2
        assert path.read_bytes() == before_bytes
        assert case_file.case == leo
        case_file.save(add_interest(leo, 1))
    assert store.read(leo.id) == add_interest(leo, 1)


@pytest.mark.parametrize("replace", [False, True], ids=["new-case", "replace"])
@pytest.mark.parametrize("call", ["write", "fsync", "replace", "open"])
def test_failed_create_writes_nothing(call, replace, home, leo, monkeypatch):
    store = Store(home)
    path = store.case_path(leo.id)
    if replace:
        store.create(leo)
    before = path.read_bytes() if replace else None
    new = add_interest(leo, 1)
    for at in range(1, 50):
        faulty = FaultyOS({call}, at, OSError(errno.ENOSPC, "No space left on device"))
        monkeypatch.setattr(store_module, "os", faulty)
        try:
            store.create(new, replace=replace)
        except StoreError as exc:
            monkeypatch.setattr(store_module, "os", os)
            assert_human(str(exc))
            assert (path.read_bytes() if path.exists() else None) == before
            assert temp_files(home) == []
        else:
            monkeypatch.setattr(store_module, "os", os)
            assert not faulty.failed
            break
    assert store.read(leo.id) == new


def test_backup_ring_does_not_fill_with_copies_of_one_state(home, leo, monkeypatch):
    """A disk that refuses save after save must not push older states out of the ring."""
    store = Store(home)
    store.create(leo)
    with store.open(leo.id) as case_file:
        for n in range(1, 5):
            case_file.save(add_interest(case_file.case, n))
        distinct_before = {b.path.read_bytes() for b in store.backups(leo.id)}
        for n in range(5, 5 + 3 * BACKUPS_KEPT):
            monkeypatch.setattr(store_module, "os", FaultyOS({"replace"}, 1, OSError(errno.ENOSPC, "full")))
            with pytest.raises(StoreError):
                case_file.save(add_interest(case_file.case, n))
            monkeypatch.setattr(store_module, "os", os)
    assert {b.path.read_bytes() for b in store.backups(leo.id)} >= distinct_before


def test_a_full_disk_does_not_keep_the_case_closed(home, leo, monkeypatch):
    store = Store(home)
    store.create(leo)
    before = store.case_path(leo.id).read_bytes()
    monkeypatch.setattr(store_module, "os", FaultyOS({"write"}, 1, OSError(errno.ENOSPC, "full"), True))
    with store.open(leo.id) as case_file:
        assert case_file.case == leo
        for n in range(3):
            with pytest.raises(StoreError, match="disk is full"):
                case_file.save(add_interest(leo, n))
        monkeypatch.setattr(store_module, "os", os)
        case_file.save(add_interest(leo, 9))
    assert store.read(leo.id) == add_interest(leo, 9)
    newest, previous = (b.path.read_bytes() for b in store.backups(leo.id)[:2])
    assert (newest, previous) == (store.case_path(leo.id).read_bytes(), before)
