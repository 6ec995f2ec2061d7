"""The article schema without Sphinx: each mistake gives its line, field and a French message."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.commands.check import main as check_main
from sphinx_base_de_connaissances.content.schema import parse_article
from sphinx_base_de_connaissances.content.slugs import slugify, tag_label
from sphinx_base_de_connaissances.content.vocab import Entry, Vocabulary
from sphinx_base_de_connaissances.source.files import check_tree, hidden_docnames

VOCAB = Vocabulary(
    categories={"strategie": Entry("strategie", "Stratégie")},
    authors={"alice": Entry("alice", "Alice")},
)
VALID = """\
---
title: "Un titre : avec deux-points"
description: "Une description d’une seule phrase, assez longue."
date: 2026-11-27
authors: [alice]
category: strategie
tags: [Stratégie, " réseaux   sociaux ", strategie]
---

Texte.
"""


def parse(text: str):
    return parse_article(
        "articles/a.md", "articles/a", textwrap.dedent(text), VOCAB, on=dt.date.today()
    )


def test_valid_article_gives_a_typed_record() -> None:
    article, problems = parse(VALID)
    assert problems == []
    assert article.title == "Un titre\u00a0: avec deux-points"  # French spacing
    assert article.date == dt.date(2026, 11, 27)
    assert article.authors == ("alice",)
    assert [(t.slug, t.label) for t in article.tags] == [
        ("strategie", "stratégie"),
        ("reseaux-sociaux", "réseaux sociaux"),
    ]
    assert article.slug == "a" and article.share and not article.draft


def _replace(line: str, new: str) -> str:
    return VALID.replace(line, new)


@pytest.mark.parametrize(
    ("text", "line", "field", "expected"),
    [
        (_replace("date: 2026-11-27", "date: 2026-02-30"), 4, "date", "n’existe pas"),
        (_replace("date: 2026-11-27", "date: 27/11/2026"), 4, "date", "AAAA-MM-JJ"),
        (
            _replace("category: strategie", "category: strategy"),
            6,
            "category",
            "Vouliez-vous dire « strategie »",
        ),
        (
            _replace("authors: [alice]", "authors: [alice, zoe]"),
            5,
            "authors",
            "auteur inconnu « zoe »",
        ),
        (_replace("authors: [alice]", "authors: alice"), 5, "authors", "attendu : une liste"),
        (_replace('title: "Un titre : avec deux-points"', "title: 2026"), 2, "title", "du texte"),
        (
            _replace('title: "Un titre : avec deux-points"', "tilte: Oups"),
            2,
            "tilte",
            "Vouliez-vous dire « title »",
        ),
        (
            _replace(
                'description: "Une description d’une seule phrase, assez longue."',
                "description: Trop court.",
            ),
            3,
            "description",
            "de 30 à 200 caractères",
        ),
        (
            _replace(
                'description: "Une description d’une seule phrase, assez longue."',
                "description: Une première phrase assez longue. Puis une autre phrase.",
            ),
            3,
            "description",
            "une seule phrase",
        ),
        (
            _replace('tags: [Stratégie, " réseaux   sociaux ", strategie]', 'tags: ["🚀"]'),
            7,
            "tags",
            "ni lettre ni chiffre",
        ),
        (_replace("---\n\nTexte", "draft: peut-être\n---\n\nTexte"), 8, "draft", "true ou false"),
        (
            _replace("---\n\nTexte", "updated: 2026-01-01\n---\n\nTexte"),
            8,
            "updated",
            "postérieure",
        ),
        (_replace("---\n\nTexte", "date: 2026-11-28\n---\n\nTexte"), 8, "date", "en double"),
    ],
)
def test_each_mistake_is_reported_with_line_and_field(text, line, field, expected) -> None:
    article, problems = parse(text)
    assert article is None
    matching = [p for p in problems if (p.path, p.line, p.field) == ("articles/a.md", line, field)]
    assert len(matching) == 1, problems
    problem = matching[0]
    assert expected in problem.message
    assert str(problem).startswith(f"articles/a.md:{line}: champ « {field} » : ")


def test_missing_fields_are_all_reported_at_the_closing_fence() -> None:
    article, problems = parse("---\ntitle: Seul\n---\n")
    assert article is None
    assert {p.field for p in problems} == {"description", "date", "authors", "category"}
    assert {p.line for p in problems} == {3}


def test_yaml_syntax_error_names_its_line_in_french() -> None:
    _, problems = parse(_replace('title: "Un titre : avec deux-points"', "title: Un titre : oups"))
    assert [(p.line, p.field) for p in problems] == [(2, "")]
    assert "YAML invalide (deux-points inattendu)" in problems[0].message


def test_file_without_front_matter() -> None:
    _, problems = parse("Juste du texte.\n")
    assert problems[0].line == 1 and "front matter" in problems[0].message


@pytest.mark.parametrize(
    ("text", "slug", "label"),
    [
        ("Stratégie", "strategie", "stratégie"),
        ("E-Réputation  2.0", "e-reputation-2-0", "e-réputation 2.0"),
        ("🚀 Fusée", "fusee", "🚀 fusée"),
    ],
)
def test_slugs_are_ascii_and_labels_keep_accents(text: str, slug: str, label: str) -> None:
    assert slugify(text) == slug
    assert tag_label(text) == label


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/categories.yml").write_text("strategie:\n  name: Stratégie\n", "utf-8")
    (tmp_path / "data/authors.yml").write_text("alice:\n  name: Alice\n", "utf-8")
    (tmp_path / "data/editeur.yml").write_text(
        "editeur:\n  type: anonyme\n  nom: Éditeur\n  contact: e@example.org\n"
        "hebergeur:\n  nom: Hôte\n"
        "  adresse: Paris\n",
        "utf-8",
    )
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), "utf-8")
    return tmp_path


def test_check_reports_every_problem_of_every_file(tmp_path: Path, capsys) -> None:
    tree = _tree(
        tmp_path,
        {
            "articles/a.md": VALID,
            "articles/sous/a.md": VALID,  # same slug as articles/a.md
            "articles/b.md": _replace("date: 2026-11-27", "date: demain"),
            "articles/Mauvais Nom.md": VALID,
            "articles/c.md": _replace("category: strategie", "category: x"),
        },
    )
    problems = check_tree(tree)
    assert [(p.path, p.line) for p in problems] == [
        ("articles/Mauvais Nom.md", 1),
        ("articles/b.md", 4),
        ("articles/c.md", 6),
        ("articles/sous/a.md", 1),
    ]
    assert check_main([str(tree)]) == 1
    err = capsys.readouterr().err
    assert "4 problèmes à corriger." in err
    assert "articles/sous/a.md:1: l’identifiant « a » est déjà celui de articles/a.md" in err


def test_check_passes_on_valid_tree(tmp_path: Path, capsys) -> None:
    assert check_main([str(_tree(tmp_path, {"articles/a.md": VALID}))]) == 0
    assert "Tous les articles sont valides." in capsys.readouterr().out


def test_drafts_and_future_articles_are_hidden(tmp_path: Path) -> None:
    tree = _tree(
        tmp_path,
        {
            "articles/a.md": VALID,
            "articles/brouillon.md": _replace("---\n\nTexte", "draft: true\n---\n\nTexte"),
            "articles/futur.md": _replace("date: 2026-11-27", "date: 2026-12-01"),
            "articles/invalide.md": _replace("date: 2026-11-27", "date: 2999-02-30"),
        },
    )
    cache = tmp_path / "cache.json"
    rule = hidden_docnames(tree, "articles", dt.date(2026, 11, 27), cache)
    assert rule.hidden == ["articles/brouillon", "articles/futur"]
    assert rule.unreported(preview=False) == []  # the invalid date is built, and reported then
    assert hidden_docnames(tree, "articles", dt.date(2026, 12, 1), cache).hidden == [
        "articles/brouillon"
    ]
    (tree / "articles/brouillon.md").write_text(VALID, "utf-8")  # published now
    assert hidden_docnames(tree, "articles", dt.date(2026, 12, 1), cache).hidden == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("on", _replace("---\n\nTexte", "draft: on\n---\n\nTexte")),
        ("yes", _replace("---\n\nTexte", "draft: yes\n---\n\nTexte")),
        ("bom", "\ufeff" + _replace("---\n\nTexte", "draft: true\n---\n\nTexte")),
        ("spaces", _replace("date: 2026-11-27", 'date: " 2099-01-01 "')),
        ("crlf", _replace("---\n\nTexte", "draft: true\n---\n\nTexte").replace("\n", "\r\n")),
    ],
)
def test_every_spelling_of_draft_or_future_hides_the_article(
    tmp_path: Path, name: str, text: str
) -> None:
    tree = _tree(tmp_path, {f"articles/{name}.md": text})
    assert hidden_docnames(tree, "articles", dt.date(2026, 11, 27)).hidden == [f"articles/{name}"]


def test_an_unreadable_draft_value_hides_the_article_and_is_an_error(tmp_path: Path) -> None:
    tree = _tree(
        tmp_path,
        {
            "articles/peut-etre.md": _replace("---\n\nTexte", "draft: peut-être\n---\n\nTexte"),
        },
    )
    rule = hidden_docnames(tree, "articles", dt.date(2026, 11, 27))
    assert rule.hidden == ["articles/peut-etre"]
    (problem,) = rule.unreported(preview=False)
    assert str(problem).startswith("articles/peut-etre.md:")
    assert "« draft »" in str(problem) and "true ou false" in str(problem)


def test_unsafe_files_are_never_built(tmp_path: Path) -> None:
    tree = _tree(tmp_path, {"articles/a.md": VALID})
    (tree / "articles/latin1.md").write_bytes(b"---\ntitle: \xc9t\xe9\n---\n")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text(VALID, "utf-8")
    (tree / "articles/lien.md").symlink_to(elsewhere / "secret.md")
    (tree / "articles/dossier").symlink_to(elsewhere, target_is_directory=True)
    rule = hidden_docnames(tree, "articles", dt.date(2026, 11, 27))
    assert "articles/latin1" in rule.unsafe and "articles/lien" in rule.unsafe
    assert any(name.startswith("articles/dossier/") for name in rule.unsafe)
    messages = [str(p) for p in rule.unreported(preview=True)]
    assert "articles/latin1.md:2: fichier illisible : l’octet 0xc9" in "\n".join(messages)
    assert any(m.startswith("articles/lien.md:1:") and "lien symbolique" in m for m in messages)
    assert check_tree(tree, style=False)  # the standalone check reports them too


@pytest.mark.parametrize(
    ("description", "one"),
    [
        ("1. Phase de cadrage : qui décide, qui finance et qui pilote.", True),
        ("Étape 2. Puis le déploiement, équipe par équipe, sur un trimestre.", True),
        ("Une phrase assez longue pour valoir. Une autre phrase ensuite.", False),
        ("Vraiment ? Oui, et ce n’est pas tout, loin de là, mes amis.", False),
    ],
)
def test_a_number_full_stop_ends_no_sentence(description: str, one: bool) -> None:
    article, problems = parse(
        VALID.replace("Une description d’une seule phrase, assez longue.", description)
    )
    assert (article is not None) is one
    assert one or "une seule phrase" in problems[0].message
