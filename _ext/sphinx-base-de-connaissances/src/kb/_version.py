"""The engine's version (sphinx-base-de-connaissances), for the package and what it makes."""

__version__ = "0.1.0"
