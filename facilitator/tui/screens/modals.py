"""Typed modal screens: a form, a choice, a pick-several list, a yes/no question.

Each returns its answer through ``dismiss`` (None when cancelled) and shows user text
only as Content or Text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection


@dataclass(frozen=True)
class Field:
    """One field of a form: a line of text, or a choice from ``choices``."""

    key: str
    label: str
    value: str = ""
    choices: Sequence[tuple[str, str]] = ()  # (label, value)
    placeholder: str = ""
    required: bool = False


Validator = Callable[[dict[str, str]], str | None]


def _title(text: str) -> Static:
    return Static(Content(text), classes="modal-title")


class _SaveOrCancel:
    """Save and Cancel buttons that do what the keys do."""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()  # type: ignore[attr-defined]
        else:
            self.action_cancel()  # type: ignore[attr-defined]


class FormModal(_SaveOrCancel, ModalScreen[dict[str, str] | None]):
    """Fill in a few fields; Enter saves, Escape cancels. ``validate`` explains refusals."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]
    AUTO_FOCUS = ".modal-body Input, .modal-body Select"

    def __init__(self, title: str, fields: Sequence[Field], validate: Validator | None = None) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.validate_form = validate

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.form_title)
            with VerticalScroll(classes="modal-body", can_focus=False):
                for spec in self.fields:
                    yield Label(Content(spec.label), classes="field-label")
                    if spec.choices:
                        yield Select(
                            [(Content(label), value) for label, value in spec.choices],
                            value=spec.value
                            if spec.value in [v for _, v in spec.choices]
                            else spec.choices[0][1],
                            allow_blank=False,
                            id=f"field-{spec.key}",
                            compact=True,
                        )
                    else:
                        yield Input(
                            spec.value,
                            placeholder=spec.placeholder,
                            id=f"field-{spec.key}",
                            select_on_focus=False,
                            compact=True,
                        )
            yield Static(id="form-error", classes="form-error")
            with Horizontal(classes="modal-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def values(self) -> dict[str, str]:
        result = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.key}")
            value = widget.value if isinstance(widget, Input) else str(widget.value)
            result[spec.key] = value
        return result

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        values = self.values()
        for spec in self.fields:
            if spec.required and not values[spec.key].strip():
                self._refuse(f"{spec.label} cannot be empty")
                return
        problem = self.validate_form(values) if self.validate_form else None
        if problem:
            self._refuse(problem)
            return
        self.dismiss(values)

    def _refuse(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Content(message))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceModal(ModalScreen[str | None]):
    """Choose one of a few things."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

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


class PickModal(_SaveOrCancel, ModalScreen[list[str] | None]):
    """Tick any number of things (space ticks, Enter saves)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "save", "Save", priority=True)]

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

    def action_save(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    BINDINGS = [Binding("escape,n", "answer(False)", "No"), Binding("y", "answer(True)", "Yes")]

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
