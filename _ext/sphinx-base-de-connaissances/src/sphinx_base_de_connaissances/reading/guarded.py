"""The directives that read a file, each checking the boundary (``boundary``) before it reads:
``literalinclude`` (and its ``:diff:``), ``include``, ``csv-table`` and ``raw`` (``:file:``).
Their ``:url:`` option is refused outright: a build downloads nothing a page asks for.

A refused file is a warning at the directive's file and line (the strict build fails) and the
directive gives nothing: the file is never opened. Registered over Sphinx's and docutils' own
directives of the same names, for every page of the site, whatever its parser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from docutils.parsers.rst.directives.misc import Raw
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.directives.patches import CSVTable

from .. import _compat
from ..diagnostics import Subtype, warn
from ..source.boundary import Boundary, Kind

URL_REFUSED = (
    "option « :url: » refusée : la construction ne télécharge rien ; copiez le fichier dans "
    "le dépôt et nommez-le avec « :file: »"
)


class _Guard:
    """What every guarded directive shares: where its page is, and the check."""

    boundary: Callable[[], Boundary]
    state: Any
    lineno: int
    options: dict[str, Any]

    def _source_folder(self) -> Path:
        document = self.state.document
        return Path(document.current_source or document["source"]).parent

    def _page_folder(self) -> Path:
        env = self.state.document.settings.env
        return Path(env.doc2path(_compat.current_docname(env))).parent

    def _refused(self, problems: list[str]) -> bool:
        env = self.state.document.settings.env
        for problem in problems:
            warn(
                f"{problem}.",
                subtype=Subtype.FILE,
                location=(_compat.current_docname(env), self.lineno),
            )
        return bool(problems)

    def _check(self, name: str, folder: Path, *, rooted: bool = True) -> list[str]:
        refused = self.boundary().check(name, folder, Kind.TEXT, rooted=rooted)
        return [refused] if refused else []


class GuardedLiteralInclude(_Guard, LiteralInclude):
    def run(self) -> list[nodes.Node]:
        names = [self.arguments[0], *([self.options["diff"]] if "diff" in self.options else [])]
        folder = self._page_folder()  # Sphinx: from the document, "/" from the source folder
        if self._refused([p for name in names for p in self._check(name, folder)]):
            return []
        return super().run()


class GuardedCSVTable(_Guard, CSVTable):
    def run(self) -> list[nodes.Node]:
        problems = [URL_REFUSED] if "url" in self.options else []
        if "file" in self.options:
            problems += self._check(self.options["file"], self._source_folder())
        if self._refused(problems):
            return []
        return super().run()


class GuardedRaw(_Guard, Raw):
    def run(self) -> list[nodes.Node]:
        problems = [URL_REFUSED] if "url" in self.options else []
        if "file" in self.options:  # docutils: "/x" is a path of the machine
            problems += self._check(self.options["file"], self._source_folder(), rooted=False)
        if self._refused(problems):
            return []
        return super().run()


class GuardedInclude(_Guard, Directive):
    """``include``, checked before it reads; then MyST's own include in a MyST page, Sphinx's
    in a reStructuredText one. Not a subclass of docutils' ``Include``: MyST would run its own
    in its place without calling ``run``."""

    required_arguments = Include.required_arguments
    optional_arguments = Include.optional_arguments
    final_argument_whitespace = Include.final_argument_whitespace
    has_content = Include.has_content
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **Include.option_spec,
        # MyST's own options of include.
        "relative-images": directives.flag,
        "relative-docs": directives.path,
        "heading-offset": directives.nonnegative_int,
    }

    def run(self) -> list[nodes.Node]:
        name = "".join(line.strip() for line in self.arguments[0].splitlines())
        if self._refused(self._check(name, self._page_folder())):
            return []
        if _compat.is_myst_state(self.state):
            return _compat.myst_include(self)
        include = Include(
            self.name,
            self.arguments,
            self.options,
            self.content,
            self.lineno,
            self.content_offset,
            self.block_text,
            self.state,
            self.state_machine,
        )
        return list(include.run())


def guarded(boundary: Callable[[], Boundary]) -> dict[str, type]:
    """The guarded directives by name, each bound to this build's ``boundary``."""
    classes = {
        "literalinclude": GuardedLiteralInclude,
        "csv-table": GuardedCSVTable,
        "raw": GuardedRaw,
        "include": GuardedInclude,
    }
    return {
        name: type(cls.__name__, (cls,), {"boundary": staticmethod(boundary)})
        for name, cls in classes.items()
    }
