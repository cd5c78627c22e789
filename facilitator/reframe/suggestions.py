"""Suggestions: one reframe per mediator move, in the speaker's own nouns, fitted to the side.

The subject matter is lifted out of the statement — a topic noun from the lexicon ("the speech
minutes", "your emails"), else a noun phrase of the speaker's ("the attendance policy"), else
the party it is about ("the advocate", or one it only names: "the receptionist") — and put into
a template of its family for each move (blame to concern, past to future, position to
interest). With nothing named, the duty left undone says what the speaker counted on, in the
speaker's verb ("you never listen" -> "Being listened to matters a lot to you."), and the
need under the kind of charge speaks ("Being able to trust what you are told"). A speaker on
the school side gets the school's variant of a template. Among a family's variants, the
statement's own hash picks one, so that the same sentence does not come back for every
statement. Each suggestion is checked: no charge words, short, never itself flagged.
"""

from __future__ import annotations

import functools
import re
import zlib
from bisect import bisect_right
from collections.abc import Iterable

from facilitator.reframe import lexicon as lex
from facilitator.reframe.clauses import Scan
from facilitator.reframe.cues import Cue
from facilitator.reframe.detect import detect
from facilitator.reframe.patterns import TOKEN, inflect
from facilitator.reframe.words import AUX, FAILURE_KINDS, is_negation


def _topic_regex() -> re.Pattern[str]:
    heads = sorted(lex.TOPICS, key=len, reverse=True)
    mods = sorted(lex.TOPIC_MODIFIERS, key=len, reverse=True)
    det = r"(?P<det>the|my|our|his|her|their|your|this|that|these|those|every single|each and every|every|each|any|all|an|a|another|two|three|four|five|six|seven|eight|nine|ten|[a-z]+'s|[a-z]+s')\s+"
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
_NP_ENDERS = frozenset(lex.TOPIC_PHRASE_ENDERS) | frozenset(lex.PREPOSITIONS) | AUX | frozenset(lex.NEGATORS)
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
# Where a noun phrase surely begins ("that", "all" and "any" also begin clauses: "you all agree").
_NP_STARTS = frozenset(
    ["the", "my", "our", "his", "her", "their", "your", "this", "these", "those", "every", "each"]
)
_CHILD_WORDS = re.compile(r"\b(?:my|our) (?:" + "|".join(map(re.escape, lex.CHILD_NOUNS)) + r")\b")


def _words_of(text: str) -> str:
    """The words of a text, lower case, one space apart and around: " you never answer "."""
    return " " + " ".join(TOKEN.findall(text.lower().replace("’", "'"))) + " "


def _topic_matches(scan: Scan) -> Iterable[re.Match[str]]:
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


def _topic(scan: Scan, blocked: list[tuple[int, int]], student: str | None) -> tuple[str, str] | None:
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
        if _PERSON_AFTER.match(low, m.end()):
            continue  # "special education teachers", "her IEP team": people, not the subject
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
        phrase = " ".join(lex.ACRONYMS.get(w) or w for w in mods + head.split())
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


_CHILDREN = re.compile(r"\b(students|kids|children|pupils)\b")
_ONE_CHILD = re.compile(r"\b(?:son|daughter|child|kid|student|boy|girl|him|kiddo)\b")


def _children_in_general(low: str) -> str | None:
    """ "the students" when the statement speaks of children in general and of no one child."""
    m = _CHILDREN.search(low)
    return "the " + m.group(1) if m and not _ONE_CHILD.search(low) else None


def _pluralize(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _phrase_topic(
    scan: Scan, cues: list[Cue], blocked: list[tuple[int, int]], student: str | None
) -> tuple[str, str] | None:
    """No topic from the lexicon: the noun phrase after the charge ("disregarded the parents'
    input" -> "the input") or after "about" / "asked for", kept short and free of people,
    time, pronouns and charge words."""
    low, tokens = scan.low, scan.tokens
    charge = {
        w for c in cues if c.kind in ("loaded-verb", "character") for w in TOKEN.findall(c.text.lower())
    }
    starts: list[int] = []
    for c in cues:
        if c.kind == "loaded-verb":
            i = scan.tok_index(c.start)
            starts.append(tokens[i][1])  # right after the verb: its object
    for _s, e, w in tokens:
        if w in _TOPIC_PREPS:
            starts.append(e)
    for c in cues:
        if c.kind in ("blame-you", "blame-third") and c.end - c.start < 60:
            starts.append(c.end)  # after "you never return": "my calls"
    for begin, _e, w in tokens:
        if w in _NP_STARTS:
            starts.append(begin)  # anywhere else a noun phrase begins
    for p in starts:
        i = bisect_right(scan.tok_starts, p - 1)
        if i >= len(tokens) or low[p : tokens[i][0]].strip():
            continue
        if any(s0 <= tokens[i][0] < e0 for s0, e0 in blocked):
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


def suggest(scan: Scan, cues: list[Cue], student: str | None, side: str | None) -> tuple[str, ...]:
    """One reframe per mediator move, in the statement's own words, fitted to the speaker's side."""
    # a topic may sit inside a sarcastic or loaded span ("great job losing his behavior plan"),
    # but not inside quoted words or a trait, and never be the charge itself
    blocked = [
        (c.start, c.end)
        for c in cues
        if c.kind in ("character", "threat") or (c.kind == "sarcasm" and c.text[:1] in "\"'")
    ]
    for c in cues:
        if c.kind == "loaded-verb":
            i = scan.tok_index(c.start)
            blocked.append((c.start, scan.tokens[i][1]))
    charge_words = {_words_of(c.text) for c in cues if c.kind in ("loaded-verb", "character")} - {"  "}
    found = _topic(scan, blocked, student) or _phrase_topic(scan, cues, blocked, student)
    party = None if found else _party(scan, side) or _named_party(scan, side, blocked)
    if not found and not party:
        found = _echo_topic(scan, blocked, charge_words) or _own_group(scan, side)
    child = _child_phrase(scan.low, student)
    duty = None if found or party else _duty(scan, cues, child, side)
    group = _children_in_general(scan.low)
    speaker = "school" if side == "school" else "family"
    need = "general" if found else _need(scan.low, cues)  # only asked for with no topic
    seed = zlib.crc32(scan.low.encode("utf-8"))
    own = _content(w for _s, _e, w in scan.tokens)
    out: list[str] = []
    for move in lex.MOVES:
        # the child is named at least once: the last move makes sure of it
        wants_child = student is not None and move == lex.MOVES[-1] and not any(student in s for s in out)
        for family, topic in _families(found, party, need, duty):
            variants = _variants(move, family, speaker, need)
            if wants_child and not (student and student.lower() in topic.lower()):
                variants = [v for v in variants if _CHILD_SLOT.search(v)]
            if family == "need" and topic:
                variants = [v for v in variants if _PARTY_SLOT.search(v)]  # the party named
            # a statement about children in general ("students make up excuses") is about them,
            # not the one child: only the move that must name the student names them
            kid = child if wants_child or not group else group
            sentence = _first_fitting(variants, seed, topic, kid, student, charge_words, out, own)
            if sentence:
                out.append(sentence)
                break
    return tuple(out)


_PARTY_SLOT = re.compile(r"\{(?:from|with|by)_party\}")
_CHILD_SLOT = re.compile(r"\{(?:for_child|about_child|child_or_\w+)\}")


def _first_fitting(
    variants: list[str],
    seed: int,
    topic: str,
    child: str | None,
    student: str | None,
    charge_words: set[str],
    taken: list[str],
    own: frozenset[str],
) -> str | None:
    """The first acceptable variant, starting at the one the statement's hash picks; one that
    says a word of the speaker's own ("wait", "honest") comes before those that do not."""
    fallback = None  # the first acceptable one that says none of the speaker's words
    for turn in range(len(variants)):
        sentence = _fill(variants[(seed + turn) % len(variants)], topic, child, student)
        shares = bool(_content(TOKEN.findall(sentence.lower())) & own)
        if (
            (shares or fallback is None)
            and sentence not in taken
            and _acceptable(sentence, charge_words, student)
        ):
            if shares:
                return sentence
            fallback = sentence
    return fallback


def _content(words: Iterable[str]) -> frozenset[str]:
    """The words that carry meaning (lower case), roughly stemmed: "waiting" and "wait" are one."""
    return frozenset(_stem(w) for w in words if len(w) > 3 and w not in _PLAIN)


@functools.lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    return _STEM.sub("", word)


_STEM = re.compile(r"(?<=\w{4})ing$|(?<=\w{4})(?:ed|es)$|(?<=\w{4})s$")


# Words that say nothing of the statement's matter: the templates' frame and little words.
_PLAIN = frozenset(
    "matters important would going forward looking ahead from here what help make able sure "
    "getting having being knowing seeing finding need most like look more know everyone this "
    "that with have they them their what when were been will could should your about there "
    "then than just only also very really some much many into over again because does doing "
    "done made want everything anything something nothing someone anyone things thing".split()
)


def _families(
    found: tuple[str, str] | None, party: str | None, need: str, duty: str | None
) -> list[tuple[str, str]]:
    """The families to try, most specific first, each with what fills it (a topic or a party)."""
    out = []
    if duty:
        out.append(("duty", duty))
    if found:
        out.append((found[1], found[0]))
    if party and need != "general":
        out.append(("need", party))  # the need, with the party named
    if party:
        out.append(("party", party))
    out.append(("need", ""))
    return out


def _variants(move: str, family: str, speaker: str, need: str) -> list[str]:
    if family == "own":
        return lex.OWN_GROUP[move]
    if family == "duty":
        return lex.DUTY_REFRAMES.get(move, [])
    if family == "need":
        if speaker == "school" and need in lex.NEEDS_SCHOOL:
            return lex.NEEDS_SCHOOL[need][move]
        return lex.NEEDS[need][move]
    by_side = lex.REFRAMES[move][family]
    return by_side.get(speaker) or by_side["family"]


_PEOPLE = frozenset(["teacher", "team", "staff", "therapist", "specialist", "partner", "person", "people"])
_NEED_WORDS = re.compile(r"\b(" + "|".join(re.escape(w) for w, _need in lex.NEED_WORDS) + ")")
_NEED_OF = dict(lex.NEED_WORDS)


def _need(low: str, cues: list[Cue]) -> str:
    """The need under the charge: its words, then the statement's, decide (NEED_WORDS)."""
    charged = " ".join(c.text.lower() for c in cues if c.kind not in ("blame-you", "blame-third", "absolute"))
    for text in (charged, low):
        found = [(_NEED_ORDER[m.group(1)], m.group(1)) for m in _NEED_WORDS.finditer(text)]
        if found:
            return _NEED_OF[min(found)[1]]
    if _ABOUT_THE_CHILD.search(low):
        return "care"  # nothing named but the child: that the child comes first
    return "general"


_ABOUT_THE_CHILD = re.compile(
    r"\b(?:him|his|child|children|kid|kids|son|daughter|student|students|boy|girl|kiddo)\b"
)


_NEED_ORDER = {w: i for i, (w, _need) in enumerate(lex.NEED_WORDS)}


_PARTY_WORDS = frozenset(lex.TOPIC_OWNERS)
_PERSON_AFTER = re.compile(
    r" (?:" + "|".join(sorted(map(re.escape, _PARTY_WORDS | _PEOPLE), key=len, reverse=True)) + r")s?\b"
)


# Vague nouns that may still carry the subject when nothing better is named ("this position").
_ECHO_OK = frozenset(lex.ECHO_NOUNS)


def _echo_topic(scan: Scan, blocked: list[tuple[int, int]], charge_words: set[str]) -> tuple[str, str] | None:
    """The last resort for the subject: a noun after a determiner, said back as "the ..."
    ("I resent being put in this position" -> "the position"; "a professional response" ->
    "the response"), so the reframe keeps the speaker's word; its adjective is left out (it
    may carry the charge: "the illegal moves")."""
    tokens, low = scan.tokens, scan.low
    charged = {w for text in charge_words for w in text.split()}
    # only the nouns listed: any other word after a determiner is too often no subject at all
    # ("his son was an angel", "I have no words")
    for i, (_s, _e, w) in enumerate(tokens):
        if w not in _NP_DETERMINERS and w not in ("another", "some", "no"):
            continue
        for j in (i + 1, i + 2):
            if j >= len(tokens) or low[tokens[j - 1][1] : tokens[j][0]] != " ":
                break
            start, end, head = tokens[j]
            if any(s0 < end and start < e0 for s0, e0 in blocked):
                break
            nxt = tokens[j + 1][2] if j + 1 < len(tokens) else ""
            ends = (
                j + 1 == len(tokens)
                or low[end : tokens[j + 1][0]] != " "
                or nxt in _NP_ENDERS
                or nxt in _TOPIC_STOP
            )
            if (
                ends
                and head.isalpha()
                and len(head) > 3
                and (head in _ECHO_OK or (j == i + 2 and head in lex.TOPICS and w in _NP_STARTS))
                and head not in charged
                and head not in _CHILD_NOUNS
                and head not in _PARTY_WORDS
                and head not in _PEOPLE
                and head != scan.student
                and not head.endswith(("ly", "ed", "ing", "ful", "ous"))
            ):
                return "the " + (lex.ACRONYMS.get(head) or head), lex.TOPICS.get(head, "other")
            if head in _TOPIC_STOP or head in charged:
                break  # only an adjective may stand between the determiner and its noun
    return None


def _duty_forms() -> dict[tuple[str, ...], str]:
    """Every form of each duty's verb, with its particle if it has one: ("called", "back")."""
    out: dict[tuple[str, ...], str] = {}
    for duty in lex.DUTIES:
        verb, _sep, particle = duty.partition(" ")
        for form in inflect(verb):
            out[(form, particle) if particle else (form,)] = duty
    return out


_DUTY_FORMS = _duty_forms()
_SELF = frozenset(lex.SELF)


def _duty(scan: Scan, cues: list[Cue], child: str | None, side: str | None) -> str | None:
    """What the speaker counted on, in the speaker's verb ("you never listen" -> "being
    listened to"), when the statement names nothing else: a duty the statement says was not
    done ("nobody called", "was anyone planning to tell us"), or the speaker's own chore
    ("we have to ask") said back as not having to. A plain report ("they told us") is none.
    The duty's verb may sit inside the charge ("never listen to a word"): it is no charge itself."""
    tokens = scan.tokens
    failures = [h.tj for h in scan.hits if h.cat in FAILURE_KINDS]
    # the duty inside or right after a pointed question, or right after mock thanks ("thanks
    # for finally showing up"; but "your so-called plan" calls no one)
    pointed = [
        (
            scan.tok_index(c.start) if c.kind == "accusing-question" else scan.tok_index(c.end - 1) + 1,
            scan.tok_index(c.end - 1) + 3,
        )
        for c in cues
        if c.kind in ("accusing-question", "sarcasm")
    ]
    for i, (start, _end, w) in enumerate(tokens):
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        duty = _DUTY_FORMS.get((w, nxt)) or _DUTY_FORMS.get((w,))
        if duty is None or scan.low[start - 1 : start] == "-":
            continue
        want = lex.DUTIES[duty]
        before = [t[2] for t in tokens[max(0, i - 3) : i]]
        if want.startswith("not having to"):
            if before[-2:-1] not in (["have"], ["had"], ["has"], ["having"], ["us"], ["me"]) or before[
                -1:
            ] != ["to"]:
                continue
        elif before and before[-1] in _SELF:
            continue
        elif not (
            any(0 < i - j <= 4 for j in failures)
            or any(is_negation(b) for b in before)
            or any(a <= i <= b for a, b in pointed)
        ):
            continue
        kid = child or ("the student" if side == "school" else "your child")
        return want.replace("{child}", kid)
    return None


def _own_group(scan: Scan, side: str | None) -> tuple[str, str] | None:
    """The speaker's own group when the statement is about it ("no parents were called", said
    by a parent): the reframe speaks to the speaker as one of them ("as parents")."""
    own = lex.PARTY_SIDES.get(side or "")
    if not own:
        return None
    for h in scan.hits:
        if h.cat == "third":
            word = scan.low[h.start : h.end].split()[-1].rstrip(".,;:!?")
            if word in own:
                return lex.OWN_GROUP_PLURAL.get(word, word), "own"
    return None


def _party(scan: Scan, side: str | None = None) -> str | None:
    """The party the statement is about, as named in it ("the advocate", "the case manager");
    never the speaker's own group ("the teachers", said by a teacher), whom a reframe would
    otherwise set against the speaker."""
    own = lex.PARTY_SIDES.get(side or "", frozenset())
    for h in scan.hits:
        if h.cat != "third":
            continue
        words = [w.lower().rstrip(".,;:!?") for w in scan.text[h.start : h.end].split()]
        if (
            words[0] in ("mr", "mrs", "ms", "dr", "mx", "miss", "coach", "principal", "nurse")
            and len(words) > 1
        ):
            return scan.text[h.start : h.end]  # "Principal Diaz"; a bare "principal" is "the principal"
        named = [w for w in words if w not in _SWAP_OUT]
        if not named:
            continue
        if named[-1] in own or named[-1].rstrip("s") in own:
            continue
        last = named[-1]
        if " ".join(named[-2:]) in _PARTY_WORDS or last in _PARTY_WORDS or last[:-1] in _PARTY_WORDS:
            if last in ("mom", "dad"):
                return named[-1].capitalize()  # "Mom", as the speaker says it
            return "the " + " ".join(named)
    return None


_NAMED_PARTIES = _PARTY_WORDS | frozenset(lex.PEOPLE_PARTIES)


def _named_party(scan: Scan, side: str | None, blocked: list[tuple[int, int]]) -> str | None:
    """A party the statement names without making it the one who acts ("a parent inserting
    themselves", "some schools do not give"), as "the parent", "the schools"; never the
    speaker's own group, and never the party a preposition tucks away ("for their child")."""
    own = lex.PARTY_SIDES.get(side or "", frozenset())
    tokens = scan.tokens
    for i, (start, end, w) in enumerate(tokens):
        single = w[:-1] if w.endswith("s") and w[:-1] in _NAMED_PARTIES else w
        if single not in _NAMED_PARTIES or w in own or single in own:
            continue
        if any(s0 < end and start < e0 for s0, e0 in blocked):
            continue  # "I'll go to the board": the threat, not a party to work with
        if i and tokens[i - 1][2] in lex.PREPOSITIONS:
            continue
        if scan.low.startswith("'", tokens[i][1]) or w.endswith("'s"):
            continue  # "the district's data": an owner, said back as "the data" if anything
        return "the " + (lex.ACRONYMS.get(w) or w)
    return None


_SWAP_OUT = frozenset(["the", "your", "my", "our", "their", "this", "that", "these", "those"])


def _fill(template: str, topic: str, child: str | None, student: str | None) -> str:
    names_child = bool(student) and student is not None and student.lower() in topic.lower()
    kid = None if names_child else child
    sentence = template.format(
        topic=topic,
        be="are" if _plural(topic) else "is",
        party=topic,
        from_party=f" from {topic}" if topic else "",
        with_party=f" with {topic}" if topic else "",
        by_party=f" by {topic}" if topic else "",
        for_child=f" for {kid}" if kid else "",
        about_child=f" about {kid}" if kid else "",
        child_or_student=child or "the student",
        child_or_everyone=child or "everyone",
    )
    sentence = " ".join(sentence.split())
    return sentence[:1].upper() + sentence[1:]


def _plural(topic: str) -> bool:
    """Does the topic take "are" ("the speech minutes", "his goals"; not "progress", "the bus")?"""
    last = topic.rsplit(" ", 1)[-1].lower()
    if last in lex.SINGULAR_IN_S or last in lex.PLURAL_NOUNS:
        return last in lex.PLURAL_NOUNS
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "'s"))


_QUIET: dict[tuple[str, str | None], bool] = {}  # (suggestion, student) -> the engine finds nothing


def _acceptable(sentence: str, charge_words: set[str], student: str | None) -> bool:
    if not sentence.endswith((".", "?")) or len(sentence.split()) > 25:
        return False
    words = _words_of(sentence)
    if any(w in words for w in charge_words):
        return False
    # checked as the board would read it, the student's name and all: the model weighs names too
    quiet = _QUIET.get((sentence, student))
    if quiet is None:
        if len(_QUIET) > 4096:
            _QUIET.clear()
        quiet = _QUIET[sentence, student] = not detect(sentence, student)[1]
    return quiet
