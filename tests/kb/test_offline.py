"""The offline edition of a small base: its PDF read back (pdftotext, its outline, pages and
links), its EPUB checked by epubcheck, drafts and future articles absent, the same bytes twice,
and bad input refused with its file and line before anything is written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sphinx_base_de_connaissances.commands.offline import make
from sphinx_base_de_connaissances.offline import edition as edition_module

from tests.helpers import REPO, build_root, soup

PATHS = """debut:
  title: "Débuter : l’essentiel"
  description: Deux articles pour commencer.
  articles:
    - deuxieme
    - premier
    - brouillon
"""
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
# Every kind of block an article has, and text that means something to Typst (or to a
# typesetter) and must print as it reads.
RICH = """---
title: "Riche : #set text(red) $x$ [lien] <étiquette> // pas un commentaire"
description: "Un article qui contient tous les types de blocs d’un article de la base."
date: 2026-02-01
authors: [alice]
category: strategie
tags: [stratégie]
---

Un paragraphe avec *de l’emphase*, **du gras**, `#code()` et un lien vers
[la partie du deuxième](deuxieme.md#detail) ; 50 % des cas\\ et \\u{41} restent écrits.

= pas un titre, - pas une liste, + pas une énumération, / pas un terme : \\ #import "x"
@ref ~ _a_ *b*

## Une partie : #deux [trois]

- premier point
- second point avec `code`

1. étape une
2. étape deux

> Une citation sur la stratégie.

```python
def typst(): return "#set page(flipped: true)"  # garde # et ]
```

| Colonne A | Colonne B |
| --- | --- |
| cellule 1 | cellule 2 |

```{note}
Une remarque encadrée.
```

Une note de bas de page[^1].

Une formule {math}`a \\ne 0` et une équation :

```{math}
x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}
```

![Un schéma bleu](schema.png)

```{figure} schema.png
:alt: Le même schéma

La légende du schéma.
```

[^1]: Le texte de la note.
"""


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) is missing on CI")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    src = tmp_path_factory.mktemp("offline") / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "data/parcours.yml").write_text(PATHS, "utf-8")
    (src / "articles/deuxieme.md").write_text(
        (src / "articles/deuxieme.md").read_text("utf-8")
        + "\nVoir [le premier](premier.md) et [le site](https://exemple.org/).\n"
        + "\n(detail)=\n## Détail\n\nLe détail.\n",
        "utf-8",
    )
    (src / "articles/riche.md").write_text(RICH, "utf-8")
    Image.new("RGB", (40, 20), (23, 78, 166)).save(src / "articles/schema.png")
    html, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    out = src / "_build/offline"
    written, problems = make(src, html, out)
    assert problems == []
    return src, out, written


def test_the_base_and_each_path_get_a_pdf_and_an_epub(edition) -> None:
    _, _, written = edition
    assert sorted(p.name for p in written) == [
        "base.epub",
        "base.pdf",
        "parcours-debut.epub",
        "parcours-debut.pdf",
    ]


def test_the_base_holds_the_published_articles_by_category_and_no_draft(edition) -> None:
    _, out, _ = edition
    text = pdf_text(out / "base.pdf")
    assert "Base de test" in text and "Édition du" in text and "Sommaire" in text
    for title in ("Deuxième article", "Troisième article, rangé dans un dossier"):
        assert title in text
    assert "Premier article" in text and "&lt;tests&gt;" not in text and "<tests>" in text
    assert "Un brouillon" not in text and "Un article du futur" not in text
    assert "Adresse permanente : https://example.org/kb/articles/premier.html" in text
    assert "Par Alice" in text  # the authors, by the names of data/authors.yml


def test_a_path_book_holds_its_published_steps_in_order(edition) -> None:
    _, out, _ = edition
    text = pdf_text(out / "parcours-debut.pdf")
    assert "Débuter\u00a0: l’essentiel" in text or "Débuter : l’essentiel" in text
    assert text.index("Deuxième article") < text.index("Premier article")
    assert "Troisième article" not in text and "Un brouillon" not in text


def test_no_line_of_the_book_starts_with_a_high_sign(edition) -> None:
    _, out, _ = edition
    for line in pdf_text(out / "base.pdf").splitlines():
        assert not line.strip().startswith((":", "?", "!", ";", "»")), line


def test_the_pdf_has_an_outline_page_numbers_and_working_links(edition) -> None:
    _, out, _ = edition
    reader = PdfReader(out / "base.pdf")
    assert len(reader.pages) >= 4  # cover, contents, one page per article at least

    def titles(items) -> list[str]:
        found = []
        for item in items:
            found += titles(item) if isinstance(item, list) else [item.title]
        return found

    outline = titles(reader.outline)
    assert "Stratégie" in outline and "Deuxième article" in outline
    uris, internal = [], 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/S") == "/URI":
                uris.append(action["/URI"])
            elif action.get("/S") == "/GoTo" or annotation.get_object().get("/Dest"):
                internal += 1
    assert "https://exemple.org/" in uris  # a web link stays a web link
    assert internal >= 4  # the table of contents and the link between two articles
    assert "2" in pdf_text(out / "base.pdf").split("Sommaire", 1)[1]  # page numbers
    fonts = subprocess.run(["pdffonts", str(out / "base.pdf")], capture_output=True, text=True)
    assert fonts.returncode == 0 and " no " not in fonts.stdout.split("---\n", 1)[1]


def test_the_epub_is_valid_french_and_lists_its_articles(edition) -> None:
    _, out, _ = edition
    book = zipfile.ZipFile(out / "base.epub")
    assert book.namelist()[0] == "mimetype"
    opf = book.read("EPUB/content.opf").decode("utf-8")
    assert "<dc:language>fr</dc:language>" in opf
    nav = book.read("EPUB/nav.xhtml").decode("utf-8")
    assert "Deuxième article" in nav and "Un brouillon" not in nav
    if not EPUBCHECK.is_file() or shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("epubcheck (Debian package) is missing on CI")
        pytest.skip("epubcheck is not installed")
    for name in ("base.epub", "parcours-debut.epub"):
        result = subprocess.run(
            ["java", "-jar", str(EPUBCHECK), str(out / name)], capture_output=True, text=True
        )
        assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr, result.stdout


def test_the_same_inputs_give_the_same_bytes(edition, tmp_path: Path) -> None:
    src, _, written = edition
    again, problems = make(src, src / "_build/html", tmp_path)
    assert problems == []
    for first, second in zip(sorted(written), sorted(again), strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_a_path_naming_a_missing_article_fails_with_its_line_and_writes_nothing(
    edition, tmp_path: Path
) -> None:
    src, _, _ = edition
    broken = tmp_path / "src"
    shutil.copytree(src, broken, ignore=shutil.ignore_patterns("_build"))
    (broken / "data/parcours.yml").write_text(PATHS.replace("- premier", "- absent"), "utf-8")
    written, problems = make(broken, src / "_build/html", tmp_path / "out")
    assert written == [] and not (tmp_path / "out").exists()
    assert any(p.startswith("data/parcours.yml:6:") and "absent" in p for p in problems), problems


def test_the_build_publishes_the_books_links_them_with_their_sizes_and_keeps_them_fresh(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "data/parcours.yml").write_text(PATHS, "utf-8")
    index = src / "index.md"
    index.write_text(index.read_text("utf-8") + "\n```{kb-downloads}\n```\n", "utf-8")
    on = {"kb_offline": True}
    html, warnings = build_root("kb", src, copy=False, confoverrides=on)
    assert warnings == ""
    books = html / "telechargements"
    assert sorted(p.name for p in books.iterdir()) == [
        "base.epub",
        "base.pdf",
        "parcours-debut.epub",
        "parcours-debut.pdf",
    ]

    def links(page: str) -> dict[str, str]:
        found = {}
        for link in soup(html / page).select(".kb-downloads a"):
            found[link["href"]] = re.sub(r"[ \t\n]+", " ", link.get_text()).strip()
        return found

    size = f"{(books / 'base.pdf').stat().st_size / 1024:.0f}\u00a0Ko"
    assert links("index.html")["telechargements/base.pdf"] == f"PDF\u00a0({size})"
    path_links = links("parcours/debut.html")
    assert set(path_links) == {
        "../telechargements/parcours-debut.pdf",
        "../telechargements/parcours-debut.epub",
    }
    assert all(re.fullmatch(r"(PDF|EPUB)\u00a0\(\d+\u00a0Ko\)", t) for t in path_links.values())
    # Nothing changed: no book is made again.
    made = {p.name: p.stat().st_mtime_ns for p in books.iterdir()}
    html, warnings = build_root("kb", src, copy=False, confoverrides=on)
    assert warnings == "" and {p.name: p.stat().st_mtime_ns for p in books.iterdir()} == made
    # An article of the path changes: its books are made again, never served stale.
    article = src / "articles/deuxieme.md"
    article.write_text(article.read_text("utf-8") + "\nUne phrase toute neuve.\n", "utf-8")
    html, warnings = build_root("kb", src, copy=False, confoverrides=on)
    assert warnings == ""
    assert (books / "parcours-debut.pdf").stat().st_mtime_ns != made["parcours-debut.pdf"]
    assert "Une phrase toute neuve." in pdf_text(books / "parcours-debut.pdf")
    # Turned off: the books and their links go.
    html, warnings = build_root("kb", src, copy=False, confoverrides={"kb_offline": False})
    assert not books.exists() and links("index.html") == {}


def test_every_kind_of_block_prints_and_no_text_becomes_typst_code(edition) -> None:
    _, out, _ = edition
    text = re.sub(r"[\s\u00a0\u202f]+", " ", pdf_text(out / "base.pdf"))
    for expected in (
        "Riche : #set text(red) $x$ [lien] <étiquette> // pas un commentaire",
        "de l’emphase, du gras, #code() et un lien vers",
        "50 % des cas\\ et \\u{41} restent écrits",
        # (MyST made the quotes French and _a_ *b* emphasis: not Typst's doing)
        "= pas un titre, - pas une liste, + pas une énumération, / pas un terme : \\ #import « x »",
        "@ref ~ a b",
        "Une partie : #deux [trois]",
        "premier point",
        "second point avec code",
        "étape deux",
        "Une citation sur la stratégie.",
        'def typst(): return "#set page(flipped: true)" # garde # et ]',
        "Colonne A",
        "cellule 2",
        "Une remarque encadrée.",
        "Le texte de la note.",
        "La légende du schéma.",
        "Une formule 𝑎 ≠ 0 et une équation",  # typeset by Typst, math italic
        "4𝑎𝑐",
    ):
        assert expected in text, expected
    # The EPUB, made from the same pages after the PDF, has it all too.
    chapter = zipfile.ZipFile(out / "base.epub").read("EPUB/a-riche.xhtml").decode("utf-8")
    assert "La légende du schéma." in chapter
    assert chapter.count("<math") == 2 and "<mfrac>" in chapter  # EPUB readers typeset MathML
    opf = zipfile.ZipFile(out / "base.epub").read("EPUB/content.opf").decode("utf-8")
    assert re.search(r'href="a-riche.xhtml"[^>]*properties="mathml"', opf), opf
    (image,) = set(re.findall(r'src="(images/[0-9a-f]{16}\.png)"', chapter))
    assert f"EPUB/{image}" in zipfile.ZipFile(out / "base.epub").namelist()
    assert "Adresse permanente\u00a0: <a" in chapter  # French spacing, as in the PDF
    fonts = subprocess.run(["pdffonts", str(out / "base.pdf")], capture_output=True, text=True)
    assert "Inter-MediumItalic" in fonts.stdout  # emphasis stays visible in print
    images = subprocess.run(["pdfimages", "-list", str(out / "base.pdf")], capture_output=True)
    assert images.returncode == 0 and b" 40    20 " in images.stdout  # the figure, whole
    reader = PdfReader(out / "base.pdf")
    starts = [i for i, page in enumerate(reader.pages) if "Une partie" in page.extract_text()]
    assert starts, "the section's heading is in the book"


def test_a_link_to_a_section_of_another_chapter_reaches_that_section(edition) -> None:
    _, out, _ = edition
    reader = PdfReader(out / "base.pdf")
    texts = [page.extract_text() for page in reader.pages]
    source = next(i for i, t in enumerate(texts) if "Un paragraphe avec" in t)
    section = next(i for i, t in enumerate(texts) if "Le détail." in t)
    chapter_top = reader.pages[section].mediabox.top - 60  # the chapter's title is above
    reached = []
    for annotation in reader.pages[source].get("/Annots") or []:
        destination = annotation.get_object().get("/Dest")
        destination = destination.get_object() if destination is not None else None
        if isinstance(destination, list):  # explicit: [page, /XYZ, x, y, zoom]
            reached.append((reader.get_page_number(destination[0].get_object()), destination[3]))
    assert any(page == section and y < chapter_top for page, y in reached), reached


def test_a_page_rewritten_for_its_navigation_alone_does_not_remake_its_books(
    edition, tmp_path: Path
) -> None:
    src, _, _ = edition
    html = tmp_path / "html"
    shutil.copytree(src / "_build/html", html)
    out = tmp_path / "out"
    make(src, html, out)
    books = ["base.pdf", "base.epub", "parcours-debut.pdf", "parcours-debut.epub"]
    made = {name: (out / name).stat().st_mtime_ns for name in books}
    page = html / "articles/premier.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<nav>ailleurs</nav></body>"))
    make(src, html, out)
    assert {name: (out / name).stat().st_mtime_ns for name in books} == made
    page.write_text(
        page.read_text("utf-8").replace("Le texte du premier", "Le texte revu du premier")
    )
    make(src, html, out)
    assert "Le texte revu du premier" in pdf_text(out / "base.pdf")
    assert (out / "parcours-debut.pdf").stat().st_mtime_ns != made["parcours-debut.pdf"]
    # An image redrawn under the same name: the book showing it is made again, not the others.
    made = {name: (out / name).stat().st_mtime_ns for name in books}
    Image.new("RGB", (40, 20), (200, 30, 30)).save(html / "_images/schema.png")
    make(src, html, out)
    assert (out / "base.pdf").stat().st_mtime_ns != made["base.pdf"]
    assert (out / "parcours-debut.pdf").stat().st_mtime_ns == made["parcours-debut.pdf"]


def made_twice(src: Path, out: Path) -> int:
    """The books made, then made again unchanged: the base's book is left as it was."""
    make(src, src / "_build/html", out)
    made = (out / "base.pdf").stat().st_mtime_ns
    make(src, src / "_build/html", out)
    assert (out / "base.pdf").stat().st_mtime_ns == made
    return made


def test_an_edited_layout_remakes_the_books_even_under_the_same_version(
    edition, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, _, _ = edition
    out = tmp_path / "out"
    made = made_twice(src, out)
    # The same engine installed elsewhere, its layout edited, its version unchanged.
    engine = tmp_path / "offline"
    shutil.copytree(edition_module.HERE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    layout = engine / "templates/book.typ"
    layout.write_text(layout.read_text("utf-8").replace("10.5pt", "11pt"), "utf-8")
    monkeypatch.setattr(edition_module, "HERE", engine)
    make(src, src / "_build/html", out)
    assert (out / "base.pdf").stat().st_mtime_ns != made


def test_the_command_writes_and_removes_only_its_own_files(edition, tmp_path: Path) -> None:
    src, _, _ = edition
    out = tmp_path / "out"
    out.mkdir()
    mine = {"mon-rapport.pdf": b"%PDF-1.4 le mien", "notes.epub": b"PK le mien"}
    for name, data in mine.items():
        (out / name).write_bytes(data)
    written, problems = make(src, src / "_build/html", out)
    assert problems == [] and (out / "parcours-debut.pdf") in written
    # A path removed from data/parcours.yml: its books go, the user's files stay.
    copy = tmp_path / "src"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    (copy / "data/parcours.yml").unlink()
    written, problems = make(copy, src / "_build/html", out)
    assert problems == []
    assert not (out / "parcours-debut.pdf").exists() and not (out / "parcours-debut.epub").exists()
    assert {name: (out / name).read_bytes() for name in mine} == mine


def test_another_typst_remakes_the_books(edition, tmp_path: Path, monkeypatch) -> None:
    src, _, _ = edition
    out = tmp_path / "out"
    made = made_twice(src, out)
    real = edition_module.metadata.version
    monkeypatch.setattr(
        edition_module.metadata,
        "version",
        lambda name: "99.0.0" if name == "typst" else real(name),
    )
    make(src, src / "_build/html", out)
    assert (out / "base.pdf").stat().st_mtime_ns != made


def test_a_base_s_own_header_without_any_engine_class_stays_out_of_the_books(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "_templates/kb").mkdir(parents=True)
    (src / "_templates/kb/article-header.html").write_text(
        "<p>Signé {{ article.authors|join(', ') }}, le {{ article.date|french_date }}.</p>\n",
        "utf-8",
    )
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('templates_path = ["_templates"]\n')
    html, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    page = soup(html / "articles/premier.html")
    assert "Signé alice, le 15 janvier 2026." in page.get_text(" ")  # the base's header is used
    out = src / "_build/offline"
    _, problems = make(src, html, out)
    assert problems == []
    text = pdf_text(out / "base.pdf")
    assert "Le texte du premier article." in text and "Signé" not in text
    chapter = zipfile.ZipFile(out / "base.epub").read("EPUB/a-premier.xhtml").decode("utf-8")
    assert "Le texte du premier article." in chapter and "Signé" not in chapter
