"""What assistants read: a Markdown twin beside every published page (plain CommonMark, links
absolute, MyST blocks as Markdown has them), ``llms.txt`` by the specification's structure and
``llms-full.txt``; every page links to its twin and to ``llms.txt``; drafts and future articles
in none of them."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from .helpers import article, page, warnings_of

BASE = "https://example.org/base/"
SHOWN = "L’article «\u202fcomplet\u202f»"  # as the engine spaces it
CONF = 'myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]\n'
BODY = """# L’article « complet »

Un paragraphe avec *emphase*, **force**, `du code`, un [lien](autre.md) et un {term}`SEO`.

:::{admonition} Attention aux [crochets]
:class: warning
Une mise en garde, sur deux lignes.
:::

:::{tip}
Un conseil.
:::

```{figure} schema.png
:alt: Le schéma du parcours

La légende du schéma.
```

```python
print("bonjour")
```

1. premier point
2. second point

| Colonne | Valeur |
| --- | --- |
| a | 1 |

$$
E = mc^2
$$

```{glossary}
SEO
  Le référencement naturel.
```
"""


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, "PNG")
    return out.getvalue()


def files() -> dict[str, str]:
    return {
        "articles/complet.md": article(
            BODY, title="L’article « complet »", extra="tags: [stratégie, référencement]\n"
        ),
        "articles/autre.md": article(title="Un autre article", date="2026-01-10"),
        "articles/brouillon.md": article(title="Un brouillon", extra="draft: true\n"),
        "articles/futur.md": article(title="Un article à venir", date="2099-01-01"),
    }


def built_base(built, rootdir: Path) -> Path:
    conf = (rootdir / "test-base/conf.py").read_text("utf-8") + CONF
    app, warnings = built({**files(), "conf.py": conf, "articles/schema.png": png()})
    assert warnings_of(warnings) == []
    return Path(app.outdir)


def split(twin: str) -> tuple[dict[str, object], str]:
    _, front, body = twin.split("---\n", 2)
    return yaml.safe_load(front), body


def local(outdir: Path, url: str) -> Path:
    assert url.startswith(BASE), url
    return outdir / unquote(urlsplit(url).path.removeprefix(urlsplit(BASE).path))


def test_an_article_s_twin_is_plain_markdown_with_absolute_links(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    fields, body = split((outdir / "articles/complet.md").read_text("utf-8"))
    assert fields == {
        "title": SHOWN,
        "date": dt.date(2026, 1, 15),
        "authors": ["Alice Écrivaine"],
        "category": "Stratégie",
        "tags": ["stratégie", "référencement"],
        "url": f"{BASE}articles/complet.html",
    }
    assert body.startswith(f"\n# {SHOWN}\n")
    assert "Un paragraphe avec *emphase*, **force**, `du code`" in body
    assert f"un [lien](<{BASE}articles/autre.html>)" in body
    assert f"[SEO](<{BASE}articles/complet.html#term-SEO>)" in body
    assert "> **Attention aux \\[crochets\\]**\n>\n> Une mise en garde" in body
    assert "> **Astuce**\n>\n> Un conseil." in body  # an admonition's kind, named in French
    assert '```python\nprint("bonjour")\n```' in body
    assert "1. premier point\n2. second point" in body
    assert "| Colonne | Valeur |\n|---|---|\n| a | 1 |" in body
    assert "$$\nE = mc^2\n$$" in body
    assert "**SEO**\n\n: Le référencement naturel." in body
    assert "<" not in body.replace("(<", "").replace("\\<", "")  # no HTML, no engine markup
    assert "kb-" not in body and "Publié le" not in body


def test_the_twin_shows_a_figure_with_its_caption(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    _, body = split((outdir / "articles/complet.md").read_text("utf-8"))
    image = re.search(
        r"!\[Le schéma du parcours\]\(<([^>]+)>\)\n\n\*La légende du schéma\.\*", body
    )
    assert image is not None, body
    assert local(outdir, image[1]).is_file()


def test_llms_txt_follows_the_specification_and_every_link_answers(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    text = (outdir / "llms.txt").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Base d’essai"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings == ["Stratégie", "Réseaux sociaux", "Optional"]
    entry = re.compile(r"^- \[(?P<title>[^\]]+)\]\(<(?P<url>[^>]+)>\)(: (?P<note>.+))?$")
    items = [line for line in lines if line.startswith("- ")]
    assert all(entry.match(line) for line in items), items
    urls = [entry.match(line)["url"] for line in items]
    assert all(local(outdir, url).is_file() for url in urls), urls
    assert f"- [{SHOWN}](<{BASE}articles/complet.md>): Un article d’essai" in text
    assert f"[Mentions légales](<{BASE}mentions-legales.md>)" in text
    full = (outdir / "llms-full.txt").read_text("utf-8")
    assert full.index("title: Un autre article") > full.index(f"title: {SHOWN}")


def test_drafts_and_future_articles_are_in_none_of_them(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    for name in ("brouillon", "futur"):
        assert not (outdir / f"articles/{name}.md").exists()
    text = (outdir / "llms.txt").read_text("utf-8") + (outdir / "llms-full.txt").read_text("utf-8")
    assert "brouillon" not in text.lower() and "à venir" not in text


def test_every_page_links_to_its_twin_and_to_llms_txt(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    names = ["articles/complet.html", "index.html", "categories/strategie.html"]
    names += ["plan-du-site.html", "ecoconception.html", "donnees-personnelles.html"]
    for name in names:
        head = page(outdir, name).head
        described = head.select_one('link[rel="describedby"]')
        assert (outdir / Path(name).parent / described["href"]).resolve() == outdir / "llms.txt"
        twin = head.select_one('link[rel="alternate"][type="text/markdown"]')
        assert (outdir / Path(name).parent / twin["href"]).is_file(), name
    # Pages with no document (the glossary's index, the search page): twins of the page as
    # written.
    for name in ("genindex", "search"):
        twin = page(outdir, f"{name}.html").head.select_one('link[type="text/markdown"]')
        assert twin["href"] == f"{name}.md"
        fields, body = split((outdir / f"{name}.md").read_text("utf-8"))
        assert fields["url"] == f"{BASE}{name}.html" and body.startswith("\n# ")
        assert "\n\n\n" not in body


def test_a_generated_page_s_twin_says_what_the_page_shows(built, rootdir) -> None:
    """Listings, the site map and the publisher's pages are rendered from templates: their
    twins are made from that HTML, with the same text and absolute links."""
    outdir = built_base(built, rootdir)
    fields, body = split((outdir / "tags/strategie.md").read_text("utf-8"))
    assert fields["title"] == "Mot-clé «\u202fstratégie\u202f»"
    assert fields["url"] == f"{BASE}tags/strategie.html"
    assert body.startswith("\n# Mot-clé «\u202fstratégie\u202f»\n")
    assert f"[{SHOWN}](<{BASE}articles/complet.html>)" in body
    assert "Un brouillon" not in body and "Un article à venir" not in body
    _, legal = split((outdir / "mentions-legales.md").read_text("utf-8"))
    shown = page(outdir, "mentions-legales.html").get_text(" ", strip=True)
    for heading in re.findall(r"^## (.+)$", legal, re.M):
        assert heading in shown  # every section of the page, as the page titles it
    _, plan = split((outdir / "plan-du-site.md").read_text("utf-8"))
    assert f"[Mentions légales](<{BASE}mentions-legales.html>)" in plan
    for twin in outdir.rglob("*.md"):
        text = twin.read_text("utf-8")
        assert "<a " not in text and "class=" not in text and "](<../" not in text, twin


def test_the_home_page_s_twin_keeps_its_listing(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    _, body = split((outdir / "index.md").read_text("utf-8"))
    assert f"[{SHOWN}](<{BASE}articles/complet.html>)" in body
    assert f"[Un autre article](<{BASE}articles/autre.html>)" in body
    assert "Un brouillon" not in body


def test_twins_follow_their_pages_from_one_build_to_the_next(incremental) -> None:
    """An article turned draft or deleted takes its twin away, and the tag page it alone
    carried; a twin someone removed is written again; each build equals a clean one."""
    from .helpers import write

    src = incremental.src
    tagged = {"title": "Tagué", "extra": "tags: [référencement]\n"}
    write(src, {"articles/tague.md": article(**tagged), "articles/autre.md": article()})
    first = incremental.build()
    assert (first / "articles/autre.md").is_file() and (first / "tags/referencement.md").is_file()
    (first / "categories/index.md").unlink()
    write(src, {"articles/autre.md": article("Un texte revu.\n")})  # nothing else changes
    assert (incremental.same_as_clean("twin removed") / "categories/index.md").is_file()
    write(src, {"articles/tague.md": article(**{**tagged, "extra": "draft: true\n"})})
    (src / "articles/autre.md").unlink()
    outdir = incremental.same_as_clean("draft and deleted")
    assert not (outdir / "articles/tague.md").exists()
    assert not (outdir / "articles/autre.md").exists()
    assert not (outdir / "tags/referencement.md").exists()


def test_with_directory_addresses_the_twin_is_index_html_md(make_app, rootdir, tmp_path) -> None:
    """``dirhtml`` writes ``x/index.html``: the twin is ``x/index.html.md``, as the llms.txt
    specification gives it for addresses without a file name."""
    import shutil

    from .helpers import write

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-base", src)
    write(src, {"articles/complet.md": article(title="Complet")})
    app = make_app("dirhtml", srcdir=src)
    app.build()
    outdir = Path(app.outdir)
    assert (outdir / "articles/complet/index.html.md").is_file()
    assert (outdir / "index.html.md").is_file()
    twin = page(outdir, "articles/complet/index.html").head.select_one('link[type="text/markdown"]')
    assert twin["href"] == "index.html.md"
    assert f"(<{BASE}articles/complet/index.html.md>)" in (outdir / "llms.txt").read_text("utf-8")


def test_an_article_offers_its_twin_and_plain_assistant_links(built, rootdir) -> None:
    outdir = built_base(built, rootdir)
    actions = page(outdir, "articles/complet.html").select_one(".kb-actions")
    assert actions.find_parent(attrs={"data-kb-part": "article-footer"}) is not None  # no book
    assert actions.button.get_text() == "Copier en Markdown"
    assert actions.button["data-kb-copy-url"] == "complet.md"
    assert actions.select_one("a.kb-actions__view")["href"] == "complet.md"
    links = {a.get_text(): a["href"] for a in actions.select("a[rel=noreferrer]")}
    assert sorted(links) == ["ChatGPT", "Claude", "Le Chat", "Perplexity"]
    twin = "https%3A%2F%2Fexample.org%2Fbase%2Farticles%2Fcomplet.md"
    assert (
        links["Claude"]
        == f"https://claude.ai/new?q=Lis%20{twin}%20et%20aide-moi%20%C3%A0%20comprendre%20cet%20article."
    )
    assert all(twin in href for href in links.values())
    assert not page(outdir, "index.html").select(".kb-actions")
