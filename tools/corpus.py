"""Synthetic French knowledge bases for the benchmark: the real site plus N generated articles.

Seeded, so the same size gives the same corpus. Articles have about 1,000 words, valid front
matter, one of 10 categories, 2 to 5 tags out of 60, and 1 or 2 of 20 authors. The corpus is
written outside the source tree (by default under `_build/bench/`).

    python -m tools.corpus 1000 _build/bench/corpus-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from tools.sitebuild import REPO, copy_site_parts

CATEGORIES = [
    ("strategie", "Stratégie"),
    ("transformation", "Transformation digitale"),
    ("reseaux-sociaux", "Réseaux sociaux"),
    ("contenu", "Stratégie de contenu"),
    ("donnees", "Données et mesure"),
    ("marque", "Marque et e-réputation"),
    ("commerce", "Commerce en ligne"),
    ("organisation", "Organisation et compétences"),
    ("outils", "Outils et plateformes"),
    ("relation-client", "Relation client"),
]
TAG_WORDS = [
    "stratégie",
    "réseaux",
    "sociaux",
    "contenu",
    "marque",
    "données",
    "mesure",
    "audience",
    "conversion",
    "fidélisation",
    "référencement",
    "publicité",
    "influence",
    "communauté",
    "crise",
    "veille",
    "innovation",
    "agilité",
    "culture",
    "formation",
    "recrutement",
    "gouvernance",
    "sécurité",
    "mobilité",
    "vidéo",
    "podcast",
    "newsletter",
    "événementiel",
    "partenariat",
    "écosystème",
    "plateforme",
    "automatisation",
    "intelligence",
    "artificielle",
    "expérience",
    "parcours",
    "client",
    "service",
    "après-vente",
    "e-réputation",
    "image",
    "employeur",
    "engagement",
]
WORDS = [
    "entreprise",
    "numérique",
    "stratégie",
    "projet",
    "équipe",
    "client",
    "marché",
    "usage",
    "réseau",
    "donnée",
    "valeur",
    "organisation",
    "transformation",
    "outil",
    "plateforme",
    "contenu",
    "marque",
    "public",
    "communauté",
    "service",
    "changement",
    "décision",
    "direction",
    "collaborateur",
    "méthode",
    "résultat",
    "objectif",
    "indicateur",
    "expérience",
    "parcours",
    "relation",
    "confiance",
    "innovation",
    "culture",
    "compétence",
    "processus",
    "système",
    "information",
    "communication",
    "présence",
    "visibilité",
    "audience",
    "engagement",
    "conversation",
    "réputation",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "et",
    "ou",
    "mais",
    "donc",
    "car",
    "pour",
    "avec",
    "sans",
    "sur",
    "sous",
    "dans",
    "entre",
    "vers",
    "chaque",
    "tout",
    "plusieurs",
    "certains",
    "nouveaux",
    "anciens",
    "grand",
    "petit",
    "rapide",
    "durable",
    "efficace",
    "permet",
    "doit",
    "peut",
    "construit",
    "mesure",
    "accompagne",
    "transforme",
    "développe",
    "partage",
    "améliore",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(4, 8)))


def article(rng: random.Random, number: int, tags: Sequence[str], uniform: bool = False) -> str:
    """One article; ``uniform``: the date, category and tags every other one has (an imported
    blog looks like this), the rest drawn as usual."""
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    category = rng.choice(CATEGORIES)[0]
    chosen = rng.sample(list(tags), rng.randint(2, 5))
    if uniform:
        day, category, chosen = dt.date(2024, 1, 1), CATEGORIES[0][0], list(tags[:3])
    authors = rng.sample([f"auteur-{i:02d}" for i in range(20)], rng.randint(1, 2))
    title = f"Article {number} : {' '.join(rng.choice(WORDS) for _ in range(5))}"
    description = f"Ce que {rng.choice(WORDS)} change pour la {rng.choice(WORDS)} de l’entreprise."
    lines = [
        "---",
        f'title: "{title}"',
        f'description: "{description}"',
        f"date: {day.isoformat()}",
        f"authors: [{', '.join(authors)}]",
        f"category: {category}",
        "tags: [" + ", ".join(f'"{tag}"' for tag in chosen) + "]",
        "---",
        "",
    ]
    body = []
    words = 0
    section = 0
    while words < 1000:
        if words // 250 >= section:
            section += 1
            body.append(f"## Partie {section} : {rng.choice(WORDS)} et {rng.choice(WORDS)}\n")
        paragraph = _paragraph(rng)
        words += len(paragraph.split())
        body.append(paragraph + "\n")
    return "\n".join(lines) + "\n".join(body)


def generate(size: int, dest: Path, seed: int = 2026, *, uniform: bool = False) -> Path:
    """Write the site's configuration and ``size`` articles into ``dest`` (replaced); with
    ``uniform``, every article shares the date, the category and the tags."""
    rng = random.Random(f"{seed}-{size}")  # noqa: S311 (reproducible text, not secrets)
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    copy_site_parts(dest, skip=("articles", "data"))  # generated below
    (dest / "data").mkdir()
    for name in ("editeur.yml", "accessibilite.yml"):  # the site's own: the same duties
        shutil.copyfile(REPO / "data" / name, dest / "data" / name)
    categories = "".join(
        f"{key}:\n  name: {name}\n  description: Les articles sur le thème « {name} ».\n"
        for key, name in CATEGORIES
    )
    (dest / "data/categories.yml").write_text(categories, encoding="utf-8")
    authors = "".join(f"auteur-{i:02d}:\n  name: Auteur n° {i}\n" for i in range(20))
    (dest / "data/authors.yml").write_text(authors, encoding="utf-8")
    tags = [" ".join(rng.sample(TAG_WORDS, rng.randint(1, 2))) for _ in range(60)]
    folder = dest / "articles"
    folder.mkdir()
    for number in range(1, size + 1):
        text = article(rng, number, tags, uniform)
        (folder / f"article-{number:05d}.md").write_text(text, encoding="utf-8")
    return dest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--uniform", action="store_true", help="one date, category and tags")
    options = parser.parse_args(argv)
    generate(options.size, options.dest, options.seed, uniform=options.uniform)
    return 0


if __name__ == "__main__":
    sys.exit(main())
