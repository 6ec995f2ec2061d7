extensions = ["myst_parser", "sphinx_share_footer"]
project = "Placement"
html_theme = "basic"
html_baseurl = "https://example.org/"
templates_path = ["_templates"]
share_footer_include = ["articles/**"]
share_footer_exclude = ["articles/brouillon-*"]
