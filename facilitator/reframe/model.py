"""The model stage: a small logistic regression over readable features, for what rules cannot list.

The rules are precise on the wording they know; people accuse in endless other ways (a story
about "that school", a verb of dismissal, an imputed motive, mockery), and real text says the
same words without blame (a finding that "services were not provided", a report of what a
party alleged, "nobody here is hiding anything"). The model weighs, for every statement:

- ``w:``  word stems, and ``c:`` the first five letters of a longer word (a character n-gram,
  so "stonewalling" and "stonewalled" meet; pairs of words added nothing on dev);
- ``n:``  a word stem within three words after a negation ("n:hid": "nobody is hiding");
- ``p:``  a question mark, an exclamation mark, a quotation mark, a shouted word;
- ``s:``  every lexicon signal category present ("s:loaded", "s:report");
- ``v:``  who does what: the kind of agent and the verb after it ("v:third:grab");
- ``a:``  who a charge falls on, from the clause analysis: the charge's category, the kind of
  agent it binds to (you, third, neutral, none) and whether it is negated ("a:loaded:third");
- ``r:``  what the rules found ("r:sarcasm", "r:any").

``weights.tsv`` holds one line per feature: its weight and the cue kind its words become when
it helps a statement over the threshold, so a mediator can read (and edit) why the model
fired. ``tools/reframe_train.py`` writes it from the training data, reproducibly.
"""

from __future__ import annotations

import functools
import re
from itertools import repeat
from pathlib import Path

from facilitator.reframe.clauses import Agent, Finding, Scan
from facilitator.reframe.lexicon import AUXILIARIES, NEGATION_GAP_WORDS

WEIGHTS = Path(__file__).with_name("weights.tsv")

# Categories whose binding the model sees: the charges, and the trait words.
_BOUND = frozenset(
    [
        "loaded",
        "character",
        "duty",
        "duty_personal",
        "virtue",
        "habit",
        "legal",
        "passive",
        "passive_failure",
        "neg",
        "neg_subject",
        "harm",
        "judgement",
        "motive",
    ]
)
# Words between an agent and its verb: auxiliaries and adverbs ("they have just ignored").
_SKIP = frozenset(AUXILIARIES) | frozenset(NEGATION_GAP_WORDS)
_BIND_KIND = {"you": "you", "third": "third", "self": "self", "neutral": "neutral"}
_STEMS: dict[str, str] = {}


Span = tuple[int, int]


def stem(word: str) -> str:
    """A crude, stable stem: "ignored", "ignores", "ignoring" -> "ignor" (memoised, bounded)."""
    found = _STEMS.get(word)
    if found is not None:
        return found
    w = word.replace("'", "")
    n = len(w)
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif n > 4 and w.endswith("ed"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(_STEMS) > 50_000:
        _STEMS.clear()
    _STEMS[word] = w
    return w


# Where the rules found nothing, the model may flag a statement only when it has someone to
# blame (a party, "nobody", a passive with a hidden agent) or a signal that stands alone
# (sarcasm, a threat, an insult): REFRAMING.md's target and charge.
_TARGETS_OR_STRONG = frozenset(
    [
        "you",
        "third",
        "neg_subject",
        "passive",
        "passive_failure",
        "sarcasm",
        "sarcasm_soft",
        "scare",
        "threat",
        "threat_legal",
        "question",
        "judgement",
        "mockery",
        "veiled_threat",
        "character_own",
        "child_charge",
    ]
)


# Signal categories whose words are a charge, for showing the model's reasons (see carriers).
CHARGED = frozenset(
    [
        "loaded",
        "character",
        "character_own",
        "child_charge",
        "harm",
        "judgement",
        "motive",
        "mockery",
        "veiled_threat",
        "sarcasm",
        "sarcasm_soft",
        "scare",
        "threat",
        "threat_legal",
        "question",
        "why",
        "habit",
        "legal",
        "insinuation",
        "tail",
    ]
)


def may_flag_alone(scan: Scan) -> bool:
    """Does the statement have a target, or a signal that stands alone (see above)?"""
    return any(h.cat in _TARGETS_OR_STRONG for h in scan.hits)


def features(scan: Scan, findings: list[Finding], known: dict[str, int] | None = None) -> dict[str, Span]:
    """Every feature of a statement -> the span of the words that carry it (its first
    occurrence); only those in ``known`` when given (the model's weights: the rest score 0)."""
    feats: dict[str, Span] = {}
    scope = 0
    for start, end, word in scan.tokens:
        name, prefix, negated, negation = _WORDS.get(word) or _word(word)
        feats.setdefault(name, (start, end))
        if prefix:
            feats.setdefault(prefix, (start, end))
        if scope:
            feats.setdefault(negated, (start, end))
            scope -= 1
        if negation:
            scope = 3
    for name, start, end in _structure(scan, findings):
        feats.setdefault(name, (start, end))
    if known is not None:
        feats = {f: span for f, span in feats.items() if f in known}
    return feats


def counts(scan: Scan) -> dict[str, int]:
    """How many distinct words of the statement carry each "w:" and "c:" feature ("ignored"
    and "ignoring" both carry "w:ignor"): the model weighs each distinct word once, so that
    scoring adds one number per word (``Model.score``); every other feature counts once."""
    out: dict[str, int] = {}
    for word in {t[2] for t in scan.tokens}:
        name, prefix, _negated, _negation = _WORDS.get(word) or _word(word)
        out[name] = out.get(name, 0) + 1
        if prefix:
            out[prefix] = out.get(prefix, 0) + 1
    return out


_WORDS: dict[str, tuple[str, str | None, str, bool]] = {}


def _word(word: str) -> tuple[str, str | None, str, bool]:
    """A word's "w:" stem feature, its "c:" prefix feature, its "n:" feature after a negation,
    and whether it is a negation itself (memoised, bounded)."""
    s = stem(word)
    prefix = "c:" + word[:5] if len(word) > 6 else None
    found = ("w:" + s, prefix, "n:" + s, word in _NEGATIONS or word.endswith("n't"))
    if len(_WORDS) > 50_000:
        _WORDS.clear()
    _WORDS[word] = found
    return found


def _structure(scan: Scan, findings: list[Finding]) -> list[tuple[str, int, int]]:
    """The signal, who-does-what, binding, punctuation and rule features, each with its span."""
    out = [("s:" + h.cat, h.start, h.end) for h in scan.hits]
    text = scan.text
    for mark in '?!"':
        at = text.find(mark)
        if at >= 0:
            out.append(("p:" + mark, at, at + 1))
    shout = _SHOUT.search(text)
    if shout:
        out.append(("p:caps", shout.start(), shout.end()))
    tokens = scan.tokens
    for k, clause in enumerate(scan.clause_hits):
        if not clause:
            continue
        agents = scan.agents(k)
        for a, kind, _conditional in agents:
            # who does what: the agent's kind and the verb after it ("v:third:grab")
            i = a.tj + 1
            while i < len(tokens) and i <= a.tj + 3 and tokens[i][2] in _SKIP:
                i += 1
            if i < len(tokens) and i <= a.tj + 3:
                out.append((f"v:{kind}:{stem(tokens[i][2])}", a.start, tokens[i][1]))
        for h in clause:
            if h.cat not in _BOUND:
                continue
            bound = scan.bind(k, h.start, agents)
            kind = bound[1] if bound else _nearest_kind(agents, h.start)
            negated = h.cat in ("loaded", "character", "harm", "judgement") and scan.negated(h, k, agents)
            start = bound[0].start if bound and bound[0].start < h.start else h.start
            out.append((f"a:{h.cat}:{kind}{':neg' if negated else ''}", start, h.end))
    if findings:
        out.append(("r:any", *findings[0].cues[0][1:]))
        for f in findings:
            out += [("r:" + kind, start, end) for kind, start, end in f.cues]
    return out


def _nearest_kind(agents: list[Agent], pos: int) -> str:
    """The kind of the agent nearest before pos, bound or not ("the students ... are lazy")."""
    kind = "none"
    for h, k, _conditional in agents:
        if h.start < pos:
            kind = _BIND_KIND.get(k, "none")
    return kind


class Model:
    """The weights, the bias, the two thresholds and each feature's cue kind, as read from the TSV:
    a rule's finding stands at a score >= veto; without one, the model flags at >= threshold
    (with the gate, only a statement that ``may_flag_alone``)."""

    def __init__(self, text: str) -> None:
        # weights in units of 1/10,000 (the file's four decimals): a sum of integers is exact,
        # so the order the features come in never changes a decision
        self.weights: dict[str, int] = {}
        self.kinds: dict[str, str] = {}
        self.bias = 0.0
        self.threshold = float("inf")
        self.veto = float("-inf")
        self.gate = True
        self._own: dict[str, int] = {}  # word -> the weight of its "w:" and "c:" features (memo)
        for line in text.splitlines():
            if not line.strip():
                continue
            if line.startswith("#"):
                key, _sep, value = line[1:].strip().partition("\t")
                if key == "bias":
                    self.bias = float(value)
                elif key == "threshold":
                    self.threshold = float(value)
                elif key == "veto":
                    self.veto = float(value)
                elif key == "gate":
                    self.gate = value.strip() != "0"
                continue
            feature, weight, kind = line.split("\t")
            self.weights[feature] = round(float(weight) * _UNIT)
            self.kinds[feature] = kind

    def score(self, scan: Scan, findings: list[Finding]) -> float:
        """The log-odds that the statement is accusatory: each distinct word's weight (its "w:"
        and "c:" features), then every other feature once."""
        words = [t[2] for t in scan.tokens]
        own, total = self._own, 0
        for word in set(words):
            weight = own.get(word)
            total += self._own_weight(word) if weight is None else weight
        get = _WORDS.get
        rest = [name for name, _start, _end in _structure(scan, findings)]
        for i in [i for i, w in enumerate(words) if w in _NEGATIONS or w.endswith("n't")]:
            rest += [(get(w) or _word(w))[2] for w in words[i + 1 : i + 4]]
        return self.bias + (total + sum(map(self.weights.get, set(rest), repeat(0)))) / _UNIT

    def _own_weight(self, word: str) -> int:
        name, prefix, _negated, _negation = _WORDS.get(word) or _word(word)
        weight = self.weights.get(name, 0) + (self.weights.get(prefix, 0) if prefix else 0)
        if len(self._own) > 50_000:
            self._own.clear()
        self._own[word] = weight
        return weight

    def carriers(self, feats: dict[str, Span], charged: list[Span]) -> list[tuple[str, int, int]]:
        """The cues that carried a decision: the spans of the strongest helping features, a
        charge first, then an absolute and a target, each with the kind its line names. Words
        the lexicon knows as a charge (``charged``) come before words only the data taught."""
        weights, kinds = self.weights, self.kinds

        def known(f: str) -> bool:
            start, end = feats[f]
            return any(s < end and start < e for s, e in charged)

        helping = sorted(
            (f for f in feats if weights.get(f, 0) > 0 and kinds.get(f, "-") != "-"),
            key=lambda f: (not known(f), -weights[f], f),
        )
        spans: list[tuple[str, int, int]] = []
        for f in helping:
            # the strongest charge, and a second one only where the lexicon knows it too
            if kinds[f] not in _TARGET_CUES and kinds[f] != "absolute" and (not spans or known(f)):
                start, end = feats[f]
                if not any(s < end and start < e for _k, s, e in spans):
                    spans.append((kinds[f], start, end))
            if len(spans) == 2:
                break
        if not spans:
            return []
        for want in ("absolute", "target"):
            for f in helping:
                kind = kinds[f]
                if (kind == want or (want == "target" and kind in _TARGET_CUES)) and f.startswith("w:"):
                    spans.append((kind, *feats[f]))
                    break
        return spans


_TARGET_CUES = frozenset(["blame-you", "blame-third"])
_UNIT = 10_000
_NEGATIONS = frozenset(["not", "no", "never", "nobody", "nothing", "none", "nor", "cannot", "without"])
_SHOUT = re.compile(r"\b(?!IEP|FAPE|IDEA|OCR|ADHD|LRE|ESY|IEE|FBA|BIP|SLP|OT|PT)[A-Z]{3,}\b")


@functools.cache
def model() -> Model | None:
    """The shipped weights, read the first time a statement needs them."""
    try:
        return Model(WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
