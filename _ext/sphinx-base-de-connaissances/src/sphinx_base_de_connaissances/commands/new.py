"""``base-de-connaissances new DOSSIER``: a new knowledge base, ready to build, in an empty or
new folder.

The starter (``starter/``, see ``template``) is written file by file with the site's title,
public address, repository and French region put in as data, today's date, the engine's
version, and the requirements that install the engine the way it was installed here
(``origin``). Nothing is asked, and nothing is ever overwritten: a folder that already holds a
file is refused. The base gets a record of what it was made from, for ``upgrade``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .._version import __version__
from ..clock import today
from ..content.placeholders import EXAMPLE_REPOSITORY
from ..content.text import control_character
from ..options import LOCALE
from . import origin, os_error_text
from .cli import Parser
from .template import Owner, Record, Values, owner, rendered

TITLE_MAX = 120
LOCAL_URL = "http://127.0.0.1:8000/"  # the live preview's (nox -s serve)


class RefusedError(ValueError):
    """An option's value, refused: the message says what was expected, in French."""


def title(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise RefusedError("--titre : le titre est vide")
    bad = control_character(value)
    if bad:
        raise RefusedError(f"--titre : caractère {bad} refusé ; attendu : du texte")
    if len(value) > TITLE_MAX:
        raise RefusedError(f"--titre : {len(value)} caractères ; au plus {TITLE_MAX}")
    return value


def address(option: str, value: str) -> str:
    parts = urlsplit(value)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.netloc
        or control_character(value)
        or any(ch.isspace() for ch in value)
    ):
        raise RefusedError(
            f"{option} : « {value.strip()[:80]} » n’est pas une adresse web ; attendu : "
            "https://exemple.org/ma-base/"
        )
    return value


def region(value: str) -> str:
    if not LOCALE.test(value):
        raise RefusedError(f"--region : « {value[:20]} » refusée ; attendu : {LOCALE.expected}")
    return value


# The hosts a new base is published on (--hebergeur), as data/editeur.yml names them.
HOSTS = {
    "github": {
        "nom": "GitHub, Inc.",
        "adresse": "88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, États-Unis",
        # GitHub's own documentation gives this number (« Contacting GitHub's sales team »).
        "telephone": "+1 877 448 4820",
        "pays": "États-Unis",
        "site": "https://pages.github.com/",
        "confidentialite": "https://docs.github.com/fr/site-policy/privacy-policies/"
        "github-general-privacy-statement",
        # GitHub Pages sends « Cache-Control: max-age=600 » with every file.
        "duree_cache": 600,
    },
    "readthedocs": {
        "nom": "Read the Docs, Inc.",
        # The address Read the Docs gives as the controller's (EthicalAds' privacy policy).
        "adresse": "818 SW 3rd Ave #221-5841, Portland, OR 97204-2405, États-Unis",
        "pays": "États-Unis",
        "contact": "https://about.readthedocs.com/contact/",
        "site": "https://about.readthedocs.com/",
        "confidentialite": "https://about.readthedocs.com/privacy-policy/",
    },
}


def host_block(name: str) -> str:
    if name not in HOSTS:
        raise RefusedError(f"--hebergeur : « {name[:20]} » inconnu ; attendu : {', '.join(HOSTS)}")
    text = yaml.safe_dump(HOSTS[name], allow_unicode=True, sort_keys=False, width=200)
    return "\n".join(f"  {line}" for line in text.splitlines())


def values_of(
    titre: str,
    url: str,
    depot: str,
    region_: str,
    hebergeur: str = "github",
    edition: bool = True,
) -> Values:
    """The starter's values from the options, each checked (``RefusedError`` otherwise)."""
    day = today()
    found = origin.installed()
    moteur = "\n".join(found.requirements())
    name = title(titre)
    repository = address("--depot", depot).rstrip("/")
    return Values(
        titre=name,
        url=address("--url", url).rstrip("/") + "/",
        depot=repository,
        region=region(region_),
        date=day.isoformat(),
        annee=str(day.year),
        version=__version__,
        moteur=f"# Installé {found.note()}.\n{moteur}",
        editeur=f"Les contributeurs de {name}",
        contact=f"{repository}/issues",
        signalement=f"{repository}/issues/new",
        hebergeur=host_block(hebergeur),
        cms="decap" if edition else "",
    )


def create(folder: Path, values: Values) -> list[str]:
    """Write the starter into ``folder`` (new or empty); return the paths written. When a file
    cannot be written, what was written is removed again and the error goes up."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "n’est pas un dossier" if not folder.is_dir() else "n’est pas vide"
        raise FileExistsError(
            f"{folder} {what} : rien n’est écrit dans un dossier qui contient déjà un fichier, "
            "pour ne rien écraser. Choisissez un autre nom."
        )
    made: list[Path] = []  # files and folders this run created, in order
    files = rendered(values)
    try:
        for path, data in files.items():
            target = folder / path
            for parent in reversed([target.parent, *target.parent.parents]):
                if not parent.exists():
                    parent.mkdir()
                    made.append(parent)
            made.append(target)
            target.write_bytes(data)
            if path.startswith(".ci/"):
                target.chmod(0o755)
        shared = {p: d.decode("utf-8") for p, d in files.items() if owner(p) is Owner.SHARED}
        made.append(folder / ".base-de-connaissances.json")
        Record(values, shared).save(folder)
    except OSError:
        for path in reversed(made):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        raise
    return list(files)


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser("new", "Crée une base de connaissances prête à construire.")
    parser.add_argument("dossier", type=Path, help="un dossier neuf ou vide")
    parser.add_argument("--titre", default="Ma base de connaissances", help="le nom du site")
    parser.add_argument("--url", help="adresse publique du site")
    parser.add_argument("--depot", help="dépôt des sources (liens « proposer une modification »)")
    parser.add_argument(
        "--region", default="fr_FR", help="région du français : fr_FR, fr_BE, fr_CA, fr_CH…"
    )
    parser.add_argument(
        "--hebergeur",
        default="github",
        help="qui publie le site, pour les mentions légales : github (GitHub Pages) ou "
        "readthedocs (Read the Docs)",
    )
    parser.add_argument(
        "--sans-edition",
        action="store_true",
        help='sans l’espace d’écriture en ligne (admin/) ; kb_cms = "decap" dans conf.py '
        "l’ajoute plus tard",
    )
    options = parser.parse_args(argv)
    try:
        values = values_of(
            options.titre,
            options.url or LOCAL_URL,
            options.depot or EXAMPLE_REPOSITORY,
            options.region,
            options.hebergeur,
            not options.sans_edition,
        )
        written = create(options.dossier, values)
        written += origin.copy_wheels(options.dossier)
    except RefusedError as error:
        parser.error(str(error))
    except FileExistsError as error:
        print(f"{parser.prog} : {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"{parser.prog} : impossible d’écrire dans {error.filename or options.dossier} "
            f"({os_error_text(error)}) ; rien n’a été laissé. Choisissez un dossier où vous "
            "pouvez écrire.",
            file=sys.stderr,
        )
        return 1
    print(f"Base créée dans {options.dossier} ({len(written)} fichiers). Ensuite :")
    print(f"  cd {options.dossier}\n  python -m pip install nox\n  nox -s build\n  nox -s tests")
    found = origin.installed()
    if found.kind == "local" and not origin.local_wheels():
        print(
            "\nAttention : le moteur a été installé depuis un dossier de cette machine ; la base "
            f"l’installera depuis l’index des paquets, à la version {__version__}. Si cette "
            "version n’y est pas publiée, sa construction échouera : installez plutôt le moteur "
            "depuis son dépôt git ou depuis un fichier .whl, puis recréez la base."
        )
    missing = missing_values(options.url, options.depot)
    if missing:
        print("\nÀ remplir avant de publier (la publication refuse ces valeurs d’exemple) :")
        for line in missing:
            print(f"  - {line}")
    return 0


def missing_values(url: str | None, depot: str | None) -> list[str]:
    """What ``new`` put in for the options it was not given, and what that means."""
    found = []
    if url is None:
        found.append(
            f"--url non donnée : le site pointe vers l’aperçu local {LOCAL_URL} (liens "
            "canoniques, flux, partage, plan du site) ; mettez l’adresse publique dans "
            "html_baseurl (conf.py) ou la variable SITE_URL."
        )
    if depot is None:
        found.append(
            f"--depot non donné : « {EXAMPLE_REPOSITORY} » sert de dépôt et de contact (mentions "
            "légales, accessibilité, données personnelles) ; mettez le vôtre dans conf.py "
            "(kb_repository_url) et data/editeur.yml, data/accessibilite.yml."
        )
    return found
