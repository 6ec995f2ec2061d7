"""Raw HTML in a Markdown source made what the build accepts (``content.sanitize``'s policy):
each tag keeps only the attributes the policy allows, with values it accepts; an anchor's
``id`` or ``name`` alone on its line becomes the writer's anchor marker; scripts, styles and
forms go with their content, a frame becomes a link to its page; any other element the
policy refuses loses its tags and keeps its text. Each kind of removal is noted once."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..content import sanitize
from .outline import marker

TAG = re.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:\s+[^\s/>\"'=]+"
    r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*(?P<void>/)?>"
)
ATTRIBUTE = re.compile(r"([^\s/>\"'=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
WITH_CONTENT = re.compile(
    r"<(script|style|noscript|template|form|select|textarea|button)\b[^>]*>.*?</\1\s*>",
    re.DOTALL | re.IGNORECASE,
)
FRAME = re.compile(r"<iframe\b(?P<attrs>[^>]*)>(?:.*?</iframe\s*>)?", re.DOTALL | re.IGNORECASE)
LINK = re.compile(
    r"<a\b(?P<attrs>[^>]*\bhref\s*=[^>]*)>(?P<inner>(?:(?!</?a\b).)*?)</a\s*>", re.DOTALL | re.I
)
ANCHOR_LINE = re.compile(
    r"^[ \t]*<a\s+(?:id|name)\s*=\s*[\"']([^\"']+)[\"']\s*>\s*</a>[ \t]*$", re.MULTILINE
)


def cleaned(text: str, note: Callable[[str], None]) -> str:
    """``text`` (Markdown, its code masked) with its raw HTML made acceptable."""
    noted: set[str] = set()

    def once(message: str) -> None:
        if message not in noted:
            noted.add(message)
            note(message)

    def dropped(match: re.Match[str]) -> str:
        once(f"élément <{match.group(1).lower()}> retiré avec son contenu")
        return ""

    text = ANCHOR_LINE.sub(lambda m: marker(m.group(1)), text)
    text = WITH_CONTENT.sub(dropped, text)
    text = FRAME.sub(lambda m: _frame(m.group("attrs")), text)
    text = LINK.sub(_link, text)
    return TAG.sub(lambda m: _tag(m, once), text)


def _link(match: re.Match[str]) -> str:
    """``<a href="…">text</a>`` as a Markdown link, so that the import resolves its target."""
    href = next((v for n, v in _parsed(match.group("attrs")) if n == "href"), None) or ""
    inner = match.group("inner")
    if not href.strip() or not inner.strip():
        return inner
    return f"[{inner.strip()}](<{href.strip()}>)"


def _frame(raw: str) -> str:
    attributes = {n: v or "" for n, v in _parsed(raw)}
    src = attributes.get("src", "").strip()
    if not src or sanitize.url_refusal(src) is not None:
        return ""
    title = " ".join((attributes.get("title") or src).split())
    return f"[{_text(title)}]({src})"


def _parsed(raw: str) -> list[tuple[str, str | None]]:
    """The attributes of a tag, their values unescaped (None: written without a value)."""
    found = []
    for match in ATTRIBUTE.finditer(raw):
        name = match.group(1).lower()
        values = [v for v in match.groups()[1:] if v is not None]
        found.append((name, html.unescape(values[0]) if values else None))
    return found


def _text(value: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>])", r"\\\1", value)


def _tag(match: re.Match[str], once: Callable[[str], None]) -> str:
    name = match.group("name").lower()
    if name not in sanitize.TAGS:
        once(f"élément <{name}> retiré (son texte gardé)")
        return ""
    if match.group("close"):
        return f"</{name}>"
    allowed = sanitize.GLOBAL_ATTRIBUTES | sanitize.ATTRIBUTES.get(name, frozenset())
    kept = []
    for attribute, value in _parsed(match.group("attrs") or ""):
        if attribute not in allowed:
            if attribute not in {"class", "style", "markdown"} and not attribute.startswith(
                ("data-", "aria-")
            ):
                once(f"attribut {attribute} retiré de <{name}>")
            continue
        if attribute in sanitize.BOOLEANS:
            kept.append(attribute)
            continue
        value = (value or "").strip()
        pattern = sanitize.VALUES.get(attribute)
        if pattern is not None and not pattern[0].fullmatch(value):
            continue
        if attribute in sanitize.URL_ATTRIBUTES and sanitize.url_refusal(value) is not None:
            continue
        kept.append(f'{attribute}="{html.escape(value)}"')
    inside = "".join(f" {a}" for a in kept)
    return f"<{name}{inside}{' /' if match.group('void') else ''}>"
