"""The board's keys, one at a time and each one whole (tui/keystrokes.py): the pick after F2
or F3, the board's F-keys, the capture line's Enter and ↑ ↓; anything else as Textual would
do it, but now, before the next key is looked at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from facilitator.tui import keys
from facilitator.tui.keystrokes import Taken, Typed, run_key
from facilitator.tui.widgets.capture import CaptureBar
from facilitator.tui.widgets.notice import Notice

if TYPE_CHECKING:
    from facilitator.tui.screens.board import BoardScreen
    from facilitator.tui.screens.dialogs import Chooser  # loaded by F2 and F3 (screens/board.py)


async def take(board: BoardScreen, event: Typed) -> Taken:
    if isinstance(event, events.Key):
        if board.chooser is not None and _answer_chooser(board, event):
            return Taken.DONE
        action = keys.BOARD_ACTIONS.get(event.key)
        if action is not None:
            await board.run_action(action)
            return Taken.DONE
    if board.focused is None:
        board.type_here()
    if board.focused is not board.capture_input:
        return await run_key(board, event)  # a panel: its letters, arrows and Tab
    if isinstance(event, events.Key) and event.key in ("enter", "up", "down"):
        board.update_analysis()  # of the words as they are now, not as the last redraw saw them
        bar = board.query_one(CaptureBar)
        if event.key == "enter":
            board.record_line(bar.chosen_reframe)
            return Taken.DONE
        if bar.step(1 if event.key == "down" else -1):
            return Taken.DONE
    return await run_key(board, event)


def open_chooser(board: BoardScreen, chooser: Chooser) -> None:
    board.type_here()
    board.chooser = chooser
    notice = board.query_one(Notice)
    notice.ask(
        chooser.line(notice.size.width or board.size.width, show_current=not board.has_class("-joint"))
    )


def _answer_chooser(board: BoardScreen, event: events.Key) -> bool:
    """The key after F2 or F3: True when it picked (or was Esc); any other key goes on as typed."""
    chooser, board.chooser = board.chooser, None
    if chooser is None:
        return False
    value = None if event.key == "escape" else chooser.pick(event.key, event.character)
    if value is None:
        board.say(chooser.unchanged)
        return event.key == "escape"
    chooser.choose(value)
    return True
