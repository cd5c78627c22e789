"""The rules: which signals count as an accusation, one small function per signal category.

``RULES`` maps a signal category (``lexicon.py``) to the rule that weighs it. Every rule has
the same shape: the scan, the signal, its clause, the clause's agents, and whether the clause
is discounted by a conciliatory "but" after it. A rule that finds an accusation records a
``Finding`` with the cues that explain it. To handle a new kind of signal, add its lexicon
list, its category in ``patterns.py`` and one rule here.

In short: a charge counts when it binds to someone at the table and is not negated, hedged,
conditional or someone else's report; a duty counts only when negated ("you never return my
calls"), but not as a schedule, a policy or a status; habits need an absolute or "again";
sarcasm, threats, accusing questions and character attacks count on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from facilitator.reframe.clauses import Agent, Finding, Scan
from facilitator.reframe.patterns import CHARGE_KINDS, TOKEN
from facilitator.reframe.signals import Hit
from facilitator.reframe.words import (
    ASKED_IN_MONTH,
    COORD_SKIP,
    COORDINATORS,
    FINDING_SPAN,
    FUTURE_NEGATION,
    GAP_WORDS,
    HE_SHE,
    INSTITUTIONS,
    IT_IS_MONTH,
    MONTH_WORD,
    NEUTRAL_BETWEEN,
    NEVER,
    NEVER_OK,
    NEVER_OK_PAIRS,
    OBJECT_DETERMINERS,
    OWNERS,
    PERFECT_NEGATION,
    PHRASE_BREAK,
    PRONOUN_TARGETS,
    QUESTION_LEAD_INS,
    SERVICE_PASSIVES,
    SERVICE_WORDS,
    SOUR_KINDS,
    is_negation,
)

Rule = Callable[[Scan, Hit, int, list[Agent], bool], None]


def decide(scan: Scan) -> list[Finding]:
    """Every accusation the rules find in the statement, with its cues."""
    if not any(h.cat in CHARGE_KINDS for h in scan.hits) and not MONTH_WORD.search(scan.low):
        return scan.findings  # nothing that could charge anyone
    if MONTH_WORD.search(scan.low):
        _time_passed(scan)
    for k, clause in enumerate(scan.clause_hits):
        if not clause:
            continue
        agents = scan.agents(k)
        discounted = scan.discounted[k]
        for h in clause:
            rule = RULES.get(h.cat)
            if rule is not None:
                rule(scan, h, k, agents, discounted)
    return scan.findings


def _time_passed(scan: Scan) -> None:
    """ "I asked for the restraint reports in January. It's April." """
    low = scan.low
    for m in IT_IS_MONTH.finditer(low):
        before = low[: m.start(1)]
        asked = ASKED_IN_MONTH.search(before)
        if asked and asked.group(1) != m.group(2):
            _add(scan, scan.clause_of(m.start(1)), ("blame-third", m.start(1), m.end(1)))
            return


def _add(scan: Scan, k: int, *cues: tuple[str, int, int]) -> None:
    scan.findings.append(Finding(k, list(cues)))


def _neg_before(scan: Scan, h: Hit, k: int, window: int) -> bool:
    return any(
        n.cat in ("neg", "neg_present")
        and n.end <= h.start
        and h.ti - n.tj - 1 <= window
        and not PHRASE_BREAK.search(scan.low, n.end, h.start)
        for n in scan.clause_hits[k]
    )


def _blame_cue(scan: Scan, target: Hit, kind: str, start: int, end: int) -> tuple[str, int, int]:
    cue_kind = "blame-you" if kind == "you" else "blame-third"
    if target.start <= start and end - target.start <= 100:
        return (cue_kind, target.start, end)
    return (cue_kind, target.start, target.end)


def _loaded(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if discounted or scan.negated(h, k, agents) or _excused(scan, h, k):
        return
    if h.ti > 0 and scan.tokens[h.ti][2].endswith("ed") and scan.tokens[h.ti - 1][2] in OBJECT_DETERMINERS:
        return  # "the missed sessions": a participle used as an adjective
    bound = scan.bind(k, h.start, agents)
    if bound is None:
        return
    target, kind = bound
    _add(scan, k, _blame_cue(scan, target, kind, h.start, h.end), ("loaded-verb", h.start, h.end))


def _duty(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if discounted and h.cat != "virtue":
        return
    n = scan.failure(h, k, agents)
    if n is None or scan.hedged(n, k) or _excused(scan, h, k):
        return
    bound = scan.bind(k, h.start, agents) or _adult_he_she(scan, h, k, agents)
    if bound is None:
        return
    target, kind = bound
    if n.cat == "neg_present" and h.cat == "duty" and kind != "you":
        return  # "the district doesn't provide summer transport" states a policy
    if FUTURE_NEGATION.search(scan.low, scan.clause_starts[k], n.end):
        if any(x.cat == "schedule" and x.start > h.start for x in scan.clause_hits[k]):
            return  # "they won't send it until Friday": a schedule
        if h.cat == "duty" and scan.low[target.start : target.end] in INSTITUTIONS:
            return  # "the district will not be providing ESY transport": a policy
    if PERFECT_NEGATION.search(scan.low, scan.clause_starts[k], n.end) and kind != "you":
        rest = scan.low[h.end : scan.clause_end(k)]
        if re.search(r"\byet\b", rest) and not re.search(
            r"\b(?:still|even|ever)\b", scan.low[scan.clause_starts[k] : h.end]
        ):
            return  # "the family hasn't returned the form yet": where things stand
    start = min(n.start, h.start)
    if h.cat == "virtue":
        cue_kind = "blame-you" if kind == "you" else "blame-third"
        _add(scan, k, (cue_kind, target.start, target.end), ("character", start, h.end))
    else:
        _add(scan, k, _blame_cue(scan, target, kind, start, h.end))


def _excused(scan: Scan, h: Hit, k: int) -> bool:
    return any(x.cat == "excuse" and x.start > h.start for x in scan.clause_hits[k])


def _adult_he_she(scan: Scan, h: Hit, k: int, agents: list[Agent]) -> tuple[Hit, str] | None:
    """ "I emailed the case manager and she never answered": "she" is the case manager."""
    if not any(x.cat == "adult_duty" and x.start == h.start for x in scan.clause_hits[k]):
        return None
    nearest = None
    for a, kind, _c in agents:
        if a.start < h.start:
            nearest = (a, kind)
    if nearest is None or scan.low[nearest[0].start : nearest[0].end] not in HE_SHE:
        return None
    sentence = scan.sentence_of(h.start)
    for a in scan.hits:
        if a.start >= nearest[0].start:
            break
        if a.cat == "third" and scan.sentence_of(a.start) == sentence:
            word = scan.low[a.start : a.end]
            if word not in PRONOUN_TARGETS:
                return (nearest[0], "third")
    return None


def _character(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if scan.negated(h, k, agents) or scan.hedged(h, k):
        return
    bound = scan.bind(k, h.start, agents) or (_child(scan, h, agents) if h.cat == "child_charge" else None)
    if bound is None:
        return
    target, kind = bound
    cue_kind = "blame-you" if kind == "you" else "blame-third"
    _add(scan, k, (cue_kind, target.start, target.end), ("character", h.start, h.end))


def _child(scan: Scan, h: Hit, agents: list[Agent]) -> tuple[Hit, str] | None:
    """ "He is just lazy", "Leo is manipulating his mother": the child as the one charged."""
    nearest = None
    for a, kind, conditional in agents:
        if a.start < h.start:
            nearest = None if conditional else (a, kind)
    if nearest is None or nearest[1] != "neutral" or scan.low[nearest[0].start : nearest[0].end] in _THINGS:
        return None
    return (nearest[0], "third")


_THINGS = frozenset(["it", "this", "that", "the bus"])


def _passive(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if discounted or scan.hedged(h, k) or _excused(scan, h, k):
        return
    low = scan.low
    for p in scan.clause_hits[k]:
        if p.cat == "peer" and 0 <= p.start - h.end <= 30:
            return
    if h.cat == "passive" and SERVICE_PASSIVES.search(low, h.start, h.end):
        before = [scan.tokens[i][2] for i in range(max(0, h.ti - 6), h.ti)]
        if not any(w in SERVICE_WORDS for w in before):
            return
    if h.cat == "passive":
        if any(
            n.cat in ("neg", "neg_present") and n.end <= h.start and h.ti - n.tj - 1 <= 1
            for n in scan.clause_hits[k]
        ):
            return
    else:
        phrase = low[h.start : h.end]
        strong = "never" in phrase or "once" in phrase or "even" in phrase
        if not strong:
            end = scan.clause_end(k)
            if re.search(r"\byet\b", low[h.end : end]):
                return
            before = low[max(0, h.start - 12) : h.start].split()
            if before and before[-1] in ("i", "we", "i'm", "we're"):
                return
            if _finding(scan, h, k):
                return
    _add(scan, k, ("blame-third", h.start, h.end))


def _finding(scan: Scan, h: Hit, k: int) -> bool:
    """ "Services were not provided from March to May": a gap stated flatly, as a finding
    does, about services that are nobody's in particular (not "his services"), with no
    absolute or other charge in the clause (REFRAMING.md: real neutral text)."""
    start = scan.clause_starts[k]
    subject = [scan.tokens[i][2] for i in range(scan.tok_index(start), h.ti) if scan.tokens[i][0] >= start]
    if not subject or any(w in OWNERS or w.endswith("'s") for w in subject):
        return False
    if not any(w in SERVICE_WORDS for w in subject):
        return False
    if any(x.cat in ("absolute", "habitual", "loaded", "sarcasm") for x in scan.clause_hits[k]):
        return False
    return FINDING_SPAN.search(scan.low, h.end, scan.clause_end(k)) is not None


def _soft_sarcasm(scan: Scan, h: Hit, k: int, sour: tuple[str, ...], with_charges: bool) -> None:
    """Praise or "funny," that turns sour later in the sentence."""
    sentence = scan.sentence_of(h.start)
    if any(x.cat == "sincere" and scan.sentence_of(x.start) == sentence for x in scan.hits):
        return
    for s in scan.hits:
        if s.start < h.end or scan.sentence_of(s.start) != sentence:
            continue
        charge = with_charges and s.cat == "loaded" and not _neg_before(scan, s, scan.clause_of(s.start), 2)
        if s.cat in sour or charge:
            between = [scan.tokens[i][2] for i in range(h.tj + 1, s.ti)]
            if any(w in NEUTRAL_BETWEEN or w == scan.student for w in between):
                return
            end = s.end if s.end - h.start <= 80 else h.end
            _add(scan, k, ("sarcasm", h.start, end))
            return


def _never(scan: Scan, n: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    """ "Y'all ... never looked back", "you didn't even ask": a target right before "never" (or a
    negation with "even") fails at whatever verb follows, save a few that praise."""
    if discounted:
        return
    word = scan.low[n.start : n.end]
    tokens = scan.tokens
    i = n.tj + 1
    if word not in NEVER:
        if not (i < len(tokens) and tokens[i][2] == "even" and is_negation(word.split()[-1])):
            return
    while i < len(tokens) and tokens[i][2] in GAP_WORDS and tokens[i][2] not in ("to", "the", "at"):
        i += 1
    if i >= len(tokens) or scan.tok_index(scan.clause_end(k) - 1) < i:
        return
    verb = tokens[i][2]
    if verb in NEVER_OK or not verb.isalpha() or PHRASE_BREAK.search(scan.low, n.end, tokens[i][0]):
        return
    pair = verb + " " + (tokens[i + 1][2] if i + 1 < len(tokens) else "")
    if pair.startswith(NEVER_OK_PAIRS):
        return
    bound = scan.bind(k, n.start, agents)
    if bound is None:
        return
    j = n.ti - 1
    while j >= 0 and scan.tokens[j][2] in COORD_SKIP:
        j -= 1
    coordinated = j >= 0 and scan.tokens[j][2] in COORDINATORS
    if n.ti - bound[0].tj > 4 and not coordinated:
        return  # the target is the subject right before: "you never", "the district has never"
    if scan.hedged(n, k) or any(
        x.cat in ("cond", "report") and x.end <= n.start for x in scan.clause_hits[k]
    ):
        return
    target, kind = bound
    if verb.endswith("s") and scan.low[target.start : target.end] in INSTITUTIONS:
        return  # "the district never charges families for evaluations": a policy
    _add(scan, k, _blame_cue(scan, target, kind, n.start, tokens[i][1]))


def _tail(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    """ "...without even meeting him, cool": praise tacked on the end of a complaint."""
    sentence = scan.sentence_of(h.start)
    end = scan.sentence_starts[sentence + 1] if sentence + 1 < len(scan.sentence_starts) else len(scan.low)
    if TOKEN.search(scan.low, h.end, end):
        return  # not the end of the sentence
    before = scan.low[scan.sentence_starts[sentence] : h.start].rstrip()
    if not before.endswith((",", ";", ":", "-", "—", "–", "...")):
        return
    if any(
        x.cat in SOUR_KINDS and scan.sentence_of(x.start) == sentence and x.end <= h.start for x in scan.hits
    ) or re.search(r"\bwithout\b", before):
        _add(scan, k, ("sarcasm", h.start, h.end))


def _legal(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    """A legal charge with its agent unsaid, unless the sentence quotes the law or asks whether."""
    if discounted or _neg_before(scan, h, k, 3) or scan.hedged(h, k):
        return
    sentence = scan.sentence_of(h.start)
    if any(x.cat in ("law", "cond") and scan.sentence_of(x.start) == sentence for x in scan.hits):
        return
    _add(scan, k, ("blame-third", h.start, h.end))


def _legal_threat(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    sentence = scan.sentence_of(h.start)
    for n in scan.hits:
        if n.cat == "hedge" and scan.sentence_of(n.start) == sentence:
            return
    if _neg_before(scan, h, k, 3) or scan.hedged(h, k):
        return
    _add(scan, k, ("threat", h.start, h.end))


def _why(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    low = scan.low
    before = low[scan.clause_starts[k] : h.start]
    words = TOKEN.findall(before)
    if len(words) > 2 or any(w not in QUESTION_LEAD_INS for w in words):
        return
    end = scan.clause_end(k)
    rest = [t for t in scan.tokens if h.end <= t[0] < end]
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
        if is_negation(w) and not (skip_first_neg and t_i <= 1):
            hint = e
            break
    for x in scan.clause_hits[k]:
        if x.start >= h.end and x.cat in ("why_hint", "loaded", "absolute"):
            hint = x.end if hint is None else min(hint, x.end)
            break
    if hint is None:
        return
    cue_end = max(hint, targets[0][0].end)
    if cue_end - h.start > 80:
        cue_end = targets[0][0].end
    _add(scan, k, ("accusing-question", h.start, cue_end))


def _character_own(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    """A trait that names its own target ("what a joke of a team")."""
    if not scan.hedged(h, k) and not _neg_before(scan, h, k, 2):
        _add(scan, k, ("character", h.start, h.end))


def _counterfactual(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    """ "If you had done your job ..." """
    if not scan.hedged(h, k) and not discounted:
        you = re.search(r"\b(?:you|u|y'?all)\b", scan.low[h.start : h.end])
        _add(scan, k, ("blame-you" if you else "blame-third", h.start, h.end))


def _sarcasm(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if not scan.hedged(h, k):
        _add(scan, k, ("sarcasm", h.start, h.end))


def _sarcasm_soft(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    _soft_sarcasm(scan, h, k, ("sour",), with_charges=True)


def _insinuation(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    _soft_sarcasm(scan, h, k, ("insinuation_sour",), with_charges=False)


def _threat(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if not _neg_before(scan, h, k, 0) and not scan.hedged(h, k):
        _add(scan, k, ("threat", h.start, h.end))


def _question(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if not scan.hedged(h, k):
        _add(scan, k, ("accusing-question", h.start, h.end))


def _habit(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    """ "Picks him up early" counts only as a pattern: with an absolute or "again"/"keeps"."""
    if any(x.cat in ("absolute", "habitual") for x in scan.clause_hits[k]):
        _loaded(scan, h, k, agents, discounted)


def _timeline(scan: Scan, h: Hit, k: int, agents: list[Agent], discounted: bool) -> None:
    if not scan.hedged(h, k) and not discounted:
        _add(scan, k, ("blame-third", h.start, h.end))


RULES: dict[str, Rule] = {
    "loaded": _loaded,
    "duty": _duty,
    "duty_personal": _duty,
    "virtue": _duty,
    "character": _character,
    "child_charge": _character,
    "character_own": _character_own,
    "passive": _passive,
    "passive_failure": _passive,
    "counterfactual": _counterfactual,
    "sarcasm": _sarcasm,
    "scare": _sarcasm,
    "sarcasm_soft": _sarcasm_soft,
    "insinuation": _insinuation,
    "threat": _threat,
    "threat_legal": _legal_threat,
    "question": _question,
    "why": _why,
    "habit": _habit,
    "legal": _legal,
    "neg": _never,
    "tail": _tail,
    "timeline": _timeline,
}
