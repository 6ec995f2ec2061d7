"""The real site as `nox -s build` makes it: pages, language, head, links, nothing stray."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup, Comment

from tests.helpers import REPO, BuiltSite

ARTICLES = {
    "articles/aime-l-approche-digitale-systemique.html": {
        "title": "aime l’approche digitale systémique",
        "sentences": [
            "C’est un changement de paradigme interne comme externe.",
            "Il faut recruter, convaincre, formez vos bataillons… faire des choix tactiques,",
            "Steve Jobs disait « dream bigger »",
            "Si vous préparez votre digitalisation : pensez présence holistique !",
        ],
    },
    "articles/aime-quand-ca-bouge-dans-le-community-management.html": {
        "title": "aime quand ça bouge dans le community management",
        "sentences": [
            "Et si le community management idéal se situait à la croisée des chemins ?",
            "en opérant au cœur de l’entreprise dont il sera le porte-parole",
            "Une agence en conseil et un community manager dans l’entreprise : telle est "
            "peut-être la solution de l’équation !",
        ],
    },
}


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_article_text_is_carried_over_verbatim(site: BuiltSite, path: str) -> None:
    page = site.page(path)
    expected = ARTICLES[path]
    assert page.find("h1").get_text(strip=True).rstrip("#") == expected["title"]
    paragraphs = page.select("article section > p")
    assert len(paragraphs) >= 2, "the body must be HTML paragraphs"
    text = " ".join(" ".join(p.get_text() for p in paragraphs).split())
    for sentence in expected["sentences"]:
        assert " ".join(sentence.split()) in text
    assert "Share on Twitter" not in text


@pytest.mark.parametrize("path", [*sorted(ARTICLES), "index.html"])
def test_pages_are_french_with_title_and_description(site: BuiltSite, path: str) -> None:
    page = site.page(path)
    assert page.html["lang"] == "fr"
    assert page.title.get_text().strip()
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None and len(description["content"]) > 40
    if path in ARTICLES:
        assert page.title.get_text().startswith(ARTICLES[path]["title"])


def test_home_page_links_to_every_article(site: BuiltSite) -> None:
    home = site.page("index.html")
    links = {a["href"].split("#")[0] for a in home.select("article a[href]")}
    assert set(ARTICLES) <= links


def test_home_page_announces_both_feeds(site: BuiltSite) -> None:
    more = site.page("index.html").find("p", class_="kb-more")
    links = {a.get_text(): a["href"] for a in more.find_all("a")}
    assert links["Atom"] == "feeds/atom.xml" and links["RSS"] == "feeds/rss.xml"
    assert "Flux Atom et RSS" in more.get_text()


def test_only_content_is_built(site: BuiltSite) -> None:
    pages = {p.relative_to(site.html).as_posix() for p in site.html.rglob("*.html")}
    pages -= {"admin/index.html"}  # the editing space (kb_cms), checked by test_editing_space
    sources = {"index.html", "glossaire.html"} | {
        p.relative_to(REPO).with_suffix(".html").as_posix()
        for folder in ("articles", "guide")
        for p in REPO.glob(f"{folder}/**/*.md")
    }
    generated = {"genindex.html", "search.html", "404.html", "archives.html"}
    # What a French publisher must show (the engine's writing/obligations.py).
    generated |= {
        f"{name}.html"
        for name in (
            "accessibilite",
            "mentions-legales",
            "donnees-personnelles",
            "plan-du-site",
            "ecoconception",
        )
    }
    generated_folders = {"categories", "tags", "authors", "archives", "parcours", "_static"}
    generated |= {p for p in pages if p.split("/")[0] in generated_folders}
    stray = pages - sources - generated
    assert not stray, f"pages built from files that are not content: {sorted(stray)}"
    assert not (site.html / "README.html").exists()
    assert not (site.html / "tests").exists()


@pytest.mark.parametrize("path", sorted(ARTICLES))
def test_articles_carry_the_share_footer(site: BuiltSite, path: str) -> None:
    aside = site.page(path).find("aside", class_="share-footer")
    assert aside is not None
    assert aside.h2.get_text() == "Partager cette page"
    url = "http://127.0.0.1:8000/" + path
    assert aside["data-url"] == url
    labels = [a["aria-label"] for a in aside.select("a.share-footer__control")]
    assert "Partager sur LinkedIn (nouvel onglet)" in labels
    assert "Partager par e-mail" in labels
    assert site.page("index.html").find("aside", class_="share-footer") is None


def test_seed_articles_are_categorized_and_tagged(site: BuiltSite) -> None:
    page = site.page("articles/aime-quand-ca-bouge-dans-le-community-management.html")
    meta = page.select_one(".kb-article-meta")
    assert meta.select_one(".kb-article-meta__category").get_text() == (
        "Communication et réseaux sociaux"
    )
    assert [a.get_text() for a in meta.select(".kb-tag")] == [
        "community management",
        "réseaux sociaux",
        "e-réputation",
    ]
    assert "Par La rédaction" in " ".join(meta.get_text().split())
    for path in (
        "categories/communication.html",
        "tags/e-reputation.html",
        "authors/redaction.html",
        "archives/2026.html",
        "tags/index.html",
    ):
        listed = [a["href"] for a in site.page(path).select(".kb-card__title a, .kb-tag-index a")]
        assert listed, path


def test_feeds_sitemap_and_404(site: BuiltSite) -> None:
    import xml.etree.ElementTree as ET

    atom = ET.parse(site.html / "feeds/atom.xml").getroot()
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(ARTICLES)
    ET.parse(site.html / "feeds/rss.xml")
    ET.parse(site.html / "sitemap.xml")
    missing = site.page("404.html")
    assert missing.select_one("article h1").get_text(strip=True) == "Page introuvable"
    assert missing.html["lang"] == "fr"


CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"


def test_every_page_states_the_licenses(site: BuiltSite) -> None:
    pages = site.reader_pages()
    assert len(pages) > 10
    for path in pages:
        page = site.page(path.relative_to(site.html).as_posix())
        footer = page.select_one("footer .kb-license")
        assert footer is not None, path
        assert footer.select_one('a[rel="license"]')["href"] == CC_BY_SA
        assert "CC BY-SA 4.0" in footer.get_text() and "MIT" in footer.get_text()


def test_the_footer_is_the_page_s_contentinfo_outside_main(site: BuiltSite) -> None:
    """RGAA 12.6: the licence, the accessibility mention and the publisher's pages are in the
    page's own <footer> (a child of <body>: the contentinfo landmark), not inside <main>."""
    for name, page in pages_of(site):
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # an old address, sending readers on
        mention = page.select_one(".kb-obligations")
        assert mention is not None, name
        footer = mention.find_parent("footer")
        assert footer is not None and footer.parent.name == "body", name
        assert mention.find_parent("main") is None, name
        assert footer.select_one(".kb-license") is not None, name


def test_no_page_has_an_empty_banner(site: BuiltSite) -> None:
    """RGAA 12.6: a page-level <header> is the banner landmark; the theme's header bar holds
    only its navbar items, none here, so it is left out rather than left empty."""
    for name, page in pages_of(site):
        for header in page.find_all("header"):
            if header.find_parent(["main", "article", "aside", "nav", "section"]) is None:
                assert header.get_text(strip=True) or header.select("a, button, input"), name


def test_nothing_no_page_loads_is_published_in_static(site: BuiltSite) -> None:
    """Source maps (developer tools only) and the theme's fontawesome.js (the engine's layout
    never loads it: 1.5 MB) are not published; what pages do load still is."""
    static = site.html / "_static"
    assert not list(static.rglob("*.map"))
    assert not (static / "scripts/fontawesome.js").exists()
    loaded = {
        href.split("_static/", 1)[1].split("?")[0]
        for _, page in pages_of(site)
        for tag in page.select("script[src], link[href]")
        if "_static/" in (href := tag.get("src") or tag.get("href"))
    }
    assert loaded and all((static / name).is_file() for name in loaded), loaded


def test_feeds_carry_the_license(site: BuiltSite) -> None:
    import json
    import xml.etree.ElementTree as ET

    html = site.html
    atom = ET.parse(html / "feeds/atom.xml").getroot()
    rights = atom.findtext("{http://www.w3.org/2005/Atom}rights")
    assert "CC BY-SA 4.0" in rights and CC_BY_SA in rights
    rss = ET.parse(html / "feeds/rss.xml").getroot()
    assert "CC BY-SA 4.0" in rss.findtext("channel/copyright")
    category = ET.parse(html / "feeds/communication/atom.xml").getroot()
    assert "CC BY-SA 4.0" in category.findtext("{http://www.w3.org/2005/Atom}rights")
    document = json.loads((html / "feeds/feed.json").read_text(encoding="utf-8"))
    assert "CC BY-SA 4.0" in document["_license"]["text"]


def test_license_files() -> None:
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    articles = (REPO / "LICENSE-articles").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in articles
    assert "Section 3 – License Conditions." in articles
    package = REPO / "_ext" / "sphinx-share-footer" / "LICENSE"
    assert package.read_text(encoding="utf-8").startswith("MIT License")


def test_pages_load_only_the_files_they_use(site: BuiltSite) -> None:
    def assets(path: str) -> set[str]:
        page = site.page(path)
        found = [tag.get("src") for tag in page.find_all("script", src=True)]
        found += [tag.get("href") for tag in page.find_all("link", rel="stylesheet")]
        return {url.split("?")[0].rsplit("/", 1)[-1] for url in found}

    never = {"doctools.js", "sphinx_highlight.js", "translations.js"}
    code = {"copybutton.js", "clipboard.min.js", "copybutton.css", "pygments.css"}
    article = assets("articles/aime-l-approche-digitale-systemique.html")  # no code block
    assert not article & (never | code)
    assert {"kb-search.js", "share-footer.js", "pydata-sphinx-theme.js"} <= article
    guide = assets("guide/contribuer.html")  # shell commands in code blocks
    # copybutton.css is in every page's one stylesheet (kb.css_bundle): 0.6 KB gzip.
    assert code - {"copybutton.css"} <= guide and not guide & never


def pages_of(site: BuiltSite) -> Iterator[tuple[str, BeautifulSoup]]:
    """(path, parsed page) for every page a reader opens."""
    for path in site.reader_pages():
        name = path.relative_to(site.html).as_posix()
        yield name, site.page(name)


def shown_texts(page: BeautifulSoup) -> Iterator[str]:
    """The text a reader sees as prose: not code, scripts, styles or comments."""
    verbatim = ("code", "pre", "script", "style", "kbd", "samp", "textarea", "template")
    for text in page.find_all(string=True):
        if not isinstance(text, Comment) and not text.find_parent(verbatim):
            yield text


def test_no_page_leaves_an_ordinary_space_before_a_french_sign(site: BuiltSite) -> None:
    """French spacing everywhere text is shown (articles, guide, generated pages, the share
    footer's French labels): no breakable space before ; : ! ? » % or after «, outside code."""
    breakable = re.compile(r"[ \t\n][;:!?»%]|«[ \t\n]")
    found = [
        (name, text[max(0, m.start() - 20) : m.end()])
        for name, page in pages_of(site)
        for text in shown_texts(page)
        for m in breakable.finditer(text)
    ]
    assert found == []
    spaced = site.page("articles/aime-l-approche-digitale-systemique.html").get_text()
    assert "digitalisation\u00a0: pensez présence holistique\u202f!" in spaced
    assert "«\u202fdream bigger\u202f»" in spaced


# The themes' interface strings that have no French translation (sphinx-book-theme's buttons,
# pydata-sphinx-theme's fields), as a reader or a screen reader would meet them.
THEME_ENGLISH = (
    "Suggest edit",
    "Repository",
    "Source repositories",
    "Source repository",
    "Open an issue",
    "Open issue",
    "Download source file",
    "Download this page",
    "Print to PDF",
    "Fullscreen mode",
    "Launch interactive content",
    "Show source",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "Search...",
    "Search the docs",
    "Skip to main content",
    "Back to top",
    "On this page",
    "Edit this page",
    "Color mode",
    "System settings",
)


def test_no_page_shows_the_themes_english_or_opens_an_unsafe_new_tab(site: BuiltSite) -> None:
    found = []
    for name, page in pages_of(site):
        for text in shown_texts(page):
            found += [(name, english) for english in THEME_ENGLISH if english in text]
        for tag in page.find_all(True):
            for attribute in ("aria-label", "title", "placeholder", "alt", "value"):
                value = tag.get(attribute) or ""
                found += [(name, attribute, value) for e in THEME_ENGLISH if e in value]
            if tag.get("target") == "_blank" and "noopener" not in (tag.get("rel") or []):
                found.append((name, "target=_blank", tag.get("href")))
    assert found == []


def test_the_french_details_of_every_page(site: BuiltSite) -> None:
    """The home page's tab says the site's name once; the footer says « © 2026, … » (not
    « Par Les contributeurs… », « © Copyright »), then the accessibility mention and the
    publisher's pages."""
    home = site.page("index.html")
    assert home.title.get_text() == "Stratégie numérique — la base de connaissances"
    assert site.page("glossaire.html").title.get_text().startswith("Glossaire")
    for path in ("index.html", "articles/aime-l-approche-digitale-systemique.html"):
        footer = site.page(path).select_one("body > footer").get_text(" ", strip=True)
        assert "Copyright" not in footer and "Par Les" not in footer, path
        assert footer.startswith("© 2026, Les contributeurs"), footer
        assert "Accessibilité\u00a0: non conforme" in footer and "Mentions légales" in footer
