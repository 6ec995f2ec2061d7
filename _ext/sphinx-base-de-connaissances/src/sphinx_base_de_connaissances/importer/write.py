"""A ``model.Source`` placed in a base: one article per page under
``<articles>/<category>/<name>.md``, the files it uses under ``medias/``, the categories and
authors it meets appended to the data files, a reading path per guide. Nothing existing is
overwritten (a different file already there is reported and left); names come from the
source alone, so a second run writes the same files, byte for byte."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote

import yaml

from ..content import addresses
from ..content.media import MAX_ARTICLE_BYTES, MAX_ARTICLE_HEADINGS, RASTER, SUFFIX_OF
from ..content.schema import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    ORDER_MAX,
    SECOND_SENTENCE,
    TAGS_MAX,
    TITLE_MAX,
)
from ..content.slugs import RESERVED, slugify
from ..content.text import control_character, unwritable, without_unwritable
from ..content.typography import with_spaces
from . import nesting, outline
from .blocks import escape_text
from .fidelity import Tally
from .model import FILE, LINK, TITLE, Note, Page, Seen, Source

MEDIA = "medias"
# Between two sentences (a number's full stop, « 1. Phase », ends none).
SENTENCE_END = re.compile(r"(?:(?<=[^0-9]\.)|(?<=[!?…]))\s+(?=[A-ZÀ-ÖØ-Þ«\"])")


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # there already, different: left as it is
    notes: list[Note] = field(default_factory=list)
    fidelity: Tally = field(default_factory=Tally)


@dataclass(frozen=True)
class Base:
    root: Path
    articles: str = "articles"
    data: str = "data"

    def read_keys(self, name: str) -> dict[str, str]:
        """Key → name of a data file's entries (none when it is absent or unreadable)."""
        path = self.root / self.data / name
        try:
            loaded = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
        except (yaml.YAMLError, UnicodeDecodeError):
            return {}
        if not isinstance(loaded, dict):
            return {}
        return {
            str(key): str(value.get("name") or value.get("title") or key)
            if isinstance(value, dict)
            else str(key)
            for key, value in loaded.items()
        }


@dataclass(frozen=True)
class Dates:
    today: dt.date  # a page without a date gets it
    reviewed: dt.date | None = None  # when the team last reviewed what it imports


def place(
    source: Source,
    base: Base,
    dates: Dates,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Outcome:
    """Write ``source`` into ``base``; ``progress(done, total)`` after every page."""
    outcome = Outcome(notes=list(source.notes))
    source.pages = _split(source.pages, outcome)
    categories = _keys(base.read_keys("categories.yml"), (p.category for p in source.pages))
    authors = _keys(base.read_keys("authors.yml"), (a for p in source.pages for a in p.authors))
    default_author = next(iter(base.read_keys("authors.yml")), "") or next(
        iter(authors.values()), ""
    )
    paths = _article_paths(source.pages, categories, base)
    media = _media_paths(source.files, outcome)
    orders = _orders(source, categories)
    parents = nesting.parents(source.pages, paths, categories, outcome.notes.append)
    outlined, moved = _outlined(source.pages, paths)
    olds, answering = _old_addresses(source.pages, outcome)
    titles = {page.key: page.title for page in source.pages}
    drafts = frozenset(page.key for page in source.pages if page.draft)
    placed = Placed(paths, media, outlined, moved, titles, drafts)
    written: dict[str, tuple[list[str], int]] = {}  # a source page → its parts' bodies, links
    for done, page in enumerate(source.pages, start=1):
        progress(done, len(source.pages))
        path = paths[page.key]
        body, links = _resolve(page, path, placed, outcome)
        bodies, linked = written.get(page.part_of or page.key, ([], 0))
        written[page.part_of or page.key] = ([*bodies, body], linked + links)
        for line, code in unwritable(body):
            outcome.notes.append(
                Note(page.source, 1, f"caractère {code} retiré (ligne {line} de la page écrite).")
            )
        body = without_unwritable(body).replace("\ufffd", "")
        front = _front_matter(
            page, body, categories, authors, default_author, orders, parents, olds, dates, outcome
        )
        _write(base.root, path, ("---\n" + front + "---\n\n" + body).encode("utf-8"), outcome)
    for page in source.pages:
        if not page.part_of:
            bodies, links = written[page.key]
            outcome.fidelity.add(page, "\n".join(bodies), links, answering.get(page.key, 0))
    for index, target in media.items():
        _write(base.root, target, source.files[index].read_bytes(), outcome)
    _append(
        base.root,
        f"{base.data}/categories.yml",
        _first_names(categories),
        base.read_keys("categories.yml"),
        outcome,
    )
    named = {key: {"name": name} for name, key in authors.items()}
    _append(base.root, f"{base.data}/authors.yml", named, base.read_keys("authors.yml"), outcome)
    guides = {}
    for guide in source.guides:
        steps = [
            paths[k].removeprefix(f"{base.articles}/").removesuffix(".md")
            for k in dict.fromkeys(guide.keys)  # a step once, at its first place
            if k in paths
        ]
        if len(steps) >= 2:
            guides[slugify(guide.title)[:60] or "parcours"] = {
                "title": _cut(guide.title, TITLE_MAX),
                "description": f"Les pages de « {guide.title[:80]} », dans l’ordre de la source.",
                "articles": steps,
            }
    _append(base.root, f"{base.data}/parcours.yml", guides, base.read_keys("parcours.yml"), outcome)
    return outcome


def _keys(known: dict[str, str], names: Iterable[str]) -> dict[str, str]:
    """Each name met → its key: a known entry's (same key or same name), else a new slug. A
    name written as a slug (a folder's, « axon-server ») joins the category whose slug it is
    (« Axon Server »), wherever the two are met."""
    by_name = {name.casefold(): key for key, name in known.items()}
    found: dict[str, str] = {}
    met = list(dict.fromkeys(names))
    titled = {slugify(n): n for n in met if slugify(n) != n}
    for name in sorted(met, key=lambda n: slugify(n) == n and n in titled):
        if name in found:
            continue
        if name in titled and titled[name] in found:
            found[name] = found[titled[name]]
            continue
        key = by_name.get(name.casefold()) or slugify(name)[:60].strip("-") or "divers"
        if key in RESERVED and key not in known:  # « index » names a page of the site
            key = f"{key}-2"
        while key not in known and key in found.values():  # two names, one slug
            key = f"{key}-2"
        found[name] = key
    return found


def _first_names(keys: dict[str, str]) -> dict[str, dict[str, str]]:
    """Each key's entry of a data file, named by the first name met for it."""
    entries: dict[str, dict[str, str]] = {}
    for name, key in keys.items():
        entries.setdefault(key, {"name": name})
    return entries


def _article_paths(pages: list[Page], categories: dict[str, str], base: Base) -> dict[str, str]:
    """Page key → its article's path in the base (unique stems: the engine's ids)."""
    folder = base.root / base.articles
    taken_elsewhere: dict[str, str] = {}
    if folder.is_dir():
        for existing in folder.rglob("*.md"):
            taken_elsewhere[existing.stem] = existing.relative_to(base.root).as_posix()
    paths: dict[str, str] = {}
    stems: set[str] = set()
    for page in pages:
        stem = slugify(page.name or page.title)[:80].strip("-") or "page"
        if stem in RESERVED:
            stem = f"{stem}-page"
        category = categories[page.category]
        # The same name in two folders: the second takes its category's key before it.
        prefixed = f"{category}-{stem}"[:90].strip("-")
        # Tried lazily: a list of every number for every page was quadratic (100,000 posts).
        candidates = itertools.chain(
            (stem, prefixed), (f"{prefixed}-{n}" for n in itertools.count(2))
        )
        for candidate in candidates:
            path = f"{base.articles}/{category}/{candidate}.md"
            elsewhere = taken_elsewhere.get(candidate)
            if candidate not in stems and (elsewhere is None or elsewhere == path):
                break
        stems.add(candidate)
        paths[page.key] = path
    return paths


def _media_paths(files: list[Path], outcome: Outcome) -> dict[int, str]:
    paths: dict[int, str] = {}
    names: dict[str, bytes] = {}
    for index, file in enumerate(files):
        data = file.read_bytes()
        suffix = file.suffix.lower()
        if suffix in RASTER:
            actual = _raster_format(data)
            if actual is not None and actual != RASTER[suffix]:
                suffix = SUFFIX_OF[actual]
                outcome.notes.append(
                    Note(
                        file.name,
                        1,
                        f"image {file.name} : son contenu est du {actual}, renommée en {suffix}.",
                    )
                )
        stem = slugify(file.stem)[:80] or "fichier"
        name, number = f"{stem}{suffix}", 1
        digest = hashlib.sha256(data).digest()
        while name in names and names[name] != digest:
            number += 1
            name = f"{stem}-{number}{suffix}"
        names[name] = digest
        paths[index] = f"{MEDIA}/{name}"
    return paths


def _raster_format(data: bytes) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as found:
            return found.format
    except (UnidentifiedImageError, OSError):
        return None


def _orders(source: Source, categories: dict[str, str]) -> dict[str, int]:
    """Page key → its place in its category, when the source orders its pages."""
    if source.kind == "WordPress":
        return {}
    counts: dict[str, int] = {}
    orders = {}
    for page in source.pages:
        key = categories[page.category]
        counts[key] = counts.get(key, 0) + 1
        orders[page.key] = min(counts[key], ORDER_MAX)
    return orders


CARD = re.compile(re.escape(f"[{TITLE}](") + re.escape(LINK) + r"([^)\s>#]+)(?:#[^)\s>]*)?\)")
# [text](kb-import:<key>…): a link to a page, whole (to keep its text alone).
LINKED_PAGE = re.compile(
    r"(?<!!)\[((?:\\.|[^\]\\])*)\]\(" + re.escape(LINK) + r"([^)\s>#]+)(?:#[^)\s>]*)?\)"
)
TOKEN = re.compile(re.escape(LINK) + r"([^)\s>#]+)(?:#([^)\s>]*))?")


def _split(pages: list[Page], outcome: Outcome) -> list[Page]:
    """Each page too long for one article (headings, bytes) as several, cut before its
    top-level headings: « Titre (2/3) »… the first keeps its key and old addresses."""
    out = []
    for page in pages:
        bodies = outline.split(page.body, MAX_ARTICLE_HEADINGS, MAX_ARTICLE_BYTES * 9 // 10)
        if len(bodies) == 1:
            out.append(page)
            continue
        outcome.notes.append(
            Note(
                page.source,
                1,
                f"page trop longue pour un article ({MAX_ARTICLE_HEADINGS} titres, "
                f"{MAX_ARTICLE_BYTES // 1000} ko au plus) : découpée en {len(bodies)} articles.",
            )
        )
        for number, body in enumerate(bodies, start=1):
            first = number == 1
            out.append(
                replace(
                    page,
                    key=page.key if first else f"{page.key}#partie-{number}",
                    title=f"{page.title} ({number}/{len(bodies)})",
                    body=body,
                    old=page.old if first else (),
                    name=f"{page.name or page.title}-{number}" if not first else page.name,
                    seen=page.seen if first else Seen(),
                    part_of="" if first else page.key,
                )
            )
    return out


def _outlined(
    pages: list[Page], paths: dict[str, str]
) -> tuple[dict[str, outline.Anchored], dict[tuple[str, str], str]]:
    """Each page's body with its headings renumbered and the anchors other pages (or itself)
    link to made (see ``outline``); and, for a page cut in parts, the part each anchor went
    to."""
    parts: dict[str, list[Page]] = {}
    for page in pages:
        parts.setdefault(page.part_of or page.key, []).append(page)
    wanted: dict[str, set[str]] = {}
    moved: dict[tuple[str, str], str] = {}
    for page in pages:
        for found in TOKEN.finditer(page.body):
            key, anchor = unquote(found.group(1)), unquote(found.group(2) or "")
            if not anchor:
                continue
            holders = parts.get(key, [])
            holder = next((p.key for p in holders if outline.holds(p.body, anchor)), key)
            wanted.setdefault(holder, set()).add(anchor)
            if holder != key:
                moved[(key, anchor)] = holder
    outlined = {
        page.key: outline.placed(
            page.body,
            wanted.get(page.key, set()),
            posixpath.basename(paths[page.key]).removesuffix(".md"),
        )
        for page in pages
    }
    return outlined, moved


@dataclass(frozen=True)
class Placed:
    """Where everything the bodies' tokens name ended up."""

    paths: dict[str, str]  # page key → its article
    media: dict[int, str]  # file index → its copy
    outlined: dict[str, outline.Anchored]  # page key → its body, headings and anchors made
    moved: dict[tuple[str, str], str]  # (page key, anchor) → the part of a cut page holding it
    titles: dict[str, str]  # page key → its title
    drafts: frozenset[str]  # the keys of the pages imported as drafts (not published)


def _resolve(page: Page, path: str, placed: Placed, outcome: Outcome) -> tuple[str, int]:
    """The page's body with every token resolved; how many links lead to a page."""
    paths, media, outlined, moved = placed.paths, placed.media, placed.outlined, placed.moved
    folder = posixpath.dirname(path)
    resolved = 0

    def link(match: re.Match[str]) -> str:
        key, anchor = unquote(match.group(1)), unquote(match.group(2) or "")
        key = moved.get((key, anchor), key)
        target = paths.get(key)
        if target is None:  # a page left out (never, unless a reader names one it skipped)
            outcome.notes.append(Note(page.source, 1, f"lien vers {key} : page non importée."))
            return "#"
        nonlocal resolved
        resolved += 1
        relative = posixpath.relpath(target, folder)
        fragment = outlined[key].fragments.get(anchor, "") if anchor else ""
        if anchor and not fragment:
            outcome.notes.append(
                Note(page.source, 1, f"ancre #{anchor} absente de {target} : lien vers la page.")
            )
        return relative + (f"#{fragment}" if fragment else "")

    def file(match: re.Match[str]) -> str:
        return posixpath.relpath(media[int(match.group(1))], folder)

    def titled(match: re.Match[str]) -> str:
        found = placed.titles.get(unquote(match.group(1)))
        return (
            f"[{escape_text(found or unquote(match.group(1)))}]({match.group(0).split('](', 1)[1]}"
        )

    def unpublished(match: re.Match[str]) -> str:
        key = unquote(match.group(2))
        if key not in placed.drafts or page.draft:
            return match.group(0)
        outcome.notes.append(
            Note(page.source, 1, f"lien vers {key}, importée en brouillon : son texte gardé.")
        )
        return match.group(1)

    body = CARD.sub(titled, outlined[page.key].body)
    body = LINKED_PAGE.sub(unpublished, body)
    body = _without_definitions_of(body, placed.drafts if not page.draft else frozenset())
    body = TOKEN.sub(link, body)
    return re.sub(re.escape(FILE) + r"(\d+)", file, body), resolved


def _old_addresses(
    pages: list[Page], outcome: Outcome
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Each page's old addresses the base can answer: valid, and each claimed once (« /a/ »
    and « /a » are one address; the first page in the source's order keeps it); and how
    many of each page's old addresses will answer with it."""
    claimed: dict[str, str] = {}  # the file (or query) an address answers at → its page
    kept: dict[str, list[str]] = {}
    answering: dict[str, int] = {}
    for page in pages:
        for old in dict.fromkeys(page.old):
            address, refusal = addresses.parse(old)
            if address is None:
                outcome.notes.append(
                    Note(page.source, 1, f"ancienne adresse {old[:80]} non gardée : {refusal}.")
                )
                continue
            answered = f"?{address.query}" if address.query else address.file
            if answered not in claimed:
                claimed[answered] = page.key
                kept.setdefault(page.key, []).append(old)
            elif claimed[answered] != page.key:
                outcome.notes.append(
                    Note(
                        page.source, 1, f"ancienne adresse {old[:80]} déjà celle d’une autre page."
                    )
                )
                continue
            answering[page.key] = answering.get(page.key, 0) + 1
    return kept, answering


def _without_definitions_of(body: str, drafts: frozenset[str]) -> str:
    """``body`` without its reference definitions naming a draft page; the links using them
    keep their text."""
    from .blocks import DEFINITION

    labels = set()

    def definition(match: re.Match[str]) -> str:
        target = match.group("target")
        if target.startswith(LINK) and unquote(target[len(LINK) :].split("#")[0]) in drafts:
            labels.add(" ".join(match.group("label").split()).casefold())
            return ""
        return match.group(0)

    body = DEFINITION.sub(definition, body)
    if not labels:
        return body

    def usage(match: re.Match[str]) -> str:
        label = " ".join((match.group(2) or match.group(1)).split()).casefold()
        return match.group(1) if label in labels else match.group(0)

    return re.sub(r"(?<![!\]])\[([^\]\n]+)\](?:\[([^\]\n]*)\])?(?![(:])", usage, body)


def _text(value: str) -> str:
    """A YAML double-quoted scalar (JSON's), without any character a text field refuses
    (control characters, noncharacters, bidirectional overrides)."""
    clean = "".join(" " if c.isspace() else c for c in value if not control_character(c.strip()))
    return json.dumps(" ".join(clean.split()), ensure_ascii=False)


def _cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut after a whole word, with « … »."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    word = head.rsplit(" ", 1)[0] if " " in head else head
    return word.rstrip(" ,;:.-–—") + "…"


def _front_matter(
    page: Page,
    body: str,
    categories: dict[str, str],
    authors: dict[str, str],
    default_author: str,
    orders: dict[str, int],
    parents: dict[str, str],
    olds: dict[str, list[str]],
    dates: Dates,
    outcome: Outcome,
) -> str:
    date = page.date
    if date is None:
        date = dates.today
        outcome.notes.append(Note(page.source, 1, f"aucune date dans la source : {date} mis."))
    keys = [authors[a] for a in page.authors] or [default_author]
    if not page.authors:
        outcome.notes.append(
            Note(page.source, 1, f"aucun auteur dans la source : « {default_author} » mis.")
        )
    title = _cut(with_spaces(page.title), TITLE_MAX) or "Sans titre"
    if len(" ".join(with_spaces(page.title).split())) > TITLE_MAX:
        outcome.notes.append(
            Note(page.source, 1, f"titre de plus de {TITLE_MAX} caractères coupé : « {title} ».")
        )
    lines = [
        f"title: {_text(title)}",
        f"description: {_text(description(page, body, outcome))}",
        f"date: {date.isoformat()}",
    ]
    if page.updated and page.updated > date:
        lines.append(f"updated: {page.updated.isoformat()}")
    if dates.reviewed is not None and dates.reviewed >= max(date, page.updated or date):
        lines.append(f"reviewed: {dates.reviewed.isoformat()}")
    lines.append(f"authors: [{', '.join(dict.fromkeys(keys))}]")
    lines.append(f"category: {categories[page.category]}")
    tags = [
        t if slugify(t) not in RESERVED else f"{t} (mot-clé)"  # « index » names a site page
        for t in dict.fromkeys(" ".join(t.split()) for t in page.tags)
        if slugify(t)
    ]
    if len(tags) > TAGS_MAX:
        outcome.notes.append(
            Note(
                page.source,
                1,
                f"{len(tags)} mots-clés ; les {TAGS_MAX} premiers gardés, laissés : "
                + ", ".join(tags[TAGS_MAX:])[:200],
            )
        )
        tags = tags[:TAGS_MAX]
    if tags:
        lines.append(f"tags: [{', '.join(_text(t[:60]) for t in tags)}]")
    if page.key in orders:
        lines.append(f"order: {orders[page.key]}")
    if page.key in parents:
        lines.append(f"parent: {parents[page.key]}")
    if page.draft:
        lines.append("draft: true")
    kept = olds.get(page.key, [])
    if kept:
        lines.append("redirect_from:")
        lines.extend(f"  - {_text(old)}" for old in kept)
    return "\n".join(lines) + "\n"


def plain(markdown: str) -> str:
    """The page's text as a reader reads it: no code, markup, directives or links' targets."""
    text = re.sub(r"^(```|~~~|:::).*?^\1\S*\s*$", " ", markdown, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(
        r"^:{3,}.*$|^:\w+:.*$|^#+ .*$|^\s*[-*+] \[[ xX]\] |^\[\^[^\]]+\]:.*$|^---$|^\(.*\)=$",
        " ",
        text,
        flags=re.MULTILINE,
    )
    text = re.sub(r"\[\^[^\]]+\]", "", text)  # footnote calls
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)|\{[\w:-]+\}`[^`]*`|<[^>]+>", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"[*_]{1,3}([^*_]+)[*_]{1,3}", r"\1", text)
    text = re.sub(r"^\s*(?:[-*+>]|\d+[.)])\s+", "", text, flags=re.MULTILINE)
    return " ".join(text.replace("\\", "").split())


def description(page: Page, body: str, outcome: Outcome) -> str:
    """The source's own description when it fits; else the page's first sentence (joined to
    the next ones by « ; » while it is too short, cut at a word when too long)."""
    own = with_spaces(" ".join(page.description.split()))
    if DESCRIPTION_MIN <= len(own) <= DESCRIPTION_MAX and not SENTENCE_END.search(own):
        return own
    text = plain(body) or own or page.title
    # French spacing, as check asks of a description: « x: y » (code, a URL's text) is « x : y ».
    text = re.sub(r"(?<=[^\s:;!?])([:;!?]+)(?=\s|$)", r" \1", text)
    title = with_spaces(page.title)
    sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    found = ""
    for sentence in sentences:
        found = f"{found} ; {sentence[0].lower()}{sentence[1:]}" if found else sentence
        if len(found) >= DESCRIPTION_MIN:
            break
    found = found.rstrip(" ;:,")
    if len(found) > DESCRIPTION_MAX:
        found = found[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(" ;:,.") + "…"
    if len(found) < DESCRIPTION_MIN:
        found = f"{title} : {found}".strip(" :") if found != title else found
    if len(found) < DESCRIPTION_MIN:
        found = f"{found} (page reprise de {page.source})"[:DESCRIPTION_MAX]
        outcome.notes.append(
            Note(
                page.source, 1, "page presque vide : description à écrire (champ « description »)."
            )
        )
    # One sentence, as check asks: « F. Axon » (a letter's full stop) is « F. axon ».
    return SECOND_SENTENCE.sub(lambda m: m.group(0)[:-1] + m.group(0)[-1].lower(), found)


def _through_link(root: Path, path: Path) -> str:
    """The part of ``path`` (under ``root``) that is a symbolic link, or "": the import
    writes only inside the base, never through a link (a linked medias/ or articles/)."""
    here = root
    for part in path.relative_to(root).parts:
        here = here / part
        if here.is_symlink():
            return here.relative_to(root).as_posix()
    return ""


def _write(root: Path, relative: str, data: bytes, outcome: Outcome) -> None:
    path = root / relative
    shown = path.as_posix()
    link = _through_link(root, path)
    if link:
        outcome.notes.append(
            Note(relative, 1, f"{link} est un lien symbolique : rien n’est écrit à travers.")
        )
        return
    if path.exists():
        if path.is_file() and path.read_bytes() == data:
            outcome.unchanged.append(shown)
        else:
            outcome.kept.append(shown)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    outcome.written.append(shown)


def _append(
    root: Path,
    relative: str,
    entries: dict[str, dict[str, object]],
    known: dict[str, str],
    outcome: Outcome,
) -> None:
    """New entries appended as text to a data file (its comments and order kept)."""
    new = {key: value for key, value in entries.items() if key not in known}
    if not new:
        return
    path = root / relative
    link = _through_link(root, path)
    if link:
        outcome.notes.append(
            Note(relative, 1, f"{link} est un lien symbolique : rien n’est écrit à travers.")
        )
        return
    text = path.read_text("utf-8") if path.is_file() else ""
    dumped = yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=100)
    if text and not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + dumped, "utf-8")
    outcome.written.append(path.as_posix())
