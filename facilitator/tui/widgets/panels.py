"""The board's panels: tables of one kind of record each.

User text reaches the screen only as ``rich.text.Text`` cells, never as markup, so a
name like ``[b`` or ``[@click=app.quit]`` shows exactly as typed.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from facilitator.model import (
    AgendaItem,
    AgendaStatus,
    Case,
    FollowUp,
    Interest,
    Option,
    OptionStatus,
    ParkingItem,
    ParkingStatus,
    Session,
    Side,
)

# One glance tells an item's state; the footer and help spell them out.
AGENDA_MARKS = {
    AgendaStatus.OPEN: ("•", "dim"),
    AgendaStatus.ACTIVE: ("▶", "bold"),
    AgendaStatus.RESOLVED: ("✓", "green"),
    AgendaStatus.PARKED: ("‖", "yellow"),
    AgendaStatus.NEEDS_DATA: ("?", "cyan"),
    AgendaStatus.REFERRED: ("→", "magenta"),
}
OPTION_STYLES = {
    OptionStatus.PROPOSED: "",
    OptionStatus.DISCUSSING: "cyan",
    OptionStatus.AGREED: "green",
    OptionStatus.TRIAL: "green",
    OptionStatus.DECLINED: "dim",
    OptionStatus.PARKED: "yellow",
}
MAX_CELL = 400  # a very long line is cut for the table; the record keeps every word
UNNAMED = "(interest not named yet)"  # shown, never stored: the file keeps ""


def cell(text: str, style: str = "", indent: str = "") -> Text:
    """A table cell showing user text literally, on one line (wrapping tables wrap it)."""
    flat = " ".join(text.split())
    if len(flat) > MAX_CELL:
        flat = flat[: MAX_CELL - 1] + "…"
    return Text(indent + flat, style=style, no_wrap=True, overflow="ellipsis")


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Text, ...]


class RecordTable(DataTable):
    """A table whose rows are records; ``show`` updates only what changed.

    Columns named in ``WIDTHS`` keep that width; the first other column takes the rest.
    """

    COLUMNS: Sequence[str] = ()
    WIDTHS: dict[str, int] = {}
    WRAP_LINES = 1  # more lets long text in the first flexible column wrap onto that many lines

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, show_header=False, **kwargs)
        self._shown: list[Row] = []
        self._drawn: dict[str, Text] = {}  # the first cell of each row, as the table holds it
        self._text_width = 10

    def on_mount(self) -> None:
        for name in self.COLUMNS:
            self.add_column(name, key=name, width=self.WIDTHS.get(name, 10))

    def on_resize(self) -> None:
        flexible = [name for name in self.COLUMNS if name not in self.WIDTHS]
        if not flexible:
            return
        padding = 2 * self.cell_padding * len(self.COLUMNS)
        scrollbar = self.styles.scrollbar_size_vertical
        room = self.size.width - sum(self.WIDTHS.values()) - padding - scrollbar
        column = self.columns[flexible[0]]  # type: ignore[index]
        column.width = max(10, room)
        column.auto_width = False
        if self.WRAP_LINES > 1 and column.width != self._text_width:
            self._text_width = column.width
            self._rebuild(self._shown)  # heights follow the new width
        self._text_width = column.width
        self.refresh()

    def _display(self, row: Row) -> tuple[Text, ...]:
        """The cells as drawn: in a wrapping table, long text wraps under its own start."""
        if self.WRAP_LINES == 1:
            return row.cells
        first = row.cells[0]
        plain = first.plain
        hang = " " * (len(plain) - len(plain.lstrip(" ")) + 2)  # past the indent and the bullet
        lines = textwrap.wrap(plain, width=max(10, self._text_width), subsequent_indent=hang) or [""]
        if len(lines) > self.WRAP_LINES:
            lines = lines[: self.WRAP_LINES]
            lines[-1] = lines[-1][: max(1, self._text_width - 1)] + "…"
        wrapped = Text("\n".join(lines), style=first.style, no_wrap=True, overflow="ellipsis")
        return (wrapped, *row.cells[1:])

    def _put(self, row: Row, new: bool) -> None:
        cells = self._display(row)
        if new:
            self.add_row(*cells, key=row.key, height=len(cells[0].plain.split("\n")))
        else:
            for column, value in zip(self.COLUMNS, cells, strict=True):
                self.update_cell(row.key, column, value)
        self._drawn[row.key] = cells[0]

    def _height(self, row: Row) -> int:
        return len(self._display(row)[0].plain.split("\n")) if self.WRAP_LINES > 1 else 1

    @property
    def selected_key(self) -> str | None:
        if not self._shown or self.cursor_row < 0 or self.cursor_row >= len(self._shown):
            return None
        return self._shown[self.cursor_row].key

    def show(self, rows: list[Row]) -> None:
        """Show ``rows``; rows added or changed are touched, the rest of the table is not."""
        shown = {row.key: row for row in self._shown}
        kept = [row.key for row in rows if row.key in shown]
        if (
            len(kept) != len(shown)
            or kept != [row.key for row in self._shown]
            or any(
                self._height(shown[row.key]) != self._height(row)
                for row in rows
                if row.key in shown and shown[row.key].cells != row.cells
            )
        ):
            self._rebuild(rows)  # rows removed or reordered: rare (undo, remove, reorder)
            return
        # The common case while people talk: a row added (anywhere) or a row changed.
        final: list[Row] = []
        for row in rows:
            before = shown.get(row.key)
            if before is None:
                self._put(row, new=True)
                final.append(row)
            elif before.cells != row.cells:
                self._put(row, new=False)
                final.append(row)
            else:
                final.append(before)
        if [row.key for row in final] != kept + [row.key for row in rows if row.key not in shown]:
            # New rows went in at the end; put them where they belong. The table sorts the
            # cell values it holds, which are the very objects in ``_drawn``.
            place = {id(self._drawn[row.key]): index for index, row in enumerate(final)}
            self.sort(key=lambda values: place[id(values[0])])
        self._shown = final

    def _rebuild(self, rows: list[Row]) -> None:
        selected = self.selected_key
        self.clear()
        self._drawn.clear()
        for row in rows:
            self._put(row, new=True)
        self._shown = list(rows)
        keys = [r.key for r in rows]
        if selected in keys:
            self.move_cursor(row=keys.index(selected), animate=False)

    def select_key(self, key: str) -> None:
        keys = [r.key for r in self._shown]
        if key in keys:
            self.move_cursor(row=keys.index(key), animate=False)


def _minutes_label(item: AgendaItem) -> str:
    return f"{item.minutes}m" if item.minutes else ""


class AgendaTable(RecordTable):
    COLUMNS = ("mark", "title", "time")
    WIDTHS = {"mark": 1, "time": 3}
    BINDINGS = [
        Binding("enter,space", "screen.agenda_status('active')", "Start item", id="agenda.start"),
        Binding("r", "screen.agenda_status('resolved')", "Resolved", id="agenda.resolved"),
        Binding("p", "screen.agenda_status('parked')", "Parked", id="agenda.parked"),
        Binding("d", "screen.agenda_status('needs-data')", "Needs data", id="agenda.needs-data"),
        Binding("f", "screen.agenda_status('referred')", "Referred", id="agenda.referred"),
        Binding("o", "screen.agenda_status('open')", "Open", show=False, id="agenda.open"),
        Binding("a", "screen.add_agenda_item", "Add", id="agenda.add"),
        Binding("e", "screen.edit_selected", "Edit", id="agenda.edit"),
        Binding("left_square_bracket", "screen.move_agenda_item(-1)", "Up", id="agenda.up"),
        Binding("right_square_bracket", "screen.move_agenda_item(1)", "Down", id="agenda.down"),
        Binding("delete", "screen.remove_selected", "Remove", show=False, id="agenda.remove"),
    ]

    def rows_for(self, session: Session) -> list[Row]:
        rows = []
        for item in session.agenda:
            mark, style = AGENDA_MARKS[item.status]
            title = item.title + (" ↩" if item.carried_from else "")
            rows.append(
                Row(
                    item.id,
                    (
                        Text(mark, style=style),
                        cell(title, style if style == "bold" else ""),
                        Text(_minutes_label(item), style="dim"),
                    ),
                )
            )
        return rows


class InterestsTable(RecordTable):
    """One side of the table: each party, its interests, and the positions behind them."""

    COLUMNS = ("text",)
    WRAP_LINES = 3
    BINDINGS = [
        Binding("e,enter", "screen.edit_selected", "Edit", id="interests.edit"),
        Binding("delete", "screen.remove_selected", "Remove", show=False, id="interests.remove"),
    ]

    def rows_for(self, case: Case, sides: Iterable[Side], interests: list[Interest]) -> list[Row]:
        wanted = set(sides)
        by_party: dict[str, list[Interest]] = {}
        for interest in interests:
            by_party.setdefault(interest.party, []).append(interest)
        addressed = case.addressed_interests()
        rows = []
        for party in case.parties:
            if party.side not in wanted:
                continue
            rows.append(Row(f"party:{party.id}", (cell(f"{party.name} · {party.role}", "bold"),)))
            for interest in by_party.get(party.id, ()):
                mark = "✓" if interest.id in addressed else "•"
                rows.append(Row(interest.id, (cell(f"{mark} {interest.text or UNNAMED}", indent=" "),)))
                if interest.position:
                    rows.append(
                        Row(
                            f"{interest.id}#position",
                            (cell(f"position: {interest.position}", "dim italic", indent="   "),),
                        )
                    )
        return rows


class OptionsTable(RecordTable):
    COLUMNS = ("text", "status", "serves")
    WIDTHS = {"status": 10, "serves": 8}
    BINDINGS = [
        Binding("l,enter", "screen.link_interests", "Link interests", id="options.link"),
        Binding("a", "screen.option_status('agreed')", "Agreed", id="options.agreed"),
        Binding("t", "screen.option_status('trial')", "Trial", id="options.trial"),
        Binding("d", "screen.option_status('discussing')", "Discussing", id="options.discussing"),
        Binding("x", "screen.option_status('declined')", "Declined", id="options.declined"),
        Binding("p", "screen.option_status('parked')", "Parked", id="options.parked"),
        Binding("g", "screen.agreement_from_option", "Make agreement", id="options.agreement"),
        Binding("e", "screen.edit_selected", "Edit", show=False, id="options.edit"),
        Binding("delete", "screen.remove_selected", "Remove", show=False, id="options.remove"),
    ]

    def rows_for(self, case: Case, options: list[Option]) -> list[Row]:
        rows = []
        for option in options:
            style = OPTION_STYLES[option.status]
            count = len(option.addresses or [])
            serves = f"serves {count}" if count else "no link"
            by = case.who(option.proposed_by)
            rows.append(
                Row(
                    option.id,
                    (
                        cell(f"{option.text} ({by})", style),
                        Text(option.status.value, style=style),
                        Text(serves, style="dim"),
                    ),
                )
            )
        return rows


class AgreementsTable(RecordTable):
    COLUMNS = ("number", "text", "state")
    WIDTHS = {"number": 2, "state": 10}
    BINDINGS = [
        Binding("e,enter", "screen.edit_selected", "Details", id="agreements.edit"),
        Binding("delete", "screen.remove_selected", "Remove", show=False, id="agreements.remove"),
    ]

    def rows_for(self, case: Case, session: Session) -> list[Row]:
        numbers = {s.id: s.number for s in case.sessions}
        rows = []
        for number, agreement in enumerate(case.agreements, start=1):
            missing = agreement.missing()
            earlier = numbers.get(agreement.session, session.number) < session.number
            if missing:
                state = Text(f"{len(missing)} missing", style="bold yellow")
            elif earlier:
                state = Text(f"settled s{numbers[agreement.session]}", style="dim green")
            elif agreement.kind in ("principle", "procedural"):
                state = Text(agreement.kind.value, style="dim")
            else:
                state = Text("complete", style="green")
            label = (
                agreement.text if agreement.kind == "principle" else f"{agreement.text} ({agreement.kind})"
            )
            rows.append(
                Row(
                    agreement.id,
                    (
                        Text(str(number), style="dim"),
                        cell(label, "dim" if earlier and not missing else ""),
                        state,
                    ),
                )
            )
        return rows


class FollowUpsTable(RecordTable):
    COLUMNS = ("done", "text", "who")
    WIDTHS = {"done": 1, "who": 20}
    BINDINGS = [
        Binding("space,enter", "screen.toggle_follow_up", "Done / not done", id="follow_ups.toggle"),
        Binding("e", "screen.edit_selected", "Edit", id="follow_ups.edit"),
        Binding("delete", "screen.remove_selected", "Remove", show=False, id="follow_ups.remove"),
    ]

    def rows_for(self, case: Case, follow_ups: list[FollowUp]) -> list[Row]:
        rows = []
        for follow_up in follow_ups:
            mark = Text("✓", style="green") if follow_up.done else Text("○")
            due = date.fromisoformat(follow_up.due) if follow_up.due else None
            who = case.who(follow_up.owner) + (f", {due:%b} {due.day}" if due else "")
            rows.append(
                Row(
                    follow_up.id,
                    (mark, cell(follow_up.text, "dim" if follow_up.done else ""), cell(who, "dim")),
                )
            )
        return rows


class ParkingTable(RecordTable):
    COLUMNS = ("text", "status")
    WIDTHS = {"status": 9}
    BINDINGS = [
        Binding("s", "screen.parking_status('scheduled')", "Scheduled", id="parking.scheduled"),
        Binding("d", "screen.parking_status('done')", "Done", id="parking.done"),
        Binding("o", "screen.parking_status('open')", "Open", id="parking.open"),
        Binding("e,enter", "screen.edit_selected", "Edit", show=False, id="parking.edit"),
        Binding("delete", "screen.remove_selected", "Remove", show=False, id="parking.remove"),
    ]

    def rows_for(self, items: list[ParkingItem]) -> list[Row]:
        rows = []
        for item in items:
            style = "" if item.status == ParkingStatus.OPEN else "dim"
            rows.append(Row(item.id, (cell(item.text, style), Text(item.status.value, style="dim"))))
        return rows
