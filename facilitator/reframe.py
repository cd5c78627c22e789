"""The reframing engine (DESIGN.md section 7): a statement in, cues and neutral reframes out.

Pure functions, no I/O. What the engine knows (words, phrases, templates) lives in
``reframe_lexicon.py``; this module holds only the logic:

1. *Signals.* The statement is lower-cased (keeping every character offset), split into
   word tokens, and each token looks up the lexicon patterns that can start at it, keyed by the
   token and the one after it, so most patterns are ruled out by a dict lookup (the index is
   built at import; each entry's regexes are compiled the first time it is needed). Each match
   is a signal: a target ("you", "the district"), a charge ("refused"), a duty ("return my
   calls"), a negation, sarcasm, a threat, a legal charge, a habit, and so on.
2. *Clauses.* Sentences are split at . ! ? ; and dashes; a contrast ("but") splits further, and
   the part before it loses its weaker blame when the part after it turns conciliatory ("...,
   but the new one has been great").
3. *Decision.* A charge counts when the nearest agent before it in its clause is someone at
   the table (not "I"/"we", not the child, not the object of a verb), and it is not negated,
   hedged ("I'm not saying"), conditional ("if you lose the form") or someone else's report
   ("Mom feels like..."). A verb after "and" with no subject of its own shares the subject the
   clause began with ("the school let other kids film him and did nothing"). "He"/"she" is an
   adult when the clause says so (another child named, or an act only an adult does: "rolled her
   eyes at me", "the whole meeting"). A duty counts as a charge only when negated ("you never
   return", "nobody bothered to call"), but not as a schedule ("won't send it until Friday"), an
   institution's policy ("the district will not be providing...") or a status ("hasn't returned
   the form yet"); "never" (or a negation with "even") fails the subject right before it at
   whatever verb follows, save a few that praise. Habits ("picks him up early") count only with
   an absolute or "again"/"keeps"; legal charges ("in violation of") stand alone unless the
   sentence quotes the law or asks whether. Sarcasm (also quoted stock lines and praise tacked on
   the end), threats, accusing questions, character attacks and time that passed after a
   request ("I asked in January. It's April.") count on their own.
4. *Suggestions.* The subject matter ("your emails", "the speech minutes") is lifted out of
   the statement — a topic noun from the lexicon, else the noun phrase after the charge verb or
   after about/with/for — and put into one template per mediator move (blame to concern, past
   to future, position to interest). Each suggestion is checked: no charge words, never itself
   flagged, short, and it names the student when one is given.
5. *Second stage.* When the rules find nothing, the statement has a target and no charge the
   lexicon knows, a small logistic regression over word stems, stem pairs and rule signals
   (``reframe_weights.tsv``, one readable line per feature with its cue kind) may still flag it,
   above a threshold chosen by cross-validation and only with a charge cue to show.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from facilitator import reframe_lexicon as lex

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

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "accusatory": self.accusatory,
            "cues": [{"kind": c.kind, "text": c.text, "start": c.start, "end": c.end} for c in self.cues],
            "suggestions": list(self.suggestions),
        }


# =============================================================================================
# Compiling the lexicon's mini-language (see the top of reframe_lexicon.py)
# =============================================================================================

_SEP = r"[\s,:\"'*()\[\]]+"  # between two slots of a pattern
_GAP = r"(?:" + _SEP + r"[^\s.!?;\"]+){0,4}?"  # "...": up to four words
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
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
def _inflect(verb: str) -> list[str]:
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
        for form in _inflect(word[1:]):
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
    forms = _inflect(word[1:]) if word.startswith("~") else [word]
    out = []
    for form in forms:
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
    first = []
    for alt in slots[0].split("/"):
        p = _prefixes(_SPLIT_WORDS.split(alt))
        if p is None:
            return None
        first += p
    nxt: set[str] | None = None
    if len(slots) > 1:
        slot = slots[1]
        if slot not in ("*", "...") and not slot.startswith(("!", "(")):
            nxt = set()
            for alt in slot.split("/"):
                p = _prefixes(_SPLIT_WORDS.split(alt))
                if p is None:
                    nxt = None
                    break
                nxt.update(q[0] for q in p)
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
        if p[0] in out and not out[p[0]]:
            out[p[0]] = None
            continue
        out.setdefault(p[0], set()).update(seconds)  # type: ignore[union-attr]
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
_CATEGORIES: dict[str, Iterable[str]] = {
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
        items = []
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
    for category, patterns in _CATEGORIES.items():
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


_INDEX, _PAIRS = _build_index()
for _cached in (_word, _word_tokens, _inflect):
    _cached.cache_clear()  # only needed while building
_ANCHORS = frozenset(_INDEX) | frozenset(a for a, _s in _PAIRS)

_AGENT_KINDS = frozenset({"you", "third", "self", "neutral"})
_CHARGE_KINDS = frozenset(
    {
        "loaded",
        "duty",
        "virtue",
        "duty_personal",
        "character",
        "character_own",
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
_NEEDS_DET = frozenset(lex.NEEDS_DETERMINER)
_OWN_SIDE = frozenset(lex.OWN_SIDE)
_SERVICE_WORDS = frozenset(
    [w for w, family in lex.TOPICS.items() if family == "service" and " " not in w] + lex.SERVICE_WORDS
)
_SERVICE_PASSIVES = re.compile(r"\b(?:" + "|".join(map(re.escape, lex.SERVICE_PASSIVE_VERBS)) + r")\b")
_DETERMINERS = frozenset(lex.DETERMINERS)
_PREPOSITIONS = frozenset(lex.PREPOSITIONS)
_AUX = frozenset(lex.AUXILIARIES)
_PRONOUN_TARGETS = frozenset(lex.PRONOUN_PARTIES)
_CONJUNCTIONS = frozenset(lex.CONJUNCTIONS)
_SUBJECT_PRONOUNS = frozenset(lex.SUBJECT_PRONOUNS)
_SUBJECT_FOLLOWERS = frozenset(lex.SUBJECT_FOLLOWERS)
_QUESTION_LEAD_INS = frozenset(lex.QUESTION_LEAD_INS)
_IMPERATIVE_LEAD_INS = frozenset(lex.IMPERATIVE_LEAD_INS)
_HE_SHE = {"he": "he", "he's": "he", "she": "she", "she's": "she"}
_CHILD_OTHER = {
    k: re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(v, key=len, reverse=True))) + r")\b")
    for k, v in lex.CHILD_OTHER_THAN.items()
}
_GAP_WORDS = frozenset(lex.NEGATION_GAP_WORDS)
_SCARE_WORDS = frozenset(lex.SCARE_WORDS)
_QUOTE_INTRO = frozenset(lex.QUOTE_INTRODUCERS)
_QUOTE_SPEECH = frozenset(lex.QUOTE_SPEECH_WORDS)
_NEUTRAL_BETWEEN = frozenset(lex.CHILD_SUBJECTS)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_WORD = re.compile(r"\b(?:" + _MONTHS + r")\b")
_IT_IS_MONTH = re.compile(
    r"(?:^|[.!?;]\s+)((?:and\s+|now\s+|but\s+|yet\s+)?it'?s\s+(?:now\s+|already\s+)?("
    + _MONTHS
    + r")(?:\s+now)?)\s*(?:[.!?]|$)"
)
_ASKED_IN_MONTH = re.compile(
    r"\b(?:asked|requested|emailed|called|wrote|promised|told|submitted|sent|signed|filed|applied|consented|"
    r"agreed|been asking|been waiting)\b[^.!?]{0,80}?\b(?:in|since|by|back in|on|before)\s+("
    + _MONTHS
    + r")\b"
)
_FAILURE_KINDS = frozenset(["neg", "neg_fail", "neg_present", "neg_stop", "neg_subject", "neg_inverted"])
_COORDINATORS = frozenset(["and", "then", "&", "or"])
_COORD_SKIP = frozenset(lex.COORDINATION_ADVERBS)
_NEVER = frozenset(lex.NEVER_WORDS)
_NEVER_OK = frozenset(lex.NEVER_OK_VERBS)
_NEVER_OK_PAIRS = tuple(lex.NEVER_OK_PHRASES)
_INSTITUTIONS = frozenset(lex.INSTITUTIONS)
_SOUR_KINDS = frozenset(
    [
        "neg",
        "neg_subject",
        "absolute",
        "sour",
        "loaded",
        "passive",
        "passive_failure",
        "habit",
        "insinuation_sour",
        "neg_fail",
    ]
)
_FUTURE_NEGATION = re.compile(r"\b(?:won'?t|will not|will no longer|can'?t|cannot)(?:\s+be)?$")
_PERFECT_NEGATION = re.compile(r"\b(?:hasn'?t|haven'?t|has not|have not)$")
_OBJECT_DETERMINERS = frozenset(
    ["the", "my", "our", "your", "his", "her", "their", "a", "an", "this", "that"]
)
_NOT_VERBS = frozenset(lex.NOT_VERBS_ED)
_IRREGULAR_PAST = frozenset(lex.TRANSITIVE_PAST)
_SMALL_CLAUSE = frozenset(lex.SMALL_CLAUSE_VERBS)
# A short quotation that the other side keeps saying ("we're working on it" has been the answer)
_QUOTED = re.compile(r"\"([^\"\n]{1,60})\"")
_STOCK_BEFORE = re.compile(
    r"(?:\b(?:keeps?|kept|been|always|just|still)\s+(?:saying|telling(?:\s+(?:us|me))?|says?|said|tells?|told)|"
    r"\banswer (?:i|we) (?:get|got|hear) is|\ball (?:i|we) (?:get|hear|got|heard) is|"
    r"\b(?:response|answer|excuse|reply) (?:is|was)(?: always)?|"
    r"\b(?:every|each) (?:year|time|meeting|month|week|semester)(?: it'?s| it is| the answer is| they say| you say)|"
    r"\bit'?s always|\bbeing told|\b(?:call|calls|called|calling) (?:it|that|this))[\s,:]*$"
)
_STOCK_AFTER = re.compile(
    r"^[\s,.]*(?:has|have|had|is|was)\s+(?:been\s+)?(?:the|their|your|its|all)\s+"
    r"(?:answer|response|line|excuse|story|refrain|reply)|^[\s,.]*is all (?:we|i) (?:ever )?(?:hear|get)"
)

_QUOTE_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
# (the leading lookaheads let the regex skip, at C speed, every position that cannot start one)
_BOUNDARY = re.compile(
    r"(?=[.!?;\n])(?:(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bvs)(?<!\bmx)[.!?;]+(?=[\s\"')\]]|$)|\n+|[!?]+)"
)
_CLAUSE_BREAK = re.compile(r"(?=[\u2014\u2013:()-])(?:[\u2014\u2013]|(?<=\s)-{1,2}\s|:\s|\(|\))")
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mx|Miss|Coach|Principal|Nurse)\.?\s+[A-Z][\w'-]*")
_SCARE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013/-]))([\"'])([^\"'\n]{1,40}?)\1(?=[\s.,!?;:)\]\u2014\u2013-]|$)"
)
_BARE_NEGATIONS = frozenset(lex.BARE_NEGATIONS)
_PHRASE_BREAK = re.compile(r"[,;:]")


def _is_negation(word: str) -> bool:
    return word.endswith("n't") or word in _BARE_NEGATIONS


def _lower(text: str) -> str:
    """Lower case with curly quotes straightened, keeping every offset."""
    norm = text.translate(_QUOTE_MAP)
    low = norm.lower()
    if len(low) != len(norm):  # a few characters grow when lower-cased (e.g. "İ")
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
    return low


# =============================================================================================
# Signals and decision
# =============================================================================================


class _Hit:
    __slots__ = ("cat", "start", "end", "ti", "tj", "flag")

    def __init__(self, cat: str, start: int, end: int, ti: int, tj: int) -> None:
        self.cat = cat
        self.start = start
        self.end = end
        self.ti = ti  # index of the first token
        self.tj = tj  # index of the last token
        self.flag = ""


@dataclass
class _Finding:
    """One counted reason, with the cues that explain it."""

    clause: int
    cues: list[tuple[str, int, int]]  # (kind, start, end)


class _Scan:
    """All signals of one statement, grouped by clause, and the findings drawn from them."""

    def __init__(self, text: str, student: str | None) -> None:
        self.text = text
        self.low = low = _lower(text)
        self.tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(low)]
        self.tok_starts = [t[0] for t in self.tokens]
        self.student = student.lower().split()[0] if student and student.split() else None
        self.hits: list[_Hit] = []
        self.findings: list[_Finding] = []
        self._collect()
        if not any(h.cat in _CHARGE_KINDS for h in self.hits) and not _MONTH_WORD.search(low):
            return  # nothing that could charge anyone: no need to look further
        self._clauses()
        self._decide()

    # -- collecting ----------------------------------------------------------------------
    def _tok_index(self, pos: int) -> int:
        return max(0, bisect_right(self.tok_starts, pos) - 1)

    def _collect(self) -> None:
        low, hits, tokens = self.low, self.hits, self.tokens
        anchors, pairs, first = _ANCHORS, _PAIRS, _INDEX
        tok_index = self._tok_index
        last = len(tokens) - 1
        words = [t[2] for t in tokens]
        if self.student:
            hits.extend(
                _Hit("neutral", tokens[i][0], tokens[i][1], i, i)
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
                        hits.append(_Hit(category, start, start + len(key), i, i))
                        continue
                    m = rx.match(low, start)
                    if m is not None:
                        end = m.end()
                        if end > start:
                            hits.append(
                                _Hit(category, start, end, i, i if end <= _end else tok_index(end - 1))
                            )
        if "." in self.text or " " in self.text:
            for m in _TITLE.finditer(self.text):
                i = self._tok_index(m.start())
                hits.append(_Hit("third", m.start(), m.end(), i, self._tok_index(m.end() - 1)))
        if '"' in low or "'" in low:
            self._scare_quotes()
        hits.sort(key=lambda h: (h.start, -h.end))

    def _scare_quotes(self) -> None:
        low = self.low
        for m in _QUOTED.finditer(low):
            # the other side's stock line: "they keep saying "next month"", ""soon" has been the answer"
            if _STOCK_BEFORE.search(low, max(0, m.start() - 40), m.start()) or _STOCK_AFTER.search(
                low[m.end() : m.end() + 40]
            ):
                i = self._tok_index(m.start() + 1)
                self.hits.append(_Hit("scare", m.start(), m.end(), i, self._tok_index(m.end() - 2)))
        for m in _SCARE.finditer(low):
            inner = m.group(2).strip()
            words = inner.split()
            if not words or len(words) > 4:
                continue
            if not any(w.strip(".,!?") in _SCARE_WORDS for w in words) and inner not in _SCARE_WORDS:
                continue
            if any(w in _QUOTE_SPEECH for w in words):
                continue
            before = low[: m.start()].split()
            if before and before[-1].strip(",:") in _QUOTE_INTRO:
                continue
            i = self._tok_index(m.start() + 1)
            hit = _Hit("scare", m.start(), m.end(), i, self._tok_index(m.end() - 2))
            self.hits.append(hit)

    # -- clauses -------------------------------------------------------------------------
    def _clauses(self) -> None:
        low = self.low
        sentence_cuts = {0}
        for m in _BOUNDARY.finditer(low):
            sentence_cuts.add(m.end())
        clause_cuts = set(sentence_cuts)
        for m in _CLAUSE_BREAK.finditer(low):
            clause_cuts.add(m.end())
        not_contrast = [(h.start, h.end) for h in self.hits if h.cat == "not_contrast"]
        contrast_cuts = set()
        for h in self.hits:
            if h.cat == "contrast" and not any(s <= h.start < e for s, e in not_contrast):
                if h.start > 0:
                    clause_cuts.add(h.start)
                    contrast_cuts.add(h.start)
        self.sentence_starts = sorted(sentence_cuts)
        self.clause_starts = sorted(clause_cuts)
        n = len(self.clause_starts)
        self.clause_hits: list[list[_Hit]] = [[] for _ in range(n)]
        for h in self.hits:
            self.clause_hits[self.clause_of(h.start)].append(h)
        # the clause before a contrast is discounted when the clause after it says something
        self.discounted = [False] * n
        for k in range(n - 1):
            cut = self.clause_starts[k + 1]
            if cut in contrast_cuts and self.sentence_of(cut - 1) == self.sentence_of(cut):
                end = self.clause_starts[k + 2] if k + 2 < n else len(low)
                if len(_TOKEN.findall(low, cut, end)) >= 4 and any(
                    x.cat == "conciliatory" for x in self.clause_hits[k + 1]
                ):
                    self.discounted[k] = True  # "..., but the new one has been great"

    def is_party(self, start: int, end: int) -> bool:
        """Does a third party acting as a subject sit at start..end ("the aide never came")?"""
        for h in self.hits:
            if h.cat == "third" and h.start < end and start < h.end:
                nxt = self.tokens[h.tj + 1][2] if h.tj + 1 < len(self.tokens) else ""
                if nxt in _AUX or nxt in _SUBJECT_FOLLOWERS or _is_negation(nxt):
                    return True
        return False

    def speaker_acts(self) -> bool:
        """Does the speaker act in the statement ("every email I send")?"""
        return any(h.cat == "self" for h in self.hits)

    def clause_of(self, pos: int) -> int:
        return bisect_right(self.clause_starts, pos) - 1

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def clause_end(self, k: int) -> int:
        return self.clause_starts[k + 1] if k + 1 < len(self.clause_starts) else len(self.low)

    # -- agents --------------------------------------------------------------------------
    def _agent_kind(self, h: _Hit, clause: list[_Hit]) -> str | None:
        """you / third / self / neutral, or None when the word is not acting here."""
        word = self.low[h.start : h.end]
        prev = self.tokens[h.ti - 1][2] if h.ti > 0 else ""
        if prev and not self.low[self.tokens[h.ti - 1][1] : h.start].isspace():
            prev = ""  # "before school, you're ...": a comma between, so "school" is no determiner
        if prev in _PREPOSITIONS and not (prev in _CONJUNCTIONS and word in _SUBJECT_PRONOUNS):
            return None  # "for you", "at the school"; but "after you lost it" has a subject
        if h.cat == "you" and prev == "thank":
            return None
        if h.cat == "neutral" and word in _HE_SHE:
            pronoun = _HE_SHE[word]
            k = self.clause_of(h.start)
            segment = self.low[self.clause_starts[k] : self.clause_end(k)]
            if _CHILD_OTHER[pronoun].search(segment):
                return "third"
            if any(a.cat == "adult_act" and a.start > h.start for a in clause):
                return "third"  # "She rolled her eyes at me": only an adult does that here
            return "neutral"
        if h.cat == "third" and word in _NEEDS_DET and prev not in _DETERMINERS:
            return None
        if h.cat in ("you", "third") and self._is_object(h):
            return None  # "the parents recorded my teachers": "my teachers" is acted on
        if h.cat == "third" and word in _OWN_SIDE and prev in ("our", "my"):
            return "self"  # "our team dropped the field trip": the speaker's own side
        if prev in _DETERMINERS and h.ti > 1 and self.tokens[h.ti - 2][2] in _PREPOSITIONS:
            return None  # "nobody on your staff": "staff" belongs to "on your staff"
        if h.cat == "neutral" and self.low.startswith("'s", h.end):
            return None  # "the student's needs": an owner, not someone acting
        if h.cat == "neutral" and word in ("it", "this", "that"):
            # "it" acts only as a subject ("it was late"), not as an object ("scheduled it")
            nxt = self.tokens[h.tj + 1][2] if h.tj + 1 < len(self.tokens) else ""
            if self.tokens[h.ti][2] == word and nxt not in _AUX:
                return None
        if h.cat in ("you", "third"):
            # "I don't want to be the parent who...": a role the speaker takes, not a target
            before = [t[2] for t in self.tokens[max(0, h.ti - 2) : h.ti]]
            if word.startswith(("the ", "a ")):
                before = before[-1:]
            elif before and before[-1] in ("the", "a"):
                before = before[:-1]
            else:
                before = []
            if before and before[-1] in ("be", "being", "am", "become", "i'm", "im"):
                return None
        return h.cat

    def _is_object(self, h: _Hit) -> bool:
        """A party right after a verb and its determiner ("recorded my teachers", "told the aide")."""
        if h.ti < 2:
            return False
        det, verb = self.tokens[h.ti - 1], self.tokens[h.ti - 2]
        if det[2] not in _OBJECT_DETERMINERS or self.low[h.start : h.end].startswith(det[2] + " "):
            return False
        if not (self.low[verb[1] : det[0]].isspace() and self.low[det[1] : h.start].isspace()):
            return False
        v = verb[2]
        if v in _SMALL_CLAUSE:
            return False  # "watched the district spend": the district still acts
        return (v.endswith("ed") and len(v) > 4 and v not in _NOT_VERBS) or v in _IRREGULAR_PAST

    def _agents(self, k: int) -> list[tuple[_Hit, str, bool]]:
        """The clause's agents in order: (hit, kind, conditional)."""
        out = []
        clause = self.clause_hits[k]
        conds = [h for h in clause if h.cat == "cond"]
        for h in clause:
            if h.cat not in _AGENT_KINDS:
                continue
            kind = self._agent_kind(h, clause)
            if kind is None:
                continue
            conditional = any(c.tj < h.ti and h.ti - c.tj <= 3 for c in conds)
            out.append((h, kind, conditional))
        return out

    def _bind(self, k: int, pos: int, agents: list[tuple[_Hit, str, bool]]) -> tuple[_Hit, str] | None:
        """The target a charge at pos falls on: the nearest agent before it in the clause."""
        best = None
        for h, kind, conditional in agents:
            if h.start > pos:
                break
            if h.end <= pos or h.start == pos:
                best = (h, kind, conditional)
        if best is None or best[1] not in ("you", "third"):
            subject = self._coordinated_subject(k, pos, agents)
            if subject is not None:
                return subject
        if best is None:
            for h in self.clause_hits[k]:
                if h.cat == "imperative" and h.start <= pos and self._starts_clause(h, k):
                    return (h, "you")
            return None
        h, kind, conditional = best
        if kind in ("you", "third") and not conditional:
            return (h, kind)
        return None

    def _coordinated_subject(self, k: int, pos: int, agents) -> tuple[_Hit, str] | None:
        """ "The school let other kids film him and did nothing": after "and" with no subject of
        its own, a verb shares the subject the clause began with."""
        i = self._tok_index(pos)
        if self.tokens[i][2] not in _COORDINATORS:  # the charge may itself start "and then ..."
            i -= 1
        while i >= 0 and self.tokens[i][2] in _COORD_SKIP:
            i -= 1
        if i < 0 or self.tokens[i][2] not in _COORDINATORS or self.tokens[i][0] < self.clause_starts[k]:
            return None
        conj = self.tokens[i][0]
        if any(conj <= h.start < pos for h, _kind, _c in agents):
            return None
        first = next(((h, kind, c) for h, kind, c in agents if h.start < conj), None)
        if first is None or first[1] not in ("you", "third") or first[2]:
            return None
        return (first[0], first[1])

    def _starts_clause(self, h: _Hit, k: int) -> bool:
        before = self.low[self.clause_starts[k] : h.start]
        return not _TOKEN.search(before) or before.strip(" ,\"'").lower() in _IMPERATIVE_LEAD_INS

    # -- negation ------------------------------------------------------------------------
    def _agent_between(self, agents: list[tuple[_Hit, str, bool]], a: int, b: int) -> bool:
        """An agent between a and b, other than a possessive right before b ("not your fault")."""
        for h, _kind, _c in agents:
            if a <= h.start < b:
                word = self.low[h.start : h.end]
                possessive = word in ("your", "their", "his", "her") or self.low.startswith("'s", h.end)
                if not (possessive and b - h.end <= 3):
                    return True
        return False

    def _negated(self, h: _Hit, k: int, agents: list[tuple[_Hit, str, bool]]) -> bool:
        """Is a charge cancelled by a negation, a meta-hedge or someone else's report?"""
        for n in self.clause_hits[k]:
            if n.start >= h.start:
                break
            if n.cat in ("neg", "neg_present") and n.end <= h.start:
                gap = [self.tokens[i][2] for i in range(n.tj + 1, h.ti)]
                if (
                    len(gap) <= 3
                    and all(w in _GAP_WORDS or w.endswith("ly") for w in gap)
                    and not self._agent_between(agents, n.end, h.start)
                ):
                    return True
            elif n.cat == "neg_subject" and n.end <= h.start:
                if h.ti - n.tj - 1 <= 6 and not self._agent_between(agents, n.end, h.start):
                    return True
            elif n.cat == "neg_inverted":
                return True
        return self._hedged(h, k)

    def _hedged(self, h: _Hit, k: int) -> bool:
        for n in self.clause_hits[k]:
            if n.start >= h.start:
                break
            if n.cat == "meta":
                return True
            if n.cat == "report" and n.end <= h.start:
                stop = self._report_scope_end(n, k)
                if h.start < stop:
                    return True
        return False

    def _report_scope_end(self, r: _Hit, k: int) -> int:
        end = self.clause_end(k)
        low = self.low
        candidates = [low.find(",", r.end, end), low.find(" and ", r.end, end), low.find(" so ", r.end, end)]
        found = [c for c in candidates if c >= 0]
        return min(found) if found else end

    def _failure(self, d: _Hit, k: int, agents: list[tuple[_Hit, str, bool]]) -> _Hit | None:
        """The negation that turns a duty into a failure ("never return", "nobody called")."""
        tokens = self.tokens
        for n in reversed(self.clause_hits[k]):
            if n.start >= d.start or n.end > d.start or n.cat not in _FAILURE_KINDS:
                continue
            gap = [tokens[i][2] for i in range(n.tj + 1, d.ti)]
            if n.cat in ("neg", "neg_fail", "neg_present"):
                if len(gap) <= 4 and all(w in _GAP_WORDS for w in gap):
                    # the whole negation: "does not" rather than its "not"
                    for m in self.clause_hits[k]:
                        if m.end == n.end and m.start < n.start and m.cat in ("neg", "neg_present"):
                            return m
                    return n
            elif n.cat == "neg_stop":
                if (
                    len(gap) <= 1
                    and all(w in _GAP_WORDS for w in gap)
                    and self.low[d.start : d.end].split()[0].endswith("ing")
                ):
                    return n
            elif n.cat == "neg_subject":
                if (
                    len(gap) <= 7
                    and not _PHRASE_BREAK.search(self.low, n.end, d.start)
                    and not self._agent_between([a for a in agents if a[0].start >= n.end], n.end, d.start)
                ):
                    return n
            elif n.cat == "neg_inverted":
                if len(gap) <= 10:
                    return n
        return None

    # -- decision ------------------------------------------------------------------------
    def _decide(self) -> None:
        if _MONTH_WORD.search(self.low):
            self._time_passed()
        for k, clause in enumerate(self.clause_hits):
            if not clause:
                continue
            agents = self._agents(k)
            discounted = self.discounted[k]
            for h in clause:
                cat = h.cat
                if cat == "loaded":
                    self._loaded(h, k, agents, discounted)
                elif cat in ("duty", "duty_personal", "virtue"):
                    self._duty(h, k, agents, discounted)
                elif cat == "character":
                    self._character(h, k, agents)
                elif cat == "character_own":
                    if not self._hedged(h, k) and not self._neg_before(h, k, 2):
                        self._add(k, ("character", h.start, h.end))
                elif cat in ("passive", "passive_failure"):
                    self._passive(h, k, discounted)
                elif cat == "counterfactual":
                    if not self._hedged(h, k) and not discounted:
                        kind = (
                            "blame-you"
                            if re.search(r"\b(?:you|u|y'?all)\b", self.low[h.start : h.end])
                            else "blame-third"
                        )
                        self._add(k, (kind, h.start, h.end))
                elif cat in ("sarcasm", "scare"):
                    if not self._hedged(h, k):
                        self._add(k, ("sarcasm", h.start, h.end))
                elif cat == "sarcasm_soft":
                    self._soft_sarcasm(h, k, ("sour",), with_charges=True)
                elif cat == "insinuation":
                    self._soft_sarcasm(h, k, ("insinuation_sour",), with_charges=False)
                elif cat == "threat":
                    if not self._neg_before(h, k, 0) and not self._hedged(h, k):
                        self._add(k, ("threat", h.start, h.end))
                elif cat == "threat_legal":
                    self._legal_threat(h, k)
                elif cat == "question":
                    if not self._hedged(h, k):
                        self._add(k, ("accusing-question", h.start, h.end))
                elif cat == "why":
                    self._why(h, k, agents)
                elif cat == "habit":
                    if any(x.cat in ("absolute", "habitual") for x in clause):
                        self._loaded(h, k, agents, discounted)
                elif cat == "legal":
                    self._legal(h, k, discounted)
                elif cat == "neg":
                    self._never(h, k, agents, discounted)
                elif cat == "tail":
                    self._tail(h, k)
                elif cat == "timeline":
                    if not self._hedged(h, k) and not discounted:
                        self._add(k, ("blame-third", h.start, h.end))

    def _time_passed(self) -> None:
        """ "I asked for the restraint reports in January. It's April." """
        low = self.low
        for m in _IT_IS_MONTH.finditer(low):
            before = low[: m.start(1)]
            asked = _ASKED_IN_MONTH.search(before)
            if asked and asked.group(1) != m.group(2):
                self._add(self.clause_of(m.start(1)), ("blame-third", m.start(1), m.end(1)))
                return

    def _add(self, k: int, *cues: tuple[str, int, int]) -> None:
        self.findings.append(_Finding(k, list(cues)))

    def _neg_before(self, h: _Hit, k: int, window: int) -> bool:
        return any(
            n.cat in ("neg", "neg_present")
            and n.end <= h.start
            and h.ti - n.tj - 1 <= window
            and not _PHRASE_BREAK.search(self.low, n.end, h.start)
            for n in self.clause_hits[k]
        )

    def _blame_cue(self, target: _Hit, kind: str, start: int, end: int) -> tuple[str, int, int]:
        cue_kind = "blame-you" if kind == "you" else "blame-third"
        if target.start <= start and end - target.start <= 100:
            return (cue_kind, target.start, end)
        return (cue_kind, target.start, target.end)

    def _loaded(self, h: _Hit, k: int, agents, discounted: bool) -> None:
        if discounted or self._negated(h, k, agents) or self._excused(h, k):
            return
        if (
            h.ti > 0
            and self.tokens[h.ti][2].endswith("ed")
            and self.tokens[h.ti - 1][2] in _OBJECT_DETERMINERS
        ):
            return  # "the missed sessions": a participle used as an adjective
        bound = self._bind(k, h.start, agents)
        if bound is None:
            return
        target, kind = bound
        self._add(k, self._blame_cue(target, kind, h.start, h.end), ("loaded-verb", h.start, h.end))

    def _duty(self, h: _Hit, k: int, agents, discounted: bool) -> None:
        if discounted and h.cat != "virtue":
            return
        n = self._failure(h, k, agents)
        if n is None or self._hedged(n, k) or self._excused(h, k):
            return
        bound = self._bind(k, h.start, agents) or self._adult_he_she(h, k, agents)
        if bound is None:
            return
        target, kind = bound
        if n.cat == "neg_present" and h.cat == "duty" and kind != "you":
            return  # "the district doesn't provide summer transport" states a policy
        if _FUTURE_NEGATION.search(self.low, self.clause_starts[k], n.end):
            if any(x.cat == "schedule" and x.start > h.start for x in self.clause_hits[k]):
                return  # "they won't send it until Friday": a schedule
            if h.cat == "duty" and self.low[target.start : target.end] in _INSTITUTIONS:
                return  # "the district will not be providing ESY transport": a policy
        if _PERFECT_NEGATION.search(self.low, self.clause_starts[k], n.end) and kind != "you":
            rest = self.low[h.end : self.clause_end(k)]
            if re.search(r"\byet\b", rest) and not re.search(
                r"\b(?:still|even|ever)\b", self.low[self.clause_starts[k] : h.end]
            ):
                return  # "the family hasn't returned the form yet": where things stand
        start = min(n.start, h.start)
        if h.cat == "virtue":
            cue_kind = "blame-you" if kind == "you" else "blame-third"
            self._add(k, (cue_kind, target.start, target.end), ("character", start, h.end))
        else:
            self._add(k, self._blame_cue(target, kind, start, h.end))

    def _excused(self, h: _Hit, k: int) -> bool:
        return any(x.cat == "excuse" and x.start > h.start for x in self.clause_hits[k])

    def _adult_he_she(self, h: _Hit, k: int, agents) -> tuple[_Hit, str] | None:
        """ "I emailed the case manager and she never answered": "she" is the case manager."""
        if not any(x.cat == "adult_duty" and x.start == h.start for x in self.clause_hits[k]):
            return None
        nearest = None
        for a, kind, _c in agents:
            if a.start < h.start:
                nearest = (a, kind)
        if nearest is None or self.low[nearest[0].start : nearest[0].end] not in _HE_SHE:
            return None
        sentence = self.sentence_of(h.start)
        for a in self.hits:
            if a.start >= nearest[0].start:
                break
            if a.cat == "third" and self.sentence_of(a.start) == sentence:
                word = self.low[a.start : a.end]
                if word not in _PRONOUN_TARGETS:
                    return (nearest[0], "third")
        return None

    def _character(self, h: _Hit, k: int, agents) -> None:
        if self._negated(h, k, agents):
            return
        bound = self._bind(k, h.start, agents)
        if bound is None:
            return
        target, kind = bound
        cue_kind = "blame-you" if kind == "you" else "blame-third"
        self._add(k, (cue_kind, target.start, target.end), ("character", h.start, h.end))

    def _passive(self, h: _Hit, k: int, discounted: bool) -> None:
        if discounted or self._hedged(h, k) or self._excused(h, k):
            return
        low = self.low
        for p in self.clause_hits[k]:
            if p.cat == "peer" and 0 <= p.start - h.end <= 30:
                return
        if h.cat == "passive" and _SERVICE_PASSIVES.search(low, h.start, h.end):
            before = [self.tokens[i][2] for i in range(max(0, h.ti - 6), h.ti)]
            if not any(w in _SERVICE_WORDS for w in before):
                return
        if h.cat == "passive":
            if any(
                n.cat in ("neg", "neg_present") and n.end <= h.start and h.ti - n.tj - 1 <= 1
                for n in self.clause_hits[k]
            ):
                return
        else:
            phrase = low[h.start : h.end]
            strong = "never" in phrase or "once" in phrase or "even" in phrase
            if not strong:
                end = self.clause_end(k)
                if re.search(r"\byet\b", low[h.end : end]):
                    return
                before = low[max(0, h.start - 12) : h.start].split()
                if before and before[-1] in ("i", "we", "i'm", "we're"):
                    return
        self._add(k, ("blame-third", h.start, h.end))

    def _soft_sarcasm(self, h: _Hit, k: int, sour: tuple[str, ...], with_charges: bool) -> None:
        """Praise or "funny," that turns sour later in the sentence."""
        sentence = self.sentence_of(h.start)
        if any(x.cat == "sincere" and self.sentence_of(x.start) == sentence for x in self.hits):
            return
        for s in self.hits:
            if s.start < h.end or self.sentence_of(s.start) != sentence:
                continue
            charge = (
                with_charges and s.cat == "loaded" and not self._neg_before(s, self.clause_of(s.start), 2)
            )
            if s.cat in sour or charge:
                between = [self.tokens[i][2] for i in range(h.tj + 1, s.ti)]
                if any(w in _NEUTRAL_BETWEEN or w == self.student for w in between):
                    return
                end = s.end if s.end - h.start <= 80 else h.end
                self._add(k, ("sarcasm", h.start, end))
                return

    def _never(self, n: _Hit, k: int, agents, discounted: bool) -> None:
        """ "Y'all ... never looked back", "you didn't even ask": a target right before "never" (or a
        negation with "even") fails at whatever verb follows, save a few that praise."""
        if discounted:
            return
        word = self.low[n.start : n.end]
        tokens = self.tokens
        i = n.tj + 1
        if word not in _NEVER:
            if not (i < len(tokens) and tokens[i][2] == "even" and _is_negation(word.split()[-1])):
                return
        while i < len(tokens) and tokens[i][2] in _GAP_WORDS and tokens[i][2] not in ("to", "the", "at"):
            i += 1
        if i >= len(tokens) or self._tok_index(self.clause_end(k) - 1) < i:
            return
        verb = tokens[i][2]
        if verb in _NEVER_OK or not verb.isalpha() or _PHRASE_BREAK.search(self.low, n.end, tokens[i][0]):
            return
        pair = verb + " " + (tokens[i + 1][2] if i + 1 < len(tokens) else "")
        if pair.startswith(_NEVER_OK_PAIRS):
            return
        bound = self._bind(k, n.start, agents)
        if bound is None:
            return
        j = n.ti - 1
        while j >= 0 and self.tokens[j][2] in _COORD_SKIP:
            j -= 1
        coordinated = j >= 0 and self.tokens[j][2] in _COORDINATORS
        if n.ti - bound[0].tj > 4 and not coordinated:
            return  # the target is the subject right before: "you never", "the district has never"
        if self._hedged(n, k) or any(
            x.cat in ("cond", "report") and x.end <= n.start for x in self.clause_hits[k]
        ):
            return
        target, kind = bound
        if verb.endswith("s") and self.low[target.start : target.end] in _INSTITUTIONS:
            return  # "the district never charges families for evaluations": a policy
        self._add(k, self._blame_cue(target, kind, n.start, tokens[i][1]))

    def _tail(self, h: _Hit, k: int) -> None:
        """ "...without even meeting him, cool": praise tacked on the end of a complaint."""
        sentence = self.sentence_of(h.start)
        end = (
            self.sentence_starts[sentence + 1] if sentence + 1 < len(self.sentence_starts) else len(self.low)
        )
        if _TOKEN.search(self.low, h.end, end):
            return  # not the end of the sentence
        before = self.low[self.sentence_starts[sentence] : h.start].rstrip()
        if not before.endswith((",", ";", ":", "-", "—", "–", "...")):
            return
        if any(
            x.cat in _SOUR_KINDS and self.sentence_of(x.start) == sentence and x.end <= h.start
            for x in self.hits
        ) or re.search(r"\bwithout\b", before):
            self._add(k, ("sarcasm", h.start, h.end))

    def _legal(self, h: _Hit, k: int, discounted: bool) -> None:
        """A legal charge with its agent unsaid, unless the sentence quotes the law or asks whether."""
        if discounted or self._neg_before(h, k, 3) or self._hedged(h, k):
            return
        sentence = self.sentence_of(h.start)
        if any(x.cat in ("law", "cond") and self.sentence_of(x.start) == sentence for x in self.hits):
            return
        self._add(k, ("blame-third", h.start, h.end))

    def _legal_threat(self, h: _Hit, k: int) -> None:
        sentence = self.sentence_of(h.start)
        for n in self.hits:
            if n.cat == "hedge" and self.sentence_of(n.start) == sentence:
                return
        if self._neg_before(h, k, 3) or self._hedged(h, k):
            return
        self._add(k, ("threat", h.start, h.end))

    def _why(self, h: _Hit, k: int, agents) -> None:
        low = self.low
        before = low[self.clause_starts[k] : h.start]
        words = _TOKEN.findall(before)
        if len(words) > 2 or any(w not in _QUESTION_LEAD_INS for w in words):
            return
        end = self.clause_end(k)
        rest = [t for t in self.tokens if h.end <= t[0] < end]
        if not rest:
            return
        if rest[0][2] == "not":
            return
        skip_first_neg = rest[0][2] in ("don't", "dont", "doesn't", "doesnt", "do", "does")
        targets = [a for a in agents if a[0].start >= h.end and a[1] in ("you", "third")]
        if not targets:
            return
        hint = None
        for t_i, (_s, e, w) in enumerate(rest):
            if _is_negation(w) and not (skip_first_neg and t_i <= 1):
                hint = e
                break
        for x in self.clause_hits[k]:
            if x.start >= h.end and x.cat in ("why_hint", "loaded", "absolute"):
                hint = x.end if hint is None else min(hint, x.end)
                break
        if hint is None:
            return
        cue_end = max(hint, targets[0][0].end)
        if cue_end - h.start > 80:
            cue_end = targets[0][0].end
        self._add(k, ("accusing-question", h.start, cue_end))


# =============================================================================================
# Second stage: a small linear model over readable features (reframe_weights.tsv)
# =============================================================================================
#
# The rules above are precise but only know the wording they were written for. When they find
# nothing, and the statement has a target (you, a party, "nobody", a passive with a hidden
# agent) but no charge the lexicon knows, a linear model scores it: one weight per word stem, per pair of neighbouring stems and
# per rule signal ("@loaded": a charge verb the rules saw but did not count). Each weight sits in
# reframe_weights.tsv with the cue kind its span gets when it helps a statement over the
# threshold, so a mediator can read (and edit) why the model fired. It fires only above the
# threshold, and only with a target and at least one charge cue (REFRAMING.md: target + charge).
# tests/reframe_train.py trains it, chooses the threshold by cross-validation and writes the file.

_WEIGHTS_FILE = "reframe_weights.tsv"
_MODEL_TARGETS = frozenset(["you", "third", "neg_subject", "passive", "passive_failure"])
_CHARGE_CUES = frozenset(["loaded-verb", "character", "sarcasm", "threat", "accusing-question"])
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    """A crude, stable stem: "ignored", "ignores", "ignoring" -> "ignor" (memoised, bounded)."""
    stem = _STEMS.get(word)
    if stem is not None:
        return stem
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


def model_features(scan: _Scan) -> dict[str, tuple[int, int]]:
    """Every feature of a statement -> the span of its first occurrence: stems, pairs of
    neighbouring stems ("you ignor") and rule signals ("@loaded")."""
    feats: dict[str, tuple[int, int]] = {}
    prev, prev_start = "", -1
    for start, end, word in scan.tokens:
        stem = _stem(word)
        if stem not in feats:
            feats[stem] = (start, end)
        if prev_start >= 0:
            pair = prev + " " + stem
            if pair not in feats:
                feats[pair] = (prev_start, end)
        prev, prev_start = stem, start
    for h in scan.hits:
        name = "@" + h.cat
        if name not in feats:
            feats[name] = (h.start, h.end)
    return feats


class _Model:
    """The weights, the bias, the threshold and each feature's cue kind, as read from the TSV."""

    def __init__(self, text: str) -> None:
        self.weights: dict[str, float] = {}
        self.kinds: dict[str, str] = {}
        self.bias = 0.0
        self.threshold = float("inf")
        for line in text.splitlines():
            if not line.strip():
                continue
            if line.startswith("#"):
                key, _sep, value = line[1:].strip().partition("\t")
                if key in ("bias", "threshold"):
                    setattr(self, key, float(value))
                continue
            feature, weight, kind = line.split("\t")
            self.weights[feature] = float(weight)
            self.kinds[feature] = kind

    def score(self, feats: Iterable[str]) -> float:
        """The log-odds that the statement is accusatory."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in feats)


def _load_model() -> _Model | None:
    from pathlib import Path

    path = Path(__file__).with_name(_WEIGHTS_FILE)
    try:
        return _Model(path.read_text(encoding="utf-8"))
    except OSError:
        return None


_MODEL = _load_model()


# Charges the lexicon knows: when one of these is in the statement and the rules still found no
# accusation, they weighed it (negated, hedged, the child as the subject) and the model defers.
_RULE_CHARGES = frozenset(
    [
        "loaded",
        "character",
        "character_own",
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
        "legal",
        "tail",
    ]
)


def _model_may_ask(scan: _Scan) -> bool:
    """A target and no charge the rules already weighed: where the model is asked."""
    target = False
    for h in scan.hits:
        if h.cat in _RULE_CHARGES:
            return False
        if h.cat in _MODEL_TARGETS:
            target = True
    return target


def _model_cues(scan: _Scan, model: _Model | None = None) -> list[tuple[str, int, int]]:
    """The second stage: cues when the model fires on a statement the rules let pass, else []."""
    model = model or _MODEL
    if model is None or not _model_may_ask(scan):
        return []
    feats = model_features(scan)
    if model.score(feats) < model.threshold:
        return []
    weights, kinds = model.weights, model.kinds
    helping = sorted(
        (f for f in feats if weights.get(f, 0.0) > 0 and kinds.get(f, "-") != "-"),
        key=lambda f: -weights[f],
    )
    spans: list[tuple[str, int, int]] = []
    for f in helping:
        if kinds[f] in _CHARGE_CUES and len(spans) < 2:
            start, end = feats[f]
            if not any(s < end and start < e for _k, s, e in spans):  # "show" inside "show up"
                spans.append((kinds[f], start, end))
    if not spans:
        return []  # a target but no charge to show: stay quiet
    spans += [(kinds[f], *feats[f]) for f in helping if kinds[f] == "absolute"][:1]
    # the target: the strongest target feature, else the first target the rules saw
    target = next((f for f in helping if kinds[f] in ("blame-you", "blame-third")), None)
    if target is not None:
        spans.append((kinds[target], *feats[target]))
    else:
        h = next(h for h in scan.hits if h.cat in _MODEL_TARGETS)
        spans.append(("blame-you" if h.cat == "you" else "blame-third", h.start, h.end))
    return spans


# =============================================================================================
# Suggestions
# =============================================================================================


def _topic_regex() -> re.Pattern[str]:
    heads = sorted(lex.TOPICS, key=len, reverse=True)
    mods = sorted(lex.TOPIC_MODIFIERS, key=len, reverse=True)
    det = r"(?P<det>the|my|our|his|her|their|your|this|that|these|those|every|each|any|all|an|a|another|two|three|four|five|six|seven|eight|nine|ten|[a-z]+'s|[a-z]+s')\s+"
    mod = r"(?P<mods>(?:(?:" + "|".join(re.escape(m) for m in mods) + r")\s+){0,2})"
    head = r"(?P<head>" + "|".join(re.escape(h) for h in heads) + r")"
    return re.compile(r"\b(?:" + det + r")?" + mod + head + r"\b(?!['-])")


_TOPIC = _topic_regex()
_TOPIC_STARTS = frozenset(
    w.split()[0].split("-")[0]
    for w in [*lex.TOPICS, *lex.TOPIC_MODIFIERS, "the", "my", "our", "his", "her", "their", "your", "this"]
    + ["that", "these", "those", "every", "each", "any", "all", "an", "a", "another", "two", "three", "four"]
    + ["five", "six", "seven", "eight", "nine", "ten"]
)
_BARE_OK = frozenset(lex.BARE_TOPICS)
_PLURAL_DETS = frozenset(
    ["every", "each", "any", "all", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
_NEEDS_CONTEXT = frozenset(lex.TOPICS_NEEDING_CONTEXT)
_CHILD_NOUNS = frozenset(lex.CHILD_NOUNS)
_TOPIC_OWNERS = frozenset(lex.TOPIC_OWNERS)
_CHILD_POSSESSIVES = frozenset(lex.CHILD_POSSESSIVES)
_PAST_MODS = frozenset(lex.PAST_MODIFIERS)
_PAST_HEADS = frozenset(lex.PAST_SENSITIVE_HEADS)
_TOPIC_PREPS = frozenset(lex.TOPIC_PREPOSITIONS)
_TOPIC_STOP = frozenset(lex.TOPIC_STOPWORDS) | frozenset(
    w for p in lex.TARGET_YOU + lex.TARGET_THIRD for w in p.split()
)
_NP_ENDERS = frozenset(lex.TOPIC_PHRASE_ENDERS) | frozenset(lex.PREPOSITIONS) | _AUX | frozenset(lex.NEGATORS)
_NP_DETERMINERS = frozenset(
    [
        "the",
        "my",
        "our",
        "his",
        "her",
        "their",
        "your",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "any",
        "all",
        "a",
        "an",
    ]
)
_CHILD_WORDS = re.compile(r"\b(?:my|our) (?:" + "|".join(map(re.escape, lex.CHILD_NOUNS)) + r")\b")


def _word_in(word: str, text: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(word) + r"(?![\w'])", text, re.IGNORECASE) is not None


def _topic_matches(scan: _Scan) -> Iterable[re.Match[str]]:
    """_TOPIC.finditer, tried only where a determiner, a modifier or a topic word starts."""
    low, after = scan.low, 0
    for start, end, word in scan.tokens:
        if start < after:
            continue
        if not (word in _TOPIC_STARTS or word.endswith("'s") or low.startswith("'", end)):
            continue
        m = _TOPIC.match(low, start)
        if m is not None:
            after = m.end()
            yield m


def _topic(scan: _Scan, blocked: list[tuple[int, int]], student: str | None) -> tuple[str, str] | None:
    """The subject matter, as the mediator would say it back: ("your emails", "contact")."""
    low = scan.low
    for m in _topic_matches(scan):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        det = m.group("det")
        mods = m.group("mods").split()
        head = m.group("head")
        if det is None and not mods and head in _NEEDS_CONTEXT:
            continue
        if head in _PAST_HEADS and any(w in _PAST_MODS for w in mods):
            continue
        if scan.is_party(m.start(), m.end()):
            continue  # "the OT never shows up": the OT is a person here, not the subject matter
        family = lex.TOPICS[head]
        if det in _PLURAL_DETS:
            head = lex.TOPIC_PLURALS.get(head) or _pluralize(head)
            det = "my" if scan.speaker_acts() else None
        if det and det.endswith(("'s", "s'")):
            owner = det[:-2] if det.endswith("'s") else det[:-1]
            back = low[: m.start()].split()
            if owner in _CHILD_NOUNS:
                # "our son's accommodations"
                if not back or back[-1] not in ("my", "our", "his", "her", "their"):
                    continue
                det_out = (
                    (student + "'s") if student else "your " + ("child" if owner == "kid" else owner) + "'s"
                )
            elif student and owner == student.lower():
                det_out = student + "'s"
            else:
                det_out = "the"  # "the district's data", "last year's goals": the data, the goals
        elif det in _CHILD_POSSESSIVES:
            det_out = (student + "'s") if student else det
        elif det is None:
            if head in _BARE_OK and not mods:
                det_out = ""
            else:
                det_out = "the"
        else:
            det_out = lex.PRONOUN_SWAP.get(det, "the")
        words = [lex.ACRONYMS.get(w, w) for w in mods + head.split()]
        phrase = " ".join(words)
        topic = (det_out + " " + phrase).strip()
        return topic, family
    return None


def _child_phrase(low: str, student: str | None) -> str | None:
    if student:
        return student
    m = _CHILD_WORDS.search(low)
    if m:
        return lex.CHILD_SWAP.get(m.group(0), "your child")
    if re.search(r"\bhim\b", low):
        return "him"
    return None


def _pluralize(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _phrase_topic(scan: _Scan, cues: list[Cue], student: str | None) -> tuple[str, str] | None:
    """No topic from the lexicon: the noun phrase after the charge ("disregarded the parents'
    input" -> "the input") or after "about" / "asked for", kept short and free of people,
    time, pronouns and charge words."""
    low, tokens = scan.low, scan.tokens
    charge = {
        w for c in cues if c.kind in ("loaded-verb", "character") for w in _TOKEN.findall(c.text.lower())
    }
    starts: list[int] = []
    for c in cues:
        if c.kind == "loaded-verb":
            i = scan._tok_index(c.start)
            starts.append(tokens[i][1])  # right after the verb: its object
    for _s, e, w in tokens:
        if w in _TOPIC_PREPS:
            starts.append(e)
    for c in cues:
        if c.kind in ("blame-you", "blame-third") and c.end - c.start < 60:
            starts.append(c.end)  # after "you never return": "my calls"
    for p in starts:
        i = bisect_right(scan.tok_starts, p - 1)
        if i >= len(tokens) or low[p : tokens[i][0]].strip():
            continue
        det, owner = None, None
        w = tokens[i][2]
        if w in _NP_DETERMINERS:
            det, i = w, i + 1
        elif w.endswith("'s") or (w.endswith("s") and low.startswith("'", tokens[i][1])):
            owner, i = (w[:-2] if w.endswith("'s") else w), i + 1
        else:
            continue  # a bare word after a verb is too often not a noun ("hiding behind policy")
        words: list[str] = []
        while i < len(tokens) and len(words) < 3:
            s0, e0, w = tokens[i]
            if words and low[tokens[i - 1][1] : s0] != " ":
                break
            if (
                w in _TOPIC_STOP
                or w in charge
                or not w.isalpha()
                or w.endswith(("ly", "ed"))
                or w == scan.student
            ):
                break
            words.append(w)
            i += 1
        if not words or len(words[-1]) < 3:
            continue
        if i < len(tokens) and low[tokens[i - 1][1] : tokens[i][0]] == " " and tokens[i][2] not in _NP_ENDERS:
            continue  # it stopped at a word that may belong to it ("the front office staff")
        if i < len(tokens) and low.startswith("'s", tokens[i - 1][1]):
            continue  # "the district's ..." is an owner, not the topic
        if owner is not None:
            if owner in _CHILD_NOUNS or owner in ("his", "her"):
                det_out = (student + "'s") if student else "the"
            else:
                det_out = "the"
        elif det in ("every", "each", "any", "all"):
            words[-1] = _pluralize(words[-1])
            det_out = "your" if scan.speaker_acts() else "the"
        elif det in _CHILD_POSSESSIVES:
            det_out = (student + "'s") if student else det
        else:
            det_out = lex.PRONOUN_SWAP.get(det or "", "the") if det not in ("a", "an") else "the"
        phrase = " ".join(lex.ACRONYMS.get(x, x) for x in words)
        return det_out + " " + phrase, "other"
    return None


def _suggestions(scan: _Scan, cues: list[Cue], student: str | None) -> tuple[str, ...]:
    # a topic may sit inside a sarcastic or loaded span ("great job losing his behavior plan"),
    # but not inside quoted words or a trait, and never be the charge itself
    blocked = [
        (c.start, c.end)
        for c in cues
        if c.kind == "character" or (c.kind == "sarcasm" and c.text[:1] in "\"'")
    ]
    for c in cues:
        if c.kind == "loaded-verb":
            i = scan._tok_index(c.start)
            blocked.append((c.start, scan.tokens[i][1]))
    charge_words = {scan.low[c.start : c.end] for c in cues if c.kind in ("loaded-verb", "character")}
    found = _topic(scan, blocked, student) or _phrase_topic(scan, cues, student)
    child = _child_phrase(scan.low, student)
    out: list[str] = []
    for move in lex.MOVES:
        families = [found[1], "none"] if found else ["none"]
        for family in families:
            template = lex.SUGGESTIONS[move][family]
            topic = found[0] if found and family != "none" else ""
            names_child = bool(student) and student.lower() in topic.lower()
            sentence = _fill(template, topic, None if names_child else child)
            check = _fill(
                template,
                topic.replace(student, "Sam") if student else topic,
                None if names_child else ("Sam" if student else child),
            )
            if _acceptable(check, charge_words) and sentence not in out:
                out.append(sentence)
                break
    return tuple(out)


def _fill(template: str, topic: str, child: str | None) -> str:
    sentence = template.format(
        topic=topic,
        for_child=f" for {child}" if child else "",
        about_child=f" about {child}" if child else "",
        child=child or "",
    )
    sentence = " ".join(sentence.split())
    return sentence[:1].upper() + sentence[1:]


_QUIET: dict[str, bool] = {}  # suggestion -> the engine finds nothing in it (bounded memo)


def _acceptable(sentence: str, charge_words: set[str]) -> bool:
    if not sentence.endswith((".", "?")) or len(sentence.split()) > 25:
        return False
    if any(_word_in(w, sentence) for w in charge_words if w.strip()):
        return False
    quiet = _QUIET.get(sentence)
    if quiet is None:
        if len(_QUIET) > 4096:
            _QUIET.clear()
        scan = _Scan(sentence, None)
        quiet = _QUIET[sentence] = not scan.findings and not _model_cues(scan)
    return quiet


# =============================================================================================
# Public API
# =============================================================================================


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
    import facilitator.reframe_lexicon as lexicon

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
    scan = _Scan(text, student)
    if not scan.findings:
        found = _model_cues(scan)
        if not found:
            return Analysis(text, False, (), ())
        return _flagged(scan, set(found), student)
    spans: set[tuple[str, int, int]] = set()
    clauses = set()
    for f in scan.findings:
        clauses.add(f.clause)
        spans.update(f.cues)
    for k in clauses:
        for h in scan.clause_hits[k]:
            if h.cat == "absolute":
                spans.add(("absolute", h.start, h.end))
    return _flagged(scan, spans, student)


def _flagged(scan: _Scan, spans: set[tuple[str, int, int]], student: str | None) -> Analysis:
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
    return Analysis(text, True, cues, _suggestions(scan, list(cues), student))


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
