"""F1: the keys, in the order a session uses them, made from the key table and the panels'
own bindings (so a key is named in one place)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facilitator.tui import keys
from facilitator.tui.keystrokes import Taken, Typed
from facilitator.tui.screens.modals import Dialog, is_typing
from facilitator.tui.widgets.panels import (
    AGENDA_MARKS,
    AgendaTable,
    AgreementsTable,
    FollowUpsTable,
    InterestsTable,
    LogTable,
    OptionsTable,
    ParkingTable,
)

INTRO = (
    "Type what you hear on the capture line at the bottom and press Enter. The line shows who is "
    "speaking and what kind of line it is. When words sound like blame, quiet reframes appear under "
    "the line: ↓ ↑ choose one, Enter records the statement with it."
)
CHOOSERS = (
    "F2 then a number picks the speaker (m: you, the mediator); F3 then a letter picks the kind: "
    + ", ".join(f"{letter} {kind.value}" for kind, letter in keys.KIND_KEYS.items())
    + ". Pressing F2 or F3 twice moves on to the next one."
)
MARKS = {
    "open": "open",
    "active": "being discussed",
    "resolved": "resolved (a step of the meeting: done)",
    "parked": "parked",
    "needs-data": "needs data",
    "referred": "referred to the IEP team",
}
CLOSING = (
    "Tab moves into the panels (the one in use has a bright border, and its keys show above the "
    "capture line); Esc comes back to typing. Every change is saved the moment you make it; if the "
    "disk refuses, a red banner stays on screen and your words stay on the capture line. Records of "
    "a closed session stay as they were: an agreement is changed by amending it (m in the agreements)."
)
PANELS = (AgendaTable, InterestsTable, OptionsTable, AgreementsTable, FollowUpsTable, ParkingTable, LogTable)


def help_text() -> Content:
    lines: list[Content] = [
        Content.styled("Running a session", "bold"),
        Content(INTRO),
        Content(CHOOSERS),
        Content(""),
    ]
    rows = [*keys.help_rows(), ("Enter", "record the line"), ("^p", "every action, by name")]
    width = max(len(name) for name, _ in rows)
    for name, words in rows:
        lines.append(Content.assemble((f"  {name:<{width}}  ", "bold"), words))
    lines.append(Content(""))
    lines.append(Content.styled("In the panels", "bold"))
    for panel in PANELS:
        words = " · ".join(
            f"{b.key_display or keys.display(b.key)} {b.description}" for b in panel.panel_bindings()
        )
        lines.append(Content.assemble((f"  {panel.TITLE}: ", "bold"), words))
    marks = " · ".join(f"{AGENDA_MARKS[status][0]} {MARKS[status.value]}" for status in AGENDA_MARKS)
    lines.append(Content(f"  Agenda marks: {marks} · ↩ carried from an earlier session"))
    lines.append(Content("  Interests: ✓ an agreed option or agreement serves it. Follow-ups: ! overdue."))
    lines.append(
        Content("  e on a party's name: its name, role, side, and whether it signs for the district.")
    )
    lines.append(Content(""))
    lines.append(Content(CLOSING))
    return Content("\n").join(lines)


class HelpScreen(Dialog[None]):
    """Esc or F1 closes it; typing closes it too, and the words go to the capture line."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_text(), id="help-text")

    async def take_key(self, event: Typed) -> Taken:
        if isinstance(event, events.Key) and event.key == "f1":
            self.cancel()
            return Taken.DONE
        if is_typing(event):
            self.cancel()
            return Taken.AGAIN
        return await super().take_key(event)
