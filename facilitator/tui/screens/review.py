"""What is still unresolved, red flags and what is overdue (the review module, on screen)."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitator.model import Case
from facilitator.tui import keys
from facilitator.tui.keystrokes import Taken, Typed, run_key
from facilitator.tui.screens.modals import is_typing


class ReviewScreen(Screen[None]):
    """Read only: Esc or F7 goes back; typing or another F-key goes back and goes on there."""

    def __init__(self, case: Case, today: date) -> None:
        super().__init__()
        self.case = case
        self.today = today

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        from facilitator.review import render_review

        # The review's Markdown escapes every user word, so nothing typed becomes structure.
        with VerticalScroll(id="review"):
            yield Markdown(render_review(self.case, "markdown", self.today))
        yield Static(
            Content.styled(" Esc or F7: back to the board (typing goes back too) ", "reverse"),
            id="review-keys",
        )

    def on_mount(self) -> None:
        self.query_one("#review").focus()

    async def take_key(self, event: Typed) -> Taken:
        if isinstance(event, events.Key) and event.key in ("escape", "f7"):
            self.leave()
            return Taken.DONE
        if is_typing(event) or (isinstance(event, events.Key) and event.key in keys.BOARD_ONLY):
            self.leave()
            return Taken.AGAIN
        return await run_key(self, event)

    def leave(self) -> None:
        if self.app.screen is self:  # once: a second Esc in a burst is the board's
            self.dismiss()
