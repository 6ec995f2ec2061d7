"""The theme's dropdowns without Bootstrap's JavaScript (kb/theme/static/kb-theme.js)."""

from __future__ import annotations

ARTICLE = "articles/aime-l-approche-digitale-systemique.html"


def test_theme_menu_opens_switches_and_closes(visit) -> None:
    page = visit(ARTICLE).page
    button = page.locator(".theme-switch-button:visible").first
    menu = page.locator(".theme-switch-container .dropdown-menu")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    menu.get_by_role("button", name="Sombre").click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.mouse.move(0, 0)  # the book theme also shows these menus while hovered
    assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"


def test_keyboard_and_outside_clicks(visit) -> None:
    page = visit(ARTICLE).page
    button = page.locator(".theme-switch-button:visible").first
    menu = page.locator(".theme-switch-container .dropdown-menu")
    button.focus()
    page.keyboard.press("ArrowDown")  # opens, first item focused
    assert menu.is_visible()
    assert page.evaluate("document.activeElement.textContent").strip() == "Paramètres système"
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('dropdown-toggle')")
    button.click()
    assert menu.is_visible()
    page.locator("article section > p").first.click()  # anywhere else
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()


def test_no_bootstrap_script_is_fetched(visit) -> None:
    record = visit(ARTICLE)
    record.page.wait_for_load_state("networkidle")
    assert not [url for url in record.requests if "bootstrap" in url or "fontawesome.js" in url]
    assert len([url for url in record.requests if ".css" in url]) == 1
