"""The real site's Markdown twins carry the seed articles word for word, and its llms.txt
lists every published article's twin (the engine's own tests check the format)."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import REPO, BuiltSite

SEEDS = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "articles").glob("*.md"))
ROLE = re.compile(r"\{term\}`([^`<]+?)(?:\s*<[^>]+>)?`")  # {term}`shown <target>` → shown
LINK = re.compile(r"\[([^\]]*)\]\(<?[^)>]*>?\)")  # [text](target) → text


def words(markdown: str) -> list[str]:
    text = LINK.sub(r"\1", ROLE.sub(r"\1", markdown))
    return text.replace("\\", "").split()


@pytest.mark.parametrize("source", SEEDS)
def test_a_seed_article_s_twin_carries_its_text_word_for_word(site: BuiltSite, source: str) -> None:
    _, front, body = (REPO / source).read_text("utf-8").split("---\n", 2)
    twin = (site.html / source).read_text("utf-8")
    _, twin_front, twin_body = twin.split("---\n", 2)
    title = yaml.safe_load(front)["title"]
    assert yaml.safe_load(twin_front)["title"] == title
    heading, _, rest = twin_body.strip().partition("\n")
    assert heading == f"# {title}"
    assert words(rest) == words(body)


def test_llms_txt_lists_every_seed_article_s_twin(site: BuiltSite) -> None:
    text = (site.html / "llms.txt").read_text("utf-8")
    for source in SEEDS:
        assert f"/{source}>)" in text
    full = (site.html / "llms-full.txt").read_text("utf-8")
    assert all((site.html / source).read_text("utf-8") in full for source in SEEDS)
