"""The capture line: who is speaking, what kind of line, the words, and quiet cues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from facilitator.actions import CaptureKind
from facilitator.terminal import terminal_safe
from facilitator.tui.widgets.joint import hanging

if TYPE_CHECKING:
    from facilitator.reframe import Analysis

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
    CaptureKind.STATEMENT: "what was said, word for word",
    CaptureKind.INTEREST: "what this party needs, and why it matters to them",
    CaptureKind.POSITION: "what this party asks for",
    CaptureKind.OPTION: "a possible solution (F4 then links the interests it serves)",
    CaptureKind.AGREEMENT: "what everyone agrees on; start with trial:, principle: or procedural: to say which",
    CaptureKind.NOTE: "your own note",
    CaptureKind.FOLLOW_UP: "who does what next, ending with a due date like 12/5/2026",
    CaptureKind.PARKING_LOT: "a topic to come back to later",
}


HIDDEN = " capture line hidden from the room · typing still records · F12 for the board"


class CaptureBar(Vertical):
    """Who, what, the words; and, while a statement sounds like blame, its cues and reframes
    (↓ ↑ choose one, and Enter records the statement with it)."""

    _label: Content | None = None
    analysis: Analysis | None = None
    chosen: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="capture-line"):
            yield Static(id="capture-who", markup=False)
            yield Input(id="capture-input", select_on_focus=False)
        yield Static(id="capture-cues", markup=False)
        yield Static(HIDDEN, id="capture-hidden", markup=False)
        yield Static(id="capture-suggestions", markup=False)

    def show_choice(self, who: str, kind: CaptureKind, caucus: bool) -> None:
        who = terminal_safe(who)
        if caucus:
            label = Content.assemble(
                (f" {who} ", "bold"), "▸ ", (" private caucus note ", "bold reverse"), " ▸"
            )
        else:
            label = Content.assemble((f" {who} ", "bold"), "▸ ", (kind.value, "bold"), " ▸")
        if label != self._label:  # the same choice again: nothing to lay out
            self._label = label
            self.query_one("#capture-who", Static).update(label)
        self.query_one(Input).placeholder = "what they tell you in private" if caucus else PLACEHOLDERS[kind]

    @property
    def chosen_reframe(self) -> str | None:
        if self.analysis is None or self.chosen is None:
            return None
        return self.analysis.suggestions[self.chosen]

    def listen(self, text: str, statement: bool, student: str, side: str | None) -> None:
        """Check the words as they are typed (statements only, and never in caucus or the joint view)."""
        before = self.analysis.suggestions if self.analysis else ()
        if statement and text.strip():
            from facilitator.reframe import analyze

            self.analysis = analyze(text, student=student, side=side)
        else:
            self.analysis = None
        if not self.analysis or self.analysis.suggestions != before:
            self.chosen = None
        self.show_analysis(self.analysis, self.chosen)

    def step(self, step: int) -> bool:
        """↓ (1) or ↑ (-1) through the reframes; False when there are none to choose."""
        count = len(self.analysis.suggestions) if self.analysis else 0
        if not count:
            return False
        if self.chosen is None:
            self.chosen = 0 if step > 0 else count - 1
        else:
            position = self.chosen + step
            self.chosen = None if position < 0 or position >= count else position
        self.show_analysis(self.analysis, self.chosen)
        return True

    def show_analysis(self, analysis: Analysis | None, chosen: int | None = None) -> None:
        cues = self.query_one("#capture-cues", Static)
        suggestions = self.query_one("#capture-suggestions", Static)
        if analysis is None or not analysis.accusatory:
            cues.update("")
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
            parts.extend([" · " if index else "", (f"{word} ", "dim"), f"“{terminal_safe(text)}”"])
        parts.append(("  ↓ a reframe, Enter records it", "dim"))
        cues.update(Content.assemble(*parts))
        lines: list[Content] = []
        width = suggestions.size.width or self.size.width
        for index, suggestion in enumerate(analysis.suggestions):
            if index == chosen:
                line = Content.assemble((" ▸ ", "bold"), (terminal_safe(suggestion), "reverse"))
            else:
                line = Content.assemble((f" {index + 1} ", "dim"), terminal_safe(suggestion))
            # A reframe too long for the line goes on under its own words, never from the edge.
            lines.extend(hanging(line, width) if width > 20 else [line])
        suggestions.update(Content("\n").join(lines))
