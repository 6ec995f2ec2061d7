"""Sphinx configuration of the knowledge base.

Declarative on purpose: identity, what is content, theme options and the options of our own
extensions. Logic lives in the engine, the installed package ``sphinx-base-de-connaissances``
(``_ext/sphinx-base-de-connaissances``), and in ``sphinx-share-footer``.
"""

import os
from urllib.parse import urlsplit

# -- Identity ---------------------------------------------------------------------------------
project = "Stratégie numérique"
author = "Les contributeurs de la base de connaissances"
copyright = "2026, " + author
# Articles under CC BY-SA 4.0 (LICENSE-articles), code under MIT (LICENSE).
license_name = "CC BY-SA 4.0"
license_url = "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"
language = "fr"
html_title = "Stratégie numérique — la base de connaissances"
site_description = (
    "Une base de connaissances ouverte, en français, sur la stratégie numérique des "
    "organisations : transformation digitale, communication, réseaux sociaux."
)

# Public address of the site, used for canonical links, feeds and share links.
# Local builds default to the address of `nox -s serve`.
html_baseurl = (
    os.environ.get("SITE_URL")
    or os.environ.get("READTHEDOCS_CANONICAL_URL")
    or "http://127.0.0.1:8000/"
)
# Repository behind each article's correction links and the footer's license link.
repository_url = os.environ.get(
    "REPOSITORY_URL", "https://github.com/strategie-numerique/base-de-connaissances"
)

# -- Content ----------------------------------------------------------------------------------
# The repository root is the source directory: name exactly what is content so that the
# README, tests, virtualenvs and build folders are never read.
root_doc = "index"
include_patterns = ["index.md", "glossaire.md", "articles/**.md", "guide/**.md"]
# Drafts and future-dated articles are built only in preview (`nox -s serve` sets KB_PREVIEW).
kb_preview = os.environ.get("KB_PREVIEW") == "1"
# The deploy (KB_PUBLICATION=1) refuses a local or example address, repository or contact.
kb_publication = os.environ.get("KB_PUBLICATION") == "1"
# In the live preview, a save shows its page without waiting for the search index.
kb_search_background = kb_preview
# The offline edition (PDF, EPUB) in telechargements/: made by the deploy workflow
# (KB_OFFLINE=1), and by `nox -s offline` into _build/offline/.
kb_offline = os.environ.get("KB_OFFLINE") == "1"
kb_site_description = site_description
kb_feed_rights = f"© {copyright} — articles sous licence {license_name} ({license_url})"
kb_repository_url = repository_url
# The editing space under admin/: writers without git propose articles from the browser.
kb_cms = "decap"
kb_nav_links = [
    ["parcours/index", "Parcours"],
    ["glossaire", "Glossaire"],
    ["archives", "Archives"],
    ["tags/index", "Mots-clés"],
    ["guide/contribuer", "Contribuer"],
    ["guide/partage", "Partager un article"],
]
# Our front-matter checks report YAML errors with their line; MyST's own message has none.
suppress_warnings = ["myst.topmatter"]
exclude_patterns = ["_build", ".nox", ".venv", "tests", "**/README.md"]

extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_share_footer",
    "sphinx_base_de_connaissances",
    "notfound.extension",
]
# KB_ASSETS=stock keeps the theme's own stylesheets and Bootstrap (the benchmark's baseline).
STOCK_ASSETS = os.environ.get("KB_ASSETS") == "stock"
if not STOCK_ASSETS:
    extensions.append("sphinx_base_de_connaissances.css_bundle")
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes", "tasklist"]
# Raw HTML in pages goes through the engine's allow-list; these classes are the site's own
# (_static/site.css), used by the guide.
kb_html_classes = ["kb-card-preview"]
myst_title_to_header = True
myst_heading_anchors = 3

# -- HTML -------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
templates_path = ["_templates"]
html_css_files = ["site.css"]
# The engine adapts sphinx-book-theme (sphinx_base_de_connaissances/theme/: CSP, dropdowns
# without Bootstrap's JS, French buttons); the site's own look is _static/site.css.
# One stylesheet per site (kb.css_bundle): the theme's files, cut to the rules that can match.
css_bundle_head = ["basic.css", "styles/pydata-sphinx-theme.css"]
css_bundle_extra = ["share-footer.css"]  # added by the share footer on the pages it is on
css_bundle_unscanned = ["bootstrap.js", "fontawesome.js"]  # not loaded by any page
# Classes that templates compose from parts (`toctree-l` ~ level, "highlight-" ~ language).
css_bundle_safelist = [r"toctree-l\d+", r"highlight-[\w-]+"]
# kb-nav.html (from kb) is a bounded navigation: the theme's stock sidebar renders the whole
# toctree into every page, so build time grows with the square of the article count.
# KB_NAV=stock restores the theme's sidebar (the benchmark's baseline).
html_sidebars = (
    {}
    if os.environ.get("KB_NAV") == "stock"
    else {"**": ["navbar-logo.html", "search-button-field.html", "kb-nav.html"]}
)
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "repository_url": repository_url,
    "repository_branch": "main",
    "path_to_docs": "",
    # The theme's repository and edit buttons are English and open new tabs: each article
    # ends with French correction links instead (kb_repository_url).
    "use_repository_button": False,
    "use_edit_page_button": False,
    "search_bar_text": "Rechercher dans la base…",
    "use_download_button": False,
    # Its button runs an inline onclick handler, which the Content Security Policy forbids.
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    # The sidebar holds the search field: no second one in a header bar above it.
    "navbar_persistent": [],
    "extra_footer": (
        f'<p class="kb-license">Articles sous licence <a rel="license" href="{license_url}">'
        f'{license_name}</a>\u00a0; code sous <a href="{repository_url}/blob/main/LICENSE">licence '
        "MIT</a>. Réutilisation permise en citant la source et en partageant à l’identique.</p>"
    ),
}

# -- 404 page (sphinx-notfound-page): absolute links work from any missing URL -------------------
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "Page introuvable",
    "body": (
        "<h1>Page introuvable</h1>"
        "<p>La page demandée n’existe pas ou a été déplacée.</p>"
        f'<p><a href="{notfound_urls_prefix}">Revenir à l’accueil</a> ou utiliser la recherche.</p>'
    ),
}

# -- Share footer (sphinx-share-footer, _ext/sphinx-share-footer) -----------------------------
share_footer_include = ["articles/**"]
share_footer_networks = ["linkedin", "mastodon", "bluesky", "x", "email", "copy", "native"]
share_footer_mastodon_instances = ["mastodon.social", "piaille.fr"]

# -- Link checking ----------------------------------------------------------------------------
linkcheck_timeout = 15
linkcheck_retries = 2
linkcheck_workers = 4
linkcheck_report_timeouts_as_broken = True
# Sites that refuse robots or rate-limit them; each entry says why.
linkcheck_ignore = [
    r"https://(www\.)?linkedin\.com/.*",  # answers 999 to any robot
    r"https://(twitter|x)\.com/.*",  # requires a logged-in browser
    r"http://127\.0\.0\.1:8000/.*",  # the local preview (nox -s serve) named in the guides
]
linkcheck_anchors_ignore_for_url = [r"https://github\.com/.*"]  # anchors built by JavaScript
