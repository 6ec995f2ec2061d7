"""Inline SVG icons, drawn for this extension (24×24, stroked with ``currentColor``).

They are simple evocations of each network, not brand logos, so that the footer follows the
theme's colours in light and dark mode and costs no request.
"""

from __future__ import annotations

from markupsafe import Markup

# The stroke is the stylesheet's (share-footer.css), said once rather than on each icon; the
# size stays here, so that a page read without the stylesheet shows small icons.
_SVG = (
    '<svg class="share-footer__icon" viewBox="0 0 24 24" width="18" height="18" '
    'aria-hidden="true" focusable="false">{}</svg>'
)

_SHAPES = {
    "x": '<path d="M4 4l16 16M20 4L4 20"/>',
    "linkedin": (
        '<rect x="3" y="3" width="18" height="18" rx="3"/>'
        '<path d="M8 10v7M8 7v.01M12 17v-7M12 13a3 3 0 0 1 6 0v4"/>'
    ),
    "mastodon": (
        '<path d="M20 11c0 5-3.5 7-8 7-1.5 0-3-.3-4-.8.2 1.6 1.8 2.8 4.5 2.8H14'
        'M4 11c0-5 3.5-7 8-7s8 2 8 7"/><path d="M8 14V9.5a2 2 0 0 1 4 0M12 9.5a2 2 0 0 1 4 0V14"/>'
    ),
    "bluesky": (
        '<path d="M12 11C10 7 6 4 4 5c-2 1 0 7 3 8-2 1-2 4 1 5 2 .5 3.5-2 4-5'
        ' .5 3 2 5.5 4 5 3-1 3-4 1-5 3-1 5-7 3-8-2-1-6 2-8 6z"/>'
    ),
    "facebook": '<path d="M15 3h-2a4 4 0 0 0-4 4v14M6 10h8"/>',
    "whatsapp": (
        '<path d="M4 20l1.3-4A8 8 0 1 1 8.5 19z"/>'
        '<path d="M9 9.5c0 3 2.5 5.5 5.5 5.5l1-1.5-2-1-1 1c-1-.5-2-1.5-2.5-2.5l1-1-1-2z"/>'
    ),
    "telegram": '<path d="M21 4L3 11l6 2 2 6 3-4 5 4zM9 13l12-9"/>',
    "reddit": (
        '<ellipse cx="12" cy="14" rx="8" ry="5.5"/><path d="M12 8.5 13.5 3l4 1"/>'
        '<circle cx="19" cy="4" r="1"/><path d="M9 13v.01M15 13v.01M9.5 16.5c1.5 1 3.5 1 5 0"/>'
    ),
    "email": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
    "copy": (
        '<path d="M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1"/>'
        '<path d="M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1"/>'
    ),
    "native": (
        '<path d="M12 15V3M8 7l4-4 4 4"/><path d="M6 11H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h14'
        'a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1"/>'
    ),
}

# Constants of this module only: no outside text reaches them.
ICONS: dict[str, Markup] = {
    name: Markup(_SVG.format(shape))  # noqa: S704
    for name, shape in _SHAPES.items()
}
