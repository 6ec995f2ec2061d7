"""« Proposer une modification », « Signaler une erreur » and « Historique des modifications »
at the end of an article: plain links to the repository (its web editor, a new issue prefilled
with the article's title and URL, the file's history). Pure: every part of the URLs is
percent-encoded here."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Corrections:
    edit: str
    report: str
    history: str


def links(repository: str, branch: str, source: str, title: str, url: str) -> Corrections | None:
    """``source``: the article's file, relative to the repository's root; ``url``: its page."""
    if not repository:
        return None
    base = repository.rstrip("/")
    branch = quote(branch, safe="")
    edit = f"{base}/edit/{branch}/{quote(source)}"
    body = (
        f"Article : {url}\n\n"
        "Ce qui est inexact ou dépassé :\n\n\n"
        "Ce qu’il faudrait écrire à la place (avec une source si possible) :\n"
    )
    query = urlencode({"title": f"Erreur dans « {title} »", "body": body}, quote_via=quote)
    history = f"{base}/commits/{branch}/{quote(source)}"
    return Corrections(edit, f"{base}/issues/new?{query}", history)
