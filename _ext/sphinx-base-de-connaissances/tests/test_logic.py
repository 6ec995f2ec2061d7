"""The pure logic behind incremental builds and page policies, without a build: related
articles, digests of generated pages, pruning, the CSP."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from sphinx_base_de_connaissances.content.catalog import Catalog
from sphinx_base_de_connaissances.content.schema import Article
from sphinx_base_de_connaissances.outputs.freshness import Digests
from sphinx_base_de_connaissances.outputs.prune import prune
from sphinx_base_de_connaissances.writing import csp

from .helpers import article_record

TODAY = dt.date(2026, 6, 1)


def names(found: list[Article]) -> list[str]:
    return [a.slug for a in found]


def test_catalog_hides_drafts_and_future_articles_unless_previewing() -> None:
    items = [
        article_record("old", 1),
        article_record("draft", 2, draft=True),
        article_record("later", 3),
    ]
    assert names(Catalog(items, dt.date(2026, 1, 2), preview=False).articles) == ["old"]
    assert names(Catalog(items, dt.date(2026, 1, 2), preview=True).articles) == [
        "later",
        "draft",
        "old",
    ]


def test_related_ranks_shared_tags_then_category_then_recency() -> None:
    me = article_record("me", 10, "a", "x y")
    catalog = Catalog(
        [
            me,
            article_record("two-tags", 1, "b", "x y"),
            article_record("one-tag-same-cat", 2, "a", "x"),
            article_record("one-tag", 9, "b", "y"),
            article_record("same-cat", 8, "a"),
            article_record("nothing", 11, "c"),
        ],
        TODAY,
        preview=False,
    )
    assert names(catalog.related(me, 4)) == ["two-tags", "one-tag-same-cat", "one-tag", "same-cat"]
    assert names(catalog.related(me, 1)) == ["two-tags"]
    loner = catalog.by_docname["articles/nothing"]
    assert catalog.related(loner) == []


def test_neighbours_follow_publication_order() -> None:
    catalog = Catalog(
        [article_record("a", 1), article_record("b", 2), article_record("c", 3)],
        TODAY,
        preview=False,
    )
    older, newer = catalog.neighbours("articles/b")
    assert (older.slug, newer.slug) == ("a", "c")
    assert catalog.neighbours("articles/c")[1] is None


def test_digests_mark_a_page_stale_when_its_digest_changes(tmp_path: Path) -> None:
    first = Digests(tmp_path)
    digest = Digests.digest("layout", "titre")
    assert first.stale("page", digest)  # never seen
    first.save()
    second = Digests(tmp_path)
    assert not second.stale("page", digest)
    assert second.stale("page", Digests.digest("layout", "autre titre"))
    assert Digests.digest("a", "bc") != Digests.digest("ab", "c")  # parts are separated


def test_prune_removes_what_the_last_build_wrote_and_this_one_did_not(tmp_path: Path) -> None:
    out, state = tmp_path / "html", tmp_path / "doctrees"
    for name in ("a.html", "tags/x.html", "tags/y.html"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("", "utf-8")
    assert prune(out, state, ["a.html", "tags/x.html", "tags/y.html"]) == []
    assert prune(out, state, ["a.html", "tags/x.html"]) == ["tags/y.html"]
    assert not (out / "tags/y.html").exists() and (out / "tags").is_dir()
    assert prune(out, state, ["a.html"]) == ["tags/x.html"]
    assert not (out / "tags").exists()  # an emptied folder goes too
    (out / "mine.txt").write_text("", "utf-8")
    prune(out, state, [])
    assert (out / "mine.txt").exists()  # never written by a build: never removed


def test_csp_allows_exactly_the_inline_scripts_of_the_page() -> None:
    policy = csp.policy(["var a = 1;", "var a = 1;"])
    script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert script_src == f"script-src 'self' 'wasm-unsafe-eval' {csp.script_hash('var a = 1;')}"
    assert "'unsafe-inline'" not in script_src
    assert "object-src 'none'" in policy and "frame-src 'none'" in policy
    assert csp.policy([]) != policy


def test_correction_links_are_plain_encoded_links_to_the_repository() -> None:
    from urllib.parse import parse_qs, urlsplit

    from sphinx_base_de_connaissances.writing.corrections import links

    assert links("", "main", "articles/a.md", "Titre", "https://x.org/a.html") is None
    title = "Piège & <script> « cité » #1 ?"
    found = links("https://forge.org/o/r/", "main", "articles/été 1.md", title, "https://x.org/a")
    assert found.history == "https://forge.org/o/r/commits/main/articles/%C3%A9t%C3%A9%201.md"
    assert found.edit == "https://forge.org/o/r/edit/main/articles/%C3%A9t%C3%A9%201.md"
    parts = urlsplit(found.report)
    assert parts.path == "/o/r/issues/new" and "<" not in found.report and " " not in found.report
    query = parse_qs(parts.query)
    assert query["title"] == [f"Erreur dans « {title} »"]
    assert "Article : https://x.org/a\n" in query["body"][0]


def test_citation_in_french_style_and_bibtex_with_special_characters_escaped() -> None:
    from sphinx_base_de_connaissances.content.dates import french_date
    from sphinx_base_de_connaissances.writing.citation import bibtex_text, cite

    found = cite(
        key="mon-article",
        authors=["La rédaction", "Jean de La Fontaine"],
        title="50 % & {plus} : le_cas #1 ?",
        site="Stratégie numérique",
        published=dt.date(2023, 6, 1),
        updated=dt.date(2024, 2, 3),
        url="https://x.org/articles/mon-article.html",
        french_date=french_date,
    )
    assert found.reference == (
        "La rédaction, Jean de La Fontaine. "
        "«\u202f50\u202f% & {plus}\u00a0: le_cas #1\u202f?\u202f». "
        "Stratégie numérique, 1er juin 2023, mis à jour le 3 février 2024. "
        "En ligne\u00a0: https://x.org/articles/mon-article.html"
    )
    assert found.bibtex.startswith("@online{mon-article,\n")
    assert "  author = {{La rédaction} and {Jean de La Fontaine}},\n" in found.bibtex
    assert r"  title = {{50 \% \& \{plus\} : le\_cas \#1 ?}}," in found.bibtex
    assert "  date = {2023-06-01},\n  note = {mis à jour le 2024-02-03}," in found.bibtex
    assert found.bibtex.endswith("  langid = {french},\n}")
    assert bibtex_text("a\\b ~ c^d $") == r"a\textbackslash{}b \~{} c\^{}d \$"


def test_among_equals_the_closest_in_date_is_related_not_the_newest() -> None:
    me = article_record("me", 10, "a", "x")
    catalog = Catalog(
        [
            me,
            article_record("old", 1, "b", "x"),
            article_record("near", 9, "b", "x"),
            article_record("new", 28, "b", "x"),
        ],
        TODAY,
        preview=False,
    )
    assert names(catalog.related(me, 2)) == ["near", "old"]  # 1 and 9 days away, not the newest


def test_a_new_article_joins_few_related_blocks_in_a_uniform_base() -> None:
    """An imported blog: every article shares the tags, the category and the date."""
    base = [article_record(f"a{n:03d}", 1, "a", "x y") for n in range(200)]
    before = Catalog(base, TODAY, preview=False)
    after = Catalog([*base, article_record("nouveau", 1, "a", "x y")], TODAY, preview=False)
    changed = [a for a in base if names(before.related(a)) != names(after.related(a))]
    assert len(changed) <= 0.05 * len(base)
    assert any("nouveau" in names(after.related(a)) for a in changed)


@pytest.mark.parametrize("seed", range(6))
def test_the_nearest_walk_chooses_what_ranking_every_candidate_chooses(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``related`` walks outwards from the article when many share its tags; on random bases
    (few tags and dates, so ties abound; some articles without tags) it must choose exactly
    what ranking every candidate does."""
    rng = random.Random(seed)
    pool = ["x", "y", "z", "w"]
    base = [
        article_record(
            f"a{n:03d}",
            rng.randint(1, 3 if seed % 2 else 28),
            rng.choice("ab"),
            " ".join(rng.sample(pool, rng.randint(0, 2 if seed < 3 else 1))),
        )
        for n in range(150)
    ]
    walked = Catalog(base, TODAY, preview=False)
    found = {(a.slug, k): names(walked.related(a, k)) for a in base for k in (1, 3, 5)}
    walks = sum(walked._nearest_best(walked.position[a.docname], a, 3) is not None for a in base)
    assert walks > 0  # the walk is taken, not only the ranking
    monkeypatch.setattr(Catalog, "_nearest_best", lambda *_args, **_kw: None)
    ranked = Catalog(base, TODAY, preview=False)
    assert found == {(a.slug, k): names(ranked.related(a, k)) for a in base for k in (1, 3, 5)}


def test_check_annotates_each_problem_at_its_line_in_github_actions(
    rootdir: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """A writer who proposed an article from the editing space reads what to fix at its line
    in the pull request, in French."""
    import shutil

    from sphinx_base_de_connaissances.commands.check import main as check

    from .helpers import article, write

    src = tmp_path / "base"
    shutil.copytree(rootdir / "test-base", src)
    write(src, {"articles/faux.md": article(date="2026-13-45")})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert check([str(src)]) == 1
    out = capsys.readouterr()
    (line,) = [line for line in out.out.splitlines() if line.startswith("::error ")]
    assert line.startswith("::error file=articles/faux.md,line=4,title=champ « date »::")
    assert "n’existe pas" in line
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert check([str(src)]) == 1
    assert "::error" not in capsys.readouterr().out
