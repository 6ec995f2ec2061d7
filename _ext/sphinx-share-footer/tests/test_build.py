"""Build behaviour: warnings, parallel builds, incremental builds, catalogs."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.testing.util import SphinxTestApp

from tests.helpers import REPO
from tests.share_footer.conftest import footer

LOCALES = REPO / "_ext" / "share_footer" / "locales"


def _copy_root(rootdir: Path, tempdir: Path, name: str) -> Path:
    srcdir = tempdir / name
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-share-basic", srcdir)
    return srcdir


@pytest.mark.sphinx(
    "html", testroot="share-basic", srcdir="share-no-baseurl", confoverrides={"html_baseurl": ""}
)
def test_without_baseurl_one_warning_and_no_footer(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue().strip().splitlines()
    assert len(warnings) == 1
    assert "html_baseurl" in warnings[0] and "share_footer" in warnings[0]
    assert footer(app.outdir, "page.html") is None


@pytest.mark.sphinx(
    "html",
    testroot="share-basic",
    srcdir="share-bad-network",
    confoverrides={"share_footer_networks": ["linkedin", "myspace"]},
)
def test_unknown_network_warns_naming_the_option(app: SphinxTestApp) -> None:
    app.build()
    warning = app.warning.getvalue()
    assert "share_footer_networks" in warning and "'myspace'" in warning
    assert "linkedin" in footer(app.outdir, "page.html").decode()


@pytest.mark.sphinx(
    "html",
    testroot="share-basic",
    srcdir="share-bad-type",
    confoverrides={"share_footer_include": 3, "share_footer_mastodon_instances": [3]},
)
def test_wrong_types_warn_naming_the_option(app: SphinxTestApp) -> None:
    app.build()
    warning = app.warning.getvalue()
    assert "share_footer_include" in warning
    assert "share_footer_mastodon_instances" in warning


def test_parallel_build_equals_serial_build(make_app, rootdir, sphinx_test_tempdir) -> None:
    outputs = []
    for parallel in (0, 2):
        srcdir = _copy_root(rootdir, sphinx_test_tempdir, f"share-parallel-{parallel}")
        for number in range(12):
            (srcdir / f"p{number}.rst").write_text(
                f":tags: t{number}, commun\n\nPage {number}\n=======\n\nTexte {number}.\n",
                encoding="utf-8",
            )
        (srcdir / "index.rst").write_text(
            "Accueil\n=======\n\n.. toctree::\n   :glob:\n\n   *\n", encoding="utf-8"
        )
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        assert app.warning.getvalue() == ""
        outputs.append(
            {
                path.relative_to(app.outdir).as_posix(): path.read_bytes()
                for path in sorted(app.outdir.glob("p[0-9]*.html"))
            }
        )
        app.cleanup()  # undo its global registrations before the next app
    serial, parallel_output = outputs
    assert len(serial) == 12
    assert serial == parallel_output


def test_no_change_rebuild_reads_nothing(make_app, rootdir, sphinx_test_tempdir) -> None:
    srcdir = _copy_root(rootdir, sphinx_test_tempdir, "share-incremental")
    first = make_app("html", srcdir=srcdir)
    first.build()
    first.cleanup()
    status = io.StringIO()
    app = make_app("html", srcdir=srcdir, status=status)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    assert read == []
    assert "0 added, 0 changed, 0 removed" in status.getvalue()
    assert "config changed" not in status.getvalue()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_compiled_catalogs_match_their_sources(language: str) -> None:
    folder = LOCALES / language / "LC_MESSAGES"
    with (folder / "share_footer.po").open("rb") as po:
        catalog = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert compiled.getvalue() == (folder / "share_footer.mo").read_bytes(), (
        "run `nox -s translations` to recompile the catalogs"
    )
    untranslated = [m.id for m in catalog if m.id and not m.string]
    assert not untranslated
    in_code = {
        message for _, _, message, *_ in extract_from_dir(LOCALES.parent, keywords={"_": None})
    }
    missing = in_code - {m.id for m in catalog if m.id}
    assert not missing, "run `nox -s translations` to add new messages to the catalogs"
