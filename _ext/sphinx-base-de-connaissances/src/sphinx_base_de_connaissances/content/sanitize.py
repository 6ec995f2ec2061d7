"""The raw HTML and the link targets an article may carry: our policy, nh3 (Ammonia) cleans.

Articles arrive by pull request from people we do not know; a reviewer reads a diff, not the
rendered page. Markdown covers almost everything an article needs; raw HTML is allowed only for
the few elements Markdown lacks (abbreviations, keys, sub/superscript, disclosure, figures…),
with harmless attributes and http(s)/mailto/relative URLs. Anything else is refused: the build
warns at the file and line (the strict build fails), and the element is left out of the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

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
# Attribute values: what HTML, the books and EPUB readers all accept, within bounds (a span or
# a number is laid out by every output: a huge one costs minutes).
_LANGUAGE = (re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"), "une langue, par exemple « en »")
VALUES = {
    "start": (re.compile(r"-?[0-9]{1,6}"), "un nombre entier de -999999 à 999999"),
    "colspan": (re.compile(r"[1-9][0-9]?|100"), "un nombre entier de 1 à 100"),
    "rowspan": (re.compile(r"[1-9][0-9]{0,2}|1000"), "un nombre entier de 1 à 1000"),
    "width": (re.compile(r"[1-9][0-9]{0,3}|10000"), "un nombre de pixels de 1 à 10000"),
    "height": (re.compile(r"[1-9][0-9]{0,3}|10000"), "un nombre de pixels de 1 à 10000"),
    "lang": (re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"), "une langue, par exemple « en »"),
    "hreflang": (
        re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"),
        "une langue, par exemple « en »",
    ),
    "dir": (re.compile(r"ltr|rtl|auto"), "ltr, rtl ou auto"),
    "scope": (re.compile(r"row|col|rowgroup|colgroup"), "row, col, rowgroup ou colgroup"),
    "loading": (re.compile(r"lazy|eager"), "lazy ou eager"),
    "datetime": (
        re.compile(
            r"[0-9]{4}-[0-9]{2}(-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?"
            r"(Z|[+-][0-9]{2}:[0-9]{2})?)?)?|[0-9]{2}:[0-9]{2}(:[0-9]{2})?"
        ),
        "une date ou une heure, par exemple 2026-01-15 ou 14:30",
    ),
}
BOOLEANS = frozenset({"reversed", "open"})
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


def source_refusal(src: str, folder: str) -> Refusal | None:
    """An image's ``src`` in raw HTML names a file of the site, from the page's ``folder``
    (its path under the site's root): never another site, never above the site's root."""
    refusal = url_refusal(src)
    if refusal is not None:
        return refusal
    cleaned = "".join(ch for ch in src if ch > " " and ch != "\x7f")
    parts = urlsplit(cleaned)
    if parts.scheme or parts.netloc or cleaned.startswith(("//", "\\")):
        return Refusal(
            f"image distante « {src[:60]} » refusée : le site ne demande rien à un autre ; "
            "enregistrez l’image dans le dépôt"
        )
    path = unquote(parts.path).replace("\\", "/")
    if path.startswith("/") or posixpath.normpath(posixpath.join(folder, path)).startswith(".."):
        return Refusal(
            f"image « {src[:60]} » refusée : elle sort du site ; attendu : un chemin relatif "
            "à la page, qui reste dans le site"
        )
    return None


class _Checker(HTMLParser):
    def __init__(self, folder: str, classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.refusals: list[Refusal] = []
        self.folder = folder
        self.classes = classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.refusals.append(
                Refusal(
                    f"HTML refusé : élément « <{tag}> » interdit dans une page "
                    "(scripts, styles, formulaires, cadres et objets ne sont jamais admis)"
                )
            )
            return
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, frozenset())
        if self.classes:
            allowed |= {"class"}
        for name, value in attrs:
            if name == "class" and name in allowed:
                unknown = sorted(set((value or "").split()) - self.classes)
                if unknown:
                    self.refusals.append(
                        Refusal(
                            f"HTML refusé : classe « {unknown[0]} » sur « <{tag}> » ; "
                            f"autorisées (kb_html_classes) : {', '.join(sorted(self.classes))}"
                        )
                    )
            elif name not in allowed:
                self.refusals.append(
                    Refusal(
                        f"HTML refusé : attribut « {name} » interdit sur « <{tag}> » "
                        f"(autorisés : {', '.join(sorted(allowed))})"
                    )
                )
            elif name in VALUES and not VALUES[name][0].fullmatch((value or "").strip()):
                self.refusals.append(
                    Refusal(
                        f'HTML refusé : « {name}="{(value or "")[:20]}" » sur « <{tag}> » ; '
                        f"attendu : {VALUES[name][1]}"
                    )
                )
            elif name in BOOLEANS and (value or name) != name:
                self.refusals.append(
                    Refusal(
                        f'HTML refusé : « {name}="{(value or "")[:20]}" » sur « <{tag}> » ; '
                        f"attendu : « {name} » seul"
                    )
                )
            elif name == "src" and value is not None:
                refusal = source_refusal(value, self.folder)
                if refusal is not None:
                    self.refusals.append(refusal)
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


def refusals(html: str, folder: str = "", classes: Iterable[str] = ()) -> list[Refusal]:
    """What the policy refuses in ``html``, in a page whose folder under the site's root is
    ``folder``, where ``classes`` may be used (empty: the fragment is allowed as written)."""
    checker = _Checker(folder, frozenset(classes))
    checker.feed(html)
    checker.close()
    return checker.refusals


def clean(html: str, classes: Iterable[str] = ()) -> str:
    """``html`` cleaned by nh3 with the same policy (for complete fragments: blocks)."""
    classes = set(classes)
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={"*": set(GLOBAL_ATTRIBUTES)} | {k: set(v) for k, v in ATTRIBUTES.items()},
        allowed_classes={tag: classes for tag in TAGS} if classes else None,
        url_schemes=set(SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
