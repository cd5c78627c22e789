"""The word sets and small regexes that the scan and the rules share, drawn from the lexicon."""

from __future__ import annotations

import re

from facilitator.reframe import lexicon as lex

NEEDS_DET = frozenset(lex.NEEDS_DETERMINER)
OWN_SIDE = frozenset(lex.OWN_SIDE)
SERVICE_WORDS = frozenset(
    [w for w, family in lex.TOPICS.items() if family == "service" and " " not in w] + lex.SERVICE_WORDS
)
SERVICE_PASSIVES = re.compile(r"\b(?:" + "|".join(map(re.escape, lex.SERVICE_PASSIVE_VERBS)) + r")\b")
DETERMINERS = frozenset(lex.DETERMINERS)
PREPOSITIONS = frozenset(lex.PREPOSITIONS)
AUX = frozenset(lex.AUXILIARIES)
PRONOUN_TARGETS = frozenset(lex.PRONOUN_PARTIES)
CONJUNCTIONS = frozenset(lex.CONJUNCTIONS)
SUBJECT_PRONOUNS = frozenset(lex.SUBJECT_PRONOUNS)
SUBJECT_FOLLOWERS = frozenset(lex.SUBJECT_FOLLOWERS)
QUESTION_LEAD_INS = frozenset(lex.QUESTION_LEAD_INS)
IMPERATIVE_LEAD_INS = frozenset(lex.IMPERATIVE_LEAD_INS)
HE_SHE = {"he": "he", "he's": "he", "she": "she", "she's": "she"}
CHILD_OTHER = {
    k: re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(v, key=len, reverse=True))) + r")\b")
    for k, v in lex.CHILD_OTHER_THAN.items()
}
GAP_WORDS = frozenset(lex.NEGATION_GAP_WORDS)
SCARE_WORDS = frozenset(lex.SCARE_WORDS)
QUOTE_INTRO = frozenset(lex.QUOTE_INTRODUCERS)
QUOTE_SPEECH = frozenset(lex.QUOTE_SPEECH_WORDS)
NEUTRAL_BETWEEN = frozenset(lex.CHILD_SUBJECTS)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_WORD = re.compile(r"\b(?:" + MONTHS + r")\b")
IT_IS_MONTH = re.compile(
    r"(?:^|[.!?;]\s+)((?:and\s+|now\s+|but\s+|yet\s+)?it'?s\s+(?:now\s+|already\s+)?("
    + MONTHS
    + r")(?:\s+now)?)\s*(?:[.!?]|$)"
)
ASKED_IN_MONTH = re.compile(
    r"\b(?:asked|requested|emailed|called|wrote|promised|told|submitted|sent|signed|filed|applied|consented|"
    r"agreed|been asking|been waiting)\b[^.!?]{0,80}?\b(?:in|since|by|back in|on|before)\s+("
    + MONTHS
    + r")\b"
)
FAILURE_KINDS = frozenset(["neg", "neg_fail", "neg_present", "neg_stop", "neg_subject", "neg_inverted"])
COORDINATORS = frozenset(["and", "then", "&", "or"])
COORD_SKIP = frozenset(lex.COORDINATION_ADVERBS)
NEVER = frozenset(lex.NEVER_WORDS)
NEVER_OK = frozenset(lex.NEVER_OK_VERBS)
NEVER_OK_PAIRS = tuple(lex.NEVER_OK_PHRASES)
INSTITUTIONS = frozenset(lex.INSTITUTIONS)
SOUR_KINDS = frozenset(
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
FUTURE_NEGATION = re.compile(r"\b(?:won'?t|will not|will no longer|can'?t|cannot)(?:\s+be)?$")
PERFECT_NEGATION = re.compile(r"\b(?:hasn'?t|haven'?t|has not|have not)$")
OBJECT_DETERMINERS = frozenset(["the", "my", "our", "your", "his", "her", "their", "a", "an", "this", "that"])
NOT_VERBS = frozenset(lex.NOT_VERBS_ED)
IRREGULAR_PAST = frozenset(lex.TRANSITIVE_PAST)
SMALL_CLAUSE = frozenset(lex.SMALL_CLAUSE_VERBS)
# A short quotation that the other side keeps saying ("we're working on it" has been the answer)
QUOTED = re.compile(r"\"([^\"\n]{1,60})\"")
STOCK_BEFORE = re.compile(
    r"(?:\b(?:keeps?|kept|been|always|just|still)\s+(?:saying|telling(?:\s+(?:us|me))?|says?|said|tells?|told)|"
    r"\banswer (?:i|we) (?:get|got|hear) is|\ball (?:i|we) (?:get|hear|got|heard) is|"
    r"\b(?:response|answer|excuse|reply) (?:is|was)(?: always)?|"
    r"\b(?:every|each) (?:year|time|meeting|month|week|semester)(?: it'?s| it is| the answer is| they say| you say)|"
    r"\bit'?s always|\bbeing told|\b(?:call|calls|called|calling) (?:it|that|this))[\s,:]*$"
)
STOCK_AFTER = re.compile(
    r"^[\s,.]*(?:has|have|had|is|was)\s+(?:been\s+)?(?:the|their|your|its|all)\s+"
    r"(?:answer|response|line|excuse|story|refrain|reply)|^[\s,.]*is all (?:we|i) (?:ever )?(?:hear|get)"
)

QUOTE_MAP = str.maketrans(
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
BOUNDARY = re.compile(
    r"(?=[.!?;\n])(?:(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)(?<!\bvs)(?<!\bmx)[.!?;]+(?=[\s\"')\]]|$)|\n+|[!?]+)"
)
CLAUSE_BREAK = re.compile(r"(?=[\u2014\u2013:()-])(?:[\u2014\u2013]|(?<=\s)-{1,2}\s|:\s|\(|\))")
TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mx|Miss|Coach|Principal|Nurse)\.?\s+[A-Z][\w'-]*")
SCARE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013/-]))([\"'])([^\"'\n]{1,40}?)\1(?=[\s.,!?;:)\]\u2014\u2013-]|$)"
)
BARE_NEGATIONS = frozenset(lex.BARE_NEGATIONS)
PHRASE_BREAK = re.compile(r"[,;:]")


def is_negation(word: str) -> bool:
    return word.endswith("n't") or word in BARE_NEGATIONS


def lower(text: str) -> str:
    """Lower case with curly quotes straightened, keeping every offset."""
    norm = text.translate(QUOTE_MAP)
    low = norm.lower()
    if len(low) != len(norm):  # a few characters grow when lower-cased (e.g. "İ")
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
    return low


# A span of time stated flatly, as a finding states it ("from March to May", "for six weeks").
FINDING_SPAN = re.compile(
    r"\b(?:from \w+ (?:to|through|until) \w+|between \w+ and \w+|during the \w+"
    r"|for (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several) (?:days|weeks|months|sessions))\b"
)
OWNERS = frozenset(["my", "his", "her", "our", "their", "your"])
