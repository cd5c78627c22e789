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
from facilitator.reframe.suggestions import suggestions

__all__ = ["CUE_KINDS", "Analysis", "Cue", "analyze", "render_text"]


# A statement longer than this (a pasted letter, say) is read a few sentences at a time, so
# the time taken grows with its length and no more: the board checks on every keystroke.
LONG_TEXT = 1_000


def analyze(text: str, student: str | None = None) -> Analysis:
    """Is the statement accusatory; which spans say so; what could the mediator say instead."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    student = " ".join(student.split()) if student else None
    student = student if student and _name_ok(student) else None
    if not text.strip():
        return Analysis(text, False, (), ())
    if student and _words(student) & _lexicon_words() and any(w in text.lower() for w in _words(student)):
        # A name that is also a word the engine listens for ("Never", "Hope") must not change
        # what is heard, nor bring that word into a suggestion.
        found = analyze(text)
        if not found.accusatory or _words(student) & {w for c in found.cues for w in _words(c.text)}:
            return found
    if len(text) <= LONG_TEXT:
        return _analyze_one(text, student)
    cues: list[Cue] = []
    suggestions: tuple[str, ...] = ()
    for start, end in _pieces(text):
        part = _analyze_one(text[start:end], student)
        if part.accusatory:
            cues.extend(Cue(c.kind, c.text, c.start + start, c.end + start) for c in part.cues)
            suggestions = suggestions or part.suggestions  # one coherent set: the first flagged part's
    return Analysis(text, bool(cues), tuple(cues), suggestions if cues else ())


@functools.lru_cache(maxsize=64)
def _name_ok(name: str) -> bool:
    """A student's name the suggestions may use: short, has letters, and is not itself a charge."""
    return (
        len(name) <= 60
        and len(name.split()) <= 4
        and name.isprintable()
        and any(ch.isalpha() for ch in name)
        and not _analyze_one(name, None).accusatory
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
    """Spans of whole sentences, each at most LONG_TEXT long (a longer sentence is cut at a space)."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    pieces: list[tuple[int, int]] = []
    start = 0
    for end in bounds[1:]:
        if end - start <= LONG_TEXT:
            continue
        previous = max((b for b in bounds if start < b < end), default=start)
        if previous > start:
            pieces.append((start, previous))
            start = previous
        while end - start > LONG_TEXT:
            cut = text.rfind(" ", start + 1, start + LONG_TEXT) + 1 or start + LONG_TEXT
            if cut <= start:
                cut = start + LONG_TEXT
            pieces.append((start, cut))
            start = cut
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def _analyze_one(text: str, student: str | None) -> Analysis:
    if not text.strip():
        return Analysis(text, False, (), ())
    scan, spans = detect(text, student)
    if not spans:
        return Analysis(text, False, (), ())
    return _flagged(scan, spans, student)


def _flagged(scan: Scan, spans: set[tuple[str, int, int]], student: str | None) -> Analysis:
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
    return Analysis(text, True, cues, suggestions(scan, list(cues), student))


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
