"""What a search result quotes, in Chromium: the page's own text with every space and sign as
Pagefind returns them (a highlighted word followed by a space, by punctuation, by «<»), never
the title, category and tags that lead the indexed text; and the scope filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kb.test_hostile import FRONT, build
from tools.querybytes import serve

ARTICLE = FRONT.format(title='"Le vent du large"', tags="[zéphyr, météo]") + (
    "Le mot zéphyr suivi d’un espace. Puis zéphyr, avec une virgule. "
    "Enfin zéphyr\\<balise> collé à un chevron.\n"
)
GUIDE = "---\norphan: true\n---\n\n# À propos\n\nLe guide parle aussi du zéphyr.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("excerpts")
    outdir, warnings = build(tmp, {"articles/vent.md": ARTICLE, "apropos.md": GUIDE})
    assert warnings == ""
    server, url = serve(Path(outdir))
    yield url
    server.shutdown()
    server.server_close()


def results(browser, url: str, scope: str = "") -> list[tuple[str, str, list[str]]]:
    page = browser.new_page()
    page.goto(f"{url}search.html?q=z%C3%A9phyr")
    box = page.locator("[data-kb-search=page]")
    box.locator(".kb-search__result").first.wait_for()
    if scope:
        box.locator("select[data-kb-filter=rubrique]").select_option(scope)
        box.locator(".kb-search__status").filter(has_text="1 résultat").wait_for()
    found = [
        (
            item.locator(".kb-search__title").text_content(),
            item.locator(".kb-search__excerpt").text_content(),
            item.locator(".kb-search__excerpt mark").all_text_contents(),
        )
        for item in box.locator(".kb-search__result").all()
    ]
    page.close()
    return found


def test_the_quote_keeps_spaces_punctuation_and_angle_brackets(browser, site: str) -> None:
    quotes = {title: (text, marks) for title, text, marks in results(browser, site)}
    text, marks = quotes["Le vent du large"]
    assert "zéphyr suivi d’un espace." in text
    assert "Puis zéphyr, avec une virgule." in text
    assert "Enfin zéphyr<balise> collé à un chevron." in text
    assert marks == ["zéphyr", "zéphyr,", "zéphyr<balise>"]


def test_the_quote_is_the_text_not_the_title_category_or_tags(browser, site: str) -> None:
    quotes = {title: text for title, text, _ in results(browser, site)}
    text = quotes["Le vent du large"]
    assert text.lstrip("… ").startswith("Le mot zéphyr")
    for lead in ("vent du large", "Stratégie", "météo"):
        assert lead not in text
    assert quotes["À propos"].lstrip("… ").startswith("Le guide parle")


@pytest.mark.parametrize(
    ("scope", "title"), [("Articles", "Le vent du large"), ("Guide", "À propos")]
)
def test_the_scope_filter_keeps_one_part_of_the_site(
    browser, site: str, scope: str, title: str
) -> None:
    assert [found[0] for found in results(browser, site, scope)] == [title]
