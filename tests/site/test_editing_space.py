"""The real site's editing space (admin/): its form lists exactly the base's categories,
authors and front-matter fields, and readers' pages know nothing of it."""

from __future__ import annotations

import yaml
from sphinx_base_de_connaissances.content import schema

from tests.helpers import REPO, BuiltSite


def test_the_form_is_made_of_this_base(site: BuiltSite) -> None:
    config = yaml.safe_load((site.html / "admin/config.yml").read_text("utf-8"))
    assert config["backend"]["repo"] == "strategie-numerique/base-de-connaissances"
    fields = {field["name"]: field for field in config["collections"][0]["fields"]}
    assert list(fields) == [field.name for field in schema.DECLARED] + ["body"]
    categories = yaml.safe_load((REPO / "data/categories.yml").read_text("utf-8"))
    authors = yaml.safe_load((REPO / "data/authors.yml").read_text("utf-8"))
    assert [o["value"] for o in fields["category"]["options"]] == list(categories)
    assert [o["value"] for o in fields["authors"]["options"]] == list(authors)
    glossary = config["collections"][1]["files"]
    assert [page["file"] for page in glossary] == ["glossaire.md"]


def test_readers_pages_load_nothing_of_it(site: BuiltSite) -> None:
    for path in site.reader_pages():
        page = site.page(path.relative_to(site.html).as_posix())
        loads = [e.get("src") for e in page.select("script[src], img[src]")]
        loads += [e.get("href") for e in page.select("link[href]")]
        assert not [url for url in loads if "admin/" in url or "decap" in url], path
