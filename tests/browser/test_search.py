"""Search in Chromium: the query table, filters, the dialog and its shortcuts, no third party."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["query"] for c in CASES])
def test_search_page_query_table(visit, case: dict) -> None:
    opened = visit(f"search.html?q={quote(case['query'])}")
    page = opened.page
    for kind, label in (("category", case.get("category")), ("tag", case.get("tag"))):
        if label:
            select = page.locator(f"select[data-kb-filter={kind}]")
            # A locator wait, not wait_for_function: the page's CSP forbids the eval it uses.
            select.locator(f"option[value='{label}']").wait_for(state="attached")
            select.select_option(label)
    box = page.locator("[data-kb-search=page]")
    status = box.locator(".kb-search__status")
    if case["first"] is None:
        status.filter(has_text="résultat").wait_for()
        assert status.text_content().startswith("Aucun résultat pour «\u202f")
        assert box.locator(".kb-search__result").count() == 0
    else:
        box.locator(".kb-search__result").first.wait_for()
        first = box.locator(".kb-search__result").first
        assert first.locator(".kb-search__title").text_content() == case["first"]
        marks = [m.lower() for m in first.locator(".kb-search__excerpt mark").all_text_contents()]
        if case["excerpt"] is None:  # found by its tags or category: its text, unmarked
            assert marks == []
        else:
            assert any(case["excerpt"].lower() in mark for mark in marks), marks
        assert "résultat" in status.text_content()
    assert opened.foreign == []


def test_results_show_category_and_date_and_sort_by_date(visit) -> None:
    page = visit("search.html?q=entreprise").page
    page.wait_for_selector(".kb-search__result")
    metas = page.locator(".kb-search__result .kb-search__meta").all_text_contents()
    assert any("27 novembre 2026" in meta and "·" in meta for meta in metas)
    page.locator("select[data-kb-sort]").select_option("date")
    page.wait_for_selector(".kb-search__result")
    assert "tri=" not in page.url and "q=entreprise" in page.url


@pytest.mark.parametrize("shortcut", ["/", "Control+k"])
def test_keyboard_shortcut_opens_search_with_results_as_you_type(visit, shortcut: str) -> None:
    opened = visit("articles/aime-l-approche-digitale-systemique.html")
    page = opened.page
    page.keyboard.press(shortcut)
    dialog = page.locator("#pst-search-dialog")
    assert dialog.evaluate("d => d.open")
    page.keyboard.type("community")
    page.wait_for_selector("#pst-search-dialog .kb-search__result")
    first = page.locator("#pst-search-dialog .kb-search__title").first.text_content()
    assert first == "aime quand ça bouge dans le community management"
    assert opened.foreign == []


def test_excerpts_show_markup_as_text_once_escaped(visit) -> None:
    # The contributor guide names <iframe> and <script>: Pagefind escapes them, we must not
    # escape them again (readers would see "&lt;iframe&gt;").
    page = visit("search.html?q=iframe").page
    page.wait_for_selector(".kb-search__result")
    excerpts = " ".join(page.locator(".kb-search__excerpt").all_text_contents())
    assert "<iframe>" in excerpts and "&lt;" not in excerpts
    assert page.locator(".kb-search__excerpt iframe").count() == 0


def test_tags_and_category_are_searchable_text(visit) -> None:
    # "stratégie" is only a tag of this article, never a word of its text; "Transformation
    # digitale" is its category.
    for query in ("stratégie", "conduite du changement"):
        page = visit(f"search.html?q={quote(query)}").page
        page.locator(".kb-search__status").filter(has_text="résultat").wait_for()
        titles = page.locator(".kb-search__result .kb-search__title").all_text_contents()
        assert "aime l’approche digitale systémique" in titles, (query, titles)


def test_filter_indexes_load_only_once_a_filter_is_chosen(visit) -> None:
    opened = visit(f"search.html?q={quote('stratégie')}")
    page = opened.page
    page.locator(".kb-search__result").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert not [url for url in opened.requests if "/pagefind/filter/" in url]
    # The choices are in the page, with their counts.
    tags = page.locator("select[data-kb-filter=tag] option").all_text_contents()
    assert "stratégie (1)" in tags
    page.locator("select[data-kb-filter=tag]").select_option("stratégie")
    page.locator(".kb-search__status").filter(has_text="1 résultat").wait_for()
    assert page.locator(".kb-search__result").count() == 1
    assert [url for url in opened.requests if "/pagefind/filter/" in url]


def test_a_site_in_shards_finds_pages_in_every_shard(browser, tmp_path: Path) -> None:
    from tests.helpers import BuiltSite
    from tools.corpus import generate
    from tools.querybytes import serve
    from tools.sitebuild import build

    source = generate(30, tmp_path / "src")
    for article in (source / "articles").glob("*.md"):
        with article.open("a", encoding="utf-8") as handle:
            handle.write("\nUn mot témoin : zéphyrin.\n")
    out = tmp_path / "out"
    assert build(source, out, extra_args=["-D", "kb_search_shard_pages=8"]) == 0
    site = BuiltSite(out / "html")
    bundles = sorted(p.parent.name for p in site.html.glob("pagefind*/pagefind-entry.json"))
    assert len(bundles) >= 4
    server, base = serve(site.html)
    try:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{base}search.html?q=z%C3%A9phyrin")
        status = page.locator("[data-kb-search=page] .kb-search__status")
        status.filter(has_text="résultat").wait_for()
        assert status.text_content().startswith("30 résultats"), status.text_content()
        for bundle in bundles:
            assert any(f"/{bundle}/index/" in url for url in requests), bundle
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_search_opened_from_the_disk_says_it_needs_a_server(browser, site) -> None:
    """Over file://, the browser refuses Pagefind's module scripts: the page says what to do
    rather than staying blank."""
    page = browser.new_page()
    try:
        page.goto((site.html / "search.html").as_uri() + "?q=strat%C3%A9gie")
        notice = page.locator(".kb-search__notice")
        notice.wait_for(state="visible")
        text = notice.text_content()
        assert "La recherche demande un serveur" in text and "nox -s serve" in text
        assert page.locator(".kb-search__result").count() == 0
    finally:
        page.close()
