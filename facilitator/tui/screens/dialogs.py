"""The board's small dialogs, built from the live session: who is speaking, what kind of
line, who the caucus is with, which notes may be shared, which interests an option serves,
what to export. Each returns the modal, or the reason there is nothing to choose."""

from __future__ import annotations

from facilitator.actions import CaptureKind
from facilitator.live import LiveSession
from facilitator.model import MEDIATOR
from facilitator.review import in_play
from facilitator.tui import keys
from facilitator.tui.screens.modals import ChoiceModal, Pick, PickModal, QuickPick


def _flat(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def speaker_pick(live: LiveSession) -> QuickPick:
    """F2: m for the mediator, 1-9 for the parties (in caucus, only those in the room)."""
    speakers = live.speakers()
    picks = [Pick(keys.MEDIATOR_KEY, "mediator", MEDIATOR)] if MEDIATOR in speakers else []
    parties = [p for p in speakers if p != MEDIATOR]
    picks += [Pick(k, live.case.who(p), p) for k, p in zip(keys.SPEAKER_KEYS, parties, strict=False)]
    return QuickPick("Who?", picks, live.desk.speaker, "f2")


def kind_pick(live: LiveSession) -> QuickPick:
    """F3: one letter for each kind of line."""
    picks = [Pick(keys.KIND_KEYS[kind], kind.value.split()[0], kind.value) for kind in CaptureKind]
    return QuickPick("What?", picks, live.desk.kind.value, "f3")


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
        note="Tick only what they agreed to share. Unticked notes stay private. Enter saves, Esc stays in caucus.",
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
        note="Space ticks, Enter saves.",
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
