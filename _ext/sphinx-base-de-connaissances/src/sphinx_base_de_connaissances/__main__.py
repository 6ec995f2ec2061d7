"""``base-de-connaissances COMMAND``: the knowledge base's commands, without a Sphinx build.

- ``new DIR``: a new base in an empty or new folder (``new --help`` for its options);
- ``check [SRCDIR]``: every problem of the articles and data files (exit 1 if any);
- ``links [SRCDIR]``: the orphan articles and the dead ends (never a failure);
- ``review [SRCDIR] [--months N]``: the articles due for review, as a Markdown table;
- ``offline [SRCDIR]``: the base and each reading path as PDF and EPUB, from the built HTML;
- ``upgrade [BASE]``: a base made with an older engine brought up to this one;
- ``import gitbook|markdown|wordpress SOURCE``: existing content brought into a base.

Also installed as the ``base-de-connaissances`` command.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from .commands.cli import PROGRAM

COMMANDS = {
    "new": "crée une base de connaissances dans un dossier neuf ou vide",
    "check": "vérifie le front matter et les fichiers de données",
    "links": "liste les articles orphelins et les impasses",
    "review": "liste les articles à relire",
    "offline": "écrit l’édition hors ligne (PDF et EPUB) d’un site construit",
    "upgrade": "met une base à jour avec cette version du moteur",
    "import": "importe un GitBook, un dossier Markdown ou un export WordPress",
}
MODULES = {"import": "importer"}  # "import" is Python's word


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        lines = [f"  {name:8} {about}" for name, about in COMMANDS.items()]
        print(f"utilisation : {PROGRAM} COMMANDE [ARGUMENTS]\n\ncommandes :", *lines, sep="\n")
        return 0 if args[:1] in (["-h"], ["--help"], ["--aide"]) else 2
    module = MODULES.get(args[0], args[0])
    command = importlib.import_module(f".commands.{module}", __package__)
    return int(command.main(args[1:]))


if __name__ == "__main__":
    sys.exit(main())
