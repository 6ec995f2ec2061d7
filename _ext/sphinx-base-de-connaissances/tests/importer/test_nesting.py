"""Which article an imported page sits under (``importer.nesting``): the source's nesting
within one category, never deeper than the engine shows, the parts of a cut page under its
first part; the report says what it moved."""

from __future__ import annotations

from sphinx_base_de_connaissances.content.hierarchy import DEPTH
from sphinx_base_de_connaissances.importer import nesting
from sphinx_base_de_connaissances.importer.model import Note, Page


def page(key: str, parent: str = "", category: str = "Guide", part_of: str = "") -> Page:
    return Page(key, f"{key}.md", key, "", category, parent=parent, part_of=part_of)


def placed(pages: list[Page]) -> tuple[dict[str, str], list[str]]:
    notes: list[Note] = []
    paths = {p.key: f"articles/x/{p.key}.md" for p in pages}
    found = nesting.parents(pages, paths, {"Guide": "guide", "Autre": "autre"}, notes.append)
    return found, [str(note) for note in notes]


def test_the_source_s_nesting_within_a_category() -> None:
    found, notes = placed(
        [page("a"), page("b", "a"), page("c", "b"), page("d", "a", category="Autre")]
    )
    assert found == {"b": "a", "c": "b"}
    assert notes == [
        "d.md:1 : sous « a » dans la source, mais d’une autre catégorie : "
        "au premier niveau de la sienne."
    ]


def test_a_chain_deeper_than_the_engine_shows_stops_at_its_last_level() -> None:
    keys = [f"n{i}" for i in range(DEPTH + 2)]  # n0 at the top, n7 eight levels down
    found, notes = placed([page(k, keys[i - 1] if i else "") for i, k in enumerate(keys)])
    depth = {}
    for key in keys:
        level, above = 1, key
        while above in found:
            above, level = found[above], level + 1
        depth[key] = level
    assert max(depth.values()) == DEPTH
    assert found[keys[-1]] == keys[DEPTH - 2]  # under the deepest level allowed
    assert len(notes) == 2 and "plus de 6 niveaux" in notes[0]


def test_the_parts_of_a_cut_page_sit_under_its_first_part() -> None:
    found, _ = placed([page("long"), page("long-2", part_of="long")])
    assert found == {"long-2": "long"}


def test_a_top_level_page_with_sub_pages_names_their_category(tmp_path) -> None:
    from sphinx_base_de_connaissances.importer import gitbook, write

    (tmp_path / "architecture-overview").mkdir()
    for name in ("architecture-overview/README.md", "architecture-overview/ddd.md", "seule.md"):
        (tmp_path / name).write_text(f"# {name}\n\nTexte.\n", "utf-8")
    (tmp_path / "SUMMARY.md").write_text(
        "# Sommaire\n\n* [Architecture Overview](architecture-overview/README.md)\n"
        "  * [DDD](architecture-overview/ddd.md)\n* [Seule](seule.md)\n",
        "utf-8",
    )
    source = gitbook.read(tmp_path)
    categories = {p.key: p.category for p in source.pages}
    assert categories["architecture-overview/README.md"] == "Architecture Overview"
    assert categories["architecture-overview/ddd.md"] == "Architecture Overview"
    assert categories["seule.md"] != "Architecture Overview"  # a lone page: the space's
    assert source.pages[1].parent == "architecture-overview/README.md"
    # A folder's name met elsewhere joins the category whose slug it is, named by the title.
    keys = write._keys({}, ["release-notes", "Release Notes", "Autre"])
    assert keys == {
        "Release Notes": "release-notes",
        "Autre": "autre",
        "release-notes": "release-notes",
    }
    assert write._first_names(keys)["release-notes"] == {"name": "Release Notes"}
