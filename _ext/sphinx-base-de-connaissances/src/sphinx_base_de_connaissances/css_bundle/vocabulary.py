"""The words a page of this site can carry in its ``class`` and ``id`` attributes.

Like PurgeCSS's content scan, generous on purpose: every word of the files that produce the
pages (the theme's and the extensions' templates, Python and scripts, the HTML writers of
Sphinx and docutils, the theme options) and of the documents themselves (their ``classes`` and
raw HTML). A rule is dropped only when one of its classes or ids appears in none of them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Sphinx renders "_t" files as templates into _static (sphinx-copybutton's copybutton.js_t
# sets the copy button's classes): they are scripts and templates too.
SOURCE_SUFFIXES = frozenset({".html", ".py", ".js", ".jinja", ".js_t", ".html_t"})
SKIPPED = frozenset({".nox", ".venv", "node_modules", "tests", "__pycache__"})
# Modules of Sphinx and docutils that write HTML (their packages are too large to scan whole).
WRITER_MODULES = (
    "sphinx.writers.html5",
    "sphinx.environment.adapters.toctree",
    "sphinx.builders.html",
    "docutils.writers._html_base",
    "docutils.writers.html5_polyglot",
)


def words(text: str) -> set[str]:
    return set(WORD.findall(text))


def package_root(path: Path) -> Path:
    """The top-level package holding ``path`` (or ``path`` itself outside any package)."""
    root = path
    while (root.parent / "__init__.py").is_file():
        root = root.parent
    return root


def module_files(names: Iterable[str]) -> Iterator[Path]:
    """Source files of imported modules: a package's whole folder, or a module's file."""
    for name in names:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None)
        if origin is None:
            continue
        path = Path(origin)
        if path.name == "__init__.py":
            yield from source_files([path.parent])
        else:
            yield path


def source_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                inside = path.relative_to(folder).parts
                if path.suffix in SOURCE_SUFFIXES and not SKIPPED & set(inside) and path.is_file():
                    yield path


def scan(paths: Iterable[Path]) -> set[str]:
    found: set[str] = set()
    for path in dict.fromkeys(paths):
        found |= words(path.read_text("utf-8", errors="replace"))
    return found
