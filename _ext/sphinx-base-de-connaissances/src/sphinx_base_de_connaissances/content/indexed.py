"""The part of a built page that is its own text: what search indexes and what the books hold.
The page template wraps each document's text in these markers; what surrounds them (navigation,
previous/next, related articles) changes when other articles do, and concerns neither."""

from __future__ import annotations

# Around what Pagefind indexes in a page (kb wraps each document's text in them).
BODY_START = b"<div data-pagefind-body>"
BODY_END = b"<!-- kb: end of indexed text -->"
# The attribute of the element around each part the engine adds to a document's text (an
# article's header and footer), whatever template a base gives them: a book leaves them out.
PART = "data-kb-part"


def indexed_text(page: bytes) -> bytes:
    """The part of a page Pagefind indexes: from the ``data-pagefind-body`` element to the
    marker written after it (the last one: a page's own text cannot end the part early); the
    whole page when either is missing. What surrounds it (navigation, previous/next, related
    articles) changes when other articles do, and does not concern the index."""
    start, end = page.find(BODY_START), page.rfind(BODY_END)
    return page[start:end] if 0 <= start < end else page
