"""The store (DESIGN.md section 10): damaged files, backups, two windows, privacy, bad values.

The crash and disk-fault proofs live in test_store_faults.py.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.model import Case, FollowUp, Interest, Note, ParkingItem, ParkingStatus, parse_case
from facilitator.store import (
    BACKUPS_KEPT,
    CaseExists,
    CaseLocked,
    CaseNotFound,
    CorruptCase,
    RefusedValue,
    Store,
    StoreError,
    WriteFailed,
    database_of,
)

LEO = "leo-at-2026"


def _importable(module: str) -> bool:
    """Whether a module some commands need (review, export) is in the tree yet."""
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def private(path: Path) -> bool:
    """0600 for a file, 0700 for a folder (POSIX modes; Windows keeps them in the user's profile)."""
    return os.name != "posix" or mode(path) == (0o700 if path.is_dir() else 0o600)


posix_modes = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def add_interest(case: Case, n: int) -> Case:
    return case.model_copy(
        update={
            "interests": [
                *case.interests,
                Interest(id=f"i-{n}", party="p-dir", session="s1", text=f"Interest number {n}"),
            ]
        }
    )


@pytest.fixture
def store(home: Path) -> Store:
    return Store(home)


@pytest.fixture
def history(store: Store, leo: Case) -> list[Case]:
    """The sample case created, then saved three times: every state, oldest first."""
    store.create(leo)
    states = [leo]
    with store.open(LEO) as case_file:
        for n in range(1, 4):
            states.append(add_interest(states[-1], n))
            case_file.save(states[-1])
    return states


# ---------------------------------------------------------------- saving and reading


def test_save_then_read_gives_the_same_case(store, leo):
    store.create(leo)
    with store.open(LEO) as case_file:
        assert case_file.case == leo
        changed = leo.model_copy(
            update={
                "title": "Reading and assistive technology for Leo",
                "follow_ups": [
                    leo.follow_ups[0].model_copy(update={"done": True}),
                    FollowUp(id="f2", session="s1", text="Book the room", owner="mediator", done=False),
                ],
                "parking_lot": [],
                "notes": [*leo.notes, Note(id="n2", session="s1", text="Break at 11", visibility="joint")],
            }
        )
        case_file.save(changed)
        assert case_file.case == changed
        assert store.read(LEO) == changed
    assert store.read(LEO).dump() == changed.dump()


def test_lists_a_file_left_out_stay_out_until_used(store, leo_document):
    minimal = {
        k: leo_document[k] for k in ["format", "id", "title", "student", "created", "parties", "sessions"]
    }
    case = parse_case(json.dumps(minimal))
    store.create(case)
    assert store.read(LEO).dump() == minimal
    with store.open(LEO) as case_file:
        changed = case.model_copy(
            update={
                "notes": [Note(id="n1", session="s1", text="Room 4", visibility="joint")],
                "options": [],
            }
        )
        case_file.save(changed)
    assert store.read(LEO).dump() == changed.dump()
    assert "interests" not in changed.dump() and changed.dump()["options"] == []


def test_create_refuses_an_existing_case(store, leo):
    store.create(leo)
    with pytest.raises(CaseExists, match="--replace"):
        store.create(leo)
    store.create(leo.model_copy(update={"title": "New title"}), replace=True)
    assert store.read(LEO).title == "New title"
    newest, replaced = [_read(b.path) for b in store.backups(LEO)]  # the replaced case is kept
    assert (newest.title, replaced.title) == ("New title", leo.title)


def test_missing_case_is_named(store, run_cli):
    with pytest.raises(CaseNotFound, match='no case "nobody"'):
        store.read("nobody")
    with pytest.raises(CaseNotFound):
        store.open("nobody")
    assert 'no case "nobody"' in run_cli("dump", "nobody").error_line()


def test_file_changed_behind_the_window_is_not_overwritten(store, leo):
    store.create(leo)
    path = store.case_path(LEO)
    with store.open(LEO) as case_file:
        outside = path.with_name("outside.json")
        outside.write_bytes(b"{ edited by hand")
        os.replace(outside, path)
        with pytest.raises(WriteFailed, match="changed outside"):
            case_file.save(add_interest(leo, 1))
    assert path.read_bytes() == b"{ edited by hand"


edits = st.sampled_from(["add", "remove", "change", "reorder", "title", "clear", "same"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_sequence_of_changes_reads_back(data, leo, tmp_path_factory, no_fsync):
    """The store writes only what changed (TinyDB updates); what it reads back is the whole case."""
    store = Store(tmp_path_factory.mktemp("home"))
    store.create(leo)
    case = leo
    text = st.text(
        st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"), min_size=1, max_size=20
    ).filter(str.strip)
    with store.open(LEO) as case_file:
        for n in range(data.draw(st.integers(1, 12))):
            edit = data.draw(edits)
            parking = list(case.parking_lot)
            if edit == "add":
                parking.append(ParkingItem(id=f"k-{n}", session="s1", text=data.draw(text), status="open"))
            elif edit == "remove" and parking:
                parking.pop(data.draw(st.integers(0, len(parking) - 1)))
            elif edit == "change" and parking:
                i = data.draw(st.integers(0, len(parking) - 1))
                parking[i] = parking[i].model_copy(
                    update={"text": data.draw(text), "status": ParkingStatus.DONE}
                )
            elif edit == "reorder":
                parking = data.draw(st.permutations(parking))
            elif edit == "clear":
                parking = []
            elif edit == "title":
                case = case.model_copy(update={"title": data.draw(text)})
            if edit != "same":
                case = case.model_copy(update={"parking_lot": parking})
            case_file.save(case)
            assert case_file.case == case
            assert store.read(LEO).dump() == case.dump()
    assert store.read(LEO) == case


# ---------------------------------------------------------------- damaged files


def _good() -> bytes:
    return json.dumps(
        database_of(parse_case((Path(__file__).parent / "fixtures/leo.json").read_bytes()))
    ).encode()


def _database(change) -> bytes:
    document = json.loads(_good())
    change(document)
    return json.dumps(document).encode()


DAMAGE = {
    "truncated": _good()[: len(_good()) // 2],
    "one-byte-short": _good()[:-1],
    "empty": b"",
    "blank": b"  \n",
    "garbage": bytes(range(256)) * 8,
    "invalid-utf8": _good().replace(b"Leo", b"L\xff\xfeo", 1),
    "nul-bytes": b"\x00" * 4096,
    "json-list": b"[1, 2, 3]",
    "json-null": b"null",
    "json-string": b'"leo"',
    "dict-of-non-dicts": b'{"case": 1, "parties": [1]}',
    "tinydb-without-header": _database(lambda d: d.pop("case")),
    "two-headers": _database(lambda d: d["case"].update({"2": d["case"]["1"]})),
    "header-not-object": _database(lambda d: d["case"].update({"1": "Leo"})),
    "record-not-object": _database(lambda d: d["parties"].update({"1": "Ana"})),
    "doc-id-not-number": _database(lambda d: d["parties"].update({"x": d["parties"].pop("1")})),
    "dangling-reference": _database(lambda d: d["interests"]["1"].update(party="nobody")),
    "unknown-field": _database(lambda d: d["interests"]["1"].update(colour="blue")),
    "nul-in-text": _database(lambda d: d["interests"]["1"].update(text="a\x00b")),
    "nested-deeply": b"[" * 50_000 + b"]" * 50_000,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_is_refused_left_untouched_and_restorable(damage, store, history, run_cli):
    path = store.case_path(LEO)
    path.write_bytes(damage)

    for attempt in (store.read, store.open):
        with pytest.raises(CorruptCase) as refused:
            attempt(LEO)
        message = str(refused.value)
        assert "\n" not in message and str(path) in message
        assert f"facilitator restore {LEO}" in message
    assert path.read_bytes() == damage

    if _importable("facilitator.review"):  # `list` counts open items with it
        listed = run_cli("list")
        assert listed.code == 0 and "Traceback" not in listed.err
        assert re.search(rf"^{LEO}\s+\(cannot be read: .*{re.escape(path.name)}", listed.out, re.MULTILINE)
    commands = [["dump", LEO], ["open", LEO]]
    for module, command in [
        ("facilitator.review", ["review", LEO]),
        ("facilitator.review", ["next", LEO]),
        ("facilitator.export", ["export", LEO]),
    ]:
        if _importable(module):
            commands.append(command)
    for command in commands:
        line = run_cli(*command).error_line()
        assert path.name in line, command
        assert path.read_bytes() == damage, command
    assert not any(p.name.endswith(".tmp") for p in path.parent.iterdir())

    listing = run_cli("restore", LEO, "--list")
    assert listing.code == 0, listing.err
    rows = listing.out.splitlines()
    # Every saved state is kept (created, then three saves), newest first.
    assert len(rows) == 4 and all(
        re.match(r"^\d+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s+good$", r) for r in rows
    )

    restored = run_cli("restore", LEO)
    assert restored.code == 0, restored.err
    assert restored.out.startswith("restored backup 1 from ")
    # The newest backup holds the last saved state: nothing saved is lost.
    assert store.read(LEO) == history[-1]
    with store.open(LEO) as case_file:
        case_file.save(add_interest(history[-1], 4))
    # The damaged file is kept aside, privately.
    asides = list(path.parent.glob(f"{LEO}.json.replaced-*"))
    assert [a.read_bytes() for a in asides] == [damage]
    assert private(asides[0])


def test_restore_a_chosen_backup(store, history, run_cli):
    assert run_cli("restore", LEO, "--from", 4).code == 0
    assert store.read(LEO) == history[0]
    line = run_cli("restore", LEO, "--from", 99).error_line()
    assert "no backup 99" in line


def test_restore_skips_damaged_backups(store, history, run_cli):
    newest, *older = [b.path for b in store.backups(LEO)]
    os.unlink(newest)  # a hard link: replace it rather than write through it
    newest.write_bytes(b"{ damaged")
    listing = run_cli("restore", LEO, "--list").out.splitlines()
    assert "cannot be read" in listing[0] and listing[1].endswith("good")
    line = run_cli("restore", LEO, "--from", 1).error_line()
    assert "cannot be used" in line
    assert run_cli("restore", LEO).code == 0
    assert store.read(LEO) == history[-2]


def test_a_new_case_can_be_restored_at_once(store, leo, run_cli):
    store.create(leo)
    store.case_path(LEO).write_bytes(b"garbage")  # overwritten in place by another program
    assert run_cli("restore", LEO).code == 0
    assert store.read(LEO) == leo


def test_restore_without_backups_says_so(store, leo, run_cli):
    store.create(leo)
    shutil.rmtree(store.backup_folder(LEO))
    assert "no backups" in run_cli("restore", LEO).error_line()
    assert "no backups" in run_cli("restore", LEO, "--list").error_line()


def test_backups_are_private_and_the_ring_is_bounded(store, leo):
    store.create(leo)
    states = [leo]
    with store.open(LEO) as case_file:
        for n in range(1, BACKUPS_KEPT + 6):
            states.append(add_interest(states[-1], n))
            case_file.save(states[-1])
    backups = store.backups(LEO)
    assert len(backups) == BACKUPS_KEPT
    assert [b.number for b in backups] == list(range(1, BACKUPS_KEPT + 1))
    assert all(b.good for b in backups)
    assert private(store.backup_folder(LEO))
    assert all(private(b.path) for b in backups)
    # Newest first: the last saved state, and so on back.
    expected = states[-1 : -1 - BACKUPS_KEPT : -1]
    assert [_read(b.path) for b in backups] == expected


def _read(path: Path) -> Case:
    from facilitator.store import case_from_database, read_database

    return case_from_database(read_database(path), path)


# ---------------------------------------------------------------- two windows

HOLDER = """
import sys
from pathlib import Path
from facilitator.store import Store
case_file = Store(Path(sys.argv[1])).open(sys.argv[2])
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def holder(store, history):
    """Another process holding the case open for writing."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.home), LEO],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "ready\n", child.stderr.read()
    yield child
    if child.poll() is None:
        child.kill()
    child.communicate(timeout=30)


def test_second_writer_is_refused_with_the_first_named(store, holder, run_cli, tmp_path, leo_document):
    path = store.case_path(LEO)
    before = path.read_bytes()
    with pytest.raises(CaseLocked) as refused:
        store.open(LEO)
    message = str(refused.value)
    assert re.search(rf"process {holder.pid}, opened (at|on .* at) \d{{2}}:\d{{2}}", message), message

    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    writers = [["import", source, "--replace"], ["restore", LEO], ["delete", LEO, "--yes"]]
    if _importable("facilitator.review"):
        writers.append(["next", LEO])
    for command in writers:
        line = run_cli(*command).error_line()
        assert f"process {holder.pid}" in line and "open in another facilitator window" in line, command
    assert path.read_bytes() == before


def test_readers_work_while_the_case_is_open_elsewhere(store, holder, run_cli, history):
    readers = [["dump", LEO], ["restore", LEO, "--list"]]
    if _importable("facilitator.review"):
        readers += [["list"], ["review", LEO]]
    if _importable("facilitator.export"):
        readers += [["export", LEO], ["export", LEO, "--kind", "summary"]]
    for command in readers:
        result = run_cli(*command)
        assert result.code == 0, (command, result.err)
        assert "Traceback" not in result.err
    assert json.loads(run_cli("dump", LEO).out) == history[-1].dump()


def test_lock_of_a_killed_process_is_taken_over(store, holder, run_process):
    holder.kill()
    holder.wait(timeout=30)
    assert store.lock_path(LEO).exists()  # left behind, but no longer held
    with store.open(LEO) as case_file:
        case_file.save(add_interest(case_file.case, 99))
        assert store.owner(LEO).pid == os.getpid()
    if _importable("facilitator.review"):
        assert run_process("next", LEO).out.strip() == "2"


def test_this_process_is_named_to_a_second_process(store, history, run_process, tmp_path, leo_document):
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document), "utf-8")
    with store.open(LEO):
        line = run_process("import", source, "--replace").error_line()
        assert f"process {os.getpid()}, opened " in line
    assert run_process("import", source, "--replace").code == 0


# ---------------------------------------------------------------- private files


def _all_paths(folder: Path) -> list[Path]:
    return [folder, *folder.rglob("*")]


@posix_modes
def test_everything_written_is_private(store, leo, run_cli, tmp_path, monkeypatch):
    import facilitator.store as store_module

    old_umask = os.umask(0)  # modes must not depend on a careful umask
    temp_modes = []
    real_replace = os.replace

    class Spy:
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def replace(src, dst):
            temp_modes.append((Path(src).name, mode(Path(src))))
            return real_replace(src, dst)

    monkeypatch.setattr(store_module, "os", Spy())
    try:
        store.create(leo)
        store.remember(LEO)
        with store.open(LEO) as case_file:
            case_file.save(add_interest(leo, 1))
            case_file.save(add_interest(case_file.case, 2))
            assert mode(store.owner_path(LEO)) == 0o600
            assert mode(store.lock_path(LEO)) == 0o600
            open_paths = _all_paths(store.home)
        store.case_path(LEO).write_bytes(b"damaged")
        assert run_cli("restore", LEO).code == 0  # keeps the damaged file aside
        out = tmp_path / "out"
        out.mkdir()
        assert run_cli("dump", LEO, "-o", out / "leo-dump.json").code == 0
        exports = []
        if _importable("facilitator.export"):
            assert run_cli("export", LEO, "-o", out / "leo-consensus.md").code == 0
            assert run_cli("export", LEO, "--kind", "summary", "-o", out / "leo-summary.md").code == 0
            exports = [out / "leo-consensus.md", out / "leo-summary.md"]
    finally:
        os.umask(old_umask)

    assert temp_modes and all(m == 0o600 for _, m in temp_modes), temp_modes
    assert any(name.endswith(".tmp") for name, _ in temp_modes)
    paths = set(open_paths) | set(_all_paths(store.home))
    kinds = {p.suffix or p.name for p in paths}
    assert {".json", ".lock", ".owner", "last-case"} <= kinds
    assert any(".replaced-" in p.name for p in paths)
    for path in paths:
        if path.exists():
            assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    for path in [out / "leo-dump.json", *exports]:
        assert mode(path) == 0o600, path


@posix_modes
def test_data_folder_is_created_private(home, leo, run_cli, tmp_path):
    nested = tmp_path / "deep" / "er" / "home"
    store = Store(nested)
    old_umask = os.umask(0o022)
    try:
        store.create(leo)
    finally:
        os.umask(old_umask)
    for folder in [tmp_path / "deep", tmp_path / "deep" / "er", nested, nested / "cases"]:
        assert mode(folder) == 0o700, folder


def test_delete_leaves_nothing_of_the_case(store, history, run_cli, leo_document, tmp_path):
    # A second case that must survive.
    other = dict(leo_document, id="maya-reading", title="Reading for Maya")
    source = tmp_path / "maya.json"
    source.write_text(json.dumps(other), "utf-8")
    assert run_cli("import", source).code == 0
    store.remember(LEO)
    store.case_path(LEO).write_bytes(b"damaged")
    assert run_cli("restore", LEO).code == 0  # leaves an aside file
    (store.cases_folder / f".{LEO}.json.999.1.tmp").write_bytes(b"left by a crash")

    line = run_cli("delete", LEO).error_line()
    assert "--yes" in line
    assert store.exists(LEO)

    result = run_cli("delete", LEO, "--yes")
    assert result.code == 0, result.err
    for path in _all_paths(store.home):
        assert LEO not in path.name, path
        if path.is_file():
            assert LEO.encode() not in path.read_bytes(), path
    assert store.read("maya-reading").title == "Reading for Maya"
    assert len(store.backups("maya-reading")) == 1  # its own, untouched
    assert 'no case "leo-at-2026"' in run_cli("delete", LEO, "--yes").error_line()


# ---------------------------------------------------------------- values that cannot be stored


def _bad_interest(**change):
    def make(case: Case) -> Case:
        bad = case.interests[0].model_copy(update={"id": "i9", **change})
        return case.model_copy(update={"interests": [*case.interests, bad]})

    return make


def _bad_item(**change):
    def make(case: Case) -> Case:
        session = case.sessions[0]
        agenda = [session.agenda[0].model_copy(update=change), *session.agenda[1:]]
        return case.model_copy(update={"sessions": [session.model_copy(update={"agenda": agenda})]})

    return make


BAD_VALUES = {
    "nul-in-text": (_bad_interest(text="before\x00after"), "text"),
    "nul-in-title": (lambda c: c.model_copy(update={"title": "Leo\x00"}), "title"),
    "megabytes-of-text": (_bad_interest(text="x" * 5_000_000), "text"),
    "megabytes-in-header": (lambda c: c.model_copy(update={"student": "L" * 3_000_000}), "student"),
    "blank-text": (_bad_interest(text="   "), "text"),
    "lone-surrogate": (_bad_interest(text="\udc80"), "text"),
    "minutes-as-text": (_bad_item(minutes="10"), "minutes"),
    "minutes-zero": (_bad_item(minutes=0), "minutes"),
    "unknown-status": (_bad_item(status="later"), "status"),
    "done-as-number": (
        lambda c: c.model_copy(update={"follow_ups": [c.follow_ups[0].model_copy(update={"done": 0})]}),
        "done",
    ),
    "bad-date": (
        lambda c: c.model_copy(
            update={"follow_ups": [c.follow_ups[0].model_copy(update={"due": "2026-02-30"})]}
        ),
        "due",
    ),
    "timestamp-without-offset": (
        lambda c: c.model_copy(
            update={"statements": [c.statements[0].model_copy(update={"at": "2026-11-10T10:12:00"})]}
        ),
        "at",
    ),
    "not-a-record": (lambda c: c.model_copy(update={"interests": [*c.interests, "i9"]}), "interests[1]"),
    "wrong-record-type": (
        lambda c: c.model_copy(update={"interests": [*c.interests, c.notes[0]]}),
        "interests[1]",
    ),
    "dangling-reference": (_bad_interest(party="nobody"), "party"),
    "duplicate-id": (_bad_interest(id="i1"), "id"),
    "not-json": (_bad_interest(text=object()), "cannot be stored"),
}


@pytest.mark.parametrize("bad, field", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_bad_value_is_refused_before_any_file_is_opened(bad, field, store, leo, monkeypatch):
    store.create(leo)
    path = store.case_path(LEO)
    before = path.read_bytes()
    with store.open(LEO) as case_file:
        new = bad(case_file.case)
        with monkeypatch.context() as patch:  # no file may be opened from here on
            patch.setattr(os, "open", _refuse)
            patch.setattr(builtins, "open", _refuse)
            patch.setattr(io, "open", _refuse)
            with pytest.raises(RefusedValue) as refused:
                case_file.save(new)
            with pytest.raises(RefusedValue):
                store.create(new, replace=True)
        message = str(refused.value)
        assert field in message and "\n" not in message and len(message) < 400, message
        assert case_file.case == leo
        assert path.read_bytes() == before
        case_file.save(add_interest(leo, 1))  # the window still works
    assert store.read(LEO) == add_interest(leo, 1)


def _refuse(*args, **kwargs):
    raise AssertionError(f"a file was opened: {args[:1]}")


def test_bad_new_case_writes_nothing(store, leo, home):
    with pytest.raises(RefusedValue, match="title"):
        store.create(leo.model_copy(update={"title": "x" * 2_000_000}))
    assert not home.exists()


def test_case_id_cannot_change(store, leo):
    store.create(leo)
    with store.open(LEO) as case_file, pytest.raises(RefusedValue, match="id"):
        case_file.save(leo.model_copy(update={"id": "someone-else"}))


def test_errors_are_store_errors():
    for error in (CaseExists, CaseLocked, CaseNotFound, CorruptCase, RefusedValue, WriteFailed):
        assert issubclass(error, StoreError)


@pytest.mark.parametrize("case_id", ["../../keep", "../keep", "..", "/tmp", "leo/../../keep", "Leo", "leo\n"])
def test_a_case_id_is_never_a_path(case_id, store, history, run_cli, tmp_path):
    """`delete ../../x --yes` once removed a folder outside the data folder."""
    keep = store.home.parent / "keep"
    keep.mkdir()
    (keep / "precious.txt").write_text("mine")
    (keep / "precious.json").write_text("{}")
    for command in (
        ["delete", case_id, "--yes"],
        ["restore", case_id],
        ["dump", case_id],
        ["restore", case_id, "--list"],
    ):
        line = run_cli(*command).error_line()
        assert "no case" in line, line
    for attempt in (store.read, store.open, store.delete, store.backups):
        with pytest.raises(CaseNotFound):
            attempt(case_id)
    assert (keep / "precious.txt").read_text() == "mine"
    assert store.read(LEO) == history[-1]
