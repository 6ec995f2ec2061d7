"""The PDF, typeset by Typst from the book's source: the engine's fonts embedded (no font of
the machine is looked at), the same bytes for the same inputs (the edition's day stands for
the creation date)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .render import FONTS


class TypesettingError(Exception):
    """A book could not be made: its problems, in French, each at an article's file and line
    when one is the cause (an image checked before typesetting), else naming the book."""

    def __init__(self, problems: list[str], book: str) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.book = book


# What Typst says, as writers read it; anything else is a defect of kb, to report.
_TYPST_MESSAGES = {
    "failed to decode image": "une image est illisible",
    "file not found": "un fichier manque dans le site construit",
    "failed to load file": "un fichier du site construit est illisible",
}


def typst_problem(message: str, book: str) -> str:
    """Typst's message about ``book`` said in French, without the generated source."""
    for english, french in _TYPST_MESSAGES.items():
        if message.startswith(english):
            return f"{book} : {french} ; reconstruisez le site, puis refaites l’édition."
    return (
        f"{book} : la composition a échoué (Typst : « {message.splitlines()[0][:200]} ») ; "
        "c’est un défaut du moteur : signalez-le avec ce message."
    )


def write_pdf(source: str, target: Path, *, root: Path, edition: dt.date) -> None:
    import typst  # a heavy import, only when a book is made

    created = dt.datetime.combine(edition, dt.time(), tzinfo=dt.UTC)
    try:
        data = typst.compile(
            source.encode("utf-8"),
            root=str(root),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,
            timestamp=created,
        )
    except typst.TypstError as error:
        problem = typst_problem(str(error.message), target.name)
        raise TypesettingError([problem], target.name) from error
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
