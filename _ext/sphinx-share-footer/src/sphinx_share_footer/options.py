"""The extension's options: declared with types and descriptions, checked once per build."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.config import ENUM, Config
from sphinx.util import logging

from .i18n import _
from .networks import NETWORKS

logger = logging.getLogger(__name__)

DEFAULT_NETWORKS = ("email", "linkedin", "mastodon", "bluesky", "x", "copy", "native")
PLACEMENTS = ("body", "manual")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)


@dataclass(frozen=True)
class Option:
    name: str
    default: object
    types: object
    description: str


OPTIONS = (
    Option(
        "share_footer_networks",
        list(DEFAULT_NETWORKS),
        frozenset({list, tuple}),
        "Items of the footer, in order: " + ", ".join(sorted(NETWORKS)) + ".",
    ),
    Option(
        "share_footer_include",
        ["**"],
        frozenset({list, tuple}),
        "Glob patterns of the documents that get a footer.",
    ),
    Option(
        "share_footer_exclude",
        [],
        frozenset({list, tuple}),
        "Glob patterns of the documents that never get a footer (the root document never does).",
    ),
    Option(
        "share_footer_placement",
        "body",
        ENUM(*PLACEMENTS),
        "'body': appended to the page body; 'manual': the theme includes share-footer.html.",
    ),
    Option(
        "share_footer_via",
        "",
        frozenset({str}),
        "Account named as 'via' on X, without '@'.",
    ),
    Option(
        "share_footer_hashtags",
        True,
        frozenset({bool}),
        "Turn the page's tags into hashtags on X.",
    ),
    Option(
        "share_footer_mastodon_instances",
        [],
        frozenset({list, tuple}),
        "Mastodon instances offered as plain links (host names such as 'mastodon.social').",
    ),
    Option(
        "share_footer_metadata_field",
        "share",
        frozenset({str}),
        "Metadata field by which a page opts out ('share: false').",
    ),
)


def declare(app: Sphinx) -> None:
    for option in OPTIONS:
        # 'html': a change re-renders pages but never makes Sphinx re-read a document.
        app.add_config_value(
            option.name,
            option.default,
            "html",
            types=option.types,
            description=option.description,
        )


def _strings(config: Config, name: str) -> list[str]:
    value = getattr(config, name)
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    logger.warning(
        _("%s: expected a list of strings, got %r; the default is used."),
        name,
        value,
        type="share_footer",
        subtype="config",
    )
    default = next(option.default for option in OPTIONS if option.name == name)
    setattr(config, name, default)
    return list(default)  # type: ignore[call-overload]


def check(app: Sphinx, config: Config) -> None:
    """Warn, naming the option, about values the footer cannot use, and drop them."""
    for name in ("share_footer_include", "share_footer_exclude"):
        _strings(config, name)
    networks = _strings(config, "share_footer_networks")
    unknown = [name for name in networks if name not in NETWORKS]
    if unknown:
        logger.warning(
            _("share_footer_networks: unknown network(s) %s; expected some of: %s."),
            ", ".join(map(repr, unknown)),
            ", ".join(sorted(NETWORKS)),
            type="share_footer",
            subtype="config",
        )
    config.share_footer_networks = list(
        dict.fromkeys(name for name in networks if name in NETWORKS)
    )
    instances = _strings(config, "share_footer_mastodon_instances")
    bad = [host for host in instances if not _HOST.match(host)]
    if bad:
        logger.warning(
            _("share_footer_mastodon_instances: %s is not a host name such as mastodon.social."),
            ", ".join(map(repr, bad)),
            type="share_footer",
            subtype="config",
        )
    config.share_footer_mastodon_instances = [host for host in instances if host not in bad]
