"""Nothing a pull request's page or data file contains can act (issue « Nothing a pull request,
an imported source or a base's own files contain can act »): no tag in the page's head, no
class of the theme's or the engine's, no reserved address taken, no traceback from a character
or a number. Each case fails the strict build at its file and line, and `check` says the same
where it reads the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, soup
from tests.kb.test_hostile import article, build, warnings_of

META = """
```{eval-rst}
.. meta::
   :http-equiv=refresh: 0; url=https://ailleurs.example/
   :robots: noindex
   :property=og:image: https://ailleurs.example/x.png
```
"""


def test_a_refresh_or_any_meta_from_a_page_never_reaches_the_head(tmp_path: Path) -> None:
    files = {
        "articles/piege.md": article(body="Texte.\n" + META),
        "glossaire.md": "---\ntitle: Glossaire\nhtml_meta:\n  robots: noindex\n---\n\n# G\n",
    }
    outdir, warnings = build(tmp_path, files)
    found = warnings_of(warnings)
    assert any("articles/piege.md:" in w and "<meta refresh> refusée" in w for w in found), found
    assert any("<meta robots> refusée" in w and "articles/piege.md" in w for w in found)
    assert any("glossaire.md" in w and "<meta robots> refusée" in w for w in found), found
    head = soup(outdir / "articles/piege.html").head
    assert head.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert head.find("meta", attrs={"name": "robots"}) is None
    assert "ailleurs.example" not in str(head)
    assert soup(outdir / "glossaire.html").head.find("meta", attrs={"name": "robots"}) is None


def test_check_refuses_the_same_head_directives_at_their_line(tmp_path: Path, capsys) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "articles/piege.md").write_text(article(body="Texte.\n" + META), "utf-8")
    assert check([str(src)]) == 1
    assert "articles/piege.md:13: directive « meta » refusée" in capsys.readouterr().err


def test_a_title_directive_does_not_replace_the_page_s_title(tmp_path: Path) -> None:
    body = "Texte.\n\n```{title} Autre chose\n```\n"
    outdir, warnings = build(tmp_path, {"articles/piege.md": article(body=body)})
    assert any("directive « title » refusée" in w for w in warnings_of(warnings))
    assert "Autre chose" not in soup(outdir / "articles/piege.html").title.get_text()


@pytest.mark.parametrize(
    "body",
    [
        "```{note}\n:class: d-none\nCaché mais indexé.\n```\n",
        "```{eval-rst}\n.. container:: kb-article-meta\n\n   Caché mais indexé.\n```\n",
        "```{eval-rst}\n.. rst-class:: visually-hidden\n\nCaché mais indexé.\n```\n",
    ],
)
def test_a_class_outside_the_allowed_ones_is_refused_and_removed(tmp_path: Path, body: str) -> None:
    outdir, warnings = build(tmp_path, {"articles/piege.md": article(body="Texte.\n\n" + body)})
    found = [
        w
        for w in warnings_of(warnings)
        if "refusée : les classes du thème" in w or "directive sans effet ici" in w
    ]
    assert found and "articles/piege.md:" in found[0], warnings
    page = soup(outdir / "articles/piege.html")
    for name in ("d-none", "kb-article-meta", "visually-hidden"):
        assert not page.select("article ." + name), name
    assert "Caché mais indexé." in page.get_text()


def test_structural_classes_and_admonition_kinds_stay(tmp_path: Path) -> None:
    body = (
        "Texte.\n\n```{admonition} Astuce\n:class: tip\nUn conseil.\n```\n\n- [ ] une tâche\n\n"
        "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\nUne note[^1].\n\n[^1]: La note.\n\n"
        "Le [guide](../medias/guide.pdf), [encore][g] et "
        "{download}`le guide <../medias/guide.pdf>`.\n\n[g]: ../medias/guide.pdf\n"
    )
    files = {"articles/ok.md": article(body=body), "medias/guide.pdf": b"%PDF-1.4\n"}
    outdir, warnings = build(tmp_path, files)
    assert warnings_of(warnings) == []  # Sphinx's own "download" class on a file's link too
    page = soup(outdir / "articles/ok.html")
    assert page.select(".admonition.tip")
    assert len(page.select("a.download")) == 3


@pytest.mark.parametrize(
    ("old", "says"),
    [
        ("/404.html", "« /404.html » est une page que le moteur produit"),
        ("/mentions-legales.html", "page du site que le moteur produit"),
        ("/accessibilite/", "page du site que le moteur produit"),
        ("/x.html/", "se termine l’adresse"),
        ("/cards/index.png", "« /cards » est une page que le moteur produit"),
        ("/" + "a" * 300, "dépasse 200 octets"),
    ],
)
def test_reserved_and_impossible_addresses_are_refused_by_check_and_build(
    tmp_path: Path, old: str, says: str, capsys
) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    text = article().replace("tags: []", f'tags: []\nredirect_from: ["{old}"]')
    src = tmp_path / "check"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "articles/t.md").write_text(text, "utf-8")
    assert check([str(src)]) == 1
    error = capsys.readouterr().err
    assert "articles/t.md:" in error and says in error, error

    outdir, warnings = build(tmp_path, {"articles/t.md": text})
    assert "Traceback" not in warnings
    assert any("articles/t.md:" in w and says in w for w in warnings_of(warnings)), warnings
    if old == "/404.html" and (outdir / "404.html").exists():
        assert "changé d’adresse" not in (outdir / "404.html").read_text("utf-8")


CATEGORIES = "data/categories.yml:2"


@pytest.mark.parametrize(
    ("files", "where", "says"),
    [
        ({"data/categories.yml": "strategie:\n  name: S\u007f\n"}, CATEGORIES, "U+007F"),
        ({"data/categories.yml": "strategie:\n  name: S\u0085\u0086\n"}, CATEGORIES, "U+0086"),
        ({"data/authors.yml": "alice:\n  name: A\uffff\n"}, "data/authors.yml:2", "U+FFFF"),
        (
            {"data/parcours.yml": "debuter:\n  title: D\u0080\n  steps: [premier]\n"},
            "data/parcours.yml:2",
            "U+0080",
        ),
        (
            {
                "data/editeur.yml": "editeur:\n  type: anonyme\n  nom: E\n"
                '  contact: "javascript:alert(1)"\nhebergeur:\n  nom: H\n  adresse: Rue\n'
            },
            "data/editeur.yml:4",
            "attendu : un courriel",
        ),
    ],
)
def test_data_files_characters_and_values_are_located_errors(
    tmp_path: Path, files: dict, where: str, says: str, capsys
) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    src = tmp_path / "check"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    for name, text in files.items():
        (src / name).write_text(text, "utf-8")
    assert check([str(src)]) == 1
    error = capsys.readouterr().err
    assert where in error and says in error and "Traceback" not in error, error
    _outdir, warnings = build(tmp_path, files)
    assert "Traceback" not in warnings
    assert any(where in w and says in w for w in warnings_of(warnings)), warnings


@pytest.mark.parametrize("rate", ['"²"', "5" * 5001, '"12a"'])
def test_an_odd_rate_is_a_located_error(tmp_path: Path, rate: str, capsys) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    src = tmp_path / "check"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "data/accessibilite.yml").write_text(
        "entite: Base de test\naudit:\n  date: 2026-01-01\n  referentiel: RGAA 4.1\n"
        f"  auditeur: Moi\n  taux: {rate}\n  pages: [Accueil]\ncontact:\n  courriel: a@b.fr\n",
        "utf-8",
    )
    assert check([str(src)]) == 1
    error = capsys.readouterr().err
    assert "data/accessibilite.yml:6: champ « audit.taux » : attendu : un pourcentage" in error


@pytest.mark.parametrize(
    ("body", "tags", "says"),
    [
        ("Un mot. " * 80_000, "[]", "article trop long : 640 ko ; au plus 500 ko"),
        ("".join(f"## Partie {n}\n\nTexte.\n\n" for n in range(301)), "[]", "301 titres"),
        ("Texte.\n", "[" + ", ".join(f"mot{n}" for n in range(21)) + "]", "21 mots-clés"),
    ],
)
def test_what_a_pull_request_can_grow_is_bounded_in_check_and_build(
    tmp_path: Path, body: str, tags: str, says: str, capsys
) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    text = article(body=body, tags=tags)
    src = tmp_path / "check"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "articles/t.md").write_text(text, "utf-8")
    assert check([str(src)]) == 1
    assert says in capsys.readouterr().err

    outdir, warnings = build(tmp_path, {"articles/t.md": text})
    assert any("articles/t.md:" in w and says in w for w in warnings_of(warnings)), warnings
    if "ko" in says:  # never parsed: nothing of its body is published
        assert "Un mot." not in (outdir / "articles/t.html").read_text("utf-8")


def test_a_failed_build_leaves_no_page_of_a_deleted_article(tmp_path: Path) -> None:
    import subprocess
    import sys

    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(src), str(out)]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    assert (out / "articles/premier.html").is_file()
    (src / "articles/premier.md").unlink()
    # The next build stops on an exception after reading (a warning no longer stops Sphinx: -W
    # fails the build at its end, and the pruning of deleted pages has run by then).
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text("utf-8")
        + "\ndef _boom(app, env):\n    raise RuntimeError('panne')\n\n\n"
        + "def setup(app):\n    app.connect('env-check-consistency', _boom)\n",
        "utf-8",
    )
    failed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert failed.returncode != 0 and "panne" in failed.stderr, failed.stderr
    assert not (out / "articles/premier.html").exists()
    assert (out / "articles/deuxieme.html").exists()  # only the deleted document's page
