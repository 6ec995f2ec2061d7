"""French spelling of the articles with Hunspell (Debian's ``hunspell`` and ``hunspell-fr``).

Checks the text of every article (front matter values, headings, paragraphs; not code, URLs or
MyST syntax) and reports unknown words with file and line, in French. Words of the field go in
``docs/mots-du-domaine.txt`` (one per line). Exit 1 on any unknown word; exit 2 when Hunspell or
its French dictionary is missing (a failure under ``CI=true``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tools.sitebuild import REPO

WORDLIST = REPO / "docs" / "mots-du-domaine.txt"
DICTIONARY = "fr_FR"
_CODE = re.compile(r"`[^`]*`")
_URL = re.compile(r"\(?<?https?://\S+|\]\([^)]*\)|\{[a-z:-]+\}`[^`]*`")
_KEY = re.compile(r"^\s*[a-z_]+:\s*")
_FRONT_KEYS_SKIPPED = ("date:", "updated:", "category:", "authors:", "image:", "share:", "draft:")


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text to check) for the prose of an article."""
    lines = text.splitlines()
    fence = None
    in_front = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, start=1):
        if number == 1 and in_front:
            continue
        if in_front:
            if line.strip() == "---":
                in_front = False
            elif not line.lstrip().startswith(("#", *_FRONT_KEYS_SKIPPED)):
                yield number, _KEY.sub("", line)
            continue
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", ":::")):
            fence = stripped[:3]
            continue
        if stripped.startswith(":") and not stripped.startswith(":::"):
            continue  # directive options
        yield number, _CODE.sub(" ", _URL.sub(" ", line))  # roles before inline code


def unknown_words(lines: Sequence[tuple[int, str]], words: set[str]) -> list[tuple[int, str]]:
    """Ask Hunspell for each line's unknown words (``-a`` pipe mode, one answer block a line)."""
    text = "".join("^" + line.replace("\n", " ") + "\n" for _, line in lines)
    result = subprocess.run(
        ["hunspell", "-a", "-d", DICTIONARY, "-i", "utf-8"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    blocks = result.stdout.split("\n\n")
    found = []
    for (number, _), block in zip(lines, blocks[: len(lines)], strict=False):
        for answer in block.splitlines():
            if answer[:1] in {"&", "#"}:
                word = answer.split()[1].strip(".,;:!?…")  # the French .aff lets "." in words
                if word not in words and word.lower() not in words:
                    found.append((number, word))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    files = [Path(a) for a in (argv or [])] or sorted((REPO / "articles").rglob("*.md"))
    if shutil.which("hunspell") is None:
        message = "Hunspell est introuvable (paquets Debian : hunspell hunspell-fr)."
        print(message, file=sys.stderr)
        return 2 if os.environ.get("CI") == "true" else 0
    words = set(WORDLIST.read_text("utf-8").split()) if WORDLIST.is_file() else set()
    problems = 0
    for path in files:
        lines = [(n, text) for n, text in prose_lines(path.read_text("utf-8")) if text.strip()]
        shown = path.resolve().relative_to(REPO) if path.resolve().is_relative_to(REPO) else path
        for number, word in unknown_words(lines, words):
            print(
                f"{shown}:{number}: mot inconnu « {word} » (faute de frappe ? sinon, "
                f"ajoutez-le à docs/mots-du-domaine.txt)",
                file=sys.stderr,
            )
            problems += 1
    if problems:
        print(f"\n{problems} mot{'s' if problems > 1 else ''} à vérifier.", file=sys.stderr)
        return 1
    print("Orthographe : aucun mot inconnu.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
