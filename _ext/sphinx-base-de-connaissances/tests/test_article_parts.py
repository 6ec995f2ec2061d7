"""An article's header and footer: rendered from the page's record, the header placed in the
document right after its title, each in an element of the engine's own; a base replaces or
extends one named block of the engine's templates and keeps the rest."""

from __future__ import annotations

from .helpers import article, page, warnings_of

TEMPLATES = {"conf.py": 'templates_path = ["_templates"]\n'}
TITLED = article(title="Un article", body="# Un article\n\nTexte.\n")


def with_conf(files: dict[str, str], root_conf: str) -> dict[str, str]:
    return {**files, "conf.py": root_conf + files.get("conf.py", "")}


def built_with(built, rootdir, files: dict[str, str]):
    conf = (rootdir / "test-base/conf.py").read_text("utf-8")
    app, warnings = built(with_conf({**TEMPLATES, **files}, conf))
    assert warnings_of(warnings) == []
    return app


def test_the_header_follows_the_title_in_the_document(built, rootdir) -> None:
    app = built_with(built, rootdir, {"articles/un.md": TITLED})
    shown = page(app.outdir, "articles/un.html")
    after_title = shown.h1.find_next_sibling()  # inside the title's section
    assert after_title["data-kb-part"] == "article-header"
    assert after_title.select_one(".kb-article-meta__category").get_text() == "Stratégie"
    footer = shown.select_one('[data-kb-part="article-footer"]')
    assert footer is not None and footer.select_one(".kb-cite") is not None


def test_a_base_extends_one_block_and_keeps_the_others(built, rootdir) -> None:
    header = (
        '{% extends "kb/base/article-header.html" %}\n'
        '{% block authors %}{{ super() }}<p class="signe">Relu par l’équipe</p>{% endblock %}\n'
    )
    footer = '{% extends "kb/base/article-footer.html" %}\n{% block citation %}{% endblock %}\n'
    files = {
        "_templates/kb/article-header.html": header,
        "_templates/kb/article-footer.html": footer,
        "articles/un.md": TITLED,
    }
    shown = page(built_with(built, rootdir, files).outdir, "articles/un.html")
    head = shown.select_one('[data-kb-part="article-header"]')
    assert head.select_one(".signe").get_text() == "Relu par l’équipe"
    lines = head.select(".kb-article-meta__line")
    assert "Publié le 15 janvier 2026" in lines[0].get_text(" ", strip=True)
    assert "Par" in lines[1].get_text() and lines[1].a.get_text() == "Alice Écrivaine"
    assert shown.select_one(".kb-cite") is None  # the block the base emptied
    assert shown.select_one('[data-kb-part="article-footer"]') is not None
