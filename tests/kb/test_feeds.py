"""Atom, RSS and JSON feeds: parsed, with the formats' required elements and absolute URLs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.helpers import BuiltSite

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_atom_feed(kb_site: BuiltSite) -> None:
    root = ET.parse(kb_site.html / "feeds/atom.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == "fr"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}")
    assert (
        root.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/kb/feeds/atom.xml"
    )
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Deuxième article",
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
        "Troisième article, rangé dans un dossier",
    ]
    first = entries[0]
    for required in ("id", "title", "updated", "summary"):
        assert first.findtext(f"{ATOM}{required}")
    assert first.find(f"{ATOM}link").get("href") == "https://example.org/kb/articles/deuxieme.html"
    assert (
        first.findtext(f"{ATOM}summary")
        == "Un deuxième article, sur les réseaux sociaux cette fois."
    )
    assert [a.findtext(f"{ATOM}name") for a in first.findall(f"{ATOM}author")] == [
        "Bob",
        "Alice Écrivaine",
    ]
    assert first.findtext(f"{ATOM}updated").startswith("2026-04-01")


def test_rss_feed(kb_site: BuiltSite) -> None:
    root = ET.parse(kb_site.html / "feeds/rss.xml").getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert len(items) == 3
    assert items[0].findtext("link") == "https://example.org/kb/articles/deuxieme.html"
    assert items[0].findtext("description")
    assert items[0].findtext("pubDate").startswith("Mon, 02 Mar 2026")


@pytest.mark.parametrize(("category", "count"), [("strategie", 2), ("reseaux", 1), ("vide", 0)])
def test_category_feeds(kb_site: BuiltSite, category: str, count: int) -> None:
    root = ET.parse(kb_site.html / f"feeds/{category}/atom.xml").getroot()
    assert root.get(XML_LANG) == "fr"
    assert len(root.findall(f"{ATOM}entry")) == count
    rss = ET.parse(kb_site.html / f"feeds/{category}/rss.xml").getroot()
    assert len(rss.find("channel").findall("item")) == count


def test_json_feed(kb_site: BuiltSite) -> None:
    feed = json.loads((kb_site.html / "feeds/feed.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://example.org/kb/feeds/feed.json"
    assert feed["language"] == "fr"
    assert feed["items"][0]["url"] == "https://example.org/kb/articles/deuxieme.html"
    assert feed["items"][1]["tags"] == ["stratégie", "réseaux sociaux", "🚀 fusée"]
