"""The session header: case, session, clock, and the active item's time box."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from facilitator.model import AgendaStatus, Case, Session, parse_timestamp


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


def _clock(seconds: int) -> str:
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SessionHeader(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="header-case")
        yield Static(id="header-timer")

    def show(self, case: Case, session: Session, now: datetime, caucus_with: str | None) -> None:
        local = now.astimezone()
        status = "" if session.status == "live" else f" ({session.status.value})"
        left = Content.assemble(
            (" " + " ".join(case.title.split())[:80], "bold"),
            f" · session {session.number}{status} · {session.kind.value}",
        )
        if caucus_with:
            left = left.append(Content.assemble("  ", (f" CAUCUS with {caucus_with} ", "bold reverse")))
        self.query_one("#header-case", Static).update(left)
        timer = time_left(session, now)
        if session.status == "closed":
            right = Content.styled(" this session is closed · F9 starts the next one ", "dim")
        elif timer is None:
            right = Content.styled(" no item active · F5 starts the next ", "dim")
        else:
            title, seconds_left, used = timer
            title = " ".join(title.split())[:40]
            if seconds_left is None:
                right = Content.assemble((" ▶ ", "bold"), title, f"  {_clock(used)} ")
            elif seconds_left >= 0:
                right = Content.assemble((" ▶ ", "bold"), title, (f"  {_clock(seconds_left)} left ", "bold"))
            else:
                right = Content.assemble(
                    (" ▶ ", "bold"), title, (f"  {_clock(seconds_left)} over ", "bold reverse")
                )
        # The clock sits at the far right, where a narrow terminal never cuts it off.
        clock = Content.styled(f" {local:%H:%M} ", "bold reverse")
        self.query_one("#header-timer", Static).update(right.append(clock))
