"""The session board: the live session at a glance, and the capture line under it.

Every change goes through ``LiveSession.change``, which saves it durably; the panels are
redrawn only after it returns. When the store refuses, a banner stays on screen and the
typed words stay on the capture line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static

from facilitator import actions
from facilitator.export import render_export
from facilitator.live import LiveSession
from facilitator.model import (
    MEDIATOR,
    AgendaStatus,
    AgreementKind,
    Case,
    OptionStatus,
    ParkingStatus,
    Role,
    Side,
    Visibility,
    explain,
    is_calendar_date,
)
from facilitator.review import in_play, next_session
from facilitator.store import StoreError, private_folder, write_private
from facilitator.tui.screens.modals import ChoiceModal, ConfirmModal, Field, FormModal, PickModal
from facilitator.tui.widgets.capture import KINDS, CaptureBar
from facilitator.tui.widgets.header import SessionHeader
from facilitator.tui.widgets.panels import (
    AgendaTable,
    AgreementsTable,
    FollowUpsTable,
    InterestsTable,
    OptionsTable,
    ParkingTable,
    RecordTable,
)

if TYPE_CHECKING:
    from facilitator.reframe import Analysis

DUE_AT_END = re.compile(r"(?:\s+(?:due|by))?\s+(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)

# What each kind of capture line becomes, by panel (F4 on the capture line edits it).
RECORD_PANELS = {
    "interest": "family",
    "position": "family",
    "option": "options",
    "agreement": "agreements",
    "follow-up": "follow-ups",
    "parking lot": "parking",
}
REMOVED_WORDS = {
    "agenda": "agenda item",
    "interests": "interest",
    "options": "option",
    "agreements": "agreement",
    "follow_ups": "follow-up",
    "parking_lot": "parking-lot topic",
}

# What an empty panel says, so a first session shows where things go.
EMPTY_HINTS = {
    "agenda-panel": (("agenda",), "none yet · Tab here, a adds one"),
    "options-panel": (("options",), "none yet · F3 to option, type, Enter"),
    "agreements-panel": (("agreements",), "none yet · F3 to agreement, or g on an option"),
    "follow-ups-panel": (("follow-ups",), "none yet · F3 to follow-up"),
    "parking-panel": (("parking",), "none yet · F3 to parking lot"),
}

# Which record list each panel shows, for edit and remove.
PANEL_LISTS = {
    "agenda": "agenda",
    "family": "interests",
    "school": "interests",
    "options": "options",
    "agreements": "agreements",
    "follow-ups": "follow_ups",
    "parking": "parking_lot",
}


US_DATE_AT_END = re.compile(r"(?:\s+(?:due|by))?\s+(\d{1,2})/(\d{1,2})/(\d{4})\s*$", re.IGNORECASE)


def split_due_date(text: str) -> tuple[str, str | None, str | None]:
    """(words, due date, problem) from a follow-up ending "by 2026-12-05" or "12/5/2026"."""
    iso, us = DUE_AT_END.search(text), US_DATE_AT_END.search(text)
    match = iso or us
    if match is None or match.start() == 0:
        return text, None, None
    written = match.group(0).strip()
    if iso:
        candidate = iso.group(1)
    else:
        month, day, year = us.groups()  # type: ignore[union-attr]
        candidate = f"{year}-{int(month):02d}-{int(day):02d}"
    if not is_calendar_date(candidate):
        return text, None, f'"{written}" is not a date on the calendar; the follow-up has no due date'
    return text[: match.start()].strip(), candidate, None


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class BoardScreen(Screen):
    """The live session of one case."""

    BINDINGS = [
        Binding("f1", "app.help", "Help", id="help"),
        Binding("f2", "cycle_party(1)", "Party", id="party.next"),
        Binding("shift+f2", "cycle_party(-1)", "Party back", show=False, id="party.previous"),
        Binding("f3", "cycle_kind(1)", "Kind", id="kind.next"),
        Binding("shift+f3", "cycle_kind(-1)", "Kind back", show=False, id="kind.previous"),
        Binding("down", "choose_suggestion(1)", "Choose reframe", show=False, id="reframe.next"),
        Binding("up", "choose_suggestion(-1)", "Choose reframe", show=False, id="reframe.previous"),
        Binding("f4", "edit_selected", "Edit/link", id="edit"),
        Binding("f5", "next_item", "Next item", id="next-item"),
        Binding("f6", "caucus", "Caucus", id="caucus"),
        Binding("f7", "review", "Review", id="review"),
        Binding("f8", "export", "Export", id="export"),
        Binding("f9", "next_session", "Next session", show=False, id="next-session"),
        Binding("f10", "add_party", "Add party", show=False, id="add-party"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo"),
        Binding("escape", "focus_capture", "Capture line", show=False, id="focus-capture"),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.analysis: Analysis | None = None
        self.chosen_suggestion: int | None = None
        self._draft_timer: Timer | None = None
        self._last_recorded: tuple[str | None, str] | None = None
        self._last_statement: str | None = None
        self._shown_case: Case | None = None

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="header")
        yield Static(id="caucus-banner")
        yield Static(id="store-banner")
        with Horizontal(id="top"):
            with Vertical(id="agenda-panel", classes="panel"):
                yield AgendaTable(id="agenda")
            with Horizontal(id="interests-panel", classes="panel"):
                with Vertical(classes="side"):
                    yield Static("FAMILY", classes="side-title")
                    yield InterestsTable(id="family")
                with Vertical(classes="side"):
                    yield Static("SCHOOL", classes="side-title")
                    yield InterestsTable(id="school")
        with Horizontal(id="middle"):
            with Vertical(id="options-panel", classes="panel"):
                yield OptionsTable(id="options")
            with Vertical(id="agreements-panel", classes="panel"):
                yield AgreementsTable(id="agreements")
        with Horizontal(id="bottom"):
            with Vertical(id="follow-ups-panel", classes="panel"):
                yield FollowUpsTable(id="follow-ups")
            with Vertical(id="parking-panel", classes="panel"):
                yield ParkingTable(id="parking")
        yield CaptureBar(id="capture")
        yield Footer()

    def on_mount(self) -> None:
        titles = {
            "agenda-panel": "Agenda",
            "interests-panel": "Interests",
            "options-panel": "Options",
            "agreements-panel": "Agreements",
            "follow-ups-panel": "Follow-ups",
            "parking-panel": "Parking lot",
        }
        for panel_id, title in titles.items():
            self.query_one(f"#{panel_id}").border_title = title
        self.capture_input.value = self.live.desk.draft
        self.refresh_board()
        self.set_interval(1, self.refresh_header)
        self.action_focus_capture()
        # The reframing engine compiles its patterns on import: do it once the board is up.
        self.call_after_refresh(self.run_worker, _load_reframing, thread=True, exclusive=False)

    # ---------------------------------------------------------------- showing

    @property
    def case(self) -> Case:
        return self.live.case

    @property
    def capture_input(self) -> Input:
        return self.query_one("#capture-input", Input)

    def refresh_header(self) -> None:
        caucus = self.live.desk.caucus_party
        self.query_one(SessionHeader).show(
            self.case, self.live.session, self.app.clock(), self.case.who(caucus) if caucus else None
        )

    def refresh_board(self) -> None:
        case, before = self.case, self._shown_case
        session = self.live.session

        def changed(*names: str) -> bool:
            return before is None or any(getattr(before, n) is not getattr(case, n) for n in names)

        if changed("sessions"):
            self.query_one(AgendaTable).show(self.query_one(AgendaTable).rows_for(session))
        if changed("parties", "interests", "options", "agreements", "follow_ups", "parking_lot"):
            view = in_play(case)
            if changed("parties", "interests", "options", "agreements"):
                for table_id, sides in (("#family", [Side.FAMILY]), ("#school", [Side.SCHOOL, Side.NEUTRAL])):
                    table = self.query_one(table_id, InterestsTable)
                    table.show(table.rows_for(case, sides, view.interests))
            if changed("parties", "options"):
                self.query_one(OptionsTable).show(self.query_one(OptionsTable).rows_for(case, view.options))
            if changed("parties", "follow_ups"):
                self.query_one(FollowUpsTable).show(
                    self.query_one(FollowUpsTable).rows_for(case, view.follow_ups)
                )
            if changed("parking_lot"):
                self.query_one(ParkingTable).show(self.query_one(ParkingTable).rows_for(view.parking_lot))
        if changed("sessions", "agreements"):
            self.query_one(AgreementsTable).show(self.query_one(AgreementsTable).rows_for(case, session))
        self._shown_case = case
        for panel_id, (tables, hint) in EMPTY_HINTS.items():
            empty = all(not self.query_one(f"#{t}", RecordTable).row_count for t in tables)
            self.query_one(f"#{panel_id}").border_subtitle = hint if empty else ""
        self.refresh_choice()
        self.refresh_header()

    def refresh_choice(self) -> None:
        desk = self.live.desk
        caucus = desk.caucus_party
        self.set_class(bool(caucus), "caucus")
        banner = self.query_one("#caucus-banner", Static)
        if caucus:
            banner.update(
                Content.assemble(
                    (" CAUCUS ", "bold reverse"),
                    " private meeting with ",
                    (self.case.who(caucus), "bold"),
                    " · what you write stays private unless they agree to share it · F6 leaves caucus",
                )
            )
        else:
            banner.update("")
        self.query_one(CaptureBar).show_choice(self.case.who(desk.party), desk.kind, bool(caucus))
        self.update_analysis()

    def update_analysis(self) -> None:
        text = self.capture_input.value
        before = self.analysis.suggestions if self.analysis else ()
        if self.live.desk.kind == "statement" and text.strip():
            from facilitator.reframe import analyze

            self.analysis = analyze(text, student=self.case.student)
        else:
            self.analysis = None
        if not self.analysis or self.analysis.suggestions != before:
            self.chosen_suggestion = None
        self.query_one(CaptureBar).show_analysis(self.analysis, self.chosen_suggestion)

    def action_choose_suggestion(self, step: int) -> None:
        """Up and down on the capture line walk through the reframes; Enter takes the chosen one."""
        count = len(self.analysis.suggestions) if self.analysis else 0
        if not count or self.focused is not self.capture_input:
            return
        if self.chosen_suggestion is None:
            self.chosen_suggestion = 0 if step > 0 else count - 1
        else:
            position = self.chosen_suggestion + step
            self.chosen_suggestion = None if position < 0 or position >= count else position
        self.query_one(CaptureBar).show_analysis(self.analysis, self.chosen_suggestion)

    @on(Input.Changed, "#capture-input")
    def _typed(self, event: Input.Changed) -> None:
        self.update_analysis()
        if event.value != self.live.desk.draft:
            self.live.desk.draft = event.value
            # Kept on disk after a pause in typing, not on every key.
            if self._draft_timer is not None:
                self._draft_timer.stop()
            self._draft_timer = self.set_timer(1.5, self.live.save_desk)

    def show_store_problem(self, message: str | None) -> None:
        banner = self.query_one("#store-banner", Static)
        banner.set_class(bool(message), "visible")
        banner.update(Content.assemble((" NOT SAVED ", "bold reverse"), f" {message}") if message else "")

    # ---------------------------------------------------------------- changing

    def change(self, description: str, make: Callable[[Case], Case]) -> bool:
        """Save a change, then show it. False (and a message) when it could not be saved."""
        try:
            self.live.change(description, make)
        except StoreError as exc:
            self.show_store_problem(
                f"{exc} Your words are still on the capture line; press Enter to try again."
            )
            return False
        except (ValueError, KeyError) as exc:
            self.app.notify(explain(exc)[:300], title="Not recorded", severity="warning", markup=False)
            return False
        self.show_store_problem(None)
        self.refresh_board()
        return True

    def record(self, make: Callable[[Case], tuple[Case, object]], description: str) -> object | None:
        made: list[object] = []

        def apply(case: Case) -> Case:
            new, record = make(case)
            made.append(record)
            return new

        return made[0] if self.change(description, apply) and made else None

    @on(Input.Submitted, "#capture-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        reframe = None
        if self.analysis and self.chosen_suggestion is not None:
            reframe = self.analysis.suggestions[self.chosen_suggestion]
        self.record_line(event.value, reframe)

    def record_line(self, text: str, reframe: str | None = None) -> None:
        text = text.strip()
        if not text:
            return
        desk, session = self.live.desk, self.live.session
        kind, party = desk.kind, desk.party
        if desk.caucus_party:
            kind = "note"  # in caucus everything written is private to that party
        item = self.active_item_id()
        needs_party = kind in ("statement", "interest", "position")
        if needs_party and party == MEDIATOR:
            self.app.notify(
                "Choose who said it first: F2 picks the party.",
                title="Whose words?",
                severity="warning",
                markup=False,
            )
            return
        who = self.case.who(party)
        done: object | None = None
        if kind == "statement":
            flagged = bool(self.analysis and self.analysis.accusatory)
            done = self.record(
                lambda c: actions.record_statement(c, session.id, party, text, flagged, reframe),
                f"statement by {who}",
            )
            if done is not None:
                self._last_statement = done.id  # type: ignore[attr-defined]
        elif kind == "interest":
            done = self.record(
                lambda c: actions.record_interest(c, session.id, party, text, item), f"interest of {who}"
            )
        elif kind == "position":
            done = self.record(
                lambda c: actions.record_position(c, session.id, party, text, item), f"position of {who}"
            )
        elif kind == "option":
            done = self.record(
                lambda c: actions.record_option(c, session.id, party, text, item), f"option from {who}"
            )
            if done is not None:
                self.query_one(OptionsTable).select_key(done.id)  # type: ignore[attr-defined]
        elif kind == "agreement":
            done = self.record(
                lambda c: actions.record_agreement(c, session.id, text, agenda_item=item), "agreement"
            )
        elif kind == "note":
            done = self.record(
                lambda c: actions.record_note(c, session.id, text, desk.caucus_party),
                "caucus note" if desk.caucus_party else "note",
            )
            if done is not None and desk.caucus_party:
                desk.caucus_notes.append(done.id)  # type: ignore[attr-defined]
                self.live.save_desk()
        elif kind == "follow-up":
            text, due, problem = split_due_date(text)
            if problem:
                self.app.notify(problem, title="No due date set", severity="warning", markup=False)
            done = self.record(
                lambda c: actions.record_follow_up(c, session.id, party, text, due), "follow-up"
            )
        elif kind == "parking lot":
            done = self.record(lambda c: actions.park(c, session.id, text), "parking lot")
        if done is not None:
            self.capture_input.value = ""
            self.live.desk.draft = ""
            self.live.save_desk()
            self._last_recorded = (RECORD_PANELS.get(kind), done.id)  # type: ignore[attr-defined]
            # The room may see the screen: confirm without repeating the words.
            hint = {"agreement": " · F4 adds its details", "option": " · F4 links the interests it serves"}
            owner = "" if kind in ("agreement", "parking lot", "note") else f" ({who})"
            self.app.notify(f"Recorded {kind}{owner}{hint.get(kind, '')}", timeout=3, markup=False)

    def active_item_id(self) -> str | None:
        return next((i.id for i in self.live.session.agenda if i.status == AgendaStatus.ACTIVE), None)

    # ---------------------------------------------------------------- capture choices

    def party_choices(self) -> list[str]:
        return [MEDIATOR] + [p.id for p in self.case.parties]

    def action_cycle_party(self, step: int) -> None:
        choices = self.party_choices()
        desk = self.live.desk
        if desk.caucus_party:
            self.app.notify(
                f"In caucus with {self.case.who(desk.caucus_party)}. F6 leaves caucus.",
                markup=False,
                timeout=4,
            )
            return
        index = choices.index(desk.party) if desk.party in choices else 0
        desk.party = choices[(index + step) % len(choices)]
        self.live.save_desk()
        self.refresh_choice()

    def action_cycle_kind(self, step: int) -> None:
        desk = self.live.desk
        if desk.caucus_party:
            self.app.notify(
                "In caucus everything you write is a private note. F6 leaves caucus.", markup=False, timeout=4
            )
            return
        index = KINDS.index(desk.kind) if desk.kind in KINDS else 0
        desk.kind = KINDS[(index + step) % len(KINDS)]
        self.live.save_desk()
        self.refresh_choice()

    def action_focus_capture(self) -> None:
        self.capture_input.focus()

    def use_suggestion(self, number: int) -> None:
        """Record the statement being typed with reframe ``number`` (from the palette)."""
        if self.analysis is None or number >= len(self.analysis.suggestions):
            return
        self.record_line(self.capture_input.value, reframe=self.analysis.suggestions[number])

    # ---------------------------------------------------------------- selection

    def selected(self) -> tuple[str, str] | None:
        """(panel id, record key) of the row under the cursor in the focused panel."""
        focused = self.focused
        if isinstance(focused, RecordTable) and focused.id and focused.selected_key:
            return focused.id, focused.selected_key
        return None

    def action_edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None and self._last_recorded and self._last_recorded[0]:
            panel, key = self._last_recorded
            table = self.query_one(f"#{panel}", RecordTable)
            table.select_key(key)
            chosen = (panel, key) if table.selected_key == key else None
            if chosen and panel == "options":
                table.focus()  # linking works on the focused options panel
        if chosen is None:
            self.app.notify("Select a row first: Tab moves between panels.", markup=False, timeout=3)
            return
        panel, key = chosen
        if panel == "agenda":
            self.edit_agenda_item(key)
        elif panel in ("family", "school"):
            if key.startswith("party:"):
                return
            self.edit_interest(key.removesuffix("#position"))
        elif panel == "options":
            self.action_link_interests()
        elif panel == "agreements":
            self.edit_agreement(key)
        elif panel == "follow-ups":
            self.edit_follow_up(key)
        elif panel == "parking":
            self.edit_words("parking_lot", key, "Parking-lot topic")

    def action_remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[1].startswith("party:"):
            return
        panel, key = chosen
        list_name = PANEL_LISTS[panel]
        self.change(
            f"removed {REMOVED_WORDS[list_name]}",
            lambda c: actions.remove(c, list_name, key.removesuffix("#position")),
        )

    # ---------------------------------------------------------------- agenda

    def _selected_in(self, panel: str) -> str | None:
        """The row under the cursor in ``panel``: from its keys, or from the palette."""
        chosen = self.selected()
        if chosen and chosen[0] == panel:
            return chosen[1]
        if panel == "agenda" and self.active_item_id():
            return self.active_item_id()
        key = self.query_one(f"#{panel}", RecordTable).selected_key
        return None if key is None or key.startswith("party:") else key

    def action_agenda_status(self, status: str) -> None:
        item = self._selected_in("agenda")
        if item:
            self.change(
                f"agenda item {status}", lambda c: actions.set_item_status(c, item, AgendaStatus(status))
            )

    def action_next_item(self) -> None:
        found: list = []

        def move(case: Case) -> Case:
            new, item = actions.next_item(case, self.live.session.id)
            found.append(item)
            return new

        if self.change("next agenda item", move):
            item = found[0] if found else None
            if item is None:
                self.app.notify("No open items left on the agenda.", markup=False, timeout=3)
            else:
                self.query_one(AgendaTable).select_key(item.id)

    def action_move_agenda_item(self, offset: int) -> None:
        item = self._selected_in("agenda")
        if item:
            if self.change("agenda order", lambda c: actions.move_agenda_item(c, item, offset)):
                self.query_one(AgendaTable).select_key(item)

    def action_add_agenda_item(self) -> None:
        def done(values: dict[str, str] | None) -> None:
            if values:
                minutes = int(values["minutes"]) if values["minutes"].strip() else None
                if self.change(
                    "new agenda item",
                    lambda c: actions.add_agenda_item(c, self.live.session.id, values["title"], minutes),
                ):
                    self.query_one(AgendaTable).select_key(self.live.session.agenda[-1].id)

        self.app.push_screen(
            FormModal(
                "Add an agenda item",
                [
                    Field("title", "Topic", required=True),
                    Field("minutes", "Time box in minutes (optional)"),
                ],
                validate=_check_minutes,
            ),
            done,
        )

    def edit_agenda_item(self, item_id: str) -> None:
        item = self.case.agenda_item(item_id)
        if item is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values:
                minutes = int(values["minutes"]) if values["minutes"].strip() else None
                self.change(
                    "agenda item edited",
                    lambda c: actions.edit_agenda_item(c, item_id, values["title"], minutes),
                )

        self.app.push_screen(
            FormModal(
                "Agenda item",
                [
                    Field("title", "Topic", item.title, required=True),
                    Field("minutes", "Time box in minutes (optional)", str(item.minutes or "")),
                ],
                validate=_check_minutes,
            ),
            done,
        )

    # ---------------------------------------------------------------- interests and options

    def edit_interest(self, interest_id: str) -> None:
        interest = next((i for i in self.case.interests if i.id == interest_id), None)
        if interest is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values:
                self.change(
                    "interest edited",
                    lambda c: actions.edit_interest(c, interest_id, values["text"], values["position"]),
                )

        self.app.push_screen(
            FormModal(
                f"Interest of {self.case.who(interest.party)}",
                [
                    Field("text", "Interest (why it matters)", interest.text, required=not interest.position),
                    Field("position", "Position behind it (what they ask for)", interest.position or ""),
                ],
            ),
            done,
        )

    def action_link_interests(self) -> None:
        option_id = self._selected_in("options")
        if option_id is None:
            self.app.notify("Select an option first (Tab to the Options panel).", markup=False, timeout=3)
            return
        option = next(o for o in self.case.options if o.id == option_id)
        choices = [(f"{self.case.who(i.party)}: {_short(i.text, 70)}", i.id) for i in self.case.interests]
        if not choices:
            self.app.notify("No interests recorded yet.", markup=False, timeout=3)
            return

        def done(chosen: list[str] | None) -> None:
            if chosen is not None:
                self.change("option linked", lambda c: actions.link_option(c, option_id, chosen))

        self.app.push_screen(
            PickModal(
                f"Interests served by: {_short(option.text)}",
                choices,
                option.addresses or [],
                note="Space ticks, Enter saves.",
            ),
            done,
        )

    def action_option_status(self, status: str) -> None:
        option_id = self._selected_in("options")
        if not option_id:
            return
        has_agreement = any(g.option == option_id for g in self.case.agreements)
        if status in (OptionStatus.AGREED, OptionStatus.TRIAL) and not has_agreement:
            # What is agreed belongs in the agreements, or it never reaches the parties' document.
            self.action_agreement_from_option(OptionStatus(status))
            return
        self.change(
            f"option {status}", lambda c: actions.set_option_status(c, option_id, OptionStatus(status))
        )

    def action_agreement_from_option(self, status: OptionStatus | None = None) -> None:
        option_id = self._selected_in("options")
        if option_id is None:
            return
        option = next(o for o in self.case.options if o.id == option_id)
        status = status or (
            OptionStatus.TRIAL if option.status == OptionStatus.TRIAL else OptionStatus.AGREED
        )
        kind = AgreementKind.TRIAL if status == OptionStatus.TRIAL else AgreementKind.SERVICE
        made = self.record(
            lambda c: actions.record_agreement(
                actions.set_option_status(c, option_id, status),
                self.live.session.id,
                option.text,
                kind,
                option_id,
            ),
            f"option {status.value}, with its agreement",
        )
        if made is not None:
            self.edit_agreement(made.id)  # type: ignore[attr-defined]

    def edit_words(self, list_name: str, record_id: str, label: str) -> None:
        record = next((r for r in getattr(self.case, list_name) if r.id == record_id), None)
        if record is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values:
                self.change(
                    f"{label} edited", lambda c: actions.edit_text(c, list_name, record_id, values["text"])
                )

        self.app.push_screen(FormModal(label, [Field("text", label, record.text, required=True)]), done)

    # ---------------------------------------------------------------- agreements

    def edit_agreement(self, agreement_id: str) -> None:
        agreement = next((g for g in self.case.agreements if g.id == agreement_id), None)
        if agreement is None:
            return
        kinds = [
            ("principle: a shared goal or understanding", "principle"),
            ("service: what will be delivered", "service"),
            ("trial: a time-limited pilot with a review date", "trial"),
            ("procedural: who does what next", "procedural"),
        ]
        fields = [
            Field("text", "Agreement", agreement.text, required=True),
            Field("kind", "Kind", agreement.kind.value, choices=kinds),
            Field(
                "service",
                "Service",
                agreement.service or "",
                placeholder="e.g. small-group reading instruction",
            ),
            Field("frequency", "Frequency", agreement.frequency or "", placeholder="e.g. 4 times a week"),
            Field(
                "duration", "Duration", agreement.duration or "", placeholder="e.g. 30 minutes, for 12 weeks"
            ),
            Field("responsible", "Who is responsible", agreement.responsible or ""),
            Field("goal", "Measurable goal", agreement.goal or ""),
            Field("start", "Start date (YYYY-MM-DD)", agreement.start or ""),
            Field("review", "Review date for a trial (YYYY-MM-DD)", agreement.review or ""),
        ]

        def validate(values: dict[str, str]) -> str | None:
            for name in ("start", "review"):
                value = values[name].strip()
                if value and not is_calendar_date(value):
                    return f"{name.capitalize()} date must be a real date written YYYY-MM-DD"
            start, review = values["start"].strip(), values["review"].strip()
            if start and review and review < start:
                return "The review date comes before the start date"
            return None

        def done(values: dict[str, str] | None) -> None:
            if values:
                details = {k: values[k] for k in actions.AGREEMENT_DETAILS}
                self.change(
                    "agreement details",
                    lambda c: actions.edit_agreement(
                        c, agreement_id, values["text"], AgreementKind(values["kind"]), **details
                    ),
                )

        self.app.push_screen(FormModal("Agreement details", fields, validate), done)

    # ---------------------------------------------------------------- follow-ups and parking lot

    def action_toggle_follow_up(self) -> None:
        follow_up = self._selected_in("follow-ups")
        if follow_up:
            self.change("follow-up done", lambda c: actions.toggle_follow_up(c, follow_up))

    def edit_follow_up(self, follow_up_id: str) -> None:
        follow_up = next((f for f in self.case.follow_ups if f.id == follow_up_id), None)
        if follow_up is None:
            return
        owners = [("mediator", MEDIATOR)] + [(f"{p.name} · {p.role}", p.id) for p in self.case.parties]

        def validate(values: dict[str, str]) -> str | None:
            due = values["due"].strip()
            return (
                None
                if not due or is_calendar_date(due)
                else "Due date must be a real date written YYYY-MM-DD"
            )

        def done(values: dict[str, str] | None) -> None:
            if values:
                self.change(
                    "follow-up edited",
                    lambda c: actions.edit_follow_up(
                        c, follow_up_id, values["text"], values["owner"], values["due"]
                    ),
                )

        self.app.push_screen(
            FormModal(
                "Follow-up",
                [
                    Field("text", "What", follow_up.text, required=True),
                    Field("owner", "Who", follow_up.owner, choices=owners),
                    Field("due", "Due (YYYY-MM-DD)", follow_up.due or ""),
                ],
                validate,
            ),
            done,
        )

    def action_parking_status(self, status: str) -> None:
        item = self._selected_in("parking")
        if item:
            self.change(
                f"parking lot {status}", lambda c: actions.set_parking_status(c, item, ParkingStatus(status))
            )

    # ---------------------------------------------------------------- parties and caucus

    def action_add_party(self) -> None:
        def done(values: dict[str, str] | None) -> None:
            if values:
                made = self.record(
                    lambda c: actions.add_party(
                        c, values["name"], Role(values["role"]), Side(values["side"])
                    ),
                    "party added",
                )
                if made is not None:
                    self.live.desk.party = made.id  # type: ignore[attr-defined]
                    self.refresh_choice()

        def validate(values: dict[str, str]) -> str | None:
            # Some roles have only one side; advocates, attorneys and specialists may sit on either.
            expected = {"parent": "family", "guardian": "family", "student": "family", "district": "school"}
            side = expected.get(values["role"])
            if side and values["side"] != side:
                return f"A {values['role']} sits on the {side} side"
            return None

        self.app.push_screen(
            FormModal(
                "Add a party",
                [
                    Field("name", "Name", required=True),
                    Field("role", "Role", "parent", choices=[(r.value, r.value) for r in Role]),
                    Field("side", "Side", "family", choices=[(s.value, s.value) for s in Side]),
                ],
                validate,
            ),
            done,
        )

    def action_caucus(self) -> None:
        desk = self.live.desk
        if desk.caucus_party:
            self.leave_caucus()
            return
        choices = [(f"{p.name} · {p.role} ({p.side})", p.id) for p in self.case.parties]

        def done(party_id: str | None) -> None:
            if party_id:
                desk.before_caucus = (desk.party, desk.kind)
                desk.caucus_party, desk.caucus_notes = party_id, []
                desk.party, desk.kind = party_id, "note"
                self.live.save_desk()
                self.refresh_choice()
                self.refresh_header()
                self.action_focus_capture()

        self.app.push_screen(
            ChoiceModal(
                "Meet in caucus with",
                choices,
                note="What you write in caucus stays private to you and that party.",
            ),
            done,
        )

    def leave_caucus(self) -> None:
        desk = self.live.desk
        party = desk.caucus_party
        notes = [
            n for n in self.case.notes if n.id in desk.caucus_notes and n.visibility == Visibility.CAUCUS
        ]

        def finish(shared: list[str] | None) -> None:
            if shared is None:
                return  # still in caucus
            if shared:
                self.change("shared with consent", lambda c: actions.share_with_consent(c, shared))
            desk.caucus_party, desk.caucus_notes = None, []
            desk.party, desk.kind = desk.before_caucus or (MEDIATOR, "statement")
            if desk.party not in self.party_choices():
                desk.party = MEDIATOR
            self.live.save_desk()
            self.refresh_choice()
            self.refresh_header()

        if not notes:
            finish([])
            return
        self.app.push_screen(
            PickModal(
                f"Leaving caucus with {self.case.who(party)}: which notes may be shared?",
                [(_short(n.text, 90), n.id) for n in notes],
                note="Tick only what they agreed to share. Unticked notes stay private. Enter saves.",
            ),
            finish,
        )

    # ---------------------------------------------------------------- after and before

    def action_review(self) -> None:
        from facilitator.tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.case))

    def action_export(self) -> None:
        def done(kind: str | None) -> None:
            if kind:
                self.export(kind)

        self.app.push_screen(
            ChoiceModal(
                "Export this session as Markdown",
                [
                    ("Consensus points, for the parties", "consensus"),
                    ("Session summary, for your own records (no caucus notes)", "summary"),
                ],
            ),
            done,
        )

    def export(self, kind: str) -> None:
        case, session = self.case, self.live.session
        folder = self.live.store.exports_folder
        path = folder / f"{case.id}-session-{session.number}-{kind}.md"
        try:
            private_folder(folder)
            write_private(path, render_export(case, session.number, kind).encode("utf-8"))
        except StoreError as exc:
            self.show_store_problem(f"Export failed: {exc}")
            return
        self.app.notify(f"Saved to {path}", title=f"{kind.capitalize()} exported", timeout=8, markup=False)

    def action_next_session(self) -> None:
        if self.live.desk.caucus_party:
            self.app.notify("Leave caucus first (F6).", markup=False, timeout=4)
            return

        def done(yes: bool | None) -> None:
            if yes:
                if self.change("next session", lambda c: next_session(c, on=date.today())):
                    self.query_one(AgendaTable).show(self.query_one(AgendaTable).rows_for(self.live.session))
                    self.app.notify(f"Session {self.live.session.number} is ready.", markup=False)

        current = self.live.session
        self.app.push_screen(
            ConfirmModal(
                f"Close session {current.number} and start session {current.number + 1}?",
                "Open items, the parking lot and a follow-up check-in carry over. Ctrl+Z undoes this.",
            ),
            done,
        )

    def action_undo(self) -> None:
        self._undo_redo(self.live.undo, "Undone")

    def action_redo(self) -> None:
        self._undo_redo(self.live.redo, "Redone")

    def _undo_redo(self, step: Callable[[], str | None], verb: str) -> None:
        try:
            description = step()
        except StoreError as exc:
            self.show_store_problem(str(exc))
            return
        if description is None:
            self.app.notify(f"Nothing to {verb.lower()[:-2]}.", markup=False, timeout=2)
            return
        self.show_store_problem(None)
        self.refresh_board()
        self.app.notify(f"{verb}: {description}", markup=False, timeout=2)

    # ---------------------------------------------------------------- command palette

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        yield (
            "Record the capture line",
            "Record what is typed (Enter)",
            lambda: self.record_line(self.capture_input.value),
        )
        yield "Next party", "Who is speaking (F2)", lambda: self.action_cycle_party(1)
        for kind in KINDS:
            yield (
                f"Capture as {kind}",
                "What the capture line records (F3)",
                lambda kind=kind: self._set_kind(kind),
            )
        for number in range(3):
            yield (
                f"Use reframe {number + 1}",
                f"Record the statement with suggestion {number + 1} (↓ then Enter)",
                lambda number=number: self.use_suggestion(number),
            )
        yield "Next agenda item", "Start the next open item and its timer (F5)", self.action_next_item
        yield "Add agenda item", "A new topic for this session (a in the agenda)", self.action_add_agenda_item
        for status in AgendaStatus:
            yield (
                f"Mark agenda item {status.value}",
                "The selected agenda item",
                lambda s=status.value: self.action_agenda_status(s),
            )
        yield "Move agenda item up", "The selected agenda item ([)", lambda: self.action_move_agenda_item(-1)
        yield "Move agenda item down", "The selected agenda item (])", lambda: self.action_move_agenda_item(1)
        yield (
            "Link option to interests",
            "Which interests the selected option serves (l)",
            self.action_link_interests,
        )
        for status in OptionStatus:
            yield (
                f"Mark option {status.value}",
                "The selected option",
                lambda s=status.value: self.action_option_status(s),
            )
        yield (
            "Make agreement from option",
            "Record the selected option as agreed (g)",
            self.action_agreement_from_option,
        )
        yield "Edit selected", "Edit or add details to the selected row (F4)", self.action_edit_selected
        yield (
            "Remove selected",
            "Remove the selected row (Delete; undo brings it back)",
            self.action_remove_selected,
        )
        yield "Follow-up done / not done", "The selected follow-up (space)", self.action_toggle_follow_up
        for status in ParkingStatus:
            yield (
                f"Mark parking-lot topic {status.value}",
                "The selected topic",
                lambda s=status.value: self.action_parking_status(s),
            )
        yield "Add a party", "Someone new at the table (F10)", self.action_add_party
        yield "Caucus", "Meet one party in private, or leave caucus (F6)", self.action_caucus
        yield "Review what is unresolved", "Open items, options, interests, details (F7)", self.action_review
        yield "Export consensus points", "Markdown for the parties (F8)", lambda: self.export("consensus")
        yield "Export session summary", "Markdown for your records (F8)", lambda: self.export("summary")
        yield "Start the next session", "Carry open items forward (F9)", self.action_next_session
        yield "Undo", "Undo the last change (ctrl+z)", self.action_undo
        yield "Redo", "Redo what was undone (ctrl+y)", self.action_redo

    def _set_kind(self, kind: str) -> None:
        self.live.desk.kind = kind
        self.live.save_desk()
        self.refresh_choice()

    @on(DataTable.RowSelected)
    def _row_clicked(self, event: DataTable.RowSelected) -> None:
        # Keys in the panels have their own bindings; this is a click on the selected row.
        event.stop()
        if event.data_table.id == "follow-ups":
            self.action_toggle_follow_up()
        else:
            self.action_edit_selected()


def _load_reframing() -> None:
    import facilitator.reframe  # noqa: F401


def _check_minutes(values: dict[str, str]) -> str | None:
    minutes = values["minutes"].strip()
    if minutes and (not minutes.isdigit() or not 0 < int(minutes) <= 1440):
        return "The time box must be a whole number of minutes, from 1 to 1440"
    return None
