"""The session board, driven the way a mediator drives it: keys in, then what the screen
shows and what the saved case holds. What the service layer decides is tested without
Textual in test_live.py; these tests keep the keys, the focus and the layout."""

from __future__ import annotations

import errno
import json
import os
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from facilitator.model import FORMAT, AgendaItem, Case, Party, Role, Session, Side
from facilitator.store import Store
from facilitator.tui.app import make_app
from facilitator.tui.screens.board import BoardScreen
from facilitator.tui.screens.modals import ChoiceModal, ConfirmModal, FormModal, PickModal

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch):
    """The header shows local time; pin it so screens are the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "home"))
    return Store(tmp_path / "home")


def small_case(party_names: tuple[str, str] = ("Ana Ruiz", "Dr. Kim")) -> Case:
    family, school = party_names
    return Case(
        format=FORMAT,
        id="leo",
        title="Assistive technology for Leo",
        student="Leo",
        created="2026-11-01T09:00:00+00:00",
        parties=[
            Party(id="p1", name=family, role=Role.PARENT, side=Side.FAMILY),
            Party(id="p2", name=school, role=Role.DISTRICT, side=Side.SCHOOL),
        ],
        sessions=[
            Session.model_validate(
                {
                    "id": "s1",
                    "number": 1,
                    "date": "2026-11-28",
                    "status": "planned",
                    "kind": "mediation",
                    "agenda": [
                        AgendaItem.model_validate(
                            {
                                "id": "a1",
                                "title": "Opening and ground rules",
                                "status": "open",
                                "minutes": 10,
                                "process": True,
                                "prompts": ["Confidentiality: nothing said here is evidence later"],
                            }
                        ).dump(),
                        {"id": "a2", "title": "Assistive technology", "status": "open", "minutes": 45},
                    ],
                }
            )
        ],
    )


def app_for(store: Store, case: Case):
    store.create(case)
    return make_app(store, case.id, clock=lambda: NOW)


def table_text(app, table_id: str) -> str:
    """What a panel shows, row by row, as the table holds it (public DataTable API)."""
    table = app.screen.query_one(f"#{table_id}", DataTable)
    rows = [table.get_row_at(index) for index in range(table.row_count)]
    return "\n".join(" ".join(" ".join(str(cell).split()) for cell in row) for row in rows)


def shown(app, selector: str) -> str:
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


async def type_line(pilot, text: str) -> None:
    pilot.app.screen.query_one("#capture-input", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_a_whole_session_by_keyboard_is_saved_and_comes_back(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")  # the opening starts, and with it the session
        assert "Confidentiality" in shown(app, "#prompts-text")  # the mediator's script for it
        await pilot.press("f5")  # on to assistive technology: the opening step is done
        assert "Assistive technology" in shown(app, "#header-timer")

        await pilot.press("f2", "1", "f3", "i")  # Ana Ruiz, interest: two keys each
        await type_line(pilot, "Leo reads grade-level books without waiting for an adult")
        await pilot.press("f2", "2", "f3", "p")
        await type_line(pilot, "One program the staff already know")
        await pilot.press("f3", "i")
        await type_line(pilot, "Tools the staff can support every day")
        await pilot.press("f3", "o")
        await type_line(pilot, "Six-week trial of both tool sets")
        assert "Recorded: option from Dr. Kim" in shown(app, "#notice")

        await pilot.press("f4")  # links the option just recorded
        assert isinstance(app.screen, PickModal)
        await pilot.press("enter", "down", "enter", "ctrl+s")  # Enter ticks, ctrl+s saves
        await pilot.pause()
        assert "serves 2" in table_text(app, "options")

        # Into the options on purpose, then t: a trial, whose agreement is made and detailed.
        app.screen.query_one("#options").focus()
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        for key, value in {
            "service": "Assistive technology trial",
            "frequency": "daily in ELA and science",
            "duration": "6 weeks",
            "responsible": "AT specialist",
            "goal": "Completes 80% of reading work independently",
            "start": "12/1/2026",
            "review": "2027-01-15",
            "data": "Share of reading work done alone, weekly",
            "monitor": "Ms. Cho",
        }.items():
            form.query_one(f"#field-{key}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert "complete" in table_text(app, "agreements")

        # Caucus with the family: private unless they agree to share.
        await pilot.press("escape", "f6")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # the first choice: Ana Ruiz
        await pilot.pause()
        assert "CAUCUS" in shown(app, "#caucus-banner")
        await type_line(pilot, "She may accept a trial if data is shared weekly")
        await type_line(pilot, "Worried about the reading teacher's caseload")
        await pilot.press("f6")
        assert isinstance(app.screen, PickModal)
        await pilot.press("enter", "ctrl+s")  # shares the first note only
        await pilot.pause()
        assert not app.screen.has_class("caucus")
        assert "shared from caucus" in table_text(app, "log")
        assert "Worried" not in table_text(app, "log")

        await pilot.press("f8", "enter")  # consensus
        await pilot.pause()
        assert "leo-session-1-consensus.md" in shown(app, "#notice")

    saved = store.read("leo")
    texts = {i.text: i for i in saved.interests}
    assert texts["Leo reads grade-level books without waiting for an adult"].party == "p1"
    assert texts["Tools the staff can support every day"].position == "One program the staff already know"
    (option,) = saved.options
    assert option.status == "trial" and set(option.addresses) == {i.id for i in saved.interests}
    (agreement,) = saved.agreements
    assert agreement.kind == "trial" and agreement.missing() == [] and agreement.start == "2026-12-01"
    assert agreement.monitor == "Ms. Cho"
    notes = {n.text: n for n in saved.notes}
    assert notes["She may accept a trial if data is shared weekly"].shared_with_consent
    assert notes["Worried about the reading teacher's caseload"].private
    assert [i.status for i in saved.latest.agenda] == ["resolved", "active"]
    export = (store.exports_folder / "leo-session-1-consensus.md").read_text("utf-8")
    assert "Assistive technology trial" in export and "Worried" not in export

    again = make_app(store, "leo", clock=lambda: NOW)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "Leo reads grade-level books" in table_text(again, "family")
        assert "Six-week trial of both tool sets" in table_text(again, "options")


async def test_words_typed_after_f4_never_change_a_record(store: Store):
    """Issue 12 item 1: F3 o, words, Enter, F4, Space, Enter, then "dad" typed straight on."""
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "2", "f3", "i")
        await type_line(pilot, "Tools the staff can support")
        await pilot.press("f3", "o")
        await type_line(pilot, "Weekly email from Mr. Lee")
        await pilot.press("f4", "space", "enter", *"dad")
        await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen) and board.focused is board.capture_input
        assert board.capture_input.value == " dad"  # the space was typing too: it closed the list
    case = store.read("leo")
    assert case.options[0].status == "proposed" and case.agreements == []


async def test_f4_without_interests_says_so_and_typing_stays_on_the_line(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "2", "f3", "o")
        await type_line(pilot, "Weekly email")
        await pilot.press("f4", *"ad")
        await pilot.pause()
        assert "No interests recorded yet" in shown(app, "#notice")
        assert app.screen.capture_input.value == "ad"
    assert store.read("leo").options[0].status == "proposed"


async def test_escape_from_a_dialog_returns_to_typing(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "2", "f3", "i")
        await type_line(pilot, "Tools the staff can support")
        await pilot.press("f3", "o")
        await type_line(pilot, "Weekly email")
        await pilot.press("f4", "escape", *"at")
        await pilot.pause()
        assert app.screen.capture_input.value == "at"
    assert store.read("leo").agreements == []


async def test_a_letter_that_means_nothing_in_a_panel_says_where_you_are(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.query_one("#agenda").focus()
        await pilot.pause()
        assert "AGENDA" in shown(app, "#notice") and "Esc back to typing" in shown(app, "#notice")
        await pilot.press("z")
        assert "does nothing here" in shown(app, "#notice")
        await pilot.press("r")  # the cursor starts on the first open item
        await pilot.press("r")
        await pilot.pause()
        assert "already resolved" in shown(app, "#notice")  # a key that changes nothing says so
        await pilot.press("escape")
        assert app.screen.focused is app.screen.capture_input
    assert store.read("leo").latest.agenda[0].status == "resolved"


async def test_any_speaker_and_kind_in_two_keys_and_back_by_f_again(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        board = app.screen
        await pilot.press("f3")
        assert "What?" in shown(app, "#notice") and app.screen is board  # a line, not a screen
        await pilot.press("k")
        assert "parking lot" in shown(app, "#capture-who")
        await pilot.press("f3", "f3")  # the same key again: the next kind
        assert "statement" in shown(app, "#capture-who")
        await pilot.press("f2", "2")
        assert "Dr. Kim" in shown(app, "#capture-who")
        await pilot.press("f2", "m")
        assert "mediator" in shown(app, "#capture-who")
        await pilot.press("f2", "q")  # picks nothing: the speaker stays, the q is typing
        assert "Speaker unchanged" in shown(app, "#notice") and board.capture_input.value == "q"
        assert "mediator" in shown(app, "#capture-who")


async def test_a_statement_with_a_reframe_and_its_correction_in_the_log(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "2")  # the wrong speaker
        board = app.screen
        board.capture_input.value = "You never answer my emails and you refused to send the data"
        await pilot.pause()
        assert "never" in shown(app, "#capture-cues")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Dr. Kim: You never answer my emails" in table_text(app, "log")
        assert "↳" in table_text(app, "log")  # the reframe used, under it
        board.query_one("#log").focus()
        await pilot.press("up", "enter")  # on the statement itself
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-party").value = "p1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ana Ruiz: You never answer my emails" in table_text(app, "log")
    (statement,) = store.read("leo").statements
    assert statement.party == "p1" and statement.flagged and statement.reframe


async def test_undo_and_redo(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3", "k")
        await type_line(pilot, "Bus schedule")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.read("leo").parking_lot == [] and "Bus schedule" not in table_text(app, "parking")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Bus schedule" in table_text(app, "parking")


async def test_a_refused_save_keeps_the_words_and_says_so(store: Store, monkeypatch: pytest.MonkeyPatch):
    import facilitator.store as store_module

    app = app_for(store, small_case())
    before = store.case_path("leo").read_bytes()
    real_fsync = os.fsync
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "1", "f3", "i")

        def full_disk(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(store_module.os, "fsync", full_disk)
        await type_line(pilot, "Leo keeps his laptop at home too")
        banner = shown(app, "#store-banner")
        assert "disk is full" in banner and ". Your words are still on the capture line" in banner
        assert app.screen.capture_input.value == "Leo keeps his laptop at home too"
        assert store.case_path("leo").read_bytes() == before

        await pilot.press("ctrl+q")  # not saved: quitting asks first
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        monkeypatch.setattr(store_module.os, "fsync", real_fsync)
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#store-banner") == "" and app.screen.capture_input.value == ""
    assert [i.text for i in store.read("leo").interests] == ["Leo keeps his laptop at home too"]


async def test_quitting_keeps_the_typed_words(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "1", "f3", "i", *"Leo keeps")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert json.loads(store.desk_path("leo").read_text("utf-8"))["draft"] == "Leo keeps"
    again = make_app(store, "leo", clock=lambda: NOW)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.screen.capture_input.value == "Leo keeps"
        assert "Ana Ruiz" in shown(again, "#capture-who") and "interest" in shown(again, "#capture-who")


async def test_a_second_window_is_refused(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)):
        second = make_app(store, "leo", clock=lambda: NOW)
        async with second.run_test(size=(120, 36)):
            pass
        assert second.problem and "open in another facilitator window" in second.problem


MARKUP = ["[b", "[/]", "[TODO]", "[@click=app.quit]Quit[/]", "[bold red]loud", "💥 émoji ✓", "x" * 3000]


def squashed(text: str) -> str:
    return "".join(text.split())  # wrapped rows break lines anywhere


async def test_user_text_is_shown_literally_everywhere(store: Store):
    app = app_for(store, small_case(("[@click=app.quit]Ana[/]", "[b]Dr. Kim")))
    async with app.run_test(size=(100, 30)) as pilot:
        lines = [" ".join(MARKUP[i : i + 2]) for i in (0, 2, 4)]  # short enough to show whole
        await pilot.press("f2", "1", "f3", "i")
        for line in [*lines, MARKUP[-1]]:
            await type_line(pilot, line)
        await pilot.press("f3", "k")
        for line in lines:
            await type_line(pilot, line)
        await pilot.press("f2", "2", "f3", "o")
        await type_line(pilot, " ".join(MARKUP[:3]))
        await pilot.press("f3", "s")
        await type_line(pilot, " ".join(MARKUP[:3]))
        assert app.is_running
        family, parking = squashed(table_text(app, "family")), squashed(table_text(app, "parking"))
        for text in ["[@click=app.quit]Ana[/]", *MARKUP[:-1]]:
            assert squashed(text) in family
        for text in MARKUP[:-1]:
            assert squashed(text) in parking
        assert squashed("[b]Dr. Kim") in squashed(table_text(app, "options"))
        assert squashed("[b]Dr. Kim: [b [/] [TODO]") in squashed(table_text(app, "log"))
        assert "[@click=app.quit]Ana[/]" in shown(app, "#capture-who") or "[b]Dr. Kim" in shown(
            app, "#capture-who"
        )
        await pilot.press("f7")  # the review screen renders the same words
        await pilot.pause()
        await pilot.press("escape", "f6", "enter")  # caucus banner with a markup-like name
        await pilot.pause()
        assert "[@click=app.quit]Ana[/]" in shown(app, "#caucus-banner")
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running
    saved = store.read("leo")
    assert [i.text for i in saved.interests] == [" ".join(MARKUP[i : i + 2]) for i in (0, 2, 4)] + MARKUP[-1:]


async def test_the_palette_finds_every_contract_name(store: Store):
    from facilitator.tui.commands import BoardCommands

    app = app_for(store, small_case(("[b]Ana", "Dr. Kim")))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        provider = BoardCommands(app.screen)
        names = {hit.text async for hit in provider.discover()}
        for name in [
            "Capture as statement",
            "Capture as interest",
            "Capture as position",
            "Capture as option",
            "Capture as agreement",
            "Capture as note",
            "Capture as follow-up",
            "Capture as parking lot",
            "Speaker: [b]Ana",
            "Speaker: Dr. Kim",
            "Speaker: mediator",
            "Joint view",
            "Review",
            "Export",
        ]:
            assert name in names
        # Through the palette itself, by name.
        await pilot.press("ctrl+p", *"follow-up")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "follow-up" in shown(app, "#capture-who")
        assert app.screen.focused is app.screen.capture_input


async def test_agenda_items_are_added_moved_and_marked(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.query_one("#agenda").focus()
        await pilot.press("a")  # a new topic goes after the item under the cursor (the first open one)
        form = app.screen
        form.query_one("#field-title", Input).value = "Transportation"
        form.query_one("#field-minutes", Input).value = "²"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Time box" in shown(app, "#form-error")  # explained, never a traceback
        form.query_one("#field-minutes", Input).value = "15 min"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.focused is app.screen.capture_input  # saved: typing goes on, not in the panel
        app.screen.query_one("#agenda").focus()  # back into the agenda, at the first open item
        await pilot.press("down", "down", "left_square_bracket")  # the last item moves up one
        await pilot.pause()
        await pilot.press("down", "r")
        await pilot.pause()
    agenda = store.read("leo").latest.agenda
    assert [(i.title, i.minutes) for i in agenda] == [
        ("Opening and ground rules", 10),
        ("Assistive technology", 45),
        ("Transportation", 15),
    ]
    assert agenda[2].status == "resolved"


async def test_f5_on_the_last_item_stops_there(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", "f5", "f5")
        await pilot.pause()
        assert "last item" in shown(app, "#notice")
        assert "Assistive technology" in shown(app, "#header-timer")
    assert [i.status for i in store.read("leo").latest.agenda] == ["resolved", "active"]


async def test_next_session_asks_for_its_date_and_agenda(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3", "k")
        await type_line(pilot, "Bus schedule")
        await pilot.press("f9")
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-date", Input).value = "1/29/2027"
        form.query_one("#field-agenda").value = "check-in"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "session 2" in shown(app, "#header-case")
    case = store.read("leo")
    assert case.sessions[0].status == "closed" and case.latest.date == "2027-01-29"
    titles = [i.title for i in case.latest.agenda]
    assert "Bus schedule" in titles and "Assistive technology" in titles and "How things are going" in titles
    assert "Opening and ground rules" not in titles  # a step of the meeting is never carried


async def test_adding_a_party_suggests_the_side_and_explains_a_refusal(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f10")
        form = app.screen
        form.query_one("#field-name", Input).value = "Priya Shah"
        form.query_one("#field-role").value = "case-manager"
        await pilot.pause()
        assert form.query_one("#field-side").value == "school"  # model.usual_side
        form.query_one("#field-side").value = "family"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "school side" in shown(app, "#form-error")
        form.query_one("#field-role").value = "specialist"
        await pilot.pause()
        form.query_one("#field-side").value = "neutral"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        school = table_text(app, "school")
        assert "NEUTRAL" in school and school.index("NEUTRAL") < school.index("Priya Shah")
    assert store.read("leo").party("p3").side == "neutral"


async def test_an_interest_heard_as_a_position_is_named_in_an_empty_field(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "1", "f3", "p")
        await type_line(pilot, "A private placement")
        assert "(interest not named yet)" in table_text(app, "family")
        await pilot.press("f4")
        form = app.screen
        assert form.query_one("#field-text", Input).value == ""
        form.query_one("#field-text", Input).value = "Keeps up with his class"
        await pilot.press("enter")
        await pilot.pause()
    (interest,) = store.read("leo").interests
    assert (interest.text, interest.position) == ("Keeps up with his class", "A private placement")


async def test_overdue_follow_ups_and_reviews_are_marked(store: Store):
    case = small_case()
    document = case.dump()
    document["follow_ups"] = [
        {
            "id": "f1",
            "session": "s1",
            "text": "Send the data",
            "owner": "p2",
            "done": False,
            "due": "2026-11-20",
        },
        {
            "id": "f2",
            "session": "s1",
            "text": "Order software",
            "owner": "other",
            "owner_name": "the AT team",
            "done": False,
            "due": "2026-12-20",
        },
    ]
    document["agreements"] = [
        {
            "id": "g1",
            "session": "s1",
            "kind": "trial",
            "text": "Trial of text-to-speech",
            "review": "2026-11-27",
        }
    ]
    store.create(Case.model_validate(document))
    app = make_app(store, "leo", clock=lambda: NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        follow_ups = table_text(app, "follow-ups")
        assert "OVERDUE since Nov 20" in follow_ups and "the AT team, due Dec 20" in follow_ups
        assert "review due" in table_text(app, "agreements")


async def test_a_new_case_from_the_case_list(store: Store):
    from facilitator.tui.screens.cases import CaseListScreen

    app = make_app(store, None, clock=lambda: NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CaseListScreen)
        await pilot.press("n")
        form = app.screen
        form.query_one("#field-title", Input).value = "Speech services for Sam"
        form.query_one("#field-student", Input).value = "Sam"
        form.query_one("#field-parties", Input).value = "Lena Ortiz:parent:family; Mr. Adams:district"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Name:role:side" in shown(app, "#form-error")
        form.query_one("#field-parties", Input).value = "Lena Ortiz:parent:family; Mr. Adams:district:school"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
    case = store.read("speech-services-for-sam")
    assert [(p.name, p.side) for p in case.parties] == [("Lena Ortiz", "family"), ("Mr. Adams", "school")]
    assert store.last_opened() == "speech-services-for-sam"


async def test_a_case_open_elsewhere_is_refused_from_the_case_list_without_leaving_it(store: Store):
    from facilitator.live import LiveSession
    from facilitator.tui.screens.cases import CaseListScreen

    store.create(small_case())
    holder = LiveSession(store, "leo")
    try:
        app = make_app(store, None, clock=lambda: NOW)
        told: list[str] = []
        notify = app.notify
        app.notify = lambda message, **kwargs: (told.append(message), notify(message, **kwargs))
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, CaseListScreen)
            assert any("open in another facilitator window" in message for message in told)
    finally:
        holder.close()


async def test_a_closed_sessions_agreement_is_amended_not_edited(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "principle: Leo reads at grade level")
        await pilot.press("f9", "ctrl+s")  # the next session, today
        await pilot.pause()
        app.screen.query_one("#agreements").focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmModal)  # amend instead?
        await pilot.press("y")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-text", Input).value = "Leo reads at grade level by June"
        await pilot.press("ctrl+s")
        await pilot.pause()
    first, amendment = store.read("leo").agreements
    assert first.text == "Leo reads at grade level" and amendment.amends == first.id


async def test_the_joint_view_shows_only_the_negotiating_text(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f2", "1", "f3", "p")
        await type_line(pilot, "A private placement")
        await pilot.press("f3", "s")
        await type_line(pilot, "You never listen to us")
        await pilot.press("f2", "2", "f3", "o")
        await type_line(pilot, "Six-week trial")
        await pilot.press("f6", "enter")
        await type_line(pilot, "Budget needs the superintendent")
        await pilot.press("f6", "ctrl+s", "f12", *"Weekly")
        await pilot.pause()
        joint = shown(app, "#joint-text")
        assert "Six-week trial" in joint and "Assistive technology" in joint
        for private in ("private placement", "never listen", "superintendent", "reframe", "Weekly"):
            assert private not in joint
        await pilot.press("f12")
        assert not app.screen.has_class("-joint")


async def test_the_preparation_checklist(store: Store):
    from facilitator.tui.commands import board_commands

    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        next(c for c in board_commands(app.screen) if c.name == "Preparation").run()
        await pilot.pause()
        await pilot.press("a")
        form = app.screen
        form.query_one("#field-title", Input).value = "Reading evaluation"
        form.query_one("#field-party").value = "p2"
        form.query_one("#field-kind").value = "evaluation"
        form.query_one("#field-due", Input).value = "11/20/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("down", "space")
        await pilot.pause()
        listed = table_text(app, "documents")
        assert "Dr. Kim · district" in listed and "requested" in listed and "OVERDUE" in listed
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
    (document,) = store.read("leo").documents
    assert (document.status, document.party, document.due) == ("requested", "p2", "2026-11-20")


async def test_red_flags_and_overdue_show_in_the_header(store: Store):
    document = small_case().dump()
    document["follow_ups"] = [
        {"id": "f1", "session": "s1", "text": "Send data", "owner": "p2", "done": False, "due": "2026-11-01"},
        {"id": "f2", "session": "s1", "text": "Send logs", "owner": "p2", "done": False, "due": "2026-11-02"},
    ]
    store.create(Case.model_validate(document))
    app = make_app(store, "leo", clock=lambda: NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.refresh_header()
        assert "red flag" in shown(app, "#header-case") and "2 overdue" in shown(app, "#header-case")


async def test_the_case_list_says_what_is_due(store: Store):
    document = small_case().dump()
    document["follow_ups"] = [
        {"id": "f1", "session": "s1", "text": "Send data", "owner": "p2", "done": False, "due": "2026-11-01"}
    ]
    store.create(Case.model_validate(document))
    app = make_app(store, None, clock=lambda: NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "1 overdue" in table_text(app, "case-table")


# ---------------------------------------------------------------- snapshots, driven by the keyboard


async def _steady(pilot) -> None:
    pilot.app.screen.query_one("#capture-input", Input).cursor_blink = False
    await pilot.pause()


def demo_app(store: Store):
    from facilitator.demo import DEMO_ID, demo_case

    store.create(demo_case(TODAY, now=NOW))
    return make_app(store, DEMO_ID, clock=lambda: NOW)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_board_snapshot(snap_compare, store: Store, size: tuple[int, int]):
    assert snap_compare(demo_app(store), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize(
    "flow, keys",
    [
        ("caucus", ["f6", "enter", *"A trial, yes"]),
        ("flagged", ["f2", "1", *"You never listen", "down"]),
        ("kind-pick", ["f3"]),
        ("agreement-form", ["tab", "tab", "tab", "tab", "down", "down", "enter"]),
        ("link", ["tab", "tab", "tab", "enter"]),
        ("party-form", ["f10"]),
        ("next-session", ["f9"]),
        ("review", ["f7"]),
        ("joint-view", ["f12"]),
        ("help", ["f1"]),
        ("export", ["f8"]),
        ("closed-agreement", ["f9", "ctrl+s", "tab", "tab", "tab", "tab", "tab", "tab", "enter"]),
    ],
)
def test_flow_snapshot(snap_compare, store: Store, flow: str, keys: list[str]):
    assert snap_compare(demo_app(store), terminal_size=(100, 30), press=keys, run_before=_steady)
