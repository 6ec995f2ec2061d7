"""What the site's scripts keep in the reader's browser (``localStorage``, ``sessionStorage``),
found in the scripts themselves, for the personal-data page. Pure: script texts in, keys out.

A key is counted where a script stores it: ``setItem("key", …)``, or ``setItem(NAME, …)`` with
``NAME`` a string constant of the same script. What each key is for is said for the keys this
engine, its share footer and its theme are known to use; any other is « un réglage ».
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_STORED = re.compile(
    r"\b(localStorage|sessionStorage)\s*\.\s*setItem\(\s*(?:([\"'`])([^\"'`\n]{1,100})\2|([A-Za-z_$][\w$]*))"
)
_CONSTANT = r"\b(?:const|let|var)\s+{name}\s*=\s*([\"'`])([^\"'`\n]{{1,100}})\1"

PURPOSES = {
    "mode": "le thème clair ou sombre choisi",
    "theme": "le thème clair ou sombre affiché",
    "pst_banner_pref": "un bandeau d’information fermé",
    "pst_announcement_banner_pref": "un bandeau d’annonce fermé",
    "sidebar-scroll-top": "la position de la barre latérale d’une page à l’autre",
    "share-footer-mastodon-instance": "l’instance Mastodon choisie pour partager",
}
KINDS = {
    "localStorage": "gardé jusqu’à ce que vous l’effaciez",
    "sessionStorage": "effacé à la fermeture de l’onglet",
}


@dataclass(frozen=True, order=True)
class Stored:
    key: str
    kind: str  # "localStorage" or "sessionStorage"

    @property
    def purpose(self) -> str:
        return PURPOSES.get(self.key, "un réglage d’un script du site")

    @property
    def lasts(self) -> str:
        return KINDS[self.kind]


def stored_keys(scripts: Iterable[str]) -> list[Stored]:
    """Every key the ``scripts`` (texts) store, each once, sorted."""
    found: set[Stored] = set()
    for text in scripts:
        for kind, _, literal, name in _STORED.findall(text):
            if literal:
                found.add(Stored(literal, kind))
                continue
            constant = re.search(_CONSTANT.format(name=re.escape(name)), text)
            if constant is not None:
                found.add(Stored(constant.group(2), kind))
    return sorted(found)
