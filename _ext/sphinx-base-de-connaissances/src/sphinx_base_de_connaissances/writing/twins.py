"""Each page's Markdown twin, written beside the page: a document's from its resolved doctree
(``outputs.markdown``), a generated page's from the HTML its template rendered
(``outputs.htmlmarkdown``); and the links every page gives to its twin and to ``llms.txt``.

The twin of ``x.html`` is ``x.md``; with ``dirhtml``, that of ``x/index.html`` is
``x/index.html.md`` (the llms.txt specification's form for addresses without a file name).
A draft has none: no output shows one."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

from bs4 import BeautifulSoup
from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx

from ..content.schema import Article
from ..outputs import llms
from ..outputs.htmlmarkdown import from_html
from ..outputs.markdown import Links, Markdown, front_matter
from ..reading import listings
from ..site import Site
from ..state import write_whole
from . import obligations
from .pages import Pages


def twin_name(builder: Any, pagename: str) -> str:
    """The twin's path in the output folder, with ``/`` (string work: 10,000 per build)."""
    page = builder.get_target_uri(pagename)
    if builder.name == "dirhtml":
        return f"{page}index.html.md" if page.endswith("/") or not page else f"{page}.md"
    return f"{page.removesuffix(builder.out_suffix)}.md"


def twin_path(builder: Any, pagename: str) -> Path:
    return Path(builder.outdir, twin_name(builder, pagename))


# Pages that Sphinx and its extensions write with no document (the glossary's index, the search
# page, the « page not found »): their twins are made from the page as written.
WRITTEN = ("genindex", "search", "404")


def has_twin(pages: Pages, app: Sphinx, pagename: str, generated: bool = False) -> bool:
    """A generated page or one of WRITTEN; a document's page, an article only when
    published."""
    if generated or pagename in WRITTEN:
        return True
    if pages.settings.is_article(pagename):
        article = pages.views.of(pagename).article
        return article is not None and not article.draft
    return pagename in app.env.found_docs


def fields(
    pages: Pages, app: Sphinx, site: Site, pagename: str, title: str = ""
) -> dict[str, object]:
    """The twin's front matter: what identifies the page and what may be done with it;
    ``title``: a generated page's."""
    article = pages.views.of(pagename).article if not title else None
    if article is not None:
        title = article.title
    elif not title:
        own = app.env.titles.get(pagename)
        title = own.astext() if own else app.config.project
    found: dict[str, object] = {"title": title}
    if article is not None:
        vocab = pages.vocab
        found["date"] = article.date
        if article.updated:
            found["updated"] = article.updated
        found["authors"] = [vocab.authors[key].name for key in article.authors]
        found["category"] = vocab.categories[article.category].name
        tags = pages.catalog.tags
        if article.tags:
            found["tags"] = [
                tags[t.slug].label if t.slug in tags else t.label for t in article.tags
            ]
    found["url"] = site.url(pagename)
    if pages.settings.feed_rights:
        found["licence"] = pages.settings.feed_rights
    return found


def files(pages: Pages, app: Sphinx, generated: list[str]) -> list[str]:
    """Every twin this build publishes, relative to the output folder (the others, of pages
    gone or turned draft, are removed with their pages)."""
    documents = [name for name in sorted(app.env.found_docs) if has_twin(pages, app, name)]
    written = [name for name in WRITTEN if Path(app.builder.get_outfilename(name)).is_file()]
    return [twin_name(app.builder, name) for name in [*documents, *generated, *written]]


def write(pages: Pages, app: Sphinx, site: Site, pagename: str, doctree: nodes.document) -> bool:
    """The page's twin, from its resolved document (before the engine adds its parts);
    whether it has one."""
    if not has_twin(pages, app, pagename):
        return False
    page_url = site.url(pagename)
    images = app.env.images

    def image(uri: str) -> str:
        if "://" in uri:
            return uri
        if uri in images:
            return f"{site.base}_images/{quote(images[uri][1])}"
        return urljoin(page_url, quote(uri))

    def document(name: str) -> tuple[str, str]:
        title = app.env.titles.get(name)
        return (title.astext() if title else name), site.url(name)

    links = Links(page=lambda ref: urljoin(page_url, ref), image=image, document=document)
    found = fields(pages, app, site, pagename)
    # An article's title is its front matter's, which its document may not repeat.
    heading = str(found["title"]) if pages.settings.is_article(pagename) else ""
    body = Markdown(links, raw=lambda node: listing(node, links)).document(doctree, title=heading)
    _save(app, pagename, front_matter(found) + "\n" + body)
    return True


def listing(node: nodes.raw, links: Links) -> str:
    """A listing's HTML (``kb-latest``…) as Markdown; other raw HTML is the engine's parts."""
    return from_html(node.astext(), links.page) if listings.RESOLVED in node["classes"] else ""


def write_generated(
    pages: Pages, app: Sphinx, site: Site, rendered: list[tuple[str, dict[str, Any], str]]
) -> None:
    """Generated pages' twins, from the body each template rendered (``rendered``: pages as
    ``Pages.render_page`` gives them; the search page, which has no text, is left out)."""
    for pagename, context, _template in rendered:
        if context.get("kb_generated"):
            title = html.unescape(str(context["title"]))  # escaped text, no tag; spaces kept
            _save_html(pages, app, site, pagename, title, context["body"])


def write_written(pages: Pages, app: Sphinx, site: Site) -> None:
    """The twins of WRITTEN pages, from their main content as written (after every page)."""
    for pagename in WRITTEN:
        page = Path(app.builder.get_outfilename(pagename))
        if not page.is_file():
            continue
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        main = soup.select_one("main, [role=main]") or soup.body
        heading = main.find("h1") if main is not None else None
        title = heading.get_text(" ", strip=True) if heading else app.config.project
        _save_html(pages, app, site, pagename, title.removesuffix("#").strip(), str(main or ""))


def _save_html(pages: Pages, app: Sphinx, site: Site, pagename: str, title: str, body: str) -> None:
    """A twin made from a page's HTML (``body``), its links made absolute from the page."""
    page_url = site.url(pagename)
    text = from_html(body, lambda ref: urljoin(page_url, ref))
    _save(app, pagename, front_matter(fields(pages, app, site, pagename, title)) + "\n" + text)


def _save(app: Sphinx, pagename: str, text: str) -> None:
    target = twin_path(app.builder, pagename)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_whole(target, text.encode("utf-8"))


def head_links(pages: Pages, app: Sphinx, pagename: str, generated: bool) -> Markup:
    """The page's twin (``alternate``) and the llms.txt that lists it (``describedby``)."""
    found = Markup("")
    if has_twin(pages, app, pagename, generated):
        twin = twin_name(app.builder, pagename)
        found += Markup('<link rel="alternate" type="text/markdown" href="{}">\n').format(
            pages.file_link(app, pagename, twin)
        )
    index = pages.file_link(app, pagename, llms.FILE)
    return found + Markup('<link rel="describedby" type="text/plain" href="{}">\n').format(index)


def twin_url(site: Site, app: Sphinx, pagename: str) -> str:
    return site.base + quote(twin_name(app.builder, pagename))


def in_base_order(pages: Pages) -> dict[str, list[Article]]:
    """Each category's published articles in its reading order (drafts of a preview left out)."""
    return {
        key: [a for a in pages.catalog.in_order.get(key, []) if not a.draft]
        for key in pages.vocab.categories
    }


def llms_sections(
    pages: Pages, app: Sphinx, site: Site, glossaries: set[str]
) -> list[tuple[str, list[llms.Entry]]]:
    """``llms.txt``'s sections: the categories' articles (their twins), the reading paths,
    then under « Optional » the glossaries and the publisher's pages."""
    sections = [
        (
            pages.vocab.categories[key].name,
            [llms.Entry(a.title, twin_url(site, app, a.docname), a.description) for a in found],
        )
        for key, found in in_base_order(pages).items()
    ]
    paths = [
        llms.Entry(path.title, twin_url(site, app, f"parcours/{path.key}"), path.description)
        for path, _ in pages.published_paths()
    ]
    sections.append(("Parcours de lecture", paths))
    optional = [
        llms.Entry(str(app.env.titles[name].astext()), twin_url(site, app, name))
        for name in sorted(glossaries & app.env.found_docs)
        if name in app.env.titles
    ]
    duties = [(obligations.ACCESSIBILITY, "Déclaration d’accessibilité")]
    optional += [
        llms.Entry(label, twin_url(site, app, name))
        for name, label in [*duties, *obligations.footer_links(pages.obligations)]
    ]
    sections.append((llms.OPTIONAL, optional))
    return sections


def write_llms(pages: Pages, app: Sphinx, site: Site, glossaries: set[str]) -> None:
    description = pages.settings.site_description
    text = llms.index(app.config.project, description, llms_sections(pages, app, site, glossaries))
    order = [
        twin_path(app.builder, a.docname) for found in in_base_order(pages).values() for a in found
    ]
    llms.write(Path(app.outdir), text, order)


# Assistants a reader may open the article in: plain links carrying the twin's address, as the
# share footer's links (no script of theirs, nothing sent before the reader clicks).
ASSISTANTS = (
    ("ChatGPT", "https://chatgpt.com/?q={}"),
    ("Claude", "https://claude.ai/new?q={}"),
    ("Le Chat", "https://chat.mistral.ai/chat?q={}"),
    ("Perplexity", "https://www.perplexity.ai/search?q={}"),
)
PROMPT = "Lis {} et aide-moi à comprendre cet article."


@dataclass(frozen=True)
class Actions:
    """An article's page actions: its twin (relative link) and the assistants' links."""

    link: str
    assistants: tuple[tuple[str, str], ...]


def actions(pages: Pages, app: Sphinx, site: Site, pagename: str) -> Actions | None:
    if not has_twin(pages, app, pagename):
        return None
    prompt = quote(PROMPT.format(twin_url(site, app, pagename)), safe="")
    links = tuple((label, url.format(prompt)) for label, url in ASSISTANTS)
    return Actions(pages.file_link(app, pagename, twin_name(app.builder, pagename)), links)
