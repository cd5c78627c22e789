"""The reframing engine's second stage: the linear model in facilitator/reframe_weights.tsv.

It is asked only when the rules find nothing, the statement has a target and no charge the
lexicon knows; when it fires, its cues must explain it (a target and a charge, exact spans) and
its suggestions follow the same rules as the engine's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator import reframe as rf
from facilitator.reframe import CUE_KINDS, analyze

HERE = Path(__file__).parent
# batch 5 is measured once, at the end: it is kept out of these checks
SETS = ["reframe_devset", "reframe_holdout", "reframe_holdout2", "reframe_holdout3", "reframe_holdout4"]
TEXTS = [
    line.split("\t")[2]
    for name in SETS
    for line in (HERE / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
WEIGHTS = Path(rf.__file__).with_name("reframe_weights.tsv")


def permissive() -> rf._Model:
    """The shipped weights with the threshold far below any score: fires wherever it may."""
    model = rf._Model(WEIGHTS.read_text(encoding="utf-8"))
    model.threshold = -1e9
    return model


def model_only(texts: list[str]) -> list[str]:
    return [t for t in texts if not rf._Scan(t, None).findings and analyze(t).accusatory]


def test_weights_load_and_are_readable() -> None:
    model = rf._MODEL
    assert model is not None
    assert 100 <= len(model.weights) <= 1000
    assert -50 < model.bias < 50 and -50 < model.threshold < 50
    for feature, kind in model.kinds.items():
        assert kind == "-" or kind in CUE_KINDS, (feature, kind)
        assert feature == feature.lower() and "\t" not in feature
        if model.weights[feature] <= 0:
            assert kind == "-", feature  # a counter-signal lights up nothing
    # every line of the file is a comment or feature TAB weight TAB kind
    for line in WEIGHTS.read_text(encoding="utf-8").splitlines():
        assert line.startswith("#") or len(line.split("\t")) == 3, line


def test_the_model_adds_to_the_rules() -> None:
    added = model_only(TEXTS)
    assert added, "the second stage never fires on the labelled data"


@pytest.mark.parametrize(
    "text",
    [
        "This is exhausting.",
        "He never misses speech.",
        "The bus was late four times.",
        "I'm worried he's losing ground in reading.",
        "It has been a really hard year for all of us.",
    ],
)
def test_never_fires_without_a_target(text: str) -> None:
    scan = rf._Scan(text, None)
    assert not rf._model_may_ask(scan)
    assert rf._model_cues(scan, permissive()) == []


def test_defers_to_the_rules_where_they_weighed_a_charge() -> None:
    # "ignored" is a charge the lexicon knows; the rules read the negation and stay quiet
    scan = rf._Scan("You didn't ignore us, I know that, it's just been slow.", None)
    assert not scan.findings
    assert rf._model_cues(scan, permissive()) == []


def test_fires_only_with_a_target_on_every_labelled_statement() -> None:
    model = permissive()
    for text in TEXTS:
        scan = rf._Scan(text, None)
        cues = rf._model_cues(scan, model)
        if cues:
            assert any(h.cat in rf._MODEL_TARGETS for h in scan.hits), text
            assert not any(h.cat in rf._RULE_CHARGES for h in scan.hits), text


def test_model_cues_explain_with_a_target_a_charge_and_exact_spans() -> None:
    model = permissive()
    fired = 0
    for text in TEXTS:
        scan = rf._Scan(text, None)
        cues = rf._model_cues(scan, model)
        if not cues:
            continue
        fired += 1
        kinds = {kind for kind, _s, _e in cues}
        assert kinds & {"blame-you", "blame-third"}, (text, cues)
        assert kinds & {"loaded-verb", "character", "sarcasm", "threat", "accusing-question"}, (text, cues)
        for kind, start, end in cues:
            assert kind in CUE_KINDS
            assert 0 <= start < end <= len(text)
            assert re.fullmatch(r"[\w'’ -]+", text[start:end]), (text, text[start:end])
    assert fired >= 20


@pytest.mark.parametrize("threshold", ["shipped", "permissive"])
@pytest.mark.parametrize("student", [None, "Maya"])
def test_suggestion_rules_on_everything_the_model_flags(
    threshold: str, student: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if threshold == "permissive":
        monkeypatch.setattr(rf, "_MODEL", permissive())
        monkeypatch.setattr(rf, "_QUIET", {})
    problems = []
    for text in TEXTS:
        if rf._Scan(text, student).findings:
            continue
        analysis = analyze(text, student=student)
        if not analysis.accusatory:
            continue
        s = analysis.suggestions
        if not 1 <= len(s) <= 3 or len(set(s)) != len(s):
            problems.append(f"{s}: {text}")
        if student and not any(student in x for x in s):
            problems.append(f"student not named: {text} -> {s}")
        charges = [c.text for c in analysis.cues if c.kind in ("loaded-verb", "character")]
        for x in s:
            if not x[:1].isupper() or not x.endswith((".", "?")) or len(x.split()) > 25:
                problems.append(f"not a short sentence: {x!r}")
            if analyze(x, student=student).accusatory:
                problems.append(f"suggestion flagged: {x!r} (from {text!r})")
            for word in charges:
                if re.search(r"(?<![\w'])" + re.escape(word) + r"(?![\w'])", x, re.IGNORECASE):
                    problems.append(f"charge {word!r} in {x!r}")
        for cue in analysis.cues:
            assert text[cue.start : cue.end] == cue.text
    assert not problems, "\n".join(problems)


def test_the_engine_works_without_the_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rf, "_MODEL", None)
    assert analyze("You never answer my emails").accusatory
    assert rf._model_cues(rf._Scan("Y'all are unbelievable.", None)) == []
