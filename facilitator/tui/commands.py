"""The command palette (ctrl+p) on the board: every action by name.

The names in DESIGN section 6 are a contract: "Capture as statement" ... "Capture as parking
lot", "Speaker: NAME" (a party's name, or "mediator"), "Joint view", "Review", "Export".
A party's name is user text, so every prompt is plain ``Content``, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from facilitator.actions import CaptureKind
from facilitator.model import MEDIATOR, AgendaStatus, OptionStatus, ParkingStatus
from facilitator.tui.widgets.panels import AgendaTable, AgreementsTable, ParkingTable

if TYPE_CHECKING:
    from facilitator.tui.screens.board import BoardScreen


@dataclass(frozen=True)
class Command:
    name: str
    help: str  # static words only: the palette reads help as markup
    run: Callable[[], object]


def board_commands(board: BoardScreen) -> Iterator[Command]:
    """Everything the board does, in the order a session needs it."""
    for kind in CaptureKind:
        yield Command(
            f"Capture as {kind.value}", "What the capture line records (F3)", partial(board.set_kind, kind)
        )
    for party_id in board.live.speakers():
        name = "mediator" if party_id == MEDIATOR else board.live.case.who(party_id)
        yield Command(f"Speaker: {name}", "Who is speaking (F2)", partial(board.set_speaker, party_id))
    yield Command(
        "Joint view", "Only the single text, for a screen the room sees (F12)", board.action_joint_view
    )
    yield Command("Review", "What is unresolved, red flags and overdue (F7)", board.action_review)
    yield Command("Preparation", "Each side's documents and where they stand", partial(_preparation, board))
    yield Command("Export", "Consensus points or a session summary (F8)", board.action_export)
    yield Command("Next agenda item", "Leave this item and start the next (F5)", board.action_next_item)
    yield Command(
        "Edit or link", "The selected row, or the one just recorded (F4)", board.action_edit_selected
    )
    yield Command("Caucus", "Meet a party or a side in private, or leave caucus (F6)", board.action_caucus)
    yield Command("Add a party", "Someone new at the table (F10)", board.action_add_party)
    yield Command(
        "Start the next session", "Close this one and plan the next (F9)", board.action_next_session
    )
    yield Command("Add agenda item", "A new topic for this session", board.add_agenda_item)
    live = board.live
    for status in AgendaStatus:
        yield Command(
            f"Mark agenda item {status.value}",
            "The item being discussed, or the one selected in the agenda",
            partial(_mark_agenda_item, board, status),
        )
    for decision in OptionStatus:
        yield Command(
            f"Mark option {decision.value}",
            "The option selected, or the one just recorded",
            partial(board.decide, decision),
        )
    for parking in ParkingStatus:
        yield Command(
            f"Mark parking-lot topic {parking.value}",
            "The topic selected in the parking lot",
            partial(_mark_parking, board, parking),
        )

    def amend() -> None:
        agreement = live.selected_or_last(board.query_one(AgreementsTable).selected_id(), "agreements")
        if agreement:
            board.amend(agreement)

    yield Command("Amend agreement", "Change an earlier session's agreement, keeping the record", amend)
    yield Command("Undo", "Undo the last change (ctrl+z)", board.action_undo)
    yield Command("Redo", "Redo what was undone (ctrl+y)", board.action_redo)


def _preparation(board: BoardScreen) -> None:
    from facilitator.tui.screens.prep import PrepScreen

    board.app.push_screen(PrepScreen(board.live), lambda _: board.refresh_board())


def _mark_agenda_item(board: BoardScreen, status: AgendaStatus) -> None:
    """The item being discussed (or, to start one, the one selected in the agenda)."""
    live = board.live
    item = live.active_item() if status != AgendaStatus.ACTIVE else None
    item = item or live.selected_or_last(board.query_one(AgendaTable).selected_id(), "agenda")
    if item:
        board.apply(live.set_agenda_status(item, status))


def _mark_parking(board: BoardScreen, status: ParkingStatus) -> None:
    item = board.live.selected_or_last(board.query_one(ParkingTable).selected_id(), "parking_lot")
    if item:
        board.apply(board.live.set_parking_status(item, status))


class BoardCommands(Provider):
    """The board's commands for the palette: shown as a list, found by fuzzy search."""

    def _commands(self) -> list[Command]:
        from facilitator.tui.screens.board import BoardScreen

        screen = self.screen
        return list(board_commands(screen)) if isinstance(screen, BoardScreen) else []

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(Content(command.name), command.run, text=command.name, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, Content(command.name), command.run, text=command.name, help=command.help)
