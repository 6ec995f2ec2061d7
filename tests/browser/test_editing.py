"""The editing space (admin/, kb_cms) in Chromium: it loads from the site's own origin in
French; against Decap CMS's proxy for a local repository (decap-server, on 127.0.0.1), a
writer creates an article through the interface and the file written passes `check` and the
strict build, and shows on the site."""

from __future__ import annotations

import datetime as dt
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.helpers import BuiltSite
from tools.sitebuild import build, copy_site_parts

HERE = Path(__file__).parent
PROXY = HERE / "node_modules" / ".bin" / "decap-server"
PROXY_URL = "http://127.0.0.1:8081/api/v1"  # what the generated configuration names
TITLE = "L’écriture d’un article : « essai »"
DESCRIPTION = "Un article écrit depuis l’espace d’écriture, pour voir le fichier qu’il produit."


def test_admin_loads_in_french_with_nothing_from_another_site(visit) -> None:
    page_visit = visit("admin/", locale="fr-FR")
    page = page_visit.page
    page.get_by_role("button", name="Se connecter").wait_for(timeout=20_000)
    assert page.evaluate("document.documentElement.lang") == "fr"
    # Decap CMS looks for the local proxy only when the page comes from this machine.
    assert {url for url in page_visit.foreign if not url.startswith(PROXY_URL)} == set()


def test_on_the_published_site_admin_asks_no_other_origin(browser, site: BuiltSite) -> None:
    """Served under the site's own name (not this machine), Decap CMS does not look for the
    local proxy either: every request stays on the site's origin."""
    context = browser.new_context(locale="fr-FR")
    origin = "https://kb.example"
    asked: list[str] = []

    def from_the_site(route) -> None:
        path = route.request.url.removeprefix(origin).split("?")[0].split("#")[0]
        file = site.html / (path.lstrip("/") or "index.html")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            route.fulfill(path=file)
        else:
            route.fulfill(status=404)

    context.route(f"{origin}/**", from_the_site)
    context.on("request", lambda request: asked.append(request.url))
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Security Policy" in m.text else None)
    page.goto(f"{origin}/admin/")
    page.get_by_role("button", name="Se connecter").wait_for(timeout=20_000)
    page.wait_for_timeout(500)
    context.close()
    assert asked and all(url.startswith((origin, "data:", "blob:")) for url in asked), asked
    assert refused == []  # its own policy lets it work


@pytest.fixture(params=["fs"])
def repository(request, tmp_path: Path) -> Iterator[Path]:
    """A copy of the base, served to the editing space by decap-server on 127.0.0.1:8081:
    files written as they are (``fs``), or in git as the forge would (``git``: each save a
    commit on a branch of its own, the pull request's)."""
    if not PROXY.exists():
        pytest.fail("decap-server absent : lancez « npm ci --prefix tests/browser ».")
    with socket.socket() as probe:  # another proxy there would take the writes
        if probe.connect_ex(("127.0.0.1", 8081)) == 0:
            pytest.fail("le port 8081 est déjà pris : arrêtez l’autre decap-server.")
    src = tmp_path / "base"
    copy_site_parts(src)
    if request.param == "git":
        identity = ["-c", "user.name=Équipe", "-c", "user.email=equipe@example.org"]
        for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "B"]):
            subprocess.run(["git", *identity, *command], cwd=src, check=True)
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(src), "BIND_HOST": "127.0.0.1"}
    proxy = subprocess.Popen(
        [str(PROXY)],
        env={**env, "PORT": "8081", "MODE": request.param, "LOG_LEVEL": "error"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):  # up in a second or two
            try:
                urllib.request.urlopen(PROXY_URL.removesuffix("/api/v1"), timeout=1)
                break
            except OSError as error:
                if getattr(error, "code", None):  # an HTTP answer: the server is up
                    break
                time.sleep(0.1)
        yield src
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "steelblue").save(out, "PNG")
    return out.getvalue()


BODY = """Un premier paragraphe sur le {term}`SI`.

:::{note}
Une remarque.
:::

| Canal | Portée |
| --- | --- |
| Blog | Large |

:::{figure} /medias/schema.png
:alt: Un schéma bleu

La légende du schéma.
:::
"""


def test_a_writer_creates_an_article_that_the_strict_build_publishes(
    browser, base_url: str, repository: Path, tmp_path: Path
) -> None:
    picture = tmp_path / "schema.png"
    picture.write_bytes(png())
    context, page = signed_in(browser, base_url)
    page.goto(base_url + "admin/#/collections/articles/new")
    page.get_by_label("Titre", exact=True).fill(TITLE)
    page.get_by_label("Description", exact=True).fill(DESCRIPTION)
    page.get_by_label("Date de publication").fill("2026-12-01")
    page.get_by_label("Auteurs", exact=True).click()
    page.get_by_text("La rédaction", exact=True).click()
    page.get_by_label("Catégorie", exact=True).click()
    page.get_by_text("Communication et réseaux sociaux", exact=True).last.click()
    page.locator("[id^=tags-field]").fill("réseaux sociaux, écriture")
    page.get_by_role("button", name="Choisir une image").click()
    page.locator("input[type=file]").set_input_files(picture)
    page.get_by_role("button", name="Choisir les éléments sélectionnés").click()
    body = page.locator(".cms-editor-raw [contenteditable=true]")
    body.click()
    page.keyboard.insert_text(BODY)
    # The preview shows MyST's blocks as the site does: their classes, their French titles,
    # the site's own stylesheet.
    frame = page.frame_locator("iframe").first.locator(".kb-preview-body")
    preview = frame.locator(".admonition.note")
    assert preview.locator(".admonition-title").inner_text() == "Remarque"
    assert preview.locator("p").nth(1).inner_text() == "Une remarque."
    assert preview.evaluate("e => getComputedStyle(e).borderLeftStyle") != "none"
    term = frame.locator("a.reference.internal > span.xref.std.std-term")
    assert term.inner_text() == "SI"
    assert frame.locator("p", has_text="Un premier paragraphe").inner_text() == (
        "Un premier paragraphe sur le SI."
    )
    figure = frame.locator("figure.align-default")
    assert figure.locator("img").get_attribute("alt") == "Un schéma bleu"
    figure.locator("img").evaluate("i => i.decode()")  # the uploaded image, loaded
    assert figure.locator("img").evaluate("i => i.naturalWidth") == 40
    assert figure.locator("figcaption .caption-text").inner_text() == "La légende du schéma."
    assert frame.locator("text=:::").count() == 0  # no MyST fence left as text
    table = frame.locator("table.table")
    assert table.locator("td").first.inner_text() == "Blog"
    # The site's table style, not the browser's: no spacing between cells.
    assert table.evaluate("t => getComputedStyle(t).borderCollapse") == "collapse"
    written = repository / "articles" / "l-ecriture-d-un-article-essai.md"
    front = yaml.safe_load(published(context, page, written, "").split("---\n")[1])
    assert front == {
        "title": TITLE,
        "description": DESCRIPTION,
        "date": dt.date(2026, 12, 1),
        "authors": ["redaction"],
        "category": "communication",
        "tags": ["réseaux sociaux", "écriture"],
        "image": "/medias/schema.png",
    }  # nothing said by default (draft, share)
    assert (repository / "medias" / "schema.png").read_bytes() == picture.read_bytes()
    check = subprocess.run(
        [sys.executable, "-m", "sphinx_base_de_connaissances", "check", str(repository)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    out = tmp_path / "out"
    assert build(repository, out, "html") == 0  # the strict build
    site = BuiltSite(out / "html")
    article = site.page("articles/l-ecriture-d-un-article-essai.html")
    for anchor in article.h1.select("a.headerlink"):
        anchor.decompose()
    shown = article.h1.get_text(strip=True).replace("\u00a0", " ").replace("\u202f", " ")
    assert shown == TITLE  # French spacing, as the engine adds it
    assert (
        article.select_one(".admonition.note").get_text(" ", strip=True).endswith("Une remarque.")
    )
    listing = site.page("categories/communication.html").get_text()
    assert "L’écriture d’un article" in listing


def signed_in(browser, base_url: str):
    """(a context, its page) signed in to the local repository, its articles listed."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "admin/")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_text("aime l’approche digitale systémique").wait_for(timeout=20_000)
    return context, page


def published(context, page, path: Path, before: str) -> str:
    """Publish the entry open in ``page``; the text of ``path`` once written (``before`` until
    then), the context closed."""
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    for _ in range(100):
        if path.is_file() and path.read_text("utf-8") != before:
            break
        time.sleep(0.1)
    context.close()
    return path.read_text("utf-8") if path.is_file() else before


def edit_the_first_line(browser, base_url: str):
    """Sign in to the local repository, open the seed article, put « Un ajout. » before its
    first line of text; (the context, the page), not saved yet."""
    context, page = signed_in(browser, base_url)
    page.get_by_text("aime l’approche digitale systémique").click()
    body = page.locator(".cms-editor-raw [contenteditable=true]")
    body.click()
    # The editor takes the keys once it has the focus: under load, a first Ctrl+Home can come
    # before, and the text would go where the click put the caret.
    for _ in range(50):
        page.keyboard.press("Control+Home")
        if body.evaluate(CARET_AT_START):
            break
        page.wait_for_timeout(100)
    page.keyboard.insert_text("Un ajout. ")
    return context, page


# Whether nothing of the editor's text comes before the caret.
CARET_AT_START = """editor => {
    const caret = getSelection();
    if (!caret.rangeCount || !editor.contains(caret.anchorNode)) return false;
    const before = document.createRange();
    before.selectNodeContents(editor);
    before.setEnd(caret.anchorNode, caret.anchorOffset);
    return before.toString().length === 0;
}"""


def test_editing_one_paragraph_changes_that_paragraph_only(
    browser, base_url: str, repository: Path
) -> None:
    """Decap CMS would write the front matter again in its own style; the base's article
    format keeps every byte the writer did not change."""
    path = repository / "articles" / "aime-l-approche-digitale-systemique.md"
    before = path.read_text("utf-8")
    context, page = edit_the_first_line(browser, base_url)
    after = published(context, page, path, before)
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(changed) == 1, changed
    assert changed[0][1] == "Un ajout. " + changed[0][0]


@pytest.mark.parametrize("repository", ["git"], indirect=True)
def test_saving_a_draft_makes_the_branch_of_its_pull_request(
    browser, base_url: str, repository: Path
) -> None:
    """In the editorial workflow, « Enregistrer » commits the change on a branch of its own,
    in French, with the paragraph edited and nothing else: what the forge shows as a pull
    request for the checks and the team to review (publishing is merging)."""
    context, page = edit_the_first_line(browser, base_url)
    page.get_by_role("button", name="Enregistrer").first.click()
    branch = "cms/articles/aime-l-approche-digitale-systemique"

    def git(*arguments: str) -> str:
        done = subprocess.run(
            ["git", *arguments], cwd=repository, capture_output=True, text=True, check=False
        )
        return done.stdout

    message = "Article modifié : aime-l-approche-digitale-systemique"
    for _ in range(100):  # the branch is made first, then the commit
        if git("log", "-1", "--format=%s", branch).strip() == message:
            break
        time.sleep(0.1)
    context.close()
    assert git("log", "-1", "--format=%s", branch).strip() == message
    changed = git("diff", "--numstat", f"main...{branch}").split()
    assert changed == ["1", "1", "articles/aime-l-approche-digitale-systemique.md"]
    assert git("log", "-1", "--format=%s", "main").strip() == "B"  # main untouched


def test_a_reading_path_is_edited_as_a_form_and_its_file_keeps_what_was_not_changed(
    browser, base_url: str, repository: Path, tmp_path: Path
) -> None:
    """data/parcours.yml maps each path's key to its fields; the editing space shows it as a
    list of forms, its articles chosen by title. Renaming one path changes its title's line
    only (the file's comments stay); a path added is written in the engine's format, and
    the strict build publishes its page."""
    path = repository / "data" / "parcours.yml"
    before = path.read_text("utf-8")
    context, page = signed_in(browser, base_url)
    page.goto(base_url + "admin/#/collections/donnees/entries/parcours")
    title = page.get_by_label("Titre", exact=True)
    title.fill("Premiers pas : la stratégie numérique")
    page.get_by_role("button", name="Ajouter parcours").click()
    page.get_by_label("Identifiant", exact=True).last.fill("reseaux")
    page.get_by_label("Titre", exact=True).last.fill("Les réseaux d’abord")
    for title in ("aime quand ça bouge", "aime l’approche digitale"):  # not the files' order
        page.get_by_role("button", name="Ajouter article").last.click()
        page.get_by_label("Article", exact=True).last.click()
        page.get_by_text(title).last.click()
    after = published(context, page, path, before)
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    assert changed == [
        (
            "  title: Premiers pas en stratégie numérique\n",
            "  title: 'Premiers pas : la stratégie numérique'\n",
        )
    ]  # the comments, the description and the articles' lines as they were
    assert after.endswith(
        "reseaux:\n  title: Les réseaux d’abord\n  articles:\n"
        "    - aime-quand-ca-bouge-dans-le-community-management\n"
        "    - aime-l-approche-digitale-systemique\n"
    )
    out = tmp_path / "out"
    assert build(repository, out, "html") == 0  # the strict build
    shown = BuiltSite(out / "html").page("parcours/reseaux.html")
    assert "Les réseaux d’abord" in shown.h1.get_text()
    steps = [a.get_text(" ", strip=True) for a in shown.select("main ol a")]
    assert steps[0].startswith("aime quand ça bouge"), steps
