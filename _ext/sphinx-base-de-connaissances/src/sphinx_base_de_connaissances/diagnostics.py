"""Every warning kb emits has type ``kb`` and one of these subtypes, so a site can silence one
kind with ``suppress_warnings = ["kb.<subtype>"]`` (listed in the README)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sphinx.util import logging

from .content.frontmatter import Problem

logger = logging.getLogger("kb")


class Subtype(StrEnum):
    FRONTMATTER = "frontmatter"  # an article's front matter, file name or a data file
    HTML = "html"  # raw HTML, a link or an image refused in a page
    FILE = "file"  # a file a page names is refused (outside the base, hidden, link, too large…)
    COLLISION = "collision"  # a generated page would take the name of a document
    SEARCH = "search"  # Pagefind missing or failing: search is degraded
    HISTORY = "history"  # no git, or a shallow clone: dates from the front matter only
    RENAMED = "renamed"  # a reference to an article's old name (see its redirect_from)
    OPTION = "option"  # a value of conf.py refused (an error: the build fails)
    OFFLINE = "offline"  # the offline edition could not be made with this builder
    DEPRECATED = "deprecated"  # conf.py sets an option by its old name (it still works)
    PUBLICATION = "publication"  # a value still the starter's in a build to publish
    MATH = "math"  # a TeX formula that cannot be typeset
    EDITING = "editing"  # the editing space (kb_cms) cannot be made


def warn(message: str, *args: object, subtype: Subtype, location: Any = None) -> None:
    logger.warning(message, *args, type="kb", subtype=subtype.value, location=location)


def error(message: str, *args: object, subtype: Subtype, location: Any = None) -> None:
    logger.error(message, *args, type="kb", subtype=subtype.value, location=location)


def info(message: str, *args: object) -> None:
    logger.info(message, *args)


def report(problem: Problem, docname: str | None = None) -> None:
    """A problem of the content layer as a warning at its document (or file) and line."""
    message = f"champ « {problem.field} » : {problem.message}" if problem.field else problem.message
    location = (docname, problem.line) if docname else f"{problem.path}:{problem.line}"
    warn(message, subtype=Subtype.FRONTMATTER, location=location)
