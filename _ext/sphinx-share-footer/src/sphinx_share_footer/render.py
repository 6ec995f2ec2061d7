"""The footer's HTML: items built from a `SharedPage`, rendered by an autoescaping template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .i18n import _
from .icons import ICONS
from .networks import LINK_NETWORKS, SharedPage, mastodon_share_url, share_url

TEMPLATES = Path(__file__).parent / "templates"
NAMES = {
    "x": "X",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "facebook": "Facebook",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "reddit": "Reddit",
}


@dataclass(frozen=True)
class Item:
    """One entry of the footer: a link, or a button that a little script brings to life."""

    kind: str  # "link", "copy", "native" or "mastodon"
    network: str
    label: str  # visible text
    name: str  # accessible name
    icon: Markup
    href: str = ""
    new_tab: bool = False
    instances: Sequence[tuple[str, str]] = ()  # Mastodon: (host, share URL)


def _link(network: str, page: SharedPage) -> Item:
    if network == "email":
        return Item(
            "link",
            network,
            str(_("Email")),
            str(_("Share by email")),
            ICONS[network],
            href=share_url(network, page),
        )
    name = NAMES[network]
    return Item(
        "link",
        network,
        name,
        str(_("Share on %s (new tab)")) % name,
        ICONS[network],
        href=share_url(network, page),
        new_tab=True,
    )


def items(networks: Sequence[str], page: SharedPage, instances: Sequence[str]) -> list[Item]:
    """The footer's entries in the configured order (names already checked by `options`)."""
    result = []
    for network in networks:
        if network in LINK_NETWORKS:
            result.append(_link(network, page))
        elif network == "copy":
            result.append(
                Item(
                    "copy",
                    network,
                    str(_("Copy link")),
                    str(_("Copy link to this page")),
                    ICONS[network],
                    href=page.url,
                )
            )
        elif network == "native":
            result.append(
                Item(
                    "native",
                    network,
                    str(_("Share…")),
                    str(_("Share…")),
                    ICONS[network],
                    href=page.url,
                )
            )
        elif network == "mastodon":
            result.append(
                Item(
                    "mastodon",
                    network,
                    NAMES[network],
                    str(_("Share on %s")) % NAMES[network],
                    ICONS[network],
                    instances=[(host, mastodon_share_url(host, page)) for host in instances],
                )
            )
    return result


class Renderer:
    """Renders the footer; one per Sphinx application, holding no page data."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["translate"] = lambda message: str(_(message))

    def render(self, page: SharedPage, entries: Sequence[Item]) -> Markup:
        template = self.env.get_template("share-footer/footer.html")
        texts = {
            "heading": str(_("Share this page")),
            "copied": str(_("Link copied")),
            "copy_failed": str(_("Copy failed: copy the address from the address bar.")),
            "instance_label": str(_("Your Mastodon instance")),
            "instance_help": str(_("Its address, for example mastodon.social")),
            "instance_invalid": str(_("Enter a host name such as mastodon.social.")),
            "share": str(_("Share")),
            "or_choose": str(_("Or choose:")),
            "no_script": str(_("Copy the page link and paste it into a post on your instance.")),
        }
        # The template autoescapes every value it receives.
        return Markup(template.render(page=page, items=entries, texts=texts))  # noqa: S704
