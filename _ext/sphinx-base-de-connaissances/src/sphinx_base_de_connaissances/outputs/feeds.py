"""Atom and RSS (with feedgen) and JSON Feed, for all articles and for each category.

Written at ``build-finished`` into ``feeds/``; every URL is absolute, dates come from the
articles (never "now"), so the same sources give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from feedgen.feed import FeedGenerator

from ..content.schema import Article
from ..content.vocab import Vocabulary
from ..state import write_whole

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedInfo:
    path: str  # under the output folder, e.g. "feeds/atom.xml"
    title: str
    description: str
    rights: str = ""  # license statement: Atom <rights>, RSS <copyright>


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def _last_change(articles: Sequence[Article]) -> dt.datetime:
    days = [a.updated or a.date for a in articles]
    return _moment(max(days)) if days else _moment(dt.date(1970, 1, 1))


def generator(
    info: FeedInfo,
    articles: Sequence[Article],
    vocab: Vocabulary,
    base: str,
    url_of: Callable[[Article], str],
    tag_label: Callable[[str], str],
) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(base + info.path)
    feed.title(info.title)
    feed.subtitle(info.description)
    feed.description(info.description)
    feed.link(href=base, rel="alternate")
    feed.link(href=base + info.path, rel="self")
    feed.language("fr")
    if info.rights:
        feed.rights(info.rights)  # feedgen writes it as Atom <rights> and RSS <copyright>
    feed.generator("Sphinx kb")
    feed.updated(_last_change(articles))
    feed.lastBuildDate(_last_change(articles))
    for article in articles[:FEED_SIZE]:
        entry = feed.add_entry(order="append")
        url = url_of(article)
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(article.title)
        entry.link(href=url)
        entry.description(article.description)
        entry.summary(article.description)
        entry.published(_moment(article.date))
        entry.updated(_moment(article.updated or article.date))
        for key in article.authors:
            entry.author(name=vocab.authors[key].name)
        entry.category(term=article.category, label=vocab.categories[article.category].name)
        for tag in article.tags:
            entry.category(term=tag.slug, label=tag_label(tag.slug))
    return feed


def json_feed(
    info: FeedInfo,
    articles: Sequence[Article],
    vocab: Vocabulary,
    base: str,
    url_of: Callable[[Article], str],
) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = [
        {
            "id": url_of(a),
            "url": url_of(a),
            "title": a.title,
            "summary": a.description,
            "content_text": a.description,
            "date_published": _moment(a.date).isoformat(),
            "date_modified": _moment(a.updated or a.date).isoformat(),
            "authors": [{"name": vocab.authors[key].name} for key in a.authors],
            "tags": [tag.label for tag in a.tags],
        }
        for a in articles[:FEED_SIZE]
    ]
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "description": info.description,
        "home_page_url": base,
        "feed_url": base + info.path,
        "language": "fr",
        "items": items,
    }
    if info.rights:  # JSON Feed has no rights field: a custom object, as its spec allows
        document["_license"] = {"text": info.rights}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(feed: FeedGenerator, atom_path: str, rss_path: str) -> dict[str, bytes]:
    """{path: bytes} of the Atom and RSS versions of ``feed`` (nothing written yet)."""
    return {
        atom_path: feed.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True),
        rss_path: feed.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True),
    }


def write_all(outdir: Path, files: dict[str, bytes]) -> None:
    """Write every file once all of them exist in memory, each through a temporary file: a
    failure while making them leaves the previous files in place, never an empty feeds/."""
    for path, data in files.items():
        write_whole(outdir / path, data)
