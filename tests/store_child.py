"""A writer for the kill test in test_store_faults.py: saves change after change until killed.

    python tests/store_child.py HOME CASE_ID COUNT

Opens the case through ``Store.open``, prints ``ready N`` (N: the changes already on disk),
then applies COUNT more changes, printing ``saved N`` after each ``save`` returns.
``change(case, n)`` is deterministic, so the test can rebuild the exact state after any N.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from facilitator.actions import next_id
from facilitator.model import Case, Interest, ParkingItem
from facilitator.store import Store

_NUMBER = re.compile(r" \(change (\d+)\)$")


def change_number(case: Case) -> int:
    """How many changes the case holds (0 for the sample case as imported)."""
    found = _NUMBER.search(case.title)
    return int(found.group(1)) if found else 0


def change(case: Case, n: int) -> Case:
    """Change number ``n``: touches the header and adds, updates, removes and reorders records."""
    title = _NUMBER.sub("", case.title) + f" (change {n})"
    interests = list(case.interests)
    interests.append(
        Interest(
            id=next_id(case, "interests"),
            party=("p-mom", "p-dir")[n % 2],
            session="s1",
            # Sizes vary so that a kill can land anywhere inside a write.
            text=f"change {n} " + "·" * (n * 97 % 4000),
        )
    )
    if n % 5 == 0 or len(interests) > 30:
        del interests[1]  # the oldest added; i1 stays, option o1 addresses it
    update: dict = {"title": title, "interests": interests}
    if n % 3 == 0:
        follow_up = case.follow_ups[0]
        update["follow_ups"] = [
            follow_up.model_copy(update={"text": f"Send the data (change {n})", "done": n % 2 == 0})
        ]
    if n % 7 == 0:
        parking = [
            *case.parking_lot,
            ParkingItem(
                id=next_id(case, "parking_lot"), session="s1", text=f"Raised at change {n}", status="open"
            ),
        ]
        if n % 14 == 0:
            parking.reverse()
        update["parking_lot"] = parking[-5:]
    return case.model_copy(update=update)


def main(home: str, case_id: str, count: str) -> None:
    case_file = Store(Path(home)).open(case_id)
    n = change_number(case_file.case)
    print(f"ready {n}", flush=True)
    for _ in range(int(count)):
        n += 1
        case_file.save(change(case_file.case, n))
        print(f"saved {n}", flush=True)
    case_file.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
