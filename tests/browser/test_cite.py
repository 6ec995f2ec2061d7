"""« Citer cet article » in Chromium under the site's CSP: the block opens from the keyboard and
each button copies its text to the clipboard."""

from __future__ import annotations

ARTICLE = "articles/aime-l-approche-digitale-systemique.html"


def test_the_reference_and_the_bibtex_entry_are_copied(visit) -> None:
    opened = visit(ARTICLE, permissions=["clipboard-read", "clipboard-write"])
    page = opened.page
    summary = page.locator("details.kb-cite summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.kb-cite").get_attribute("open") is not None
    page.get_by_role("button", name="Copier la référence").click()
    status = page.locator("details.kb-cite .kb-copy__status")
    status.filter(has_text="Copié").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("La rédaction. «\u202faime l’approche digitale systémique\u202f».")
    assert copied.endswith(ARTICLE)
    page.evaluate("navigator.clipboard.writeText('')")
    page.get_by_role("button", name="Copier le BibTeX").click()
    for _ in range(50):
        if page.evaluate("navigator.clipboard.readText()").startswith("@online{"):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("navigator.clipboard.readText()").startswith(
        "@online{aime-l-approche-digitale-systemique,"
    )
    assert opened.foreign == []
