"""Measure the reframing engine on the labelled sets: aggregate numbers only, never a sentence.

    python tools/reframe_measure.py                  # train, dev and the written sets
    python tools/reframe_measure.py --split test     # the untouched real test split (logged)
    python tools/reframe_measure.py --engine DIR     # another checkout's engine (DIR/facilitator)

For each set: statements, accusatory share, precision, recall, F1; and, over the statements
the engine flags, how specific the suggestions are: the share of flagged statements offered
the commonest suggestion sentence (the student's name aside), the share whose suggestions
all (and at least one) reuse a content word of the statement, and the share with none.

The real test split (tests/data/reframe/real-test-*.tsv) is read only with --split test, which
appends the date, the commit and the numbers to tools/reframe_measurements.md. It is measured
once at the end of a round of work, never tuned on, and nothing here prints its sentences.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import inspect
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "reframe"
LOG = Path(__file__).resolve().with_name("reframe_measurements.md")
STUDENT = "Leo"
FAMILY_ROLES = {"parent", "advocate", "attorney", "student"}
SCHOOL_ROLES = {"teacher", "administrator", "specialist"}
# Words that carry no subject matter: a suggestion sharing only these shares nothing.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just let like me more most much must my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves s t don didn doesn isn wasn aren weren won wouldn couldn shouldn haven hasn
    hadn ll re ve d m o y get got go going gone make made say said tell told thing things way lot
    really still back well one ones anything something nothing everything anyone someone everyone
    nobody somebody going want wants need needs matter matters see seen look looks happen happens
    help like feel felt know think sure right yes okay ok""".split()
)


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content(text: str, student: str | None) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’", "'").replace("'s", ""))
    skip = {student.lower()} if student else set()
    return {stem(w) for w in words if len(w) > 2 and w not in STOPWORDS and w not in skip}


def read(path: Path) -> list[dict[str, str]]:
    if path.name.startswith("written-"):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, speaker, text = line.split("\t")
                rows.append({"label": "1" if label == "true" else "0", "text": text, "role": speaker})
        return rows
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def side_of(role: str) -> str | None:
    if role in FAMILY_ROLES:
        return "family"
    if role in SCHOOL_ROLES or role in ("director", "case-manager"):
        return "school"
    return None


def engine(folder: Path | None) -> Callable[..., Any]:
    if folder is not None:
        sys.path.insert(0, str(folder.resolve()))
    else:
        sys.path.insert(0, str(ROOT))
    from facilitator.reframe import analyze

    if "side" not in inspect.signature(analyze).parameters:  # an engine from before --side
        return lambda text, student, side: analyze(text, student=student)
    return lambda text, student, side: analyze(text, student=student, side=side)


def measure(rows: list[dict[str, str]], analyze: Callable[..., Any]) -> dict[str, float]:
    tp = fp = fn = 0
    offered: Counter[str] = Counter()
    flagged = reuse_all = reuse_any = 0
    for row in rows:
        label = row["label"] == "1"
        found = analyze(row["text"], STUDENT, side_of(row.get("role", "")))
        tp += found.accusatory and label
        fp += found.accusatory and not label
        fn += label and not found.accusatory
        if not found.accusatory:
            continue
        flagged += 1
        words = content(row["text"], STUDENT)
        shares = [bool(content(s, STUDENT) & words) for s in found.suggestions]
        reuse_all += bool(shares) and all(shares)
        reuse_any += any(shares)
        for sentence in set(found.suggestions):
            offered[sentence.replace(STUDENT, "NAME")] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(rows),
        "accusatory": sum(row["label"] == "1" for row in rows),
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "flagged": flagged,
        "top_share": (offered.most_common(1)[0][1] / flagged) if offered else 0.0,
        "reuse_all": reuse_all / flagged if flagged else 0.0,
        "reuse_any": reuse_any / flagged if flagged else 0.0,
        "no_word": 1 - reuse_any / flagged if flagged else 0.0,
    }


def line(name: str, m: dict[str, float]) -> str:
    return (
        f"{name:15} n={m['n']:4} acc={m['accusatory']:4}  P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f}"
        f"  | flagged={m['flagged']:4} top={m['top_share']:.3f} reuse_all={m['reuse_all']:.3f}"
        f" reuse_any={m['reuse_any']:.3f} no_word={m['no_word']:.3f}"
    )


def sets(split: str) -> dict[str, list[Path]]:
    if split == "test":
        return {"real-test": sorted(DATA.glob("real-test-*.tsv"))}
    out = {
        "real-train": sorted(DATA.glob("real-train-*.tsv")),
        "real-dev": sorted(DATA.glob("real-dev-*.tsv")),
        "written-devset": [DATA / "written-devset.tsv"],
    }
    for path in sorted(DATA.glob("written-batch*.tsv")):
        out[path.stem] = [path]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["train-dev", "test"], default="train-dev")
    parser.add_argument("--engine", type=Path, help="a checkout whose facilitator/ to measure")
    parser.add_argument("--note", default="", help="what was measured (logged with a test run)")
    args = parser.parse_args()
    analyze = engine(args.engine)
    lines = []
    for name, paths in sets(args.split).items():
        rows = [row for path in paths if path.exists() for row in read(path)]
        if rows:
            lines.append(line(name, measure(rows, analyze)))
    print("\n".join(lines))
    if args.split == "test":
        commit = subprocess.run(
            ["git", "-C", str(args.engine or ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with LOG.open("a", encoding="utf-8") as handle:
            handle.write(f"\n## {when}, engine {args.engine or 'this checkout'} at {commit or '?'}\n")
            if args.note:
                handle.write(f"{args.note}\n")
            handle.write("\n```\n" + "\n".join(lines) + "\n```\n")


if __name__ == "__main__":
    main()
