"""The Sphinx internals css_bundle touches, in one place: what to check when Sphinx changes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sphinx.builders.html._assets import _CascadingStyleSheet


def stylesheet(filename: str) -> Any:
    """A stylesheet entry for a page's ``css_files`` (what ``app.add_css_file`` makes)."""
    return _CascadingStyleSheet(filename, priority=0)


def registered_stylesheets(builder: Any) -> Iterable[Any]:
    """The stylesheets every page links: ``html_css_files`` and ``app.add_css_file``."""
    return builder._css_files
