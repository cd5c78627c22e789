"""Clauses and who does what to whom: the light analysis the rules stand on.

Sentences are split at . ! ? ; and dashes; a contrast ("but") splits further, and the part
before it is discounted when the part after it turns conciliatory ("..., but the new one has
been great"). In each clause the agents are the parties acting (not "for you", not the object
of a verb, not the speaker's own side), and a charge binds to the nearest agent before it, or
to the subject a coordinated verb shares ("the school let other kids film him and did
nothing"). Negation, hedges ("I'm not saying") and someone else's report ("Mom feels like")
cancel a charge.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from facilitator.reframe.patterns import AGENT_KINDS, TOKEN
from facilitator.reframe.signals import Hit, Statement
from facilitator.reframe.words import (
    AUX,
    BOUNDARY,
    CHILD_OTHER,
    CLAUSE_BREAK,
    CONJUNCTIONS,
    COORD_SKIP,
    COORDINATORS,
    DETERMINERS,
    FAILURE_KINDS,
    GAP_WORDS,
    HE_SHE,
    IMPERATIVE_LEAD_INS,
    IRREGULAR_PAST,
    NEEDS_DET,
    NOT_VERBS,
    OBJECT_DETERMINERS,
    OWN_SIDE,
    PHRASE_BREAK,
    PREPOSITIONS,
    SMALL_CLAUSE,
    SUBJECT_FOLLOWERS,
    SUBJECT_PRONOUNS,
    is_negation,
)

# An agent: the signal, its kind (you / third / self / neutral) and whether it sits in a condition.
Agent = tuple[Hit, str, bool]


@dataclass
class Finding:
    """One counted reason, with the cues that explain it."""

    clause: int
    cues: list[tuple[str, int, int]]  # (kind, start, end)


class Scan(Statement):
    """A statement's signals grouped by clause and sentence, with agent binding and negation."""

    def __init__(self, text: str, student: str | None) -> None:
        super().__init__(text, student)
        self.findings: list[Finding] = []
        self._agents: dict[int, list[Agent]] = {}
        self._clauses()

    def _clauses(self) -> None:
        low = self.low
        sentence_cuts = {0}
        for m in BOUNDARY.finditer(low):
            sentence_cuts.add(m.end())
        clause_cuts = set(sentence_cuts)
        for m in CLAUSE_BREAK.finditer(low):
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
        self.clause_hits: list[list[Hit]] = [[] for _ in range(n)]
        for h in self.hits:
            self.clause_hits[self.clause_of(h.start)].append(h)
        # the clause before a contrast is discounted when the clause after it says something
        self.discounted = [False] * n
        for k in range(n - 1):
            cut = self.clause_starts[k + 1]
            if cut in contrast_cuts and self.sentence_of(cut - 1) == self.sentence_of(cut):
                end = self.clause_starts[k + 2] if k + 2 < n else len(low)
                if len(TOKEN.findall(low, cut, end)) >= 4 and any(
                    x.cat == "conciliatory" for x in self.clause_hits[k + 1]
                ):
                    self.discounted[k] = True  # "..., but the new one has been great"

    def is_party(self, start: int, end: int) -> bool:
        """Does a third party acting as a subject sit at start..end ("the aide never came")?"""
        for h in self.hits:
            if h.cat == "third" and h.start < end and start < h.end:
                nxt = self.tokens[h.tj + 1][2] if h.tj + 1 < len(self.tokens) else ""
                if nxt in AUX or nxt in SUBJECT_FOLLOWERS or is_negation(nxt):
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
    def _agent_kind(self, h: Hit, clause: list[Hit]) -> str | None:
        """you / third / self / neutral, or None when the word is not acting here."""
        word = self.low[h.start : h.end]
        prev = self.tokens[h.ti - 1][2] if h.ti > 0 else ""
        if prev and not self.low[self.tokens[h.ti - 1][1] : h.start].isspace():
            prev = ""  # "before school, you're ...": a comma between, so "school" is no determiner
        if prev in PREPOSITIONS and not (prev in CONJUNCTIONS and word in SUBJECT_PRONOUNS):
            return None  # "for you", "at the school"; but "after you lost it" has a subject
        if h.cat == "you" and prev == "thank":
            return None
        if h.cat == "neutral" and word in HE_SHE:
            pronoun = HE_SHE[word]
            k = self.clause_of(h.start)
            segment = self.low[self.clause_starts[k] : self.clause_end(k)]
            if CHILD_OTHER[pronoun].search(segment):
                return "third"
            if any(a.cat == "adult_act" and a.start > h.start for a in clause):
                return "third"  # "She rolled her eyes at me": only an adult does that here
            return "neutral"
        if h.cat == "third" and word in NEEDS_DET and prev not in DETERMINERS:
            return None
        if h.cat in ("you", "third") and self._is_object(h):
            return None  # "the parents recorded my teachers": "my teachers" is acted on
        if h.cat == "third" and word in OWN_SIDE and prev in ("our", "my"):
            return "self"  # "our team dropped the field trip": the speaker's own side
        if prev in DETERMINERS and h.ti > 1 and self.tokens[h.ti - 2][2] in PREPOSITIONS:
            return None  # "nobody on your staff": "staff" belongs to "on your staff"
        if h.cat == "neutral" and self.low.startswith("'s", h.end):
            return None  # "the student's needs": an owner, not someone acting
        if h.cat == "neutral" and word in ("it", "this", "that"):
            # "it" acts only as a subject ("it was late"), not as an object ("scheduled it")
            nxt = self.tokens[h.tj + 1][2] if h.tj + 1 < len(self.tokens) else ""
            if self.tokens[h.ti][2] == word and nxt not in AUX:
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

    def _is_object(self, h: Hit) -> bool:
        """A party right after a verb and its determiner ("recorded my teachers", "told the aide")."""
        if h.ti < 2:
            return False
        det, verb = self.tokens[h.ti - 1], self.tokens[h.ti - 2]
        if det[2] not in OBJECT_DETERMINERS or self.low[h.start : h.end].startswith(det[2] + " "):
            return False
        if not (self.low[verb[1] : det[0]].isspace() and self.low[det[1] : h.start].isspace()):
            return False
        v = verb[2]
        if v in SMALL_CLAUSE:
            return False  # "watched the district spend": the district still acts
        return (v.endswith("ed") and len(v) > 4 and v not in NOT_VERBS) or v in IRREGULAR_PAST

    def agents(self, k: int) -> list[Agent]:
        """The clause's agents in order: (hit, kind, conditional)."""
        found = self._agents.get(k)
        if found is None:
            found = self._agents[k] = self._find_agents(k)
        return found

    def _find_agents(self, k: int) -> list[Agent]:
        out = []
        clause = self.clause_hits[k]
        conds = [h for h in clause if h.cat == "cond"]
        for h in clause:
            if h.cat not in AGENT_KINDS:
                continue
            kind = self._agent_kind(h, clause)
            if kind is None:
                continue
            conditional = any(c.tj < h.ti and h.ti - c.tj <= 3 for c in conds)
            out.append((h, kind, conditional))
        return out

    def bind(self, k: int, pos: int, agents: list[Agent]) -> tuple[Hit, str] | None:
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

    def _coordinated_subject(self, k: int, pos: int, agents: list[Agent]) -> tuple[Hit, str] | None:
        """ "The school let other kids film him and did nothing": after "and" with no subject of
        its own, a verb shares the subject the clause began with."""
        i = self.tok_index(pos)
        if self.tokens[i][2] not in COORDINATORS:  # the charge may itself start "and then ..."
            i -= 1
        while i >= 0 and self.tokens[i][2] in COORD_SKIP:
            i -= 1
        if i < 0 or self.tokens[i][2] not in COORDINATORS or self.tokens[i][0] < self.clause_starts[k]:
            return None
        conj = self.tokens[i][0]
        if any(conj <= h.start < pos for h, _kind, _c in agents):
            return None
        first = next(((h, kind, c) for h, kind, c in agents if h.start < conj), None)
        if first is None or first[1] not in ("you", "third") or first[2]:
            return None
        return (first[0], first[1])

    def _starts_clause(self, h: Hit, k: int) -> bool:
        before = self.low[self.clause_starts[k] : h.start]
        return not TOKEN.search(before) or before.strip(" ,\"'").lower() in IMPERATIVE_LEAD_INS

    # -- negation ------------------------------------------------------------------------
    def _agent_between(self, agents: list[Agent], a: int, b: int) -> bool:
        """An agent between a and b, other than a possessive right before b ("not your fault")."""
        for h, _kind, _c in agents:
            if a <= h.start < b:
                word = self.low[h.start : h.end]
                possessive = word in ("your", "their", "his", "her") or self.low.startswith("'s", h.end)
                if not (possessive and b - h.end <= 3):
                    return True
        return False

    def negated(self, h: Hit, k: int, agents: list[Agent]) -> bool:
        """Is a charge cancelled by a negation, a meta-hedge or someone else's report?"""
        for n in self.clause_hits[k]:
            if n.start >= h.start:
                break
            if n.cat in ("neg", "neg_present") and n.end <= h.start:
                gap = [self.tokens[i][2] for i in range(n.tj + 1, h.ti)]
                if (
                    len(gap) <= 3
                    and all(w in GAP_WORDS or w.endswith("ly") for w in gap)
                    and not self._agent_between(agents, n.end, h.start)
                ):
                    return True
            elif n.cat == "neg_subject" and n.end <= h.start:
                if h.ti - n.tj - 1 <= 6 and not self._agent_between(agents, n.end, h.start):
                    return True
            elif n.cat == "neg_inverted":
                return True
        return self.hedged(h, k)

    def hedged(self, h: Hit, k: int) -> bool:
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

    def _report_scope_end(self, r: Hit, k: int) -> int:
        end = self.clause_end(k)
        low = self.low
        candidates = [low.find(",", r.end, end), low.find(" and ", r.end, end), low.find(" so ", r.end, end)]
        found = [c for c in candidates if c >= 0]
        return min(found) if found else end

    def failure(self, d: Hit, k: int, agents: list[Agent]) -> Hit | None:
        """The negation that turns a duty into a failure ("never return", "nobody called")."""
        tokens = self.tokens
        for n in reversed(self.clause_hits[k]):
            if n.start >= d.start or n.end > d.start or n.cat not in FAILURE_KINDS:
                continue
            gap = [tokens[i][2] for i in range(n.tj + 1, d.ti)]
            if n.cat in ("neg", "neg_fail", "neg_present"):
                if len(gap) <= 4 and all(w in GAP_WORDS for w in gap):
                    # the whole negation: "does not" rather than its "not"
                    for m in self.clause_hits[k]:
                        if m.end == n.end and m.start < n.start and m.cat in ("neg", "neg_present"):
                            return m
                    return n
            elif n.cat == "neg_stop":
                if (
                    len(gap) <= 1
                    and all(w in GAP_WORDS for w in gap)
                    and self.low[d.start : d.end].split()[0].endswith("ing")
                ):
                    return n
            elif n.cat == "neg_subject":
                if (
                    len(gap) <= 7
                    and not PHRASE_BREAK.search(self.low, n.end, d.start)
                    and not self._agent_between([a for a in agents if a[0].start >= n.end], n.end, d.start)
                ):
                    return n
            elif n.cat == "neg_inverted":
                if len(gap) <= 10:
                    return n
        return None
