"""F1: the keys, in the order a session uses them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

HELP = """\
# Running a session

Type what you hear on the **capture line** at the bottom and press **Enter**.
The line shows *who* is speaking and *what kind* of entry it is.

| key | does |
|---|---|
| F2 / shift+F2 | who is speaking: each party, or you (mediator) |
| F3 / shift+F3 | what the line records: statement, interest, position, option, agreement, note, follow-up, parking lot |
| Enter | record the line |
| ↓ ↑ then Enter | when words sound like blame, quiet reframes appear under the line: ↓ ↑ choose one, Enter records the statement with it |
| F5 | next agenda item: starts it and its timer |
| F4 | edit the selected row: link an option to interests, add agreement details, fix words |
| F6 | caucus: meet one party in private; everything you write there is a private note; press F6 again to leave and tick what they agree to share |
| F7 | review what is still unresolved |
| F8 | export consensus points or a session summary as Markdown |
| F9 | close this session and start the next one |
| F10 | add a party |
| ctrl+z / ctrl+y | undo / redo |
| Tab / shift+Tab | move between panels; Escape returns to the capture line |
| ctrl+p | every action, by name |
| ctrl+q | quit (everything is already saved) |

## In the panels

Agenda marks: ▶ being discussed · • open · ✓ resolved · ‖ parked · ? needs data · → referred to the IEP team · ↩ carried from an earlier session. Delete removes the selected row in any panel (ctrl+z brings it back).

- **Agenda**: Enter starts an item · r resolved · p parked · d needs data · f referred · o open · a add · e edit · [ and ] move
- **Interests**: Enter or e edits the interest and the position behind it · ✓ means an agreed option or agreement serves it
- **Options**: l links interests · d discussing · a agreed · t trial · x declined · p parked · g makes an agreement
- **Agreements**: Enter edits the details; "missing" means a service or trial still needs who, what, how often, how long, a goal and a start date (and a review date for a trial)
- **Follow-ups**: space marks done · e edits owner and due date
- **Parking lot**: s scheduled · d done · o open

A position typed for a party waits for its interest: the next interest you type for that
party fills it in.

Every change is saved the moment you make it. If the disk refuses, a red banner stays on
screen and your words stay on the capture line.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close help")]

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # loads markdown-it; only needed once F1 is pressed

        with VerticalScroll(id="help"):
            yield Markdown(HELP)
