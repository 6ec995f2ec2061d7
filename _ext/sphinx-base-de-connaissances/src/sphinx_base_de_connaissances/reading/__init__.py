"""Sphinx's read phase: front matter validated as documents are read, the domain that keeps
the articles across parallel and incremental builds, what a change invalidates, the safety
transforms on untrusted articles, and the listing directives.
"""
