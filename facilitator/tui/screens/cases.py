"""The case list, shown when no case was open last time."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from facilitator.actions import case_slug, new_case, parse_party, stamp
from facilitator.live import Done, Refused
from facilitator.model import Party, explain
from facilitator.store import Store, StoreError
from facilitator.terminal import terminal_safe
from facilitator.tui.keystrokes import Taken, Typed, run_key
from facilitator.tui.screens.modals import Field, FormModal

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp


class CaseListScreen(Screen[None]):
    app: FacilitatorApp

    BINDINGS = [
        Binding("enter", "open_case", "Open", id="cases.open"),
        Binding("n", "new_case", "New case", id="cases.new"),
        Binding("d", "app.open_demo", "Demo case", id="cases.demo"),
        Binding("f1", "app.help", "Help", id="cases.help"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    async def take_key(self, event: Typed) -> Taken:
        return await run_key(self, event)  # each key whole, before the next (tui/keystrokes.py)

    def compose(self) -> ComposeResult:
        with Vertical(id="cases"):
            yield Static("Cases", classes="modal-title")
            yield DataTable(id="case-table", cursor_type="row")
            yield Static(
                "Enter opens a case · n starts a new case · d opens the demo case",
                id="cases-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        from facilitator.due import select
        from facilitator.index import DamagedCase, read_cases

        today = self.app.clock().astimezone().date()
        table = self.query_one(DataTable)
        table.add_columns("case", "title", "sessions", "last date", "open", "due")
        for found in read_cases(self.store):  # the index: a long list of cases opens fast
            if isinstance(found, DamagedCase):
                table.add_row(Text(found.id), Text(found.problem, style="red"), "", "", "", "", key=found.id)
                continue
            items = select(found.id, found.deadlines, today, 14)
            late = sum(1 for item in items if item.overdue)
            coming = next((item for item in items if not item.overdue), None)
            due = Text(f"{late} overdue", style="bold red") if late else Text("")
            if coming is not None:
                due.append(f"{' · ' if late else ''}next {coming.date}", style="dim")
            table.add_row(
                Text(found.id),
                Text(terminal_safe(" ".join(found.title.split()))),
                str(found.sessions),
                found.last_date,
                str(found.open_items),
                due,
                key=found.id,
            )
        table.focus()

    def action_open_case(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None:
                self.app.open_case(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_case(event.row_key.value)

    def action_new_case(self) -> None:
        from facilitator.agenda import list_templates

        templates, _ = list_templates(self.store.home)
        if not templates:
            self.app.notify("No agenda templates found.", severity="error", markup=False)
            return
        by_name = {t.name: t for t in templates}

        def parties_of(text: str) -> list[Party]:
            specs = [spec for spec in text.split(";") if spec.strip()]
            return [parse_party(spec, number) for number, spec in enumerate(specs, start=1)]

        def submit(values: dict[str, str]) -> Done[str] | Refused:
            try:
                parties = parties_of(values["parties"])
            except ValueError as exc:
                return Refused(f"Party {exc}")
            try:
                case = new_case(
                    self.store.free_id(case_slug(values["title"])),
                    values["title"],
                    values["student"],
                    parties,
                    by_name[values["agenda"]],
                    date.today(),
                    stamp(self.app.clock()),
                )
                self.store.create(case)
            except ValueError as exc:
                return Refused(explain(exc))
            except StoreError as exc:
                return Refused(explain(exc), unsaved=True)
            return Done(case.id, case.id)

        def done(case_id: str | None) -> None:
            if case_id:
                self.app.open_case(case_id)

        self.app.push_screen(
            FormModal(
                "A new case",
                [
                    Field("title", "Title", placeholder="e.g. Reading services for Maya", required=True),
                    Field("student", "Student's first name", required=True),
                    Field(
                        "agenda",
                        "Agenda for session 1",
                        "iep-mediation",
                        choices=[(f"{t.title} ({t.name})", t.name) for t in templates],
                    ),
                    Field(
                        "parties",
                        "Parties: Name:role:side, separated by ;",
                        placeholder="Ana Ruiz:parent:family; Dr. Kim:district:school",
                    ),
                ],
                submit,
            ),
            done,
        )
