"""The engine's version (sphinx-base-de-connaissances), for the package and what it makes, and
the version of sphinx-share-footer that goes with it (a new base installs both)."""

__version__ = "0.1.0"
SHARE_FOOTER_VERSION = "0.2.0"
