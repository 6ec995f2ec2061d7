extensions = ["myst_parser", "sphinx_base_de_connaissances"]
project = "Base d’essai"
language = "fr"
html_theme = "basic"
html_baseurl = "https://example.org/base/"
exclude_patterns = ["_build"]
html_sidebars = {"**": ["kb-nav.html"]}
