"""The articles of a source tree as a whole: file names, duplicate slugs, which ones are
published and what their front matter says of it.

Pure: the files are read by ``source/files.py``, shared by the build and the standalone check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import frontmatter, media, schema
from .frontmatter import Problem
from .schema import Article
from .slugs import is_slug


def file_problems(path: str, docname: str) -> list[Problem]:
    """Every part of the path is a slug (folders too: their names reach URLs and pages)."""
    *folders, slug = docname.split("/")
    problems = []
    for folder in folders[1:]:  # the first part is the articles folder itself
        if not is_slug(folder):
            message = (
                f"nom de dossier « {folder[:80]} » invalide ; attendu : lettres minuscules "
                "sans accent, chiffres et tirets, par exemple reseaux-sociaux/."
            )
            problems.append(Problem(path, 1, "", message))
    if not is_slug(slug):
        message = (
            f"nom de fichier « {slug[:80]}.md » invalide ; attendu : lettres minuscules sans "
            "accent, chiffres et tirets, par exemple strategie-de-contenu.md."
        )
        problems.append(Problem(path, 1, "", message))
    return problems


_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)


def size_problems(path: str, text: str) -> list[Problem]:
    """An article past the bounds every output can carry: its bytes, its headings."""
    size = len(text.encode("utf-8"))
    if size > media.MAX_ARTICLE_BYTES:
        return [
            Problem(
                path,
                1,
                "",
                f"article trop long : {size // 1000} ko ; au plus {media.MAX_ARTICLE_BYTES // 1000}"
                " ko (le site et l’édition hors ligne le composent en entier) : découpez-le en "
                "plusieurs articles, ou proposez la partie la plus longue en téléchargement.",
            )
        ]
    headings = len(_HEADING.findall(_FENCE.sub("", text)))
    if headings > media.MAX_ARTICLE_HEADINGS:
        return [
            Problem(
                path,
                1,
                "",
                f"{headings} titres dans l’article ; au plus {media.MAX_ARTICLE_HEADINGS} : "
                "découpez-le en plusieurs articles.",
            )
        ]
    return []


# Directives that write into the page's head or frame (the build refuses their nodes too):
# as a MyST fence (```{meta}, :::{title}) or inside an eval-rst block (.. meta::).
_HEAD_DIRECTIVE = re.compile(
    r"^ {0,3}(?:`{3,}|~{3,}|:{3,})[ \t]*\{(meta|title|header|footer)\}|^[ \t]*\.\.[ \t]+"
    r"(meta|title|header|footer)::",
    re.MULTILINE,
)


def head_problems(path: str, text: str) -> list[Problem]:
    """What would write into the page's head (a refresh to another site, robots, another
    share image) or replace its title: refused at its line, as the build refuses it."""
    return [
        Problem(
            path,
            text.count("\n", 0, found.start()) + 1,
            "",
            f"directive « {found.group(1) or found.group(2)} » refusée : l’en-tête et le titre "
            "de la page appartiennent au moteur (ils viennent du front matter).",
        )
        for found in _HEAD_DIRECTIVE.finditer(text)
    ]


def without_body(text: str) -> str:
    """The front matter of ``text`` alone: what the build reads of an article it refused."""
    found = frontmatter.split(text)
    if found is None:
        return ""
    _, end = found
    return "\n".join(text.splitlines()[:end]) + "\n"


def duplicate_slugs(articles: Iterable[tuple[str, Article]]) -> list[Problem]:
    """Two articles may not share a slug (their file name), even in different folders."""
    first: dict[str, str] = {}
    problems = []
    for path, article in sorted(articles, key=lambda pair: pair[0]):
        if article.slug in first:
            message = (
                f"l’identifiant « {article.slug} » est déjà celui de "
                f"{first[article.slug]} ; renommez l’un des deux fichiers."
            )
            problems.append(Problem(path, 1, "", message))
        else:
            first[article.slug] = path
    return problems


def is_public(draft: bool, day: dt.date | None, on: dt.date) -> bool:
    """The one publication rule: not a draft, and dated ``on`` or before. An article without
    a readable date is not published (the build reads it anyway, to say why)."""
    return not draft and day is not None and day <= on


def is_published(article: Article, on: dt.date) -> bool:
    return is_public(article.draft, article.date, on)


def publication(shown: str, text: str) -> tuple[bool, str, list[Problem], tuple[str, ...]]:
    """(hidden by its draft field, ISO date or "", problems, old ids it redirects from) from a
    front matter, with the schema's own reading of ``draft``, ``date`` and ``redirect_from``.
    Without a readable front matter the article is built, and the full validation reports
    why."""
    front, _ = frontmatter.parse(shown, text)
    if front is None or front.node is None:
        return False, "", [], ()
    draft, day, problems = schema.publication(shown, front)
    return draft, day.isoformat() if day else "", problems, schema.redirects(shown, front)


@dataclass(frozen=True)
class Publication:
    """What the build leaves out, and why it could not do otherwise."""

    hidden: list[str]  # drafts and future-dated articles: built only in preview
    unsafe: list[str]  # unreadable files and symbolic links: never built
    problems: dict[str, list[Problem]]  # docname → what the rule could not read
    renamed: dict[str, str] = field(default_factory=dict)  # old id → id, from redirect_from

    def unreported(self, preview: bool) -> list[Problem]:
        """Problems of the files the build will not read (it reports the others itself)."""
        left_out = set(self.unsafe) | (set() if preview else set(self.hidden))
        return [p for name in sorted(left_out) for p in self.problems.get(name, [])]
