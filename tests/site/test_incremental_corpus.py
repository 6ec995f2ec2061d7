"""Incremental builds at a size where navigation, previous/next and "À lire aussi" really
change (a corpus of tools/corpus.py): after each kind of change, the output equals a clean
build of the same sources byte for byte, and only a few article pages were written again."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import output_files
from tools.corpus import generate
from tools.sitebuild import build

SIZE = 150
# Small search shards, so that they are compared too and a change re-indexes only its own.
SHARDS = ["-D", "kb_search_shard_pages=40"]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), "utf-8")


def _front(src: Path, number: int, field: str, value: str) -> None:
    path = src / f"articles/article-{number:05d}.md"
    line = next(x for x in path.read_text("utf-8").splitlines() if x.startswith(f"{field}: "))
    _edit(path, line, f"{field}: {value}")


def _move(src: Path) -> None:
    text = (src / "articles/article-00050.md").read_text("utf-8")
    _front(src, 50, "category", "contenu" if "category: strategie" in text else "strategie")


def _add(src: Path) -> None:
    text = (src / "articles/article-00003.md").read_text("utf-8")
    text = re.sub(r'title: "[^"]*"', 'title: "Un article ajouté entre deux constructions"', text)
    text = re.sub(r"date: \S+", "date: 2026-01-15", text)
    (src / "articles/article-nouveau.md").write_text(text, "utf-8")


def _body(src: Path) -> None:
    _edit(src / "articles/article-00010.md", "\n## Partie 2", "\nAjout.\n\n## Partie 2")


LINK = "\nVoir aussi [l’article vingt-cinq](article-00025.md), qui le détaille.\n"


def _link(src: Path) -> None:
    _edit(src / "articles/article-00015.md", "\n## Partie 2", f"{LINK}\n## Partie 2")


def _relink(src: Path) -> None:
    _edit(src / "articles/article-00015.md", "qui le détaille", "qui le nuance")


def _unlink(src: Path) -> None:
    _edit(src / "articles/article-00015.md", LINK.replace("détaille", "nuance"), "\n")


def _rename_category(src: Path) -> None:
    _edit(src / "data/categories.yml", "name: Commerce en ligne", "name: Vente en ligne")


def _template(src: Path) -> None:
    """The site overrides one of the engine's templates shown on every page."""
    import sphinx_base_de_connaissances as kb

    field = Path(kb.__file__).parent / "theme/templates/search-button-field.html"
    text = field.read_text("utf-8").replace("<button ", '<button data-site="kb" ', 1)
    (src / "_templates").mkdir(exist_ok=True)
    (src / "_templates/search-button-field.html").write_text(text, "utf-8")


ALL = SIZE + 1
# (name, change, at most this many article pages written again)
SCENARIOS: list[tuple[str, Callable[[Path], None], int]] = [
    ("body edit", _body, 1),
    ("add", _add, 25),
    ("retitle", lambda s: _front(s, 20, "title", '"Un titre tout neuf"'), 25),
    ("re-date", lambda s: _front(s, 30, "date", "2020-01-02"), 40),
    ("retag", lambda s: _front(s, 40, "tags", '["mesure du banc", "stratégie"]'), 60),
    ("category change", _move, 60),
    ("delete", lambda s: (s / "articles/article-00060.md").unlink(), 60),
    # « Cité dans »: the citing article (its body) and the cited one, nothing else.
    ("add a link", _link, 2),
    ("change a link's sentence", _relink, 2),
    ("remove a link", _unlink, 2),
    # An author's name shows in the header of their articles only (about 1 in 13 here).
    ("author rename", lambda s: _edit(s / "data/authors.yml", "Auteur n° 3", "Autrice n° 3"), 25),
    # Category descriptions show on listings and category pages, not on articles.
    ("data file edit", lambda s: _edit(s / "data/categories.yml", "Les articles", "Tout"), 0),
    # Category names show in every page's navigation.
    ("category rename", _rename_category, ALL),
    ("template edit", _template, ALL),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("corpus")
    src = generate(SIZE, work / "src")
    assert build(src, work / "out", extra_args=SHARDS) == 0
    return src, work / "out"


def _mtimes(html: Path) -> dict[str, int]:
    return {
        p.relative_to(html).as_posix(): p.stat().st_mtime_ns
        for p in (html / "articles").glob("*.html")
    }


# A change to one article's own text or fields: its shard alone is indexed again, whatever the
# neighbours whose navigation or "À lire aussi" changed.
ONE_SHARD = {"body edit", "add", "retitle", "re-date", "retag", "category change", "delete"}


def _bundles(html: Path) -> dict[str, int]:
    """Each search bundle by its entry file's inode: an indexed shard is a new folder."""
    return {p.parent.name: p.stat().st_ino for p in html.glob("pagefind*/pagefind-entry.json")}


@pytest.mark.slow
def test_every_change_leaves_the_same_bytes_as_a_clean_build(
    corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    src, out = corpus
    html = out / "html"
    written: dict[str, int] = {}
    indexed: dict[str, int] = {}
    for name, change, most in SCENARIOS:
        before, bundles = _mtimes(html), _bundles(html)
        change(src)
        assert build(src, out, extra_args=SHARDS) == 0, name
        after = _mtimes(html)
        now = _bundles(html)
        indexed[name] = sum(now.get(b) != inode for b, inode in bundles.items())
        if name in ONE_SHARD:
            assert len(bundles) >= 3
            assert indexed[name] == 1, (name, "only the shard of the changed page is indexed")
        rewritten = [page for page, mtime in after.items() if before.get(page) != mtime]
        written[name] = len(rewritten)
        clean_src = tmp_path / name.replace(" ", "-") / "src"
        shutil.copytree(src, clean_src)
        assert build(clean_src, clean_src.parent / "out", extra_args=SHARDS) == 0, name
        a, b = output_files(html), output_files(clean_src.parent / "out" / "html")
        assert a.keys() == b.keys(), (name, sorted(a.keys() ^ b.keys())[:10])
        stale = sorted(k for k in a if a[k] != b[k])
        assert not stale, f"{name}: stale after the change: {stale[:10]}"
        assert len(rewritten) <= most, (name, len(rewritten))
    print("article pages written again:", written)
    print("search shards indexed again:", indexed)
