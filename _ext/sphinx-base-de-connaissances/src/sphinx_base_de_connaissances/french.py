"""The warnings writers meet most, from Sphinx, MyST and docutils, said in French: a filter on
Sphinx's handlers rewrites each known English message (its location, type and subtype kept);
kb's own are French already. Sphinx's French catalog covers few of its console messages, and
MyST and docutils have none."""

from __future__ import annotations

import logging
import re

_GUILLEMETS = "« \\1 »"
# (English message, French message), matched on the whole message.
MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english, re.DOTALL), french)
    for english, french in (
        (
            r"Unknown directive type: '(.+)'",
            f"directive inconnue : {_GUILLEMETS} ; vérifiez son nom (celles du moteur "
            "commencent par kb-)",
        ),
        (r'Unknown directive type "(.+)"\.', f"directive inconnue : {_GUILLEMETS}"),
        (r'Unknown interpreted text role "(.+)"\.', f"rôle inconnu : {_GUILLEMETS}"),
        (
            r"Non-consecutive header level increase; H(\d) to H(\d)",
            "niveau de titre sauté : de H\\1 à H\\2 ; passez d’un niveau au suivant",
        ),
        (
            r'Duplicate explicit target name: "(.+)"\.',
            f"étiquette {_GUILLEMETS} définie deux fois ; chaque étiquette doit être unique",
        ),
        (
            r"duplicate label (.+), other instance in (.+)",
            f"étiquette {_GUILLEMETS} en double (aussi dans \\2)",
        ),
        (
            r"'myst' cross-reference target not found: '(.+)'",
            f"lien vers {_GUILLEMETS} : cible introuvable (fichier absent ou étiquette inconnue)",
        ),
        (r"unknown document: '(.+)'", f"document inconnu : {_GUILLEMETS}"),
        (r"undefined label: '(.+)'", f"étiquette inconnue : {_GUILLEMETS}"),
        (
            r"term not in glossary: '(.+)'",
            f"terme absent du glossaire : {_GUILLEMETS} ; ajoutez son entrée à glossaire.md",
        ),
        (
            r"document isn't included in any toctree",
            "document absent de toute table des matières (toctree)",
        ),
        (r"image file not readable: (.+)", f"image illisible : {_GUILLEMETS}"),
        (r"Duplicate reference definition: (.+)", f"définition de lien {_GUILLEMETS} en double"),
        (r"Malformed YAML", "YAML mal formé"),
    )
)


def french(message: str) -> str | None:
    """``message`` in French, when it is one of the known ones."""
    for english, translation in MESSAGES:
        if english.fullmatch(message.strip()):
            return english.sub(translation, message.strip())
    return None


class FrenchWarnings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            # The message alone (Sphinx's record adds its location when it is printed).
            translated = french(logging.LogRecord.getMessage(record))
            if translated is not None:
                record.msg, record.args = translated, ()
        return True


def install() -> None:
    """On every handler of Sphinx's logger (they are set up before extensions load)."""
    for handler in logging.getLogger("sphinx").handlers:
        if not any(isinstance(f, FrenchWarnings) for f in handler.filters):
            handler.filters.insert(0, FrenchWarnings())
