"""Findings of a whole mediation walked through in tmux at 80x24, 100x30 and 140x40: each test
is one thing the screen cut, hid or said confusingly, checked on what the terminal shows."""

from __future__ import annotations

import pytest
from test_board import app_for, small_case, type_line, utc  # noqa: F401
from test_board_keys import screen_text
from textual.widgets import Input, Static

from facilitator.store import Store


@pytest.fixture
def store(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("FACILITATOR_HOME", str(tmp_path / "home"))
    return Store(tmp_path / "home")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_where_an_export_went_is_shown_whole(store, size):
    app = app_for(store, small_case())
    async with app.run_test(size=size) as pilot:
        await pilot.press("f8", "enter")  # the consensus points, as Markdown
        await pilot.pause()
        exported = store.home / "exports" / "leo-session-1-consensus.md"
        assert exported.is_file()
        assert str(exported) in screen_text(app).replace(" ", "")  # wrapped, never cut


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_panels_letters_are_all_shown_when_it_has_focus(store, size):
    app = app_for(store, small_case())
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3", "o")
        await type_line(pilot, "Weekly email")
        app.screen.query_one("#options").focus()
        await pilot.pause()
        text = screen_text(app)
        assert "Del remove" in text and "Esc back to typing" in text


async def test_the_iep_change_box_says_yes_or_no(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "a")
        await type_line(pilot, "Weekly email to the family")
        await pilot.press("f4")
        box = app.screen.query_one("#field-iep_change")
        box.focus()
        await pilot.pause()
        text = screen_text(app)
        assert "▐X▌ no" in text and "…" not in text.split("IEP meeting")[0].split("Needs an IEP")[-1]
        await pilot.press("space")
        assert "▐X▌ yes" in screen_text(app)
        await pilot.press("enter")
        assert store.read("leo").agreements[0].iep_change is True


async def test_leaving_caucus_says_once_what_each_key_does(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f6", "enter")  # caucus with the family side
        await type_line(pilot, "They would try it for six weeks")
        await pilot.press("f6")
        await pilot.pause()
        text = screen_text(app)
        assert "Share and leave" in text and "Esc or typing stays" in text
        assert "leaves it" not in text  # Esc never leaves caucus, so no line says it does
        await pilot.press("ctrl+s")
        assert "nothing shared" in screen_text(app)


async def test_each_side_keeps_its_heading_when_its_interests_scroll(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(80, 24)) as pilot:
        for speaker in ("1", "2"):
            await pilot.press("f2", speaker, "f3", "i")
            for n in range(4):
                await type_line(pilot, f"Interest number {n} that takes a line or two to say in full")
        await pilot.pause()
        text = screen_text(app)
        assert "Interest number 3" in text  # the newest is in view
        assert "FAMILY" in text and "SCHOOL" in text  # and so is whose side it is


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)])
async def test_an_empty_agreements_panel_says_whole_where_agreements_come_from(store, size):
    app = app_for(store, small_case())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "F3 a, or a on an option" in screen_text(app)  # never "a on an …"


async def test_e_on_a_partys_name_marks_who_signs_for_the_district(store):
    from textual.widgets import DataTable

    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        school = app.screen.query_one("#school", DataTable)
        school.focus()
        school.move_cursor(row=1)  # Dr. Kim, under the SCHOOL heading
        await pilot.press("e")
        assert "Signs for the district" in screen_text(app)
        app.screen.query_one("#field-authority").focus()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert store.read("leo").party("p2").authority is True
        assert "Dr. Kim edited" in screen_text(app)


async def test_editing_a_neutral_party_keeps_its_side(store):
    from textual.widgets import DataTable

    from facilitator.model import Case

    document = small_case().dump()
    document["parties"].append({"id": "p3", "name": "Sam Lee", "role": "specialist", "side": "neutral"})
    app = app_for(store, Case.model_validate(document))
    async with app.run_test(size=(100, 30)) as pilot:
        school = app.screen.query_one("#school", DataTable)
        school.focus()
        school.move_cursor(row=school.row_count - 1)  # Sam Lee, under NEUTRAL
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert store.read("leo").party("p3").side.value == "neutral"


async def test_help_says_how_to_edit_a_party(store):
    app = app_for(store, small_case())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert "e on a party's name" in str(app.screen.query_one("#help-text", Static).render())


def test_the_joint_view_writes_dates_as_the_signed_document_does(leo):
    from facilitator.tui.widgets.joint import joint_lines

    text = "\n".join(line.plain for line in joint_lines(leo, leo.sessions[-1]))
    assert "Starts: Tuesday, December 1, 2026" in text
    assert "Review date: Friday, January 15, 2027" in text
    assert "2026-12-01" not in text


async def test_every_reframe_shows_whole_on_a_narrow_board(store: Store):
    app = app_for(store, small_case())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "1")
        app.screen.query_one(
            "#capture-input", Input
        ).value = "You never answer my emails and you always blame us for everything"
        capture = app.screen.query_one("CaptureBar")
        for _ in range(100):  # the reframing engine loads after the first paint
            await pilot.pause(0.05)
            if capture.analysis is not None:
                break
        await pilot.pause()
        suggestions = capture.analysis.suggestions
        assert len(suggestions) == 3
        # every reframe is on the screen in full: the mediator may say any of them aloud
        screen = " ".join(screen_text(app).split())
        for suggestion in suggestions:
            assert suggestion in screen, (suggestion, screen)
