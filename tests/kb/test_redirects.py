"""Links that never break: redirect pages at an article's old ids (html and dirhtml), their
collisions, and the check that names every published article gone without a redirect."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.commands.check import main as check_main

from tests.helpers import REPO, build_root, soup

OLD_IDS = "redirect_from: [ancien-premier, archives-2025/premier]\n"


def with_redirects(src: Path, line: str = OLD_IDS) -> None:
    path = src / "articles/premier.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("category: strategie\n", f"category: strategie\n{line}", 1))


@pytest.mark.parametrize(
    ("builder", "page", "target"),
    [
        ("html", "articles/ancien-premier.html", "premier.html"),
        ("html", "articles/archives-2025/premier.html", "../premier.html"),
        ("dirhtml", "articles/ancien-premier/index.html", "../premier/"),
    ],
)
def test_each_old_id_sends_readers_to_the_article(
    tmp_path: Path, builder: str, page: str, target: str
) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    with_redirects(src)
    outdir, warnings = build_root("kb", src, builder, copy=False)
    assert warnings == ""
    html = (outdir / page).read_text("utf-8")
    found = soup(outdir / page)
    assert found.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    canonical = "https://example.org/kb/articles/premier" + (
        "/" if builder == "dirhtml" else ".html"
    )
    assert found.find("link", rel="canonical")["href"] == canonical
    assert found.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert found.find("a")["href"] == target and "Premier article" in found.find("a").get_text()
    assert "<script" not in html
    for listing in ("sitemap.xml", "feeds/atom.xml", "feeds/feed.json"):
        assert "ancien-premier" not in (outdir / listing).read_text("utf-8")


def test_a_removed_redirect_is_pruned_and_a_colliding_one_fails(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    with_redirects(src)
    outdir, warnings = build_root("kb", src, copy=False)
    assert (outdir / "articles/ancien-premier.html").is_file()
    original = (REPO / "tests/roots/test-kb/articles/premier.md").read_text("utf-8")
    (src / "articles/premier.md").write_text(original, "utf-8")  # the redirects removed
    outdir, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    assert not (outdir / "articles/ancien-premier.html").exists()
    with_redirects(src, "redirect_from: [deuxieme]\n")
    _, warnings = build_root("kb", src, copy=False)
    assert "champ « redirect_from » : « deuxieme » est l’adresse d’une page qui existe" in warnings


def moved(tmp_path: Path, line: str) -> tuple[Path, str]:
    """The test root built with ``line`` in the first article's front matter."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    with_redirects(src, line)
    return build_root("kb", src, copy=False)


OLD_ADDRESSES = (
    'redirect_from: ["/Guide Utilisateur/README.html", "/2015/03/12/l%C3%A9t%C3%A9/", '
    '"/docs/install", "/?p=42"]\n'
)


@pytest.mark.parametrize(
    ("page", "target"),
    [
        ("Guide Utilisateur/README.html", "https://example.org/kb/articles/premier.html"),
        ("2015/03/12/lété/index.html", "https://example.org/kb/articles/premier.html"),
        ("docs/install/index.html", "https://example.org/kb/articles/premier.html"),
    ],
)
def test_each_old_address_of_another_site_sends_readers_to_the_article(
    tmp_path: Path, page: str, target: str
) -> None:
    outdir, warnings = moved(tmp_path, OLD_ADDRESSES)
    assert warnings == ""
    found = soup(outdir / page)
    assert found.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert found.find("link", rel="canonical")["href"] == target
    # The WordPress short link: the home page's script looks the query up in the map.
    queries = json.loads((outdir / "_static/kb-anciennes-adresses.json").read_text("utf-8"))
    assert queries == {"p=42": target}
    home = soup(outdir / "index.html")
    assert home.find("script", src=re.compile(r"kb-anciennes-adresses\.js"))
    for listing in ("sitemap.xml", "feeds/atom.xml"):
        assert "README" not in (outdir / listing).read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "says"),
    [
        ("/../../etc/passwd", "ni « .. »"),
        ("/_static/kb.css", "commençant par « _ »"),
        ("/categories/strategie.html", "une page que le moteur produit"),
        ("https://ailleurs.example/x", "sans domaine"),
        ("/?p=1&x=2", "de la forme /?nom=valeur"),
        ("/articles/deuxieme.html", "l’adresse d’une page qui existe"),
        ("Ancien Nom", "ni un identifiant d’article"),
    ],
)
def test_an_old_address_that_would_take_a_page_or_leave_the_site_is_refused(
    tmp_path: Path, old: str, says: str
) -> None:
    outdir, warnings = moved(tmp_path, f"redirect_from: [{json.dumps(old)}]\n")
    assert "premier.md" in warnings and "redirect_from" in warnings and says in warnings
    assert not (outdir / "etc").exists()


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_the_check_names_every_published_article_gone_without_a_redirect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    git(src, "init", "-q", "-b", "main")
    git(src, "-c", "user.name=A", "-c", "user.email=a@example.org", "add", "-A")
    git(src, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "base")
    git(src, "checkout", "-q", "-b", "proposition")
    (src / "articles/premier.md").rename(src / "articles/nouveau-nom.md")
    (src / "articles/deuxieme.md").unlink()
    (src / "articles/brouillon.md").unlink()  # a draft was never published: no redirect owed
    assert check_main([str(src)]) == 1
    err = capsys.readouterr().err
    assert "articles/premier.md:1: l’article « premier », publié sur main, a disparu" in err
    assert "« deuxieme »" in err and "brouillon" not in err
    with_redirects_at = src / "articles/nouveau-nom.md"
    text = with_redirects_at.read_text("utf-8")
    with_redirects_at.write_text(
        text.replace(
            "category: strategie\n", "category: strategie\nredirect_from: [premier, deuxieme]\n"
        )
    )
    assert check_main([str(src)]) == 0
    assert "comparés avec main" in capsys.readouterr().out
    monkeypatch.setenv("KB_BASE_REF", "branche-inconnue")
    assert check_main([str(src)]) == 0
    assert "non vérifiés" in capsys.readouterr().out


def renamed_root(tmp_path: Path) -> Path:
    """premier.md moved to a folder and renamed, with its old id in redirect_from; the other
    articles and the reading path still name the old one."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    old = src / "articles/premier.md"
    moved = "category: strategie\nredirect_from: [premier]\n"
    text = old.read_text("utf-8").replace("category: strategie\n", moved, 1)
    (src / "articles/dossier/premier-pas.md").write_text(text, "utf-8")
    old.unlink()
    second = src / "articles/deuxieme.md"
    second.write_text(
        second.read_text("utf-8")
        + "\nVoir [le premier](premier.md), {doc}`premier` ou {doc}`/articles/premier`.\n",
        "utf-8",
    )
    (src / "data/parcours.yml").write_text(
        "debut:\n  title: Débuter\n  articles:\n    - deuxieme\n    - premier\n", "utf-8"
    )
    return src


def test_a_reference_to_a_renamed_article_names_the_new_one(tmp_path: Path) -> None:
    src = renamed_root(tmp_path)
    outdir, warnings = build_root("kb", src, copy=False)
    lines = [
        re.sub(r"\x1b\[[0-9;]*m", "", line).removeprefix(f"{src}/")
        for line in warnings.splitlines()
        if "WARNING" in line
    ]
    renamed = "article « premier » renommé en « dossier/premier-pas » : remplacez la référence par"
    at = "articles/deuxieme.md:14: WARNING:"
    assert lines == [
        f"data/parcours.yml:5: WARNING: champ « debut » : {renamed} "
        "« dossier/premier-pas ». [kb.frontmatter]",
        f"{at} {renamed} « dossier/premier-pas.md ». [kb.renamed]",
        f"{at} {renamed} « dossier/premier-pas ». [kb.renamed]",
        f"{at} {renamed} « /articles/dossier/premier-pas ». [kb.renamed]",
    ]
    # Meanwhile the links reach the new page.
    links = [a["href"] for a in soup(outdir / "articles/deuxieme.html").select("p a.reference")]
    assert links[-3:] == ["dossier/premier-pas.html"] * 3


def test_the_replacement_keeps_the_reference_form() -> None:
    from sphinx_base_de_connaissances.content.permalinks import replacement

    new = "articles/dossier/b"
    assert replacement("articles/a", new, "part", markdown=True) == "dossier/b.md#part"
    assert replacement("articles/autre/a", new, markdown=True) == "../dossier/b.md"
    assert replacement("articles/a", new, markdown=False) == "dossier/b"
    assert replacement("articles/a", new, markdown=False, absolute=True) == "/" + new


def test_the_standalone_check_names_the_new_article_of_a_reading_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = renamed_root(tmp_path)
    assert check_main([str(src)]) == 1
    assert (
        "data/parcours.yml:5: champ « debut » : article « premier » renommé en "
        "« dossier/premier-pas » : remplacez la référence par « dossier/premier-pas »."
    ) in capsys.readouterr().err


def test_the_home_page_loads_the_old_queries_script_only_while_there_are_some(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    outdir, _ = build_root("kb", src, copy=False)
    script = re.compile(r"kb-anciennes-adresses\.js")
    assert not soup(outdir / "index.html").find("script", src=script)
    with_redirects(src, 'redirect_from: ["/?p=7"]\n')
    outdir, warnings = build_root("kb", src, copy=False)  # incremental: the home page follows
    assert warnings == ""
    assert soup(outdir / "index.html").find("script", src=script)
    assert (outdir / "_static/kb-anciennes-adresses.json").is_file()
