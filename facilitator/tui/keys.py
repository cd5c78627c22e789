"""Every key of the board, once: the bindings, the footer, the quiet hint line and F1 are made
from this table, so a key's name and what it does are written in one place.

F-keys and ctrl+z/y/q only: they work in tmux, xterm, macOS Terminal and Windows Terminal,
and none of them is a key the capture line (Textual's Input) or the command palette uses.
Shift+F-keys are not reliable everywhere, so nothing needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.content import Content

from facilitator.actions import CaptureKind


@dataclass(frozen=True)
class Key:
    key: str
    action: str
    label: str  # in the footer
    help: str  # what it does, for F1 and the tooltip
    id: str
    keep: int | None = None  # footer: the lower, the longer it stays as the terminal narrows
    hint: str = ""  # in the quiet hint line under the panels, in these words


BOARD_KEYS: tuple[Key, ...] = (
    Key("f1", "app.help", "Help", "all the keys, and what the marks mean", "help", 2, "all keys"),
    Key(
        "f2",
        "choose_speaker",
        "Speaker",
        "who is speaking: then 1-9 for a party, m for you",
        "speaker",
        3,
        "who",
    ),
    Key("f3", "choose_kind", "Kind", "what the line records: then s i p o a n f k", "kind", 4, "what"),
    Key(
        "f4",
        "edit_selected",
        "Edit",
        "edit or link the selected row, or the one just recorded",
        "edit",
        5,
        "edit",
    ),
    Key(
        "f5",
        "next_item",
        "Next item",
        "leave this agenda item and start the next one",
        "next-item",
        6,
        "next item",
    ),
    Key("f6", "caucus", "Caucus", "meet one party or one side in private; again to leave", "caucus", 7),
    Key("f7", "review", "Review", "what is still unresolved, red flags and overdue items", "review", 8),
    Key("f8", "export", "Export", "the consensus points or a session summary, as a file", "export", 9),
    Key("f9", "next_session", "Next session", "close this session and plan the next one", "next-session", 11),
    Key("f10", "add_party", "Add party", "someone new at the table", "add-party", 12),
    Key(
        "f12",
        "joint_view",
        "Joint view",
        "the single text for a screen the whole room sees",
        "joint-view",
        13,
    ),
    Key("ctrl+z", "undo", "Undo", "undo the last change (also after a restart)", "undo", 0),
    Key("ctrl+y", "redo", "Redo", "redo what was undone", "redo", 14),
    Key("escape", "back_to_typing", "Back", "back to the capture line; dismisses a message", "back"),
)
APP_KEYS: tuple[Key, ...] = (Key("ctrl+q", "quit", "Quit", "quit (typed words are kept)", "quit", 1),)
BOARD_ACTIONS = {k.key: k.action for k in BOARD_KEYS}
# Pressed in a dialog, these close it first and then work on the board (Esc belongs to the dialog).
BOARD_ONLY = frozenset(k.key for k in BOARD_KEYS if k.id != "back")

# The second key after F3, for each kind: its first letter, except agreement (a) and parking (k).
KIND_KEYS = {
    CaptureKind.STATEMENT: "s",
    CaptureKind.INTEREST: "i",
    CaptureKind.POSITION: "p",
    CaptureKind.OPTION: "o",
    CaptureKind.AGREEMENT: "a",
    CaptureKind.NOTE: "n",
    CaptureKind.FOLLOW_UP: "f",
    CaptureKind.PARKING_LOT: "k",
}
MEDIATOR_KEY = "m"
SPEAKER_KEYS = "123456789"


def display(key: str) -> str:
    """A key as people read it: F2, ^z, Esc, [."""
    names = {"escape": "Esc", "enter": "Enter", "space": "Space", "delete": "Del", "tab": "Tab"}
    names |= {"left_square_bracket": "[", "right_square_bracket": "]"}
    first = key.split(",")[0]
    if first in names:
        return names[first]
    if first.startswith("ctrl+"):
        return "^" + first.removeprefix("ctrl+")
    if first.startswith("f") and first[1:].isdigit():
        return first.upper()
    return first


def bindings(keys: Iterable[Key], *, priority: bool = False) -> list[BindingType]:
    return [
        Binding(k.key, k.action, k.label, show=False, id=k.id, tooltip=k.help, priority=priority)
        for k in keys
    ]


def footer(width: int, keys: Sequence[Key] = BOARD_KEYS + APP_KEYS) -> Content:
    """As many footer keys as fit in ``width``, in key order, undo and quit always among them."""
    shown = sorted((k for k in keys if k.keep is not None), key=lambda k: k.keep or 0)
    for count in range(len(shown), 0, -1):
        chosen = sorted(shown[:count], key=lambda k: list(keys).index(k))
        line = _footer_line(chosen)
        if line.cell_length <= width:
            return line
    return _footer_line(shown[:2])


def _footer_line(keys: Sequence[Key]) -> Content:
    parts: list[Content | tuple[str, str] | str] = []
    for key in keys:
        parts.extend([(f" {display(key.key)} ", "bold reverse"), f"{key.label} "])
    return Content.assemble(*parts)


def hint_line(keys: Sequence[Key] = BOARD_KEYS) -> Content:
    """The quiet line under the panels while nothing else needs saying."""
    parts = [f"{display(k.key)} {k.hint}" for k in keys if k.hint and k.id != "help"]
    parts.insert(2, "Enter records")
    parts.append("Tab panels")
    parts.append(f"{display('f1')} keys")
    return Content.styled(" " + " · ".join(parts), "dim")


def panel_hint(title: str, panel_keys: Iterable[Binding]) -> Content:
    """What the letters do in the panel that has focus, and the way back to typing."""
    parts = " · ".join(f"{b.key_display or display(b.key)} {b.description}" for b in panel_keys)
    return Content.assemble(
        (f" {title.upper()} ", "bold reverse"), " keys: ", parts, ("  ·  Esc back to typing", "bold")
    )


def help_rows(keys: Iterable[Key] = BOARD_KEYS + APP_KEYS) -> list[tuple[str, str]]:
    return [(display(k.key), k.help) for k in keys]
