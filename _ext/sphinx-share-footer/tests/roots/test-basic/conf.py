extensions = ["sphinx_share_footer"]
project = "Projet de test"
html_theme = "basic"
html_baseurl = "https://example.org/docs/"
share_footer_networks = [
    "x", "linkedin", "mastodon", "bluesky", "facebook", "whatsapp", "telegram", "reddit",
    "email", "copy", "native",
]
share_footer_via = "@kb_strategie"
share_footer_mastodon_instances = ["mastodon.social"]
smartquotes = False  # keep the hostile title byte for byte
version = "1"
copyright = "2026, Projet de test"
