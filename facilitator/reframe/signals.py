"""Signals: the statement lower-cased and tokenised, and every lexicon pattern found in it.

A signal (``Hit``) is one match of a lexicon category at a span: a target ("you", "the
district"), a charge ("refused"), a duty ("return my calls"), a negation, sarcasm, a threat, a
legal charge, a habit, and so on. Offsets are character offsets into the original text.
"""

from __future__ import annotations

from bisect import bisect_right

from facilitator.reframe.patterns import ANCHORS, INDEX, PAIRS, TOKEN
from facilitator.reframe.words import (
    QUOTE_INTRO,
    QUOTE_SPEECH,
    QUOTED,
    SCARE,
    SCARE_WORDS,
    STOCK_AFTER,
    STOCK_BEFORE,
    TITLE,
    lower,
)


class Hit:
    """One lexicon category matched at start..end (tokens ti..tj)."""

    __slots__ = ("cat", "start", "end", "ti", "tj", "flag")

    def __init__(self, cat: str, start: int, end: int, ti: int, tj: int) -> None:
        self.cat = cat
        self.start = start
        self.end = end
        self.ti = ti  # index of the first token
        self.tj = tj  # index of the last token
        self.flag = ""


class Statement:
    """The statement's tokens and signals."""

    def __init__(self, text: str, student: str | None) -> None:
        self.text = text
        self.low = lower(text)
        self.tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(self.low)]
        self.tok_starts = [t[0] for t in self.tokens]
        self.student = student.lower().split()[0] if student and student.split() else None
        self.hits: list[Hit] = []
        self._collect()

    def tok_index(self, pos: int) -> int:
        return max(0, bisect_right(self.tok_starts, pos) - 1)

    def _collect(self) -> None:
        low, hits, tokens = self.low, self.hits, self.tokens
        anchors, pairs, first = ANCHORS, PAIRS, INDEX
        tok_index = self.tok_index
        last = len(tokens) - 1
        words = [t[2] for t in tokens]
        if self.student:
            hits.extend(
                Hit("neutral", tokens[i][0], tokens[i][1], i, i)
                for i, w in enumerate(words)
                if w == self.student
            )
        for i in [i for i, w in enumerate(words) if w in anchors or (w[-2:] == "'s" and w[:-2] in anchors)]:
            start, _end, word = tokens[i]
            key = word if word in anchors else word[:-2]
            entry = None
            if i < last:
                nxt = tokens[i + 1][2]
                entry = pairs.get((key, nxt))
                if entry is None and "'" in nxt:
                    entry = pairs.get((key, nxt.split("'", 1)[0]))
            if entry is None:
                entry = first.get(key)
            if entry is not None:
                items = entry.items or entry.compiled()
                for category, rx in items:
                    if rx is None:
                        hits.append(Hit(category, start, start + len(key), i, i))
                        continue
                    m = rx.match(low, start)
                    if m is not None:
                        end = m.end()
                        if end > start:
                            hits.append(
                                Hit(category, start, end, i, i if end <= _end else tok_index(end - 1))
                            )
        if "." in self.text or " " in self.text:
            for m in TITLE.finditer(self.text):
                i = self.tok_index(m.start())
                hits.append(Hit("third", m.start(), m.end(), i, self.tok_index(m.end() - 1)))
        if '"' in low or "'" in low:
            self._scare_quotes()
        hits.sort(key=lambda h: (h.start, -h.end))

    def _scare_quotes(self) -> None:
        low = self.low
        for m in QUOTED.finditer(low):
            # the other side's stock line: "they keep saying "next month"", ""soon" has been the answer"
            if STOCK_BEFORE.search(low, max(0, m.start() - 40), m.start()) or STOCK_AFTER.search(
                low[m.end() : m.end() + 40]
            ):
                i = self.tok_index(m.start() + 1)
                self.hits.append(Hit("scare", m.start(), m.end(), i, self.tok_index(m.end() - 2)))
        for m in SCARE.finditer(low):
            inner = m.group(2).strip()
            words = inner.split()
            if not words or len(words) > 4:
                continue
            if not any(w.strip(".,!?") in SCARE_WORDS for w in words) and inner not in SCARE_WORDS:
                continue
            if any(w in QUOTE_SPEECH for w in words):
                continue
            before = low[: m.start()].split()
            if before and before[-1].strip(",:") in QUOTE_INTRO:
                continue
            i = self.tok_index(m.start() + 1)
            hit = Hit("scare", m.start(), m.end(), i, self.tok_index(m.end() - 2))
            self.hits.append(hit)
