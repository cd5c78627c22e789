"""The mediator's script for the item being discussed: the agenda template's prompts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facilitator.model import AgendaStatus, Session
from facilitator.terminal import terminal_safe


class PromptsPanel(VerticalScroll, can_focus=False):
    """The active item's prompts (confidentiality, ground rules, questions to ask)."""

    def compose(self) -> ComposeResult:
        yield Static(id="prompts-text")

    def show(self, session: Session) -> None:
        active = next((item for item in session.agenda if item.status == AgendaStatus.ACTIVE), None)
        prompts = [p for p in (active.prompts or []) if p.strip()] if active else []
        self.display = bool(prompts)
        self.border_title = "Prompts"
        lines = [Content.assemble(("· ", "dim"), terminal_safe(" ".join(p.split()))) for p in prompts]
        self.query_one("#prompts-text", Static).update(Content("\n").join(lines))
        self.scroll_home(animate=False)
