"""Keeping cases on disk: one TinyDB file per case, written so that nothing is lost.

The guarantees (DESIGN.md section 10):

* A change is on disk before ``CaseFile.save`` returns: temp file in the same folder,
  flush, fsync, ``os.replace``, fsync the folder.  A killed process leaves the
  previous or the new file, never a torn one.
* A file that does not parse, or breaks a rule of the case format, is never
  overwritten; the last good backups are kept in a small ring beside it.
* A change that would not read back (a value pydantic refuses, a broken reference) is
  refused before any file is opened (``check_values``).
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
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import filelock
from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage

from facilitator.model import (
    CASE_ID_PATTERN,
    HEADER_FIELDS,
    RECORD_LISTS,
    Case,
    CaseError,
    Record,
    case_from_document,
    describe_error,
)

BACKUPS_KEPT = 10
FILE_MODE = 0o600
FOLDER_MODE = 0o700
CASE_TABLE = "case"
NULL_LISTS = "null_lists"  # in the header: record lists the case file wrote as null


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
    """Create ``path`` (and the parents it needs) readable by the user only."""
    try:
        # mkdir(parents=True) would give the parents it creates the default mode (0755):
        # the data folder itself must not be listable by others either.
        missing = []
        folder = path
        while not folder.is_dir():
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
            if os.name == "posix":
                os.chmod(folder, FOLDER_MODE)
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
    temporary file is left behind (except _FolderSyncFailed: the new file is in place,
    see ``undo_replace``).
    """
    tmp = _temp_path(path)
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


class OutputRefused(StoreError):
    """An ``-o`` path the app will not write to; nothing was written."""


def write_output(path: Path, data: bytes, *, force: bool = False, home: Path | None = None) -> Path:
    """Write a file the user asked for (``-o FILE``) safely, and return where it went.

    Only ever a regular file: an existing one is replaced only with ``force``; a symlink,
    folder, FIFO or device is refused; nothing is written inside the data folder's
    ``cases/`` or ``backups/`` (nor over a hard link to a case file). Written like a case
    (temp file, fsync, rename), so a full disk or a kill leaves no partial file.
    """
    target = path.expanduser().absolute()
    try:
        folder = target.parent.resolve(strict=True)
    except (OSError, RuntimeError):
        raise OutputRefused(f"the folder for {target} does not exist") from None
    if not folder.is_dir():
        raise OutputRefused(f"{target.parent} is not a folder")
    target = folder / target.name
    if home is not None:
        for inner in ("cases", "backups"):
            protected = (home / inner).resolve()
            if folder == protected or protected in folder.parents:
                raise OutputRefused(f"will not write inside the data folder's {inner}/ ({target})")
    try:
        existing = os.lstat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputRefused(f"cannot use {target}: {exc.strerror or exc}") from None
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            kind = "a symbolic link" if stat.S_ISLNK(existing.st_mode) else "not a regular file"
            raise OutputRefused(f"{target} is {kind}; give the path of a regular file")
        if not force:
            raise OutputRefused(f"{target} already exists; add --force to replace it")
        if home is not None and existing.st_nlink > 1 and _links_into(home, existing):
            raise OutputRefused(f"{target} is a hard link to a case file; it is left as it is")
    if force:
        write_private(target, data)
        return target
    # Without --force, never replace: publish the finished temp file with a link, which
    # fails if something appeared at the path meanwhile.
    tmp = _temp_path(target)
    write_private(tmp, data)
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputRefused(f"{target} already exists; add --force to replace it") from None
    except OSError:
        os.replace(tmp, target)  # a file system without hard links; checked just above
    finally:
        _remove_quietly(tmp)
    try:
        _fsync_folder(folder)
    except OSError:
        pass  # the file is complete; only its folder entry may be late
    return target


def _links_into(home: Path, found: os.stat_result) -> bool:
    for inner in ("cases", "backups"):
        for candidate in (home / inner).rglob("*"):
            try:
                other = candidate.lstat()
            except OSError:
                continue
            if (other.st_ino, other.st_dev) == (found.st_ino, found.st_dev):
                return True
    return False


class _FolderSyncFailed(WriteFailed):
    """The new file is in place but its folder entry may not be on disk yet."""


def _temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{next(_temp_counter)}.tmp")


def undo_replace(path: Path, previous: Path | None) -> None:
    """Put ``previous`` back as ``path`` (or remove ``path`` when there was none before).

    Used when the folder fsync after a replace failed. The previous file is linked back
    rather than written again: that needs no write and no fsync, so it works on the very
    disk that just failed. Best effort: errors are swallowed, the caller re-reads the disk.
    """
    try:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            tmp = _temp_path(path)
            try:
                os.link(previous, tmp)
                os.replace(tmp, path)
            except OSError:
                _remove_quietly(tmp)
                write_private(path, previous.read_bytes())
    except (OSError, StoreError):
        return
    try:
        _fsync_folder(path.parent)
    except OSError:
        pass


def _same_content(one: Path, other: Path) -> bool:
    a, b = one.stat(), other.stat()
    if (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev):
        return True
    return a.st_size == b.st_size and one.read_bytes() == other.read_bytes()


def _when(stamp: str) -> str:
    """A timestamp as a person reads it: "at 14:06", or "on Nov 27 at 14:06"."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    if moment.date() == datetime.now().astimezone().date():
        return f"at {moment:%H:%M}"
    return f"on {moment:%b} {moment.day} at {moment:%H:%M}"


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

    def __init__(self, path: Path, before_replace: Any = None, after_write: Any = None) -> None:
        self.path = path
        self._document: dict[str, Any] | None = None
        self._batching = False
        self._after_write = after_write
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
        if self._after_write:
            self._after_write(payload)

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
    except RecursionError:
        raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched") from None
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
    null_lists = header.get(NULL_LISTS) or []
    doc_ids: dict[str, list[int]] = {}
    for list_name in RECORD_LISTS:
        table = document.get(list_name)
        if table is None:
            # A list the case file left out stays out, one it wrote as null stays null
            # (DESIGN: import -> dump is the same document).
            doc_ids[list_name] = []
            if list_name in null_lists:
                case_document[list_name] = None
            continue
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


def _slug(case_id: str) -> str:
    """A case id fit to be part of a file name: never a path such as ``../..``."""
    if not isinstance(case_id, str) or not CASE_ID_PATTERN.fullmatch(case_id):
        raise CaseNotFound(f"no case {json.dumps(case_id, ensure_ascii=False)}; see `facilitator list`")
    return case_id


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
        return self.cases_folder / f"{_slug(case_id)}.json"

    def backup_folder(self, case_id: str) -> Path:
        return self.home / "backups" / _slug(case_id)

    def lock_path(self, case_id: str) -> Path:
        return self.cases_folder / f"{_slug(case_id)}.lock"

    def owner_path(self, case_id: str) -> Path:
        return self.cases_folder / f"{_slug(case_id)}.owner"

    def desk_path(self, case_id: str) -> Path:
        """Where the board remembers the capture line's choices for a case."""
        return self.home / "desk" / f"{_slug(case_id)}.json"

    @property
    def exports_folder(self) -> Path:
        return self.home / "exports"

    def case_ids(self) -> list[str]:
        if not self.cases_folder.is_dir():
            return []
        return sorted(p.stem for p in self.cases_folder.glob("*.json") if CASE_ID_PATTERN.fullmatch(p.stem))

    def free_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``... whichever names no case yet."""
        candidate, number = base, 2
        while self.exists(candidate):
            candidate, number = f"{base[:60]}-{number}", number + 1
        return candidate

    def exists(self, case_id: str) -> bool:
        return bool(CASE_ID_PATTERN.fullmatch(case_id)) and self.case_path(case_id).exists()

    def read(self, case_id: str) -> Case:
        """The saved case, for reading only (works while the case is open elsewhere)."""
        path = self.case_path(case_id)
        try:
            document = read_database(path)
            if document is None:
                raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
            case, _ = case_from_database(document, path)
        except CorruptCase as exc:
            raise self._offer_backup(case_id, exc) from None
        return case

    def open(self, case_id: str) -> CaseFile:
        """Open a case for changes; CaseLocked when another process has it open."""
        if not self.case_path(case_id).exists():
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        try:
            return CaseFile(self, case_id)
        except CorruptCase as exc:
            raise self._offer_backup(case_id, exc) from None

    def _offer_backup(self, case_id: str, exc: CorruptCase) -> CorruptCase:
        if any(backup.good for backup in self.backups(case_id)):
            return CorruptCase(f"{exc}; `facilitator restore {case_id}` puts back the last good backup")
        return exc

    def create(self, case: Case, *, replace: bool = False) -> None:
        """Write a whole case as a new file (import, new, demo)."""
        check_values(case)
        if self.exists(case.id) and not replace:
            raise CaseExists(f'a case "{case.id}" already exists; use --replace to overwrite it')
        payload = _encode(database_of(case))
        private_folder(self.cases_folder)
        with self._lock(case.id):
            self._sweep_temp_files(case.id)
            path = self.case_path(case.id)
            existed = path.exists()
            backup = self._keep_backup(case.id, path) if existed else None
            try:
                write_private(path, payload)
            except _FolderSyncFailed:
                # Not sure to survive a power cut: put back what was there (or nothing).
                if backup is not None or not existed:
                    undo_replace(path, backup)
                raise
            self._keep_copy(case.id, payload)

    def _sweep_temp_files(self, case_id: str) -> None:
        """Remove the temporary files a killed writer left behind (call with the lock held)."""
        if self.cases_folder.is_dir():
            for stray in self.cases_folder.glob(f".{case_id}.*.tmp"):
                _remove_quietly(stray)

    def delete(self, case_id: str) -> None:
        """Remove the case, its backups, lock and owner files."""
        if not self.exists(case_id) and not self.backup_folder(case_id).exists():
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        remembered = self.home / "last-case"
        try:
            forget = remembered.read_text("utf-8").strip() == case_id
        except (OSError, UnicodeDecodeError):
            forget = False
        with self._lock(case_id):
            self.case_path(case_id).unlink(missing_ok=True)
            for aside in self.cases_folder.glob(f"{case_id}.json.replaced-*"):
                _remove_quietly(aside)
            shutil.rmtree(self.backup_folder(case_id), ignore_errors=True)
            self.owner_path(case_id).unlink(missing_ok=True)
            self.desk_path(case_id).unlink(missing_ok=True)
            if self.exports_folder.is_dir():
                for export in self.exports_folder.glob(f"{case_id}-session-*.md"):
                    _remove_quietly(export)
            self._sweep_temp_files(case_id)
        self.lock_path(case_id).unlink(missing_ok=True)
        if forget:
            remembered.unlink(missing_ok=True)

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
                raise StoreError(
                    f'case "{case_id}" has no backup {number}; see `facilitator restore {case_id} --list`'
                )
            if not chosen.good:
                raise StoreError(f"backup {number} cannot be used: {chosen.problem}")
        private_folder(self.cases_folder)
        with self._lock(case_id):
            path = self.case_path(case_id)
            if path.exists():
                # Keep the file being replaced, even a damaged one: it may hold the last words.
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
                aside = path.with_name(f"{case_id}.json.replaced-{stamp}")
                write_private(aside, path.read_bytes())
            write_private(path, chosen.path.read_bytes())
        return chosen

    def _keep_copy(self, case_id: str, payload: bytes) -> Path | None:
        """Keep a state just written in the backup ring, as a file of its own.

        A copy, not a link: a program that overwrites the case file in place must not
        damage its backup too. Not fsynced (the case file is); a backup torn by a power cut
        is skipped by ``restore``.
        """
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        try:
            folder = private_folder(self.backup_folder(case_id))
            self._prune_backups(folder, room_for=1)  # first, so a kill never leaves one too many
            target = folder / f"{stamp}.json"
            with open(target, "xb") as handle:  # inside a 0700 folder, made 0600 before any byte
                if os.name == "posix":
                    os.fchmod(handle.fileno(), FILE_MODE)
                handle.write(payload)
        except (OSError, StoreError):
            return None  # a backup is a convenience; the save itself decides success
        return target

    def _prune_backups(self, folder: Path, room_for: int = 0) -> None:
        kept = BACKUPS_KEPT - room_for
        for stale in sorted(folder.glob("*.json"), key=lambda p: p.name, reverse=True)[kept:]:
            _remove_quietly(stale)

    def _keep_backup(self, case_id: str, path: Path) -> Path | None:
        """Keep the file's current state in the backup ring (a hard link when possible).

        Returns the backup holding that state; None when none could be made (a backup is a
        convenience, the save itself decides success).
        """
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        try:
            folder = private_folder(self.backup_folder(case_id))
            ring = sorted(folder.glob("*.json"), key=lambda p: p.name, reverse=True)
            if ring and _same_content(ring[0], path):
                # Already kept: saves refused one after another must not push older states out.
                return ring[0]
            self._prune_backups(folder, room_for=1)
            target = folder / f"{stamp}.json"
            try:
                os.link(path, target)
            except OSError:
                write_private(target, path.read_bytes())
        except (OSError, StoreError):
            return None
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
            who = f" (process {owner.pid}, opened {_when(owner.since)})" if owner else ""
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
    header = {k: dumped[k] for k in HEADER_FIELDS if k in dumped}
    nulls = [name for name in RECORD_LISTS if name in dumped and dumped[name] is None]
    if nulls:
        header[NULL_LISTS] = nulls
    document: dict[str, Any] = {CASE_TABLE: {"1": header}}
    for list_name in RECORD_LISTS:
        if dumped.get(list_name) is not None:  # a list the case left out (or wrote null) gets no table
            records = dumped[list_name]
            document[list_name] = {str(n): record for n, record in enumerate(records, start=1)}
    return document


def check_values(new: Case, old: Case | None = None) -> None:
    """Refuse, before any file is touched, a case that would not read back.

    Records built with ``model_copy`` skip pydantic's checks, so every record that is new
    or changed since ``old`` (all of them without ``old``) is validated as if read from a
    file, together with the header and the rules of the case format. Unchanged records
    were checked when they were read and are passed through as they are.
    """
    document: dict[str, Any] = {}
    try:
        for field in HEADER_FIELDS:
            document[field] = new.__dict__.get(field)
        for list_name in RECORD_LISTS:
            records = getattr(new, list_name)
            before = getattr(old, list_name) if old is not None else None
            if records is before:
                document[list_name] = records
                continue
            known = {id(record) for record in before or ()}
            record_type = RECORD_LISTS[list_name]
            document[list_name] = [
                record
                if id(record) in known and type(record) is record_type
                else record.model_dump(mode="json", exclude_unset=True, warnings=False)
                if isinstance(record, Record)
                else record
                for record in records
            ]
    except Exception:  # a value that cannot even be written as JSON
        raise RefusedValue("the change holds a value that cannot be stored; nothing was saved") from None
    try:
        Case.model_validate(document)
    except ValidationError as exc:
        raise RefusedValue(f"{describe_error(exc, document)}; nothing was saved") from None


class CaseFile:
    """A case open for changes, held by this process until ``close()``."""

    def __init__(self, store: Store, case_id: str) -> None:
        self.store = store
        self.case_id = case_id
        self.path = store.case_path(case_id)
        self._lock = store._acquire(case_id)
        try:
            store._sweep_temp_files(case_id)
            self._last_copy: Path | None = None
            self._storage = DurableStorage(
                self.path, before_replace=self._before_replace, after_write=self._after_write
            )
            self._db = TinyDB(storage=lambda: self._storage)
            self._reload()
            owner = {"pid": os.getpid(), "since": datetime.now().astimezone().isoformat(timespec="seconds")}
            try:
                write_private(store.owner_path(case_id), _encode(owner))
            except WriteFailed:
                pass  # it only names who holds the lock; a full disk must not keep the case closed
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
        if self._last_copy is not None and self._last_copy.exists():
            self._backup = self._last_copy  # the state on disk, kept when it was written
        else:
            self._backup = self.store._keep_backup(self.case_id, self.path)

    def _after_write(self, payload: bytes) -> None:
        self._last_copy = self.store._keep_copy(self.case_id, payload)

    def save(self, new: Case) -> None:
        """Make ``new`` the saved case, durably, or raise StoreError and change nothing."""
        if new is self._case:
            return
        if new.id != self.case_id:
            raise RefusedValue("a case cannot change its id")
        old = self._case
        check_values(new, old)
        self._backup = None
        self._doc_ids_before = {name: list(ids) for name, ids in self._doc_ids.items()}
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
            undo_replace(self.path, self._backup)
        self._reload_after_failure()

    def _reload_after_failure(self) -> None:
        try:
            self._reload()
        except StoreError:
            # The disk state is unknown; keep the last state known to be saved.
            self._storage.close()
            self._doc_ids = self._doc_ids_before

    def _apply(self, old: Case, new: Case) -> None:
        old_header = {k: getattr(old, k) for k in HEADER_FIELDS}
        new_header = {k: getattr(new, k) for k in HEADER_FIELDS}
        if old_header != new_header:
            dumped = new.dump()
            self._db.table(CASE_TABLE).update({k: dumped[k] for k in HEADER_FIELDS if k in dumped})
        for list_name in RECORD_LISTS:
            before: list[Record] = getattr(old, list_name)
            after: list[Record] = getattr(new, list_name)
            if before is not after:
                self._apply_list(list_name, before, after, list_name in new.model_fields_set)

    def _apply_list(self, list_name: str, before: list[Record], after: list[Record], explicit: bool) -> None:
        table = self._db.table(list_name)
        if not before and not after:
            if explicit:
                # A list set to empty: its (empty) table keeps it in the file, where a list
                # the case left out has no table and stays out of a dump.
                table.truncate()
            return
        doc_ids = dict(zip((r.id for r in before), self._doc_ids[list_name], strict=True))
        old_by_id = {r.id: r for r in before}
        new_ids = [r.id for r in after]
        staying = set(new_ids)  # built once: a set per record made long lists quadratic
        kept = [r.id for r in before if r.id in staying]
        added = [i for i in new_ids if i not in old_by_id]
        if new_ids != kept + added:
            # Reordered: rewrite the table so the file keeps the case's order.
            table.truncate()
            self._doc_ids[list_name] = table.insert_multiple([r.dump() for r in after])
            return
        removed = [doc_ids[r.id] for r in before if r.id not in staying]
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
