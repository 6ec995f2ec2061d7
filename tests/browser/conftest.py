"""The built site in Debian's Chromium, driven by Playwright; every request is watched.

Without Chromium the suite is skipped with a message, except under CI=true where a missing
browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers import BuiltSite
from tools.querybytes import CHROMIUM_ARGS, chromium_executable, serve

HERE = Path(__file__).parent
NODE_MODULES = HERE / "node_modules"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_executable()
    if executable is None:
        message = (
            "Chromium absent : installez le paquet Debian « chromium » (apt-get install chromium)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base_url(site: BuiltSite) -> Iterator[str]:
    server, url = serve(site.html)
    yield url
    server.shutdown()
    server.server_close()


@dataclass
class Visit:
    """A page plus every request it made, and those that left the site's origin."""

    page: object
    origin: str
    requests: list[str] = field(default_factory=list)

    @property
    def foreign(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin) and not url.startswith(("data:", "blob:", "about:"))
        ]


@pytest.fixture
def visit(browser, base_url: str) -> Iterator[object]:
    """``visit(path, **context_options)`` opens a page in a fresh context; requests to any
    other origin are answered locally (never sent) and recorded."""
    contexts = []

    def open_page(path: str, **options: object) -> Visit:
        context = browser.new_context(**options)  # type: ignore[attr-defined]
        contexts.append(context)
        record = Visit(page=None, origin=base_url.rstrip("/"))
        context.on("request", lambda request: record.requests.append(request.url))

        def stay_home(route) -> None:
            if route.request.url.startswith(record.origin):
                route.continue_()
            else:
                route.fulfill(status=200, content_type="text/plain", body="")

        context.route("**/*", stay_home)
        record.page = context.new_page()
        record.page.goto(base_url + path)
        return record

    yield open_page
    for context in contexts:
        context.close()
