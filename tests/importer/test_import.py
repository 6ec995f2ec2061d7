"""``base-de-connaissances import`` as a team meets it: a base made with ``new``, a GitBook
space (a git repository), a MkDocs project, a VuePress site and a WordPress export written for
these tests; each imports with no hand edit, then ``check``, the strict build and the new base's
own tests pass, no page shows unconverted syntax, every old address redirects to its new page,
the source's order is kept, and a second run writes the same files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.__main__ import main as command
from sphinx_base_de_connaissances.commands.check import main as check_main

from tests.helpers import build_root, soup

FIXTURES = Path(__file__).parent / "fixtures"
SITE = "http://127.0.0.1:8000/"


def new_base(tmp_path: Path) -> Path:
    base = tmp_path / "base"
    assert command(["new", str(base), "--titre", "Base importée"]) == 0
    return base


def git(folder: Path, *args: str, author: str = "", date: str = "") -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if author:
        name, email = author.split("|")
        env |= {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date}
        env |= {"GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
        env |= {"GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env)


def gitbook_repository(tmp_path: Path) -> Path:
    """The GitBook fixture as a synchronised space is: a repository, two writers."""
    space = tmp_path / "espace"
    shutil.copytree(FIXTURES / "gitbook", space)
    git(space, "init", "-q", "-b", "main")
    git(space, "add", ".")
    git(
        space,
        "commit",
        "-qm",
        "Espace",
        author="Léa Roux|lea@example.org",
        date="2023-02-01T10:00:00",
    )
    page = space / "Guide Utilisateur/installation.md"
    page.write_text(page.read_text("utf-8") + "\nMis à jour pour la version 2.\n", "utf-8")
    git(
        space,
        "commit",
        "-qam",
        "v2",
        author="Marc Blanc|marc@example.org",
        date="2024-06-10T10:00:00",
    )
    return space


def run_import(base: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert command(["import", *args, "--base", str(base)]) == 0
    return capsys.readouterr().out


def snapshot(base: Path) -> dict[str, str]:
    return {
        p.relative_to(base).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(base.rglob("*"))
        if p.is_file() and "_build" not in p.parts
    }


def visible_text(page: Path) -> str:
    found = soup(page)
    for element in found.select("pre, code, script, style"):
        element.decompose()
    return found.get_text(" ")


def redirect_target(outdir: Path, file: str) -> str:
    refresh = soup(outdir / file).find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None, file
    return refresh["content"].removeprefix("0; url=")


def build_and_check(base: Path) -> Path:
    assert check_main([str(base)]) == 0
    outdir, warnings = build_root("kb", base, copy=False)
    assert warnings == ""
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.parts]
    for page in pages:
        text = visible_text(page)
        for leftover in ("{%", "{{<", ":::", "[ ]", "!!!"):
            assert leftover not in text, (page, leftover)
    return outdir


def test_a_gitbook_space_comes_in_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = new_base(tmp_path)
    report = run_import(base, capsys, "gitbook", str(gitbook_repository(tmp_path)))
    # What it could not do, named with the file and line, in French.
    assert "premiere-etape.md:21 : balise GitBook « swagger » non convertie" in report
    assert "premiere-etape.md:19 : image distante https://cdn.example.org/remote.png" in report
    assert "image schema.jpg : son contenu est du PNG, renommée en .png" in report
    install = (base / "articles/guide-utilisateur/installation.md").read_text("utf-8")
    # Dates and writers from the space's history; the order of SUMMARY.md.
    assert "date: 2023-02-01\nupdated: 2024-06-10\nauthors: [lea-roux, marc-blanc]" in install
    assert "order: 2\nparent: guide-utilisateur" in install  # SUMMARY.md's nesting
    authors = (base / "data/authors.yml").read_text("utf-8")
    assert "lea-roux:\n  name: Léa Roux" in authors and authors.startswith("# Les auteurs")
    outdir = build_and_check(base)
    page = soup(outdir / "articles/guide-utilisateur/installation.html")
    assert page.select_one(".kb-article-meta__trail a").get_text() == "Guide utilisateur"
    assert [t.get_text() for t in page.select(".admonition-title")][:2] == ["Windows", "Linux"]
    assert page.select(".admonition.warning .admonition.tip")  # a hint in a hint
    assert page.select_one("figure img")["alt"] == "L’écran d’accueil de l’outil"
    assert page.select_one("figcaption .caption-text").get_text(strip=True) == "L’écran d’accueil"
    assert page.select_one("a.download")["href"].endswith("guide.pdf")
    # The copy button of its code is styled: the bundle keeps sphinx-copybutton's rules.
    (bundle,) = (outdir / "_static").glob("bundle.*.css")
    assert re.search(r"button\.copybtn\s*\{", bundle.read_text("utf-8"))
    steps = soup(outdir / "articles/guide-utilisateur/premiere-etape.html")
    boxes = steps.select("input[type=checkbox]")
    assert len(boxes) == 3 and all(box.has_attr("disabled") for box in boxes)
    remote = steps.find("a", string="Une image distante")
    assert remote["href"] == "https://cdn.example.org/remote.png" and not steps.select(
        "img[src^=http]"
    )
    # The guide's parts in the source's order, in its category and its reading path.
    listed = soup(outdir / "categories/guide-utilisateur.html").select(".kb-card__title a")
    assert [a.get_text() for a in listed] == [
        "Guide utilisateur",
        "Installation",
        "Première étape",
        "Configuration avancée",
    ]
    path = soup(outdir / "parcours/guide-utilisateur.html").get_text(" ")
    assert path.index("Installation") < path.index("Première étape") < path.index("Configuration")
    # Every old address, capitals, accents and spaces included, sends readers to its page.
    for old, new in {
        "Guide Utilisateur/index.html": "guide-utilisateur/guide-utilisateur.html",
        "Guide Utilisateur/installation/index.html": "guide-utilisateur/installation.html",
        "Guide Utilisateur/installation.html": "guide-utilisateur/installation.html",
        "Guide Utilisateur/Configuration Avancée.html": (
            "guide-utilisateur/configuration-avancee.html"
        ),
        "Référence/installation.html": "reference/reference-installation.html",
    }.items():
        assert redirect_target(outdir, old) == f"{SITE}articles/{new}"
    # What the space itself declared and published: .gitbook.yaml's redirects, the cards'
    # titles, a page out of SUMMARY.md kept as a draft (links to it keep their text), a page
    # listed twice kept once.
    assert redirect_target(outdir, "demarrage/index.html") == (
        f"{SITE}articles/guide-utilisateur/premiere-etape.html"
    )
    home = soup(outdir / "articles/espace/espace-bienvenue.html")
    assert home.find("a", string="Installation")["href"].endswith("installation.html")
    assert "installation.md" not in home.get_text(" ")
    assert "notes internes" in home.get_text(" ") and not home.find("a", string="notes internes")
    assert "les brouillons" in home.get_text(" ") and not home.find("a", string="les brouillons")
    assert "draft: true" in (base / "articles/brouillons/notes.md").read_text("utf-8")
    assert "Brouillons/notes.md:1 : page absente du sommaire : importée en brouillon" in report
    assert "page listée deux fois au sommaire : gardée à sa première place" in report


def test_a_second_run_writes_the_same_files_and_overwrites_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = new_base(tmp_path)
    space = gitbook_repository(tmp_path)
    run_import(base, capsys, "gitbook", str(space))
    before = snapshot(base)
    report = run_import(base, capsys, "gitbook", str(space))
    assert snapshot(base) == before
    assert "0 fichiers écrits" in report
    edited = base / "articles/reference/reference.md"
    edited.write_text(edited.read_text("utf-8") + "\nUne ligne de l’équipe.\n", "utf-8")
    report = run_import(base, capsys, "gitbook", str(space))
    assert "Une ligne de l’équipe." in edited.read_text("utf-8")
    assert "laissés tels quels" in report and "articles/reference/reference.md" in report


def test_a_mkdocs_project_keeps_its_nav_admonitions_and_addresses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = new_base(tmp_path)
    report = run_import(base, capsys, "markdown", str(FIXTURES / "mkdocs"))
    assert "docs/faq.md:1 : ancre #a-retenir absente" in report
    part = (base / "articles/prise-en-main/partie-1.md").read_text("utf-8")
    assert "authors: [claire-martin]" in part and "date: 2024-01-15" in part
    outdir = build_and_check(base)
    page = soup(outdir / "articles/prise-en-main/partie-1.html")
    titles = [t.get_text() for t in page.select(".admonition-title")]
    assert titles[:2] == ["À retenir", "Avertissement"] or titles[0] == "À retenir"
    assert "Pour aller plus loin" in titles
    assert page.select(".admonition.danger")
    listed = soup(outdir / "categories/prise-en-main.html").select(".kb-card__title a")
    assert [a.get_text()[:8] for a in listed] == ["Prise en", "Partie 1", "Partie 2", "Partie 3"]
    for old, new in {
        "guide/index.html": "prise-en-main/guide.html",
        "guide/partie-2/index.html": "prise-en-main/partie-2.html",
        "faq/index.html": "documentation-du-service/faq.html",
        "ancien-guide/index.html": "prise-en-main/partie-1.html",  # mkdocs-redirects
    }.items():
        assert redirect_target(outdir, old) == f"{SITE}articles/{new}"
    # A page out of the nav: MkDocs builds it, so it stays published.
    assert "docs/annexe.md:1 : page absente du sommaire (nav) : publiée" in report
    assert (outdir / "articles/documentation-du-service/annexe.html").is_file()
    faq = soup(outdir / "articles/documentation-du-service/faq.html")
    assert faq.select_one("img")["alt"] == "Le tableau de bord"
    # What MkDocs Material writes and MyST does not read as is: tabs, annotated fences, raw
    # HTML with attributes, reference links, links to deep headings; check and the strict
    # build passed above.
    reference = soup(outdir / "articles/documentation-du-service/reference.html")
    text = reference.get_text(" ")
    assert [t.get_text() for t in reference.select(".admonition-title")][:2] == [
        "Installation",
        "Mise à jour",
    ]
    assert reference.select_one(".code-block-caption").get_text(strip=True).startswith("Terminal")
    assert "===" not in text and "{ .sh" not in text and "hl_lines" not in text
    assert "importants" in text and reference.select_one("[style]") is None
    assert reference.find("a", string="première partie")["href"].endswith("partie-1.html")
    lancer = reference.find("a", string="partie 3")["href"]
    target = lancer.split("#")[1]
    assert soup(outdir / "articles/prise-en-main/partie-3.html").select_one(f"#{target}")
    assert reference.find("a", string="les détails")["href"] == "#reference-details"
    spaced = text.replace("\u00a0", " ").replace("\u202f", " ")  # the build's no-break spaces
    assert "Un diagramme :" in spaced and "avant tout !" in spaced
    # Arithmatex's formulas, typeset as MathML by the build; the money stays money.
    inline, display = reference.find_all("math")[:2]
    assert inline.get_text() == "c(n)=2n" and display.find("mfrac") is not None
    assert "5 $" in spaced and "$c" not in spaced


def test_a_vuepress_site_keeps_its_containers_and_html_addresses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = new_base(tmp_path)
    run_import(base, capsys, "markdown", str(FIXTURES / "vuepress"))
    outdir = build_and_check(base)
    page = soup(outdir / "articles/guide/guide.html")
    titles = [t.get_text() for t in page.select(".admonition-title")]
    assert "Bon à savoir" in titles and "Afficher la suite" in titles
    assert page.find("a", string="connexion")["href"] == "connexion.html"
    assert redirect_target(outdir, "guide/index.html") == f"{SITE}articles/guide/guide.html"
    assert redirect_target(outdir, "guide/connexion.html") == f"{SITE}articles/guide/connexion.html"
    # Containers in a list item or nested with more colons, links by .html address, images
    # of the public folder, the permalink the page declared.
    login = soup(outdir / "articles/guide/connexion.html")
    titles = [t.get_text() for t in login.select(".admonition-title")]
    assert {"Attention", "Pour les équipes", "Pourquoi"} <= set(titles)
    assert login.select_one("li .admonition.warning") is not None
    assert login.select_one(".admonition.tip .admonition") is not None
    assert login.find("a", string="guide")["href"] == "guide.html"
    assert login.select_one("img")["alt"] == "L’écran de connexion"
    assert redirect_target(outdir, "se-connecter/index.html") == (
        f"{SITE}articles/guide/connexion.html"
    )


def test_a_wordpress_export_comes_in_without_its_share_buttons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = new_base(tmp_path)
    export = FIXTURES / "wordpress"
    report = run_import(
        base, capsys, "wordpress", str(export / "export.xml"), "--medias", str(export / "uploads")
    )
    assert "export.xml:43 : shortcode [contact-form-7] non converti : retiré" in report
    first = (
        base / "articles/strategie-digitale/j-aime-l-approche-digitale-systemique.md"
    ).read_text("utf-8")
    assert "date: 2015-03-12\nupdated: 2016-01-04\nauthors: [amelie-durand]" in first
    assert 'tags: ["système", "transformation"]' in first
    assert r"\{term\}" in first and "[crochets]" in first.replace("\\", "")
    draft = (base / "articles/community-management/un-brouillon-sur-la-e-reputation.md").read_text(
        "utf-8"
    )
    assert "draft: true" in draft
    authors = (base / "data/authors.yml").read_text("utf-8")
    assert "amelie-durand:\n  name: Amélie Durand" in authors and "bruno-petit:" in authors
    categories = (base / "data/categories.yml").read_text("utf-8")
    assert "strategie-digitale:\n  name: Stratégie digitale" in categories
    outdir = build_and_check(base)
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.parts]
    assert not [p for p in pages if re.search(r"Share (on|via)|sharedaddy", p.read_text("utf-8"))]
    assert not (
        outdir / "articles/community-management/un-brouillon-sur-la-e-reputation.html"
    ).exists()
    page = soup(outdir / "articles/strategie-digitale/j-aime-l-approche-digitale-systemique.html")
    assert (
        page.select_one("figcaption .caption-text").get_text(strip=True)
        == "Le système digital de l’organisation"
    )
    assert len(page.select("img")) >= 3  # the caption's image and the gallery's two
    link = page.find("a", string="le community management")
    assert link["href"] == "../community-management/community-management.html"
    assert "processus {term} et [crochets]" in page.get_text(" ")
    assert redirect_target(
        outdir, "2015/03/12/j-aime-l-approche-digitale-systemique/index.html"
    ) == (f"{SITE}articles/strategie-digitale/j-aime-l-approche-digitale-systemique.html")
    assert redirect_target(outdir, "a-propos/index.html") == f"{SITE}articles/pages/a-propos.html"
    queries = json.loads((outdir / "_static/kb-anciennes-adresses.json").read_text("utf-8"))
    assert queries["p=14"] == f"{SITE}articles/community-management/community-management.html"
    assert queries["page_id=2"] == f"{SITE}articles/pages/a-propos.html"
    assert "p=16" not in queries  # a draft's address is not published


@pytest.mark.parametrize("kind", ["gitbook", "wordpress", "markdown"])
def test_the_new_base_own_tests_pass_after_an_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    base = new_base(tmp_path)
    if kind == "gitbook":
        run_import(base, capsys, "gitbook", str(gitbook_repository(tmp_path)))
    elif kind == "markdown":  # more pages of one year than the home page and the feeds list
        pages = tmp_path / "notes"
        pages.mkdir()
        for number in range(55):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=number)
            (pages / f"note-{number:02}.md").write_text(
                f"---\ndate: {day}\n---\n\n# Note {number}\n\n"
                f"Une note de l’équipe sur le sujet numéro {number}.\n",
                "utf-8",
            )
        run_import(base, capsys, "markdown", str(pages))
    else:
        export = FIXTURES / "wordpress"
        run_import(
            base,
            capsys,
            "wordpress",
            str(export / "export.xml"),
            "--medias",
            str(export / "uploads"),
        )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=base,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_import_outside_a_base_or_with_a_wrong_source_says_so_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert command(["import", "gitbook", str(FIXTURES / "gitbook"), "--base", str(tmp_path)]) == 2
    assert "pas de conf.py" in capsys.readouterr().err
    base = new_base(tmp_path)
    assert command(["import", "wordpress", str(tmp_path / "absent.xml"), "--base", str(base)]) == 2
    assert "le fichier .xml de l’export WordPress" in capsys.readouterr().err
    broken = tmp_path / "export.xml"
    broken.write_text("<rss><channel><item>", "utf-8")
    assert command(["import", "wordpress", str(broken), "--base", str(base)]) == 2
    assert "illisible" in capsys.readouterr().err


def test_a_source_never_hands_over_a_file_from_outside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes((FIXTURES / "mkdocs/docs/img/tableau.png").read_bytes())
    (tmp_path / "hors.md").write_text("# Hors\n\nUn texte de la machine, pas de la source.\n")
    space = tmp_path / "espace"
    shutil.copytree(FIXTURES / "gitbook", space)
    (space / ".gitbook/assets/lien.png").symlink_to(secret)
    (space / "lien.md").symlink_to(tmp_path / "hors.md")
    page = space / "Référence/installation.md"
    page.write_text(
        page.read_text("utf-8") + "\n![Un lien](../.gitbook/assets/lien.png)\n"
        "![Dehors](../../secret.png)\n",
        "utf-8",
    )
    summary = space / "SUMMARY.md"
    summary.write_text(summary.read_text("utf-8") + "* [Hors](../hors.md)\n", "utf-8")
    base = new_base(tmp_path)
    report = run_import(base, capsys, "gitbook", str(space))
    assert "SUMMARY.md:17 : « ../hors.md » est hors de l’espace : ignoré." in report
    assert "image introuvable : ../.gitbook/assets/lien.png" in report
    assert "image introuvable : ../../secret.png" in report
    texts = [p.read_text("utf-8") for p in (base / "articles").rglob("*.md")]
    assert not [t for t in texts if "Un texte de la machine" in t]
    assert not (base / "medias/lien.png").exists() and not (base / "medias/secret.png").exists()


def test_a_base_named_by_a_relative_path_is_read_from_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    new_base(tmp_path)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert check_main(["base"]) == 0
    assert command(["import", "markdown", str(FIXTURES / "vuepress"), "--base", "base"]) == 0
    assert "VuePress : 3 pages lues" in capsys.readouterr().out
