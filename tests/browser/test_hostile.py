"""A hostile corpus in Chromium: titles, bodies, folder names and tags carrying known XSS
payloads are built (warnings and all, as a non-strict preview would) and opened; no dialog opens
and no script of theirs runs, on the article pages, the listings and in search results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, build_root
from tests.kb.test_boundary import write_pull_request
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


def test_the_hostile_pull_request_runs_nothing_in_the_browser(browser, tmp_path: Path) -> None:
    """The pull request of tests/kb/test_boundary.py (glossary with scripts, a script offered
    for download and loaded by the glossary, an SVG with a script), built as a non-strict
    preview would: every page and every file it published opened, no dialog."""

    src = tmp_path / "depot" / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    write_pull_request(src, tmp_path, "http://127.0.0.1:9")
    outdir, _warnings = build_root("kb", src, copy=False)
    server, url = serve(Path(outdir))
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        published = sorted(
            p.relative_to(outdir).as_posix()
            for p in Path(outdir).rglob("*")
            if p.suffix in {".html", ".svg", ".js", ".xml"}
            and not {"_static", "pagefind"} & set(p.relative_to(outdir).parts)
        )
        for path in published:
            page.goto(url + path)
            page.wait_for_load_state("load")
    finally:
        page.close()
        server.shutdown()
    assert "glossaire.html" in published
    assert not [p for p in published if p.endswith((".svg", ".js"))]
    assert dialogs == []
