"""What Enter, e and F4 on a record open, and the dialogs that follow a decision: an option's
links, a record's form, an agreement's details (after agreed or trial, or an amendment), and
the offer to amend an agreement of a closed session instead of editing it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.live import Done
from facilitator.model import Agreement, OptionStatus
from facilitator.tui.widgets.panels import OptionsTable

if TYPE_CHECKING:
    from facilitator.live import Refused
    from facilitator.tui.screens.board import BoardScreen


def edit(board: BoardScreen, list_name: str, record_id: str) -> None:
    from facilitator.tui.screens import forms  # loaded by the key (screens/board.py)
    from facilitator.tui.screens.modals import ConfirmModal

    if list_name == "options":
        link(board, record_id)
        return
    final = board.live.final(list_name, record_id)
    if final and list_name == "agreements":
        board.say(final, warning=True)  # at once, under the question
        question = "This agreement is part of a closed session. Amend it in this session instead?"
        board.open(ConfirmModal(question, final), lambda yes: amend(board, record_id) if yes else None)
        return
    if final:
        board.say(final, warning=True)
        return
    modal = forms.edit_form(board.live, list_name, record_id)
    if modal is not None:
        board.open(modal)


def link(board: BoardScreen, option_id: str) -> None:
    from facilitator.tui.screens import dialogs

    picker = dialogs.link_pick(board.live, option_id)
    if isinstance(picker, str):
        board.say(picker, warning=True)
        return

    def chosen(interest_ids: list[str] | None) -> None:
        if interest_ids is None:  # Esc, or typing: the links stay as they were
            board.say("Links unchanged.")
        else:
            board.apply(board.live.link(option_id, interest_ids))

    board.open(picker, chosen)


def decide(board: BoardScreen, status: OptionStatus, option_id: str | None = None) -> None:
    """An option's status; agreed or trial makes its agreement, whose details are asked next."""
    option_id = option_id or board.live.selected_or_last(
        board.query_one(OptionsTable).selected_id(), "options"
    )
    if option_id is None:
        board.say("Record or select an option first.", warning=True)
        return
    _details_of(board, board.live.decide(option_id, status))


def amend(board: BoardScreen, agreement_id: str) -> None:
    _details_of(board, board.live.amend(agreement_id))


def _details_of(board: BoardScreen, result: Done[Agreement | None] | Done[Agreement] | Refused) -> None:
    from facilitator.tui.screens import forms

    if board.apply(result) and isinstance(result, Done) and result.made is not None:
        board.open(forms.agreement_form(board.live, result.made))
