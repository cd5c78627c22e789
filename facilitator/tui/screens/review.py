"""What is still unresolved, for the end of a session (the review module, on screen)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from facilitator.model import Case


class ReviewScreen(Screen):
    BINDINGS = [Binding("escape,f7,q", "app.pop_screen", "Back to the board")]

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        from facilitator.review import render_review

        # The review's Markdown escapes every user word, so nothing typed becomes structure.
        with VerticalScroll(id="review"):
            yield Markdown(render_review(self.case, "markdown"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review").focus()
