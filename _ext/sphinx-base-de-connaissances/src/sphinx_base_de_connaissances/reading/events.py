"""Reading phase: validate each article as Sphinx reads it, and keep the dependants fresh.

- ``source-read``: the front matter of every article is validated; each problem is a warning
  located at its file and line (the strict build fails); the `Article` goes into the domain.
- ``env-get-outdated``: when a vocabulary key was added or removed, every article is read
  again (re-validated); the last build's sources are kept (``records.Read``).
- ``env-get-updated``: each page's record (``content.views``: what it shows besides its own
  text) is made from the last build's sources and from this one's; the pages whose records
  differ are written again (not read again). No rule per kind of change: a part a page shows
  is in its record, or a test building incrementally and cleanly finds it.
- ``env-check-consistency``: problems across articles (duplicate slugs).
"""

from __future__ import annotations

import dataclasses
import math
import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .._compat import current_docname
from ..clock import today
from ..content import frontmatter, hierarchy, history
from ..content.collection import duplicate_slugs, file_problems, size_problems, without_body
from ..content.history import History
from ..content.obligations import Obligations
from ..content.paths import Paths
from ..content.permalinks import redirect_problems
from ..content.schema import parse_article
from ..content.text import character_problems, without_unwritable
from ..content.typography import french_spacing
from ..content.views import Views, changed, scored
from ..content.vocab import Vocabulary
from ..diagnostics import report
from ..settings import Settings
from ..source.boundary import Boundary
from . import citations, glossary, safety
from .domain import domain
from .formulas import check_formulas
from .records import Read


class Reading:
    """Per-application state of one build; nothing here is document data."""

    def __init__(self) -> None:
        self.settings = Settings()  # the build's, from config-inited
        self.vocab = Vocabulary()
        self.obligations = Obligations()  # the publisher's: shown in every page's footer
        self.paths = Paths()
        self.last = Read(today())  # what the last build's pages were made from
        self.read = self.last  # what this build's pages are made from
        self.now: Views | None = None  # this build's page records
        self.reread: set[str] = set()  # the documents this build reads again
        self.history = History()  # the repository's, collected once per build
        # The front matter titles of the pages being read (not articles): shown as text.
        self.page_titles: dict[str, str | None] = {}
        self.removed: set[str] = set()  # documents deleted since the last build
        # What a page may name: set when the builder is known (its folders are private).
        self.boundary = Boundary.of(".")

    def is_article(self, app: Sphinx, docname: str) -> bool:
        return self.settings.is_article(docname)

    def shown_path(self, app: Sphinx, docname: str) -> str:
        return Path(app.env.doc2path(docname)).relative_to(app.srcdir).as_posix()

    def source_read(self, app: Sphinx, docname: str, content: list[str]) -> None:
        path = self.shown_path(app, docname)
        for problem in character_problems(path, content[0]):
            report(problem, docname)
        # What no output can carry is never read further (feeds, sitemap, EPUB stay XML).
        text = content[0] = without_unwritable(content[0])
        # Any page past the bounds is reported and never parsed: its front matter alone is read.
        too_large = size_problems(path, text)
        if too_large:
            text = content[0] = without_body(text)
        if not self.is_article(app, docname):
            for problem in too_large:
                report(problem, docname)
            if text.startswith(frontmatter.FENCE):
                front, problems = frontmatter.parse(path, text)
                for problem in problems:
                    report(problem, docname)
                self.page_titles[docname] = frontmatter.title_of(front)
            return
        article, problems = parse_article(path, docname, text, self.vocab, on=today())
        for problem in file_problems(path, docname) + too_large + problems:
            report(problem, docname)
        if article is not None:
            domain(app.env).articles[docname] = history.apply(article, self.history.files.get(path))

    def secure(self, app: Sphinx, doctree: nodes.document) -> None:
        """Before Sphinx's collectors (title, metadata, images, downloads): every page's
        untrusted parts inert, and no file from outside the boundary."""
        docname = current_docname(app.env)
        if self.is_article(app, docname):
            article = domain(app.env).articles.get(docname)
            safety.title_as_text(doctree, article.title if article else None)
        elif self.page_titles.get(docname) is not None:  # another page's front matter title
            safety.title_as_text(doctree, self.page_titles.pop(docname))
        folder = Path(app.env.doc2path(docname)).parent
        safety.sanitize_raw_html(doctree, posixpath.dirname(docname), self.settings.html_classes)
        safety.refuse_head_writers(doctree, docname)
        safety.refuse_foreign_classes(
            doctree, docname, self.settings.html_classes, app.env.domains.keys()
        )
        safety.refuse_dangerous_targets(doctree)
        safety.refuse_files(doctree, self.boundary, folder)
        safety.refuse_long_code(doctree)
        safety.refuse_leftovers(doctree)
        safety.require_alt_text(doctree)
        check_formulas(doctree)
        safety.refuse_outside_reads(app, docname, doctree, self.boundary)

    def doctree_read(self, app: Sphinx, doctree: object) -> None:
        docname = current_docname(app.env)
        if self.is_article(app, docname):
            # Articles reach readers through listings and the kb navigation: no toctree to
            # edit when adding one, and none that grows with the article count.
            app.env.metadata[docname]["orphan"] = True
        # What every page shows or shares of its description (the <meta> tag, the share
        # footer's e-mail) follows the French spacing rule, as the article's own fields do.
        meta = app.env.metadata[docname]
        if isinstance(meta.get("description"), str):
            meta["description"] = french_spacing(meta["description"])
        kb = domain(app.env)
        # Links to articles: « Cité dans » counts those of articles, previews show them all.
        found = citations.find(doctree, docname)  # type: ignore[arg-type]
        if found:
            kb.citations[docname] = found
        used = glossary.uses(doctree)  # type: ignore[arg-type]
        if used:
            kb.term_uses[docname] = used
        kb.terms.update(glossary.entries(doctree, docname))  # type: ignore[arg-type]
        store = kb.articles
        if docname in store:
            words = app.env.metadata[docname].get("wordcount", {}).get("words", 0)
            minutes = max(1, math.ceil(words / self.settings.words_per_minute))
            store[docname] = dataclasses.replace(store[docname], reading_minutes=minutes)

    def get_outdated(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: set[str],
        changed: set[str],
        removed: set[str],
    ) -> list[str]:
        kb = domain(env)
        self.removed = set(removed)  # their pages go, even when this build fails
        self.last, self.now = Read.last(env, today()), None
        self.reread = set(added) | set(changed)
        # A file's history can change without the file (.mailmap, .git-blame-ignore-revs):
        # its article is read again with the new one.
        before_history, now = kb.data.get("history", {}), self.history.files
        kb.data["history"] = dict(now)
        moved = [
            name
            for name in kb.articles
            if before_history.get(path := self.shown_path(app, name)) != now.get(path)
        ]
        old, new = kb.data["vocabulary"], self.vocab.snapshot()
        if not isinstance(old, dict) or any(old.get(k, {}).keys() != new[k].keys() for k in new):
            # A key added or removed: articles are checked against the keys when read.
            moved = [
                name for name in env.found_docs if self.is_article(app, name) or name in kb.listings
            ]
        self.reread.update(moved)
        return moved

    def views(self, env: BuildEnvironment) -> Views:
        """This build's page records, made once all documents are read."""
        if self.now is None:
            self.read = Read.now(
                env, today(), self.vocab.snapshot(), self.paths.paths, self.obligations.fingerprint
            )
            self.now = Views(self.read.sources(env, self.settings))
            self.read.remember(env)
        return self.now

    def get_updated(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """The pages not read again whose record (what they show besides their own text)
        differs from the last build's: they are written again."""
        after = self.views(env)
        kb = domain(env)
        if self.read == self.last:  # the same sources make the same records (no change)
            return []
        before = Views(self.last.sources(env, self.settings))
        related = scored(before.sources.catalog, after.sources.catalog)
        pages = changed(before, after, env.found_docs - self.reread, related)
        # The related blocks ranked now, kept for the next build's records of this one; the
        # others are the same as the last build's (``scored``).
        articles = after.sources.catalog.by_docname
        kept = {k: v for k, v in self.last.ranked.items() if k in articles and k not in related}
        kb.data["related"] = kept | after.ranked(related | (self.reread & articles.keys()))
        return sorted(pages)

    def check_consistency(self, app: Sphinx, env: BuildEnvironment) -> None:
        articles = domain(env).articles
        by_slug: dict[str, list[str]] = {}
        for name, article in articles.items():
            by_slug.setdefault(article.slug, []).append(name)
        # Paths only for the articles whose slug is shared (10,000 paths cost half a second).
        by_path = {
            self.shown_path(app, name): name
            for names in by_slug.values()
            if len(names) > 1
            for name in names
        }
        pairs = [(path, articles[name]) for path, name in by_path.items()]
        for problem in duplicate_slugs(pairs):
            report(problem, by_path[problem.path])
        # Redirects (the few articles that have them) and parents: named by docname.
        moved = [(name, a) for name, a in articles.items() if a.redirect_from]
        problems = redirect_problems(moved, env.found_docs, self.settings.articles_dir)
        for problem in problems + hierarchy.problems(articles.items()):
            report(problem, problem.path)
