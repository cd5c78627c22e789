"""Fixtures every test file may use: a private data folder, the sample case, and the CLI.

* ``home``: an empty data folder (``FACILITATOR_HOME``), not created yet, so tests also
  see what the app creates itself.
* ``leo`` / ``leo_document``: the sample case of DESIGN.md section 3, as a ``Case`` and as
  a fresh, freely editable JSON document.
* ``no_fsync``: saves skip the flush to the disk (for property tests that save a lot).
* ``run_cli``: ``main([...])`` in this process; ``run_process``: ``python -m facilitator``
  in a child process. Both return a ``Result`` (code, out, err), and both fail a command
  that runs past ``timeout`` seconds instead of hanging the suite (in this process, on POSIX,
  through SIGALRM: the one test that reads a FIFO or a device by mistake is stopped).
  A real process is for what a process is: no terminal, a second process, a kill.
"""

from __future__ import annotations

import copy
import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from facilitator.model import Case, parse_case

# CI runs the property tests on a fixed sequence of examples, so a landing never depends on luck.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
LEO_PATH = FIXTURES / "leo.json"
_LEO_DOCUMENT = json.loads(LEO_PATH.read_text("utf-8"))


@dataclass
class Result:
    code: int
    out: str
    err: str

    def error_line(self) -> str:
        """The one line a failed command printed; fails unless it failed the documented way."""
        assert self.code == 1, f"exit {self.code}, stderr: {self.err!r}"
        assert "Traceback" not in self.err, self.err
        lines = self.err.splitlines()
        assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
        assert lines[0].startswith("facilitator: error: "), lines[0]
        return lines[0]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder for this test (inside tmp_path, created by the app when needed)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("FACILITATOR_HOME", str(folder))
    return folder


@pytest.fixture
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """For property tests that save hundreds of times: no waiting on the disk's flush. What a
    case reads back does not depend on it; durability is proven in test_store_faults.py."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture
def leo_document() -> dict:
    """The sample case as a JSON document; a fresh copy for each test."""
    return copy.deepcopy(_LEO_DOCUMENT)


@pytest.fixture
def leo() -> Case:
    return parse_case(LEO_PATH.read_bytes())


@contextmanager
def _deadline(seconds: float | None, what: str) -> Iterator[None]:
    """Fail the test when the block runs longer than ``seconds`` (a blocking read is interrupted)."""
    if seconds is None or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        pytest.fail(f"{what} still running after {seconds} s: it would hang a mediator's terminal")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def run_cli(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``facilitator ARGS...`` in this process: ``run_cli("list")`` -> Result."""
    from facilitator.cli import main

    def run(*args: object, stdin: str | None = None, timeout: float | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), "utf-8"))
        capsys.readouterr()
        try:
            with _deadline(timeout, f"facilitator {' '.join(map(str, args))}"):
                code = main([str(arg) for arg in args])
        except SystemExit as exc:  # argparse: usage errors, --help, --version
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def run_process(home: Path):
    """Run ``python -m facilitator ARGS...`` as a child process with this test's data folder."""

    def run(*args: object, stdin: str = "", timeout: float = 60) -> Result:
        env = {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", *map(str, args)],
            input=stdin.encode("utf-8"),
            capture_output=True,
            env=env,
            timeout=timeout,
        )
        return Result(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    return run
