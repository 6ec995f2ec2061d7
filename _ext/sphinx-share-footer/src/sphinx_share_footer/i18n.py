"""The extension's message catalog: one gettext domain, shipped in ``locales/``."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

CATALOG = "sphinx_share_footer"
LOCALES = Path(__file__).parent / "locales"

_ = get_translation(CATALOG)
