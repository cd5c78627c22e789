"""The board with keys in bursts, the way a laggy laptop or an ssh session delivers them.

``burst`` posts every key to the app at once, with no pause between them (``pilot.press``
waits for the app after each key, which hides these faults); then the saved case and the
screen are checked. Each test is one finding of the walk-through of the live board.
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil

import pytest
from test_board import NOW, app_for, demo_app, shown, small_case, table_text, type_line, utc  # noqa: F401
from textual import events
from textual.widgets import DataTable, Input, Static

from facilitator.model import Case
from facilitator.store import Store
from facilitator.terminal import terminal_safe
from facilitator.tui.app import make_app
from facilitator.tui.screens.board import BoardScreen
from facilitator.tui.screens.modals import ChoiceModal, ConfirmModal, FormModal, PickModal

KEY_NAMES = {" ": "space", ",": "comma", ".": "full_stop", "'": "apostrophe", "-": "minus", "/": "slash"}


@pytest.fixture
def store(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "home"))
    return Store(tmp_path / "home")


async def burst(pilot, *keys: str) -> None:
    """Every key at once, in order (a name like "f2" or "enter", or one character), then wait."""
    for key in keys:
        if len(key) == 1:
            pilot.app.post_message(events.Key(KEY_NAMES.get(key, key), key))
        else:
            pilot.app.post_message(events.Key(key, None))
    for _ in range(3):
        await pilot.pause()


def screen_text(app) -> str:
    """Everything the terminal shows, as one string."""
    rows = re.findall(r"<text[^>]*>(.*?)</text>", app.export_screenshot())
    return html.unescape("".join(rows)).replace("\xa0", " ")


def board_of(app) -> BoardScreen:
    assert isinstance(app.screen, BoardScreen), f"{app.screen!r} is on top, not the board"
    return app.screen


def three_item_case() -> Case:
    """small_case with a closing step after the topic, like the demo's last item."""
    document = small_case().dump()
    document["sessions"][0]["agenda"].append(
        {"id": "a3", "title": "Next steps", "status": "open", "minutes": 5, "process": True}
    )
    return Case.model_validate(document)


# ---------------------------------------------------------------- 1. F2 / F3 choosers


@pytest.mark.parametrize(
    "keys, line, who, kind",
    [
        (["f2", *"The district can offer more"], "The district can offer more", "mediator", "statement"),
        (["f3", *"so we agree on that"], "o we agree on that", "mediator", "statement"),
        (["f3", "i", *"Leo needs it"], "Leo needs it", "mediator", "interest"),
        (["f2", "2", *"hello there"], "hello there", "Dr. Kim", "statement"),
        (["f2", "f2", "f2", "f2", *"ok"], "ok", "Dr. Kim", "statement"),  # F2 twice: the next speaker
        (["f2", "escape", *"ok"], "ok", "mediator", "statement"),
    ],
)
async def test_a_chooser_answers_once_and_the_keys_after_it_are_typed(store, keys, line, who, kind):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, *keys)
        board = board_of(app)  # no chooser left open, no screen popped too many
        assert board.capture_input.value == line
        assert who in shown(app, "#capture-who") and kind in shown(app, "#capture-who")


async def test_keys_arriving_while_the_chooser_is_up_never_crash(store):
    """The crash: F2, and 20 ms later a burst of words, each of them answering the chooser."""
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert "Who?" in shown(app, "#notice")
        await burst(pilot, *"The district")
        await pilot.press("f3")
        await burst(pilot, *" can offer")
        await pilot.press("f2", "2")
        await burst(pilot, *" more", "enter")
        assert app.is_running and board_of(app).capture_input.value == ""
    (statement,) = store.read("leo").statements
    assert (statement.party, statement.text) == ("p2", "The district can offer more")


async def test_an_enter_records_only_the_words_before_it(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "f2", "1", *"We want him home", "enter", *"by three", "backspace", "e")
        assert board_of(app).capture_input.value == "by thre" + "e"
    assert [s.text for s in store.read("leo").statements] == ["We want him home"]


async def test_a_line_recorded_then_f2_keeps_its_speaker(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "f2", "1", *"First words", "enter", "f2", "2", *"Second words", "enter")
    assert [(s.party, s.text) for s in store.read("leo").statements] == [
        ("p1", "First words"),
        ("p2", "Second words"),
    ]


# ---------------------------------------------------------------- 2. the caucus share dialog


async def test_typing_in_the_share_dialog_shares_nothing_and_stays_in_caucus(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f6", "enter")  # caucus with Ana Ruiz
        await type_line(pilot, "She would accept a trial")
        await pilot.press("f6")
        assert isinstance(app.screen, PickModal)
        assert "[ ] She would accept a trial" in screen_text(app)  # the ticked state reads without colour
        await burst(pilot, *"ok that is fine", "enter")
        board = board_of(app)
        assert board.has_class("caucus") and "CAUCUS" in shown(app, "#caucus-banner")
        assert "nothing shared" in shown(app, "#notice") or "Recorded: private caucus note" in shown(
            app, "#notice"
        )
    notes = {n.text: n for n in store.read("leo").notes}
    assert (
        notes["She would accept a trial"].private
        and not notes["She would accept a trial"].shared_with_consent
    )
    assert notes["ok that is fine"].private  # the typed words: a private caucus note, not shared


async def test_sharing_takes_enter_to_tick_and_ctrl_s_to_save(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f6", "enter")
        await type_line(pilot, "Trial if data is shared weekly")
        await type_line(pilot, "Worried about caseload")
        await pilot.press("f6", "enter")
        assert "[x] Trial if data is shared weekly" in screen_text(app)
        assert "[ ] Worried about caseload" in screen_text(app)
        await burst(pilot, "ctrl+s")
        assert not board_of(app).has_class("caucus")
        assert "1 note shared" in shown(app, "#notice")
    notes = {n.text: n for n in store.read("leo").notes}
    assert notes["Trial if data is shared weekly"].shared_with_consent
    assert notes["Worried about caseload"].private


# ---------------------------------------------------------------- 3. the link dialog


async def test_typing_in_the_link_dialog_leaves_the_links_as_they_were(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "1", "f3", "i")
        for words in ("Keeps up with class", "Reads alone", "Feels safe"):
            await type_line(pilot, words)
        await pilot.press("f3", "o")
        await type_line(pilot, "Reading tool trial")
        await pilot.press("f4", "enter", "down", "down", "enter", "ctrl+s")  # i1 and i3
        await pilot.press("f3", "s", "f4")
        assert isinstance(app.screen, PickModal)
        await burst(pilot, *"so that would be a start for us", "enter")
        assert "Links unchanged" in shown(app, "#notice") or "Recorded" in shown(app, "#notice")
    case = store.read("leo")
    assert case.options[0].addresses == ["i1", "i3"]
    assert [s.text for s in case.statements] == ["so that would be a start for us"]


@pytest.mark.parametrize(
    "opens, closes",
    [
        (["enter"], ["ctrl+s"]),  # saved
        (["e"], ["escape"]),  # cancelled
        (["f4"], []),  # dismissed by the words typed next
    ],
)
async def test_after_a_dialog_opened_from_a_panel_the_words_go_on_the_capture_line(store, opens, closes):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "1", "f3", "i")
        await type_line(pilot, "Keeps up with class")
        await pilot.press("f3", "o")
        await type_line(pilot, "Reading tool trial")
        board = board_of(app)
        for _ in range(12):  # into the Options panel, the way a mediator gets there
            if board.focused is board.query_one("#options"):
                break
            await pilot.press("tab")
        assert board.focused is board.query_one("#options")
        await pilot.press(*opens)
        assert isinstance(app.screen, PickModal)
        await pilot.press(*closes)
        # A mediator types while listening: in the panel a would mark the option agreed.
        await burst(pilot, *"ad hoc plan")
        board = board_of(app)
        assert board.focused is board.capture_input
        assert board.capture_input.value == "ad hoc plan"
    case = store.read("leo")
    assert [o.status.value for o in case.options] == ["proposed"]
    assert case.agreements == []


# ---------------------------------------------------------------- 4. fast Tab in a form


async def test_fast_tab_in_the_agreement_details_puts_each_answer_in_its_field(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "Reading instruction")
        await pilot.press("f4")
        assert isinstance(app.screen, FormModal)
        await burst(
            pilot,
            "tab",
            "tab",
            *"Small-group reading instruction",
            "tab",
            *"4 times a week",
            "tab",
            *"30 minutes",
            "ctrl+s",
        )
        board_of(app)
    (agreement,) = store.read("leo").agreements
    assert agreement.service == "Small-group reading instruction"
    assert agreement.frequency == "4 times a week"
    assert agreement.duration == "30 minutes"


# ---------------------------------------------------------------- 5. Enter in a form, F-keys over a dialog


async def test_enter_on_a_menu_saves_the_form_and_the_keys_after_it_work(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "1")
        await type_line(pilot, "You never call back")
        board_of(app).query_one("#log").focus()
        await pilot.press("enter")  # correct a statement: the speaker menu has the focus
        assert isinstance(app.screen, FormModal)
        await burst(pilot, "enter", "f6", "enter", *"note", "enter")
        assert board_of(app).has_class("caucus")
    case = store.read("leo")
    assert [(n.text, n.private) for n in case.notes] == [("note", True)]


async def test_an_f_key_over_a_dialog_closes_it_first_and_works(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f8")
        assert isinstance(app.screen, ChoiceModal)
        await burst(pilot, "f3", "k", *"Bus times")
        board = board_of(app)
        assert "parking lot" in shown(app, "#capture-who") and board.capture_input.value == "Bus times"


async def test_an_f_key_in_a_form_with_typed_details_says_what_to_do(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "Reading instruction")
        await pilot.press("f4")
        await burst(pilot, "tab", "tab", *"Reading", "f6")
        assert isinstance(app.screen, FormModal)  # not lost, not saved unasked
        assert "F6 waits" in shown(app, "#form-error")


# ---------------------------------------------------------------- 6. a follow-up owner outside the table


async def test_a_name_typed_for_someone_not_at_the_table_makes_them_the_owner(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "2", "f3", "f")
        await type_line(pilot, "Send the AT catalogue")
        await pilot.press("f4")
        await burst(pilot, "tab", "tab", *"the AT specialist", "enter")
        board_of(app)
        assert "the AT specialist" in table_text(app, "follow-ups")
    (follow_up,) = store.read("leo").follow_ups
    assert (follow_up.owner, follow_up.owner_name) == ("other", "the AT specialist")


# ---------------------------------------------------------------- 7. Escape on typed details


async def test_escape_asks_before_throwing_away_typed_details(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "Reading instruction")
        await pilot.press("f4")
        await burst(pilot, "tab", "tab", *"Small-group", "escape")
        assert isinstance(app.screen, ConfirmModal) and "Discard the details" in screen_text(app)
        await burst(pilot, "n")
        form = app.screen
        assert isinstance(form, FormModal) and form.query_one("#field-service", Input).value == "Small-group"
        await burst(pilot, "escape", "y")
        board_of(app)
        assert "not saved" in shown(app, "#notice")
        await pilot.press("f4", "escape")  # nothing typed: it closes without asking
        board_of(app)
    assert store.read("leo").agreements[0].service is None


# ---------------------------------------------------------------- 8. words typed after a dialog closes


@pytest.mark.parametrize("opened", [["f1"], ["f7"], ["f8"], ["f6"], ["f10"]])
async def test_words_typed_after_escape_reach_the_capture_line(store, opened):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*opened)
        assert not isinstance(app.screen, BoardScreen)
        await burst(pilot, "escape", *"we can try that")
        assert board_of(app).capture_input.value == "we can try that"


async def test_typing_in_help_or_review_goes_back_to_the_capture_line(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "f1", *"we ", "f7", *"can try")
        assert board_of(app).capture_input.value == "we can try"


# ---------------------------------------------------------------- 9. F5 after the last item


async def test_f5_after_the_last_item_stays_stopped(store):
    app = app_for(store, three_item_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "f5", "f5", "f5")  # the opening, the topic, the closing step
        assert "Next steps" in shown(app, "#header-timer")
        await burst(pilot, "f5")
        assert "last item" in shown(app, "#notice")
        await burst(pilot, "f5")
        header = shown(app, "#header-timer")
        assert "last item" in shown(app, "#notice") and "no item active" in header
        assert "F5" not in header and "Tab to the agenda" in header  # the header says what works
    agenda = store.read("leo").latest.agenda
    assert [i.status for i in agenda] == ["resolved", "open", "resolved"]


# ---------------------------------------------------------------- 10. the joint view


async def test_the_joint_view_shows_nothing_typed_and_still_records(store):
    app = app_for(store, small_case(("Rosa Diaz", "Dr. Kim")))
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "f2", "1", "f12", *"You people never listen to us")
        text = screen_text(app)
        assert "You people" not in text and "Rosa Diaz" not in text and "statement" not in text
        assert "capture line hidden" in text
        await burst(pilot, "enter")
        assert "Rosa" not in screen_text(app) and "Recorded" in shown(app, "#notice")
        await burst(pilot, "f6")  # a caucus is private: the full board first
        assert isinstance(app.screen, ChoiceModal)
        await burst(pilot, "enter", *"private words", "enter", "f6", "ctrl+s")
        board = board_of(app)  # out of caucus on the board, not back on the room's screen
        assert not board.has_class("-joint") and not board.has_class("caucus")
        assert "Rosa Diaz: You people never listen" in table_text(app, "log")  # the mediator's board
    (statement,) = store.read("leo").statements
    assert (statement.party, statement.text) == ("p1", "You people never listen to us")


# ---------------------------------------------------------------- 12. smaller findings


async def test_the_next_session_is_suggested_a_week_on(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        form = app.screen
        assert isinstance(form, FormModal)
        assert form.query_one("#field-date", Input).value == "2026-12-05"
        assert "a week on" in screen_text(app)


async def test_a_due_date_is_confirmed_as_people_read_it(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "2", "f3", "f")
        await type_line(pilot, "Send the plan by 12/10/2026")
        assert "due Dec 10, 2026" in shown(app, "#notice")


async def test_a_statement_can_be_corrected_to_the_mediators_own_words(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "1")
        await type_line(pilot, "Let us take five minutes")
        board_of(app).query_one("#log").focus()
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-party").value = "mediator"
        await burst(pilot, "ctrl+s")
        assert "your note" in shown(app, "#notice")
    case = store.read("leo")
    assert case.statements == [] and [n.text for n in case.notes] == ["Let us take five minutes"]


async def test_a_closed_sessions_agreement_refuses_at_once(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "principle: Leo reads at grade level")
        await pilot.press("f9", "ctrl+s")
        board = board_of(app)
        board.query_one("#agreements").focus()
        await burst(pilot, "e")  # the reason shows under the question, not only after it
        assert isinstance(app.screen, ConfirmModal) and "closed" in str(board.query_one("#notice").render())
        await burst(pilot, "n", "delete")
        assert "closed" in shown(app, "#notice")
    assert [a.text for a in store.read("leo").agreements] == ["Leo reads at grade level"]


# ---------------------------------------------------------------- 11. legible at 100x30 and 80x24


def whole_rows_on_top(app, table_id: str) -> bool:
    """The top row shown in a panel is a whole entry (a statement, not its tail or its reframe)."""
    table = app.screen.query_one(f"#{table_id}", DataTable)
    offset, tops = 0, {}
    for row in table.ordered_rows:
        tops[offset] = str(row.key.value)
        offset += row.height
    return table.scroll_y in tops and "#" not in tops[table.scroll_y]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_board_reads_whole_at_its_smaller_sizes(store, size):
    app = demo_app(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "s2" in text or "session 2" in text  # the session, whatever the width
        assert "Everyone at the table wants" in text  # an agreement, more than three words
        assert "settled s1" in text and "serves 2" in text  # its state; an option's status and count
        assert whole_rows_on_top(app, "log")  # the Said log starts with a speaker
        log = app.screen.query_one("#log", DataTable)
        assert log.scroll_y == log.max_scroll_y  # and ends with the newest words
        assert "↓ more" not in str(app.screen.query_one("#log-panel").border_subtitle)
        assert log.scrollable_content_region.height >= 3  # with the prompts shown, still a log
        await burst(pilot, "f2", "1", *"You people never listen to us")  # the reframes show
        assert "never" in shown(app, "#capture-cues")
        assert log.scrollable_content_region.height >= 3


async def test_more_is_marked_only_where_there_is_more(store):
    app = demo_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#parking-panel").border_subtitle == ""  # it all fits
        assert screen.query_one("#follow-ups-panel").border_subtitle == "↓ more"
        screen.query_one("#follow-ups").focus()
        await burst(pilot, *["down"] * 5)  # to the last follow-up
        assert screen.query_one("#follow-ups-panel").border_subtitle == "↑ more"


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_agreement_details_keep_save_and_cancel_in_view(store, size):
    app = demo_app(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "trial: Audiobooks for science")
        await pilot.press("f4")
        assert isinstance(app.screen, FormModal)
        text = screen_text(app)
        assert "Save" in text and "Cancel" in text and "Enter saves" in text


async def test_a_status_change_shows_in_its_row(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "2", "f3", "o")
        await type_line(pilot, "Weekly email")
        app.screen.query_one("#options").focus()
        await burst(pilot, "d")
        assert "discussing · no interest linked" in table_text(app, "options")


async def test_a_long_option_shows_its_whole_status_and_count(store):
    app = demo_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "o")
        await type_line(
            pilot, "The school and family meet monthly to review reading progress data with the tutor"
        )
        await pilot.pause()
        assert "proposed · no interest linked" in screen_text(app)  # on a line of its own, whole


# ---------------------------------------------------------------- the desk draft, on a crash


async def test_words_on_the_capture_line_survive_a_kill_after_a_pause(store, tmp_path):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, *"Leo needs the laptop at")
        for _ in range(100):  # the desk is written once typing pauses (about 1.5 s)
            await asyncio.sleep(0.1)
            desk = store.desk_path("leo")
            if desk.exists() and "laptop" in desk.read_text("utf-8"):
                break
        # What is on disk now is what a kill -9 would leave: the board reopened on a copy of it.
        shutil.copytree(store.home, tmp_path / "after-kill")
    after = Store(tmp_path / "after-kill")
    again = make_app(after, "leo", clock=lambda: NOW)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert board_of(again).capture_input.value == "Leo needs the laptop at"


# ---------------------------------------------------------------- bidi overrides on the board


async def test_a_bidi_override_in_the_case_shows_as_an_escape_and_reorders_nothing(store):
    document = small_case(("Ana \u202eziuR", "Dr. Kim")).dump()
    words = "Laptop \u2066at home\u2069 weekly"  # pasted, or imported with the case
    document["options"] = [
        {"id": "o1", "session": "s1", "proposed_by": "p2", "text": words, "status": "proposed"}
    ]
    app = app_for(store, Case.model_validate(document))
    async with app.run_test(size=(120, 35)) as pilot:
        await burst(pilot, "f2")
        text = screen_text(app)
        assert "Ana \\u202eziuR" in text  # the row and the speaker pick: the mark, visibly
        assert "Laptop \\u2066at home\\u2069 weekly" in text
        assert not any(mark in text for mark in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        await burst(pilot, "1")  # the speaker's name in the capture line's label too
        assert "Ana \\u202eziuR" in shown(app, "#capture-who")
    assert [o.text for o in store.read("leo").options] == [words]  # the record keeps what was there


@pytest.mark.parametrize(
    "mark", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069", "\x1b"]
)
def test_what_reaches_a_terminal_shows_each_reordering_mark(mark):
    safe = terminal_safe(f"before{mark}after \u200fname\u200e")
    assert safe == f"before\\u{ord(mark):04x}after \u200fname\u200e"  # the direction marks stay


@pytest.mark.parametrize("size", [(120, 35), (100, 30), (80, 24)])
async def test_the_header_cuts_the_case_title_never_the_red_flags(store, size):
    app = demo_app(store)
    async with app.run_test(size=size) as pilot:
        await burst(pilot, "f9", "ctrl+s")  # session 3, planned: what is carried over is flagged
        text = screen_text(app)  # as drawn, cut where the terminal cuts it
        assert "red flags · F7" in text and ("s3" in text or "session 3" in text)


@pytest.mark.parametrize("key", ["f2", "f3"])
async def test_every_choice_after_f2_or_f3_shows_at_80x24(store, key):
    app = demo_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, key)
        text = screen_text(app).replace("\xa0", " ")
        choices = ["Sam Whitaker", "Dr. Helen Park"] if key == "f2" else ["k parking", "f follow-up"]
        assert all(choice in text for choice in choices) and "Esc keeps it" in text
        await burst(pilot, "escape", *"we")  # the board as it was, typing on
        assert board_of(app).capture_input.value == "we"


async def test_the_joint_view_wraps_each_line_under_its_own_words(store):
    app = demo_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        await burst(pilot, "f12")
        lines = str(board_of(app).query_one("#joint-text", Static).render()).splitlines()
        option = next(i for i, line in enumerate(lines) if "The district shares its winter" in line)
        assert lines[option].startswith("  • ") and lines[option + 1].startswith("    decides together")
        assert all(len(line) <= 78 for line in lines)  # wrapped here, not again by the terminal
