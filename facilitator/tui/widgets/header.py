"""The session header: case, session, clock, and the active item's time box."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from facilitator.actions import upcoming
from facilitator.model import AgendaStatus, Case, Session, SessionStatus, parse_timestamp
from facilitator.terminal import terminal_safe

STALE_SECONDS = 12 * 3600  # an item "running" this long was left on, not discussed


def time_left(session: Session, now: datetime) -> tuple[str, int | None, int] | None:
    """(title, seconds left or None without a time box, seconds used) of the active item."""
    active = next((item for item in session.agenda if item.status == AgendaStatus.ACTIVE), None)
    if active is None:
        return None
    used = 0
    if active.started_at:
        used = max(0, int((now - parse_timestamp(active.started_at)).total_seconds()))
    left = active.minutes * 60 - used if active.minutes else None
    return active.title, left, used


def _what_next(session: Session) -> str:
    if upcoming(session) is not None:
        return "F5 starts the next"
    if any(item.status == AgendaStatus.OPEN for item in session.agenda):  # F5 stays stopped after the last
        return "Tab to the agenda, Enter starts one"
    return "nothing left open · F9 closes the session"


def _clock(seconds: int) -> str:
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SessionHeader(Horizontal):
    alerts: str = ""  # red flags and overdue items, as counted after the last change

    def count_alerts(self, case: Case, today: date) -> None:
        """Red flags and overdue items, shown beside the session where the mediator looks."""
        from facilitator.review import overdue, red_flags

        flags, late = len(red_flags(case, today)), len(overdue(case, today))
        words = [
            f"⚑ {flags} red flag{'s' * (flags != 1)}" if flags else "",
            f"{late} overdue" if late else "",
        ]
        self.alerts = " · ".join(w for w in words if w)

    def compose(self) -> ComposeResult:
        yield Static(id="header-case")
        yield Static(id="header-timer")

    def show(self, case: Case, session: Session, now: datetime, caucus_with: str | None) -> None:
        timer = self._timer(session, now)
        timer_widget = self.query_one("#header-timer", Static)
        # Its width follows the text (auto): lay out again only when the width changes.
        timer_widget.update(timer, layout=timer.cell_length != timer_widget.size.width)
        title = terminal_safe(" ".join(case.title.split())[:80])
        room = self.size.width - timer.cell_length
        # What gives way when the room is short: the case's title, then the kind of session,
        # then the title altogether; never the session, a caucus or a red flag.
        over = self._case(title, session, caucus_with).cell_length - room
        cut = title[: max(8, len(title) - over - 1)].rstrip() + "…"
        for shown, kind in [(title, True), (cut, True), (cut, False), ("", False)]:
            left = self._case(shown, session, caucus_with, kind=kind)
            if not self.size.width or left.cell_length <= room:
                break
        self.query_one("#header-case", Static).update(left, layout=False)

    def _case(self, title: str, session: Session, caucus_with: str | None, kind: bool = True) -> Content:
        status = "" if session.status == SessionStatus.LIVE else f" ({session.status.value})"
        if self.screen.has_class("-narrow"):  # the session number first, where it is never cut
            left = Content.assemble(
                (f" s{session.number}{status} ", "bold reverse"), (f" {title}" if title else "", "bold")
            )
        else:
            named = Content.assemble((f" {title}", "bold"), " · ") if title else Content(" ")
            left = named.append(
                f"session {session.number}{status}" + (f" · {session.kind.value}" if kind else "")
            )
        if caucus_with:
            return left.append(
                Content.assemble("  ", (f" CAUCUS with {terminal_safe(caucus_with)} ", "bold reverse"))
            )
        if self.alerts:
            return left.append(Content.assemble("  ", (f" {self.alerts} · F7 ", "bold $warning")))
        return left

    @staticmethod
    def _timer(session: Session, now: datetime) -> Content:
        timer = time_left(session, now)
        if session.status == SessionStatus.CLOSED:
            right = Content.styled(" this session is closed · F9 starts the next one ", "dim")
        elif timer is None:
            right = Content.styled(f" no item active · {_what_next(session)} ", "dim")
        else:
            title, seconds_left, used = timer
            title = terminal_safe(" ".join(title.split())[:40])
            if used >= STALE_SECONDS:
                # Left running overnight (or for days): a count of hours would mean nothing.
                started = (now - timedelta(seconds=used)).astimezone()
                right = Content.assemble(
                    (" ▶ ", "bold"), title, (f"  running since {started:%b} {started.day} ", "dim")
                )
            elif seconds_left is None:
                right = Content.assemble((" ▶ ", "bold"), title, f"  {_clock(used)} ")
            elif seconds_left >= 0:
                right = Content.assemble((" ▶ ", "bold"), title, (f"  {_clock(seconds_left)} left ", "bold"))
            else:
                right = Content.assemble(
                    (" ▶ ", "bold"), title, (f"  {_clock(seconds_left)} over ", "bold reverse")
                )
        # The clock sits at the far right, where a narrow terminal never cuts it off.
        return right.append(Content.styled(f" {now.astimezone():%H:%M} ", "bold reverse"))


class CaucusBanner(Static):
    """Caucus is unmistakable: a banner over the board while one party or side is in private."""

    def show(self, names: str | None) -> None:
        if names is None:
            self.update("")
            return
        self.update(
            Content.assemble(
                (" CAUCUS ", "bold reverse"),
                " private meeting with ",
                (terminal_safe(names), "bold"),
                " · what you write stays private unless they agree to share it · F6 leaves caucus",
            )
        )
