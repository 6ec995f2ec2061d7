"""Bytes a reader downloads for a first search: the built site served on 127.0.0.1, the search
page opened with a query in Chromium (Debian's, driven by Playwright), every response counted
as a host that compresses would send it (gzip; Pagefind's own files are already compressed,
its scripts are not), like tools/pageweight.py.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tools.pageweight import response_sizes

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def chromium_executable() -> str | None:
    """Debian's Chromium (or the one named by $CHROMIUM), or None when it is not installed."""
    return (
        os.environ.get("CHROMIUM")
        or shutil.which("chromium")
        or (CHROMIUM if Path(CHROMIUM).exists() else None)
    )


@contextlib.contextmanager
def chromium_on(html: Path) -> Iterator[tuple[Any, str] | None]:
    """(browser, base URL) of ``html`` served on 127.0.0.1 in Debian's Chromium; None without
    Chromium or Playwright. The server and the browser stop on leaving."""
    executable = chromium_executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        yield None
        return
    server, base = serve(html)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                yield browser, base
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def first_query_bytes(html: Path, query: str = "stratégie numérique") -> dict[str, int] | None:
    """{"search_bytes": bytes of the Pagefind bundles' responses, "page_bytes": everything, and
    "<part>_bytes" for each part of the bundles (PARTS)} for loading the search page with
    ``query`` until results show; None without Chromium or Playwright."""
    with chromium_on(html) as running:
        if running is None:
            return None
        browser, base = running
        page = browser.new_page()
        received = response_sizes(page)
        page.goto(f"{base}search.html?q={query}")
        page.wait_for_selector(".kb-search__result", timeout=30000)
        page.wait_for_load_state("networkidle")
    sizes = {url: min(raw, packed) for url, (raw, packed) in received.items()}
    search = {url: size for url, size in sizes.items() if re.search(r"/pagefind(-\d+)?/", url)}
    result = {"search_bytes": sum(search.values()), "page_bytes": sum(sizes.values())}
    for url, size in search.items():
        kind = next((k for k, marker in PARTS if marker in url), "script")
        result[f"{kind}_bytes"] = result.get(f"{kind}_bytes", 0) + size
    return result


# What a first query loads from Pagefind's bundles, by the part of the URL that names it; the
# rest (pagefind.js, its worker, each bundle's entry file, kb-shards.json) counts as "script".
PARTS = (("index", "/index/"), ("fragment", "/fragment/"), ("meta", ".pf_meta"), ("wasm", "wasm."))
