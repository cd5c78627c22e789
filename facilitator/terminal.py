"""Text bound for a terminal, the command line's or the board's.

Control characters but tab and line breaks (a lone carriage return can hide a line): an
escape sequence in a case, a file name or a pasted statement must not drive the terminal.
Bidirectional overrides, embeddings and isolates would reorder the rest of a line on screen
(right-to-left names need none of them; the marks U+200E/U+200F stay). The line and paragraph
separators U+2028/U+2029 would split one JSON line (reframe --json) for many readers.
"""

from __future__ import annotations

import re

UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]|\r(?!\n)")


def terminal_safe(text: str) -> str:
    """Each such character as a visible ``\\u202e``: in JSON output that escape is the same
    character (the JSON stays valid), in text it shows what was there."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
