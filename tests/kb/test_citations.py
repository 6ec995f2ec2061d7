"""« Cité dans »: each article lists the articles that link to it (MyST links to its .md file,
{doc} and {ref} roles) with the sentence holding the link; incremental builds stay exact."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx_base_de_connaissances.content.citations import quote

from tests.helpers import REPO, build_root, rebuild_as_clean, soup

LINKS = (
    "\nComme le dit [le premier article](premier.md), il faut agir vite ; "
    "voir aussi {doc}`/articles/dossier/troisieme`.\n\n"
    "Une autre phrase. Et {ref}`sa partie <une-partie>` le précise.\n"
)
LABEL = "\n(une-partie)=\n## Une partie\n\nDu texte.\n"


def source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    with (src / "articles/deuxieme.md").open("a", encoding="utf-8") as handle:
        handle.write(LINKS)
    with (src / "articles/premier.md").open("a", encoding="utf-8") as handle:
        handle.write(LABEL)
    with (src / "articles/brouillon.md").open("a", encoding="utf-8") as handle:
        handle.write("\nUn brouillon cite [le premier](premier.md).\n")
    return src


def cited(outdir: Path, page: str) -> list[tuple[str, str, str]]:
    section = soup(outdir / page).select_one("section.kb-cited")
    if section is None:
        return []
    return [
        (
            item.find("a").get_text(),
            item.find("mark").get_text(),
            item.find("blockquote").get_text(),
        )
        for item in section.select("li")
    ]


def test_each_article_lists_the_articles_citing_it_with_the_sentence(tmp_path: Path) -> None:
    outdir, warnings = build_root("kb", source(tmp_path), copy=False)
    assert warnings == ""
    ((title, mark, sentence),) = cited(outdir, "articles/premier.html")
    assert title == "Deuxième article"  # the draft's citation is not published
    assert mark == "le premier article"
    assert sentence.startswith("Comme le dit le premier article, il faut agir vite")
    ((_, mark, _),) = cited(outdir, "articles/dossier/troisieme.html")
    assert mark == "/articles/dossier/troisieme"
    assert cited(outdir, "articles/deuxieme.html") == []
    page = soup(outdir / "articles/premier.html").select_one("section.kb-cited")
    assert page.find("time")["datetime"] == "2026-03-02"
    assert page.has_attr("data-pagefind-ignore")


def test_adding_changing_and_removing_a_link_rewrites_the_cited_article(tmp_path: Path) -> None:
    src = source(tmp_path)
    build_root("kb", src, copy=False)
    deuxieme = src / "articles/deuxieme.md"
    original = deuxieme.read_text("utf-8")
    for step, text in (
        ("changed", original.replace("il faut agir vite", "il faut agir tôt")),
        ("removed", original.replace(LINKS, "\n")),
        ("added back", original),
    ):
        deuxieme.write_text(text, "utf-8")
        outdir = rebuild_as_clean("kb", src, step)
    assert cited(outdir, "articles/premier.html")


def test_the_quote_is_the_sentence_cut_at_words() -> None:
    text = "Avant. " + " ".join(f"mot{n}" for n in range(30)) + " LIEN suite, fin. Après."
    start = text.index("LIEN")
    before, shown, after = quote(text, start, start + 4, words=5)
    assert before == "… mot25 mot26 mot27 mot28 mot29" and shown == "LIEN"
    assert after == " suite, fin."
    before, _, after = quote("Le lien, dit-il.", 3, 7)
    assert (before, after) == ("Le", ", dit-il.")
