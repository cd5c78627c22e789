"""The board's small dialogs, built from the live session: who is speaking, what kind of
line, who the caucus is with, which notes may be shared, which interests an option serves,
what to export. Each returns the modal (or chooser), or the reason there is nothing to choose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content

from facilitator.actions import CaptureKind
from facilitator.live import LiveSession
from facilitator.model import MEDIATOR
from facilitator.review import in_play
from facilitator.terminal import terminal_safe
from facilitator.tui import keys
from facilitator.tui.screens.modals import ChoiceModal, PickModal


@dataclass(frozen=True)
class Pick:
    """One thing a chooser offers: the key that picks it, its label, and its value."""

    key: str
    label: str
    value: str


@dataclass(frozen=True)
class Chooser:
    """F2 or F3: a line above the capture line, and the next key picks (F2 then 1, F3 then i).

    It is no screen, so nothing typed behind it can land anywhere but the capture line: the
    F-key that opened it, again, picks the entry after the current one (the old habit of
    cycling); any other key picks nothing, closes it, and goes on as typed. Picks are lower
    case, so a capital letter starting a sentence is typing.
    """

    title: str
    picks: tuple[Pick, ...]
    current: str
    again: str
    unchanged: str  # what the board says when nothing was picked
    choose: Callable[[str], object]

    def pick(self, key: str, character: str | None) -> str | None:
        if key == self.again:
            values = [p.value for p in self.picks]
            index = values.index(self.current) if self.current in values else -1
            return values[(index + 1) % len(values)]
        return next((p.value for p in self.picks if p.key == character), None)

    def line(self, width: int, show_current: bool = True) -> Content:
        """The question and its picks, on as many lines of ``width`` as they need, each pick whole."""
        lines = [Content.styled(f" {self.title} ", "bold reverse")]
        pieces = [
            Content.assemble(
                (pick.key, "bold reverse" if show_current and pick.value == self.current else "bold"),
                " " + terminal_safe(pick.label),
            )
            for pick in self.picks
        ]
        for index, piece in enumerate([*pieces, Content.styled("Esc keeps it", "dim")]):
            gap = " " if index == 0 else "   " if index == len(pieces) else "  "
            if lines[-1].cell_length + len(gap) + piece.cell_length > width:
                if index == len(pieces) and len(lines) == 1:
                    break  # not a line of its own for the hint: the board stays where it was
                lines.append(Content(""))
                gap = " "
            lines[-1] = Content.assemble(lines[-1], gap, piece)
        return Content("\n").join(lines)


def _flat(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def speaker_pick(live: LiveSession, choose: Callable[[str], object]) -> Chooser:
    """F2: m for the mediator, 1-9 for the parties (in caucus, only those in the room)."""
    speakers = live.speakers()
    picks = [Pick(keys.MEDIATOR_KEY, "mediator", MEDIATOR)] if MEDIATOR in speakers else []
    parties = [p for p in speakers if p != MEDIATOR]
    picks += [Pick(k, live.case.who(p), p) for k, p in zip(keys.SPEAKER_KEYS, parties, strict=False)]
    unchanged = "Speaker unchanged. F2 then a number picks who is speaking."
    return Chooser("Who?", tuple(picks), live.desk.speaker, "f2", unchanged, choose)


def kind_pick(live: LiveSession, choose: Callable[[str], object]) -> Chooser:
    """F3: one letter for each kind of line."""
    picks = [Pick(keys.KIND_KEYS[kind], kind.value.split()[0], kind.value) for kind in CaptureKind]
    unchanged = "Kind unchanged. F3 then a letter picks what the line records."
    return Chooser("What?", tuple(picks), live.desk.kind.value, "f3", unchanged, choose)


def caucus_choice(live: LiveSession) -> ChoiceModal:
    """F6: a side together (the parent with the advocate), or one party alone."""
    choices = [(label, ",".join(ids)) for label, ids in live.caucus_groups()]
    note = "What you write in caucus stays private to you and them."
    return ChoiceModal("Meet in caucus with", choices, note=note)


def sharing_pick(live: LiveSession) -> PickModal | None:
    """F6 again: which of the caucus notes they agreed to share (None: there are none)."""
    notes = live.private_caucus_notes()
    if not notes:
        return None
    return PickModal(
        f"Leaving caucus with {live.caucus_names()}: which notes may be shared?",
        [(_flat(n.text, 90), n.id) for n in notes],
        note="Tick only what they agreed to share; unticked notes stay private.",
        save="Share and leave",
        saves="shares and leaves caucus",
        leaving="stays in caucus",
    )


def link_pick(live: LiveSession, option_id: str) -> PickModal | str:
    """Which interests an option serves: every interest in play, named or heard as a position."""
    case = live.case
    option = next(o for o in case.options if o.id == option_id)
    interests = in_play(case).interests
    if not interests:
        return "No interests recorded yet: F3 i records one, then F4 links it."
    choices = [
        (f"{case.who(i.party)}: {_flat(i.text or 'position: ' + (i.position or ''), 70)}", i.id)
        for i in interests
    ]
    return PickModal(
        f"Interests served by: {_flat(option.text, 60)}",
        choices,
        option.addresses or [],
        note="Tick each interest this option serves.",
        leaving="leaves the links as they were",
    )


FORMAT_WORDS = {"markdown": "Markdown", "docx": "Word (.docx)", "pdf": "PDF, for printing"}


def export_choice() -> ChoiceModal:
    """F8: what to export, and as what: the value is "kind:format"."""
    kinds = {"consensus": "Consensus points, for the parties", "summary": "Session summary, for your records"}
    return ChoiceModal(
        "Export this session",
        [
            (f"{words} · {FORMAT_WORDS[fmt]}", f"{kind}:{fmt}")
            for kind, words in kinds.items()
            for fmt in FORMAT_WORDS
        ],
        note="The summary never holds caucus notes; the consensus points never hold what was said.",
    )
