"""Dates and contributors from a real git history made here (commits with set authors and
dates, a .mailmap, a bot), and what happens without a whole history."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.content.history import parse
from sphinx_base_de_connaissances.settings import Settings
from sphinx_base_de_connaissances.source.base import load

from tests.helpers import REPO, build_root, soup

OVERRIDES = {"kb_repository_url": "https://forge.example/kb"}


def commit(repo: Path, author: str, day: str, message: str) -> None:
    name, email = re.fullmatch(r"(.+) <(.+)>", author).groups()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": f"{day}T10:00:00+01:00",
        "GIT_COMMITTER_DATE": f"{day}T10:00:00+01:00",
    }
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, env=env, check=True)


def edit(repo: Path, name: str, line: str) -> None:
    path = repo / "articles" / name
    path.write_text(path.read_text("utf-8") + f"\n{line}\n", "utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("history") / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", repo)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    (repo / ".mailmap").write_text(
        "Alice Écrivaine <alice@new.example>\n"
        "Alice Écrivaine <alice@new.example> <alice@old.example>\n"
    )
    commit(repo, "alice <alice@old.example>", "2026-01-15", "Premiers articles")
    edit(repo, "premier.md", "Une précision de Bob.")
    commit(repo, "Bob Martin <bob@example.org>", "2026-03-02", "Précision")
    edit(repo, "premier.md", "Un lien réparé.")
    commit(
        repo,
        "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        "2026-04-01",
        "Lien",
    )
    edit(repo, "deuxieme.md", "Une retouche après sa mise à jour déclarée.")
    commit(repo, "Bob Martin <bob@example.org>", "2026-05-01", "Retouche")
    front = (repo / "articles/premier.md").read_text("utf-8").split("---")[1]
    front = front.replace("2026-01-15", "2026-06-01").replace("Premier article", "Quatrième")
    (repo / "articles/quatrieme.md").write_text(f"---{front}---\n\nLe jour même.\n", "utf-8")
    # Written on 20 May, committed on 1 June, never edited since.
    late = front.replace("2026-06-01", "2026-05-20").replace("Quatrième", "Cinquième")
    (repo / "articles/cinquieme.md").write_text(f"---{late}---\n\nEnvoyé plus tard.\n", "utf-8")
    commit(repo, "Alice <alice@new.example>", "2026-06-01", "Quatrième")
    return repo


@pytest.fixture(scope="module")
def built(repo: Path) -> Path:
    outdir, warnings = build_root("kb", repo, copy=False, confoverrides=OVERRIDES)
    assert warnings == ""
    return outdir


def test_the_last_commit_dates_an_article_everywhere(built: Path) -> None:
    page = soup(built / "articles/premier.html")
    times = [t["datetime"] for t in page.select(".kb-article-meta time")]
    assert times == ["2026-01-15", "2026-04-01"]
    assert "mis à jour le 1er avril 2026" in " ".join(
        page.select_one(".kb-article-meta").get_text().split()
    )
    assert page.find("meta", property="article:modified_time")["content"] == "2026-04-01"
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    assert re.search(r"articles/premier\.html</loc>\s*<lastmod>2026-04-01</lastmod>", sitemap)
    atom = (built / "feeds/atom.xml").read_text("utf-8")
    entry = atom[atom.index("articles/premier.html") - 600 :]
    assert "<updated>2026-04-01T00:00:00+00:00</updated>" in entry[:1500]
    feed = json.loads((built / "feeds/feed.json").read_text("utf-8"))
    item = next(i for i in feed["items"] if i["url"].endswith("articles/premier.html"))
    assert item["date_modified"].startswith("2026-04-01")


def test_an_article_committed_once_on_its_date_shows_no_update(built: Path) -> None:
    page = soup(built / "articles/quatrieme.html")
    assert "mis à jour" not in page.select_one(".kb-article-meta").get_text()
    assert page.find("meta", property="article:modified_time") is None
    assert page.select_one(".kb-contributors") is None  # Alice only, a front-matter author


def test_an_article_committed_after_its_date_and_never_edited_shows_no_update(
    built: Path,
) -> None:
    for name in ("cinquieme", "dossier/troisieme"):  # added after its date, then untouched
        page = soup(built / f"articles/{name}.html")
        assert "mis à jour" not in page.select_one(".kb-article-meta").get_text(), name
        assert page.find("meta", property="article:modified_time") is None, name


def test_the_front_matter_updated_wins_over_a_later_commit(built: Path) -> None:
    page = soup(built / "articles/deuxieme.html")
    times = [t["datetime"] for t in page.select(".kb-article-meta time")]
    assert times == ["2026-03-02", "2026-04-01"]


def test_contributors_are_names_from_the_mailmap_without_bots_or_addresses(built: Path) -> None:
    page = soup(built / "articles/premier.html")
    # Alice is a front-matter author (named above), the bot is left out.
    assert page.select_one(".kb-contributors").get_text() == "Contributeurs\u00a0: Bob Martin"
    html = (built / "articles/premier.html").read_text("utf-8")
    body = re.sub(r'href="[^"]*"|content="[^"]*"|@online\{', "", html.split("<body")[1])
    assert not re.search(r"[\w.+-]+@[\w-]+\.", body)  # no address anywhere in the page
    links = {a.get_text(): a["href"] for a in page.select(".kb-corrections a")}
    assert links["Historique des modifications"] == (
        "https://forge.example/kb/commits/main/articles/premier.md"
    )


def test_same_commit_same_bytes(repo: Path, built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    subprocess.run(["git", "clone", "-q", str(repo), str(again)], check=True)
    outdir, warnings = build_root("kb", again, copy=False, confoverrides=OVERRIDES)
    assert warnings == ""
    for name in ("articles/premier.html", "feeds/atom.xml", "sitemap.xml"):
        assert (outdir / name).read_bytes() == (built / name).read_bytes(), name


def test_a_shallow_clone_warns_and_keeps_the_front_matter_dates(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True
    )
    outdir, warnings = build_root("kb", shallow, copy=False, confoverrides=OVERRIDES)
    assert "clone git superficiel" in warnings and "[kb.history]" in warnings
    page = soup(outdir / "articles/premier.html")
    assert "mis à jour" not in page.select_one(".kb-article-meta").get_text()


def test_the_log_parser_orders_authors_and_skips_bots() -> None:
    output = (
        "\x1ec5\x1f2026-05-01T00:00:00+02:00\x1fRenovate Bot\x1fbot@renovateapp.com\n\nM\ta.md\n"
        "\x1ec4\x1f2026-04-01T00:00:00+02:00\x1fBéa\x1fbea@example.org\n\nM\ta.md\nA\tb.md\n"
        "\x1ec3\x1f2026-03-01T00:00:00+02:00\x1fAli\x1fali@example.org\n\nA\ta.md\n"
    )
    files = parse(output)
    assert files["a.md"].changed.isoformat() == "2026-05-01"
    assert files["a.md"].authors == ("Ali", "Béa")
    assert files["b.md"].authors == ("Béa",)


def test_a_renamed_file_keeps_its_history_and_a_pure_rename_is_no_change() -> None:
    output = (
        "\x1ec6\x1f2026-06-01T00:00:00+02:00\x1fMax\x1fmax@example.org\n\nR100\tb.md\tc.md\n"
        "\x1ec5\x1f2026-05-01T00:00:00+02:00\x1fBéa\x1fbea@example.org\n\nR087\ta.md\tb.md\n"
        "\x1ec3\x1f2026-03-01T00:00:00+02:00\x1fAli\x1fali@example.org\n\nA\ta.md\n"
    )
    files = parse(output)
    assert set(files) == {"c.md"}  # known by its newest name
    assert files["c.md"].changed.isoformat() == "2026-05-01"  # the rename with edits
    assert files["c.md"].authors == ("Ali", "Béa")  # Max only moved it


def test_the_history_is_kept_per_commit_and_read_again_when_head_moves(
    repo: Path, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(repo), str(work)], check=True)
    outdir, _ = build_root("kb", work, copy=False, confoverrides=OVERRIDES)
    state = work / "_build" / "doctrees" / "kb-history.json"
    assert json.loads(state.read_text("utf-8"))["data"]["files"]["articles/premier.md"][0] == (
        "2026-04-01"
    )
    edit(work, "premier.md", "Encore une précision.")
    commit(work, "Bob Martin <bob@example.org>", "2026-07-14", "Précision")
    outdir, warnings = build_root("kb", work, copy=False, confoverrides=OVERRIDES)
    assert warnings == ""
    times = [
        t["datetime"]
        for t in soup(outdir / "articles/premier.html").select(".kb-article-meta time")
    ]
    assert times == ["2026-01-15", "2026-07-14"]
    state.write_text('{"state": "kb-history.json", "version": 2, "data": {"head"', "utf-8")
    again, warnings = build_root("kb", work, copy=False, confoverrides=OVERRIDES)
    assert warnings == ""  # a corrupt cache is read again from git, no traceback
    assert (again / "articles/premier.html").read_bytes() == (
        outdir / "articles/premier.html"
    ).read_bytes()


def test_the_citation_and_the_review_follow_the_history(
    repo: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from sphinx_base_de_connaissances.commands.review import due_articles

    reference = soup(built / "articles/premier.html").select_one("#kb-cite-reference").get_text()
    assert ", mis à jour le 1er avril 2026." in reference
    # 18 months before 2027-08-01 is 2026-02-01: premier's last commit (2026-04-01) keeps it
    # fresh; troisieme's (2026-01-15) does not, though its date alone is older still.
    day = dt.datetime(2027, 8, 1, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    due = [a.docname for a in due_articles(load(repo, Settings.from_conf_py(repo)), 18)]
    assert "articles/premier" not in due and "articles/dossier/troisieme" in due


@pytest.mark.parametrize("redirect", [False, True], ids=["git mv", "git mv and redirect_from"])
def test_moving_an_article_is_no_update(repo: Path, tmp_path: Path, redirect: bool) -> None:
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(repo), str(work)], check=True)
    subprocess.run(
        ["git", "mv", "articles/premier.md", "articles/dossier/premier-pas.md"],
        cwd=work,
        check=True,
    )
    if redirect:
        moved = work / "articles/dossier/premier-pas.md"
        text = moved.read_text("utf-8")
        moved.write_text(text.replace("---\n", "---\nredirect_from: [premier]\n", 1), "utf-8")
    commit(work, "Max Rangement <max@example.org>", "2026-08-01", "Déplacement")
    outdir, warnings = build_root("kb", work, copy=False, confoverrides=OVERRIDES)
    assert warnings == ""
    page = soup(outdir / "articles/dossier/premier-pas.html")
    times = [t["datetime"] for t in page.select(".kb-article-meta time")]
    assert times == ["2026-01-15", "2026-04-01"]  # its last change of text, before the move
    assert page.select_one(".kb-contributors").get_text() == "Contributeurs\u00a0: Bob Martin"


def test_a_repository_without_a_commit_builds_without_a_warning(tmp_path: Path) -> None:
    """kb new, git init, then the first build: no history yet, nothing to warn about."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    subprocess.run(["git", "init", "-q"], cwd=src, check=True)
    _, warnings = build_root("kb", src, copy=False)
    assert warnings == ""


def test_a_commit_named_in_git_blame_ignore_revs_neither_updates_nor_signs(
    tmp_path: Path,
) -> None:
    """An import (or a mass reformatting) committed by one person: listed in
    .git-blame-ignore-revs, it is nobody's contribution and no article's update."""
    repo = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", repo)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    commit(repo, "Alice <alice@example.org>", "2026-01-15", "Premiers articles")
    edit(repo, "premier.md", "Reformaté par l’import.")
    commit(repo, "Migration <migration@example.org>", "2026-04-01", "Import")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()
    outdir, _ = build_root("kb", repo, copy=False, confoverrides=OVERRIDES)
    assert (
        "Migration"
        in soup(outdir / "articles/premier.html").select_one(".kb-contributors").get_text()
    )
    (repo / ".git-blame-ignore-revs").write_text(f"# L’import\n{head}\n", "utf-8")
    commit(repo, "Alice <alice@example.org>", "2026-04-02", "Ignorer l’import")
    outdir, warnings = build_root("kb", repo, copy=False, confoverrides=OVERRIDES)
    assert warnings == ""
    page = soup(outdir / "articles/premier.html")
    assert page.select_one(".kb-contributors").get_text() == "Contributeurs\u00a0: Alice"
    assert "2026-04-01" not in (outdir / "articles/premier.html").read_text("utf-8")
