"""Links that never break: redirect pages at an article's old ids (html and dirhtml), their
collisions, and the check that names every published article gone without a redirect."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from kb.content.check import main as check_main

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
