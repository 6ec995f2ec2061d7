"""Reading paths in real builds: the path's page, the box on each step, the listings, the
errors of data/parcours.yml, and incremental builds equal to clean ones."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, build_root, rebuild_as_clean, soup

PATHS = """\
decouvrir:
  title: "Découvrir la stratégie"
  description: "Trois lectures pour commencer : <dans l’ordre>."
  articles:
    - premier
    - brouillon
    - dossier/troisieme
    - futur
    - deuxieme
"""


def source(tmp_path: Path, paths: str = PATHS) -> Path:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "data/parcours.yml").write_text(paths, "utf-8")
    (src / "index.md").write_text(
        (src / "index.md").read_text("utf-8") + "\n## Parcours\n\n```{kb-paths}\n```\n", "utf-8"
    )
    return src


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root with PATHS, built once for the read-only checks."""
    outdir, warnings = build_root("kb", source(tmp_path_factory.mktemp("paths")), copy=False)
    assert warnings == ""
    return outdir


def box(outdir: Path, page: str) -> list[str]:
    return [
        re.sub(r"[ \t\n]+", " ", nav.get_text(" ", strip=True))  # no-break spaces kept
        for nav in soup(outdir / page).select("nav.kb-path-box")
    ]


def test_the_path_page_lists_published_steps_with_times(built: Path) -> None:
    outdir = built
    page = soup(outdir / "parcours/decouvrir.html")
    section = page.select_one("section.kb-path-page")
    assert section.h1.get_text() == "Découvrir la stratégie"
    # Escaped once, spaced the French way.
    assert section.select_one(".kb-page__intro").get_text() == (
        "Trois lectures pour commencer\u00a0: <dans l’ordre>."
    )
    steps = [li.h2.a for li in section.select("ol.kb-steps > li")]
    assert [a.get_text() for a in steps] == [
        "Premier article\u00a0: «\u202fstratégie\u202f» & <tests>",
        "Troisième article, rangé dans un dossier",
        "Deuxième article",
    ]  # the draft and the future article are left out
    assert [a["href"] for a in steps] == [
        "../articles/premier.html",
        "../articles/dossier/troisieme.html",
        "../articles/deuxieme.html",
    ]
    assert [s.get_text() for s in section.select(".kb-step__number")] == [
        "Étape 1",
        "Étape 2",
        "Étape 3",
    ]
    assert "3 étapes · durée totale\u00a0: 3\u00a0min" in section.get_text()
    index = soup(outdir / "parcours/index.html").select_one("ul.kb-paths")
    assert index.a["href"] == "decouvrir.html"
    home = soup(outdir / "index.html").select_one("ul.kb-paths")
    assert home.a["href"] == "parcours/decouvrir.html"
    assert "3 étapes · 3\u00a0min de lecture" in home.get_text()


def test_each_step_shows_its_place_and_its_neighbours(built: Path) -> None:
    outdir = built
    title = "Parcours «\u202fDécouvrir la stratégie\u202f»"
    assert box(outdir, "articles/premier.html") == [
        f"{title} — étape 1 sur 3 Étape suivante\u00a0: Troisième article, rangé dans un dossier"
    ]
    assert box(outdir, "articles/dossier/troisieme.html") == [
        f"{title} — étape 2 sur 3 Étape précédente\u00a0: Premier article\u00a0: «\u202fstratégie"
        "\u202f» & <tests> Étape suivante\u00a0: Deuxième article"
    ]
    assert box(outdir, "articles/deuxieme.html") == [
        f"{title} — étape 3 sur 3 Étape précédente\u00a0: Troisième article, rangé dans un "
        "dossier Dernière étape du parcours."
    ]
    nav = soup(outdir / "articles/deuxieme.html").select_one("nav.kb-path-box")
    assert nav["aria-label"] == title and nav.has_attr("data-pagefind-ignore")
    assert [a["href"] for a in nav.find_all("a")] == [
        "../parcours/decouvrir.html",
        "dossier/troisieme.html",
    ]


def test_one_box_per_path_and_drafts_in_preview(tmp_path: Path) -> None:
    two = PATHS + "autre:\n  title: Autre\n  articles: [deuxieme, premier]\n"
    outdir, warnings = build_root(
        "kb", source(tmp_path, two), copy=False, confoverrides={"kb_preview": True}
    )
    assert warnings == ""
    boxes = box(outdir, "articles/premier.html")
    assert len(boxes) == 2
    assert "étape 1 sur 5" in boxes[0]  # in preview, the draft and the future one are steps
    assert "Étape suivante\u00a0: Un brouillon" in boxes[0]
    assert boxes[1].endswith(
        "étape 2 sur 2 Étape précédente\u00a0: Deuxième article Dernière étape du parcours."
    )


def test_a_broken_paths_file_fails_the_strict_build_with_every_line(tmp_path: Path) -> None:
    broken = "decouvrir:\n  title: D\n  articles:\n    - premier\n    - absent\n  ordre: 1\n"
    src = source(tmp_path, broken)
    outdir, warnings = build_root("kb", src, copy=False, warningiserror=False)
    assert (
        "data/parcours.yml:5: WARNING: champ « decouvrir » : article inconnu « absent »" in warnings
    )
    assert "data/parcours.yml:6: WARNING: champ « decouvrir » : champ inconnu « ordre »" in warnings
    assert not (outdir / "parcours/decouvrir.html").exists()  # nothing half right
    assert box(outdir, "articles/premier.html") == []
    assert "Aucun parcours pour l’instant." in soup(outdir / "index.html").get_text()


def test_editing_the_paths_and_a_step_rewrites_exactly_what_a_clean_build_writes(
    tmp_path: Path,
) -> None:
    src = source(tmp_path)
    build_root("kb", src, copy=False)
    paths = src / "data/parcours.yml"
    troisieme = src / "articles/dossier/troisieme.md"
    for step, change in (
        (
            "reordered",
            lambda: paths.write_text(
                PATHS.replace("    - premier\n", "") + "    - premier\n", "utf-8"
            ),
        ),
        (
            "retitled",
            lambda: troisieme.write_text(
                troisieme.read_text("utf-8").replace(
                    "title: Troisième article, rangé dans un dossier", "title: Le troisième"
                ),
                "utf-8",
            ),
        ),
        ("removed", lambda: paths.unlink()),
    ):
        change()
        outdir = rebuild_as_clean("kb", src, step)
    assert box(outdir, "articles/premier.html") == []
