"""The extension's options, declared once: name, default, rebuild, accepted values, description,
and whether the option changes site-wide outputs (generated pages, feeds, sitemap, cards).

``register`` gives them to Sphinx; ``problems`` checks a configuration at ``config-inited``, so
that a bad value stops the build with a message naming the option, the value and what is
expected, never a traceback later. The README's option list is tested against ``OPTIONS``.
No Sphinx import here: the table is plain data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any


@dataclass(frozen=True)
class Accepts:
    """What an option accepts: its Python types (for Sphinx) and a test of its value."""

    types: frozenset[type]
    expected: str  # in French, after "attendu :"
    test: Callable[[Any], bool]


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _folder(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip("/ "):
        return False
    path = PurePosixPath(value)
    return not path.is_absolute() and ".." not in path.parts


def _links(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(
        isinstance(pair, list | tuple)
        and len(pair) == 2
        and all(isinstance(p, str) and p for p in pair)
        for pair in value
    )


BOOLEAN = Accepts(frozenset({bool}), "True ou False", lambda value: isinstance(value, bool))
TEXT = Accepts(frozenset({str}), "du texte", lambda value: isinstance(value, str))
COUNT = Accepts(frozenset({int}), "un nombre entier supérieur ou égal à 1", _positive_int)
FOLDER = Accepts(
    frozenset({str}),
    'un dossier relatif au dossier source, sans « .. », par exemple "articles"',
    _folder,
)
CMS = Accepts(
    frozenset({str}),
    '"decap" (l’espace d’écriture sous admin/) ou "" (aucun)',
    lambda value: value in {"", "decap"},
)
BRANCH = Accepts(
    frozenset({str}),
    'un nom de branche, par exemple "main"',
    lambda value: isinstance(value, str) and bool(value.strip()) and " " not in value,
)
LOCALE = Accepts(
    frozenset({str}),
    'une région du français, par exemple "fr_FR", "fr_BE", "fr_CA" ou "fr_CH"',
    lambda value: isinstance(value, str) and re.fullmatch(r"fr_[A-Z]{2}", value) is not None,
)
CLASSES = Accepts(
    frozenset({list, tuple}),
    'une liste de noms de classes CSS, par exemple ["encadre", "carte"]',
    lambda value: (
        isinstance(value, list | tuple)
        and all(isinstance(v, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", v) for v in value)
    ),
)
LINKS = Accepts(
    frozenset({list, tuple}),
    'une liste de paires [page, libellé], par exemple [["archives", "Archives"]]',
    _links,
)


@dataclass(frozen=True)
class Option:
    name: str
    default: object
    rebuild: str  # Sphinx's: "env" re-reads every document, "html" rewrites every page, "" none
    accepts: Accepts
    description: str
    site_wide: bool = False  # shown by generated pages, feeds, sitemap or cards


OPTIONS: tuple[Option, ...] = (
    Option(
        "kb_articles_dir",
        "articles",
        "env",
        FOLDER,
        "Folder of the articles, relative to the source folder.",
    ),
    Option("kb_data_dir", "data", "env", FOLDER, "Folder of categories.yml and authors.yml."),
    Option(
        "kb_locale",
        "fr_FR",
        "html",
        LOCALE,
        "The French of the readers, for networks and browsers (og:locale).",
    ),
    Option("kb_preview", False, "env", BOOLEAN, "Build and list drafts and future-dated articles."),
    Option(
        "kb_publication",
        False,
        "",
        BOOLEAN,
        "This build will be published: a value still the starter's or an example's (the site's "
        "address, the repository, a contact) fails it; otherwise it is mentioned once.",
    ),
    Option(
        "kb_offline",
        False,
        "html",
        BOOLEAN,
        "Publish the offline edition (PDF and EPUB of the base and of each reading path) in "
        "telechargements/, linked from {kb-downloads} and the path pages (html builder).",
        site_wide=True,
    ),
    Option(
        "kb_html_classes",
        [],
        "env",
        CLASSES,
        "CSS classes that raw HTML and directives' :class: may carry in the base's pages "
        "(any other class is refused, beside the structural ones and admonition kinds).",
    ),
    Option("kb_words_per_minute", 200, "env", COUNT, "Reading speed used for the reading time."),
    Option(
        "kb_site_description",
        "",
        "html",
        TEXT,
        "Description of the site, for feeds.",
        site_wide=True,
    ),
    Option(
        "kb_feed_rights",
        "",
        "html",
        TEXT,
        "License statement of the feeds (Atom rights, RSS copyright).",
        site_wide=True,
    ),
    Option(
        "kb_nav_limit",
        10,
        "html",
        COUNT,
        "Articles listed in the sidebar navigation.",
        site_wide=True,
    ),
    Option(
        "kb_nav_links",
        [["archives", "Archives"], ["tags/index", "Mots-clés"]],
        "html",
        LINKS,
        "[pagename, label] pairs at the end of the navigation.",
        site_wide=True,
    ),
    Option(
        "kb_page_size",
        50,
        "html",
        COUNT,
        "Articles per page of a generated listing.",
        site_wide=True,
    ),
    Option(
        "kb_review_after_months",
        18,
        "html",
        COUNT,
        "Months after its last review (reviewed, else updated, else date) when an article's "
        "page says that some information may be out of date.",
    ),
    Option(
        "kb_repository_url",
        "",
        "html",
        TEXT,
        "Web address of the repository: each article links to its file's editor there and to "
        "a new issue (« Proposer une modification », « Signaler une erreur »); none when empty.",
    ),
    Option(
        "kb_cms",
        "",
        "",
        CMS,
        'The editing space under admin/ of the built site ("decap": Decap CMS, pinned, '
        "served from the site; decision 0030): writers edit articles in the browser and each "
        "save becomes a pull request of kb_repository_url; none when empty.",
    ),
    Option(
        "kb_cms_app_id",
        "",
        "",
        TEXT,
        "The editing space's OAuth application (its client ID) on GitLab or Forgejo, which "
        "writers sign in with from the browser (PKCE, no server).",
    ),
    Option(
        "kb_cms_auth_url",
        "",
        "",
        TEXT,
        "The editing space's OAuth relay for GitHub (GitHub signs in only through a server "
        "holding the OAuth application's secret); Decap CMS's default (Netlify) when empty.",
    ),
    Option(
        "kb_repository_branch",
        "main",
        "html",
        BRANCH,
        "Branch of the repository whose files the editor links open.",
    ),
    Option(
        "kb_search_background",
        False,
        "",
        BOOLEAN,
        "Index for search after the build returns, in a detached process (the live "
        "preview); the search page says while the index is behind.",
        site_wide=True,
    ),
    Option(
        "kb_search_shard_pages",
        2000,
        "",
        COUNT,
        "Pages per search index shard: an edit re-indexes only its shard.",
    ),
    Option(
        "kb_parallel_read_max",
        2000,
        "",
        COUNT,
        "With -j, documents to read above which reading is serial (the writing stays "
        "parallel): Sphinx's parallel reading costs more than it saves on large sites.",
    ),
)


# Options that changed their name: old → new. A base that still sets the old name builds as
# before, with a warning naming the new one (the changelog says when each was renamed).
RENAMED: dict[str, str] = {}
UNSET = object()  # the default of a renamed option: conf.py did not set it


def renamed(values: Callable[[str], Any]) -> list[tuple[str, str, str]]:
    """(old name, new name, French message) for each old name that conf.py still sets."""
    return [
        (
            old,
            new,
            f"option « {old} » renommée en « {new} » : elle est prise en compte, mais "
            f"écrivez « {new} » dans conf.py.",
        )
        for old, new in RENAMED.items()
        if values(old) is not UNSET
    ]


def problems(values: Callable[[str], Any], options: Iterable[Option] = OPTIONS) -> list[str]:
    """One French message per option whose value (``values(name)``) is not accepted."""
    return [message for _, message in refused(values, options)]


def refused(
    values: Callable[[str], Any], options: Iterable[Option] = OPTIONS
) -> list[tuple[str, str]]:
    """(name, French message) of each option whose value is not accepted."""
    return [
        (
            option.name,
            f"option « {option.name} » : valeur {values(option.name)!r} refusée ; "
            f"attendu : {option.accepts.expected}.",
        )
        for option in options
        if not option.accepts.test(values(option.name))
    ]


def unknown(names: Iterable[str], prefix: str = "kb_") -> list[str]:
    """A French message for each name of ``names`` that starts with ``prefix`` but is no
    option (a typo would otherwise be ignored without a word), with the closest known one."""
    known = [option.name for option in OPTIONS] + list(RENAMED)
    messages = []
    for name in sorted(names):
        if name.startswith(prefix) and name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f" ; vouliez-vous dire {close[0]} ?" if close else ""
            messages.append(f"{name} : option inconnue{hint}")
    return messages


def default(name: str) -> object:
    return next(option.default for option in OPTIONS if option.name == name)


def site_wide(values: Callable[[str], Any], options: Iterable[Option] = OPTIONS) -> str:
    """The values of the options that site-wide outputs show, for their digest."""
    return repr([(option.name, values(option.name)) for option in options if option.site_wide])
