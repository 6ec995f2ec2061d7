"""The editing space (``admin/`` of the built site): Decap CMS, pinned, served from the site's
own origin (decision 0030), configured at each build from the base itself.

``config(...)`` is pure: the articles' fields come from the schema's declarations
(``content.schema.DECLARED``: a field added there appears in the form with no other change),
the categories and authors from ``data/``, the tags the base already uses as the hint of the
tags field; the reading paths' file is a form of its own, its articles chosen by title.
``write(...)`` puts the CMS's files, its page and its configuration into the output folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..content.paths import PATHS
from ..content.schema import DECLARED, DESCRIPTION_MAX, DESCRIPTION_MIN, ORDER_MAX, TITLE_MAX
from ..content.schema import Field as SchemaField
from ..content.slugs import SLUG
from ..content.vocab import Vocabulary
from ..state import write_whole
from . import npm

FOLDER = "admin"
MEDIA = "medias"  # where images a writer adds go (the importer's folder too)
DECAP = npm.Pinned(
    "decap-cms",
    "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
)
# The editing space's article format (admin/kb-admin-format.js) reads YAML with it.
JS_YAML = npm.Pinned(
    "js-yaml",
    "4.1.1",
    "sha512-qQKT4zQxXl8lLwBtHMWwaTcGfFOZviOJet3Oy/xmGk2gZH677CJM9EvtfdSkgWcATZhj/55JZ0rmy3myCT5lsA==",
)
FORMAT = "kb-frontmatter"  # what a writer did not change stays byte for byte
PATHS_FORMAT = "kb-paths"  # the reading paths' file, on the same principle
SCRIPTS = Path(__file__).parents[1] / "admin"  # the editing space's own scripts
# The article format (what a writer did not change stays byte for byte), the boxed notes'
# preview and the article's preview (figures, glossary terms, tables as the site writes them,
# in its stylesheet).
OWN_SCRIPTS = ("kb-admin-format.js", "kb-admin-blocks.js", "kb-admin-preview.js")
# Decap CMS's proxy for a local repository (``npx decap-server``): used only when the editing
# space is opened from this machine, never from the published site.
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
TAGS_SHOWN = 30  # the most used tags, named in the tags field's hint


# What each save says in the history and in the pull request it opens, in French.
COMMITS = {
    "create": "Nouvel article : {{slug}}",
    "update": "Article modifié : {{slug}}",
    "delete": "Article retiré : {{slug}}",
    "uploadMedia": "Image ajoutée : {{path}}",
    "deleteMedia": "Image retirée : {{path}}",
}


@dataclass(frozen=True)
class Repository:
    """Where saved drafts go (the forge, the repository, the branch) and how writers sign in
    there: an OAuth relay for GitHub (``auth``), an OAuth application's client ID for GitLab
    and Forgejo (``app_id``, PKCE from the browser)."""

    backend: str  # Decap's backend: github, gitlab, forgejo, gitea
    repo: str  # owner/name
    branch: str
    host: str  # the forge's address
    app_id: str = ""
    auth: str = ""

    @classmethod
    def of(cls, url: str, branch: str, app_id: str = "", auth: str = "") -> Repository | None:
        """From ``kb_repository_url`` (``https://github.com/owner/name``); None if unusable."""
        parts = urlsplit(url.strip())
        path = parts.path.strip("/").removesuffix(".git")
        if parts.scheme != "https" or path.count("/") < 1:
            return None
        host = parts.netloc.lower()
        if host == "github.com":
            backend = "github"
        elif "gitlab" in host:
            backend = "gitlab"
        elif host == "codeberg.org" or "forgejo" in host:
            backend = "forgejo"
        else:
            backend = "gitea"
        return cls(backend, path, branch, f"https://{host}", app_id, auth)

    def backend_config(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.backend, "repo": self.repo, "branch": self.branch}
        found["commit_messages"] = COMMITS
        if self.backend == "github":
            if self.auth:
                found["base_url"] = self.auth
        elif self.backend == "gitlab":
            found |= {"auth_type": "pkce", "base_url": self.host, "api_root": f"{self.host}/api/v4"}
        else:
            found |= {
                "base_url": self.host,
                "api_root": f"{self.host}/api/v1",
                "auth_endpoint": f"{self.host}/login/oauth/authorize",
            }
        if self.app_id and self.backend != "github":
            found["app_id"] = self.app_id
        return found


def widget(field: SchemaField, vocab: Vocabulary, tags: list[str]) -> dict[str, Any]:
    """The form's field for one front-matter field of the schema."""
    found: dict[str, Any] = {"name": field.name, "label": field.label, "hint": field.hint}
    if not field.required:
        found["required"] = False
    kind = field.kind
    if kind == "text":
        found |= {"widget": "string", "pattern": [f"^.{{1,{TITLE_MAX}}}$", field.hint]}
    elif kind == "sentence":
        pattern = f"^[^\\n]{{{DESCRIPTION_MIN},{DESCRIPTION_MAX}}}$"
        found |= {"widget": "text", "pattern": [pattern, field.hint]}
    elif kind == "date":
        found |= {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    elif kind == "category":
        options = [{"label": entry.name, "value": key} for key, entry in vocab.categories.items()]
        found |= {"widget": "select", "options": options}
    elif kind == "authors":
        options = [{"label": entry.name, "value": key} for key, entry in vocab.authors.items()]
        found |= {"widget": "select", "multiple": True, "min": 1, "options": options}
    elif kind == "tags":
        found |= {"widget": "list", "allow_add": True}
        if tags:
            shown = ", ".join(tags[:TAGS_SHOWN])
            found["hint"] = f"{field.hint} Déjà utilisés : {shown}."
    elif kind == "boolean":
        found |= {"widget": "boolean", "default": bool(field.default)}
    elif kind == "image":
        found |= {"widget": "image", "choose_url": True}
    elif kind == "ids":
        found |= {"widget": "list"}
    elif kind == "number":
        found |= {"widget": "number", "value_type": "int", "min": 1, "max": ORDER_MAX}
    elif kind == "article":
        found |= {
            "widget": "relation",
            "collection": "articles",
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
        }
    else:  # a kind the schema declares and the form does not know: never silent
        raise ValueError(f"field {field.name}: kind {kind!r} has no widget")
    return found


# The body in Markdown mode: the text as written (the rich editor would rewrite it), and the
# site's own blocks named in its hint, since that mode has no menu to insert them.
BODY = {
    "name": "body",
    "label": "Texte",
    "widget": "markdown",
    "modes": ["raw"],
    "hint": (
        "En Markdown. Une remarque : « :::{note} », le texte, puis « ::: » ; une figure : "
        "« :::{figure} /medias/image.png », « :alt: ce que montre l’image », la légende, "
        "« ::: » ; un terme du glossaire : {term}`terme`. L’aperçu les montre comme le site."
    ),
}


def reading_paths(data_dir: str, articles: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """``data/parcours.yml`` as a form: each path's key, title, description and its articles
    in reading order, chosen among the base's (id, title) by their titles."""
    choices = [{"label": title, "value": key} for key, title in articles]
    article = {"name": "article", "label": "Article", "widget": "select", "options": choices}
    fields = [
        {
            "name": "cle",
            "label": "Identifiant",
            "widget": "string",
            "hint": "Il forme l’adresse de la page du parcours : parcours/<identifiant>.html.",
            "pattern": [SLUG.pattern, "minuscules sans accent, chiffres et tirets"],
        },
        {"name": "title", "label": "Titre", "widget": "string"},
        {"name": "description", "label": "Description", "widget": "text", "required": False},
        {
            "name": "articles",
            "label": "Articles",
            "label_singular": "article",
            "hint": "Dans l’ordre de lecture ; faites glisser un article pour le déplacer.",
            "widget": "list",
            "collapsed": False,
            "field": article,
            "min": 1,
        },
    ]
    entry = {
        "name": "parcours",
        "label": "Parcours",
        "label_singular": "Parcours",
        "widget": "list",
        "summary": "{{fields.title}}",
        "collapsed": False,  # a base has a few paths: each shown whole
        "fields": fields,
    }
    return {
        "name": "parcours",
        "label": "Parcours de lecture",
        "file": f"{data_dir}/{PATHS}",
        "format": PATHS_FORMAT,
        "fields": [entry],
    }


def config(
    repository: Repository,
    articles_dir: str,
    vocab: Vocabulary,
    tags: list[str],
    site_url: str,
    glossaries: Iterable[str] = (),
    paths: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Decap CMS's configuration for this base (``config.yml``); ``paths``: the reading
    paths' form (``reading_paths``)."""
    fields = [widget(field, vocab, tags) for field in DECLARED]
    articles = {
        "name": "articles",
        "label": "Articles",
        "label_singular": "Article",
        "folder": articles_dir,
        "create": True,
        "extension": "md",
        "format": FORMAT,
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "sortable_fields": ["date", "title"],
        "fields": [*fields, BODY],
    }
    collections: list[dict[str, Any]] = [articles]
    pages = [
        {
            "name": name.replace("/", "-"),
            "label": "Glossaire",
            "file": f"{name}.md",
            "format": FORMAT,
        }
        | {"fields": [{"name": "title", "label": "Titre", "widget": "string"}, BODY]}
        for name in sorted(glossaries)
    ]
    if pages:
        collections.append(
            {"name": "glossaire", "label": "Glossaire", "format": FORMAT, "files": pages}
        )
    if paths:
        collections.append(
            {"name": "donnees", "label": "Données", "format": PATHS_FORMAT, "files": [paths]}
        )
    return {
        "backend": repository.backend_config(),
        "local_backend": {"url": LOCAL_PROXY, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": "fr",
        "publish_mode": "editorial_workflow",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": MEDIA,
        "public_folder": f"/{MEDIA}",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }


def policy(repository: Repository) -> str:
    """The editing space's own Content-Security-Policy: the site's origin, the forge's API
    and the local proxy. Decap CMS compiles its configuration's schema with ``new Function``
    ('unsafe-eval') and styles its components inline; readers' pages keep their own policy."""
    apis = {"github": "https://api.github.com", "gitlab": repository.host}
    api = apis.get(repository.backend, repository.host)
    connect = f"'self' blob: {api} {LOCAL_PROXY.rsplit('/api', 1)[0]} http://localhost:8081"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src {connect}",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def files() -> dict[str, bytes]:
    """The editing space's scripts: Decap CMS's bundle and the chunks it loads on demand (no
    source maps), js-yaml, and ours; by their names in ``admin/``."""
    decap = npm.members(
        npm.fetch(DECAP),
        lambda name: name.startswith("dist/") and name.endswith("decap-cms.js"),
    )
    found = {name.removeprefix("dist/"): data for name, data in decap.items()}
    yaml_reader = npm.members(npm.fetch(JS_YAML), lambda name: name == "dist/js-yaml.min.js")
    found["js-yaml.min.js"] = yaml_reader["dist/js-yaml.min.js"]
    for name in OWN_SCRIPTS:
        found[name] = (SCRIPTS / name).read_bytes()
    return found


def pins() -> str:
    """What the scripts are, for the build to know whether they changed."""
    own = "".join((SCRIPTS / name).read_text("utf-8") for name in OWN_SCRIPTS)
    return DECAP.integrity + JS_YAML.integrity + own


def admin_script(stylesheets: list[str]) -> bytes:
    """``kb-admin.js``: what absent fields mean (for the article format), the media folder
    (for the preview's images) and the site's own stylesheets in the preview pane."""
    defaults = {field.name: field.default for field in DECLARED if field.default is not None}
    lines = [f"window.kbAdmin = {json.dumps({'defaults': defaults, 'media': MEDIA})};"]
    lines += [f"CMS.registerPreviewStyle({json.dumps(url)});" for url in stylesheets]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write(
    outdir: Path,
    page: bytes,
    configuration: dict[str, Any],
    cms_files: dict[str, bytes],
    stylesheets: list[str],
) -> list[str]:
    """``admin/``: the page, the configuration, the CMS's files and the preview script;
    returns the files written, relative to ``outdir``."""
    text = yaml.safe_dump(configuration, allow_unicode=True, sort_keys=False, width=1000)
    written = {
        "index.html": page,
        "config.yml": text.encode("utf-8"),
        "kb-admin.js": admin_script(stylesheets),
        **cms_files,
    }
    for name, data in written.items():
        target = outdir / FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_whole(target, data)
    return [f"{FOLDER}/{name}" for name in sorted(written)]
