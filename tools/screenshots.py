"""Screenshots of the main page types at desktop and phone sizes, for reviewers:
``nox -s screenshots`` writes ``_build/screenshots/<page>-<size>.png`` from ``_build/html``."""

from __future__ import annotations

import sys

from tools.querybytes import CHROMIUM_ARGS, chromium_executable, serve
from tools.sitebuild import REPO

PAGES = {
    "accueil": "index.html",
    "article": "articles/aime-l-approche-digitale-systemique.html",
    "categorie": "categories/communication.html",
    "mot-cle": "tags/strategie.html",
    "recherche": "search.html?q=r%C3%A9seaux%20sociaux",
    "404": "404.html",
}
SIZES = {"bureau": {"width": 1280, "height": 900}, "telephone": {"width": 375, "height": 812}}


def main() -> int:
    from playwright.sync_api import sync_playwright

    html, out = REPO / "_build" / "html", REPO / "_build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(html)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(),
                                                 args=CHROMIUM_ARGS)  # fmt: skip
            for size, viewport in SIZES.items():
                for name, path in PAGES.items():
                    page = browser.new_page(viewport=viewport)
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{size}.png"
                    page.screenshot(path=str(target), full_page=True)
                    page.close()
                    print(target.relative_to(REPO))
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
