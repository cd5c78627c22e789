"""Agenda templates (DESIGN.md section 4): parsing rules, errors with line numbers, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.agenda import (
    MAX_ITEMS,
    AgendaError,
    Template,
    TemplateItem,
    agenda_items,
    find_template,
    list_templates,
    load_template,
    parse_template,
    shipped_folder,
)
from facilitator.model import AgendaItem, AgendaStatus, SessionKind

SHIPPED = {
    "iep-mediation": SessionKind.MEDIATION,
    "facilitated-iep": SessionKind.FACILITATED_IEP,
    "resolution-meeting": SessionKind.RESOLUTION,
    "follow-up": SessionKind.FOLLOW_UP,
}

DESIGN_EXAMPLE = """\
---
kind: resolution
---
# Resolution meeting

What this agenda is for, in a sentence or two.

## Welcome, purpose and ground rules (10 min)
- Confirm who can sign for the district
- Confidentiality

## The complaint, in each party's words (20 min)
- Parent first, then the district
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def refused(text: str | bytes, tmp_path: Path, name: str = "broken.md") -> AgendaError:
    """The error loading ``text`` from a file gives; also checks it is one line."""
    path = write(tmp_path, name, text)
    with pytest.raises(AgendaError) as caught:
        load_template(path)
    message = str(caught.value)
    assert "\n" not in message
    return caught.value


def assert_at(error: AgendaError, line: int, *words: str, file: str = "broken.md") -> None:
    message = str(error)
    assert message.startswith(f"{file}:{line}: "), message
    assert error.file == file and error.line == line
    for word in words:
        assert word in message, message


# ---------------------------------------------------------------- shipped templates


def test_shipped_folder_is_the_repository_agendas():
    assert shipped_folder() == Path(__file__).parent.parent / "agendas"
    assert shipped_folder().is_dir()


@pytest.mark.parametrize("name, kind", sorted(SHIPPED.items()))
def test_each_shipped_template_parses(name, kind):
    template = load_template(shipped_folder() / f"{name}.md", shipped=True)
    assert template.name == name
    assert template.kind == kind
    assert template.shipped
    assert template.title and template.description
    assert len(template.items) >= 4
    for item in template.items:
        assert 2 <= len(item.prompts) <= 5, item.title
        assert item.minutes is not None and item.minutes > 0, item.title
        assert "(" not in item.title and "min)" not in item.title
    # A new session can be built from it.
    assert len(agenda_items(template)) == len(template.items)


def test_every_shipped_file_parses(tmp_path):
    templates, problems = list_templates(tmp_path)
    assert problems == []
    names = {t.name for t in templates}
    assert set(SHIPPED) <= names
    assert len(templates) == len(list(shipped_folder().glob("*.md")))
    assert all(t.shipped for t in templates)


def test_resolution_template_covers_the_regulation():
    text = (shipped_folder() / "resolution-meeting.md").read_text(encoding="utf-8").lower()
    assert "300.510" in text
    assert "3 business days" in text
    assert "authority" in text and "bind" in text


# ---------------------------------------------------------------- parsing


def test_design_example():
    template = parse_template(DESIGN_EXAMPLE, "resolution")
    assert template == Template(
        name="resolution",
        title="Resolution meeting",
        kind=SessionKind.RESOLUTION,
        description="What this agenda is for, in a sentence or two.",
        items=(
            TemplateItem(
                "Welcome, purpose and ground rules",
                10,
                ("Confirm who can sign for the district", "Confidentiality"),
            ),
            TemplateItem("The complaint, in each party's words", 20, ("Parent first, then the district",)),
        ),
        path=Path("resolution.md"),
        shipped=False,
    )


def test_kind_defaults_to_mediation_and_title_to_the_file_name():
    template = parse_template("## Opening\n- Hello\n", "my-own_agenda")
    assert template.kind == SessionKind.MEDIATION
    assert template.title == "My own agenda"
    assert template.description == ""
    assert template.items == (TemplateItem("Opening", None, ("Hello",)),)


@pytest.mark.parametrize(
    "heading, title, minutes",
    [
        ("Topic (10 min)", "Topic", 10),
        ("Topic (10 mins)", "Topic", 10),
        ("Topic (10 minutes)", "Topic", 10),
        ("Topic (1 minute)", "Topic", 1),
        ("Topic (45 MIN)", "Topic", 45),
        ("Topic (15min)", "Topic", 15),
        ("Topic ( 20 Minutes )", "Topic", 20),
        ("Topic", "Topic", None),
        ("Topic (optional)", "Topic (optional)", None),
        ("Review the minutes (see last minutes)", "Review the minutes (see last minutes)", None),
        ("(5 min) break then topic", "(5 min) break then topic", None),
        ("**Bold** topic (5 min)", "Bold topic", 5),
        ("Topic `code` and [link](http://x) (5 min)", "Topic code and link", 5),
    ],
)
def test_time_boxes(heading, title, minutes):
    template = parse_template(f"# T\n\n## {heading}\n", "t")
    assert template.items == (TemplateItem(title, minutes, ()),)


def test_prompts_come_from_nested_lists_in_reading_order():
    text = """\
# T

## Options (30 min)
- First
  - Nested one
    1. Deep ordered
  - Nested two
2. Ordered list item
3. With **bold** and `code`
   continued on a second line

* Another list
-
- Last

Loose paragraph under the item is not a prompt.

## Next
1. Only
"""
    template = parse_template(text, "t")
    assert template.items[0].prompts == (
        "First",
        "Nested one",
        "Deep ordered",
        "Nested two",
        "Ordered list item",
        "With bold and code continued on a second line",
        "Another list",
        "Last",
    )
    assert template.items[1] == TemplateItem("Next", None, ("Only",))


def test_deeper_headings_under_an_item_become_prompts():
    text = "# T\n\n### Ignored before items\n\n## Item\n### Sub-topic (5 min)\n- a prompt\n#### Deeper\n"
    template = parse_template(text, "t")
    assert template.items == (TemplateItem("Item", None, ("Sub-topic (5 min)", "a prompt", "Deeper")),)


def test_description_is_the_paragraphs_before_the_first_item():
    text = "# T\n\nFirst paragraph\nwrapped.\n\n- not part of it\n\nSecond.\n\n## Item\n\nNot description.\n"
    template = parse_template(text, "t")
    assert template.description == "First paragraph wrapped.\n\nSecond."


def test_headings_in_lists_and_quotes_are_not_items():
    text = "# T\n\n## Item\n- ## Looks like a heading\n\n> ## Quoted\n"
    template = parse_template(text, "t")
    assert template.items == (TemplateItem("Item", None, ("Looks like a heading",)),)


def test_setext_headings_count():
    template = parse_template("Title\n=====\n\nItem (5 min)\n------\n- p\n", "t")
    assert template.title == "Title"
    assert template.items == (TemplateItem("Item", 5, ("p",)),)


def test_odd_text_survives_literally():
    text = (
        "# Plan [b for *everyone* 🎉\n\n"
        "## Costs | budget | <!-- maybe (10 min)\n"
        "- [b] not markup [/b] [@click=quit]\n"
        "- a | b | c\n"
        "- <!-- not a comment -->\n"
        "- <b>bold?</b> & &amp; \\*stars\\*\n"
        "- 🧑‍🏫 emoji and 日本語\n"
        "- [TODO]\n"
    )
    template = parse_template(text, "t")
    assert template.title == "Plan [b for everyone 🎉"
    item = template.items[0]
    assert item.title == "Costs | budget | <!-- maybe"
    assert item.minutes == 10
    assert item.prompts == (
        "[b] not markup [/b] [@click=quit]",
        "a | b | c",
        "<!-- not a comment -->",
        "<b>bold?</b> & & *stars*",
        "🧑‍🏫 emoji and 日本語",
        "[TODO]",
    )


def test_front_matter_other_keys_comments_quotes_and_case_are_fine():
    text = '---\n# a comment\ntitle: ignored\n\n  Kind: "Follow-Up"  # note\nx-other.key: 1\n---\n## Item\n'
    template = parse_template(text, "t")
    assert template.kind == SessionKind.FOLLOW_UP
    assert template.title == "T"


def test_crlf_bom_and_old_mac_newlines(tmp_path):
    text = DESIGN_EXAMPLE.replace("\n", "\r\n")
    path = write(tmp_path, "resolution.md", "\ufeff".encode() + text.encode())
    template = load_template(path)
    assert template == parse_template(DESIGN_EXAMPLE, "resolution", path=path)
    assert template.kind == SessionKind.RESOLUTION
    assert template.items[0].title == "Welcome, purpose and ground rules"
    assert parse_template(DESIGN_EXAMPLE.replace("\n", "\r"), "resolution").items == template.items


def test_line_numbers_count_crlf_bom_and_front_matter(tmp_path):
    text = "\ufeff---\r\nkind: mediation\r\n---\r\n# T\r\n\r\n## Bad (0 min)\r\n"
    assert_at(refused(text.encode(), tmp_path), 6, "(0 min)")


def test_very_long_lines_are_handled(tmp_path):
    long_prompt = "word " * 150  # 750 characters
    text = f"# {'T' * 500}\n\n{'description ' * 300}\n\n## {'x' * 500} (5 min)\n- {long_prompt}\n"
    template = parse_template(text, "t")
    assert len(template.title) == 500
    assert template.items[0].title == "x" * 500
    assert template.items[0].prompts == (long_prompt.strip(),)


# ---------------------------------------------------------------- refused files


def test_no_item_heading(tmp_path):
    error = refused("---\nkind: resolution\n---\n# Only a title\n\nSome text.\n- a list\n", tmp_path)
    assert_at(error, 1, "no agenda items", "'## '")
    assert_at(refused("", tmp_path), 1, "no agenda items")
    assert_at(refused("### Too deep\n", tmp_path), 1, "no agenda items")


@pytest.mark.parametrize(
    "box", ["(0 min)", "(-5 min)", "(1.5 min)", "(ten min)", "(00 minutes)", "( mins)", "(+5 min)"]
)
def test_bad_time_box(tmp_path, box):
    text = f"---\nkind: mediation\n---\n# T\n\n## Fine (5 min)\n- p\n\n## Broken {box}\n- p\n"
    assert_at(refused(text, tmp_path), 9, "time box", box.strip(), "positive whole number")


def test_time_box_longer_than_a_day(tmp_path):
    assert parse_template("## Long day (1440 min)\n", "t").items[0].minutes == 1440
    assert (
        parse_template("## Retreat (2880 min)\n", "t").items[0].minutes == 2880
    )  # any positive whole number


def test_unknown_kind(tmp_path):
    error = refused("---\ntitle: x\nkind: arbitration\n---\n## Item\n", tmp_path)
    assert_at(error, 3, "unknown kind", "'arbitration'", "mediation, facilitated-iep, resolution, follow-up")
    assert_at(refused("---\nkind:\n---\n## Item\n", tmp_path), 2, "kind is empty")
    assert_at(refused("---\nkind: resolution\nkind: mediation\n---\n## I\n", tmp_path), 3, "twice", "line 2")


@pytest.mark.parametrize(
    "line",
    ["just some words", "- a: list", "  - nested item", ": no key", "key = value"],
)
def test_malformed_front_matter(tmp_path, line):
    error = refused(f"---\nkind: resolution\n\n{line}\n---\n# T\n## Item\n", tmp_path)
    assert_at(error, 4, "front matter", "key: value")


def test_unclosed_front_matter(tmp_path):
    assert_at(refused("---\nkind: resolution\n# T\n## Item\n", tmp_path), 1, "never closed")


@pytest.mark.parametrize(
    "text, line",
    [
        ("# T\n\n## Fine\n\n##\n", 5),
        ("# T\n\n## Fine\n\n##    \n", 5),
        ("# T\n\n## ![](picture.png)\n", 3),
        ("# T\n\n## (10 min)\n", 3),
        ("---\nkind: follow-up\n---\n#\n## Fine\n", 4),
    ],
)
def test_empty_heading(tmp_path, text, line):
    assert_at(refused(text, tmp_path), line, "empty" if "(10" not in text else "no topic")


def test_second_title(tmp_path):
    assert_at(refused("# One\n## Item\n# Two\n", tmp_path), 3, "second '# ' title", "line 1")


def test_undecodable_bytes(tmp_path):
    assert_at(refused(b"# T\n\n## Caf\xe9 (5 min)\n", tmp_path), 3, "not UTF-8")
    assert_at(refused(b"\xff\xfe#\x00 \x00T\x00", tmp_path), 1, "UTF-16")


def test_binary_files(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert_at(refused(png, tmp_path, "image.md"), 3, "binary", file="image.md")
    assert_at(refused(b"# T\n## I\n\x00\x01\x02", tmp_path), 3, "binary")
    assert_at(refused("# T\n## I\n- \x1b[31mred\n", tmp_path), 3, "control character", "U+001B")


def test_unreadable_files(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    assert_at(refused_path(folder), 1, "cannot read", file="folder.md")
    assert_at(refused_path(tmp_path / "missing.md"), 1, "cannot read", file="missing.md")


def refused_path(path: Path) -> AgendaError:
    with pytest.raises(AgendaError) as caught:
        load_template(path)
    return caught.value


def test_absurd_files(tmp_path):
    items = "".join(f"## Item {n}\n" for n in range(1, MAX_ITEMS + 2))
    assert_at(refused(f"# T\n{items}", tmp_path), MAX_ITEMS + 2, "more than 200 agenda items")
    assert len(parse_template(items.rsplit("## ", 1)[0], "t").items) == MAX_ITEMS

    assert_at(refused(f"# {'t' * 501}\n## I\n", tmp_path), 1, "title", "500")
    assert_at(refused(f"# T\n\n## {'i' * 501} (5 min)\n", tmp_path), 3, "title", "500")
    assert_at(refused(f"# T\n## I\n- p\n- {'p' * 1001}\n", tmp_path), 4, "prompt", "1000")
    assert_at(refused("# T\n## I\n" + "- p\n" * 51, tmp_path), 53, "more than 50 prompts")
    assert_at(refused("## I\n" + "x" * 300_000, tmp_path), 1, "too large")


def test_parse_template_names_its_file_in_errors():
    with pytest.raises(AgendaError, match=r"^custom\.md:2: ") as caught:
        parse_template("# T\n## Bad (0 min)\n", "custom")
    assert caught.value.problem.startswith("time box")
    with pytest.raises(AgendaError, match=r"^other\.md:1: "):
        parse_template("# T\n", "custom", path=Path("/x/other.md"))


def test_agenda_error_is_a_value_error_and_one_line():
    error = AgendaError("two\nlines", "a\nb.md", 3)
    assert isinstance(error, ValueError)
    assert str(error) == "a b.md:3: two lines"
    assert str(AgendaError("plain")) == "plain"


# ---------------------------------------------------------------- finding templates


def test_user_template_overrides_shipped_one(tmp_path):
    own = write(
        tmp_path / "agendas",
        "iep-mediation.md",
        "---\nkind: facilitated-iep\n---\n# My own mediation\n\n## Just one (5 min)\n- Hello\n",
    )
    templates, problems = list_templates(tmp_path)
    assert problems == []
    mine = [t for t in templates if t.name == "iep-mediation"]
    assert len(mine) == 1
    assert mine[0].title == "My own mediation" and not mine[0].shipped and mine[0].path == own
    found = find_template("iep-mediation", tmp_path)
    assert found == mine[0]
    assert find_template("iep-mediation.md", tmp_path) == mine[0]
    assert find_template("resolution-meeting", tmp_path).shipped


def test_list_templates_is_sorted_and_reports_broken_files(tmp_path):
    folder = tmp_path / "agendas"
    write(folder, "aaa-mine.md", "## First\n")
    write(folder, "zz-broken.md", "# Nothing to do\n")
    write(folder, "notes.txt", "not a template")
    write(folder, ".hidden.md", "garbage")
    write(folder, "binary.md", b"\x00\x01")
    templates, problems = list_templates(tmp_path)
    names = [t.name for t in templates]
    assert names == sorted(names)
    assert "aaa-mine" in names and "zz-broken" not in names and "notes" not in names
    assert sorted(str(p).split(":")[0] for p in problems) == ["binary.md", "zz-broken.md"]
    assert all(isinstance(p, AgendaError) for p in problems)


def test_broken_user_file_hides_the_shipped_one(tmp_path):
    write(tmp_path / "agendas", "follow-up.md", "# Oops\n## Bad (ten min)\n")
    templates, problems = list_templates(tmp_path)
    assert "follow-up" not in [t.name for t in templates]
    assert [str(p) for p in problems] == [
        "follow-up.md:2: time box '(ten min)' must be a positive whole number of minutes, like '(10 min)'"
    ]
    with pytest.raises(AgendaError, match=r"^follow-up\.md:2: time box"):
        find_template("follow-up", tmp_path)


def test_find_template_missing(tmp_path):
    with pytest.raises(AgendaError) as caught:
        find_template("no-such-thing", tmp_path)
    assert str(caught.value) == "no agenda template named no-such-thing; try `facilitator agendas`"
    with pytest.raises(AgendaError, match="try `facilitator agendas`"):
        find_template("../agendas/iep-mediation", tmp_path)
    with pytest.raises(AgendaError, match="try `facilitator agendas`"):
        find_template("  ", tmp_path)


def test_find_template_ignores_letter_case_when_unambiguous(tmp_path):
    assert find_template("Follow-Up", tmp_path).name == "follow-up"


# ---------------------------------------------------------------- agenda items


def test_agenda_items():
    template = parse_template("# T\n## Opening (10 min)\n- Roles\n- Confidentiality\n## Open floor\n", "t")
    items = agenda_items(template, first_id=7)
    assert items == [
        AgendaItem(
            id="a7",
            title="Opening",
            status=AgendaStatus.OPEN,
            minutes=10,
            prompts=["Roles", "Confidentiality"],
        ),
        AgendaItem(id="a8", title="Open floor", status=AgendaStatus.OPEN),
    ]
    assert items[1].dump() == {"id": "a8", "title": "Open floor", "status": "open"}
    assert items[0].dump() == {
        "id": "a7",
        "title": "Opening",
        "status": "open",
        "minutes": 10,
        "prompts": ["Roles", "Confidentiality"],
    }
    assert agenda_items(template)[0].id == "a1"


# ---------------------------------------------------------------- any text at all

MARKDOWN_PIECES = list("#-*_`[]()<>!|\\&;:0123456789 \t\r\n\ufeffaZé🎉") + [
    "## ",
    " min)",
    "---\n",
    "<!--",
    "kind: ",
]
MARKDOWNISH = st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=200)))
def test_any_text_parses_or_is_refused_with_one_line(text):
    try:
        template = parse_template(text, "fuzz")
    except AgendaError as error:
        message = str(error)
        assert message.startswith("fuzz.md:") and "\n" not in message
        line = int(message.split(":")[1])
        assert 1 <= line <= len(text.splitlines()) + 1
        return
    assert template.items and all(item.title for item in template.items)
    assert agenda_items(template)  # always valid agenda items for a case


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80))
def test_prompt_text_is_kept(words):
    # Text that Markdown would not treat as markup comes back as written.
    text = words.strip()
    if (
        not text
        or any(ch in text for ch in "\\`*_[]<>&!#|-+=~:.()0123456789")
        or text != " ".join(text.split())
    ):
        return
    template = parse_template(f"## Item\n- {text}\n", "t")
    assert template.items[0].prompts == (text,)
