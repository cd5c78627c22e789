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
    "#agreements-panel": "F3 a, or a on an option",  # short enough to show whole at 100x30
    "#follow-ups-panel": "none yet · F3 f",
    "#parking-panel": "none yet · F3 k",
    "#log-panel": "statements show here",
}


class SessionPanels(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Case | None = None
        self._caucus: tuple[str, ...] = ()
        self._log_moved = False  # the log took new rows: its newest go to the bottom, whole

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
        self.mark_panels()

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
            log = self.query_one(LogTable)
            log.show(log_rows(case, session, caucus))
            log.move_cursor(row=log.row_count - 1, animate=False, scroll=False)
            self._caucus = caucus
            self._log_moved = True
        self._shown = case
        self.mark_panels()  # the first paint says which panels are empty
        self.call_after_refresh(self._settle)

    def on_record_table_scrolled(self) -> None:
        self.call_after_refresh(self.mark_panels)

    def on_resize(self) -> None:
        self._log_moved = True
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        # Once the rows are laid out: the log ends with its newest entries, whole, and the
        # borders say where there is more.
        if self._log_moved:
            self._log_moved = False
            self.query_one(LogTable).show_last_whole()
        self.mark_panels()

    def mark_panels(self) -> None:
        """An empty panel says what goes there; a full one says where more is (below, or for the
        log, above): on the bottom border, or in the title where a short terminal has none."""
        short = self.screen.has_class("-short")
        for panel in [*EMPTY_HINTS, "#interests-panel"]:
            widget = self.query_one(panel)
            tables = list(widget.query(RecordTable))
            below = any(t.more_below for t in tables)
            above = any(t.more_above for t in tables)
            more = "↓ more" if below else ("↑ more" if above else "")
            if all(t.empty for t in tables):
                more = EMPTY_HINTS.get(panel, "")
            title = tables[0].TITLE if panel != "#interests-panel" else "Interests"
            widget.border_title = f"{title} · {more}" if short and more else title
            widget.border_subtitle = "" if short else more

    def reveal(self, list_name: str, record_id: str) -> None:
        """Bring a row into view in whichever panel shows it."""
        for table in self.query(RecordTable):
            table.select_record(list_name, record_id)
