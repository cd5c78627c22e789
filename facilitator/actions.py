"""Changes a mediator makes to a case, as pure functions: Case in, new Case out.

Every function validates what it builds and returns a new frozen Case; the caller
(CLI or board) hands it to the store, which saves it durably before anyone is told
the change is done. Nothing here touches files or the screen.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from facilitator.model import Case, Record

# The id prefix of each record list, as in the case file examples.
ID_PREFIX = {
    "parties": "p",
    "sessions": "s",
    "agenda": "a",
    "interests": "i",
    "options": "o",
    "agreements": "g",
    "follow_ups": "f",
    "parking_lot": "k",
    "statements": "st",
    "notes": "n",
}


def now_stamp() -> str:
    """The current time as an RFC 3339 timestamp in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def next_id(case: Case, list_name: str) -> str:
    """A fresh id for a new record of ``list_name`` ("agenda" for agenda items)."""
    prefix = ID_PREFIX[list_name]
    if list_name == "agenda":
        taken = {item.id for _, item in case.agenda_items()}
    else:
        taken = {record.id for record in getattr(case, list_name)}
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)")
    numbers = [int(m.group(1)) for m in map(pattern.fullmatch, taken) if m]
    number = max(numbers, default=0) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def revise(record: Record, **changes: Any) -> Record:
    """A copy of ``record`` with ``changes``, validated like a record read from a file."""
    data = record.dump()
    data.update(changes)
    return type(record).model_validate(data)
