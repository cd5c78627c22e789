"""Typed modal screens: a form, a choice, a tick list, a yes/no question.

Each answers once, through ``answer`` (None when cancelled): a second key or click after the
answer changes nothing, and ``then`` hears the answer at once, after the dialog has left the
screen, so the keys typed after it find the board as the answer left it (tui/keystrokes.py).
Typing is safe: in a choice, a tick list or a question, a printable key means the mediator is
still typing, so the dialog closes unchanged and the key goes on to the capture line; an
F-key closes a dialog and then works on the board. User text shows only as Content, never as
markup. A form does not check its fields itself: it hands them to ``submit`` (an intent of the
service layer), shows the explained refusal if there is one, and closes once the change is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from facilitator.live import Done, Refused
from facilitator.terminal import terminal_safe
from facilitator.tui import keys
from facilitator.tui.keystrokes import Taken, Typed, run_key

T = TypeVar("T")


def is_typing(event: Typed) -> bool:
    """A printable key or a paste: words meant for the capture line."""
    return isinstance(event, events.Paste) or (event.is_printable and event.character is not None)


class Dialog(ModalScreen[T | None]):
    """A modal with one answer, given once."""

    def __init__(self) -> None:
        super().__init__()
        self.answered = False
        self.then: Callable[[T | None], None] | None = None

    def answer(self, value: T | None) -> None:
        if self.answered or self.app.screen is not self:
            return
        self.answered = True
        self.dismiss(value)
        if self.then is not None:
            self.then(value)

    def cancel(self) -> None:
        self.answer(None)

    def action_save(self) -> None:
        """The Save button (and ctrl+s): a dialog that has one answers with what it holds."""
        self.cancel()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.cancel()

    async def take_key(self, event: Typed) -> Taken:
        """Esc cancels; an F-key closes the dialog and works on the board; the rest at once."""
        if isinstance(event, events.Key):
            if event.key == "escape":
                self.cancel()
                return Taken.DONE
            if event.key in keys.BOARD_ONLY:
                self.answer(None)
                return Taken.AGAIN
        return await run_key(self, event)


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
    return Static(Content(terminal_safe(text)), classes="modal-title")


DISCARDED = "The details you typed were not saved."


def _yes_no(ticked: bool) -> str:
    # The tick box says its answer in words: readable without colour, and never cut to "▐X…".
    return "yes" if ticked else "no"


class FormModal(Dialog[str]):
    """Fill in a few fields: Tab moves on, Enter or ctrl+s saves, Esc leaves (asking first when
    something was typed). Returns what was done."""

    BINDINGS = [Binding("ctrl+s", "save", "save", id="form.save")]
    AUTO_FOCUS = ".modal-body Input, .modal-body Select, .modal-body Checkbox"

    def __init__(self, title: str, fields: Sequence[Field], submit: Submit, note: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.submit = submit
        self.note = note
        self.typed_from: Values = {}  # the values as the form opened, to know whether anything was typed

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.form_title)
            if self.note:
                yield Static(Content(terminal_safe(self.note)), classes="modal-note")
            with VerticalScroll(classes="modal-body", can_focus=False):
                for spec in self.fields:
                    # One row a field, its label beside it: the longest form fits at 80x24.
                    with Horizontal(classes="field-row"):
                        yield Label(Content(spec.label), classes="field-label")
                        yield self._field(spec)
            yield Static(id="form-error", classes="form-error")
            with Horizontal(classes="modal-buttons"):
                yield Static(Content.styled("Enter saves · Esc leaves", "dim"), classes="modal-keys")
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.typed_from = self.values()

    @staticmethod
    def _field(spec: Field) -> Input | Select[str] | Checkbox:
        if spec.check:
            ticked = spec.value == CHECKED
            return Checkbox(_yes_no(ticked), ticked, id=f"field-{spec.key}", compact=True)
        if spec.choices:
            values = [v for _, v in spec.choices]
            return Select(
                [(Content(terminal_safe(label)), value) for label, value in spec.choices],
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

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = _yes_no(event.value)

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

    @property
    def typed(self) -> bool:
        """Something was typed or chosen since the form opened."""
        return self.values() != self.typed_from

    async def take_key(self, event: Typed) -> Taken:
        focused = self.focused
        if isinstance(event, events.Paste) or _in_open_menu(focused):
            return await run_key(self, event)  # an open menu takes its own Enter, Esc and arrows
        if event.key in ("enter", "ctrl+s"):
            if isinstance(focused, Button) and focused.id == "cancel" and event.key == "enter":
                self.cancel()
            else:
                self.action_save()  # from any field, a menu or the tick box: Enter saves
            return Taken.DONE
        if event.key in keys.BOARD_ONLY and self.typed:
            key = keys.display(event.key)
            self._refuse(f"{key} waits: Enter saves these details, Esc leaves them; then press {key} again.")
            return Taken.DONE
        return await super().take_key(event)

    def action_save(self) -> None:
        if self.answered:
            return
        values = self.values()
        for spec in self.fields:
            if spec.required and not values[spec.key].strip():
                self._refuse(f"{spec.label} cannot be empty.")
                return
        result = self.submit(values)
        if isinstance(result, Refused):
            self._refuse(("Not saved: " if result.unsaved else "") + result.reason)
            return
        self.answer(result.said)

    def _refuse(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Content(terminal_safe(message[:400])))

    def cancel(self) -> None:
        """Leave the form; when something was typed, ask first (y leaves, n goes back)."""
        if not self.typed:
            self.answer(None)
            return
        question = ConfirmModal("Discard the details you typed? y/n", "y leaves without them, n goes back.")
        question.then = lambda yes: self.answer(DISCARDED) if yes else None
        self.app.push_screen(question)


def _in_open_menu(widget: object) -> bool:
    """The focused widget is inside a Select whose menu is open."""
    node = widget
    while node is not None:
        if isinstance(node, Select) and node.expanded:
            return True
        node = getattr(node, "parent", None)
    return False


class ChoiceModal(Dialog[str]):
    """Choose one of a few things: ↑ ↓ and Enter. Typing closes it, choosing nothing."""

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], note: str = "") -> None:
        super().__init__()
        self.choice_title = title
        self.choices = list(choices)
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.choice_title)
            if self.note:
                yield Static(Content(terminal_safe(self.note)), classes="modal-note")
            yield OptionList(
                *[Option(Content(terminal_safe(label)), id=value) for label, value in self.choices]
            )
            yield Static(Content.styled("↑ ↓ and Enter choose · Esc or typing leaves it", "dim"))

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    async def take_key(self, event: Typed) -> Taken:
        if is_typing(event):
            self.cancel()
            return Taken.AGAIN
        if isinstance(event, events.Key) and event.key == "enter":
            option = self.query_one(OptionList).highlighted_option
            self.answer(option.id if option else None)
            return Taken.DONE
        return await super().take_key(event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click
        self.answer(event.option.id)


def tick(label: str, ticked: bool) -> Content:
    """A row of a tick list, readable without colour."""
    return Content.assemble(
        ("[x] " if ticked else "[ ] ", "bold" if ticked else ""), Content(terminal_safe(label))
    )


class PickModal(Dialog[list[str]]):
    """Tick any number of things: Enter ticks or unticks the highlighted row, ctrl+s saves.

    Ticking takes that deliberate key: a printable key (a space too) means the mediator is
    still typing, so the list closes with nothing changed and the key goes to the capture line.
    """

    BINDINGS = [Binding("ctrl+s", "save", "save", id="pick.save")]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, str]],
        chosen: Sequence[str] = (),
        note: str = "",
        *,
        save: str = "Save",
        saves: str = "saves",
        leaving: str = "leaves it",
    ) -> None:
        """``save`` names the button, ``saves`` what ctrl+s does, ``leaving`` what Esc or typing does."""
        super().__init__()
        self.pick_title = title
        self.choices = list(choices)
        self.chosen = set(chosen)
        self.note = note
        self.save_label = save
        self.keys_help = f"↑ ↓ move · Enter ticks · ctrl+s {saves} · Esc or typing {leaving}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.pick_title)
            if self.note:
                yield Static(Content(terminal_safe(self.note)), classes="modal-note")
            yield OptionList(
                *[Option(tick(label, value in self.chosen), id=value) for label, value in self.choices],
                id="ticks",
            )
            with Horizontal(classes="modal-buttons"):
                yield Static(Content.styled(self.keys_help, "dim"), classes="modal-keys")
                yield Button(self.save_label, variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    async def take_key(self, event: Typed) -> Taken:
        if is_typing(event):
            self.cancel()
            return Taken.AGAIN
        if isinstance(event, events.Key) and event.key == "enter" and isinstance(self.focused, OptionList):
            index = self.focused.highlighted
            if index is not None:
                self.toggle(index)
            return Taken.DONE
        return await super().take_key(event)

    def toggle(self, index: int) -> None:
        label, value = self.choices[index]
        self.chosen ^= {value}
        self.query_one(OptionList).replace_option_prompt_at_index(index, tick(label, value in self.chosen))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click ticks
        self.toggle(event.option_index)

    def action_save(self) -> None:
        self.answer([value for _, value in self.choices if value in self.chosen])


class ConfirmModal(Dialog[bool]):
    """A yes/no question: y or n; Enter answers the focused button, No to begin with. Any other
    printable key answers no and goes on to what is underneath."""

    AUTO_FOCUS = "#no"

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal"):
            yield _title(self.question)
            if self.detail:
                yield Static(Content(terminal_safe(self.detail)), classes="modal-note")
            with Horizontal(classes="modal-buttons"):
                yield Button("Yes (y)", variant="primary", id="yes", compact=True)
                yield Button("No (n)", id="no", compact=True)

    async def take_key(self, event: Typed) -> Taken:
        if isinstance(event, events.Key) and event.character in ("y", "Y", "n", "N"):
            self.answer(event.character in ("y", "Y"))
            return Taken.DONE
        if is_typing(event):
            self.answer(False)
            return Taken.AGAIN
        return await super().take_key(event)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer(event.button.id == "yes")
