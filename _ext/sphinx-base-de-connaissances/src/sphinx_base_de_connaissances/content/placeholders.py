"""What a new base holds until its team fills it in: the local preview's address, the
starter's example repository, contacts made from it. A build that will be published refuses
them; a local build mentions them once. Pure: values in, French messages out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from urllib.parse import urlsplit

from .obligations import Obligations

# The repository ``new`` puts in when it is given none.
EXAMPLE_REPOSITORY = "https://github.com/exemple/ma-base"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "0.0.0.0", "::1", "[::1]"})  # noqa: S104
# Reserved for examples and tests (RFC 2606, RFC 6761), and the French habit « exemple ».
EXAMPLE_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")
EXAMPLE_NAMES = ("example", "exemple")


def is_placeholder_address(url: str) -> bool:
    """A local, reserved or example address: nobody else can reach it."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host or host in LOCAL_HOSTS or host.startswith("127."):
        return True
    if host.endswith(EXAMPLE_SUFFIXES):
        return True
    labels = host.split(".")
    return len(labels) >= 2 and labels[-2] in EXAMPLE_NAMES


def _mentions_example(value: str) -> bool:
    return EXAMPLE_REPOSITORY.removeprefix("https://") in value or any(
        is_placeholder_address(part)
        for part in value.split()
        if part.startswith(("http://", "https://"))
    )


# The data files' own names for the records' fields.
YAML_NAMES = {
    "name": "nom",
    "address": "adresse",
    "phone": "telephone",
    "director": "directeur_publication",
    "status": "statut",
    "privacy": "confidentialite",
    "entity": "entite",
    "email": "courriel",
    "form": "formulaire",
    "multi_year_plan": "schema_pluriannuel",
    "action_plan": "plan_action",
}


def _texts(record: object, prefix: str) -> Iterable[tuple[str, str]]:
    """(field, value) of every text of a record of the obligations, nested ones included."""
    if record is None or not dataclasses.is_dataclass(record):
        return
    for item in dataclasses.fields(record):
        value = getattr(record, item.name)
        name = f"{prefix}.{YAML_NAMES.get(item.name, item.name)}"
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, tuple):
            yield from ((name, v) for v in value if isinstance(v, str))
        else:
            yield from _texts(value, name)


# How the build names the fields of data/editeur.yml and data/accessibilite.yml to a writer.
SHOWN = {
    "publisher": "data/editeur.yml, editeur",
    "host": "data/editeur.yml, hebergeur",
    "accessibility": "data/accessibilite.yml",
}


def placeholders(site_url: str, repository: str, duties: Obligations) -> list[str]:
    """Each value that is still the starter's (or an example), said in French."""
    found = []
    if is_placeholder_address(site_url):
        found.append(
            f"adresse du site « {site_url} » : c’est celle de l’aperçu local ou d’un exemple ; "
            "donnez l’adresse publique (variable SITE_URL, ou html_baseurl dans conf.py)."
        )
    if repository and (
        repository.rstrip("/") == EXAMPLE_REPOSITORY or _mentions_example(repository)
    ):
        found.append(
            f"dépôt « {repository} » : c’est celui de l’exemple ; donnez celui de la base "
            "(kb_repository_url dans conf.py, ou REPOSITORY_URL)."
        )
    for part in ("publisher", "host", "accessibility"):
        for name, value in _texts(getattr(duties, part), part):
            if value and _mentions_example(value):
                field = name.partition(".")[2]
                found.append(
                    f"{SHOWN[part]} ({field}) : « {value[:80]} » vient de l’exemple ; "
                    "remplacez-le par le vôtre."
                )
    return found
