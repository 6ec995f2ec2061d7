"""Outputs that are right or absent: a build killed at any point (after the environment is
saved, while pages are written, before the site-wide outputs), then a normal build, gives the
bytes of a clean build; so does a build after outputs were damaged (feeds, sitemap, cards,
search index, books), whether anything changed or not; a damaged ``.buildinfo`` is repaired
instead of failing every build."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, build_root, output_files

# A test-only extension that kills the build where KB_TEST_KILL_AT says.
KILLER = """
import os, signal

def setup(app):
    point = os.environ.get("KB_TEST_KILL_AT", "")
    pages = []

    def page(app, pagename, *args):
        pages.append(pagename)
        if point == f"page-{len(pages)}":
            os.kill(os.getpid(), signal.SIGKILL)

    def finished(app, exception):
        if point == "finish":
            os.kill(os.getpid(), signal.SIGKILL)

    app.connect("html-page-context", page, priority=1000)
    app.connect("build-finished", finished, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def command(src: Path, *flags: str) -> list[str]:
    """sphinx-build of ``src`` into ``../out``, its doctrees in ``../doctrees``."""
    out, doctrees = src.parent / "out", src.parent / "doctrees"
    builder = [sys.executable, "-m", "sphinx", "-b", "html", "-d", str(doctrees)]
    return [*builder, *flags, str(src), str(out)]


def sphinx(src: Path, kill_at: str = "") -> int:
    env = {**_environ(), "KB_TEST_KILL_AT": kill_at}
    return subprocess.run(command(src, "-q"), env=env, capture_output=True).returncode


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KB_TEST")}


def base(folder: Path) -> Path:
    src = folder / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "killer.py").write_text(KILLER, "utf-8")
    conf = src / "conf.py"
    conf.write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + conf.read_text("utf-8").replace(
            '"sphinx_base_de_connaissances"]', '"sphinx_base_de_connaissances", "killer"]'
        )
        + '\nexclude_patterns = ["killer.py"]\n',
        "utf-8",
    )
    return src


@pytest.mark.parametrize("point", ["page-1", "page-3", "finish"])
def test_a_killed_build_is_followed_by_the_bytes_of_a_clean_build(
    tmp_path: Path, point: str
) -> None:
    src = base(tmp_path)
    assert sphinx(src) == 0
    article = src / "articles/premier.md"
    article.write_text(
        article.read_text("utf-8").replace("Premier article", "Article renommé"), "utf-8"
    )
    assert sphinx(src, kill_at=point) == -signal.SIGKILL
    assert sphinx(src) == 0
    clean = tmp_path / "clean" / "src"
    shutil.copytree(src, clean)
    assert sphinx(clean) == 0
    got, expected = output_files(tmp_path / "out"), output_files(tmp_path / "clean/out")
    assert got.keys() == expected.keys()
    assert [name for name in got if got[name] != expected[name]] == []
    assert "Article renommé" in (tmp_path / "out/articles/premier.html").read_text("utf-8")


@pytest.mark.parametrize("damage", [b"", b"garbage", b"# Sphinx build info version 1\n"])
def test_a_damaged_buildinfo_is_repaired_and_every_page_rewritten(
    tmp_path: Path, damage: bytes
) -> None:
    src = base(tmp_path)
    assert sphinx(src) == 0
    (tmp_path / "out/.buildinfo").write_bytes(damage)
    page = tmp_path / "out/articles/premier.html"
    page.write_text("abîmée", "utf-8")
    result = subprocess.run(
        command(src, "-W"),
        env=_environ(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert ".buildinfo abîmé" in result.stdout
    assert "Premier article" in page.read_text("utf-8")
    assert "Traceback" not in result.stderr


PATHS = """debut:
  title: Débuter
  description: Deux articles pour commencer.
  articles: [deuxieme, premier]
"""
# Every kind of output the engine writes besides pages, and a way to damage it.
DAMAGES = {
    "feeds/atom.xml": b"<feed",
    "feeds/strategie/rss.xml": b"",
    "sitemap.xml": b"garbage",
    "cards/articles/premier.png": b"\x89PNG",
    "telechargements/base.pdf": b"%PDF-1.7",
    "telechargements/parcours-debut.epub": b"PK",
}


def books_and_search(outdir: Path) -> dict[str, bytes]:
    suffixes = (".html", ".xml", ".json", ".txt", ".png", ".pdf", ".epub")
    return output_files(outdir, suffixes)


@pytest.mark.parametrize("edit", [False, True], ids=["nothing-changed", "another-article-edited"])
def test_damaged_outputs_are_made_again(tmp_path: Path, edit: bool) -> None:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "data/parcours.yml").write_text(PATHS, "utf-8")
    on = {"kb_offline": True}
    outdir, warnings = build_root("kb", src, copy=False, confoverrides=on)
    assert warnings == ""
    fragment = next((outdir / "pagefind/fragment").iterdir())
    damages = {**DAMAGES, fragment.relative_to(outdir).as_posix(): b"\x1f\x8b"}
    for name, data in damages.items():
        (outdir / name).write_bytes(data)
    (outdir / "telechargements/base.epub").unlink()
    if edit:
        article = src / "articles/dossier/troisieme.md"
        article.write_text(article.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    outdir, warnings = build_root("kb", src, copy=False, confoverrides=on)
    assert warnings == ""
    clean = tmp_path / "clean"
    shutil.copytree(src, clean, ignore=shutil.ignore_patterns("_build"))
    expected, _ = build_root("kb", clean, copy=False, confoverrides=on)
    got, wanted = books_and_search(outdir), books_and_search(expected)
    for name in [*damages, "telechargements/base.epub"]:
        assert got.get(name) == wanted[name], name
    assert got == wanted
