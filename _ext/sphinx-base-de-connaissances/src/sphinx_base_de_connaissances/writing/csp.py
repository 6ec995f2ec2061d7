"""The Content Security Policy of every page, as a <meta> (GitHub Pages sets no headers).

Scripts only from the site, plus the inline scripts this very page carries (Sphinx's and the
theme's one-line bodies), allowed by their SHA-256 computed here from what the page will print;
no 'unsafe-inline' for scripts, no event-handler attributes. Pagefind compiles WebAssembly,
hence 'wasm-unsafe-eval' and nothing broader.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

FIXED = {
    "default-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",  # the theme sets style attributes from scripts
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",  # the search form; the Mastodon form never submits (its script)
    "frame-src": "'none'",
}


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(inline_scripts: Iterable[str]) -> str:
    """The policy for a page whose inline ``<script>`` bodies are ``inline_scripts``."""
    hashes = sorted({script_hash(body) for body in inline_scripts})
    directives = {"script-src": " ".join(["'self'", "'wasm-unsafe-eval'", *hashes]), **FIXED}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_bodies(script_files: Iterable[object]) -> list[str]:
    """The bodies Sphinx prints inline for a page's ``script_files`` (its ``_JavaScript``
    entries without a file name)."""
    bodies = []
    for script in script_files:
        if getattr(script, "filename", "x"):
            continue
        bodies.append(getattr(script, "attributes", {}).get("body", ""))
    return bodies
