"""What is still unresolved, for the end of a session (the review module, on screen)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitator.live import due_now
from facilitator.model import Case


def overdue_lines(case: Case, today: date) -> list[Content]:
    late, reviews = due_now(case, today)
    lines = []
    for follow_up in case.follow_ups:
        if follow_up.id in late:
            lines.append(
                Content.assemble(
                    ("  ! ", "bold red"),
                    f"{' '.join(follow_up.text.split())} ({case.owner_of(follow_up)}, due {follow_up.due})",
                )
            )
    for agreement in case.agreements:
        if agreement.id in reviews:
            lines.append(
                Content.assemble(
                    ("  ! ", "bold red"),
                    f"review of the trial “{' '.join(agreement.text.split())}” was due {agreement.review}",
                )
            )
    return lines


class ReviewScreen(Screen[None]):
    BINDINGS = [Binding("escape,f7,q", "app.pop_screen", "back to the board", id="review.back")]

    def __init__(self, case: Case, today: date) -> None:
        super().__init__()
        self.case = case
        self.today = today

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        from facilitator.review import render_review

        with VerticalScroll(id="review"):
            overdue = overdue_lines(self.case, self.today)
            if overdue:
                heading = Content.styled(f"Overdue on {self.today:%b} {self.today.day}", "bold red")
                yield Static(Content("\n").join([heading, *overdue]), id="overdue")
            # The review's Markdown escapes every user word, so nothing typed becomes structure.
            yield Markdown(render_review(self.case, "markdown"))
        yield Static(Content.styled(" Esc or F7: back to the board ", "reverse"), id="review-keys")

    def on_mount(self) -> None:
        self.query_one("#review").focus()
