"""The case index behind `list` and `due`: fast, and never stale (DESIGN.md section 11)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from facilitator import index
from facilitator.actions import record_follow_up
from facilitator.index import CaseSummary, DamagedCase, read_cases, summarize
from facilitator.model import case_from_document
from facilitator.review import unresolved
from facilitator.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "leo.json"


def leo_document(case_id: str = "leo-at-2026", title: str = "Assistive technology for Leo") -> dict:
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    document.update(id=case_id, title=title)
    return document


@pytest.fixture
def store(home: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    # Files written by the test are seconds old at most; let the index record them at once.
    monkeypatch.setattr(index, "RACY_NS", 0)
    return Store(home)


def entries(store: Store) -> dict:
    return json.loads(index.index_path(store).read_text("utf-8"))["cases"]


def test_the_index_holds_what_list_prints_and_is_private(store):
    store.create(case_from_document(leo_document()))
    store.create(case_from_document(leo_document("maya-2026", "Reading for Maya")))
    found = read_cases(store)
    assert [case.id for case in found] == ["leo-at-2026", "maya-2026"]
    leo = store.read("leo-at-2026")
    assert found[0] == summarize(leo)
    assert found[0].open_items == unresolved(leo).count and found[0].last_date == "2026-11-10"
    assert set(entries(store)) == {"leo-at-2026", "maya-2026"}
    assert stat.S_IMODE(os.stat(index.index_path(store)).st_mode) == 0o600
    assert read_cases(store) == found  # the second time from the index


def test_the_index_does_not_read_a_case_that_has_not_changed(store, monkeypatch):
    store.create(case_from_document(leo_document()))
    read_cases(store)
    reads: list[str] = []
    real_read = Store.read
    monkeypatch.setattr(
        Store, "read", lambda self, case_id: reads.append(case_id) or real_read(self, case_id)
    )
    read_cases(store)
    assert reads == []
    with store.open("leo-at-2026") as case_file:
        case, _ = record_follow_up(case_file.case, "s1", "mediator", "Book the room", "2026-12-09")
        case_file.save(case)
    (found,) = read_cases(store)
    assert reads == ["leo-at-2026"]
    assert ("follow-up", "Book the room") in {(d.kind, d.text) for d in found.deadlines}


def test_an_entry_is_never_used_for_a_file_changed_in_place(store):
    store.create(case_from_document(leo_document(title="Assistive technology for Leo")))
    (before,) = read_cases(store)
    path = store.case_path("leo-at-2026")
    info = os.stat(path)
    # Same size, same modification time, same inode: only the words (and the ctime) differ.
    data = path.read_bytes().replace(b"for Leo", b"for Lea")
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(path).st_size == info.st_size and os.stat(path).st_ino == info.st_ino
    (after,) = read_cases(store)
    assert before.title == "Assistive technology for Leo"
    assert after.title == "Assistive technology for Lea"


def test_a_file_changed_moments_ago_is_read_again_next_time(home):
    store = Store(home)  # the real racy window: the file was just written
    store.create(case_from_document(leo_document()))
    read_cases(store)
    assert not index.index_path(store).exists() or "leo-at-2026" not in entries(store)


def test_a_damaged_index_is_ignored_and_rebuilt(store):
    store.create(case_from_document(leo_document()))
    expected = read_cases(store)
    path = index.index_path(store)
    for damage in [b"", b"{not json", b"[]", b'{"format": "other/9", "cases": {}}', b"\xff\xfe" * 10]:
        path.write_bytes(damage)
        assert read_cases(store) == expected
        assert set(entries(store)) == {"leo-at-2026"}


def test_entries_of_the_wrong_shape_are_rebuilt(store):
    store.create(case_from_document(leo_document()))
    expected = read_cases(store)
    path = index.index_path(store)
    good = json.loads(path.read_text("utf-8"))
    entry = good["cases"]["leo-at-2026"]
    for broken in [
        {**entry, "title": 7},
        {**entry, "due": [["follow-up", "f1"]]},
        {**entry, "due": [["nonsense", "f1", "x", "2026-12-05", None]]},
        {**entry, "due": [["follow-up", "f1", "x", "soon", None]]},
        {**entry, "open": "3"},
        {k: v for k, v in entry.items() if k != "sessions"},
        "not an entry",
    ]:
        path.write_text(json.dumps({**good, "cases": {"leo-at-2026": broken}}), "utf-8")
        assert read_cases(store) == expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_an_index_that_is_not_a_regular_file_never_hangs(store):
    store.create(case_from_document(leo_document()))
    path = index.index_path(store)
    os.mkfifo(path)
    assert [case.id for case in read_cases(store)] == ["leo-at-2026"]
    assert stat.S_ISREG(os.lstat(path).st_mode)


def test_a_deleted_case_is_dropped(store):
    store.create(case_from_document(leo_document()))
    store.create(case_from_document(leo_document("maya-2026", "Reading for Maya")))
    read_cases(store)
    store.delete("maya-2026")
    assert [case.id for case in read_cases(store)] == ["leo-at-2026"]
    assert "Reading for Maya" not in index.index_path(store).read_text("utf-8")


def test_forget_removes_a_case_from_the_index(store):
    store.create(case_from_document(leo_document()))
    store.create(case_from_document(leo_document("maya-2026", "Reading for Maya")))
    read_cases(store)
    index.forget(store, "maya-2026")
    assert set(entries(store)) == {"leo-at-2026"}
    index.index_path(store).write_bytes(b"{damaged")
    index.forget(store, "leo-at-2026")
    assert not index.index_path(store).exists()  # what it held cannot be known: it goes


def test_damaged_cases_are_reported_never_cached(store):
    store.create(case_from_document(leo_document()))
    broken = store.cases_folder / "broken.json"
    broken.write_bytes(b"{")
    found = read_cases(store)
    assert isinstance(found[0], DamagedCase) and found[0].id == "broken"
    assert "broken.json" in found[0].problem and "\n" not in found[0].problem
    assert isinstance(found[1], CaseSummary)
    assert "broken" not in entries(store)
    broken.unlink()
    store.create(case_from_document(leo_document("broken", "Mended")))
    assert [c.title for c in read_cases(store) if isinstance(c, CaseSummary)] == [
        "Mended",
        "Assistive technology for Leo",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_case_file_that_is_a_fifo_is_damaged_not_a_hang(store):
    store.create(case_from_document(leo_document()))
    os.mkfifo(store.cases_folder / "stuck.json")
    found = read_cases(store)
    assert [type(c).__name__ for c in found] == ["CaseSummary", "DamagedCase"]
    assert "not a regular file" in found[1].problem


# ---------------------------------------------------------------- list and due through it


def test_list_over_many_cases_with_one_damaged(run_cli, store, home):
    for n in range(200):
        store.create(case_from_document(leo_document(f"case-{n:03d}", f"Case number {n}")))
    (home / "cases" / "case-100.json").write_bytes(b"\x00garbage")
    result = run_cli("list")
    assert result.code == 0 and "Traceback" not in result.err
    lines = result.out.splitlines()
    assert len(lines) == 200
    (damaged,) = [line for line in lines if "cannot be read" in line]
    assert damaged.startswith("case-100  (cannot be read: ")
    assert sum("1 session" in line for line in lines) == 199
    assert run_cli("list").out == result.out  # the same from the index
    due = json.loads(run_cli("due", "--format", "json", "--today", "2026-12-01").out)
    assert [d["case"] for d in due["damaged"]] == ["case-100"]
    assert len(due["items"]) == 199  # every other case's follow-up f1


def test_list_sees_a_change_made_by_another_command(run_cli, store, tmp_path):
    store.create(case_from_document(leo_document()))
    first = run_cli("list").out
    assert "1 session" in first
    assert run_cli("next", "leo-at-2026", "--date", "2026-12-08").code == 0
    assert "2 sessions  2026-12-08" in run_cli("list").out
    document = leo_document(title="A new title")
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(document), "utf-8")
    assert run_cli("import", source, "--replace").code == 0
    assert "A new title" in run_cli("list").out
    due = json.loads(run_cli("due", "--format", "json", "--today", "2026-12-01").out)
    assert [i["id"] for i in due["items"]] == ["f1"]


def test_delete_on_the_command_line_leaves_nothing_of_the_case_in_the_index(run_cli, store, home, tmp_path):
    for case_id, title in (
        ("leo-at-2026", "Assistive technology for Leo"),
        ("maya-2026", "Reading for Maya"),
    ):
        source = tmp_path / f"{case_id}.json"
        source.write_text(json.dumps(leo_document(case_id, title)), "utf-8")
        assert run_cli("import", source).code == 0
    assert run_cli("list").code == 0  # builds the index
    assert "Reading for Maya" in index.index_path(store).read_text("utf-8")
    assert run_cli("delete", "maya-2026", "--yes").code == 0
    assert "Reading for Maya" not in index.index_path(store).read_text("utf-8")
