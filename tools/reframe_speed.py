"""Timing script for the reframing engine (not a test: DESIGN.md section 11 budgets are watched,
not asserted). Run: .venv/bin/python tools/reframe_speed.py

Prints the import time and statements a second on one core for distinct ~180-character
statements built from the labelled sets: "mixed" pairs a quiet statement with a quiet or an
accusatory one (about half flagged); "accusatory" pairs two accusatory ones (nearly all
flagged, so every one gets suggestions).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parent / "tests" / "data" / "reframe"
sys.path.insert(0, str(HERE.parent))


def load() -> tuple[list[str], list[str]]:
    quiet, loud = [], []
    for path in [DATA / "written-devset.tsv", *sorted(DATA.glob("written-batch*.tsv"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, _speaker, text = line.split("\t")
                (loud if label == "true" else quiet).append(text)
    return quiet, loud


def build(first: list[str], second: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        text = rng.choice(first) + " " + rng.choice(second)
        while len(text) < 160:
            text += " " + rng.choice(first)
        out.append(f"{text[:190]} ({len(out)})")  # distinct, about 180-200 characters
    return out


def rate(analyze, texts: list[str], runs: int = 5) -> float:
    per = len(texts) // runs
    rates = []
    for run in range(runs):
        batch = texts[run * per : (run + 1) * per]
        start = time.perf_counter()
        for text in batch:
            analyze(text, student="Maya")
        rates.append(len(batch) / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    start = time.perf_counter()
    from facilitator.reframe import analyze

    imported = time.perf_counter() - start
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    quiet, loud = load()
    mixed = build(quiet, quiet + loud, 6000, seed=1)
    accusatory = build(loud, loud, 6000, seed=2)
    for text in build(quiet, loud, 300, seed=3):
        analyze(text)  # warm up
    flagged = sum(analyze(t).accusatory for t in mixed[:1000]) / 1000
    print(f"import {imported:.3f} s")
    print(f"mixed      {rate(analyze, mixed):7.0f} statements/s  ({flagged:.0%} flagged)")
    print(f"accusatory {rate(analyze, accusatory):7.0f} statements/s")


if __name__ == "__main__":
    main()
