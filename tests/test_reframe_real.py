"""The reframing engine on real speech, the speaker's side, typing and the model's weights.

Real sentences (tests/data/reframe/real-*.tsv) were written in public by parents, teachers,
advocates, attorneys and administrators. The model is trained on the train split and its
settings are chosen on dev; the test split is measured by tools/reframe_measure.py, at most a
few times and never tuned on. The floors below are set under figures measured once, so that a
change that loses ground on real speech fails here; no test prints a sentence of the test split.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from facilitator.reframe import CUE_KINDS, analyze

DATA = Path(__file__).parent / "data" / "reframe"
WEIGHTS = Path(__file__).resolve().parent.parent / "facilitator" / "reframe" / "weights.tsv"
STUDENT = "Leo"
FAMILY = {"parent", "advocate", "attorney", "student"}
SCHOOL = {"teacher", "administrator", "specialist"}
# Words that name no subject matter (a suggestion sharing only these shares nothing).
LITTLE = set(
    """a about after again all also am an and any are as at be because been before being but by can
    could did do does doing don for from had has have he her here him his how i if in into is it its
    just me more most much my no not now of on once only or other our out over own she should so
    some such than that the their them then there these they this those through to too under until
    up very was we were what when where which while who why will with would you your get got make
    made say said thing things way lot really still back one anything something nothing everyone
    nobody want need needs matter matters see look happen help like feel know think sure right""".split()
)


def rows(split: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for path in sorted(DATA.glob(f"real-{split}-*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            out += list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return out


def side(role: str) -> str | None:
    return "family" if role in FAMILY else "school" if role in SCHOOL else None


def content(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’", "'").replace("'s", ""))
    return {w[:5] for w in words if len(w) > 2 and w not in LITTLE and w != STUDENT.lower()}


def figures(split: str) -> dict[str, float]:
    tp = fp = fn = flagged = sharing = 0
    offered: Counter[str] = Counter()
    for row in rows(split):
        found = analyze(row["text"], student=STUDENT, side=side(row["role"]))
        label = row["label"] == "1"
        tp += found.accusatory and label
        fp += found.accusatory and not label
        fn += label and not found.accusatory
        if found.accusatory:
            flagged += 1
            words = content(row["text"])
            sharing += any(content(s) & words for s in found.suggestions)
            offered.update(set(found.suggestions))
    return {
        "precision": tp / (tp + fp),
        "recall": tp / (tp + fn),
        "top_share": offered.most_common(1)[0][1] / flagged,
        "sharing": sharing / flagged,
    }


def test_the_corpus_is_split_by_page_and_labelled() -> None:
    pages = {
        split: {row["url"].split("#")[0].rstrip("/").lower() for row in rows(split)}
        for split in ("train", "dev")
    }
    assert pages["train"] and pages["dev"]
    assert not pages["train"] & pages["dev"], "a page in two splits"
    for split in ("train", "dev"):
        assert {row["label"] for row in rows(split)} == {"0", "1"}


def test_real_dev_split(capsys: pytest.CaptureFixture[str]) -> None:
    """Dev chose the model's settings, so these are not an honest estimate; they catch losses."""
    found = figures("dev")
    with capsys.disabled():
        print("\nreframe real dev: " + " ".join(f"{k}={v:.3f}" for k, v in found.items()))
    # The dev split grew with the collectors of corpus d and e (new pages the model never saw).
    assert found["precision"] >= 0.65 and found["recall"] >= 0.42, found
    assert found["top_share"] <= 0.10 and found["sharing"] >= 0.80, found


def test_real_test_split_floor() -> None:
    """Floors under the last measurement of the test split (tools/reframe_measurements.md,
    2026-12-02 00:19 UTC, round 3 of issue 14, 999 sentences: P 0.749, R 0.547, commonest
    suggestion 2.6%, a shared content word 85.1%), set once and not tuned on; only aggregates
    are compared, and no sentence is shown."""
    found = figures("test")
    summary = ", ".join(f"{k} {v:.3f}" for k, v in found.items())
    assert found["precision"] >= 0.71 and found["recall"] >= 0.51, summary
    assert found["top_share"] <= 0.04 and found["sharing"] >= 0.81, summary


# ---------------------------------------------------------------------------------------------
# The speaker's side
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The parents refuse to sign anything.",
        "The advocate is just here to stir up trouble.",
        "Mom keeps him home every time there is a test.",
        "You never answer my emails.",
    ],
)
def test_a_suggestion_fits_the_side_of_the_speaker(text: str) -> None:
    family = analyze(text, student=STUDENT, side="family")
    school = analyze(text, student=STUDENT, side="school")
    assert family.accusatory and school.accusatory
    assert family.cues == school.cues  # the side changes what is offered, not what is heard
    assert family.suggestions != school.suggestions
    for found in (family, school):
        assert 1 <= len(found.suggestions) <= 3
        assert any(STUDENT in s for s in found.suggestions)
        for s in found.suggestions:
            assert not analyze(s, student=STUDENT).accusatory, s


@pytest.mark.parametrize(
    "text, words",
    [
        ("The district only cares about the budget.", ["budget"]),
        ("Your teachers are lazy and don't follow his IEP.", ["IEP"]),
        ("The case manager lost the minutes from the last meeting, again.", ["minutes"]),
        ("Nobody ever sends the evaluation before the meeting.", ["evaluation"]),
        ("The advocate is just here to stir up trouble.", ["advocate"]),
    ],
)
def test_suggestions_name_the_concern_in_the_speakers_nouns(text: str, words: list[str]) -> None:
    found = analyze(text, student=STUDENT, side="family")
    assert found.accusatory
    for word in words:
        assert all(word in s for s in found.suggestions), found.suggestions
    assert not any(w in s.lower() for s in found.suggestions for w in ("lazy", "lost", "only cares"))


def test_suggestions_for_a_child_called_lazy_blame_no_one() -> None:
    found = analyze("Leo is lazy and just not trying.", student=STUDENT, side="school")
    assert found.accusatory
    for s in found.suggestions:
        assert "lazy" not in s.lower() and "trying" not in s.lower()
        assert not analyze(s, student=STUDENT).accusatory


def test_unknown_side_is_no_side() -> None:
    text = "You never answer my emails."
    assert analyze(text, side="teacher") == analyze(text)


def test_cli_side(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitator",
            "reframe",
            "--json",
            "--side",
            "school",
            "--student",
            STUDENT,
            "The parents refuse to sign anything.",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["suggestions"] == list(
        analyze("The parents refuse to sign anything.", student=STUDENT, side="school").suggestions
    )
    bad = subprocess.run(
        [sys.executable, "-m", "facilitator", "reframe", "--side", "teacher", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode != 0 and "--side" in bad.stderr and "Traceback" not in bad.stderr


# ---------------------------------------------------------------------------------------------
# Typing: each key reads the sentence being typed; the answer is the same as reading it whole
# ---------------------------------------------------------------------------------------------


def test_a_line_typed_key_by_key_reads_like_the_finished_line() -> None:
    sentences = [
        "We went over the reading data together.",
        "You never answer my emails.",
        "The bus was late four times in October.",
        "Honestly, the team buried the report until the day before.",
        "I'm worried he is falling behind in math.",
    ]
    line = " ".join(sentences * 30)  # about 5,000 characters
    typed = [analyze(line[:end], student=STUDENT) for end in range(len(line) - 300, len(line) + 1)]
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "reframe", "--json", "--student", STUDENT],
        input=line[len(line) - 300 :] + "\n" + line + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    fresh = [json.loads(out) for out in done.stdout.splitlines()]
    assert typed[-1].to_json() == fresh[1]  # a fresh process, nothing read before
    assert typed[-1].accusatory
    assert sum(c.text == "never" for c in typed[-1].cues) == 30
    for found in typed:
        assert all(found.text[c.start : c.end] == c.text for c in found.cues)


# ---------------------------------------------------------------------------------------------
# The model's weights stay readable
# ---------------------------------------------------------------------------------------------


def test_weights_are_one_readable_line_per_feature() -> None:
    lines = WEIGHTS.read_text(encoding="utf-8").splitlines()
    header = {line[1:].strip().split("\t")[0]: line for line in lines if line.startswith("#")}
    assert {"bias", "threshold", "veto"} <= set(header)
    features = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert len(features) > 100
    for name, weight, kind in features:
        assert re.fullmatch(r"[wcnpsavr]:.+", name), name
        float(weight)
        assert kind == "-" or kind in CUE_KINDS, (name, kind)
    assert len({name for name, _w, _k in features}) == len(features)
