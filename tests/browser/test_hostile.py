"""A hostile corpus in Chromium: titles, bodies, folder names and tags carrying known XSS
payloads are built (warnings and all, as a non-strict preview would) and opened; no dialog opens
and no script of theirs runs, on the article pages, the listings and in search results."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kb.test_hostile import BODY, TITLE, article, build
from tools.querybytes import serve

PAYLOADS = [
    TITLE,
    '"><svg onload=alert(11)>',
    "<iframe src=javascript:alert(12)></iframe>",
    "';alert(13);//",
    '<a href="javascript:alert(14)">clic</a>',
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("hostile")

    def quoted(text: str) -> str:
        return '"' + text.replace('"', '\\"') + '"'

    files = {
        f"articles/piege-{n}.md": article(quoted(payload), BODY, tags=f"[{quoted(payload)}]")
        for n, payload in enumerate(PAYLOADS)
    }
    files['articles/y" onmouseover="alert(15)/dossier.md'] = article('"Dans un dossier piégé"')
    outdir, _warnings = build(tmp, files)
    server, url = serve(Path(outdir))
    yield url, Path(outdir)
    server.shutdown()


def test_no_payload_runs_anywhere(browser, hostile_site) -> None:
    url, outdir = hostile_site
    pages = sorted(
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*.html")
        if not {"_static", "pagefind"} & set(p.relative_to(outdir).parts)
    )
    dialogs: list[str] = []
    context = browser.new_context()
    context.on("page", lambda page: page.on("dialog", lambda d: dialogs.append(d.message)))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages:
        page.goto(url + path)
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)
        page.mouse.wheel(0, 3000)
    # Search results for the payloads and the trapped folder, hovered and read.
    hovered = []
    for query in ("Piège", "dossier", "alert"):
        page.goto(url + "search.html?q=" + query)
        page.locator(".kb-search__status").filter(has_text="résultat").wait_for()
        for result in page.locator(".kb-search__result a").all():
            hovered.append(result.get_attribute("href"))
            result.hover()
            assert result.get_attribute("onmouseover") is None  # the quote stayed in the URL
    context.close()
    assert any("%22%20onmouseover" in href for href in hovered), hovered  # the trapped folder
    assert dialogs == []
    assert len(pages) > 10
