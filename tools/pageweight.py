"""What a first visit costs a reader, per page: requests, bytes, gzip bytes, and the Largest
Contentful Paint under a slow phone network (Chromium's emulation: 1.6 Mbit/s down, 750 kbit/s
up, 150 ms round trip, cache disabled), as in Lighthouse's "slow 4G" profile.

Used by the browser suite (``tests/browser/test_quality.py``) and ``nox -s bench``.
"""

from __future__ import annotations

import gzip
from dataclasses import asdict, dataclass
from typing import Any

SLOW = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
# Resolves with the time of the largest paint so far (buffered entries included).
LCP_SCRIPT = """() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => resolve(-1), 5000);
})"""


@dataclass
class Weight:
    requests: int
    bytes: int
    gzip_bytes: int
    lcp_ms: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def response_sizes(page: Any) -> dict[str, tuple[int, int]]:
    """{URL: (bytes, gzip bytes)} of every response ``page`` receives, filled as they come."""
    sizes: dict[str, tuple[int, int]] = {}

    def record(response: Any) -> None:
        try:
            body = response.body()
        except Exception:
            body = b""
        sizes[response.url] = (len(body), len(gzip.compress(body, mtime=0)))

    page.on("response", record)
    return sizes


def visit(browser: Any, url: str, slow: bool = True) -> Weight:
    """Open ``url`` in a fresh context (empty cache) and measure it."""
    context = browser.new_context()
    page = context.new_page()
    sizes = response_sizes(page)
    if slow:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        session.send("Network.emulateNetworkConditions", SLOW)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    lcp = page.evaluate(LCP_SCRIPT)
    context.close()
    return Weight(
        requests=len(sizes),
        bytes=sum(raw for raw, _ in sizes.values()),
        gzip_bytes=sum(packed for _, packed in sizes.values()),
        lcp_ms=round(lcp),
    )
