"""One record per page (``content.views``): what a page shows beyond its own text. The pages
an incremental build writes again are those whose record changed; the records are made from
sources alone, so the unit tests need no build, and the build tests check that what is written
incrementally is what a clean build writes."""

from __future__ import annotations

import datetime as dt

from sphinx_base_de_connaissances.content.catalog import Catalog
from sphinx_base_de_connaissances.content.paths import ReadingPath
from sphinx_base_de_connaissances.content.schema import Article, Tag
from sphinx_base_de_connaissances.content.views import Sources, Views, changed, scored

from .helpers import article as article_file
from .helpers import article_record, page, write

TODAY = dt.date(2026, 6, 1)
VOCABULARY = {"categories": {"a": ["A", "La catégorie A"]}, "authors": {"alice": ["Alice", ""]}}


def views(articles: list[Article], **fields: object) -> Views:
    fields.setdefault("vocabulary", VOCABULARY)
    return Views(Sources(Catalog(articles, TODAY, preview=False), TODAY, limit=4, **fields))


def names_of(items: list[Article]) -> set[str]:
    return {a.docname for a in items}


def test_equal_sources_change_no_page() -> None:
    base = [article_record(f"p{n}", n) for n in range(1, 9)]
    assert changed(views(base), views(list(base)), names_of(base)) == set()


def test_an_added_article_changes_the_pages_whose_window_holds_it() -> None:
    base = [article_record(f"p{n}", n) for n in range(1, 21)]
    before, after = views(base), views([*base, article_record("p21", 21)])
    found = changed(before, after, {*names_of(base), "index"})
    assert "articles/p1" not in found and "articles/p20" in found and "index" in found
    assert len(found) < 7  # the newest few, not the whole site


def test_related_blocks_are_scored_only_where_they_can_change() -> None:
    x, y = article_record("x", 1, "a", "t1"), article_record("y", 2, "b", "t2")
    z, w = article_record("z", 3, "a"), article_record("w", 4, "d", "t9")
    before = Catalog([x, y, z, w], TODAY, preview=False)
    after = Catalog([article_record("x", 1, "c", "t3"), y, z, w], TODAY, preview=False)  # moved
    assert scored(before, after) == {"articles/x", "articles/z"}


def test_a_renamed_category_changes_every_page_a_described_one_the_listings() -> None:
    base = [article_record("x", 1), article_record("y", 2)]
    pages = {*names_of(base), "index", "guide/page"}
    renamed = {**VOCABULARY, "categories": {"a": ["A2", "La catégorie A"]}}
    described = {**VOCABULARY, "categories": {"a": ["A", "Autre description"]}}
    author = {**VOCABULARY, "authors": {"alice": ["Alice B.", ""]}}
    listed = {"listings": {"index"}}
    assert changed(views(base, **listed), views(base, vocabulary=renamed, **listed), pages) == pages
    found = changed(views(base, **listed), views(base, vocabulary=described, **listed), pages)
    assert found == {"index"}
    assert changed(views(base), views(base, vocabulary=author), pages) == names_of(base)


def test_a_tag_shown_under_another_label_changes_the_headers_showing_it() -> None:
    """The header shows a tag as most articles spell it: a spelling that becomes the most
    common one changes the pages of every article carrying the tag, edited or not."""
    bare, accented = Tag("strategie", "strategie"), Tag("strategie", "stratégie")
    x, y, z = (article_record(n, d, tags="strategie") for n, d in (("x", 1), ("y", 2), ("z", 3)))
    spelled = [x, y, dataclass_replace(z, tags=(accented,))]
    respelled = [x, dataclass_replace(y, tags=(accented,)), spelled[2]]
    before, after = views(spelled), views(respelled)
    assert before.of("articles/x").names[-1] == "strategie" and x.tags == (bare,)
    assert after.of("articles/x").names[-1] == "stratégie"
    assert "articles/x" in changed(before, after, names_of(spelled))


def dataclass_replace(item: Article, **fields: object) -> Article:
    import dataclasses

    return dataclasses.replace(item, **fields)


def test_reading_path_boxes_follow_their_steps() -> None:
    base = [article_record("x", 1), article_record("y", 2), article_record("z", 3)]
    path = ReadingPath("debut", "Bien commencer", "Un parcours.", ("articles/x", "articles/y"))
    before = views(base, paths=(path,))
    retitled = [dataclass_replace(base[0], title="Nouveau titre"), *base[1:]]
    found = changed(before, views(retitled, paths=(path,)), names_of(base))
    assert "articles/y" in found  # its box names the previous step
    box = before.of("articles/y").boxes[0]
    assert (box[0].key, box[1], len(box[2])) == ("debut", 2, 2)


def test_a_review_falls_due_with_the_days() -> None:
    old = [article_record("x", 1, reviewed=dt.date(2025, 6, 15))]
    catalog = Catalog(old, TODAY, preview=False)
    before = Views(Sources(catalog, TODAY, VOCABULARY, review_months=12))
    later = dt.date(2026, 7, 1)
    after = Views(Sources(Catalog(old, later, preview=False), later, VOCABULARY, review_months=12))
    assert before.of("articles/x").review is None
    assert after.of("articles/x").review == dt.date(2025, 6, 15)
    assert changed(before, after, {"articles/x"}) == {"articles/x"}


NAMES = ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit")


def test_a_respelled_tag_is_rewritten_as_a_clean_build_writes_it(incremental) -> None:
    """An incremental build after one article's edit writes every page a clean build writes
    differently, here the header of an article that was not edited."""
    src = incremental.src

    def tagged(name: str, tag: str, day: int) -> dict[str, str]:
        text = article_file(
            title=f"Article {name}", date=f"2026-01-{day:02}", extra=f"tags: [{tag}]\n"
        )
        return {f"articles/{name}.md": text}

    # Five spell it without the accent, three with; « un »'s related block shows the three
    # articles closest to it, none of which is edited.
    bare = ("un", "deux", "trois", "quatre", "huit")
    for day, name in enumerate(NAMES, 1):
        write(src, tagged(name, "strategie" if name in bare else "stratégie", day))
    first = incremental.build()
    assert page(first, "articles/un.html").select_one(".kb-tag").get_text() == "strategie"
    write(src, tagged("huit", "stratégie", 8))  # four and four: the accented one is shown
    outdir = incremental.same_as_clean("respelled")
    assert page(outdir, "articles/un.html").select_one(".kb-tag").get_text() == "stratégie"


def test_a_related_block_the_last_build_ranked_is_taken_as_it_was() -> None:
    """The last build's « À lire aussi » blocks are kept with the environment: its records
    are made with them, not ranked again (the costly part of a record)."""
    base = [
        article_record("x", 1, tags="t"),
        article_record("y", 2, tags="t"),
        article_record("z", 3, tags="u"),
    ]
    catalog = Catalog(base, TODAY, preview=False)
    ranked = {"articles/x": ("articles/z",)}
    kept = Views(Sources(catalog, TODAY, VOCABULARY, ranked=ranked))
    assert [a.docname for a in kept.of("articles/x").related] == ["articles/z"]
    assert views(base).of("articles/x").related[0].docname == "articles/y"
    assert views(base).ranked(["articles/x", "absent"]) == {
        "articles/x": tuple(a.docname for a in catalog.related(base[0]))
    }
