"""The reframing engine (DESIGN.md section 7): a statement in, cues and neutral reframes out.

Pure functions, no I/O but the weights file read once. The package, in the order a statement
goes through it:

- ``lexicon.py``   everything the engine knows: words, phrases, word classes (plain data)
- ``patterns.py``  the lexicon's mini-language compiled, and an index by first token
- ``signals.py``   the statement tokenised and every lexicon pattern found in it
- ``clauses.py``   clauses, who does what to whom (agent binding), negation and hedges
- ``rules.py``     one rule per signal category, as a dispatch table: the explainable findings
- ``model.py``     a small linear model (``weights.tsv``) for what the rules cannot list
- ``suggestions.py`` one reframe per mediator move, in the speaker's own nouns
- ``cues.py``      the answer: ``Analysis`` with its ``Cue`` spans

``analyze`` below puts them together; ``render_text`` shows an analysis to a person.
"""

from __future__ import annotations

import functools
import re

from facilitator.reframe.clauses import Scan
from facilitator.reframe.cues import CUE_KINDS, Analysis, Cue
from facilitator.reframe.detect import detect
from facilitator.reframe.suggestions import suggest

__all__ = ["CUE_KINDS", "Analysis", "Cue", "analyze", "render_text"]


# A statement longer than this is read a sentence at a time, each piece at most this long,
# and each piece's reading is kept: so while a long line is typed, each key costs the
# reading of the sentence being typed, whatever the length of the line (the board checks on
# every keystroke), and a pasted letter takes time linear in its length.
PIECE = 400
SIDES = ("family", "school")


def analyze(text: str, student: str | None = None, side: str | None = None) -> Analysis:
    """Is the statement accusatory; which spans say so; what could the mediator say instead.

    ``student`` is the child's name, used in the suggestions; ``side`` ("family" or
    "school") is the speaker's, so that a suggestion fits who is speaking.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    student = " ".join(student.split()) if isinstance(student, str) else None
    student = student if student and _name_ok(student) else None
    side = side if side in SIDES else None
    if not text.strip():
        return Analysis(text, False, (), ())
    if student and _words(student) & _lexicon_words() and any(w in text.lower() for w in _words(student)):
        # A name that is also a word the engine listens for ("Never", "Hope") must not change
        # what is heard, nor bring that word into a suggestion.
        found = analyze(text, side=side)
        if not found.accusatory or _words(student) & {w for c in found.cues for w in _words(c.text)}:
            return found
    if len(text) <= PIECE:
        return _analyze_piece(text, student, side)
    # the finished sentences are read once and kept; only the one being typed is read again
    done = _last_sentence_end(text)
    cues, suggestions = _read(text[:done], 0, student, side) if done else ((), ())
    more, also = _read(text[done:], done, student, side)
    cues += more
    return Analysis(text, bool(cues), cues, (suggestions or also) if cues else ())


@functools.lru_cache(maxsize=32)
def _read(
    text: str, offset: int, student: str | None, side: str | None
) -> tuple[tuple[Cue, ...], tuple[str, ...]]:
    """The cues (shifted by offset) and the first flagged piece's suggestions of a long text."""
    cues: list[Cue] = []
    suggestions: tuple[str, ...] = ()
    for start, end in _pieces(text):
        part = _analyze_piece(text[start:end], student, side)
        if part.accusatory:
            cues.extend(_shifted(part.cues, start + offset))
            suggestions = suggestions or part.suggestions  # one coherent set: the first flagged part's
    return tuple(cues), suggestions


def _last_sentence_end(text: str) -> int:
    """Where the last finished sentence of text ends (0: none), looking back from the end."""
    window = 512
    while True:
        begin = max(0, len(text) - window)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, begin)]
        ends = [e for e in ends if e < len(text)]
        if ends:
            return ends[-1]
        if begin == 0:
            return 0
        window *= 4


def _shifted(cues: tuple[Cue, ...], offset: int) -> tuple[Cue, ...]:
    return tuple(Cue(c.kind, c.text, c.start + offset, c.end + offset) for c in cues) if offset else cues


@functools.lru_cache(maxsize=64)
def _name_ok(name: str) -> bool:
    """A student's name the suggestions may use: short, has letters, and is not itself a charge."""
    return (
        len(name) <= 60
        and len(name.split()) <= 4
        and name.isprintable()
        and any(ch.isalpha() for ch in name)
        and not _analyze_one(name, None, None).accusatory
    )


@functools.cache
def _lexicon_words() -> frozenset[str]:
    """Every word that appears anywhere in the lexicon."""
    from facilitator.reframe import lexicon

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(re.findall(r"[a-z]+", value.lower()))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)

    for name, value in vars(lexicon).items():
        if name.isupper():
            walk(value)
    return frozenset(found)


@functools.lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences, each at most PIECE long (a longer one is cut at a space). A
    piece, once followed by more text, keeps its bounds: typing on never moves them."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text))
    pieces: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        while end - start > PIECE:
            cut = text.rfind(" ", start + 1, start + PIECE) + 1
            if cut <= start:
                cut = start + PIECE
            pieces.append((start, cut))
            start = cut
        if end > start:
            pieces.append((start, end))
            start = end
    return pieces


@functools.lru_cache(maxsize=2048)
def _analyze_piece(text: str, student: str | None, side: str | None) -> Analysis:
    """One piece's reading, kept: the pieces of a line being typed come back key after key."""
    return _analyze_one(text, student, side)


def _analyze_one(text: str, student: str | None, side: str | None) -> Analysis:
    if not text.strip():
        return Analysis(text, False, (), ())
    scan, spans = detect(text, student)
    if not spans:
        return Analysis(text, False, (), ())
    return _flagged(scan, spans, student, side)


def _flagged(scan: Scan, spans: set[tuple[str, int, int]], student: str | None, side: str | None) -> Analysis:
    text = scan.text
    # a shorter absolute inside a longer one ("never" in "never once") is the same cue
    absolutes = [s for s in spans if s[0] == "absolute"]
    for a in absolutes:
        if any(b != a and b[1] <= a[1] and a[2] <= b[2] for b in absolutes):
            spans.discard(a)
    cues = tuple(
        Cue(kind, text[start:end], start, end)
        for kind, start, end in sorted(spans, key=lambda s: (s[1], s[2], CUE_KINDS.index(s[0])))
        if 0 <= start < end <= len(text)
    )
    return Analysis(text, True, cues, suggest(scan, list(cues), student, side))


def render_text(analysis: Analysis) -> str:
    """Plain text for a person: the statement, its cues, then numbered suggestions."""
    text = analysis.text
    lines = [text]
    if not analysis.accusatory:
        lines.append("  no accusation found")
        return "\n".join(lines)
    if text.isascii() and text.isprintable() and len(text) <= 160:
        marks = [" "] * len(text)
        for cue in analysis.cues:
            for i in range(cue.start, cue.end):
                marks[i] = "^"
        lines.append("".join(marks).rstrip())
    lines.append("  cues:")
    width = max(len(c.kind) for c in analysis.cues) if analysis.cues else 0
    for cue in analysis.cues:
        shown = " ".join(cue.text.split())
        lines.append(f'    {cue.kind.ljust(width)}  "{shown}"')
    if analysis.suggestions:
        lines.append("  you could say:")
        for i, suggestion in enumerate(analysis.suggestions, 1):
            lines.append(f"    {i}. {suggestion}")
    return "\n".join(lines)
