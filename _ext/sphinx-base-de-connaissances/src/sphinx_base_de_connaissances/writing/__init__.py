"""Sphinx's write phase: what pages show (article header and footer, navigation, generated
listing pages, social metadata) and the files and security policy each page needs.
"""
