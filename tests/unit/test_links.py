"""Orphans and dead ends, from links written as writers write them."""

from __future__ import annotations

from pathlib import Path

from sphinx_base_de_connaissances.commands.links import graph, main
from sphinx_base_de_connaissances.content.links import report, targets


def test_links_to_articles_by_file_and_by_doc_role() -> None:
    text = (
        "Voir [l’autre](autre.md#partie), {doc}`../guide/page`, {doc}`le titre </articles/c>`, "
        "[le web](https://exemple.org/x.md), [ancre](#ici), {ref}`une-etiquette`.\n"
    )
    assert targets("articles/a", text) == {"articles/autre", "guide/page", "articles/c"}


def test_orphans_and_dead_ends_are_listed_without_failing(tmp_path: Path, capsys) -> None:
    articles = tmp_path / "articles"
    (articles / "sous").mkdir(parents=True)
    (articles / "a.md").write_text("Lire [b](sous/b.md).\n", "utf-8")
    (articles / "sous/b.md").write_text("Lire {doc}`/articles/c`.\n", "utf-8")
    (articles / "c.md").write_text("Fin, et [a](a.md).\n", "utf-8")
    (articles / "d.md").write_text("Seul, vers [c](c.md).\n", "utf-8")
    (articles / "e.md").write_text("Tout seul.\n", "utf-8")
    links = graph(tmp_path)
    assert links["articles/a"] == {"articles/sous/b"}
    assert list(report(links)) == [
        "articles/d.md : orphelin, aucun autre article ne renvoie vers lui.",
        "articles/e.md : orphelin, aucun autre article ne renvoie vers lui.",
        "articles/e.md : impasse, il ne renvoie vers aucun autre article.",
    ]
    assert main([str(tmp_path)]) == 0
    assert "articles/e.md : impasse" in capsys.readouterr().out
