"""The Sphinx internals kb touches, in one place: what to check when Sphinx changes.

Everything else kb uses is Sphinx's documented API (events, config values, domains, builders'
``get_target_uri``/``get_relative_uri``/``get_outfilename``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def template_environment(builder: Any) -> Environment:
    """The Jinja environment of an HTML builder's template bridge."""
    return builder.templates.environment


def filter_pages(builder: Any, change: Callable[[str], str]) -> None:
    """Every page the HTML builder renders from a template passes through ``change``."""
    render = builder.templates.render
    builder.templates.render = lambda template, context: change(render(template, context))


def without_sphinx_search(builder: Any) -> None:
    """Neither Sphinx's search index nor its search page is written (Pagefind serves search)."""
    builder.search = False


def layout_key(builder: Any) -> str:
    """What every page's layout depends on: Sphinx's configuration and tags hashes (its
    ``build_info``) and the newest template."""
    info = builder.build_info
    return f"{info.config_hash}:{info.tags_hash}:{builder.templates.newest_template_mtime()}"


def current_docname(env: BuildEnvironment) -> str:
    """The document being read (``current_document`` from Sphinx 8.2, ``docname`` before)."""
    current = getattr(env, "current_document", None)
    return current.docname if current is not None else env.docname


def set_processes(app: Sphinx, count: int) -> int:
    """Set the number of processes Sphinx uses from now on; returns the previous one."""
    previous, app.parallel = app.parallel, count
    return previous


def fail_build(app: Sphinx) -> None:
    """The build ends "with problems" and a non-zero exit status, as linkcheck does for a
    broken link, without stopping (every problem is reported) and without a traceback."""
    app.statuscode = 1


def labels(env: BuildEnvironment) -> dict[str, tuple[str, str, str]]:
    """The standard domain's labels: name → (docname, anchor, section title)."""
    domains = env.domains
    std = getattr(domains, "standard_domain", None) or domains["std"]
    return std.labels


def is_myst_state(state: Any) -> bool:
    """Whether a directive runs in a MyST page (MyST's mock of docutils' parser state)."""
    from myst_parser.mocking import MockState

    return isinstance(state, MockState)


def myst_include(directive: Any) -> list[Any]:
    """What MyST's own ``include`` gives for ``directive`` (arguments, options, line), run as
    MyST runs it for docutils' ``Include``: through its renderer, the state's private one."""
    from docutils.parsers.rst.directives.misc import Include
    from myst_parser.mocking import MockIncludeDirective

    include = MockIncludeDirective(
        directive.state._renderer,
        name=directive.name,
        klass=Include,
        arguments=directive.arguments,
        options=directive.options,
        body=list(directive.content),
        lineno=directive.lineno,
    )
    return include.run()


def set_names(config: Any) -> list[str]:
    """The names ``conf.py`` (or ``-D``) sets, known options or not."""
    return list(config._raw_config)


def repair_build_info(outdir: Path) -> bool:
    """A damaged ``.buildinfo`` (emptied, cut, garbage) makes Sphinx's HTML builder fail on
    every later build, or warn on each: it is replaced by one that matches no configuration,
    so that Sphinx rewrites every page, as after a configuration change. True if repaired."""
    from sphinx.builders.html._build_info import BuildInfo

    path = outdir / ".buildinfo"
    try:
        BuildInfo.load(path)
    except FileNotFoundError:
        return False
    except Exception:  # IndexError, ValueError, UnicodeDecodeError, OSError…
        path.write_text(
            "# Sphinx build info version 1\n# Repaired by kb: every page is written again.\n"
            "config: \ntags: \n",
            "utf-8",
        )
        return True
    return False
