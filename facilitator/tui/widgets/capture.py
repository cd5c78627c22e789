"""The capture line: who is speaking, what kind of entry, the words, and quiet cues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from facilitator.reframe import Analysis

# What a line on the capture bar can become, in the order F3 walks through them.
KINDS = ("statement", "interest", "position", "option", "agreement", "note", "follow-up", "parking lot")

# Shown under the line while nothing needs a reframe: the keys a first session needs.
IDLE_HINT = Content.styled(
    " F2 who is speaking · F3 what it is · Enter records · F5 next item · F1 all keys", "dim"
)

# How each cue kind reads to a mediator glancing down mid-sentence.
CUE_WORDS = {
    "blame-you": "blame",
    "blame-third": "blame",
    "absolute": "always/never",
    "loaded-verb": "loaded word",
    "character": "about the person",
    "sarcasm": "sarcasm",
    "threat": "threat",
    "accusing-question": "accusing question",
}

PLACEHOLDERS = {
    "statement": "what was said, word for word",
    "interest": "what this party needs, and why it matters to them",
    "position": "what this party asks for",
    "option": "a possible solution (link the interests it serves with F4)",
    "agreement": "what everyone agrees on (F4 adds the details)",
    "note": "your own note",
    "follow-up": "who does what next, ending with a due date like 2026-12-05 or 12/5/2026",
    "parking lot": "a topic to come back to later",
}


class CaptureBar(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal(id="capture-line"):
            yield Static(id="capture-who")
            yield Input(id="capture-input", select_on_focus=False)
        yield Static(id="capture-cues")
        yield Static(id="capture-suggestions")

    def show_choice(self, who: str, kind: str, caucus: bool) -> None:
        if caucus:
            label = Content.assemble(
                (f" {who} ", "bold"), "▸ ", (" private caucus note ", "bold reverse"), " ▸"
            )
            kind = "note"
        else:
            label = Content.assemble((f" {who} ", "bold"), "▸ ", (kind, "bold"), " ▸")
        self.query_one("#capture-who", Static).update(label)
        self.query_one(Input).placeholder = (
            "what this party tells you in private" if caucus else PLACEHOLDERS[kind]
        )

    def show_analysis(self, analysis: Analysis | None, chosen: int | None = None) -> None:
        cues = self.query_one("#capture-cues", Static)
        suggestions = self.query_one("#capture-suggestions", Static)
        if analysis is None or not analysis.accusatory:
            cues.update(IDLE_HINT)
            suggestions.update("")
            self.remove_class("flagged")
            return
        self.add_class("flagged")
        # Plain words for what the engine noticed, each named once, on one line.
        seen: dict[str, str] = {}
        for cue in analysis.cues:
            seen.setdefault(CUE_WORDS.get(cue.kind, cue.kind), " ".join(cue.text.split())[:40])
        parts: list[Content | str | tuple[str, str]] = [(" ! ", "bold")]
        for index, (word, text) in enumerate(seen.items()):
            parts.extend([" · " if index else "", (f"{word} ", "dim"), f"“{text}”"])
        parts.append(("   ↓ ↑ choose a reframe, Enter records the statement with it", "dim"))
        cues.update(Content.assemble(*parts))
        lines = []
        for index, suggestion in enumerate(analysis.suggestions):
            if index == chosen:
                lines.append(Content.assemble((" ▸ ", "bold"), (suggestion, "reverse")))
            else:
                lines.append(Content.assemble((f" {index + 1} ", "dim"), suggestion))
        suggestions.update(Content("\n").join(lines))
