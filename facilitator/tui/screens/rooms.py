"""Who sees the board: a caucus is private to the mediator and one party or side (F6), and
the joint view is the room's screen (F12), with only the single negotiating text on it:
nothing typed, no speaker, no cues (the capture line still records, hidden).

Going into caucus from the joint view shows the full board first, and leaving a caucus stays
on the board: what the room sees next is the mediator's choice (F12 again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.tui.screens.board import BoardScreen

QUIET = "the capture line is hidden in the joint view · F12 for the board"


def caucus(board: BoardScreen) -> None:
    """F6: meet a party or a side; again to leave, ticking what they agreed to share."""
    from facilitator.tui.screens import dialogs  # loaded by the key (screens/board.py)

    live = board.live
    board.type_here()
    if board.has_class("-joint"):  # a caucus is private: the room's screen goes back to the board
        board.remove_class("-joint")
        board.refresh_board()
    if not live.in_caucus:
        board.open(dialogs.caucus_choice(live), lambda chosen: _enter(board, chosen))
        return
    picker = dialogs.sharing_pick(live)
    if picker is None:
        board.apply(live.leave_caucus())
    else:
        board.open(picker, lambda shared: _leave(board, shared))


def _enter(board: BoardScreen, chosen: str | None) -> None:
    if chosen:
        board.apply(board.live.enter_caucus(chosen.split(",")))
    else:
        board.say("No caucus: nobody chosen. F6 again to meet a party or a side.")


def _leave(board: BoardScreen, shared: list[str] | None) -> None:
    if shared is None:  # Esc, or typing: nothing is shared by accident, and the caucus goes on
        names = board.live.caucus_names()
        board.say(
            f"Still in caucus with {names}: nothing shared · F6 again to tick what they agreed to share"
        )
        return
    board.apply(board.live.leave_caucus(shared))


def joint_view(board: BoardScreen) -> None:
    """F12: the room's screen; again to come back. Never in caucus."""
    board.type_here()
    if board.live.in_caucus and not board.has_class("-joint"):
        board.say("Not in caucus: the joint view is for the whole room. F6 leaves caucus.", warning=True)
        return
    board.toggle_class("-joint")
    board.refresh_board()
    board.say(
        "Joint view: only the agenda, options and agreements · F12 again for the board"
        if board.has_class("-joint")
        else "Back to the board"
    )
