"""The command line (DESIGN.md section 5): parse, call the domain modules, print.

Every failure a user can cause ends as one line on stderr starting
``facilitator: error:`` and exit status 1; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from facilitator import __version__
from facilitator.terminal import terminal_safe

if TYPE_CHECKING:
    from facilitator.model import Party
    from facilitator.store import Store


class UserError(Exception):
    """A problem the user can fix, reported as one line."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_streams()
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafe(sys.stdout), _TerminalSafe(sys.stderr)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:
        return 1
    except Exception as exc:  # every error is a one-liner; a traceback helps no mediator
        return _fail(_one_line(exc))
    finally:
        sys.stdout, sys.stderr = streams


class _TerminalSafe:
    """stdout or stderr for the commands: whatever they print reaches the terminal safe."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:  # started with the stream closed (`>&-`)
            raise OSError("standard output is closed, so there is nowhere to print")
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _fail(message: str) -> int:
    print(f"facilitator: error: {_clean(message)}", file=sys.stderr)
    return 1


def _clean(text: str) -> str:
    """User text made safe for a terminal line: no escape codes, no line breaks, a few hundred
    characters at most."""
    from facilitator.export import plain_inline
    from facilitator.model import one_line

    return one_line(plain_inline(text))


def _one_line(exc: Exception) -> str:
    from facilitator.model import explain

    return explain(exc)


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except ValueError:
                pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="A quiet session board for special-education (IEP) mediators.",
        epilog="Data folder: $FACILITATOR_HOME, else your user data folder. Run a command with -h for more.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.set_defaults(run=cmd_board)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(run=run)
        return p

    command("demo", cmd_demo, "create (if missing) and open the demo case")

    p = command("new", cmd_new, "create a case with session 1 from an agenda template; prints its id")
    p.add_argument("title", metavar="TITLE")
    p.add_argument("--student", required=True, metavar="NAME")
    p.add_argument("--agenda", required=True, metavar="TEMPLATE", help="see `facilitator agendas`")
    p.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="NAME:ROLE:SIDE",
        help='repeatable, e.g. --party "Ana Ruiz:parent:family"',
    )
    p.add_argument(
        "--signs",
        action="append",
        default=[],
        metavar="NAME",
        help="this party signs the agreement (repeatable; parents and guardians sign unless told)",
    )
    p.add_argument(
        "--authority",
        metavar="NAME",
        help="this party has the authority to bind the district, and signs for it",
    )
    p.add_argument("--id", dest="case_id", metavar="SLUG", help="case id (default: made from the title)")
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", help="date of session 1 (default: today)")

    p = command("open", cmd_open, "open the session board on a case")
    p.add_argument("case_id", metavar="CASE")

    command("list", cmd_list, "list cases: id, title, sessions, last date, open items")
    command("agendas", cmd_agendas, "list agenda templates: name, kind, items, title")

    p = command("review", cmd_review, "what is still unresolved in a case, red flags and what is overdue")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    p.add_argument(
        "--today", type=_date_arg, metavar="YYYY-MM-DD", help="judge what is overdue as of this day"
    )

    p = command("next", cmd_next, "start the next session from the previous state; prints its number")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument(
        "--date", type=_date_arg, metavar="YYYY-MM-DD", help="date of the new session (default: today)"
    )
    p.add_argument("--agenda", metavar="TEMPLATE", help="add this template's items after the carried ones")

    p = command("prep", cmd_prep, "the preparation checklist: who brings which documents")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")

    p = command("due", cmd_due, "what falls due across all cases: overdue, and in the coming days")
    p.add_argument(
        "--days", type=_days_arg, default=14, metavar="N", help="how many days ahead to look (default: 14)"
    )
    p.add_argument(
        "--today", type=_date_arg, metavar="YYYY-MM-DD", help="look from this day (default: today)"
    )
    p.add_argument("--format", choices=["text", "json", "ics"], default="text")
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (private to you) instead of stdout"
    )
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")

    p = command("export", cmd_export, "export a session: the agreement to sign, or your own record")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument("--session", type=int, metavar="N", help="session number (default: the latest)")
    p.add_argument(
        "--kind",
        choices=["consensus", "summary"],
        default="consensus",
        help="consensus: for the parties to sign (default); summary: your own record",
    )
    p.add_argument(
        "--format",
        choices=["markdown", "docx", "pdf"],
        default="markdown",
        help="markdown (default), docx or pdf; docx and pdf need -o",
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (private to you) instead of stdout"
    )

    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")

    p = command("import", cmd_import, "import a case file (format facilitator-case/1)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--replace", action="store_true", help="replace a case with the same id")

    p = command("dump", cmd_dump, "write a case as a case file (format facilitator-case/1)")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument("-o", "--output", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")

    p = command("reframe", cmd_reframe, "check statements for blame and suggest neutral reframes")
    p.add_argument("text", nargs="*", metavar="TEXT", help="statements (default: one per line from stdin)")
    p.add_argument("--json", action="store_true", help="one JSON object per statement")
    p.add_argument("--student", metavar="NAME", help="the student's name, used in suggestions")
    p.add_argument(
        "--side", choices=["family", "school"], help="the speaker's side, so that suggestions fit the speaker"
    )

    p = command("restore", cmd_restore, "list a case's backups or restore one")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.add_argument(
        "--from", dest="number", type=int, metavar="N", help="restore backup N (default: newest good)"
    )

    p = command("delete", cmd_delete, "remove a case, its backups and lock files")
    p.add_argument("case_id", metavar="CASE")
    p.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    return parser


def _date_arg(value: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _days_arg(value: str) -> int:
    try:
        if not re.fullmatch(r"[0-9]+", value.strip()):
            raise ValueError
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days (0 or more): {value[:40]!r}") from None


def _store() -> Store:
    from facilitator.store import Store

    store = Store()
    _close_data_folder(store)
    return store


def _close_data_folder(store: Store) -> None:
    """A data folder found open to others is closed again; what cannot be is said once."""
    stuck = store.make_private()
    if stuck:
        (first, reason), more = stuck[0], len(stuck) - 1
        print(
            f"facilitator: warning: {_clean(str(first))}{f' (and {more} more)' if more else ''} in your data "
            f"folder can be read by other users of this computer and could not be made private ({reason})",
            file=sys.stderr,
        )


def _write_output(path: Path, data: str | bytes, force: bool = False) -> Path:
    from facilitator.store import data_home, write_output

    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_output(path, payload, force=force, home=data_home())


def _print(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


# ---------------------------------------------------------------- the board


def cmd_board(args: argparse.Namespace) -> int:
    store = _store()
    return _run_board(store, store.last_opened(), fall_back_to_list=True)


def cmd_open(args: argparse.Namespace) -> int:
    return _run_board(_store(), args.case_id)


def cmd_demo(args: argparse.Namespace) -> int:
    from facilitator.demo import DEMO_ID, demo_case

    store = _store()
    if not store.exists(DEMO_ID):
        store.create(demo_case(date.today()))
    return _run_board(store, DEMO_ID)


def _run_board(store: Store, case_id: str | None, fall_back_to_list: bool = False) -> int:
    from facilitator.tui.app import run_board

    if not _in_a_terminal():
        # Without a terminal the board would spin on its input, holding the case's lock.
        if case_id and not fall_back_to_list:
            store.read(case_id)  # a missing or damaged case is the more useful thing to hear
        raise UserError("the session board needs a terminal: run facilitator in a terminal window")
    return run_board(store, case_id, fall_back_to_list=fall_back_to_list)


def _in_a_terminal() -> bool:
    # The board reads keys from stdin and draws on the terminal behind stdout/stderr.
    stdin, stderr = sys.__stdin__, sys.__stderr__
    return bool(stdin and stdin.isatty() and stderr and stderr.isatty())


# ---------------------------------------------------------------- cases


def cmd_new(args: argparse.Namespace) -> int:
    from facilitator.actions import case_slug, new_case, now_stamp, parse_party
    from facilitator.agenda import find_template

    store = _store()
    template = find_template(args.agenda, store.home)
    try:
        parties = [parse_party(spec, n) for n, spec in enumerate(args.party, start=1)]
    except ValueError as exc:
        raise UserError(f"--party {_one_line(exc)}") from None
    parties = _mark_signers(parties, args.signs, args.authority)
    case_id = args.case_id or store.free_id(case_slug(args.title))
    if store.exists(case_id):
        raise UserError(f'a case "{case_id}" already exists; choose another --id')
    case = new_case(
        case_id, args.title, args.student, parties, template, args.date or date.today(), now_stamp()
    )
    store.create(case)
    store.remember(case.id)  # `facilitator` alone opens the case just made
    _print(case.id)
    if not parties:
        print(
            "facilitator: note: no --party given; the mediator is listed until you add the parties",
            file=sys.stderr,
        )
    return 0


def _mark_signers(parties: list[Party], signs: list[str], authority: str | None) -> list[Party]:
    """The parties with --signs and --authority marked, each found by its name as given."""
    by_name = {" ".join(p.name.split()).casefold(): p for p in parties}

    def named(option: str, name: str) -> Party:
        found = by_name.get(" ".join(name.split()).casefold())
        if found is None:
            raise UserError(f'{option} "{name}" names no --party of this case')
        return found

    marks: dict[str, dict[str, bool]] = {}
    for name in signs:
        marks.setdefault(named("--signs", name).id, {})["signs"] = True
    if authority is not None:
        representative = named("--authority", authority)
        if representative.side.value != "school":
            raise UserError(
                f'--authority "{authority}": the one who binds the district sits on the school side'
            )
        marks.setdefault(representative.id, {}).update(signs=True, authority=True)
    return [p.model_copy(update=marks[p.id]) if p.id in marks else p for p in parties]


def cmd_list(args: argparse.Namespace) -> int:
    from facilitator.index import DamagedCase, read_cases

    cases = read_cases(_store())
    rows, damaged = [], []
    for case in cases:
        if isinstance(case, DamagedCase):
            damaged.append(case)
            continue
        rows.append(
            (
                case.id,
                _single_line(case.title),
                f"{case.sessions} session{'s' if case.sessions != 1 else ''}",
                case.last_date,
                f"{case.open_items} open",
            )
        )
    if not cases:
        print("no cases yet: try `facilitator demo` or `facilitator new`", file=sys.stderr)
    _print_columns(rows)
    # After the others, one line each, so a long problem never widens the table.
    for case in damaged:
        _print(f"{_clean(case.id)}  (cannot be read: {_clean(case.problem)})")
    return 0


def _single_line(text: str) -> str:
    return " ".join(text.split())


def _print_columns(rows: Sequence[tuple[str, ...]]) -> None:
    if not rows:
        return
    rows = [tuple(_clean(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        _print("  ".join(cells).rstrip())


def cmd_agendas(args: argparse.Namespace) -> int:
    from facilitator.agenda import list_templates

    templates, problems = list_templates(_store().home)
    rows = [
        (
            t.name,
            t.kind.value,
            f"{len(t.items)} item{'s' * (len(t.items) != 1)}",
            _single_line(t.title),
        )
        for t in templates
    ]
    _print_columns(rows)
    for problem in problems:
        print(f"facilitator: warning: {problem}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from facilitator.model import CaseError, parse_case
    from facilitator.store import MAX_CASE_BYTES, read_limited

    path: Path = args.file
    raw = read_limited(path, MAX_CASE_BYTES)  # never a pipe or device, never more than a case can be
    if raw is None:
        raise UserError(f"cannot read {path}: there is no such file")
    try:
        case = parse_case(raw)
    except CaseError as exc:
        raise UserError(f"{path.name}: {exc}") from None
    _store().create(case, replace=args.replace)
    _print(case.id)
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    case = _store().read(args.case_id)
    text = json.dumps(case.dump(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        _write_output(args.output, text, args.force)
    else:
        sys.stdout.write(text)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UserError(f"deleting {args.case_id} cannot be undone; add --yes to confirm")
    from facilitator import index

    store = _store()
    store.delete(args.case_id)
    index.forget(store, args.case_id)  # its title and deadlines must not outlive it
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = _store()
    if args.list:
        backups = store.backups(args.case_id)
        if not backups:
            raise UserError(f'case "{args.case_id}" has no backups')
        for backup in backups:
            state = "good" if backup.good else f"cannot be read: {_clean(backup.problem or '')}"
            _print(f"{backup.number}  {backup.saved:%Y-%m-%d %H:%M:%S}  {state}")
        return 0
    backup = store.restore(args.case_id, args.number)
    _print(f"restored backup {backup.number} from {backup.saved:%Y-%m-%d %H:%M:%S}")
    return 0


# ---------------------------------------------------------------- between sessions


def cmd_review(args: argparse.Namespace) -> int:
    from facilitator.review import render_review

    _print(render_review(_store().read(args.case_id), args.format, args.today or date.today()))
    return 0


def cmd_next(args: argparse.Namespace) -> int:
    from facilitator.agenda import agenda_items, find_template
    from facilitator.review import next_session

    store = _store()
    template = find_template(args.agenda, store.home) if args.agenda else None
    with store.open(args.case_id) as case_file:
        case = next_session(
            case_file.case,
            on=args.date or date.today(),
            items_after=agenda_items(template) if template else None,
            kind=template.kind if template else None,
        )
        case_file.save(case)
    _print(str(case.latest.number))
    return 0


def cmd_prep(args: argparse.Namespace) -> int:
    from facilitator.prep import render_prep

    _print(render_prep(_store().read(args.case_id), args.format))
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from facilitator.due import render_due
    from facilitator.index import due_report

    report = due_report(_store(), args.today or date.today(), args.days)
    text = render_due(report, args.format)
    if args.format == "ics":
        for case_id, problem in report.damaged:
            print(f"facilitator: warning: damaged: {_clean(case_id)}: {_clean(problem)}", file=sys.stderr)
    if args.output:
        written = _write_output(args.output, text, args.force)
        print(f"wrote {_clean(str(written))}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from facilitator.export import export_document, render

    if args.format != "markdown" and not args.output:
        raise UserError(f"a {args.format} export is a file: add -o FILE")
    case = _store().read(args.case_id)
    # Rendered whole before anything is written: a failure leaves no partial file.
    data = render(export_document(case, args.session, args.kind), args.format)
    if args.output:
        written = _write_output(args.output, data, args.force)
        print(f"wrote {_clean(str(written))}", file=sys.stderr)
    else:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
    return 0


# ---------------------------------------------------------------- reframing


# One statement is at most this long; a longer "line" (say /dev/zero) is refused, not read whole.
MAX_STATEMENT_CHARS = 1_000_000


def _bounded_lines(stream: TextIO) -> Iterator[str]:
    """Lines of ``stream`` without their line ends, each read at most MAX_STATEMENT_CHARS long."""
    while True:
        line = stream.readline(MAX_STATEMENT_CHARS + 1)
        if not line:
            return
        if len(line) > MAX_STATEMENT_CHARS and not line.endswith("\n"):
            raise UserError(
                f"a line on stdin is longer than {MAX_STATEMENT_CHARS:,} characters; nothing more was read"
            )
        yield line.rstrip("\r\n")


def _typed(text: str) -> str:
    """An argument as words: bytes that are not UTF-8 (kept as surrogates by Python) read as U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def cmd_reframe(args: argparse.Namespace) -> int:
    from facilitator.reframe import analyze, render_text

    lines: Iterable[str]
    if args.text:
        lines = [line for text in args.text for line in (_typed(text).splitlines() or [""])]
    else:
        if sys.stdin is None:  # started with stdin closed
            raise UserError("no statements to check: give them as TEXT, or one a line on stdin")
        if isinstance(sys.stdin, io.TextIOWrapper):
            sys.stdin.reconfigure(encoding="utf-8", errors="replace")
        lines = _bounded_lines(sys.stdin)
    for line in lines:
        analysis = analyze(line, student=args.student, side=args.side)
        if args.json:
            _print(json.dumps(analysis.to_json(), ensure_ascii=False))
        else:
            _print(render_text(analysis))
        sys.stdout.flush()
    return 0
