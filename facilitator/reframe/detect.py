"""Detection: the rules and the model together decide, and say which spans carried it."""

from __future__ import annotations

import math

from facilitator.reframe.clauses import Scan
from facilitator.reframe.model import CHARGED, features, may_flag_alone, model
from facilitator.reframe.rules import decide

Spans = set[tuple[str, int, int]]


def detect(text: str, student: str | None) -> tuple[Scan, Spans]:
    """The scan of a statement and its cue spans (kind, start, end); no spans: not accusatory.

    The model has the last word: it sees what the rules found among its features, and lets a
    rule's finding stand unless its score is very low (real text uses the same words without
    blame); where the rules found nothing, it flags what scores high enough on its own. Its explanation is the rules' cues where they found any, else the words that
    carried its own score.
    """
    scan = Scan(text, student)
    findings = decide(scan)
    weights = model()
    if weights is not None and not (findings and weights.veto == -math.inf):
        if not findings and weights.gate and not may_flag_alone(scan):
            return scan, set()
        if weights.score(scan, findings) < (weights.veto if findings else weights.threshold):
            return scan, set()
        if not findings:
            charged = [(h.start, h.end) for h in scan.hits if h.cat in CHARGED]
            return scan, set(weights.carriers(features(scan, findings, weights.weights), charged))
    spans: Spans = set()
    clauses = set()
    for f in findings:
        clauses.add(f.clause)
        spans.update(f.cues)
    for k in clauses:
        for h in scan.clause_hits[k]:
            if h.cat == "absolute":
                spans.add(("absolute", h.start, h.end))
    return scan, spans
