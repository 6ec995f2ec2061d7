"""The share URL builders, without Sphinx: targets, parameters and their encoding."""

from __future__ import annotations

import pytest

from sphinx_share_footer.networks import (
    LINK_NETWORKS,
    SharedPage,
    hashtag,
    mastodon_share_url,
    share_url,
)
from sphinx_share_footer.pagedata import canonical_url, opted_out, parse_list
from tests.urls import endpoint, params

HOSTILE = "Titre \"cité\" & <script>alert('x')</script> #1 100% +1 = ? 🚀 élan"
PAGE = SharedPage(
    url="https://example.org/a/b.html",
    title=HOSTILE,
    description="Ligne & 50 % + « guillemets »",
    tags=("réseaux sociaux", "stratégie", "e-réputation", "stratégie"),
    via="@compte",
)

EXPECTED = {
    "x": (
        "https://twitter.com/intent/tweet",
        {
            "text": HOSTILE,
            "url": PAGE.url,
            "via": "compte",
            "hashtags": "RéseauxSociaux,stratégie,ERéputation",
        },
    ),
    "linkedin": ("https://www.linkedin.com/sharing/share-offsite/", {"url": PAGE.url}),
    "facebook": ("https://www.facebook.com/sharer/sharer.php", {"u": PAGE.url}),
    "bluesky": ("https://bsky.app/intent/compose", {"text": f"{HOSTILE}\n{PAGE.url}"}),
    "whatsapp": ("https://wa.me/", {"text": f"{HOSTILE}\n{PAGE.url}"}),
    "telegram": ("https://t.me/share/url", {"url": PAGE.url, "text": HOSTILE}),
    "reddit": ("https://www.reddit.com/submit", {"url": PAGE.url, "title": HOSTILE}),
    "email": (
        "mailto:",
        {
            "subject": HOSTILE,
            "body": f"{PAGE.description}\r\n\r\n{PAGE.url}",
        },
    ),
}


def test_every_link_network_is_covered() -> None:
    assert set(EXPECTED) == set(LINK_NETWORKS)


@pytest.mark.parametrize("network", sorted(EXPECTED))
def test_decoded_parameters_equal_the_original_text(network: str) -> None:
    href = share_url(network, PAGE)
    target, expected = EXPECTED[network]
    assert endpoint(href) == target
    assert params(href) == expected
    assert " " not in href and "+" not in href.split("?", 1)[1]


def test_mailto_follows_rfc_6068() -> None:
    href = share_url("email", SharedPage(url="https://e.org/p", title="a b+c", description="d"))
    assert href == "mailto:?subject=a%20b%2Bc&body=d%0D%0A%0D%0Ahttps%3A%2F%2Fe.org%2Fp"


def test_empty_parameters_are_left_out() -> None:
    href = share_url("x", SharedPage(url="https://e.org/p", title="T"))
    assert set(params(href)) == {"text", "url"}


def test_mastodon_url_goes_to_the_chosen_instance() -> None:
    href = mastodon_share_url("piaille.fr", PAGE)
    assert endpoint(href) == "https://piaille.fr/share"
    assert params(href) == {"text": f"{HOSTILE}\n{PAGE.url}"}


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("stratégie", "stratégie"), ("réseaux sociaux", "RéseauxSociaux"), ("2.0", "20"), ("#", "")],
)
def test_hashtag(tag: str, expected: str) -> None:
    assert hashtag(tag) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('["strat\\u00e9gie", "a,b"]', ("stratégie", "a,b")),
        ("un, deux ,trois", ("un", "deux", "trois")),
        (["x", " "], ("x",)),
        (None, ()),
        ("", ()),
    ],
)
def test_parse_list(value: object, expected: tuple[str, ...]) -> None:
    assert parse_list(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("False", True),
        ("false", True),
        ("non", True),
        (False, True),
        ("True", False),
        (None, False),
    ],
)
def test_opted_out(value: object, expected: bool) -> None:
    assert opted_out({} if value is None else {"share": value}) is expected


@pytest.mark.parametrize(
    ("base", "uri", "expected"),
    [
        ("https://e.org/kb/", "a/b.html", "https://e.org/kb/a/b.html"),
        ("https://e.org/kb", "a/b/", "https://e.org/kb/a/b/"),
        ("https://e.org/", "", "https://e.org/"),
        ("https://e.org/", "stratégie/été.html", "https://e.org/strat%C3%A9gie/%C3%A9t%C3%A9.html"),
        # The html builder's target URIs are already quoted: encoded once, never twice.
        ("https://e.org/", "caf%C3%A9%20noir.html", "https://e.org/caf%C3%A9%20noir.html"),
        ("https://e.org/", "caf%C3%A9 noir/", "https://e.org/caf%C3%A9%20noir/"),
        ("https://e.org/", "100%25.html", "https://e.org/100%25.html"),
        ("https://e.org/", "a%23b.html", "https://e.org/a%23b.html"),
    ],
)
def test_canonical_url(base: str, uri: str, expected: str) -> None:
    assert canonical_url(base, uri) == expected
