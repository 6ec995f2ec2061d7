"""« Proposer une modification » and « Signaler une erreur » at the end of an article: plain
links to the repository (its web editor, a new issue prefilled with the article's title and
URL). Pure: every part of the URLs is percent-encoded here."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Corrections:
    edit: str
    report: str


def links(repository: str, branch: str, source: str, title: str, url: str) -> Corrections | None:
    """``source``: the article's file, relative to the repository's root; ``url``: its page."""
    if not repository:
        return None
    base = repository.rstrip("/")
    edit = f"{base}/edit/{quote(branch, safe='')}/{quote(source)}"
    body = (
        f"Article : {url}\n\n"
        "Ce qui est inexact ou dépassé :\n\n\n"
        "Ce qu’il faudrait écrire à la place (avec une source si possible) :\n"
    )
    query = urlencode({"title": f"Erreur dans « {title} »", "body": body}, quote_via=quote)
    return Corrections(edit, f"{base}/issues/new?{query}")
