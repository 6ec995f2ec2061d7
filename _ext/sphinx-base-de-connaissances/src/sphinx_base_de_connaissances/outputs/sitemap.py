"""What the site tells crawlers: sitemap.xml and robots.txt."""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(entries: Iterable[tuple[str, str]]) -> bytes:
    """``entries``: (absolute URL, lastmod or "") pairs, written in the order given."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for url, lastmod in entries:
        item = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(item, f"{{{SITEMAP_NS}}}loc").text = url
        if lastmod:
            ET.SubElement(item, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots(sitemap_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
