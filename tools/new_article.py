"""Create a new article with its front matter: ``nox -s article -- "Titre de l’article"``.

The file is ``articles/<slug>.md``; the slug comes from the title (lower case, no accents).
Placeholders are left where the writer must choose (description, category, authors): the
article fails ``nox -s check`` until they are filled. An existing article is never overwritten.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sphinx_base_de_connaissances.clock import today
from sphinx_base_de_connaissances.content.slugs import slugify
from sphinx_base_de_connaissances.outputs import cardset
from sphinx_base_de_connaissances.source.files import load_vocabulary as load

from tools.sitebuild import REPO

TEMPLATE = """\
---
title: {title}
# Une phrase de 30 à 200 caractères, qui donne envie de lire l’article.
description: ""
date: {date}
# Parmi : {authors}
authors: []
# Une seule parmi : {categories}
category: ""
# Des mots-clés libres, par exemple : [stratégie, réseaux sociaux]
tags: []
# Retirez « draft: true » quand l’article est prêt à être publié.
draft: true
---

Écrivez ici l’introduction de votre article.

## Un premier intertitre

Le corps de l’article, en Markdown (MyST) : voir CONTRIBUTING.md.
"""


def scaffold(title: str, srcdir: Path = REPO) -> Path:
    """Write the new article; raise FileExistsError if it exists, ValueError for a bad title."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ValueError("le titre doit contenir au moins une lettre ou un chiffre.")
    path = srcdir / "articles" / f"{slug}.md"
    existing = [p for p in (srcdir / "articles").rglob(f"{slug}.md")]
    if existing:
        raise FileExistsError(existing[0])
    vocab, _ = load(srcdir / "data")
    text = TEMPLATE.format(
        title=json.dumps(title, ensure_ascii=False),  # a valid YAML double-quoted string
        date=today().isoformat(),
        authors=", ".join(vocab.authors) or "(aucun auteur déclaré dans data/authors.yml)",
        categories=", ".join(vocab.categories) or "(aucune catégorie dans data/categories.yml)",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Crée un nouvel article.")
    parser.add_argument("title", nargs="+", help="le titre de l’article")
    parser.add_argument("--srcdir", type=Path, default=REPO)
    options = parser.parse_args(argv)
    try:
        path = scaffold(" ".join(options.title), options.srcdir)
    except FileExistsError as error:
        print(
            f"Un article porte déjà ce nom : {Path(str(error)).relative_to(options.srcdir)}. "
            "Choisissez un autre titre.",
            file=sys.stderr,
        )
        return 1
    except ValueError as error:
        print(f"Titre invalide : {error}", file=sys.stderr)
        return 1
    shown = path.relative_to(options.srcdir)
    docname = shown.with_suffix("").as_posix()
    print(
        f"Article créé : {shown}\nComplétez son front matter puis lancez « nox -s check ».\n"
        f"Sa carte de partage (l’image montrée par les réseaux) : _build/html/"
        f"{cardset.article_card(docname)} après « nox -s build »."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
