"""The lexicon's mini-language compiled, and the index the scan looks patterns up in.

Each pattern of ``lexicon.py`` becomes a regex. The index maps a token (and the one after it)
to the patterns that can start there, one combined regex per category, so that most patterns
are ruled out by a dict lookup; each entry's regexes are compiled the first time it is needed,
which keeps the import fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from facilitator.reframe import lexicon as lex

_SEP = r"[\s,:\"'*()\[\]]+"  # between two slots of a pattern
_GAP = r"(?:" + _SEP + r"[^\s.!?;\"]+){0,4}?"  # "...": up to four words
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_SPLIT_WORDS = re.compile(r"_(?![^{]*})")  # "a_b" is two words, but "{we_will}" is one class
# Contractions whose apostrophe may be left out ("didnt", "youre") but not where that makes
# another word ("we'll" / "well", "it's" / "its").
_APOSTROPHE_REQUIRED = {
    "we're",
    "we'll",
    "i'll",
    "he'll",
    "she'll",
    "it's",
    "we'd",
    "i'd",
    "he'd",
    "she'd",
    "let's",
    "who's",
    "she's",
    "he's",
    "ill",
    "shell",
    "hell",
    "'s",
    "'d",
    "'ll",
}


@cache
def inflect(verb: str) -> list[str]:
    """Every form of a verb: base, third person, past, participle, -ing."""
    head, sep, last = verb.rpartition("-")
    prefix = head + sep
    if verb in lex.IRREGULAR_VERBS:
        prefix, last = "", verb
    if last in lex.IRREGULAR_VERBS:
        forms = [last]
        for form in lex.IRREGULAR_VERBS[last]:
            forms.extend(form.split("/"))
        if last == "be":
            forms += ["am", "are"]
    else:
        if last.endswith(("s", "sh", "ch", "x", "z", "o")):
            third = last + "es"
        elif last.endswith("y") and last[-2:-1] not in "aeiou":
            third = last[:-1] + "ies"
        else:
            third = last + "s"
        if last.endswith("e"):
            past = last + "d"
        elif last.endswith("y") and last[-2:-1] not in "aeiou":
            past = last[:-1] + "ied"
        else:
            past = last + "ed"
        if last.endswith("ie"):
            ing = last[:-2] + "ying"
        elif last.endswith("e") and not last.endswith(("ee", "ye", "oe")):
            ing = last[:-1] + "ing"
        else:
            ing = last + "ing"
        forms = [last, third, past, ing]
    return sorted({prefix + f for f in forms}, key=len, reverse=True)


def _literal(word: str) -> tuple[str, list[str]]:
    """Regex and anchor tokens for one literal word (may hold - ' . and similar)."""
    out = []
    for ch in word:
        if ch == "-":
            out.append(r"[\s-]?")
        elif ch == "'":
            out.append("'" if word in _APOSTROPHE_REQUIRED else "'?")
        else:
            out.append(re.escape(ch))
    rx = "".join(out)
    first = re.split(r"[-\s:]", word, maxsplit=1)[0]
    anchors = [first]
    if "'" in first and word not in _APOSTROPHE_REQUIRED:
        anchors.append(first.replace("'", ""))
    return rx, [a.rstrip(".!?,") for a in anchors if a.rstrip(".!?,")]


@cache
def _word(word: str) -> tuple[str, tuple[str, ...]]:
    """Regex and anchors for one word of an alternative: literal, ~verb or {class} (the same
    words recur across many patterns, so each is worked out once)."""
    rx, anchors = _word_uncached(word)
    return rx, tuple(anchors)


def _word_uncached(word: str) -> tuple[str, list[str]]:
    if word.startswith("{") and word.endswith("}"):
        entries = lex.CLASSES[word[1:-1]]
        parts, anchors = [], []
        for entry in sorted(entries, key=len, reverse=True):
            rx, anc = _phrase(entry.split())
            parts.append(rx)
            anchors += anc
        return "(?:" + "|".join(parts) + ")", anchors
    if word.startswith("~"):
        parts, anchors = [], []
        for form in inflect(word[1:]):
            rx, anc = _literal(form)
            parts.append(rx)
            anchors += anc
        return "(?:" + "|".join(parts) + ")", anchors
    return _literal(word)


def _phrase(words: list[str]) -> tuple[str, list[str]]:
    """Words joined by whitespace (one alternative of a slot); anchors of the first word."""
    rxs: list[str] = []
    anchors: list[str] = []
    for i, w in enumerate(words):
        rx, anc = _word(w)
        rxs.append(rx)
        if i == 0:
            anchors = list(anc)
    return r"\s+".join(rxs), anchors


def _slot(text: str) -> tuple[str, list[str]]:
    """Regex and anchors for a slot "a/b_c/~verb/{class}"."""
    parts, anchors = [], []
    for alt in text.split("/"):
        rx, anc = _phrase(_SPLIT_WORDS.split(alt))
        parts.append(rx)
        anchors += anc
    return "(?:" + "|".join(parts) + r")(?!\w)", anchors


_PLAIN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_ALONE: set[str] = set()  # followers of an anchor that is a whole pattern by itself


@cache
def _word_tokens(word: str) -> list[tuple[str, ...]] | None:
    """The token sequences one word of a pattern can be (None when hard to say)."""
    if word.startswith("{") and word.endswith("}"):
        out: list[tuple[str, ...]] = []
        for entry in lex.CLASSES[word[1:-1]]:
            prefixes = _prefixes(entry.split())
            if prefixes is None:
                return None
            out += prefixes
        return out
    forms = inflect(word[1:]) if word.startswith("~") else [word]
    out = []
    for form in forms:
        parts = form.split("-")
        if len(parts) > 1 and all(_PLAIN.fullmatch(p) for p in parts):
            # "run-around" is the tokens "run" "around", or "runaround" (the hyphen may be
            # left out)
            out += [tuple(parts), ("".join(parts),)]
            continue
        if not _PLAIN.fullmatch(form):
            return None
        out.append((form,))
        if "'" in form and form not in _APOSTROPHE_REQUIRED:
            out.append((form.replace("'", ""),))
    return out


def _prefixes(words: list[str]) -> list[tuple[str, ...]] | None:
    """The first one or two tokens the words can start with (one when that is all there is)."""
    prefixes: set[tuple[str, ...]] = {()}
    for w in words:
        seqs = _word_tokens(w)
        if seqs is None:
            return None
        prefixes = {p if len(p) >= 2 else (p + q)[:2] for p in prefixes for q in seqs}
    return sorted(prefixes)


def _followers(slots: list[str]) -> dict[str, set[str] | None] | None:
    """anchor token -> the tokens that can come right after it in a match (None: any, or the
    pattern is the anchor alone); None when the first slot is too irregular to tell."""
    first: list[tuple[str, ...]] = []
    for alt in slots[0].split("/"):
        starts = _prefixes(_SPLIT_WORDS.split(alt))
        if starts is None:
            return None
        first += starts
    nxt: set[str] | None = None
    if len(slots) > 1:
        slot = slots[1]
        if slot not in ("*", "...") and not slot.startswith(("!", "(")):
            nxt = set()
            for alt in slot.split("/"):
                seconds_of = _prefixes(_SPLIT_WORDS.split(alt))
                if seconds_of is None:
                    nxt = None
                    break
                nxt.update(q[0] for q in seconds_of)
    out: dict[str, set[str] | None] = {}
    longer = {p[0] for p in first if len(p) == 2}
    for p in first:
        if len(p) == 1 and len(slots) == 1 and p[0] not in longer:
            out[p[0]] = _ALONE  # the pattern is this token and nothing more
            continue
        if len(p) == 2:
            seconds = {p[1]}
        elif len(slots) > 1 and nxt is not None:
            seconds = nxt
        else:
            out[p[0]] = None
            continue
        if p[0] in out:
            known = out[p[0]]
            if not known:  # any follower, or the anchor alone: any follower
                out[p[0]] = None
                continue
            known.update(seconds)
        else:
            out[p[0]] = set(seconds)
    return out


def _compile(pattern: str) -> list[tuple[list[str], str, dict[str, set[str] | None] | None]]:
    """A lexicon pattern -> [(anchor tokens, regex source, followers)], one per optional-start
    variant; followers (see _followers) lets the scan skip a regex that cannot match."""
    slots = pattern.split()
    variants = []
    # a leading optional slot gives two variants: with it (required) and without it
    if slots[0].startswith("(") and slots[0].endswith(")"):
        variants += _compile(" ".join([slots[0][1:-1], *slots[1:]]))
        if len(slots) > 1:
            variants += _compile(" ".join(slots[1:]))
        return variants
    first = slots[0]
    if first in ("*", "...") or first.startswith("!"):
        raise ValueError(f"pattern cannot start with {first!r}: {pattern!r}")
    rx, anchors = _slot(first)
    out = [rx]
    for slot in slots[1:]:
        if slot == "...":
            out.append(_GAP)
        elif slot == "*":
            out.append(_SEP + r"[a-z0-9']+")
        elif slot.startswith("!"):
            alts = []
            for alt in slot[1:].split("/"):
                if alt.startswith("'"):
                    alts.append("'")
                else:
                    alts.append(_SEP + _phrase(_SPLIT_WORDS.split(alt))[0] + r"\b")
            out.append("(?!" + "|".join(alts) + ")")
        elif slot.startswith("(") and slot.endswith(")"):
            out.append("(?:" + _SEP + _slot(slot[1:-1])[0] + ")?")
        else:
            out.append(_SEP + _slot(slot)[0])
    source = "".join(out)
    followers = _followers(slots)
    if followers is not None and set(followers) != set(anchors):
        followers = None
    return [(sorted(set(anchors)), source, followers)]


# Categories of signals, each built from lexicon lists. Order does not matter.
CATEGORIES: dict[str, Iterable[str]] = {
    "you": lex.TARGET_YOU,
    "third": lex.TARGET_THIRD,
    "self": lex.SELF,
    "neutral": lex.NEUTRAL,
    "neg": lex.NEGATORS,
    "neg_present": lex.NEGATORS_PRESENT,
    "neg_subject": lex.NEGATORS_SUBJECT,
    "neg_inverted": lex.NEGATORS_INVERTED,
    "neg_stop": lex.NEGATORS_STOP,
    "neg_fail": lex.FAILURE_VERBS,
    "meta": lex.META_NEGATION,
    "report": lex.REPORTING,
    "peer": lex.PEER_AGENTS,
    "cond": lex.CONDITIONALS,
    "contrast": lex.CONTRASTS,
    "not_contrast": lex.NOT_CONTRASTS,
    "loaded": list(lex.LOADED_VERBS) + list(lex.LOADED_PHRASES),
    "duty_personal": lex.DUTIES_PERSONAL,
    "duty": lex.DUTIES_OTHER,
    "virtue": lex.NEGATED_VIRTUES,
    "adult_duty": lex.ADULT_DUTIES,
    "excuse": lex.EXCUSES,
    "sincere": lex.SINCERE,
    "insinuation": lex.INSINUATION,
    "insinuation_sour": lex.INSINUATION_SOUR,
    "character": lex.CHARACTER,
    "character_own": lex.CHARACTER_OWN,
    "child_charge": lex.CHILD_CHARGES,
    "sarcasm": lex.SARCASM,
    "sarcasm_soft": lex.SARCASM_SOFT,
    "sour": lex.SOUR,
    "threat": lex.THREAT,
    "threat_legal": lex.THREAT_LEGAL,
    "hedge": lex.THREAT_HEDGES,
    "question": lex.QUESTIONS,
    "why": lex.WHY_OPENERS,
    "why_hint": lex.WHY_HINTS,
    "counterfactual": lex.COUNTERFACTUAL,
    "absolute": lex.ABSOLUTES,
    "imperative": lex.IMPERATIVES,
    "passive": lex.PASSIVE,
    "passive_failure": lex.PASSIVE_FAILURE,
    "adult_act": lex.ADULT_ACTS,
    "habit": lex.HABITS,
    "habitual": lex.HABITUAL,
    "legal": lex.LEGAL_CHARGES,
    "law": lex.LAW_CONTEXT,
    "schedule": lex.SCHEDULE,
    "conciliatory": lex.CONCILIATORY,
    "tail": lex.SARCASTIC_TAILS,
    "timeline": lex.TIMELINE,
    # weighed by the model stage only
    "harm": lex.HARM_ACTS,
    "judgement": lex.JUDGEMENTS,
    "motive": lex.MOTIVES,
    "mockery": lex.MOCKERY,
    "veiled_threat": lex.VEILED_THREATS,
    "neutral_report": lex.NEUTRAL_REPORTS,
    "self_report": lex.SELF_REPORTS,
}


class _Entry:
    """The patterns that can start at one token (given the token after it): one regex per
    category, that category's patterns combined; None for a pattern that is the token alone.
    Compiled the first time it is needed, which keeps the import fast."""

    __slots__ = ("sources", "items")

    def __init__(self, sources: list[tuple[str, list[str], bool]]) -> None:
        self.sources = sources
        self.items: list[tuple[str, re.Pattern[str] | None]] | None = None

    def compiled(self) -> list[tuple[str, re.Pattern[str] | None]]:
        items: list[tuple[str, re.Pattern[str] | None]] = []
        for category, alternatives, alone in self.sources:
            if alone:
                items.append((category, None))
                continue
            # longest first, so that the longer phrase wins where two start alike
            alternatives = sorted(alternatives, key=len, reverse=True)
            source = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
            rx = _RX_CACHE.get(source)
            if rx is None:
                rx = _RX_CACHE[source] = re.compile(source)
            items.append((category, rx))
        self.items = items
        return items


_RX_CACHE: dict[str, re.Pattern[str]] = {}


def _build_index() -> tuple[dict[str, _Entry], dict[tuple[str, str], _Entry]]:
    """Two indexes: anchor token -> the patterns that start there whatever follows, and
    (anchor, next token) -> those plus the patterns that need that next token."""
    any_next: dict[str, dict[str, list[str]]] = {}
    alone: dict[str, dict[str, bool]] = {}
    by_next: dict[tuple[str, str], dict[str, list[str]]] = {}
    for category, patterns in CATEGORIES.items():
        for pattern in patterns:
            for anchors, source, followers in _compile(pattern):
                for anchor in anchors:
                    seconds = followers.get(anchor) if followers is not None else None
                    single = seconds is _ALONE
                    if not seconds:
                        per_category = any_next.setdefault(anchor, {}).setdefault(category, [])
                        if source not in per_category:
                            per_category.append(source)
                        flags = alone.setdefault(anchor, {})
                        flags[category] = flags.get(category, True) and single
                    else:
                        for second in seconds:
                            per = by_next.setdefault((anchor, second), {}).setdefault(category, [])
                            if source not in per:
                                per.append(source)
    first: dict[str, _Entry] = {}
    for anchor, by_category in any_next.items():
        first[anchor] = _Entry([(c, alts, alone[anchor][c]) for c, alts in by_category.items()])
    pairs: dict[tuple[str, str], _Entry] = {}
    for (anchor, second), by_category in by_next.items():
        merged = {c: list(a) for c, a in any_next.get(anchor, {}).items()}
        for c, alts in by_category.items():
            merged.setdefault(c, []).extend(a for a in alts if a not in merged.get(c, []))
        pairs[(anchor, second)] = _Entry(
            [(c, alts, c not in by_category and alone[anchor][c]) for c, alts in merged.items()]
        )
    return first, pairs


INDEX, PAIRS = _build_index()
for _cached in (_word, _word_tokens, inflect):
    _cached.cache_clear()  # only needed while building
ANCHORS = frozenset(INDEX) | frozenset(a for a, _s in PAIRS)

AGENT_KINDS = frozenset({"you", "third", "self", "neutral"})
CHARGE_KINDS = frozenset(
    {
        "loaded",
        "duty",
        "virtue",
        "duty_personal",
        "character",
        "character_own",
        "child_charge",
        "passive",
        "passive_failure",
        "counterfactual",
        "sarcasm",
        "sarcasm_soft",
        "insinuation",
        "scare",
        "threat",
        "threat_legal",
        "question",
        "why",
        "habit",
        "legal",
        "neg",
        "tail",
        "timeline",
    }
)
