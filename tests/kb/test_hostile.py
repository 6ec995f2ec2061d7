"""Hostile or careless input (issue « Hostile or careless input »): each case either fails the
build with a French `fichier:ligne` warning or renders as inert text; nothing is half-written."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import REPO, build_root, soup

FRONT = """---
title: {title}
description: "Une description assez longue pour passer la validation du schéma."
date: 2026-01-15
authors: [alice]
category: strategie
tags: {tags}
---

"""
TITLE = "Piège <img src=x onerror=alert(1)> <script>alert(2)</script>"
BODY = """Texte, <kbd>Ctrl</kbd>, <abbr title="Système d’information">SI</abbr>, H<sub>2</sub>O.

Puis <img src=x onerror=alert(1)> et <a href="javascript:alert(4)">un lien</a>.

[lien](javascript:alert(5))

Écrire `[lien](javascript:…)` est refusé.

<details><summary>Plus</summary>Caché.</details>

<script>alert(7)</script>

<div onclick="alert(6)" style="color:red">bloc</div>
"""


def article(title: str = '"Un article ordinaire"', body: str = "Texte.\n", tags: str = "[]"):
    return FRONT.format(title=title, tags=tags) + body


def build(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[Path, str]:
    src = tmp_path / "src"
    src.mkdir(parents=True, exist_ok=True)
    import shutil

    shutil.copytree(REPO / "tests/roots/test-kb", src, dirs_exist_ok=True)
    for name, content in files.items():
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return build_root("kb", src, copy=False)


def warnings_of(text: str) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text.splitlines() if "WARNING" in line]


def test_a_title_with_html_is_text_everywhere(tmp_path: Path) -> None:
    quoted = '"' + TITLE.replace('"', '\\"') + '"'
    outdir, warnings = build(tmp_path, {"articles/piege.md": article(quoted)})
    assert warnings_of(warnings) == []  # text is allowed; it is just never HTML
    for page in (
        "articles/piege.html",
        "index.html",
        "categories/strategie.html",
        "articles/premier.html",
    ):
        raw = (outdir / page).read_text("utf-8")
        assert "<img src=x" not in raw and "<script>alert" not in raw, page
    page = soup(outdir / "articles/piege.html")
    assert page.h1.get_text().rstrip("¶") == TITLE
    assert TITLE in page.title.get_text()
    assert page.find("meta", property="og:title")["content"] == TITLE
    for feed in ("feeds/atom.xml", "feeds/rss.xml"):
        ET.parse(outdir / feed)  # still well-formed XML
        assert "&lt;script&gt;" in (outdir / feed).read_text("utf-8")


def test_raw_html_is_sanitized_at_build_time(tmp_path: Path) -> None:
    outdir, warnings = build(tmp_path, {"articles/corps.md": article(body=BODY)})
    found = warnings_of(warnings)
    where = [line.split(": WARNING")[0].rsplit("/src/", 1)[1] for line in found]
    assert where == [
        "articles/corps.md:12",  # <img onerror>
        "articles/corps.md:12",  # <a href=javascript:>
        "articles/corps.md:20",  # <script>…</script>, said once
        "articles/corps.md:22",  # onclick
        "articles/corps.md:22",  # style
        "articles/corps.md:14",  # [lien](javascript:) left as text by markdown-it, still told
    ], found
    assert any("« onerror » interdit sur « <img> »" in line for line in found)
    assert any("schéma « javascript: » interdit" in line for line in found)
    raw = (outdir / "articles/corps.html").read_text("utf-8")
    for bad in ("onerror", "javascript:alert(4)", "<script>alert", "onclick", "color:red"):
        assert bad not in raw, bad
    page = soup(outdir / "articles/corps.html")
    assert page.find("kbd").get_text() == "Ctrl"
    assert page.find("abbr")["title"] == "Système d’information"
    assert page.find("details").summary.get_text() == "Plus"


def test_folder_names_reaching_urls_are_checked(tmp_path: Path) -> None:
    name = 'articles/y" onmouseover="alert(1)/piege.md'
    _outdir, warnings = build(tmp_path, {name: article()})
    (line,) = [w for w in warnings_of(warnings) if "nom de dossier" in w]
    assert 'y" onmouseover="alert(1)/piege.md:1' in line


@pytest.mark.parametrize(
    ("files", "where", "says"),
    [
        ({"articles/t.md": article(tags="[index]")}, "articles/t.md:7", "nom réservé"),
        ({"articles/t.md": article(tags="[" + "x" * 280 + "]")}, "articles/t.md:7", "trop long"),
        (
            {"articles/t.md": article('"Titre\\u0007 avec cloche"')},
            "articles/t.md:2",
            "caractère de contrôle U+0007",
        ),
        (
            {
                "articles/t.md": article().replace(
                    "date: 2026-01-15", 'date: 2026-01-15\nimage: "javascript:alert(1)"'
                )
            },
            "articles/t.md:5",
            "schéma « javascript: » interdit",
        ),
        (
            {"data/categories.yml": "index:\n  name: Index\nstrategie:\n  name: S\n"},
            "data/categories.yml:1",
            "réservé",
        ),
        (
            {"data/categories.yml": "strategie:\n  name: S\n  description: [une, liste]\n"},
            "data/categories.yml:3",
            "attendu : du texte",
        ),
        (
            {"data/categories.yml": "strategie:\n  name: S\nstrategie:\n  name: T\n"},
            "data/categories.yml:3",
            "en double",
        ),
        (
            {"data/categories.yml": "strategie:\n  name: null\n"},
            "data/categories.yml:2",
            "attendu : du texte",
        ),
        (
            {"data/categories.yml": "strategie:\n  name: &a S\n  description: *a\n"},
            "data/categories.yml:2",
            "alias YAML",
        ),
        (
            {"articles/latin1.md": b"---\ntitle: \xc9t\xe9\n---\n"},
            "articles/latin1.md:2",
            "fichier illisible",
        ),
        (
            {"articles/t.md": article('"Titre\\uFFFF non-caractère"')},
            "articles/t.md:2",
            "caractère de contrôle U+FFFF",
        ),
        (
            {"articles/t.md": article(body="Un\ufffe texte.\n\nEt \x0c ici.\n")},
            "articles/t.md:12",
            "caractère U+000C interdit",
        ),
        (
            {"glossaire.md": "# Glossaire\n\nUn mot\uffff.\n"},
            "glossaire.md:3",
            "caractère U+FFFF interdit",
        ),
        (
            {"conf.py": (REPO / "tests/roots/test-kb/conf.py").read_text() + "kb_ofline = True\n"},
            "conf.py",
            "kb_ofline : option inconnue ; vouliez-vous dire kb_offline ?",
        ),
    ],
)
def test_careless_input_is_a_located_french_error(
    tmp_path: Path, files: dict, where: str, says: str
) -> None:
    outdir, warnings = build(tmp_path, files)
    found = warnings_of(warnings)
    assert any(where in line and says in line for line in found), found
    assert "Traceback" not in warnings
    for feed in ("feeds/atom.xml", "feeds/rss.xml", "sitemap.xml"):
        ET.parse(outdir / feed)  # whatever was refused, what is published stays XML


def test_characters_no_output_can_carry_are_refused_by_check_as_by_the_build(
    tmp_path: Path, capsys
) -> None:
    from sphinx_base_de_connaissances.commands.check import main as check

    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "articles/t.md").write_text(article('"Titre\\uFFFF"', "Un\uffff texte.\n"), "utf-8")
    assert check([str(src)]) == 1
    error = capsys.readouterr().err
    assert "articles/t.md:2: champ « title » : caractère de contrôle U+FFFF" in error
    assert "articles/t.md:10: caractère U+FFFF interdit" in error


def test_a_symlinked_article_publishes_nothing(tmp_path: Path) -> None:
    """(Files that pages name: tests/kb/test_boundary.py.)"""
    secret = tmp_path / "secret.md"
    secret.write_text(article('"Secret"', "Texte secret venu d’ailleurs.\n"), "utf-8")
    src = tmp_path / "src"
    (src / "articles").mkdir(parents=True)
    (src / "articles/lien.md").symlink_to(secret)
    outdir, warnings = build(tmp_path, {})
    found = warnings_of(warnings)
    assert any("articles/lien.md:1" in w and "lien symbolique" in w for w in found), found
    assert not (outdir / "articles/lien.html").exists()


def test_generated_pages_keep_their_names(tmp_path: Path) -> None:
    outdir, _warnings = build(tmp_path, {"articles/t.md": article(tags="[index, Stratégie]")})
    overview = soup(outdir / "tags/index.html")
    assert overview.h1.get_text().startswith("Mots-clés")
    urls = [
        u.text for u in ET.parse(outdir / "sitemap.xml").getroot().iter() if u.tag.endswith("loc")
    ]
    assert len(urls) == len(set(urls))


def test_the_meta_description_keeps_text_between_angle_brackets(tmp_path: Path) -> None:
    from tests.helpers import copy_site
    from tools.sitebuild import build as site_build

    src = copy_site(tmp_path / "site")
    seed = src / "articles/aime-l-approche-digitale-systemique.md"
    text = seed.read_text("utf-8")
    line = next(x for x in text.splitlines() if x.startswith("description:"))
    wanted = "Comparer <div> et <span> : une description assez longue pour le schéma."
    seed.write_text(text.replace(line, f'description: "{wanted}"'), "utf-8")
    assert site_build(src, tmp_path / "out", "html") == 0
    page = soup(tmp_path / "out/html/articles/aime-l-approche-digitale-systemique.html")
    spaced = wanted.replace(" :", "\u00a0:")  # the French spacing rule, as everywhere
    assert page.find("meta", attrs={"name": "description"})["content"] == spaced


def test_a_failing_build_finished_leaves_the_previous_feeds_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sphinx_base_de_connaissances.outputs import feeds

    outdir, _warnings = build(tmp_path, {})
    before = {p.name: p.read_bytes() for p in (outdir / "feeds").glob("*.*")}
    assert set(before) == {"atom.xml", "rss.xml", "feed.json"}
    real, calls = feeds.render, []

    def failing(*args: object) -> dict[str, bytes]:
        calls.append(args)
        if len(calls) == 2:  # after the site's feeds are made, before anything is written
            raise ValueError("All strings must be XML compatible")
        return real(*args)

    monkeypatch.setattr(feeds, "render", failing)
    (tmp_path / "src/articles/premier.md").write_text(
        (tmp_path / "src/articles/premier.md").read_text("utf-8").replace("Premier", "Autre"),
        "utf-8",
    )
    with pytest.raises(Exception, match="XML compatible"):
        build_root("kb", tmp_path / "src", copy=False)
    after = {p.name: p.read_bytes() for p in (outdir / "feeds").glob("*.*")}
    assert after == before
