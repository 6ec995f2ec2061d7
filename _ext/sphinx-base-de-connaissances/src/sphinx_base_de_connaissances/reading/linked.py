"""The pages that show something of another page: « Cité dans », link previews and term
popovers. When that other page changes, they are written again (``env-get-updated``)."""

from __future__ import annotations

from sphinx.environment import BuildEnvironment

from ..content.schema import Article
from ..content.terms import Term
from . import citations, glossary
from .domain import domain


def linked_pages(
    env: BuildEnvironment,
    changed: set[str],
    before: dict[str, Article],
    before_citations: dict[str, tuple[object, ...]],
    before_terms: dict[str, Term],
) -> set[str]:
    """The pages showing something of another page that changed: « Cité dans », link
    previews and term definitions."""
    kb = domain(env)
    # « Cité dans »: a page cited, or no longer cited, by a changed citation; and the pages
    # cited by an article whose title or date changed (they show it).
    after = kb.citations
    citing = {
        n for n in after.keys() | before_citations.keys() if after.get(n) != before_citations.get(n)
    } | (changed & after.keys())
    cited = set()
    for name in citing:
        cited |= citations.targets([*after.get(name, ()), *before_citations.get(name, ())], env)
    # Link previews: the pages linking to a changed article show what it changed.
    previewed = {
        name
        for name in changed
        if name not in kb.articles
        or name not in before
        or kb.articles[name].preview_key() != before[name].preview_key()
    }
    if previewed:
        for name, items in after.items():
            if name not in cited and previewed & citations.targets(items, env):
                cited.add(name)
    # Term popovers: the pages using a term that was added, removed or redefined.
    cited |= glossary.pages_to_rewrite(before_terms, kb.terms, kb.term_uses)
    return cited
