"""French spacing in a real build: bodies, titles, descriptions, feeds and listings get no-break
spaces where the writer typed a space; code, math, URLs, raw HTML, times and emoticons stay as
typed; the source is never written; the lint reports what the build cannot add."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sphinx_base_de_connaissances.source.files import check_tree

from tests.helpers import REPO, soup
from tests.kb.test_hostile import FRONT, build

NNBSP, NBSP = "\u202f", "\u00a0"
SENTENCE = "Phrase ! Vraiment ? Oui : « citation » ; et 25 %"
SPACED = (
    f"Phrase{NNBSP}! Vraiment{NNBSP}? Oui{NBSP}: «{NNBSP}citation{NNBSP}»{NNBSP}; et 25{NNBSP}%"
)
BODY = f"""{SENTENCE}.

## Pourquoi ? Parce que !

- Un élément : la liste ; fin !

```text
code ! garde : ses « espaces » ; 25 %
```

Du `code ! en ligne : intact` et {{math}}`a : b` en maths, à 10:30, un sourire :) et ;-) aussi.

Un lien <https://exemple.org/?q=a:b> et [https://exemple.org/x?y=1](https://exemple.org/x?y=1).

<abbr title="Titre : attribut ; intact !">SI</abbr> ci-dessus.
"""
SOURCE = (
    FRONT.format(title='"Titre ! Vraiment ? Oui : « citation »"', tags="[]").replace(
        "Une description assez longue pour passer la validation du schéma.",
        "Une description : assez longue ; pour passer la validation !",
    )
    + BODY
)
NAME = "articles/typographie.md"
ROOT_CONF = (REPO / "tests/roots/test-kb/conf.py").read_text("utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("typography")
    # With the share footer: what it shares of the page is spaced too.
    share = "\nextensions.append('sphinx_share_footer')\nshare_footer_include = ['articles/**']\n"
    outdir, warnings = build(tmp, {NAME: SOURCE, "conf.py": ROOT_CONF + share})
    assert warnings == ""
    return tmp / "src", outdir


def test_the_body_gets_french_spacing(built) -> None:
    _, outdir = built
    page = soup(outdir / "articles/typographie.html")
    body = page.select_one("[data-pagefind-body]")
    paragraphs = [p.get_text() for p in body.find_all("p")]
    assert f"{SPACED}." in paragraphs
    heading = body.find("h2").get_text()
    assert heading.startswith(f"Pourquoi{NNBSP}? Parce que{NNBSP}!")
    assert body.find("li").get_text().strip() == f"Un élément{NBSP}: la liste{NNBSP}; fin{NNBSP}!"


def test_code_math_urls_raw_html_times_and_emoticons_stay_as_typed(built) -> None:
    _, outdir = built
    page = soup(outdir / "articles/typographie.html")
    assert page.find("pre").get_text().strip() == "code ! garde : ses « espaces » ; 25 %"
    assert page.find("code", class_="literal").get_text() == "code ! en ligne : intact"
    formula = page.select_one(".math math")  # typeset from « a : b », no space added
    assert [node.get_text() for node in formula.find_all("mi")] == ["a", ":", "b"]
    text = page.select_one("[data-pagefind-body]").get_text()
    assert "à 10:30, un sourire :) et ;-) aussi" in text
    links = [a.get_text() for a in page.select("[data-pagefind-body] a.reference.external")]
    assert "https://exemple.org/?q=a:b" in links and "https://exemple.org/x?y=1" in links
    assert page.find("abbr")["title"] == "Titre : attribut ; intact !"


def test_titles_and_descriptions_everywhere_they_are_shown(built) -> None:
    _, outdir = built
    title = f"Titre{NNBSP}! Vraiment{NNBSP}? Oui{NBSP}: «{NNBSP}citation{NNBSP}»"
    description = f"Une description{NBSP}: assez longue{NNBSP}; pour passer la validation{NNBSP}!"
    page = soup(outdir / "articles/typographie.html")
    assert page.find("h1").get_text().strip().startswith(title)
    assert page.title.get_text().startswith(title)
    assert page.find("meta", attrs={"name": "description"})["content"] == description
    mail = page.select_one('a[href^="mailto:"]')["href"]
    assert unquote(parse_qs(urlsplit(mail).query)["body"][0]).startswith(description)
    assert page.find("meta", property="og:title")["content"] == title
    assert page.find("meta", property="og:description")["content"] == description
    home = soup(outdir / "index.html").get_text()
    assert title in home  # the newest articles' listing
    atom = (outdir / "feeds/atom.xml").read_text("utf-8")
    assert f"<title>{title}</title>" in atom.replace("&#171;", "«").replace("&#187;", "»")
    assert description in atom


def test_the_site_description_is_spaced_where_no_page_has_its_own(tmp_path: Path) -> None:
    conf = "\nkb_site_description = 'Une base : des articles ; des flux !'\n"
    outdir, warnings = build(tmp_path, {"conf.py": ROOT_CONF + conf})
    assert warnings == ""
    spaced = f"Une base{NBSP}: des articles{NNBSP}; des flux{NNBSP}!"
    home = soup(outdir / "index.html")
    assert home.find("meta", attrs={"name": "description"})["content"] == spaced
    assert home.find("meta", property="og:description")["content"] == spaced
    assert f"<subtitle>{spaced}</subtitle>" in (outdir / "feeds/atom.xml").read_text("utf-8")


def test_the_source_is_never_written(built) -> None:
    src, _ = built
    assert (src / NAME).read_text("utf-8") == SOURCE


def test_generated_titles_are_spaced_too(built) -> None:
    _, outdir = built
    tags = list((outdir / "tags").glob("*.html"))
    assert tags
    for path in tags:
        title = soup(path).find("h1")
        if title is not None and "Mot-clé" in title.get_text():
            assert f"Mot-clé{NBSP}«" not in title.get_text()
            assert re.search(f"«{NNBSP}.+{NNBSP}»", title.get_text())


def test_the_lint_reports_glued_signs_with_their_line_and_can_be_silenced(tmp_path: Path) -> None:
    src = tmp_path / "src"
    build(tmp_path, {NAME: SOURCE})  # the root's data files and a valid article
    body = (
        "Premier paragraphe.\n\nBonjour! Ça va?\nNote: «citation».\n\n"
        "J’aime Yahoo! <!-- typographie: ok -->\n"
    )
    (src / "articles/colle.md").write_text(
        FRONT.format(title='"Titre collé!"', tags="[]") + body, "utf-8"
    )
    problems = [p for p in check_tree(src) if p.path == "articles/colle.md"]
    lines = [(p.line, re.search("(?:avant|après) « (.) »", p.message)[1]) for p in problems]
    head = FRONT.count("\n")
    assert lines == [
        (2, "!"),
        (head + 3, "!"),
        (head + 3, "?"),
        (head + 4, ":"),
        (head + 4, "«"),
        (head + 4, "»"),
    ]
    assert all(p.message.startswith("typographie : espace manquante") for p in problems)
