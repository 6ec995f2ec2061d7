"""Every slug and tag label of the knowledge base goes through here."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify as _slugify

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Names the generated pages use for themselves (categories/index, tags/index…): never a key or
# a tag, or a category would replace the overview of all categories.
RESERVED = frozenset({"index"})


def slugify(text: str) -> str:
    """A stable ASCII slug: "Stratégie numérique" gives ``strategie-numerique``, and an elided
    article keeps its word apart: "L’e-réputation" gives ``l-e-reputation``."""
    return _slugify(re.sub(r"['’]", " ", text), lowercase=True)


def is_slug(text: str) -> bool:
    return bool(SLUG.match(text))


def tag_label(text: str) -> str:
    """The displayed form of a free tag: NFC, lower case, single spaces, accents kept."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())
