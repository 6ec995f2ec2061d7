"""Share cards: the 1200 × 630 picture that networks show for a shared link (og:image).

Pure drawing with Pillow, no Sphinx: `layout` decides the lines (French spacing, wrapping at
spaces only, smaller type for long titles, an ellipsis past the last line), `draw` paints them
and returns PNG bytes. The same text, fonts and design always give the same bytes.

Fonts: Inter (SIL Open Font License, `fonts/OFL.txt`). Characters the fonts lack (emoji, scripts
Inter does not cover) are left out rather than drawn as empty boxes.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from ..content import typography

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# Bump when the drawing changes: every card is drawn again.
DESIGN = "2"  # 2: palette PNG
FONTS = Path(__file__).parents[1] / "fonts"
TITLE_FONT = FONTS / "InterDisplay-Bold.otf"
TEXT_FONT = FONTS / "Inter-Medium.otf"

BACKGROUND = (11, 47, 54)  # a dark version of the theme's teal
ACCENT = (63, 177, 197)  # the theme's primary colour in dark mode
TITLE = (255, 255, 255)
MUTED = (201, 221, 225)
RULE = (40, 84, 92)
# A card holds the background and each colour drawn on it at 32 levels of coverage (text edges
# are antialiased, nothing overlaps): saved as a palette image, it encodes in a quarter of the
# time an RGB image takes and weighs less than half (measured: 14.4 → 6.2 ms, 40 → 18 KB).
COVERAGE_LEVELS = 32

# The title's box: below the label, above the footer.
TITLE_TOP, TITLE_BOTTOM = 170, 500
TITLE_SIZES = (76, 68, 60, 52, 46)
LINE_HEIGHT = 1.16
LABEL_SIZE, FOOTER_SIZE = 30, 28
ELLIPSIS = "…"


@dataclass(frozen=True)
class CardText:
    """What a card shows; plain text, never HTML."""

    title: str
    label: str  # the category, or what the page is
    site: str  # the site's name
    host: str  # the site's address, without scheme


@dataclass(frozen=True)
class Layout:
    size: int  # title font size
    lines: tuple[str, ...]
    widths: tuple[int, ...]  # of each line, in pixels


def digest(text: CardText) -> str:
    """Changes when the card would look different: its text, the fonts or the design."""
    hasher = hashlib.sha256(f"{DESIGN}\0{text!r}".encode())
    hasher.update(_font_digest())
    return hasher.hexdigest()


@cache
def _font_digest() -> bytes:
    return hashlib.sha256(TITLE_FONT.read_bytes() + TEXT_FONT.read_bytes()).digest()


@cache
def covered(path: Path) -> frozenset[int]:
    """Code points the font at ``path`` has a glyph for."""
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def french_spacing(text: str) -> str:
    """The title as pages show it: white space folded (no-break spaces kept), French spacing
    where a space was typed (``content.typography``: the same rule as the pages)."""
    return typography.french_spacing(re.sub(r"[ \t\n]+", " ", text).strip())


def printable(text: str, path: Path) -> str:
    """``text`` without the characters the font lacks (and without control characters)."""
    glyphs = covered(path)
    kept = "".join(ch for ch in text if ord(ch) in glyphs or ch in " \u00a0\u202f")
    return " ".join(kept.split(" ")).strip()


def _width(text: str, font: ImageFont.FreeTypeFont) -> int:
    return round(font.getlength(text))


def _wrap(words: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _width(candidate, font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _shorten(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``line`` with an ellipsis that fits: whole words dropped from the end; a single word
    too wide for the line is the only thing ever cut inside."""
    words = line.split(" ")
    while len(words) > 1 and _width(" ".join(words) + ELLIPSIS, font) > width:
        words.pop()
    text = " ".join(words)
    while text and _width(text + ELLIPSIS, font) > width:
        text = text[:-1]
    return text.rstrip(" ,;:.\u00a0\u202f") + ELLIPSIS


def layout(title: str) -> Layout:
    """The title's lines: the largest size at which it fits the box, else the smallest size
    with the last line shortened by an ellipsis."""
    width = WIDTH - 2 * MARGIN
    words = [word for word in french_spacing(title).split(" ") if word]
    for size in TITLE_SIZES:
        font = _font(TITLE_FONT, size)
        room = int((TITLE_BOTTOM - TITLE_TOP) // (size * LINE_HEIGHT))
        lines = _wrap(words, font, width)
        if len(lines) <= room and all(_width(line, font) <= width for line in lines):
            return Layout(size, tuple(lines), tuple(_width(line, font) for line in lines))
    lines = lines[:room]
    too_long = len(_wrap(words, font, width)) > room
    lines = [
        _shorten(line, font, width)
        if (index == len(lines) - 1 and too_long) or _width(line, font) > width
        else line
        for index, line in enumerate(lines)
    ]
    return Layout(size, tuple(lines), tuple(_width(line, font) for line in lines))


def draw(text: CardText) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    label_font = _font(TEXT_FONT, LABEL_SIZE)
    label = printable(text.label, TEXT_FONT).upper()
    if _width(label, label_font) > WIDTH - 2 * MARGIN:
        label = _shorten(label, label_font, WIDTH - 2 * MARGIN)
    pen.text((MARGIN, 84), label, font=label_font, fill=ACCENT)
    title = printable(text.title, TITLE_FONT) or printable(text.site, TITLE_FONT)
    placed = layout(title)
    font = _font(TITLE_FONT, placed.size)
    step = round(placed.size * LINE_HEIGHT)
    top = TITLE_TOP + ((TITLE_BOTTOM - TITLE_TOP) - step * len(placed.lines)) // 2
    for index, line in enumerate(placed.lines):
        pen.text((MARGIN, top + index * step), line, font=font, fill=TITLE)
    footer_font = _font(TEXT_FONT, FOOTER_SIZE)
    host = printable(text.host, TEXT_FONT)
    host_width = _width(host, footer_font)
    site_room = WIDTH - 2 * MARGIN - host_width - 40
    site = printable(text.site, TEXT_FONT)
    if _width(site, footer_font) > site_room:
        site = _shorten(site, footer_font, site_room)
    pen.line((MARGIN, 540, WIDTH - MARGIN, 540), fill=RULE, width=2)
    pen.text((MARGIN, 560), site, font=footer_font, fill=MUTED)
    pen.text((WIDTH - MARGIN - host_width, 560), host, font=footer_font, fill=MUTED)
    output = io.BytesIO()
    indexed = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    indexed.save(output, format="PNG", optimize=False, compress_level=6)
    return output.getvalue()


@cache
def _palette() -> Image.Image:
    """The colours a card can hold, as the palette image ``Image.quantize`` maps to."""
    colours = [BACKGROUND]
    for ink in (ACCENT, TITLE, MUTED, RULE):
        for level in range(1, COVERAGE_LEVELS + 1):
            share = level / COVERAGE_LEVELS
            pairs = zip(BACKGROUND, ink, strict=True)
            colours.append(tuple(round(b + (i - b) * share) for b, i in pairs))
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in colours for value in colour])
    return palette
