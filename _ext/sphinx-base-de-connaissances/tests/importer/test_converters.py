"""The importer's converters on fixture files (the model is MyST-Parser's own fixture
tests): each case's input and expected MyST side by side in ``converters/*.md``, written for
these tests. The end-to-end tests build whole bases; these say, construct by construct, what
the writer gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_base_de_connaissances.importer import blocks, folder, outline
from sphinx_base_de_connaissances.importer.html import Converter
from sphinx_base_de_connaissances.importer.model import Source

CASES = Path(__file__).parent / "converters"


def cases(name: str) -> list[tuple[str, list[str]]]:
    """(title, [part, …]) of each « § title » case, its parts between lines « . »."""
    text = (CASES / name).read_text("utf-8")
    found = []
    for block in re.split(r"^§ ", text, flags=re.MULTILINE)[1:]:
        title, _, rest = block.partition("\n")
        parts = rest.split("\n.\n")
        found.append((title.strip(), [p.removeprefix(".\n") for p in parts[:-1]]))
    return found


@pytest.mark.parametrize(("title", "parts"), cases("html.md"), ids=lambda v: str(v)[:40])
def test_html_becomes_the_myst_a_writer_would_type(title: str, parts: list[str]) -> None:
    html, expected, *said = parts
    notes: list[str] = []
    converter = Converter(
        image=lambda src, alt, caption: f"![{alt}]({src})",
        link=lambda href: f"SELF{href}" if href.startswith("#") else href,
        note=notes.append,
        footnotes={"a1": "Une <em>source</em>", "b2": "Une autre"},
    )
    assert converter.convert(html) == expected + "\n", title
    assert notes == (said[0].split("\n") if said else [])


@pytest.mark.parametrize(("title", "parts"), cases("outline.md"), ids=lambda v: str(v)[:40])
def test_the_writer_makes_headings_and_anchors_the_build_accepts(
    title: str, parts: list[str]
) -> None:
    body, wanted, expected = parts
    anchors = {line for line in wanted.split("\n") if line.strip() not in {"", "-"}}
    placed = outline.placed(body + "\n", anchors, "page")
    assert placed.body.strip("\n") == expected, title
    if anchors:
        assert placed.missing == ("absente",)
        assert placed.fragments == {"haut": "haut", "bas": "page-bas", "cible": "page-cible"}


@pytest.mark.parametrize(("title", "parts"), cases("markdown.md"), ids=lambda v: str(v)[:40])
def test_a_markdown_source_becomes_the_myst_a_writer_would_type(
    title: str, parts: list[str], tmp_path: Path
) -> None:
    page, expected = parts
    context = blocks.Context(
        Source("Markdown"),
        "page.md",
        tmp_path,
        tmp_path,
        lambda path: path.name if path.name in {"autre.md", "page.md"} else None,
        key="page.md",
    )
    assert blocks.convert(page, context) == expected + "\n", title


def test_a_page_too_long_for_one_article_is_cut_before_headings_that_fit() -> None:
    changelog = "## Versions\n\n" + "".join(
        f"### 1.{n}\n\nCorrections de la version 1.{n}.\n\n" for n in range(7)
    )
    parts = outline.split(changelog, 3, 10_000)
    assert [part.split("\n", 1)[0] for part in parts] == ["## Versions", "### 1.2", "### 1.5"]
    assert "".join(parts).count("Corrections") == 7
    assert outline.split(changelog, 100, 10_000) == [changelog]


def test_a_nav_entry_naming_a_folder_brings_its_pages_index_first(tmp_path: Path) -> None:
    (tmp_path / "docs/guide").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Doc\nnav:\n  - Accueil: index.md\n  - Guide: guide/\n", "utf-8"
    )
    (tmp_path / "docs/index.md").write_text("# Accueil\n\nBienvenue.\n", "utf-8")
    for name in ("b-suite.md", "README.md", "a-debut.md"):
        (tmp_path / "docs/guide" / name).write_text(f"# {name}\n\nTexte.\n", "utf-8")
    (tmp_path / "docs/guide/schema.md").write_text(
        '# Schéma\n\n--8<-- "docs/extraits/commun.md"\n', "utf-8"
    )
    (tmp_path / "docs/extraits").mkdir()
    (tmp_path / "docs/extraits/commun.md").write_text("Un texte partagé.\n", "utf-8")
    source = folder.read(tmp_path)
    guide = [p.source for p in source.pages if p.category == "Guide"]
    assert guide == [
        "docs/guide/README.md",
        "docs/guide/a-debut.md",
        "docs/guide/b-suite.md",
        "docs/guide/schema.md",
    ]
    schema = next(p for p in source.pages if p.source == "docs/guide/schema.md")
    assert "Un texte partagé." in schema.body and "--8<--" not in schema.body


@pytest.mark.parametrize(("title", "parts"), cases("formulas.md"), ids=lambda v: str(v)[:40])
def test_the_source_s_formulas_become_myst_math(
    title: str, parts: list[str], tmp_path: Path
) -> None:
    syntax, page, expected, *said = parts
    source = Source("Markdown", math=syntax.strip())
    context = blocks.Context(source, "page.md", tmp_path, tmp_path, lambda path: None)
    assert blocks.convert(page, context) == expected + "\n", title
    assert [str(note) for note in source.notes] == (said[0].split("\n") if said else [])


def report(context: blocks.Context, body: str, links_kept: int) -> list[str]:
    """The import report's measure for the one page ``context`` converted into ``body``."""
    from sphinx_base_de_connaissances.importer.fidelity import Tally
    from sphinx_base_de_connaissances.importer.model import Page

    tally = Tally()
    tally.add(Page("page.md", "page.md", "Page", "", "x", seen=context.seen), body, links_kept, 0)
    return tally.lines()


def test_a_link_broken_in_the_source_is_counted_apart(tmp_path: Path) -> None:
    source = Source("Markdown")
    context = blocks.Context(
        source, "page.md", tmp_path, tmp_path, lambda p: p.name if p.name == "autre.md" else None
    )
    text = "Voir [l’autre](autre.md), [l’absente](absente.md) et [la recherche](?q=x).\n"
    body = blocks.convert(text, context)
    # A search of the old site worked there: a link the import loses, not one broken before.
    assert (context.seen.links, context.seen.missing) == (2, 1)
    assert report(context, body, 1)[2:4] == [
        "  liens internes qui mènent à leur page : 50,0 % (1/2)",
        "    et 1 vers une page que la source n’a pas (déjà cassés)",
    ]


def test_rooted_paths_are_found_in_the_site_s_public_folder_given_apart(tmp_path: Path) -> None:
    from PIL import Image

    root, public = tmp_path / "docs/fr", tmp_path / "docs/public"
    root.mkdir(parents=True)
    public.mkdir()
    Image.new("RGB", (4, 4)).save(public / "logo.png")
    (public / "page.html").write_text("<script>alert(1)</script>", "utf-8")
    source = Source("Markdown", public=public)
    context = blocks.Context(source, "page.md", root, root, lambda p: None)
    body = blocks.convert("![Le logo](/logo.png)\n\nVoir [la page](/page.html).\n", context)
    assert source.files == [public / "logo.png"] and "kb-import-file:0" in body
    # An HTML file would run from the site: not copied, its link dropped and reported.
    assert "Voir la page." in body and "page.html" not in body
    assert [str(n) for n in source.notes] == [
        "page.md:3 : lien vers /page.html : un fichier .html s’exécuterait dans le navigateur "
        "depuis le site ; non importé, lien retiré."
    ]
    assert (context.seen.links, context.seen.missing) == (1, 0)  # a link lost, not broken
    # Without the public folder, the image is missing from the source.
    alone = Source("Markdown")
    context = blocks.Context(alone, "page.md", root, root, lambda p: None)
    body = blocks.convert("![Le logo](/logo.png)\n", context)
    assert alone.files == []
    # An image the source does not have is counted apart, as broken in the source.
    assert (context.seen.images, context.seen.missing_images) == (0, 1)
    assert report(context, body, 0)[1:3] == [
        "  images montrées : – (aucun)",
        "    et 1 que la source n’a pas (déjà cassées)",
    ]
