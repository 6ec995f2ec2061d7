"""Reader journeys in Chromium: navigation, sharing, copying, dark mode, phones, keyboard."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

ARTICLE = "articles/aime-l-approche-digitale-systemique.html"
SITE_URL = "http://127.0.0.1:8000/"  # html_baseurl of a local build: what share links carry
PAGE_TYPES = {
    "home": "index.html",
    "article": ARTICLE,
    "category": "categories/communication.html",
    "tag": "tags/strategie.html",
    "search": "search.html?q=strat%C3%A9gie",
    "404": "404.html",
}


def test_journey_home_category_article_tag_and_back(visit) -> None:
    opened = visit("index.html")
    page = opened.page
    page.locator(".kb-category__name a", has_text="Transformation digitale").click()
    assert page.url.endswith("categories/transformation-digitale.html")
    page.locator(".kb-card__title a").first.click()
    assert page.url.endswith(ARTICLE)
    assert page.locator("h1").first.text_content().startswith("aime l’approche digitale")
    page.locator(".kb-article-meta .kb-tag", has_text="stratégie").click()
    assert page.url.endswith("tags/strategie.html")
    page.go_back()
    assert page.url.endswith(ARTICLE)
    assert opened.foreign == []


def test_share_links_open_the_networks_with_the_page(visit) -> None:
    opened = visit(ARTICLE)
    page = opened.page
    with page.context.expect_page() as popup_info:
        page.locator(".share-footer__control--linkedin").click()
    popup = popup_info.value
    target = urlsplit(popup.url)
    assert (target.netloc, target.path) == ("www.linkedin.com", "/sharing/share-offsite/")
    assert unquote(target.query.removeprefix("url=")) == SITE_URL + ARTICLE
    mail = page.locator(".share-footer__control--email").get_attribute("href")
    assert mail.startswith("mailto:?subject=aime%20l%E2%80%99approche%20digitale%20syst%C3%A9mique")
    # The network was never contacted: the test answered in its place.
    assert all("linkedin.com" not in url or url == popup.url for url in opened.requests)


def test_copy_link_puts_the_page_url_on_the_clipboard(visit) -> None:
    opened = visit(ARTICLE, permissions=["clipboard-read", "clipboard-write"])
    page = opened.page
    page.locator("[data-share-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + ARTICLE
    assert page.locator("[data-share-status]").text_content() == "Lien copié"


def test_native_share_button_only_where_the_api_exists(browser, base_url: str) -> None:
    for has_api in (False, True):
        context = browser.new_context()
        if has_api:
            context.add_init_script("navigator.share = async () => {};")
        else:
            context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
        page = context.new_page()
        page.goto(base_url + ARTICLE)
        assert page.locator("[data-share-native]").is_visible() is has_api
        context.close()


def test_code_block_copy_button(visit) -> None:
    page = visit("guide/partage.html", permissions=["clipboard-read", "clipboard-write"]).page
    block = page.locator("div.highlight-python").first
    block.hover()
    block.locator("button.copybtn").click()
    assert "share_footer_include" in page.evaluate("navigator.clipboard.readText()")


def test_dark_mode(visit) -> None:
    page = visit(ARTICLE, color_scheme="dark").page
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (
        int(part) for part in background[background.index("(") + 1 : -1].split(",")[:3]
    )
    assert red + green + blue < 150, background
    footer = page.locator(".share-footer__control--linkedin")
    color = footer.evaluate("e => getComputedStyle(e).color")
    assert color != background


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_phone_width_has_no_horizontal_scrolling(visit, kind: str) -> None:
    page = visit(PAGE_TYPES[kind], viewport={"width": 375, "height": 800}).page
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_keyboard_alone_reaches_search_and_share_links(visit) -> None:
    page = visit(ARTICLE).page
    reached = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        classes = page.evaluate("document.activeElement.className || ''")
        if "search-button__button" in classes:
            reached.add("search")
        if "share-footer__control--linkedin" in classes:
            reached.add("share")
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", "focused share link must show a focus ring"
        if reached == {"search", "share"}:
            break
    assert reached == {"search", "share"}


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_request_leaves_the_site(visit, kind: str) -> None:
    opened = visit(PAGE_TYPES[kind])
    page = opened.page
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 4000)
    page.keyboard.press("Control+k")
    page.keyboard.type("stratégie")
    page.wait_for_timeout(500)
    assert opened.foreign == []


@pytest.mark.parametrize(("width", "kind"), [(1280, "search-button-field"), (375, "search-button")])
def test_one_search_button_per_screen(visit, width: int, kind: str) -> None:
    page = visit(ARTICLE, viewport={"width": width, "height": 800}).page
    visible = page.locator(".search-button__button:visible")
    assert visible.count() == 1  # not a header bar holding a second one above the sidebar's
    assert kind in (visible.first.get_attribute("class") or "").split()
