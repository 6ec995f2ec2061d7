"""What a new team publishes on day one is true (issue « What a new team publishes on day one
is true »): a build that will be published (`kb_publication`) refuses the starter's and the
examples' values with a French error naming each; any other build says them once and passes;
`new` says what it put in for the options it was not given; `upgrade` never goes back."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.commands import template, upgrade
from sphinx_base_de_connaissances.commands.new import main as new
from sphinx_base_de_connaissances.content.placeholders import is_placeholder_address

from tests.helpers import REPO, build_root

EXAMPLE = "https://github.com/exemple/ma-base"


def root(tmp_path: Path, publication: bool, url: str, repository: str) -> Path:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text("utf-8").replace("https://example.org/kb/", url)
        + f"\nkb_publication = {publication}\nkb_repository_url = {repository!r}\n",
        "utf-8",
    )
    editeur = src / "data/editeur.yml"
    editeur.write_text(
        editeur.read_text("utf-8").replace("equipe@example.org", f"{repository}/issues"), "utf-8"
    )
    return src


def test_a_build_to_publish_refuses_each_placeholder_in_french(tmp_path: Path) -> None:
    src = root(tmp_path, True, "http://127.0.0.1:8000/", EXAMPLE)
    _outdir, warnings = build_root("kb", src, copy=False)
    refused = [line for line in warnings.splitlines() if "publication refusée" in line]
    assert any("adresse du site « http://127.0.0.1:8000/ »" in line for line in refused)
    assert any(f"dépôt « {EXAMPLE} »" in line for line in refused), refused
    assert any("data/editeur.yml, editeur (contact)" in line for line in refused), refused
    assert len(refused) == 3


def test_a_local_build_says_them_once_and_passes(tmp_path: Path) -> None:
    import io

    src = root(tmp_path, False, "http://127.0.0.1:8000/", EXAMPLE)
    status = io.StringIO()
    _outdir, warnings = build_root("kb", src, copy=False, status=status)
    assert warnings == ""
    said = status.getvalue()
    assert said.count("À remplir avant de publier") == 1
    assert "http://127.0.0.1:8000/" in said and EXAMPLE in said


def test_real_values_publish(tmp_path: Path) -> None:
    src = root(tmp_path, True, "https://equipe.fr/base/", "https://forge.equipe.fr/base")
    _outdir, warnings = build_root("kb", src, copy=False)
    assert warnings == ""


@pytest.mark.parametrize(
    ("url", "placeholder"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost/", True),
        ("https://example.org/kb/", True),
        ("https://www.exemple.fr/", True),
        ("https://apercu.example/", True),
        ("https://equipe.fr/", False),
        ("https://exemples-de-strategie.fr/", False),
    ],
)
def test_which_addresses_are_placeholders(url: str, placeholder: bool) -> None:
    assert is_placeholder_address(url) is placeholder


def test_new_says_what_it_put_in_for_the_options_it_was_not_given(tmp_path: Path, capsys) -> None:
    assert new([str(tmp_path / "a")]) == 0
    out = capsys.readouterr().out
    assert "--url non donnée" in out and "--depot non donné" in out
    assert new([str(tmp_path / "b"), "--url", "https://equipe.fr/", "--depot", EXAMPLE + "2"]) == 0
    assert "À remplir avant de publier" not in capsys.readouterr().out


def test_upgrade_never_goes_back_without_being_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    base = tmp_path / "base"
    assert new([str(base)]) == 0
    record = template.Record.load(base)
    template.Record(dataclasses.replace(record.values, version="99.0.0"), record.shared).save(base)
    before = (base / template.RECORD).read_bytes()
    capsys.readouterr()
    assert upgrade.main([str(base)]) == 1
    assert "plus ancien que celui de la base (99.0.0)" in capsys.readouterr().err
    assert (base / template.RECORD).read_bytes() == before
    assert upgrade.main([str(base), "--retour"]) == 0
    out = capsys.readouterr().out
    assert "99.0.0 →" in out and "Ce qui change d’une version à l’autre" in out


def test_a_new_base_shows_its_title_as_typed_and_its_own_search_example(tmp_path: Path) -> None:
    from tests.helpers import soup

    base = tmp_path / "base"
    assert new([str(base), "--titre", "L’équipe <b>x</b> & co"]) == 0
    outdir, warnings = build_root("kb", base, copy=False)
    assert warnings == ""
    for page in ("index.html", "search.html", "articles/bienvenue.html"):
        html = (outdir / page).read_text("utf-8")
        assert "<b>x</b>" not in html, page
        assert "L’équipe &lt;b&gt;x&lt;/b&gt; &amp; co" in html or "&#34;" in html, page
    search = soup(outdir / "search.html")
    field = search.find("input", id="kb-search-input")
    tags = yaml_tags(base)
    assert field["placeholder"].removeprefix("Par exemple\u00a0: ") in tags
    assert "guide du contributeur" not in search.get_text()


def yaml_tags(base: Path) -> set[str]:
    import yaml

    found = set()
    for path in (base / "articles").rglob("*.md"):
        front = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])
        found.update(front.get("tags") or [])
    return found
