"""French spacing as a pure function: each rule, what is never touched, what the lint finds."""

from __future__ import annotations

import pytest
from sphinx_base_de_connaissances.content.typography import (
    NBSP,
    NNBSP,
    french_spacing,
    missing_spaces,
    with_spaces,
)


@pytest.mark.parametrize(
    ("typed", "set_"),
    [
        ("Phrase ! Vraiment ? Oui", f"Phrase{NNBSP}! Vraiment{NNBSP}? Oui"),
        ("un ; deux", f"un{NNBSP}; deux"),
        ("Note : ceci", f"Note{NBSP}: ceci"),
        ("« citation »", f"«{NNBSP}citation{NNBSP}»"),
        (f"«{NBSP}déjà{NBSP}»", f"«{NNBSP}déjà{NNBSP}»"),  # docutils' smart quotes' spaces
        ("et 25 % de plus", f"et 25{NNBSP}% de plus"),
        ("pour 30 € seulement", f"pour 30{NNBSP}€ seulement"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("fin de ligne\n! suite", f"fin de ligne{NNBSP}! suite"),  # a line break is a space
        (" ! après une mise en gras", f"{NNBSP}! après une mise en gras"),
        (f"déjà{NNBSP}: étroite", f"déjà{NNBSP}: étroite"),  # a no-break space is kept
    ],
)
def test_typed_spaces_become_no_break_spaces(typed: str, set_: str) -> None:
    assert french_spacing(typed) == set_
    assert french_spacing(set_) == set_  # applying it twice changes nothing


@pytest.mark.parametrize(
    "kept",
    [
        "Bonjour! Ça va?",  # no space typed: nothing guessed
        "à 10:30 ou 8:05",
        "https://exemple.org/?q=a:b&c=d!",
        "Super :) et ;) ou :-) voire :D et ;-(",
        "25% sans espace",
        "«collé»",
        "un texte sans signe",
    ],
)
def test_what_is_never_touched(kept: str) -> None:
    assert french_spacing(kept) == kept


def test_the_lint_finds_the_missing_spaces_and_nothing_else() -> None:
    assert missing_spaces("Bonjour! Vraiment? Oui; non") == ["!", "?", ";"]
    assert missing_spaces("Note: «citation» et 25%") == [":", "«", "»", "%"]
    assert missing_spaces("Phrase ! Vraiment ? Oui : « citation » ; 25 %") == []
    assert missing_spaces("https://exemple.org/a?b=c! à 10:30, www.x.fr/?a") == []
    assert missing_spaces("Quoi ?! etc.? C++ ?") == []
    # Character references are no punctuation (an imported « \&lt; » shows « &lt; »).
    assert missing_spaces("\\&lt; &#233; &#x2014; &amp; mais: non") == [":"]
    assert with_spaces("a &lt; b; Note:") == "a &lt; b ; Note :"
