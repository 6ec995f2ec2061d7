import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
extensions = ["sphinx_base_de_connaissances.css_bundle", "page_only"]
project = "Feuilles de style"
language = "fr"
html_theme = "pydata_sphinx_theme"
html_static_path = ["_static"]
html_css_files = ["mine.css"]
html_js_files = ["mine.js"]
css_bundle_head = ["basic.css", "styles/pydata-sphinx-theme.css"]
css_bundle_unscanned = ["bootstrap.js", "fontawesome.js"]
css_bundle_safelist = [r"kept-\d+"]
exclude_patterns = ["_build"]
templates_path = ["_templates"]
css_bundle_extra = ["page-only.css"]
