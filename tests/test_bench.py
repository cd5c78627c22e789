"""The benchmark script works (DESIGN.md section 11); its figures are not asserted here.

The large case must be a valid case of the promised size, and ``bench.py --json --smoke``
must print one JSON object with the budget keys. The second test runs the whole script with
each figure measured once on small inputs (still new processes for the cold start and the
case list, two headless boards): a few seconds of CPU.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
BUDGET_KEYS = {
    "startup_ratio",
    "save_ratio",
    "reframe_per_s",
    "typing_ratio",
    "export_s",
    "review_s",
    "keystroke_ratio",
    "docx_ratio",
    "pdf_ratio",
    "list_scale_ratio",
    "due_scale_ratio",
}


def _large_case_module():
    spec = importlib.util.spec_from_file_location("bench_large_case", BENCHMARKS / "large_case.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_large_case_is_valid_and_large() -> None:
    large = _large_case_module()
    document = large.large_case_document()
    case = large.case_from_document(document)  # validates like an imported file
    assert len(case.sessions) == 10
    assert large.record_count(case) >= 2000
    for list_name in large.COUNTS:
        assert getattr(case, list_name), f"no {list_name} in the large case"
    assert all(6 <= len(s.agenda) <= 10 for s in case.sessions)
    assert [s.status for s in case.sessions].count("live") == 1
    assert all(60 <= len(s.text) <= 250 for s in case.statements)
    assert any(n.visibility == "caucus" for n in case.notes)
    assert any(g.missing() for g in case.agreements) and any(
        not g.missing() for g in case.agreements if g.kind in ("service", "trial")
    )
    assert all(o.addresses for o in case.options)
    # Deterministic: the same seed gives the same document.
    assert large.large_case_document() == document


def test_bench_smoke_json(tmp_path: Path) -> None:
    env = {**os.environ, "FACILITATOR_HOME": str(tmp_path / "unused-home")}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench.py"), "--json", "--smoke", "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout
    found = json.loads(lines[0])
    assert isinstance(found, dict)
    assert BUDGET_KEYS <= set(found)
    for key in BUDGET_KEYS:
        value = found[key]
        # A figure is a positive number, or null with the reason in "errors".
        assert (isinstance(value, (int, float)) and value > 0) or (
            value is None and key in found["errors"]
        ), (key, value, found["errors"].get(key))
    # What does not depend on a colleague's module must always be measured.
    for key in ("save_ratio", "export_s", "review_s"):
        assert found[key] is not None, found["errors"].get(key)
    assert found["quick"] is True and found["smoke"] is True
    assert found["details"]["case_records"] >= 2000
    assert not any(tmp_path.glob("facilitator-bench-*")), "the temporary data folder was left behind"
