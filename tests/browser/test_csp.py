"""The Content Security Policy in Chromium: every page of the real site carries it, nothing it
loads or runs is refused, and the features that need scripts still work under it."""

from __future__ import annotations

import pytest

from tests.helpers import BuiltSite

# Collects every violation the browser reports, from the first script on.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def pages(site: BuiltSite) -> list[str]:
    """Readers' pages; the editing space has its own policy (tests/browser/test_editing.py)."""
    return [path.relative_to(site.html).as_posix() for path in site.reader_pages()]


@pytest.fixture
def open_page(browser, base_url: str):
    contexts = []

    def opener(path: str, **options: object):
        context = browser.new_context(**options)
        contexts.append(context)
        context.add_init_script(LISTEN)
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        return page, messages

    yield opener
    for context in contexts:
        context.close()


def violations(page, messages: list[str]) -> list[str]:
    reported = page.evaluate("window.__cspViolations")
    refused = [m for m in messages if "Content Security Policy" in m]
    return reported + refused


def test_every_page_carries_the_policy_and_breaks_none_of_it(site: BuiltSite, open_page) -> None:
    found = pages(site)
    assert len(found) > 10
    for path in found:
        page, messages = open_page(path)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, path
        content = policy.get_attribute("content")
        assert "'unsafe-inline'" not in content.split("script-src")[1].split(";")[0], path
        assert "object-src 'none'" in content and "base-uri 'self'" in content, path
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(50)
        assert violations(page, messages) == [], path


def test_features_work_under_the_policy(open_page) -> None:
    # Search dialog, as you type (Pagefind's WebAssembly included).
    page, messages = open_page("articles/aime-l-approche-digitale-systemique.html")
    page.keyboard.press("Control+k")
    page.keyboard.type("community")
    page.wait_for_selector("#pst-search-dialog .kb-search__result")
    page.keyboard.press("Escape")
    # The share footer's script ran (it reveals the copy button).
    assert page.locator("[data-share-needs=copy]:not([hidden])").count() == 1
    assert violations(page, messages) == []
    # The theme's scripts follow the reader's dark mode.
    page, messages = open_page("index.html", color_scheme="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.locator(".theme-switch-button:visible").first.click()
    assert violations(page, messages) == []
    # The search page with a query.
    page, messages = open_page("search.html?q=strat%C3%A9gie")
    page.wait_for_selector(".kb-search__result")
    assert violations(page, messages) == []
    # The sidebar button on a phone opens the navigation, without a refusal.
    page, messages = open_page("index.html", viewport={"width": 375, "height": 800})
    page.locator(".primary-toggle:visible").first.click()
    page.locator("#pst-primary-sidebar-modal .kb-nav").wait_for(state="visible")
    assert violations(page, messages) == []
