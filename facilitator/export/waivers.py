"""A quiet check of agreement text that gives up rights (for the mediator, never in a document).

A parent without an attorney may sign away a due process hearing or a claim without
noticing. ``rights_waived`` finds agreement text that waives or releases rights, withdraws a
complaint or promises not to file one, so the mediator can make sure the family understands
it before anyone signs. Pure: text in, findings out; a finding is information, not advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.export.content import agreements_as_of, text
from facilitator.model import Agreement, Case, Role, Side

# Words, one pattern a kind of giving up, and how the mediator's hint names it.
_WORDS = r"(?:\s+[\w'’-]+){0,6}?"
_KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "waiver",
        "waives a right",
        re.compile(r"\bwaiv(?:e|es|ed|er|ers|ing)\b(?:\s+[\w'’-]+){0,5}", re.IGNORECASE),
    ),
    (
        "release",
        "releases claims",
        re.compile(
            r"\b(?:releas(?:e|es|ed|ing)|discharg(?:e|es|ed|ing))\b"
            + _WORDS
            + r"\s+(?:claims?|liabilit(?:y|ies)|causes?\s+of\s+action|demands?)\b"
            r"|\bhold(?:s|ing)?\s+(?:\w+\s+){0,3}?harmless\b"
            r"|\bfull\s+and\s+final\s+(?:settlement|release)\b"
            r"|\bin\s+full\s+satisfaction\s+of\b"
            r"|\bcovenants?\s+not\s+to\s+sue\b",
            re.IGNORECASE,
        ),
    ),
    (
        "withdrawal",
        "withdraws a complaint or hearing request",
        re.compile(
            r"\b(?:withdraw(?:s|n|ing|al)?|withdrew|dismiss(?:es|ed|ing|al)?)\b"
            + _WORDS
            + r"\s+(?:complaints?|requests?|petitions?|hearings?|claims?|case|appeals?|due\s+process)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "promise not to file",
        "promises not to file or pursue a complaint",
        re.compile(
            r"\b(?:agrees?|agreed|promises?|will|shall|may)\s+not\s+(?:to\s+)?"
            r"(?:file|bring|pursue|seek|request|initiate|sue|assert|commence)\b"
            r"|\bnot\s+to\s+(?:file|sue|bring)\b"
            r"|\bwon[’']t\s+(?:file|sue|bring|pursue)\b"
            r"|\brefrain(?:s|ing)?\s+from\s+(?:filing|bringing|pursuing)\b"
            r"|\b(?:forgo|forgoes|forego|foregoes)\b"
            r"|\bgives?\s+up\s+(?:the|any|all|their|her|his|its)\s+(?:rights?|claims?)\b",
            re.IGNORECASE,
        ),
    ),
)
# The fields of an agreement whose words the parties sign.
_FIELDS = ("text", "service", "frequency", "duration", "responsible", "goal", "data", "monitor")


@dataclass(frozen=True, slots=True)
class Waiver:
    """Agreement text that gives up a right: which agreement, the words, and a hint."""

    agreement: str  # the agreement's id
    kind: str  # "waiver", "release", "withdrawal" or "promise not to file"
    words: str  # the words found, as typed
    sentence: str  # a plain sentence for the mediator


def rights_waived(subject: Case | Agreement) -> list[Waiver]:
    """What the agreements (those in force at a case's latest session, or one agreement)
    give up, in agreement order; one finding per agreement and kind."""
    if isinstance(subject, Agreement):
        return _check(subject, "This agreement", represented=None)
    family = [p for p in subject.parties if p.side == Side.FAMILY]
    represented = any(p.role in (Role.ATTORNEY, Role.ADVOCATE) for p in family)
    found: list[Waiver] = []
    for number, standing in enumerate(agreements_as_of(subject, subject.latest), start=1):
        found += _check(standing.agreement, f"Agreement {number}", represented=represented)
    return found


def _check(agreement: Agreement, name: str, *, represented: bool | None) -> list[Waiver]:
    values = [text(getattr(agreement, field)) for field in _FIELDS]
    found = []
    for kind, what, pattern in _KINDS:
        match = next((m for value in values if value for m in [pattern.search(value)] if m), None)
        if match is None:
            continue
        words = match.group().strip()
        unrepresented = (
            " (the family has no attorney or advocate at the table)" if represented is False else ""
        )
        sentence = (
            f'{name} {what} ("{words}"). Before anyone signs, make sure the parents understand '
            f"what it gives up{unrepresented}."
        )
        found.append(Waiver(agreement.id, kind, words, sentence))
    return found
