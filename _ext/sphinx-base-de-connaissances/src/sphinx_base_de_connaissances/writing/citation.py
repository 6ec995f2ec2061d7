"""« Citer cet article »: a reference in French style and a BibTeX ``@online`` entry. Pure:
the text is returned as plain strings, escaped for BibTeX here and for HTML by the template."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..content.typography import french_spacing

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_REPLACEMENT = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


@dataclass(frozen=True)
class Citation:
    reference: str
    bibtex: str


def bibtex_text(text: str) -> str:
    """``text`` as a BibTeX field value: its special characters escaped, white space folded."""
    text = " ".join(text.split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENT.get(m[1], "\\" + m[1]), text)


def cite(
    *,
    key: str,
    authors: Sequence[str],
    title: str,
    site: str,
    published: dt.date,
    updated: dt.date | None,
    url: str,
    french_date: Callable[[dt.date], str],
) -> Citation:
    names = ", ".join(authors)
    reference = f"{names}. « {title} ». {site}, {french_date(published)}"
    if updated:
        reference += f", mis à jour le {french_date(updated)}"
    reference = french_spacing(reference + f". En ligne : {url}")
    fields = [
        # Braces keep a name as written (an organisation, a particle), and the title's case.
        ("author", " and ".join(f"{{{bibtex_text(name)}}}" for name in authors)),
        ("title", f"{{{bibtex_text(title)}}}"),
        ("organization", bibtex_text(site)),
        ("date", published.isoformat()),
        *([("note", f"mis à jour le {updated.isoformat()}")] if updated else []),
        ("url", url),
        ("langid", "french"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return Citation(reference, f"@online{{{key},\n{body},\n}}")
