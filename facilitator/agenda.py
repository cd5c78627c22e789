"""Agenda templates: Markdown files -> agenda items (DESIGN.md section 4).

A template is a Markdown file, parsed with markdown-it-py (CommonMark, raw HTML off so
that text such as ``<!--`` or ``<b>`` stays literal text)::

    ---
    kind: resolution
    ---
    # Resolution meeting

    What this agenda is for, in a sentence or two.

    ## Welcome, purpose and ground rules (10 min)
    - Confirm who can sign for the district
    - Confidentiality

The rules, in the order a reader meets them:

- Front matter is optional: a first line ``---``, then ``key: value`` lines (blank lines
  and ``#`` comment lines allowed), then a closing ``---``. Only ``kind`` means something
  (``mediation``, the default, ``facilitated-iep``, ``resolution`` or ``follow-up``, any
  letter case, optionally quoted); other keys are ignored. Any other kind of line, an
  unclosed block, an empty or unknown kind, or ``kind`` given twice is refused.
- The ``#`` heading is the title; a file without one is titled after its file name
  ("check-in" -> "Check in"). Only one ``#`` heading is allowed.
- Paragraphs before the first ``##`` heading make the description.
- Each ``##`` heading is an agenda item. A time box ``(N min)`` at its end (also ``mins``,
  ``minute``, ``minutes``, any letter case) must be a positive whole number, read by
  ``model.parse_minutes`` like every time box a mediator types. The word ``step`` in those
  brackets, ``(10 min, step)`` or ``(step)``, marks a step of the meeting (``process``).
- List items under a ``##`` heading (bullet or numbered, nested lists flattened in reading
  order) are the item's prompts. ``###`` and deeper headings under an item become prompts
  too (a sub-topic is something to remember to ask about). Plain paragraphs, code and
  quotes under an item are notes for whoever edits the file and are not imported.
- Headings and prompts keep their text content: ``**Bold** topic`` -> "Bold topic";
  runs of whitespace become one space; entities and backslash escapes are decoded.
- Headings inside lists or quotes are not agenda items.

Refused, with ``<file name>:<line>: <what is wrong>``: no ``##`` heading (line 1), an
empty heading, a bad time box, the front matter problems above, text that is not UTF-8
or holds control characters (binary files), and absurd sizes (see the limits below).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.model import MAX_MINUTES, AgendaItem, AgendaStatus, SessionKind, parse_minutes

# Limits: a real agenda is a few kilobytes; these only stop a runaway file.
MAX_FILE_CHARS = 256 * 1024
MAX_ITEMS = 200
MAX_TITLE = 500  # a heading longer than this is not a topic but a pasted document
MAX_PROMPTS = 50
MAX_PROMPT = 1_000
MAX_DESCRIPTION = 5_000

# "(10 min)", "(10 min, step)", "(step)" at the end of an item heading (DESIGN section 4).
BOX = re.compile(r"\((?P<inside>[^()]*)\)\s*$")
TIME_PART = re.compile(r"\S*\s*(?:min|mins|minute|minutes)\.?", re.IGNORECASE)
STEP_WORD = "step"
FRONT_MATTER_LINE = re.compile(r"(?P<key>[A-Za-z0-9_][\w.-]*)\s*:(?P<value>.*)")
# Characters no text file has: NUL and the other C0/C1 controls except tab and newlines.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
KINDS = ", ".join(kind.value for kind in SessionKind)

_markdown = MarkdownIt("commonmark", {"html": False})

# Makes the error for a line of the file being parsed.
Failure = Callable[[int, str], "AgendaError"]


class AgendaError(ValueError):
    """A template that cannot be used; ``str(e)`` is one line, ``<file>:<line>: <problem>``.

    A message that is about no file (an unknown template name) has neither prefix.
    """

    def __init__(self, problem: str, file: str | None = None, line: int | None = None) -> None:
        problem = " ".join(problem.split())
        self.problem = problem
        self.file = file
        self.line = line
        if file is not None and line is not None:
            message = f"{_one_line(file)}:{line}: {problem}"
        elif file is not None:
            message = f"{_one_line(file)}: {problem}"
        else:
            message = problem
        super().__init__(message)


@dataclass(frozen=True)
class TemplateItem:
    title: str
    minutes: int | None
    prompts: tuple[str, ...]
    process: bool = False  # a step of the meeting, marked "(step)", not a topic in dispute


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    kind: SessionKind
    description: str
    items: tuple[TemplateItem, ...]
    path: Path
    shipped: bool


# ---------------------------------------------------------------- parsing


def parse_template(text: str, name: str, path: Path | None = None, shipped: bool = False) -> Template:
    """Parse a template's Markdown; AgendaError naming the file and line if it is refused."""
    path = path if path is not None else Path(f"{name}.md")
    file = path.name

    def fail(line: int, problem: str) -> AgendaError:
        return AgendaError(problem, file, line)

    text = text.removeprefix("\ufeff")
    if len(text) > MAX_FILE_CHARS:
        raise fail(1, f"the file is too large for an agenda template (over {MAX_FILE_CHARS // 1024} KB)")
    # Newlines as markdown-it sees them, so our line numbers and its .map agree.
    lines = re.split(r"\r\n?|\n", text)
    for number, line in enumerate(lines, start=1):
        bad = CONTROL.search(line)
        if bad:
            raise fail(
                number,
                f"contains the control character U+{ord(bad.group()):04X}; "
                "this looks like a binary file, not a Markdown agenda template",
            )
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            raise fail(number, "contains text that is not valid Unicode") from None

    kind, body_start = _front_matter(lines, fail)
    # Blank out the front matter so markdown-it's line numbers stay the file's.
    body = "\n".join([""] * body_start + lines[body_start:])
    tokens = _markdown.parse(body)

    title: str | None = None
    title_line = 0
    description: list[str] = []
    items: list[TemplateItem] = []
    # The item being read: its heading line, title, minutes, and the prompts found so far.
    current: tuple[int, str, int | None, bool] | None = None
    prompts: list[list[str]] = []  # one list of text parts per prompt, in reading order
    prompt_lines: list[int] = []
    open_prompts: list[int] = []  # indexes into prompts of the list items now open

    def finish_item() -> None:
        if current is None:
            return
        line, item_title, minutes, step = current
        kept: list[str] = []
        for parts, at in zip(prompts, prompt_lines, strict=True):
            prompt = _squeeze(" ".join(parts))
            if not prompt:
                continue
            if len(prompt) > MAX_PROMPT:
                raise fail(at, f"prompt is longer than {MAX_PROMPT} characters")
            kept.append(prompt)
            if len(kept) > MAX_PROMPTS:
                raise fail(at, f"more than {MAX_PROMPTS} prompts under the item on line {line}")
        items.append(TemplateItem(item_title, minutes, tuple(kept), step))

    skip: set[int] = set()
    for index, token in enumerate(tokens):
        if index in skip:
            continue
        line = token.map[0] + 1 if token.map else 0
        if token.type == "list_item_open":
            if current is not None:
                prompts.append([])
                prompt_lines.append(line)
                open_prompts.append(len(prompts) - 1)
            else:
                open_prompts.append(-1)  # a list before the first item: not imported
            continue
        if token.type == "list_item_close":
            open_prompts.pop()
            continue
        if token.type == "heading_open" and not open_prompts and token.level == 0:
            inline = tokens[index + 1]
            skip.add(index + 1)
            heading = _text(inline)
            if token.tag == "h1":
                if not heading:
                    raise fail(line, "the '# ' title heading is empty: write the title after '# '")
                if title is not None:
                    raise fail(
                        line,
                        f"a second '# ' title (the first is on line {title_line}); "
                        "use '## ' for agenda items",
                    )
                if len(heading) > MAX_TITLE:
                    raise fail(line, f"the title is longer than {MAX_TITLE} characters")
                title, title_line = heading, line
            elif token.tag == "h2":
                finish_item()
                if len(items) >= MAX_ITEMS:
                    raise fail(line, f"more than {MAX_ITEMS} agenda items")
                item_title, minutes, step = _time_box(heading, line, fail)
                current = (line, item_title, minutes, step)
                prompts, prompt_lines = [], []
            elif current is not None:
                # '###' and deeper under an item: a sub-topic, kept as a prompt.
                prompts.append([heading])
                prompt_lines.append(line)
            continue
        if token.type == "inline":
            if open_prompts:
                if open_prompts[-1] >= 0:
                    prompts[open_prompts[-1]].append(_text(token))
            elif current is None and tokens[index - 1].type == "paragraph_open":
                description.append(_text(token))
            continue

    if current is None:
        raise fail(1, "no agenda items: add a '## ' heading for each item")
    finish_item()

    description_text = "\n\n".join(part for part in description if part)
    if len(description_text) > MAX_DESCRIPTION:
        raise fail(title_line or 1, f"the description is longer than {MAX_DESCRIPTION} characters")
    return Template(
        name=name,
        title=title if title is not None else _pretty(name),
        kind=kind,
        description=description_text,
        items=tuple(items),
        path=path,
        shipped=shipped,
    )


def _front_matter(lines: list[str], fail: Failure) -> tuple[SessionKind, int]:
    """The kind the front matter names and the index of the first line after it."""
    if not lines or lines[0].rstrip() != "---":
        return SessionKind.MEDIATION, 0
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        raise fail(1, "the front matter that starts here is never closed: add a line '---' after it")
    kind = SessionKind.MEDIATION
    kind_line = 0
    for index in range(1, end):
        number = index + 1
        raw = lines[index].strip()
        if not raw or raw.startswith("#"):
            continue
        match = FRONT_MATTER_LINE.fullmatch(raw)
        if not match:
            raise fail(
                number,
                f"front matter lines must be 'key: value' (like 'kind: mediation'), not {_quote(raw)}",
            )
        if match["key"].lower() != "kind":
            continue  # other keys are allowed and ignored
        if kind_line:
            raise fail(number, f"kind is given twice (first on line {kind_line})")
        kind_line = number
        value = re.sub(r"\s+#.*$", "", match["value"]).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1].strip()
        if not value:
            raise fail(number, f"kind is empty; use one of: {KINDS}")
        try:
            kind = SessionKind(value.lower())
        except ValueError:
            raise fail(number, f"unknown kind {_quote(value)}; use one of: {KINDS}") from None
    return kind, end + 1


def _time_box(heading: str, line: int, fail: Failure) -> tuple[str, int | None, bool]:
    """An item heading split into its title, time box minutes (None without one) and step mark."""
    if not heading:
        raise fail(line, "empty agenda item heading: write the topic after '## '")
    match = BOX.search(heading)
    parts = [part.strip() for part in match["inside"].split(",")] if match else []
    if match is None or not any(part.lower() == STEP_WORD or TIME_PART.fullmatch(part) for part in parts):
        title, minutes, step = heading, None, False
    else:
        written = _quote(match.group().strip())
        minutes, step = None, False
        for part in parts:
            if part.lower() == STEP_WORD and not step:
                step = True
            elif TIME_PART.fullmatch(part) and minutes is None:
                try:
                    minutes = parse_minutes(part)
                except ValueError:
                    amount = part.split()[0] if part.split() else ""
                    digits = amount.lstrip("0") if amount.isascii() and amount.isdigit() else ""
                    too_long = len(digits) > len(str(MAX_MINUTES)) or int(digits or "0") > MAX_MINUTES
                    problem = f"is longer than a week ({MAX_MINUTES} min)" if too_long else ""
                    raise fail(
                        line,
                        f"time box {written} {problem or 'must be a positive whole number of minutes'}, "
                        "like '(10 min)'",
                    ) from None
            else:
                raise fail(
                    line, f"time box {written}: write it like '(10 min)', '(10 min, step)' or '(step)'"
                )
        title = heading[: match.start()].rstrip()
        if not title:
            raise fail(line, "agenda item heading has a time box but no topic before it")
    if len(title) > MAX_TITLE:
        raise fail(line, f"agenda item title is longer than {MAX_TITLE} characters")
    return title, minutes, step


def _text(inline: Token) -> str:
    """The plain text of an inline token: markup dropped, text kept as written."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_text(child))  # its children are the alt text
    return _squeeze("".join(parts))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _pretty(name: str) -> str:
    words = _squeeze(re.sub(r"[-_]+", " ", name))
    return words[:1].upper() + words[1:] if words else "Agenda"


def _quote(text: str, limit: int = 60) -> str:
    text = _one_line(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def _one_line(text: str) -> str:
    return " ".join(CONTROL.sub("?", text).split())


# ---------------------------------------------------------------- files


def load_template(path: Path, shipped: bool = False) -> Template:
    """Read and parse one template file; every problem, unreadable files too, is an AgendaError."""
    from facilitator.store import UnreadableFile, read_limited

    path = Path(path)
    file = path.name
    try:
        # Never a FIFO or a device (the list of templates would hang), never a huge file.
        data = read_limited(path, MAX_FILE_CHARS * 4)
    except UnreadableFile as exc:
        raise AgendaError(f"cannot read the file ({exc.reason})", file, 1) from None
    if data is None:
        raise AgendaError("cannot read the file (it is not there)", file, 1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AgendaError("the file is UTF-16 text: save it as UTF-8", file, 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = _line_at(data, nul)
        raise AgendaError(
            "contains a NUL byte; this looks like a binary file, not a Markdown agenda template",
            file,
            line,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_at(data, exc.start)
        raise AgendaError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            file,
            line,
        ) from None
    return parse_template(text, path.stem, path=path, shipped=shipped)


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset, counting newlines as parse_template does."""
    return len(re.findall(rb"\r\n?|\n", data[:offset])) + 1


def shipped_folder() -> Path:
    """The templates that come with facilitator: inside the package after a plain install,
    the repository's ``agendas/`` in a checkout or editable install."""
    packaged = Path(__file__).parent / "agendas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "agendas"


def _template_files(data_home: Path) -> tuple[dict[str, tuple[Path, bool]], list[AgendaError]]:
    """Template name -> (file, shipped), the user's files winning over shipped ones."""
    found: dict[str, tuple[Path, bool]] = {}
    problems: list[AgendaError] = []
    for folder, shipped in ((shipped_folder(), True), (Path(data_home) / "agendas", False)):
        if not folder.is_dir():
            continue
        try:
            files = sorted(folder.iterdir())
        except OSError as exc:
            problems.append(AgendaError(f"cannot read the folder ({exc.strerror or exc})", str(folder)))
            continue
        for path in files:
            if path.name.startswith(".") or path.suffix.lower() != ".md" or not path.stem:
                continue  # editor backups, hidden files, anything that is not Markdown
            if path.is_dir():
                continue
            found[path.stem] = (path, shipped)
    return found, problems


def list_templates(data_home: Path) -> tuple[list[Template], list[AgendaError]]:
    """Every usable template (shipped and the user's own, sorted by name) and the problems
    of the files that could not be used. A broken user file still hides the shipped
    template of the same name, so the mediator never gets a template they did not mean."""
    found, problems = _template_files(data_home)
    templates: list[Template] = []
    for name in sorted(found):
        path, shipped = found[name]
        try:
            templates.append(load_template(path, shipped=shipped))
        except AgendaError as exc:
            problems.append(exc)
    return templates, problems


def find_template(name: str, data_home: Path) -> Template:
    """The template called ``name`` (file stem, ``.md`` optional); the user's own wins."""
    wanted = name.strip()
    if wanted.lower().endswith(".md"):
        wanted = wanted[:-3]
    if not wanted:
        raise AgendaError("no agenda template name given; try `facilitator agendas`")
    found, _ = _template_files(data_home)
    if wanted not in found:
        same = [stem for stem in found if stem.lower() == wanted.lower()]
        if len(same) != 1:
            raise AgendaError(f"no agenda template named {_one_line(wanted)}; try `facilitator agendas`")
        wanted = same[0]
    path, shipped = found[wanted]
    return load_template(path, shipped=shipped)


def agenda_items(template: Template, first_id: int = 1) -> list[AgendaItem]:
    """The template's items as open agenda items of a new session, ids a<first_id>, ..."""
    result: list[AgendaItem] = []
    for offset, item in enumerate(template.items):
        fields: dict[str, object] = {
            "id": f"a{first_id + offset}",
            "title": item.title,
            "status": AgendaStatus.OPEN,
        }
        if item.minutes is not None:
            fields["minutes"] = item.minutes
        if item.prompts:
            fields["prompts"] = list(item.prompts)
        if item.process:
            fields["process"] = True
        result.append(AgendaItem.model_validate(fields))
    return result
