"""The session board, driven the way a mediator drives it: keys in, then what the screen
shows and what the saved case holds."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.demo import DEMO_ID, demo_case
from facilitator.model import (
    FORMAT,
    AgendaItem,
    Case,
    Party,
    Session,
)
from facilitator.store import Store
from facilitator.tui.app import make_app
from facilitator.tui.screens.board import BoardScreen
from facilitator.tui.screens.modals import ChoiceModal, FormModal, PickModal
from facilitator.tui.widgets.panels import RecordTable

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
            Party(id="p1", name=family, role="parent", side="family"),
            Party(id="p2", name=school, role="district", side="school"),
        ],
        sessions=[
            Session(
                id="s1",
                number=1,
                date="2026-11-28",
                status="planned",
                kind="mediation",
                agenda=[
                    AgendaItem(id="a1", title="Opening and ground rules", status="open", minutes=10),
                    AgendaItem(id="a2", title="Assistive technology", status="open", minutes=45),
                ],
            )
        ],
    )


def app_for(store: Store, case: Case):
    store.create(case)
    return make_app(store, case.id, clock=lambda: NOW)


def table_text(app, table_id: str) -> str:
    table = app.screen.query_one(f"#{table_id}", RecordTable)
    return "\n".join(" ".join(cell.plain for cell in row.cells) for row in table._shown)


async def type_line(pilot, text: str) -> None:
    pilot.app.screen.query_one("#capture-input", Input).value = text
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def choose(pilot, party: str, kind: str) -> None:
    """Press F2 and F3 until the capture line says who and what."""
    board: BoardScreen = pilot.app.screen
    for _ in range(10):
        if board.live.desk.party == party:
            break
        await pilot.press("f2")
    for _ in range(10):
        if board.live.desk.kind == kind:
            break
        await pilot.press("f3")
    assert (board.live.desk.party, board.live.desk.kind) == (party, kind)


async def test_a_whole_session_is_saved_and_comes_back(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")  # first agenda item starts, and with it the session
        await pilot.press("f5")  # on to the assistive technology item
        board: BoardScreen = app.screen
        assert "Assistive technology" in str(board.query_one("#header-timer").render())

        await choose(pilot, "p1", "interest")
        await type_line(pilot, "Leo reads grade-level books without waiting for an adult")
        await choose(pilot, "p2", "position")
        await type_line(pilot, "One program the staff already know")
        await choose(pilot, "p2", "interest")
        await type_line(pilot, "Tools the staff can support every day")
        await choose(pilot, "p2", "option")
        await type_line(pilot, "Six-week trial of both tool sets")

        # Link the option to both interests: the option is selected after recording it.
        board.query_one("#options").focus()
        await pilot.press("l")
        assert isinstance(app.screen, PickModal)
        await pilot.press("space", "down", "space", "enter")
        await pilot.pause()

        # Make it an agreement and fill in every detail.
        board.query_one("#options").focus()
        await pilot.press("t")  # a trial: its agreement is made at once, details to fill in
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormModal)
        for key, value in {
            "service": "Assistive technology trial",
            "frequency": "daily in ELA and science",
            "duration": "6 weeks",
            "responsible": "AT specialist",
            "goal": "Completes 80% of reading work independently",
            "start": "2026-12-01",
            "review": "2027-01-15",
        }.items():
            form.query_one(f"#field-{key}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert "complete" in table_text(app, "agreements")

        # Caucus with the parent: the note is private unless she agrees to share it.
        await pilot.press("f6")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # first party: the parent
        await pilot.pause()
        assert board.has_class("caucus")
        assert "CAUCUS" in str(board.query_one("#caucus-banner").render())
        await type_line(pilot, "She may accept a trial if data is shared weekly")
        await type_line(pilot, "Worried about the reading teacher's caseload")
        await pilot.press("f6")
        assert isinstance(app.screen, PickModal)
        await pilot.press("space", "enter")  # shares the first note only
        await pilot.pause()
        assert not board.has_class("caucus")

        await pilot.press("f5")  # moves on, back round to the opening item that is still open
        await pilot.press("f8")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # consensus
        await pilot.pause()

    saved = store.read("leo")
    texts = {i.text: i for i in saved.interests}
    assert texts["Leo reads grade-level books without waiting for an adult"].party == "p1"
    assert texts["Tools the staff can support every day"].position == "One program the staff already know"
    (option,) = saved.options
    assert option.status == "trial" and set(option.addresses) == {i.id for i in saved.interests}
    (agreement,) = saved.agreements
    assert agreement.kind == "trial" and agreement.missing() == [] and agreement.option == option.id
    notes = {n.text: n for n in saved.notes}
    shared = notes["She may accept a trial if data is shared weekly"]
    private = notes["Worried about the reading teacher's caseload"]
    assert shared.visibility == private.visibility == "caucus"
    assert shared.party == private.party == "p1"
    assert shared.shared_with_consent and shared.consent_at
    assert not private.shared_with_consent
    assert saved.latest.status == "live"
    assert [i.status for i in saved.latest.agenda] == ["active", "open"]

    export = store.exports_folder / "leo-session-1-consensus.md"
    text = export.read_text("utf-8")
    assert "Assistive technology trial" in text and "Worried" not in text and "She may accept" not in text
    assert oct(export.stat().st_mode & 0o777) == "0o600"

    # Starting again finds everything, in the same place.
    again = make_app(store, "leo", clock=lambda: NOW)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "Leo reads grade-level books" in table_text(again, "family")
        assert "Six-week trial of both tool sets" in table_text(again, "options")
        assert again.screen.live.desk.caucus_party is None


async def test_statement_with_a_reframe_taken_from_the_cues(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "p1", "statement")
        board: BoardScreen = app.screen
        board.capture_input.value = "You never answer my emails and you refused to send the data"
        await pilot.pause()
        assert board.analysis is not None and board.analysis.accusatory
        cues = str(board.query_one("#capture-cues").render())
        assert "never" in cues
        await pilot.press("down")
        chosen = board.analysis.suggestions[0]
        await pilot.press("enter")
        await pilot.pause()
    (statement,) = store.read("leo").statements
    assert statement.flagged is True and statement.reframe == chosen and statement.party == "p1"


async def test_neutral_statement_stays_quiet(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "p1", "statement")
        board: BoardScreen = app.screen
        board.capture_input.value = "I'm worried he is falling behind in reading"
        await pilot.pause()
        assert str(board.query_one("#capture-suggestions").render()).strip() == ""
        await pilot.press("enter")
        await pilot.pause()
    (statement,) = store.read("leo").statements
    assert statement.flagged is False and statement.reframe is None


async def test_undo_and_redo(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "mediator", "parking lot")
        await type_line(pilot, "Bus schedule")
        assert [p.text for p in store.read("leo").parking_lot] == ["Bus schedule"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.read("leo").parking_lot == []
        assert "Bus schedule" not in table_text(app, "parking")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert [p.text for p in store.read("leo").parking_lot] == ["Bus schedule"]
        assert "Bus schedule" in table_text(app, "parking")


async def test_a_refused_save_keeps_the_words_and_says_so(store: Store, monkeypatch: pytest.MonkeyPatch):
    import errno

    import facilitator.store as store_module

    app = app_for(store, small_case())
    before = store.case_path("leo").read_bytes()
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "p1", "interest")
        real_fsync = os.fsync

        def full_disk(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(store_module.os, "fsync", full_disk)
        await type_line(pilot, "Leo keeps his laptop at home too")
        board: BoardScreen = app.screen
        banner = board.query_one("#store-banner")
        assert banner.has_class("visible") and "disk is full" in str(banner.render())
        assert board.capture_input.value == "Leo keeps his laptop at home too"
        assert "laptop" not in table_text(app, "family")
        assert store.case_path("leo").read_bytes() == before

        monkeypatch.setattr(store_module.os, "fsync", real_fsync)
        await pilot.press("enter")
        await pilot.pause()
        assert not banner.has_class("visible")
        assert board.capture_input.value == ""
    assert [i.text for i in store.read("leo").interests] == ["Leo keeps his laptop at home too"]


async def test_a_second_window_is_refused(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)):
        second = make_app(store, "leo", clock=lambda: NOW)
        async with second.run_test(size=(120, 36)):
            pass
        assert second.problem and "open in another facilitator window" in second.problem


MARKUP = [
    "[b",
    "[/]",
    "[TODO]",
    "[@click=app.quit]Quit[/]",
    "[bold red]loud",
    "💥 émoji ✓",
    "# heading | a | b <!--",
    "x" * 3000,
]


async def test_user_text_is_shown_literally_everywhere(store: Store):
    case = small_case(("[@click=app.quit]Ana[/]", "[b]Dr. Kim"))
    app = app_for(store, case)
    async with app.run_test(size=(100, 30)) as pilot:
        for text in MARKUP:
            await choose(pilot, "p1", "interest")
            await type_line(pilot, text)
            await choose(pilot, "p2", "option")
            await type_line(pilot, text)
            await choose(pilot, "p1", "statement")
            await type_line(pilot, text)
            await choose(pilot, "mediator", "parking lot")
            await type_line(pilot, text)
        assert app.is_running
        family = table_text(app, "family")
        assert "[@click=app.quit]Ana[/]" in family
        for text in MARKUP[:-1]:
            assert text in family
            assert text in table_text(app, "parking")
        assert "[b]Dr. Kim" in table_text(app, "options")
        await pilot.press("f7")  # the review screen renders the same words
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("f6", "enter")  # caucus banner with a markup-like name
        await pilot.pause()
        assert "[@click=app.quit]Ana[/]" in str(app.screen.query_one("#caucus-banner").render())
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running
    saved = store.read("leo")
    assert [i.text for i in saved.interests] == MARKUP
    assert [s.text for s in saved.statements] == MARKUP


async def test_agenda_items_can_be_added_moved_and_marked(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        board: BoardScreen = app.screen
        board.query_one("#agenda").focus()
        await pilot.press("a")
        form = app.screen
        form.query_one("#field-title", Input).value = "Transportation"
        form.query_one("#field-minutes", Input).value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        board.query_one("#agenda").focus()
        await pilot.press("down", "down")  # the new item, last on the agenda
        await pilot.press("left_square_bracket")
        await pilot.pause()
        await pilot.press("down", "r")  # a2 is now last: resolved
        await pilot.pause()
    agenda = store.read("leo").latest.agenda
    assert [(i.title, i.minutes) for i in agenda] == [
        ("Opening and ground rules", 10),
        ("Transportation", 15),
        ("Assistive technology", 45),
    ]
    assert agenda[2].status == "resolved"


async def test_next_session_from_the_board(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "mediator", "parking lot")
        await type_line(pilot, "Bus schedule")
        await pilot.press("f9")
        await pilot.press("y")
        await pilot.pause()
        assert "session 2" in str(app.screen.query_one("#header-case").render())
    case = store.read("leo")
    assert [s.number for s in case.sessions] == [1, 2]
    assert case.sessions[0].status == "closed"
    titles = [i.title for i in case.latest.agenda]
    assert "Bus schedule" in titles and "Assistive technology" in titles


async def test_the_command_palette_lists_the_board_actions(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
    for title in [
        "Next agenda item",
        "Link option to interests",
        "Caucus",
        "Export consensus points",
        "Start the next session",
        "Undo",
        "Add a party",
        "Review what is unresolved",
        "Help",
    ]:
        assert title in titles


def test_board_snapshot_100x30(snap_compare, store: Store):
    store.create(demo_case(TODAY, now=NOW))
    app = make_app(store, DEMO_ID, clock=lambda: NOW)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_steady)


def test_board_snapshot_160x45(snap_compare, store: Store):
    store.create(demo_case(TODAY, now=NOW))
    app = make_app(store, DEMO_ID, clock=lambda: NOW)
    assert snap_compare(app, terminal_size=(160, 45), run_before=_steady)


async def _steady(pilot) -> None:
    pilot.app.screen.query_one("#capture-input", Input).cursor_blink = False
    await pilot.pause()


async def test_a_new_case_from_the_case_list(store: Store):
    from facilitator.tui.screens.cases import CaseListScreen

    app = make_app(store, None, clock=lambda: NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CaseListScreen)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-title", Input).value = "Speech services for Sam"
        form.query_one("#field-student", Input).value = "Sam"
        form.query_one("#field-parties", Input).value = "Lena Ortiz:parent:family; Mr. Adams:district"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Lena Ortiz:parent:family" not in str(form.query_one("#form-error").render())
        assert "Name:role:side" in str(form.query_one("#form-error").render())
        form.query_one("#field-parties", Input).value = "Lena Ortiz:parent:family; Mr. Adams:district:school"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert "Speech services for Sam" in str(app.screen.query_one("#header-case").render())
    case = store.read("speech-services-for-sam")
    assert [(p.name, p.role, p.side) for p in case.parties] == [
        ("Lena Ortiz", "parent", "family"),
        ("Mr. Adams", "district", "school"),
    ]
    assert case.student == "Sam" and case.latest.kind == "mediation" and len(case.latest.agenda) >= 4
    assert store.last_opened() == "speech-services-for-sam"


async def test_in_caucus_everything_written_is_private(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        board: BoardScreen = app.screen
        await pilot.press("f6", "down", "enter")  # caucus with the district
        await pilot.pause()
        await pilot.press("f3")  # no way to record anything but a private note here
        assert board.live.desk.kind == "note"
        assert "private caucus note" in str(board.query_one("#capture-who").render())
        await type_line(pilot, "Budget approval needs the superintendent")
        await pilot.press("f6", "enter")  # leaves, sharing nothing
        await pilot.pause()
        assert not board.has_class("caucus")
    case = store.read("leo")
    (note,) = case.notes
    assert note.visibility == "caucus" and note.party == "p2" and not note.shared_with_consent
    assert case.interests == [] and case.statements == []
    from facilitator.export import render_export

    for kind in ("consensus", "summary"):
        assert "superintendent" not in render_export(case, 1, kind)


async def test_palette_commands_act_without_leaving_the_capture_line(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        commands = {c.title: c.callback for c in app.get_system_commands(app.screen)}
        commands["Next agenda item"]()
        await pilot.pause()
        commands["Mark agenda item resolved"]()
        await pilot.pause()
        assert app.screen.focused is app.screen.capture_input
    assert [i.status for i in store.read("leo").latest.agenda] == ["resolved", "open"]


async def test_agreement_details_typed_with_the_keyboard_only(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, "mediator", "agreement")
        await type_line(pilot, "Speech twice a week")
        assert isinstance(app.screen, BoardScreen)  # no dialog jumps up to catch the next words
        await pilot.press("f4")  # details of what was just recorded
        assert isinstance(app.screen, FormModal)
        assert app.screen.focused.id == "field-text"  # typing starts in the form, not behind it
        await pilot.press("tab", "enter", "down", "enter")  # kind: service
        for text in [
            "Speech therapy",
            "2 x 30 min a week",
            "Until June",
            "Ms. Cho",
            "Understood in 80% of turns",
            "2026-12-07",
        ]:
            await pilot.press("tab", *text)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert "complete" in table_text(app, "agreements")
    (agreement,) = store.read("leo").agreements
    assert agreement.kind == "service" and agreement.missing() == []
    assert (agreement.service, agreement.responsible, agreement.start) == (
        "Speech therapy",
        "Ms. Cho",
        "2026-12-07",
    )


async def test_words_typed_but_not_recorded_survive_a_restart(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "p1", "interest")
        await pilot.press(*"Leo keeps")
        await pilot.pause(2)  # a pause in typing keeps the draft on disk, before any exit
        import json

        assert json.loads(store.desk_path("leo").read_text("utf-8"))["draft"] == "Leo keeps"
    # Start again without having recorded it, as after a crash.
    again = make_app(store, "leo", clock=lambda: NOW)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        board: BoardScreen = again.screen
        assert board.capture_input.value == "Leo keeps"
        assert (board.live.desk.party, board.live.desk.kind) == ("p1", "interest")
        await pilot.press("enter")
        await pilot.pause()
        assert board.live.desk.draft == ""
    assert [i.text for i in store.read("leo").interests] == ["Leo keeps"]


async def test_a_new_interest_appears_under_its_party(store: Store):
    store.create(demo_case(TODAY, now=NOW))
    app = make_app(store, DEMO_ID, clock=lambda: NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "p1", "interest")  # the first family party: rows of others follow his
        await type_line(pilot, "Maya keeps reading over the winter break")
        table = app.screen.query_one("#family", RecordTable)
        shown = [row.key.value for row in table.ordered_rows]
        new_id = store.read(DEMO_ID).interests[-1].id
        assert shown.index(new_id) < shown.index("party:p2")
        assert shown.index("party:p1") < shown.index(new_id)
        assert shown == [row.key for row in table._shown]  # what is drawn is what the panel knows
        first_cell = " ".join(str(table.get_row_at(shown.index(new_id))[0]).split())
        assert "Maya keeps reading over the winter break" in first_cell


async def test_a_case_open_elsewhere_is_refused_from_the_case_list_without_leaving_it(store: Store):
    from facilitator.live import LiveSession
    from facilitator.tui.screens.cases import CaseListScreen

    store.create(small_case())
    holder = LiveSession(store, "leo")  # another window has it
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


async def test_adding_a_party_from_the_board(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f10")
        form = app.screen
        assert isinstance(form, FormModal)
        form.query_one("#field-name", Input).value = "Priya Shah"
        form.query_one("#field-role").value = "district"
        form.query_one("#field-side").value = "family"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "school side" in str(form.query_one("#form-error").render())
        form.query_one("#field-role").value = "advocate"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.screen.live.desk.party == "p3"  # the capture line now speaks for her
        assert "Priya Shah · advocate" in table_text(app, "family")
    assert store.read("leo").party("p3").name == "Priya Shah"
