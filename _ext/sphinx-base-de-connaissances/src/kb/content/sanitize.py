"""The raw HTML and the link targets an article may carry: our policy, nh3 (Ammonia) cleans.

Articles arrive by pull request from people we do not know; a reviewer reads a diff, not the
rendered page. Markdown covers almost everything an article needs; raw HTML is allowed only for
the few elements Markdown lacks (abbreviations, keys, sub/superscript, disclosure, figures…),
with harmless attributes and http(s)/mailto/relative URLs. Anything else is refused: the build
warns at the file and line (the strict build fails), and the element is left out of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

# Elements Markdown does not offer, or that articles legitimately wrap around Markdown.
TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "br",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
    }
)
GLOBAL_ATTRIBUTES = frozenset({"title", "lang", "dir"})
ATTRIBUTES = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "time": frozenset({"datetime"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start", "reversed"}),
    "details": frozenset({"open"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Refusal:
    """One thing refused, described for the writer (French)."""

    message: str


def url_refusal(url: str) -> Refusal | None:
    """A URL is allowed when relative or http(s)/mailto; control characters and whitespace
    that browsers strip (``java\\tscript:``) are taken into account."""
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f").strip()
    scheme = urlsplit(cleaned).scheme.lower()
    if scheme and scheme not in SCHEMES:
        return Refusal(
            f"adresse « {url[:60]} » refusée : schéma « {scheme}: » interdit ; "
            "attendu : http, https, mailto ou un chemin relatif"
        )
    return None


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refusals: list[Refusal] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.refusals.append(
                Refusal(
                    f"HTML refusé : élément « <{tag}> » interdit dans un article "
                    "(scripts, styles, formulaires, cadres et objets ne sont jamais admis)"
                )
            )
            return
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                self.refusals.append(
                    Refusal(
                        f"HTML refusé : attribut « {name} » interdit sur « <{tag}> » "
                        f"(autorisés : {', '.join(sorted(allowed))})"
                    )
                )
            elif name in URL_ATTRIBUTES and value is not None:
                refusal = url_refusal(value)
                if refusal is not None:
                    self.refusals.append(refusal)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        # Said once per element: an end tag is refused on its own only when its start tag is
        # in another fragment (inline HTML comes one tag at a time).
        if tag not in TAGS and f"« <{tag}> »" not in " ".join(r.message for r in self.refusals):
            self.refusals.append(Refusal(f"HTML refusé : élément « </{tag}> » interdit"))


def refusals(html: str) -> list[Refusal]:
    """What the policy refuses in ``html`` (empty: the fragment is allowed as written)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.refusals


def clean(html: str) -> str:
    """``html`` cleaned by nh3 with the same policy (for complete fragments: blocks)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={"*": set(GLOBAL_ATTRIBUTES)} | {k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
