"""What a page tells machines and networks: Open Graph and Twitter card tags."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.schema import Article
from ..content.vocab import Vocabulary


@dataclass(frozen=True)
class SocialImage:
    """The picture a network shows for the page: an article's own image or a share card."""

    url: str  # absolute
    alt: str
    width: int = 0  # 0: unknown (an article's own image)
    height: int = 0
    media_type: str = ""


def _meta(attribute: str, name: str, content: str) -> Markup:
    # ``attribute`` is one of this module's constants ("property" or "name").
    markup = Markup('<meta {}="{}" content="{}">\n')
    return markup.format(Markup(attribute), name, content)  # noqa: S704


def social_tags(
    *,
    title: str,
    url: str,
    description: str,
    site_name: str,
    article: Article | None = None,
    vocab: Vocabulary | None = None,
    image: SocialImage | None = None,
) -> Markup:
    """The description, Open Graph and Twitter card tags; every value is escaped."""
    tags = [("name", "description", description)] if description else []
    tags += [
        ("property", "og:title", title),
        ("property", "og:type", "article" if article else "website"),
        ("property", "og:url", url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "fr_FR"),
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
    ]
    if description:
        tags += [
            ("property", "og:description", description),
            ("name", "twitter:description", description),
        ]
    if image is not None:
        tags += [("property", "og:image", image.url)]
        if image.media_type:
            tags.append(("property", "og:image:type", image.media_type))
        if image.width and image.height:
            tags += [
                ("property", "og:image:width", str(image.width)),
                ("property", "og:image:height", str(image.height)),
            ]
        tags += [
            ("property", "og:image:alt", image.alt),
            ("name", "twitter:image", image.url),
            ("name", "twitter:image:alt", image.alt),
        ]
    if article is not None and vocab is not None:
        tags.append(("property", "article:published_time", article.date.isoformat()))
        if article.updated:
            tags.append(("property", "article:modified_time", article.updated.isoformat()))
        tags.append(("property", "article:section", vocab.categories[article.category].name))
        tags += [("property", "article:tag", tag.label) for tag in article.tags]
    return Markup("").join(_meta(*tag) for tag in tags)
