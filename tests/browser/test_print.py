"""Printing an article from the browser (kb-theme.css): the title, authors, dates, permanent
address and text are on paper; the navigation, search, share buttons and other site blocks
are not. Also as a PDF printed by Chromium itself."""

from __future__ import annotations

ARTICLE = "articles/aime-l-approche-digitale-systemique.html"
SHOWN = ["h1", ".kb-article-meta", ".kb-print-url", "[data-pagefind-body] p"]
HIDDEN = [
    ".bd-sidebar-primary",
    ".bd-sidebar-secondary",
    ".search-button-field",
    ".share-footer",
    ".kb-corrections",
    ".kb-cite",
    ".bd-header-article",
]
VISIBLE = (
    "(selector) => { const el = document.querySelector(selector); if (!el) return null; "
    "const box = el.getBoundingClientRect(); return getComputedStyle(el).display !== 'none' "
    "&& box.width > 0 && box.height > 0; }"
)


def test_printing_an_article_keeps_the_text_and_drops_the_site_around_it(visit) -> None:
    page = visit(ARTICLE).page
    assert page.evaluate(VISIBLE, ".kb-print-url") is False  # on screen: hidden
    page.emulate_media(media="print")
    for selector in SHOWN:
        assert page.evaluate(VISIBLE, selector) is True, selector
    for selector in HIDDEN:
        assert page.evaluate(VISIBLE, selector) in (False, None), selector
    address = page.inner_text(".kb-print-url")
    assert "articles/aime-l-approche-digitale-systemique.html" in address
    meta = page.inner_text(".kb-article-meta")
    assert "Publié le" in meta and "Par" in meta


def test_chromium_prints_it_as_a_pdf(visit) -> None:
    page = visit(ARTICLE).page
    data = page.pdf(format="A4")
    assert data.startswith(b"%PDF") and len(data) > 5000
