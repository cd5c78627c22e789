"""Keeping cases on disk: one TinyDB file per case, written so that nothing is lost.

The guarantees (DESIGN.md section 10):

* A change is on disk before ``CaseFile.save`` returns: temp file in the same folder,
  flush, fsync, ``os.replace``, fsync the folder.  A killed process leaves the
  previous or the new file, never a torn one.
* A file that does not parse, or breaks a rule of the case format, is never
  overwritten; the last good backups are kept in a small ring beside it.
* One writer per case: an OS-level lock (filelock) that dies with its process, plus a
  small owner file that says who holds it.  Readers never need the lock.
* Everything written is private to the user: files 0600, folders 0700.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import filelock
from tinydb import TinyDB
from tinydb.storages import Storage

from facilitator.model import (
    HEADER_FIELDS,
    RECORD_LISTS,
    Case,
    CaseError,
    Record,
    case_from_document,
    find_problem,
)

BACKUPS_KEPT = 10
FILE_MODE = 0o600
FOLDER_MODE = 0o700
CASE_TABLE = "case"


class StoreError(Exception):
    """A problem with the data folder, explained in one line for the mediator."""


class CaseNotFound(StoreError):
    pass


class CaseExists(StoreError):
    pass


class CaseLocked(StoreError):
    pass


class CorruptCase(StoreError):
    """The case file is unreadable; it is left exactly as it is."""


class WriteFailed(StoreError):
    """The disk refused a write; the file still holds the previous state."""


class RefusedValue(StoreError):
    """The change cannot be stored; nothing was written."""


# ---------------------------------------------------------------- folders and files


def data_home() -> Path:
    """The data folder: $FACILITATOR_HOME, else the platform's user data folder."""
    configured = os.environ.get("FACILITATOR_HOME")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_data_path("facilitator", appauthor=False)


def private_folder(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only."""
    try:
        path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path, FOLDER_MODE)
    except OSError as exc:
        raise StoreError(f"cannot use the folder {path}: {exc.strerror or exc}") from None
    return path


def _fsync_folder(folder: Path) -> None:
    # Windows cannot open a folder for fsync; its rename is already durable enough.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_temp_counter = itertools.count()


def _disk_message(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"the disk is full, so {path.name} could not be saved; free some space and try again"
    if exc.errno == errno.EIO:
        return f"the disk reported an input/output error while saving {path.name}; check the drive"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write {path}"
    if exc.errno == errno.EROFS:
        return f"the disk holding {path} is read-only"
    return f"could not save {path.name}: {exc.strerror or exc}"


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably, as a 0600 file.

    Raises WriteFailed; on failure ``path`` still holds what it held before and no
    temporary file is left behind.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{next(_temp_counter)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    except OSError as exc:
        raise WriteFailed(_disk_message(exc, path)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        _remove_quietly(tmp)
        raise WriteFailed(_disk_message(exc, path)) from None
    try:
        _fsync_folder(path.parent)
    except OSError as exc:
        raise _FolderSyncFailed(_disk_message(exc, path)) from None


class _FolderSyncFailed(WriteFailed):
    """The new file is in place but its folder entry may not be on disk yet."""


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _encode(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------- TinyDB storage


class DurableStorage(Storage):
    """A TinyDB storage that keeps the last document in memory and writes it atomically.

    Unlike TinyDB's JSONStorage it never rewrites a file in place, and it never
    replaces a file it could not parse.  Writes made inside ``batch()`` reach the
    disk as one atomic write when the batch ends.
    """

    def __init__(self, path: Path, before_replace: Any = None) -> None:
        self.path = path
        self._document: dict[str, Any] | None = None
        self._batching = False
        self._dirty = False
        self._before_replace = before_replace

    def read(self) -> dict[str, Any] | None:
        if self._document is None:
            self._document = read_database(self.path)
        return self._document

    def write(self, data: dict[str, Any]) -> None:
        self._document = data
        if self._batching:
            self._dirty = True
        else:
            self._commit()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Gather the writes of a block into one durable write."""
        self._batching = True
        self._dirty = False
        try:
            yield
            self._batching = False
            if self._dirty:
                self._commit()
        except BaseException:
            # Whatever TinyDB changed in memory is dropped; the disk is the truth.
            self._document = None
            raise
        finally:
            self._batching = False
            self._dirty = False

    def _commit(self) -> None:
        payload = _encode(self._document)
        if self._before_replace:
            self._before_replace()
        write_private(self.path, payload)

    def close(self) -> None:
        self._document = None


def read_database(path: Path) -> dict[str, Any] | None:
    """The parsed TinyDB document of a case file; None if there is no file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        if not raw.strip():
            raise CorruptCase(f"{path} is empty; it was left untouched") from None
        raise CorruptCase(f"{path} is not valid JSON (damaged or cut short); it was left untouched") from None
    if not isinstance(document, dict) or not all(isinstance(t, dict) for t in document.values()):
        raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched")
    return document


def case_from_database(document: dict[str, Any], path: Path) -> tuple[Case, dict[str, list[int]]]:
    """Rebuild the Case (and each record's TinyDB doc id) from a database document."""
    header_table = document.get(CASE_TABLE) or {}
    if len(header_table) != 1:
        raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched")
    (header,) = header_table.values()
    if not isinstance(header, dict):
        raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched")
    case_document: dict[str, Any] = {k: header[k] for k in HEADER_FIELDS if k in header}
    doc_ids: dict[str, list[int]] = {}
    for list_name in RECORD_LISTS:
        table = document.get(list_name) or {}
        try:
            ordered = sorted(table.items(), key=lambda pair: int(pair[0]))
        except ValueError:
            raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched") from None
        doc_ids[list_name] = [int(k) for k, _ in ordered]
        case_document[list_name] = [v for _, v in ordered]
    try:
        case = case_from_document(case_document)
    except CaseError as exc:
        raise CorruptCase(f"{path} breaks the case format ({exc}); it was left untouched") from None
    return case, doc_ids


# ---------------------------------------------------------------- backups


@dataclass(frozen=True)
class Backup:
    number: int  # 1 is the newest
    path: Path
    saved: datetime
    problem: str | None  # None when the backup is a good case

    @property
    def good(self) -> bool:
        return self.problem is None


# ---------------------------------------------------------------- the data folder


@dataclass(frozen=True)
class Owner:
    pid: int
    since: str


class Store:
    """The data folder: where cases, backups and the mediator's own agendas live."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home or data_home()

    @property
    def cases_folder(self) -> Path:
        return self.home / "cases"

    def case_path(self, case_id: str) -> Path:
        return self.cases_folder / f"{case_id}.json"

    def backup_folder(self, case_id: str) -> Path:
        return self.home / "backups" / case_id

    def lock_path(self, case_id: str) -> Path:
        return self.cases_folder / f"{case_id}.lock"

    def owner_path(self, case_id: str) -> Path:
        return self.cases_folder / f"{case_id}.owner"

    def desk_path(self, case_id: str) -> Path:
        """Where the board remembers the capture line's choices for a case."""
        return self.home / "desk" / f"{case_id}.json"

    @property
    def exports_folder(self) -> Path:
        return self.home / "exports"

    def case_ids(self) -> list[str]:
        if not self.cases_folder.is_dir():
            return []
        return sorted(p.stem for p in self.cases_folder.glob("*.json") if not p.name.startswith("."))

    def exists(self, case_id: str) -> bool:
        return self.case_path(case_id).exists()

    def read(self, case_id: str) -> Case:
        """The saved case, for reading only (works while the case is open elsewhere)."""
        path = self.case_path(case_id)
        document = read_database(path)
        if document is None:
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        case, _ = case_from_database(document, path)
        return case

    def open(self, case_id: str) -> CaseFile:
        """Open a case for changes; CaseLocked when another process has it open."""
        if not self.case_path(case_id).exists():
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        return CaseFile(self, case_id)

    def create(self, case: Case, *, replace: bool = False) -> None:
        """Write a whole case as a new file (import, new, demo)."""
        problem = find_problem(case)
        if problem:
            raise RefusedValue(problem)
        if self.exists(case.id) and not replace:
            raise CaseExists(f'a case "{case.id}" already exists; use --replace to overwrite it')
        private_folder(self.cases_folder)
        with self._lock(case.id):
            path = self.case_path(case.id)
            if path.exists():
                self._keep_backup(case.id, path)
            write_private(path, _encode(database_of(case)))

    def delete(self, case_id: str) -> None:
        """Remove the case, its backups, lock and owner files."""
        if not self.exists(case_id) and not self.backup_folder(case_id).exists():
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        with self._lock(case_id):
            self.case_path(case_id).unlink(missing_ok=True)
            shutil.rmtree(self.backup_folder(case_id), ignore_errors=True)
            self.owner_path(case_id).unlink(missing_ok=True)
            self.desk_path(case_id).unlink(missing_ok=True)
            if self.exports_folder.is_dir():
                for export in self.exports_folder.glob(f"{case_id}-session-*.md"):
                    _remove_quietly(export)
            for stray in self.cases_folder.glob(f".{case_id}.json.*.tmp"):
                _remove_quietly(stray)
        self.lock_path(case_id).unlink(missing_ok=True)
        if self.last_opened() == case_id:
            (self.home / "last-case").unlink(missing_ok=True)

    # ---- backups

    def backups(self, case_id: str) -> list[Backup]:
        folder = self.backup_folder(case_id)
        if not folder.is_dir():
            return []
        files = sorted((p for p in folder.glob("*.json")), key=lambda p: p.name, reverse=True)
        found = []
        for number, path in enumerate(files, start=1):
            try:
                document = read_database(path)
                if document is None:
                    continue
                case_from_database(document, path)
                problem = None
            except StoreError as exc:
                problem = str(exc)
            saved = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            found.append(Backup(number, path, saved, problem))
        return found

    def restore(self, case_id: str, number: int | None = None) -> Backup:
        """Put a backup back as the case file; the file it replaces is kept beside it."""
        backups = self.backups(case_id)
        if not backups:
            raise StoreError(f'case "{case_id}" has no backups')
        if number is None:
            chosen = next((b for b in backups if b.good), None)
            if chosen is None:
                raise StoreError(f'none of the {len(backups)} backups of "{case_id}" can be read')
        else:
            chosen = next((b for b in backups if b.number == number), None)
            if chosen is None:
                raise StoreError(f'case "{case_id}" has no backup {number}; see `facilitator restore {case_id} --list`')
            if not chosen.good:
                raise StoreError(f"backup {number} cannot be used: {chosen.problem}")
        private_folder(self.cases_folder)
        with self._lock(case_id):
            path = self.case_path(case_id)
            if path.exists():
                # Keep the file being replaced, even a damaged one: it may hold the last words.
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                aside = path.with_name(f"{case_id}.json.replaced-{stamp}")
                shutil.copyfile(path, aside)
                os.chmod(aside, FILE_MODE)
            write_private(path, chosen.path.read_bytes())
        return chosen

    def _keep_backup(self, case_id: str, path: Path) -> Path | None:
        """Keep the file's current state in the backup ring (a hard link when possible)."""
        folder = private_folder(self.backup_folder(case_id))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{stamp}.json"
        try:
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
                os.chmod(target, FILE_MODE)
        except OSError:
            return None  # a backup is a convenience; the save itself decides success
        old = sorted(folder.glob("*.json"), key=lambda p: p.name, reverse=True)[BACKUPS_KEPT:]
        for stale in old:
            _remove_quietly(stale)
        return target

    # ---- locking

    @contextmanager
    def _lock(self, case_id: str) -> Iterator[None]:
        lock = self._acquire(case_id)
        try:
            yield
        finally:
            lock.release()

    def _acquire(self, case_id: str) -> filelock.BaseFileLock:
        private_folder(self.cases_folder)
        lock = filelock.FileLock(self.lock_path(case_id), timeout=0, mode=FILE_MODE)
        try:
            lock.acquire()
        except filelock.Timeout:
            owner = self.owner(case_id)
            who = f" (process {owner.pid}, since {owner.since})" if owner else ""
            raise CaseLocked(
                f'case "{case_id}" is open in another facilitator window{who}; close it there first'
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot lock case {case_id}: {exc.strerror or exc}") from None
        return lock

    def owner(self, case_id: str) -> Owner | None:
        try:
            data = json.loads(self.owner_path(case_id).read_text("utf-8"))
            return Owner(int(data["pid"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    # ---- where the mediator was

    def remember(self, case_id: str) -> None:
        private_folder(self.home)
        try:
            write_private(self.home / "last-case", case_id.encode("utf-8"))
        except WriteFailed:
            pass  # only a convenience for the next start

    def last_opened(self) -> str | None:
        try:
            case_id = (self.home / "last-case").read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return case_id if case_id and self.exists(case_id) else None


def database_of(case: Case) -> dict[str, Any]:
    """The TinyDB document of a whole case: a header table and one table per record list."""
    dumped = case.dump()
    document: dict[str, Any] = {CASE_TABLE: {"1": {k: dumped[k] for k in HEADER_FIELDS}}}
    for list_name in RECORD_LISTS:
        records = dumped.get(list_name, [])
        document[list_name] = {str(n): record for n, record in enumerate(records, start=1)}
    return document


class CaseFile:
    """A case open for changes, held by this process until ``close()``."""

    def __init__(self, store: Store, case_id: str) -> None:
        self.store = store
        self.case_id = case_id
        self.path = store.case_path(case_id)
        self._lock = store._acquire(case_id)
        try:
            self._storage = DurableStorage(self.path, before_replace=self._before_replace)
            self._db = TinyDB(storage=lambda: self._storage)
            self._reload()
            owner = {"pid": os.getpid(), "since": datetime.now().astimezone().isoformat(timespec="seconds")}
            write_private(store.owner_path(case_id), _encode(owner))
        except BaseException:
            self._lock.release()
            raise

    @property
    def case(self) -> Case:
        """The case as it is on disk now."""
        return self._case

    def _reload(self) -> None:
        self._storage.close()
        document = self._storage.read()
        if document is None:
            raise CaseNotFound(f'no case "{self.case_id}"; see `facilitator list`')
        self._case, self._doc_ids = case_from_database(document, self.path)
        self._signature = self._disk_signature()

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def _before_replace(self) -> None:
        if self._disk_signature() != self._signature:
            raise WriteFailed(
                f"{self.path.name} was changed outside this window; nothing was saved. Reopen the case."
            )
        self._backup = self.store._keep_backup(self.case_id, self.path)

    def save(self, new: Case) -> None:
        """Make ``new`` the saved case, durably, or raise StoreError and change nothing."""
        if new is self._case:
            return
        if new.id != self.case_id:
            raise RefusedValue("a case cannot change its id")
        problem = find_problem(new)
        if problem:
            raise RefusedValue(problem)
        old = self._case
        self._backup = None
        try:
            with self._storage.batch():
                self._apply(old, new)
        except _FolderSyncFailed:
            self._roll_back()
            raise
        except StoreError:
            self._reload_after_failure()
            raise
        except OSError as exc:
            self._reload_after_failure()
            raise WriteFailed(_disk_message(exc, self.path)) from None
        self._case = new
        self._signature = self._disk_signature()

    def _roll_back(self) -> None:
        # The new file is in place but may not survive a power cut: put the old one back.
        if self._backup is not None:
            try:
                write_private(self.path, self._backup.read_bytes())
            except (OSError, StoreError):
                pass
        self._reload_after_failure()

    def _reload_after_failure(self) -> None:
        try:
            self._reload()
        except StoreError:
            # The disk state is unknown; keep the last state known to be saved.
            self._storage.close()

    def _apply(self, old: Case, new: Case) -> None:
        old_header = {k: getattr(old, k) for k in HEADER_FIELDS}
        new_header = {k: getattr(new, k) for k in HEADER_FIELDS}
        if old_header != new_header:
            dumped = new.dump()
            self._db.table(CASE_TABLE).update({k: dumped[k] for k in HEADER_FIELDS})
        for list_name in RECORD_LISTS:
            before: list[Record] = getattr(old, list_name)
            after: list[Record] = getattr(new, list_name)
            if before is not after:
                self._apply_list(list_name, before, after)

    def _apply_list(self, list_name: str, before: list[Record], after: list[Record]) -> None:
        table = self._db.table(list_name)
        doc_ids = dict(zip((r.id for r in before), self._doc_ids[list_name], strict=True))
        old_by_id = {r.id: r for r in before}
        new_ids = [r.id for r in after]
        kept = [r.id for r in before if r.id in set(new_ids)]
        added = [i for i in new_ids if i not in old_by_id]
        if new_ids != kept + added:
            # Reordered: rewrite the table so the file keeps the case's order.
            table.truncate()
            self._doc_ids[list_name] = table.insert_multiple([r.dump() for r in after])
            return
        removed = [doc_ids[r.id] for r in before if r.id not in set(new_ids)]
        if removed:
            table.remove(doc_ids=removed)
        for record in after:
            previous = old_by_id.get(record.id)
            if previous is not None and previous is not record and previous != record:
                table.update(_replace_with(record.dump()), doc_ids=[doc_ids[record.id]])
        new_doc_ids = [doc_ids[i] for i in kept]
        for record in after:
            if record.id not in old_by_id:
                new_doc_ids.append(table.insert(record.dump()))
        self._doc_ids[list_name] = new_doc_ids

    def close(self) -> None:
        if self._lock.is_locked:
            self.store.owner_path(self.case_id).unlink(missing_ok=True)
            self._lock.release()
            self._storage.close()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _replace_with(document: dict[str, Any]) -> Any:
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(document)

    return transform

