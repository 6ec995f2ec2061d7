"""The footer in Chromium under each theme: light and dark, desktop and phone.

Checks what a reader sees: every control the same height (at least 44 px), the heading at the
size of the text rather than the theme's h2, a visible top border, nothing wider than a phone.
Screenshots go to ../_build/compat/<python>/ for a person to look at. Needs Debian's chromium
(skipped without it, except under CI=true).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from test_themes import PAGES, THEMES

SHOTS = (
    Path(__file__).resolve().parents[1]
    / "_build"
    / "compat"
    / f"py{sys.version_info[0]}{sys.version_info[1]}"
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": (1280, 900), "phone": (375, 800)}

MEASURE = """() => {
  const aside = document.querySelector('aside.share-footer');
  const visible = [...aside.querySelectorAll('.share-footer__control')]
    .filter((el) => el.offsetParent !== null);
  const style = (el) => getComputedStyle(el);
  const text = document.querySelector('aside.share-footer').previousElementSibling
    || document.querySelector('p');
  return {
    heights: visible.map((el) => el.getBoundingClientRect().height),
    heading: parseFloat(style(aside.querySelector('h2')).fontSize),
    text: parseFloat(style(document.querySelector('article p, .body p, main p, p')).fontSize),
    border: style(aside).borderTopColor,
    borderWidth: parseFloat(style(aside).borderTopWidth),
    background: style(document.body).backgroundColor,
    overflow: aside.scrollWidth - aside.clientWidth,
    right: aside.getBoundingClientRect().right,
    viewport: window.innerWidth,
  };
}"""


def alpha(color: str) -> float:
    """The alpha of a computed colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`)."""
    inside = color[color.index("(") + 1 : -1].replace("/", " ").replace(",", " ").split()
    numbers = [part for part in inside if part[0].isdigit() or part[0] == "."]
    return float(numbers[3]) if len(numbers) > 3 else 1.0


@pytest.fixture(scope="module")
def browser():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is needed: apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("theme", THEMES)
def test_footer_looks_right(browser, build, theme, viewport, scheme) -> None:
    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
    try:
        page.goto((build(theme, "html") / PAGES["html"][0]).as_uri())
        page.wait_for_load_state("load")
        seen = page.evaluate(MEASURE)
        aside = page.locator("aside.share-footer")
        aside.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        aside.screenshot(path=str(SHOTS / f"{theme}-{viewport}-{scheme}.png"))
    finally:
        page.close()
    assert min(seen["heights"]) >= 44 - 0.5, seen
    assert max(seen["heights"]) - min(seen["heights"]) <= 1, seen
    assert seen["heading"] <= seen["text"] * 1.15, seen
    assert seen["borderWidth"] >= 1 and alpha(seen["border"]) > 0.1, seen
    assert seen["border"] != seen["background"], seen
    assert seen["overflow"] <= 0 and seen["right"] <= seen["viewport"], seen
