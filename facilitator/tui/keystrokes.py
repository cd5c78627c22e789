"""Keys in the order they were typed, each one handled whole before the next is looked at.

Textual hands a key to the focused widget and runs the key's binding later, once the key has
bubbled back up to the app; by then the keys typed after it may already have gone to the old
field or the old screen. On a laggy laptop or over ssh keys arrive in bursts, and then a fast
Tab lands the next words in the wrong field, an Enter records words typed after it, and a
chooser answers twice. So the app looks at one key at a time: a screen of ours takes it at
once (``take_key``: type it into the focused field, or run its binding now), and while a
screen opens or closes, or a panel's command travels to the board, the keys behind it wait
until the new screen has its focus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from enum import Enum, auto
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual import events
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.app import App

Typed = events.Key | events.Paste
HOLD_LIMIT = 5.0  # seconds: a hold nobody released (a screen closed before it opened) lets go


class Taken(Enum):
    DONE = auto()  # handled, all of it
    NOT = auto()  # not ours: Textual's own way
    AGAIN = auto()  # this screen closed: the screen now on top takes the same key


@runtime_checkable
class TakesKeys(Protocol):
    async def take_key(self, event: Typed) -> Taken: ...


def type_text(field: Input, text: str) -> None:
    """Type ``text`` into ``field`` now, over its selection if it has one (as Input does)."""
    selection = field.selection
    if selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *selection)


async def run_key(screen: Screen[Any], event: Typed) -> Taken:
    """What Textual would do with ``event`` a moment later, done now: type it into the focused
    field, or run the binding nearest the focused widget."""
    focused = screen.focused
    if isinstance(event, events.Paste):
        if isinstance(focused, Input) and event.text:
            type_text(focused, event.text.splitlines()[0])
            return Taken.DONE
        return Taken.NOT
    if isinstance(focused, Input) and event.is_printable and event.character:
        type_text(focused, event.character)
        return Taken.DONE
    active = screen.active_bindings.get(event.key)
    if active is None or active.binding.priority or not active.enabled:
        return Taken.NOT  # priority keys (ctrl+q) and unbound keys go Textual's way
    handled = await screen.app.run_action(active.binding.action, active.node)
    order = getattr(screen.app, "key_order", None)
    if isinstance(order, KeyOrder) and focused is not None and not isinstance(focused, Input):
        order.wait_for_messages(focused)  # a panel's command reaches the board before the next key
    return Taken.DONE if handled else Taken.NOT


class KeyOrder:
    """The app's keys, one at a time, in order; held while the screen changes."""

    def __init__(self, app: App[Any], default: Callable[[Typed], Awaitable[None]]) -> None:
        self.app = app
        self.default = default  # Textual's own handling of a key
        self.waiting: deque[Typed] = deque()
        self.holds = 0
        self.routing = False

    def start(self) -> None:
        """From now on a new screen holds the keys typed after it until it has its focus."""
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed, immediate=True)

    async def arrived(self, event: Typed) -> None:
        self.waiting.append(event)
        await self.route()

    def hold(self) -> Callable[[], None]:
        """Keys wait until the returned function is called (at the latest after HOLD_LIMIT)."""
        self.holds += 1
        released = False

        def release() -> None:
            nonlocal released
            if released:
                return
            released = True
            timer.stop()
            self.holds -= 1
            if not self.holds and self.waiting:
                self.app.call_later(self.route)

        timer = self.app.set_timer(HOLD_LIMIT, release)
        return release

    def _screen_changed(self, screen: Screen[Any]) -> None:
        # The new screen's Compose, Mount and ScreenResume are queued before this call, so
        # when it runs the screen is up and its focus is set.
        release = self.hold()
        if not screen.call_later(release):
            release()

    def wait_for_messages(self, widget: Widget) -> None:
        """Hold the keys until what ``widget`` has posted has travelled up to its screen."""
        release = self.hold()

        def climb(node: Widget) -> None:
            parent = node.parent
            if (
                isinstance(node, Screen)
                or not isinstance(parent, Widget)
                or not parent.call_later(climb, parent)
            ):
                release()

        if not widget.call_later(climb, widget):
            release()

    async def route(self) -> None:
        if self.routing:
            return  # the loop already running takes the new key in its turn
        self.routing = True
        try:
            while self.waiting and not self.holds:
                event = self.waiting.popleft()
                screen = self.app.screen
                taken = Taken.NOT
                if isinstance(screen, TakesKeys):
                    try:
                        taken = await screen.take_key(event)
                    except NoMatches:  # a screen still being built: Textual's way
                        taken = Taken.NOT
                if taken is Taken.AGAIN and self.app.screen is not screen:
                    self.waiting.appendleft(event)
                elif taken is not Taken.DONE:
                    await self.default(event)
        finally:
            self.routing = False
