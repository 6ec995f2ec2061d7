"""French spacing as readers see it in Chromium: at a phone's width and a desktop's, no line of
an article starts with ; : ! ? » and none ends with «; search finds the words beside the signs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kb.test_hostile import FRONT, build
from tools.querybytes import serve

# Sentences of many lengths, so that at any width some sign falls where a line would break.
SENTENCES = [
    f"{'Une phrase ' * (n % 7)}numéro {n} dit{' très' * (n % 5)} fort ! Vraiment ? "
    f"Oui : « citation {n} » ; et {n} % des lecteurs{' le' * (n % 3)} pensent « enfin »."
    for n in range(1, 60)
]
SOURCE = FRONT.format(title='"Typographie : « essai » !"', tags="[]") + "\n\n".join(SENTENCES)

# For each sign in the article's text, whether a line break falls just before it (or, for «,
# just after it): the sign's box starts lower than the box of the character it is glued to.
SCRIPT = """() => {
  const body = document.querySelector("[data-pagefind-body]");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const box = (node, i) => { range.setStart(node, i); range.setEnd(node, i + 1);
                             const r = range.getClientRects(); return r.length ? r[0] : null; };
  const bad = []; let signs = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (!";:!?»«".includes(c)) continue;
      signs++;
      let j = c === "«" ? i + 1 : i - 1;
      while (j >= 0 && j < text.length && /\\s/.test(text[j])) j += c === "«" ? 1 : -1;
      if (j < 0 || j >= text.length) continue;
      const [first, second] = c === "«"
        ? [box(node, i), box(node, j)] : [box(node, j), box(node, i)];
      if (first && second && second.top > first.top + first.height / 2)
        bad.push(text.slice(Math.max(0, i - 15), i + 5));
    }
  }
  return {signs, bad};
}"""


@pytest.fixture(scope="module")
def typo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("typo-browser")
    outdir, warnings = build(tmp, {"articles/typographie.md": SOURCE})
    assert warnings == ""
    server, url = serve(Path(outdir))
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("width", [320, 1280])
def test_no_line_starts_with_a_sign_or_ends_with_an_opening_guillemet(
    browser, typo_site: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{typo_site}articles/typographie.html")
    found = page.evaluate(SCRIPT)
    page.close()
    assert found["signs"] > 300
    assert found["bad"] == []


@pytest.mark.parametrize("word", ["vraiment", "citation", "enfin"])
def test_search_finds_the_words_beside_the_signs(browser, typo_site: str, word: str) -> None:
    page = browser.new_page()
    page.goto(f"{typo_site}search.html?q={word}")
    result = page.locator("[data-kb-search=page] .kb-search__result").first
    result.wait_for()
    assert "Typographie" in result.locator(".kb-search__title").text_content()
    page.close()
