"""The service layer between the board and the store: one case open for a live session.

Every intent a mediator has (record a line, edit, remove, amend, decide an option, caucus,
next item, add a party, export, next session, undo and redo) is a method that validates
through the model, saves durably, and returns ``Done`` (what to say, and what was made) or
``Refused`` (one explained reason; ``unsaved`` when the disk refused). Nothing a person
types raises out of here.

The desk (who is speaking, what kind of line, caucus, the words not yet recorded, the undo
history) is the board's own state, kept in one file per case. It is a convenience: a
damaged desk file is read for what is usable in it, never a reason not to open a case.

No Textual here; the clock is injected.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from facilitator import actions
from facilitator.actions import AgreementDetails, CaptureKind, FinalRecord, Line, Moved
from facilitator.model import (
    CONTROL,
    MEDIATOR,
    OTHER_OWNER,
    RECORD_LISTS,
    AgendaStatus,
    Agreement,
    Case,
    Document,
    DocumentKind,
    FollowUp,
    Note,
    OptionStatus,
    ParkingStatus,
    Party,
    Record,
    Role,
    Session,
    SessionStatus,
    Side,
    Visibility,
    explain,
    parse_minutes,
)
from facilitator.store import CaseFile, Store, StoreError, private_folder, write_private

if TYPE_CHECKING:
    from facilitator.agenda import Template

T = TypeVar("T")
Clock = Callable[[], datetime]

UNDO_DEPTH = 100  # changes that can be undone
EXTENSIONS = {"markdown": "md", "docx": "docx", "pdf": "pdf"}
KEPT_UNDO = 50  # of those, kept across a restart


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Done(Generic[T]):
    """A change saved (or a choice made): what to tell the mediator, and what it made."""

    said: str
    made: T


@dataclass(frozen=True)
class Refused:
    """Nothing changed, and why, in one line."""

    reason: str
    unsaved: bool = False  # the disk refused: the change is not saved, the words are kept
    final: bool = False  # a record of a closed session: the reason says what to do instead


@dataclass
class Desk:
    """What the mediator had chosen on the capture line, kept across restarts."""

    speaker: str = MEDIATOR
    kind: CaptureKind = CaptureKind.STATEMENT
    caucus: tuple[str, ...] = ()  # the parties in caucus: one, or a side together
    caucus_notes: list[str] = field(default_factory=list)  # written in this caucus
    draft: str = ""  # words typed but not yet recorded, so a crash does not take them
    before_caucus: tuple[str, CaptureKind] | None = None  # the speaker and kind to go back to


@dataclass(frozen=True)
class _Step:
    what: str
    case: Case | None  # the state to go back to; None while only its saved form is known
    saved: dict[str, Any] | None = None  # from the desk file: the lists that differ


class LiveSession:
    """One case open for changes on the board."""

    def __init__(self, store: Store, case_id: str, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock
        self.file: CaseFile = store.open(case_id)
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self.last: tuple[str, str] | None = None  # (record list, id) of what was just recorded
        self.news: str | None = None  # said once, besides the answer (a session held before its day)
        self.desk = Desk()
        self._load_desk()
        store.remember(case_id)

    # ---------------------------------------------------------------- reading

    @property
    def case(self) -> Case:
        return self.file.case

    @property
    def session(self) -> Session:
        return self.case.latest

    @property
    def today(self) -> date:
        return self.clock().astimezone().date()

    @property
    def in_caucus(self) -> bool:
        return bool(self.desk.caucus)

    def active_item(self) -> str | None:
        return next((i.id for i in self.session.agenda if i.status == AgendaStatus.ACTIVE), None)

    def side_of(self, party_id: str) -> str | None:
        """The speaker's side, so that a reframe fits who is speaking (None: the mediator)."""
        party = self.case.party(party_id)
        return party.side.value if party is not None else None

    def selected_or_last(self, selected: str | None, list_name: str) -> str | None:
        """The record a command is about: the one selected, else the one just recorded there."""
        if selected:
            return selected
        return self.last[1] if self.last and self.last[0] == list_name else None

    def speakers(self) -> list[str]:
        """Who may speak on the capture line now: in caucus only those in the room."""
        if self.desk.caucus:
            return list(self.desk.caucus)
        return [MEDIATOR] + [p.id for p in self.case.parties]

    def caucus_groups(self) -> list[tuple[str, tuple[str, ...]]]:
        """Who the mediator can meet in caucus: a side together, or one party alone."""
        groups: list[tuple[str, tuple[str, ...]]] = []
        for side in (Side.FAMILY, Side.SCHOOL):
            members = tuple(p.id for p in self.case.parties if p.side == side)
            if len(members) > 1:
                groups.append((f"the {side.value} side", members))
        groups.extend((party.name, (party.id,)) for party in self.case.parties)
        return groups

    def final(self, list_name: str, record_id: str) -> str | None:
        """Why a record cannot be changed any more (its session is closed), or None."""
        try:
            actions.check_open(self.case, list_name, record_id)
        except FinalRecord as exc:
            return str(exc)
        except (KeyError, ValueError):
            return None
        return None

    def private_caucus_notes(self) -> list[Note]:
        """The notes written in this caucus that are still private."""
        written = set(self.desk.caucus_notes)
        return [n for n in self.case.notes if n.id in written and n.private]

    def caucus_names(self) -> str:
        names = [self.case.who(p) for p in self.desk.caucus]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    # ---------------------------------------------------------------- changing

    def _stamp(self) -> str:
        return actions.stamp(self.clock())

    def _change(self, what: str, make: Callable[[Case], tuple[Case, T]]) -> Done[T] | Refused:
        """Apply a change and save it; anything that goes wrong leaves everything as it was."""
        before = self.case
        try:
            after, made = make(before)
        except FinalRecord as exc:
            return Refused(str(exc), final=True)
        except (ValueError, KeyError) as exc:  # pydantic's ValidationError is a ValueError
            return Refused(explain(exc))
        if after is before or after == before:
            return Done("Nothing changed.", made)  # a form saved as it was: nothing to save
        if before.latest.status == SessionStatus.PLANNED and after.latest.id == before.latest.id:
            after = actions.go_live(after, after.latest.id, self._stamp(), self.today)
            if after.latest.date != before.latest.date:
                self.news = (
                    f"Session {after.latest.number} is held today, {_day(after.latest.date)}, "
                    f"not on {_day(before.latest.date)} as planned: its date says so now."
                )
        try:
            self.file.save(after)
        except StoreError as exc:
            return Refused(explain(exc), unsaved=True)
        self._undo.append(_Step(what, before))
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()
        return Done(what[:1].upper() + what[1:], made)

    def _simple(self, what: str, make: Callable[[Case], Case]) -> Done[None] | Refused:
        return self._change(what, lambda case: (make(case), None))

    # ---- the capture line

    def choose_speaker(self, party_id: str) -> Done[None] | Refused:
        if party_id not in self.speakers():
            if self.in_caucus:
                return Refused(f"In caucus with {self.caucus_names()}: F6 leaves caucus first.")
            return Refused("There is no such party in this case.")
        self.desk.speaker = party_id
        return Done(f"Speaking: {self.case.who(party_id)}", None)

    def choose_kind(self, kind: CaptureKind) -> Done[None] | Refused:
        if self.in_caucus and kind != CaptureKind.NOTE:
            return Refused("In caucus everything you write is a private note. F6 leaves caucus.")
        self.desk.kind = kind
        return Done(f"Capturing: {kind.value}", None)

    def record(
        self,
        text: str,
        *,
        kind: CaptureKind | None = None,
        speaker: str | None = None,
        reframe: str | None = None,
    ) -> Done[Record] | Refused:
        """Record a line as ``kind`` said by ``speaker`` (the desk's choices by default)."""
        kind = kind or self.desk.kind
        speaker = speaker or self.desk.speaker
        if self.session.status == SessionStatus.CLOSED:
            return Refused("This session is closed: F9 starts the next one.")
        caucus_party = None
        if self.in_caucus:
            kind = CaptureKind.NOTE
            caucus_party = speaker if speaker in self.desk.caucus else self.desk.caucus[0]
        flagged = False
        if kind == CaptureKind.STATEMENT and text.strip():
            from facilitator.reframe import analyze

            flagged = analyze(text, student=self.case.student, side=self.side_of(speaker)).accusatory
        line = Line(
            kind=kind,
            speaker=speaker,
            text=text,
            agenda_item=self.active_item(),
            caucus_party=caucus_party,
            flagged=flagged,
            reframe=reframe if kind == CaptureKind.STATEMENT else None,
        )
        result = self._change(
            _recorded_words(self.case, line),
            lambda case: actions.capture(case, self.session.id, line, self._stamp()),
        )
        if isinstance(result, Done):
            record = result.made
            self.last = (kind.list_name, record.id)
            self.desk.draft = ""
            if caucus_party:
                self.desk.caucus_notes.append(record.id)
            return Done(_confirmation(self.case, kind, record), record)
        return result

    # ---- corrections

    def edit_interest(self, interest_id: str, text: str, position: str) -> Done[None] | Refused:
        return self._simple(
            "interest edited", lambda c: actions.edit_interest(c, interest_id, text, position)
        )

    def edit_statement(self, statement_id: str, text: str, party_id: str) -> Done[None] | Refused:
        if party_id == MEDIATOR:  # your own words: they become your note, out of the Said log
            result = self._change(
                "statement moved to your notes", lambda c: actions.statement_as_note(c, statement_id, text)
            )
            return Done("Your own words now: kept as your note", None) if isinstance(result, Done) else result
        return self._simple(
            "statement corrected", lambda c: actions.edit_statement(c, statement_id, text, party_id)
        )

    def edit_words(self, list_name: str, record_id: str, text: str) -> Done[None] | Refused:
        word = actions.RECORD_WORDS.get(list_name, "record")
        return self._simple(f"{word} edited", lambda c: actions.edit_text(c, list_name, record_id, text))

    def edit_agreement(self, agreement_id: str, details: AgreementDetails) -> Done[None] | Refused:
        result = self._simple(
            "agreement details edited", lambda c: actions.edit_agreement(c, agreement_id, details)
        )
        waivers = self.waivers(agreement_id)
        if isinstance(result, Done) and waivers:
            return Done(f"Saved. {waivers[0]}", None)
        return result

    def waivers(self, agreement_id: str) -> list[str]:
        """What an agreement's words give up (a waiver, a release, a withdrawn complaint), for the
        mediator to check the family understands before anyone signs."""
        from facilitator.export import rights_waived

        agreement = self.case.agreement(agreement_id)
        return [w.sentence for w in rights_waived(agreement)] if agreement is not None else []

    def edit_follow_up(
        self, follow_up_id: str, text: str, owner: str, owner_name: str, due: str
    ) -> Done[None] | Refused:
        if owner == OTHER_OWNER and not owner_name.strip():
            return Refused("Who is it, outside the table? Write their name or role.")
        return self._simple(
            "follow-up edited",
            lambda c: actions.edit_follow_up(c, follow_up_id, text, owner, owner_name, due),
        )

    def remove(self, list_name: str, record_id: str) -> Done[None] | Refused:
        word = actions.RECORD_WORDS.get(list_name, "record")
        result = self._simple(f"removed {word}", lambda c: actions.remove(c, list_name, record_id))
        if isinstance(result, Done):
            return Done(f"Removed the {word} · ctrl+z brings it back", None)
        return result

    def amend(self, agreement_id: str) -> Done[Agreement] | Refused:
        """A new agreement in this session that changes an earlier one (the record stays)."""
        result = self._change(
            "amendment", lambda c: actions.amend_agreement(c, agreement_id, self.session.id)
        )
        if isinstance(result, Done):
            self.last = ("agreements", result.made.id)
            return Done("Amendment started in this session · its details follow", result.made)
        return result

    # ---- options

    def link(self, option_id: str, interest_ids: Iterable[str]) -> Done[None] | Refused:
        chosen = list(interest_ids)
        result = self._simple("option linked", lambda c: actions.link_option(c, option_id, chosen))
        if isinstance(result, Done):
            count = len(chosen)
            return Done(f"The option serves {count} interest{'s' if count != 1 else ''}", None)
        return result

    def decide(self, option_id: str, status: OptionStatus) -> Done[Agreement | None] | Refused:
        """Mark an option; agreed or trial makes its agreement, whose details come next."""
        option = next((o for o in self.case.options if o.id == option_id), None)
        if option is not None and option.status == status:
            return Refused(f"That option is already {status.value}.")
        result = self._change(
            f"option {status.value}",
            lambda c: actions.decide_option(c, option_id, status, self.session.id),
        )
        if isinstance(result, Done) and result.made is not None:
            self.last = ("agreements", result.made.id)
            return Done(f"Option {status.value}: its agreement is recorded · add its details", result.made)
        if isinstance(result, Done):
            return Done(f"Option marked {status.value}", None)
        return result

    # ---- agenda

    def set_agenda_status(self, item_id: str, status: AgendaStatus) -> Done[None] | Refused:
        item = self.case.agenda_item(item_id)
        if item is not None and item.status == status:
            return Refused(f"“{_short(item.title)}” is already {status.value}.")
        result = self._simple(
            f"agenda item {status.value}",
            lambda c: actions.set_item_status(c, item_id, status, self._stamp()),
        )
        if isinstance(result, Done) and item is not None:
            return Done(f"“{_short(item.title)}”: {status.value}", None)
        return result

    def move_agenda_item(self, item_id: str, offset: int) -> Done[None] | Refused:
        return self._simple("agenda order", lambda c: actions.move_agenda_item(c, item_id, offset))

    def add_agenda_item(self, title: str, minutes: str, after: str | None = None) -> Done[None] | Refused:
        """A new topic, after ``after`` (default: the item being discussed)."""
        try:
            box = parse_minutes(minutes)
        except ValueError as exc:
            return Refused(f"Time box: {exc}")
        place = after or self.active_item()
        return self._simple(
            "new agenda item", lambda c: actions.add_agenda_item(c, self.session.id, title, box, place)
        )

    def edit_agenda_item(self, item_id: str, title: str, minutes: str) -> Done[None] | Refused:
        try:
            box = parse_minutes(minutes)
        except ValueError as exc:
            return Refused(f"Time box: {exc}")
        return self._simple("agenda item edited", lambda c: actions.edit_agenda_item(c, item_id, title, box))

    def next_item(self) -> Done[Moved] | Refused:
        """F5: leave the active item (a step is done, a topic stays open) and start the next."""
        if self.session.status == SessionStatus.CLOSED:
            return Refused("This session is closed: F9 starts the next one.")
        at, session_id = self._stamp(), self.session.id
        moved_case, moved = actions.next_item(self.case, session_id, at)
        if moved_case is self.case:
            return Refused(_no_next_words(moved))
        result = self._change("next agenda item", lambda c: actions.next_item(c, session_id, at))
        if isinstance(result, Refused):
            return result
        if moved.started is not None:
            return Done(f"Now: {_short(moved.started.title)}", result.made)
        return Done(_no_next_words(moved), result.made)

    # ---- follow-ups and parking lot

    def mark_follow_up(self, follow_up_id: str, done: bool) -> Done[None] | Refused:
        result = self._simple(
            "follow-up done" if done else "follow-up not done",
            lambda c: actions.set_follow_up_done(c, follow_up_id, done, self._stamp()),
        )
        if isinstance(result, Done):
            return Done("Follow-up marked done" if done else "Follow-up open again", None)
        return result

    def set_parking_status(self, item_id: str, status: ParkingStatus) -> Done[None] | Refused:
        item = next((k for k in self.case.parking_lot if k.id == item_id), None)
        if item is not None and item.status == status:
            return Refused(f"That topic is already {status.value}.")
        return self._simple(
            f"parking lot {status.value}", lambda c: actions.set_parking_status(c, item_id, status)
        )

    # ---- preparation

    def add_document(self, title: str, party: str, kind: DocumentKind, due: str) -> Done[Document] | Refused:
        """A document for the checklist of the session being prepared (this one)."""
        session_id = self.session.id
        result = self._change(
            "document added", lambda c: actions.add_document(c, title, party, kind, due, session_id)
        )
        if isinstance(result, Done):
            return Done(f"On the checklist: {_short(result.made.title)}", result.made)
        return result

    def edit_document(
        self, document_id: str, title: str, party: str, kind: DocumentKind, due: str
    ) -> Done[None] | Refused:
        return self._simple(
            "document edited", lambda c: actions.edit_document(c, document_id, title, party, kind, due)
        )

    def advance_document(self, document_id: str) -> Done[Document] | Refused:
        result = self._change("document status", lambda c: actions.advance_document(c, document_id))
        if isinstance(result, Done):
            return Done(f"{_short(result.made.title)}: {result.made.status.value}", result.made)
        return result

    # ---- parties and caucus

    def add_party(self, name: str, role: Role, side: Side, authority: bool = False) -> Done[Party] | Refused:
        result = self._change("party added", lambda c: actions.add_party(c, name, role, side, authority))
        if isinstance(result, Done):
            if not self.in_caucus:
                self.desk.speaker = result.made.id
            return Done(f"{result.made.name} joins the table", result.made)
        return result

    def edit_party(
        self, party_id: str, name: str, role: Role, side: Side, authority: bool
    ) -> Done[Party] | Refused:
        """A party's name, role or side corrected, or marked as able to sign for the district."""
        return self._change(
            f"{name.strip()} edited", lambda c: actions.edit_party(c, party_id, name, role, side, authority)
        )

    def enter_caucus(self, party_ids: Sequence[str]) -> Done[None] | Refused:
        known = {p.id for p in self.case.parties}
        if self.in_caucus:
            return Refused(f"Already in caucus with {self.caucus_names()}.")
        if not party_ids or any(p not in known for p in party_ids):
            return Refused("Choose who the caucus is with.")
        desk = self.desk
        desk.before_caucus = (desk.speaker, desk.kind)
        desk.caucus, desk.caucus_notes = tuple(party_ids), []
        desk.speaker, desk.kind = party_ids[0], CaptureKind.NOTE
        return Done(f"In caucus with {self.caucus_names()}", None)

    def leave_caucus(self, shared: Iterable[str] = ()) -> Done[None] | Refused:
        """Leave caucus; the notes in ``shared`` are those its parties agreed to share."""
        if not self.in_caucus:
            return Refused("Not in caucus.")
        chosen = [n.id for n in self.private_caucus_notes() if n.id in set(shared)]
        if chosen:
            result = self._simple(
                "shared with consent", lambda c: actions.share_with_consent(c, chosen, self._stamp())
            )
            if isinstance(result, Refused):
                return result
        desk = self.desk
        names = self.caucus_names()
        desk.caucus, desk.caucus_notes = (), []
        desk.speaker, desk.kind = desk.before_caucus or (MEDIATOR, CaptureKind.STATEMENT)
        desk.before_caucus = None
        if desk.speaker not in self.speakers():
            desk.speaker = MEDIATOR
        kept = f"{len(chosen)} note{'s' if len(chosen) != 1 else ''} shared" if chosen else "nothing shared"
        return Done(f"Caucus with {names} ended · {kept}", None)

    # ---- after and before

    def export(self, kind: str, fmt: str = "markdown") -> Done[Path] | Refused:
        """Write the session's export (consensus or summary; Markdown, docx or pdf) into exports/."""
        from facilitator.export import export_document, render

        case, session = self.case, self.session
        name = f"{case.id}-session-{session.number}-{kind}.{EXTENSIONS.get(fmt, fmt)}"
        try:
            rendered = render(export_document(case, session.number, kind, today=self.today), fmt)
            data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
            path = self.store.write_export(case.id, name, data)  # recorded, so `delete` removes it
        except (StoreError, ValueError) as exc:
            return Refused(f"Export failed: {explain(exc)}", unsaved=isinstance(exc, StoreError))
        except Exception as exc:  # a fault in a renderer must never end a live session
            return Refused(f"Export failed ({type(exc).__name__}): {explain(exc)}. Nothing was written.")
        return Done(f"{kind.capitalize()} exported to {path}", path)

    def next_session(self, on: date, template: Template | None = None) -> Done[Session] | Refused:
        """Close this session and plan the next from it (and from ``template``'s items)."""
        from facilitator.agenda import agenda_items
        from facilitator.review import next_session

        if self.in_caucus:
            return Refused("Leave caucus first (F6).")

        def make(case: Case) -> tuple[Case, Session]:
            new = next_session(
                case,
                on=on,
                items_after=agenda_items(template) if template else None,
                kind=template.kind if template else None,
            )
            return new, new.latest

        result = self._change("next session", make)
        if isinstance(result, Done):
            return Done(f"Session {result.made.number} is ready ({_day(result.made.date)})", result.made)
        return result

    # ---- undo and redo

    def undo(self) -> Done[str] | Refused:
        return self._step(self._undo, self._redo, "Undone", "Nothing to undo.")

    def redo(self) -> Done[str] | Refused:
        return self._step(self._redo, self._undo, "Redone", "Nothing to redo.")

    def _step(self, source: list[_Step], target: list[_Step], verb: str, empty: str) -> Done[str] | Refused:
        if not source:
            return Refused(empty)
        step = source[-1]
        current = self.case
        try:
            state = step.case if step.case is not None else _restore(current, step.saved or {})
            self.file.save(state)
        except StoreError as exc:
            return Refused(explain(exc), unsaved=True)
        except (ValueError, KeyError):
            source.clear()  # a saved history that no longer fits the case: drop it
            return Refused(empty)
        source.pop()
        target.append(_Step(step.what, current))
        if self.desk.caucus:
            # Notes of this caucus that the undone change had made are gone from the case.
            self.desk.caucus_notes = [
                n for n in self.desk.caucus_notes if any(x.id == n for x in state.notes)
            ]
        return Done(f"{verb}: {step.what}", step.what)

    # ---------------------------------------------------------------- the desk

    @property
    def _desk_path(self) -> Path:
        return self.store.desk_path(self.case.id)

    def _load_desk(self) -> None:
        try:
            raw = json.loads(self._desk_path.read_bytes().decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(raw, dict):
            self.desk = read_desk(raw, self.case)
            self._undo = self._saved_history(raw.get("undo"))

    def _saved_history(self, raw: object) -> list[_Step]:
        """The undo history kept at the last exit, if it was kept for the case as it is now."""
        if not isinstance(raw, dict) or raw.get("base") != self._fingerprint():
            return []
        steps = raw.get("steps")
        if not isinstance(steps, list):
            return []
        kept = []
        for step in steps[-KEPT_UNDO:]:
            if (
                isinstance(step, dict)
                and isinstance(step.get("what"), str)
                and isinstance(step.get("lists"), dict)
            ):
                kept.append(_Step(step["what"][:200], None, step["lists"]))
            else:
                return []  # a gap in the chain: none of it can be trusted
        return kept

    def _fingerprint(self) -> str | None:
        try:
            return hashlib.sha256(self.file.path.read_bytes()).hexdigest()
        except OSError:
            return None

    def _history(self) -> dict[str, Any]:
        steps: list[dict[str, Any]] = []
        kept = self._undo[-KEPT_UNDO:]
        for index, step in enumerate(kept):
            if step.case is None:
                steps.append({"what": step.what, "lists": step.saved})
                continue
            following = kept[index + 1].case if index + 1 < len(kept) else self.case
            if following is None:  # cannot happen: saved steps are always the oldest
                steps.clear()
                continue
            steps.append({"what": step.what, "lists": _difference(step.case, following)})
        return {"base": self._fingerprint(), "steps": steps}

    def save_desk(self) -> bool:
        """Remember the capture line and the undo history; False when the disk refused."""
        desk = self.desk
        document = {
            "party": desk.speaker,
            "kind": desk.kind.value,
            "caucus": list(desk.caucus),
            "caucus_notes": desk.caucus_notes,
            "draft": desk.draft,
            "before_caucus": [desk.before_caucus[0], desk.before_caucus[1].value]
            if desk.before_caucus
            else None,
            "undo": self._history(),
        }
        try:
            private_folder(self._desk_path.parent)
            write_private(self._desk_path, json.dumps(document, ensure_ascii=False).encode("utf-8"))
        except StoreError:
            return False
        return True

    def close(self) -> None:
        self.save_desk()
        self.file.close()


# ---------------------------------------------------------------- the desk file


def read_desk(raw: dict[str, Any], case: Case) -> Desk:
    """What is usable in a desk file; anything of the wrong type or naming nothing is ignored."""
    desk = Desk()
    parties = {p.id for p in case.parties}
    caucus = raw.get("caucus")
    if caucus is None and isinstance(raw.get("caucus_party"), str):
        caucus = [raw["caucus_party"]]  # the first version met one party at a time
    if isinstance(caucus, list) and caucus and all(isinstance(p, str) and p in parties for p in caucus):
        desk.caucus = tuple(dict.fromkeys(caucus))
        notes = raw.get("caucus_notes")
        private = {n.id for n in case.notes if n.visibility == Visibility.CAUCUS}
        if isinstance(notes, list):
            desk.caucus_notes = [n for n in notes if isinstance(n, str) and n in private]
    speaker = raw.get("party")
    allowed = set(desk.caucus) if desk.caucus else parties | {MEDIATOR}
    if isinstance(speaker, str) and speaker in allowed:
        desk.speaker = speaker
    elif desk.caucus:
        desk.speaker = desk.caucus[0]
    kind = _capture_kind(raw.get("kind"))
    desk.kind = CaptureKind.NOTE if desk.caucus else (kind or CaptureKind.STATEMENT)
    draft = raw.get("draft")
    if isinstance(draft, str) and not CONTROL.search(draft) and len(draft) <= 100_000:
        desk.draft = draft
    before = raw.get("before_caucus")
    if desk.caucus and isinstance(before, list) and len(before) == 2:
        who, what = before[0], _capture_kind(before[1])
        if isinstance(who, str) and who in parties | {MEDIATOR} and what is not None:
            desk.before_caucus = (who, what)
    return desk


def _capture_kind(value: object) -> CaptureKind | None:
    try:
        return CaptureKind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _difference(before: Case, after: Case) -> dict[str, Any]:
    """What ``before`` holds that ``after`` does not, per record list: its order and changed records."""
    lists: dict[str, Any] = {}
    for name in RECORD_LISTS:
        old: list[Record] = getattr(before, name)
        new: list[Record] = getattr(after, name)
        if old is new:
            continue
        by_id = {r.id: r for r in new}
        changed = {r.id: r.dump() for r in old if by_id.get(r.id) != r}
        if changed or [r.id for r in old] != [r.id for r in new]:
            lists[name] = {"order": [r.id for r in old], "records": changed}
    return lists


def _restore(current: Case, lists: dict[str, Any]) -> Case:
    """The state a saved undo step goes back to; ValueError or KeyError when it does not fit."""
    update: dict[str, list[Record]] = {}
    for name, saved in lists.items():
        kind = RECORD_LISTS[name]
        by_id = {r.id: r for r in getattr(current, name)}
        records = saved["records"]
        update[name] = [kind.model_validate(records[i]) if i in records else by_id[i] for i in saved["order"]]
    return actions.whole(current.model_copy(update=update))


# ---------------------------------------------------------------- words for the mediator


def _day(value: str) -> str:
    """A date as people read it ("Dec 10, 2026"), never the stored 2026-12-10."""
    from facilitator.export.words import short_date

    return short_date(value)


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _recorded_words(case: Case, line: Line) -> str:
    if line.caucus_party:
        return "caucus note"
    if line.kind in (CaptureKind.AGREEMENT, CaptureKind.PARKING_LOT, CaptureKind.NOTE):
        return line.kind.value
    return f"{line.kind.value} of {case.who(line.speaker)}"


def _confirmation(case: Case, kind: CaptureKind, record: Record) -> str:
    """What the board says once a line is saved; the room may see it, so not the words again."""
    if kind == CaptureKind.NOTE or isinstance(record, Note):
        private = isinstance(record, Note) and record.private
        return "Recorded: private caucus note" if private else "Recorded: note"
    who = case.who(getattr(record, "party", None) or getattr(record, "proposed_by", None))
    if kind == CaptureKind.OPTION:
        return f"Recorded: option from {who} · F4 links the interests it serves"
    if isinstance(record, Agreement):
        missing = record.missing()
        if missing:
            return f"Recorded: agreement ({record.kind.value}, {len(missing)} details to add) · F4 adds them"
        return f"Recorded: agreement ({record.kind.value}) · F4 edits it"
    if isinstance(record, FollowUp):
        due = f", due {_day(record.due)}" if record.due else " · F4 adds a due date"
        return f"Recorded: follow-up for {case.owner_of(record)}{due}"
    if kind == CaptureKind.PARKING_LOT:
        return "Recorded: parking lot"
    return f"Recorded: {kind.value} of {who}"


def _no_next_words(moved: Moved) -> str:
    if moved.left is not None:
        said = f"“{_short(moved.left.title)}” done: that was the last item."
    else:
        said = "This is the last item on the agenda."
    if moved.still_open:
        titles = ", ".join(f"“{_short(i.title, 30)}”" for i in moved.still_open[:3])
        said += f" Still open: {titles} (Tab to the agenda, Enter starts one)."
    return said
