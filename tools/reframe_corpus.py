"""The real-speech corpus for the reframing engine: add collected sentences, split by page.

Each sentence was written in public by a parent, teacher, advocate, attorney, administrator
or hearing officer, and is kept verbatim with its page address, the speaker's role and a
one-line reason for its label (REFRAMING.md). The split is made once, by source page: every
sentence of a page lands in the same split, chosen by a hash of the page's address, so a
page's wording never helps the engine on its own test sentences.

    python tools/reframe_corpus.py add RAW.tsv --tag a   # RAW: label, text, role, url, reason
    python tools/reframe_corpus.py stats                 # counts only, never the sentences

Files: tests/data/reframe/real-{train,dev,test}-{tag}.tsv, same five columns with a header.
The test split is never read while tuning: tools that tune read train and dev only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import unicodedata
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "data" / "reframe"
COLUMNS = ("label", "text", "role", "url", "reason")
ROLES = (
    "parent",
    "advocate",
    "attorney",
    "teacher",
    "administrator",
    "specialist",
    "hearing-officer",
    "student",
    "other",
)


def split_of(url: str) -> str:
    """train (60%), dev (15%) or test (25%), fixed by the page address alone."""
    page = url.strip().split("#")[0].rstrip("/").lower()
    bucket = int(hashlib.sha256(page.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < 25:
        return "test"
    if bucket < 40:
        return "dev"
    return "train"


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def known_texts() -> set[str]:
    return {normal(row["text"]) for path in FOLDER.glob("real-*.tsv") for row in read(path)}


def add(raw: Path, tag: str) -> None:
    seen = known_texts()
    added = {"train": 0, "dev": 0, "test": 0}
    problems = 0
    rows_by_split: dict[str, list[dict[str, str]]] = {"train": [], "dev": [], "test": []}
    for number, row in enumerate(read(raw), start=2):
        try:
            label, text, role, url = (row[c].strip() for c in COLUMNS[:4])
            reason = (row.get("reason") or "").strip()
        except (KeyError, AttributeError):
            print(f"{raw}:{number}: needs the columns {', '.join(COLUMNS)}", file=sys.stderr)
            problems += 1
            continue
        if label not in ("0", "1") or not text or not url.startswith("http") or role not in ROLES:
            print(
                f"{raw}:{number}: label 0/1, text, a known role and an http address are required",
                file=sys.stderr,
            )
            problems += 1
            continue
        if any(c in text for c in "\t\r\n") or normal(text) in seen:
            continue
        seen.add(normal(text))
        split = split_of(url)
        rows_by_split[split].append(
            {"label": label, "text": text, "role": role, "url": url, "reason": reason}
        )
        added[split] += 1
    FOLDER.mkdir(parents=True, exist_ok=True)
    for split, rows in rows_by_split.items():
        if not rows:
            continue
        path = FOLDER / f"real-{split}-{tag}.tsv"
        new = not path.exists()
        with path.open("a", encoding="utf-8", newline="") as handle:
            # No quote character: a sentence's own quotation marks are kept literally, as read.
            writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
            if new:
                writer.writeheader()
            writer.writerows(rows)
    print(f"added {added} ({problems} rows refused)")


def stats() -> None:
    for split in ("train", "dev", "test"):
        rows = [row for path in sorted(FOLDER.glob(f"real-{split}-*.tsv")) for row in read(path)]
        pages = {row["url"] for row in rows}
        positive = sum(row["label"] == "1" for row in rows)
        print(f"{split:5}  {len(rows):5} sentences  {positive:5} accusatory  {len(pages):4} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("add")
    p.add_argument("raw", type=Path)
    p.add_argument("--tag", required=True)
    sub.add_parser("stats")
    args = parser.parse_args()
    if args.command == "add":
        add(args.raw, args.tag)
    else:
        stats()


if __name__ == "__main__":
    main()
