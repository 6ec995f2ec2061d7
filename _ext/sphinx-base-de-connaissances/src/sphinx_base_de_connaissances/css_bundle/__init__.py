"""css_bundle: one small stylesheet per site instead of the theme's seven.

pydata-sphinx-theme sends 377 KB of CSS to every page, of which about a fifth can match
anything this site writes, plus ``basic.css`` through a chained ``@import``. Before pages are
written, this extension joins the stylesheets every page links (the theme's and those in
``css_files``) into ``_static/bundle.<hash>.css``, keeping only the rules whose classes and ids
can appear (see ``vocabulary``), and cuts the icon fonts it references to the glyphs left
(``_static/…/fa-solid-900.<hash>.woff2``). Every file it references carries its content hash,
so hosts may cache them for a year.

The theme's template must stop linking the bundled files itself: when the context has
``css_bundle``, skip the theme's own ``<link>``s (see this site's ``_templates/layout.html``).
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import _compat, cache, icons, options, purge, vocabulary

__version__ = "0.1.0"
logger = logging.getLogger(__name__)

HTML_BUILDERS = frozenset({"html", "dirhtml"})
CACHE = "css-bundle"
STATE = "css-bundle.json"
BUNDLE = re.compile(r"bundle\.[0-9a-f]{12}\.css")
HASHED = re.compile(r"\.[0-9a-f]{12}$")
NAMED = re.compile(r"[.#](-?[A-Za-z_][A-Za-z0-9_-]*)")


@dataclass
class Bundle:
    """What this build links: the bundle's path (under the output folder), what it replaces."""

    filename: str
    replaces: frozenset[str]
    problems: list[str] = field(default_factory=list)


def _doc_words(app: Sphinx, doctree: nodes.document) -> None:
    """Classes of a document's nodes and words of its raw HTML, kept per document."""
    found: set[str] = set()
    for node in doctree.findall(nodes.Element):
        found.update(node.get("classes", ()))
        if isinstance(node, nodes.raw) and "html" in node.get("format", "").split():
            found |= vocabulary.words(node.astext())
    store = _store(app.env)
    store[app.env.docname] = sorted(found)


def _store(env: BuildEnvironment) -> dict[str, list[str]]:
    if not hasattr(env, "css_bundle_words"):
        env.css_bundle_words = {}  # type: ignore[attr-defined]
    return env.css_bundle_words  # type: ignore[attr-defined]


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _store(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    mine, theirs = _store(env), _store(other)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


class CssBundle:
    """Per application: the vocabulary (computed once per build) and the bundle of this build."""

    def __init__(self) -> None:
        self.words: set[str] | None = None
        self.bundle: Bundle | None = None
        self.current = ""  # the digest of this build's inputs

    # -- inputs ---------------------------------------------------------------------------
    def vocabulary(self, app: Sphinx) -> set[str]:
        if self.words is None:
            builder: Any = app.builder
            templates = [Path(d) for d in builder.templates.pathchain]
            themes = [Path(d) for d in builder.theme.get_theme_dirs()]
            packages = {vocabulary.package_root(d) for d in themes}
            extensions = {name.split(".")[0] for name in app.extensions} - {"sphinx", "docutils"}
            unscanned = set(app.config.css_bundle_unscanned)
            scripts = [
                path
                for path in vocabulary.source_files(self.static_dirs(app))
                if path.suffix == ".js" and path.name not in unscanned
            ]
            files = [
                *vocabulary.source_files(templates),
                *vocabulary.source_files(sorted(packages)),
                *vocabulary.module_files(sorted(extensions)),
                *vocabulary.module_files(vocabulary.WRITER_MODULES),
                *scripts,
            ]
            options = (
                repr(sorted(builder.theme_options.items()))
                if hasattr(builder, "theme_options")
                else ""
            )
            self.words = vocabulary.scan(files) | vocabulary.words(
                options + repr(app.config.html_theme_options) + repr(app.config.html_context)
            )
        return self.words | {w for found in _store(app.env).values() for w in found}

    def static_dirs(self, app: Sphinx) -> list[Path]:
        builder: Any = app.builder
        themes = [Path(d) / "static" for d in builder.theme.get_theme_dirs()]
        mine = [Path(app.confdir, d) for d in app.config.html_static_path]
        return [d for d in [*themes, *mine] if d.is_dir()]

    def digest(self, app: Sphinx) -> str:
        """What the bundle depends on, read from the sources (before the output exists): the
        stylesheets, the settings, and those known words that name a class or id in them."""
        sha = hashlib.sha256(repr(options.settings(app.config)).encode())
        selectors: set[str] = set()
        for folder in self.static_dirs(app):
            for path in sorted(folder.rglob("*.css*")):
                text = path.read_bytes()
                sha.update(path.name.encode() + text)
                selectors.update(NAMED.findall(text.decode("utf-8", errors="replace")))
        sha.update(repr(sorted(self.vocabulary(app) & selectors)).encode())
        return sha.hexdigest()

    # -- events ---------------------------------------------------------------------------
    def builder_inited(self, app: Sphinx) -> None:
        self.words, self.bundle, self.current = None, None, ""

    def env_updated(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Every page links the bundle: when its inputs change, every page is written again."""
        if app.builder.name not in HTML_BUILDERS:
            return []
        previous = cache.load(Path(app.doctreedir) / STATE, {"digest": str}) or {}
        self.current = self.digest(app)
        if previous.get("digest") == self.current:
            return []
        return sorted(env.found_docs)

    def page_context(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        if app.builder.name not in HTML_BUILDERS:
            return
        bundle = self.ensure(app)
        files = context.get("css_files", [])
        kept = [css for css in files if os.fspath(css.filename) not in bundle.replaces]
        context["css_files"] = [_compat.stylesheet(bundle.filename), *kept]
        context["css_bundle"] = bundle.filename

    def build_finished(self, app: Sphinx, exception: Exception | None) -> None:
        if exception is not None or app.builder.name not in HTML_BUILDERS:
            return
        bundle = self.ensure(app)  # also when no page was written: Sphinx copied the theme again
        for problem in bundle.problems:
            logger.warning("css_bundle: %s", problem, type="css_bundle")
        if self.current:
            cache.save(Path(app.doctreedir) / STATE, {"digest": self.current})

    # -- the bundle -----------------------------------------------------------------------
    def ensure(self, app: Sphinx) -> Bundle:
        if self.bundle is None:
            self.bundle = build_bundle(app, self.vocabulary(app))
        return self.bundle


def build_bundle(app: Sphinx, words: set[str]) -> Bundle:
    """Cut, join and write the stylesheets (and their icon fonts) into the output folder."""
    builder: Any = app.builder
    outdir = Path(app.outdir)
    static = outdir / "_static"
    config = app.config
    excluded = set(config.css_bundle_exclude)
    # The theme's own, then every page's, then those some pages add while they are rendered
    # (in that order whatever was rendered first: the same sources give the same bundle).
    extra = [f"_static/{name}" for name in config.css_bundle_extra]
    names = [f"_static/{name}" for name in config.css_bundle_head]
    for css in _compat.registered_stylesheets(builder):
        filename = os.fspath(css.filename)
        if "://" not in filename and not css.attributes.get("media") and filename not in extra:
            names.append(filename)
    names += extra
    sources = [
        name
        for name in dict.fromkeys(names)
        if PurePosixPath(name).name not in excluded and (outdir / name).is_file()
    ]
    folder = Path(app.doctreedir) / CACHE
    key = hashlib.sha256(repr((options.settings(config), sorted(words))).encode())
    for name in sources:
        key.update(name.encode() + (outdir / name).read_bytes())
    memo = folder / f"{key.hexdigest()[:32]}.json"
    saved = cache.load(memo, {"filename": str, "fonts": list, "problems": list})
    if saved:  # same stylesheets, same words: the same bundle (0.3 s saved)
        files = [saved["filename"], *saved["fonts"]]
        if all((static / name).is_file() for name in files):
            return Bundle(f"_static/{saved['filename']}", frozenset(sources), saved["problems"])
    safelist = [re.compile(pattern) for pattern in config.css_bundle_safelist]

    def known(name: str) -> bool:
        return name in words or any(pattern.fullmatch(name) for pattern in safelist)

    problems: list[str] = []
    parts = []
    for name in sources:
        text, found = purge.cut((outdir / name).read_text("utf-8"), known, name)
        problems += found
        parts.append((name, text))
    fonts = _IconFonts(static, config.css_bundle_icon_fonts, folder)
    points = icons.codepoints("".join(text for _, text in parts))
    joined = "\n".join(
        purge.rewrite_urls(text, lambda url, name=name: fonts.url(outdir / name, url, points))
        for name, text in parts
    )
    data = joined.encode("utf-8") + b"\n"
    filename = f"bundle.{hashlib.sha256(data).hexdigest()[:12]}.css"
    target = static / filename
    if not target.is_file() or target.read_bytes() != data:
        target.write_bytes(data)
    for old in static.glob("bundle.*.css"):
        if old.name != filename and BUNDLE.fullmatch(old.name):
            old.unlink()
    fonts.prune()
    for old in folder.glob("*.json"):
        old.unlink()
    urls = sorted(purge.URL_TARGETS.findall(joined))
    fonts_used = [u for u in urls if u.endswith(".woff2")]
    cache.save(memo, {"filename": filename, "fonts": fonts_used, "problems": problems})
    return Bundle(f"_static/{filename}", frozenset(sources), problems)


class _IconFonts:
    """Relative URLs of the bundled stylesheets, resolved from the bundle's folder; icon fonts
    replaced by their subset under a hashed name, other files versioned by their checksum."""

    def __init__(self, static: Path, patterns: list[str], cache: Path) -> None:
        self.static, self.patterns, self.cache = static, patterns, cache
        self.written: dict[Path, Path] = {}

    def url(self, stylesheet: Path, url: str, points: set[int]) -> str:
        if url.startswith(("data:", "#", "/")) or "://" in url:
            return url
        base, _, fragment = url.partition("#")
        path_part = base.partition("?")[0]
        target = Path(os.path.normpath(stylesheet.parent / path_part))
        if not target.is_file():
            return url
        if any(fnmatch.fnmatch(target.name, pattern) for pattern in self.patterns):
            target = self.subset(target, points)
            version = ""
        else:
            version = f"?v={zlib.crc32(target.read_bytes()):08x}"
        relative = os.path.relpath(target, self.static).replace(os.sep, "/")
        return relative + version + (f"#{fragment}" if fragment else "")

    def subset(self, original: Path, points: set[int]) -> Path:
        data = icons.cached_subset(original, points, self.cache)
        digest = hashlib.sha256(data).hexdigest()[:12]
        target = original.with_name(f"{original.stem}.{digest}{original.suffix}")
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        self.written[original] = target
        return target

    def prune(self) -> None:
        """Subsets of earlier builds (same font, another hash) are removed."""
        for original, current in self.written.items():
            for old in original.parent.glob(f"{original.stem}.*{original.suffix}"):
                if old != current and HASHED.search(old.stem):
                    old.unlink()


def check_options(app: Sphinx, config: Any) -> None:
    """Each refused value is an error, replaced by the default so nothing breaks on it later;
    the build ends with an error status (as linkcheck does), without a traceback."""
    for name, problem in options.refused(lambda name: getattr(config, name)):
        logger.error("conf.py : %s", problem, type="css_bundle", subtype="option")
        setattr(config, name, options.default(name))
        app.statuscode = 1


def setup(app: Sphinx) -> dict[str, Any]:
    for option in options.OPTIONS:
        app.add_config_value(
            option.name,
            option.default,
            "html",
            types=frozenset({list, tuple}),
            description=option.description,
        )
    app.connect("config-inited", check_options)
    handler = CssBundle()
    app.connect("builder-inited", handler.builder_inited)
    app.connect("doctree-read", _doc_words)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", handler.env_updated)
    # Late, after other handlers have settled which files a page links.
    app.connect("html-page-context", handler.page_context, priority=900)
    app.connect("build-finished", handler.build_finished)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
