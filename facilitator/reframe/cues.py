"""What the engine answers: the eight cue kinds, a cue (an exact span) and the analysis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CUE_KINDS = (
    "blame-you",
    "blame-third",
    "absolute",
    "loaded-verb",
    "character",
    "sarcasm",
    "threat",
    "accusing-question",
)

CUE_KINDS = (
    "blame-you",
    "blame-third",
    "absolute",
    "loaded-verb",
    "character",
    "sarcasm",
    "threat",
    "accusing-question",
)


@dataclass(frozen=True)
class Cue:
    """One span of the statement that made (or helps explain) the decision."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Analysis:
    """The engine's verdict on one statement."""

    text: str
    accusatory: bool
    cues: tuple[Cue, ...]
    suggestions: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "accusatory": self.accusatory,
            "cues": [{"kind": c.kind, "text": c.text, "start": c.start, "end": c.end} for c in self.cues],
            "suggestions": list(self.suggestions),
        }
