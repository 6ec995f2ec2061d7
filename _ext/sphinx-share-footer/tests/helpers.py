"""Helpers for the tests: where the sources are, and reading a built footer."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

# The package's source folder (the tests themselves run against the installed package).
SOURCE = Path(__file__).resolve().parents[1] / "src" / "sphinx_share_footer"


def footer(outdir: Path, page: str) -> Tag | None:
    html = BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")
    return html.find("aside", class_="share-footer")


def links(aside: Tag) -> dict[str, str]:
    """network → href, for every plain link of the footer."""
    result = {}
    for anchor in aside.select("a.share-footer__control"):
        network = next(c for c in anchor["class"] if c.startswith("share-footer__control--"))
        result[network.removeprefix("share-footer__control--")] = anchor["href"]
    return result
