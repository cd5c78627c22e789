"""The footer: the board's keys, as many as fit, made from the key table in ``keys.py``.

Textual's Footer drops keys from the end as the terminal narrows, which loses undo and quit
first; this one keeps the keys that matter longest and is clickable like the Footer.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

from facilitator.tui import keys


class KeyBar(Widget):
    def render(self) -> Content:
        # Made as it is drawn, when the width is known: the first paint shows the keys too.
        return keys.footer(self.size.width)

    def render_line_keys(self) -> list[tuple[int, int, keys.Key]]:
        """Where each shown key sits on the line, for clicks."""
        spans: list[tuple[int, int, keys.Key]] = []
        content = keys.footer(self.size.width)
        plain, at = content.plain, 0
        for key in keys.BOARD_KEYS + keys.APP_KEYS:
            label = f" {keys.display(key.key)} {key.label} "
            found = plain.find(label, at)
            if key.keep is not None and found >= 0:
                spans.append((found, found + len(label), key))
                at = found + len(label)
        return spans

    async def on_click(self, event: events.Click) -> None:
        for start, end, key in self.render_line_keys():
            if start <= event.x < end:
                target = self.app if key in keys.APP_KEYS else self.screen
                await target.run_action(key.action)
                return
