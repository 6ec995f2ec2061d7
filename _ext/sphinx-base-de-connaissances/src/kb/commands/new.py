"""``python -m kb new DOSSIER``: a new knowledge base, ready to build, in an empty or new folder.

The starter (``kb/starter/``) is written file by file with the site's title, public address,
repository, French region, today's date and the engine's version put in; nothing is asked, and
nothing is ever overwritten: a folder that already holds a file is refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from .._version import __version__
from ..clock import today
from ..options import LOCALE
from . import os_error_text

# Package data cannot hold dotfiles reliably: "dot-x" in the starter is ".x" in the base.
DOT = "dot-"
TEXT_SUFFIXES = {".py", ".md", ".yml", ".yaml", ".txt", ""}


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise argparse.ArgumentTypeError(
            f"« {value} » n’est pas une adresse ; attendu : https://exemple.org/ma-base/"
        )
    return value if value.endswith("/") else value + "/"


def _region(value: str) -> str:
    if not LOCALE.test(value):
        raise argparse.ArgumentTypeError(f"« {value} » refusée ; attendu : {LOCALE.expected}")
    return value


def _title(value: str) -> str:
    if not value.strip() or any(ch in value for ch in '"\\\n\r'):
        raise argparse.ArgumentTypeError('attendu : un titre d’une ligne, sans « " » ni « \\ »')
    return value.strip()


def files(root: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """(path in the base, packaged file) of every file of the starter."""
    found = []
    for item in sorted(root.iterdir(), key=lambda entry: entry.name):
        if item.name == "__pycache__":
            continue
        name = "." + item.name.removeprefix(DOT) if item.name.startswith(DOT) else item.name
        if item.is_dir():
            found += files(item, f"{prefix}{name}/")
        else:
            found.append((prefix + name, item))
    return found


def render(text: str, values: dict[str, str]) -> str:
    return re.sub(r"@@([A-Z]+)@@", lambda match: values[match[1]], text)


def create(folder: Path, values: dict[str, str]) -> list[str]:
    """Write the starter into ``folder`` (new or empty); return the paths written. When a file
    cannot be written, what was written is removed again and the error goes up."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "n’est pas un dossier" if not folder.is_dir() else "n’est pas vide"
        raise FileExistsError(
            f"{folder} {what} : kb new n’écrit que dans un dossier neuf ou vide, pour ne rien "
            "écraser. Choisissez un autre nom."
        )
    made: list[Path] = []  # files and folders this run created, in order
    written = []
    try:
        for path, item in files(resources.files("kb") / "starter"):
            target = folder / path
            for parent in reversed([target.parent, *target.parent.parents]):
                if not parent.exists():
                    parent.mkdir()
                    made.append(parent)
            data = item.read_bytes()
            if target.suffix in TEXT_SUFFIXES:
                data = render(data.decode("utf-8"), values).encode("utf-8")
            made.append(target)
            target.write_bytes(data)
            if path.startswith(".ci/"):
                target.chmod(0o755)
            written.append(path)
    except OSError:
        for path in reversed(made):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        raise
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kb new", description="Crée une base de connaissances prête à construire."
    )
    parser.add_argument("dossier", type=Path, help="un dossier neuf ou vide")
    parser.add_argument("--titre", type=_title, default="Ma base de connaissances")
    parser.add_argument(
        "--url",
        type=_url,
        default="http://127.0.0.1:8000/",
        help="adresse publique du site (liens canoniques, flux)",
    )
    parser.add_argument(
        "--depot",
        type=_url,
        default="https://github.com/exemple/ma-base/",
        help="dépôt des sources (liens « modifier cette page »)",
    )
    parser.add_argument(
        "--region",
        type=_region,
        default="fr_FR",
        help="région du français : fr_FR, fr_BE, fr_CA, fr_CH…",
    )
    options = parser.parse_args(argv)
    day = today()
    values = {
        "TITRE": options.titre,
        "URL": options.url,
        "DEPOT": options.depot.rstrip("/"),
        "REGION": options.region,
        "DATE": day.isoformat(),
        "ANNEE": str(day.year),
        "VERSION": __version__,
    }
    try:
        written = create(options.dossier, values)
    except FileExistsError as error:
        print(f"kb new : {error}", file=sys.stderr)
        return 1
    except OSError as error:
        reason = os_error_text(error)
        print(
            f"kb new : impossible d’écrire dans {error.filename or options.dossier} ({reason}) ; "
            "rien n’a été laissé. Choisissez un dossier où vous pouvez écrire.",
            file=sys.stderr,
        )
        return 1
    print(f"Base créée dans {options.dossier} ({len(written)} fichiers). Ensuite :")
    print(f"  cd {options.dossier}\n  python -m pip install nox\n  nox -s build\n  nox -s tests")
    return 0
