"""Term popovers and link previews in Chromium under the site's CSP: hover, keyboard focus,
Escape, touch; no request to show them, no layout shift, axe clean with one open."""

from __future__ import annotations

import pytest

from tests.browser.test_quality import AXE, _needs

ARTICLE = "articles/aime-quand-ca-bouge-dans-le-community-management.html"
GLOSSARY = "glossaire.html"
CITING = "articles/aime-l-approche-digitale-systemique.html"  # links to ARTICLE
SHOWN = ".kb-popover:not([hidden])"


def violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security" in m.text else None)
    return found


def test_a_term_shows_its_definition_on_hover_and_closes_on_escape(visit) -> None:
    opened = visit(ARTICLE)
    page = opened.page
    csp = violations(page)
    link = page.locator("a.reference.internal:has(.std-term)").first
    before = len(opened.requests)
    box = page.locator("article").bounding_box()
    link.hover()
    popover = page.locator(SHOWN)
    popover.wait_for()
    assert popover.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == popover.get_attribute("id")
    assert popover.locator(".kb-popover__title").inner_text() == "Community management"
    assert len(opened.requests) == before  # the definition is in the page
    assert page.locator("article").bounding_box() == box  # nothing moved
    page.keyboard.press("Escape")
    assert page.locator(SHOWN).count() == 0
    page.mouse.move(1, 1)
    link.hover()
    popover.wait_for()
    page.mouse.move(1, 1)  # leaving the link closes it
    page.wait_for_timeout(400)
    assert page.locator(SHOWN).count() == 0
    assert csp == [] and opened.foreign == []


def test_a_term_shows_its_definition_on_keyboard_focus(visit) -> None:
    page = visit(ARTICLE).page
    links = page.locator("a.reference.internal:has(.std-term)")
    page.locator("article h1").first.click()
    for _ in range(60):  # Tab until the first term link has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.querySelector('.std-term') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == links.first.inner_text()
    assert page.locator(SHOWN).count() == 1
    page.keyboard.press("Escape")
    assert page.locator(SHOWN).count() == 0
    page.keyboard.press("Tab")  # the next link: the popover of the first is gone
    page.wait_for_timeout(300)
    assert page.locator(SHOWN).count() <= 1


def test_on_touch_a_tap_shows_the_definition_with_a_link_to_the_entry(visit) -> None:
    page = visit(
        ARTICLE, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    ).page
    link = page.locator("a.reference.internal:has(.std-term)").first
    link.scroll_into_view_if_needed()
    link.tap()
    popover = page.locator(SHOWN)
    popover.wait_for()
    assert page.url.endswith(ARTICLE)  # the first tap did not navigate
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # inside a phone's screen
    popover.get_by_role("link", name="Voir dans le glossaire").tap()
    page.wait_for_url("**/glossaire.html#term-Community-management")


def test_an_article_link_shows_its_preview_after_a_pause_not_on_touch(visit) -> None:
    opened = visit(CITING)
    page = opened.page
    link = page.locator("main a.reference.internal:not(:has(.std-term))", has_text="recruter")
    link.scroll_into_view_if_needed()
    before = len(opened.requests)
    link.hover()
    page.wait_for_timeout(100)
    assert page.locator(SHOWN).count() == 0  # not at once: passing over a link shows nothing
    preview = page.locator(".kb-popover--preview:not([hidden])")
    preview.wait_for()
    text = preview.inner_text()
    assert "min de lecture" in text and "2026" in text
    assert link.get_attribute("aria-describedby") == preview.get_attribute("id")
    assert len(opened.requests) == before
    link.focus()
    page.keyboard.press("Escape")
    assert page.locator(SHOWN).count() == 0
    touch = visit(CITING, has_touch=True, is_mobile=True).page
    target = touch.locator("main a.reference.internal", has_text="recruter")
    href = target.get_attribute("href")
    target.tap()
    touch.wait_for_url(f"**/{href.split('/')[-1]}")  # followed at once


@pytest.mark.parametrize("path", [ARTICLE, CITING, GLOSSARY])
def test_axe_finds_nothing_serious_with_a_popover_open(visit, path: str) -> None:
    _needs(AXE, "axe-core")
    page = visit(path).page
    page.wait_for_load_state("networkidle")
    page.locator("main a.reference.internal[aria-describedby]").first.focus()
    page.locator(SHOWN).wait_for()
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
