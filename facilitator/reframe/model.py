"""The model stage (old, being replaced)."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.reframe.clauses import Scan

_WEIGHTS_FILE = "weights.tsv"
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


def features(scan: Scan) -> dict[str, tuple[int, int]]:
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


def _model_may_ask(scan: Scan) -> bool:
    """A target and no charge the rules already weighed: where the model is asked."""
    target = False
    for h in scan.hits:
        if h.cat in _RULE_CHARGES:
            return False
        if h.cat in _MODEL_TARGETS:
            target = True
    return target


def model_cues(scan: Scan, model: _Model | None = None) -> list[tuple[str, int, int]]:
    """The second stage: cues when the model fires on a statement the rules let pass, else []."""
    model = model or _MODEL
    if model is None or not _model_may_ask(scan):
        return []
    feats = features(scan)
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
