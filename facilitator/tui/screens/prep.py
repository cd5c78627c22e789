"""The preparation checklist on screen (DESIGN section 12): each side's documents, who brings
them, and where they stand; a adds one, Space moves it on (needed, requested, received,
shared), e edits, Delete removes."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from facilitator.live import Done, LiveSession, Refused
from facilitator.model import MISSING_DOCUMENTS, Case
from facilitator.prep import checklist
from facilitator.tui import keys
from facilitator.tui.keystrokes import Taken, Typed, run_key
from facilitator.tui.screens import forms
from facilitator.tui.screens.modals import FormModal
from facilitator.tui.widgets.notice import Notice
from facilitator.tui.widgets.panels import RecordTable, Row, cell, record_key


def document_rows(case: Case, today: date) -> list[Row]:
    rows: list[Row] = []
    for group in checklist(case):
        who = f"{group.name} · {group.role}" if group.role else group.name
        rows.append(Row(f"party:{group.name}", (Text(""), cell(who, "bold"))))
        for document in group.documents:
            late = (
                document.status in MISSING_DOCUMENTS
                and document.due is not None
                and document.due < today.isoformat()
            )
            due = f" · due {document.due}" + (" OVERDUE" if late else "") if document.due else ""
            words = f"{document.title} ({document.kind.value}){due}"
            style = "red" if late else ("dim" if document.status not in MISSING_DOCUMENTS else "")
            rows.append(
                Row(
                    record_key("documents", document.id),
                    (Text(document.status.value, style="bold"), cell(words, style, "  ")),
                )
            )
    return rows


class DocumentsTable(RecordTable):
    COLUMNS = ("status", "text")
    WIDTHS = {"status": 10}
    WRAP_LINES = 2
    TITLE = "Preparation"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "add", id="prep.add"),
        Binding("space", "advance", "next status", key_display="Space", id="prep.advance"),
        Binding("e,enter", "edit", "edit", id="prep.edit"),
        Binding("delete", "remove", "remove", key_display="Del", id="prep.remove"),
    ]

    class AddChosen(Message):
        pass

    class AdvanceChosen(Message):
        def __init__(self, document_id: str) -> None:
            super().__init__()
            self.document_id = document_id

    def action_add(self) -> None:
        self.post_message(self.AddChosen())

    def action_advance(self) -> None:
        document = self.selected_id()
        if document:
            self.post_message(self.AdvanceChosen(document))


class PrepScreen(Screen[None]):
    """The checklist's letters work at once; Esc or an F-key goes back to the board."""

    AUTO_FOCUS = "DocumentsTable"

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        yield Static(id="prep-title")
        yield DocumentsTable(id="documents")
        yield Notice(id="notice")

    def on_mount(self) -> None:
        self.refresh_list()
        table = self.query_one(DocumentsTable)
        self.query_one(Notice).show_hint(keys.panel_hint(table.TITLE, table.panel_bindings()))

    def refresh_list(self) -> None:
        from facilitator.prep import current_session

        case = self.live.case
        session = current_session(case)
        missing = sum(1 for d in case.documents if d.status in MISSING_DOCUMENTS)
        title = f" Preparation for session {session.number} ({session.date}) · {missing} still to come "
        self.query_one("#prep-title", Static).update(Content.styled(title, "bold reverse"))
        rows = document_rows(case, self.live.today)
        self.query_one(DocumentsTable).show(
            rows or [Row("party:none", (Text(""), cell("No documents yet: a adds one.", "dim")))]
        )

    async def take_key(self, event: Typed) -> Taken:
        if isinstance(event, events.Key) and (event.key == "escape" or event.key in keys.BOARD_ONLY):
            if self.app.screen is self:  # once: a second Esc in a burst is the board's
                self.dismiss()
            return Taken.DONE if event.key == "escape" else Taken.AGAIN
        return await run_key(self, event)

    def open_form(self, form: FormModal) -> None:
        form.then = self.closed
        self.app.push_screen(form)

    def apply(self, result: Done[Any] | Refused) -> None:
        if isinstance(result, Refused):
            self.query_one(Notice).say(result.reason, warning=True)
            return
        self.refresh_list()
        self.query_one(Notice).say(result.said)

    def closed(self, said: str | None) -> None:
        if said:
            self.refresh_list()
            self.query_one(Notice).say(said)

    @on(DocumentsTable.AddChosen)
    def _add(self) -> None:
        self.open_form(forms.document_form(self.live, None))

    @on(RecordTable.EditChosen)
    def _edit(self, event: RecordTable.EditChosen) -> None:
        document = next((d for d in self.live.case.documents if d.id == event.record_id), None)
        if document is not None:
            self.open_form(forms.document_form(self.live, document))

    @on(DocumentsTable.AdvanceChosen)
    def _advance(self, event: DocumentsTable.AdvanceChosen) -> None:
        self.apply(self.live.advance_document(event.document_id))

    @on(RecordTable.RemoveChosen)
    def _remove(self, event: RecordTable.RemoveChosen) -> None:
        self.apply(self.live.remove(event.list_name, event.record_id))

    @on(RecordTable.KeyNotUsed)
    def _key_not_used(self, event: RecordTable.KeyNotUsed) -> None:
        table = self.query_one(DocumentsTable)
        self.query_one(Notice).say(keys.panel_hint(table.TITLE, table.panel_bindings()), warning=True)
