"""The live session behind the board: an open case file, undo and redo, and where the
mediator was (party, kind of entry, caucus) so a restart resumes in the same place.

No Textual here: the board calls ``LiveSession.change`` and shows the result only after
it returns, which is after the store has saved it durably.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from facilitator import actions
from facilitator.model import MEDIATOR, Case, Session
from facilitator.store import CaseFile, Store, StoreError, write_private

UNDO_DEPTH = 100


@dataclass
class Desk:
    """What the mediator had chosen on the capture line, kept across restarts."""

    party: str = MEDIATOR
    kind: str = "statement"
    caucus_party: str | None = None
    caucus_notes: list[str] = field(default_factory=list)
    draft: str = ""  # words typed but not yet recorded, so a crash does not take them
    before_caucus: tuple[str, str] | None = None  # the party and kind to go back to


class LiveSession:
    """One case open for changes on the board."""

    def __init__(self, store: Store, case_id: str) -> None:
        self.store = store
        self.file: CaseFile = store.open(case_id)
        self._undo: list[tuple[Case, str]] = []
        self._redo: list[tuple[Case, str]] = []
        self.desk = self._load_desk()
        store.remember(case_id)

    @property
    def case(self) -> Case:
        return self.file.case

    @property
    def session(self) -> Session:
        return self.case.latest

    def change(self, description: str, make: Callable[[Case], Case]) -> Case:
        """Apply a change and save it; StoreError (or ValueError) leaves everything as it was."""
        before = self.case
        after = make(before)
        if after is before:
            return before
        if self.session.status == "planned" and after.latest.id == self.session.id:
            after = actions.go_live(after, self.session.id)
        self.file.save(after)
        self._undo.append((before, description))
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()
        return after

    def undo(self) -> str | None:
        """Go back one change; returns what was undone, None when there is nothing to undo."""
        if not self._undo:
            return None
        previous, description = self._undo[-1]
        current = self.case
        self.file.save(previous)
        self._undo.pop()
        self._redo.append((current, description))
        return description

    def redo(self) -> str | None:
        if not self._redo:
            return None
        following, description = self._redo[-1]
        current = self.case
        self.file.save(following)
        self._redo.pop()
        self._undo.append((current, description))
        return description

    # ---- where the mediator was

    @property
    def _desk_path(self) -> Path:
        return self.store.desk_path(self.case.id)

    def _load_desk(self) -> Desk:
        try:
            data = json.loads(self._desk_path.read_text("utf-8"))
            desk = Desk(**{k: data[k] for k in asdict(Desk()) if k in data})
            if desk.before_caucus is not None:
                desk.before_caucus = tuple(desk.before_caucus)  # JSON gives a list
        except (OSError, ValueError, TypeError):
            return Desk()
        known = {p.id for p in self.case.parties} | {MEDIATOR}
        if desk.party not in known:
            desk.party = MEDIATOR
        if desk.caucus_party not in known:
            desk.caucus_party, desk.caucus_notes = None, []
        return desk

    def save_desk(self) -> None:
        """Remember the capture line's choices; losing them is harmless, so errors pass."""
        try:
            from facilitator.store import private_folder

            private_folder(self._desk_path.parent)
            write_private(self._desk_path, json.dumps(asdict(self.desk)).encode("utf-8"))
        except StoreError:
            pass

    def close(self) -> None:
        self.save_desk()
        self.file.close()
