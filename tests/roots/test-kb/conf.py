
extensions = ["myst_parser", "sphinx_base_de_connaissances"]
project = "Base de test"
language = "fr"
html_theme = "basic"
html_baseurl = "https://example.org/kb/"
exclude_patterns = ["_build"]
suppress_warnings = ["myst.topmatter"]
kb_site_description = "Une base de test pour les listes et les flux."
myst_title_to_header = True
html_sidebars = {"**": ["kb-nav.html"]}
