"""A WordPress export (WXR, « Outils › Exporter ») and, when given, its ``wp-content/uploads``
folder: posts and pages (drafts stay drafts), their authors, categories and tags, dates, excerpt,
permalink, ``?p=ID`` and GUID; the content's shortcodes (captions, galleries, embeds), images
from the uploads folder, links between posts; the blog's share buttons (« Share on Twitter »,
Jetpack's sharedaddy) removed, since the share footer replaces them.

The XML is read by the standard library's parser, which expands no external entity (and,
with expat 2.4.1 or later, refuses entity bombs)."""

from __future__ import annotations

import bisect
import datetime as dt
import html as html_lib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .blocks import RESIZED, placed
from .fidelity import html_text
from .html import Converter, destination, escape, safe_target
from .model import LINK, Fetch, Note, Page, Seen, Source, link_to

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
SHORTCODE = re.compile(r"\[(?P<close>/)?(?P<name>[a-z][a-z0-9_-]*)(?P<attrs>(?:\s[^\]]*)?)\]")
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*["\']([^"\']*)["\']')
SHARE_TEXT = re.compile(
    r"^\s*(share (on|via) [\w ]+|partager (sur|par) [\w ]+|share this\s*:?|partager\s*:?"
    r"|j[’']aime( ceci)?\s*:?|like this\s*:?)\s*$",
    re.IGNORECASE,
)
SHARE_CLASSES = re.compile(
    r"sharedaddy|sd-sharing|sd-block|sd-like|jp-relatedposts|share-?buttons|addtoany|social-share"
)
BLOCK_START = re.compile(
    r"^\s*<(?:(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|figure|table|hr|section)\b|!--)", re.I
)
DRAFT_STATUSES = {"draft", "pending", "private", "future"}
Noter = Callable[[str], None]  # a message about the item being read


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "") if found is not None else ""


def _number(value: str) -> int:
    return int(value) if value.strip().isdigit() else 0


def _date(value: str) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return day if day.year > 1 else None


# The namespaces WXR versions declare (1.0, 1.1, 1.2, over http or https), each read as the
# one ``NS`` names.
DECLARED = re.compile(r"https?://wordpress\.org/export/1\.[0-9]+/(?P<excerpt>excerpt/)?")


def _parsed(raw: str) -> ET.Element:
    """The export's tree, its WordPress elements renamed into ``NS``'s namespaces whatever
    version the file declares."""
    renamed: dict[str, str] = {}
    root = None
    events = ET.iterparse(  # noqa: S314 (see the module's docstring)
        io.BytesIO(raw.encode("utf-8")), events=("start-ns", "start")
    )
    try:
        found_events = list(events)
    except ET.ParseError as error:
        line, column = error.position
        raise ValueError(f"XML mal formé ligne {line}, colonne {column + 1}") from None
    for event, found in found_events:
        if event == "start-ns":
            uri = found[1]
            match = DECLARED.fullmatch(uri)
            if match:
                renamed[uri] = NS["excerpt" if match.group("excerpt") else "wp"]
        elif root is None:
            root = found
    if root is None:
        raise ValueError("fichier vide")
    if renamed:
        for element in root.iter():
            uri, sep, local = element.tag[1:].partition("}")
            if sep and uri in renamed:
                element.tag = f"{{{renamed[uri]}}}{local}"
    return root


def read(
    export: Path,
    uploads: Path | None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    fetch: Fetch | None = None,
) -> Source:
    raw = export.read_text("utf-8")
    root = _parsed(raw)
    channel = root.find("channel")
    if channel is None or root.tag != "rss":
        raise ValueError("pas d’élément <channel> : est-ce bien un export WordPress (WXR) ?")
    site = urlsplit(_text(channel, "wp:base_blog_url") or _text(channel, "link"))
    authors = {
        _text(a, "wp:author_login"): _text(a, "wp:author_display_name")
        or _text(a, "wp:author_login")
        for a in channel.findall("wp:author", NS)
    }
    items = channel.findall("item")
    attachments = {
        _text(i, "wp:post_id"): _text(i, "wp:attachment_url").strip()
        for i in items
        if _text(i, "wp:post_type") == "attachment"
    }
    # A post's attached files in WordPress's gallery order (menu order, then ID): what a
    # gallery without ids shows.
    children: dict[str, list[str]] = {}
    for i in sorted(
        (i for i in items if _text(i, "wp:post_type") == "attachment"),
        key=lambda i: (_number(_text(i, "wp:menu_order")), _number(_text(i, "wp:post_id"))),
    ):
        if attachments.get(_text(i, "wp:post_id")):
            children.setdefault(_text(i, "wp:post_parent").strip(), []).append(
                attachments[_text(i, "wp:post_id")]
            )
    source = Source("WordPress", fetch=fetch)
    shown = export.name
    posts = [
        i
        for i in items
        if _text(i, "wp:post_type") in {"post", "page"} and _text(i, "wp:status") != "trash"
    ]
    if not posts:
        raise ValueError(
            f"aucun article ni page à importer ({len(items)} éléments <item>, aucun de type "
            "post ou page hors corbeille) : l’export a-t-il été fait avec « Tout le contenu » ?"
        )
    olds = [_addresses(item, site) for item in posts]
    # Each post's line in the export, found in one pass (not one search per post: an export
    # of 100,000 posts would take hours).
    lines: dict[str, list[int]] = {}
    for found in re.finditer(r"<wp:post_id>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]*)", raw):
        lines.setdefault(found.group(1), []).append(found.start())
    ids: list[str] = []
    taken: set[str] = set()
    for item in posts:
        post_id = _text(item, "wp:post_id")
        unique, number = post_id, 2
        while unique in taken:  # two posts with one ID (a merged export): both kept
            unique, number = f"{post_id}-{number}", number + 1
        ids.append(unique)
        taken.add(unique)
    keys: dict[str, str] = {}  # an old address (path or ?p=) → page key
    for unique, addresses in zip(ids, olds, strict=True):
        for old in addresses:
            keys.setdefault(old, f"wp:{unique}")
    # A permalink's last segment is the post's slug: WordPress finds a post by it when the
    # rest of the address (a date, a category) no longer matches; so does the import.
    slugs: dict[str, list[str]] = {}
    for unique, item in zip(ids, posts, strict=True):
        slugs.setdefault(unquote(_text(item, "wp:post_name")).strip(), []).append(f"wp:{unique}")
    keys.update({f"slug:{s}": found[0] for s, found in slugs.items() if s and len(found) == 1})
    newlines = _line_starts(raw)
    for done, (item, addresses, unique) in enumerate(zip(posts, olds, ids, strict=True), 1):
        progress(done, len(posts))
        post_id = _text(item, "wp:post_id")
        offsets = lines.get(post_id) or [0]
        offset = offsets.pop(0) if len(offsets) > 1 else offsets[0]
        line = bisect.bisect_right(newlines, offset) + 1
        if unique != post_id:
            source.notes.append(
                Note(
                    shown,
                    line,
                    f"identifiant {post_id} déjà pris par un autre article : "
                    f"celui-ci est importé aussi (clé {unique}).",
                )
            )

        def note(message: str, line: int = line) -> None:
            source.notes.append(Note(shown, line, message))

        seen = Seen()

        def image(src: str, alt: str, caption: str, seen: Seen = seen) -> str:
            seen.images += 1
            return _image(src, alt, caption, uploads, source, note)

        def link(href: str, own: str = f"wp:{unique}", seen: Seen = seen) -> str:
            target = _link(href, site, keys, own)
            if _internal(href, site):
                if target.startswith(LINK):
                    seen.links += 1
                else:  # the old site's own address of no page it had: broken there already
                    seen.missing += 1
            return target

        content = _shortcodes(
            _text(item, "content:encoded"), attachments, children.get(post_id, []), note
        )
        content = _without_share_buttons(_paragraphs(content))
        seen.text = html_text(content)
        body = Converter(image, link, lambda m: note(m + "."), _footnotes(item)).convert(content)
        kind = _text(item, "wp:post_type")
        categories = [
            c.text or "" for c in item.findall("category") if c.get("domain") == "category"
        ]
        tags = tuple(
            c.text or "" for c in item.findall("category") if c.get("domain") == "post_tag"
        )
        status = _text(item, "wp:status")
        date = _date(_text(item, "wp:post_date")) or _date(_text(item, "wp:post_date_gmt"))
        excerpt = re.sub(r"<[^>]+>", "", html_lib.unescape(_text(item, "excerpt:encoded")))
        title = html_lib.unescape(_text(item, "title")).strip()
        if not title:
            note("article sans titre : « Sans titre » mis.")
        creator = _text(item, "dc:creator")
        source.pages.append(
            Page(
                key=f"wp:{unique}",
                source=f"{shown}:{line}",
                title=title or "Sans titre",
                body=body,
                category="Pages"
                if kind == "page"
                else (categories[0] if categories else "Non classé"),
                date=date,
                updated=_date(_text(item, "wp:post_modified")),
                authors=(authors.get(creator, creator),) if creator else (),
                tags=tags,
                description=" ".join(excerpt.split()),
                draft=status in DRAFT_STATUSES,
                old=tuple(a for a in addresses if keys.get(a) == f"wp:{unique}"),
                name=unquote(_text(item, "wp:post_name")) or title,
                seen=seen,
            )
        )
    return source


def _footnotes(item: ET.Element) -> dict[str, str]:
    """The block editor's footnotes (id → HTML), kept in the post's « footnotes » meta."""
    for meta in item.findall("wp:postmeta", NS):
        if _text(meta, "wp:meta_key") == "footnotes":
            try:
                found = json.loads(_text(meta, "wp:meta_value"))
            except ValueError:
                return {}
            if isinstance(found, list):
                return {
                    str(n["id"]): str(n.get("content", ""))
                    for n in found
                    if isinstance(n, dict) and "id" in n
                }
    return {}


def _addresses(item: ET.Element, site: object) -> list[str]:
    """The post's old addresses: its permalink, ``?p=ID`` (``?page_id=ID``), its GUID."""
    found = []
    post_id = _text(item, "wp:post_id")
    for url in (_text(item, "link"), _text(item, "guid")):
        parts = urlsplit(url.strip())
        if not parts.path and not parts.query:
            continue
        if parts.query:
            if re.fullmatch(r"(p|page_id|attachment_id)=\d+", parts.query):
                found.append(f"/?{parts.query}")
        else:
            found.append(unquote(parts.path) or "/")
    query = "page_id" if _text(item, "wp:post_type") == "page" else "p"
    if post_id.strip().isdigit():  # an export may leave it empty
        found.append(f"/?{query}={post_id.strip()}")
    # Its slugs before a rename (WordPress still answers them): the permalink, that slug.
    permalink = unquote(urlsplit(_text(item, "link").strip()).path)
    slug = unquote(_text(item, "wp:post_name")).strip()
    for meta in item.findall("wp:postmeta", NS):
        old = _text(meta, "wp:meta_value").strip()
        if _text(meta, "wp:meta_key") == "_wp_old_slug" and old and slug and slug in permalink:
            head, _, tail = permalink.rpartition(slug)
            found.append(f"{head}{old}{tail}")
    return [a for a in dict.fromkeys(found) if a not in {"/", ""}]


def _line_starts(raw: str) -> list[int]:
    """The offsets of the export's line breaks, for bisecting an offset into its line."""
    return [m.start() for m in re.finditer("\n", raw)]


def _internal(href: str, site: object) -> bool:
    """Whether ``href`` leads to a page of the old site (or an anchor in one); a file of
    its uploads folder is no page."""
    parts = urlsplit(href.strip())
    if (parts.scheme and parts.scheme not in {"http", "https"}) or "/wp-content/" in parts.path:
        return False
    if not parts.netloc:
        return bool(parts.path or parts.query or parts.fragment)
    return parts.netloc == getattr(site, "netloc", "")


def _link(href: str, site: object, keys: dict[str, str], own: str) -> str:
    """The target a post's link gets: the imported page (``own`` for ``#anchor``), else the
    address as it was (encoded), else nothing when the build would refuse it (javascript:…)."""
    if not safe_target(href):
        return ""
    if href.startswith("#"):
        return link_to(own, unquote(href[1:])) if href.strip("#") else ""
    parts = urlsplit(href)
    host = getattr(site, "netloc", "")
    if parts.netloc and parts.netloc != host:
        return destination(href)
    old = f"/?{parts.query}" if parts.query and not parts.path.strip("/") else unquote(parts.path)
    last = old.rstrip("/").rsplit("/", 1)[-1]
    for candidate in (old, old.rstrip("/") + "/", old.rstrip("/"), f"slug:{last}"):
        if candidate in keys:
            return link_to(keys[candidate], parts.fragment)
    return destination(href)


def _image(
    src: str, alt: str, caption: str, uploads: Path | None, source: Source, note: Noter
) -> str:
    parts = urlsplit(src)
    path = unquote(parts.path)
    local = None
    # The uploads folder's path: after /wp-content/uploads/, or the whole path on
    # WordPress.com's file hosts (<site>.files.wordpress.com/2008/06/photo.jpg).
    inside = path.split("/wp-content/uploads/", 1)[1] if "/wp-content/uploads/" in path else ""
    if parts.netloc.endswith(".files.wordpress.com"):
        inside = path.lstrip("/")
    if uploads is not None and inside:
        original = Path(inside).with_stem(RESIZED.sub("", Path(inside).stem))
        for candidate in (uploads / inside, uploads / original):
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(uploads.resolve()):
                local = resolved
                break
    shown = " ".join(src.split())[:80]
    why = ""
    if local is None and source.fetch is not None and safe_target(src):
        local, why = source.fetch(src.strip())
    if local is None:
        label = escape(" ".join((alt or caption or "Image").split()))
        if not safe_target(src):
            note(f"image {shown} : adresse refusée (schéma interdit) ; retirée")
            return label
        if why:
            note(f"image {shown} : {why} ; remplacée par un lien")
        elif uploads is not None and inside:
            note(f"image {shown} absente du dossier des médias : remplacée par un lien")
        else:
            note(
                f"image distante {shown} : remplacée par un lien ; --medias (le dossier "
                "wp-content/uploads) ou --telecharger-medias la copie dans la base"
            )
        return f"[{label}]({destination(src)})" + (f"\n\n{caption}" if caption else "")
    return placed(local, alt, caption, source, note)


def _shortcodes(content: str, attachments: dict[str, str], children: list[str], note: Noter) -> str:
    """WordPress's shortcodes as HTML: captions become figures, galleries images (those
    its ``ids`` name, else the post's attached ones, as WordPress shows them), embeds links;
    any other is removed (its content kept) and noted."""

    def caption(match: re.Match[str]) -> str:
        inner = match.group(1)
        img = re.search(r"<img\b[^>]*>", inner)
        text = re.sub(r"<img\b[^>]*>|</?a\b[^>]*>", "", inner).strip()
        if img is None:
            return text
        return f"<figure>{img.group(0)}<figcaption>{text}</figcaption></figure>"

    content = re.sub(r"\[caption[^\]]*\](.*?)\[/caption\]", caption, content, flags=re.DOTALL)

    def gallery(match: re.Match[str]) -> str:
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        ids = [i.strip() for i in attributes.get("ids", "").split(",") if i.strip()]
        urls = [attachments[i] for i in ids if i in attachments] if ids else children
        found = [f'<p><img src="{html_lib.escape(url)}" alt=""></p>' for url in urls]
        if not found:
            note("galerie sans images connues : retirée")
        return "".join(found)

    content = re.sub(r"\[gallery([^\]]*)\]", gallery, content)

    def embed(match: re.Match[str]) -> str:
        url = (match.group("url") or match.group("attr") or "").strip()
        escaped = html_lib.escape(url)
        return f'<p><a href="{escaped}">{escaped}</a></p>' if url else ""

    # [embed]URL[/embed], or [video src="URL"] alone (its URL never the text after it).
    content = re.sub(
        r"\[(?P<name>embed|video|audio|youtube)\b(?:[^\]]*?\b(?:src|url|mp3|mp4)=[\"'](?P<attr>[^\"']+)[\"'])?[^\]]*\]"
        r"(?:(?P<url>[^\[<]*)\[/(?P=name)\])?",
        embed,
        content,
    )

    closed = {m.group("name") for m in SHORTCODE.finditer(content) if m.group("close")}

    def other(match: re.Match[str]) -> str:
        name = match.group("name")
        # "[word]" alone is text (a citation, a note); a shortcode has attributes, a closing
        # tag or a plugin's compound name.
        if not (match.group("attrs").strip() or name in closed or re.search(r"[-_]", name)):
            return match.group(0)
        if not match.group("close"):
            note(f"shortcode [{name}] non converti : retiré")
        return ""

    return SHORTCODE.sub(other, content)


def _paragraphs(content: str) -> str:
    """WordPress's ``wpautop``: blank lines separate paragraphs, a single newline is a break.
    The block editor's content (``<!-- wp:… -->``) is HTML already: WordPress leaves it as it is."""
    if "<!-- wp:" in content:
        return content
    chunks = re.split(r"\n\s*\n", content.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _without_share_buttons(content: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(content, "html.parser")
    for element in soup.find_all(class_=SHARE_CLASSES):
        element.decompose()
    for element in soup.find_all(["p", "li", "a", "div", "h3", "h4"]):
        if element.decomposed:
            continue
        if SHARE_TEXT.match(element.get_text(" ", strip=True) or "x"):
            parent = element.parent
            element.decompose()
            if (
                parent is not None
                and parent.name in {"ul", "ol", "p", "div"}
                and not parent.get_text(strip=True)
            ):
                parent.decompose()
    return str(soup)
