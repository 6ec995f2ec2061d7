"""An article's image opens full size in Chromium: by mouse and by keyboard, in a modal dialog
that keeps the focus, shows the caption and the text alternative, closes with Échap, the
« Fermer » button or a click beside the image, and gives the focus back; no axe violation."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_quality import AXE, _needs
from tests.helpers import BuiltSite
from tools.querybytes import serve
from tools.sitebuild import build, copy_site_parts

ARTICLE = """---
title: "Un schéma à agrandir"
description: "Un article d’essai avec une figure, pour ouvrir une image en grand."
date: 2026-11-20
authors: [redaction]
category: transformation-digitale
tags: [stratégie]
---

Un paragraphe avant la figure.

```{figure} schema.png
:alt: Le schéma des trois étapes
:width: 200px

Les trois étapes de la démarche.
```
"""


@pytest.fixture(scope="module")
def zoom_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from PIL import Image

    src = tmp_path_factory.mktemp("zoom") / "src"
    copy_site_parts(src)
    (src / "articles/schema.md").write_text(ARTICLE, "utf-8")
    picture = io.BytesIO()
    Image.new("RGB", (1200, 600), "steelblue").save(picture, "PNG")
    (src / "articles/schema.png").write_bytes(picture.getvalue())
    out = src.parent / "out"
    assert build(src, out, "html") == 0
    server, url = serve(BuiltSite(out / "html").html)
    yield url + "articles/schema.html"
    server.shutdown()
    server.server_close()


def open_zoom(browser, url: str):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(url)
    return context, page


def test_an_image_opens_and_closes_by_mouse_and_keyboard(browser, zoom_url: str) -> None:
    context, page = open_zoom(browser, zoom_url)
    opener = page.get_by_role("button", name="Agrandir l’image\u00a0: Le schéma des trois étapes")
    opener.click()
    dialog = page.locator("dialog.kb-zoom")
    assert dialog.evaluate("d => d.open")
    assert dialog.locator("img").evaluate("i => i.naturalWidth") == 1200
    caption = dialog.locator("figcaption").inner_text()
    assert caption.startswith("Les trois étapes de la démarche. — ")  # no « # » of its link
    assert caption.endswith("Le schéma des trois étapes")
    page.keyboard.press("Tab")  # the focus stays in the dialog
    assert page.evaluate("document.activeElement.closest('dialog.kb-zoom') !== null")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('kb-zoom__open')")
    page.keyboard.press("Enter")  # the opener has the focus: the keyboard opens it again
    assert dialog.evaluate("d => d.open")
    page.get_by_role("button", name="Fermer").click()
    assert not dialog.evaluate("d => d.open")
    opener.click()
    page.mouse.click(5, 5)  # beside the image, on the backdrop
    assert not dialog.evaluate("d => d.open")
    context.close()


def test_the_open_image_has_no_accessibility_violation(browser, zoom_url: str) -> None:
    _needs(AXE, "axe-core")
    context, page = open_zoom(browser, zoom_url)
    page.get_by_role("button", name="Agrandir l’image\u00a0: Le schéma des trois étapes").click()
    page.evaluate(Path(AXE).read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v["id"] for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == []
    context.close()


def test_only_pages_with_an_image_load_the_script(site: BuiltSite) -> None:
    article = site.html / "articles/aime-l-approche-digitale-systemique.html"
    assert "kb-zoom.js" not in article.read_text("utf-8")
