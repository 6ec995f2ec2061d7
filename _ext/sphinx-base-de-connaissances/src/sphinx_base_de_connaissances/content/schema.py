"""What a valid article is: one typed `Article` per file, or French problems with their lines.

Pure Python: used by the Sphinx extension and by the standalone check
(`python -m sphinx_base_de_connaissances check`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from . import addresses, frontmatter
from .frontmatter import FrontMatter, Problem
from .sanitize import url_refusal
from .slugs import RESERVED, is_slug, slugify, tag_label
from .text import read_text
from .typography import french_spacing
from .vocab import Vocabulary

DESCRIPTION_MIN, DESCRIPTION_MAX = 30, 200
TITLE_MAX = 120
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A sentence end followed by another sentence: "…fin. Une autre…".
# A number's full stop (« 1. Phase… ») ends no sentence.
SECOND_SENTENCE = re.compile(r"(?:(?<![0-9])\.|[!?…])\s+[A-ZÀ-ÖØ-Þ]")
ORDER_MAX = 100_000
DATE_EXAMPLE = "une date AAAA-MM-JJ, par exemple 2026-11-27"


@dataclass(frozen=True)
class Tag:
    slug: str
    label: str


@dataclass(frozen=True)
class Article:
    """One article, as every part of the site sees it."""

    docname: str
    slug: str
    title: str
    description: str
    date: dt.date
    category: str
    authors: tuple[str, ...]
    tags: tuple[Tag, ...] = ()
    updated: dt.date | None = None
    reviewed: dt.date | None = None
    draft: bool = False
    image: str = ""
    share: bool = True
    reading_minutes: int = 1
    contributors: tuple[str, ...] = ()  # the commit authors of its file (content.history)
    redirect_from: tuple[str, ...] = ()  # old ids whose pages send readers here
    order: int | None = None  # its place in its category, as writers set it (first: 1)
    parent: str = ""  # the slug of the article it sits under in its category (``hierarchy``)
    parent_line: int = 0  # where the front matter names it (for problems found later)

    @property
    def old_ids(self) -> tuple[str, ...]:
        """The ``redirect_from`` values that are former ids under the articles folder."""
        return tuple(old for old in self.redirect_from if not addresses.is_address(old))

    @property
    def old_addresses(self) -> tuple[str, ...]:
        """The ``redirect_from`` values that are addresses from the site's root."""
        return tuple(old for old in self.redirect_from if addresses.is_address(old))

    def preview_key(self) -> tuple[object, ...]:
        """What a link preview shows of this article (``writing.popovers``)."""
        return (self.title, self.description, self.date, self.category, self.reading_minutes)

    def listing_key(self) -> tuple[object, ...]:
        """What listings, feeds and related blocks show of this article (body excluded)."""
        return (
            self.slug,
            self.title,
            self.description,
            self.date,
            self.updated,
            self.category,
            self.authors,
            self.tags,
            self.draft,
            self.image,
            self.reading_minutes,
            self.redirect_from,
            self.order,
            self.parent,
        )


TAG_MAX = 60
TAGS_MAX = 20  # per article: each tag has a page, its feed and its place in every listing


class _Reader:
    """Reads one front matter, collecting every problem instead of stopping at the first."""

    def __init__(self, path: str, front: FrontMatter) -> None:
        self.path = path
        self.front = front
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, field: str, message: str) -> None:
        line = self.front.line(node) if node is not None else self.front.end_line
        self.problems.append(Problem(self.path, line, field, message))

    def text(self, node: yaml.Node, field: str) -> str | None:
        text = read_text(node)
        if text.control:
            message = f"caractère de contrôle {text.control} interdit ; retirez-le."
            self.problem(node, field, message)
            return None
        if text.not_text:
            self.problem(node, field, "attendu : du texte (mettez-le entre guillemets).")
            return None
        return text.value

    def date(self, node: yaml.Node, field: str) -> dt.date | None:
        value = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
        if ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problem(node, field, f"« {value} » n’existe pas ; attendu : {DATE_EXAMPLE}.")
                return None
        self.problem(node, field, f"« {value} » n’est pas une date ; attendu : {DATE_EXAMPLE}.")
        return None

    def boolean(self, node: yaml.Node, field: str) -> bool | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return str(node.value).lower() in {"true", "yes", "on"}
        self.problem(node, field, "attendu : true ou false.")
        return None

    def texts(self, node: yaml.Node, field: str, example: str) -> list[tuple[str, yaml.Node]]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, field, f"attendu : une liste, par exemple {example}.")
            return []
        result = []
        for item in node.value:
            value = self.text(item, field)
            if value:
                result.append((value, item))
        return result


def _choose(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
    return f"valeurs possibles : {', '.join(known)}.{hint}"


def _read_fields(reader: _Reader, vocab: Vocabulary) -> dict[str, object]:
    values: dict[str, object] = {}
    seen: set[str] = set()
    node = reader.front.node
    pairs = node.value if node is not None else []
    for key_node, value_node in pairs:
        key = str(key_node.value)
        if key in seen:
            reader.problem(key_node, key, "champ en double ; gardez-en un seul.")
            continue
        seen.add(key)
        handler = FIELDS.get(key)
        if handler is None:
            reader.problem(key_node, key, "champ inconnu ; " + _choose(key, sorted(FIELDS)))
            continue
        value = handler(reader, value_node, vocab)
        if value is not None:
            values[key] = value
    for key in REQUIRED:
        if key not in seen:
            reader.problem(None, key, f"champ obligatoire manquant ; attendu : {REQUIRED[key]}.")
    return values


def _title(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> str | None:
    value = reader.text(node, "title")
    if value is not None and not 0 < len(value) <= TITLE_MAX:
        reader.problem(node, "title", f"attendu : un titre de 1 à {TITLE_MAX} caractères.")
        return None
    return value


def _description(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> str | None:
    value = reader.text(node, "description")
    if value is None:
        return None
    if not DESCRIPTION_MIN <= len(value) <= DESCRIPTION_MAX:
        reader.problem(
            node,
            "description",
            f"{len(value)} caractères ; attendu : une phrase de "
            f"{DESCRIPTION_MIN} à {DESCRIPTION_MAX} caractères.",
        )
        return None
    if SECOND_SENTENCE.search(value):
        reader.problem(node, "description", "attendu : une seule phrase.")
        return None
    return value


def _category(reader: _Reader, node: yaml.Node, vocab: Vocabulary) -> str | None:
    value = reader.text(node, "category")
    if value is not None and value not in vocab.categories:
        reader.problem(
            node,
            "category",
            f"catégorie inconnue « {value} » ; " + _choose(value, sorted(vocab.categories)),
        )
        return None
    return value


def _authors(reader: _Reader, node: yaml.Node, vocab: Vocabulary) -> tuple[str, ...] | None:
    found = reader.texts(node, "authors", "[redaction]")
    authors = []
    for value, item in found:
        if value not in vocab.authors:
            hint = _choose(value, sorted(vocab.authors))
            message = f"auteur inconnu « {value} » (à déclarer dans data/authors.yml) ; {hint}"
            reader.problem(item, "authors", message)
        else:
            authors.append(value)
    if isinstance(node, yaml.SequenceNode) and not node.value:
        reader.problem(node, "authors", "attendu : au moins un auteur.")
    return tuple(dict.fromkeys(authors)) or None


def _tags(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> tuple[Tag, ...]:
    tags: dict[str, Tag] = {}
    for value, item in reader.texts(node, "tags", "[stratégie, réseaux sociaux]"):
        slug = slugify(value)
        if not slug:
            reader.problem(item, "tags", f"« {value} » ne contient ni lettre ni chiffre.")
            continue
        if len(value) > TAG_MAX:
            reader.problem(
                item,
                "tags",
                f"« {value[:40]}… » est trop long ; attendu : un "
                f"mot-clé de {TAG_MAX} caractères au plus.",
            )
            continue
        if slug in RESERVED:
            reader.problem(
                item,
                "tags",
                f"« {value} » est un nom réservé aux pages du site ; choisissez-en un autre.",
            )
            continue
        tags.setdefault(slug, Tag(slug, tag_label(value)))
    if len(tags) > TAGS_MAX:
        reader.problem(
            node,
            "tags",
            f"{len(tags)} mots-clés ; au plus {TAGS_MAX} : gardez ceux qui aident un lecteur à "
            "trouver l’article.",
        )
    return tuple(tags.values())


def _redirect_from(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> tuple[str, ...]:
    """Old ids of the article (its path under the articles folder, without ``.md``) and old
    addresses of the site (from its root: ``/guide/page.html``, ``/2015/03/titre/``,
    ``/?p=42``), each of which sends readers here."""
    ids: dict[str, None] = {}
    example = "[ancien-nom, dossier/ancien-nom, /ancienne/adresse.html]"
    for value, item in reader.texts(node, "redirect_from", example):
        if addresses.is_address(value):
            address, refusal = addresses.parse(value)
            if address is None:
                reader.problem(item, "redirect_from", f"« {value[:80]} » : {refusal}.")
                continue
        elif not all(is_slug(part) for part in value.split("/")):
            reader.problem(
                item,
                "redirect_from",
                f"« {value} » n’est ni un identifiant d’article (son ancien chemin sous "
                "articles/, sans .md : minuscules sans accent, chiffres, tirets, /) ni une "
                "ancienne adresse du site (commençant par /).",
            )
            continue
        ids.setdefault(value, None)
    return tuple(ids)


def _image(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> str | None:
    value = reader.text(node, "image")
    if value is not None and (refusal := url_refusal(value)) is not None:
        reader.problem(node, "image", refusal.message + ".")
        return None
    return value


def _order(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> int | None:
    value = node.value if isinstance(node, yaml.ScalarNode) else None
    number = str(value)
    digits = re.fullmatch(r"[0-9]{1,9}", number)  # not 5,000 of them: int() refuses those
    if node.tag == "tag:yaml.org,2002:int" and digits and 1 <= int(number) <= ORDER_MAX:
        return int(number)
    reader.problem(
        node,
        "order",
        f"« {str(value)[:40]} » ; attendu : un nombre entier de 1 à {ORDER_MAX}, la place de "
        "l’article dans sa catégorie (1 en premier).",
    )
    return None


def _parent(reader: _Reader, node: yaml.Node, _vocab: Vocabulary) -> str | None:
    value = reader.text(node, "parent")
    if value is None:
        return None
    if not all(is_slug(part) for part in value.split("/")):
        reader.problem(
            node,
            "parent",
            f"« {value[:80]} » ; attendu : le nom de l’article parent, son fichier sans .md "
            "(ou son chemin sous articles/), par exemple « prise-en-main ».",
        )
        return None
    return value.rsplit("/", 1)[-1]


Handler = Callable[[_Reader, yaml.Node, Vocabulary], object]


@dataclass(frozen=True)
class Field:
    """One front-matter field, declared once: how the build reads it, and how a writer is
    told of it (the editing space's form is made from these, ``outputs.cms``)."""

    name: str
    read: Handler
    kind: str  # one of KINDS: what sort of value a writer gives
    label: str  # what the form calls it, in French
    hint: str  # what the form says under it
    required: str = ""  # what a missing value's problem says is expected; "": optional
    default: object = None  # what an absent optional field means (a form shows it so)


# The sorts of value: text (one line), sentence (one sentence of DESCRIPTION_MIN to _MAX),
# date, category (one of data/categories.yml), authors (some of data/authors.yml), tags (a
# list of words), boolean, image (a path or an address), ids (a list of old names or
# addresses), number (a whole number), article (another article's name).
KINDS = frozenset(
    {"text", "sentence", "date", "category", "authors", "tags", "boolean", "image", "ids"}
    | {"number", "article"}
)


def _day(field: str) -> Handler:
    return lambda reader, node, _vocab: reader.date(node, field)


def _flag(field: str) -> Handler:
    return lambda reader, node, _vocab: reader.boolean(node, field)


DECLARED = (
    Field(
        "title",
        _title,
        "text",
        "Titre",
        f"Le titre de l’article, {TITLE_MAX} caractères au plus.",
        "le titre de l’article",
    ),
    Field(
        "description",
        _description,
        "sentence",
        "Description",
        f"Une seule phrase de {DESCRIPTION_MIN} à {DESCRIPTION_MAX} caractères : elle paraît "
        "dans les listes, les flux et les partages.",
        f"une phrase de {DESCRIPTION_MIN} à {DESCRIPTION_MAX} caractères",
    ),
    Field(
        "date",
        _day("date"),
        "date",
        "Date de publication",
        "L’article paraît ce jour-là, pas avant.",
        DATE_EXAMPLE,
    ),
    Field(
        "updated",
        _day("updated"),
        "date",
        "Mise à jour",
        "Le jour d’une mise à jour qui change le fond de l’article.",
    ),
    Field(
        "reviewed",
        _day("reviewed"),
        "date",
        "Relu le",
        "Le jour où l’article a été relu et jugé encore juste (pas dans le futur).",
    ),
    Field(
        "authors",
        _authors,
        "authors",
        "Auteurs",
        "Une ou plusieurs personnes déclarées dans data/authors.yml.",
        "une liste d’auteurs déclarés dans data/authors.yml, par exemple [redaction]",
    ),
    Field(
        "category",
        _category,
        "category",
        "Catégorie",
        "La catégorie où l’article est rangé (data/categories.yml).",
        "une catégorie déclarée dans data/categories.yml",
    ),
    Field(
        "tags",
        _tags,
        "tags",
        "Mots-clés",
        f"Des mots-clés qui aident un lecteur à trouver l’article, {TAGS_MAX} au plus.",
    ),
    Field(
        "draft",
        _flag("draft"),
        "boolean",
        "Brouillon",
        "Un brouillon n’est pas publié.",
        default=False,
    ),
    Field(
        "image",
        _image,
        "image",
        "Image de partage",
        "L’image montrée quand l’article est partagé ; sans elle, une carte est dessinée.",
    ),
    Field(
        "share",
        _flag("share"),
        "boolean",
        "Liens de partage",
        "Décochez pour ne pas montrer les liens de partage sous l’article.",
        default=True,
    ),
    Field(
        "redirect_from",
        _redirect_from,
        "ids",
        "Anciennes adresses",
        "Les anciens noms de l’article ou anciennes adresses (commençant par /) qui mènent ici.",
    ),
    Field(
        "order",
        _order,
        "number",
        "Place dans la catégorie",
        f"1 en premier ; de 1 à {ORDER_MAX}. Sans elle, les articles suivent leur date.",
    ),
    Field(
        "parent",
        _parent,
        "article",
        "Article parent",
        "Le nom du fichier (sans .md) de l’article sous lequel celui-ci se range.",
    ),
)
FIELDS: dict[str, Handler] = {field.name: field.read for field in DECLARED}
REQUIRED = {field.name: field.required for field in DECLARED if field.required}


def publication(path: str, front: FrontMatter) -> tuple[bool, dt.date | None, list[Problem]]:
    """(draft, date, problems): the two fields that decide whether an article is published,
    read exactly as the full validation reads them. A value the rule cannot read counts as a
    draft (never published by mistake) and is a problem."""
    reader = _Reader(path, front)
    pairs = front.node.value if front.node is not None else []
    values = {str(key.value): value for key, value in pairs}
    draft: bool | None = False
    if "draft" in values:
        draft = reader.boolean(values["draft"], "draft")
    day = reader.date(values["date"], "date") if "date" in values else None
    return draft is not False, day, reader.problems


def redirects(path: str, front: FrontMatter) -> tuple[str, ...]:
    """The valid old ids of ``redirect_from``, read as the full validation reads them (which
    reports the invalid ones)."""
    pairs = front.node.value if front.node is not None else []
    node = next((value for key, value in pairs if key.value == "redirect_from"), None)
    return _redirect_from(_Reader(path, front), node, Vocabulary()) if node is not None else ()


def parse_article(
    path: str, docname: str, text: str, vocab: Vocabulary, *, on: dt.date
) -> tuple[Article | None, list[Problem]]:
    """Validate the front matter of one article file; ``path`` is how problems name the file,
    ``on`` the build's today (a review cannot be dated after it)."""
    front, problems = frontmatter.parse(path, text)
    if front is None:
        return None, problems
    reader = _Reader(path, front)
    values = _read_fields(reader, vocab)
    updated, published = values.get("updated"), values.get("date")
    pairs = front.node.value if front.node is not None else []

    def node_of(field: str) -> yaml.Node:
        return next(value for key, value in pairs if key.value == field)

    for field in ("updated", "reviewed"):
        day = values.get(field)
        if isinstance(day, dt.date) and isinstance(published, dt.date) and day < published:
            reader.problem(
                node_of(field), field, "attendu : une date postérieure au champ « date »."
            )
    reviewed = values.get("reviewed")
    if isinstance(reviewed, dt.date) and reviewed > on:
        reader.problem(
            node_of("reviewed"),
            "reviewed",
            "date future ; attendu : le jour d’une relecture déjà faite.",
        )
    problems = reader.problems
    if problems:
        return None, problems
    slug = docname.rsplit("/", 1)[-1]
    return Article(
        docname=docname,
        slug=slug,
        # As readers see them, with French spacing (the lint reports what it cannot add).
        title=french_spacing(values["title"]),  # type: ignore[arg-type]
        description=french_spacing(values["description"]),  # type: ignore[arg-type]
        date=values["date"],  # type: ignore[arg-type]
        category=values["category"],  # type: ignore[arg-type]
        authors=values["authors"],  # type: ignore[arg-type]
        tags=values.get("tags", ()),  # type: ignore[arg-type]
        updated=updated,  # type: ignore[arg-type]
        reviewed=reviewed,  # type: ignore[arg-type]
        draft=bool(values.get("draft", False)),
        image=str(values.get("image", "")),
        share=bool(values.get("share", True)),
        redirect_from=values.get("redirect_from", ()),  # type: ignore[arg-type]
        order=values.get("order"),  # type: ignore[arg-type]
        parent=str(values.get("parent") or ""),
        parent_line=front.line(node_of("parent")) if "parent" in values else 0,
    ), []
