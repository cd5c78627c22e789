"""The board's panels: tables of one kind of record each, and the rows they show.

User text reaches the screen only as ``rich.text.Text`` cells, never as markup, so a name
like ``[b`` or ``[@click=app.quit]`` shows exactly as typed.

A panel's keys never reach into the screen: they post messages (``AgendaTable.StatusChosen``,
``RecordTable.EditChosen``, ...) that the screen handles, so each table can be used and
tested on its own.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from facilitator.actions import find
from facilitator.model import (
    AgendaItem,
    AgendaStatus,
    AgreementKind,
    Case,
    FollowUp,
    Interest,
    Note,
    Option,
    OptionStatus,
    ParkingItem,
    ParkingStatus,
    Session,
    Side,
    Statement,
    parse_timestamp,
)
from facilitator.terminal import terminal_safe

# One glance tells an item's state; F1 spells them out.
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
TAIL_BESIDE = 4  # characters of words a cut row keeps beside its tail, else the tail goes below
UNNAMED = "(interest not named yet)"  # shown, never stored: the file keeps ""
SIDE_TITLES = {Side.FAMILY: "FAMILY", Side.SCHOOL: "SCHOOL", Side.NEUTRAL: "NEUTRAL"}


NBSP = "\u00a0"
SPACES = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")  # not the no-break space, which keeps "Dec 4" whole


def cell(text: str, style: str = "", indent: str = "") -> Text:
    """A table cell showing user text literally, on one line (wrapping tables wrap it)."""
    flat = terminal_safe(SPACES.sub(" ", text).strip())
    if len(flat) > MAX_CELL:
        flat = flat[: MAX_CELL - 1] + "…"
    return Text(indent + flat, style=style, no_wrap=True, overflow="ellipsis")


@dataclass(frozen=True)
class Row:
    key: str  # "list_name:record id"; other keys (a party's heading) are not records
    cells: tuple[Text, ...]
    tail: Text | None = None  # the end of the wrapped text that always shows (a status, a count)


def record_key(list_name: str, record_id: str, part: str = "") -> str:
    return f"{list_name}:{record_id}{'#' + part if part else ''}"


def parse_key(key: str) -> tuple[str, str] | None:
    """(list name, record id) of a row key, None for a heading row."""
    list_name, _, rest = key.partition(":")
    if list_name in ("party", "side") or not rest:
        return None
    return list_name, rest.split("#", 1)[0]


def record_words(case: Case, list_name: str, record_id: str) -> str | None:
    """A record's words in full, on one line (its row in a panel may be cut short)."""
    try:
        record = find(case, list_name, record_id)
    except KeyError:
        return None
    if isinstance(record, Interest):
        text = record.text or UNNAMED
        return " ".join(f"{text} · position: {record.position}".split()) if record.position else text
    text = getattr(record, "text", None) or getattr(record, "title", None) or ""
    return " ".join(str(text).split()) or None


class RecordTable(DataTable[Text]):
    """A table whose rows are records; ``show`` updates only what changed.

    Columns named in ``WIDTHS`` keep that width; the first other column takes the rest.
    """

    COLUMNS: ClassVar[Sequence[str]] = ()
    WIDTHS: ClassVar[dict[str, int]] = {}
    WRAP_LINES: ClassVar[int] = 1  # more lets long text in the flexible column wrap onto that many lines
    TITLE: ClassVar[str] = ""  # the panel, in the mediator's words (for hints and help)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e,enter", "edit", "edit", id="row.edit"),
        Binding("delete", "remove", "remove", id="row.remove"),
    ]

    class EditChosen(Message):
        """Enter or e on a row: edit it (or link it, for an option)."""

        def __init__(self, list_name: str, record_id: str) -> None:
            super().__init__()
            self.list_name, self.record_id = list_name, record_id

    class RemoveChosen(Message):
        def __init__(self, list_name: str, record_id: str) -> None:
            super().__init__()
            self.list_name, self.record_id = list_name, record_id

    class Scrolled(Message):
        """The rows shown moved: the border's "more" may change."""

    class KeyNotUsed(Message):
        """A letter pressed in a panel that means nothing there (the screen says what does)."""

        def __init__(self, table: RecordTable, key: str) -> None:
            super().__init__()
            self.table, self.key = table, key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, show_header=False, id=id)
        self._shown: list[Row] = []
        self._drawn: dict[str, Text] = {}  # the first cell of each row, as the table holds it
        self._text_width: int | None = None  # the flexible column's width, once laid out
        self._waiting: list[Row] = []  # shown, but not drawn yet (below the first screenful)

    def on_mount(self) -> None:
        for name in self.COLUMNS:
            self.add_column(name, key=name, width=self.WIDTHS.get(name, 10))

    def render_lines(self, crop: Region) -> list[Strip]:
        # A table learns its width only once it is laid out, after its rows went in: fitting
        # them here, before they are drawn, means even the first paint wraps them right.
        self._fit()
        return super().render_lines(crop)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled())

    def _fit(self) -> bool:
        """Give the flexible column the room left; True when the rows were drawn again for it."""
        if not self.size.width:
            return False
        padding = 2 * self.cell_padding * len(self.COLUMNS)
        scrollbar = self.styles.scrollbar_size_vertical
        width = max(8, self.size.width - sum(self.WIDTHS.values()) - padding - scrollbar)
        if width == self._text_width:
            return False
        column = self.columns[ColumnKey(self.COLUMNS[self._flexible_index()])]
        column.width = width
        column.auto_width = False
        first = self._text_width is None
        self._text_width = width
        if first:
            self._draw_first()
        else:
            self._rebuild(self._shown)  # heights follow the width
        return True

    def _draw_first(self) -> None:
        """Draw the rows that fill the table now; those below it just after this paint."""
        lines = 0
        for index, row in enumerate(self._shown):
            if lines >= self.size.height:
                self._waiting = self._shown[index:]
                self.call_after_refresh(self._draw_waiting)
                return
            lines += self._put(row, new=True)

    def _draw_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for row in waiting:
            self._put(row, new=True)

    # ---- what the keys ask for

    @property
    def selected_key(self) -> str | None:
        if not self._shown or self.cursor_row < 0 or self.cursor_row >= len(self._shown):
            return None
        return self._shown[self.cursor_row].key

    def selected(self) -> tuple[str, str] | None:
        """(list name, record id) of the row under the cursor, None on a heading or when empty."""
        key = self.selected_key
        return parse_key(key) if key else None

    def selected_id(self) -> str | None:
        chosen = self.selected()
        return chosen[1] if chosen else None

    def action_edit(self) -> None:
        chosen = self.selected()
        if chosen:
            self.post_message(self.EditChosen(*chosen))

    def action_remove(self) -> None:
        chosen = self.selected()
        if chosen:
            self.post_message(self.RemoveChosen(*chosen))

    def on_key(self, event: events.Key) -> None:
        # Typing meant for the capture line must never slip into a row: a letter that means
        # nothing here is caught, and the screen says where the mediator is.
        if event.is_printable and event.key not in self.letter_keys():
            event.stop()
            event.prevent_default()
            self.post_message(self.KeyNotUsed(self, event.key))

    @classmethod
    def letter_keys(cls) -> set[str]:
        """The keys this panel's own bindings use (its class's and those it inherits)."""
        return {key for binding in cls.panel_bindings() for key in binding.key.split(",")}

    @classmethod
    def panel_bindings(cls) -> list[Binding]:
        """This panel's keys, for the hint line and F1 (the nearest class's binding of a key wins)."""
        found: dict[str, Binding] = {}
        for klass in cls.__mro__:
            if klass is DataTable:
                break
            for binding in vars(klass).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.action not in {b.action for b in found.values()}:
                    found.setdefault(binding.key, binding)
        return list(found.values())

    # ---- showing rows

    def _display(self, row: Row) -> tuple[Text, ...]:
        """The cells as drawn: in a wrapping table, long text wraps under its own start, and
        the row's tail (its status) is never cut off."""
        if self.WRAP_LINES == 1:
            return row.cells
        at = self._flexible_index()
        text = row.cells[at]
        lines = self._wrap(text.plain, row.tail.plain if row.tail else "")
        wrapped = Text("\n".join(lines), style=text.style, no_wrap=True, overflow="ellipsis")
        if row.tail:
            end = len(wrapped.plain)
            wrapped.stylize(row.tail.style, end - len(row.tail.plain), end)
        return (*row.cells[:at], wrapped, *row.cells[at + 1 :])

    def _wrap(self, plain: str, tail: str) -> list[str]:
        width, room = self._text_width or 8, self.WRAP_LINES
        hang = " " * (len(plain) - len(plain.lstrip(" ")) + 2)  # past the indent and the bullet
        lines = textwrap.wrap(plain, width=width, subsequent_indent=hang) or [""]
        joined = f" · {tail}" if tail else ""
        if len(lines) <= room and len(lines[-1]) + len(joined) <= width:
            lines[-1] += joined
            return lines
        if tail and len(lines) < room:
            return [*lines, hang + tail]
        # Too long: the words are cut, with "…", so that the tail still fits on the last line;
        # a tail too long to leave the words a start there has the last line to itself.
        lines = lines[:room]
        words = width - len(joined) - 1
        if room > 1 and tail and words - len(hang) < TAIL_BESIDE:
            lines[-2] = lines[-2][: width - 1].rstrip() + "…"
            lines[-1] = hang + tail
        else:
            lines[-1] = lines[-1][: max(1, words)].rstrip() + "…" + joined
        return lines

    @classmethod
    def _flexible_index(cls) -> int:
        return next(i for i, name in enumerate(cls.COLUMNS) if name not in cls.WIDTHS)

    def _put(self, row: Row, new: bool) -> int:
        """Draw a row (a new one, or again); its height."""
        cells = self._display(row)
        height = len(cells[self._flexible_index()].plain.split("\n"))
        if new:
            self.add_row(*cells, key=row.key, height=height)
        else:
            for column, value in zip(self.COLUMNS, cells, strict=True):
                self.update_cell(row.key, column, value)
        self._drawn[row.key] = cells[0]
        return height

    def _height(self, row: Row) -> int:
        return len(self._display(row)[self._flexible_index()].plain.split("\n")) if self.WRAP_LINES > 1 else 1

    def show(self, rows: list[Row]) -> None:
        """Show ``rows``; rows added or changed are touched, the rest of the table is not."""
        if self._text_width is None:
            self._shown = list(rows)  # drawn once the table knows its width (``_fit``)
            return
        self._draw_waiting()
        shown = {row.key: row for row in self._shown}
        kept = [row.key for row in rows if row.key in shown]
        if (
            len(kept) != len(shown)
            or kept != [row.key for row in self._shown]
            or any(
                self._height(shown[row.key]) != self._height(row)
                for row in rows
                if row.key in shown and shown[row.key] != row
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
            elif before != row:
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
        self._waiting = []
        for row in rows:
            self._put(row, new=True)
        self._shown = list(rows)
        keys = [r.key for r in rows]
        if selected in keys:
            self.move_cursor(row=keys.index(selected), animate=False)

    def select_key(self, key: str) -> bool:
        self._draw_waiting()
        keys = [r.key for r in self._shown]
        if key in keys:
            self.move_cursor(row=keys.index(key), animate=False)
            return True
        return False

    def select_record(self, list_name: str, record_id: str) -> bool:
        return self.select_key(record_key(list_name, record_id))

    @property
    def empty(self) -> bool:
        return not self._shown

    @property
    def more_below(self) -> bool:
        """Rows below what the panel shows (the border says so)."""
        if self._text_width is None:  # not drawn yet
            return False
        return bool(self._waiting) or self.scroll_y < self.max_scroll_y  # waiting: not drawn yet

    @property
    def more_above(self) -> bool:
        return self.scroll_y > 0

    def show_last_whole(self) -> None:
        """Show the newest rows at the bottom, and only whole ones: the top row shown is never
        the tail of an entry (no speaker). The table takes the height of the rows that fit."""
        if self._text_width is None:  # not drawn yet: its first paint ends with the newest
            return
        heights = [self._height(row) for row in self._shown]
        parent = self.parent
        room = parent.content_region.height if isinstance(parent, Widget) else self.size.height
        first, used = len(heights), 0
        while first > 0 and used + heights[first - 1] <= room:
            first -= 1
            used += heights[first]
        if first == len(heights) and heights:  # one entry taller than the panel: its start
            first, used = first - 1, room
        while 0 < first < len(heights) - 1 and "#" in self._shown[first].key:  # a reframe: with its words
            used -= heights[first]
            first += 1
        self.styles.max_height = used if first > 0 else None
        self.call_after_refresh(self.scroll_to, y=sum(heights[:first]), animate=False)


# ---------------------------------------------------------------- agenda


def _minutes_used(item: AgendaItem, now: datetime) -> int:
    if not item.started_at:
        return 0
    end = parse_timestamp(item.ended_at) if item.ended_at else now
    return max(0, int((end - parse_timestamp(item.started_at)).total_seconds() // 60))


def agenda_rows(session: Session, now: datetime) -> list[Row]:
    rows = []
    for item in session.agenda:
        mark, style = AGENDA_MARKS[item.status]
        title = item.title + (" ↩" if item.carried_from else "")
        used = _minutes_used(item, now) if item.status == AgendaStatus.OPEN and item.started_at else None
        if used is not None:  # a topic left open: how much of its time went already
            time = f"{used}/{item.minutes}" if item.minutes else f"{used}m"
        else:
            time = f"{item.minutes}m" if item.minutes else ""
        rows.append(
            Row(
                record_key("agenda", item.id),
                (
                    Text(mark, style=style),
                    cell(
                        title, style if style == "bold" else ("dim" if item.is_step and mark == "✓" else "")
                    ),
                    Text(time, style="dim"),
                ),
            )
        )
    return rows


class AgendaTable(RecordTable):
    COLUMNS = ("mark", "title", "time")
    WIDTHS = {"mark": 1, "time": 5}
    WRAP_LINES = 2
    TITLE = "Agenda"
    BINDINGS = [
        Binding("enter,space", "status('active')", "start", id="agenda.start"),
        Binding("r", "status('resolved')", "resolved", id="agenda.resolved"),
        Binding("p", "status('parked')", "parked", id="agenda.parked"),
        Binding("d", "status('needs-data')", "needs data", id="agenda.needs-data"),
        Binding("f", "status('referred')", "referred", id="agenda.referred"),
        Binding("o", "status('open')", "open", id="agenda.open"),
        Binding("a", "add", "add", id="agenda.add"),
        Binding("e", "edit", "edit", id="agenda.edit"),
        Binding("left_square_bracket", "move(-1)", "up", key_display="[", id="agenda.up"),
        Binding("right_square_bracket", "move(1)", "down", key_display="]", id="agenda.down"),
        Binding("delete", "remove", "remove", key_display="Del", id="agenda.remove"),
    ]

    class StatusChosen(Message):
        def __init__(self, item_id: str, status: AgendaStatus) -> None:
            super().__init__()
            self.item_id, self.status = item_id, status

    class MoveChosen(Message):
        def __init__(self, item_id: str, offset: int) -> None:
            super().__init__()
            self.item_id, self.offset = item_id, offset

    class AddChosen(Message):
        pass

    def action_status(self, status: str) -> None:
        item = self.selected_id()
        if item:
            self.post_message(self.StatusChosen(item, AgendaStatus(status)))

    def action_move(self, offset: int) -> None:
        item = self.selected_id()
        if item:
            self.post_message(self.MoveChosen(item, offset))

    def action_add(self) -> None:
        self.post_message(self.AddChosen())

    def on_focus(self) -> None:
        # Entering the agenda always starts at the item being discussed, or the next open one,
        # so a status letter lands where the mediator expects.
        self._draw_waiting()
        for status in (AgendaStatus.ACTIVE, AgendaStatus.OPEN):
            for index, row in enumerate(self._shown):
                if row.cells[0].plain == AGENDA_MARKS[status][0]:
                    self.move_cursor(row=index, animate=False)
                    return


# ---------------------------------------------------------------- interests


def interest_rows(case: Case, sides: Iterable[Side], interests: list[Interest]) -> list[Row]:
    """Each side's heading, its parties, their interests and the positions behind them."""
    by_party: dict[str, list[Interest]] = {}
    for interest in interests:
        by_party.setdefault(interest.party, []).append(interest)
    addressed = case.addressed_interests()
    rows = []
    for side in sides:
        parties = [p for p in case.parties if p.side == side]
        if not parties:
            continue
        rows.append(Row(f"side:{side.value}", (Text(SIDE_TITLES[side], style="bold dim"),)))
        for party in parties:
            rows.append(Row(f"party:{party.id}", (cell(f"{party.name} · {party.role.value}", "bold"),)))
            for interest in by_party.get(party.id, ()):
                mark = "✓" if interest.id in addressed else "•"
                text = interest.text or UNNAMED
                style = "" if interest.text else "italic dim"
                rows.append(Row(record_key("interests", interest.id), (cell(f"{mark} {text}", style, " "),)))
                if interest.position:
                    rows.append(
                        Row(
                            record_key("interests", interest.id, "position"),
                            (cell(f"position: {interest.position}", "dim italic", indent="   "),),
                        )
                    )
    return rows


class InterestsTable(RecordTable):
    """One column of the table: a side's parties, their interests, and the positions behind them."""

    COLUMNS = ("text",)
    WRAP_LINES = 3
    TITLE = "Interests"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fixed_rows = 1  # the side's heading stays in view while its interests scroll

    def action_edit(self) -> None:
        # On a party's name: the party (its name, role, side, and whether it signs for the district).
        list_name, _, party_id = (self.selected_key or "").partition(":")
        if list_name == "party":
            self.post_message(self.EditChosen("parties", party_id))
        else:
            super().action_edit()


# ---------------------------------------------------------------- options and agreements


def option_rows(case: Case, options: list[Option]) -> list[Row]:
    rows = []
    for option in options:
        style = OPTION_STYLES[option.status]
        count = len(option.addresses or [])
        serves = f"serves {count}" if count else "no interest linked"
        words = f"{option.text} ({case.who(option.proposed_by)})"
        # Its status and the interests it serves end the row, however long its words.
        tail = Text(f"{option.status.value} · {serves}", style=style or "bold")
        rows.append(Row(record_key("options", option.id), (cell(words, style),), tail))
    return rows


class OptionsTable(RecordTable):
    COLUMNS = ("text",)
    WRAP_LINES = 3
    TITLE = "Options"
    BINDINGS = [
        Binding("l,enter", "link", "link interests", id="options.link"),
        Binding("a", "decide('agreed')", "agreed", id="options.agreed"),
        Binding("t", "decide('trial')", "trial", id="options.trial"),
        Binding("d", "decide('discussing')", "discussing", id="options.discussing"),
        Binding("x", "decide('declined')", "declined", id="options.declined"),
        Binding("p", "decide('parked')", "parked", id="options.parked"),
        Binding("e", "edit", "edit words", id="options.edit"),
        Binding("delete", "remove", "remove", key_display="Del", id="options.remove"),
    ]

    class DecisionChosen(Message):
        def __init__(self, option_id: str, status: OptionStatus) -> None:
            super().__init__()
            self.option_id, self.status = option_id, status

    class LinkChosen(Message):
        def __init__(self, option_id: str) -> None:
            super().__init__()
            self.option_id = option_id

    def action_decide(self, status: str) -> None:
        option = self.selected_id()
        if option:
            self.post_message(self.DecisionChosen(option, OptionStatus(status)))

    def action_link(self) -> None:
        option = self.selected_id()
        if option:
            self.post_message(self.LinkChosen(option))


def agreement_rows(case: Case, session: Session, reviews_due: frozenset[str]) -> list[Row]:
    numbers = {s.id: s.number for s in case.sessions}
    amended = {a.amends for a in case.agreements if a.amends}
    rows = []
    for number, agreement in enumerate(case.agreements, start=1):
        missing = agreement.missing()
        earlier = numbers.get(agreement.session, session.number) < session.number
        if agreement.id in reviews_due:
            state = Text("review due", style="bold red")
        elif missing:
            state = Text(f"{len(missing)} missing", style="bold yellow")
        elif agreement.id in amended:
            state = Text("amended", style="dim")
        elif earlier:
            state = Text(f"settled s{numbers[agreement.session]}", style="dim green")
        elif agreement.kind in (AgreementKind.PRINCIPLE, AgreementKind.PROCEDURAL):
            state = Text(agreement.kind.value, style="dim")
        else:
            state = Text("complete", style="green")
        label = agreement.text
        if agreement.kind != AgreementKind.PRINCIPLE:
            label = f"{label} ({agreement.kind.value})"
        amended_one = case.agreement(agreement.amends) if agreement.amends else None
        if amended_one is not None:
            label = f"{label} · amends s{numbers.get(amended_one.session, '?')}"
        # The whole width for the words; the state ends the row (the mark on an incomplete one).
        words = cell(f"{number} {label}", "dim" if earlier and not missing else "")
        rows.append(Row(record_key("agreements", agreement.id), (words,), state))
    return rows


class AgreementsTable(RecordTable):
    COLUMNS = ("text",)
    WRAP_LINES = 3
    TITLE = "Agreements"
    BINDINGS = [
        Binding("e,enter", "edit", "details", id="agreements.edit"),
        Binding("m", "amend", "amend", id="agreements.amend"),
        Binding("delete", "remove", "remove", key_display="Del", id="agreements.remove"),
    ]

    class AmendChosen(Message):
        def __init__(self, agreement_id: str) -> None:
            super().__init__()
            self.agreement_id = agreement_id

    def action_amend(self) -> None:
        agreement = self.selected_id()
        if agreement:
            self.post_message(self.AmendChosen(agreement))


# ---------------------------------------------------------------- follow-ups and parking lot


def _day(value: str) -> str:
    day = date.fromisoformat(value)
    return f"{day:%b}{NBSP}{day.day}"


def follow_up_rows(case: Case, follow_ups: list[FollowUp], overdue: frozenset[str]) -> list[Row]:
    rows = []
    for follow_up in follow_ups:
        late = follow_up.id in overdue
        if follow_up.done:
            mark, style = Text("✓", style="green"), "dim"
        elif late:
            mark, style = Text("!", style="bold red"), "red"
        else:
            mark, style = Text("○"), ""
        when = NBSP.join(["OVERDUE since" if late else "due", _day(follow_up.due)]) if follow_up.due else ""
        due = f", {when.replace(' ', NBSP)}" if when else ""
        words = f"{follow_up.text} — {case.owner_of(follow_up)}{due}"
        rows.append(Row(record_key("follow_ups", follow_up.id), (mark, cell(words, style))))
    return rows


class FollowUpsTable(RecordTable):
    COLUMNS = ("done", "text")
    WIDTHS = {"done": 1}
    WRAP_LINES = 3
    TITLE = "Follow-ups"
    BINDINGS = [
        Binding("space", "mark_done", "done / not done", key_display="Space", id="follow_ups.toggle"),
        Binding("e,enter", "edit", "edit", id="follow_ups.edit"),
        Binding("delete", "remove", "remove", key_display="Del", id="follow_ups.remove"),
    ]

    class DoneToggled(Message):
        def __init__(self, follow_up_id: str) -> None:
            super().__init__()
            self.follow_up_id = follow_up_id

    def action_mark_done(self) -> None:
        follow_up = self.selected_id()
        if follow_up:
            self.post_message(self.DoneToggled(follow_up))


def parking_rows(items: list[ParkingItem]) -> list[Row]:
    rows = []
    for item in items:
        is_open = item.status == ParkingStatus.OPEN
        words = item.text if is_open else f"{item.text} · {item.status.value}"
        rows.append(Row(record_key("parking_lot", item.id), (cell(words, "" if is_open else "dim"),)))
    return rows


class ParkingTable(RecordTable):
    COLUMNS = ("text",)
    WRAP_LINES = 2
    TITLE = "Parking lot"
    BINDINGS = [
        Binding("s", "status('scheduled')", "scheduled", id="parking.scheduled"),
        Binding("d", "status('done')", "done", id="parking.done"),
        Binding("o", "status('open')", "open", id="parking.open"),
        Binding("e,enter", "edit", "edit", id="parking.edit"),
        Binding("delete", "remove", "remove", key_display="Del", id="parking.remove"),
    ]

    class StatusChosen(Message):
        def __init__(self, item_id: str, status: ParkingStatus) -> None:
            super().__init__()
            self.item_id, self.status = item_id, status

    def action_status(self, status: str) -> None:
        item = self.selected_id()
        if item:
            self.post_message(self.StatusChosen(item, ParkingStatus(status)))


# ---------------------------------------------------------------- what was said


def log_rows(case: Case, session: Session, caucus: Sequence[str]) -> list[Row]:
    """This session's statements (with the reframe used) and notes shared with consent;
    in caucus, also the private notes of the parties in the room, marked as such."""
    entries: list[tuple[str, Statement | Note]] = [
        (s.at, s) for s in case.statements if s.session == session.id
    ]
    for note in case.notes:
        if note.session != session.id:
            continue
        if note.shared_with_consent or (caucus and note.party in caucus and note.private):
            entries.append((note.consent_at or note.at or "", note))
    entries.sort(key=lambda entry: entry[0])
    rows = []
    for _, entry in entries:
        if isinstance(entry, Statement):
            flag = "! " if entry.flagged else ""
            rows.append(
                Row(
                    record_key("statements", entry.id),
                    (cell(f"{flag}{case.who(entry.party)}: {entry.text}"),),
                )
            )
            if entry.reframe:
                rows.append(
                    Row(
                        record_key("statements", entry.id, "reframe"),
                        (cell(f"↳ {entry.reframe}", "dim italic", indent="  "),),
                    )
                )
        else:
            label = "caucus, private" if entry.private else "shared from caucus"
            rows.append(
                Row(
                    record_key("notes", entry.id),
                    (cell(f"{label} · {case.who(entry.party)}: {entry.text}", "italic"),),
                )
            )
    return rows


class LogTable(RecordTable):
    """What was said: who said it, and the reframe offered back; the newest words in view."""

    COLUMNS = ("text",)
    WRAP_LINES = 3
    TITLE = "Said"
    BINDINGS = [
        Binding("e,enter", "edit", "correct", id="log.edit"),
        Binding("delete", "remove", "remove", key_display="Del", id="log.remove"),
    ]

    def _draw_first(self) -> None:
        # Every row, and the end in view already for the first paint (whole entries only from
        # the next one on: ``show_last_whole``, once the board is laid out).
        lines = sum(self._put(row, new=True) for row in self._shown)
        self.virtual_size = Size(self.size.width, lines)
        self.move_cursor(row=len(self._shown) - 1, animate=False, scroll=False)
        self.scroll_target_y = self.scroll_y = self.max_scroll_y
