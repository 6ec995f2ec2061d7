"""Every command sees the base the build sees: one settings record from conf.py
(``Settings.from_conf_py``, as the build's from ``app.config``) and one loader. A base that keeps
its articles in ``fiches/`` and its data in ``donnees/``, reviews after 6 months and names
itself in conf.py is checked, linked, reviewed and printed as it is built."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from sphinx_base_de_connaissances import options
from sphinx_base_de_connaissances.commands import check, links, offline, review
from sphinx_base_de_connaissances.settings import Settings, SettingsError

from tests.helpers import REPO, build_root

CONF = """
project = "Fiches de l’équipe"
html_baseurl = "https://fiches.example.org/"
kb_articles_dir = "fiches"
kb_data_dir = "donnees"
kb_review_after_months = 6
kb_site_description = "Les fiches pratiques de l’équipe, relues tous les six mois."
"""


@pytest.fixture(scope="module")
def own_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the base, its built site)."""
    src = tmp_path_factory.mktemp("fiches") / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    (src / "articles").rename(src / "fiches")
    (src / "data").rename(src / "donnees")
    conf = src / "conf.py"
    conf.write_text(conf.read_text("utf-8") + CONF, "utf-8")
    html, warnings = build_root("kb", src, copy=False)
    assert warnings == ""
    return src, html


def test_the_settings_record_covers_every_option() -> None:
    fields = set(Settings.__dataclass_fields__) - {"project", "base_url"}
    assert fields == {option.name.removeprefix("kb_") for option in options.OPTIONS}


def test_the_commands_read_the_base_s_conf_py(own_folders) -> None:
    src, _ = own_folders
    settings = Settings.from_conf_py(src)
    assert (settings.articles_dir, settings.data_dir) == ("fiches", "donnees")
    assert settings.review_after_months == 6 and settings.project == "Fiches de l’équipe"
    assert settings.base_url == "https://fiches.example.org/"


def test_check_finds_the_articles_and_their_problems_in_the_base_s_folders(
    own_folders, tmp_path: Path, capsys
) -> None:
    src, _ = own_folders
    assert check.main([str(src)]) == 0
    assert "Tous les articles sont valides." in capsys.readouterr().out
    broken = tmp_path / "src"
    shutil.copytree(src, broken, ignore=shutil.ignore_patterns("_build"))
    article = broken / "fiches/premier.md"
    article.write_text(article.read_text("utf-8").replace("date: 2026-01-15", "date: hier"))
    assert check.main([str(broken)]) == 1
    assert "fiches/premier.md:4: champ « date »" in capsys.readouterr().err


def test_links_lists_the_base_s_own_articles(own_folders, capsys) -> None:
    src, _ = own_folders
    assert links.main([str(src)]) == 0
    out = capsys.readouterr().out
    assert "fiches/premier" in out and "articles/" not in out


def test_review_uses_the_base_s_months(own_folders, capsys, monkeypatch) -> None:
    src, _ = own_folders
    # Eight months after the articles' date: due after 6 months, not after the default 18.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 9, 20).timestamp())))
    assert review.main([str(src)]) == 0
    out = capsys.readouterr().out
    assert "(dernière relecture il y a plus de 6 mois)" in out
    assert "(`fiches/premier.md`) | 2026-01-15 |" in out


def test_offline_names_the_books_from_conf_py_not_from_the_built_pages(
    own_folders, tmp_path: Path
) -> None:
    src, html = own_folders
    written, problems = offline.make(src, html, tmp_path / "livres")
    assert problems == [] and (tmp_path / "livres/base.epub") in written
    opf = zipfile.ZipFile(tmp_path / "livres/base.epub").read("EPUB/content.opf").decode()
    assert "Fiches de l’équipe" in opf and "relues tous les six mois" in opf
    chapter = zipfile.ZipFile(tmp_path / "livres/base.epub").read("EPUB/a-premier.xhtml")
    assert b"https://fiches.example.org/fiches/premier.html" in chapter


def test_a_refused_value_in_conf_py_stops_a_command_as_it_stops_the_build(
    own_folders, tmp_path: Path, capsys
) -> None:
    src, _ = own_folders
    broken = tmp_path / "src"
    shutil.copytree(src, broken, ignore=shutil.ignore_patterns("_build"))
    (broken / "conf.py").write_text(
        (broken / "conf.py").read_text("utf-8") + "kb_review_after_months = 0\n", "utf-8"
    )
    with pytest.raises(SettingsError, match="kb_review_after_months"):
        Settings.from_conf_py(broken)
    assert review.main([str(broken)]) == 1
    assert "conf.py : option « kb_review_after_months » : valeur 0 refusée" in (
        capsys.readouterr().err
    )
