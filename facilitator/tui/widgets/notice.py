"""The line above the capture line: what was just done, what went wrong, or the quiet hint.

It never covers a panel, so the row just recorded stays in view; a message fades back to
the hint after a while, and a sticky one (where an export went) stays until Esc.
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from facilitator.terminal import terminal_safe

FADE_SECONDS = 8


class Notice(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._timer: Timer | None = None
        self.hint: Content = Content("")

    @property
    def busy(self) -> bool:
        """A message is showing (the hint waits for it)."""
        return self._timer is not None or self.has_class("-sticky")

    def say(self, text: str | Content, *, warning: bool = False, sticky: bool = False) -> None:
        self.remove_class("-choosing")
        self.set_class(warning, "-warning")
        self.set_class(sticky, "-sticky")
        self.update(Content(terminal_safe(text)) if isinstance(text, str) else text, layout=False)
        if self._timer is not None:
            self._timer.stop()
        self._timer = None if sticky else self.set_timer(FADE_SECONDS, self.show_hint)

    def ask(self, question: Content) -> None:
        """A chooser waiting for the next key (F2, F3): it stays until that key."""
        self.say(question, sticky=True)
        self.add_class("-choosing")

    def show_hint(self, hint: Content | None = None) -> None:
        """Back to the hint (a new one if given); this also dismisses a sticky message."""
        if hint is not None:
            self.hint = hint
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self.remove_class("-warning", "-sticky", "-choosing")
        self.update(self.hint, layout=False)
