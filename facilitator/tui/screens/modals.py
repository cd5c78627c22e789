"""Typed modal screens: a form, a choice, a pick-several list, a yes/no question, a quick pick.

Each returns its answer through ``dismiss`` (None when cancelled) and shows user text only
as Content or Text, never as markup. A form does not check its fields itself: it hands
them to ``submit`` (an intent of the service layer), shows the explained refusal if there
is one, and closes only once the change is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from facilitator.live import Done, Refused


@dataclass(frozen=True)
class Field:
    """One field of a form: a line of text, a choice from ``choices``, or a yes/no ``check``."""

    key: str
    label: str
    value: str = ""
    choices: Sequence[tuple[str, str]] = ()  # (label, value)
    placeholder: str = ""
    required: bool = False
    check: bool = False


Values = dict[str, str]
Submit = Callable[[Values], "Done[Any] | Refused"]
CHECKED = "yes"


def _title(text: str) -> Static:
    return Static(Content(text), classes="modal-title")


class FormModal(ModalScreen[str | None]):
    """Fill in a few fields; Enter or ctrl+s saves, Escape cancels. Returns what was done."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "save", id="form.save"),
    ]
    AUTO_FOCUS = ".modal-body Input, .modal-body Select, .modal-body Checkbox"

    def __init__(self, title: str, fields: Sequence[Field], submit: Submit, note: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.submit = submit
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.form_title)
            if self.note:
                yield Static(Content(self.note), classes="modal-note")
            with VerticalScroll(classes="modal-body", can_focus=False):
                for spec in self.fields:
                    # One row a field, its label beside it: the longest form fits at 80x24.
                    with Horizontal(classes="field-row"):
                        yield Label(Content(spec.label), classes="field-label")
                        yield self._field(spec)
            yield Static(id="form-error", classes="form-error")
            with Horizontal(classes="modal-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @staticmethod
    def _field(spec: Field) -> Input | Select[str] | Checkbox:
        if spec.check:
            return Checkbox("", spec.value == CHECKED, id=f"field-{spec.key}", compact=True)
        if spec.choices:
            values = [v for _, v in spec.choices]
            return Select(
                [(Content(label), value) for label, value in spec.choices],
                value=spec.value if spec.value in values else values[0],
                allow_blank=False,
                id=f"field-{spec.key}",
                compact=True,
            )
        return Input(
            spec.value,
            placeholder=spec.placeholder,
            id=f"field-{spec.key}",
            select_on_focus=False,
            compact=True,
        )

    def values(self) -> Values:
        result: Values = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.key}")
            if isinstance(widget, Input):
                result[spec.key] = widget.value
            elif isinstance(widget, Checkbox):
                result[spec.key] = CHECKED if widget.value else ""
            elif isinstance(widget, Select):
                result[spec.key] = str(widget.value)
        return result

    def set_value(self, key: str, value: str) -> None:
        widget = self.query_one(f"#field-{key}")
        if isinstance(widget, Select | Input):
            widget.value = value

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        values = self.values()
        for spec in self.fields:
            if spec.required and not values[spec.key].strip():
                self._refuse(f"{spec.label} cannot be empty.")
                return
        result = self.submit(values)
        if isinstance(result, Refused):
            self._refuse(("Not saved: " if result.unsaved else "") + result.reason)
            return
        self.dismiss(result.said)

    def _refuse(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Content(message[:400]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceModal(ModalScreen[str | None]):
    """Choose one of a few things."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="choice.cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], note: str = "") -> None:
        super().__init__()
        self.choice_title = title
        self.choices = list(choices)
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.choice_title)
            if self.note:
                yield Static(Content(self.note), classes="modal-note")
            yield OptionList(*[Option(Content(label), id=value) for label, value in self.choices])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickModal(ModalScreen[list[str] | None]):
    """Tick any number of things (space ticks, Enter saves)."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel", id="pick.cancel"),
        Binding("enter", "save", "save", priority=True, id="pick.save"),
    ]

    def __init__(
        self, title: str, choices: Sequence[tuple[str, str]], chosen: Sequence[str] = (), note: str = ""
    ) -> None:
        super().__init__()
        self.pick_title = title
        self.choices = list(choices)
        self.chosen = set(chosen)
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.pick_title)
            if self.note:
                yield Static(Content(self.note), classes="modal-note")
            yield SelectionList[str](
                *[Selection(Content(label), value, value in self.chosen) for label, value in self.choices]
            )
            with Horizontal(classes="modal-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape,n", "answer(False)", "no", id="confirm.no"),
        Binding("y", "answer(True)", "yes", id="confirm.yes"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.question)
            if self.detail:
                yield Static(Content(self.detail), classes="modal-note")
            with Horizontal(classes="modal-buttons"):
                yield Button("Yes (y)", variant="primary", id="yes")
                yield Button("No (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


@dataclass(frozen=True)
class Pick:
    """One thing a quick pick offers: the key that picks it, its label, and its value."""

    key: str
    label: str
    value: str


class QuickPick(ModalScreen[str | None]):
    """A one-line chooser over the capture line: one key picks (F2 then 1, F3 then i).

    Pressing the key that opened it again picks the entry after the current one, so the
    old habit of cycling still works. Nothing typed here reaches a record: a key that picks
    nothing closes it and says so.
    """

    BINDINGS = [Binding("escape", "cancel", "cancel", id="quick.cancel")]

    def __init__(self, title: str, picks: Sequence[Pick], current: str, again: str) -> None:
        super().__init__()
        self.pick_title = title
        self.picks = list(picks)
        self.current = current
        self.again = again

    def compose(self) -> ComposeResult:
        parts: list[Content | tuple[str, str] | str] = [(f" {self.pick_title} ", "bold reverse"), " "]
        for index, pick in enumerate(self.picks):
            style = "bold reverse" if pick.value == self.current else "bold"
            parts.extend(["  " if index else "", (f"{pick.key}", style), " ", Content(pick.label)])
        parts.append(("   Esc keeps it", "dim"))
        with Vertical(id="quick-pick"):
            yield Static(Content.assemble(*parts), id="quick-picks")

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            return
        event.stop()
        event.prevent_default()
        if event.key == self.again:
            values = [p.value for p in self.picks]
            index = values.index(self.current) if self.current in values else -1
            self.dismiss(values[(index + 1) % len(values)])
            return
        chosen = next((p.value for p in self.picks if p.key == (event.character or "").lower()), None)
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
