"""The case list, shown when no case was open last time."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from facilitator.review import unresolved
from facilitator.store import Store, StoreError


class CaseListScreen(Screen):
    BINDINGS = [
        Binding("enter", "open_case", "Open", id="cases.open"),
        Binding("d", "app.open_demo", "Demo case", id="cases.demo"),
        Binding("f1", "app.help", "Help", id="cases.help"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with Vertical(id="cases"):
            yield Static("Cases", classes="modal-title")
            yield DataTable(id="case-table", cursor_type="row")
            yield Static(
                "Enter opens a case · d opens the demo · `facilitator new` on the command line starts a new one",
                id="cases-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("case", "title", "sessions", "last date", "open")
        for case_id in self.store.case_ids():
            try:
                case = self.store.read(case_id)
            except StoreError as exc:
                table.add_row(Text(case_id), Text(str(exc), style="red"), "", "", "", key=case_id)
                continue
            table.add_row(Text(case.id), Text(" ".join(case.title.split())), str(len(case.sessions)),
                          case.latest.date, str(unresolved(case).count), key=case.id)
        table.focus()

    def action_open_case(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.open_case(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_case(event.row_key.value)
