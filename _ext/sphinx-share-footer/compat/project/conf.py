"""A fresh project as an outside user writes it; the theme comes from COMPAT_THEME."""

import os

project = "Projet témoin"
copyright = "2026, Projet témoin"
language = "fr"
extensions = ["sphinx_share_footer"]
html_theme = os.environ.get("COMPAT_THEME", "alabaster")
html_baseurl = "https://example.org/docs/"
share_footer_exclude = ["articles/exclu"]
share_footer_mastodon_instances = ["mastodon.social"]
