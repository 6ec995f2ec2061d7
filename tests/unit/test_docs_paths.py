"""Docs that cannot drift silently: every path a README, the contributor guide, the developers'
guide or a decision names in backticks exists (in the repository, beside the document, or in
the engine's package, whose README names its modules from there), unless it names an output
of a build or a place in another base."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO

ENGINE = REPO / "_ext/sphinx-base-de-connaissances"
PACKAGE = ENGINE / "src/sphinx_base_de_connaissances"
FOOTER = REPO / "_ext/sphinx-share-footer"
DOCS = sorted(
    [
        REPO / "README.md",
        REPO / "CONTRIBUTING.md",
        ENGINE / "README.md",
        PACKAGE / "README.md",
        REPO / "_ext/sphinx-share-footer/README.md",
        *(REPO / "docs").rglob("*.md"),
    ]
)
# What a build writes, or what a base made elsewhere holds: named, never in this repository.
OUTPUTS = (
    "_build/",
    "_images/",
    "_downloads/",
    "telechargements/",
    "cards/",
    "pagefind",
    "feeds/",
    "categories/",
    "tags/",
    "authors/",
    "parcours/",
    "archives/",
    ".nox/",
    "dist/",
    "ma-base/",
    "node_modules/",
    "medias/",  # the images and files an import or the editing space brought into a base
    "admin/",  # the editing space, written by the build (kb_cms)
    "guide/",  # a base's guide pages (this one's are guide/*.md: checked below anyway)
)
TOKEN = re.compile(r"`([^`\s]+)`")
# Names that describe rather than point: an example file name for writers, a page's address,
# the engine's template namespace, a git branch.
EXAMPLES = {"articles/le-titre-de-mon-article.md", "images/", "base/1", "kb/", "origin/main"}


def path_like(token: str) -> bool:
    return (
        "/" in token
        and "://" not in token
        and not token.startswith(("-", "/", "@", "$", "~", "#"))
        and not re.search(r"[*<>{}()=|:,;?&\"'…\\]", token)
        and not token.startswith(OUTPUTS)
        and token not in EXAMPLES
    )


def found(doc: Path, token: str) -> bool:
    token = token.rstrip("/.")
    roots = (
        REPO,
        doc.parent,
        PACKAGE,
        ENGINE,
        REPO / "_ext",
        FOOTER,
        FOOTER / "src/sphinx_share_footer",
    )
    # A base's own layout, as the starter gives it (requirements/moteur.txt…).
    return any((root / token).exists() for root in (*roots, PACKAGE / "starter"))


@pytest.mark.parametrize("doc", DOCS, ids=[d.relative_to(REPO).as_posix() for d in DOCS])
def test_every_path_a_document_names_exists(doc: Path) -> None:
    missing = sorted(
        {t for t in TOKEN.findall(doc.read_text("utf-8")) if path_like(t) and not found(doc, t)}
    )
    assert missing == [], doc.relative_to(REPO)


def test_the_decisions_index_lists_every_decision_and_what_superseded_it() -> None:
    folder = REPO / "docs/decisions"
    index = (folder / "README.md").read_text("utf-8")
    for decision in sorted(folder.glob("0*.md")):
        row = next((line for line in index.splitlines() if f"({decision.name})" in line), None)
        assert row is not None, decision.name
        status = next(x for x in decision.read_text("utf-8").splitlines() if x.startswith("Status"))
        if "superseded" in status.lower() and "supersedes" not in status.lower():
            assert "**superseded**" in row, decision.name
