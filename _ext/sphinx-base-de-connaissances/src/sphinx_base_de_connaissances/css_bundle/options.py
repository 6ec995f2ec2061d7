"""css_bundle's options, declared once (name, default, description, accepted values), given to
Sphinx by ``register`` and checked at ``config-inited`` by ``problems``: a bad value stops the
build with a message naming the option, the value and what is expected."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    name: str
    default: list[str]
    description: str
    item_ok: Callable[[str], bool] = bool  # each item: a non-empty string by default
    expected: str = "une liste de noms de fichiers"


def _pattern(text: str) -> bool:
    try:
        re.compile(text)
    except re.error:
        return False
    return bool(text)


OPTIONS: tuple[Option, ...] = (
    Option(
        "css_bundle_head",
        [],
        "Stylesheets the theme links from its own template (not in css_files), bundled first.",
    ),
    Option(
        "css_bundle_extra",
        [],
        "Stylesheets that pages add while they are rendered (bundled last, on every page).",
    ),
    Option("css_bundle_exclude", ["pygments.css"], "Stylesheets left out of the bundle."),
    Option(
        "css_bundle_safelist",
        [],
        "Regular expressions of class names that templates compose from parts (always kept).",
        _pattern,
        "une liste d’expressions régulières valides",
    ),
    Option(
        "css_bundle_unscanned",
        [],
        "Scripts of the static folders that no page loads (their words are not kept).",
    ),
    Option(
        "css_bundle_icon_fonts",
        ["fa-*.woff2"],
        "Patterns of the icon fonts cut to the glyphs the bundle can draw.",
        expected="une liste de motifs de noms de fichiers",
    ),
)


def refused(values: Callable[[str], Any]) -> list[tuple[str, str]]:
    """(name, French message) of each option whose value (``values(name)``) is refused."""
    found = []
    for option in OPTIONS:
        value = values(option.name)
        if not isinstance(value, list | tuple) or not all(
            isinstance(item, str) and option.item_ok(item) for item in value
        ):
            message = f"option « {option.name} » : valeur {value!r} refusée ; "
            found.append((option.name, message + f"attendu : {option.expected}."))
    return found


def problems(values: Callable[[str], Any]) -> list[str]:
    return [message for _, message in refused(values)]


def default(name: str) -> list[str]:
    return next(list(option.default) for option in OPTIONS if option.name == name)


def settings(config: Any) -> tuple[Any, ...]:
    """Every option's value: what the bundle depends on besides stylesheets and words."""
    return tuple(getattr(config, option.name) for option in OPTIONS)
