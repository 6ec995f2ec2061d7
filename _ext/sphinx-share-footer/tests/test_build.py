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

from tests.helpers import SOURCE, footer

LOCALES = SOURCE / "locales"


def _copy_root(rootdir: Path, tempdir: Path, name: str) -> Path:
    srcdir = tempdir / name
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-basic", srcdir)
    return srcdir


@pytest.mark.sphinx(
    "html", testroot="basic", srcdir="share-no-baseurl", confoverrides={"html_baseurl": ""}
)
def test_without_baseurl_one_warning_and_no_footer(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue().strip().splitlines()
    assert len(warnings) == 1
    assert "html_baseurl" in warnings[0] and "share_footer" in warnings[0]
    assert footer(app.outdir, "page.html") is None


@pytest.mark.sphinx(
    "html",
    testroot="basic",
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
    testroot="basic",
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
    with (folder / "sphinx_share_footer.po").open("rb") as po:
        catalog = read_po(po)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert compiled.getvalue() == (folder / "sphinx_share_footer.mo").read_bytes(), (
        "run `nox -s translations` to recompile the catalogs"
    )
    untranslated = [m.id for m in catalog if m.id and not m.string]
    assert not untranslated
    in_code = {
        message for _, _, message, *_ in extract_from_dir(LOCALES.parent, keywords={"_": None})
    }
    missing = in_code - {m.id for m in catalog if m.id}
    assert not missing, "run `nox -s translations` to add new messages to the catalogs"


def test_an_older_sphinx_stops_with_a_clear_error(
    make_app, rootdir, sphinx_test_tempdir, monkeypatch
) -> None:
    import sphinx
    from sphinx.errors import VersionRequirementError

    monkeypatch.setattr(sphinx, "version_info", (7, 3, 7, "final", 0))
    srcdir = _copy_root(rootdir, sphinx_test_tempdir, "share-old-sphinx")
    with pytest.raises(VersionRequirementError) as error:
        make_app("html", srcdir=srcdir)
    assert "sphinx_share_footer" in str(error.value)
    assert "7.4" in str(error.value)


def test_shared_config_defaults_are_not_mutated(make_app, rootdir, sphinx_test_tempdir) -> None:
    from sphinx.config import Config

    default = list(Config.config_values["templates_path"].default)
    for number in range(3):  # the root sets neither templates_path nor html_static_path
        srcdir = _copy_root(rootdir, sphinx_test_tempdir, f"share-defaults-{number}")
        app = make_app("html", srcdir=srcdir)
        for name in ("templates_path", "html_static_path"):
            ours = [path for path in getattr(app.config, name) if "sphinx_share_footer" in path]
            assert len(ours) == 1, name
        app.cleanup()
    assert Config.config_values["templates_path"].default == default


@pytest.mark.parametrize("builder", ["epub", "singlehtml", "text"])
def test_static_files_only_for_builders_that_draw_the_footer(
    make_app, rootdir, sphinx_test_tempdir, builder
) -> None:
    srcdir = _copy_root(rootdir, sphinx_test_tempdir, f"share-static-{builder}")
    app = make_app(builder, srcdir=srcdir)
    app.build()
    written = [path.name for path in Path(app.outdir).rglob("*")]
    assert "share-footer.css" not in written and "share-footer.js" not in written
    if builder == "epub":
        import zipfile

        (epub,) = Path(app.outdir).glob("*.epub")
        assert not [n for n in zipfile.ZipFile(epub).namelist() if "share-footer" in n]
