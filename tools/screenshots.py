"""Screenshots of the main page types at desktop and phone sizes, light and dark, for reviewers:
``nox -s screenshots`` writes ``_build/screenshots/<page>-<size>-<scheme>.png`` from
``_build/html``. ``--html DIR --out DIR`` shoot another build (to compare two of them with
``tools/compare_screenshots.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
# Moments a full-page shot cannot show: (page, what to do first), shot at the viewport.
CM = "articles/aime-quand-ca-bouge-dans-le-community-management.html"
SCENES = {
    "terme": (CM, "hover", "main a.reference.internal:has(.std-term)"),
    "apercu": (
        "articles/aime-l-approche-digitale-systemique.html",
        "hover",
        "main a.reference.internal[aria-describedby^=kb-preview]",
    ),
    "parcours": (CM, "scroll", "nav.kb-path-box"),
    "cite-dans": (CM, "scroll", "section.kb-cited"),
}
SIZES = {"bureau": {"width": 1280, "height": 900}, "telephone": {"width": 375, "height": 812}}
SCHEMES = ("light", "dark")


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--html", type=Path, default=REPO / "_build" / "html")
    parser.add_argument("--out", type=Path, default=REPO / "_build" / "screenshots")
    args = parser.parse_args(argv)
    html, out = args.html.resolve(), args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(html)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
            for size, viewport in SIZES.items():
                for scheme in SCHEMES:
                    for name, path in PAGES.items():
                        page = browser.new_page(viewport=viewport, color_scheme=scheme)
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                        target = out / f"{name}-{size}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        page.close()
                        print(target)
                    for name, (path, action, selector) in SCENES.items():
                        page = browser.new_page(viewport=viewport, color_scheme=scheme)
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                        element = page.locator(selector).first
                        element.scroll_into_view_if_needed()
                        page.mouse.wheel(0, -120 if action == "scroll" else -200)
                        page.wait_for_timeout(300)  # the scroll is painted
                        if action == "hover":
                            element.hover()
                            page.locator(".kb-popover:not([hidden])").wait_for()
                        target = out / f"{name}-{size}-{scheme}.png"
                        page.screenshot(path=str(target))
                        page.close()
                        print(target)
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
