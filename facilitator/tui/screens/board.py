"""The session board: the live session at a glance, and the capture line under it.

Thin by design: the keys (``keys.py``), the panels' messages and the palette
(``commands.py``) become intents of ``LiveSession``, which validates and saves; the screen
then shows what it answered. Typing is safe: each key is taken whole, in the order typed
(``take_key``, tui/keystrokes.py); after any F-key or dialog focus is back on the capture
line, and a panel takes letter commands only once the mediator moved into it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from facilitator.actions import CaptureKind
from facilitator.live import Done, LiveSession, Refused
from facilitator.model import Case, OptionStatus
from facilitator.terminal import terminal_safe
from facilitator.tui import keys
from facilitator.tui.commands import BoardCommands
from facilitator.tui.keystrokes import Taken, Typed
from facilitator.tui.screens import board_keys, records, rooms
from facilitator.tui.widgets.capture import CaptureBar
from facilitator.tui.widgets.header import CaucusBanner, SessionHeader
from facilitator.tui.widgets.joint import JointView
from facilitator.tui.widgets.keybar import KeyBar
from facilitator.tui.widgets.notice import Notice
from facilitator.tui.widgets.panels import (
    AgendaTable,
    AgreementsTable,
    FollowUpsTable,
    OptionsTable,
    ParkingTable,
    RecordTable,
    record_words,
)
from facilitator.tui.widgets.session import SessionPanels

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

    # The dialogs and forms (screens/dialogs.py, forms.py, modals.py) are imported by the keys
    # that open them: the board's first paint does not wait for them.
    from facilitator.tui.screens.dialogs import Chooser
    from facilitator.tui.screens.modals import Dialog

NARROW, SHORT = 100, 30  # below these the board packs itself tighter


class BoardScreen(Screen[None]):
    """The live session of one case."""

    BINDINGS = keys.bindings(keys.BOARD_KEYS)
    COMMANDS = {BoardCommands}
    AUTO_FOCUS = "#capture-input"
    app: FacilitatorApp

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.unsaved: str | None = None  # why the last change is not saved, while it is not
        self._draft_timer: Timer | None = None
        self.chooser: Chooser | None = None  # F2 or F3, waiting for its key

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="header")
        yield CaucusBanner(id="caucus-banner")
        yield Static(id="store-banner", markup=False)
        yield SessionPanels(id="main")
        yield JointView(id="joint")
        yield Notice(id="notice")
        yield CaptureBar(id="capture")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.capture_input.value = self.live.desk.draft
        self.query_one(SessionHeader).count_alerts(self.case, self.live.today)  # in the first paint
        self.refresh_board()
        self.set_interval(1, self.refresh_header)
        self.type_here()
        # The reframing engine compiles its patterns on import: do it once the board is up.
        self.call_after_refresh(self.run_worker, _load_reframing, thread=True, exclusive=False)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self.set_class(event.size.height < SHORT, "-short")
        self.refresh_header()  # now, not at the next tick: a narrow header puts the session first
        self.query_one(SessionPanels).mark_panels()  # a short board has its more marks in the titles

    @property
    def case(self) -> Case:
        return self.live.case

    @property
    def capture_input(self) -> Input:
        return self.query_one("#capture-input", Input)

    def type_here(self) -> None:
        """The capture line has the keys from the next key on (``focus()`` would wait a redraw)."""
        self.set_focus(self.capture_input)

    # ---------------------------------------------------------------- showing

    def refresh_header(self) -> None:
        caucus = self.live.caucus_names() if self.live.in_caucus else None
        self.query_one(SessionHeader).show(self.case, self.live.session, self.app.clock(), caucus)

    def refresh_board(self) -> None:
        live, now = self.live, self.app.clock()
        self.query_one(SessionPanels).show(live.case, live.session, live.desk.caucus, live.today, now)
        if self.has_class("-joint"):
            self.query_one(JointView).show(live.case, live.session)
        self.refresh_choice()
        self.refresh_header()
        # Counted once the change is on screen, so recording never waits for it.
        self.call_after_refresh(self._count_alerts)

    def _count_alerts(self) -> None:
        header = self.query_one(SessionHeader)
        before = header.alerts
        header.count_alerts(self.live.case, self.live.today)
        if header.alerts != before:  # shown now, not at the clock's next tick
            self.refresh_header()

    def refresh_choice(self) -> None:
        live = self.live
        self.set_class(live.in_caucus, "caucus")
        self.query_one(CaucusBanner).show(live.caucus_names() if live.in_caucus else None)
        self.query_one(CaptureBar).show_choice(
            self.case.who(live.desk.speaker), live.desk.kind, live.in_caucus
        )
        self.update_analysis()

    def update_analysis(self) -> None:
        live = self.live
        quiet = live.in_caucus or self.has_class("-joint")  # reframes are for the mediator's eyes only
        statement = live.desk.kind == CaptureKind.STATEMENT and not quiet
        side = live.side_of(live.desk.speaker)
        self.query_one(CaptureBar).listen(self.capture_input.value, statement, live.case.student, side)

    def say(self, text: str | Content, *, warning: bool = False, sticky: bool = False) -> None:
        self.query_one(Notice).say(text, warning=warning, sticky=sticky)

    def show_hint(self) -> None:
        focused = self.focused
        if isinstance(focused, RecordTable):
            self.query_one(Notice).show_hint(keys.panel_hint(focused.TITLE, focused.panel_bindings()))
        else:
            self.query_one(Notice).show_hint(keys.hint_line())

    def show_store_problem(self, message: str | None) -> None:
        self.unsaved = message
        banner = self.query_one("#store-banner", Static)
        banner.set_class(bool(message), "visible")
        banner.update(Content.assemble((" NOT SAVED ", "bold reverse"), f" {message}") if message else "")

    # ---------------------------------------------------------------- answers of the service layer

    def apply(self, result: Done[Any] | Refused, *, sticky: bool = False) -> bool:
        """Show what an intent answered; True when something was done."""
        if isinstance(result, Refused):
            if result.unsaved:
                self.show_store_problem(
                    f"{result.reason}. Your words are still on the capture line; press Enter to try again."
                )
            else:
                self.say(result.reason, warning=True)
            return False
        self.show_store_problem(None)
        self.refresh_board()
        said, news, self.live.news = result.said, self.live.news, None
        sticky = sticky or news is not None
        self.say(
            " · ".join(filter(None, [said, news])) + (" · Esc dismisses" if sticky else ""), sticky=sticky
        )
        self._save_desk_soon()
        return True

    def _save_desk_soon(self) -> None:
        # Kept on disk after a pause in typing, not on every key.
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(1.5, self.live.save_desk)

    def open(self, modal: Dialog[Any], done: Callable[[Any], None] | None = None) -> None:
        """Open a dialog; its answer is applied the moment it is given (before the next key),
        what it returns is shown, and typing goes back to the capture line (``on_screen_resume``)."""

        def closed(answer: Any) -> None:
            if done is not None:
                done(answer)
            elif isinstance(answer, str):
                self.refresh_board()
                self.say(answer)

        modal.then = closed
        self.app.push_screen(modal)

    def on_screen_resume(self) -> None:
        # Back from any dialog, form or screen, even one opened from a panel row: the words
        # typed next go on the capture line, never to a panel, where a letter is a command
        # (a in Options marks an option agreed). A panel is entered only by Tab or a key.
        self.type_here()

    async def take_key(self, event: Typed) -> Taken:
        """Each key whole, in the order typed (screens/board_keys.py)."""
        return await board_keys.take(self, event)

    # ---------------------------------------------------------------- the capture line

    @on(Input.Changed, "#capture-input")
    def _typed(self, event: Input.Changed) -> None:
        self.update_analysis()
        if event.value != self.live.desk.draft:
            self.live.desk.draft = event.value
            self._save_desk_soon()

    def record_line(self, reframe: str | None = None) -> None:
        if not self.capture_input.value.strip():
            return
        result = self.live.record(self.capture_input.value, reframe=reframe)
        if isinstance(result, Done):
            self.capture_input.value = ""
        if self.apply(result) and self.live.last:
            self.query_one(SessionPanels).reveal(*self.live.last)
            if self.has_class("-joint"):  # the room's screen: not who, not what
                self.say(f"Recorded · {rooms.QUIET}")

    def set_kind(self, kind: CaptureKind) -> None:
        self._choose(self.live.choose_kind(kind))

    def set_speaker(self, party_id: str) -> None:
        self._choose(self.live.choose_speaker(party_id))

    def _choose(self, result: Done[None] | Refused) -> None:
        self.type_here()
        if isinstance(result, Refused):
            self.say(result.reason, warning=True)
            return
        self.say(f"Chosen · {rooms.QUIET}" if self.has_class("-joint") else result.said)
        self._save_desk_soon()
        self.refresh_choice()

    def action_choose_speaker(self) -> None:
        from facilitator.tui.screens import dialogs

        board_keys.open_chooser(self, dialogs.speaker_pick(self.live, self.set_speaker))

    def action_choose_kind(self) -> None:
        from facilitator.tui.screens import dialogs

        self.type_here()
        if self.live.in_caucus:
            self.say("In caucus everything you write is a private note. F6 leaves caucus.", warning=True)
            return
        board_keys.open_chooser(self, dialogs.kind_pick(self.live, lambda k: self.set_kind(CaptureKind(k))))

    def action_back_to_typing(self) -> None:
        self.type_here()
        self.show_hint()

    # ---------------------------------------------------------------- panels

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.set_class(isinstance(event.widget, RecordTable), "-in-panel")
        if not self.query_one(Notice).busy or isinstance(event.widget, RecordTable):
            self.show_hint()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        # In a panel, the row under the cursor is shown whole above the capture line.
        table = event.data_table
        chosen = table.selected() if isinstance(table, RecordTable) and table.has_focus else None
        words = record_words(self.live.case, *chosen) if chosen else None
        if words and isinstance(table, RecordTable):
            title = (f" {table.TITLE.upper()} ", "bold reverse")
            self.say(Content.assemble(title, " ", terminal_safe(words), ("  ·  Esc back to typing", "bold")))

    @on(RecordTable.KeyNotUsed)
    def _key_not_used(self, event: RecordTable.KeyNotUsed) -> None:
        hint = keys.panel_hint(event.table.TITLE, event.table.panel_bindings())
        self.say(Content.assemble((f"“{event.key}” does nothing here. ", "bold"), hint), warning=True)

    def action_edit_selected(self) -> None:
        """F4: the selected row of the panel in use, else the row just recorded."""
        focused = self.focused
        chosen = focused.selected() if isinstance(focused, RecordTable) else None
        self.type_here()
        chosen = chosen or self.live.last
        if chosen is None:
            self.say("Nothing recorded yet to edit. Tab moves into the panels to choose a row.", warning=True)
            return
        records.edit(self, *chosen)

    @on(RecordTable.EditChosen)
    def _edit_chosen(self, event: RecordTable.EditChosen) -> None:
        records.edit(self, event.list_name, event.record_id)

    @on(RecordTable.RemoveChosen)
    def _remove_chosen(self, event: RecordTable.RemoveChosen) -> None:
        self.apply(self.live.remove(event.list_name, event.record_id))

    @on(AgendaTable.StatusChosen)
    def _agenda_status(self, event: AgendaTable.StatusChosen) -> None:
        self.apply(self.live.set_agenda_status(event.item_id, event.status))

    @on(AgendaTable.MoveChosen)
    def _agenda_move(self, event: AgendaTable.MoveChosen) -> None:
        if self.apply(self.live.move_agenda_item(event.item_id, event.offset)):
            self.query_one(AgendaTable).select_record("agenda", event.item_id)

    @on(AgendaTable.AddChosen)
    def add_agenda_item(self) -> None:
        from facilitator.tui.screens import forms

        self.open(forms.agenda_item_form(self.live, None, self.query_one(AgendaTable).selected_id()))

    @on(OptionsTable.DecisionChosen)
    def _decided(self, event: OptionsTable.DecisionChosen) -> None:
        self.decide(event.status, event.option_id)

    @on(OptionsTable.LinkChosen)
    def _link_chosen(self, event: OptionsTable.LinkChosen) -> None:
        records.link(self, event.option_id)

    @on(AgreementsTable.AmendChosen)
    def _amend_chosen(self, event: AgreementsTable.AmendChosen) -> None:
        self.amend(event.agreement_id)

    @on(FollowUpsTable.DoneToggled)
    def _done_toggled(self, event: FollowUpsTable.DoneToggled) -> None:
        follow_up = next(f for f in self.case.follow_ups if f.id == event.follow_up_id)
        self.apply(self.live.mark_follow_up(follow_up.id, not follow_up.done))

    @on(ParkingTable.StatusChosen)
    def _parking_status(self, event: ParkingTable.StatusChosen) -> None:
        self.apply(self.live.set_parking_status(event.item_id, event.status))

    def decide(self, status: OptionStatus, option_id: str | None = None) -> None:
        records.decide(self, status, option_id)

    def amend(self, agreement_id: str) -> None:
        records.amend(self, agreement_id)

    # ---------------------------------------------------------------- the F-keys

    def action_next_item(self) -> None:
        self.type_here()
        result = self.live.next_item()
        if self.apply(result) and isinstance(result, Done) and result.made.started:
            self.query_one(AgendaTable).select_record("agenda", result.made.started.id)

    def action_caucus(self) -> None:
        rooms.caucus(self)

    def action_review(self) -> None:
        from facilitator.tui.screens.review import ReviewScreen

        self.type_here()
        self.app.push_screen(ReviewScreen(self.case, self.live.today))

    def action_joint_view(self) -> None:
        rooms.joint_view(self)

    def action_export(self) -> None:
        from facilitator.tui.screens import dialogs

        self.type_here()
        self.open(dialogs.export_choice(), self._export)

    def _export(self, chosen: str | None) -> None:
        if chosen:
            kind, _, fmt = chosen.partition(":")
            self.apply(self.live.export(kind, fmt), sticky=True)

    def action_next_session(self) -> None:
        from facilitator.agenda import list_templates
        from facilitator.tui.screens import forms

        self.type_here()
        templates, _ = list_templates(self.live.store.home)
        self.open(forms.next_session_form(self.live, templates, self.live.today, self.live.next_session))

    def action_add_party(self) -> None:
        from facilitator.tui.screens import forms

        self.type_here()
        self.open(forms.party_form(self.live))

    def action_undo(self) -> None:
        self.type_here()
        self.apply(self.live.undo())

    def action_redo(self) -> None:
        self.type_here()
        self.apply(self.live.redo())

    def keep_typed_words(self) -> bool:
        """Before quitting: the words on the capture line go to the desk; False if they could not."""
        self.live.desk.draft = self.capture_input.value
        return self.live.save_desk()


def _load_reframing() -> None:
    import facilitator.reframe  # noqa: F401
