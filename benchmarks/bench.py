"""The performance budgets of DESIGN.md section 11, measured in one run (`make bench`).

Generates the large case (benchmarks/large_case.py: 10 sessions, about 2,000 records) in a
temporary data folder and measures each budget as a ratio against its baseline, or as a rate
or a time where the budget is absolute:

    startup_ratio    cold start of the board on the large case to its first painted screen (a
                     new headless process), over the same for a bare Textual app with a Header,
                     a DataTable and a Footer                                   target <= 1.5
    save_ratio       one durable change through the store (CaseFile.save) on the large case,
                     over writing the same JSON by hand (temp file, fsync, os.replace, fsync
                     of the folder)                                             target <= 2
    reframe_per_s    distinct statements a second through reframe.analyze, one thread pinned
                     to one core                                                target >= 5,000
    typing_ratio     the reframing work of one key typed at the end of a 5,000-character line
                     (each key re-reads the line, as the board does), over one key of a
                     50-character line, timed in the same run                  target <= 2
    export_s         render_export of the whole large case (consensus, the default)  < 0.1 s
    review_s         render_review of the whole large case (text, the default)       < 0.1 s
    keystroke_ratio  recording one interest on the board (Enter on the capture line until the
                     first repaint that shows it), large case over the demo case  target <= 2
    docx_ratio       the docx export of the large case's latest session (consensus), over the
                     Markdown export of the same                                target <= 20
    pdf_ratio        the pdf export of the same, over the same Markdown        target <= 20
    list_scale_ratio `facilitator list` (a new process, as a mediator runs it) over 200 cases
                     of typical size, over the same for 10 cases               target <= 3
    due_scale_ratio  `facilitator due --format json` the same way              target <= 3

Each figure is the median of several runs. Prints a table; ``--json`` prints one JSON object
with those keys (null when a figure could not be measured) plus ``details``, ``machine``,
``runs``, ``missed``, ``errors``, ``quick`` and ``smoke``. ``--quick`` runs fewer repetitions;
``--smoke`` measures each figure once on small inputs and skips the untimed warm-ups, which
proves the script works without measuring anything (for the tests); ``--only NAME`` measures only the figures named (``--only pdf_ratio``: the pdf and
the Markdown exports, with their CPU times in ``details``); ``--check`` exits 1 when a budget
is missed. Budgets are for people to watch, not timed tests: the exit status is 0 unless
``--check`` is given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_case import (  # noqa: E402
    CASE_ID,
    STUDENT,
    large_case,
    large_case_document,
    record_count,
    statement_texts,
)

# name: (target, "max" or "min", how the figure is shown)
BUDGETS: dict[str, tuple[float, str, str]] = {
    "startup_ratio": (1.5, "max", "ratio"),
    "save_ratio": (2.0, "max", "ratio"),
    "reframe_per_s": (5000.0, "min", "rate"),
    "typing_ratio": (2.0, "max", "ratio"),
    "export_s": (0.1, "max", "seconds"),
    "review_s": (0.1, "max", "seconds"),
    "keystroke_ratio": (2.0, "max", "ratio"),
    "docx_ratio": (20.0, "max", "ratio"),
    "pdf_ratio": (20.0, "max", "ratio"),
    "list_scale_ratio": (3.0, "max", "ratio"),
    "due_scale_ratio": (3.0, "max", "ratio"),
}


@dataclass(frozen=True)
class Plan:
    """How many times each figure is measured (its median is reported), and on what."""

    startup: int
    save: int
    reframe_runs: int
    reframe_batch: int
    render: int
    keystroke: int
    scale: int
    # statements analysed before reframing is timed (the engine compiles each lexicon entry
    # the first time a word needs it)
    reframe_warm_up: int = 1000
    # the two folders `list` and `due` are compared over
    scale_cases: tuple[int, int] = (10, 200)
    # untimed first runs: a cold start of each runner, one call before each timed render,
    # the first `list` of each folder (it builds the index)
    warm_up: bool = True


FULL = Plan(startup=9, save=21, reframe_runs=7, reframe_batch=2000, render=11, keystroke=15, scale=7)
QUICK = Plan(startup=2, save=5, reframe_runs=3, reframe_batch=300, render=3, keystroke=3, scale=2)
# Every figure once, on small inputs: the script works end to end, its figures mean nothing.
SMOKE = Plan(
    startup=1,
    save=1,
    reframe_runs=1,
    reframe_batch=50,
    render=1,
    keystroke=1,
    scale=1,
    reframe_warm_up=50,
    scale_cases=(2, 20),
    warm_up=False,
)


class Unavailable(Exception):
    """A figure that cannot be measured in this tree (say, a module not written yet)."""


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- cold start


# Both runners stop at their first painted screen and say so on stdout. In headless mode the
# compositor still renders every widget; only writing escape codes to a terminal is skipped,
# for both alike. App._display is the one place every paint goes through.
_FIRST_PAINT = """
def stop_at_first_paint(app, painted_screen):
    import os
    display = app._display
    done = []

    def first_paint(screen, renderable):
        display(screen, renderable)
        if renderable is not None and not done and painted_screen(screen):
            done.append(True)
            os.write(1, b"painted\\n")
            app.exit()

    app._display = first_paint
"""

BOARD_RUNNER = (
    _FIRST_PAINT
    + """
import sys
from pathlib import Path

from facilitator.store import Store
from facilitator.tui.app import make_app
from facilitator.tui.screens.board import BoardScreen

app = make_app(Store(Path(sys.argv[1])), sys.argv[2])
stop_at_first_paint(app, lambda screen: isinstance(screen, BoardScreen))
app.run(headless=True, size=(120, 36))
sys.exit(1 if app.problem else 0)
"""
)

BARE_RUNNER = (
    _FIRST_PAINT
    + """
from textual.app import App
from textual.widgets import DataTable, Footer, Header


class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("topic", "who", "status")
        for n in range(20):
            table.add_row(f"agenda item {n}", "someone", "open")


app = Bare()
stop_at_first_paint(app, lambda screen: True)
app.run(headless=True, size=(120, 36))
"""
)


def _cold_start(runner: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning a new interpreter to its first paint, and to its exit."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(runner), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    painted = None
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == b"painted":
            painted = time.perf_counter() - start
            break
    out, err = child.communicate(timeout=120)
    ended = time.perf_counter() - start
    if painted is None or child.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(
            f"{runner.name} exited {child.returncode} without painting: "
            f"{message[-1] if message else '(no output)'}"
        )
    return painted, ended


def bench_startup(folder: Path, plan: Plan) -> tuple[float, dict[str, Any]]:
    try:
        import facilitator.tui.screens.board  # noqa: F401
    except ImportError as exc:
        raise Unavailable(f"the board cannot be imported: {exc}") from None
    from facilitator.store import Store

    home = folder / "startup-home"
    Store(home).create(large_case())
    board = folder / "board_runner.py"
    bare = folder / "bare_runner.py"
    board.write_text(BOARD_RUNNER, "utf-8")
    bare.write_text(BARE_RUNNER, "utf-8")
    env = {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    # PYTHONDONTWRITEBYTECODE would leave the board's own modules without bytecode, compiled
    # again in every run, while Textual's were compiled when it was installed (as the board's
    # are when facilitator is installed).
    for name in (
        "TEXTUAL",
        "TEXTUAL_LOG",
        "TEXTUAL_DEBUG",
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)

    if plan.warm_up:  # one of each first, so both find their files in the OS cache
        _cold_start(bare, [], env)
        _cold_start(board, [str(home), CASE_ID], env)
    board_paint, board_exit, bare_paint, bare_exit = [], [], [], []
    for _ in range(plan.startup):
        paint, end = _cold_start(bare, [], env)
        bare_paint.append(paint)
        bare_exit.append(end)
        paint, end = _cold_start(board, [str(home), CASE_ID], env)
        board_paint.append(paint)
        board_exit.append(end)
    ratio = median(board_paint) / median(bare_paint)
    return ratio, {
        "startup_board_s": median(board_paint),
        "startup_bare_s": median(bare_paint),
        "startup_board_exit_s": median(board_exit),
        "startup_bare_exit_s": median(bare_exit),
        "startup_exit_ratio": median(board_exit) / median(bare_exit),
    }


# ---------------------------------------------------------------- durable save


def write_by_hand(path: Path, document: dict[str, Any]) -> None:
    """The baseline: the same JSON, written durably with nothing else around it."""
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def bench_save(folder: Path, plan: Plan) -> tuple[float, dict[str, Any]]:
    """One new interest saved through the store, against the same JSON written by hand.

    Statements, the longest list of the large case, are measured too (a detail, not the
    budget): a cost that grows with the length of a list shows there first.
    """
    from facilitator import actions
    from facilitator.store import Store, database_of

    home = folder / "save-home"
    store = Store(home)
    store.create(large_case())
    by_hand = folder / "by-hand"
    by_hand.mkdir()
    target = by_hand / f"{CASE_ID}.json"
    texts = statement_texts(plan.save + 1, seed=11)
    times: dict[str, tuple[list[float], list[float]]] = {"interest": ([], []), "statement": ([], [])}
    with store.open(CASE_ID) as case_file:
        session = case_file.case.latest.id
        parties = [p.id for p in case_file.case.parties]
        for kind, (saves, writes) in times.items():
            for n, text in enumerate(texts):
                party = parties[n % len(parties)]
                if kind == "interest":
                    new, _ = actions.record_interest(case_file.case, session, party, text[:150])
                else:
                    new, _ = actions.record_statement(
                        case_file.case, session, party, text, False, None, at=actions.now_stamp()
                    )
                document = database_of(new)
                # Alternate the two, so both see the same state of the disk.
                start = time.perf_counter()
                case_file.save(new)
                saved = time.perf_counter()
                write_by_hand(target, document)
                written = time.perf_counter()
                if n:  # the first of each is a warm-up
                    saves.append(saved - start)
                    writes.append(written - saved)
    (saves, writes), (statement_saves, statement_writes) = times["interest"], times["statement"]
    return median(saves) / median(writes), {
        "save_s": median(saves),
        "save_by_hand_s": median(writes),
        "save_statement_s": median(statement_saves),
        "save_statement_ratio": median(statement_saves) / median(statement_writes),
        "case_file_bytes": store.case_path(CASE_ID).stat().st_size,
        "by_hand_file_bytes": target.stat().st_size,
    }


# ---------------------------------------------------------------- reframing


@contextmanager
def one_core() -> Iterator[str]:
    """Pin this process to one core while measuring (where the OS allows it)."""
    if not hasattr(os, "sched_setaffinity"):
        yield "not pinned (no sched_setaffinity here)"
        return
    before = os.sched_getaffinity(0)
    core = max(before)
    os.sched_setaffinity(0, {core})
    try:
        yield f"pinned to core {core}"
    finally:
        os.sched_setaffinity(0, before)


def bench_reframe(plan: Plan) -> tuple[float, dict[str, Any]]:
    try:
        from facilitator.reframe import analyze
    except ImportError as exc:
        raise Unavailable(f"facilitator.reframe cannot be imported: {exc}") from None
    # Distinct statements for every run, so no cache inside the engine can help it.
    warm_up = plan.reframe_warm_up
    texts = statement_texts(warm_up + plan.reframe_runs * plan.reframe_batch, seed=99)
    for text in texts[:warm_up]:
        analyze(text, student=STUDENT)
    rates, cpu_rates, flagged = [], [], 0
    with one_core() as pinned:
        for run in range(plan.reframe_runs):
            batch = texts[warm_up + run * plan.reframe_batch : warm_up + (run + 1) * plan.reframe_batch]
            cpu = time.thread_time()
            start = time.perf_counter()
            for text in batch:
                analyze(text, student=STUDENT)
            rates.append(len(batch) / (time.perf_counter() - start))
            # CPU time too: on a shared machine the core's other work slows the wall clock.
            cpu_rates.append(len(batch) / max(time.thread_time() - cpu, 1e-9))
    for text in texts[warm_up : warm_up + plan.reframe_batch]:
        flagged += bool(analyze(text, student=STUDENT).accusatory)
    lengths = [len(t) for t in texts]
    return median(rates), {
        "reframe_statements_per_run": plan.reframe_batch,
        "reframe_mean_chars": round(statistics.mean(lengths), 1),
        "reframe_flagged_share": round(flagged / plan.reframe_batch, 3),
        "reframe_core": pinned,
        "reframe_cpu_per_s": round(median(cpu_rates)),
    }


def _typing_time(analyze: Callable[..., Any], line: str, keys: int) -> float:
    """Seconds per key for the last ``keys`` keys of ``line``, the line before them already read."""
    analyze(line[: len(line) - keys], student=STUDENT)
    start = time.perf_counter()
    for end in range(len(line) - keys + 1, len(line) + 1):
        analyze(line[:end], student=STUDENT)
    return (time.perf_counter() - start) / keys


def bench_typing(plan: Plan) -> tuple[float, dict[str, Any]]:
    """The same 50 keys typed alone and at the end of a 5,000-character line of finished
    sentences: the work per key should depend on the sentence being typed, not on the line.
    Whatever is typed second can reuse what the first one checked (its reframes, say), so each
    sentence is typed both ways round, after a first untimed typing."""
    try:
        from facilitator.reframe import analyze
    except ImportError as exc:
        raise Unavailable(f"facilitator.reframe cannot be imported: {exc}") from None
    keys = 50
    texts = statement_texts(42 * (plan.reframe_runs + 1), seed=123)
    short, long = [], []
    with one_core():
        for run in range(plan.reframe_runs):
            batch = texts[run * 42 : (run + 1) * 42]
            before = " ".join(batch[2:])
            while len(before) < 5000:
                before += " " + before
            before = before[: 5000 - keys]
            before = before[: before.rfind(". ") + 2].ljust(5000 - keys)
            for sentence in batch[:2]:
                # the same sentence typed once untimed (the engine compiles what a new word
                # needs the first time it meets it), then four times, marked apart so that
                # nothing read before helps, short line first and long line first
                _typing_time(analyze, f"!{run}) {sentence}"[:keys], keys)
                for first, second in (("(", "["), ("{", "<")):
                    alone = f"{first}{run}) {sentence}"[:keys]
                    late = before + f"{second}{run}) {sentence}"[:keys]
                    if first == "(":
                        short.append(_typing_time(analyze, alone, keys))
                        long.append(_typing_time(analyze, late, keys))
                    else:
                        long.append(_typing_time(analyze, late, keys))
                        short.append(_typing_time(analyze, alone, keys))
    return statistics.mean(long) / statistics.mean(short), {
        "typing_long_key_s": statistics.mean(long),
        "typing_short_key_s": statistics.mean(short),
    }


# ---------------------------------------------------------------- export and review


def _median_time(call: Callable[[], object], runs: int, warm_up: bool = True) -> float:
    if warm_up:
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return median(times)


def bench_render(folder: Path, plan: Plan) -> dict[str, Any]:
    from facilitator.export import render_export
    from facilitator.review import render_review
    from facilitator.store import Store

    home = folder / "render-home"
    store = Store(home)
    store.create(large_case())
    case = store.read(CASE_ID)
    today = date.today()

    def timed(call: Callable[[], object]) -> float:
        return _median_time(call, plan.render, plan.warm_up)

    return {
        "export_s": timed(lambda: render_export(case, today=today)),
        "details": {
            "export_summary_s": timed(lambda: render_export(case, kind="summary", today=today)),
            "review_json_s": timed(lambda: render_review(case, "json")),
            "review_markdown_s": timed(lambda: render_review(case, "markdown")),
            "load_case_s": timed(lambda: store.read(CASE_ID)),
        },
        "review_s": timed(lambda: render_review(case, "text")),
    }


def _median_times(call: Callable[[], object], runs: int, warm_up: bool = True) -> tuple[float, float]:
    """The median wall-clock time of a call and its median CPU time (steadier on a shared machine)."""
    if warm_up:
        call()
    walls, cpus = [], []
    for _ in range(runs):
        cpu = time.process_time()
        start = time.perf_counter()
        call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return median(walls), median(cpus)


def bench_formats(folder: Path, plan: Plan, formats: tuple[str, ...] = ("docx", "pdf")) -> dict[str, Any]:
    """docx and pdf against Markdown: the whole export (content and rendering) each time."""
    from facilitator.export import export_document, render
    from facilitator.store import Store

    store = Store(folder / "formats-home")
    store.create(large_case())
    case = store.read(CASE_ID)
    today = date.today()

    def export(fmt: str) -> Callable[[], object]:
        return lambda: render(export_document(case, None, "consensus", today), fmt)

    markdown, markdown_cpu = _median_times(export("markdown"), plan.render, plan.warm_up)
    found: dict[str, Any] = {
        "details": {"formats_markdown_s": markdown, "formats_markdown_cpu_s": markdown_cpu}
    }
    for fmt in formats:
        wall, cpu = _median_times(export(fmt), plan.render, plan.warm_up)
        found[f"{fmt}_ratio"] = wall / markdown
        found["details"] |= {
            f"formats_{fmt}_s": wall,
            f"formats_{fmt}_cpu_s": cpu,
            f"{fmt}_cpu_ratio": cpu / markdown_cpu,
        }
    return found


# ---------------------------------------------------------------- many cases

# A case of typical size: ten sessions and about 280 records (a seventh of the large case).
TYPICAL_COUNTS = {
    "interests": 100,
    "options": 25,
    "agreements": 15,
    "follow_ups": 20,
    "parking_lot": 10,
    "statements": 80,
    "notes": 30,
}


def _cases_folder(home: Path, count: int) -> None:
    from facilitator.model import case_from_document
    from facilitator.store import Store

    store = Store(home)
    for n in range(count):
        document = large_case_document(seed=n, counts=TYPICAL_COUNTS)
        document["id"] = f"case-{n:03d}"
        document["title"] = f"{document['title']} ({n})"
        store.create(case_from_document(document))


def _command_time(args: list[str], home: Path) -> float:
    env = {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", *args], capture_output=True, env=env, timeout=600
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(
            f"facilitator {' '.join(args)} exited {done.returncode}: {lines[-1] if lines else ''}"
        )
    return elapsed


def bench_scale(folder: Path, plan: Plan) -> dict[str, Any]:
    """`list` and `due` over 200 typical cases against 10 (the plan's ``scale_cases``): the cost
    must not grow with every case.

    Each command runs in a new process, as a mediator runs it. The first run of each folder
    builds the case index (its time is in ``details``); the figures are the runs after it.
    In-process times of ``index.read_cases`` and of reading every case in full (what `list`
    did before the index) are in ``details`` too.
    """
    try:
        from facilitator import index
    except ImportError as exc:
        raise Unavailable(f"the case index cannot be imported: {exc}") from None
    from facilitator.review import unresolved
    from facilitator.store import Store

    few, many = plan.scale_cases
    homes = {count: folder / f"cases-{count}" for count in plan.scale_cases}
    for count, home in homes.items():
        _cases_folder(home, count)
    # The index records a case only once its file is older than the racy window.
    time.sleep(index.RACY_NS / 1e9 + 0.2)
    commands = {"list": ["list"], "due": ["due", "--format", "json", "--today", "2026-06-01"]}
    details: dict[str, Any] = {"scale_cases": [few, many]}
    found: dict[str, Any] = {}
    for name, args in commands.items():
        times: dict[int, list[float]] = {count: [] for count in plan.scale_cases}
        for count, home in homes.items():
            if name == "list" and plan.warm_up:
                details[f"list_first_run_{count}_s"] = _command_time(args, home)  # builds the index
        for _ in range(plan.scale):
            for count, home in homes.items():  # alternate, so both see the same machine
                times[count].append(_command_time(args, home))
        small, large = median(times[few]), median(times[many])
        found[f"{name}_scale_ratio"] = large / small
        details[f"{name}_{few}_s"] = small
        details[f"{name}_{many}_s"] = large
    for count, home in homes.items():
        store = Store(home)
        details[f"read_cases_{count}_s"] = _median_time(
            lambda store=store: index.read_cases(store), plan.scale, plan.warm_up
        )
        details[f"index_{count}_bytes"] = index.index_path(store).stat().st_size
    store = Store(homes[many])
    details[f"list_without_index_{many}_s"] = _median_time(
        lambda: [unresolved(store.read(case_id)).count for case_id in store.case_ids()], 1, plan.warm_up
    )
    details["typical_case_bytes"] = store.case_path("case-000").stat().st_size
    return {**found, "details": details}


# ---------------------------------------------------------------- keystroke


async def _record_interests(store: Any, case_id: str, reps: int) -> dict[str, list[float]]:
    """Record ``reps`` interests through the board (after one warm-up); times in seconds.

    ``paint``: from posting Enter to the end of the first paint that shows the new interest.
    ``pilot``: from ``pilot.press("enter")`` through ``pilot.pause()``, which includes
    Textual's idle detection (it sleeps in 20 ms slices), so it hides differences.
    ``cpu``: process CPU time over that same span (all the work, without waiting on the disk).
    """
    from facilitator.model import MEDIATOR
    from facilitator.tui.app import make_app
    from facilitator.tui.screens.board import BoardScreen

    app = make_app(store, case_id)
    paints: list[tuple[float, int]] = []
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None and app.live is not None:
            paints.append((time.perf_counter(), len(app.live.case.interests)))

    app._display = timed_display  # type: ignore[method-assign]
    texts = statement_texts(reps + 1, seed=23)
    times: dict[str, list[float]] = {"paint": [], "pilot": [], "cpu": []}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen), f"the board did not open: {app.problem}"
        board.capture_input.cursor_blink = False  # no paints of its own while measuring
        for _ in range(20):  # F3 walks the kinds (statement -> interest), F2 the parties
            if app.live.desk.kind != "interest":
                await pilot.press("f3")
            elif app.live.desk.speaker == MEDIATOR:
                await pilot.press("f2")
        assert app.live.desk.kind == "interest" and app.live.desk.speaker != MEDIATOR, app.live.desk
        for n, text in enumerate(texts):
            app.clear_notifications()
            board.capture_input.value = text[:150]
            await pilot.pause()
            before = len(app.live.case.interests)
            paints.clear()
            cpu = time.process_time()
            start = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            end = time.perf_counter()
            cpu = time.process_time() - cpu
            assert len(app.live.case.interests) == before + 1, "the interest was not recorded"
            shown = next((moment for moment, count in paints if count > before), None)
            assert shown is not None, "no paint after the interest was recorded"
            if n:  # the first is a warm-up
                times["paint"].append(shown - start)
                times["pilot"].append(end - start)
                times["cpu"].append(cpu)
    return times


def bench_keystroke(folder: Path, plan: Plan) -> tuple[float, dict[str, Any]]:
    try:
        import facilitator.tui.screens.board  # noqa: F401
    except ImportError as exc:
        raise Unavailable(f"the board cannot be imported: {exc}") from None
    from facilitator.demo import DEMO_ID, demo_case
    from facilitator.store import Store

    large_store = Store(folder / "keystroke-large")
    large_store.create(large_case())
    demo_store = Store(folder / "keystroke-demo")
    demo_store.create(demo_case(date.today()))
    large = asyncio.run(_record_interests(large_store, CASE_ID, plan.keystroke))
    demo = asyncio.run(_record_interests(demo_store, DEMO_ID, plan.keystroke))
    return median(large["paint"]) / median(demo["paint"]), {
        "keystroke_large_s": median(large["paint"]),
        "keystroke_demo_s": median(demo["paint"]),
        "keystroke_pilot_large_s": median(large["pilot"]),
        "keystroke_pilot_demo_s": median(demo["pilot"]),
        "keystroke_pilot_ratio": median(large["pilot"]) / median(demo["pilot"]),
        "keystroke_cpu_large_s": median(large["cpu"]),
        "keystroke_cpu_demo_s": median(demo["cpu"]),
        "keystroke_cpu_ratio": median(large["cpu"]) / median(demo["cpu"]),
    }


# ---------------------------------------------------------------- the run


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        from importlib.metadata import version

        textual = version("textual")
    except Exception:
        textual = "?"
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": platform.platform(),
        "textual": textual,
    }


def run(plan: Plan, parent: Path | None = None, only: set[str] | None = None) -> dict[str, Any]:
    result: dict[str, Any] = dict.fromkeys(BUDGETS)
    details: dict[str, Any] = {}
    errors: dict[str, str] = {}
    case = large_case()
    details["case_records"] = record_count(case)
    details["case_sessions"] = len(case.sessions)
    details["case_agenda_items"] = sum(len(s.agenda) for s in case.sessions)
    details["case_parties"] = len(case.parties)

    def measure(keys: list[str], step: Callable[[], Any]) -> None:
        if only is not None and not only & set(keys):
            for key in keys:
                errors[key] = "not measured: --only"
            return
        progress(f"measuring {', '.join(keys)}")
        try:
            found = step()
        except Unavailable as exc:
            for key in keys:
                errors[key] = f"not measured: {exc}"
            return
        except Exception as exc:  # one broken figure must not hide the others
            traceback.print_exc(file=sys.stderr)
            for key in keys:
                errors[key] = f"failed: {type(exc).__name__}: {exc}"
            return
        if isinstance(found, dict):
            details.update(found.pop("details", {}))
            result.update(found)
        else:
            value, more = found
            result[keys[0]] = value
            details.update(more)
        for key in keys:
            if result[key] is None and key not in errors:
                errors[key] = "not measured: --only"

    with tempfile.TemporaryDirectory(prefix="facilitator-bench-", dir=parent) as temporary:
        folder = Path(temporary)
        for name in ("startup", "save", "keystroke", "render", "formats", "scale"):
            (folder / name).mkdir()
        measure(["startup_ratio"], lambda: bench_startup(folder / "startup", plan))
        measure(["save_ratio"], lambda: bench_save(folder / "save", plan))
        measure(["reframe_per_s"], lambda: bench_reframe(plan))
        measure(["typing_ratio"], lambda: bench_typing(plan))
        measure(["export_s", "review_s"], lambda: bench_render(folder / "render", plan))
        measure(["keystroke_ratio"], lambda: bench_keystroke(folder / "keystroke", plan))
        formats = tuple(f for f in ("docx", "pdf") if only is None or f"{f}_ratio" in only)
        measure(["docx_ratio", "pdf_ratio"], lambda: bench_formats(folder / "formats", plan, formats))
        measure(["list_scale_ratio", "due_scale_ratio"], lambda: bench_scale(folder / "scale", plan))

    missed = [key for key, value in result.items() if value is not None and not meets(key, value)]
    return {
        **result,
        "details": details,
        "errors": errors,
        "missed": missed,
        "runs": {k: v for k, v in plan.__dict__.items()},
        "quick": plan is not FULL,
        "smoke": plan is SMOKE,
        "machine": machine(),
    }


def meets(key: str, value: float) -> bool:
    target, direction, _ = BUDGETS[key]
    if key in ("export_s", "review_s"):
        return value < target
    return value <= target if direction == "max" else value >= target


def shown(key: str, value: float) -> str:
    kind = BUDGETS[key][2]
    if kind == "ratio":
        return f"{value:.2f}x"
    if kind == "rate":
        return f"{value:,.0f}/s"
    return f"{value:.4f} s"


def explain(key: str, d: dict[str, Any]) -> str:
    """The figures behind a ratio, for the table."""
    try:
        if key == "startup_ratio":
            return (
                f"board {ms(d['startup_board_s'])} / bare {ms(d['startup_bare_s'])} to first paint "
                f"(to exit: {d['startup_exit_ratio']:.2f}x)"
            )
        if key == "save_ratio":
            return (
                f"store {ms(d['save_s'])} / by hand {ms(d['save_by_hand_s'])} (an interest), "
                f"{d['case_file_bytes'] / 1024:,.0f} KiB file; a statement {d['save_statement_ratio']:.2f}x"
            )
        if key == "reframe_per_s":
            return (
                f"{d['reframe_statements_per_run']} distinct statements a run, "
                f"{d['reframe_mean_chars']:.0f} chars on average, "
                f"{d['reframe_flagged_share']:.0%} flagged, {d['reframe_core']}; "
                f"{d['reframe_cpu_per_s']:,}/s of CPU time"
            )
        if key == "typing_ratio":
            return f"a key at 5,000 chars {ms(d['typing_long_key_s'])} / at 50 chars {ms(d['typing_short_key_s'])}"
        if key == "export_s":
            return (
                f"consensus; summary {d['export_summary_s']:.4f} s; loading the case {d['load_case_s']:.4f} s"
            )
        if key == "review_s":
            return f"text; json {d['review_json_s']:.4f} s, markdown {d['review_markdown_s']:.4f} s"
        if key in ("docx_ratio", "pdf_ratio"):
            fmt = key.split("_")[0]
            return (
                f"{fmt} {ms(d[f'formats_{fmt}_s'])} / markdown {ms(d['formats_markdown_s'])} (latest session, "
                f"consensus); cpu {d[f'{fmt}_cpu_ratio']:.2f}x"
            )
        if key in ("list_scale_ratio", "due_scale_ratio"):
            name = key.split("_")[0]
            few, many = d["scale_cases"]
            return (
                f"{many} cases {ms(d[f'{name}_{many}_s'])} / {few} cases {ms(d[f'{name}_{few}_s'])} "
                f"(a new process); in process {ms(d[f'read_cases_{many}_s'])} / {ms(d[f'read_cases_{few}_s'])}"
                + (f"; without the index {d[f'list_without_index_{many}_s']:.2f} s" if name == "list" else "")
            )
        if key == "keystroke_ratio":
            return (
                f"large {ms(d['keystroke_large_s'])} / demo {ms(d['keystroke_demo_s'])} to repaint; "
                f"cpu {d['keystroke_cpu_ratio']:.2f}x, pilot {d['keystroke_pilot_ratio']:.2f}x"
            )
    except KeyError:
        pass
    return ""


def table(found: dict[str, Any]) -> str:
    d = found["details"]
    lines = [
        f"facilitator benchmarks: large case of {d['case_sessions']} sessions, {d['case_records']:,} records, "
        f"{d['case_agenda_items']} agenda items, {d['case_parties']} parties"
        + (
            " (smoke: each figure once on small inputs, the figures mean nothing)"
            if found["smoke"]
            else " (quick: few repetitions, rough figures)"
            if found["quick"]
            else ""
        ),
        "",
        f"{'budget':<16} {'figure':>11}  {'target':<9} {'':<6} detail (medians)",
    ]
    for key, (target, direction, kind) in BUDGETS.items():
        value = found[key]
        bound = ("<= " if direction == "max" else ">= ") if kind != "seconds" else "< "
        goal = bound + (f"{target:,.0f}" if kind == "rate" else f"{target:g}")
        if value is None:
            lines.append(f"{key:<16} {'-':>11}  {goal:<9} {'n/a':<6} {found['errors'].get(key, '')}")
        else:
            verdict = "ok" if meets(key, value) else "MISSED"
            lines.append(f"{key:<16} {shown(key, value):>11}  {goal:<9} {verdict:<6} {explain(key, d)}")
    m = found["machine"]
    lines += [
        "",
        f"machine: {m['cpus']} CPUs, {m['cpu']}, {m['implementation']} {m['python']}, "
        f"Textual {m['textual']}, {m['system']}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the performance budgets of DESIGN.md section 11.")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--quick", action="store_true", help="few repetitions: rough figures, fast")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="each figure once on small inputs, no warm-ups: proves the script works (for the tests)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument(
        "--dir", type=Path, help="where to make the temporary data folder (default: system temp)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=list(BUDGETS),
        metavar="NAME",
        help="measure only this figure (and those measured with it); may be given again",
    )
    args = parser.parse_args(argv)
    plan = SMOKE if args.smoke else QUICK if args.quick else FULL
    found = run(plan, args.dir, set(args.only) if args.only else None)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
    else:
        print(table(found))
    return 1 if args.check and (found["missed"] or found["errors"]) else 0


if __name__ == "__main__":
    sys.exit(main())
