"""Share cards: layout and drawing (pure), the cards of a built site, and incremental drawing."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from sphinx_base_de_connaissances.outputs import cards
from sphinx_base_de_connaissances.outputs.cards import (
    MARGIN,
    TITLE_FONT,
    WIDTH,
    CardText,
    draw,
    french_spacing,
    layout,
)

from tests.helpers import build_root

NBSP, NNBSP = "\u00a0", "\u202f"
SITE = ("Stratégie numérique", "exemple.org/kb")
HOSTILE = {
    "very long": "Une stratégie numérique qui n’en finit pas de commencer " * 8,
    "one unbreakable word": "Anticonstitutionnellement" * 6,
    "only emoji": "🚀🎉🔥",
    "right to left": "مرحبا بالعالم שלום עולם",
    "script": "<script>alert('x')</script> & <img src=x onerror=alert(1)>",
    "control characters": "Titre\u0000avec\u0007contrôle\u202e inversé",
    "empty": "",
}


def test_french_typography() -> None:
    assert french_spacing("Pourquoi ? Parce que ! « Oui » : non ; peut-être") == (
        f"Pourquoi{NNBSP}? Parce que{NNBSP}! «{NNBSP}Oui{NNBSP}»{NBSP}: non{NNBSP}; peut-être"
    )
    # The pages' rule: nothing guessed where no space was typed (the lint reports it).
    assert french_spacing("Quoi?") == "Quoi?"
    assert french_spacing("Titre  :\n « cité » ") == f"Titre{NBSP}: «{NNBSP}cité{NNBSP}»"
    assert french_spacing("https://exemple.org/a:b à 10:30") == "https://exemple.org/a:b à 10:30"


def test_every_french_character_is_in_the_fonts() -> None:
    french = "àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ«»’‘“”…–—\u00a0\u202f€"
    for font in (cards.TITLE_FONT, cards.TEXT_FONT):
        missing = [ch for ch in french if ord(ch) not in cards.covered(font)]
        assert not missing, (font.name, missing)


def test_lines_break_at_spaces_only_and_fit_the_box() -> None:
    title = "Le community manager : « chef d’orchestre » de la relation client ?"
    placed = layout(title)
    words = french_spacing(title).split(" ")
    assert " ".join(placed.lines) == " ".join(words)  # nothing cut, nothing lost
    assert all(NBSP + ":" in line or ":" not in line for line in placed.lines)
    assert max(placed.widths) <= WIDTH - 2 * MARGIN


def test_a_too_long_title_ends_with_an_ellipsis_after_a_whole_word() -> None:
    title = HOSTILE["very long"]
    placed = layout(title)
    assert placed.size == min(cards.TITLE_SIZES)
    assert placed.lines[-1].endswith("…")
    kept = placed.lines[-1].removesuffix("…").split(" ")[-1]
    assert kept in french_spacing(title).split(" ")  # the last word shown is a whole word
    assert max(placed.widths) <= WIDTH - 2 * MARGIN


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_titles_draw_inside_the_box(case: str) -> None:
    text = CardText(HOSTILE[case], HOSTILE[case] or "Catégorie", *SITE)
    image = Image.open(io.BytesIO(draw(text)))
    assert image.format == "PNG" and image.size == (1200, 630)
    placed = layout(cards.printable(text.title, TITLE_FONT) or SITE[0])
    assert max(placed.widths) <= WIDTH - 2 * MARGIN
    # Nothing is drawn in the right margin (text would show there if it overflowed).
    margin = image.crop((WIDTH - MARGIN + 8, 0, WIDTH, 530)).convert("RGB")
    assert {color for _, color in margin.getcolors()} == {cards.BACKGROUND}


def test_cards_are_palette_images_with_smooth_edges() -> None:
    text = CardText("Article 1 : réputation et mesure chaque entreprise", "Stratégie", *SITE)
    data = draw(text)
    image = Image.open(io.BytesIO(data))
    assert image.mode == "P" and len(data) < 30_000
    colours = {colour for _, colour in image.convert("RGB").getcolors()}
    # Text edges keep intermediate shades between the background and the ink.
    assert cards.BACKGROUND in colours and cards.TITLE in colours and len(colours) > 40


def test_same_text_same_bytes() -> None:
    text = CardText("aime l’approche digitale systémique", "Transformation digitale", *SITE)
    assert draw(text) == draw(text)
    assert cards.digest(text) != cards.digest(CardText("Autre titre", text.label, *SITE))


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*.png")}


def test_cards_are_drawn_once_and_again_only_when_they_change(tmp_path: Path) -> None:
    src = tmp_path / "src"
    outdir, warnings = build_root("kb", src)
    assert warnings == ""
    folder = outdir / "cards"
    first = _mtimes(folder)
    assert set(first) == {
        "index.png",
        "categories/strategie.png",
        "categories/reseaux.png",
        "categories/vide.png",
        "articles/premier.png",
        "articles/dossier/troisieme.png",
    }
    for name in first:
        assert Image.open(folder / name).size == (1200, 630)
        assert (folder / name).stat().st_mode & 0o044 == 0o044, "readable by the web server"
    build_root("kb", src, copy=False)
    assert _mtimes(folder) == first, "a no-change build draws nothing"
    article = src / "articles/premier.md"
    article.write_text(
        article.read_text("utf-8").replace("Premier article", "Article premier"), "utf-8"
    )
    build_root("kb", src, copy=False)
    after = _mtimes(folder)
    changed = {name for name in first if after.get(name) != first[name]}
    assert changed == {"articles/premier.png"}
    (src / "articles/premier.md").unlink()
    build_root("kb", src, copy=False)
    assert not (folder / "articles/premier.png").exists(), "the card of a deleted article goes"


@pytest.mark.parametrize("background", [False, True], ids=["at the end", "while pages are written"])
def test_many_cards_are_drawn_in_worker_processes_with_the_same_bytes(
    tmp_path: Path, background: bool
) -> None:
    from sphinx_base_de_connaissances.outputs.cardset import PARALLEL_FROM, CardSpec, Drawing

    specs = [
        CardSpec(f"cards/{n}.png", CardText(f"Titre numéro {n}", "Catégorie", *SITE))
        for n in range(PARALLEL_FROM * 2)
    ]
    drawing = Drawing(tmp_path / "out", tmp_path / "state", specs).start(background=background)
    if (os.cpu_count() or 1) >= 2:
        assert drawing._pool is not None
    paths, drawn = drawing.finish()
    assert drawn == len(specs) and paths == sorted(spec.path for spec in specs)
    for spec in specs:
        assert (tmp_path / "out" / spec.path).read_bytes() == draw(spec.text), spec.path
    again = Drawing(tmp_path / "out", tmp_path / "state", specs)
    saved = (tmp_path / "state/kb-cards.json").stat().st_mtime_ns
    assert again.stale == [] and again.finish()[1] == 0  # nothing to draw, nothing to save
    assert (tmp_path / "state/kb-cards.json").stat().st_mtime_ns == saved
