"""``import gitbook|markdown|wordpress SOURCE``: a team's existing content brought into the
base of the current folder (see ``importer``)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

from ..importer import write
from ..importer.model import Fetch, Source
from ..settings import Settings, SettingsError
from .cli import Parser

KINDS = ("gitbook", "markdown", "wordpress")
FORMULAS = {"dollars": "dollars", "gitbook": "gitbook", "aucune": ""}  # → importer.formulas


def main(argv: Sequence[str] | None = None) -> int:
    parser = Parser(
        "import",
        "Importe un contenu existant dans la base du dossier courant : un espace GitBook, un "
        "dossier Markdown (MkDocs, VuePress, Obsidian) ou un export WordPress (WXR). Rien "
        "d’existant n’est remplacé ; relancée, l’import écrit les mêmes fichiers.",
    )
    parser.add_argument("source", choices=KINDS, help="gitbook, markdown ou wordpress")
    parser.add_argument("chemin", type=Path, help="le dossier de la source, ou l’export .xml")
    parser.add_argument(
        "--medias",
        type=Path,
        help="WordPress : le dossier wp-content/uploads de l’ancien site ; Markdown : le dossier "
        "public du site (d’où il servait « /image.png »), s’il est hors du dossier importé",
    )
    parser.add_argument(
        "--telecharger-medias",
        action="store_true",
        help="télécharge une fois les images distantes (WordPress.com, GitBook…) dans la base, "
        "au lieu d’en faire des liens",
    )
    parser.add_argument(
        "--relu-le",
        type=_day,
        metavar="AAAA-MM-JJ",
        help="le jour où l’équipe a relu le contenu importé (champ « reviewed » : pas de "
        "bandeau « pas relu depuis » sur les pages plus anciennes)",
    )
    parser.add_argument(
        "--formules",
        choices=FORMULAS,
        help="GitBook, Markdown : comment la source écrit ses formules TeX, si la détection se "
        "trompe (dollars : $…$ et $$…$$ ; gitbook : $$…$$ seulement ; aucune : un dollar est un "
        "dollar). Par défaut : d’après la configuration de la source",
    )
    parser.add_argument("--base", type=Path, default=Path(), help="la base (par défaut : ici)")
    args = parser.parse_args(argv)
    problem = _problem(args.source, args.chemin, args.medias, args.base)
    if problem:
        print(f"import : {problem}", file=sys.stderr)
        return 2
    try:
        settings = Settings.from_conf_py(args.base)
    except SettingsError as error:
        print("import : conf.py refusé :", *error.problems, sep="\n  ", file=sys.stderr)
        return 2
    try:
        fetch = _downloader(args.base) if args.telecharger_medias else None
        math = FORMULAS[args.formules] if args.formules else None
        source = _read(args.source, args.chemin, args.medias, fetch, math)
    except (ValueError, SyntaxError) as error:  # ET.ParseError is a SyntaxError
        print(f"import : {args.chemin} illisible : {error}", file=sys.stderr)
        return 2
    base = write.Base(args.base.resolve(), settings.articles_dir, settings.data_dir)
    dates = write.Dates(dt.date.today(), args.relu_le)
    outcome = write.place(
        source, base, dates, lambda done, total: _progress(done, total, "écrites")
    )
    _report(source, outcome, base.root)
    return 0


def _day(value: str) -> dt.date:
    """A day of ``--relu-le``: a date written AAAA-MM-JJ, not after today."""
    import argparse

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {value} » : attendu une date AAAA-MM-JJ") from None
    if day > dt.date.today():
        raise argparse.ArgumentTypeError(f"« {value} » est dans le futur")
    return day


def _progress(done: int, total: int, what: str) -> None:
    """A line every 1,000 pages of a large source, on the error stream (the report stays
    what the standard output says)."""
    if total >= 2_000 and (done % 1_000 == 0 or done == total):
        print(f"import : {done:_} / {total:_} pages {what}".replace("_", "\u202f"), file=sys.stderr)


def _problem(kind: str, path: Path, medias: Path | None, base: Path) -> str:
    if not (base / "conf.py").is_file():
        return (
            f"pas de conf.py dans {base.resolve()} : lancez l’import dans une base créée par "
            "« base-de-connaissances new », ou donnez-la avec --base."
        )
    if kind == "wordpress":
        if not path.is_file():
            return f"{path} : attendu, le fichier .xml de l’export WordPress."
        if medias is not None and not medias.is_dir():
            return f"--medias {medias} : attendu, le dossier wp-content/uploads."
        if importlib.util.find_spec("bs4") is None:
            return (
                "l’import WordPress demande beautifulsoup4 : "
                'python -m pip install "sphinx-base-de-connaissances[import]"'
            )
    elif not path.is_dir():
        return f"{path} : attendu, le dossier de la source."
    elif medias is not None and (kind == "gitbook" or not medias.is_dir()):
        return f"--medias {medias} : attendu, le dossier public d’un site Markdown."
    return ""


def _downloader(base: Path) -> Fetch:
    """Remote images fetched once into the base's build folder (never published, never
    committed), a line every 50 on the error stream."""
    from ..importer.remote import Downloader

    def progress(fetched: int) -> None:
        if fetched % 50 == 0:
            print(f"import : {fetched} images téléchargées", file=sys.stderr)

    return Downloader(base.resolve() / "_build" / "medias-importes", progress).get


def _read(
    kind: str, path: Path, medias: Path | None, fetch: Fetch | None, math: str | None
) -> Source:
    if kind == "gitbook":
        from ..importer import gitbook

        return gitbook.read(path, fetch, math)
    if kind == "markdown":
        from ..importer import folder

        return folder.read(path, fetch, math, medias)
    from ..importer import wordpress

    return wordpress.read(path, medias, lambda done, total: _progress(done, total, "lues"), fetch)


def _report(source: Source, outcome: write.Outcome, root: Path) -> None:
    def shown(paths: list[str]) -> list[str]:
        return [Path(p).relative_to(root).as_posix() for p in paths]

    drafts = sum(page.draft for page in source.pages)
    print(
        f"{source.kind} : {len(source.pages)} pages lues ({drafts} brouillons), "
        f"{len(source.files)} fichiers ; {len(outcome.written)} fichiers écrits, "
        f"{len(outcome.unchanged)} déjà à jour."
    )
    print(f"\nCe que le lecteur retrouve ({source.kind} → base) :")
    print(*outcome.fidelity.lines(), sep="\n")
    if outcome.kept:
        print("\nDéjà présents et différents, laissés tels quels (rien n’est remplacé) :")
        print(*(f"  {p}" for p in shown(outcome.kept)), sep="\n")
    if outcome.notes:
        print(f"\nÀ relire ({len(outcome.notes)}) :")
        print(*(f"  {note}" for note in outcome.notes), sep="\n")
    print(
        "\nEnsuite : nox -s check, puis nox -s build. Une fois l’import validé (git commit), "
        "« git rev-parse HEAD >> .git-blame-ignore-revs » : ce commit ne comptera ni comme "
        "contribution ni comme mise à jour des articles."
    )
