"""Split DejaVu Sans into the two fonts the pdf export embeds (run once; the results are in
facilitator/export/fonts/).

fpdf2 reads every glyph of a font for each document it makes, so a font of 6,000 glyphs cost
most of a pdf export's time. Split in two, a document reads only the first, the scripts names
and agreement text are usually written in (Latin with Vietnamese, Greek, Cyrillic, punctuation,
currency), and the second (Hebrew, Arabic and everything else DejaVu Sans has) only when its
text needs it. Widths and outlines are unchanged. The second half keeps its layout tables, so Arabic is
still joined and shaped; the core half has none (its scripts need no shaping, and fpdf2 drops
them from what it embeds anyway). TrueType hinting is left out of both: print does not use
it, and it made every glyph slower to embed.

    python tools/split_fonts.py /usr/share/fonts/truetype/dejavu   # Debian's fonts-dejavu-core 2.37

The DejaVu licence (fonts/LICENSE) allows modified fonts under any name without "Bitstream" or
"Vera".
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "facilitator" / "export" / "fonts"

# What names and agreement text are usually written in.
CORE = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x02B0, 0x02FF),  # spacing modifier letters
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # general punctuation
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20CF),  # currency
    (0x2100, 0x214F),  # letterlike symbols (No., TM)
    (0x2150, 0x218F),  # number forms (fractions)
    (0x2190, 0x2199),  # the plain arrows
    (0x2212, 0x2212),  # minus
    (0x25A0, 0x25CF),  # squares and circles
    (0xFB00, 0xFB06),  # Latin ligatures
    (0xFFFD, 0xFFFD),  # the replacement character
]
# Shared by both halves, so spaces and punctuation never split a run of another script.
SHARED = [(0x0020, 0x0040), (0x005B, 0x0060), (0x007B, 0x007E), (0x00A0, 0x00A0), (0x2000, 0x206F)]


def split(source: Path, name: str) -> None:
    everything = set(TTFont(source).getBestCmap())
    core = {code for start, end in CORE for code in range(start, end + 1)} & everything
    shared = {code for start, end in SHARED for code in range(start, end + 1)} & everything
    for part, codes in (("Core", core), ("More", (everything - core) | shared)):
        options = subset.Options()
        options.hinting = False
        options.layout_features = ["*"]
        if part == "Core":
            options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.recommended_glyphs = True
        font = TTFont(source)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codes))
        subsetter.subset(font)
        target = FONTS / f"{name}-{part}.ttf"
        font.save(target)
        print(f"{target.name}: {len(codes)} characters, {len(font.getGlyphOrder())} glyphs")


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("/usr/share/fonts/truetype/dejavu")
    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        split(folder / f"{name}.ttf", name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
