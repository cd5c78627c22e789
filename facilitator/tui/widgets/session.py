"""The panels of the board: agenda, prompts and what was said on the left; interests (family
and school side by side, neutral parties apart), options, agreements, follow-ups and the
parking lot on the right. ``show`` redraws only what the last change touched."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from facilitator.model import Case, Session, Side
from facilitator.review import in_play, overdue
from facilitator.tui.widgets.panels import (
    AgendaTable,
    AgreementsTable,
    FollowUpsTable,
    InterestsTable,
    LogTable,
    OptionsTable,
    ParkingTable,
    RecordTable,
    agenda_rows,
    agreement_rows,
    follow_up_rows,
    interest_rows,
    log_rows,
    option_rows,
    parking_rows,
)
from facilitator.tui.widgets.prompts import PromptsPanel

# What an empty panel says, so a first session shows where things go.
EMPTY_HINTS = {
    "#agenda-panel": "none yet · Tab here, a adds one",
    "#options-panel": "none yet · F3 o, type, Enter",
    "#agreements-panel": "none yet · F3 a, or a on an option",
    "#follow-ups-panel": "none yet · F3 f",
    "#parking-panel": "none yet · F3 k",
    "#log-panel": "statements show here",
}


class SessionPanels(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Case | None = None
        self._caucus: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical(id="left"):
            with Vertical(id="agenda-panel", classes="panel"):
                yield AgendaTable(id="agenda")
            yield PromptsPanel(id="prompts", classes="panel")
            with Vertical(id="log-panel", classes="panel"):
                yield LogTable(id="log")
        with Vertical(id="right"):
            with Horizontal(id="interests-panel", classes="panel"):
                yield InterestsTable(id="family")
                yield InterestsTable(id="school")
            with Horizontal(id="middle"):
                with Vertical(id="options-panel", classes="panel"):
                    yield OptionsTable(id="options")
                with Vertical(id="agreements-panel", classes="panel"):
                    yield AgreementsTable(id="agreements")
            with Horizontal(id="bottom"):
                with Vertical(id="follow-ups-panel", classes="panel"):
                    yield FollowUpsTable(id="follow-ups")
                with Vertical(id="parking-panel", classes="panel"):
                    yield ParkingTable(id="parking")

    def on_mount(self) -> None:
        for table in self.query(RecordTable):
            if isinstance(table.parent, Vertical):  # the two interest columns share one panel
                table.parent.border_title = table.TITLE
        self.query_one("#interests-panel").border_title = "Interests"

    def show(self, case: Case, session: Session, caucus: tuple[str, ...], today: date, now: datetime) -> None:
        before = self._shown

        def changed(*names: str) -> bool:
            return before is None or any(getattr(before, n) is not getattr(case, n) for n in names)

        view = in_play(case)
        late = overdue(case, today)
        late_follow_ups = frozenset(item.id for item in late if item.kind == "follow-up")
        reviews = frozenset(item.id for item in late if item.kind == "trial-review")
        if changed("sessions"):
            self.query_one(AgendaTable).show(agenda_rows(session, now))
            self.query_one(PromptsPanel).show(session)
        if changed("parties", "interests", "options", "agreements"):
            self.query_one("#family", InterestsTable).show(interest_rows(case, [Side.FAMILY], view.interests))
            others = [Side.SCHOOL, Side.NEUTRAL]
            self.query_one("#school", InterestsTable).show(interest_rows(case, others, view.interests))
        if changed("parties", "options"):
            self.query_one(OptionsTable).show(option_rows(case, view.options))
        if changed("sessions", "agreements"):
            self.query_one(AgreementsTable).show(agreement_rows(case, session, reviews))
        if changed("parties", "follow_ups"):
            # Done in this session: still shown, ticked, so the room sees it happened.
            since = session.started_at
            in_view = {f.id for f in view.follow_ups}
            shown = [
                f
                for f in case.follow_ups
                if f.id in in_view or (since is not None and f.done_at is not None and f.done_at >= since)
            ]
            self.query_one(FollowUpsTable).show(follow_up_rows(case, shown, late_follow_ups))
        if changed("parking_lot"):
            self.query_one(ParkingTable).show(parking_rows(view.parking_lot))
        if changed("sessions", "parties", "statements", "notes") or caucus != self._caucus:
            self.query_one(LogTable).show(log_rows(case, session, caucus))
            self._caucus = caucus
        self._shown = case
        self.call_after_refresh(self._mark_panels)

    def _mark_panels(self) -> None:
        """An empty panel says what goes there; a full one says there is more than it shows."""
        for panel, hint in EMPTY_HINTS.items():
            widget = self.query_one(panel)
            tables = list(widget.query(RecordTable))
            if all(t.empty for t in tables):
                widget.border_subtitle = hint
            else:
                widget.border_subtitle = "↓ more" if any(t.overflows for t in tables) else ""
        interests = self.query_one("#interests-panel")
        more = any(t.overflows for t in interests.query(RecordTable))
        interests.border_subtitle = "↓ more" if more else ""

    def reveal(self, list_name: str, record_id: str) -> None:
        """Bring a row into view in whichever panel shows it."""
        for table in self.query(RecordTable):
            table.select_record(list_name, record_id)
