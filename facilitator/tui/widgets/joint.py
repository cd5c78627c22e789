"""The joint view: the single negotiating text, for a screen the whole room can see.

Only the agenda, the options and the agreements with their details. Never statements,
reframes, positions, interests, notes, anything of a caucus, or the words being typed
(DESIGN section 6).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facilitator.model import SETTLED_AGENDA, AgendaStatus, Agreement, Case, OptionStatus, Session
from facilitator.terminal import terminal_safe
from facilitator.tui.widgets.panels import AGENDA_MARKS

DETAILS = (
    ("service", "Service"),
    ("frequency", "How often"),
    ("duration", "How long"),
    ("responsible", "Who is responsible"),
    ("goal", "Measurable goal"),
    ("start", "Starts"),
    ("review", "Review date"),
    ("data", "Data collected"),
    ("monitor", "Who collects and reports it"),
)
SHOWN_OPTIONS = (OptionStatus.PROPOSED, OptionStatus.DISCUSSING, OptionStatus.AGREED, OptionStatus.TRIAL)


def _flat(text: str) -> str:
    return terminal_safe(" ".join(text.split()))


def agreement_lines(case: Case, number: int, agreement: Agreement) -> list[Content]:
    lines = [
        Content.assemble(
            (f" {number}. ", "bold"), (_flat(agreement.text), "bold"), f"  ({agreement.kind.value})"
        )
    ]
    from facilitator.export.words import long_date  # the room reads dates as the document writes them

    for name, label in DETAILS:
        value = getattr(agreement, name)
        if value:
            shown = long_date(value) if name in ("start", "review") else str(value)
            lines.append(Content.assemble(("      " + label + ": ", "dim"), _flat(shown)))
    if agreement.iep_change:
        lines.append(Content.styled("      Needs an IEP amendment or IEP meeting", "dim"))
    missing = agreement.missing()
    if missing:
        lines.append(Content.styled(f"      Still to settle: {', '.join(missing)}", "yellow"))
    return lines


def joint_lines(case: Case, session: Session) -> list[Content]:
    """The agenda, the open and agreed options, and every agreement with its details."""
    lines: list[Content] = [
        Content.styled(f" {_flat(case.title)} · session {session.number}", "bold reverse"),
        Content(""),
    ]
    lines.append(Content.styled(" AGENDA", "bold"))
    for item in session.agenda:
        mark = AGENDA_MARKS[item.status][0]
        style = (
            "bold" if item.status == AgendaStatus.ACTIVE else ("dim" if item.status in SETTLED_AGENDA else "")
        )
        lines.append(Content.assemble(f"  {mark} ", (_flat(item.title), style)))
    undecided = (OptionStatus.PROPOSED, OptionStatus.DISCUSSING)
    options = [
        o
        for o in case.options
        if o.status in undecided or (o.session == session.id and o.status in SHOWN_OPTIONS)
    ]
    lines += [Content(""), Content.styled(" OPTIONS", "bold")]
    lines += [Content.assemble("  • ", _flat(o.text), (f"  {o.status.value}", "dim")) for o in options] or [
        Content.styled("  none yet", "dim")
    ]
    lines += [Content(""), Content.styled(" AGREEMENTS", "bold")]
    amended = {a.amends for a in case.agreements if a.amends}
    current = [a for a in case.agreements if a.id not in amended]
    for number, agreement in enumerate(current, start=1):
        lines += agreement_lines(case, number, agreement)
    if not current:
        lines.append(Content.styled("  none yet", "dim"))
    return lines


def hanging(line: Content, width: int) -> list[Content]:
    """A long line wrapped under its own words, past its bullet, number or label."""
    if line.cell_length <= width:
        return [line]
    plain = line.plain
    lead = len(plain) - len(plain.lstrip(" "))
    hang = min(plain.find(" ", lead) + 1 or lead, width // 3)
    first = line.wrap(width)[0]
    rest = line[len(first.plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
    return [first, *[Content(" " * hang) + part for part in rest.wrap(width - hang)]]


class JointView(VerticalScroll):
    _lines: list[Content] = []

    def compose(self) -> ComposeResult:
        yield Static(id="joint-text")

    def show(self, case: Case, session: Session) -> None:
        self._lines = joint_lines(case, session)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = max(20, self.scrollable_content_region.width)
        wrapped = [part for line in self._lines for part in hanging(line, width)]
        self.query_one("#joint-text", Static).update(Content("\n").join(wrapped))
