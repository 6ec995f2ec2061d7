"""The eco-design page's figures are what Chromium loads: the same files, the same bytes."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from tests.helpers import BuiltSite
from tools.pageweight import response_sizes

FONTS = (".woff2", ".woff", ".ttf", ".otf")
FIGURES = re.compile(
    r"Première visite de l’article le plus récent \(.+?\) : (\d+) fichiers?, ([\d,]+) Ko, "
    r"soit ([\d,]+) Ko une fois compressés par le serveur, et jusqu’à (\d+) fichiers? de plus "
    r"\(([\d,]+) Ko\)"
)


def number(text: str) -> float:
    return float(text.replace(",", "."))


def test_the_first_visit_figures_are_chromium_s_own(browser, base_url: str, site: BuiltSite):
    statement = site.page("ecoconception.html")
    item = next(li for li in statement.select("li") if "Première visite" in li.get_text())
    text = " ".join(item.get_text().replace("\xa0", " ").replace("\u202f", " ").split())
    figures = FIGURES.search(text)
    assert figures is not None, text
    context = browser.new_context()
    page = context.new_page()
    sizes = response_sizes(page)
    page.goto(urljoin(base_url, item.a["href"]))
    page.wait_for_load_state("networkidle")
    context.close()
    own = {url: size for url, size in sizes.items() if url.startswith(base_url)}
    assert own == sizes  # nothing from another origin, no favicon.ico asked for
    fonts = {url: size for url, size in own.items() if url.endswith(FONTS)}
    files = {url: size for url, size in own.items() if url not in fonts}
    assert len(files) == int(figures[1]), sorted(files)
    assert round(sum(raw for raw, _ in files.values()) / 1024, 1) == number(figures[2])
    assert round(sum(packed for _, packed in files.values()) / 1024, 1) == number(figures[3])
    assert 1 <= len(fonts) <= int(figures[4])  # the page shows icons of at least one font
    assert sum(raw for raw, _ in fonts.values()) / 1024 <= number(figures[5])
