"""What is still unresolved, red flags and what is overdue (the review module, on screen)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitator.model import Case


class ReviewScreen(Screen[None]):
    BINDINGS = [Binding("escape,f7,q", "app.pop_screen", "back to the board", id="review.back")]

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
        yield Static(Content.styled(" Esc or F7: back to the board ", "reverse"), id="review-keys")

    def on_mount(self) -> None:
        self.query_one("#review").focus()
