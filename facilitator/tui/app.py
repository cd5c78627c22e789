"""The Textual app: one factory shared by the command line and the tests."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date

from textual.app import App, SystemCommand
from textual.screen import Screen

from facilitator.live import Clock, LiveSession, utc_now
from facilitator.store import Store, StoreError
from facilitator.tui import keys
from facilitator.tui.screens.board import BoardScreen


class FacilitatorApp(App[None]):
    CSS_PATH = "facilitator.tcss"
    TITLE = "facilitator"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = keys.bindings(keys.APP_KEYS, priority=True)

    def __init__(
        self,
        store: Store,
        case_id: str | None = None,
        clock: Clock = utc_now,
        live: LiveSession | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id
        self.clock = clock
        self.live = live
        self.problem: str | None = None
        self.notice: str | None = None  # why the case list shows instead of the last case

    def on_load(self) -> None:
        # What exists by the first paint (modules, the case, the widgets) lives as long as the
        # app does: the cycle collector rests until then, and keeps out of it afterwards.
        gc.freeze()
        gc.disable()

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        if self.live is not None:
            self.push_screen(BoardScreen(self.live))
        elif self.case_id:
            self.open_case(self.case_id)
        else:
            from facilitator.tui.screens.cases import CaseListScreen

            self.push_screen(CaseListScreen(self.store))
            if self.notice:
                self.notify(
                    self.notice,
                    title="Could not reopen the last case",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )
        self.call_after_refresh(self._collect_again)  # once the first screen is painted

    def open_case(self, case_id: str) -> None:
        if self.live is not None:
            self.live.close()
            self.live = None
        try:
            self.live = LiveSession(self.store, case_id, self.clock)
        except StoreError as exc:
            # Refused (open elsewhere, damaged file): say so, touching nothing.
            if len(self.screen_stack) > 1:  # from the case list: stay there
                self.notify(
                    str(exc), title="Cannot open this case", severity="error", timeout=10, markup=False
                )
                return
            self.problem = str(exc)
            self.exit(return_code=1, message=None)
            return
        self.switch_or_push(BoardScreen(self.live))

    def switch_or_push(self, screen: Screen[None]) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_open_demo(self) -> None:
        from facilitator.demo import DEMO_ID, demo_case

        if not self.store.exists(DEMO_ID):
            self.store.create(demo_case(date.today()))
        self.open_case(DEMO_ID)

    def action_help(self) -> None:
        from facilitator.tui.screens.help import HelpScreen  # the screens a key opens load with it

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # The board's own commands come from its provider (tui/commands.py); these are app-wide.
        yield SystemCommand("Help", "The keys, for running a session (F1)", self.action_help)
        yield SystemCommand("Quit", "Typed words are kept for next time (ctrl+q)", self.action_quit)
        yield from (
            c for c in super().get_system_commands(screen) if c.title in ("Theme", "Keys", "Screenshot")
        )

    async def action_quit(self) -> None:
        """Quit, keeping the words on the capture line; ask first when something is not saved."""
        from facilitator.tui.screens.modals import ConfirmModal

        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        if board is None:
            self.exit()
            return
        kept = board.keep_typed_words()
        if board.unsaved is None and kept:
            self.exit()
            return
        words = board.capture_input.value.strip()
        question = "The last change is not saved. Quit anyway?"
        detail = board.unsaved or ""
        if not kept and words:
            question = "Your typed words could not be kept for next time. Quit anyway and lose them?"
            detail = "The disk refused to save them. No keeps you here with the words on the capture line."
        elif words:
            detail += " Your words on the capture line are kept for next time."

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmModal(question, detail.strip()), answered)

    def _collect_again(self) -> None:
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        if self.live is not None:
            self.live.close()
            self.live = None
        gc.enable()
        gc.unfreeze()


def make_app(
    store: Store, case_id: str | None = None, clock: Clock = utc_now, live: LiveSession | None = None
) -> FacilitatorApp:
    return FacilitatorApp(store, case_id, clock, live)


def run_board(store: Store, case_id: str | None, *, fall_back_to_list: bool = False) -> int:
    """Run the board until the mediator quits; one-line error and 1 when it cannot open.

    The case is opened (locked and read) before the screen changes, so a refusal is a
    plain line in the terminal rather than a flash of the board. Resuming the last case
    (``fall_back_to_list``) shows the case list instead, with the reason.
    """
    import sys

    live, notice = None, None
    if case_id:
        try:
            live = LiveSession(store, case_id, utc_now)
        except StoreError as exc:
            if not fall_back_to_list:
                print(f"facilitator: error: {' '.join(str(exc).split())}", file=sys.stderr)
                return 1
            case_id, notice = None, str(exc)
    app = make_app(store, case_id, live=live)
    app.notice = notice
    app.run()
    if app.problem:
        print(f"facilitator: error: {' '.join(app.problem.split())}", file=sys.stderr)
        return 1
    return app.return_code or 0
