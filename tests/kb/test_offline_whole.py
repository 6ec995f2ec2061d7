"""The books hold whatever the build accepts, whole: a 2,000-line code block, words and code
lines longer than a line (wrapped, never cut at the page's edge), images whose names have
accents, « $ » or « ' »; every attribute value the policy allows passes epubcheck; a book that
cannot be made says why in French at the article's line, never in Typst's generated source;
past the bounds, a code block is refused at its line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sphinx_base_de_connaissances.commands.offline import make

from tests.helpers import REPO, build_root
from tests.kb.test_offline import EPUBCHECK, pdf_text

FRONT = """---
title: "Un livre entier"
description: "Une description assez longue pour passer la validation du schéma."
date: 2026-01-15
authors: [alice]
category: strategie
---

"""
CODE = "\n".join(f"ligne_{n:04d} = {n}" for n in range(1, 2001))
LONG_WORD = "x" * 150 + "FINDUMOT"
LONG_CODE = "valeur = '" + "a" * 300 + "'  # FINDELALIGNE"
NAMES = ["schéma", "prix$", "l'image"]
BODY = f"""Début.

```python
{CODE}
```

Un mot sans fin : {LONG_WORD}.

```text
{LONG_CODE}
```

![Un schéma accentué](schéma.png)

![Un prix](prix$.png)

![Une apostrophe](l'image.png)

<ol start="3" reversed><li>trois</li><li>deux</li></ol>

<table><tr><th scope="col" colspan="2" lang="en-GB">Deux colonnes</th></tr>
<tr><td>a</td><td dir="rtl">b</td></tr></table>

Le <time datetime="2026-01">mois de janvier</time>, <abbr title="Système d’information">SI</abbr>.

<details open><summary>Plus</summary>Caché.</details>
"""


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (offline edition on) of a base with that article."""
    src = tmp_path_factory.mktemp("whole") / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    for name in NAMES:
        Image.new("RGB", (30, 20), (10, 100, 200)).save(src / f"articles/{name}.png")
    (src / "articles/entier.md").write_text(FRONT + BODY, "utf-8")
    html, warnings = build_root("kb", src, copy=False, confoverrides={"kb_offline": True})
    assert warnings == ""
    return html


def test_no_line_of_a_long_code_block_is_lost(whole: Path) -> None:
    text = pdf_text(whole / "telechargements/base.pdf")
    numbers = {int(n) for n in re.findall(r"ligne_(\d{4}) =", text)}
    assert numbers == set(range(1, 2001))


def test_long_words_and_code_lines_wrap_inside_the_page(whole: Path) -> None:
    pdf = whole / "telechargements/base.pdf"
    text = re.sub(r"[\s\u200b]+", "", pdf_text(pdf))
    assert LONG_WORD in text.replace("↪", "")
    assert re.sub(r"\s+", "", LONG_CODE) in text.replace("↪", "")
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    page_width = float(re.search(r'<page width="([\d.]+)"', boxes)[1])
    right_edges = [
        float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes)
    ]
    assert right_edges and max(right_edges) <= page_width - 40  # inside the margin (20 mm)


def test_images_with_accents_dollars_and_apostrophes_are_in_both_books(whole: Path) -> None:
    listed = subprocess.run(
        ["pdfimages", "-list", str(whole / "telechargements/base.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(re.findall(r" image +30 +20 ", listed)) == len(NAMES)
    book = zipfile.ZipFile(whole / "telechargements/base.epub")
    images = [name for name in book.namelist() if name.endswith(".png")]
    assert len(images) == len(NAMES)
    chapter = book.read("EPUB/a-entier.xhtml").decode("utf-8")
    for alt in ("Un schéma accentué", "Un prix", "Une apostrophe"):
        assert re.search(rf'<img [^>]*alt="{alt}"', chapter), alt


def test_every_book_the_build_accepts_passes_epubcheck(whole: Path) -> None:
    if not EPUBCHECK.is_file() or shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("epubcheck (Debian package) is missing on CI")
        pytest.skip("epubcheck is not installed")
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(whole / "telechargements/base.epub")],
        capture_output=True,
        text=True,
    )
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr, result.stdout


def test_a_book_that_cannot_be_made_says_why_at_the_article_line(
    whole: Path, tmp_path: Path
) -> None:
    html = tmp_path / "html"
    shutil.copytree(whole, html)
    (html / "_images/prix$.png").write_bytes(b"ce n'est pas une image")
    written, problems = make(whole.parent.parent, html, tmp_path / "out")
    assert written == []
    line = (FRONT + BODY).splitlines().index("![Un prix](prix$.png)") + 1
    assert problems == [
        f"articles/entier.md:{line}: image refusée : « prix$.png » est illisible (fichier abîmé "
        "ou d’un autre format)"
    ]


def test_a_code_block_past_the_bounds_is_refused_at_its_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    huge = "\n".join("x = 1" for _ in range(5001))
    (src / "articles/code.md").write_text(FRONT + f"Avant.\n\n```python\n{huge}\n```\n", "utf-8")
    html, warnings = build_root("kb", src, copy=False)
    assert "articles/code.md:11: WARNING: bloc de code refusé : 5001 lignes" in re.sub(
        r"\x1b\[[0-9;]*m", "", warnings
    )
    assert "x = 1" not in (html / "articles/code.html").read_text("utf-8")
