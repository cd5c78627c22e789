"""The mediator's script for the item being discussed: the agenda template's prompts."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from facilitator.model import AgendaStatus, Session


class PromptsPanel(Static):
    """The active item's prompts (confidentiality, ground rules, questions to ask)."""

    def show(self, session: Session) -> None:
        active = next((item for item in session.agenda if item.status == AgendaStatus.ACTIVE), None)
        prompts = [p for p in (active.prompts or []) if p.strip()] if active else []
        self.display = bool(prompts)
        if active is None or not prompts:
            self.update("")
            return
        self.border_title = "Prompts"
        lines = [Content.assemble(("· ", "dim"), " ".join(p.split())) for p in prompts]
        self.update(Content("\n").join(lines))
