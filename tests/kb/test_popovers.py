"""Glossary terms and link previews in real builds: the definitions and previews a page shows
are written into it (escaped, hidden, left out of search), an unknown term fails the build,
and editing a definition or a linked article rewrites the pages that show it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import REPO, build_root, rebuild_as_clean, soup

GLOSSARY = """\
---
orphan: true
---
# Glossaire

```{glossary}
KPI
Indicateur clé
  Une mesure <chiffrée> : « suivie » dans le temps.

E-réputation
  L’image en ligne d’une organisation.
```
"""
USES = (
    "\nSuivre un {term}`KPI`, surveiller l’{term}`e-réputation` ; lire "
    "[le deuxième](deuxieme.md), [le troisième](dossier/troisieme.md) et [moi-même](premier.md).\n"
)


def source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "glossaire.md").write_text(GLOSSARY, "utf-8")
    with (src / "articles/premier.md").open("a", encoding="utf-8") as handle:
        handle.write(USES)
    return src


def popovers(outdir: Path, page: str) -> dict[str, object]:
    layer = soup(outdir / page).select_one("div.kb-popovers")
    return {pop["id"]: pop for pop in layer.select(".kb-popover")} if layer else {}


def test_a_page_holds_the_definitions_of_its_terms_and_previews_of_its_links(
    tmp_path: Path,
) -> None:
    outdir, warnings = build_root("kb", source(tmp_path), copy=False)
    assert warnings == ""
    page = soup(outdir / "articles/premier.html")
    layer = page.select_one("div.kb-popovers")
    assert layer.has_attr("data-pagefind-ignore")
    found = popovers(outdir, "articles/premier.html")
    assert sorted(found) == [
        "kb-def-term-E-reputation",
        "kb-def-term-KPI",
        "kb-preview-1",
        "kb-preview-2",
    ]
    kpi = found["kb-def-term-KPI"]
    assert kpi["role"] == "tooltip" and kpi.has_attr("hidden")
    assert kpi.select_one(".kb-popover__text").get_text() == (
        "Une mesure <chiffrée>\u00a0: «\u202fsuivie\u202f» dans le temps."
    )
    assert kpi.a["href"] == "../glossaire.html#term-KPI"
    # The term link in the text points where the popover's own link does.
    term_links = [a["href"] for a in page.select("a.reference.internal") if a.select(".std-term")]
    assert term_links == ["../glossaire.html#term-KPI", "../glossaire.html#term-E-reputation"]
    # Previews: the published articles linked to, not the page itself.
    assert found["kb-preview-2"]["data-kb-href"] == "dossier/troisieme.html"
    preview = found["kb-preview-1"]
    assert preview["data-kb-href"] == "deuxieme.html"
    assert preview.select_one(".kb-popover__title").get_text() == "Deuxième article"
    meta = preview.select_one(".kb-popover__meta").get_text(" ", strip=True)
    assert "2 mars 2026" in meta and "min de lecture" in meta
    assert "<chiffrée>" not in str(page).replace("&lt;chiffrée&gt;", "")  # escaped once
    # A page without terms or links has no block.
    assert popovers(outdir, "articles/deuxieme.html") == {}


def test_an_unknown_term_fails_the_build_with_its_file_and_line(tmp_path: Path) -> None:
    src = source(tmp_path)
    with (src / "articles/deuxieme.md").open("a", encoding="utf-8") as handle:
        handle.write("\nUn {term}`ROI` inconnu.\n")
    _, warnings = build_root("kb", src, copy=False, warningiserror=False)
    assert "articles/deuxieme.md:" in warnings and "ROI" in warnings and "glossaire" in warnings


def test_editing_a_definition_or_a_linked_article_rewrites_the_pages_showing_it(
    tmp_path: Path,
) -> None:
    src = source(tmp_path)
    build_root("kb", src, copy=False)
    glossary, deuxieme = src / "glossaire.md", src / "articles/deuxieme.md"
    for step, (path, old, new) in {
        "definition": (glossary, "L’image en ligne", "La réputation en ligne"),
        "linked-title": (deuxieme, "title: Deuxième article", "title: Le deuxième article"),
        "linked-description": (deuxieme, "sur les réseaux sociaux", "sur les médias sociaux"),
    }.items():
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
        outdir = rebuild_as_clean("kb", src, step)
    found = popovers(outdir, "articles/premier.html")
    assert "La réputation en ligne" in found["kb-def-term-E-reputation"].get_text()
    assert found["kb-preview-1"].select_one(".kb-popover__title").get_text() == (
        "Le deuxième article"
    )
