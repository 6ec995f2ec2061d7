"""« Cet article en Markdown » in Chromium under the site's CSP: the copy button puts the
page's Markdown twin on the clipboard, from the keyboard too; the links are plain links."""

from __future__ import annotations

ARTICLE = "articles/aime-l-approche-digitale-systemique.html"


def test_copy_as_markdown_puts_the_twin_on_the_clipboard(visit, site) -> None:
    opened = visit(ARTICLE, permissions=["clipboard-read", "clipboard-write"])
    page = opened.page
    twin = (site.html / ARTICLE).with_suffix(".md").read_text("utf-8")
    button = page.get_by_role("button", name="Copier en Markdown")
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".kb-actions .kb-copy__status").filter(has_text="Copié").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == twin
    view = page.get_by_role("link", name="Voir en Markdown")
    assert view.get_attribute("href") == "aime-l-approche-digitale-systemique.md"
    assert page.locator(".kb-actions a[target]").count() == 0  # no new tab
    assert opened.foreign == []
