"""Keeping cases on disk: one TinyDB file per case, written so that nothing is lost.

The guarantees (DESIGN.md section 10):

* One write path: ``DurableStorage.write`` puts the whole TinyDB document on disk before it
  returns (temp file in the same folder, flush, fsync, ``os.replace``, fsync the folder). A
  killed process leaves the previous or the new file, never a torn one.
* A file that does not parse, breaks a rule of the case format or holds another case than its
  name says is never overwritten. Every saved state is kept in the case's ``BackupRing``.
* A change that would not read back (a value pydantic refuses, a broken reference) is
  refused before any file is opened (``check_values``).
* One writer per case: a ``CaseLock`` (an OS-level lock that dies with its process, and a
  small owner file that says who holds it). Readers never need the lock.
* Every file is read through ``read_limited``: a FIFO, a device, a folder or a huge file is
  refused in one line, never read.
* Everything written is private to the user: files 0600, folders 0700; a data folder found
  open to others is closed again (``Store.make_private``).
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import re
import shutil
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import filelock
from pydantic import ValidationError
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
    explain,
)

BACKUPS_KEPT = 10
FILE_MODE = 0o600
FOLDER_MODE = 0o700
MAX_CASE_BYTES = 512 * 1024 * 1024  # a case file, an import, a backup
MAX_STATE_BYTES = 4 * 1024 * 1024  # what the app keeps for itself: last case, owner, desk, export records
CASE_TABLE = "case"
NULL_LISTS = "null_lists"  # in the header: record lists the case file wrote as null
# Names Windows keeps for devices, with any extension: a case file called con.json could not
# be opened on a Windows laptop, so no case takes such an id.
DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


class StoreError(Exception):
    """A problem with the data folder, explained in one line for the mediator."""

    retry_helps = False  # whether doing the same again may work once the user has acted


class CaseNotFound(StoreError):
    pass


class CaseExists(StoreError):
    pass


class CaseLocked(StoreError):
    retry_helps = True  # once the other window is closed


class CorruptCase(StoreError):
    """The case file is unreadable; it is left exactly as it is."""


class WriteFailed(StoreError):
    """The disk refused a write; the file still holds the previous state."""

    retry_helps = True  # once there is space, or the drive behaves


class CaseChanged(WriteFailed):
    """The case file is not the one this window read: saving over it would lose the other change."""

    retry_helps = False


class RefusedValue(StoreError):
    """The change cannot be stored; nothing was written."""


class OutputRefused(StoreError):
    """An ``-o`` path the app will not write to; nothing was written."""


class UnreadableFile(StoreError):
    """A file that is not a plain readable file of a sensible size; it was not read."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class _FolderSyncFailed(WriteFailed):
    """The new file is in place but its folder entry may not be on disk yet."""


# ---------------------------------------------------------------- reading files


def read_limited(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file at ``path``, or None when there is no file there.

    UnreadableFile for anything else: a folder, FIFO, device or socket is never opened for
    reading (it could block forever or never end), and a file over ``limit`` bytes is not
    read at all.
    """
    try:
        _check_readable(path, os.stat(path), limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFile(path, _reason(exc)) from None
    except ValueError:  # a NUL in the name: no file system has such a file
        raise UnreadableFile(path, "the name holds a NUL character") from None
    try:
        _check_readable(path, os.fstat(fd), limit)  # the file opened is the one checked
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise UnreadableFile(path, _reason(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while being read
        raise UnreadableFile(path, f"it is larger than {_size(limit)}")
    return data


def _check_readable(path: Path, info: os.stat_result, limit: int) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        if info.st_size > limit:
            raise UnreadableFile(path, f"it is larger than {_size(limit)}")
        return
    if stat.S_ISDIR(mode):
        raise UnreadableFile(path, "it is a folder, not a file")
    if stat.S_ISFIFO(mode):
        raise UnreadableFile(path, "it is a pipe (FIFO), not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise UnreadableFile(path, "it is a device, not a file")
    raise UnreadableFile(path, "it is not a regular file")


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return (exc.strerror or str(exc)).lower()


# ---------------------------------------------------------------- writing files


def data_home() -> Path:
    """The data folder: $FACILITATOR_HOME, else the platform's user data folder."""
    configured = os.environ.get("FACILITATOR_HOME")
    if configured:
        return Path(configured).expanduser().absolute()
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
            folder.mkdir(mode=FOLDER_MODE)
            if os.name == "posix":
                os.chmod(folder, FOLDER_MODE)  # whatever the umask
    except OSError as exc:
        raise StoreError(f"cannot use the folder {path}: {_reason(exc)}") from None
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


def _temp_path(path: Path) -> Path:
    # Short enough for any file system (255 bytes a name) whatever the length of the name.
    stem = path.name.encode("utf-8")[:120].decode("utf-8", "ignore")
    return path.with_name(f".{stem}.{os.getpid()}.{next(_temp_counter)}.tmp")


def _disk_message(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"the disk is full, so {path.name} could not be saved; free some space and try again"
    if exc.errno == errno.EIO:
        return f"the disk reported an input/output error while saving {path.name}; check the drive"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write {path}"
    if exc.errno == errno.EROFS:
        return f"the disk holding {path} is read-only"
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder, so nothing could be saved there"
    if exc.errno == errno.ENAMETOOLONG:
        return f"the name {path} is too long for the disk"
    return f"could not save {path.name}: {_reason(exc)}"


def _write_new(tmp: Path, data: bytes, target: Path, *, sync: bool = True) -> None:
    """Create ``tmp`` (0600, new) holding ``data`` (on disk when ``sync``); WriteFailed names ``target``."""
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    except OSError as exc:
        raise WriteFailed(_disk_message(exc, target)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        _remove_quietly(tmp)
        raise WriteFailed(_disk_message(exc, target)) from None


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably, as a 0600 file.

    Raises WriteFailed; on failure ``path`` still holds what it held before and no
    temporary file is left behind (except _FolderSyncFailed: the new file is in place,
    see ``undo_replace``).
    """
    _replace(path, data)
    try:
        _fsync_folder(path.parent)
    except OSError as exc:
        raise _FolderSyncFailed(_disk_message(exc, path)) from None


def _write_note(path: Path, data: bytes) -> None:
    """Replace ``path`` atomically as a 0600 file, without waiting for the disk: for a note
    that means nothing after a crash (who holds a lock: the lock goes with its process)."""
    _replace(path, data, sync=False)


def _replace(path: Path, data: bytes, *, sync: bool = True) -> None:
    tmp = _temp_path(path)
    _write_new(tmp, data, path, sync=sync)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _remove_quietly(tmp)
        raise WriteFailed(_disk_message(exc, path)) from None


def _write_unsynced(path: Path, data: bytes) -> None:
    """Create ``path`` (new, 0600) holding ``data``, without waiting for the disk.

    For copies that are a convenience (the backup ring) or a last resort (``undo_replace``):
    they must never make a save fail, so they use plain buffered I/O and no fsync.
    """
    with open(path, "xb") as handle:  # made 0600 before any byte goes in
        if os.name == "posix":
            os.fchmod(handle.fileno(), FILE_MODE)
        handle.write(data)


def undo_replace(path: Path, previous: bytes | None) -> bool:
    """Put ``previous`` back as ``path`` (or remove ``path`` when there was none before).

    Used when the folder fsync after a replace failed, so on a disk that is failing: the old
    bytes go back without an fsync, which is what just failed. Best effort; False when the
    new file is still there.
    """
    tmp = _temp_path(path)
    try:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            _write_unsynced(tmp, previous)
            os.replace(tmp, path)
    except OSError:
        _remove_quietly(tmp)
        return False
    try:
        _fsync_folder(path.parent)
    except OSError:
        pass
    return True


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def write_output(path: Path, data: bytes, *, force: bool = False, home: Path | None = None) -> Path:
    """Write a file the user asked for (``-o FILE``) safely, and return where it went.

    Only ever a regular file: an existing one is replaced only with ``force``; a symlink,
    folder, FIFO or device is refused; nothing is written inside the data folder's
    ``cases/`` or ``backups/`` (whatever path leads there: a symlink, another spelling on a
    case-insensitive disk, a bind mount). Written like a case (temp file, fsync, rename), so a
    full disk or a kill leaves no partial file.
    """
    target = path.expanduser().absolute()
    if target.name in ("", ".", "..") or "\x00" in str(target):
        raise OutputRefused(f"{json.dumps(str(path))} is not the path of a file")
    try:
        folder = target.parent.resolve(strict=True)
    except (OSError, RuntimeError):
        raise OutputRefused(f"the folder for {target} does not exist") from None
    if not folder.is_dir():
        raise OutputRefused(f"{target.parent} is not a folder")
    target = folder / target.name
    inner = _protected_folder(folder, home) if home is not None else None
    if home is not None and target.name in ("cases", "backups") and _same_folder(folder, home):
        inner = target.name  # not made yet: a file there would keep the store from making it
    if inner is not None:
        raise OutputRefused(f"will not write inside the data folder's {inner}/ ({target})")
    try:
        existing = os.lstat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputRefused(f"cannot use {target}: {_reason(exc)}") from None
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            kind = "a symbolic link" if stat.S_ISLNK(existing.st_mode) else "not a regular file"
            raise OutputRefused(f"{target} is {kind}; give the path of a regular file")
        if not force:
            raise OutputRefused(f"{target} already exists; add --force to replace it")
        if home is not None and existing.st_nlink > 1 and _links_into(home, existing):
            # Replacing it would not touch the case (a new file is renamed over the name), but a
            # path that is the case under another name is surely a slip of the user's.
            raise OutputRefused(f"{target} is a hard link to a file of the data folder; it is left as it is")
        write_private(target, data)
        return target
    # Without --force, never replace: publish the finished temp file with a link, which
    # fails if something appeared at the path meanwhile.
    tmp = _temp_path(target)
    _write_new(tmp, data, target)
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputRefused(f"{target} already exists; add --force to replace it") from None
    except OSError:
        try:
            os.replace(tmp, target)  # a file system without hard links; checked just above
        except OSError as exc:
            raise WriteFailed(_disk_message(exc, target)) from None
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


def _same_folder(one: Path, other: Path) -> bool:
    try:
        a, b = os.stat(one), os.stat(other)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _protected_folder(folder: Path, home: Path) -> str | None:
    """``cases`` or ``backups`` when ``folder`` is (inside) that folder of the data folder.

    Compared by device and inode, not by spelling, so no symlink, ``..`` or other letter
    case can lead a write in.
    """
    protected = {}
    for inner in ("cases", "backups"):
        try:
            info = os.stat(home / inner)
        except OSError:
            continue
        protected[(info.st_dev, info.st_ino)] = inner
    for ancestor in (folder, *folder.parents):
        try:
            info = os.stat(ancestor)
        except OSError:
            continue
        found = protected.get((info.st_dev, info.st_ino))
        if found:
            return found
    return None


def _encode(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _when(stamp: str) -> str | None:
    """A timestamp as a person reads it: "at 14:06", or "on Nov 27 at 14:06"."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except (ValueError, TypeError, OverflowError):
        return None
    if moment.date() == datetime.now().astimezone().date():
        return f"at {moment:%H:%M}"
    return f"on {moment:%b} {moment.day} at {moment:%H:%M}"


# ---------------------------------------------------------------- the case file


class DurableStorage(Storage):
    """The TinyDB storage of one case file, and the store's one way of writing a case.

    It keeps the last document read or written in memory (with its bytes, ``payload``), and
    ``write`` replaces the whole file atomically and durably. Unlike TinyDB's JSONStorage it
    never rewrites a file in place, never replaces a file it could not parse, and never reads
    more than ``MAX_CASE_BYTES`` or anything that is not a regular file.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._document: dict[str, Any] | None = None
        self.payload: bytes | None = None  # the file's bytes as last read or written

    def read(self) -> dict[str, Any] | None:
        if self._document is None:
            raw = read_limited(self.path, MAX_CASE_BYTES)
            if raw is None:
                return None
            self._document, self.payload = parse_database(raw, self.path), raw
        return self._document

    def write(self, data: dict[str, Any]) -> None:
        payload = _encode(data)
        write_private(self.path, payload)
        self._document, self.payload = data, payload

    def close(self) -> None:
        self._document = self.payload = None


def read_database(path: Path) -> dict[str, Any] | None:
    """The parsed TinyDB document of a case file; None if there is no file."""
    raw = read_limited(path, MAX_CASE_BYTES)
    return None if raw is None else parse_database(raw, path)


def parse_database(raw: bytes, path: Path) -> dict[str, Any]:
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


def case_from_database(document: dict[str, Any], path: Path, case_id: str | None = None) -> Case:
    """Rebuild the Case from a database document; CorruptCase unless it is ``case_id``."""
    header_table = document.get(CASE_TABLE) or {}
    if len(header_table) != 1:
        raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched")
    (header,) = header_table.values()
    if not isinstance(header, dict):
        raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched")
    case_document: dict[str, Any] = {k: header[k] for k in HEADER_FIELDS if k in header}
    null_lists = header.get(NULL_LISTS) or []
    for list_name in RECORD_LISTS:
        table = document.get(list_name)
        if table is None:
            # A list the case file left out stays out, one it wrote as null stays null
            # (DESIGN: import -> dump is the same document).
            if list_name in null_lists:
                case_document[list_name] = None
            continue
        try:
            ordered = sorted(table.items(), key=lambda pair: int(pair[0]))
        except ValueError:
            raise CorruptCase(f"{path} is not a facilitator case file; it was left untouched") from None
        case_document[list_name] = [v for _, v in ordered]
    try:
        case = case_from_document(case_document)
    except CaseError as exc:
        raise CorruptCase(f"{path} breaks the case format ({explain(exc)}); it was left untouched") from None
    if case_id is not None and case.id != case_id:
        # A copy under another name would list twice, never save, and outlive the original.
        raise CorruptCase(
            f'{path} holds the case "{case.id}", not "{case_id}" as its name says (a copy?); '
            "it was left untouched: move it out of the data folder, or import it under its own id"
        )
    return case


def database_of(case: Case, previous: tuple[Case, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The TinyDB document of a whole case: a header table and one table per record list.

    ``previous``: a case and the document made of it here. A change leaves the records it did
    not touch as the same objects (the lists it did not touch too), so they keep their JSON
    form from that document and only the others are dumped.
    """
    filled = {name for name in RECORD_LISTS if getattr(case, name)}
    # The case's own dump decides the header and how an empty list is written (left out,
    # null or []); with the full lists emptied it is cheap.
    skeleton = case.model_copy(update=dict.fromkeys(filled, [])).dump()
    header = {k: skeleton[k] for k in HEADER_FIELDS if k in skeleton}
    nulls = [n for n in RECORD_LISTS if n not in filled and n in skeleton and skeleton[n] is None]
    if nulls:
        header[NULL_LISTS] = nulls
    document: dict[str, Any] = {CASE_TABLE: {"1": header}}
    for list_name in RECORD_LISTS:
        if list_name in filled:
            document[list_name] = _table(getattr(case, list_name), list_name, previous)
        elif skeleton.get(list_name) is not None:  # an empty list the case writes as []
            document[list_name] = {}
    return document


def _table(
    records: list[Record], list_name: str, previous: tuple[Case, dict[str, Any]] | None
) -> dict[str, Any]:
    known: dict[int, Any] = {}
    if previous is not None:
        old_records = getattr(previous[0], list_name)
        old_table: dict[str, Any] | None = previous[1].get(list_name)
        if old_table is not None:
            if records is old_records:
                return old_table
            # Both lists are alive, so an identity found in both is the very same record.
            known = {id(record): old_table[str(n)] for n, record in enumerate(old_records, start=1)}
    return {
        str(n): known[id(record)] if id(record) in known else record.dump()
        for n, record in enumerate(records, start=1)
    }


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


# ---------------------------------------------------------------- backups


@dataclass(frozen=True)
class Backup:
    number: int  # 1 is the newest
    path: Path
    saved: datetime  # when the state was kept, as recorded in the backup's name (local time)
    problem: str | None  # None when the backup is a good case

    @property
    def good(self) -> bool:
        return self.problem is None


_STAMP = "%Y%m%dT%H%M%S%fZ"
_BACKUP_NAME = re.compile(r"(\d{8}T\d{12}Z)\.json")
_OLD_BACKUP_NAME = re.compile(r"(\d{8}-\d{6}-\d{6})\.json")  # before 2026-12: local time


def _backup_time(name: str) -> datetime | None:
    try:
        if found := _BACKUP_NAME.fullmatch(name):
            return datetime.strptime(found.group(1), _STAMP).replace(tzinfo=UTC)
        if found := _OLD_BACKUP_NAME.fullmatch(name):
            return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S-%f").astimezone()
    except ValueError:
        pass
    return None


class BackupRing:
    """The last ``BACKUPS_KEPT`` saved states of one case, each a file of its own.

    A backup is named after the moment it was kept (UTC), so its time survives copying and
    hard links, and the ring is in saving order even when the clock steps back. Each is
    written to a temp file and renamed into place, so a killed writer never leaves a torn
    backup in the ring. Only files the ring named are ever counted or removed, and only in a
    ring inside its own data folder: one reached through a link to another folder (another data
    folder's backups, say) is neither used nor removed.
    """

    def __init__(self, home: Path, case_id: str) -> None:
        self.folder = home / "backups" / case_id
        self.case_id = case_id
        self._home = home

    def _elsewhere(self) -> Path | None:
        """Where the ring really is, when that is not inside its data folder."""
        try:
            real = self.folder.resolve()
            own = self._home.resolve() / "backups" / self.case_id
        except (OSError, RuntimeError):
            return None
        return real if real != own and os.path.lexists(self.folder) else None

    def _entries(self) -> list[tuple[datetime, Path]]:
        """(kept at, file), newest first."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        found = [(when, self.folder / name) for name in names if (when := _backup_time(name)) is not None]
        found.sort(key=lambda entry: entry[0], reverse=True)
        return found

    def add(self, payload: bytes) -> Path | None:
        """Keep ``payload`` as the newest state; None when it could not be kept.

        A backup is a convenience: its failure never fails a save, and it is not fsynced (the
        case file is). A backup emptied by a power cut is dropped, never counted.
        """
        tmp: Path | None = None
        if self._elsewhere():
            return None
        try:
            private_folder(self.folder)
            entries = []
            for when, path in self._entries():
                if _torn(path):
                    _remove_quietly(path)  # emptied by a power cut: never kept, never counted
                else:
                    entries.append((when, path))
            now = datetime.now(UTC)
            if entries and timedelta(0) <= entries[0][0] - now < timedelta(days=1):
                now = entries[0][0] + timedelta(microseconds=1)  # the clock stepped back
            for _, stale in entries[BACKUPS_KEPT - 1 :]:  # room first: a kill never leaves one too many
                _remove_quietly(stale)
            target = self.folder / f"{now:{_STAMP}}.json"
            tmp = _temp_path(target)
            _write_unsynced(tmp, payload)
            os.rename(tmp, target)  # a new name: rename never replaces a backup here
        except (OSError, StoreError, OverflowError):
            if tmp is not None:
                _remove_quietly(tmp)
            return None
        return target

    def holds(self, payload: bytes) -> bool:
        """Whether the newest backup is exactly ``payload``; UnreadableFile if it cannot be read."""
        entries = [(when, path) for when, path in self._entries() if not _torn(path)]
        if not entries or self._elsewhere():
            return False
        newest = entries[0][1]
        try:
            if newest.stat().st_size != len(payload):
                return False
        except OSError:
            return False  # removed meanwhile
        return read_limited(newest, len(payload)) == payload

    def backups(self) -> list[Backup]:
        elsewhere = self._elsewhere()
        if elsewhere:
            raise StoreError(
                f"the backups of {self.case_id} lead to {elsewhere}, outside the data folder {self._home}; "
                "facilitator neither uses nor removes backups it cannot be sure are this case's"
            )
        found = []
        entries = [(when, path) for when, path in self._entries() if not _torn(path)]
        for number, (when, path) in enumerate(entries, start=1):
            try:
                document = read_database(path)
                if document is None:
                    continue  # removed meanwhile
                case_from_database(document, path, self.case_id)
                problem = None
            except StoreError as exc:
                problem = str(exc)
            found.append(Backup(number, path, when.astimezone(), problem))
        return found

    def sweep(self) -> None:
        """Remove the temp files a killed writer left (call with the case's lock held)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.startswith(".") and name.endswith(".tmp"):
                _remove_quietly(self.folder / name)

    def remove(self) -> None:
        """Remove the whole ring (a linked folder: only the link; one elsewhere: nothing)."""
        if self._elsewhere() and not self.folder.is_symlink():
            return
        if self.folder.is_symlink():
            _remove_quietly(self.folder)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)


def _torn(path: Path) -> bool:
    """An empty backup (a power cut before its bytes reached the disk), or no plain file at all."""
    try:
        info = path.lstat()
    except OSError:
        return True
    return not stat.S_ISREG(info.st_mode) or info.st_size == 0


# ---------------------------------------------------------------- one writer per case


@dataclass(frozen=True)
class Owner:
    pid: int
    since: str


def read_owner(path: Path) -> Owner | None:
    """Who holds a case open, as its owner file says; None when it says nothing usable."""
    try:
        data = json.loads(read_limited(path, MAX_STATE_BYTES) or b"")
        return Owner(int(data["pid"]), str(data["since"]))
    except (StoreError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


class CaseLock:
    """One writer per case: an OS-level lock (filelock) that dies with its process, plus a
    small owner file that says who holds it. A lock file never outlives its case."""

    def __init__(self, lock_path: Path, owner_path: Path, case_path: Path, case_id: str) -> None:
        self.path = lock_path
        self.owner_path = owner_path
        self.case_path = case_path
        self.case_id = case_id
        self._lock = filelock.FileLock(lock_path, timeout=0, mode=FILE_MODE)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def acquire(self, *, note_owner: bool = False) -> CaseLock:
        """Take the lock; CaseLocked (naming the holder) when another process has it.

        ``note_owner``: leave a note of who holds it, for a lock held a while (a window).
        """
        try:
            found = os.lstat(self.path)
        except OSError:
            found = None
        if found is not None and not stat.S_ISREG(found.st_mode):
            raise StoreError(
                f"{self.path} is not a lock file facilitator made (a folder, link or pipe); "
                "remove it, then try again"
            )
        try:
            self._lock.acquire()
        except filelock.Timeout:
            owner = read_owner(self.owner_path)
            when = _when(owner.since) if owner else None
            who = f" (process {owner.pid}, opened {when})" if owner and when else ""
            raise CaseLocked(
                f'case "{self.case_id}" is open in another facilitator window{who}; close it there first'
            ) from None
        except OSError as exc:
            if exc.errno == errno.EROFS:
                raise StoreError(
                    f"the disk holding {self.path.parent} is read-only, so {self.case_id} cannot be changed"
                ) from None
            raise StoreError(f"cannot lock case {self.case_id}: {_reason(exc)}") from None
        if note_owner:
            note = {"pid": os.getpid(), "since": datetime.now().astimezone().isoformat(timespec="seconds")}
            try:
                _write_note(self.owner_path, _encode(note))
            except WriteFailed:
                pass  # it only names who holds the lock; a full disk must not keep the case closed
        return self

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        _remove_quietly(self.owner_path)
        if not os.path.lexists(self.case_path):
            # No case (a failed import, a delete): unlinked while held, so nobody else holds it.
            _remove_quietly(self.path)
        self._lock.release()

    def __enter__(self) -> CaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# ---------------------------------------------------------------- the data folder


def _slug(case_id: str) -> str:
    """A case id fit to be part of a file name: never a path such as ``../..``."""
    if not isinstance(case_id, str) or not CASE_ID_PATTERN.fullmatch(case_id):
        raise CaseNotFound(f"no case {json.dumps(case_id, ensure_ascii=False)}; see `facilitator list`")
    return case_id


# Exports the board wrote before they were recorded: exactly this case's, as no other case id
# can make a name of this shape.
_OLD_EXPORT = r"{}-session-[1-9][0-9]*-(?:consensus|summary)\.md"


def _plain_file_name(name: str) -> bool:
    return (
        bool(name)
        and name not in (".", "..")
        and not name.startswith(".")
        and not any(c in name for c in "/\\\x00")
        and not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in name)
        and len(name.encode("utf-8")) <= 200
        and name.split(".")[0].lower() not in DEVICE_NAMES
    )


class Store:
    """The data folder: where cases, backups, exports and the mediator's own agendas live."""

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

    def exports_record_path(self, case_id: str) -> Path:
        """The names of the files the app wrote into exports/ for the case."""
        return self.cases_folder / f"{_slug(case_id)}.exports"

    def desk_path(self, case_id: str) -> Path:
        """Where the board remembers the capture line's choices for a case."""
        return self.home / "desk" / f"{_slug(case_id)}.json"

    @property
    def exports_folder(self) -> Path:
        return self.home / "exports"

    def backup_ring(self, case_id: str) -> BackupRing:
        return BackupRing(self.home, _slug(case_id))

    def lock(self, case_id: str, *, note_owner: bool = False) -> CaseLock:
        """Take the case's lock (a context manager); CaseLocked when another process has it."""
        lock = CaseLock(self.lock_path(case_id), self.owner_path(case_id), self.case_path(case_id), case_id)
        private_folder(self.cases_folder)
        return lock.acquire(note_owner=note_owner)

    def owner(self, case_id: str) -> Owner | None:
        """Who holds the case open, as its owner file says."""
        return read_owner(self.owner_path(case_id))

    def sweep(self, case_id: str) -> None:
        """Remove the temp files a killed writer of the case left (call with its lock held)."""
        if self.cases_folder.is_dir():
            for stray in self.cases_folder.glob(f".{case_id}.*.tmp"):
                _remove_quietly(stray)
        self.backup_ring(case_id).sweep()

    # ---- cases

    def case_ids(self) -> list[str]:
        if not self.cases_folder.is_dir():
            return []
        return sorted(p.stem for p in self.cases_folder.glob("*.json") if CASE_ID_PATTERN.fullmatch(p.stem))

    def free_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``... whichever names no case yet (nor a device)."""
        candidate, number = base, 2
        while self.exists(candidate) or candidate in DEVICE_NAMES:
            candidate, number = f"{base[:60]}-{number}", number + 1
        return candidate

    def exists(self, case_id: str) -> bool:
        return bool(CASE_ID_PATTERN.fullmatch(case_id)) and os.path.lexists(self.case_path(case_id))

    def read(self, case_id: str) -> Case:
        """The saved case, for reading only (works while the case is open elsewhere)."""
        path = self.case_path(case_id)
        try:
            case = _read_case(DurableStorage(path), case_id)
        except CorruptCase as exc:
            raise self._offer_backup(case_id, exc) from None
        return case

    def open(self, case_id: str) -> CaseFile:
        """Open a case for changes; CaseLocked when another process has it open."""
        if not self.exists(case_id):
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        try:
            return CaseFile(self, case_id)
        except CorruptCase as exc:
            raise self._offer_backup(case_id, exc) from None

    def _offer_backup(self, case_id: str, exc: CorruptCase) -> CorruptCase:
        try:
            good = any(backup.good for backup in self.backups(case_id))
        except StoreError:
            good = False
        if good:
            return CorruptCase(f"{exc}; `facilitator restore {case_id}` puts back the last good backup")
        return exc

    def create(self, case: Case, *, replace: bool = False) -> None:
        """Write a whole case as a new file (import, new, demo)."""
        check_values(case)
        if case.id in DEVICE_NAMES:
            raise RefusedValue(
                f'the case id "{case.id}" is a name Windows keeps for a device, '
                "so the case could not be opened there; choose another id"
            )
        if self.exists(case.id) and not replace:
            raise CaseExists(f'a case "{case.id}" already exists; use --replace to overwrite it')
        storage = DurableStorage(self.case_path(case.id))
        with self.lock(case.id):
            self.sweep(case.id)
            ring = self.backup_ring(case.id)
            previous = self._current(case.id)
            if previous is not None and not replace:
                raise CaseExists(f'a case "{case.id}" already exists; use --replace to overwrite it')
            if previous is not None and not ring.holds(
                previous
            ):  # a disk that cannot read it: nothing written
                self._keep(case.id, previous)
            try:
                storage.write(database_of(case))
            except _FolderSyncFailed:
                undo_replace(storage.path, previous)  # may not survive a power cut: put back what was
                raise
            assert storage.payload is not None
            ring.add(storage.payload)

    def _current(self, case_id: str) -> bytes | None:
        """The case file's bytes before it is replaced (None: no file); never a folder or pipe."""
        try:
            return read_limited(self.case_path(case_id), MAX_CASE_BYTES)
        except UnreadableFile as exc:
            raise StoreError(f"{exc}; it was left as it is, so nothing was written") from None

    def _keep(self, case_id: str, previous: bytes) -> None:
        """Keep a state about to be replaced: in the ring if it is a good case, else beside it
        (WriteFailed when it cannot be kept at all: then it is not replaced)."""
        path = self.case_path(case_id)
        try:
            case_from_database(parse_database(previous, path), path, case_id)
            if self.backup_ring(case_id).add(previous) is not None:
                return
        except CorruptCase:
            pass  # damaged, yet it may hold the last words: kept aside, out of the ring
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        write_private(path.with_name(f"{case_id}.json.replaced-{stamp}"), previous)

    def delete(self, case_id: str) -> None:
        """Remove the case, its backups, lock and owner files, its desk and its exports."""
        path = self.case_path(case_id)
        record = self.exports_record_path(case_id)
        if not any(os.path.lexists(p) for p in (path, self.backup_folder(case_id), record)):
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        if path.is_dir() and not path.is_symlink():
            raise StoreError(
                f"{path} is a folder, not a case file; it was left as it is, and so was the case"
            )
        try:
            forget = (
                read_limited(self.home / "last-case", MAX_STATE_BYTES) or b""
            ).strip() == case_id.encode()
        except StoreError:
            forget = False
        with self.lock(case_id):
            path.unlink(missing_ok=True)
            for aside in self.cases_folder.glob(f"{case_id}.json.replaced-*"):
                _remove_quietly(aside)
            self.backup_ring(case_id).remove()
            _remove_quietly(self.desk_path(case_id))
            for export in self._exports_of(case_id):
                _remove_quietly(export)
            _remove_quietly(record)
            self.sweep(case_id)
        if forget:
            _remove_quietly(self.home / "last-case")

    # ---- exports

    def write_export(self, case_id: str, file_name: str, data: bytes) -> Path:
        """Write an export of the case into exports/ (0600, durably) and record it as the case's,
        so that ``delete`` removes exactly the files written for this case."""
        if not self.exists(case_id):
            raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
        if not _plain_file_name(file_name):
            raise RefusedValue(f"{json.dumps(file_name[:100])} is not a plain file name for an export")
        folder = private_folder(self.exports_folder)
        names = self._recorded_exports(case_id)
        if file_name not in names:
            # Recorded before it is written: a file of the case is never left unrecorded.
            write_private(self.exports_record_path(case_id), _encode({"files": [*names, file_name]}))
        path = folder / file_name
        write_private(path, data)
        return path

    def _recorded_exports(self, case_id: str) -> list[str]:
        try:
            data = json.loads(read_limited(self.exports_record_path(case_id), MAX_STATE_BYTES) or b"{}")
            files = data["files"] if isinstance(data, dict) else []
        except (StoreError, ValueError, KeyError):
            return []
        if not isinstance(files, list):
            return []
        return [name for name in files if isinstance(name, str) and _plain_file_name(name)]

    def _exports_of(self, case_id: str) -> list[Path]:
        """The files in exports/ that belong to the case and to no other."""
        others: set[str] = set()
        if self.cases_folder.is_dir():
            for record in self.cases_folder.glob("*.exports"):
                if record.stem != case_id and CASE_ID_PATTERN.fullmatch(record.stem):
                    others.update(self._recorded_exports(record.stem))
        try:
            present = os.listdir(self.exports_folder)
        except OSError:
            return []
        old_style = re.compile(_OLD_EXPORT.format(re.escape(case_id)))
        mine = set(self._recorded_exports(case_id)) | {n for n in present if old_style.fullmatch(n)}
        return [self.exports_folder / name for name in sorted(mine - others) if name in present]

    # ---- backups

    def backups(self, case_id: str) -> list[Backup]:
        return self.backup_ring(case_id).backups()

    def restore(self, case_id: str, number: int | None = None) -> Backup:
        """Put a backup back as the case file; a file it replaces that no backup holds is kept beside it."""
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
        payload = read_limited(chosen.path, MAX_CASE_BYTES)
        if payload is None:
            raise StoreError(
                f"backup {chosen.number} of {case_id} was removed meanwhile; nothing was restored"
            )
        with self.lock(case_id):
            previous = self._current(case_id)
            if previous is not None and previous != payload and not self.backup_ring(case_id).holds(previous):
                self._keep(case_id, previous)
            write_private(self.case_path(case_id), payload)
        return chosen

    # ---- what the app keeps for itself

    def remember(self, case_id: str) -> None:
        """Note the case being opened, so that `facilitator` alone opens it next time."""
        note = self.home / "last-case"
        try:
            private_folder(self.home)
            if read_limited(note, MAX_STATE_BYTES) != case_id.encode("utf-8"):  # else noted already
                write_private(note, case_id.encode("utf-8"))
        except StoreError:
            pass  # only a convenience for the next start

    def last_opened(self) -> str | None:
        try:
            raw = read_limited(self.home / "last-case", MAX_STATE_BYTES)
            case_id = (raw or b"").decode("utf-8").strip()
        except (StoreError, UnicodeDecodeError):
            return None
        return case_id if case_id and self.exists(case_id) else None

    def read_desk(self, case_id: str) -> bytes | None:
        """What the board kept of its capture line for the case; None when missing or unreadable."""
        try:
            return read_limited(self.desk_path(case_id), MAX_STATE_BYTES)
        except StoreError:
            return None

    def write_desk(self, case_id: str, data: bytes) -> None:
        path = self.desk_path(case_id)
        private_folder(path.parent)
        write_private(path, data)

    # ---- privacy

    def make_private(self) -> list[tuple[Path, str]]:
        """Close a data folder found open to others: its folders 0700, its files 0600.

        Only what the app keeps there (the folder itself, and the files and folders inside
        its own folders); links are never followed. Returns what could not be closed, and why.
        """
        if os.name != "posix":
            return []
        stuck: list[tuple[Path, str]] = []
        try:
            top = os.stat(self.home)  # a linked data folder is still the data folder
        except (OSError, ValueError):
            return []
        if not stat.S_ISDIR(top.st_mode):
            return []  # not a data folder at all: the command says so
        _close(self.home, top, stuck)
        for inner in ("cases", "backups", "exports", "desk", "agendas", "last-case", "index.json"):
            _close_tree(self.home / inner, depth=2 if inner == "backups" else 1, stuck=stuck)
        return stuck


def _close(path: Path, info: os.stat_result, stuck: list[tuple[Path, str]]) -> None:
    if stat.S_ISLNK(info.st_mode) or not info.st_mode & 0o077:
        return
    try:
        os.chmod(path, FOLDER_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE)
    except OSError as exc:
        stuck.append((path, _reason(exc)))


def _close_tree(path: Path, depth: int, stuck: list[tuple[Path, str]]) -> None:
    try:
        info = os.lstat(path)
    except OSError:
        return
    _close(path, info, stuck)
    if depth and stat.S_ISDIR(info.st_mode):
        try:
            names = os.listdir(path)
        except OSError:
            return
        for name in names:
            _close_tree(path / name, depth - 1, stuck)


def _read_case(storage: DurableStorage, case_id: str) -> Case:
    try:
        document = storage.read()
    except UnreadableFile as exc:
        raise CorruptCase(f"{exc}; it was left untouched") from None
    if document is None:
        raise CaseNotFound(f'no case "{case_id}"; see `facilitator list`')
    return case_from_database(document, storage.path, case_id)


class CaseFile:
    """A case open for changes, held by this process until ``close()``."""

    def __init__(self, store: Store, case_id: str) -> None:
        self.store = store
        self.case_id = case_id
        self.path = store.case_path(case_id)
        self._lock = store.lock(case_id, note_owner=True)
        try:
            store.sweep(case_id)
            self._ring = store.backup_ring(case_id)
            self._storage = DurableStorage(self.path)
            self._case = _read_case(self._storage, case_id)
            self._made: tuple[Case, dict[str, Any]] | None = None  # the last save's case and document
            self._signature = self._disk_signature()
            # The ring holds every saved state, the one on disk too (a case written by an
            # older version, or a ring removed by hand, gets it now).
            self._kept = self._holds_on_disk() or self._ring.add(self._on_disk) is not None
        except BaseException:
            self._lock.release()
            raise

    @property
    def case(self) -> Case:
        """The case as it is on disk now."""
        return self._case

    def _holds_on_disk(self) -> bool:
        try:
            return self._ring.holds(self._on_disk)
        except StoreError:
            return False  # an unreadable backup: keep the state again

    @property
    def _on_disk(self) -> bytes:
        assert self._storage.payload is not None
        return self._storage.payload

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def save(self, new: Case) -> None:
        """Make ``new`` the saved case, durably, or raise StoreError and change nothing."""
        if new is self._case:
            return
        if new.id != self.case_id:
            raise RefusedValue("a case cannot change its id")
        check_values(new, self._case)
        document = database_of(new, self._made)
        if self._disk_signature() != self._signature:
            raise CaseChanged(
                f"{self.path.name} was changed outside this window, so nothing was saved and saving "
                "again cannot work; close the case and open it again"
            )
        previous = self._on_disk
        if not self._kept:  # its copy failed when it was saved
            self._kept = self._ring.add(previous) is not None
        try:
            self._storage.write(document)
        except _FolderSyncFailed:
            # The new file is in place but may not survive a power cut: put the old one back.
            # Either way this window wrote what is there now, so its next save may replace it.
            if undo_replace(self.path, previous):
                self._storage.close()
                self._storage.payload = previous
            else:
                self._kept = False
            self._signature = self._disk_signature()
            raise
        self._case, self._made = new, (new, document)
        self._signature = self._disk_signature()
        self._kept = self._ring.add(self._on_disk) is not None

    def close(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
            self._storage.close()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
