"""The reframing engine (DESIGN.md section 7): detection quality, suggestion rules, invariants."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.reframe import CUE_KINDS, Analysis, Cue, analyze, render_text

DATA = Path(__file__).parent / "data" / "reframe"
DEVSET = DATA / "written-devset.tsv"
# Fresh batches written before the engine was run on them (see the comment atop each file).
# Written batches: each was measured fresh once, then tuned on; they guard against regressions.
HOLDOUTS = sorted(DATA.glob("written-batch*.tsv"))
STUDENT = "Maya"


def load_devset(path: Path = DEVSET) -> list[tuple[bool, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, speaker, statement = line.split("\t")
        assert label in ("true", "false"), f"line {number}: label {label!r}"
        rows.append((label == "true", speaker, statement))
    return rows


ROWS = load_devset()
FLAGGED = [statement for label, _speaker, statement in ROWS if label]


# ---------------------------------------------------------------------------------------------
# The development set and the quality on it
# ---------------------------------------------------------------------------------------------


def test_devset_is_large_balanced_and_from_every_side() -> None:
    assert len(ROWS) >= 220
    labels = Counter(label for label, _s, _t in ROWS)
    assert 0.4 <= labels[False] / len(ROWS) <= 0.6, labels
    speakers = {speaker for _l, speaker, _t in ROWS}
    assert {"parent", "advocate", "attorney", "director", "teacher", "specialist", "case-manager"} <= speakers
    statements = [t for _l, _s, t in ROWS]
    assert len(set(statements)) == len(statements), "duplicate statements"


def quality(rows: list[tuple[bool, str, str]]) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    misses = []
    for label, _speaker, statement in rows:
        flagged = analyze(statement).accusatory
        tp += flagged and label
        fp += flagged and not label
        fn += label and not flagged
        if flagged != label:
            misses.append(("false positive" if flagged else "missed") + f": {statement}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, misses


def test_precision_and_recall_on_devset(capsys: pytest.CaptureFixture[str]) -> None:
    precision, recall, misses = quality(ROWS)
    with capsys.disabled():
        print(f"\nreframe devset: n={len(ROWS)} precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.99 and recall >= 0.99, "\n".join(misses)


def test_written_batches_are_balanced_fresh_and_from_every_side() -> None:
    assert HOLDOUTS, "tests/reframe_holdout*.tsv"
    rows = [row for path in HOLDOUTS for row in load_devset(path)]
    assert len(rows) >= 200
    labels = Counter(label for label, _s, _t in rows)
    assert 0.4 <= labels[False] / len(rows) <= 0.6, labels
    speakers = {speaker for _l, speaker, _t in rows}
    assert {"parent", "advocate", "attorney", "director", "teacher", "specialist", "case-manager"} <= speakers
    statements = [t for _l, _s, t in rows]
    assert len(set(statements)) == len(statements), "duplicate statements"
    assert not set(statements) & {t for _l, _s, t in ROWS}, "a holdout statement is also in the devset"


# Floors (precision, recall) per batch: what the engine scored on them before real sentences
# were collected (batch 4: P 0.976 / R 0.727, batch 5: P 0.952 / R 0.667; the others at 0.95 or
# more), so that learning from real speech loses nothing on them.
HOLDOUT_FLOORS = {
    "written-batch1": (0.98, 0.97),
    "written-batch2": (0.99, 0.96),
    "written-batch3": (0.99, 0.95),
    "written-batch4": (0.97, 0.72),
    "written-batch5": (0.95, 0.66),
}


@pytest.mark.parametrize("path", HOLDOUTS, ids=lambda p: p.stem)
def test_precision_and_recall_on_written_batches(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No loss on the written batches (the first-run figures are in each batch's commit history)."""
    rows = load_devset(path)
    precision, recall, misses = quality(rows)
    with capsys.disabled():
        print(f"\nreframe {path.stem}: n={len(rows)} precision={precision:.3f} recall={recall:.3f}")
    min_precision, min_recall = HOLDOUT_FLOORS.get(path.stem, (0.8, 0.8))
    assert precision >= min_precision and recall >= min_recall, "\n".join(misses)


# ---------------------------------------------------------------------------------------------
# Suggestions: the rules, on every flagged statement
# ---------------------------------------------------------------------------------------------


def charge_words(analysis: Analysis) -> list[str]:
    return [c.text for c in analysis.cues if c.kind in ("loaded-verb", "character")]


def contains_word(phrase: str, sentence: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w'])", sentence, re.IGNORECASE) is not None


@pytest.mark.parametrize("student, side", [(None, None), (STUDENT, "family"), (STUDENT, "school")])
def test_suggestion_rules_on_every_flagged_statement(student: str | None, side: str | None) -> None:
    problems = []
    for statement in FLAGGED:
        analysis = analyze(statement, student=student, side=side)
        if not analysis.accusatory:
            continue  # counted by the quality test
        suggestions = analysis.suggestions
        if not 1 <= len(suggestions) <= 3:
            problems.append(f"{len(suggestions)} suggestions: {statement}")
        if len(set(suggestions)) != len(suggestions):
            problems.append(f"repeated suggestion: {statement}")
        if student and not any(student in s for s in suggestions):
            problems.append(f"student not named: {statement} -> {suggestions}")
        for s in suggestions:
            if not s.endswith((".", "?")) or not s[:1].isupper():
                problems.append(f"not a sentence: {s!r}")
            if len(s.split()) > 25:
                problems.append(f"too long: {s!r}")
            if analyze(s, student=student).accusatory:
                problems.append(f"suggestion flagged: {s!r} (from {statement!r})")
            for word in charge_words(analysis):
                if contains_word(word, s):
                    problems.append(f"charge word {word!r} in {s!r}")
    assert not problems, "\n".join(problems)


def test_every_flagged_statement_explains_itself_with_exact_offsets() -> None:
    for statement in FLAGGED + [
        "Mr. Ortiz refused to let our OT observe.",
        "The “progress” you keep reporting isn’t real.",
    ]:
        analysis = analyze(statement)
        if not analysis.accusatory:
            continue
        assert analysis.cues, statement
        for cue in analysis.cues:
            assert cue.kind in CUE_KINDS
            assert 0 <= cue.start < cue.end <= len(statement)
            assert statement[cue.start : cue.end] == cue.text


def test_quiet_statements_carry_no_suggestions() -> None:
    for _label, _speaker, statement in ROWS:
        analysis = analyze(statement, student=STUDENT)
        if not analysis.accusatory:
            assert analysis.suggestions == ()


def test_suggestions_keep_the_subject_and_turn_pronouns() -> None:
    emails = analyze("You never answer my emails")
    assert any("your emails" in s for s in emails.suggestions)
    son = analyze("Our son's accommodations were ignored all semester.")
    assert any("your son's accommodations" in s for s in son.suggestions)
    named = analyze("Our son's accommodations were ignored all semester.", student="Leo")
    assert any("Leo's accommodations" in s for s in named.suggestions)
    minutes = analyze("You cut his OT minutes without telling anyone.", student="Sam")
    assert any("Sam's OT minutes" in s for s in minutes.suggestions)
    report = analyze("Your team buried the report until the day before.")
    assert any("the report" in s for s in report.suggestions)
    assert not any("buried" in s for s in report.suggestions)


def test_suggestions_keep_the_subject_without_a_known_noun_too() -> None:
    input_ = analyze("The district has consistently disregarded the parents' input throughout this process.")
    assert any("the input" in s for s in input_.suggestions)
    placement = analyze("The team decided the placement before we ever walked in the door.")
    assert any("the placement" in s for s in placement.suggestions)
    progress = analyze("Your team misrepresented his progress at the last meeting.", student="Sam")
    assert any("Sam's progress" in s for s in progress.suggestions)
    emails = analyze("I've sent four emails since March and got nothing back, not a word.")
    assert any("your emails" in s for s in emails.suggestions)
    goals = analyze("You rubber-stamped last year's goals.")
    assert any("the goals" in s for s in goals.suggestions)
    # a verb that is also a noun is no topic: "schedule" here is what the district does
    meetings = analyze("The district continues to schedule meetings when it knows the parents cannot attend.")
    assert meetings.accusatory and not any("the schedule" in s for s in meetings.suggestions)


def test_suggestions_name_the_party_a_statement_names() -> None:
    driver = analyze("The bus driver never waits for him at the stop.", student="Leo", side="family")
    assert any("the bus driver" in s for s in driver.suggestions), driver.suggestions
    schools = analyze("Some schools simply ignore parents.", side="family")
    assert any("the schools" in s for s in schools.suggestions), schools.suggestions
    # named without acting, and said by the other side: "the parent"; never the speaker's own group
    parent = "A parent inserting themselves is not appropriate."
    assert any("the parent" in s for s in analyze(parent, side="school").suggestions)
    assert not any("the parent" in s for s in analyze(parent, side="family").suggestions)


def test_suggestions_say_the_unmet_duty_in_the_speakers_verb() -> None:
    listen = analyze("You never listen to us.", student="Leo", side="family")
    assert any("listened to" in s for s in listen.suggestions), listen.suggestions
    called = analyze("Nobody called us when he got hurt.", student="Leo", side="family")
    assert any("a call" in s for s in called.suggestions), called.suggestions
    asked = analyze("How many more times do we have to ask for the same thing?", side="family")
    assert any("not having to ask" in s.lower() for s in asked.suggestions), asked.suggestions
    # a plain report ("they told us") and a hyphenated word ("so-called") are no duty
    told = analyze("They told us we had the right to file due process and then refused everything.")
    assert told.accusatory and not any("told" in s for s in told.suggestions)
    plan = analyze("Your so-called plan is a joke.", side="family")
    assert plan.accusatory and not any("call" in s for s in plan.suggestions)


def test_every_meeting_is_said_back_as_the_meetings() -> None:
    # "each meeting" read wrong in most templates ("as far as each meeting goes")
    analysis = analyze("Dad cancels every meeting at the last minute.", student="Leo", side="school")
    assert any("the meetings" in s for s in analysis.suggestions), analysis.suggestions
    assert not any("each meeting" in s for s in analysis.suggestions), analysis.suggestions


@pytest.mark.parametrize("side", [None, "family", "school"])
@pytest.mark.parametrize(
    "text",
    [
        "Your son is lazy and a liar.",
        "The case manager is lazy.",
        "She is a liar and everyone knows it.",
        "Your teachers are lazy and useless.",
        "The substitute was lazy.",
        "You people are incompetent.",
    ],
)
def test_an_insult_is_never_said_back(text: str, side: str | None) -> None:
    analysis = analyze(text, student="Leo", side=side)
    assert analysis.accusatory
    for s in analysis.suggestions:
        assert not re.search(r"\b(?:lazy|liar|useless|incompetent)\b", s, re.IGNORECASE), s


@pytest.mark.parametrize(
    "text",
    [
        "She rolled her eyes at me when I asked about the data.",
        "He just sat there on his phone the whole meeting.",
        "She talks to him like he's a baby and then writes that he won't participate.",
        "The district's failure to implement the IEP as written constitutes a denial of FAPE.",
        "This IEP was developed in violation of the procedural safeguards.",
        "The team predetermined the placement, which is a procedural violation.",
        "Mom picks him up early every time he has a test.",
        "I asked for the restraint reports in January. It's April.",
        "The school let other kids film him during a meltdown and did nothing about it.",
        "so the district gets to decide what he needs without even meeting him, cool",
        'With respect, "we\'re working on it" has been the answer for seven months.',
    ],
)
def test_unmarked_formal_and_adult_he_she_charges(text: str) -> None:
    assert analyze(text).accusatory, text


@pytest.mark.parametrize(
    "text",
    [
        "The district will not be providing ESY transport this summer.",
        "They won't send it until Friday.",
        "The district never charges families for evaluations.",
        "The budget for related services was cut at the state level this year.",
        "The family hasn't returned the consent form yet, so I'll send another copy today.",
        "We would ask that the district provide compensatory services for the missed sessions.",
        "We acknowledge the services were not delivered in October and we're proposing make-up sessions.",
        "Under IDEA, changing a placement without notice would be a procedural violation.",
        "Dad picks him up early on Wednesdays for private therapy.",
        "He refuses to do writing tasks unless he can use the laptop.",
        "The previous case manager missed some sessions, but the new one has been great.",
    ],
)
def test_policy_schedules_and_the_child_stay_quiet(text: str) -> None:
    assert not analyze(text).accusatory, text


def test_three_different_moves() -> None:
    analysis = analyze("The district keeps ignoring every request we put in writing.", student="Maya")
    concern, future, interest = analysis.suggestions
    assert concern.endswith(".")  # blame to concern: a statement of what matters
    assert "from here on" in future or "from now on" in future or "ahead" in future.lower()
    assert interest.endswith("?")


# ---------------------------------------------------------------------------------------------
# The JSON contract and the text rendering
# ---------------------------------------------------------------------------------------------


def test_design_example() -> None:
    result = analyze("You never answer my emails").to_json()
    assert list(result) == ["text", "accusatory", "cues", "suggestions"]
    assert result["text"] == "You never answer my emails"
    assert result["accusatory"] is True
    assert {"kind": "absolute", "text": "never", "start": 4, "end": 9} in result["cues"]
    assert {"kind": "blame-you", "text": "You never answer", "start": 0, "end": 16} in result["cues"]
    for cue in result["cues"]:
        assert list(cue) == ["kind", "text", "start", "end"]
    assert 1 <= len(result["suggestions"]) <= 3


def test_quiet_json() -> None:
    assert analyze("He never misses speech").to_json() == {
        "text": "He never misses speech",
        "accusatory": False,
        "cues": [],
        "suggestions": [],
    }


def test_render_text() -> None:
    quiet = render_text(analyze("I'm worried he is falling behind"))
    assert "no accusation found" in quiet
    loud = render_text(analyze("You never answer my emails", student="Maya"))
    lines = loud.splitlines()
    assert lines[0] == "You never answer my emails"
    assert lines[1].startswith("^^^^^^^^^^^^^^^^")  # the cues marked under the statement
    assert "absolute" in loud and '"never"' in loud
    assert re.search(r"^\s+1\. ", loud, re.MULTILINE) and re.search(r"^\s+3\. ", loud, re.MULTILINE)


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from facilitator.cli import main

    assert main(["reframe", "--json", "--student", "Maya", "You never answer my emails"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["accusatory"] is True and any("Maya" in s for s in result["suggestions"])


# ---------------------------------------------------------------------------------------------
# Awkward input
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "🙂🙂🙂",
        "You never answer my emails 😡😡",
        "שלום, you never answer my emails",
        "لماذا لا تردون على رسائلي",
        "[b]You[/b] never [@click=app.quit]answer[/] my emails [TODO]",
        "[b",
        "İİİ you NEVER listen İ",
        "you’re lying and you KNOW it",
        "x" * 5000,
        ("The district ignored his IEP. " * 200).strip(),
        "You never answer my emails\r\nThe bus was late",
        "\x00\x1b[31m you refused \x1b[0m",
        "Mr. Mrs. Dr. . . ! ? ; — -- : ( ) ' \" “ ” ‘ ’",
    ],
)
def test_awkward_text_never_breaks_anything(text: str) -> None:
    analysis = analyze(text, student="Maya")
    check_invariants(text, analysis)
    render_text(analysis)


def test_empty_and_odd_student_names() -> None:
    for student in ["", "  ", "Mary Ann", "[b]Leo", "Zoë", "O'Neil"]:
        analysis = analyze("You never answer my emails", student=student)
        assert analysis.accusatory
        if student.strip():
            assert any(" ".join(student.split()) in s for s in analysis.suggestions)


def test_charge_at_the_end_of_a_long_statement_is_found() -> None:
    filler = "We talked about the schedule and the reading data at length. " * 60
    analysis = analyze(filler + "Honestly, you never return my calls.")
    assert analysis.accusatory
    assert any(c.text == "never" for c in analysis.cues)


def check_invariants(text: str, analysis: Analysis) -> None:
    assert analysis.text == text
    assert isinstance(analysis.accusatory, bool)
    assert bool(analysis.suggestions) == analysis.accusatory
    for cue in analysis.cues:
        assert isinstance(cue, Cue)
        assert cue.kind in CUE_KINDS
        assert 0 <= cue.start < cue.end <= len(text)
        assert text[cue.start : cue.end] == cue.text
    assert len(analysis.suggestions) <= 3
    for s in analysis.suggestions:
        assert s.endswith((".", "?"))
    analysis.to_json()


# Words the engine reacts to, mixed with punctuation and noise, to reach its inner paths.
VOCABULARY = sorted(
    {
        "they",
        "nobody",
        "everyone",
        "district",
        "teacher",
        "team",
        "staff",
        "advocate",
        "mom",
        "y'all",
        "none",
        "of",
        "every",
        "time",
        "no",
        "one",
        "don't",
        "won't",
        "refused",
        "ignored",
        "never",
        "always",
        "lazy",
        "incompetent",
        "why",
        "do",
        "you",
        "keep",
        "how",
        "could",
        "oh",
        "sure",
        "great",
        "job",
        "thanks",
        "so",
        "much",
        "for",
        "funny",
        "must",
        "be",
        "nice",
        "see",
        "at",
        "due",
        "process",
        "my",
        "lawyer",
        "will",
        "sue",
        "but",
        "not",
        "saying",
        "if",
        "the",
        "parents",
        "followed",
        "through",
        "was",
        "were",
        "buried",
        "delivered",
        "he",
        "she",
        "him",
        "her",
        "Mr.",
        "“progress”",
        "'team'",
        "emails",
        "report",
        "bus",
        "minutes",
        "again",
        "finally",
        "nothing",
        "didn't",
        "bother",
        "to",
        "call",
        "…",
        "—",
        ",",
        ".",
        "?",
        "!",
        ";",
        ":",
        "[b",
        "[/]",
        "🙂",
        "שלום",
        "İ",
        "\n",
        "\t",
        "'",
        '"',
        "’",
        "“",
        "-",
        "(",
        ")",
    }
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(), st.one_of(st.none(), st.text(max_size=20)))
def test_property_arbitrary_text(text: str, student: str | None) -> None:
    check_invariants(text, analyze(text, student=student))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join),
    st.one_of(st.none(), st.sampled_from(["Maya", "Sam", "Leo", "Mary Ann"])),
)
def test_property_engine_words(text: str, student: str | None) -> None:
    analysis = analyze(text, student=student)
    check_invariants(text, analysis)
    for s in analysis.suggestions:
        assert not analyze(s, student=student).accusatory, s


def test_a_pasted_letter_is_read_in_time_linear_in_its_length():
    # Offsets stay right across the pieces a long text is read in; every sentence is looked at.
    letter = (
        "We met on Tuesday to go over the plan. " * 60 + "You never answer my emails. " + "Thanks. " * 200
    )
    found = analyze(letter)
    assert found.accusatory and found.suggestions
    assert all(letter[c.start : c.end] == c.text for c in found.cues)
    assert any(c.text == "never" and c.start > 2000 for c in found.cues)
    assert not analyze("We would like to talk about the reading plan. " * 400).accusatory


def test_a_student_name_never_changes_what_is_heard_or_brings_in_a_charge() -> None:
    for student, text in [("Never", "You never answer my emails"), ("Always", "You always lie to us")]:
        analysis = analyze(text, student=student)
        assert analysis.accusatory == analyze(text).accusatory
        assert all(student.lower() not in s.lower().split() for s in analysis.suggestions)
    hostile = analyze("You never answer my emails", student="You liar")
    assert hostile.accusatory and not any("liar" in s for s in hostile.suggestions)


def test_reframe_speaks_to_the_speaker_as_one_of_their_own_group() -> None:
    """A parent who says "the parents" is one of them: no reframe sets them against themselves."""
    found = analyze("You always blame the parents", student="Leo", side="family")
    assert found.accusatory
    for sentence in found.suggestions:
        assert "by the parents" not in sentence and "with the parents" not in sentence, sentence
    assert any("as parents" in s or "parents" in s.split() for s in found.suggestions), found.suggestions


def test_reframe_agrees_with_a_plural_subject() -> None:
    for text in ("The speech minutes are never delivered", "You never deliver his services"):
        for sentence in analyze(text, student="Leo", side="family").suggestions:
            for wrong in ("minutes is ", "services is ", "needs is "):
                assert wrong not in sentence, sentence


def test_a_flat_finding_of_a_service_gap_is_no_accusation() -> None:
    assert not analyze("Services were not provided from March to May").accusatory
    assert analyze("His services were not provided from March to May, and nobody told us").accusatory


def test_keeping_what_was_said_for_later_is_heard_as_a_veiled_threat() -> None:
    found = analyze("I'm writing all of this down, for later.")
    assert found.accusatory and {c.kind for c in found.cues} == {"threat"}
    assert not analyze("Write it down for later, so you have the dates.").accusatory


def test_children_in_general_are_not_turned_into_the_student() -> None:
    found = analyze("Students make up the dumbest excuses.", student="Leo", side="school")
    assert found.accusatory
    assert any("the students" in s for s in found.suggestions), found.suggestions
    assert any("Leo" in s for s in found.suggestions), found.suggestions  # still named once


@pytest.mark.parametrize("relative", ["wife", "husband", "sister"])
def test_the_speakers_own_family_is_never_the_matter_to_sort_out(relative: str) -> None:
    analysis = analyze(
        f"It seems to my {relative} and me that they want to set him up for failure.", side="family"
    )
    assert analysis.accusatory
    assert not any(relative in s.lower() for s in analysis.suggestions), analysis.suggestions
