extensions = ["sphinx_share_footer"]
project = "Noms de fichiers"
html_theme = "basic"
html_baseurl = "https://example.org/docs/"
share_footer_networks = ["linkedin", "copy"]
