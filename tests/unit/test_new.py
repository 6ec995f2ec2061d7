"""`base-de-connaissances new`: what it writes, what it refuses, and its options."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
import yaml
from sphinx_base_de_connaissances.commands.new import main
from sphinx_base_de_connaissances.commands.template import RECORD

from tests.helpers import REPO

STARTER = (
    REPO
    / "_ext"
    / "sphinx-base-de-connaissances"
    / "src"
    / "sphinx_base_de_connaissances"
    / "starter"
)


def test_a_new_base_has_every_file_with_the_values_put_in(tmp_path: Path, capsys) -> None:
    base = tmp_path / "nouvelle"
    options = ["--titre", "Base « test »", "--url", "https://exemple.org/kb", "--region", "fr_CA"]
    assert main([str(base), *options, "--depot", "https://forge.example/nous/kb/"]) == 0
    written = sorted(p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file())
    packaged = sorted(
        re.sub(r"(^|/)dot-", r"\1.", p.relative_to(STARTER).as_posix())
        for p in STARTER.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert written == sorted([*packaged, RECORD])
    conf = runpy.run_path(str(base / "conf.py"))
    assert conf["project"] == "Base « test »" and conf["kb_locale"] == "fr_CA"
    assert conf["html_baseurl"] == "https://exemple.org/kb/"
    assert conf["kb_repository_url"] == "https://forge.example/nous/kb"
    assert "sphinx_share_footer" in conf["extensions"]
    for path in base.rglob("*"):
        if path.is_file():
            assert "@@" not in path.read_text("utf-8"), path
    assert (base / ".ci/run").stat().st_mode & 0o111
    assert "nox -s build" in capsys.readouterr().out


HOSTILE = [
    'L’équipe "digitale"',
    "Titre' + __import__('os').system('touch PWNED') + '",
    '""" ; import os ; """',
    "${{ github.token }} et {{ substitution }}",
    "<script>alert(1)</script> <img src=x onerror=alert(2)>",
    "{term}`KPI` et {doc}`ailleurs` [lien](javascript:alert(3))",
    "Barre \\ oblique, # dièse, * étoile, _tiret_, `code`, | tube",
    "---\ntitle: injecté",  # a newline: folded into a space
]


@pytest.mark.parametrize("title", HOSTILE)
def test_any_printable_title_is_data_everywhere(tmp_path: Path, title: str) -> None:
    base = tmp_path / "b"
    assert main([str(base), "--titre", title]) == 0
    shown = " ".join(title.split())
    namespace = runpy.run_path(str(base / "conf.py"))  # parses, and runs nothing of the title
    assert namespace["project"] == shown
    assert not (base / "PWNED").exists() and not Path("PWNED").exists()
    front = (base / "index.md").read_text("utf-8").split("---\n")[1]
    assert yaml.safe_load(front)["title"] == shown
    for workflow in (base / ".github/workflows").glob("*.yml"):
        assert shown not in workflow.read_text("utf-8")
    # In Markdown, every sign is escaped: what MyST reads back is the title as text.
    body = (base / "index.md").read_text("utf-8")
    line = next(x for x in body.splitlines() if x.startswith("Bienvenue dans **"))
    escaped = line.removeprefix("Bienvenue dans **").split("**, une base")[0]
    assert re.sub(r"\\(.)", r"\1", escaped) == shown


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--url", "https://x.org/'+__import__('os').system('id')+'"),
        ("--depot", 'https://forge.example/a"b/${{github.token}}'),
    ],
)
def test_addresses_with_quotes_are_written_as_data(tmp_path: Path, option, value) -> None:
    base = tmp_path / "b"
    assert main([str(base), option, value]) == 0
    namespace = runpy.run_path(str(base / "conf.py"))
    key = "html_baseurl" if option == "--url" else "kb_repository_url"
    assert value.rstrip("/") in namespace[key]


def test_a_folder_that_holds_anything_is_refused_and_left_as_it_was(tmp_path: Path, capsys):
    (tmp_path / ".git").mkdir()
    assert main([str(tmp_path)]) == 1
    assert "n’est pas vide" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [".git"]


def test_an_empty_folder_is_accepted(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    assert (tmp_path / "articles" / "bienvenue.md").is_file()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--url", "exemple.org", "--url : « exemple.org » n’est pas une adresse web"),
        ("--url", "https://exemple.org/a\nb", "n’est pas une adresse web"),
        ("--depot", "https://a b.org/", "--depot : « https://a b.org/ » n’est pas une adresse"),
        ("--region", "en_US", "une région du français"),
        ("--titre", "Un titre\x07 sonore", "--titre : caractère U+0007 refusé"),
        ("--titre", "   ", "--titre : le titre est vide"),
        ("--titre", "x" * 121, "au plus 120"),
        ("--inconnue", "x", "arguments inconnus : --inconnue x"),
    ],
)
def test_bad_options_are_refused_in_french(tmp_path: Path, capsys, option, value, expected):
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path / "b"), option, value])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("base-de-connaissances new : ") and expected in error
    assert "error:" not in error and "usage" not in error
    assert not (tmp_path / "b").exists()


def pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", path.read_text("utf-8"), flags=re.M)
    return {name.lower(): version for name, version in found}


def test_a_new_base_pins_the_versions_this_repository_builds_with() -> None:
    """`nox -s lock` compiles the starter's requirements against ours: a new base installs
    exactly what this site is tested with."""
    ours = pins(REPO / "requirements/site.txt") | pins(REPO / "requirements/tests.txt")
    for name in ("site.txt", "tests.txt"):
        theirs = pins(STARTER / "requirements" / name)
        assert {"sphinx", "myst-parser", "sphinx-book-theme"} <= theirs.keys()
        assert {k: v for k, v in theirs.items() if ours.get(k) != v} == {}, name
    assert pins(STARTER / "requirements/ci.txt") == pins(REPO / "requirements/ci.txt")
    # Their headers name the base's own command, never this repository's paths.
    for path in (STARTER / "requirements").glob("*.txt"):
        assert "_ext/" not in path.read_text("utf-8") and "/work" not in path.read_text("utf-8")


def test_a_target_that_cannot_be_written_is_a_french_error_and_leaves_nothing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    base = tmp_path / "nouvelle"
    real, calls = Path.write_bytes, []

    def refusing(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 5:  # a few files in: a disk that fills, a folder made read-only
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refusing)
    assert main([str(base)]) == 1
    error = capsys.readouterr().err
    assert "impossible d’écrire" in error and "permission refusée" in error
    assert "Traceback" not in error and "Permission denied" not in error
    assert not base.exists()


@pytest.mark.parametrize("host", ["github", "readthedocs"])
def test_each_known_host_is_named_as_the_law_asks(tmp_path: Path, host: str) -> None:
    """The host block ``new`` writes passes the engine's reading of data/editeur.yml: name and
    address (LCEN, art. 1-1), for the anonymous publisher a new base starts as."""
    from sphinx_base_de_connaissances.content import obligations

    base = tmp_path / "nouvelle"
    assert main([str(base), "--titre", "Base", "--hebergeur", host]) == 0
    raw = (base / "data" / "editeur.yml").read_bytes()
    publisher, found, problems = obligations.publisher(raw, "data/editeur.yml")
    assert problems == []
    assert publisher is not None and publisher.kind == "anonyme"
    assert found is not None and found.name.endswith("Inc.") and "États-Unis" in found.address
