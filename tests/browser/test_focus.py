"""Keyboard users never lose their place (WCAG 2.4.7): tabbing through each page type, every
focused element shows an indicator (an outline or a ring). axe does not check this."""

from __future__ import annotations

import pytest

PAGES = {
    "home": "index.html",
    "article": "articles/aime-l-approche-digitale-systemique.html",
    "category": "categories/transformation-digitale.html",
    "tags": "tags/index.html",
    "search": "search.html?q=strat%C3%A9gie",
    "guide": "guide/contribuer.html",
}
# The focused element, and whether it is drawn with an indicator.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow !== "none";
  const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim();
  return {
    what: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} « ${name.slice(0, 40)} »`,
    shown: outline || ring,
  };
}"""


@pytest.mark.parametrize("kind", sorted(PAGES))
@pytest.mark.parametrize("width", [1280, 400])
def test_every_focused_element_shows_where_it_is(visit, kind: str, width: int) -> None:
    page = visit(PAGES[kind], viewport={"width": width, "height": 900}).page
    page.wait_for_load_state("networkidle")
    seen, hidden = [], []
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if seen and focused["what"] == seen[0]:
            break  # round the page once
        seen.append(focused["what"])
        if not focused["shown"]:
            hidden.append(focused["what"])
    assert len(seen) > 5
    assert hidden == []
