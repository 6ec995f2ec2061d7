"""Configuration Sphinx de la base : déclarative, le moteur fait le reste."""

import os

# -- Identité ----------------------------------------------------------------------------------
project = @@TITRE|py@@
author = "Les contributeurs de " + project
copyright = "@@ANNEE|brut@@, " + author
language = "fr"
kb_locale = @@REGION|py@@
kb_site_description = "Une base de connaissances ouverte, en français."

# Adresse publique du site (liens canoniques, flux, cartes de partage) ; SITE_URL la remplace.
html_baseurl = os.environ.get("SITE_URL") or os.environ.get("READTHEDOCS_CANONICAL_URL")
html_baseurl = html_baseurl or @@URL|py@@
kb_repository_url = @@DEPOT|py@@
# L’espace d’écriture sous admin/ : écrire sans git, chaque enregistrement devient une
# demande de fusion (README, « Écrire en ligne ») ; "" le retire.
kb_cms = @@CMS|py@@
kb_nav_links = [
    ["parcours/index", "Parcours"],
    ["glossaire", "Glossaire"],
    ["archives", "Archives"],
    ["tags/index", "Mots-clés"],
]

# -- Contenu ------------------------------------------------------------------------------------
root_doc = "index"
include_patterns = ["index.md", "glossaire.md", "articles/**.md"]
exclude_patterns = ["_build", ".nox", ".venv", "tests", "README.md"]
# Brouillons et articles datés dans le futur : visibles seulement avec KB_PREVIEW=1.
kb_preview = os.environ.get("KB_PREVIEW") == "1"
# Une construction qui sera publiée (KB_PUBLICATION=1, Read the Docs) refuse les valeurs de
# l’exemple : adresse locale, dépôt d’exemple, contacts qui en viennent.
kb_publication = os.environ.get("KB_PUBLICATION") == "1" or os.environ.get("READTHEDOCS") == "True"
# L’édition hors ligne (PDF, EPUB) dans telechargements/ : faite par la publication
# (KB_OFFLINE=1) et par `nox -s offline`.
kb_offline = os.environ.get("KB_OFFLINE") == "1"
suppress_warnings = ["myst.topmatter"]  # le moteur signale les erreurs de front matter

extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_share_footer",
    "sphinx_base_de_connaissances",
    "sphinx_base_de_connaissances.css_bundle",
]
myst_enable_extensions = ["colon_fence", "deflist", "smartquotes", "tasklist"]
myst_title_to_header = True
myst_heading_anchors = 3

# -- HTML ---------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = project
html_sidebars = {"**": ["navbar-logo.html", "search-button-field.html", "kb-nav.html"]}
html_copy_source = False
html_show_sourcelink = False
css_bundle_head = ["basic.css", "styles/pydata-sphinx-theme.css"]
css_bundle_extra = ["share-footer.css"]
css_bundle_unscanned = ["bootstrap.js", "fontawesome.js"]
css_bundle_safelist = [r"toctree-l\d+", r"highlight-[\w-]+"]
html_theme_options = {
    "search_bar_text": "Rechercher dans la base…",
    "use_fullscreen_button": False,
    "use_download_button": False,
    "home_page_in_toc": True,
    "navbar_persistent": [],
}

# -- Partage (sphinx-share-footer) : des liens simples sous chaque article, sans script tiers ----
share_footer_include = ["articles/**"]
share_footer_networks = ["linkedin", "mastodon", "bluesky", "x", "email", "copy", "native"]
