"""The case index: what ``list`` and ``due`` need from every case, kept beside the cases.

A mediator keeps years of cases, and reading each one in full for a one-line listing grows
with every case. ``index.json`` in the data folder (private to the user, replaced atomically)
keeps, for each case, what ``list`` prints and the case's deadlines (``due.deadlines``),
together with the identity of the case file they were made from: its size, mtime_ns,
ctime_ns, inode and device.

It can never go stale: an entry is used only while the case file is still exactly the file
it was made from; any change (a save replaces the file, so its inode changes; an edit in
place changes its ctime) makes the case be read again and its entry made anew. An entry is
recorded only for a file left alone for ``RACY_NS`` (a change within the same tick of a
coarse file-system clock would otherwise keep the same times). The index is a convenience:
one that is missing, damaged or of another format is ignored and rebuilt; a case deleted is
dropped from it; a case that cannot be read is reported, never cached. Commands that work on
one case (review, prep, export) always read the case itself.
"""

from __future__ import annotations

import functools
import json
import os
import stat
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from facilitator.due import DEFAULT_DAYS, KINDS, Deadline, DueReport, deadlines, select
from facilitator.model import Case, explain, is_calendar_date
from facilitator.store import CaseNotFound, Store, StoreError, write_private

INDEX_FILE = "index.json"
FORMAT = "facilitator-index/1"
# A file changed less than this long before it was read is read again next time.
RACY_NS = 2_000_000_000
# An index larger than this is not read (and is rebuilt): reading must never run out of memory.
MAX_INDEX_BYTES = 256 * 1024 * 1024
# How much of a damaged case's problem is quoted.
PROBLEM_LIMIT = 300


@dataclass(frozen=True)
class CaseSummary:
    """One case as ``list`` shows it, and its deadlines for ``due``."""

    id: str
    title: str
    sessions: int
    last_date: str  # the latest session's date
    open_items: int  # how many things are unresolved (``review.unresolved(case).count``)
    deadlines: tuple[Deadline, ...]


@dataclass(frozen=True)
class DamagedCase:
    """A case file that cannot be read, with the problem in one line."""

    id: str
    problem: str


def summarize(case: Case) -> CaseSummary:
    """What the index keeps of a case."""
    from facilitator.review import unresolved

    return CaseSummary(
        id=case.id,
        title=case.title,
        sessions=len(case.sessions),
        last_date=case.latest.date,
        open_items=unresolved(case).count,
        deadlines=tuple(deadlines(case)),
    )


def index_path(store: Store) -> Path:
    return store.home / INDEX_FILE


def read_cases(store: Store) -> list[CaseSummary | DamagedCase]:
    """Every case of the data folder, in id order, from the index where it is still true.

    Reads only the cases whose file changed since the index last saw it, then saves the
    index if anything in it changed (a failure to save is ignored: it is only a shortcut).
    """
    path = index_path(store)
    known = _load(path)
    entries: dict[str, dict[str, Any]] = {}
    found: list[CaseSummary | DamagedCase] = []
    changed = False
    for case_id in store.case_ids():
        file = store.case_path(case_id)
        try:
            before = os.stat(file)
        except FileNotFoundError:
            continue  # deleted since the folder was listed
        except OSError as exc:
            found.append(DamagedCase(case_id, _one_line(f"cannot read {file}: {exc.strerror or exc}")))
            continue
        if not stat.S_ISREG(before.st_mode):
            found.append(DamagedCase(case_id, f"{file} is not a regular file; it was left as it is"))
            continue
        identity = _identity(before)
        entry = known.get(case_id)
        if isinstance(entry, dict):
            summary = _decode(case_id, entry, identity)
            if summary is not None:
                entries[case_id] = entry
                found.append(summary)
                continue
        try:
            case = store.read(case_id)
        except CaseNotFound:
            continue
        except Exception as exc:  # one unreadable case must never hide the others
            found.append(DamagedCase(case_id, _one_line(explain(exc))))
            continue
        # Listed under its file's name, which is what every command takes to find it.
        summary = replace(summarize(case), id=case_id)
        found.append(summary)
        try:
            after = os.stat(file)
        except OSError:
            continue
        if (
            _identity(after) == identity
            and time.time_ns() - max(after.st_mtime_ns, after.st_ctime_ns) >= RACY_NS
        ):
            entries[case_id] = _encode(summary, identity)
            changed = True
    if changed or set(known) != set(entries):
        _save(path, entries)
    return found


def due_report(store: Store, today: date, days: int = DEFAULT_DAYS) -> DueReport:
    """What falls due across every case of the data folder (``due.select`` for each case)."""
    cases = read_cases(store)
    items = sorted(
        item
        for case in cases
        if isinstance(case, CaseSummary)
        for item in select(case.id, case.deadlines, today, days)
    )
    damaged = [(case.id, case.problem) for case in cases if isinstance(case, DamagedCase)]
    return DueReport(today=today, days=days, items=items, damaged=damaged, cases=len(cases))


def forget(store: Store, case_id: str) -> None:
    """Drop a deleted case from the index (its title and deadlines must not outlive it).

    An index that cannot be read is removed instead: it is rebuilt when next needed.
    """
    path = index_path(store)
    known = _load(path)
    if case_id in known:
        del known[case_id]
        if _save(path, known):
            return
    elif known or not path.exists():
        return  # a readable index without that case, or none at all
    try:
        path.unlink()
    except OSError:
        pass


# ---------------------------------------------------------------- the file


def _identity(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= PROBLEM_LIMIT else line[: PROBLEM_LIMIT - 1] + "…"


def _load(path: Path) -> dict[str, Any]:
    """The index's entries by case id; empty when there is no usable index."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return {}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INDEX_BYTES:
            return {}
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_INDEX_BYTES + 1)
    except OSError:
        return {}
    finally:
        os.close(fd)
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return {}
    cases = document.get("cases")
    return cases if isinstance(cases, dict) else {}


def _save(path: Path, entries: dict[str, Any]) -> bool:
    payload = json.dumps({"format": FORMAT, "cases": entries}, ensure_ascii=False, separators=(",", ":"))
    try:
        write_private(path, payload.encode("utf-8"))
    except (StoreError, OSError):
        return False
    return True


def _encode(summary: CaseSummary, identity: list[int]) -> dict[str, Any]:
    return {
        "file": identity,
        "title": summary.title,
        "sessions": summary.sessions,
        "last_date": summary.last_date,
        "open": summary.open_items,
        "due": [[d.kind, d.id, d.text, d.date, d.who] for d in summary.deadlines],
    }


# The same few dates come up again and again across cases.
_calendar_date = functools.lru_cache(maxsize=4096)(is_calendar_date)


def _decode(case_id: str, entry: dict[str, Any], identity: list[int]) -> CaseSummary | None:
    """The summary an entry holds, if it was made from this very file; else None."""
    if entry.get("file") != identity:
        return None
    try:
        title, sessions, last_date, open_items, due = (
            entry["title"],
            entry["sessions"],
            entry["last_date"],
            entry["open"],
            entry["due"],
        )
        if not (
            isinstance(title, str)
            and isinstance(last_date, str)
            and _calendar_date(last_date)
            and type(sessions) is int
            and type(open_items) is int
            and isinstance(due, list)
        ):
            return None
        found = []
        for kind, record_id, text, day, who in due:
            if (
                kind not in KINDS
                or type(record_id) is not str
                or type(text) is not str
                or type(day) is not str
                or not (who is None or type(who) is str)
                or not _calendar_date(day)
            ):
                return None
            found.append(Deadline(kind, record_id, text, day, who))
    except (KeyError, TypeError, ValueError):
        return None
    return CaseSummary(case_id, title, sessions, last_date, open_items, tuple(found))
